"""The file utilities' GNU options (cp, mv, rm, rmdir, mkdir), each compared with the host's GNU
coreutils on the same scenario.

A scenario is a list of shell commands run twice from the same tree of files (TREE, made from
Python with fixed permissions and times): by ufos's shell in /host/ours, and by the host's sh with
its GNU tools in gnu/ (both under the test's tmp_path, LC_ALL=C). After each command the script
echoes its exit status; standard output, standard error and the resulting trees must be the same.
A tree is listed as each path's type, permissions, contents and, when it is still one TREE gave,
its modification time (cp -p keeps them; anything made or changed now is "new"). Answers to -i's
questions come through a pipe, one command at a time: `(echo y; echo n) | rm -ri d`.
Directories hold one entry each where the order of a walk would show (readdir's order is the file
system's).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from tests.userland.test_more_tools import host_shell, shell
from tests.userland.test_symlinks import each

OLD, NEW = 1_000_000_000, 1_100_000_000     # a is older than b

# path -> (contents, or None for a directory; permissions; modification time)
TREE = {
    "a": ("a\n", 0o644, OLD),
    "b": ("b\n", 0o644, NEW),
    "e": ("", 0o644, OLD),
    "x": ("x\n", 0o600, OLD),
    "ro": ("ro\n", 0o444, OLD),
    "-w": ("w\n", 0o644, OLD),
    "d": (None, 0o755, OLD),
    "d/s": (None, 0o750, OLD),
    "d/s/g": ("g\n", 0o640, OLD),
    "empty": (None, 0o755, OLD),
    "t": (None, 0o755, OLD),
    "p": (None, 0o755, OLD),
    "p/q": (None, 0o755, OLD),
    "p/q/r": (None, 0o755, OLD),
    "n": (None, 0o755, OLD),
    "n/f": ("f\n", 0o644, OLD),
    "n/m": (None, 0o755, OLD),
}


def make_tree(root: Path) -> None:
    root.mkdir()
    for path, (contents, _mode, _time) in TREE.items():
        if contents is None:
            (root / path).mkdir()
        else:
            (root / path).write_text(contents)
    for path, (_contents, mode, time) in sorted(TREE.items(), reverse=True):    # a directory after what is in it
        os.chmod(root / path, mode)
        os.utime(root / path, (time, time))


def listing(root: Path) -> list[str]:
    lines = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            st = path.lstat()
            time = st.st_mtime if st.st_mtime in (OLD, NEW) else "new"
            contents = "dir" if stat.S_ISDIR(st.st_mode) else repr(path.read_text())
            lines.append(f"{path.relative_to(root)} {stat.S_IMODE(st.st_mode):o} {time} {contents}")
    return sorted(lines)


def same_as_gnu(tmp_path: Path, *commands: str) -> None:
    make_tree(tmp_path / "ours")
    make_tree(tmp_path / "gnu")
    script = each(*commands)
    mine = shell("cd /host/ours && " + script, tmp_path)
    theirs = host_shell(script, tmp_path / "gnu", tool="mv")
    assert mine[1].splitlines() == theirs[1].splitlines()
    assert mine[2].splitlines() == theirs[2].splitlines()
    assert mine[0] == theirs[0]
    assert listing(tmp_path / "ours") == listing(tmp_path / "gnu")


# --- mv ------------------------------------------------------------------------------------------
def test_mv_asks_or_does_not_clobber_the_last_of_f_i_n_counting(tmp_path):
    same_as_gnu(tmp_path, "echo n | mv -i a b", "cat b", "echo y | mv -i a b", "cat b", "mv -n x b",
                "echo y | mv -ni x b", "mv -in e b", "mv -if e b", "echo n | mv -fi ro b", "mv -f ro b",
                "echo y | mv -i b new", "cat new")


def test_mv_v_t_T_and_options_after_operands(tmp_path):
    same_as_gnu(tmp_path, "mv -v a c", "mv -t t -v c x", "mv b t -v", "mv -T d empty", "ls empty",
                "mv -T e t", "mv -t nope ro", "mv -t ro t", "mv -t t -T ro", "mv -T ro e n",
                "mv -- -w t", "mv ro", "mv", "mv -k ro t", "mv --bogus ro t", "ls t")


def test_mv_u_moves_only_a_newer_source(tmp_path):
    same_as_gnu(tmp_path, "mv -u a b", "cat b", "mv -uv b a", "cat a", "mv -u x fresh", "ls")


def test_mv_errors_in_gnu_words(tmp_path):
    same_as_gnu(tmp_path, "mv a a", "mv d d/s", "mv d a", "mv -T a empty", "mv -T p empty", "mv nope t",
                "mv a b nodir", "mv a b x", "cp a b nodir", "cp a b x")


# --- rm ------------------------------------------------------------------------------------------
def test_rm_i_asks_about_each_file_in_gnu_words(tmp_path):
    same_as_gnu(tmp_path, "echo n | rm -i a", "echo y | rm -i e", "echo y | rm -i d",
                "echo y | rm -di empty", "(echo y; echo n) | rm -ri d", "ls d/s",
                "echo n | rm -ri d", "(echo y; echo y; echo y) | rm -ri d", "echo y | rm -i nope",
                "rm -fi nope", "echo y | rm -if nope b", "(echo y; echo y; echo y; echo n) | rm -ri p", "ls p/q")


def test_rm_I_asks_once(tmp_path):
    same_as_gnu(tmp_path, "echo n | rm -I a b e x", "rm -I a b", "echo n | rm -rI d", "echo y | rm -I -r d",
                "echo y | rm -I e x ro -- -w", "rm -I", "ls")


def test_rm_v_and_d(tmp_path):
    same_as_gnu(tmp_path, "rm -v a", "rm -d empty -v", "rm -d n", "rm -d e x -v", "rm -dv t",
                "rm -rv d", "rm p", "rm -rv p", "ls")


def test_rm_refuses_dot_dot_dot_and_root(tmp_path):
    same_as_gnu(tmp_path, "rm -r .", "rm -rf ..", "rm -d .", "rm .", "rm -r d/s/..", "rm -rf t/.")
    status, out, err = shell("rm -r /; rm -rf //; rm -r /host/..; echo $?", tmp_path)
    assert out == "1\n"
    assert err == ("rm: it is dangerous to operate recursively on '/'\n"
                   "rm: use --no-preserve-root to override this failsafe\n"
                   "rm: it is dangerous to operate recursively on '/'\n"
                   "rm: use --no-preserve-root to override this failsafe\n"
                   "rm: refusing to remove '.' or '..' directory: skipping '/host/..'\n")


# --- cp ------------------------------------------------------------------------------------------
def test_cp_asks_or_does_not_clobber(tmp_path):
    same_as_gnu(tmp_path, "echo n | cp -i a b", "cat b", "echo y | cp -i a b", "cat b", "cp -n x b",
                "echo y | cp -ni x b", "cp -in e b", "echo y | cp -i x x", "cp -f x ro", "cat ro",
                "(echo y; echo n) | cp -ri d t", "echo n | cp -ri d t", "cp -rn d t")


def test_cp_v_t_T(tmp_path):
    same_as_gnu(tmp_path, "cp -v a c", "cp -t t -v c x", "cp b t -v", "cp -rv d d2", "cp -T d empty",
                "cp -rvT d empty", "cp -t nope ro", "cp -t ro t", "cp -Tt t ro", "cp -T ro e n",
                "cp -- -w t", "cp ro", "cp", "cp -k ro t", "cp -r d a", "cp a d", "cp -T a t")


def test_cp_u_copies_only_a_newer_source(tmp_path):
    same_as_gnu(tmp_path, "cp -u a b", "cat b", "cp -uv b a", "cat a", "cp -u x fresh", "cp -ru d t", "cp -ru d t")


def test_cp_p_keeps_permissions_and_times(tmp_path):
    same_as_gnu(tmp_path, "cp -p x xp", "cp x xn", "cp -p x b", "cp x a", "cp -rp d dp", "cp -r d dn",
                "cp -a d da", "cp -pv ro t")


# --- rmdir and mkdir -----------------------------------------------------------------------------
def test_rmdir_p_v_and_ignore_fail_on_non_empty(tmp_path):
    same_as_gnu(tmp_path, "rmdir -pv p/q/r", "rmdir -p n/m", "rmdir --ignore-fail-on-non-empty d",
                "rmdir --ignore-fail-on-non-empty -pv d/s", "rmdir d/s/g", "rmdir -v empty/",
                "rmdir -p a/", "rmdir nope", "rmdir", "rmdir -k t", "ls")


def test_mkdir_p_m_v(tmp_path):
    same_as_gnu(tmp_path, "mkdir -v m", "mkdir -pv m/n/o", "mkdir -v m", "mkdir -m 700 q -v",
                "mkdir -pm 711 r/s", "mkdir -m 1777 sticky", "mkdir -m bad z", "mkdir -p a/b",
                "mkdir -p empty", "mkdir --mode=750 --parents --verbose l/m", "mkdir", "mkdir -k w")


# --- chmod ---------------------------------------------------------------------------------------
def test_chmod_modes_in_gnu_words(tmp_path):
    same_as_gnu(tmp_path, "umask 022", "chmod -v 755 a", "chmod -v 755 a", "chmod -c 644 a", "chmod -c 640 a",
                "chmod -v u+s,g+s,+t a", "chmod -v -w a", "chmod -v +w a", "chmod -v =r a",
                "chmod -v u=rw,go=u-w a", "chmod -v 0 a", "chmod -v o=g a", "chmod -v a+X e",
                "chmod -v u+x,a+X e", "chmod -v g=u,o-rwx e", "chmod -v u-x+s e", "chmod -v +r- e",
                "chmod b -v 600", "chmod -v 600 b")


def test_chmod_errors_in_gnu_words(tmp_path):
    same_as_gnu(tmp_path, "chmod z a", "chmod", "chmod 755", "chmod 755 nope", "chmod -f 755 nope a",
                "chmod u a", "chmod '' a", "chmod 10755 a", "chmod -k 755 a", "chmod u+q a")


def test_chmod_R_changes_a_tree_from_the_top(tmp_path):
    same_as_gnu(tmp_path, "chmod -Rv go-rx p", "chmod -R a+X p -c", "chmod 700 d -R", "chmod -R u+w d",
                "chmod -vR o+r p/q/r")


def test_mkdir_m_takes_symbolic_modes_from_a_equals_rwx(tmp_path):
    same_as_gnu(tmp_path, "umask 022", "mkdir -m go-w m1", "mkdir -m u=rwx,g=rx m2", "mkdir -m =r m3",
                "mkdir -m -w m4", "mkdir -m a=rwx,o-w m5", "mkdir -m u+q m6")
