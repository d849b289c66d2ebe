# compare: stderr
# The printf builtin has no options, as in dash: printf -v (bash's) is "Illegal option -v" and
# status 2, a format that begins with - needs -- before it, and -- is skipped once.
printf -v x %s 1; echo "-v: $?"
printf -- -x; echo
printf -- "%s\n" after-dashes
printf -- --; echo
printf '%s\n' -a
printf --; echo "no format: $?"
printf -x; echo "-x: $?"
