"""The standard programs of /bin (userland/bin/NAME.c), run under the kernel and compared with
the host's coreutils.

Each program is compiled once, when a test first needs it (a session-wide cache), and run with
`run_image` on a freshly booted kernel, fed through standard input and arguments. The programs that
work on files (ls, cp, mv, rm, mkdir, touch, cat FILE, cmp...) run with /host = the test's tmp_path
(`boot`); those that need other programs of /bin (ps, halt, cp -r, mv across file systems) run from
the shell (`shell`).

A case compares the program's stdout and exit status with the host's command run on the same
arguments and input (LC_ALL=C), where POSIX makes the output the same; where ufos legitimately
differs, the expected output is written out, with the reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import ufos
from ufos.machine.cap import Capability
from ufos.runner import run_image
from tests.helpers import BUDGET, bin_image, run_bin       # BUDGET: every case here needs far fewer


def run(name: str, args=(), stdin: bytes = b"", env=(), argv0: str | None = None, budget=BUDGET):
    """/bin/NAME (userland/bin/NAME.c, compiled once per session) run alone under the kernel."""
    return run_image(bin_image(name), [argv0 or name, *args], list(env), stdin, budget)


def host(command: list[str], stdin: bytes = b""):
    if shutil.which(command[0]) is None:
        pytest.skip(f"the host has no {command[0]} to compare with")
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=30)


# --- inputs -----------------------------------------------------------------------------------
TEXT = b"hello world\nHello World\nabcabc\nabab\nfoo.bar\nfooXbar\na*b\n[bracket]\ntab\there\n" \
       b"123 456\nend$\naaa\n\n  leading blanks\n"
NUMBERS = b"b\na\n10\n9\n-1\nB\n\nb\n 2\n2\nx 3\n1.5\na\n"
RUNS = b"a\na\nb\nc\nc\nc\na\n\n\nd"                       # the last line has no newline
FIELDS = b"a:b:c:d\nhello world\none:two\n\n:x:\nabcdefghij\nno delim"
BYTES = bytes(range(256)) + b"x" * 64 + b"tail"
LINES25 = b"".join(b"%d\n" % i for i in range(1, 26))
# sort's keys: blank-separated fields with numbers, units, months, versions; COLONS for -t
KEYED = b"b 2 x\na 10 y\nB 1 z\n  c 2 a\na 2 b\n10 -1 q\n2K 1M x\n1.5e3 inf y\nJan 3 x\nfeb 1 y\n" \
        b"file-1.10 a\nfile-1.9 b\n\nb 2 x\n-0 0 x\n0x10 1k n\n.5 nan m\n"
COLONS = b"a:b:3\nx:a:10\nc:b:2\nb:a:10\na::1\n:z:0\nA:b:3\n"
HUMAN = b"2K\n1M\n3\n-1K\n0K\n1.5K\n1023\n999M\n1G\n-2M\n\nabc\n1k\n"
GROUPS = b"a\nfoo\nb\nfoo\nc\nd\ne\nfoo\n"                # grep's context: groups and gaps
VERSIONS = b"file-1.10\nfile-1.9\nfile-1.9a\nfile-1.9~\n.hidden\n.\n..\nfile.tar.gz\nfile-2.tar.gz\n" \
           b"file-10.txt\n1.2.3\n1.02.3\nv1\n\n.5\n.a\n.b5\n.5a\n..a\n.~\nx.a\nx.5\n"

# (program, arguments, stdin): compared with the host's program of the same name
SAME_AS_HOST = [
    ("cat", [], TEXT), ("cat", ["-"], BYTES), ("cat", ["-u"], b"no newline"),
    ("echo", ["a", "b  c"], b""), ("echo", ["-n", "x"], b""), ("echo", ["-nnn", "-n", "x", "-n"], b""),
    ("echo", [], b""),
    ("wc", [], TEXT), ("wc", ["-l"], TEXT), ("wc", ["-w"], TEXT), ("wc", ["-c"], BYTES),
    ("wc", ["-lw"], TEXT), ("wc", ["-l", "-c"], b""), ("wc", [], b"one"),
    ("head", [], LINES25), ("head", ["-n", "3"], LINES25), ("head", ["-n3"], LINES25),
    ("head", ["-2"], RUNS), ("head", ["-n", "0"], TEXT), ("head", ["-n", "100"], RUNS),
    ("head", ["-c", "5"], TEXT), ("head", ["-c", "-5"], TEXT), ("head", ["-n", "-2"], LINES25),
    ("head", ["-n", "-1"], RUNS), ("head", ["-n", "-0"], RUNS), ("head", ["-c", "-1000"], TEXT),
    ("head", ["-", "-n", "2"], TEXT), ("head", ["-v", "-n1"], TEXT), ("head", ["-1", "-q"], TEXT),
    ("head", ["-2", "-3"], TEXT), ("head", ["-n", "1x"], TEXT), ("head", ["-c", "-x"], TEXT),
    ("tail", [], LINES25), ("tail", ["-n", "3"], LINES25), ("tail", ["-2"], RUNS),
    ("tail", ["+23"], LINES25), ("tail", ["-c", "7"], BYTES), ("tail", ["-c", "+300"], BYTES),
    ("tail", ["-c", "-3"], RUNS), ("tail", ["-n", "-2"], RUNS), ("tail", ["-", "-n", "2"], TEXT),
    ("tail", ["-v", "-n1"], TEXT), ("tail", ["-c", "0"], TEXT), ("tail", ["-n", "x"], TEXT),
    ("tail", ["-n", "+20"], LINES25), ("tail", ["-n", "0"], TEXT), ("tail", ["-n", "+1"], RUNS),
    ("tail", ["-n", "100"], TEXT),
    ("sort", [], NUMBERS), ("sort", ["-n"], NUMBERS), ("sort", ["-r"], NUMBERS),
    ("sort", ["-u"], NUMBERS), ("sort", ["-nr"], NUMBERS), ("sort", ["-nu"], NUMBERS),
    ("sort", ["-n", "-r", "-u"], NUMBERS), ("sort", [], TEXT), ("sort", [], b""),
    *[("sort", args, KEYED) for args in (
        ["-k2n"], ["-k2,2n", "-k1,1"], ["-k2nr"], ["-t", " ", "-k2"], ["-f"], ["-b"], ["-d"], ["-i"], ["-h"],
        ["-g"], ["-s", "-k2,2n"], ["-u", "-k2,2n"], ["-c"], ["-C"], ["-M"], ["-V"], ["-k1.2,1.3"], ["-k2b"],
        ["-b", "-k1.2"], ["-k3", "-k1r"], ["-fu"], ["-k2,2g"], ["-k2,2h"], ["-rs", "-k1,1"], ["-k1,1M"],
        ["-k1,1V"], ["-k1.1b,1.2b"], ["-nr", "-k2,2"], ["-k2.2"], ["-k1,1.0"], ["-fdi"], ["-k1,1f", "-u"],
        ["-sk1,1f"])],
    *[("sort", ["-t:", *args], COLONS) for args in (
        ["-k2,2"], ["-k3n"], ["-k2,2", "-k3,3nr"], ["-k2,2", "-u"], ["-k1,1f"], ["-k2.1,2.1", "-s"],
        ["-k3n", "-c"], ["-k1,1", "-C"], ["-k4"], ["-k1.2,2.1"])],
    ("sort", ["-h"], HUMAN + b"1.2.3K\n1.2\n"), ("sort", ["-hr"], HUMAN), ("sort", ["-g"], HUMAN), ("sort", ["-hu"], HUMAN),
    ("sort", ["-V"], VERSIONS), ("sort", ["-Vr"], VERSIONS), ("sort", ["-z"], b"b\0a\0c\nx\0"),
    ("sort", ["-c"], b"a\nb\nb\n"), ("sort", ["-cu"], b"a\nb\nb\n"), ("sort", ["-c", "-r"], b"b\na\n"),
    ("sort", ["-C"], b"b\na\n"),
    *[("grep", args, GROUPS) for args in (
        ["-A1", "foo"], ["-B1", "foo"], ["-C1", "foo"], ["-1", "foo"], ["-m2", "-A3", "foo"], ["-m1", "-A3", "-n", "foo"],
        ["-v", "-C1", "-n", "foo"], ["-c", "-A1", "foo"], ["-o", "-C1", "foo"], ["-m1", "-c", "foo"], ["-m0", "foo"],
        ["-C1", "-A0", "foo"], ["-A0", "-C1", "foo"], ["-2", "-B0", "-n", "foo"], ["-12", "foo"],
        ["-1", "-2", "foo"], ["-L", "foo"], ["-L", "zzz"], ["-Z", "-H", "foo"], ["-lZ", "foo"], ["-cZH", "foo"],
        ["-m", "-1", "foo"], ["--context=1", "foo"], ["--after-context", "1", "foo"],
        ["--max-count=2", "foo"], ["-H", "-n", "-C1", "foo"], ["-B", "1", "-v", "foo"], ["--null", "-c", "-H", "o"],
        ["-A0", "foo"], ["-C0", "-n", "foo"], ["-o", "-v", "-A1", "o"], ["-o", "-v", "-n", "-C1", "-H", "fo*"])],
    ("grep", ["-C1", "-n", "l1[05]"], LINES25), ("grep", ["-A2", "-B1", "[37]$"], LINES25),
    ("grep", ["-m3", "-B1", "1"], LINES25),
    ("uniq", [], RUNS), ("uniq", ["-c"], RUNS), ("uniq", ["-d"], RUNS), ("uniq", ["-u"], RUNS),
    ("uniq", ["-c", "-"], TEXT),
    ("cut", ["-c", "1"], FIELDS), ("cut", ["-c", "2-4"], FIELDS), ("cut", ["-c", "-3"], FIELDS),
    ("cut", ["-c", "3-"], FIELDS), ("cut", ["-c", "5,1,3"], FIELDS), ("cut", ["-b", "2"], FIELDS),
    ("cut", ["-d:", "-f", "2"], FIELDS), ("cut", ["-d", ":", "-f", "1,3"], FIELDS),
    ("cut", ["-d:", "-f2-"], FIELDS), ("cut", ["-d:", "-s", "-f", "1"], FIELDS),
    ("cut", ["-f", "1"], b"a\tb\tc\nxyz\n"), ("cut", ["-d", " ", "-f", "2"], TEXT),
    ("tr", ["a-z", "A-Z"], TEXT), ("tr", ["[:lower:]", "[:upper:]"], TEXT),
    ("tr", ["-d", "aeiou"], TEXT), ("tr", ["-s", " "], b"a   b  c d    \n"),
    ("tr", ["-s", "a-z"], b"aaabbbcccAAA\n"), ("tr", ["-d", "-s", "l", " "], b"hello   all  \n"),
    ("tr", ["-s", "lo", "xy"], TEXT), ("tr", ["abc", "x"], TEXT), ("tr", ["-c", "a-z\\n", "_"], TEXT),
    ("tr", ["-cd", "[:alpha:]"], TEXT), ("tr", ["\\n", " "], TEXT), ("tr", ["\\101-\\132", "x"], TEXT),
    ("tr", ["-s", "[:space:]"], TEXT),
    ("tee", [], TEXT),
    ("seq", ["5"], b""), ("seq", ["3", "7"], b""), ("seq", ["1", "2", "10"], b""),
    ("seq", ["10", "-3", "1"], b""), ("seq", ["-3", "-1"], b""), ("seq", ["1", "0.5", "3"], b""),
    ("seq", ["-w", "8", "10"], b""), ("seq", ["-s", ",", "1", "4"], b""), ("seq", ["5", "1"], b""),
    ("seq", ["-w", "1", "0.5", "2"], b""), ("seq", ["0.1", "0.1", "0.5"], b""),
    ("basename", ["/usr/lib/"], b""), ("basename", ["/"], b""), ("basename", ["src/ls.c", ".c"], b""),
    ("basename", ["ls.c", "ls.c"], b""), ("basename", ["a//b//"], b""), ("basename", [""], b""),
    ("dirname", ["/usr/lib/"], b""), ("dirname", ["/"], b""), ("dirname", ["ls.c"], b""),
    ("dirname", ["a//b//"], b""), ("dirname", ["///a///b", "/a", "a/b"], b""),
    ("hexdump", ["-C"], TEXT), ("hexdump", ["-C"], BYTES), ("hexdump", ["-C"], b""),
    ("hexdump", ["-C"], b"a" * 51 + b"b"), ("hexdump", ["-C", "-v"], b"a" * 51 + b"b"),
    ("true", ["--anything"], b""), ("false", [], b""),
]

# grep: every pattern with every option set, against the same text
GREP_PATTERNS = ["hello", "^a", "c$", "o.b", "o\\.b", "\\(ab\\)*c", "^\\(ab\\)*$", "\\(abc\\)\\1",
                 "a*b", "^a\\*", "[0-9][0-9]*", "[^a-z]", "[[:upper:]]", "\\[b", "d\\$", "^$",
                 "[]a]", "^\\(a\\)\\1\\1$", "o[[:space:]]W", "nothing matches this"]
GREP_OPTIONS = [[], ["-i"], ["-v"], ["-c"], ["-n"], ["-vc"], ["-in"]]

# printf: compared with the host's /usr/bin/printf (not the shell's builtin)
PRINTF_CASES = [
    ["hello\\n"], ["%s-%s\\n", "a", "b", "c"], ["%d %i\\n", "42", "-7"], ["%5d|%-5d|%05d\\n", "1", "2", "3"],
    ["%x %X %o %u\\n", "255", "255", "8", "3"], ["%#x %#o\\n", "255", "8"], ["%c%c\\n", "hello"],
    ["%s\\n"], ["%d\\n", "'A"], ["%f %.2f %e %g\\n", "1.5", "3.14159", "12345", "0.0001"],
    ["%*d|%.*s\\n", "5", "42", "2", "abcdef"], ["%b\\n", "a\\tb\\n\\0101"], ["%b", "x\\cy"],
    ["a\\101\\n"], ["%10.3s|\\n", "abcdef"], ["100%%\\n"], ["%d %d\\n", "1", "2", "3"],
    ["\\x41\\n"], ["%+d % d\\n", "5", "5"], ["%d\\n", "0x1f", "010"],
    ["%d\\n", "abc"], ["%d\\n", "12abc"],              # bad numbers: an error, status 1
]

# test: (arguments) compared with the host's /usr/bin/test, by exit status
TEST_CASES = [
    [], ["a"], [""], ["-n", ""], ["-n", "x"], ["-z", ""], ["-z", "x"], ["a", "=", "a"], ["a", "=", "b"],
    ["a", "!=", "b"], ["1", "-eq", "1"], ["2", "-lt", "10"], ["2", "-gt", "10"], [" 3 ", "-eq", "3"],
    ["abc", "-eq", "1"], ["!", "a"], ["!", ""], ["!", "a", "=", "a"], ["(", "a", ")"],
    ["(", "-n", "", ")"], ["a", "-a", ""], ["a", "-o", ""], ["-f"], ["!", "=", "x"],
    ["a", "=", "a", "-a", "b", "=", "c"], ["a", "=", "a", "-o", "b", "=", "c"],
    ["!", "a", "=", "a", "-o", "b", "=", "b"], ["(", "a", "=", "a", ")", "-a", "(", "1", "-lt", "2", ")"],
    ["x", "y"], ["a", "b", "c"], ["a", "=", "b", "c", "d"], ["(", "a"], ["5", "-ge", "5", "-a", "4", "-le",
    "3", "-o", "1", "-ne", "2"], ["=", "="], ["!", "!", "a"], ["-d", "/nonexistent"],
]

# a nonexistent option: a usage message on stderr and a non-zero status
BAD_OPTION = ["cat", "wc", "grep", "head", "tail", "sort", "uniq", "cut", "tr", "tee", "xargs", "seq",
              "sleep", "env", "printenv", "kill", "mkdir", "rmdir", "rm", "cp", "mv", "touch", "pwd",
              "date", "hexdump", "cmp", "which", "ls", "uptime", "uname"]


def _compare(name, args, stdin, host_command=None):
    ours = run(name, args, stdin)
    theirs = host([host_command or name, *args], stdin)
    assert (ours.stdout, ours.status) == (theirs.stdout, theirs.returncode), \
        f"{name} {args}: stderr {ours.stderr!r}; host's stderr {theirs.stderr!r}"
    return ours, theirs


@pytest.mark.parametrize("name,args,stdin", SAME_AS_HOST,
                         ids=[f"{n}-{i}" for i, (n, _a, _s) in enumerate(SAME_AS_HOST)])
def test_same_as_host(name, args, stdin):
    _compare(name, args, stdin)


@pytest.mark.parametrize("options", GREP_OPTIONS, ids=lambda o: "".join(o) or "plain")
def test_grep_patterns(options):
    problems = []
    for pattern in GREP_PATTERNS:
        ours = run("grep", [*options, pattern], TEXT)
        theirs = host(["grep", *options, pattern], TEXT)
        if (ours.stdout, ours.status) != (theirs.stdout, theirs.returncode):
            problems.append((pattern, ours.stdout, ours.status, theirs.stdout, theirs.returncode))
    assert not problems


@pytest.mark.parametrize("pattern", ["\\(", "[", "a\\)", "\\2", "a\\"])
def test_grep_bad_patterns_are_errors(pattern):
    ours = run("grep", [pattern], TEXT)
    assert ours.status == 2 and ours.stdout == b"" and ours.stderr.startswith(b"grep: ")
    assert host(["grep", pattern], TEXT).returncode == 2


# grep's options beyond the patterns, each compared with GNU grep on TEXT (-w: GNU also tries
# shorter matches at a place; these cases do not need that)
GREP_OPTION_CASES = [
    ["-E", "o+|a{2}"], ["-E", "^(ab)+$"], ["-E", "x|(b)\\1"], ["-F", "a*b"], ["-F", "[b"],
    ["-F", "-i", "HELLO"], ["-F", "-x", "abab"], ["-e", "hello", "-e", "123"], ["-e", "a\nfoo"],
    ["-c", "-v", "a"], ["-l", "a"], ["-q", "o"], ["-q", "nothing"], ["-x", "abab"], ["-x", "a*"],
    ["-w", "abc"], ["-w", "tab"], ["-w", "-i", "WORLD"], ["-o", "[a-c]\\+"], ["-o", "-n", "o"],
    ["-o", "-i", "h"], ["-H", "foo"], ["-h", "-n", "foo"], ["-s", "-e", "end\\$"], ["-E", "-x", "-e", "a+|end."],
    ["-e", ""], ["-v", "-e", ""], ["-E", "-w", "-o", "[0-9]+"], ["-n", "-v", "-x", "-E", ".{4,}"],
    # glibc's escapes, which scripts use with GNU grep; -o finds every match of a line
    ["-o", "\\w\\+"], ["-E", "-o", "\\s\\S"], ["-o", "\\bab"], ["-o", "\\Bab"], ["-E", "-o", "\\<\\w"],
    ["-o", "o\\>"], ["-c", "^\\s"], ["-E", "-o", "\\W+"],
]


@pytest.mark.parametrize("args", GREP_OPTION_CASES, ids=range(len(GREP_OPTION_CASES)))
def test_grep_options(args):
    _compare("grep", args, TEXT)


def test_grep_f_reads_patterns_from_a_file_and_exit_statuses(tmp_path):
    (tmp_path / "t").write_bytes(TEXT)
    (tmp_path / "pats").write_bytes(b"^a\nend\n[0-9] \n")
    for args in (["-f", "pats", "t"], ["-n", "-f", "pats", "-e", "foo", "t"], ["-c", "a", "t", "t"],
                 ["-l", "foo", "t", "nope"], ["-s", "foo", "nope"], ["-q", "foo", "nope", "t"],
                 ["foo", "nope"], ["-E", "(a", "t"]):
        status, out, err = boot("grep", [f"/host/{a}" if a in ("t", "pats", "nope") else a
                                         for a in args], tmp_path)
        theirs = subprocess.run(["grep", *args], cwd=tmp_path, capture_output=True, env={"LC_ALL": "C"})
        assert (status, out.replace(b"/host/", b"")) == (theirs.returncode, theirs.stdout), (args, err)


def test_grep_several_files_name_their_lines():
    # "-" twice: the stand-in kernel has no files, but standard input can be named; the second
    # read finds it empty
    ours = run("grep", ["-n", "o", "-", "-"], b"foo\nbar\nboo\n")
    assert (ours.stdout, ours.status) == (b"(standard input):1:foo\n(standard input):3:boo\n", 0)


@pytest.mark.parametrize("args", PRINTF_CASES, ids=range(len(PRINTF_CASES)))
def test_printf(args):
    _compare("printf", args, b"", host_command="/usr/bin/printf")


@pytest.mark.parametrize("args", TEST_CASES, ids=range(len(TEST_CASES)))
def test_test(args):
    ours = run("test", args)
    assert ours.status == host(["/usr/bin/test", *args]).returncode, ours.stderr


def test_test_string_order():
    # POSIX 2024's < and > (byte order): GNU test 9.1 does not know them yet (status 2)
    assert run("test", ["a", "<", "b"]).status == 0
    assert run("test", ["b", "<", "a"]).status == 1
    assert run("test", ["b", ">", "a"]).status == 0


def test_bracket_is_test_and_needs_its_closing_bracket():
    assert run("test", ["a", "=", "a", "]"], argv0="[").status == 0
    assert run("test", ["a", "=", "b", "]"], argv0="[").status == 1
    missing = run("test", ["a", "=", "a"], argv0="/bin/[")
    assert missing.status == 2 and b"missing ]" in missing.stderr
    assert run("test", ["]"], argv0="[").status == 1          # "[ ]": no expression, false


def test_tail_keeps_only_the_last_lines():
    many = b"".join(b"line %d\n" % i for i in range(3000))
    assert run("tail", ["-n", "2"], many).stdout == b"line 2998\nline 2999\n"


def test_sort_is_stable_for_unique():
    # -u keeps the first of the lines that compare equal, in input order (GNU does)
    assert run("sort", ["-nu"], b"b\na\n1\n01\n").stdout == b"b\n1\n"


@pytest.mark.parametrize("name,args", [("cut", []), ("cut", ["-c", "0"]), ("cut", ["-c", "3-1"]),
                                       ("cut", ["-c", "a"]), ("cut", ["-d", "ab", "-f", "1"]),
                                       ("cut", ["-f", "1", "-c", "1"]), ("tr", []), ("tr", ["a"]),
                                       ("tr", ["z-a", "b"]), ("tr", ["a", "b", "c"]), ("tr", ["-d", "a", "b"]),
                                       ("seq", []), ("seq", ["x"]), ("seq", ["1", "0", "3"]),
                                       ("seq", ["1", "2", "3", "4"]), ("head", ["-n", "x"]),
                                       ("tail", ["-n", "x"]), ("basename", []), ("basename", ["a", "b", "c"]),
                                       ("dirname", []), ("sleep", []), ("sleep", ["1x"]), ("sleep", ["-1"])])
def test_bad_arguments_fail_like_the_host(name, args):
    ours = run(name, args, TEXT)
    theirs = host([name, *args], TEXT)
    assert ours.status == theirs.returncode and ours.status != 0 and ours.stderr and ours.stdout == b""


@pytest.mark.parametrize("name", BAD_OPTION)
def test_an_unknown_option_is_an_error(name):
    ours = run(name, ["-Z", "x", "y"], b"")
    assert ours.status != 0 and ours.stdout == b""
    assert ours.stderr.startswith(name.encode() + b": ") or ours.stderr.startswith(b"usage: ")


def test_env_and_printenv():
    env = ["HOME=/root", "PATH=/bin", "A=b=c"]
    assert run("env", [], env=env).stdout == b"HOME=/root\nPATH=/bin\nA=b=c\n"
    assert run("env", ["-i", "X=1", "Y=2"], env=env).stdout == b"X=1\nY=2\n"
    assert run("env", ["-u", "HOME", "Z=3"], env=env).stdout == b"PATH=/bin\nA=b=c\nZ=3\n"
    assert run("printenv", [], env=env).stdout == b"HOME=/root\nPATH=/bin\nA=b=c\n"
    both = run("printenv", ["A", "NOPE", "HOME"], env=env)
    assert (both.stdout, both.status) == (b"b=c\n/root\n", 1)
    assert run("printenv", ["HOME"], env=env).status == 0


def test_yes_repeats_until_it_is_stopped():
    for args, line in (([], b"y\n"), (["a", "b"], b"a b\n")):
        result = run("yes", args, budget=300_000)
        assert result.status == 128 + 9                          # killed at the instruction limit
        assert len(result.stdout) > 1000 * len(line)
        assert result.stdout == line * (len(result.stdout) // len(line))


def test_kill_lists_signals():
    assert run("kill", ["-l"]).stdout.split()[:3] == [b"HUP", b"INT", b"QUIT"]
    assert b"PROT" in run("kill", ["-l"]).stdout                  # CheriBSD's capability fault
    assert run("kill", ["-l", "9"]).stdout == b"KILL\n"
    assert run("kill", ["-l", "143"]).stdout == b"TERM\n"         # a status: 128 + SIGTERM
    bad = run("kill", ["-NOSUCH", "1"])
    assert bad.status == 1 and b"unknown signal" in bad.stderr


def test_rm_refuses_dot_and_dot_dot():
    result = run("rm", ["-rf", ".", "a/.."])
    assert result.status == 1 and result.stderr.count(b"refusing") == 2


@pytest.mark.parametrize("name,args", [("rm", []), ("mkdir", []), ("rmdir", []), ("touch", []),
                                       ("cp", []), ("cp", ["a"]), ("mv", ["a"]), ("cmp", []),
                                       ("cmp", ["a", "b", "c"]), ("cmp", ["-l", "-s", "a", "b"])])
def test_missing_operands(name, args):
    result = run(name, args)
    assert result.status != 0 and result.stdout == b"" and result.stderr


def test_rm_f_without_operands_is_fine():
    assert run("rm", ["-f"]).status == 0


def test_clear_writes_the_ansi_sequences():
    assert run("clear").stdout == b"\033[H\033[2J\033[3J"


def test_capinfo_decodes_its_capabilities():
    out = run("capinfo").stdout.decode()
    sections = out.strip().split("\n\n")
    assert len(sections) == 5
    heap, literal, function, stack, narrow = sections
    assert "length   100\n" in heap and "tag      1 (valid)" in heap and " Store " in heap
    assert "length   6\n" in literal and " Store " not in literal      # "hello" and its NUL, read-only
    assert "(sentry)" in function and "object type 1: a sentry" in function and "Execute" in function
    assert "length   32\n" in stack
    assert "length   4\n" in narrow and "offset   0\n" in narrow
    base = int(stack.split("base     ")[1].split()[0], 16)
    assert int(narrow.split("base     ")[1].split()[0], 16) == base + 8


def test_capinfo_decodes_a_capability_given_in_its_memory_form():
    """What the machine's decoder (Capability.from_mem) reads in the bits, capinfo prints."""
    cap = Capability.root().set_address(0x4000_1234).set_bounds(0x300).clear_perms(1 << 16).seal(7)
    pesbt, cursor = cap.to_mem()
    out = run("capinfo", [f"0x{pesbt:016x}{cursor:016x}", "0"]).stdout.decode()
    assert out.startswith(f"0x{pesbt:016x}{cursor:016x}, tag 0:\n")
    for line in (f"address  {cap.address:#x}", f"base     {cap.base:#x}", f"length   {cap.length}\n",
                 f"sealed   yes (object type {cap.otype})", f"perms    {cap.perms:#x}:", "tag      0 (invalid)"):
        assert line in out
    assert " Store " not in out and " Load " in out
    assert run("capinfo", ["1000"]).stdout.decode().splitlines()[1] == "  %p       0x1000"   # NULL-derived
    bad = run("capinfo", ["0xnothex"])
    assert bad.status == 1 and bad.stderr.startswith(b"usage: capinfo [HEX [TAG]]")


# --- with the kernel: files ---------------------------------------------------------------------
# The kernel's /host is a host directory (here the test's tmp_path), so a test prepares files,
# runs one program in a fresh boot, and looks at the result from the host.

def boot(name: str, args, share: Path, stdin: bytes = b""):
    """Boot ufos with /host = share, run the program NAME on ARGS; (status, stdout, stderr)."""
    from ufos.kernel.boot import Options
    from ufos.runner import boot
    kernel = boot(Options(share=str(share)), stdin=stdin, capture=True)
    kernel.spawn(name, [name, *args], image=bin_image(name))
    status = kernel.run()
    return status, kernel.output(1), kernel.output(2)


def test_cat_files_and_missing_ones(tmp_path):
    (tmp_path / "a").write_bytes(b"one\n")
    (tmp_path / "b").write_bytes(BYTES)
    status, out, err = boot("cat", ["/host/a", "-", "/host/nope", "/host/b"], tmp_path, stdin=b"in\n")
    assert (status, out) == (1, b"one\nin\n" + BYTES)
    assert err == b"cat: /host/nope: No such file or directory\n"


def test_wc_head_tail_grep_sort_on_files(tmp_path):
    (tmp_path / "t").write_bytes(TEXT)
    (tmp_path / "n").write_bytes(LINES25)
    for name, args in (("wc", ["t", "n"]), ("wc", ["-l", "t"]), ("head", ["-n", "2", "t", "n"]),
                       ("tail", ["-n", "2", "t", "n"]), ("head", ["t", "n", "-qn1"]), ("tail", ["t", "-c", "4", "n"]),
                       ("head", ["-q", "t", "nope"]), ("tail", ["-v", "n", "-n", "+24"]), ("grep", ["-n", "a", "t", "n"]),
                       ("grep", ["-c", "1", "t", "n"]), ("sort", ["-n", "n", "t"]),
                       ("uniq", ["-c", "t"]), ("cut", ["-c", "1-3", "t"]), ("hexdump", ["-C", "t", "n"])):
        status, out, err = boot(name, [f"/host/{a}" if a in ("t", "n") else a for a in args], tmp_path)
        theirs = subprocess.run([name, *args], cwd=tmp_path, capture_output=True, env={"LC_ALL": "C"})
        # the host's names are the relative ones; ours are under /host
        assert (status, out.replace(b"/host/", b"")) == (theirs.returncode, theirs.stdout), (name, args, err)


def test_cmp(tmp_path):
    (tmp_path / "a").write_bytes(b"abc\ndef")
    (tmp_path / "b").write_bytes(b"abc\ndxf")
    (tmp_path / "c").write_bytes(b"abc\n")
    assert boot("cmp", ["/host/a", "/host/a"], tmp_path)[:2] == (0, b"")
    assert boot("cmp", ["/host/a", "/host/b"], tmp_path)[:2] == (1, b"/host/a /host/b differ: char 6, line 2\n")
    assert boot("cmp", ["-l", "/host/a", "/host/b"], tmp_path)[:2] == (1, b"6 145 170\n")
    assert boot("cmp", ["-s", "/host/a", "/host/b"], tmp_path)[:2] == (1, b"")
    status, out, err = boot("cmp", ["/host/a", "/host/c"], tmp_path)
    assert (status, out, err) == (1, b"", b"cmp: EOF on /host/c after byte 4, line 1\n")
    assert boot("cmp", ["/host/a", "/host/nope"], tmp_path)[0] == 2


def test_cp_mv_rm(tmp_path):
    (tmp_path / "a").write_bytes(BYTES)
    (tmp_path / "d").mkdir()
    assert boot("cp", ["/host/a", "/host/b"], tmp_path)[0] == 0
    assert (tmp_path / "b").read_bytes() == BYTES
    assert boot("cp", ["/host/a", "/host/b", "/host/d"], tmp_path)[0] == 0
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["a", "b"]
    status, _out, err = boot("cp", ["/host/a", "/host/b", "/host/nope"], tmp_path)
    assert (status, err) == (1, b"cp: target '/host/nope': No such file or directory\n")    # GNU 9's words
    assert boot("cp", ["/host/d", "/host/e"], tmp_path)[0] == 1            # no -r
    assert boot("mv", ["/host/b", "/host/c"], tmp_path)[0] == 0
    assert not (tmp_path / "b").exists() and (tmp_path / "c").read_bytes() == BYTES
    assert boot("mv", ["/host/c", "/host/d"], tmp_path)[0] == 0
    assert (tmp_path / "d" / "c").exists()
    status, _out, err = boot("rm", ["/host/d"], tmp_path)
    assert status == 1 and err == b"rm: cannot remove '/host/d': Is a directory\n"
    assert boot("rm", ["-f", "/host/nope"], tmp_path)[0] == 0
    assert boot("rm", ["/host/nope"], tmp_path)[0] == 1
    assert boot("rm", ["-r", "/host/d", "/host/a"], tmp_path)[0] == 0
    assert list(tmp_path.iterdir()) == []


def test_mkdir_rmdir_touch(tmp_path):
    assert boot("mkdir", ["-p", "/host/x/y/z", "/host/x/y"], tmp_path)[0] == 0
    assert (tmp_path / "x" / "y" / "z").is_dir()
    status, _out, err = boot("mkdir", ["/host/x", "/host/q/r"], tmp_path)
    assert status == 1 and b"File exists" in err and b"No such file or directory" in err
    status, _out, err = boot("rmdir", ["/host/x"], tmp_path)
    assert status == 1 and b"not empty" in err
    assert boot("rmdir", ["/host/x/y/z"], tmp_path)[0] == 0
    assert boot("touch", ["/host/t", "/host/x/y"], tmp_path)[0] == 0
    assert (tmp_path / "t").read_bytes() == b""
    assert boot("touch", ["-c", "/host/u"], tmp_path)[0] == 0 and not (tmp_path / "u").exists()
    assert boot("touch", ["/host/nodir/t"], tmp_path)[0] == 1


def test_tee_writes_and_appends(tmp_path):
    assert boot("tee", ["/host/o"], tmp_path, stdin=b"1\n")[:2] == (0, b"1\n")
    assert boot("tee", ["-a", "/host/o", "/host/p"], tmp_path, stdin=b"2\n")[:2] == (0, b"2\n")
    assert (tmp_path / "o").read_bytes() == b"1\n2\n" and (tmp_path / "p").read_bytes() == b"2\n"
    status, out, _err = boot("tee", ["/host/nodir/o", "/host/p"], tmp_path, stdin=b"3\n")
    assert (status, out, (tmp_path / "p").read_bytes()) == (1, b"3\n", b"3\n")


def test_ls(tmp_path):
    (tmp_path / "d").mkdir()
    for name in ("b", "a", ".hidden", "d/x"):
        (tmp_path / name).write_bytes(b"12345")
    assert boot("ls", ["/host"], tmp_path)[:2] == (0, b"a\nb\nd\n")
    assert boot("ls", ["-a", "/host/d"], tmp_path)[:2] == (0, b".\n..\nx\n")
    status, out, err = boot("ls", ["/host/d", "/host/b", "/host/nope", "/host/a"], tmp_path)
    assert (status, out) == (2, b"/host/a\n/host/b\n\n/host/d:\nx\n")
    assert err == b"ls: cannot access '/host/nope': No such file or directory\n"
    status, out, _err = boot("ls", ["-l", "/host"], tmp_path)
    lines = out.decode().splitlines()
    assert status == 0 and lines[0].startswith("total ") and len(lines) == 4
    assert lines[1].startswith("-rw") and lines[1].split()[4] == "5" and lines[1].endswith(" a")
    assert lines[3].startswith("d") and lines[3].endswith(" d")
    status, out, _err = boot("ls", ["-l", "/etc"], tmp_path)      # names from /etc/passwd, /etc/group
    lines = out.decode().splitlines()
    assert status == 0 and "passwd" in out.decode() and all(line.split()[2:4] == ["root", "root"]
                                                            for line in lines[1:])


def test_programs_that_need_the_kernel(tmp_path):
    assert boot("pwd", [], tmp_path)[:2] == (0, b"/\n")
    assert boot("which", ["ls", "nosuch"], tmp_path)[:2] == (1, b"/bin/ls\n")
    assert boot("env", ["-i", "A=1", "printenv"], tmp_path)[:2] == (0, b"A=1\n")
    assert boot("env", ["nosuch"], tmp_path)[0] == 127
    assert boot("kill", ["-0", "1"], tmp_path)[0] == 0
    status, _out, err = boot("kill", ["-9", "9999"], tmp_path)
    assert status == 1 and b"No such process" in err
    status, out, _err = boot("date", ["+%Y"], tmp_path)
    assert status == 0 and int(out) >= 2024
    status, out, _err = boot("uptime", [], tmp_path)
    assert status == 0 and b" up " in out


@pytest.mark.parametrize("args, expected", [
    ([], "ufos"), (["-s"], "ufos"), (["-n"], "ufos"), (["-r"], ufos.__version__), (["-m"], "morello"),
    (["-v"], "#1 uFork single address space"), (["-m", "-s"], "ufos morello"), (["-rn"], f"ufos {ufos.__version__}"),
    (["-a"], f"ufos ufos {ufos.__version__} #1 uFork single address space morello"),
    (["-mprsv"], f"ufos {ufos.__version__} #1 uFork single address space morello unknown"),   # GNU's -p -i -o
    (["-o", "-i", "-m"], "morello unknown ufos"),
])
def test_uname_prints_the_fields_asked_for_in_posix_order(args, expected):
    r = run("uname", args)
    assert (r.status, r.stdout.decode()) == (0, expected + "\n"), r.stderr
    assert run("uname", ["extra"]).status == 1


def test_xargs_quotes_groups_and_statuses(tmp_path):
    """xargs is lab util's (labs/util/lab.toml lists this test: a student edition skips it)."""
    assert boot("xargs", ["-n", "2", "echo", "x"], tmp_path, stdin=b"1 '2 3'\n4\n5")[:2] == \
        (0, b"x 1 2 3\nx 4 5\n")
    assert boot("xargs", [], tmp_path, stdin=b"a\\ b  \"c d\"\n")[:2] == (0, b"a b c d\n")
    assert boot("xargs", ["false"], tmp_path, stdin=b"x")[0] == 123
    assert boot("xargs", ["nosuch"], tmp_path, stdin=b"x")[0] == 127


# --- with the kernel: processes, the machine, trees of files ---------------------------------------
def shell(script: str, share: Path):
    """Boot ufos with /host = share and run `sh -c SCRIPT` from /bin; (status, stdout, stderr, kernel)."""
    r = run_bin(["sh", "-c", script], share=str(share))
    return r.status, r.stdout.decode(), r.stderr.decode(), r.kernel


def test_ps_lists_every_process_with_its_state(tmp_path):
    status, out, err, _k = shell("sleep 1 & sh -c 'exit 3' & sleep 0.1; ps; ps -e -x", tmp_path)
    assert status == 1 and err == ("ps: invalid option -- 'x'\n"
                                   "usage: ps [-e | -A] [-f] [-p PID[,PID...]] [-o FIELD[,FIELD...]] | ps [a][u][x]\n")
    lines = [line.split(None, 5) for line in out.splitlines()]
    assert lines[0] == ["PID", "PPID", "PGID", "STAT", "INSNS", "CMD"]
    rows = {row[5]: row[:5] for row in lines[1:]}
    assert set(rows) == {"sh -c " + "sleep 1 & sh -c 'exit 3' & sleep 0.1; ps; ps -e -x",
                         "sleep 1", "sh -c exit 3", "ps"}
    assert rows["sleep 1"][1:4] == ["1", "1", "S"]          # its parent is the shell, pid 1
    assert rows["sh -c exit 3"][3] == "Z"                   # exited, not waited for yet
    assert rows["ps"][3] == "R" and all(int(row[4]) > 0 for row in rows.values())
    status, out, _err, _k = shell("sleep 5 & kill -STOP $!; ps; kill -KILL $!", tmp_path)
    assert status == 0 and out.splitlines()[2].split()[:4] == ["2", "1", "1", "T"]     # stopped


def test_ps_in_procps_formats_aux_ef_and_o(tmp_path):
    """ps aux and ps -ef have procps's columns, so scripts that cut them find the PID second; what
    ufos does not keep is "-"; -o picks columns (name= renames, all empty: no heading line)."""
    status, out, err, _k = shell("sleep 1 & ps aux; ps -ef; ps -o pid= -o args= -p $$; ps x -p 2 -o pid,stat,comm",
                                 tmp_path)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME",
                                "COMMAND"]
    assert lines[2].split() == ["root", "2", "-", "0.0", "96", "96", "-", "S", "-", "0:00", "sleep", "1"]
    assert lines[3].split()[1:] == ["3", "-", "0.0", "128", "128", "-", "R", "-", "0:00", "ps", "aux"]
    assert lines[4].split() == ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]
    assert lines[6].split() == ["root", "2", "1", "-", "-", "-", "00:00:00", "sleep", "1"]
    assert lines[8].split(None, 1) == ["1", "sh -c sleep 1 & ps aux; ps -ef; ps -o pid= -o args= -p $$; "
                                             "ps x -p 2 -o pid,stat,comm"]
    assert lines[9:] == ["  PID STAT COMMAND", "    2 S    sleep"]


@pytest.mark.parametrize("name", ["halt", "poweroff"])
def test_halt_and_poweroff_stop_every_process(name, tmp_path):
    status, out, err, kernel = shell(f"sleep 100 & {name}; echo not reached", tmp_path)
    assert (status, out, err) == (0, "", "")
    assert not kernel.procs.any_live()
    status, _out, err, _k = shell(f"{name} now", tmp_path)
    assert (status, err) == (1, f"usage: {name}\n")


def test_cp_r_copies_trees(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a").write_bytes(BYTES)
    (tmp_path / "d" / "sub" / "b").write_bytes(b"b\n")
    (tmp_path / "into").mkdir()
    status, _out, err, _k = shell("cp -r /host/d /host/e && cp -R /host/d /host/into", tmp_path)
    assert (status, err) == (0, "")
    for copy in (tmp_path / "e", tmp_path / "into" / "d"):
        assert (copy / "a").read_bytes() == BYTES and (copy / "sub" / "b").read_bytes() == b"b\n"
    status, _out, err, _k = shell("cp -r /host/d /host/d/sub", tmp_path)
    assert status == 1 and err == "cp: cannot copy a directory, '/host/d/sub/d', into itself\n"
    status, _out, err, _k = shell("cp /host/d /host/f; cp -q /host/d /host/f", tmp_path)
    assert status == 1 and err.startswith("cp: -r not specified; omitting directory '/host/d'\n"
                                          "cp: invalid option -- 'q'\n")


def test_mv_between_tmp_and_host_copies_and_removes(tmp_path):
    status, out, err, _k = shell("echo hi > /tmp/f; mkdir /tmp/d; echo x > /tmp/d/y; "
                                 "mv /tmp/f /tmp/d /host && ls /tmp", tmp_path)
    assert (status, out, err) == (0, "", "")
    assert (tmp_path / "f").read_bytes() == b"hi\n" and (tmp_path / "d" / "y").read_bytes() == b"x\n"
    status, out, err, _k = shell("mv /host/d /tmp/back && cat /tmp/back/y; mv /host/nope /tmp", tmp_path)
    assert (status, out) == (1, "x\n")
    assert err == "mv: cannot stat '/host/nope': No such file or directory\n"      # GNU's words
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]
