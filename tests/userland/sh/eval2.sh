# eval: empty, several arguments joined, nested, quoting, syntax errors, and its status.
eval
echo "empty $?"
false; eval; echo "empty resets the status: $?"
eval echo one   two "three  four"
eval 'x="a  b"'; echo "[$x]"
eval "eval 'eval echo deep'"
eval 'f() { echo "defined in eval $1"; }'; f ok
eval 'for i in 1 2; do'  ' echo $i;' 'done'
q="it's"; eval "echo \"$q\""
eval "y=\$q"; echo "$y"
eval 'exit_status() { return $1; }'; exit_status 7; echo "status $?"
eval false; echo "false $?"
eval 'true; false'; echo "last $?"
(eval 'if') 2>/dev/null; echo "syntax error: $?"
(eval 'echo before; if') 2>/dev/null; echo "error after output: $?"
eval 'set -- x y z'; echo "$# $2"
i=0; while eval '[ $i -lt 3 ]'; do i=$((i+1)); done; echo "i=$i"
for v in a b; do eval "var_$v=$v$v"; done; echo "$var_a $var_b"
eval 'case x in x) echo matched;; esac'
eval "echo \$(echo subst) \`echo back\`"
eval 'break' 2>/dev/null; echo "break outside a loop"
for i in 1 2 3; do eval 'if [ $i = 2 ]; then break; fi'; echo "loop $i"; done
