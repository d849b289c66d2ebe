"""The kernel's access to what a μprocess hands it: system call arguments, checked.

A μprocess calls the kernel by branching through its sealed gate (docs/abi.md): the number is in
x8, the arguments in c0-c5. Every argument that is a pointer is a capability, and the kernel checks
it exactly as the hardware would check a load or store through it — tag, not sealed, permission,
bounds, alignment — and that it lies in the caller's slot, before touching memory (check_buffer).
A hybrid caller's pointers are integers: Args turns each into the capability it stands for, DDC at
that address (hybrid.py), and checks that the same way.
A bad one fails the call with EFAULT; it never becomes an exception in the kernel. At isolation
`off` the checks are skipped (a trusted μprocess: the paper's third level), but memory still goes
through the μprocess's own page table. Args is what a handler sees: xv6's argint, argaddr and
argstr, as methods. docs/isolation.md lists every place a capability crosses into the kernel.
"""
from __future__ import annotations

import struct


from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel import exec as execmod
from ufos.kernel import hybrid
from ufos.kernel.fs import PATH_MAX
from ufos.kernel.uapi import E, SyscallError

P = isa.PERM
NO_RETURN = object()            # a handler's result: the registers are already set (exit, execve)
RESTART = object()              # sigreturn's: the registers are set, and the call they made is made again
TIMESPEC = struct.Struct("<qq")         # struct timespec: seconds, nanoseconds (several calls read one)


def check_buffer(k, space, cap: Capability, length: int, perms: int, align: int = 1) -> int:
    """The address of [cap.address, +length) if cap allows `perms` on all of it; else EFAULT.
    Besides what the hardware checks, the capability must lie inside the caller's slot: no
    μprocess can hold one that does not, so one that does not is forged or a kernel bug, and the
    kernel will not be the one to use it. align: the alignment the access needs (16 for an array
    of capabilities, as a capability load would fault otherwise)."""
    address = cap.address
    if k.isolation == "off":
        return address
    if not cap.tag:
        raise SyscallError(E.EFAULT, f"untagged pointer {address:#x}")
    if cap.sealed:
        raise SyscallError(E.EFAULT, "sealed capability")
    if cap.perms & perms != perms:
        raise SyscallError(E.EFAULT, "missing permission")
    base, top = cap.base, cap.top
    if not space.base <= base <= top <= space.top:
        raise SyscallError(E.EFAULT, f"{cap!r} is outside the caller's slot")
    if length < 0 or address < base or address + length > top:
        raise SyscallError(E.EFAULT, f"{length} bytes at {address:#x} are outside {cap!r}")
    if address % align:
        raise SyscallError(E.EFAULT, f"{address:#x} is not aligned to {align} bytes")
    return address


class Args:
    """The arguments of the current system call, read and checked on demand."""

    def __init__(self, k, p):
        self.k, self.p, self.cpu, self.space = k, p, k.cpu, p.space
        self._hybrid = None

    @property
    def hybrid(self) -> bool:
        """Did hybrid (A64) code make the call? Asked only by the calls that take pointers, once.
        (Not functools.cached_property: that takes a lock, a microsecond a call on this path.)"""
        if self._hybrid is None:
            self._hybrid = hybrid.caller_is_hybrid(self.cpu)
        return self._hybrid

    @property
    def pointer_size(self) -> int:
        """How big a pointer is in the caller's structures: a capability, or a hybrid 8-byte integer."""
        return 8 if self.hybrid else 16

    def int(self, i: int) -> int:
        return self.cpu.x[i]

    def sint(self, i: int) -> int:
        v = self.cpu.x[i]
        return v - (1 << 64) if v >> 63 else v

    def int32(self, i: int) -> int:
        v = self.cpu.x[i] & 0xFFFFFFFF
        return v - (1 << 32) if v >> 31 else v

    def cap(self, i: int) -> Capability:
        """Argument i as a capability (a hybrid caller's integer pointer: the one it stands for)."""
        c = self.cpu.c[i]
        return c if c.tag or not self.hybrid else hybrid.data_pointer(self.cpu, c.address)

    def pointer_at(self, va: int) -> Capability:
        """A pointer the caller stored at va (checked readable): a capability, or a hybrid integer."""
        if self.hybrid:
            return hybrid.data_pointer(self.cpu, self.space.read_u64(va))
        return self.space.load_cap(va)

    def code_pointer_at(self, va: int) -> Capability:
        """A function pointer the caller stored at va (a hybrid one is an offset in its PCC)."""
        if self.hybrid:
            address = self.space.read_u64(va)
            return hybrid.code_pointer(self.cpu, address) if address > 1 else Capability.null().set_address(address)
        return self.space.load_cap(va)

    def store_pointer(self, va: int, cap: Capability, code: bool = False) -> None:
        """Hand the caller a pointer at va, in its representation."""
        if not self.hybrid:
            self.space.store_cap(va, cap)
        elif not cap.tag:
            self.space.write_u64(va, cap.address)
        else:
            self.space.write_u64(va, hybrid.code_offset(self.cpu, cap) if code else hybrid.offset_of(self.cpu, cap))

    @property
    def pointer_perms(self) -> int:
        """What reading a pointer from the caller's memory needs (LoadCap only for capabilities)."""
        return P["LOAD"] if self.hybrid else P["LOAD"] | P["LOAD_CAP"]

    @property
    def pointer_store_perms(self) -> int:
        """What handing the caller a pointer in its memory needs (StoreCap only for capabilities)."""
        return P["STORE"] if self.hybrid else P["STORE"] | P["STORE_CAP"]

    def is_null(self, i: int) -> bool:
        c = self.cpu.c[i]
        return not c.tag and c.address == 0

    def read(self, i: int, length: int) -> bytes:
        """Copy length bytes in from the buffer c<i> points at (checked first)."""
        if length == 0:
            return b""
        return self.space.read(check_buffer(self.k, self.space, self.cap(i), length, P["LOAD"]), length)

    def write(self, i: int, data: bytes) -> None:
        if data:
            self.space.write(check_buffer(self.k, self.space, self.cap(i), len(data), P["STORE"]), data)

    def writable(self, i: int, length: int) -> int:
        return check_buffer(self.k, self.space, self.cap(i), length, P["STORE"])

    def string(self, i: int) -> str:
        return read_string(self.k, self.space, self.cap(i))

    def strings(self, i: int) -> list[bytes]:
        """A NULL-terminated array of C strings (argv, envp)."""
        if self.is_null(i):
            return []
        cap, out, total, size = self.cap(i), [], 0, self.pointer_size
        while True:
            va = check_buffer(self.k, self.space, cap, size, self.pointer_perms, align=size)
            item = self.pointer_at(va)
            if not item.tag and item.address == 0:
                return out
            s = read_string(self.k, self.space, item, execmod.ARG_MAX).encode("utf-8", "surrogateescape")
            total += len(s) + 17
            if total > execmod.ARG_MAX:
                raise SyscallError(E.E2BIG)
            out.append(s)
            cap = cap.add(size)


def read_string(k, space, cap: Capability, limit: int = PATH_MAX) -> str:
    """A NUL-terminated string inside cap's bounds (EFAULT if it runs past them)."""
    va = check_buffer(k, space, cap, 1, P["LOAD"])
    room = cap.top - va if k.isolation != "off" else limit
    out = bytearray()
    while True:
        n = min(room - len(out), 4096 - (va + len(out)) % 4096, limit + 1 - len(out))
        if n <= 0:
            raise SyscallError(E.ENAMETOOLONG if len(out) > limit else E.EFAULT, "unterminated string")
        chunk = space.read(va + len(out), n)
        end = chunk.find(b"\0")
        if end >= 0:
            return (out + chunk[:end]).decode("utf-8", "surrogateescape")
        out += chunk
