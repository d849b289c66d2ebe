"""Open files and file descriptor tables.

A File is an *open file description*: what open(), pipe() or the console made, with its offset and
its flags. A file descriptor is a μprocess's index into its FdTable; dup() and fork() make two
descriptors share one File — and so its offset, as POSIX requires (`(echo a; echo b) > f` writes
both lines because the two echos share the shell's offset).

What a File reads and writes is its *node*: a file or directory of a file system (fs/), one end of
a pipe (pipe.py), or a device (the console, /dev/null). Every node has the same few methods:

    read(k, p, file, n) -> bytes         (b"" at end of file; raises WouldBlock to wait)
    write(k, p, file, data) -> int       (bytes taken; raises WouldBlock to wait)
    poll(k, file) -> POLLIN | POLLOUT | POLLHUP ...
    stat() -> fs.Stat
    release(k, file)                     (the last descriptor of the File was closed)
    seekable, is_tty                     (class attributes)
"""
from __future__ import annotations

from ufos.kernel.sched import WouldBlock
from ufos.kernel.uapi import E, O, SyscallError

MAX_FDS = 256


class File:
    def __init__(self, node, flags: int, path: str = ""):
        self.node = node
        self.flags = flags
        self.path = path                 # the path it was opened by, or "pipe", "socket": /proc/PID/fd
        self.offset = 0
        self.refs = 1                    # descriptors (in every table) that refer to it

    @property
    def readable(self) -> bool:
        return self.flags & O.O_ACCMODE in (O.O_RDONLY, O.O_RDWR)

    @property
    def writable(self) -> bool:
        return self.flags & O.O_ACCMODE in (O.O_WRONLY, O.O_RDWR)

    def read(self, k, p, n: int) -> bytes:
        if not self.readable:
            raise SyscallError(E.EBADF, "not open for reading")
        return self.node.read(k, p, self, n)

    def write(self, k, p, data: bytes) -> int:
        if not self.writable:
            raise SyscallError(E.EBADF, "not open for writing")
        return self.node.write(k, p, self, data)


class FdTable:
    def __init__(self):
        self.files: dict[int, File] = {}
        self.cloexec: set[int] = set()

    def get(self, fd: int) -> File:
        f = self.files.get(fd)
        if f is None:
            raise SyscallError(E.EBADF, f"fd {fd} is not open")
        return f

    def install(self, f: File, lowest: int = 0, cloexec: bool = False) -> int:
        """Give f the lowest free descriptor >= lowest (EMFILE if none)."""
        fd = lowest
        while fd in self.files:
            fd += 1
        if fd >= MAX_FDS:
            raise SyscallError(E.EMFILE)
        self.files[fd] = f
        if cloexec:
            self.cloexec.add(fd)
        return fd

    def dup(self, f: File, lowest: int = 0, cloexec: bool = False) -> int:
        """Another descriptor for the same File (dup, F_DUPFD)."""
        fd = self.install(f, lowest, cloexec)
        f.refs += 1
        return fd

    def close(self, k, fd: int) -> None:
        f = self.get(fd)
        del self.files[fd]
        self.cloexec.discard(fd)
        release(k, f)

    def dup2(self, k, old: int, new: int, cloexec: bool = False) -> int:
        f = self.get(old)
        if not 0 <= new < MAX_FDS:
            raise SyscallError(E.EBADF)
        if old == new:
            return new
        if new in self.files:
            self.close(k, new)
        f.refs += 1
        self.files[new] = f
        if cloexec:
            self.cloexec.add(new)
        return new

    def duplicate(self) -> "FdTable":
        """fork: the child's table refers to the same Files."""
        t = FdTable()
        t.files = dict(self.files)
        t.cloexec = set(self.cloexec)
        for f in t.files.values():
            f.refs += 1
        return t

    def close_on_exec(self, k) -> None:
        for fd in sorted(self.cloexec):
            self.close(k, fd)

    def close_all(self, k) -> None:
        for fd in sorted(self.files):
            self.close(k, fd)


def release(k, f: File) -> None:
    f.refs -= 1
    if f.refs == 0:
        f.node.release(k, f)


def nonblocking(f: File, op, dontwait: bool = False):
    """op(), but EAGAIN instead of sleeping if the file is O_NONBLOCK (or the call said so)."""
    try:
        return op()
    except WouldBlock:
        if f.flags & O.O_NONBLOCK or dontwait:
            raise SyscallError(E.EAGAIN)
        raise
