"""POSIX text tools that shell scripts call (userland/bin/NAME.c), each run under the kernel and
compared with the host's GNU coreutils (util-linux's rev) on the same input and arguments
(LC_ALL=C): standard output and exit status must be equal.

    paste    lines of files side by side (-d LIST, -s, -z, '-' for standard input)
    comm     the lines only in one sorted file, only in the other, in both (-1 -2 -3, --total...)
    nl       line numbers (-b a|t|n|pBRE, -h, -f, -n ln|rn|rz, -w, -s, -v, -i, -l, -d, -p)
    fold     long lines broken to a width (-w, -s, -b, -WIDTH)
    tac      files last line first (-b, -s SEPARATOR, -r: the separator a regular expression)
    rev      each line's characters backwards (util-linux's; -0)
    cksum    the POSIX CRC and size of files ("CRC SIZE [FILE]"), or -a sysv or bsd's sum
    join     the lines of two sorted files with equal join fields (-t -1 -2 -j -a -v -e -o -i --header)
    id       user and group IDs (-u -g -G -n -r -z, USER)
    whoami   the effective user's name
    tty      the terminal on standard input (-s)
    logname  the login name: ufos records none, so "no login name" (as GNU's when getlogin fails)
    expand   tabs to spaces (-t N or LIST with /N +N, -i, -N)
    unexpand spaces to tabs (-a, -t, --first-only)
    tsort    a topological sort of pairs of words (GNU's order and loop reports)
    dd       blocks copied and converted (if= of= bs= ibs= obs= count= skip= seek= conv= status=)

Files a case names are written to the test's tmp_path, which ufos sees as /host: ufos's tool is
given /host/NAME and the host's NAME (run in tmp_path), and "/host/" is taken out of ufos's output
before comparing. The default suite has a few cases a tool; the rest are marked slow.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ufos.runner import run_image
from tests.helpers import BUDGET, bin_image, run_program


def ours(name: str, args, stdin: bytes, share: Path, files=()):
    """/bin/NAME run alone under ufos with /host = share; file names of `files` become /host/..."""
    argv = [name, *[f"/host/{a}" if a in files else a for a in args]]
    r = run_image(bin_image(name), argv, (), stdin, BUDGET, share=str(share))
    return r.status, r.stdout.replace(b"/host/", b""), r.stderr.replace(b"/host/", b"")


def host(command: list[str], stdin: bytes, cwd: Path):
    if shutil.which(command[0]) is None:
        pytest.skip(f"the host has no {command[0]} to compare with")
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    r = subprocess.run(command, input=stdin, capture_output=True, env=env, cwd=cwd, timeout=30)
    return r.returncode, r.stdout, r.stderr


def compare(tmp_path: Path, name: str, args, stdin: bytes = b"", files=None, stderr=False):
    """Run NAME ARGS under ufos and on the host; stdout and status must be equal (and the first
    line of stderr, with stderr=True). files: {name: contents} written first."""
    files = files or {}
    for file, data in files.items():
        (tmp_path / file).write_bytes(data)
    status, out, err = ours(name, args, stdin, tmp_path, files)
    h_status, h_out, h_err = host([name, *args], stdin, tmp_path)
    assert (out, status) == (h_out, h_status), f"{name} {args}: stderr {err!r}; host's {h_err!r}"
    if stderr:
        assert err.splitlines()[:1] == h_err.splitlines()[:1]
    return err


def cases(fast, slow):
    """Parametrize over the fast cases and, marked slow, the others."""
    return [*fast, *[pytest.param(*c, marks=pytest.mark.slow) for c in slow]]


# --- inputs -----------------------------------------------------------------------------------
A = b"one\ntwo\nthree\n"
B = b"1\n2\n3\n4\n5\n"
C = b"x\ny"                                     # the last line has no newline
EMPTY = b""
FILES = {"fa": A, "fb": B, "fc": C, "fe": EMPTY}


# --- paste ------------------------------------------------------------------------------------
PASTE = cases(
    fast=[(["fa", "fb"], b""), (["-s", "fa", "fc"], b""), (["-d", ":,", "fa", "fb", "fc"], b""),
          (["-", "-"], B)],
    slow=[(["fa", "fb", "fc", "fe"], b""), (["fb", "fa"], b""), (["fe", "fa"], b""), (["-s"], B),
          (["-s", "-d", "\\n-", "fb"], b""), (["-s", "fe", "fc", "fe"], b""), (["-d", "", "fa", "fb"], b""),
          (["-d", "\\0x", "fa", "fb", "fc"], b""), (["-d", "\\t\\\\", "fa", "fb", "fc"], b""),
          (["fa", "-", "fb"], C), (["-", "-", "-"], B), ([], C), (["-z", "-"], b"a\0b\0c\0"),
          (["-s", "-z", "-d", ",", "-"], b"a\0b\0c"), (["-d", "x\\", "fa"], b""),
          (["fa", "nope"], b""), (["-s", "nope", "fa"], b""), (["-q"], b""),
          (["fe", "fe"], b""), (["fa", "fe", "fe"], b""), (["-d", ":", "fe", "fa", "fe"], b"")])


@pytest.mark.parametrize("args,stdin", PASTE)
def test_paste(tmp_path, args, stdin):
    compare(tmp_path, "paste", args, stdin, FILES)


# --- comm -------------------------------------------------------------------------------------
S1 = b"apple\nbanana\ncherry\ndate\nfig\n"
S2 = b"banana\ncherry\ncherry\negg\nfig\ngrape"
UNSORTED = b"pear\napple\nzoo\n"
COMM_FILES = {"s1": S1, "s2": S2, "u": UNSORTED, "fe": EMPTY, "pre": b"a\nab\nb\n", "pre2": b"ab\nabc\n"}
COMM = cases(
    fast=[(["s1", "s2"], b""), (["-12", "s1", "s2"], b""), (["-3", "s1", "-"], S2), (["u", "s1"], b"")],
    slow=[(["-1", "s1", "s2"], b""), (["-2", "s1", "s2"], b""), (["-13", "s1", "s2"], b""),
          (["-23", "s1", "s2"], b""), (["-123", "s1", "s2"], b""), (["s2", "s1"], b""),
          (["fe", "s1"], b""), (["s1", "fe"], b""), (["pre", "pre2"], b""), (["u", "u"], b""),
          (["s1", "u"], b""), (["--check-order", "u", "s1"], b""), (["--nocheck-order", "u", "s1"], b""),
          (["--check-order", "u", "u"], b""), (["--output-delimiter=::", "s1", "s2"], b""),
          (["--output-delimiter=", "s1", "s2"], b""), (["--total", "s1", "s2"], b""),
          (["--total", "-2", "--output-delimiter=,", "s1", "s2"], b""), (["-z", "-", "s1"], b"apple\0fig\0"),
          (["s1"], b""), ([], b""), (["s1", "s2", "u"], b""), (["s1", "nope"], b""), (["-4", "s1", "s2"], b""),
          (["--output-delimiter=a", "--output-delimiter=b", "s1", "s2"], b"")])


@pytest.mark.parametrize("args,stdin", COMM)
def test_comm(tmp_path, args, stdin):
    compare(tmp_path, "comm", args, stdin, COMM_FILES, stderr=True)


# --- nl ---------------------------------------------------------------------------------------
PROSE = b"first\n\n  indented\n\n\n\nlast one\n\tx\n"
PAGES = b"head\n\\:\\:\\:\nh1\n\\:\\:\nb1\n\nb2\n\\:\nf1\n\\:\\:\\:\nh2\n\\:\\:\nb3\n"
NL = cases(
    fast=[([], PROSE), (["-b", "a", "-n", "ln"], PROSE), (["-n", "rz", "-w", "3", "-s", ": ", "-v", "5", "-i", "2"], PROSE),
          ([], PAGES)],
    slow=[(["-b", "n"], PROSE), (["-b", "t", "-n", "rz"], PROSE), (["-w", "1"], B * 3),
          (["-b", "a", "-l", "2"], PROSE), (["-b", "a", "-l", "3"], PROSE), (["-b", "pi"], PROSE),
          (["-b", "p^[a-z]*$"], PROSE), (["-s", ""], PROSE), (["-v", "-3"], B), (["-v", "0", "-i", "0"], B),
          (["-v", "-3", "-n", "rz"], B), (["-h", "a", "-f", "t"], PAGES), (["-p"], PAGES),
          (["-p", "-h", "a", "-b", "a", "-f", "a"], PAGES), (["-d", "@"], b"a\n@:\nb\n@:@:@:\nc\n"),
          (["-d", "xy"], b"a\nxyxy\nb\nxy\nc\n"), ([], C), ([], EMPTY), (["fa", "-", "fc"], A),
          (["fa", "nope"], b""), (["-b", "x"], b""), (["-n", "lz"], b""), (["-w", "0"], b""),
          (["-l", "0"], b""), (["-v", "x"], b""), (["-y"], b"")])


@pytest.mark.parametrize("args,stdin", NL)
def test_nl(tmp_path, args, stdin):
    compare(tmp_path, "nl", args, stdin, FILES)


# --- fold -------------------------------------------------------------------------------------
LONG = (b"The quick brown fox jumps over the lazy dog and keeps running far away from here.\n"
        b"short\n" + b"x" * 100 + b"\n" + b"tab\tseparated\tcolumns\there and there and again\n"
        b"back\bspace and carriage\rreturn  spaces   many    \n\nno newline at the end of this line")
FOLD = cases(
    fast=[([], LONG), (["-w", "20"], LONG), (["-s", "-w", "20"], LONG), (["-b", "-w", "10"], LONG)],
    slow=[(["-w", "1"], b"abc\n\tx\n"), (["-s", "-w", "7"], LONG), (["-bs", "-w", "13"], LONG),
          (["-5"], LONG), (["-s", "-15"], LONG), (["--width=9", "--spaces"], LONG), (["-w", "8"], b"\t\ta\n"),
          (["-w", "0"], b""), (["-w", "x"], b""), (["fa", "nope", "fc"], b""), (["-w", "3", "-", "fa"], b"abcdef"),
          (["-s", "-w", "4"], b"a b c d e f g\n"), (["-s", "-w", "3"], b"   \t  \n")])


@pytest.mark.parametrize("args,stdin", FOLD)
def test_fold(tmp_path, args, stdin):
    compare(tmp_path, "fold", args, stdin, FILES)


# --- tac --------------------------------------------------------------------------------------
TAC = cases(
    fast=[([], A), ([], C), (["-b"], A), (["-s", ","], b"a,b,,c,"), (["-r", "-s", "[0-9]+"], b"a1b22c333d\n"),
          (["-r", "-s", "1+"], b"a+b1+c11d")],
    slow=[(["-b", "-r", "-s", "[0-9][0-9]*"], b"x12y345z"), (["-r", "-s", "b\\|c"], b"abcabc\n"),
          (["-r", "-s", "^l"], b"l1\nl2\nl3\n"), (["-r", "-s", "X\\{2\\}"], b"aX{2}bXXc"),
          (["-r", "-s", "x\\+y?"], b"ax+bx+yc"), (["-r"], A), (["--regex", "-s", ".$"], b"ab\ncd\n"),
          (["-r", "-s", "[0-9]"], b"a\0b1c\0d2"), (["-r", "-b", "-s", "\\.  *"], b"One.  Two. Three.\nFour."),
          (["-r", "-s", "[^a]a"], b"xaybaaz"), (["-r", "-s", "o\\>"], b"foo boo oof\n"), (["-r", "-s", "c\\b"], b"abc cd\n"),
          (["-rs", "(x)"], b"a(x)b(x)"), (["-r", "-s", "\\(ab\\)*c"], b"ababcxcyabc"),
          (["-r", "-s", "z"], bytes(range(256)) * 8), (["-r", "-s", ""], A),
          ([], EMPTY), (["fa", "-", "fc"], B), (["-b", "-s", ","], b"a,b,,c,"), (["-s", "::"], b"a::b::c"),
          (["-b", "-s", "::"], b"::a::b::c"), (["--separator=x", "--before"], b"1x2x3"), (["-s", ""], A),
          ([], b"\n\n\n"), (["-b"], b"x"), (["fa", "nope"], b""), (["-s", ""], b"a\0b\0c"),
          (["-s", ""], b"a\nb\0c\n")])


@pytest.mark.parametrize("args,stdin", TAC)
def test_tac(tmp_path, args, stdin):
    compare(tmp_path, "tac", args, stdin, FILES, stderr=True)


# --- rev --------------------------------------------------------------------------------------
REV = cases(
    fast=[([], A), ([], b"abc\nde"), (["fa", "fc"], b"")],
    slow=[([], EMPTY), ([], b"\n\nx y\tz\n"), (["-", "fb"], A), (["fa", "nope", "fc"], b"")])


@pytest.mark.parametrize("args,stdin", REV)
def test_rev(tmp_path, args, stdin):
    compare(tmp_path, "rev", args, stdin, FILES, stderr=True)


def test_rev_zero_ends_lines_with_nul_bytes(tmp_path):
    """-0 is util-linux 2.39's (the host's rev may be older): the NULs stay where they are."""
    assert ours("rev", ["-0"], b"abc\0de\0f", tmp_path) == (0, b"cba\0ed\0f", b"")


# --- cksum ------------------------------------------------------------------------------------
ALL_BYTES = bytes(range(256)) * 40                  # 10240 bytes: a length of two bytes
CKSUM = cases(
    fast=[([], b"hello\n"), ([], EMPTY), (["fa", "-", "fe"], ALL_BYTES), (["-a", "sysv", "fa", "-"], ALL_BYTES),
          (["-a", "bsd", "fa", "-", "fe"], ALL_BYTES), (["-a", "md5", "fa", "fb"], b""), (["-a", "sha256"], b"x"),
          (["-a", "sha1", "--untagged", "fa", "-"], b"y"), (["fa", "-a", "md5", "nope"], b"")],
    slow=[([], ALL_BYTES), ([], b"a"), ([], bytes(70000)), (["fa", "nope", "fc"], b""), (["-x"], b""),
          (["--", "fb"], b""), (["-a", "sysv"], EMPTY), (["-a", "bsd"], EMPTY), (["--algorithm=bsd"], bytes(70000)),
          (["-a", "sysv"], bytes(range(256)) * 300), (["-a", "bsd"], bytes(range(256)) * 300),
          (["-a", "crc", "fb"], b""), (["-a", "bsd", "-a", "crc", "fb"], b""), (["-a", "sysv", "fa", "nope"], b""),
          (["-a", "foo", "fa"], b""), (["-a", "sy", "fa"], b""), (["-a"], b"")])


@pytest.mark.parametrize("args,stdin", CKSUM)
def test_cksum(tmp_path, args, stdin):
    compare(tmp_path, "cksum", args, stdin, FILES, stderr=True)


def test_cksum_digests_ufos_lacks_are_an_error(tmp_path):
    """GNU's -a sha512, blake2b...: digests ufos does not have, so cksum says so (and reads nothing)."""
    assert ours("cksum", ["-a", "sha512", "-"], b"x", tmp_path) == (
        1, b"", b"cksum: the sha512 digest is not supported (crc, sysv, bsd, md5, sha1 and sha256 are)\n")


# --- join -------------------------------------------------------------------------------------
PEOPLE = b"alice 30 paris\nbob 25 rome\ncarol 41 oslo\ndave 19\nerin 33 lima\n"
PETS = b"alice cat\nalice dog\nbob fish\ncarol\nfrank owl\n"
COLON1 = b"1:x::a\n2:y:b:\n4:w:c:d\n"
COLON2 = b"1:one\n3:three\n4:\n4:four\n"
JOIN_FILES = {"people": PEOPLE, "pets": PETS, "c1": COLON1, "c2": COLON2, "u": b"b 1\na 2\nc 3\n",
              "blanks": b"  alice   x  \n\tbob\ty \n", "fe": EMPTY, "ages": b"19 dave\n25 bob\n30 alice\n",
              "case": b"ALICE up\nBob down\n", "h1": b"name age\nalice 30\n", "h2": b"who pet\nalice cat\n",
              "named2": b"x alice\ny bob\nz carol\n"}
JOIN = cases(
    fast=[(["people", "pets"], b""), (["-a", "1", "-a", "2", "-e", "-", "-o", "0,1.2,2.2", "people", "pets"], b""),
          (["-t", ":", "-v", "2", "c1", "c2"], b""), (["-1", "2", "-2", "1", "-", "ages"], b"x bob\ny dave\n"),
          (["-j1", "2", "named2", "pets"], b""), (["-j2", "1", "-j1", "2", "named2", "pets"], b"")],
    slow=[(["-a", "1", "people", "pets"], b""), (["-a", "2", "people", "pets"], b""), (["-v", "1", "people", "pets"], b""),
          (["-v", "1", "-v", "2", "people", "pets"], b""), (["-o", "auto", "-a", "1", "-a", "2", "people", "pets"], b""),
          (["-o", "auto", "-e", "NA", "-a", "2", "people", "pets"], b""), (["-e", "X", "-a", "1", "people", "pets"], b""),
          (["-o", "2.1 1.3", "people", "pets"], b""), (["-o", "1.1", "-o", "2.2,0", "people", "pets"], b""),
          (["-t", ":", "c1", "c2"], b""), (["-t", ":", "-a", "1", "-a", "2", "-e", "E", "c1", "c2"], b""),
          (["-t", ":", "-o", "auto", "-a", "2", "c1", "c2"], b""), (["-t", ":", "-1", "3", "-2", "2", "c1", "c2"], b""),
          (["-j", "1", "blanks", "people"], b""), (["-o", "1.1,1.2,1.3", "blanks", "pets"], b""),
          (["-2", "2", "pets", "ages"], b""), (["-i", "case", "people"], b""), (["case", "people"], b""),
          (["--header", "h1", "h2"], b""), (["--header", "-o", "auto", "h1", "fe"], b""), (["fe", "people"], b""),
          (["-a", "2", "fe", "people"], b""), (["u", "people"], b""), (["-a", "1", "u", "people"], b""),
          (["--check-order", "u", "people"], b""), (["--nocheck-order", "u", "people"], b""),
          (["u", "u"], b""), (["people"], b""), (["people", "pets", "u"], b""), (["people", "nope"], b""),
          (["-a", "3", "people", "pets"], b""), (["-t", "ab", "people", "pets"], b""), (["-o", "3.1", "people", "pets"], b""),
          (["-o", "x", "people", "pets"], b""), (["-o", "1.0", "people", "pets"], b""), (["-o", "1x", "people", "pets"], b""),
          (["-1", "0", "people", "pets"], b""), (["-z", "-", "pets"], b"alice 1\0bob 2\0"),
          (["-j1", "named2", "pets"], b""), (["-j2", "people", "pets"], b""), (["-j1", "x", "people", "pets"], b""),
          (["-1", "2", "-j", "3", "people", "pets"], b""), (["-j", "1", "-j1", "2", "people", "pets"], b""),
          (["-1", "2", "-1", "2", "named2", "pets"], b""), (["-ij1", "2", "people", "pets"], b""),
          (["-o", "1.1", "2.2", "people", "pets"], b""), (["-o", "1.2", "2.2", "0", "people", "pets"], b""),
          (["named2", "-j1", "2", "pets"], b""), (["-j1", "2", "named2", "--", "pets"], b""),
          (["-j2", "2", "-j2", "2", "pets", "named2"], b""), (["-j1", "2", "-", "pets"], b"x alice\n"),
          (["people", "-a", "1", "pets"], b""), (["-j1"], b""), (["-o", "auto", "people", "pets", "x"], b"")])


@pytest.mark.parametrize("args,stdin", JOIN)
def test_join(tmp_path, args, stdin):
    compare(tmp_path, "join", args, stdin, JOIN_FILES, stderr=True)


# --- id, whoami, tty --------------------------------------------------------------------------
# Every ufos process is root (uid 0, gid 0, no supplementary groups); the host's id is compared
# where its root is the same: for this process only if the host runs the tests as root.
def host_is_plain_root():
    return os.getuid() == 0 and os.getgid() == 0 and os.getgroups() in ([], [0])


ID = [["root"], ["-un"], ["-G"], *[pytest.param(a, marks=pytest.mark.slow) for a in (
    [], ["-u"], ["-g"], ["-gn"], ["-Gn"], ["-ur"], ["-u", "root"], ["-Gn", "root"], ["-n"], ["-r"], ["-u", "-g"],
    ["-nosuchuser"], ["nosuchuser"], ["0"], ["-uz"], ["-Gz", "root"], ["root", "root"], ["root", "nosuchuser", "0"])]]


@pytest.mark.parametrize("args", ID)
def test_id(tmp_path, args):
    names_a_user = any(not a.startswith("-") for a in args)
    if not names_a_user and not host_is_plain_root():
        pytest.skip("the host does not run the tests as a root with no other groups")
    compare(tmp_path, "id", args, stderr=True)


def test_id_shows_the_supplementary_groups(tmp_path):
    """A process given groups by setgroups (sorted by the kernel) shows them after its own."""
    source = tmp_path / "groups_id.c"
    source.write_text(r"""
#include <grp.h>
#include <unistd.h>
int main(void)
{
    gid_t groups[] = {65534, 7, 0};
    setgroups(3, groups);
    execl("/bin/id", "id", (char *)0);
    return 1;
}
""")
    r = run_program(source)
    assert (r.status, r.stdout) == (0, b"uid=0(root) gid=0(root) groups=0(root),7,65534(nobody)\n")


def test_id_of_ufos_users_without_a_host_to_compare(tmp_path):
    """nobody is ufos's own (the host's may have another group): its line of /etc/passwd."""
    assert ours("id", ["nobody"], b"", tmp_path)[:2] == \
        (0, b"uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n")
    assert ours("id", ["-Gn", "nobody"], b"", tmp_path)[:2] == (0, b"nobody\n")


def test_whoami(tmp_path):
    assert ours("whoami", [], b"", tmp_path) == (0, b"root\n", b"")
    if host_is_plain_root():
        compare(tmp_path, "whoami", [])
    compare(tmp_path, "whoami", ["extra"], stderr=True)


@pytest.mark.parametrize("args", [[], ["x"]])
def test_logname_has_no_login_to_name(tmp_path, args):
    """The host's tests run without a login session too (no utmp entry for them): same answer."""
    status, _out, _err = host(["logname", *args], b"", tmp_path)
    if not args and status == 0:
        pytest.skip("the host's tests run in a login session")
    compare(tmp_path, "logname", args, stderr=True)


@pytest.mark.parametrize("args", [[], ["-s"], ["x"], ["-q"]])
def test_tty_on_standard_input_that_is_not_a_terminal(tmp_path, args):
    """The tests' standard input is a pipe on the host and a buffer in ufos: "not a tty", 1."""
    compare(tmp_path, "tty", args, stderr=True)


def test_tty_names_the_console(tmp_path):
    """On a terminal (ufos's interactive console, here a stand-in that says it is one), the
    name of its /dev entry."""
    from ufos.kernel import tty
    from ufos.kernel.boot import Options
    from ufos.runner import boot

    class Terminal(tty.BufferOutput):
        is_tty = True

    for args, expected in (([], b"/dev/console\n"), (["-s"], b"")):
        k = boot(Options(max_instructions=BUDGET), terminal=Terminal())
        k.spawn("tty", ["tty", *args], image=bin_image("tty"))
        assert (k.run(), bytes(k.stdout.data)) == (0, expected)


# --- expand, unexpand -------------------------------------------------------------------------
TABBED = (b"\tone\ttwo\t\tthree\n  \t x\ty\n" b"a\bb\tc\n\n1234567\t8\n12345678\t9\n"
          b"        eight spaces then  two   three    four\n   \t  mixed \t \n"
          b" a  b   c    d     e      f       g        h\nlast\tline")
EXPAND = cases(
    fast=[([], TABBED), (["-t", "4"], TABBED), (["-t", "3,7,12"], TABBED), (["-i", "-t", "2"], TABBED)],
    slow=[(["-t", "1"], TABBED), (["-t", "2,5", "-i"], TABBED), (["-t", "4,10,/6"], TABBED),
          (["-t", "4,10,+6"], TABBED), (["-t", "3 9"], TABBED), (["-5"], TABBED), (["-3,8"], TABBED),
          (["--tabs=6", "--initial"], TABBED), (["-t", "0"], b""), (["-t", "4,2"], b""), (["-t", "x"], b""),
          (["-t", "/3,5"], b""), (["-t", "3/"], b""), (["-t", "2,/4,+5"], b""), (["fa", "nope", "-"], b"\tq"),
          (["fc", "fc"], b"")])
UNEXPAND = cases(
    fast=[([], TABBED), (["-a"], TABBED), (["-t", "4"], TABBED), (["--first-only", "-t", "3,7,12"], TABBED)],
    slow=[(["-a", "-t", "2"], TABBED), (["-t", "4,10,/6"], TABBED), (["-t", "4,10,+6"], TABBED),
          (["-t", "1"], TABBED), (["-4"], TABBED), (["-a", "-3,8"], TABBED), (["--all", "--tabs=5"], TABBED),
          (["-t", "0"], b""), (["-t", "x"], b""), (["fa", "nope", "-"], b"        q"),
          ([], b"       x\n         y\n \tz\n  \t\n"), (["-a"], b"a      b       c  d\n"),
          (["-a", "-t", "8"], b"abcdefg h\n")])


@pytest.mark.parametrize("args,stdin", EXPAND)
def test_expand(tmp_path, args, stdin):
    compare(tmp_path, "expand", args, stdin, FILES, stderr=True)


@pytest.mark.parametrize("args,stdin", UNEXPAND)
def test_unexpand(tmp_path, args, stdin):
    compare(tmp_path, "unexpand", args, stdin, FILES, stderr=True)


# --- tsort ------------------------------------------------------------------------------------
DEPS = b"main parse\nmain eval\nparse lex\neval lex\nlex util\nprint util\nmain print\nalone alone\n"
TSORT = cases(
    fast=[([], DEPS), ([], b"a b b c c a\n"), ([], b"x y z\n")],
    slow=[([], EMPTY), ([], b"b a\nd c\nf e\n"), ([], b"a b\tb c\n\n c d "), (["fpairs"], b""),
          ([], b"a b b c c d d b e f f e\n"), ([], b"1 2 2 3 3 1 3 4 4 5 5 3\n"), ([], b"a a b b a b\n"),
          (["nope"], b""), (["fpairs", "fpairs"], b""), (["-"], b"q p\n")])


@pytest.mark.parametrize("args,stdin", TSORT)
def test_tsort(tmp_path, args, stdin):
    err = compare(tmp_path, "tsort", args, stdin, {"fpairs": DEPS}, stderr=True)
    theirs = host(["tsort", *args], stdin, tmp_path)[2]
    if b"loop" in theirs:
        assert err == theirs                    # the loop's words too, as GNU reports them


# --- dd ---------------------------------------------------------------------------------------
DATA = bytes(range(32, 127)) * 30 + b"\nMixed Case Text\n"       # 2867 bytes


def dd_compare(tmp_path: Path, args, stdin=b"", out_before=None):
    tmp_path.mkdir(exist_ok=True)
    """dd ARGS under ufos and on the host, each in a directory of its own holding data and
    perhaps out: stdout, status, the "records" and "dd: " lines of stderr (not the time, nor
    GNU's "Try 'dd --help'" line) and the file out must be equal."""
    results = []
    for side in ("ours", "host"):
        d = tmp_path / side
        d.mkdir()
        (d / "data").write_bytes(DATA)
        if out_before is not None:
            (d / "out").write_bytes(out_before)
        if side == "ours":
            r = ours("dd", [a[:3] + "/host/" + a[3:] if a[:3] in ("if=", "of=") else a for a in args],
                     stdin, d)
        else:
            r = host(["dd", *args], stdin, d)
        out = (d / "out").read_bytes() if (d / "out").exists() else None
        report = [line for line in r[2].splitlines() if b"records" in line or line.startswith(b"dd: ")]
        results.append((r[0], r[1], report, out))
    assert results[0] == results[1], args


DD = [
    ["if=data", "bs=1000"], ["if=data", "of=out"], ["if=data", "of=out", "bs=100", "count=3", "skip=2"],
    *[pytest.param(a, marks=pytest.mark.slow) for a in (
        ["if=data"], ["if=data", "ibs=100", "obs=300"], ["if=data", "ibs=1000", "obs=64", "count=2"],
        ["if=data", "bs=1k"], ["if=data", "bs=2x50", "count=4"], ["if=data", "bs=1b", "skip=1b"],
        ["if=data", "of=out", "conv=ucase"], ["if=data", "of=out", "conv=lcase", "status=none"],
        ["if=data", "of=out", "bs=10", "seek=3", "count=2"], ["if=data", "of=out", "bs=10", "count=1", "conv=notrunc"],
        ["if=data", "of=out", "bs=10", "count=1", "seek=1", "conv=notrunc"], ["if=data", "of=out", "bs=10", "count=1"],
        ["if=data", "bs=1000", "conv=sync"], ["if=data", "status=noxfer", "count=0"], ["if=data", "skip=100"],
        ["if=nope"], ["if=data", "foo=1"], ["if=data", "bs=x"], ["if=data", "bs=0"], ["if=data", "conv=bogus"],
        ["if=data", "conv=ucase,lcase"], ["if=data", "status=loud"], ["junk"], ["if=data", "of=out", "conv=excl"],
        ["if=data", "of=out", "conv=nocreat"], ["if=data", "bs=2w", "count=3", "conv=ucase"])],
]


@pytest.mark.parametrize("args", DD)
def test_dd(tmp_path, args):
    dd_compare(tmp_path, args, out_before=b"0123456789" * 5 if "conv=notrunc" in args or "conv=excl" in args
               or "conv=nocreat" in args or "seek=3" in args else None)


@pytest.mark.slow
def test_dd_reads_standard_input_and_writes_standard_output(tmp_path):
    dd_compare(tmp_path / "1", ["bs=7", "count=5", "skip=1"], stdin=DATA)
    dd_compare(tmp_path / "2", ["conv=ucase"], stdin=b"abc\n")


def test_dd_reports_the_bytes_copied(tmp_path):
    (tmp_path / "data").write_bytes(DATA)
    status, out, err = ours("dd", ["if=/host/data", "of=/dev/null", "bs=512"], b"", tmp_path)
    lines = err.decode().splitlines()
    assert status == 0 and lines[:2] == ["5+1 records in", "5+1 records out"]
    assert re.fullmatch(r"2867 bytes \(2\.9 kB, 2\.8 KiB\) copied, [0-9.e-]+ s, [0-9.]+ [kMG]?B/s", lines[2])
    status, _out, err = ours("dd", ["count=0"], b"", tmp_path)
    assert re.fullmatch(r"0 bytes copied, [0-9.e-]+ s, [0-9.]+ B/s|0 bytes copied, 0 s, Infinity B/s",
                        err.decode().splitlines()[2])
    theirs = host(["dd", "count=0"], b"", tmp_path)[2].decode().splitlines()[2]
    assert re.fullmatch(r"0 bytes copied, [0-9.e-]+ s, [0-9.]+ k?B/s", theirs)     # GNU: "0.0 kB/s"
