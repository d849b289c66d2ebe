# echo: arguments, -n, and the escapes dash's echo understands.
echo
echo a b   c
echo -n "no newline"; echo " then newline"
echo 'tab\there' 'new\nline'
echo 'stop\c here'; echo
echo '\0101 octal' 'back\\slash'
echo -e
echo --
echo "-n"x
