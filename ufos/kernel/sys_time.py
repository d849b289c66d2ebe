"""System calls on time and waiting: nanosleep, the clocks, and ppoll (which waits on many
descriptors at once). Time is the kernel's clock (boot.py: Kernel.clock_ns).
"""
from __future__ import annotations

import struct

from ufos.kernel.sched import WouldBlock
from ufos.kernel.uapi import E, SyscallError
from ufos.kernel.uaccess import TIMESPEC, Args

POLLFD = struct.Struct("<ihh")
KTIME_MAX = (1 << 63) - 1       # the latest deadline, in ns of the kernel's clock (as Linux)


def sys_nanosleep(k, p, a: Args):
    if p.deadline is None:
        p.deadline = deadline_after(k, a.read(0, TIMESPEC.size))
    if k.clock_ns() < p.deadline:
        raise WouldBlock(k.timers, p.deadline)
    return 0


def deadline_after(k, timespec: bytes) -> int:
    """When a timeout (a struct timespec) that starts now ends, on the kernel's clock. A negative
    or malformed one is EINVAL. A huge one ends at KTIME_MAX, as on Linux: the kernel's clock and
    every time it hands back stay 64-bit numbers whatever a μprocess asks for."""
    sec, nsec = TIMESPEC.unpack(timespec)
    if sec < 0 or not 0 <= nsec < 10**9:
        raise SyscallError(E.EINVAL, "bad timespec")
    return min(k.clock_ns() + sec * 10**9 + nsec, KTIME_MAX)


def sys_clock_gettime(k, p, a: Args):
    now = k.clock_ns() + (k.realtime_base_ns if a.int32(0) == 0 else 0)
    a.write(1, TIMESPEC.pack(*divmod(now, 10**9)))
    return 0


def sys_gettimeofday(k, p, a: Args):
    sec, nsec = divmod(k.clock_ns() + k.realtime_base_ns, 10**9)
    if not a.is_null(0):
        a.write(0, TIMESPEC.pack(sec, nsec // 1000))
    return 0


def sys_ppoll(k, p, a: Args):
    nfds = a.int(1)
    if nfds > 256:
        raise SyscallError(E.EINVAL)
    raw = a.read(0, 8 * nfds)
    if p.deadline is None and not a.is_null(2):
        p.deadline = deadline_after(k, a.read(2, TIMESPEC.size))
    out, ready = bytearray(), 0
    for i in range(nfds):
        fd, events, _ = POLLFD.unpack_from(raw, 8 * i)
        f = p.fds.files.get(fd)
        revents = 0x20 if f is None and fd >= 0 else (f.node.poll(k, f) & (events | 0x18)) if f else 0
        ready += bool(revents)
        out += POLLFD.pack(fd, events, revents)
    if ready or (p.deadline is not None and k.clock_ns() >= p.deadline):
        a.write(0, bytes(out))
        return ready
    raise WouldBlock(k.polling, p.deadline)
