"""The file system tree: path names, mount points, and what every file and directory can do.

The tree is the RAM root (ramfs.py) with other file systems mounted on it: /host (a directory of
the host, hostfs.py), /dev (devfs.py) and /proc (procfs.py). Path names are resolved here, one
component at a time from the root; `..` is taken away lexically first (there are no symbolic
links), so a path can never climb out of a mount such as /host. A hard link (link()) gives a file
a second name in the same file system only: EXDEV across mounts.

Inodes are the files and directories. A regular file's inode is also the node of the Files that
open it (file.py): read and write go through its offset, and through the page cache of the
file's shared mappings (shm.py) when it has some.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from ufos.kernel import shm
from ufos.kernel.uapi import E, POLL, S, SyscallError

PATH_MAX = 4096
NAME_MAX = 255
_inode_numbers = count(1)


def new_ino() -> int:
    return next(_inode_numbers)


@dataclass
class Stat:
    ino: int
    mode: int                    # S_IF* | permission bits
    size: int = 0
    mtime_ns: int = 0
    nlink: int = 1
    dev: int = 1
    rdev: int = 0


class Inode:
    """What every file and directory has; subclasses fill in the rest."""
    kind = "file"                # file | dir | dev
    seekable = True
    is_tty = False
    mappable = False             # mmap may map it (regular files: read_at, write_at, truncate)

    def stat(self) -> Stat:
        raise NotImplementedError

    # --- as the node of an open File (file.py) ---------------------------------------------------
    def read(self, k, p, f, n: int) -> bytes:
        if self.kind == "dir":
            raise SyscallError(E.EISDIR)
        data = shm.read_file(k.vm, self, f.offset, n)        # the mapped pages' bytes too
        f.offset += len(data)
        return data

    def write(self, k, p, f, data: bytes) -> int:
        if self.kind == "dir":
            raise SyscallError(E.EISDIR)
        from ufos.kernel.uapi import O
        if f.flags & O.O_APPEND:
            f.offset = self.stat().size
        n = shm.write_file(k.vm, self, f.offset, data)       # into the mapped pages too
        f.offset += n
        return n

    def poll(self, k, f) -> int:
        return POLL.POLLIN | POLL.POLLOUT

    def release(self, k, f) -> None:
        pass

    # --- directories ---------------------------------------------------------------------------
    def lookup(self, name: str) -> "Inode | None":
        raise SyscallError(E.ENOTDIR)

    def entries(self) -> list[tuple[str, "Inode"]]:
        raise SyscallError(E.ENOTDIR)

    def create(self, name: str) -> "Inode":
        raise SyscallError(E.EACCES, "read-only file system")

    def mkdir(self, name: str) -> "Inode":
        raise SyscallError(E.EACCES, "read-only file system")

    def unlink(self, name: str) -> None:
        raise SyscallError(E.EACCES, "read-only file system")

    def rmdir(self, name: str) -> None:
        raise SyscallError(E.EACCES, "read-only file system")

    def link(self, name: str, inode: "Inode") -> None:
        raise SyscallError(E.EXDEV, "a link only within one file system")

    def rename(self, name: str, to_dir: "Inode", to_name: str) -> None:
        raise SyscallError(E.EACCES, "read-only file system")

    # --- regular files -----------------------------------------------------------------------
    def read_at(self, offset: int, n: int) -> bytes:
        raise SyscallError(E.EINVAL)

    def write_at(self, offset: int, data: bytes) -> int:
        raise SyscallError(E.EINVAL)

    def truncate(self, length: int) -> None:
        raise SyscallError(E.EINVAL)

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        """utimensat: new access and modification times (None: leave it)."""
        raise SyscallError(E.EACCES, "read-only file system")

    def chmod(self, mode: int) -> None:
        """chmod: new permission bits (0o7777). (Not "set_mode": a terminal's set_mode is its
        termios mode, and a chmod of /dev/tty must not call that.)"""
        raise SyscallError(E.EPERM, "this file's mode cannot change")


def dir_stat(ino: int, nlink: int = 2, mode: int = 0o755) -> Stat:
    return Stat(ino=ino, mode=S.S_IFDIR | mode, size=4096, nlink=nlink)


class VFS:
    """The mount table and path resolution."""

    def __init__(self, root: Inode):
        self.root = root
        self.mounts: dict[str, Inode] = {}

    def mount(self, path: str, inode: Inode) -> None:
        self.mounts[path] = inode

    @staticmethod
    def normalize(path: str, cwd: str) -> str:
        """An absolute path with no `.`, `..` or repeated slashes (ENOENT for "")."""
        if not path:
            raise SyscallError(E.ENOENT, "empty path")
        if len(path) >= PATH_MAX:
            raise SyscallError(E.ENAMETOOLONG)
        parts: list[str] = []
        for comp in (path if path.startswith("/") else cwd + "/" + path).split("/"):
            if comp in ("", "."):
                continue
            if comp == "..":
                if parts:
                    parts.pop()
            elif len(comp) > NAME_MAX:
                raise SyscallError(E.ENAMETOOLONG)
            else:
                parts.append(comp)
        return "/" + "/".join(parts)

    @staticmethod
    def names_a_directory(path: str) -> bool:
        """Whether path ends in / or /. : it then names a directory or nothing (POSIX 4.13), a
        fact normalize() takes away with the trailing slash."""
        return path.endswith(("/", "/.")) or path == "."

    def lookup(self, path: str, cwd: str = "/") -> Inode:
        """The inode a path names (ENOENT, ENOTDIR: also for a file named as "file/")."""
        node = self.root
        prefix = ""
        for comp in self.normalize(path, cwd).split("/")[1:]:
            if not comp:
                continue
            prefix += "/" + comp
            if prefix in self.mounts:
                node = self.mounts[prefix]
                continue
            if node.kind != "dir":
                raise SyscallError(E.ENOTDIR, prefix)
            child = node.lookup(comp)
            if child is None:
                raise SyscallError(E.ENOENT, prefix)
            node = child
        if node.kind != "dir" and self.names_a_directory(path):
            raise SyscallError(E.ENOTDIR, path)
        return node

    def lookup_parent(self, path: str, cwd: str = "/") -> tuple[Inode, str]:
        """The directory that holds (or would hold) path's last component, and that name."""
        full = self.normalize(path, cwd)
        if full == "/" or full in self.mounts:
            raise SyscallError(E.EBUSY, "a mount point")
        head, name = full.rsplit("/", 1)
        parent = self.lookup(head or "/")
        if parent.kind != "dir":
            raise SyscallError(E.ENOTDIR)
        return parent, name
