# "$@" where no field splitting is done (an assignment, a here-document, case's word, ${x=...})
# is its fields joined by IFS's first character, as "$*" is (dash); a space when IFS is unset,
# nothing when it is empty.
set -- x 'y z'
IFS=:
s="$@"; t=$@; echo "$s|$t"
cat <<EOF
here: $@|$*
EOF
case "$@" in "x:y z") echo "case: joined by :" ;; *) echo "case: other" ;; esac
echo "${v=$@}"
IFS=; s="$@"; echo "[$s]"
unset IFS; s="$@"; echo "[$s]"
