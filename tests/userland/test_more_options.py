"""The everyday GNU options of ls, cat, wc, touch, basename and date (userland/bin/NAME.c),
compared with the host's GNU coreutils (LC_ALL=C, TZ=UTC0: ufos has no time zones).

The programs that only read standard input and arguments run alone (`run`, as in
test_coreutils.py); those that look at files run from the shell with /host = the test's tmp_path
(`shell`), and the host's program runs in the same directory (`host_shell`).
"""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.userland.test_coreutils import host, run
from tests.userland.test_more_tools import shell

TEXT = b"a\tb\n\n\n\nc\x01\x7f\xff\x80 d\r\n  \n\nlast"
WIDTHS = b"\ta\tbb\n12345678901\n\x01\x02x\fabc\rab"

SAME_AS_HOST = [
    *[("cat", args, TEXT) for args in (["-n"], ["-b"], ["-s"], ["-E"], ["-T"], ["-v"], ["-A"],
                                       ["-e"], ["-t"], ["-ns"], ["-bE"], ["-sb"], ["-n", "-", "-"])],
    ("cat", ["-E"], b"a\r"), ("cat", ["-A"], b"a\r\r\n\r"), ("cat", ["-nE"], b"\r\n\r\nb\rc\n"),
    ("cat", ["-E"], b"x" * 1023 + b"\r\ny"),       # the "\r\n" across two reads
    *[("wc", args, TEXT) for args in (["-m"], ["-L"], ["-mL"], ["-lmcL"], ["-Lw"])],
    ("wc", ["-L"], WIDTHS), ("wc", ["-L"], b""),
    *[("basename", args, b"") for args in (
        ["-s", ".c", "a/x.c", "b.c", ".c"], ["-a", "x/y", "/", "z/"], ["-z", "a/b"],
        ["-az", "a/b", "c"], ["--suffix=.h", "x.h"], ["--multiple", "a", "b"], ["-s"],
        ["-a"])],
    *[("date", args, b"") for args in (
        ["-d", "@0"], ["-d", "2024-02-29"], ["-d", "2024-02-29 13:45"],
        ["-d", "2024-02-29 13:45:07", "+%s"], ["-u", "-d", "@1700000000", "-R"],
        ["-d", "@1700000000", "-I"], ["-d", "@1700000000", "-Iseconds"],
        ["-d", "@1700000000", "-Ih"], ["-d", "@1700000000", "-Iminutes"],
        ["-d", "@1700000000", "--iso-8601=date"], ["-d", "@-5"],
        ["--date=@86400", "+%F %T"], ["-d", "2024-02-29T01:02:03"], ["--rfc-email", "-d", "@0"],
        ["-d", "@0", "+%Z"])],
]


@pytest.mark.parametrize("name,args,stdin", SAME_AS_HOST,
                         ids=[f"{n}-{i}" for i, (n, _a, _s) in enumerate(SAME_AS_HOST)])
def test_same_as_host(name, args, stdin, monkeypatch):
    monkeypatch.setenv("TZ", "UTC0")
    ours = run(name, args, stdin)
    theirs = host([name, *args], stdin)
    assert (ours.stdout, ours.status) == (theirs.stdout, theirs.returncode), \
        f"{name} {args}: stderr {ours.stderr!r}; host's stderr {theirs.stderr!r}"


@pytest.mark.parametrize("args", [["-d", "xyz"], ["-d", "2024-13-01"], ["-d", "@1", "-Ixx"],
                                  ["-d", "@1", "-r", "/"]])
def test_date_rejects_what_gnus_rejects(args):
    ours, theirs = run("date", args), host(["date", *args])
    assert (ours.status, ours.stderr.splitlines()[0]) == (theirs.returncode, theirs.stderr.splitlines()[0])


def host_sh(script: str, cwd):
    env = {"LC_ALL": "C", "TZ": "UTC0", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    r = subprocess.run(["sh", "-c", script], capture_output=True, env=env, cwd=cwd, timeout=30)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


TOUCHES = [["-d", "2024-01-02 03:04:05"], ["-d", "2001-02-03"], ["-d", "@1234567890"],
           ["-t", "202401020304.05"], ["-t", "9912312359"], ["-t", "0601020304"],
           ["-m", "-d", "@1000000000"], ["-a", "-d", "@1000000000"], ["-r", "ref"]]


@pytest.mark.parametrize("args", TOUCHES, ids=lambda a: " ".join(a))
def test_touch_sets_the_times_gnus_touch_sets(tmp_path, args):
    for side in ("ours", "theirs"):
        (tmp_path / side).mkdir()
        for name in ("old", "ref"):
            (tmp_path / side / name).write_text(name)
        os.utime(tmp_path / side / "old", (100000, 200000))
        os.utime(tmp_path / side / "ref", (300000, 400000))
    status, _out, err = shell(f"cd /host/ours && touch {' '.join(repr(a) for a in args)} old new", tmp_path)
    host_status, _o, host_err = host_sh(f"touch {' '.join(repr(a) for a in args)} old new", tmp_path / "theirs")
    assert (status, host_status) == (0, 0), (err, host_err)
    for name in ("old", "new"):
        ours, theirs = os.stat(tmp_path / "ours" / name), os.stat(tmp_path / "theirs" / name)
        # a new file's time that was not set is now, a moment apart; an old file's stays
        if (name == "old" or "-m" not in args) and "-r" not in args:   # ufos's stat has no atime
            assert ours.st_atime == theirs.st_atime, name
        if name == "old" or "-a" not in args:
            assert ours.st_mtime == theirs.st_mtime, name


def test_touch_c_and_bad_dates(tmp_path):
    status, out, err = shell("cd /host && touch -c -d @5 nope; ls; touch -d yesterday-ish f; echo $?; "
                             "touch -t 2401 f; echo $?; touch -t 202413010000 f; echo $?; ls", tmp_path)
    assert (status, out) == (0, "1\n1\n1\n")
    assert err == ("touch: invalid date format 'yesterday-ish'\ntouch: invalid date format '2401'\n"
                   "touch: invalid date format '202413010000'\n")


def test_date_r_prints_a_files_time(tmp_path):
    (tmp_path / "f").write_text("x")
    os.utime(tmp_path / "f", (0, 1700000000))
    script = "date -r {0}f; date -r {0}f +%s; date -R -r {0}f; date -r {0}nope"
    status, out, _err = shell(script.format("/host/"), tmp_path)
    assert (status, out) == host_sh(script.format(""), tmp_path)[:2]


# --- ls: a tree with fixed times and sizes, listed in ufos (/host/x) and on the host ----------
def make_tree(root):
    """x/ with hidden names, an executable, an empty directory and two levels of subdirectories,
    each file with its own size and modification time (ties broken by name, for -t)."""
    x = root / "x"
    for d in ("sub/deep", ".hid", "empty"):
        (x / d).mkdir(parents=True)
    sizes = {"a": 10, "b.txt": 3000, ".dot": 5, "big": 2_000_000, "sub/s1": 1, "sub/deep/d1": 7,
             "exe": 100, "same1": 4, "same2": 4}
    for name, size in sizes.items():
        (x / name).write_bytes(b"x" * size)
    (x / "exe").chmod(0o755)
    for i, name in enumerate(["a", "b.txt", ".dot", "big", "sub/s1", "sub/deep/d1", "exe", "sub",
                              "sub/deep", ".hid", "empty", "same1", "same2"]):
        t = 1700000000 + (i * 7919 % 11) * 1000 if not name.startswith("same") else 1600000000
        os.utime(x / name, (t, t))
    return x


def without_totals(text: str) -> str:
    """ufos counts a /host file's blocks from its size, the host's file system in 4 KiB ones"""
    return re.sub(r"(?m)^total .*$", "total", text)


LS_OPTIONS = ["-A", "-a", "-r", "-t", "-tr", "-S", "-Sr", "-R", "-Ra", "-RA", "-R sub", "-R sub/",
              "-R . sub", "-t a big exe", "-S a big exe", "-F -t", "--all", "--almost-all",
              "--reverse", "--recursive", "-AF", "-Rp", "-i a b.txt sub", "-lt", "-lrt", "-lS",
              "-lh a big b.txt", "-lhR", "-lo", "-lg", "-lgo", "-ln", "-go a", "-n a", "-Rl sub",
              "-l exe sub", "--human-readable -l", "--color=never", "--color=auto", "--color=always",
              "--color", "--color=always -F", "--color=always -A", "--color=always -l exe sub",
              "--color=bad", "--color=always -R", "-1rA"]


@pytest.mark.parametrize("options", LS_OPTIONS)
def test_ls_as_the_host(tmp_path, options):
    make_tree(tmp_path)
    script = f"export TERM=xterm; ls {options}; echo \"status $?\""
    status, ours, _err = shell("cd /host/x && " + script, tmp_path)
    _s, theirs, _e = host_sh(script, tmp_path / "x")
    assert status == 0 and without_totals(ours) == without_totals(theirs)


def listed_and_stat(tmp_path, ls: str, stat: str):
    """The lines of `ls` and of `stat` run in /host/x"""
    make_tree(tmp_path)
    status, out, err = shell(f"cd /host/x && {ls} && echo -- && {stat}", tmp_path)
    assert status == 0, err
    listed, stated = out.split("--\n")
    return listed.splitlines(), [line.split(" ", 1) for line in stated.splitlines()]


def test_ls_i_shows_the_inode_numbers_stat_shows(tmp_path):
    listed, stated = listed_and_stat(tmp_path, "ls -i", "stat -c '%i %n' *")
    width = max(len(number) for number, _name in stated)
    assert len(listed) == 8 and listed == [f"{number:>{width}} {name}" for number, name in stated]


def test_ls_s_counts_1k_blocks_as_stat_does(tmp_path):
    listed, stated = listed_and_stat(tmp_path, "ls -s; ls -sh a big", "stat -c '%b %n' * big")
    kib = [((int(blocks) + 1) // 2, name) for blocks, name in stated[:-1]]
    width = max(len(str(k)) for k, _name in kib)
    assert listed[0] == f"total {(sum(int(blocks) for blocks, _n in stated[:-1]) + 1) // 2}"
    assert listed[1:9] == [f"{k:>{width}} {name}" for k, name in kib]
    # 1 block of 512 bytes; 3907 of them, 1.9 MiB rounded up
    assert (stated[0], stated[-1]) == (["1", "a"], ["3907", "big"])
    assert listed[9:] == [" 512 a", "2.0M big"]


def test_ls_color_always_uses_gnus_default_colors(tmp_path):
    c = tmp_path / "c"
    for name, mode in (("tmp", 0o1777), ("open", 0o777), ("sticky", 0o1755), ("plain", 0o755)):
        (c / name).mkdir(parents=True)
        (c / name).chmod(mode)
    for name, mode in (("suid", 0o4755), ("sgid", 0o2755), ("exe", 0o755), ("file", 0o644)):
        (c / name).write_text(name)
        (c / name).chmod(mode)
        os.utime(c / name, (1700000000, 1700000000))
    script = "export TERM=xterm; ls --color=always; ls -F --color; TERM=dumb ls --color=always exe"
    status, ours, err = shell("cd /host/c && " + script, tmp_path)
    assert (status, ours) == host_sh(script, c)[:2], err
