# set -u does not reach into $((...)) (dash): an unset name there is 0, as without it, while
# $name and ${name} outside arithmetic are still errors.
set -u
echo $((nope + 1))
echo $((nope))
: $((counter += 1)); echo "counter $counter"
echo "${nope:-default}"
(echo $nope) 2>/dev/null || echo "plain \$nope still fails: $?"
