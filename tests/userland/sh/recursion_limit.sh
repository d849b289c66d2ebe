# compare: stderr
# A function that calls itself without end stops at dash's limit, 1000 calls deep, with dash's
# message and status 2 (the script ends), where it overflowed the stack (a capability fault).
# 1000 calls are still allowed.
f() { depth=$1; [ "$1" -lt 1000 ] && f $(($1 + 1)); }
f 1; echo "1000 deep: $depth"
g() { g; }
(g); echo "runaway: $?"
g
echo not reached
