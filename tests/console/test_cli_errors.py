"""A user's mistake never shows a Python traceback: every `ufos` subcommand, given bad arguments or
a bad file (missing, a directory, binary garbage, empty), says what is wrong in one line that
starts with `ufos` and exits with a non-zero status.

One table, run as a user runs it: `python -m ufos ARGS` in a fresh process, in a directory that
holds the bad files. Mistakes argparse catches (status 2) print the usage before their one line.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ufos_env

GARBAGE = bytes(range(256)) * 8          # not UTF-8, not ELF
HOST_MEMORY = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
BIG_HOST = pytest.mark.skipif(HOST_MEMORY > 32 << 30, reason="this host may give a 64 GiB machine")

# (arguments, status, what the error line says)
CASES = [
    ("as missing.s", 1, "ufos as: error: missing.s: No such file or directory"),
    ("as adir", 1, "ufos as: error: adir: Is a directory"),
    ("as garbage.s", 1, "ufos as: error: garbage.s: not a text file"),
    ("as", 2, "the following arguments are required: source"),
    ("objdump missing", 1, "ufos objdump: missing: No such file or directory"),
    ("objdump adir", 1, "ufos objdump: adir: Is a directory"),
    ("objdump garbage.o", 1, "ufos objdump: garbage.o: not an ELF file"),
    ("objdump empty.o", 1, "ufos objdump: empty.o: not an ELF file"),
    ("cc missing.c", 1, "ufos cc: error: missing.c: No such file or directory"),
    ("cc dir.c", 1, "ufos cc: error: dir.c: not a file"),
    ("cc garbage.c", 1, "ufos cc: error: garbage.c: not a text file"),
    ("cc garbage.o", 1, "ufos cc: error: garbage.o: not an ELF file"),
    ("cc empty.o", 1, "ufos cc: error: empty.o: not an ELF file"),
    ("cc garbage.bin", 1, "ufos cc: error: garbage.bin: unknown file type"),
    ("cc", 1, "ufos cc: error: the following arguments are required: FILE"),   # status 1, as gcc's "no input files"
    ("ld missing.o", 1, "ufos ld: error: missing.o: No such file or directory"),
    ("ld adir", 1, "ufos ld: error: adir: Is a directory"),
    ("ld garbage.o", 1, "ufos ld: error: garbage.o: not an ELF file"),
    ("ld empty.o", 1, "ufos ld: error: empty.o: not an ELF file"),
    ("run", 2, "ufos run: error: which program? give a path inside ufos"),
    ("run missing", 127, "ufos run: ENOENT: missing: No such file or directory"),
    ("run adir", 1, "ufos run: adir: Is a directory"),
    ("run garbage.bin", 1, "ufos run: garbage.bin: not an ELF file"),
    ("run empty.o", 1, "ufos run: empty.o: not an ELF file"),
    ("run garbage.c", 1, "ufos run: garbage.c: not a text file"),
    pytest.param("run --memory 64G /bin/true", 1, "ufos run: cannot allocate", marks=BIG_HOST),
    ("run --memory 65G /bin/true", 1, "ufos run: memory must be 4 MiB to 64 GiB, in whole pages"),
    ("run --memory 5000 /bin/true", 1, "ufos run: memory must be 4 MiB to 64 GiB, in whole pages"),
    ("run --memory lots /bin/true", 2, "argument --memory: not a size: 'lots'"),
    ("run --share nope /bin/true", 1, "ufos run: --share nope: no such directory"),
    ("run --share empty.o /bin/true", 1, "ufos run: --share empty.o: not a directory"),
    ("run --fork-policy fast /bin/true", 2, "argument --fork-policy: invalid choice: 'fast'"),
    pytest.param("boot --memory 64G", 1, "ufos: cannot allocate", marks=BIG_HOST),
    ("boot --share nope", 1, "ufos: --share nope: no such directory"),
    ("boot --bogus", 2, "unrecognized arguments: --bogus"),
    ("top --once", 1, "ufos top: no ufos is running"),
    ("top --interval soon", 2, "argument --interval: invalid float value: 'soon'"),
    ("bench", 2, "the following arguments are required: what"),
    ("bench nope", 2, "argument what: invalid choice: 'nope'"),
    ("lab gradescope nope x.zip", 1, "ufos lab: no lab 'nope'"),
    ("lab gradescope util adir", 1, "ufos lab: adir: Is a directory"),
    ("grade nope", 2, "ufos grade: no lab 'nope'"),
    ("grade util --class missing", 2, "ufos grade: missing: no such directory"),
    ("grade util --submission missing", 2, "ufos grade: missing: no such directory"),
    ("grade util --json r.json --sign missing", 2, "ufos grade: the signing key missing: No such file or directory"),
    ("grade util --json r.json --sign empty.o", 2, "ufos grade: the signing key empty.o has 0 bytes"),
    ("grade util -j 0 --class adir", 2, "-j takes a number of processes, 1 or more"),
    ("grade verify garbage.o --key garbage.s", 2, "ufos grade verify: garbage.o: not a results file (JSON)"),
    ("grade verify missing --key garbage.s", 2, "ufos grade verify: missing: No such file or directory"),
    ("grade verify garbage.o", 2, "the following arguments are required: --key"),
    ("nope", 2, "ufos: unknown command 'nope'"),
]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("bad")
    for name in ("garbage.s", "garbage.c", "garbage.o", "garbage.bin"):
        (where / name).write_bytes(GARBAGE)
    (where / "empty.o").write_bytes(b"")
    (where / "adir").mkdir()
    (where / "dir.c").mkdir()
    return where


@pytest.mark.parametrize("args, status, error", CASES)
def test_a_mistake_is_one_line_and_a_status(bad_files, args, status, error):
    env = ufos_env(XDG_DATA_HOME=str(bad_files / "data"))
    r = subprocess.run([sys.executable, "-m", "ufos", *args.split()], cwd=bad_files, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stdout + r.stderr
    assert r.returncode == status, r.stderr
    lines = r.stderr.splitlines()
    said = [line for line in lines if error in line]
    assert said and said[0].startswith("ufos"), r.stderr
    if status != 2:                              # not argparse's usage: the error line alone
        assert lines == said, r.stderr
    assert not (bad_files / "ufos-data").exists()
