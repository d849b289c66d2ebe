# needs: kernel
# cd and pwd: absolute, relative, .., HOME, -, PWD.
cd /tmp && pwd
d=sh-dirs-$$
mkdir $d; cd $d; p=$(pwd); echo "${p%-*}"
mkdir inner; cd inner; cd ..; p=$(pwd); echo "${p##*/}" | tr -d 0-9
cd /; pwd
cd /tmp/$d/inner; echo "${PWD%%-*}"
cd - > /dev/null; pwd
HOME=/tmp; cd; pwd
cd /nonexistent 2>/dev/null; echo "status $?"
rm -r /tmp/$d
