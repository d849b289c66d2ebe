"""The RAM file system: the root of the tree, /tmp and /bin live here, in host memory.

Nothing here outlives a boot (that is what /host is for). Files and directories keep one time,
the modification time (stat shows it as all three). /bin and /etc come from the root image
(initrd.py).
"""
from __future__ import annotations

import time

from ufos.kernel.fs import Inode, Stat, dir_stat, new_ino
from ufos.kernel.uapi import E, S, SyscallError

MAX_FILE = 64 << 20              # one RAM file at most (EFBIG beyond)


class RamFile(Inode):
    kind = "file"
    mappable = True

    def __init__(self, data: bytes = b"", mode: int = 0o644):
        self.ino = new_ino()
        self.data = bytearray(data)
        self.mode = mode
        self.mtime_ns = time.time_ns()
        self.nlink = 0                  # the names it has: RamDir counts them (0: only open files)

    def stat(self) -> Stat:
        return Stat(ino=self.ino, mode=S.S_IFREG | self.mode, size=len(self.data), mtime_ns=self.mtime_ns,
                    nlink=self.nlink)

    def read_at(self, offset: int, n: int) -> bytes:
        return bytes(self.data[offset:offset + n])

    def write_at(self, offset: int, data: bytes) -> int:
        if offset + len(data) > MAX_FILE:
            raise SyscallError(E.EFBIG)
        buf = self.data
        if offset > len(buf):
            buf.extend(bytes(offset - len(buf)))
        buf[offset:offset + len(data)] = data
        self.mtime_ns = time.time_ns()
        return len(data)

    def truncate(self, length: int) -> None:
        if length > MAX_FILE:
            raise SyscallError(E.EFBIG)
        buf = self.data
        if length < len(buf):
            del buf[length:]
        else:
            buf.extend(bytes(length - len(buf)))
        self.mtime_ns = time.time_ns()

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        if mtime_ns is not None:
            self.mtime_ns = mtime_ns

    def chmod(self, mode: int) -> None:
        self.mode = mode


class RamSymlink(Inode):
    """A symbolic link: a name whose content is another path (fs/__init__.py follows it)."""
    kind = "link"
    seekable = False

    def __init__(self, target: str):
        self.ino = new_ino()
        self.target = target
        self.mtime_ns = time.time_ns()
        self.nlink = 0

    def stat(self) -> Stat:
        return Stat(ino=self.ino, mode=S.S_IFLNK | 0o777, size=len(self.target.encode("utf-8", "surrogateescape")),
                    mtime_ns=self.mtime_ns, nlink=self.nlink)

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        if mtime_ns is not None:
            self.mtime_ns = mtime_ns


class RamDir(Inode):
    kind = "dir"

    def __init__(self):
        self.ino = new_ino()
        self.children: dict[str, Inode] = {}
        self.mtime_ns = time.time_ns()
        self.mode = 0o755

    def stat(self) -> Stat:
        s = dir_stat(self.ino, 2 + sum(1 for c in self.children.values() if c.kind == "dir"), self.mode)
        s.mtime_ns = self.mtime_ns
        return s

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        if mtime_ns is not None:
            self.mtime_ns = mtime_ns

    def chmod(self, mode: int) -> None:
        self.mode = mode

    def lookup(self, name: str) -> Inode | None:
        return self.children.get(name)

    def entries(self) -> list[tuple[str, Inode]]:
        return sorted(self.children.items())

    def add(self, name: str, inode: Inode) -> Inode:
        if name in self.children:
            raise SyscallError(E.EEXIST)
        self.children[name] = inode
        _count_name(inode, +1)
        return inode

    def link(self, name: str, inode: Inode) -> None:
        """A second name for a file (or a symbolic link) of this file system (link())."""
        if not isinstance(inode, (RamFile, RamSymlink)):
            raise SyscallError(E.EXDEV)
        self.add(name, inode)

    def symlink(self, name: str, target: str) -> Inode:
        return self.add(name, RamSymlink(target))

    def create(self, name: str) -> Inode:
        return self.add(name, RamFile())

    def mkdir(self, name: str) -> Inode:
        return self.add(name, RamDir())

    def unlink(self, name: str) -> None:
        node = self.children.get(name)
        if node is None:
            raise SyscallError(E.ENOENT)
        if node.kind == "dir":
            raise SyscallError(E.EISDIR)
        del self.children[name]
        _count_name(node, -1)

    def rmdir(self, name: str) -> None:
        node = self.children.get(name)
        if node is None:
            raise SyscallError(E.ENOENT)
        if node.kind != "dir":
            raise SyscallError(E.ENOTDIR)
        if node.children:
            raise SyscallError(E.ENOTEMPTY)
        del self.children[name]

    def rename(self, name: str, to_dir: Inode, to_name: str) -> None:
        node = self.children.get(name)
        if node is None:
            raise SyscallError(E.ENOENT)
        if not isinstance(to_dir, RamDir):
            raise SyscallError(E.EXDEV)
        old = to_dir.children.get(to_name)
        if old is node and node.kind != "dir":
            return              # two names of one file: POSIX says rename does nothing at all
        if old is not None and old is not node:
            if old.kind == "dir" and (node.kind != "dir" or old.children):
                raise SyscallError(E.EISDIR if node.kind != "dir" else E.ENOTEMPTY)
            if old.kind != "dir" and node.kind == "dir":
                raise SyscallError(E.ENOTDIR)
        if node.kind == "dir" and _contains(node, to_dir):
            raise SyscallError(E.EINVAL, "a directory cannot move into itself")
        del self.children[name]
        if old is not None:
            _count_name(old, -1)
        to_dir.children[to_name] = node


def _count_name(node: Inode, change: int) -> None:
    """A file's link count follows the names it is given and loses (a directory's is counted from
    its subdirectories, in RamDir.stat)."""
    if isinstance(node, (RamFile, RamSymlink)):
        node.nlink += change


def _contains(d: RamDir, other: Inode) -> bool:
    if d is other:
        return True
    return any(c.kind == "dir" and isinstance(c, RamDir) and _contains(c, other) for c in d.children.values())
