# needs: kernel
# . name (no /) looks for name in $PATH only, not in the working directory; a file that is not
# found there is an error of a special builtin, which ends the script (status 2), as in dash.
d=/tmp/sh-dot-path-$$
mkdir -p $d/bin && cd $d || exit 1
echo 'echo "from PATH"' > bin/lib.sh
echo 'echo "from the working directory"' > lib.sh
echo 'echo "only here"' > here.sh
PATH=$d/bin:$PATH
. lib.sh
. ./lib.sh
. ./here.sh
(. here.sh; echo "not reached: . ended the subshell") 2>/dev/null
echo "subshell status $?"
cd / && rm -r $d
. here.sh
echo "not reached"
