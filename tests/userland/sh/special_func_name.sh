# needs: kernel
# compare: stderr
# A function cannot be named after a special builtin (nor local): dash says "Bad function name",
# a syntax error. Other builtins' names are fine: the function then hides the builtin.
for name in export break : continue . eval exec exit readonly return set shift times trap unset local; do
  sh -c "$name() { echo function; }; echo not here"; echo "$name: $?"
done
true() { echo "my true"; }; true
cd() { echo "my cd"; }; cd /
