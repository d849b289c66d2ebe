# needs: kernel
# Pipelines of builtins and programs, and their exit statuses.
echo hello | cat
echo one two three | tr ' ' '\n' | sort -r | head -2
printf 'b\na\nc\n' | sort | cat | cat | cat
echo piped | { read x; echo "read: $x"; }
echo status | false
echo "false last: $?"
false | true
echo "true last: $?"
! echo x | false
echo "negated: $?"
seq 1 5 | while read n; do echo "n=$n"; done
echo a | cat |
  cat
f() { while read l; do echo "f got $l"; done; }
printf 'x\ny\n' | f
