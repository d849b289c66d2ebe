"""The kernel fuzzer (ufos/fuzz.py, issue 10 §3): random and malformed system calls from several
μprocesses under every fork policy never crash the kernel, never leave a kernel bug, never break
the isolation audit and never change another μprocess's memory.

The quick tests run enough calls to catch a regression; the slow one runs a million. Two more show
that the fuzzer is deterministic and that it is not vacuous: a kernel made to misbehave is caught.
"""
from __future__ import annotations

import functools

import pytest

from ufos import fuzz
from ufos.kernel import syscall as syscall_module
from ufos.kernel.fork import POLICIES
from ufos.kernel.uapi import SYS
from ufos.kernel.vm import FRAME_MASK
from ufos.machine.cap import Capability


@functools.cache
def image():
    return fuzz.program_image()


def run(seed: int, calls: int, policy: str) -> fuzz.Summary:
    return fuzz.Fuzzer(seed, policy, image=image()).run(calls)


def assert_clean(s: fuzz.Summary) -> None:
    assert s.failure is None, s.failure
    assert s.kernel_bugs == []
    assert s.audits >= s.steps // 2           # the caller's audit at least, nearly every step


@pytest.mark.parametrize("policy", POLICIES)
def test_random_system_calls_cannot_crash_the_kernel_or_break_isolation(policy):
    s = run(2024, 6000, policy)
    assert_clean(s)
    assert sum(s.calls.values()) == 6000
    assert len(s.calls) >= len(fuzz.SPECS) - 2       # nearly every system call was made
    assert s.forks > 10 and s.execs > 0
    assert s.results["ok"] > 1000 and s.results["EFAULT"] > 100


def test_the_same_seed_makes_the_same_calls_with_the_same_results():
    first, second = run(7, 1500, "copa"), run(7, 1500, "copa")
    assert (first.steps, first.calls, first.results) == (second.steps, second.calls, second.results)
    assert run(8, 1500, "copa").results != first.results


def write_into_another_process(k, p, a):
    """A broken getpid that writes into a page of another μprocess (its last one: the stack)."""
    other = next((q for q in k.procs.live() if q is not p), None)
    if other is not None:
        _, pte = other.space.pages()[-1]
        k.memory.write(pte & FRAME_MASK, b"\xde\xad")
    return p.pid


def plant_a_foreign_capability(k, p, a):
    """A broken getpid that hands its caller a capability to the whole address space."""
    k.cpu.c[7] = Capability.root()
    return p.pid


def raise_an_exception(k, p, a):
    """A broken getpid that raises (a kernel bug: it must be reported, not crash the fuzzer)."""
    raise KeyError("broken")


@pytest.mark.parametrize("broken, reported", [
    (write_into_another_process, "the memory of pid"),
    (plant_a_foreign_capability, "the audit of pid"),
    (raise_an_exception, "KeyError"),
])
def test_the_fuzzer_catches_a_kernel_that_misbehaves(monkeypatch, broken, reported):
    monkeypatch.setitem(syscall_module.HANDLERS, SYS.getpid, broken)
    s = run(3, 5000, "copa")
    assert s.failure is not None and reported in s.failure
    assert "getpid" in s.failure and "seed 3" in s.failure


@pytest.mark.slow
@pytest.mark.parametrize("policy", POLICIES)
def test_a_million_random_system_calls(policy):
    """250,000 calls under each policy, from seeds no quick test uses."""
    s = run(1_000_000 + POLICIES.index(policy), 250_000, policy)
    assert_clean(s)
    assert sum(s.calls.values()) == 250_000
