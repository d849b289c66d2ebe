# break and continue in a function stop only the loops inside that function: the loops it was
# called from go on (as in dash), and break N counts only the function's own loops.
f() { break; }
for i in 1 2; do f; echo "after f: $i"; done
g() { continue; }
for i in 1 2; do g; echo "after g: $i"; done
h() { for k in a b; do break 2; done; echo "h goes on after its loop"; }
for i in 1 2; do h; echo "after h: $i"; done
n() { for k in a b c; do for l in x y; do break 5; done; echo never; done; echo "n done"; }
n
w() { while true; do return 3; done; }
w; echo "w returned $?"
for i in 1 2 3; do
  if [ "$i" = 2 ]; then break; fi
  echo "a loop's own break still works: $i"
done
