# needs: kernel
# compare: stderr
# The number operand of exit, return, shift, break, continue, wait and kill must be a decimal
# from 0 (break, continue: 1) to 2147483647; anything else - even one that would wrap - is
# dash's "Illegal number" (status 2). In a subshell, as the error ends a script.
(exit 99999999999); echo "exit big: $?"
(exit 2147483648); echo "exit 2^31: $?"
(exit 4294967297); echo "exit 2^32+1: $?"
(exit 2147483647); echo "exit max: $?"
(f() { return 2147483648; }; f; echo not here); echo "return 2^31: $?"
(f() { return 4294967297; }; f); echo "return 2^32+1: $?"
(f() { return 1x; }; f); echo "return 1x: $?"
f() { return 2147483647; }; f; echo "return max: $?"
(set -- a; shift 99999999999); echo "shift big: $?"
(set -- a; shift 1x); echo "shift 1x: $?"
(for i in 1; do continue 99999999999; done); echo "continue big: $?"
(for i in 1; do break 4294967297; done); echo "break big: $?"
wait 99999999999; echo "wait big: $?"
wait 1x; echo "wait 1x: $?"
wait %5; echo "wait %5: $?"
kill 99999999999; echo "kill big: $?"
# wait has no options: -1 is one, illegal
wait -1; echo "wait -1: $?"
wait --; echo "wait --: $?"
