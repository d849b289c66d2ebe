# needs: kernel
# compare: stderr
# Messages from the commands eval runs say "eval: ", and those from a file run by `.` name the
# file as it was found, as dash's do; a builtin inside names only itself. (Each eval is on line 1
# of its own sh -c: dash counts an eval's lines from 1, ufos from the eval's line, as bash does.)
sh -c "eval 'no_such_cmd_a'"
sh -c "eval 'cd /nonexistent/dir'"
sh -c 'f() { no_such_cmd_b; }; eval f; f'
sh -c 'eval "x=\$(no_such_cmd_c)"'
sh -c "eval 'if then'"
sh -c 'eval "set -u; echo \$unset_variable"'
sh -c "readonly r=1; eval 'r=2'"
sh -c 'eval "echo \$((1/0))"'
sh -c "command eval 'eval no_such_cmd_d'"
printf 'no_such_cmd_e\necho $((2/0))\n' > /tmp/dotted
(. /tmp/dotted)
printf 'if then\n' > /tmp/dotted
(. /tmp/dotted)
cd /tmp
(PATH=/tmp:$PATH; printf 'no_such_cmd_f\n' > dotted; . dotted)
rm -f /tmp/dotted
no_such_cmd_g
echo done
