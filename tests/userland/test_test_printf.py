"""test, [ and printf: one C source each (userland/bin/sh/test.c, printf.c, see sh/tools.h), run
two ways - as the shell's builtins and as /bin/test, /bin/[ and /bin/printf - and compared with the
host's dash; printf's cases with GNU coreutils' /usr/bin/printf too. Where the hosts disagree (or
dash departs from POSIX), a table says which one ufos follows, and why.

Each case checks that both ways print the same stdout and exit with the same status as the host,
that both complain on stderr exactly when the host does, and that the complaint reads like its
caller's: "sh: 1: test: ..." from the builtin, "test: ..." from the program. A case is skipped
only when the host lacks the program it is compared with.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from ufos.runner import run_image
from tests.helpers import bin_image

BUDGET = 100_000_000
ENV = ["PATH=/bin", "LC_ALL=C"]

# test: arguments, compared with `dash -c 'test "$@"'`
TEST_CASES = [
    [], ["a"], [""], ["-f"], ["-n"], ["!"], ["("], ["-t"],
    ["-n", ""], ["-n", "x"], ["-z", ""], ["-z", "x"], ["!", "a"], ["!", ""], ["!", "!"],
    ["-d", "/tmp"], ["-f", "/tmp"], ["-e", "/nonexistent"], ["-f", "/bin/sh"], ["-x", "/bin/sh"],
    ["-s", "/nonexistent"], ["-t", "abc"], ["x", "y"], ["-q", "x"],
    ["!", "=", "x"], ["=", "=", "="], ["(", "=", "("], ["(", "(", ")"], ["(", "-a", ")"], ["(", "!", ")"],
    ["a", "-a", ""], ["a", "-o", ""], ["!", "-a", "x"], ["-f", "-a", "x"], ["a", "b", "c"], ["x", "-a", "("],
    ["1", "-eq", "1"], ["2", "-lt", "10"], ["-5", "-ge", "-6"], ["1", "-eq", " 1"], ["1 ", "-eq", "1"],
    ["1", "-eq", "a"], ["", "-eq", "0"], ["1x", "-eq", "1"], ["0x10", "-eq", "16"],
    ["999999999999999999999", "-eq", "1"], ["a", "<", "b"], ["b", "<", "a"], ["b", ">", "a"],
    ["/tmp", "-ef", "/tmp"], ["/tmp", "-ef", "/bin"],
    ["!", "a", "=", "a"], ["!", "a", "=", "b"], ["(", "-n", "", ")"], ["(", "a", "b", ")"], ["!", "(", "x", ")"],
    ["a", "=", "a", "b"], ["-t", "1", "x"],
    ["1", "-eq", "1", "-a", "!", "-z", ""], ["a", "=", "a", "-a", "b", "=", "c"],
    ["a", "=", "a", "-o", "b", "=", "c"], ["!", "a", "=", "a", "-o", "b", "=", "b"],
    ["(", "a", "=", "a", ")", "-a", "(", "1", "-lt", "2", ")"], ["(", "a"], ["a", "=", "b", "c", "d"],
    ["5", "-ge", "5", "-a", "4", "-le", "3", "-o", "1", "-ne", "2"], ["(", "(", "a", ")", ")"],
    ["a", "-o", "b", "-a", ""], ["", "-o", "b", "-a", ""], ["-n", "=", "-n", "-a", "x"],
    ["!", "=", "x", "-o", "y"], ["(", "=", "(", "-a", "x", "=", "x", ")"], ["x", "-a", "(", "y"],
    ["-e", "/tmp", "-a", "-d", "/tmp"], ["-z", "-z", "-z"], ["-n", "-n", "-n", "-n"],
]

# Where dash departs from POSIX, or from what every other test (GNU's, bash's) does, ufos follows
# GNU's /usr/bin/test: the case is compared with it instead.
TEST_FOLLOWS_GNU = {
    ("!", "!", "!", "a"): "POSIX: four arguments starting with ! negate the three-argument test; dash says true",
    ("/tmp", "-nt", "/nonexistent"): "POSIX 2024: an existing file is newer than a missing one; dash needs both",
    ("/nonexistent", "-ot", "/tmp"): "the same rule the other way round",
    ("(", ")"): "an empty ( ) is a mistake (status 2); dash calls it false",
    ("!", "(", ")"): "the same",
    ("1", "-lt", "2", "-a"): "-a with nothing after it is a mistake; dash calls the missing operand false",
    ("a", "=", "a", "-a"): "the same",
}

# printf: arguments, compared with `dash -c 'printf "$@"'` and with /usr/bin/printf
PRINTF_CASES = [
    ["%5.2s|%-4d|%x|%o|%c|%b\\n", "abc", "7", "255", "8", "xyz", "a\\tb"], ["%d\\n", "1", "2", "3"],
    ["%d", "abc"], ["%d\\n", "12abc"], ["%d %d\\n", "1", "x", "3"], ["%f\\n", "1.5x"], ["%f\\n", "abc"],
    ["hello\\n"], ["%s-%s\\n", "a", "b", "c"], ["%s %d\\n", "a", "1", "b"], ["%s\\n"], ["x\\n", "a", "b"],
    ["%d|%s|%c|%b|%f|\\n"], ["%c%c\\n", "hello"], ["%c|\\n", ""],
    ["%d %i %x %X %o %u\\n", "42", "-7", "255", "255", "8", "3"], ["%#x|%#o|%#X|%-#8x|\\n", "255", "8", "255", "26"],
    ["%+d|% d|%05d|%-5d|\\n", "5", "5", "42", "7"], ["%.3d|%.0d|\\n", "7", "0"],
    ["%d %d\\n", "0x1f", "010"], ["%d\\n", "'A"], ["%d\\n", "\"ab"], ["%d\\n", " 12"], ["%d\\n", "+5"],
    ["%u\\n", "-1"], ["%x\\n", "-1"], ["%d\\n", "9223372036854775807"], ["%d\\n", "9223372036854775808"],
    ["%u\\n", "18446744073709551615"],
    ["%*d|%-*d|%*d|\\n", "5", "42", "4", "1", "-4", "1"], ["%.*s|%.*d|\\n", "2", "abcdef", "-1", "5"],
    ["%*.*f|\\n", "8", "2", "3.14159"], ["%*d|\\n", "x", "5"], ["%*s|\\n"],
    ["%f %.2f %e %g\\n", "1.5", "3.14159", "12345", "0.0001"], ["%E|%G|%F\\n", "1e10", "1e-10", "2.5"],
    ["%f\\n", "'A"], ["%.0f %.0f\\n", "0.5", "1.5"], ["%010.3f|\\n", "-3.14159"],
    ["%s|%10s|%-10s|%.1s|\\n", "", "r", "l", "xyz"], ["%10.3s|\\n", "abcdef"],
    ["%b|\\n", "\\0101\\101\\1011"], ["%b|\\n", "a\\\\b\\q"], ["%b|\\n", "trail\\"], ["%b\\n", "x\\cy"],
    ["%s%b%s\\n", "a", "b\\cc", "d"], ["%b\\n", "a", "b\\cc", "d"],
    ["a\\101\\0101\\n"], ["\\a\\b\\f\\r\\v\\t\\n"], ["\\q\\\\\\n"], ["end\\"], ["100%%\\n"], ["%%\\n", "a"],
    ["--", "%s\\n", "x"], ["%s\\n", "-v"], ["%c%c%c\\n", "abc", "d", "e"], ["%s=%d\\n", "x", "1", "y", "2", "z"],
]

# Where dash and GNU's printf disagree: the one ufos follows, and why. Every other case must
# match both.
PRINTF_FOLLOWS_DASH = {
    ("%d\\n", "'"): "a lone quote is the code of nothing, 0; GNU also complains",
    ("%g\\n", "1e400"): "out of range for a double: inf and status 1; GNU has long doubles",
    ("%a\\n", "1"): "GNU formats a long double",
    ("%05s|\\n", "ab"): "the 0 flag on %s is ignored; GNU refuses it",
    ("\\\"\\'\\n",): "only POSIX's escapes; GNU also knows \\\"",
    ("a\\cb\\n",): "\\c stops output only in %b; GNU also stops in the format",
    ("%ld\\n", "5"): "no length modifiers; GNU skips them",
    ("%z\\n", "1"): "a bad directive: status 2 (GNU's is 1)",
    ("%5%|\\n",): "the same",
    ("abc%",): "the same",
}
PRINTF_FOLLOWS_GNU = {
    ("\\x41|\\n",): "\\xHH in the format, as GNU printf and bash do: dash prints it as it is",
    ("%b|\\n", "\\x41"): "the same in %b",
}


# --- running -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def images():
    """The shell, /bin/test and /bin/printf, built from the sources /bin is built from."""
    return {name: bin_image(name) for name in ("sh", "test", "printf")}


def guest_builtin(images, command: str, args):
    """The shell's builtin: sh -c 'test "$@"' sh ARGS... (or '[ "$@" ]')."""
    script = '[ "$@" ]' if command == "[" else command + ' "$@"'
    r = run_image(images["sh"], ["sh", "-c", script, "sh", *args], ENV, b"", BUDGET)
    return r.status, r.stdout, r.stderr


def guest_program(images, command: str, args):
    """/bin/test, /bin/[ or /bin/printf run on its own."""
    image = images["printf" if command == "printf" else "test"]
    argv = [command, *args, "]"] if command == "[" else [command, *args]
    r = run_image(image, argv, ENV, b"", BUDGET)
    return r.status, r.stdout, r.stderr


def host(argv: list[str]):
    if shutil.which(argv[0]) is None:
        pytest.skip(f"the host has no {argv[0]} to compare with")
    r = subprocess.run(argv, capture_output=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
                       cwd="/", timeout=30)
    return r.returncode, r.stdout, r.stderr


def dash(command: str, args):
    script = '[ "$@" ]' if command == "[" else command + ' "$@"'
    return host(["dash", "-c", script, "sh", *args])


def check(images, command: str, args, expected, what: str):
    """Both ways of running COMMAND ARGS print and exit as EXPECTED does, and complain when it
    does, each in its caller's words."""
    status, out, err = expected
    name = command.encode() + b": "
    for way, run, prefix in (("builtin", guest_builtin, b"sh: 1: "), ("program", guest_program, b"")):
        got_status, got_out, got_err = run(images, command, args)
        assert (got_out, got_status) == (out, status), \
            f"{way} {command} {args}: ({got_out!r}, {got_status}), {what} ({out!r}, {status}); stderr {got_err!r}"
        assert bool(got_err) == bool(err), f"{way} {command} {args}: stderr {got_err!r}, {what}'s {err!r}"
        if got_err:
            assert got_err.startswith(prefix + name), f"{way} {command} {args}: {got_err!r}"


# --- test and [ --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", TEST_CASES, ids=[" ".join(a) or "(none)" for a in TEST_CASES])
@pytest.mark.parametrize("command", ["test", "["])
def test_test_as_dash(images, command, args):
    check(images, command, args, dash(command, args), "dash")


@pytest.mark.parametrize("args", list(TEST_FOLLOWS_GNU), ids=" ".join)
def test_test_where_dash_departs(images, args):
    check(images, "test", list(args), host(["/usr/bin/test", *args]), "GNU test")


def test_bracket_needs_its_closing_bracket(images):
    r = run_image(images["sh"], ["sh", "-c", "[ a = a"], ENV, b"", BUDGET)
    assert (r.status, r.stderr) == (2, b"sh: 1: [: missing ]\n")
    r = run_image(images["test"], ["[", "a", "=", "a"], ENV, b"", BUDGET)
    assert (r.status, r.stderr) == (2, b"[: missing ]\n")


# --- printf ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", PRINTF_CASES, ids=" ".join)
def test_printf_as_dash_and_gnu(images, args):
    theirs = dash("printf", args)
    gnu = host(["/usr/bin/printf", *args])
    assert gnu[:2] == theirs[:2], "dash and GNU printf disagree: say which one ufos follows"
    check(images, "printf", args, theirs, "dash")


@pytest.mark.parametrize("args", list(PRINTF_FOLLOWS_DASH), ids=" ".join)
def test_printf_follows_dash_where_gnu_differs(images, args):
    check(images, "printf", list(args), dash("printf", args), "dash")


@pytest.mark.parametrize("args", list(PRINTF_FOLLOWS_GNU), ids=" ".join)
def test_printf_follows_gnu_where_dash_differs(images, args):
    check(images, "printf", list(args), host(["/usr/bin/printf", *args]), "GNU printf")
