"""System calls on memory: mmap (anonymous or of a file, private or shared), munmap, mprotect,
msync and brk. The address space they change, slot and regions and pages, is vm.py; the objects
behind shared mappings, and the page cache of mapped files, are shm.py.
"""
from __future__ import annotations

from ufos.kernel import shm
from ufos.kernel.uapi import E, MAP, SyscallError
from ufos.kernel.uaccess import P, check_buffer

PAGE = 4096
PROT_RIGHTS = {MAP.PROT_NONE: "none", MAP.PROT_READ: "r", MAP.PROT_WRITE: "rw",
               MAP.PROT_READ | MAP.PROT_WRITE: "rw", MAP.PROT_EXEC: "rx", MAP.PROT_READ | MAP.PROT_EXEC: "rx"}
MS_FLAGS = MAP.MS_ASYNC | MAP.MS_INVALIDATE | MAP.MS_SYNC


def rights_of(prot: int) -> str:
    """The region rights for a PROT_* mask: EINVAL for an unknown bit; EACCES for writable and
    executable at once (W^X: a page is never both)."""
    if prot & ~(MAP.PROT_READ | MAP.PROT_WRITE | MAP.PROT_EXEC):
        raise SyscallError(E.EINVAL)
    if prot not in PROT_RIGHTS:
        raise SyscallError(E.EACCES, "writable and executable")
    return PROT_RIGHTS[prot]


def sys_mmap(k, p, a):
    """mmap(addr, length, prot, flags, fd, offset). addr is a hint, ignored, unless MAP_FIXED or
    MAP_FIXED_NOREPLACE make it the place (in the caller's slot: vm.AddressSpace.fixed_range)."""
    length, prot, flags, fd, offset = a.int(1), a.int32(2), a.int32(3), a.int32(4), a.int(5)
    kind = flags & MAP.MAP_TYPE
    if kind not in (MAP.MAP_SHARED, MAP.MAP_PRIVATE) or offset % PAGE or offset >> 62:
        raise SyscallError(E.EINVAL, "MAP_SHARED or MAP_PRIVATE, at a page-aligned offset")
    rights = rights_of(prot)
    shared = kind == MAP.MAP_SHARED
    if flags & MAP.MAP_ANONYMOUS:
        backing = {"shared": shm.SharedPages(k.vm)} if shared else {}
    else:
        backing = file_backing(k, p, fd, offset, shared, prot)
    fixed = a.cap(0).address if flags & (MAP.MAP_FIXED | MAP.MAP_FIXED_NOREPLACE) else None
    cap = p.space.mmap(length, rights, fixed, not flags & MAP.MAP_FIXED_NOREPLACE, **backing)
    k.check_isolation("mmap", p)
    return cap


def file_backing(k, p, fd: int, offset: int, shared: bool, prot: int) -> dict:
    """Where a file mapping's pages come from: its page cache (shared) or the file (private).
    As POSIX says: EBADF for no such descriptor, ENODEV for what is not a regular file,
    EACCES for a file not open for reading, or shared and writable but not open for writing."""
    f = p.fds.get(fd)
    if not getattr(f.node, "mappable", False):
        raise SyscallError(E.ENODEV, "only regular files can be mapped")
    if not f.readable or shared and prot & MAP.PROT_WRITE and not f.writable:
        raise SyscallError(E.EACCES, "the file's open mode does not allow this mapping")
    if shared:
        return {"shared": shm.file_pages(k.vm, f.node), "offset": offset, "may_write": f.writable}
    return {"file": f.node, "offset": offset}


def sys_munmap(k, p, a):
    length = a.int(1)
    va = check_buffer(k, p.space, a.cap(0), length, P["STORE"])
    p.space.munmap(va, length)
    return 0


def sys_mprotect(k, p, a):
    """New rights for pages the caller holds a capability to."""
    length, prot = a.int(1), a.int32(2)
    rights = rights_of(prot)
    p.space.mprotect(check_buffer(k, p.space, a.cap(0), length, 0), length, rights)
    return 0


def sys_msync(k, p, a):
    """msync(addr, length, flags): the shared file pages of the range go back to their files.
    MS_ASYNC does it now too (there is no disk to wait for); MS_INVALIDATE has nothing to do,
    as the mappings are the page cache itself."""
    length, flags = a.int(1), a.int32(2)
    if flags & ~MS_FLAGS or flags & MAP.MS_ASYNC and flags & MAP.MS_SYNC:
        raise SyscallError(E.EINVAL, "MS_ASYNC or MS_SYNC, not both")
    p.space.msync(check_buffer(k, p.space, a.cap(0), length, 0), length)
    return 0


def sys_brk(k, p, a):
    """The program break (vm.py AddressSpace.brk): a capability to the heap, its address at the
    break. libc's malloc does not use it (it maps with mmap); sbrk does."""
    cap = p.space.brk(a.int(0))
    k.check_isolation("brk", p)
    return cap
