# compare: stderr
# test and [ name the argument dash names: for arguments left over, the last one used
# ("[ a == b ]" is "[: a: unexpected operator", the bashism students write); an operator without
# its operand is "-eq: argument expected".
[ a1 == a2 ]; echo "== : $?"
[ a1 = a2 = a3 ]; echo "= = : $?"
test -v PATH; echo "-v: $?"
[ x y ]; echo "two words: $?"
[ a1 = a2 -a b3 c4 ]; echo "left over: $?"
[ ! x y ]; echo "! two words: $?"
[ x -eq ]; echo "-eq alone: $?"
[ 1 -eq 1 -a x -gt ]; echo "-gt alone: $?"
