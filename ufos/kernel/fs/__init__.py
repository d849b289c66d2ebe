"""The file system tree: path names, mount points, and what every file and directory can do.

The tree is the RAM root (ramfs.py) with other file systems mounted on it: /host (a directory of
the host, hostfs.py), /dev (devfs.py) and /proc (procfs.py). Path names are resolved here (walk),
one component at a time from the root or the working directory. The walk keeps the path of the
directories it has gone through, all real directories: `..` goes back one of them, so it is the
physical parent, and a file system below a mount point is only ever asked for one name in one of
its own directories. That is why a path cannot climb out of a mount such as /host.

A symbolic link (symlink()) is a name whose content is another path. The walk reads it and goes on
with that path in its place (from the root if it starts with "/", else from the link's directory),
at most SYMLOOP_MAX times for one path (ELOOP). A few links are "magic", as Linux calls them: they
read as a path but lead elsewhere when followed (Inode.jump: /proc/PID/fd/N reads as the name of
an open file, "pipe:[12]" for a pipe, and leads to the descriptor itself). The last component of a
path is followed or not as the system call says (stat follows, lstat does not; a trailing "/"
always does). Only the RAM file system makes links: /host does not, as a link made there would be
a link on the host that the host's own programs, and a later open, would follow anywhere. A hard
link (link()) gives a file a second name in the same file system only: EXDEV across mounts.

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
SYMLOOP_MAX = 40                 # links followed for one path name, as Linux (ELOOP beyond)
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
    kind = "file"                # file | dir | dev | link
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

    def symlink(self, name: str, target: str) -> "Inode":
        raise SyscallError(E.EPERM, "no symbolic links in this file system")

    def rename(self, name: str, to_dir: "Inode", to_name: str) -> None:
        raise SyscallError(E.EACCES, "read-only file system")

    # --- symbolic links ----------------------------------------------------------------------
    def jump(self) -> "Inode | None":
        """Where a magic link leads when it is followed (None: to the path it holds, as any link)."""
        return None

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
    def check_length(path: str) -> None:
        if not path:
            raise SyscallError(E.ENOENT, "empty path")
        if len(path) >= PATH_MAX:
            raise SyscallError(E.ENAMETOOLONG)

    @staticmethod
    def names_a_directory(path: str) -> bool:
        """Whether path ends in / or /. : it then names a directory or nothing (POSIX 4.13)."""
        return path.endswith(("/", "/.")) or path in (".", "..") or path.endswith("/..")

    def walk(self, path: str, cwd: str = "/", follow: bool = True) -> tuple[Inode, str]:
        """The inode path names and its path from the root through real directories only (no
        `.`, `..` or link in it: the name getcwd() gives). A symbolic link before the last
        component is always followed; the last one only if follow (or a "/" comes after it)."""
        self.check_length(path)
        # the directories walked through, each with its path: `..` goes back to the one before
        stack = [("", self.root)] if path.startswith("/") else self.stack_of(cwd)
        todo = path.split("/")
        todo.reverse()                  # a stack too: the next component last
        links = 0
        while todo:
            name = todo.pop()
            at, node = stack[-1]
            if name == "" or (name in (".", "..") and node.kind == "dir"):
                if name == ".." and len(stack) > 1:
                    stack.pop()
                continue
            if node.kind != "dir":
                raise SyscallError(E.ENOTDIR, at)
            if len(name) > NAME_MAX:
                raise SyscallError(E.ENAMETOOLONG)
            child = self.child(node, at + "/" + name)
            if child.kind == "link" and (follow or todo):
                links += 1
                if links > SYMLOOP_MAX:
                    raise SyscallError(E.ELOOP, path)
                if (jumped := child.jump()) is not None:      # a magic link: not to its path
                    stack.append((at + "/" + name, jumped))
                    continue
                todo.extend(reversed(child.target.split("/")))
                if child.target.startswith("/"):
                    del stack[1:]
                continue
            stack.append((at + "/" + name, child))
        at, node = stack[-1]
        if node.kind != "dir" and self.names_a_directory(path):
            raise SyscallError(E.ENOTDIR, path)
        return node, at or "/"

    def child(self, directory: Inode, path: str) -> Inode:
        """The inode at path, a name in directory: a file system mounted there if there is one
        (ENOENT if there is nothing)."""
        mounted = self.mounts.get(path)
        if mounted is not None:
            return mounted
        found = directory.lookup(path.rpartition("/")[2])
        if found is None:
            raise SyscallError(E.ENOENT, path)
        return found

    def stack_of(self, cwd: str) -> list[tuple[str, Inode]]:
        """walk's stack for a working directory (a path walked before), looked up again by name:
        it may have gone since (ENOENT), or been replaced."""
        stack = [("", self.root)]
        for name in filter(None, cwd.split("/")):
            at, node = stack[-1]
            if node.kind != "dir":
                raise SyscallError(E.ENOTDIR, at)
            stack.append((at + "/" + name, self.child(node, at + "/" + name)))
        if stack[-1][1].kind != "dir":
            raise SyscallError(E.ENOTDIR, cwd)
        return stack

    def lookup(self, path: str, cwd: str = "/", follow: bool = True) -> Inode:
        """The inode a path names (ENOENT, ENOTDIR: also for a file named as "file/")."""
        return self.walk(path, cwd, follow)[0]

    def resolve(self, path: str, cwd: str = "/") -> str:
        """path as getcwd() would give it once there: from the root through real directories."""
        return self.walk(path, cwd)[1]

    def lookup_parent(self, path: str, cwd: str = "/") -> tuple[Inode, str]:
        """The directory that holds (or would hold) path's last component, and that name. The
        last component is not followed: unlink, rename and symlink act on a link itself. With a
        "/" after it, what is there must be a directory itself (ENOTDIR for a link to one, as
        Linux: `mv link/ x` does not move the link)."""
        parent, name, _ = self.parent_of(path, cwd)
        return parent, name

    def parent_of(self, path: str, cwd: str) -> tuple[Inode, str, str]:
        """lookup_parent's directory and name, and the directory's path."""
        self.check_length(path)
        head, _, name = path.rstrip("/").rpartition("/")
        if name in ("", ".", ".."):             # "/", "a/..": not a name in a directory (Linux's EBUSY)
            raise SyscallError(E.EBUSY, f"a path ending in {name or '/'}")
        if path.startswith("/") and not head:
            head = "/"
        parent, where = self.walk(head or ".", cwd)
        if parent.kind != "dir":
            raise SyscallError(E.ENOTDIR)
        if len(name) > NAME_MAX:
            raise SyscallError(E.ENAMETOOLONG)
        if self.join(where, name) in self.mounts:
            raise SyscallError(E.EBUSY, "a mount point")
        if path.endswith("/") and (parent.lookup(name) or parent).kind != "dir":
            raise SyscallError(E.ENOTDIR, path)
        return parent, name, where

    def create_point(self, path: str, cwd: str) -> tuple[Inode, str, str]:
        """Where open(O_CREAT) makes the file path names, which does not exist: its directory,
        its name and the directory's path. A last component that is a link to nothing (yet) is
        followed, so the file is made where the link points, as POSIX says."""
        for _ in range(SYMLOOP_MAX + 1):
            parent, name, where = self.parent_of(path, cwd)
            link = parent.lookup(name)
            if link is None or link.kind != "link":
                return parent, name, where
            path, cwd = link.target, where
        raise SyscallError(E.ELOOP, path)

    @staticmethod
    def join(directory: str, name: str) -> str:
        """The path of name in the directory at path directory."""
        return directory.rstrip("/") + "/" + name
