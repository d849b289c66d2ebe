# needs: kernel
# set -e is off for every command of a condition (POSIX 2.14 set -e), and stays off inside the
# subshells, pipelines and functions that such a command runs.
set -e
(false; echo "subshell before ||") || echo "not reached: the subshell succeeded"
if (false; echo "subshell in if"); then echo then; fi
false | (false; echo "pipeline in &&") && echo and
f() { false; echo "function before ||"; return 1; }
f || echo "f failed with $?"
! (false; echo "subshell after !")
g() { false; echo "function in if"; }
if g; then echo "g succeeded"; fi
while (false; echo "while's condition"; exit 1); do :; done
{ false; echo "group before ||"; } || echo "not reached"
echo "outside a condition, set -e applies again:"
(false; echo never)
echo never
