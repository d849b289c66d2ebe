# needs: kernel
# ( ... ) subshells: their own variables, directory and exit.
cd /
x=outer
(x=inner; echo "in: $x")
echo "out: $x"
(exit 3); echo "status $?"
(cd /tmp; pwd)
pwd
(echo a; echo b) | cat
( (echo nested) )
y=$( (echo deep) ); echo $y
(set -- p q; echo "$# $1")
echo "$#"
