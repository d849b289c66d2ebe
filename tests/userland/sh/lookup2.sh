# needs: kernel
# hash: remembered locations of programs; forgetting them (-r, PATH=).
hash
ls / >/dev/null
hash
hash cat; hash
hash nosuch 2>/dev/null; echo "nosuch: $?"
hash -r; hash; echo "forgotten"
cat </dev/null; PATH=$PATH; hash; echo "PATH assignment forgets"
command -V cat; cat </dev/null; command -V cat
command : >/nonexistent/x 2>/dev/null; echo "command keeps going: $?"
command set -o nosuch 2>/dev/null; echo "special builtin through command: $?"
