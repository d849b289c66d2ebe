# needs: kernel
# NUL bytes, which no shell value can hold: read and $(...) drop them, as dash does (they cut the
# value short before), and echo, printf and %b write them. \e is the escape character in echo,
# printf and %b alike (dash).
printf 'x\0y\n' | { read a; echo "[$a]"; }
printf 'a\\\0b c\n' | { read a b; echo "[$a][$b]"; }
printf 'one\0\ntwo\n' | { read -r a; read -r b; echo "[$a][$b]"; }
x=$(printf 'a\0b\0'); echo "[$x] ${#x}"
echo 'a\0b\00c' | od -c
echo '\e' | od -c
printf '%b\e\n' '\e' | od -c
