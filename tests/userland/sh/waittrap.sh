# needs: kernel
# wait and traps: a trapped signal ends the wait builtin at once with 128 + its number, and the
# action runs (POSIX); the job goes on and can be waited for again.
trap 'echo got USR1' USR1
sleep 3 & p=$!
sh -c "sleep 1; kill -USR1 $$" &
wait $p; echo "wait returned $?"
kill $p; wait $p; echo "after kill $?"
trap 'echo got USR2' USR2
sh -c "sleep 1; kill -USR2 $$" & sleep 2 & 
wait; echo "plain wait returned $?"
wait; echo "then $?"
