# needs: kernel
# /dev/stdin, /dev/stdout and /dev/stderr name the shell's own descriptors 0, 1 and 2
{ echo to-stderr >/dev/stderr; } 2>&1 | tr a-z A-Z
echo to-stdout >/dev/stdout
{ echo not-here >/dev/stdout; } >/dev/null
echo line | cat /dev/stdin
echo piped | { read x </dev/stdin; echo "read: $x"; }
exec 3>&1
{ echo via-fd3 >/dev/stdout; } 1>&3
ls /dev/stdout /dev/stderr /dev/stdin
