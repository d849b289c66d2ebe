# needs: kernel
# Scripts: sh FILE ARGS, executable #! scripts, . (source), $0, positional parameters.
d=/tmp/sh-scripts-$$; mkdir $d
printf 'echo "script $# $1 $2"\necho "zero is ${0##*/}"\nexit 3\n' > $d/s.sh
sh $d/s.sh a b; echo "status $?"
printf 'sourced=yes\nf_from_file() { echo "defined in file"; }\n' > $d/lib.sh
. $d/lib.sh
echo $sourced; f_from_file
printf 'echo before\nreturn 2\necho never\n' > $d/ret.sh
. $d/ret.sh; echo "source status $?"
echo 'echo from stdin $((6*7))' | sh
sh -c 'echo "c: $0 $1"' zero one
rm -r $d
