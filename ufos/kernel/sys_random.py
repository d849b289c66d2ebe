"""getrandom, random bytes without a file (sys/random.h; glibc's getentropy is built on it): the
same generator /dev/urandom reads (tty.py RandomDevice), the kernel's, seeded at boot, so a run
with a seed gives the same bytes every time. It never blocks (the generator is always ready),
so GRND_NONBLOCK changes nothing, and GRND_RANDOM draws from the same generator; a flag Linux does
not know, or GRND_RANDOM with GRND_INSECURE, is EINVAL. A request is filled up to 1 MiB at a time,
as read() is: the caller asks again for the rest, as getrandom(2) allows.
"""
from __future__ import annotations

from types import SimpleNamespace

from ufos.kernel.uaccess import Args
from ufos.kernel.uapi import E, SyscallError, defines

GRND = SimpleNamespace(**defines("sys/random.h", "GRND_"))     # GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE
CHUNK = 1 << 20


def sys_getrandom(k, p, a: Args):
    n, flags = min(a.int(1), CHUNK), a.int32(2)
    both = GRND.GRND_RANDOM | GRND.GRND_INSECURE
    if flags & ~(GRND.GRND_NONBLOCK | both) or flags & both == both:
        raise SyscallError(E.EINVAL, f"getrandom flags {flags:#x}")
    if n == 0:
        return 0
    p.space.write(a.writable(0, n), k.rng.randbytes(n))
    return n
