# local is a special builtin in dash: a mistake in it (a bad name, or local outside a function,
# even without names) ends the script. local - keeps the options: those set in the function are
# put back as it returns.
f() { local -; set -f; echo "in f: $-"; }
f; echo "after f: $-"
g() { local - x=1; set -u; echo "in g: $- $x"; }
set -e; g; echo "after g: $-"; set +e
h() { local -; set +o noglob; }
set -f; h; echo "after h: $-"; set +f
k() { local 1x; echo "not reached"; }
(k); echo "bad name: $?"
(local y=1; echo "not reached"); echo "outside a function: $?"
(local; echo "not reached"); echo "no names, outside a function: $?"
m() { local; echo "no names in a function: $?"; }; m
echo end
