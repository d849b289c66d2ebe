"""mprotect, brk/sbrk, mmap and utimensat: the C programs of tests/kernel/posix/, under the kernel.

mprotect and mmap run under every fork policy with the isolation audit, since they change page
rights that fork's sharing also changes: a page made read-only and writable again must still be
copied when written after a fork, never shared; a MAP_SHARED page must be shared by every policy,
never copied. mmap.c is portable: its expected output, mmap.out, is what it prints compiled by
gcc and run on Linux (test_mmap_on_the_host checks that when the host has gcc).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.runner import boot
from tests.helpers import BUDGET, run_on_linux, run_program

HERE = Path(__file__).resolve().parent / "posix"


MEMORY = b"""\
mprotect page 2 PROT_READ = 0
read it: a
write it: Segmentation fault
mprotect page 2 PROT_NONE = 0
read it: Segmentation fault
mprotect page 2 PROT_READ|PROT_WRITE = 0
its bytes are kept: a
write it: b
mprotect RWX = -1 Permission denied
mprotect unaligned = -1 Invalid argument
mprotect bad prot = -1 Invalid argument
mprotect past the capability = -1 Bad address
the child writes its copy: exited 0
the parent's page: a
the parent writes: d
sbrk(100) returns the old break: 1
the break moved by 100: 1
the piece is bounded to 100 bytes: 1
grown by two pages: 1 e
a child grows its own break: exited 0
the parent's break stays: 1
shrink = 0
pages given back come back zeroed: 1
the bytes below the break stay: h
sbrk(100 MiB) = -1 Cannot allocate memory
brk below the heap = -1 Cannot allocate memory
"""


@pytest.mark.parametrize("policy", POLICIES)
def test_mprotect_and_the_program_break(policy):
    r = run_program(HERE / "memory.c", policy=policy, audit=True)
    assert (r.status, r.stdout) == (0, MEMORY)
    assert r.stderr.count(b"killed by SIGSEGV") == 2        # the two children that broke the rules
    assert [problems for _, _, problems in r.kernel.audits if problems] == []


MMAP = (HERE / "mmap.out").read_bytes()


def audit_problems(r) -> list:
    return [problems for _, _, problems in r.kernel.audits if problems]


@pytest.mark.parametrize("policy", POLICIES)
def test_mmap_of_files_shared_memory_and_guard_pages(policy):
    """Shared and private file mappings with offsets, msync, anonymous shared memory across fork,
    PROT_NONE guard pages, munmap and mprotect of part of a mapping, MAP_FIXED: as on Linux."""
    r = run_program(HERE / "mmap.c", "/tmp", policy=policy, audit=True)
    assert (r.status, r.stdout) == (0, MMAP)
    assert r.stderr.count(b"killed by SIGSEGV") == 6          # the children that touched what they may not
    assert audit_problems(r) == []


def test_mmap_of_a_host_file_reaches_the_host_file(tmp_path):
    """The same in /host: the stores through a shared mapping are in the host's file after munmap
    (the program reads them back with read() once the page cache is gone), and the file's pages
    are written back only as far as the file goes."""
    r = run_program(HERE / "mmap.c", "/host", share=str(tmp_path))
    assert (r.status, r.stdout) == (0, MMAP)
    assert list(tmp_path.iterdir()) == []                     # the program unlinks its file


def test_a_shared_mapping_outlives_the_descriptor_and_writes_back_at_exit(tmp_path):
    """A program that maps a host file shared, closes the descriptor, stores and exits without
    munmap or msync: its stores reach the host file, and only as far as the file's size."""
    (tmp_path / "f").write_bytes(b"x" * 5000)
    source = tmp_path / "store.c"
    source.write_text(r"""
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void)
{
    int fd = open("/host/f", O_RDWR);
    char *m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    m[0] = 'a';
    m[4999] = 'b';
    m[5000] = 'c';
    return m == MAP_FAILED;
}
""")
    r = run_program(source, share=str(tmp_path))
    assert r.status == 0
    assert (tmp_path / "f").read_bytes() == b"a" + b"x" * 4998 + b"b"


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_mmap_on_the_host(tmp_path):
    """mmap.out is what Linux does: mmap.c, compiled by the host's gcc, prints it."""
    exe = tmp_path / "mmap"
    subprocess.run(["gcc", "-std=c11", "-D_DEFAULT_SOURCE", "-O0", "-w", str(HERE / "mmap.c"), "-o", str(exe)],
                   check=True)
    out = subprocess.run([str(exe), str(tmp_path)], capture_output=True, check=True, timeout=60).stdout
    assert out == MMAP


MMAP_SIGBUS = (HERE / "mmap_sigbus.out").read_bytes()


@pytest.mark.parametrize("policy", POLICIES)
def test_a_file_mapping_past_the_files_end_raises_sigbus(policy):
    """Touching a page of a file mapping wholly past the file's end is SIGBUS with BUS_ADRERR and
    the address, shared or private, in a child that inherited the mapping; the page holding the
    end reads zeros; a system call handed such a page fails with EFAULT; the file growing makes
    the page readable. mmap_sigbus.out is what Linux prints (test_mmap_sigbus_on_the_host)."""
    r = run_program(HERE / "mmap_sigbus.c", "/tmp", policy=policy, audit=True)
    assert (r.status, r.stdout) == (0, MMAP_SIGBUS)
    assert audit_problems(r) == []


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_mmap_sigbus_on_the_host(tmp_path):
    exe = tmp_path / "mmap_sigbus"
    subprocess.run(["gcc", "-std=c11", "-D_DEFAULT_SOURCE", "-O0", "-w", str(HERE / "mmap_sigbus.c"), "-o",
                    str(exe)], check=True)
    out = subprocess.run([str(exe), str(tmp_path)], capture_output=True, check=True, timeout=60).stdout
    assert out == MMAP_SIGBUS


@pytest.mark.parametrize("policy", POLICIES)
def test_no_policy_copies_a_shared_page(policy):
    """After fork, writes to MAP_SHARED pages copy nothing under any policy (and both sides see
    them), while writes to private pages copy each (or, under sync, were all copied at fork)."""
    r = run_program(HERE / "mmap_fork.c", policy=policy, audit=True)
    private = b"none" if policy == "sync" else b"each page"
    assert (r.status, r.stdout) == (0, b"the child's writes to shared pages copied 0\n"
                                       b"the child's writes to private pages copied " + private + b"\n"
                                       b"the parent sees the child's shared writes, not its private ones: 8 of 8\n"
                                       b"the parent's writes to shared pages copied 0\n")
    assert audit_problems(r) == []


MMAP_CAPS = b"""\
a shared mapping's pointer may store pointers: 0
a private mapping's pointer may: 1
the child stores a pointer: Capability fault
the child copies a pointer with memcpy: Capability fault
the child stores data: exit 0
the parent reads the page: tagged 0, data 42
MAP_FIXED shared over p's second page: 1
p may store pointers: 1
a pointer stored through p: Segmentation fault
through p into its private page: exit 0
sigaction's oldact in the shared page: -1 Bad address
sigaction's oldact in the private page: 0
the file's page: tagged 0, data 0
"""


@pytest.mark.parametrize("policy", POLICIES)
def test_no_pointer_is_ever_stored_in_a_shared_mapping(policy):
    """docs/isolation.md: a capability stored into a MAP_SHARED page would be loaded by the other
    μprocesses that map it. Through mmap's own capability the store is a capability fault
    (SIGPROT: it lacks StoreCap); through a wider capability it is a page fault (SIGSEGV: the
    page lacks CAP_STORE); the kernel's store is EFAULT. Data goes through; the audit is clean."""
    r = run_program(HERE / "mmap_caps.c", policy=policy, audit=True)
    assert (r.status, r.stdout) == (0, MMAP_CAPS)
    assert r.stderr.count(b"killed by SIGPROT") == 2 and r.stderr.count(b"killed by SIGSEGV") == 1
    assert audit_problems(r) == []


TIMES = b"""\
utimensat = 0
set: 1000000000.000000500
UTIME_OMIT keeps it: 1000000000.000000500
futimens = 0
futimens: 1234567890.000000000
NULL makes it now: 1
a bad tv_nsec: -1 Invalid argument
no such file: -1 No such file or directory
/proc is read-only: -1 Permission denied
"""


def test_utimensat_on_a_ram_file():
    r = run_program(HERE / "times.c", "/tmp/f")
    assert (r.status, r.stdout, r.stderr) == (0, TIMES, b"")


def test_utimensat_on_a_host_file_changes_the_host_file(tmp_path):
    """The program's last call (times NULL: now) moves the host file's time past the one its
    futimens set (1234567890)."""
    r = run_program(HERE / "times.c", "/host/f", share=str(tmp_path))
    assert (r.status, r.stdout) == (0, TIMES)
    assert os.stat(tmp_path / "f").st_mtime_ns > 1234567890 * 10**9


def test_touch_makes_files_and_sets_old_ones_to_now(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("x")
    os.utime(old, ns=(10**18, 10**18))                    # September 2001
    k = boot(Options(share=str(tmp_path), max_instructions=BUDGET), stdin=b"", capture=True)
    k.spawn("/bin/touch", ["touch", "/host/old.txt", "/host/new.txt"])
    assert (k.run(), k.output(2)) == (0, b"")
    assert old.stat().st_mtime_ns > 10**18 and (tmp_path / "new.txt").read_text() == ""


CPUTIME = (HERE / "cputime.out").read_bytes()


@pytest.mark.parametrize("policy", POLICIES)
def test_times_and_getrusage_count_the_children_waited_for(policy):
    """A child's CPU time (its instructions, 2.5 GHz) reaches times' tms_cutime and
    getrusage(RUSAGE_CHILDREN) at the wait, not before, with the grandchildren it waited for.
    The child burns 5M iterations (~30M instructions: more than one 10 ms tick)."""
    r = run_program(HERE / "cputime.c", "5000000", policy=policy, budget=200_000_000)
    assert (r.status, r.stdout) == (0, CPUTIME)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_cputime_on_the_host(tmp_path):
    """cputime.out is what Linux prints (a child that burns enough for a tick of the host's clock)."""
    exe = tmp_path / "cputime"
    subprocess.run(["gcc", "-std=c11", "-D_DEFAULT_SOURCE", "-O0", "-w", str(HERE / "cputime.c"), "-o", str(exe)],
                   check=True)
    assert subprocess.run([str(exe), "100000000"], capture_output=True, check=True, timeout=60).stdout == CPUTIME


ALARM = (HERE / "alarm.out").read_bytes()


def test_alarm_and_interval_timers():
    """alarm and setitimer ring SIGALRM on the kernel's clock: a blocking read fails with EINTR,
    pause is woken, an interval timer rings again, bad arguments are EINVAL or EFAULT, a fork's
    child has no alarm; the last alarm, left to its default action, ends the program (142)."""
    r = run_program(HERE / "alarm.c")
    assert (r.status, r.stdout) == (128 + 14, ALARM)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_alarm_on_the_host(tmp_path):
    """alarm.out is what Linux prints."""
    r = run_on_linux(HERE / "alarm.c", tmp_path)
    assert (r.returncode, r.stdout) == (-14, ALARM)


LINKS = (HERE / "links.out").read_bytes()


def test_hard_links_in_the_ram_root_are_as_on_linux():
    """link and linkat: one file under two names (the same inode, writes seen through both, the
    link count in stat), unlink and rename of one name, and the errors: links.out is Linux's
    output of the same program (in a temporary directory, /dev/shm as the other file system)."""
    r = run_program(HERE / "links.c", "/tmp", "/host")
    assert (r.status, r.stdout) == (0, LINKS)


def test_hard_links_in_host_stay_inside_the_shared_directory(tmp_path):
    """The same in /host: the host's link() makes the second name, inside the shared directory;
    a link from /host to the RAM root is EXDEV."""
    r = run_program(HERE / "links.c", "/host", "/tmp", share=str(tmp_path))
    assert (r.status, r.stdout) == (0, LINKS)
    assert list(tmp_path.iterdir()) == []                     # the program removes what it made


@pytest.mark.parametrize("where", ["/tmp", "/host"])
def test_fchdir_goes_to_the_directory_a_descriptor_names(where, tmp_path):
    r = run_program(HERE / "fchdir.c", where, share=str(tmp_path))
    assert (r.status, r.stdout) == (0, (HERE / "fchdir.out").read_bytes())


@pytest.mark.parametrize("where", ["/tmp", "/host"])
def test_a_path_ending_in_a_slash_names_only_a_directory(where, tmp_path):
    """stat("file/") is ENOTDIR and open("new/", O_CREAT) EISDIR, as on Linux (trailing_slash.out),
    in the RAM root and in /host: the path's last slash is not lost when it is normalised."""
    r = run_program(HERE / "trailing_slash.c", where, share=str(tmp_path))
    assert (r.status, r.stdout) == (0, (HERE / "trailing_slash.out").read_bytes())


def test_dev_stdout_is_a_name_for_descriptor_1_not_a_directory(tmp_path):
    """open("/dev/stdout") duplicates descriptor 1 (what it writes comes out on stdout); with
    O_DIRECTORY it is ENOTDIR, as for any device."""
    source = tmp_path / "devstd.c"
    source.write_text(r"""
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void)
{
    int fd = open("/dev/stdout", O_WRONLY);
    write(fd, "through /dev/stdout\n", 20);
    close(fd);
    fd = open("/dev/stderr", O_RDONLY | O_DIRECTORY);
    printf("O_DIRECTORY: %d %s\n", fd, strerror(errno));
    return 0;
}
""")
    r = run_program(source)
    assert (r.status, r.stdout) == (0, b"through /dev/stdout\nO_DIRECTORY: -1 Not a directory\n")


DEV_FD = (HERE / "dev_fd.out").read_bytes()


def test_dev_fd_names_the_openers_descriptors():
    """/dev/fd/N: open duplicates N, stat is fstat(N), a listing gives the open descriptors, and a
    name that is not a descriptor's number is ENOENT, as on Linux (dev_fd.out, which
    test_dev_fd_on_the_host checks)."""
    r = run_program(HERE / "dev_fd.c", stdin=b"input\n")
    assert (r.status, r.stdout) == (0, DEV_FD)


def test_dev_fd_duplicates_as_the_bsds_do():
    """Where ufos does as the BSDs' fdescfs and not as Linux: the duplicate shares the offset, a
    closed descriptor's name is EBADF, a duplicate has no more rights than the descriptor; huge
    numbers and writes into /dev/fd are refused, not a kernel error."""
    r = run_program(HERE / "dev_fd.c", "bsd", stdin=b"input\n")
    assert r.status == 0
    assert r.stdout[len(DEV_FD):].decode() == """\
the duplicate shares the offset: cd
open /dev/fd/3: Permission denied
open /dev/fd/3: Permission denied
open /dev/fd/3: Bad file descriptor
stat of a closed descriptor's name: -1 Bad file descriptor
open /dev/fd/99999999999999999999999999: Bad file descriptor
open /dev/fd/2147483648: Bad file descriptor
open /dev/fd/255: Bad file descriptor
create in /dev/fd: 0
unlink /dev/fd/0: -1 Permission denied
mkdir /dev/fd/d: -1
"""


@pytest.mark.skipif(shutil.which("gcc") is None, reason="the host has no gcc to compare with")
def test_dev_fd_on_the_host(tmp_path):
    exe = tmp_path / "dev_fd"
    subprocess.run(["gcc", "-std=c11", "-D_DEFAULT_SOURCE", "-O0", "-w", str(HERE / "dev_fd.c"), "-o", str(exe)],
                   check=True)
    out = subprocess.run([str(exe)], input=b"input\n", capture_output=True, check=True, timeout=60).stdout
    assert out == DEV_FD


def test_getgroups_and_setgroups(tmp_path):
    """getgroups and setgroups as Linux's (158, 159): size 0 asks only for the count (NULL is
    fine), a negative size or one too small for the groups is EINVAL, as is setgroups of more
    than NGROUPS_MAX; the groups are kept sorted and a fork's child has its parent's; every
    μprocess is root, so setgroups is allowed."""
    source = tmp_path / "groups.c"
    source.write_text(r"""
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static void show(const char *what, int r)
{
    printf("%s: %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
}
int main(void)
{
    gid_t set[3] = {7, 0, 5}, got[NGROUPS_MAX + 1];
    int n, status;
    show("count at start", getgroups(0, NULL));
    show("setgroups", setgroups(3, set));
    show("count", getgroups(0, NULL));
    show("too small", getgroups(2, got));
    show("negative", getgroups(-1, got));
    n = getgroups(NGROUPS_MAX, got);
    printf("groups: %d: %u %u %u\n", n, got[0], got[1], got[2]);
    show("bad buffer", getgroups(3, (gid_t *)16));
    show("too many", setgroups(NGROUPS_MAX + 1, got));
    show("bad list", setgroups(2, (gid_t *)16));
    show("sysconf", (int)sysconf(_SC_NGROUPS_MAX));
    if (fork() == 0)
        _exit(getgroups(0, NULL));
    wait(&status);
    printf("the child's count: %d\n", WEXITSTATUS(status));
    show("none", setgroups(0, NULL));
    show("count", getgroups(0, NULL));
    return 0;
}
""")
    r = run_program(source)
    assert (r.status, r.stdout.decode()) == (0, """\
count at start: 0
setgroups: 0
count: 3
too small: -1 Invalid argument
negative: -1 Invalid argument
groups: 3: 0 5 7
bad buffer: -1 Bad address
too many: -1 Invalid argument
bad list: -1 Bad address
sysconf: 32
the child's count: 3
none: 0
count: 0
""")
