# read: one or several variables, IFS splitting, -r, backslashes, end of input.
read a
echo "[$a]"
read a b
echo "[$a] [$b]"
read a b
echo "[$a] [$b]"
read -r raw
echo "[$raw]"
read cooked
echo "[$cooked]"
IFS=: read x y z
echo "[$x] [$y] [$z]"
read r
echo "r=[$r]"
read a b c
echo "[$a] [$b] [$c]"
read last; echo "status $? [$last]"
read none; echo "status $? [$none]"
