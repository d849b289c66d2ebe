# Field splitting (POSIX 2.6.5): IFS white space, non-white delimiters, empty fields.
show() { printf '%s' "$#:"; for a in "$@"; do printf '[%s]' "$a"; done; echo; }
v='  a  b  '
show $v
IFS=:
v='a::b:'
show $v
v=':a:b'
show $v
v='::'
show $v
IFS=' :'
v=' a : b :: c '
show $v
v='a :  : b'
show $v
IFS=
v='a b c'
show $v
unset IFS
v=' x  y	z '
show $v
IFS=' 	'
v='1 2'
show $v"3 4"$v
IFS=,
set -- "a,b" c
show $*
show "$*"
show $@
IFS=' '
x=
show $x "" $x
show ${x:-a b} "${x:-a b}"
IFS=:,
v='a,:b'
show $v
v='a, b'
show $v
