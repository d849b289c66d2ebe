# Parameter expansion: ${VAR}, defaults, assignment, alternatives, lengths, pattern removal.
unset u
e=
v=value
echo "[${u:-dflt}] [${e:-dflt}] [${v:-dflt}]"
echo "[${u-dflt}] [${e-dflt}] [${v-dflt}]"
echo "[${u:+alt}] [${e:+alt}] [${v:+alt}] [${e+alt}]"
echo "[${u:=set}] [$u]"
echo "[${e=notset}] [$e]"
echo "${#v} ${#u} ${#e}"
path=/usr/local/lib/libfoo.so.1
echo "${path#*/}" "${path##*/}" "${path%.*}" "${path%%.*}"
echo "${path#/usr}" "${path%[0-9]}"
n=12345
echo ${n#1} ${n%5} ${#n}
echo "${u:-$v and more}" ${u:-'quoted default'}
unset u
echo ${u:-"a b"} "${u:-a   b}"
w="a b c"
set -- ${w}
echo $# $1 $3
echo "${undefined}x"
