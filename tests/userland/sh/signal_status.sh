# needs: kernel
# compare: stderr
# A command killed by a signal has status 128 + its number, and the shell says which signal
# ("Hangup") on stderr, as dash does; so does a shell whose -c command killed itself.
sh -c 'sh -c "kill -s HUP \$\$"'; echo "nested: $?"
sh -c "kill -s HUP \$\$"; echo "hup: $?"
sh -c "kill -s TERM \$\$"; echo "term: $?"
sh -c 'sh -c "kill -s HUP \$\$"; echo "inner: $?"'; echo "outer: $?"
(sh -c "kill -s KILL \$\$"); echo "subshell: $?"
x=$(sh -c "kill -s HUP \$\$"); echo "cmdsubst: $?"
sh -c "kill -s HUP \$\$" | cat; echo "pipe: $?"
sh -c 'sh -c "kill -s HUP \$\$"'
