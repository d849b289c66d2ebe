#!/bin/sh
# Host tests for the ufos libc: compile the libc with the host's gcc against ufos's headers (plus
# the two shims in include/), prefix every symbol with ufos_ so that it can sit beside glibc,
# link the test driver, run it. Then check that every header and source parses as C11 with the
# ufos C compiler's front end (pcpp + pycparser).
#
#     sh userland/libc/hosttest/run.sh            (from the repository root)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
LIBC=$(dirname "$HERE")
ROOT=$(cd "$LIBC/../.." && pwd)
PY=${PYTHON:-python3}          # a Python with ufos installed (pip install -e .)
OUT=${OUT:-/tmp/ufos-libc-hosttest}
mkdir -p "$OUT"

PYTHONPATH="$ROOT" "$PY" "$HERE/make_vectors.py" > "$OUT/vectors.h"

CFLAGS="-std=c11 -O1 -g -Wall -Wextra -Wno-unused-parameter -ffreestanding -fno-builtin
        -fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pie -nostdinc
        -isystem $HERE/include -isystem $ROOT/userland/include -I$LIBC
        -D__intcap_t=long -D__uintcap_t=unsigned\ long"
objs=""
for src in "$LIBC"/*.c; do
    name=$(basename "$src" .c)
    [ "$name" = start ] && continue         # it calls main: not for the host
    eval gcc $CFLAGS -c "$src" -o "$OUT/$name.o"
    objcopy --prefix-symbols=ufos_ "$OUT/$name.o"
    objs="$objs $OUT/$name.o"
done
gcc -std=gnu11 -O1 -g -fno-pie -c "$HERE/hostshim.c" -o "$OUT/hostshim.o"
gcc -std=gnu11 -O1 -g -fno-pie -Wall -Wno-format-truncation -I"$OUT" -c "$HERE/tests.c" -o "$OUT/tests.o"
gcc -no-pie -o "$OUT/tests" "$OUT/tests.o" "$OUT/hostshim.o" $objs -lm
timeout 600 "$OUT/tests"
echo "--- parsing with the ufos C front end"
PYTHONPATH="$ROOT" "$PY" "$HERE/check_parse.py"
