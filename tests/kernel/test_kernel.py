"""The kernel: system calls, fork under every policy, the isolation audit, attacks, signals, limits.

The C programs are in tests/kernel/programs/ (with .out files of their exact output where it is fixed), and
in /bin for the xv6 classics that are also user programs (pingpong, primes: their .out files are here).
Each test boots a fresh kernel (ufos.kernel.boot.run_image), so a test sees a whole machine.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.runner import boot, run_image
from ufos.kernel.fs.ramfs import RamFile
from ufos.kernel.uapi import SIG
from ufos.kernel.vm import SLOT_STRIDE
from ufos.toolchain.driver import Source, build_executable
from ufos.toolchain.ld import write_executable
from tests.helpers import BUDGET, run_program
from tests.helpers import run_bin as boot_and_run_bin

HERE = Path(__file__).resolve().parent / "programs"


@functools.cache
def image_of(source: str):
    return build_executable([Source("prog.c", source)])


def run(names, *args, stdin=b"", **options):
    """Boot, run the program of tests/kernel/programs built from names (one file or several)."""
    names = (names,) if isinstance(names, str) else names
    return run_program([HERE / n for n in names], *args, stdin=stdin, **options)


def run_bin(name, *args, **options):
    """Boot and run /bin/NAME (userland/bin, compiled by the root file system) with ARGS."""
    r = boot_and_run_bin([name, *args], **options)
    return r.status, r.stdout, r.stderr, r.instructions


def expected(name: str) -> bytes:
    return (HERE / name).with_suffix(".out").read_bytes()


# --- system calls -----------------------------------------------------------------------------------
def test_every_system_call_succeeds_or_fails_with_its_errno():
    r = run("syscalls.c")
    assert (r.status, r.stderr) == (0, b"")
    assert r.stdout == expected("syscalls.c")


def test_a_bad_pointer_is_an_errno_not_a_kernel_error_at_every_isolation_level():
    for isolation in ("adversarial", "fault"):
        r = run(("attacks.c", "attack_asm.s"), "overlong", isolation=isolation)
        assert b"write(overlong) = -1 errno 14" in r.stdout, r.stderr


def test_an_exception_in_the_kernel_kills_only_the_caller_and_the_machine_runs_on(monkeypatch):
    """A kernel bug (here: a handler made to raise) must not end the machine: the μprocess it
    happened for is killed with a one-line report, the others carry on."""
    from ufos.kernel import syscall

    def broken(k, p, a):
        raise ValueError("a bug")
    monkeypatch.setitem(syscall.HANDLERS, syscall.SYS.getppid, broken)
    r = run_image(image_of(r"""
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    int pid = fork();
    if (pid == 0) { getppid(); printf("not reached\n"); return 0; }
    int status;
    waitpid(pid, &status, 0);
    printf("parent runs on; child killed by signal %d\n", WTERMSIG(status));
    return 0;
}"""), ["prog"], max_instructions=BUDGET)
    assert r.status == 0
    assert r.stdout == b"parent runs on; child killed by signal 9\n"
    assert r.stderr == b"ufos: kernel bug in getppid (ValueError: a bug); pid 2 (prog) killed\n"
    assert len(r.kernel.kernel_bugs) == 1 and "ValueError: a bug" in r.kernel.kernel_bugs[0]


def test_the_host_directory_is_shared(tmp_path):
    src = r"""
#include <stdio.h>
int main(void) {
    FILE *f = fopen("/host/note.txt", "w");
    fprintf(f, "written inside ufos\n");
    fclose(f);
    f = fopen("/host/in.txt", "r");
    char line[64];
    fgets(line, sizeof line, f);
    printf("read: %s", line);
    return 0;
}"""
    (tmp_path / "in.txt").write_text("from the host\n")
    r = run_image(image_of(src), ["prog"], share=str(tmp_path))
    assert r.stdout == b"read: from the host\n"
    assert (tmp_path / "note.txt").read_text() == "written inside ufos\n"


def test_a_host_directory_has_its_own_mode_and_link_count(tmp_path):
    """stat of a /host directory says what the host's says, and chmod inside ufos shows (it was
    always 0755 with two links)."""
    src = r"""
#include <stdio.h>
#include <sys/stat.h>
static void show(const char *path) {
    struct stat st;
    stat(path, &st);
    printf("%s %o %lu\n", path, (unsigned)(st.st_mode & 07777), (unsigned long)st.st_nlink);
}
int main(void) {
    show("/host/d");
    chmod("/host/d", 0711);
    show("/host/d");
    return 0;
}"""
    (tmp_path / "d" / "sub1").mkdir(parents=True)
    (tmp_path / "d" / "sub2").mkdir()
    (tmp_path / "d").chmod(0o750)
    r = run_image(image_of(src), ["prog"], share=str(tmp_path))
    assert r.stdout == b"/host/d 750 4\n/host/d 711 4\n"
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o711


def test_proc_shows_the_process_its_pages_and_capabilities():
    src = r"""
#include <stdio.h>
#include <string.h>
static void show(const char *path, const char *want) {
    char line[256];
    FILE *f = fopen(path, "r");
    while (fgets(line, sizeof line, f))
        if (strstr(line, want)) { printf("%s", line); break; }
    fclose(f);
}
int main(void) {
    show("/proc/self/status", "Name:");
    show("/proc/self/status", "Pid:");
    show("/proc/self/maps", "text");
    show("/proc/self/caps", "csp");
    return 0;
}"""
    r = run_image(image_of(src), ["prog"])
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "Name:\tprog" and lines[1] == "Pid:\t1"
    assert "rx" in lines[2] and "mapped" in lines[2]
    assert lines[3].split()[0] == "csp" and lines[3].split()[1].startswith("0x4")   # in slot 0


def test_proc_self_exe_and_cwd_are_symbolic_links_as_on_linux():
    """/proc/self is a link to the looker's own directory (so a child sees its own pid), exe to
    its program by the path through real directories (exec through a link shows the target), cwd
    to its working directory."""
    src = r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static const char *link_of(const char *path) {
    static char buf[256];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    return buf;
}
int main(void) {
    printf("/proc/self is my pid: %d\n", atoi(link_of("/proc/self")) == getpid());
    printf("exe: %s\n", link_of("/proc/self/exe"));
    symlink("/tmp", "/tmp/here");
    chdir("/tmp/here");
    printf("cwd: %s\n", link_of("/proc/self/cwd"));
    if (fork() == 0) {
        printf("the child's /proc/self is its pid: %d\n", atoi(link_of("/proc/self")) == getpid());
        return 0;
    }
    wait(NULL);
    symlink("/bin/readlink", "/tmp/rl");
    fflush(stdout);
    execl("/tmp/rl", "rl", "/proc/self/exe", (char *)NULL);
    return 1;
}"""
    r = run_image(image_of(src), ["prog"])
    assert r.stdout.decode().splitlines() == [
        "/proc/self is my pid: 1", "exe: prog", "cwd: /tmp", "the child's /proc/self is its pid: 1",
        "/bin/readlink"]


def test_exec_replaces_the_program_and_runs_scripts_with_their_interpreter():
    echo = image_of(r"""
#include <stdio.h>
int main(int argc, char **argv) { for (int i = 0; i < argc; i++) printf("[%s]", argv[i]); printf("\n"); return 0; }""")
    caller = image_of(r"""
#include <stdio.h>
#include <unistd.h>
int main(void) {
    char *argv[] = {"echo", "one", "two", NULL};
    char *script[] = {"/tmp/script", "arg", NULL};
    if (fork() == 0) { execv("/tmp/script", script); perror("exec script"); return 1; }
    sleep(1);
    execv("/tmp/echo", argv);
    perror("exec");
    return 1;
}""")
    k = boot(Options(max_instructions=BUDGET, audit=True), capture=True)
    tmp = k.fs.lookup("/tmp")
    tmp.add("echo", RamFile(write_executable(echo), mode=0o755))
    tmp.add("script", RamFile(b"#!/tmp/echo -x\nnot C\n", mode=0o755))
    k.spawn("caller", ["caller"], image=caller)
    assert k.run() == 0
    assert k.output(1) == b"[/tmp/echo][-x][/tmp/script][arg]\n[echo][one][two]\n"
    assert {pid for event, pid, _ in k.audits if event == "execve"} == {1, 2}
    assert all(problems == [] for _, _, problems in k.audits)


# --- fork -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("policy", POLICIES)
def test_fork_copies_memory_moves_pointers_and_isolates_writes(policy):
    r = run("fork_memory.c", policy=policy, audit=True)
    out = r.stdout.decode().splitlines()
    assert r.status == 0, r.stderr
    parent_heap = int(out[0].split()[-1], 16)
    child_heap = int(out[1].split()[2], 16)
    # the child's pointers point into the child: its slot's distance away (classic: same address)
    k = r.kernel
    distance = 0 if policy == "classic" else child_heap - parent_heap
    assert distance % SLOT_STRIDE == 0 and (policy == "classic") == (distance == 0)
    assert out[1].split()[3:] == ["tag", "1", "list", "sum", "10", "global", "5", "big[100]", "p", "same", "1"]
    assert out[2] == "child sees big[0] c global 7"
    assert out[3] == "parent: child exited 3; big[0] p global 5 list 4"
    audited_after_fork = {pid for event, pid, _ in k.audits if event == "fork"}
    assert audited_after_fork == {1, 2}                 # the parent and the child
    assert all(problems == [] for _, _, problems in k.audits), k.audits


def child_copies(policy: str) -> int:
    r = run("fork_memory.c", policy=policy)
    child = next(p for p in r.kernel.history if p.pid == 2)
    return child.space.stats.pages_copied


def test_copa_copies_only_the_pages_the_child_touches():
    copied = {policy: child_copies(policy) for policy in ("copa", "coa", "sync")}
    # the 256 KiB buffer is 64 pages: the child writes one and reads one; sync copies all of them
    assert copied["copa"] < copied["coa"] < copied["sync"]
    assert copied["sync"] >= 64 + 5
    assert copied["copa"] < 30


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("program", ["pingpong", "primes"])
def test_xv6_classics(program, policy):
    status, out, err, _ = run_bin(program, policy=policy)
    assert (status, err) == (0, b"")
    assert out == expected(program)


@pytest.mark.parametrize("policy", POLICIES)
def test_forktree(policy):
    r = run("forktree.c", policy=policy)
    assert (r.status, r.stderr) == (0, b"")
    assert r.stdout == expected("forktree.c")


def test_same_seed_same_output_and_instruction_count():
    first = run_bin("primes", seed=7)
    second = run_bin("primes", seed=7)
    assert first == second


def test_with_a_seed_slots_are_placed_at_random():
    heaps = {run("fork_memory.c", seed=s).stdout.split(b"\n")[0] for s in (1, 2, 3)}
    assert len(heaps) > 1


# --- attacks ---------------------------------------------------------------------------------------
FAULTING_ATTACKS = {
    "stale": b"capability tag fault",           # the parent's address with a child's capability
    "widen": b"capability tag fault",           # bounds can only shrink
    "forge": b"capability tag fault",           # an integer is not a pointer
    "kernel-jump": b"capability tag fault: fetch",
    "gate-read": b"capability sealed fault",    # the gate can be branched through, not read
    "privileged": b"needs PCC with System",     # msr without the System permission
    "pipe-pointer": b"capability tag fault",    # only bytes cross a pipe
}


@pytest.mark.parametrize("attack", sorted(FAULTING_ATTACKS))
def test_attacks_end_in_sigprot_and_the_parent_carries_on(attack):
    r = run(("attacks.c", "attack_asm.s"), attack, audit=True)
    assert r.status == 0
    assert FAULTING_ATTACKS[attack] in r.stderr and b"SIGPROT" in r.stderr
    assert r.stdout.endswith(b"parent: child killed by signal 34; secret intact: the parent's secret\n")
    assert all(problems == [] for _, _, problems in r.kernel.audits)
    assert any(event == "cap fault" or event == "sysreg fault" for event, _, _ in r.kernel.audits)


def test_kernel_addresses_and_sealed_capabilities_are_refused_by_system_calls():
    r = run(("attacks.c", "attack_asm.s"), "kernel-buffer")
    assert r.stdout.splitlines()[:2] == [b"write(kernel address) = -1 errno 14",
                                         b"write(sealed gate) = -1 errno 14"]


def test_overlong_buffers_are_refused():
    r = run(("attacks.c", "attack_asm.s"), "overlong")
    assert r.stdout.splitlines()[:2] == [b"write(overlong) = -1 errno 14",
                                         b"read(into a string literal) = -1 errno 14"]


def test_svc_outside_the_gate_is_sigsys():
    prog = build_executable([Source("raw.s", ".global _start\n_start: mov x8, #93\nsvc #0\n")], nostdlib=True)
    r = run_image(prog, ["raw"])
    assert r.status == 128 + SIG.SIGSYS and b"outside the kernel's gate" in r.stderr


# --- signals and limits ---------------------------------------------------------------------------------
def test_sigpipe_sigterm_and_sigchld():
    r = run_image(image_of(r"""
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static int chld;
static void on_chld(int s) { chld++; }
int main(void) {
    int fds[2], st;
    signal(SIGCHLD, on_chld);
    pipe(fds);
    close(fds[0]);
    if (fork() == 0) { write(fds[1], "x", 1); return 0; }
    wait(&st);
    printf("writer: signal %d\n", WTERMSIG(st));
    pid_t pid = fork();
    if (pid == 0) { for (;;) ; }
    kill(pid, SIGTERM);
    waitpid(pid, &st, 0);
    printf("spinner: signal %d, SIGCHLD seen %d\n", WTERMSIG(st), chld);
    return 0;
}"""), ["prog"], max_instructions=BUDGET)
    assert r.stdout == b"writer: signal 13\nspinner: signal 15, SIGCHLD seen 2\n"


def test_ctrl_c_interrupts_the_foreground_program():
    k = boot(Options(max_instructions=BUDGET), capture=True)
    k.spawn("spin", ["spin"], image=image_of("int main(void) { for (;;) ; }"))
    k.interrupt()
    assert k.run() == 128 + SIG.SIGINT


def test_a_full_process_table_gives_eagain_and_a_fork_bomb_ends():
    r = run_image(image_of(r"""
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int n = 0;
    for (;;) {
        pid_t pid = fork();
        if (pid < 0) { printf("fork failed after %d: %s\n", n, errno == EAGAIN ? "EAGAIN" : "?"); return 0; }
        if (pid == 0) { pause(); return 0; }
        n++;
    }
}"""), ["bomb"], max_instructions=BUDGET, max_procs=8)
    assert r.stdout == b"fork failed after 7: EAGAIN\n"


def test_out_of_memory_is_enomem():
    r = run_image(image_of(r"""
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    long total = 0;
    for (;;) {
        char *p = malloc(1 << 20);
        if (p == NULL) { printf("ENOMEM %d after %ld MiB\n", errno == ENOMEM, total); return 0; }
        memset(p, 1, 1 << 20);
        total++;
    }
}"""), ["hog"], max_instructions=500_000_000, memory=8 << 20)
    assert r.stdout.startswith(b"ENOMEM 1 after ") or b"out of memory" in r.stderr
