# Tilde expansion beyond the start of a word (POSIX 2.6.1, as dash does it): at the start of an
# assignment's value and after each unquoted ':' in it, at the start of the word of an unquoted
# ${x-word} (and of a ${x#pattern}), and in the NAME=value arguments of export, readonly and
# local, which are expanded as assignments are: not split, not globbed.
HOME=/home/me
a=~; b=~/bin:~:/usr/bin:~/sbin; c=x~:'~':"~":\~:~y; echo "$a|$b|$c"
d=~/$HOME; e="~"; eval f="$e"; echo "$d|$e|$f"
echo ${unset:-~} ${unset:-~/x} "${unset:-~}" ${unset:-a~} ${unset:+~}
v=/home/me/file; echo ${v#~} "${v#~}" ${new:=~/new}; echo "$new"
words='two  words' star='*'
export e1=$words e2=~/$star; echo "$e1|$e2"
readonly r1=$words:~; echo "$r1"
f() { local l1=$1 l2=~; echo "$l1|$l2"; }; f "$words"
command export e3=$words; echo "$e3"
echo export x=$words x=~
