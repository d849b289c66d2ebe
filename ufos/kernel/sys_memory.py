"""System calls on memory: mmap (anonymous), munmap, mprotect and brk. The address space they
change, slot and regions and pages, is vm.py.
"""
from __future__ import annotations


from ufos.kernel.uapi import E, MAP, SyscallError
from ufos.kernel.uaccess import P, Args, check_buffer


def sys_mmap(k, p, a: Args):
    length, flags, fd = a.int(1), a.int32(3), a.int32(4)
    if not flags & MAP.MAP_ANONYMOUS or flags & MAP.MAP_FIXED or fd != -1:
        raise SyscallError(E.EINVAL, "only anonymous mappings")
    cap = p.space.mmap(length)
    k.check_isolation("mmap", p)
    return cap


def sys_munmap(k, p, a: Args):
    length = a.int(1)
    va = check_buffer(k, p.space, a.cap(0), length, P["STORE"])
    p.space.munmap(va, length)
    return 0


PROT_RIGHTS = {MAP.PROT_NONE: "none", MAP.PROT_READ: "r", MAP.PROT_WRITE: "rw",
               MAP.PROT_READ | MAP.PROT_WRITE: "rw", MAP.PROT_EXEC: "rx", MAP.PROT_READ | MAP.PROT_EXEC: "rx"}


def sys_mprotect(k, p, a: Args):
    """New rights for pages the caller holds a capability to. W^X: a page is never writable
    and executable at once (EACCES)."""
    length, prot = a.int(1), a.int32(2)
    if prot & ~(MAP.PROT_READ | MAP.PROT_WRITE | MAP.PROT_EXEC):
        raise SyscallError(E.EINVAL)
    if prot not in PROT_RIGHTS:
        raise SyscallError(E.EACCES, "writable and executable")
    p.space.mprotect(check_buffer(k, p.space, a.cap(0), length, 0), length, PROT_RIGHTS[prot])
    return 0


def sys_brk(k, p, a: Args):
    """The program break (vm.py AddressSpace.brk): a capability to the heap, its address at the
    break. libc's malloc does not use it (it maps with mmap); sbrk does."""
    cap = p.space.brk(a.int(0))
    k.check_isolation("brk", p)
    return cap
