# needs: kernel
# VAR=value before exec puts VAR in the environment of the program that replaces the shell, as
# before any program; with no program, the assignment stays in the shell, unexported.
unexported=no
pre=before readonly ro=1
echo "readonly's prefix stays: $pre"
FOO=bar exec 3>&1
echo "FOO=$FOO"
sh -c 'echo "child sees FOO=${FOO-unset}"'
X=1 Y="two words" exec sh -c 'echo "X=$X Y=$Y unexported=${unexported-unset}"; exit 3'
