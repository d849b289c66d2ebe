# compare: stderr
# set -x writes $PS4 expanded before each command ($n, $((...))), after the command's own
# assignments (PS4=x cmd is traced with x); an empty PS4 is no prefix at all, and a mistake in
# PS4 is reported and PS4 written as it is. (dash writes garbage for an unset PS4: not here.)
set -x
echo default
PS4='+$n '
n=1
echo "n is $n"
PS4='[$((n=n+1))] '
echo counted
echo again
PS4='>> ' echo prefixed
PS4=
echo bare
PS4='${nope?no prefix} '
echo mistake
set +x
echo "${PS4-unset}"
