# set -e is off inside eval's commands when eval itself runs as a condition (if, !, ||, &&),
# as it is for a function called there; eval outside a condition runs them under set -e.
set -e
f() { false; echo "f goes on after false"; }
if ! eval f; then echo "not reached: f succeeded"; fi
if eval 'false; echo "eval goes on after false"'; then echo "eval succeeded"; fi
eval 'false; echo "in || too"' || echo "not reached"
command eval 'false; echo "command eval && too"' && echo "and after"
g() { eval 'false; echo "inside a function called as a condition"'; }
g || echo "not reached"
echo "outside a condition, set -e applies again:"
eval 'false; echo never'
echo never
