# needs: kernel
# cd and pwd take POSIX's -L and -P (logical or physical path; with no symbolic links on the way
# the two are the same) and "--"; another option is a mistake (status 2).
cd -P /tmp && pwd
cd -L / && pwd -P
cd -LP /tmp && pwd -L
cd -- / && pwd
cd -P -- /tmp && pwd -L -P
cd - && pwd
cd -x /tmp 2>/dev/null; echo "cd -x: $?"
pwd -x 2>/dev/null; echo "pwd -x: $?"
pwd
