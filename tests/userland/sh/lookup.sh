# needs: kernel
# command, type and hash: what a name is, running past functions, remembered programs.
f() { echo "function f"; }
echo() { builtin_echo_is_hidden; }
unset -f echo
alias ll='ls -l'
for n in f echo cd : if ll cat /bin/cat nosuch; do command -v $n; echo "-v $n: $?"; done
for n in f echo exit while ll cat nosuch; do command -V $n; echo "-V $n: $?"; done
type f cd cat nosuch; echo "type: $?"
cat() { echo "cat function"; }
cat </dev/null
command cat </dev/null; echo "command bypassed the function: $?"
command -p true; echo "-p $?"
x=1 command true; echo "x=$x: a prefix on command is not kept"
command exit 0 2>/dev/null; echo "still here? no: exit runs"
