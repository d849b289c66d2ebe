"""/proc/PID/fd and /proc/PID/fdinfo: what a μprocess has open, as Linux shows it.

posix/proc_fd.c prints the same under ufos and on Linux (proc_fd.out is Linux's output, which
test_proc_fd_on_the_host checks): links that read as a file's path, "pipe:[INO]", "socket:[INO]",
a device's path, " (deleted)"; their modes; fdinfo's pos; ENOENT for a closed descriptor. What
only ufos does is tested here too: opening /proc/self/fd/N duplicates the descriptor as /dev/fd/N
does, and no μprocess may open another's (EACCES), though it may read its links. The shell tests
are what a student types: `ls -l /proc/self/fd`, `readlink /proc/self/fd/1` in a pipeline.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import run_bin, run_on_linux, run_program

HERE = Path(__file__).resolve().parent / "posix"
PROC_FD = (HERE / "proc_fd.out").read_bytes()


def test_proc_self_fd_is_as_on_linux():
    r = run_program(HERE / "proc_fd.c", "/tmp")
    assert (r.status, r.stdout) == (0, PROC_FD)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_proc_fd_on_the_host(tmp_path):
    (tmp_path / "w").mkdir()
    r = run_on_linux(HERE / "proc_fd.c", tmp_path, os.path.realpath(tmp_path / "w"))
    assert (r.returncode, r.stdout) == (0, PROC_FD)


def test_opening_a_descriptors_name_duplicates_it_and_only_for_its_own_process():
    """/proc/self/fd/N opens as /dev/fd/N: the duplicate shares the offset and has no more rights.
    A forked child may read its parent's link, stat it and read its fdinfo, but not open it."""
    r = run_program(HERE / "proc_fd.c", "/tmp", "ufos")
    assert r.status == 0
    assert r.stdout[len(PROC_FD):].decode() == """\
the duplicate shares the offset: cd
no more rights than the descriptor: -1 Permission denied
the child reads its parent's link: W/file
and stats it: 0
but may not open it: -1 Permission denied
its fdinfo: pos:
"""


def sh(script: str) -> str:
    r = run_bin(["sh", "-c", script])
    assert (r.status, r.stderr) == (0, b"")
    return r.stdout.decode()


def test_ls_l_shows_what_each_descriptor_is_open_on():
    out = sh("echo hi > /tmp/f; exec 4</tmp/f 5<>/tmp/f; rm /tmp/f\n"
             "ls -l /proc/self/fd </dev/null 2>/tmp/err | cat")
    lines = [line.split(None, 8) for line in out.splitlines()[1:]]
    shown = {fields[8]: fields[0] for fields in lines if "->" in fields[8]}
    assert shown.pop("0 -> /dev/null") == "lr-x------"
    assert shown.pop("2 -> /tmp/err") == "l-wx------"
    assert shown.pop("4 -> /tmp/f (deleted)") == "lr-x------"
    assert shown.pop("5 -> /tmp/f (deleted)") == "lrwx------"
    [(one, mode)] = shown.items()
    assert re.fullmatch(r"1 -> pipe:\[\d+\]", one) and mode == "l-wx------"


def test_readlink_in_a_pipeline_shows_the_pipe_between():
    """Both ends of one pipe have one number: what the writer's 1 is, the reader's 0 is."""
    out = sh('readlink /proc/self/fd/1 | { read w; echo "$w"; readlink /proc/self/fd/0; }\n'
             'exec 3</etc/motd; readlink /proc/$$/fd/3; cat /proc/$$/fdinfo/3')
    first, second, motd, pos, flags, ino = out.splitlines()
    assert re.fullmatch(r"pipe:\[\d+\]", first) and first == second
    assert motd == "/etc/motd"
    assert pos == "pos:\t0" and flags == "flags:\t00" and re.fullmatch(r"ino:\t\d+", ino)
