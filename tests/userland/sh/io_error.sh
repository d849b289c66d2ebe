# compare: stderr
# A builtin that cannot write its output (standard output closed) fails: status 1 and dash's
# "echo: echo: I/O error". Writing nothing is no failure.
echo x >&-; echo "echo: $?"
printf x >&-; echo "printf: $?"
pwd >&-; echo "pwd: $?"
set >&-; echo "set: $?"
export -p >&-; echo "export: $?"
echo -n >&-; echo "nothing: $?"
echo still here
