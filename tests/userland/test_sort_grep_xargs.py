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

from tests.helpers import BUDGET, run_bin
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
