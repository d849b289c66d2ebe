"""Small POSIX tools that shell scripts and their test suites call (userland/bin/NAME.c), run
under the kernel from the shell, and compared with the host's programs where the output is not
random.

    mktemp   a new file (0600) or directory (0700) with a random name, printed
    diff     the lines that differ between two files: normal, unified (-u, -U N) and -q output
    egrep    grep -E under its old name
    od       bytes as octal, decimal, hex or characters (-t TYPE, -A, -j, -N, -v, -bcdosx)
    ln       a second name for a file (hard links here; symbolic ones in test_symlinks.py)
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_bin


def shell(script: str, share: Path):
    """Boot ufos with /host = share and run `sh -c SCRIPT`; (status, stdout, stderr)."""
    r = run_bin(["sh", "-c", script], share=str(share))
    return r.status, r.stdout.decode(), r.stderr.decode()


def host_shell(script: str, cwd: Path, tool: str = "mktemp"):
    if shutil.which(tool) is None:
        pytest.skip(f"the host has no {tool} to compare with")
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    r = subprocess.run(["sh", "-c", script], capture_output=True, env=env, cwd=cwd, timeout=30)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def test_mktemp_makes_private_files_and_directories(tmp_path):
    """The X's become letters and digits; the file is 0600, the directory 0700; -t and no
    template put it in $TMPDIR, -p in DIR; -u only prints a free name."""
    status, out, err = shell(
        "cd /host; mktemp; mktemp -d; TMPDIR=/host mktemp -t shunit.XXXXXX;"
        " TMPDIR=/host mktemp -d; mktemp -p /host fileXXXX; mktemp local.XXXXX; mktemp -u freeXXX",
        tmp_path)
    assert status == 0, err
    made = out.splitlines()
    patterns = [r"/tmp/tmp\.[A-Za-z0-9]{10}", r"/tmp/tmp\.[A-Za-z0-9]{10}",
                r"/host/shunit\.[A-Za-z0-9]{6}", r"/host/tmp\.[A-Za-z0-9]{10}",
                r"/host/file[A-Za-z0-9]{4}", r"local\.[A-Za-z0-9]{5}", r"free[A-Za-z0-9]{3}"]
    assert len(made) == len(patterns)
    for name, pattern in zip(made, patterns):
        assert re.fullmatch(pattern, name), (name, pattern)
    on_host = lambda name: tmp_path / name.removeprefix("/host/")      # noqa: E731
    assert on_host(made[2]).is_file() and on_host(made[2]).stat().st_mode & 0o777 == 0o600
    assert on_host(made[3]).is_dir() and on_host(made[3]).stat().st_mode & 0o777 == 0o700
    assert on_host(made[4]).is_file()
    assert (tmp_path / made[5]).is_file()
    assert not (tmp_path / made[6]).exists()


def test_mktemp_names_differ_each_time(tmp_path):
    status, out, _err = shell("cd /host; for i in 1 2 3 4 5 6; do mktemp nXXX; done", tmp_path)
    names = out.split()
    assert status == 0 and len(set(names)) == 6 and len(list(tmp_path.iterdir())) == 6


@pytest.mark.parametrize("args", [
    "fooXX", "-q fooXX", "-p /nonexistent", "-q -p /nonexistent", "-d /nonexistent/dirXXX",
    "-t a/bXXX", "a b",
])
def test_mktemp_failures_as_the_host(tmp_path, args):
    """A template with too few X's, a directory that is missing, a / with -t, two templates:
    status 1 and GNU's message (-q silences only the failure to create); GNU's "Try 'mktemp
    --help'" line is ufos's usage line."""
    script = f"mktemp {args}; echo \"status $?\""
    status, out, err = shell(script, tmp_path)
    host_status, host_out, host_err = host_shell(script, tmp_path)
    assert (status, out) == (host_status, host_out)
    assert err.splitlines()[:1] == host_err.splitlines()[:1]


# diff: pairs of files, each compared both ways, with each output format
DIFF_FILES = {
    "letters": b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
    "letters2": b"a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk2\nl\nm\nn\n",
    "unterminated": b"x\ny",
    "terminated": b"x\ny\n",
    "empty": b"",
    "words": b"one\ntwo\nthree\n",
    "words2": b"zero\none\nthree\nfour\n",
    "far": b"".join(b"line %d\n" % i for i in range(40)),
    "far2": b"".join(b"line %d\n" % i for i in range(40) if i not in (3, 20)).replace(b"line 30", b"LINE 30"),
}
DIFF_PAIRS = [("letters", "letters2"), ("unterminated", "terminated"), ("empty", "words"),
              ("words", "words2"), ("far", "far2"), ("letters", "letters")]


@pytest.mark.parametrize("options", ["", "-u", "-U 1", "-U 0", "-q"])
def test_diff_as_the_host(tmp_path, options):
    """Every pair both ways: the same output as GNU diff (the -u headers' times aside: the file
    names are compared) and the same status, 0 same, 1 different."""
    for name, data in DIFF_FILES.items():
        (tmp_path / name).write_bytes(data)
    script = "".join(f"diff {options} {a} {b}; echo \"status $?\"; diff {options} {b} {a}; echo \"status $?\";"
                     for a, b in DIFF_PAIRS)
    status, out, err = shell("cd /host; " + script, tmp_path)
    host_status, host_out, _ = host_shell(script, tmp_path, "diff")
    strip_times = lambda text: re.sub(r"^(---|\+\+\+) (\S+)\t.*$", r"\1 \2", text, flags=re.M)  # noqa: E731
    assert (status, strip_times(out)) == (host_status, strip_times(host_out)), err


def test_diff_reads_stdin_and_reports_trouble(tmp_path):
    (tmp_path / "a").write_bytes(b"same\n")
    script = "echo same | diff a -; echo \"status $?\"; echo other | diff - a; echo \"status $?\";" \
             " diff a missing; echo \"status $?\"; diff a; echo \"status $?\""
    status, out, err = shell("cd /host; " + script, tmp_path)
    assert out == "status 0\n1c1\n< other\n---\n> same\nstatus 1\nstatus 2\nstatus 2\n"
    assert err.splitlines() == ["diff: missing: No such file or directory",
                                "usage: diff [-q] [-u | -U N] FILE1 FILE2"]


def test_egrep_is_grep_with_extended_expressions(tmp_path):
    """egrep runs grep -E: alternation, +, groups and grep's options; the same lines and status
    as the host's egrep (whose stderr may warn that the name is obsolescent)."""
    (tmp_path / "t").write_bytes(b"testA() {\n  x\nfunction testB {\nother() {\ntest-c () {\n")
    script = ("egrep '^\\s*((function test[A-Za-z0-9_-]*)|(test[A-Za-z0-9_-]* *\\(\\)))' t; echo \"status $?\";"
              " egrep -c 'x+|other' t; egrep -q 'z|y' t; echo \"status $?\"; egrep -n '(te)+st-' t")
    status, out, err = shell("cd /host; " + script, tmp_path)
    host_status, host_out, _ = host_shell(script, tmp_path, "egrep")
    assert (status, out) == (host_status, host_out), err


OD_FILES = {
    "text": b"hello world\n\x01\x02\xff\x80 tab\there\r\n",
    "zeros": bytes(100),
    "short": b"abc",
    "digits": b"0123456789abcdefXYZ",
}
OD_OPTIONS = ["", "-c", "-b", "-d", "-o", "-s", "-x", "-t x1", "-t a", "-t u4", "-t d8", "-t o8",
              "-t x2 -c", "-c -t x1", "-An -t x1", "-Ad -tu1", "-Ax -to4", "-t d1 -t a", "-tx1c",
              "-j 3 -N 5 -c", "-v -c", "-tuC -tdS"]


def test_od_as_the_host(tmp_path):
    """Every option set on every file: the same lines as GNU od, fields lined up across several
    types, "*" for repeated lines (not with -v), the end offset last."""
    for name, data in OD_FILES.items():
        (tmp_path / name).write_bytes(data)
    script = "".join(f"od {options} {name}; echo \"status $?\";" for options in OD_OPTIONS for name in OD_FILES)
    script += " echo abc | od -c -; od -c short text; od -c nosuch short; od -c nosuch; echo \"status $?\""
    status, out, err = shell("cd /host; " + script, tmp_path)
    host_status, host_out, host_err = host_shell(script, tmp_path, "od")
    assert (status, out) == (host_status, host_out)
    assert err == host_err


LN_SCRIPT = """
echo hi > a; mkdir d; touch f
ln a b; echo "ln a b: $?"; ls -l a b | cut -c1-12
ln a b; echo "again: $?"
ln -f a b; echo "-f: $?"; ln -f a a; echo "-f onto itself: $?"
echo more >> b; cat a
ln a b d; echo "into d: $?"; ls d
ln d e; echo "a directory: $?"
ln missing x; echo "missing: $?"
(cd d && ln ../f); echo "one operand: $?"; ls d
ln; echo "none: $?"
ln a b c; echo "no such target dir: $?"; ln a b f; echo "target a file: $?"
rm a; cat b; ls -l b | cut -c1-12
"""


def test_ln_makes_hard_links_as_gnu_ln_does(tmp_path):
    """ln SOURCE TARGET, ln SOURCE... DIR, GNU's ln SOURCE, -f, and the errors (GNU's words), run
    by the shell in a directory of its own and compared with the host's sh and ln."""
    ours_dir, theirs_dir = tmp_path / "ours", tmp_path / "theirs"
    ours_dir.mkdir()
    theirs_dir.mkdir()
    status, out, err = shell("cd /host/ours && " + LN_SCRIPT, tmp_path)
    host_status, host_out, host_err = host_shell(LN_SCRIPT, theirs_dir, tool="ln")
    assert (status, out) == (host_status, host_out)
    assert err == host_err
    status, _out, err = shell("echo x > /tmp/f && ln /tmp/f /host/f; echo $?; ln -s /tmp/f /host/s; echo $?", tmp_path)
    assert _out == "1\n1\n"
    assert err == ("ln: failed to create hard link '/host/f' => '/tmp/f': Invalid cross-device link\n"
                   "ln: failed to create symbolic link '/host/s': Operation not permitted\n")


TAIL_F = """cd {dir}
echo a > l1; echo b > l2
tail -f -s 0.1 l1 l2 > out 2>&1 &
sleep 0.5; echo a2 >> l1; sleep 0.5; echo b2 >> l2; sleep 0.5; echo a3 >> l1; sleep 0.5; : > l1
sleep 0.5; echo new >> l1; sleep 0.5
kill $!
echo hi | tail -f; echo "pipe: $?"
tail -f -s x l1; echo "bad interval: $?"
cat out
"""


def test_tail_f_follows_files_as_they_grow_and_are_truncated(tmp_path):
    """tail -f goes on printing what is appended, with a header when it moves to another file,
    starts a truncated file over, and does not follow a pipe (it has ended), as GNU's."""
    mine = shell(TAIL_F.format(dir="/tmp"), tmp_path)
    theirs = host_shell(TAIL_F.format(dir=tmp_path), tmp_path, tool="tail")
    assert mine == theirs
