# Shell functions: arguments, return, recursion, $@ and local scoping of positional parameters.
greet() {
  echo "hello $1 ($#)"
}
greet world
greet "big world" extra
add() { echo $(($1 + $2)); }
add 2 3
isbig() { [ $1 -gt 10 ]; }
isbig 20 && echo "20 big"
isbig 5 || echo "5 small"
ret() { return $1; echo never; }
ret 7; echo "returned $?"
count() {
  if [ $1 -gt 0 ]; then echo "down $1"; count $(($1 - 1)); fi
}
count 3
set -- outer args
show() { echo "inside: $*"; }
show inner
echo "outside: $*"
loop() { for i in 1 2 3; do [ $i = 2 ] && return 5; echo "loop $i"; done; }
loop; echo "status $?"
v=global
setv() { v=changed; }
setv; echo $v
nested() { inner() { echo "inner defined"; }; inner; }
nested; inner
f() { echo first; }
f() { echo second; }
f
