"""System calls on time and waiting: the clocks, CPU time used (times, getrusage), sleeping (nanosleep, clock_nanosleep),
ppoll (which waits on many descriptors at once, optionally under another signal mask), and the
alarm clock (setitimer and getitimer: ITIMER_REAL, SIGALRM). Time is the kernel's clock
(boot.py: Kernel.clock_ns).

The alarm clock: a μprocess has at most one, p.alarm_at on the kernel's clock, with a period
(p.alarm_interval) for an interval timer. The scheduler rings the alarms that are due every
turn (Kernel.wake_timers calls ring_alarm), and the idle machine waits for the next one as for a
sleeper's deadline, so a μprocess blocked in read or pause is woken by SIGALRM (EINTR) exactly
on time. ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers) are not kept: EINVAL. A fork's child
starts without an alarm; exec keeps it (POSIX).

The clocks: CLOCK_MONOTONIC (and BOOTTIME, MONOTONIC_RAW and _COARSE) is the kernel's clock,
CLOCK_REALTIME adds the date at boot, and the CPU-time clocks count the μprocess's own work: its
retired instructions charged one cycle each at the modeled 2.5 GHz (cost.CLOCK_HZ), i.e. 0.4 ns
an instruction, whatever they were (the kernel's time in its system calls is not counted).
times and getrusage report the same count as user time (system time is 0), and, for the
children, the instructions of every child the μprocess waited for (with those of the children
they waited for themselves), added at the wait as POSIX says.
"""
from __future__ import annotations

import struct

from ufos.kernel import signal
from ufos.kernel.cost import CLOCK_HZ
from ufos.kernel.sched import WouldBlock
from ufos.kernel.uapi import SIG, E, SyscallError, defines
from ufos.kernel.uaccess import TIMESPEC, Args

POLLFD = struct.Struct("<ihh")
ITIMERVAL = struct.Struct("<qqqq")   # struct itimerval (sys/time.h): it_interval, it_value (timevals)
ITIMER_REAL = defines("sys/time.h", "ITIMER_")["ITIMER_REAL"]
SIGSET = struct.Struct("<Q")
KTIME_MAX = (1 << 63) - 1       # the latest deadline, in ns of the kernel's clock (as Linux)
CLOCK = defines("time.h", "CLOCK_")
MONOTONIC = {CLOCK[name] for name in ("CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_MONOTONIC_COARSE",
                                      "CLOCK_BOOTTIME")}
REALTIME = {CLOCK["CLOCK_REALTIME"], CLOCK["CLOCK_REALTIME_COARSE"]}
CPUTIME = {CLOCK["CLOCK_PROCESS_CPUTIME_ID"], CLOCK["CLOCK_THREAD_CPUTIME_ID"]}
TIMER_ABSTIME = defines("time.h", "TIMER_ABSTIME")["TIMER_ABSTIME"]
CLK_TCK = 100                   # times' clock ticks a second (sysconf(_SC_CLK_TCK), as Linux)
TMS = struct.Struct("<qqqq")    # struct tms (sys/times.h): utime, stime, cutime, cstime
RUSAGE = struct.Struct("<qqqq112x")   # struct rusage (sys/resource.h): ru_utime, ru_stime, then 14 longs
RUSAGE_WHO = defines("sys/resource.h", "RUSAGE_")


def cpu_ns(instructions: int) -> int:
    return instructions * 10**9 // CLOCK_HZ


def clock_now(k, p, clock: int) -> int:
    """The time on one of the clocks, in ns; EINVAL for a clock that does not exist."""
    if clock in MONOTONIC:
        return k.clock_ns()
    if clock in REALTIME:
        return k.clock_ns() + k.realtime_base_ns
    if clock in CPUTIME:
        return cpu_ns(p.instructions)
    raise SyscallError(E.EINVAL, f"no clock {clock}")


def sys_clock_gettime(k, p, a: Args):
    a.write(1, TIMESPEC.pack(*divmod(clock_now(k, p, a.int32(0)), 10**9)))
    return 0


def sys_clock_getres(k, p, a: Args):
    """Every clock counts nanoseconds (the CPU-time clock in steps of 0.4 ns: reported as 1)."""
    clock_now(k, p, a.int32(0))
    if not a.is_null(1):
        a.write(1, TIMESPEC.pack(0, 1))
    return 0


def sys_nanosleep(k, p, a: Args):
    return sleep_until(k, p, a, 0, 1, relative=True)


def sys_clock_nanosleep(k, p, a: Args):
    """Sleep on the monotonic or the real-time clock, for a while or (TIMER_ABSTIME) until a time
    on it. A CPU-time clock does not advance while its μprocess sleeps: ENOTSUP, and EINVAL for
    the thread's (as Linux)."""
    clock, flags = a.int32(0), a.int32(1)
    clock_now(k, p, clock)
    if clock in CPUTIME:
        raise SyscallError(E.EINVAL if clock == CLOCK["CLOCK_THREAD_CPUTIME_ID"] else E.EOPNOTSUPP)
    if p.deadline is None and flags & TIMER_ABSTIME:
        sec, nsec = check_timespec(a.read(2, TIMESPEC.size))
        offset = k.realtime_base_ns if clock in REALTIME else 0
        p.deadline = min(max(sec * 10**9 + nsec - offset, 0), KTIME_MAX)
    return sleep_until(k, p, a, 2, 3, relative=not flags & TIMER_ABSTIME)


def sleep_until(k, p, a: Args, req: int, rem: int, relative: bool):
    """Sleep until p.deadline (for a relative sleep: the timespec in argument req from now). A
    signal interrupts it with EINTR, the time left written to argument rem (if not NULL)."""
    if p.deadline is None:
        p.deadline = deadline_after(k, a.read(req, TIMESPEC.size))
    now = k.clock_ns()
    if now >= p.deadline:
        return 0
    if signal.deliverable(p) is not None:
        if relative and not a.is_null(rem):
            a.write(rem, TIMESPEC.pack(*divmod(p.deadline - now, 10**9)))
        raise SyscallError(E.EINTR)
    raise WouldBlock(k.timers, p.deadline)


def deadline_after(k, timespec: bytes) -> int:
    """When a timeout (a struct timespec) that starts now ends, on the kernel's clock. A negative
    or malformed one is EINVAL. A huge one ends at KTIME_MAX, as on Linux: the kernel's clock and
    every time it hands back stay 64-bit numbers whatever a μprocess asks for."""
    sec, nsec = check_timespec(timespec)
    return min(k.clock_ns() + sec * 10**9 + nsec, KTIME_MAX)


def check_timespec(timespec: bytes) -> tuple[int, int]:
    sec, nsec = TIMESPEC.unpack(timespec)
    if sec < 0 or not 0 <= nsec < 10**9:
        raise SyscallError(E.EINVAL, "bad timespec")
    return sec, nsec


def sys_times(k, p, a: Args):
    """times(buf): the CPU time of the caller and of its waited-for children, in clock ticks;
    returns the ticks since boot (a NULL buf asks only that, as Linux allows)."""
    if not a.is_null(0):
        ticks = [cpu_ns(n) * CLK_TCK // 10**9 for n in (p.instructions, p.children_instructions)]
        a.write(0, TMS.pack(ticks[0], 0, ticks[1], 0))
    return k.clock_ns() * CLK_TCK // 10**9


def sys_getrusage(k, p, a: Args):
    """getrusage(who, usage): ru_utime for RUSAGE_SELF (or RUSAGE_THREAD: a μprocess has one
    thread) or RUSAGE_CHILDREN; the other fields, which ufos does not keep, are 0."""
    who = a.int32(0)
    if who in (RUSAGE_WHO["RUSAGE_SELF"], RUSAGE_WHO["RUSAGE_THREAD"]):
        ns = cpu_ns(p.instructions)
    elif who == RUSAGE_WHO["RUSAGE_CHILDREN"]:
        ns = cpu_ns(p.children_instructions)
    else:
        raise SyscallError(E.EINVAL, f"getrusage who {who}")
    a.write(1, RUSAGE.pack(ns // 10**9, ns // 1000 % 10**6, 0, 0))
    return 0


def sys_gettimeofday(k, p, a: Args):
    sec, nsec = divmod(k.clock_ns() + k.realtime_base_ns, 10**9)
    if not a.is_null(0):
        a.write(0, TIMESPEC.pack(sec, nsec // 1000))
    return 0


def sys_ppoll(k, p, a: Args):
    """poll, with a timeout and a signal mask that replaces the caller's while it waits (pselect
    is built on it): the old mask comes back when ppoll returns, or when the handler of the
    signal that interrupted it does."""
    nfds = a.int(1)
    if nfds > 256:
        raise SyscallError(E.EINVAL)
    raw = a.read(0, 8 * nfds)
    if p.deadline is None and not a.is_null(2):
        p.deadline = deadline_after(k, a.read(2, TIMESPEC.size))
    if not a.is_null(3) and p.signals.saved_mask is None:
        mask = SIGSET.unpack(a.read(3, SIGSET.size))[0] & ~signal.UNBLOCKABLE
        p.signals.saved_mask, p.signals.mask = p.signals.mask, mask
    try:
        return poll_once(k, p, a, nfds, raw)
    except SyscallError:
        signal.restore_saved_mask(p)
        raise


def poll_once(k, p, a: Args, nfds: int, raw: bytes):
    """One look at the descriptors: how many are ready, or WouldBlock until one is (or the
    deadline passes)."""
    out, ready = bytearray(), 0
    with k.net.one_look():
        for i in range(nfds):
            fd, events, _ = POLLFD.unpack_from(raw, 8 * i)
            f = p.fds.files.get(fd)
            revents = 0x20 if f is None and fd >= 0 else (f.node.poll(k, f) & (events | 0x18)) if f else 0
            ready += bool(revents)
            out += POLLFD.pack(fd, events, revents)
    if ready or (p.deadline is not None and k.clock_ns() >= p.deadline):
        a.write(0, bytes(out))
        signal.restore_saved_mask(p)
        return ready
    raise WouldBlock(k.polling, p.deadline)


# --- the alarm clock ----------------------------------------------------------------------------
def sys_setitimer(k, p, a: Args):
    """setitimer(ITIMER_REAL, new, old): SIGALRM when new's it_value has passed (0: no alarm),
    then every it_interval (0: once). The old setting goes to old (if not NULL) before anything
    changes, so a bad pointer (EFAULT) or a bad time (EINVAL) leaves the alarm as it was."""
    check_itimer(a.int32(0))
    interval, value = read_itimerval(a.read(1, ITIMERVAL.size))
    if not a.is_null(2):
        a.write(2, current_itimerval(k, p))
    p.alarm_at = min(k.clock_ns() + value, KTIME_MAX) if value else None
    p.alarm_interval = interval if value else 0
    return 0


def sys_getitimer(k, p, a: Args):
    check_itimer(a.int32(0))
    a.write(1, current_itimerval(k, p))
    return 0


def check_itimer(which: int) -> None:
    if which != ITIMER_REAL:
        raise SyscallError(E.EINVAL, f"itimer {which}: only ITIMER_REAL is kept")


def read_itimerval(raw: bytes) -> tuple[int, int]:
    """A struct itimerval as (interval, value) in ns; a negative time or tv_usec out of 0..999999
    is EINVAL. Huge times are kept as they are: the deadline stops at KTIME_MAX."""
    isec, iusec, vsec, vusec = ITIMERVAL.unpack(raw)
    if min(isec, vsec) < 0 or not (0 <= iusec < 10**6 and 0 <= vusec < 10**6):
        raise SyscallError(E.EINVAL, "bad itimerval")
    return isec * 10**9 + iusec * 1000, vsec * 10**9 + vusec * 1000


def current_itimerval(k, p) -> bytes:
    """p's alarm as a struct itimerval: the period, and the time left rounded up to a microsecond
    (an alarm due but not yet rung shows 1 µs, never 0: 0 means none)."""
    left_us = 0 if p.alarm_at is None else max(-(-(p.alarm_at - k.clock_ns()) // 1000), 1)
    interval_us = -(-p.alarm_interval // 1000)
    return ITIMERVAL.pack(*divmod(interval_us, 10**6), *divmod(left_us, 10**6))


def ring_alarm(k, p, now: int) -> None:
    """p's alarm is due (p.alarm_at <= now): SIGALRM, and the next one a period later. A period
    that has already passed again (a tiny one) is not counted twice: signals do not queue."""
    signal.send(k, p, SIG.SIGALRM)                   # si_code SI_KERNEL, as Linux's
    if not p.alarm_interval:
        p.alarm_at = None
        return
    p.alarm_at = min(p.alarm_at + p.alarm_interval, KTIME_MAX)
    if p.alarm_at <= now:
        p.alarm_at = min(now + p.alarm_interval, KTIME_MAX)
