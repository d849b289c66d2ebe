# compare: stderr
# A builtin that sets a read-only variable names itself in the message, as in dash: cd (PWD,
# OLDPWD), read, getopts (OPTARG too). Its status is 2 and the script goes on; what eval, a
# function or a plain assignment sets is named without a builtin.
readonly x
echo a | read x; echo "read: $?"
read x </dev/null; echo "read at the end: $?"
getopts a x -a; echo "getopts: $?"
eval 'read x' </dev/null; echo "eval read: $?"
f() { read x; }; f </dev/null; echo "function read: $?"
readonly OPTARG; getopts a: o -a value; echo "getopts OPTARG: $?"
(readonly PWD; cd /; echo "cd PWD: $?")
(readonly OLDPWD; cd /; echo "cd OLDPWD: $?")
(eval x=2); echo "eval assignment: $?"
(x=2); echo "assignment: $?"
