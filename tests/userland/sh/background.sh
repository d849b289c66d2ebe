# needs: kernel
# Background jobs: &, $!, wait, and their statuses.
sleep 0 &
wait $!
echo "waited $?"
(exit 3) &
p=$!
wait $p; echo "status $?"
echo bg-output &
wait
{ for i in 3 1 2; do (echo "job $i") & done; wait; } | sort
x=1 &
wait
echo "x=[$x]"
true & false & wait
echo done
