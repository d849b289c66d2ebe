# needs: kernel
# cd goes by the logical path (-L, the default): name/.. takes the name off as text, so
# link/.. is the link's own directory; with -P the link is followed first, and .. is its
# target's parent. pwd -P shows where the shell really is.
t=/tmp/sh-cdlinks-$$
mkdir -p $t/real/x/y $t/d
ln -s real/x $t/lnk
ln -s $t/real/x/y $t/d/abs
show() { echo "PWD ${PWD#$t}, pwd -P $(pwd -P | sed "s|^$t||")"; }
cd $t
cd lnk/..; show; cd $t
cd -L lnk/..; show; cd $t
cd -P lnk/..; show; cd $t
cd -P -L lnk/..; show; cd $t
cd lnk/y/../..; show; cd $t
cd d/abs; show; cd ..; show; cd ..; show
cd d/abs/..; show; cd $t
cd -P d/abs/..; show; cd $t
cd lnk; cd y; show; cd ../..; show
cd lnk; cd -P ../..; show
cd $t/lnk/./y//..///; show
cd $t; cd lnk/../real/./x; show
cd $t/lnk; cd -P $t/lnk; show
cd $t/lnk; cd -P .; show
cd /; rm -r $t
