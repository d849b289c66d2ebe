"""sort, grep and xargs on files and trees, run from ufos's shell and compared with GNU's tools
(coreutils' sort, GNU grep, findutils' xargs) running the same commands in a copy of the same
tree on the host (LC_ALL=C). What standard input alone shows is in test_coreutils.py's
SAME_AS_HOST.

GNU grep -r walks a directory in the order of its entries, which need not be ufos's: the commands
that print several files of a tree pipe the output through sort.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.helpers import BUDGET, run_bin
from tests.userland.test_coreutils import host, run
from tests.userland.test_more_tools import host_shell
from tests.userland.test_symlinks import each


def make_tree(root: Path, files: dict[str, bytes]) -> None:
    root.mkdir()
    for path, contents in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(contents)


def same_as_gnu(tmp_path: Path, files: dict[str, bytes], *commands: str, tool: str, budget=BUDGET) -> None:
    """Each command (with its status) gives the same output, in ufos and on the host, and leaves
    the same files."""
    make_tree(tmp_path / "ours", files)
    make_tree(tmp_path / "gnu", files)
    script = each(*commands)
    mine = run_bin(["sh", "-c", "cd /host/ours && " + script], budget, share=str(tmp_path))
    theirs = host_shell(script, tmp_path / "gnu", tool=tool)
    assert mine.stdout.decode().splitlines() == theirs[1].splitlines(), mine.stderr
    assert mine.status == theirs[0]
    assert {p.relative_to(tmp_path / "ours"): p.read_bytes() for p in (tmp_path / "ours").rglob("*") if p.is_file()} \
        == {p.relative_to(tmp_path / "gnu"): p.read_bytes() for p in (tmp_path / "gnu").rglob("*") if p.is_file()}


# --- sort ----------------------------------------------------------------------------------------
WORDS = [b"apple", b"Banana", b"cherry", b"date", b"elder", b"fig", b"Grape"]


def many_lines(n: int) -> bytes:
    """n lines of "WORD NUMBER SIZE", with repeats (a fixed seed)."""
    rng = random.Random(7)
    return b"".join(b"%s %d %d%s\n" % (rng.choice(WORDS), rng.randrange(-500, 500), rng.randrange(1, 999),
                                       rng.choice([b"", b"K", b"M"])) for _ in range(n))


def test_sort_o_may_be_an_input_and_files_are_merged(tmp_path):
    same_as_gnu(tmp_path, {"a": b"b 2\na 10\nc 1\n", "b": b"z\nA 3\n", "c": b"b\na\na\n"},
                "sort -o a a; cat a", "sort -k2n -o out a b; cat out", "sort -u -o c c; cat c",
                "sort a nope; ls", "sort -c a 2>&1", "sort -c b 2>&1", "sort -C b", "sort -c a b 2>&1",
                "sort -t ' ' -k2,2nr a b", "sort -o nodir/x a 2>&1 | sed 's/:.*//'",
                tool="sort")


def test_sort_big_inputs_by_keys(tmp_path):
    same_as_gnu(tmp_path, {"big": many_lines(1000)},
                "sort -k2,2n -k1,1 big | md5sum", "sort -u -k1,1f big", "sort -s -k3,3h big | md5sum",
                "sort -r big | md5sum", "sort -k2n big -o sorted; sort -c -k2n sorted; sort -c big",
                tool="sort", budget=20 * BUDGET)


@pytest.mark.parametrize("name, args", [
    ("sort", ["-k0"]), ("sort", ["-k1.0"]), ("sort", ["-k2,0"]), ("sort", ["-t", "ab"]), ("sort", ["-t", ""]),
    ("sort", ["-k1,2x"]), ("sort", ["-kx"]), ("sort", ["-k1,x"]), ("sort", ["-k1.x"]), ("sort", ["-gn"]),
    ("sort", ["-fhir"]), ("sort", ["-t:", "-t,"]),
    ("grep", ["-A", "x", "a"]), ("grep", ["-C", "-1", "a"]), ("grep", ["-m", "x", "a"]),
])
def test_bad_keys_and_counts_are_errors_in_gnu_words(name, args):
    ours, theirs = run(name, args, b"a\n"), host([name, *args], b"a\n")
    assert (ours.status, ours.stdout, ours.stderr) == (theirs.returncode, theirs.stdout, theirs.stderr)


# --- grep ----------------------------------------------------------------------------------------
TREE = {
    "top": b"x\nfoo\n",
    "n": b"".join(b"l%d\n" % i for i in range(1, 21)),
    "f": b"a\nfoo\nb\nfoo\nc\nd\ne\nfoo\n",
    "d/a.c": b"foo\nbar\n",
    "d/e/b.h": b"foo\nfoo bar\n",
    "d/e/c.c": b"nothing\n",
    "d/skip/s.c": b"foo\n",
}


def test_grep_r_searches_trees_and_names_what_it_finds(tmp_path):
    same_as_gnu(tmp_path, TREE,
                "grep -r foo | sort", "grep -r foo d | sort", "grep -r foo d/ | sort", "grep -r foo d/a.c",
                "grep -rH foo d/a.c", "grep -rh foo d | sort", "grep -rn bar . | sort", "grep -rc foo d | sort",
                "grep -rl foo d | sort", "grep -rL foo . | sort", "grep -R foo d/e | sort", "grep -r nothing-here d",
                "grep -r foo nope d 2>&1 | sort", "grep foo d 2>&1", "grep -s foo d nope",
                tool="grep")


def test_grep_include_exclude_and_exclude_dir(tmp_path):
    same_as_gnu(tmp_path, TREE,
                "grep -r --include='*.c' foo . | sort", "grep -r --exclude='*.c' foo d | sort",
                "grep --exclude=top foo top", "grep --include='*.c' foo top d/a.c",
                "grep -r --exclude-dir=skip foo d | sort", "grep -r --exclude-dir=e --include=*.c -l foo d | sort",
                "grep -r --include='*.h' --exclude='b*' foo d", "grep -r --exclude='b*' --include='*.h' foo d | sort",
                "grep -r --include '*.h' foo | sort", tool="grep")


def test_grep_context_and_names_across_files(tmp_path):
    same_as_gnu(tmp_path, TREE,
                "grep -A1 foo f n top", "grep -nA1 -m1 foo f top", "grep -C1 -n 'l1[05]' n f",
                "grep -m1 -A3 -n foo f n", "grep -B2 -v l n f", "grep -c -A1 foo f n", "grep -A1 -h foo f top",
                "grep -2 foo f top", "grep -L foo top f n", "grep -L bar top", "grep -l -Z foo top f | od -c",
                "grep -Z -n foo top f | od -c", "grep -rZc foo d | sort | od -c",
                "grep --null -L foo top n | od -c", tool="grep")


def test_grep_says_a_binary_file_matches_unless_a(tmp_path):
    same_as_gnu(tmp_path, {"bin": b"foo\nbar\0baz\nfoo\n", "late": b"foo\n" + b"x" * 40000 + b"\n\0foo\nfoo\n",
                           "d/t": b"foo\n"},
                "grep foo bin 2>&1", "grep -c foo bin", "grep -a foo bin | od -c", "grep -l foo bin",
                "grep -n foo bin d/t 2>&1", "grep -r foo . 2>&1 | sort", "grep zzz bin", "grep -q foo bin",
                "grep foo late 2>&1 | cut -c1-20", "grep --text -c foo late",
                tool="grep")


# --- xargs (lab util's: labs/util/lab.toml lists these tests, which a student edition skips) -----
LISTS = {
    "words": b"a 'b c'\n  x\\\\y  \n\nlast",
    "lines": b"a b\nc \nd\ne f\ng",
    "nul": b"a\0b c\0\0d\n\0",
    "colons": b"a:b c:d\n",
    "quotes": b"'a b' c\\$d \"it's\" x*y 'q\"' ~h #c a=b -n \"it's \\$x\" e\\~ f#\n",
}


def test_xargs_i_l_0_d_replace_and_split_their_input(tmp_path):
    same_as_gnu(tmp_path, LISTS,
                "xargs -I{} echo [{}] {}x < words", "xargs -I % sh -c 'echo %; exit 0' < lines",
                "xargs -I{} echo '{}{}' 'x{}y' < colons", "xargs -I{} < words", "xargs -I{} -n1 echo {} < lines",
                "xargs -n2 -I{} echo {} x < lines", "xargs -L 1 echo < lines", "xargs -L2 echo < lines",
                "xargs -n1 -L1 echo < lines", "xargs -L1 -n1 echo < lines", "xargs -0 -n1 echo < nul",
                "xargs -0 echo < nul | od -c", "xargs -d: -n1 echo < colons", "xargs -d '\\n' echo < lines",
                "xargs -d '\\x3a' echo < colons", "xargs -d '\\072' -n 1 echo < colons", "xargs -d ab echo < colons",
                "xargs -0 -I{} echo [{}] < nul", "xargs -L 0 echo < lines", "xargs -n 0 echo < lines",
                tool="xargs")


def test_xargs_t_s_x_and_exit_statuses(tmp_path):
    same_as_gnu(tmp_path, LISTS,
                "xargs -t echo < quotes 2>&1", "xargs -0 -t echo < nul 2>&1", "xargs -t -L2 < lines 2>&1",
                "xargs -t -I{} echo '{} {}' < colons 2>&1", "printf '' | xargs -t echo 2>&1",
                "echo a b c d e | xargs -s 12 echo", "echo a b c d e | xargs -s 13 echo",
                "echo aaaaaaaaaaaa | xargs -s 12 echo", "echo aaaa b | xargs -x -s 11 -n 2 echo",
                "echo a | xargs -I{} -s 5 echo {}",
                "echo 0 1 0 | xargs -n1 sh -c 'exit $0'", "echo 0 255 0 | xargs -n1 sh -c 'echo $0; exit $0'",
                "echo x | xargs nosuch", "echo x | xargs ./words", "xargs -I{} false < lines",
                tool="xargs")


def test_xargs_n_l_i_exclude_each_other_and_x_needs_them(tmp_path):
    same_as_gnu(tmp_path, LISTS,
                "xargs -n2 -L1 echo < lines 2>&1", "xargs -I@ -L1 echo @ < lines 2>&1",
                "xargs -L1 -I@ echo @ < lines 2>&1", "xargs -L1 -n1 echo < lines 2>&1",
                "xargs -n2 -I@ echo @ < lines 2>&1", "echo a bb ccc | xargs -x -s 12 echo 2>&1",
                "printf \"a'b\\n\" | xargs echo 2>&1", "printf 'a \"b' | xargs echo 2>&1", tool="xargs")


def test_xargs_p_asks_on_stderr_and_reads_the_terminal(tmp_path):
    # ufos's /dev/tty is the console, here an empty standard input: no answer, no run (GNU's
    # xargs, without a terminal, cannot open /dev/tty and stops with status 1)
    r = run_bin(["sh", "-c", "echo 1 2 | xargs -p echo; echo \"[$?]\""], share=str(tmp_path))
    assert (r.stdout, r.stderr) == (b"[0]\n", b"echo 1 2 ?...")
