# needs: kernel
# compare: stderr
# cd - goes back to $OLDPWD and prints where it went (the logical path, or with -P the
# physical one); OLDPWD is where the shell was, as $PWD said. With no OLDPWD, cd - stays (dash).
t=/tmp/sh-cdminus-$$
mkdir -p $t/real/x $t/d
ln -s real/x $t/lnk
show() { echo "PWD ${PWD#$t}, OLDPWD ${OLDPWD#$t}"; }
cd $t/lnk; cd $t/d; show
cd - >$t.said; echo "status $?"; sed "s|^$t||" $t.said; show
cd - >$t.said; sed "s|^$t||" $t.said; show
cd $t/lnk; cd $t
cd -P - >$t.said; sed "s|^$t||" $t.said; show
cd $t/lnk; cd -P ..; show
cd - >$t.said; sed "s|^$t||" $t.said; show
cd -- - >$t.said; sed "s|^$t||" $t.said; show
(unset OLDPWD; cd - >$t.said; echo "unset: status $?"; sed "s|^$t||" $t.said; show)
(OLDPWD=; cd - >$t.said; echo "empty: status $?"; sed "s|^$t||" $t.said; show)
(OLDPWD=$t/nope; cd -; echo "missing: status $?")  2>&1 | sed "s|$t||"
(OLDPWD=d; cd - >$t.said; echo "relative: status $?"; sed "s|^$t||" $t.said; show)
cd /; rm -r $t $t.said
