# needs: kernel
# compare: stderr
# kill -l N names signal N, or the signal that killed a command whose status ($?) is N: 128 + 9
# is KILL (POSIX). Not a signal: an error, status 2, as dash says it.
kill -l 9; kill -l 137; kill -l 15; kill -l 129
sh -c 'kill -s TERM $$'; kill -l $?
kill -l 300; echo "300: $?"
kill -l 1x; echo "1x: $?"
