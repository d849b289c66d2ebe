# compare: stderr
# set -x: each command on stderr after expansion, with "+ ", assignments too, as dash writes them.
set -x
x=1
echo "a b" $x
f() { :; }
f arg
y=$(echo in)
: "it's" ''
for i in 1 2; do :; done
if true; then x=2 :; fi
case a in a) echo case;; esac
set +x
echo untraced
