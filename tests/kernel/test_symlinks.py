"""Symbolic links: symlink, readlink, lstat, O_NOFOLLOW, and every path walk that meets one.

symlinks.c runs the same under ufos and on Linux (symlinks.out is Linux's output, which
test_symlinks_on_the_host checks). What only ufos has is tested here too: /host makes no links
(a link there would be a link on the host, which the host's own programs would follow anywhere),
and a link in the RAM root that points at /host/.. or at a host path still names only what the
guest can see.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ufos.kernel.fork import POLICIES
from tests.helpers import run_on_linux, run_program

HERE = Path(__file__).resolve().parent / "posix"
SYMLINKS = (HERE / "symlinks.out").read_bytes()


@pytest.mark.parametrize("policy", POLICIES)
def test_symbolic_links_in_the_ram_root_are_as_on_linux(policy):
    r = run_program(HERE / "symlinks.c", "/tmp", policy=policy)
    assert (r.status, r.stdout) == (0, SYMLINKS)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_symlinks_on_the_host(tmp_path):
    """symlinks.out is what Linux does: symlinks.c, compiled by the host's gcc, prints it."""
    (tmp_path / "w").mkdir()
    r = run_on_linux(HERE / "symlinks.c", tmp_path, str(tmp_path / "w"))
    assert (r.returncode, r.stdout) == (0, SYMLINKS)


def test_links_stay_inside_the_guest(tmp_path):
    """No link in /host; a link the host has there is not shown; `..` and absolute targets only
    ever reach the guest's own tree; 40 links at most for one path, as Linux; readlink's buffer is kept to."""
    (tmp_path / "outside").symlink_to("/etc")
    r = run_program(HERE / "symlink_bounds.c", "/host/outside", share=str(tmp_path))
    assert (r.status, r.stdout.decode()) == (0, """\
symlink in /host: -1 Operation not permitted
the host's own link, lstat: -1 No such file or directory
through it: -1 No such file or directory
/tmp/up is the guest's root: 1
/tmp/h/.. is the guest's root: 1
/tmp/h/../bin is the guest's /bin: 1
/tmp/climb is the guest's root: 1
40 links (l39 to l0): 0 
41 links: -1 Too many levels of symbolic links
a link into itself: -1 Too many levels of symbolic links
a target of PATH_MAX bytes: -1 File name too long
readlink, size 0: -1 Invalid argument
readlink, size 2: 2 
readlink of a directory: -1 Invalid argument
""")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside"]     # nothing made on the host
