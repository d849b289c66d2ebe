# needs: kernel
# compare: stderr
# cd's mistakes, with dash's messages and statuses: a file, a missing directory, a bad option;
# dash takes the first operand and leaves the others. With no operand cd goes $HOME, and with
# HOME unset or empty, or an empty operand, it stays where it is.
t=/tmp/sh-cderrors-$$
mkdir -p $t/a $t/b
: >$t/file
cd $t
cd file; echo "file: $?"
cd nope; echo "missing: $?"
cd file/..; echo "file/..: $? ${PWD#$t}"
cd nope/../a; echo "nope/../a: $? ${PWD#$t}"; cd $t
cd -P nope/../a; echo "-P nope/../a: $? ${PWD#$t}"; cd $t
cd -x; echo "-x: $?"
cd a b; echo "a b: $? ${PWD#$t}"; cd $t
cd ''; echo "'': $? ${PWD#$t}"
(unset HOME; cd a; cd; echo "HOME unset: $? ${PWD#$t}")
(HOME=; cd a; cd; echo "HOME empty: $? ${PWD#$t}")
(HOME=$t/b; cd; echo "HOME: $? ${PWD#$t}")
(HOME=nope; cd; echo "HOME missing: $?")
(HOME=-; cd; echo "HOME -: $?")
cd /; rm -r $t
