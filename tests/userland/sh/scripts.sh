# needs: kernel
# Scripts: sh FILE ARGS, #! scripts made executable with chmod, . (source), $0, positional parameters.
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
printf '#!/bin/sh\necho "hashbang $1 ${0##*/}"\nexit 4\n' > $d/run.sh
$d/run.sh; echo "before chmod $?"
chmod +x $d/run.sh; $d/run.sh arg; echo "status $?"
chmod u=rwx,go= $d/run.sh; ls -l $d/run.sh | cut -c1-10
chmod 640 $d/run.sh; ls -l $d/run.sh | cut -c1-10
chmod q+z $d/run.sh 2>/dev/null; echo "bad mode $?"
rm -r $d
