# Quoting: single and double quotes, backslashes, and what survives each.
x='a  b'
echo $x
echo "$x"
echo '$x' "\$x" \$x
echo "a\\b" 'a\\b' a\\b
echo "it's" 'say "hi"' "tab	in"
echo \"quoted\" \'single\'
echo 'multi
line'
echo "a\
b" a\
b
echo "\a\q \` \" \\"
set -- ''"" x""y ''
echo $#
echo ""x''
y="*"
echo "$y" '*' \*
echo "${x}" "${x}s" "pre${x}post"
echo \#notacomment # a comment
echo a#b
