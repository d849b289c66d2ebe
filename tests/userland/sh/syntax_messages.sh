# needs: kernel
# compare: stderr
# The words of dash's messages for an unterminated string, ${, $((, `...`, a bad ${...} and a
# bad arithmetic expression ("expecting primary", "expecting EOF", "expecting ')'"): scripts that
# check a shell's messages, and people who search for them, see the same text.
for s in 'echo "abc' "echo 'abc" 'echo ${x' 'echo "${x' 'echo ${x:-"abc}' 'echo ${x:-${y' \
         'echo $((1+2' 'echo "$((1+' 'echo `abc' 'echo "`abc' \
         'echo ${x!}' 'echo ${#x#}' 'echo ${x:0:1}' 'x=1; echo ${x/1/2}'; do
  sh -c "$s"; echo "status $?"
done
for e in '1 +' '*2' '1 2' '1 ? 2' 'a b' '08' '1a' '~' '2 ** 3' 'x=' '1 ? 2 :' '3 +=' \
         '(1 + 2' '(08)' '1 ? 09 : 2'; do
  sh -c "e='$e'; echo \$((\$e))"; echo "status $?"
done
