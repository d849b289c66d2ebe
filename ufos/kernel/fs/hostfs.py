"""/host: a directory of the host machine, seen inside ufos (default ./ufos-data, or --share DIR).

Files written here outlive the boot — a Redis dump.rdb, a student's output. ufos does not litter
the host: the directory is made when the guest first writes to /host (HostRoot), and reads as an
empty directory until then. Names are looked up
one component at a time inside the shared directory; the host's symbolic links are not shown (a
link could point anywhere on the host) and none can be made here (EPERM), and `..` never reaches
this file system (the path walk, fs/__init__.py, goes back up by itself), so nothing outside the
shared directory can be named.
"""
from __future__ import annotations

import os
import stat as st

from ufos.kernel.fs import Inode, Stat, dir_stat
from ufos.kernel.uapi import E, S, SyscallError


def host(fn, *args):
    """Call a host function; an OSError becomes the same errno inside ufos (matched by name, as
    the host may not be Linux). A number the host's C types cannot hold (an offset or a time past
    64 bits: Python's OverflowError) is EOVERFLOW, as Linux says of a value that does not fit."""
    import errno as host_errno
    try:
        return fn(*args)
    except OSError as e:
        name = host_errno.errorcode.get(e.errno, "EIO")
        raise SyscallError(getattr(E, name, E.EIO), str(e))
    except OverflowError as e:
        raise SyscallError(E.EOVERFLOW, str(e))


def _node(path: str) -> Inode | None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError:
        info = host(os.lstat, path)
    if st.S_ISDIR(info.st_mode):
        return HostDir(path)
    if st.S_ISREG(info.st_mode):
        return HostFile(path)
    return None                                  # links, sockets, devices: not shown


def _read(path: str, offset: int, n: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)      # a bare descriptor: Python's buffered file costs more
    try:                                 # than the read itself (a web server reads per request)
        return os.pread(fd, n, offset)
    finally:
        os.close(fd)


def _write(path: str, offset: int, data: bytes) -> int:
    with open(path, "r+b") as f:
        f.seek(offset)
        return f.write(data)


def set_host_times(path: str, atime_ns: int | None, mtime_ns: int | None) -> None:
    """utimensat on the host file: None keeps that time as it is."""
    info = host(os.stat, path)
    times = (info.st_atime_ns if atime_ns is None else atime_ns,
             info.st_mtime_ns if mtime_ns is None else mtime_ns)
    host(lambda: os.utime(path, ns=times))


class HostFile(Inode):
    kind = "file"
    mappable = True

    def __init__(self, path: str):
        self.path = path

    def stat(self) -> Stat:
        info = host(os.stat, self.path)
        return Stat(ino=info.st_ino, mode=S.S_IFREG | (info.st_mode & 0o7777), size=info.st_size,
                    mtime_ns=info.st_mtime_ns, nlink=info.st_nlink, dev=2)

    def read_at(self, offset: int, n: int) -> bytes:
        return host(_read, self.path, offset, n)

    def write_at(self, offset: int, data: bytes) -> int:
        return host(_write, self.path, offset, data)

    def truncate(self, length: int) -> None:
        host(os.truncate, self.path, length)

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        set_host_times(self.path, atime_ns, mtime_ns)

    def chmod(self, mode: int) -> None:
        host(os.chmod, self.path, mode & 0o7777)


class HostDir(Inode):
    kind = "dir"

    def __init__(self, path: str):
        self.path = path

    def stat(self) -> Stat:
        info = host(os.stat, self.path)
        s = dir_stat(info.st_ino, nlink=info.st_nlink, mode=info.st_mode & 0o7777)
        s.dev, s.mtime_ns = 2, info.st_mtime_ns
        return s

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        set_host_times(self.path, atime_ns, mtime_ns)

    def chmod(self, mode: int) -> None:
        host(os.chmod, self.path, mode & 0o7777)

    def _child(self, name: str) -> str:
        return os.path.join(self.path, name)

    def lookup(self, name: str) -> Inode | None:
        return _node(self._child(name))

    def entries(self) -> list[tuple[str, Inode]]:
        names = sorted(host(os.listdir, self.path))
        return [(n, node) for n in names if (node := _node(self._child(n))) is not None]

    def create(self, name: str) -> Inode:
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY
        os.close(host(os.open, self._child(name), flags, 0o644))
        return HostFile(self._child(name))

    def mkdir(self, name: str) -> Inode:
        host(os.mkdir, self._child(name))
        return HostDir(self._child(name))

    def unlink(self, name: str) -> None:
        if isinstance(self.lookup(name), HostDir):
            raise SyscallError(E.EISDIR)
        host(os.unlink, self._child(name))

    def rmdir(self, name: str) -> None:
        host(os.rmdir, self._child(name))

    def link(self, name: str, inode: Inode) -> None:
        """A hard link inside the shared directory, to a file inside it (never following a
        symbolic link: the host's link() would otherwise name what the link points to)."""
        if not isinstance(inode, HostFile):
            raise SyscallError(E.EXDEV)
        host(lambda: os.link(inode.path, self._child(name), follow_symlinks=False))

    def rename(self, name: str, to_dir: Inode, to_name: str) -> None:
        if not isinstance(to_dir, HostDir):
            raise SyscallError(E.EXDEV)
        host(os.rename, self._child(name), to_dir._child(to_name))


class HostRoot(HostDir):
    """/host itself. Its directory may not exist yet: it is made (one mkdir, never a chain of
    parents) when the guest first creates something in it, or changes its times or mode."""

    def __init__(self, path: str):
        super().__init__(os.path.abspath(path))

    def exists(self) -> bool:
        return os.path.isdir(self.path)

    def make(self) -> None:
        if not self.exists():
            host(os.mkdir, self.path)

    def stat(self) -> Stat:
        return super().stat() if self.exists() else dir_stat(0)

    def lookup(self, name: str) -> Inode | None:
        return super().lookup(name) if self.exists() else None

    def entries(self) -> list[tuple[str, Inode]]:
        return super().entries() if self.exists() else []

    def create(self, name: str) -> Inode:
        self.make()
        return super().create(name)

    def mkdir(self, name: str) -> Inode:
        self.make()
        return super().mkdir(name)

    def set_times(self, atime_ns: int | None, mtime_ns: int | None) -> None:
        self.make()
        super().set_times(atime_ns, mtime_ns)

    def chmod(self, mode: int) -> None:
        self.make()
        super().chmod(mode)
