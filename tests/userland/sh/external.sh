# needs: kernel
# Running programs: PATH lookup, not found (127), not executable (126), statuses, env.
echo hi | tr a-z A-Z
/bin/echo absolute path
nosuchcommand; echo "not found $?"
/nosuch/path; echo "no path $?"
d=/tmp/sh-ext-$$; mkdir $d
echo 'echo script' > $d/noexec
$d/noexec; echo "not executable $?"
sh $d/noexec
true; /bin/false; echo "false $?"
X=exported sh -c 'echo "X=$X"'
echo "X after: [$X]"
export Y=yes; sh -c 'echo "Y=$Y"'
Z=plain; sh -c 'echo "Z=[$Z]"'
PATH=/nowhere; cat /dev/null; echo "PATH gone $?"
PATH=/bin
sh -c 'exit 7'; echo "sh exit $?"
sh -c 'kill -TERM $$'; echo "killed $?"
rm -r $d
