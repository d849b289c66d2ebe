"""Sleeping and waking, as xv6 has them: the one mechanism every wait in the kernel uses.

A system call that cannot finish yet (a read from an empty pipe, a wait for a child that is still
running) raises WouldBlock with a *channel* — the pipe, the parent itself, any object — and the
system call layer puts its caller to sleep on it (syscall.py). Some later event calls wakeup on
the same channel, which makes every μprocess sleeping there runnable; each makes its system call
again (its arguments are still in its registers), and sleeps again if it still cannot finish.

This file imports nothing of the kernel, so that pipes, terminals and sockets, which wake their
readers and writers, can use it without depending on processes or the scheduler.
"""
from __future__ import annotations


class WouldBlock(Exception):
    """Raised by a system call that must wait: the caller sleeps on chan and retries later."""

    def __init__(self, chan, wake_at: int | None = None):
        super().__init__()
        self.chan = chan
        self.wake_at = wake_at


def sleep(p, chan, wake_at: int | None = None) -> None:
    p.state, p.chan, p.wake_at, p.retry = "sleeping", chan, wake_at, True


def wakeup(k, chan) -> None:
    """Make every μprocess sleeping on chan runnable (it will retry its system call)."""
    for p in k.procs.procs.values():
        if p.chan is chan:
            wake(p)


def wake(p) -> None:
    if p.state == "sleeping":
        p.state, p.chan, p.wake_at = "runnable", None, None
