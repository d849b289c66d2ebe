# needs: kernel
# printf's %b writes the NUL of \0 (and \0NNN) and goes on with what follows, as dash does; its
# width and precision count the bytes expanded.
printf '%b|' '\0' '\08' 'a\0b' '\0101' | od -c
printf '[%5b][%-5b][%.2b][%*b][%-3.1b]\n' 'a\tb' x 'abc' -4 y zz
printf '%b' 'a\cb' c; echo
printf '%b\n' 'no escapes' '\\' '\0' | od -c
