# needs: kernel
# Syntax errors (status 2) and other failures, each in its own sh.
sh -c 'if true; then' 2>/dev/null; echo "unterminated if $?"
sh -c 'echo ((' 2>/dev/null; echo "bad paren $?"
sh -c 'fi' 2>/dev/null; echo "stray fi $?"
sh -c 'echo "open' 2>/dev/null; echo "open quote $?"
sh -c 'echo ok; if' 2>/dev/null; echo "late error $?"
sh -c 'x=${y?unset y}; echo never' 2>/dev/null; echo "unset ? $?"
sh -c 'echo $((1/0))' 2>/dev/null; echo "division $?"
sh -c 'set -e; echo one; false; echo never'; echo "set -e $?"
sh -c 'set -e; false || true; if false; then :; fi; echo survived'
sh -c 'set -u; echo $nosuch' 2>/dev/null; echo "set -u $?"
sh -c 'exit 300'; echo "exit 300 is $?"
echo 'echo a; (' | sh 2>/dev/null; echo "stdin syntax $?"
