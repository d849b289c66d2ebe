# needs: kernel
# compare: stderr
# Error messages name the shell and the line, as dash's do ("sh: 4: ...").
nosuch_command_here
cd /nonexistent/dir
echo ok
f() {
  nosuch_in_function
}
f
x=$(nosuch_in_subst)
cat < /nonexistent/file
echo > /nonexistent/dir/file
kill -s NOSUCH $$
kill %3
read 1bad </dev/null
getopts
unalias nosuch
alias nosuch
trap x NOSUCH
(shift 3)
(set -o nosuch)
(x=${y?custom message})
(echo $((1/0)))
(unset -x)
(export 1a)
(readonly r=1; r=2)
(umask 99)
(. /nonexistent)
(exec 3</nonexistent)
(command -x)
(local x)
(return x)
printf %d abc; echo
test 1 -gt x
[ 1
sh -c 'for 1 in a; do :; done'
sh -c 'echo one
if true; then fi'
sh -c 'echo )'
sh -c 'eval "("'
exit x
