# needs: kernel
# PATH=dirs program: the program is looked for in those directories (as in dash), and the
# assignment is in its environment only.
PATH=/nonexistent:$PATH sh -c 'echo "found, PATH starts ${PATH%%:*}"'
PATH=$PATH:/nonexistent sh -c 'echo "found again"'
echo "after: ${PATH%%:*}"
PATH=/nonexistent sh -c 'echo "not reached"' 2>/dev/null; echo "not in the new PATH: $?"
