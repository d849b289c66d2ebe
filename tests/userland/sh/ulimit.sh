# needs: kernel
# ulimit: reporting (the file size limit by default, -H hard, -a every limit by name).
ulimit
ulimit -H
ulimit -f
ulimit -Ht
ulimit -f unlimited; echo "the same limit again: $?"
ulimit -a | cut -c1-21
(ulimit -q) 2>/dev/null; echo "bad option: $?"
