# printf: conversions, widths, escapes, reusing the format for extra arguments.
printf 'hello\n'
printf '%s and %s\n' one two
printf '%d %i %x %X %o %u\n' 42 -7 255 255 8 3
printf '[%5s][%-5s][%.2s]\n' ab ab abcdef
printf '[%05d][%-4d][%+d]\n' 42 7 5
printf '%c%c%c\n' abc d e
printf '100%%\n'
printf '%s\n' a b c
printf '%s=%d\n' x 1 y 2 z
printf 'tab\there\\back\n'
printf '\101\102\n'
printf '%b\n' 'esc\tin\\arg'
printf 'no newline'
printf '\n'
printf '%d\n' "'A"
printf '%s|' "with space" ""
printf '\n%*d|\n' 6 42
printf -- '--%s\n' dash
