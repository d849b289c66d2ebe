# needs: kernel
# compare: stderr
# Mistakes in builtins' arguments, with dash's messages and statuses: kill with no pid, a bad
# job, pid or option; unset of a bad name; export/readonly's options; . with no file does nothing.
for s in 'kill' 'kill -s' 'kill %1' 'kill abc' 'kill -s BOGUS 1' 'kill -BOGUS 1' \
         'unset 1x' 'unset -v 1x; echo next' 'unset -f 1x; echo next' '.; echo "dot: $?"' \
         'export -n x' 'readonly -x a' 'export -p >/dev/null; echo ok' 'export -pp >/dev/null; echo ok' \
         'readonly -- x=1; echo $x' 'export -- y=2; echo $y'; do
  sh -c "$s"; echo "status $?"
done
