# compare: stderr
# getopts' variable must be a name: otherwise "bad variable name", status 2 (dash); dash takes
# b=c as the name b.
getopts a 1bad; echo "1bad: $?"
getopts a ''; echo "empty: $?"
getopts a 'b c' -a; echo "b c: $?"
getopts a b-c -a; echo "b-c: $?"
getopts a b=c -a; echo "b=c: $? $b"
