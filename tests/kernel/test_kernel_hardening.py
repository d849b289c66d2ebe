"""No system call can crash the kernel (issue 10 §2): the calls that once ended the machine with a
Python exception, made from a real C program (tests/kernel/programs/hardening.c), each get their errno and
the machine runs on. The fuzzer (tests/kernel/test_syscall_fuzz.py) looks for more of the same class."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_program
from ufos.runner import run_c
from ufos.toolchain.driver import Source

HERE = Path(__file__).resolve().parent / "programs"


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    r = run_program(HERE / "hardening.c", share=str(tmp_path_factory.mktemp("share")))
    assert (r.status, r.stderr, r.kernel.kernel_bugs) == (0, b"", [])
    return r.stdout.decode("utf-8", "surrogateescape").splitlines()


def result(lines, call: str) -> str:
    """What the program printed after `call = ` (the first such line)."""
    return next(line.split(" = ", 1)[1] for line in lines if line.startswith(call + " = "))


@pytest.mark.parametrize("call, expected", [
    ('execve("/bin/true", (char **)((char *)argv + 1), 0)', "-1 Bad address"),
    ("__syscall(SYS_rt_sigaction, SIGUSR1, (uintptr_t)((char *)sa + 8), 0, sizeof(sigset_t), 0, 0)",
     "-1 Bad address"),
    ("__syscall(SYS_rt_sigaction, SIGUSR1, 0, (uintptr_t)((char *)sa + 8), sizeof(sigset_t), 0, 0)",
     "-1 Bad address"),
])
def test_capability_arrays_at_a_misaligned_address_are_efault(lines, call, expected):
    assert result(lines, call) == expected


def test_proc_names_of_non_ascii_digits_are_not_pids(lines):
    assert result(lines, r'open("/proc/\xc2\xb2/status", O_RDONLY)') == "-1 No such file or directory"
    assert result(lines, r'open("/proc/\xd9\xa1/status", O_RDONLY)') == "-1 No such file or directory"


def test_timeouts_negative_malformed_and_the_longest(lines):
    assert result(lines, "nanosleep(&negative, 0)") == "-1 Invalid argument"
    assert result(lines, "nanosleep(&too_many_ns, 0)") == "-1 Invalid argument"
    negative = "__syscall(SYS_ppoll, (uintptr_t)&pfd, 1, (uintptr_t)&negative, 0, sizeof(sigset_t), 0)"
    assert result(lines, negative) == "-1 Invalid argument"
    forever = "__syscall(SYS_ppoll, (uintptr_t)&pfd, 1, (uintptr_t)&forever, 0, sizeof(sigset_t), 0)"
    assert result(lines, forever) == "1"                      # a ready descriptor: at once
    assert "nanosleep(forever) in a child: killed by 9" in lines     # asleep, then SIGKILL
    assert "ppoll(forever) in a child: killed by 9" in lines


def test_ram_files_have_a_maximum_size_and_offsets_stay_in_off_t(lines):
    ram = lines[lines.index("ppoll(forever) in a child: killed by 9") + 1:]
    assert ram[:7] == [
        "ftruncate(fd, 1L << 62) = -1 File too large",
        "ftruncate(fd, -1) = -1 Invalid argument",
        "lseek(fd, 1L << 40, SEEK_SET) = 1099511627776",
        'write(fd, "x", 1) = -1 File too large',
        "lseek(fd, LONG_MAX, SEEK_SET) = 9223372036854775807",
        "lseek(fd, 1, SEEK_CUR) = -1 Invalid argument",
        "read(fd, buf, sizeof buf) = 0",
    ]


def test_host_file_offsets_past_off_max_are_einval(lines):
    host = lines[lines.index("read(fd, buf, sizeof buf) = 0") + 1:]
    assert host[:2] == ["lseek(fd, LONG_MAX, SEEK_SET) = 9223372036854775807",
                        "lseek(fd, 10, SEEK_CUR) = -1 Invalid argument"]
    # at offset 2^63 - 1 the host decides (end of file, or EINVAL past its largest file)
    assert host[2] in ("read(fd, buf, sizeof buf) = 0", "read(fd, buf, sizeof buf) = -1 Invalid argument")
    assert host[3].startswith('write(fd, "x", 1) = -1 ')


def test_open_drops_flags_it_does_not_know(lines):
    assert result(lines, "fcntl(fd, F_GETFL) == (O_RDWR | O_CREAT)") == "1"


def test_file_calls_on_pipes_and_terminals_are_errors(lines):
    assert result(lines, "ftruncate(fds[1], 0)") == "-1 Invalid argument"
    assert result(lines, "fchmod(fds[0], 0600)") == "-1 Operation not permitted"
    assert result(lines, "fchmod(1, 0600)") == "-1 Operation not permitted"
    assert result(lines, 'openat(fds[0], "x", O_RDONLY)') == "-1 Not a directory"


def test_names_that_are_not_utf8_come_back_as_they_were_given(lines):
    assert result(lines, r'getcwd(buf, sizeof buf) == buf && strcmp(buf, "/tmp/\xff") == 0') == "1"
    assert result(lines, "read(fd, buf, sizeof buf) > 0") == "1"     # /proc/self/status of that cwd
    assert lines[-1] == "the machine runs on"


FORK_WITHOUT_MEMORY = Source("nomem.c", r"""
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    size_t size = 3 << 20;                  /* most of a 4 MiB machine: no room for a full copy */
    char *p = malloc(size);
    memset(p, 1, size);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    printf("fork: %s\n", pid < 0 ? strerror(errno) : "made a child");
    return 0;
}
""")


def test_a_fork_that_runs_out_of_memory_leaves_no_half_made_child():
    """Under sync the copy runs out of frames half way: fork fails with ENOMEM, and the child
    it had started is gone from the table (it has no registers: running or auditing it would
    read the parent's)."""
    r = run_c(FORK_WITHOUT_MEMORY, ["nomem"], policy="sync", memory=4 << 20, audit=True,
              max_instructions=100_000_000)
    assert (r.status, r.stdout) == (0, b"fork: Cannot allocate memory\n"), r.stderr
    assert all(not problems for _, _, problems in r.kernel.audits) and r.kernel.kernel_bugs == []
    assert [p.pid for p in r.kernel.procs.procs.values() if p.pid != 1] == []


UNAME_HOSTILE = Source("uname_hostile.c", r"""
#include <cheriintrin.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

static struct utsname u;

/* uname through p; then whether any byte of u changed from the 'x' it was filled with */
static void attempt(const char *what, struct utsname *p)
{
    memset(&u, 'x', sizeof u);
    errno = 0;
    int r = uname(p);
    int touched = 0;
    for (size_t i = 0; i < sizeof u; i++)
        touched |= ((char *)&u)[i] != 'x';
    printf("%s: %d %s %s\n", what, r, strerror(errno), touched ? "written" : "untouched");
}

int main(void)
{
    attempt("null", NULL);
    attempt("integer", (struct utsname *)(uintptr_t)cheri_address_get(&u));
    attempt("readonly", cheri_perms_clear(&u, CHERI_PERM_STORE));
    attempt("short", cheri_bounds_set(&u, sizeof u - 1));
    attempt("past the end", (struct utsname *)((char *)&u + 1));
    attempt("sentry", (struct utsname *)(uintptr_t)main);     /* a function pointer: sealed */
    attempt("good", &u);
    printf("%s %s\n", u.sysname, u.machine);
    return 0;
}
""")


def test_uname_with_a_hostile_pointer_is_efault_and_writes_nothing():
    r = run_c(UNAME_HOSTILE, ["uname_hostile"], audit=True)
    assert (r.status, r.stderr, r.kernel.kernel_bugs) == (0, b"", [])
    lines = r.stdout.decode().splitlines()
    bad = ["null", "integer", "readonly", "short", "past the end", "sentry"]
    assert lines[:-2] == [f"{what}: -1 Bad address untouched" for what in bad]
    assert lines[-2:] == ["good: 0 Success written", "ufos morello"]
