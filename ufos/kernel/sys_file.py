"""System calls on files and the file system (xv6's sysfile.c): open, read, write (also at an
offset: pread, pwrite), close, seek, dup, fcntl, pipe, stat, directories, names, truncation, modes
and times, and the terminal ioctls.
The files themselves are in fs/ (the trees), file.py (descriptors), pipe.py and tty.py.
"""
from __future__ import annotations

import struct
import time

from ufos.kernel import shm
from ufos.kernel.file import File, nonblocking
from ufos.kernel.fs import new_ino
from ufos.kernel.fs.fdesc import DescriptorName
from ufos.kernel.pipe import make_pipe
from ufos.kernel.tty import IOCTL
from ufos.kernel.uapi import DT, E, O, SyscallError, defines
from ufos.kernel.uaccess import TIMESPEC, Args

STAT = struct.Struct("<QQIIIIQQqiiqqqqqqqII")      # struct stat (sys/stat.h)
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
OFF_MAX = (1 << 63) - 1         # file offsets and sizes are off_t: signed 64-bit
UTIME = defines("sys/stat.h", "UTIME_")  # UTIME_NOW, UTIME_OMIT
# open ignores the flags it does not know, as Linux does (so F_GETFL never returns a stray bit:
# bit 31 would make the result look like an error)
OPEN_FLAGS = (O.O_ACCMODE | O.O_CREAT | O.O_EXCL | O.O_NOCTTY | O.O_TRUNC | O.O_APPEND | O.O_NONBLOCK
              | O.O_DSYNC | O.O_DIRECTORY | O.O_NOFOLLOW | O.O_CLOEXEC | O.O_SYNC)


def base_dir(k, p, dirfd: int) -> str:
    if dirfd == O.AT_FDCWD:
        return p.cwd
    f = p.fds.get(dirfd)
    if f.node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    return f.path


def sys_read(k, p, a: Args):
    f, n = p.fds.get(a.int32(0)), a.int(2)
    if n == 0:
        return 0
    va = a.writable(1, n)
    data = nonblocking(f, lambda: f.read(k, p, min(n, 1 << 20)))
    p.space.write(va, data)
    return len(data)


def sys_write(k, p, a: Args):
    f, n = p.fds.get(a.int32(0)), a.int(2)
    data = a.read(1, n)
    return nonblocking(f, lambda: f.write(k, p, data))


def at_offset(f: File, offset: int, transfer):
    """pread and pwrite: transfer() at offset, the file's own offset left as it was. Only a file
    that can seek has offsets (ESPIPE), and a regular file never blocks, so nothing runs in
    between that could see the borrowed offset."""
    if not f.node.seekable:
        raise SyscallError(E.ESPIPE)
    if not 0 <= offset <= OFF_MAX:
        raise SyscallError(E.EINVAL)
    saved, f.offset = f.offset, offset
    try:
        return transfer()
    finally:
        f.offset = saved


def sys_pread64(k, p, a: Args):
    f, n = p.fds.get(a.int32(0)), a.int(2)
    va = a.writable(1, n) if n else 0
    data = at_offset(f, a.sint(3), lambda: f.read(k, p, min(n, 1 << 20)) if n else b"")
    p.space.write(va, data)
    return len(data)


def sys_pwrite64(k, p, a: Args):
    """As on Linux, a file opened with O_APPEND is appended to whatever the offset."""
    f, n = p.fds.get(a.int32(0)), a.int(2)
    data = a.read(1, n)
    return at_offset(f, a.sint(3), lambda: f.write(k, p, data))


def sys_openat(k, p, a: Args):
    """open. A symbolic link in the last place is followed, but not with O_NOFOLLOW (ELOOP), nor
    with O_CREAT|O_EXCL, for which the link is a name already taken (EEXIST), as POSIX says."""
    flags = a.int32(2) & OPEN_FLAGS
    asked, cwd = a.string(1), base_dir(k, p, a.int32(0))
    exclusive = flags & O.O_CREAT and flags & O.O_EXCL
    try:
        node, path = k.fs.walk(asked, cwd, follow=not (flags & O.O_NOFOLLOW or exclusive))
        if exclusive:
            raise SyscallError(E.EEXIST)
        if node.kind == "link":
            raise SyscallError(E.ELOOP, "O_NOFOLLOW, and a symbolic link")
    except SyscallError as e:
        if e.errno != E.ENOENT or not flags & O.O_CREAT:
            raise
        if k.fs.names_a_directory(asked):       # open("new/", O_CREAT): a file cannot be made so
            raise SyscallError(E.EISDIR) from None
        parent, name, where = k.fs.create_point(asked, cwd)
        node, path = parent.create(name), k.fs.join(where, name)
        node.chmod(a.int(3) & 0o7777 & ~p.umask)       # the mode asked for, less the umask
    if isinstance(node, DescriptorName):                # /dev/fd/1, /dev/stdout: the caller's 1
        return node.duplicate(p, flags)
    if flags & O.O_DIRECTORY and node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    f = File(node, flags, path)
    if node.kind == "dir" and f.writable:
        raise SyscallError(E.EISDIR)
    if flags & O.O_TRUNC and f.writable and node.kind == "file":
        shm.truncate_file(k.vm, node, 0)
    return p.fds.install(f, cloexec=bool(flags & O.O_CLOEXEC))


def sys_close(k, p, a: Args):
    p.fds.close(k, a.int32(0))
    return 0


def sys_lseek(k, p, a: Args):
    f, offset, whence = p.fds.get(a.int32(0)), a.sint(1), a.int32(2)
    if not f.node.seekable:
        raise SyscallError(E.ESPIPE)
    base = {SEEK_SET: 0, SEEK_CUR: f.offset}.get(whence)
    if whence == SEEK_END:
        base = f.node.stat().size
    if base is None or not 0 <= base + offset <= OFF_MAX:
        raise SyscallError(E.EINVAL)
    f.offset = base + offset
    return f.offset


def sys_dup(k, p, a: Args):
    return p.fds.dup(p.fds.get(a.int32(0)))


def sys_dup3(k, p, a: Args):
    old, new = a.int32(0), a.int32(1)
    if old == new:
        raise SyscallError(E.EINVAL)
    return p.fds.dup2(k, old, new, cloexec=bool(a.int32(2) & O.O_CLOEXEC))


def sys_fcntl(k, p, a: Args):
    fd, cmd, arg = a.int32(0), a.int32(1), a.int32(2)
    f = p.fds.get(fd)
    if cmd in (O.F_DUPFD, O.F_DUPFD_CLOEXEC):
        return p.fds.dup(f, lowest=max(arg, 0), cloexec=cmd == O.F_DUPFD_CLOEXEC)
    if cmd == O.F_GETFD:
        return O.FD_CLOEXEC if fd in p.fds.cloexec else 0
    if cmd == O.F_SETFD:
        (p.fds.cloexec.add if arg & O.FD_CLOEXEC else p.fds.cloexec.discard)(fd)
        return 0
    if cmd == O.F_GETFL:
        return f.flags
    if cmd == O.F_SETFL:
        settable = O.O_APPEND | O.O_NONBLOCK
        f.flags = (f.flags & ~settable) | (arg & settable)
        return 0
    raise SyscallError(E.EINVAL)


def sys_pipe2(k, p, a: Args):
    va = a.writable(0, 8)
    flags = a.int32(1)
    reader, writer = make_pipe(new_ino())
    cloexec = bool(flags & O.O_CLOEXEC)
    rfd = p.fds.install(File(reader, O.O_RDONLY | (flags & O.O_NONBLOCK), "pipe"), cloexec=cloexec)
    wfd = p.fds.install(File(writer, O.O_WRONLY | (flags & O.O_NONBLOCK), "pipe"), cloexec=cloexec)
    p.space.write(va, struct.pack("<ii", rfd, wfd))
    return 0


def pack_stat(st) -> bytes:
    sec, nsec = divmod(st.mtime_ns, 10**9)
    times = (sec, nsec) * 3
    return STAT.pack(st.dev, st.ino, st.mode, st.nlink, 0, 0, st.rdev, 0, st.size, 4096, 0,
                     (st.size + 511) // 512, *times, 0, 0)


def sys_fstat(k, p, a: Args):
    st = p.fds.get(a.int32(0)).node.stat()
    a.write(1, pack_stat(st))
    return 0


def sys_newfstatat(k, p, a: Args):
    """stat, lstat (AT_SYMLINK_NOFOLLOW: a link itself) and fstat (AT_EMPTY_PATH)."""
    path, flags = a.string(1), a.int32(3)
    if flags & ~(O.AT_SYMLINK_NOFOLLOW | O.AT_EMPTY_PATH):
        raise SyscallError(E.EINVAL, "fstatat flags")
    if not path and flags & O.AT_EMPTY_PATH:
        st = p.fds.get(a.int32(0)).node.stat()
    else:
        st = k.fs.lookup(path, base_dir(k, p, a.int32(0)), follow=not flags & O.AT_SYMLINK_NOFOLLOW).stat()
    a.write(2, pack_stat(st))
    return 0


def sys_getdents64(k, p, a: Args):
    f, size = p.fds.get(a.int32(0)), a.int(2)
    if f.node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    va = a.writable(1, size)
    entries = [(".", f.node), ("..", f.node)] + f.node.entries()
    out = bytearray()
    while f.offset < len(entries):
        name, node = entries[f.offset]
        raw = name.encode("utf-8", "surrogateescape")
        reclen = (19 + len(raw) + 1 + 7) & ~7
        if len(out) + reclen > size:
            if not out:
                raise SyscallError(E.EINVAL, "buffer too small")
            break
        kind = {"dir": DT.DT_DIR, "file": DT.DT_REG, "dev": DT.DT_CHR, "link": DT.DT_LNK}.get(node.kind,
                                                                                           DT.DT_UNKNOWN)
        ino = node.stat().ino if name not in (".", "..") else 1
        out += struct.pack("<QqHB", ino, f.offset + 1, reclen, kind) + raw
        out += bytes(reclen - 19 - len(raw))
        f.offset += 1
    p.space.write(va, bytes(out))
    return len(out)


def sys_mkdirat(k, p, a: Args):
    """mkdir: EEXIST for any name that is there, a symbolic link too (even to nothing)."""
    path, cwd = a.string(1), base_dir(k, p, a.int32(0))
    if exists(k, path, cwd):
        raise SyscallError(E.EEXIST)
    parent, name = k.fs.lookup_parent(path, cwd)
    parent.mkdir(name).chmod(a.int(2) & 0o7777 & ~p.umask)
    return 0


def exists(k, path: str, cwd: str) -> bool:
    """Whether path names something: a link to nothing counts, and so does "file/"."""
    try:
        k.fs.lookup(path.rstrip("/") or "/", cwd, follow=False)
    except SyscallError as e:
        if e.errno == E.ENOENT:
            return False
        raise
    return True


def new_name(k, path: str, cwd: str) -> tuple:
    """The directory and name a link or symbolic link will have: EEXIST if something has it,
    ENOENT for "new/" (only a directory could be named so, as Linux says)."""
    if exists(k, path, cwd):
        raise SyscallError(E.EEXIST)
    if path.endswith("/"):
        raise SyscallError(E.ENOENT, path)
    return k.fs.lookup_parent(path, cwd)


def sys_unlinkat(k, p, a: Args):
    path, remove_dir = a.string(1), a.int32(2) & O.AT_REMOVEDIR
    last = path.rstrip("/").rpartition("/")[2]
    if last in (".", ".."):                     # as Linux: rmdir(".") EINVAL, rmdir("..") ENOTEMPTY
        raise SyscallError((E.EINVAL if last == "." else E.ENOTEMPTY) if remove_dir else E.EISDIR)
    parent, name = k.fs.lookup_parent(path, base_dir(k, p, a.int32(0)))
    if remove_dir:
        parent.rmdir(name)
    else:
        parent.unlink(name)
    return 0


def sys_linkat(k, p, a: Args):
    """link: a second name for a file (a hard link) in the same file system: EXDEV across mounts
    (/host and the RAM root), EPERM for a directory, EEXIST if the new name is taken. A symbolic
    link is given the name itself, unless AT_SYMLINK_FOLLOW (as Linux); another flag is EINVAL."""
    flags = a.int32(4)
    if flags & ~O.AT_SYMLINK_FOLLOW:
        raise SyscallError(E.EINVAL, "linkat flags")
    node = k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0)), follow=bool(flags & O.AT_SYMLINK_FOLLOW))
    if node.kind == "dir":
        raise SyscallError(E.EPERM, "a directory has one name")
    parent, name = new_name(k, a.string(3), base_dir(k, p, a.int32(2)))
    parent.link(name, node)
    return 0


def sys_symlinkat(k, p, a: Args):
    """symlink(target, linkpath): linkpath becomes a link holding target, which is not looked at
    (it may name nothing yet). Only the RAM file system has links (EPERM in /host, fs/hostfs.py)."""
    target = a.string(0)
    k.fs.check_length(target)                  # an empty target is ENOENT, as on Linux
    parent, name = new_name(k, a.string(2), base_dir(k, p, a.int32(1)))
    parent.symlink(name, target)
    return 0


def sys_readlinkat(k, p, a: Args):
    """readlink: the path a link holds, cut to the buffer's size, with no NUL after it."""
    size = a.sint(3)
    if size <= 0:
        raise SyscallError(E.EINVAL, "buffer size")
    node = k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0)), follow=False)
    if node.kind != "link":
        raise SyscallError(E.EINVAL, "not a symbolic link")
    data = node.target.encode("utf-8", "surrogateescape")[:size]
    a.write(2, data)
    return len(data)


def sys_renameat(k, p, a: Args):
    src_dir, src = k.fs.lookup_parent(a.string(1), base_dir(k, p, a.int32(0)))
    to = a.string(3)
    dst_dir, dst = k.fs.lookup_parent(to, base_dir(k, p, a.int32(2)))
    node = src_dir.lookup(src)
    if node is None:
        raise SyscallError(E.ENOENT)
    if to.endswith("/") and node.kind != "dir":        # rename("file", "new/")
        raise SyscallError(E.ENOTDIR)
    src_dir.rename(src, dst_dir, dst)
    return 0


def sys_faccessat(k, p, a: Args):
    node = k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0)))
    if a.int32(2) & 1 and not node.stat().mode & 0o111:          # X_OK
        raise SyscallError(E.EACCES)
    return 0


def sys_ftruncate(k, p, a: Args):
    f = p.fds.get(a.int32(0))
    if not f.writable:
        raise SyscallError(E.EINVAL)
    shm.truncate_file(k.vm, f.node, file_length(a, 1))
    return 0


def sys_truncate(k, p, a: Args):
    shm.truncate_file(k.vm, k.fs.lookup(a.string(0), p.cwd), file_length(a, 1))
    return 0


def file_length(a: Args, i: int) -> int:
    """truncate's off_t length: a negative one is EINVAL (a too large one is the file system's
    EFBIG)."""
    length = a.sint(i)
    if length < 0:
        raise SyscallError(E.EINVAL, "negative length")
    return length


def sys_chdir(k, p, a: Args):
    """The working directory is kept as its path through real directories (what getcwd gives)."""
    node, path = k.fs.walk(a.string(0), p.cwd)
    if node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    p.cwd = path
    return 0


def sys_fchdir(k, p, a: Args):
    """chdir to the directory an open descriptor names (the path it was opened by: ufos's working
    directory is a path, as chdir keeps it)."""
    f = p.fds.get(a.int32(0))
    if f.node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    p.cwd = f.path
    return 0


def sys_getcwd(k, p, a: Args):
    data = p.cwd.encode("utf-8", "surrogateescape") + b"\0"     # the bytes the path was made of
    if a.int(1) < len(data):
        raise SyscallError(E.ERANGE)
    a.write(0, data)
    return len(data)


def sys_ioctl(k, p, a: Args):
    """The terminal requests: the foreground process group here (it is the kernel's), the rest
    (mode, window size) in the terminal device (tty.py)."""
    f, request = p.fds.get(a.int32(0)), a.int32(1)
    if not f.node.is_tty:
        raise SyscallError(E.ENOTTY)
    if request == IOCTL["TIOCGPGRP"]:
        a.write(2, struct.pack("<i", k.foreground))
        return 0
    if request == IOCTL["TIOCSPGRP"]:
        k.foreground = struct.unpack("<i", a.read(2, 4))[0]
        return 0
    return f.node.ioctl(k, p, request, a)


def sys_fchmodat(k, p, a: Args):
    k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0))).chmod(a.int(2) & 0o7777)
    return 0


def sys_fchmod(k, p, a: Args):
    p.fds.get(a.int32(0)).node.chmod(a.int(1) & 0o7777)
    return 0


def sys_utimensat(k, p, a: Args):
    """touch: a file's access and modification times (NULL: both now; with a NULL path, the file
    dirfd itself: futimens). Times are the host's clock, as the file systems' own."""
    if a.is_null(1):
        node = p.fds.get(a.int32(0)).node
    else:
        node = k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0)), follow=not a.int32(3) & O.AT_SYMLINK_NOFOLLOW)
    now = time.time_ns()
    times = [now, now]
    if not a.is_null(2):
        raw = a.read(2, 2 * TIMESPEC.size)
        for i in range(2):
            sec, nsec = TIMESPEC.unpack_from(raw, i * TIMESPEC.size)
            if nsec == UTIME["UTIME_OMIT"]:
                times[i] = None
            elif nsec != UTIME["UTIME_NOW"]:
                if not 0 <= nsec < 10**9:
                    raise SyscallError(E.EINVAL)
                times[i] = sec * 10**9 + nsec
    node.set_times(*times)
    return 0


def sys_fsync(k, p, a: Args):
    p.fds.get(a.int32(0))
    return 0
