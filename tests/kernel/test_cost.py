"""The cost model (ufos/kernel/cost.py): events charged cycles of a 2.5 GHz Morello, and the
virtual clock that runs on them."""
from __future__ import annotations

from dataclasses import fields

import pytest

from ufos.kernel import cost
from ufos.kernel.fork import POLICIES
from ufos.machine import isa
from ufos.runner import run_c
from ufos.toolchain.driver import Source

FORK_TIMED = Source("forktimed.c", r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv)
{
    long kib = argc > 1 ? atol(argv[1]) : 0;
    char *data = malloc(kib * 1024 + 1);
    for (long i = 0; i < kib * 1024; i += 4096)
        data[i] = 1;                          /* touch every page: the child inherits them all */
    long before = now_ns();
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    long after = now_ns();
    int status;
    waitpid(pid, &status, 0);
    printf("%ld\n", after - before);
    return 0;
}
""")


def fork_ns(policy: str, kib: int = 0) -> int:
    r = run_c(FORK_TIMED, ["forktimed", str(kib)], policy=policy, memory=64 << 20)
    assert r.status == 0, r.stderr
    return int(r.stdout)


def test_every_counter_and_every_instruction_class_has_a_cost():
    assert set(cost.INSTRUCTION_CYCLES) == set(isa.GROUPS)
    assert set(cost.KERNEL_CYCLES) == {f.name for f in fields(cost.Events)}
    for name in cost.COUNTER_LAYOUT:
        assert cost.weight(name, 50) >= 0


def test_modeled_time_is_the_same_every_run_and_a_program_reads_it_as_its_clock():
    first, second = fork_ns("copa"), fork_ns("copa")
    assert first == second > 0


def test_the_machine_sum_agrees_with_the_table():
    r = run_c(FORK_TIMED, ["forktimed"], policy="sync")
    k = r.kernel
    counters = k.cpu.counters()
    by_class = counters["instructions_by_class"]
    assert sum(by_class.values()) == counters["instructions"]
    expected = sum(cost.INSTRUCTION_CYCLES[g] * n for g, n in by_class.items())
    expected += sum(cost.MACHINE_CYCLES[name] * counters[name] for name in cost.MACHINE_CYCLES)
    expected += sum(cost.weight(f"trap.{name}", k.cost.syscall) * n for name, n in counters["traps"].items())
    assert k.cpu.weighted_count(k.cost.weights) == pytest.approx(expected)
    assert sum(k.cost.breakdown().values()) == pytest.approx(k.cost.cycles())


def test_a_synchronous_copy_grows_with_the_data_and_copa_stays_nearly_flat():
    small, large = fork_ns("sync", 0), fork_ns("sync", 2048)
    assert large - small >= 512 * cost.MACHINE_CYCLES["pages_copied"] / 2.5   # 512 pages copied, at least
    copa_small, copa_large = fork_ns("copa", 0), fork_ns("copa", 2048)
    assert copa_large - copa_small < (large - small) / 10


@pytest.mark.parametrize("policy", POLICIES)
def test_every_policy_charges_its_forks(policy):
    r = run_c(FORK_TIMED, ["forktimed", "64"], policy=policy)
    breakdown = r.kernel.cost.breakdown()
    assert breakdown["processes created"] == 2 * cost.KERNEL_CYCLES["processes_created"]
    assert breakdown["syscalls"] == r.kernel.events.syscalls * cost.KERNEL_CYCLES["syscalls"]
    if policy == "classic":          # a page table of its own, and a trap for every system call
        assert r.kernel.vm.mmu.tables > 4
        assert breakdown["exceptions (SVC)"] == r.kernel.events.syscalls * cost.EXCEPTION_CYCLES
    else:
        assert breakdown["exceptions (SVC)"] == r.kernel.events.syscalls * cost.SYSCALL_ENTRY_CYCLES["ufork"]
