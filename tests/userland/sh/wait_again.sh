# needs: kernel
# As in dash, the status wait gave for a background job stays for another wait (also after a
# plain `wait`), until the next job starts: then the pid is unknown (127).
sleep 0 & p=$!
(exit 4) & q=$!
wait; echo "wait: $?"
wait $q; echo "q: $?"
wait $p; echo "p: $?"
wait $q; echo "q again: $?"
(exit 3) & r=$!
wait $q; echo "q after a new job: $?"
wait $r; echo "r: $?"
/bin/true
wait $r; echo "r after a command: $?"
for i in 1 2 3; do (exit $i) & done
wait; echo "all: $?"
wait %3; echo "%3: $?"
(exit 5) & s=$!
wait $s; echo "s: $?"
x=$(echo a command substitution)
wait $s; echo "s after \$(...): $?"
