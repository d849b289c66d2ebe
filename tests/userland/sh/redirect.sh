# needs: kernel
# Redirections: < > >> 2> 2>&1 N>&M, on builtins, programs and compound commands.
d=/tmp/sh-redirect-$$
mkdir $d && cd $d || exit 1
echo first > out
echo second >> out
cat out
cat < out
read line < out; echo "read: $line"
nosuch 2> err; echo "status $?"
[ -s err ] && echo "err has text"
{ echo to-stderr >&2; } 2>&1
{ echo a; echo b >&2; } > both 2>&1; cat both
echo x 1>one 2>two; cat one
: > empty; [ -f empty ] && [ ! -s empty ] && echo "empty file"
for i in 1 2 3; do echo "line $i"; done > loop; cat loop
while read l; do echo "w: $l"; done < loop
if true; then echo "from if"; fi > iffile; cat iffile
exec 3> fd3; echo "via 3" >&3; exec 3>&-; cat fd3
echo "<in" > 'name with space'; cat 'name with space'
f=out; cat < $f | head -1
cd / && rm -r $d
