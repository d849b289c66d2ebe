# needs: kernel
# compare: stderr
# sh's own arguments as dash takes them: -s reads the commands from standard input and makes the
# arguments $1...; mistakes read "sh: 0: ..." and exit 2, also a script that cannot be opened;
# -v writes the lines of a script or of standard input as it reads them, not the text of -c.
# set's mistakes name the option with - even when it came with +.
echo 'echo "from stdin: $1 $# $0"' | sh -s a b
echo 'echo "after --: $1 $#"' | sh -s -- -a b
sh -c; echo "no command: $?"
sh -z; echo "-z: $?"
sh +z; echo "+z: $?"
sh -o nosuch -c :; echo "-o nosuch: $?"
sh +o nosuch -c :; echo "+o nosuch: $?"
sh /nonexistent; echo "no script: $?"
sh -v -c 'echo verbose'
printf 'echo from a file\n' > /tmp/verbose.sh
sh -v /tmp/verbose.sh
printf 'set -v\necho after set -v\n' | sh
sh -c 'set -v; eval "echo in eval"'
(set +q); echo "set +q: $?"
(set +o nosuch); echo "set +o nosuch: $?"
