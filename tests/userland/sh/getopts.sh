# getopts (POSIX): OPTIND, OPTARG, grouped options, option arguments, --, errors and silent mode.
parse() {
  OPTIND=1
  while getopts "$spec" o "$@"; do
    printf '%s' "[$o"; [ "${OPTARG+set}" ] && printf '=%s' "$OPTARG"; printf '] '
  done
  shift $((OPTIND - 1))
  echo "rest($#): $* status=$? OPTIND=$OPTIND"
}
spec=ab:c
parse -a -b val -c file
parse -ac -bval x y
parse -cab arg -- -a
parse -- -a
parse -a - -b x
parse file -a
parse -x -a 2>/dev/null
parse -a -b 2>/dev/null
spec=:ab:
parse -x -b
parse -a -b
parse -ba
spec=a
set -- -a -a rest
while getopts a opt; do echo "from \$@: $opt $OPTIND"; done
echo "end: $opt $OPTIND"
getopts a opt; echo "again at the end: $? $opt"
OPTIND=1; getopts a opt; echo "reset: $? $opt $OPTIND"
f() { local OPTIND; getopts x: v -x inner; echo "in f: $v $OPTARG $OPTIND"; }
f; echo "after f: $OPTIND"
getopts 2>/dev/null; echo "usage error $?"
