# needs: kernel
# export -p and readonly -p list the variables whatever names follow, as dash does (the names
# are not exported); export -- name=value exports.
x=1
readonly r=2
export -p x | grep -c "^export"
readonly -p q | grep "r="
echo "${q-q unset}"
export -- y=3; echo "$y"; sh -c 'echo "y in a child: $y"'
