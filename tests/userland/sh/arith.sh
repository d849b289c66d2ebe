# Arithmetic expansion $(( )): operators, precedence, variables, assignment.
echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7 / 2)) $((2 - 3 - 4))
echo $((1 < 2)) $((2 <= 1)) $((3 > 2)) $((3 >= 4)) $((5 == 5)) $((5 != 5))
echo $((1 && 0)) $((1 || 0)) $((!0)) $((!5)) $((0 && 1/0))
echo $((6 & 3)) $((6 | 3)) $((6 ^ 3)) $((~0)) $((1 << 4)) $((256 >> 2))
echo $((0x1f)) $((010)) $((-(3)))
x=5
y=3
echo $((x * y)) $(($x + $y)) $((x-y))
echo $((z = x + 1)) $z
echo $((x += 2)) $x
i=0
while [ $i -lt 5 ]; do i=$((i + 1)); done
echo $i
echo $((x > y ? x : y)) $((x < y ? x : y))
echo $(( 1 +
  2 ))
unset empty
echo $((empty + 1))
n=10
echo "$((n * (n + 1) / 2))"
echo $(( $(( 2 * 3 )) + 1 ))
