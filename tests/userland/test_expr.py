"""/bin/expr (userland/bin/expr.c), run under the kernel and compared with GNU expr (LC_ALL=C).

GNU expr computes with integers of any size, where POSIX lets expr report an overflow; those
cases have their expected result written out (status 3, as an error that is not a syntax error).
"""
from __future__ import annotations

import pytest

from tests.userland.test_coreutils import host, run

SAME_AS_HOST = [
    ["1", "+", "2"], ["2", "*", "3", "+", "4"], ["2", "+", "3", "*", "4"], ["1", "-", "2", "-", "3"],
    ["7", "/", "2"], ["-7", "/", "2"], ["-7", "%", "3"], ["(", "1", "+", "2", ")", "*", "3"],
    ["0"], ["-0"], ["00"], [""], ["abc"], ["a", "=", "a"], ["a", "!=", "a"], ["10", "<", "9"],
    ["10", "<", "9a"], ["b", ">", "a"], ["2", ">=", "2"], ["2", "<=", "1"], ["3", "=", "03"],
    ["0", "|", "b"], ["", "|", "0"], ["a", "|", "b"], ["", "|", ""], ["a", "&", "b"], ["a", "&", "0"],
    ["", "&", "b"], ["abcdef", ":", "a.c"], ["abcdef", ":", "b"], ["abcdef", ":", "a\\(.*\\)e"],
    ["abcdef", ":", "x\\(.*\\)"], ["aaa", ":", "a*"], ["abc", ":", ".*", "+", "1"],
    ["1", "+", "a"], ["5", "/", "0"], ["5", "%", "0"], ["1", "+"], ["(", "1"], ["1", "2"], [],
    ["abc", ":", "\\("], ["-9223372036854775808", "/", "2"], ["9223372036854775807", "-", "1"],
    ["length", "hello"], ["length", ""], ["length", "hello", "+", "1"], ["substr", "hello", "2", "3"],
    ["substr", "hello", "0", "2"], ["substr", "hello", "4", "9"], ["substr", "hello", "6", "1"],
    ["substr", "hello", "x", "1"], ["index", "hello", "lo"], ["index", "hello", "z"],
    ["match", "hello", "h.*l"], ["match", "hello", "\\(.l\\)"], ["+", "length"], ["length", "+", "+"],
    ["length", "(", "ab", ")"], ["length"], ["substr", "ab", "1"], ["x", "=", "+", "x"],
]


@pytest.mark.parametrize("args", SAME_AS_HOST, ids=range(len(SAME_AS_HOST)))
def test_expr_same_as_gnu(args):
    ours = run("expr", args)
    theirs = host(["expr", *args])
    assert (ours.stdout, ours.status) == (theirs.stdout, theirs.returncode), ours.stderr


@pytest.mark.parametrize("args", [["9223372036854775807", "+", "1"], ["-9223372036854775808", "-", "1"],
                                  ["4611686018427387904", "*", "2"], ["-9223372036854775808", "/", "-1"],
                                  ["99999999999999999999", "+", "0"]])
def test_expr_overflow_is_an_error(args):
    ours = run("expr", args)
    assert (ours.stdout, ours.status, ours.stderr) == (b"", 3, b"expr: integer overflow\n")
