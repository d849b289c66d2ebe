"""Symbolic links in the userland: ln -s, readlink, realpath (the program and libc's), ls, cp,
rm, mv and test, each compared with the host's GNU coreutils (and glibc) doing the same.

ufos makes symbolic links in its RAM file systems only (/host refuses them), so a case is a
shell script run twice: under ufos in a fresh directory /tmp/w, and by the host's sh in a fresh
directory of the test's tmp_path, with the host's GNU tools (LC_ALL=C). Both begin with the same
tree (SETUP, made by each system's own mkdir and ln -s), and standard output, standard error and
the exit status must be the same once the host's directory name is written as /tmp/w. `ls -l`
lines are compared by their type and permissions, size and name (owners, link counts and times
are not the point here, and differ; nor is a directory's size). libc's realpath is checked by
one C program, compiled by ufos and by the host's gcc (glibc), printing what it resolves.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ufos.runner import run_image
from tests.helpers import build, run_bin

WORK = "/tmp/w"

# f a file (executable), d a directory with d/sub/x in it; fl -> f, dl -> d, dll -> dl (a link to
# a link), dang -> nonexist (dangling), d/up -> ../f (relative to d), loop1 <-> loop2 (a loop)
SETUP = ("mkdir -p d/sub && echo hi > f && echo x > d/sub/x && chmod 755 f && ln -s f fl && "
         "ln -s d dl && ln -s dl dll && ln -s nonexist dang && ln -s ../f d/up && "
         "ln -s loop1 loop2 && ln -s loop2 loop1\n")


def ours(script: str):
    r = run_bin(["sh", "-c", f"mkdir {WORK} && cd {WORK} && {script}"], share="/tmp")
    return r.status, r.stdout.decode(), r.stderr.decode()


def gnu(script: str, tmp_path: Path):
    if shutil.which("readlink") is None or shutil.which("realpath") is None:
        pytest.skip("the host has no GNU coreutils to compare with")
    work = tmp_path / "w"
    work.mkdir()
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    r = subprocess.run(["sh", "-c", script], cwd=work, capture_output=True, env=env, timeout=60)
    here = os.path.realpath(work)
    return r.returncode, r.stdout.decode().replace(here, WORK), r.stderr.decode().replace(here, WORK)


LS_LONG = re.compile(r"^([-dlpcbs][-rwxsStT]{9})\S*\s+\d+\s+\S+\s+\S+\s+(\d+)\s+\w+\s+\d+\s+[\d:]+\s(.*)$")


def long_lines(text: str) -> str:
    """ls -l's lines as 'MODE SIZE NAME' (a directory's size is the file system's: not kept), and
    no "total" line."""
    out = []
    for line in text.splitlines():
        m = LS_LONG.match(line)
        if m:
            mode, size, name = m.groups()
            out.append(f"{mode} {'-' if mode[0] == 'd' else size} {name}")
        elif not line.startswith("total "):
            out.append(line)
    return "\n".join(out)


def same_as_gnu(script: str, tmp_path: Path, long=False):
    script = SETUP + script
    mine, theirs = ours(script), gnu(script, tmp_path)
    if long:
        mine = (mine[0], long_lines(mine[1]), mine[2])
        theirs = (theirs[0], long_lines(theirs[1]), theirs[2])
    assert mine[0] == theirs[0] and mine[1].splitlines() == theirs[1].splitlines() and \
        mine[2].splitlines() == theirs[2].splitlines()


def each(*commands: str) -> str:
    """The commands one after another, each followed by its exit status."""
    return "".join(f'{c}; echo "[$?] {c}"\n' for c in commands)


# --- ln -----------------------------------------------------------------------------------------
def test_ln_s_makes_symbolic_links(tmp_path):
    same_as_gnu(each("ln -s f l1", "ln -s f l1", "ln -sf f l1", "ln -s nonexist dang2", "ln -s f d",
                     "ln -s f dl", "ln -sn g dl", "ln -snf g dl", "ln -sfT f d", "ln -sT f d",
                     "ln -sf f f", "ln -sf ./f f", "ln -s f", "ln -s ../x", "ln -s a b nodir",
                     "ln -sT a b c", "ln -s", "ln -sv f vv", "ln -s f d/", "ln -sf dll f2",
                     "ln -sfn d dl2", "ln -sn x d", "ln -sfT x d/", "ln -s f g h d/sub", "ln -s d/sub/x d",
                     "cat l1 dang2 d/f f2/sub/x 2>&1") + "ls -l . d d/sub\n", tmp_path, long=True)


def test_ln_hard_links_to_a_link_itself_or_with_L_to_what_it_names(tmp_path):
    same_as_gnu(each("ln -L dang h1", "ln -P dang h2", "ln fl h3", "ln -L fl h4", "ln dl h5", "ln -L dl h6",
                     "ln -f fl fl", "ln -f h3 fl") + "ls -l h*\n", tmp_path, long=True)


# --- readlink ---------------------------------------------------------------------------------
NAMES = "fl dl dll dang loop1 f f/ fl/ dl/ dang/ nope nope/x d/up dl/sub/../up dll/.. d/sub/x/.."


def test_readlink_prints_targets_as_written(tmp_path):
    same_as_gnu(each("readlink fl dl dll dang d/up loop1", "readlink f", "readlink -v f nope dl/ fl/",
                     "readlink -n fl", "readlink -n fl dl", "readlink -z fl f dl | tr '\\0' @",
                     "readlink", "readlink -v -q f", "readlink -s -v f"), tmp_path)


@pytest.mark.parametrize("mode", ["-f", "-e", "-m"])
def test_readlink_canonicalizes(mode, tmp_path):
    same_as_gnu(each(*[f"readlink -v {mode} {name}" for name in NAMES.split()],
                     f"readlink {mode} nope/x loop1 fl", f"readlink {mode} -z fl dl | tr '\\0' @"), tmp_path)


# --- realpath -----------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["", "-e", "-m", "-s", "-q"])
def test_realpath(mode, tmp_path):
    same_as_gnu(each(*[f"realpath {mode} {name}" for name in NAMES.split()],
                     f"realpath {mode} . / .//d//./sub/ fl dl", f"realpath {mode}"), tmp_path)


def test_realpath_relative_to_and_base(tmp_path):
    same_as_gnu(each("realpath --relative-to=d/sub f dl/sub d/up d/sub/x .",
                     "realpath --relative-to=dl f d/sub dll/sub/x",
                     "realpath --relative-to=/ /", "realpath --relative-to=d/s f d/sub",
                     "realpath --relative-base=d f dl/sub d/up d .",
                     "realpath --relative-base=. --relative-to=d f dl/sub /",
                     "realpath --relative-base=d --relative-to=. f dl/sub",
                     "realpath --relative-to=nope/x f", "realpath -m --relative-to=nope/x f",
                     "realpath -z --relative-to=d f d | tr '\\0' @"), tmp_path)


# --- ls -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("options", ["", "-F", "-p", "-d", "-H", "-L", "-dF", "-FL", "-pL", "-a -F d"])
def test_ls_lists_links_as_gnu_does(options, tmp_path):
    """A FILE that is a link to a directory is the directory, but not with -d, -F or -l; -H and -L
    follow links (a dangling one is an error); -F marks a link with @."""
    same_as_gnu(each(f"ls {options}", f"ls {options} dl fl dang dll", f"ls {options} dl/", f"ls {options} loop1"),
                tmp_path)


@pytest.mark.parametrize("options", ["-l", "-lF", "-lp", "-lH", "-ld", "-lL d dl fl"])
def test_ls_l_shows_links_and_their_targets(options, tmp_path):
    same_as_gnu(each(f"ls {options}", f"ls {options} dl fl dang dll d/up"), tmp_path, long=True)


# --- cp, rm, mv, test -----------------------------------------------------------------------------
def test_cp_follows_links_but_not_under_R(tmp_path):
    """cp copies what a link names; cp -R (and -P, -d, -a) copies links as links; -H follows the
    SOURCEs, -L every link."""
    same_as_gnu(each("cp fl c1", "cp -P fl c2", "cp dang c3", "cp -P dang c4", "echo y > e", "cp -P fl e",
                     "cp -P fl e", "cp -R d r1", "cp -R dl r2", "cp -RH dl r3", "cp -RL d r4", "cp -r fl c5",
                     "cp -a dl r5", "cp -d fl c6", "cp -R dang c7", "cp -RL dang c8", "cp fl f", "cp -P fl fl",
                     "mkdir -p e2/fl", "cp -P fl e2", "cp -R dl dll r1", "cp -a d r6", "cat r4/up r6/up c1")
                + "ls -l . r1 r3 r4 r6\n", tmp_path, long=True)


def test_rm_removes_the_link_not_what_it_names(tmp_path):
    same_as_gnu(each("rm fl dang", "cat f", "rm dl", "ls d", "mkdir t", "ln -s ../d t/in", "rm -r t", "ls d d/sub",
                     "rm -r dll", "ls d", "rm loop1", "rm -f nope", "ls"), tmp_path)


def test_mv_moves_the_link_itself(tmp_path):
    same_as_gnu(each("mv fl fl2", "readlink fl2", "cat fl2", "mv dl d/sub", "readlink d/sub/dl", "ls d/sub",
                     "mv d/up up", "cat up", "mv dll dang", "readlink dang", "ls"), tmp_path)


def test_test_h_and_L_and_what_the_others_follow(tmp_path):
    same_as_gnu(each(*[f"test {op} {name}" for op in ("-h", "-L", "-e", "-f", "-d")
                       for name in ("fl", "dl", "dang", "f", "d", "loop1", "nope")]), tmp_path)


# --- libc's realpath ----------------------------------------------------------------------------
REALPATH_C = r"""
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *path)
{
    char buf[PATH_MAX], *r;

    errno = 0;
    r = realpath(path, buf);
    printf("%s: %s\n", path, r ? r : strerror(errno));
}

int main(int argc, char **argv)
{
    static const char *paths[] = {"fl", "dl", "dll", "dang", "d/up", "dl/sub/../up", "dll/..", "dl/..",
                                  "loop1", "f/", "fl/", "dl/", "dang/", "nope", "nope/x", "abs/dl/sub",
                                  "abs/../w/fl", "c1", "c0", "d/sub/../../fl", "./dl/./sub//", "rel/x"};
    char name[16], target[16];
    char *allocated;
    size_t i;

    if (argc != 2 || mkdir(argv[1], 0755) != 0 || chdir(argv[1]) != 0)
        return 1;
    mkdir("d", 0755);
    mkdir("d/sub", 0755);
    fclose(fopen("f", "w"));
    fclose(fopen("d/sub/x", "w"));
    symlink("f", "fl");
    symlink("d", "dl");
    symlink("dl", "dll");
    symlink("nonexist", "dang");
    symlink("../f", "d/up");
    symlink("loop1", "loop2");
    symlink("loop2", "loop1");
    symlink(argv[1], "abs");
    symlink("dl/sub/..", "rel");
    for (i = 0; i <= 40; i++) {         /* c0 -> c1 -> ... -> c40 -> f: 41 links */
        sprintf(name, "c%zu", i);
        if (i == 40)
            strcpy(target, "f");
        else
            sprintf(target, "c%zu", i + 1);
        symlink(target, name);
    }
    for (i = 0; i < sizeof paths / sizeof *paths; i++)
        show(paths[i]);
    allocated = realpath("dll/sub/x", NULL);
    printf("%s\n", allocated);
    free(allocated);
    allocated = canonicalize_file_name("d/up");             /* GNU's: realpath, malloc'd */
    printf("%s\n", allocated);
    free(allocated);
    allocated = canonicalize_file_name("dang");
    printf("%d %d\n", allocated == NULL, errno == ENOENT);
    return 0;
}
"""


def test_libc_realpath_resolves_links_as_glibc(tmp_path):
    """Compiled by ufos and by the host's gcc (glibc), run in a fresh directory: the same lines."""
    if shutil.which("gcc") is None:
        pytest.skip("the host has no gcc to compare with")
    source = tmp_path / "realpath_links.c"
    source.write_text(REALPATH_C)
    exe = tmp_path / "realpath_links"
    subprocess.run(["gcc", "-std=c11", "-D_GNU_SOURCE", "-O0", "-w", str(source), "-o", str(exe)], check=True)
    work = os.path.realpath(tmp_path) + "/w"
    theirs = subprocess.run([str(exe), work], capture_output=True, timeout=30)
    mine = run_image(build(source), ["realpath_links", WORK], max_instructions=50_000_000)
    assert (mine.status, mine.stdout.decode()) == \
        (theirs.returncode, theirs.stdout.decode().replace(work, WORK))


# --- find ---------------------------------------------------------------------------------------
def test_find_does_not_go_through_links(tmp_path):
    """Lab util's find DIR NAME looks at links, never into them: GNU's find -P (its default), so
    ./dl/sub is not found, and a link is found by its own name."""
    names = ("sub", "up", "dl", "loop1", "x")
    mine = ours(SETUP + "".join(f"find . {name} | sort\n" for name in names))
    theirs = gnu(SETUP + "".join(f"find . -name {name} | sort\n" for name in names), tmp_path)
    assert mine == theirs


def test_pwd_physical_by_default_and_logical_with_L(tmp_path):
    """/bin/pwd (run by env, not the shell's builtin) gives the physical path unless -L, as GNU's;
    the shell's cd and pwd go by the logical path, as dash's."""
    same_as_gnu(each("cd dl", "env pwd", "env pwd -P", "env pwd -L", "env pwd -L -P", "pwd", "pwd -P",
                     "cd sub", "pwd", "cd ..", "pwd", "cd -P ..", "pwd", "cd dl/sub", "PWD=/nope env pwd -L",
                     "mv ../../dl/ ../../x"), tmp_path)
