# Special parameters: $# $@ $* $1..$9 ${10} $0 $? and set --/shift.
set -- one "two words" three
echo $#
echo "$1|$2|$3"
for a in "$@"; do echo "[$a]"; done
for a in $@; do echo "<$a>"; done
for a in "$*"; do echo "{$a}"; done
IFS=:
echo "$*"
IFS=' 	
'
shift
echo $# "$1"
shift 2
echo $# "[$*]"
set -- a b c d e f g h i j k
echo $9 ${10} ${11}
false
echo $?
true
echo $?
set --
for a in "$@"; do echo never; done
echo "count $#"
set -- "" ""
echo $#
for a in "$@"; do echo "empty[$a]"; done
for a in $@; do echo never; done
f() { echo "$# args: $*"; }
f "$@"
f
echo "${#}"
