"""mprotect, brk/sbrk and utimensat: the C programs of tests/kernel/posix/, under the kernel.

mprotect runs under every fork policy with the isolation audit, since it changes page rights
that fork's sharing also changes: a page made read-only and writable again must still be copied
when written after a fork, never shared.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.runner import boot
from tests.helpers import BUDGET, run_program

HERE = Path(__file__).resolve().parent / "posix"


MEMORY = b"""\
mprotect page 2 PROT_READ = 0
read it: a
write it: Segmentation fault
mprotect page 2 PROT_NONE = 0
read it: Segmentation fault
mprotect page 2 PROT_READ|PROT_WRITE = 0
its bytes are kept: a
write it: b
mprotect RWX = -1 Permission denied
mprotect unaligned = -1 Invalid argument
mprotect bad prot = -1 Invalid argument
mprotect past the capability = -1 Bad address
the child writes its copy: exited 0
the parent's page: a
the parent writes: d
sbrk(100) returns the old break: 1
the break moved by 100: 1
the piece is bounded to 100 bytes: 1
grown by two pages: 1 e
a child grows its own break: exited 0
the parent's break stays: 1
shrink = 0
pages given back come back zeroed: 1
the bytes below the break stay: h
sbrk(100 MiB) = -1 Cannot allocate memory
brk below the heap = -1 Cannot allocate memory
"""


@pytest.mark.parametrize("policy", POLICIES)
def test_mprotect_and_the_program_break(policy):
    r = run_program(HERE / "memory.c", policy=policy, audit=True)
    assert (r.status, r.stdout) == (0, MEMORY)
    assert r.stderr.count(b"killed by SIGSEGV") == 2        # the two children that broke the rules
    assert [problems for _, _, problems in r.kernel.audits if problems] == []


TIMES = b"""\
utimensat = 0
set: 1000000000.000000500
UTIME_OMIT keeps it: 1000000000.000000500
futimens = 0
futimens: 1234567890.000000000
NULL makes it now: 1
a bad tv_nsec: -1 Invalid argument
no such file: -1 No such file or directory
/proc is read-only: -1 Permission denied
"""


def test_utimensat_on_a_ram_file():
    r = run_program(HERE / "times.c", "/tmp/f")
    assert (r.status, r.stdout, r.stderr) == (0, TIMES, b"")


def test_utimensat_on_a_host_file_changes_the_host_file(tmp_path):
    """The program's last call (times NULL: now) moves the host file's time past the one its
    futimens set (1234567890)."""
    r = run_program(HERE / "times.c", "/host/f", share=str(tmp_path))
    assert (r.status, r.stdout) == (0, TIMES)
    assert os.stat(tmp_path / "f").st_mtime_ns > 1234567890 * 10**9


def test_touch_makes_files_and_sets_old_ones_to_now(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("x")
    os.utime(old, ns=(10**18, 10**18))                    # September 2001
    k = boot(Options(share=str(tmp_path), max_instructions=BUDGET), stdin=b"", capture=True)
    k.spawn("/bin/touch", ["touch", "/host/old.txt", "/host/new.txt"])
    assert (k.run(), k.output(2)) == (0, b"")
    assert old.stat().st_mtime_ns > 10**18 and (tmp_path / "new.txt").read_text() == ""
