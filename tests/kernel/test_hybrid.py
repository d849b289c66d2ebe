"""Hybrid (A64) programs under the kernel: plain pointers are offsets from DDC's and PCC's bases
(kernel/hybrid.py), so fork moves them with DDC and PCC; the kernel takes a hybrid caller's
integer pointers through DDC, and hands back offsets."""
import pytest

from ufos.runner import run_c

FORK = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
static char global[16] = "global";
static int (*twice)(int);
static int twice_impl(int x) { return 2 * x; }
int main(void)
{
    char local[16] = "local";
    char *heap = strcpy(malloc(16), "heap");
    char *pointers[] = {global, local, heap};
    twice = twice_impl;
    pid_t pid = fork();
    if (pid == 0) {
        strcpy(heap, "child's");
        printf("child %s %s %s %d\n", pointers[0], pointers[1], pointers[2], twice(21));
        return 7;
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent %s %s %s %d %d\n", pointers[0], pointers[1], pointers[2], twice(2), WEXITSTATUS(status));
    return 0;
}
"""


@pytest.mark.parametrize("policy", ["copa", "coa", "sync", "classic"])
def test_a_hybrid_programs_plain_pointers_follow_it_through_fork(policy):
    r = run_c(FORK, abi="hybrid", policy=policy)
    assert r.status == 0, r.stderr
    assert r.stdout.decode().splitlines() == ["child global local child's 42", "parent global local heap 4 7"]


def test_signals_sigaction_sigaltstack_and_exec_from_hybrid_code():
    r = run_c(r"""
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
static volatile int got;
static void on_usr1(int sig, siginfo_t *info, void *uc) { (void)uc; got = sig + (info->si_pid == getpid()) * 1000; }
int main(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR1, NULL, &old);
    stack_t st = {.ss_sp = malloc(65536), .ss_size = 65536};
    printf("%d %d\n", old.sa_sigaction == on_usr1, sigaltstack(&st, NULL));
    kill(getpid(), SIGUSR1);
    printf("got %d\n", got);
    fflush(stdout);
    char *argv[] = {"echo", "exec", "ok", NULL};
    execv("/bin/echo", argv);
    return 9;
}
""", abi="hybrid")
    assert r.status == 0, r.stderr
    assert r.stdout == b"1 0\ngot 1010\nexec ok\n"


def test_the_kernel_takes_a_hybrid_pointer_through_ddc_and_refuses_one_outside_it():
    r = run_c(r"""
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
int main(void)
{
    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(page, "mapped\n");
    write(1, page, 7);                                     /* mmap's result is a usable offset */
    long n = write(1, (char *)0x7ffffff00000, 5);         /* far outside DDC: EFAULT, not a crash */
    printf("%ld %s\n", n, strerror(errno));
    return 0;
}
""", abi="hybrid")
    assert r.status == 0, r.stderr
    assert r.stdout == b"mapped\n-1 Bad address\n"


def test_a_hybrid_access_outside_ddc_is_a_sigprot_naming_ddc():
    r = run_c("int main(void) { return *(volatile char *)0x7ffffff00000; }", abi="hybrid")
    assert r.signal == 34
    assert b"killed by SIGPROT: capability bounds fault: load at " in r.stderr and b"via ddc" in r.stderr


def test_the_audit_passes_for_a_forking_hybrid_program():
    r = run_c(FORK, abi="hybrid", audit=True)
    assert r.status == 0
    assert r.kernel.audits and all(not problems for _event, _pid, problems in r.kernel.audits)


def test_a_handler_return_address_below_its_capabilitys_base_does_not_fail_the_kernel():
    """A hybrid handler gets its restorer as an integer in x30: for a sentry whose address lies
    below its base (the fuzzer made one), that is the offset mod 2^64, not an exception."""
    from tests.machine.machine_harness import machine
    from ufos.kernel import hybrid
    from ufos.machine import isa
    from ufos.machine.cap import Capability
    m = machine("        nop")
    m.cpu.set_sysreg("cctlr", isa.CCTLR_PCCBO)
    code = Capability.root().set_address(0x20000).set_bounds(0x1000)
    restorer = code.set_address(0x1ff00).seal_entry()
    offset = hybrid.code_offset(m.cpu, restorer)
    assert offset == (0x1ff00 - 0x20000) % (1 << 64)
    m.cpu.x[30] = offset
    assert m.cpu.x[30] == offset
