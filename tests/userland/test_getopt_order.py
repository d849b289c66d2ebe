"""Options after operands, as students type them on Linux: `ls DIR -a`, `grep foo FILE -n`,
`rm DIR -rf`, `sort FILE -r`. libc's getopt reorders argv as glibc's does (userland/libc/getopt.c),
so every tool that uses it finds them; the tools whose operands are a command to run with its own
options (env, xargs), or may start with '-' (tr's sets), stop at their first operand, as GNU's do.

Each case runs the same command line in ufos's shell, in /host = the test's tmp_path, and in the
host's sh with GNU's tools, in tmp_path; standard output and exit status must be the same.
(getopt's own cases, optind = 0 included: tests/toolchain/c/libc/getopt_permute.c.)
"""
from __future__ import annotations

import pytest

from tests.userland.test_more_tools import host_shell, shell

TEXT = "one\ntwo foo\nthree:a:b\nfour foo\n\tfive\n"


@pytest.fixture
def share(tmp_path):
    """A file t, a file named -n, and a directory d holding .hidden and x/y."""
    (tmp_path / "t").write_text(TEXT)
    (tmp_path / "-n").write_text("a file named -n\n")
    (tmp_path / "d" / "x").mkdir(parents=True)
    (tmp_path / "d" / ".hidden").write_text("")
    (tmp_path / "d" / "x" / "y").write_text("")
    return tmp_path


def assert_same_as_gnu(script: str, share, tool: str):
    status, out, err = shell("cd /host; " + script, share)
    host_status, host_out, host_err = host_shell(script, share, tool)
    assert (out, status) == (host_out, host_status), f"ufos's stderr {err!r}; GNU's {host_err!r}"


@pytest.mark.parametrize("script", [
    "ls d -a", "ls d -ap", "grep foo t -n", "sort t -r", "wc t -l", "rm d -rf; ls",
])
def test_an_option_after_an_operand(share, script):
    assert_same_as_gnu(script, share, script.split()[0])


@pytest.mark.parametrize("script", [
    "cut t -d : -f 2", "cut t -d: -f2 -s", "grep t -e foo -c", "od t -A x -t x1",
])
def test_an_option_value_after_an_operand(share, script):
    assert_same_as_gnu(script, share, script.split()[0])


@pytest.mark.parametrize("script", ["fold t --width 3", "fold t --width=3 -s", "sed p t --quiet",
                                    "sed p t -n", "expand t --tabs 3"])
def test_long_options_after_an_operand(share, script):
    assert_same_as_gnu(script, share, script.split()[0])


@pytest.mark.parametrize("script", ["cat t -- -n", "wc t -l -- -n", "grep foo t -- -n; echo $?"])
def test_double_dash_ends_the_options_in_the_middle(share, script):
    """Before "--" an option is one wherever it stands; after it, -n is a file name."""
    assert_same_as_gnu(script, share, script.split()[0])


def test_posixly_correct_stops_at_the_first_operand(share):
    """With POSIXLY_CORRECT set, -l after t is a file name (missing: status 1), as POSIX orders."""
    assert_same_as_gnu("wc t -l; echo $?; POSIXLY_CORRECT=1 wc t -l; echo $?", share, "wc")


@pytest.mark.parametrize("tool,script", [
    ("env", "env FOO=1 sh -c 'echo $FOO' -x"),             # -x is sh's $0, not env's option
    ("env", "env -u HOME sh -c 'echo ${HOME-unset} $0' -i"),
    ("xargs", "echo a b | xargs echo -n"),                # -n is echo's, not xargs's -n N
    ("xargs", "echo a b c | xargs -n 2 echo -x"),
    ("tr", "echo abc | tr a -d"),                         # -d is tr's second set
])
def test_a_command_operand_keeps_its_options(share, tool, script):
    """env, xargs and tr stop at their first operand (GNU's use a '+' optstring)."""
    assert_same_as_gnu(script, share, tool)
