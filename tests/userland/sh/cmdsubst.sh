# needs: kernel
# Command substitution $( ) and ` `.
x=$(echo hello)
echo "$x"
echo "$(echo one; echo two)"
echo $(echo one; echo two)
y=`echo back`; echo $y
echo "nested $(echo "inner $(echo deepest)")"
n=$(printf 'a\n\n\n'); echo "[$n]"
z=$(false); echo "status $?"
echo $(case x in x) echo case-in-subst;; esac)
echo "$(echo 'a  b')"
count=$(echo a b c | wc -w); echo $((count + 0))
f() { echo "from f $1"; }
echo "$(f arg)"
echo `echo \`echo inner\``
v=$(exit 4); echo "exit in subst $?"
echo $(seq 1 3)
