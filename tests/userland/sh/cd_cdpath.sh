# needs: kernel
# compare: stderr
# cd looks for a relative name that does not start with . or .. in $CDPATH's directories (an
# empty entry is the current directory, as PATH's); when it went by an entry that is not empty
# (".", too) it prints where it went. Names: $t for the scratch directory.
t=/tmp/sh-cdpath-$$
mkdir -p $t/a/sub $t/b/sub $t/b/only $t/sub $t/local $t/real/x
ln -s real $t/lnk
go() {
    cd "$@" >$t.said; s=$?
    while read -r line; do echo "said ${line#$t}"; done <$t.said
    echo "cd $*: status $s, PWD ${PWD#$t}"
}
cd $t
CDPATH=$t/a; go sub; cd $t
CDPATH=:$t/a; go sub; cd $t
CDPATH=.:$t/a; go sub; cd $t
CDPATH=$t/nope:$t/b; go only; cd $t
CDPATH=$t/a/:$t/b; go sub; cd $t
CDPATH=a:b; go only; cd $t
CDPATH=a; go local; cd $t
CDPATH=; go sub; cd $t
CDPATH=$t/a; go ./sub; go ../b/sub; cd $t
CDPATH=$t/a; go /; cd $t
CDPATH=$t; go lnk/x; go -P lnk/x; cd $t
CDPATH=$t; go lnk/..; cd $t
CDPATH=$t/a; go missing
CDPATH=$t/a; go ''; cd $t
HOME=sub CDPATH=$t/b; go; cd $t
unset CDPATH
go sub
cd /; rm -r $t $t.said
