"""Shared memory objects: the pages of a MAP_SHARED mapping, anonymous or of a file, and the page
cache that keeps a mapped file and its read() and write() coherent.

A MAP_SHARED mapping does not own its pages: a SharedPages object does, and every μprocess that
maps it (the one that called mmap, and every child forked since) maps the same frames. Nothing
about it is the fork policy's business: a shared page is never copied, never made read-only,
never relocated (fork.py sets it aside while the policy runs). Each μprocess reaches the frames
only through its own slot's virtual addresses, so the single-address-space invariant still
holds; and shared pages never hold a tagged capability (vm.Region.pte: no CAP_STORE), so nothing
one μprocess writes there can hand another a pointer into its slot (docs/isolation.md).

THE PAGE CACHE. A file mapped MAP_SHARED has one SharedPages object, found by the file's identity
(vm.files, by device and inode number). While it exists, its frames hold the file's current bytes
for the pages it has: write() goes to the file *and* into those frames, read() reads the file
and then the frames over it, so a store through the mapping is seen by read() at once and a write()
is seen by the mapping at once. The file itself gets the mapping's stores back on msync, and when
the last μprocess that maps it lets go (munmap, exit, exec): the file's last page is written back
only as far as the file's size (stores beyond its end are lost, as on Linux).

An anonymous MAP_SHARED object (how programs share memory across fork) is the same without a
file: its pages start zeroed and go away with their last user.
"""
from __future__ import annotations

from ufos.kernel.uapi import SyscallError

PAGE = 4096


class SharedPages:
    """The frames of one shared memory object, by page number in the object."""

    def __init__(self, vm, file=None, key=None):
        self.vm = vm
        self.file = file                 # the Inode whose pages these are, or None (anonymous)
        self.key = key                   # its identity in vm.files
        self.frames: dict[int, int] = {}
        self.users: set[int] = set()     # id() of the address spaces that have a region of it

    def frame(self, index: int, origin: int) -> int:
        """The frame of page `index`, made (zeroed, or the file's bytes) on first use, with one
        more reference: the page table entry the caller is about to write."""
        pa = self.frames.get(index)
        if pa is None:
            pa = self.vm.frames.alloc(origin)        # holds no capability: its origin never matters
            self.vm.memory.zero(pa, PAGE)
            self.vm.events.pages_zeroed += 1
            if self.file is not None:
                self.vm.memory.write(pa, file_bytes(self.vm, self.file, index * PAGE, PAGE))
            self.frames[index] = pa
        self.vm.frames.ref(pa)
        return pa

    # --- who maps it ------------------------------------------------------------------------------
    def attach(self, space) -> None:
        if not self.users and self.key is not None:
            self.vm.files[self.key] = self           # the file's page cache from now on
        self.users.add(id(space))

    def detach(self, space) -> None:
        """space has no region of this object any more; the last user's going frees it."""
        self.users.discard(id(space))
        if self.users:
            return
        if self.file is not None:
            try:
                self.write_back(0, max(self.frames, default=-1) + 1)
            except SyscallError:                     # the host file is gone: nothing to keep
                pass
            if self.vm.files.get(self.key) is self:
                del self.vm.files[self.key]
        for pa in self.frames.values():
            self.vm.frames.unref(pa)
        self.frames.clear()

    # --- coherence with the file ----------------------------------------------------------------
    def write_back(self, first: int, end: int) -> None:
        """msync: pages [first, end) of the object go back to the file, up to its size, where
        they differ from it (so an unchanged page never touches the file's modification time)."""
        size = self.file.stat().size
        for index in sorted(i for i in self.frames if first <= i < end):
            n = min(PAGE, size - index * PAGE)
            if n <= 0:
                continue
            data = self.vm.memory.read(self.frames[index], n)
            if data != self.file.read_at(index * PAGE, n):
                self.file.write_at(index * PAGE, data)

    def overlaps(self, offset: int, n: int):
        """(page's frame, offset in the page, offset in [offset, offset + n), length) for each
        page of the object this byte range of the file touches."""
        for index in range(offset // PAGE, (offset + n + PAGE - 1) // PAGE):
            pa = self.frames.get(index)
            if pa is None:
                continue
            lo, hi = max(offset, index * PAGE), min(offset + n, (index + 1) * PAGE)
            yield pa + lo - index * PAGE, lo - offset, hi - lo

    def read_over(self, offset: int, data: bytes) -> bytes:
        out = bytearray(data)
        for pa, at, n in self.overlaps(offset, len(data)):
            out[at:at + n] = self.vm.memory.read(pa, n)
        return bytes(out)

    def write_into(self, offset: int, data: bytes) -> None:
        for pa, at, n in self.overlaps(offset, len(data)):
            self.vm.memory.write(pa, data[at:at + n])

    def truncated(self, length: int) -> None:
        """The file now ends at length: the mapped bytes past it read as zeros (if it grows again)."""
        for pa, at, n in self.overlaps(length, max(self.frames, default=-1) * PAGE + PAGE - length):
            self.vm.memory.write(pa, bytes(n))


def file_key(node) -> tuple[int, int]:
    st = node.stat()
    return st.dev, st.ino


def file_pages(vm, node) -> SharedPages:
    """The page cache object of a file: the one its current mappings use, or a new one."""
    key = file_key(node)
    return vm.files.get(key) or SharedPages(vm, node, key)


def cached(vm, node) -> SharedPages | None:
    """The file's page cache object if some μprocess maps it shared (cheap when none does)."""
    return vm.files.get(file_key(node)) if vm.files else None


# --- the file's side: read(), write() and truncate() on a file that may be mapped ----------------
def read_file(vm, node, offset: int, n: int) -> bytes:
    data = node.read_at(offset, n)
    pages = cached(vm, node)
    return pages.read_over(offset, data) if pages else data


def file_bytes(vm, node, offset: int, n: int) -> bytes:
    """The file's bytes as a page fault reads them: an error (a host file deleted since) reads as
    zeros, since a fault cannot fail with an errno."""
    try:
        return read_file(vm, node, offset, n)
    except SyscallError:
        return b""


def write_file(vm, node, offset: int, data: bytes) -> int:
    n = node.write_at(offset, data)
    pages = cached(vm, node)
    if pages:
        pages.write_into(offset, data[:n])
    return n


def truncate_file(vm, node, length: int) -> None:
    node.truncate(length)
    pages = cached(vm, node)
    if pages:
        pages.truncated(length)
