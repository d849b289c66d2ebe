# needs: kernel
# The shell knows where it is without $PWD: a script that assigns or unsets PWD does not change
# what pwd prints or where `cd ..` goes (dash keeps its own copy); the next cd sets PWD again.
t=/tmp/sh-cdpwdvar-$$
mkdir -p $t/real/x
ln -s real/x $t/lnk
show() { echo "pwd $(pwd | sed "s|^$t||"), PWD ${PWD#$t}, OLDPWD ${OLDPWD#$t}"; }
cd $t; cd lnk; PWD=$t/real/x; show
cd ..; show
cd $t/lnk; unset PWD; show
cd ..; show
cd $t/lnk; PWD=/; cd .; show
cd $t/lnk; PWD=$t/real/x; cd -P .; show
cd $t/lnk; PWD=$t; (cd ..; show)
cd $t/lnk; PWD=nonsense sh -c 'pwd' | sed "s|^$t||"
cd /; rm -r $t
