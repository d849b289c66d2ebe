# needs: kernel
# A lone "-" after sh's options ends them and is skipped (POSIX): "sh - script args", and a
# script whose first line is "#!/bin/sh -", the old guard against a name read as options.
t=/tmp/sh-dash-operand-$$
mkdir $t
printf 'echo "script: $1 $#"\n' > $t/s
sh - $t/s one two
sh -e - $t/s three
printf '#!/bin/sh -\necho "hashbang: $1"\n' > $t/h
chmod +x $t/h
$t/h four
echo 'echo "stdin: $#"' | sh -
rm -r $t
