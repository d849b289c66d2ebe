# needs: kernel
# readonly: listing, and every way of changing such a variable failing (and ending a script).
readonly r=1
readonly s
s=2
readonly -p | grep ' [rs]'
readonly | grep ' [rs]='
echo "r=$r s=$s"
sh -c 'readonly x=1; x=2; echo never'; echo "assignment: $?"
sh -c 'readonly x=1; unset x; echo never'; echo "unset: $?"
sh -c 'readonly x=1; export x=3; echo never'; echo "export: $?"
sh -c 'readonly x=1; for x in a; do :; done; echo never'; echo "for: $?"
sh -c 'readonly x=1; x=2 true; echo never'; echo "prefix: $?"
sh -c 'readonly x=1; : ${x:=2} ${y:=3}; echo never'; echo "default: $?"
sh -c 'readonly x=1; read x <<E
a
E
echo "read: $? $x"'
sh -c 'readonly x=1; export x; echo "export of readonly is fine $x"'
sh -c 'readonly 1x' 2>/dev/null; echo "bad name: $?"
sh -c 'readonly x=1; readonly x=2; echo never' 2>/dev/null; echo "readonly again: $?"
