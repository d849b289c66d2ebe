# needs: kernel
# Pathname expansion: * ? [...], sorted, hidden files, no match, quoting.
d=/tmp/sh-glob-$$; mkdir $d && cd $d || exit 1
touch b.c a.c c.h .hidden ab abc x1 x2 x10
mkdir sub; touch sub/one.c sub/two.c
echo *
echo *.c
echo ?
echo ??
echo a*
echo x[0-9]
echo x[!1]*
echo [ab]*
echo .*
echo sub/*.c
echo */*.c
echo nomatch*
echo "*.c" '*.c' \*.c
p='*.h'; echo $p
echo "$p"
set -f; echo *.c; set +f
for f in *.c; do echo "file $f"; done
cd / && rm -r $d
