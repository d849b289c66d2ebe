# Parameter expansion (POSIX 2.6.2): ${#v}, the four pattern removals with quoted patterns, :? := :- :+ and the forms without colon.
v=hello.tar.gz
echo ${#v} ${v#*.} ${v##*.} ${v%.*} ${v%%.*}
echo "${v#"*."}" "${v#h*l}" "${v##h*l}" ${v%'.gz'}
p='*.'
echo ${v#$p} "${v#"$p"}" ${v#\*.}
s='a*b*c'
echo ${s#*\*} ${s%\**} "${s#'a*'}"
echo ${s#a[*]}
x=
echo "[${x:-dflt}] [${x-dflt}] [${u-dflt}] [${x:+alt}] [${x+alt}] [${u+alt}]"
echo ${z:=assigned} $z
echo ${x:=fill} $x
y=''; echo "[${y=no}]"
(echo ${nope:?custom message}) 2>/dev/null; echo "status $?"
(echo ${x:?}) ; echo "status $?"
(: ${empty:?}) 2>/dev/null; echo "status $?"
echo ${#} ${#x} ${#nope}
set -- a bb ccc
echo ${#1} ${#3} ${#@} ${#*}
path=/usr/local/lib/libfoo.so.1
echo ${path##*/} ${path%/*} ${path#/*/} ${path%%/l*}
echo "${path%.so.*}" "${path#*"lib"}"
q='a"b'
echo "${q#a\"}" ${q%\"*}
echo ${v#} ${v%} "${v#""}"
n=123; echo ${n#1} ${n%3}
case $PPID in *[!0-9]*|"") echo "PPID not a number";; *) echo "PPID is a number";; esac
echo $((${#v} + 1))
echo "${v:-"a b"}" ${v:+"c   d"}
u=""; echo ${u:-`echo bq`} ${u:-$(echo cs)}
