# compare: stderr
# trap has no options in dash: trap -p is a mistake that ends the script (status 2). A condition
# it does not know stops it there, with status 1: those after it are not set.
trap 'echo int' INT FOO TERM; echo "bad trap: $?"
trap
trap - INT
trap -- 'echo x' EXIT; trap
trap - EXIT
trap -p
echo not reached
