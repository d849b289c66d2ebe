# A function's body may be any command in dash, not only a compound one: f() echo hi defines f
# (its redirections belong to the body), and so does f() x=1 or f() g() { ...; }.
f() echo hi >/dev/null
f; echo "[$(f)]"
g() printf '%s\n' "in g: $*"
g a b
h() x=1
h; echo "x=$x"
outer() inner() { echo inner; }
outer; inner
k()
echo "body on the next line"
k
l() for i in 1 2; do echo "l $i"; done
l
