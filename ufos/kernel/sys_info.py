"""sysinfo, the state of the whole machine in one call (lab syscall, labs/syscall/README.md): how
long it has been up, how many μprocesses are alive, how much physical memory there is, free, and
shared between μprocesses after fork. The caller hands a pointer to a struct sysinfo of Linux's
layout (userland/include/sys/sysinfo.h); the kernel checks it, then writes the struct once.
"""
from __future__ import annotations

import struct

from ufos.machine import isa
from ufos.kernel.uaccess import Args, check_buffer
from ufos.kernel.uapi import E, SyscallError  # noqa: F401 (the lab's student edition raises ENOSYS)
from ufos.kernel.vm import PAGE

# struct sysinfo, as sys/sysinfo.h lays it out: uptime, loads[3], totalram, freeram, sharedram,
# bufferram, totalswap, freeswap, procs, pad, (4 bytes of padding), totalhigh, freehigh, mem_unit,
# (4 bytes of padding: the struct is a multiple of its 8-byte alignment)
SYSINFO = struct.Struct("<q3Q6QHH4xQQI4x")


def sys_sysinfo(k, p, a: Args):
    # BEGIN SOLUTION syscall
    # Check the whole buffer before anything else, as the machine would check each store of the
    # struct's fields: a bad pointer fails with EFAULT and nothing is written. No alignment: the
    # machine stores a misaligned long (only a capability must be aligned), and so does Linux.
    va = check_buffer(k, p.space, a.cap(0), SYSINFO.size, isa.PERM["STORE"])
    frames = k.vm.frames
    shared = sum(1 for refs in frames.refs if refs > 1)      # a frame mapped by more than one slot
    procs = min(len(k.procs.live()), 0xFFFF)
    info = SYSINFO.pack(k.clock_ns() // 10**9, 0, 0, 0, frames.total, len(frames.free), shared, 0, 0, 0,
                        procs, 0, 0, 0, PAGE)
    p.space.write(va, info)
    return 0
    # STUB
    # raise SyscallError(E.ENOSYS, "sysinfo is not written yet (lab syscall)")
    # END SOLUTION
