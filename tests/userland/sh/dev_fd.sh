# needs: kernel
# /dev/fd/N names the shell's (or a program's) own descriptor N, as /dev/stdin names 0
echo line | cat /dev/fd/0
{ echo to-fd2 >/dev/fd/2; } 2>&1 | tr a-z A-Z
exec 4>&1
{ echo via-fd4 >/dev/fd/4; } >/dev/null
exec 4>&-
echo piped | { read x </dev/fd/0; echo "read: $x"; }
# what ls has open when it lists /dev/fd: 0, 1, 2 and the directory it reads
ls /dev/fd
ls /dev/fd/ </dev/null 5</dev/null
test -d /dev/fd && echo "/dev/fd is a directory"
echo x | { test -p /dev/fd/0 && echo "fd 0 is a pipe"; }
cat /dev/fd/1x 2>/dev/null || echo "/dev/fd/1x: no such name"
cat /dev/fd/-1 2>/dev/null || echo "/dev/fd/-1: no such name"
cat /dev/fd/01 2>/dev/null || echo "/dev/fd/01: no such name"
