"""/dev/fd, /dev/stdin, /dev/stdout and /dev/stderr: names for the opener's own descriptors.

    /dev/fd/N       the descriptor N of the μprocess that looks (as /proc/self: kernel.current);
                    /dev/fd is a file system of its own mounted there (rootfs.py), as on the BSDs
    /dev/stdin      /dev/fd/0; /dev/stdout and /dev/stderr are 1 and 2

A DescriptorName is also where a link /proc/PID/fd/N leads when it is followed (procfs.py): there
it names descriptor N of that one μprocess, whoever looks, and only that μprocess may open it.

Opening one of these names duplicates the descriptor (sys_openat), as the BSDs' fdescfs does, so a
script's `echo oops >/dev/stderr` reaches its standard error wherever that goes, and `cat
/dev/fd/3` reads what descriptor 3 reads, from where it is. (Linux makes them symbolic links to
/proc/self/fd/N and opening one reopens the file: the same for a pipe or a terminal; for a regular
file the new descriptor gets an offset of its own.) A duplicate has the rights of the descriptor
it copies, no more: asking to write through a descriptor open only for reading is EACCES, as on
the BSDs (where Linux would reopen the file for writing).

stat follows the name to the open file: stat("/dev/fd/N") is fstat(N), as on Linux, where stat
follows the link (so `test -p /dev/stdin` asks about standard input, not about a device).

A number whose descriptor is not open names nothing that can be opened or stat'ed: EBADF, as on
the BSDs (Linux says ENOENT, having no such link). Only a number written as the listing writes it
(decimal, no sign, no leading zero) is a name here; anything else ("1x", "-1", "01") is ENOENT.
Listing /dev/fd (getdents) gives the looker's open descriptors, the one it lists through included.
"""
from __future__ import annotations

from ufos.kernel.file import File
from ufos.kernel.fs import Inode, dir_stat, new_ino
from ufos.kernel.uapi import E, O, SyscallError


def opener(k):
    """The μprocess whose descriptors these names are: the one making the system call."""
    if k.current is None:           # the host looking (the console's completion): no descriptors
        raise SyscallError(E.EBADF, "no μprocess is looking")
    return k.current


def descriptor_number(name: str) -> int | None:
    """The descriptor a name in /dev/fd or /proc/PID/fd stands for: only a number written as the
    listing writes it (decimal, no sign, no leading zero) is one, else None."""
    canonical = name.isascii() and name.isdigit() and (name == "0" or not name.startswith("0"))
    return int(name) if canonical else None


class DescriptorName(Inode):
    """The name of one descriptor: the opener's (its number, not its file: which file it is depends
    on who opens it, and when), or, with an owner, that μprocess's (/proc/PID/fd/N)."""
    kind = "dev"
    seekable = False

    def __init__(self, k, fd: int, owner=None):
        self.k, self.fd, self.owner = k, fd, owner

    def file(self):
        """The open File this name stands for now (EBADF if the descriptor is not open)."""
        return (self.owner or opener(self.k)).fds.get(self.fd)

    def stat(self):
        return self.file().node.stat()

    def duplicate(self, p, flags: int) -> int:
        """open(): a new descriptor of p's for the same File, if flags ask no more than it has.
        Another μprocess's descriptor is never p's to have (EACCES), whatever it is open on."""
        if self.owner is not None and self.owner is not p:
            raise SyscallError(E.EACCES, "another μprocess's descriptor")
        f = self.file()
        if flags & O.O_DIRECTORY and f.node.kind != "dir":
            raise SyscallError(E.ENOTDIR)
        wanted = File(f.node, flags)
        if wanted.readable and not f.readable or wanted.writable and not f.writable:
            raise SyscallError(E.EACCES, "a duplicate cannot add a right")
        return p.fds.dup(f, cloexec=bool(flags & O.O_CLOEXEC))


class DescriptorDir(Inode):
    """/dev/fd: its entries are the opener's open descriptors."""
    kind = "dir"

    def __init__(self, k):
        self.k = k
        self.ino = new_ino()

    def stat(self):
        return dir_stat(self.ino, mode=0o555)

    def lookup(self, name):
        fd = descriptor_number(name)
        return DescriptorName(self.k, fd) if fd is not None else None

    def entries(self):
        if self.k.current is None:
            return []
        return [(str(fd), DescriptorName(self.k, fd)) for fd in sorted(self.k.current.fds.files)]
