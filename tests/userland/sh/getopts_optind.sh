# OPTIND is 1 when the shell starts, before any getopts (shift $((OPTIND - 1)) then shifts
# nothing), and while getopts is inside a group of letters such as -abc it already names the
# argument after the group, as in dash.
echo "at start: OPTIND=$OPTIND"
shift $((OPTIND - 1))
set -- -ab -c10 -d value rest
while getopts "abc:d:" opt; do
    echo "opt=$opt OPTARG=${OPTARG-} OPTIND=$OPTIND"
done
shift $((OPTIND - 1))
echo "operands: $*"
OPTIND=1
getopts "ab" opt -ab; echo "$opt $OPTIND"
getopts "ab" opt -ab; echo "$opt $OPTIND"
getopts "ab" opt -ab; echo "$opt $OPTIND status $?"
