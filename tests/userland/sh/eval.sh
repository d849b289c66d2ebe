# eval, and running text built at run time.
cmd='echo evaluated'
eval $cmd
eval "x=1; y=2"
echo $x $y
var=name
eval "$var=dynamic"
echo $name
eval 'for i in 1 2; do echo "loop $i"; done'
eval false; echo "status $?"
eval; echo "empty $?"
f() { eval 'return 4'; echo never; }
f; echo "f $?"
a=b; b=c; eval echo \$$a
