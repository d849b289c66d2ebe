# Exit statuses: $?, !, &&, ||, and how they combine.
true && echo "and ok"
false && echo never
false || echo "or ok"
true || echo never
! true; echo "not true $?"
! false; echo "not false $?"
false; echo $?
true; echo $?
false || false || echo chained
true && false || echo "mixed $?"
x=1 && echo "assign ok $?"
: ; echo ": is $?"
f() { return 3; }
f && echo never || echo "f failed $?"
if ! f; then echo "negated $?"; fi
exit 5
echo never
