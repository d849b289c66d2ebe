# needs: kernel
# The assignments of a command are expanded and made left to right, each seeing those before
# it (as in dash); the command's own words are expanded before any of them.
a=1 b=$a; echo "alone: b=$b"
dir=/x file=$dir/y; echo "alone: $file"
x=1 y=$x sh -c 'echo "program: y=$y"'; echo "after a program: x=${x-unset}"
f() { echo "function: q=$q"; }; p=2 q=$p f; echo "after a function: p=${p-unset}"
old=1; old=2 echo "words first: $old"
m=1 n=${m}2 : ; echo "special builtin: m=$m n=$n"
unset r; r=1 s=$((r + 1)) true; echo "regular builtin: r=${r-unset} s=${s-unset}"
