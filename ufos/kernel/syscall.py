"""System calls: the table, the checking of arguments, and one function per call.

A μprocess calls the kernel by branching through its sealed gate (docs/abi.md): the number is in
x8, the arguments in c0-c5. Every argument that is a pointer is a capability, and the kernel checks
it exactly as the hardware would check a load or store through it — tag, not sealed, permission,
bounds — before touching memory (check_buffer). A bad one fails the call with EFAULT; it never
becomes an exception in the kernel. At isolation `off` the checks are skipped (a trusted μprocess:
the paper's third level), but memory still goes through the μprocess's own page table.

Handlers return an int (x0: the result, or -errno) or a Capability (c0, for mmap), raise
SyscallError to fail, raise WouldBlock to sleep and be called again, or return NO_RETURN when the
registers are already what the μprocess must resume with (exit, execve, sigreturn).
"""
from __future__ import annotations

import struct
import time

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel import exec as execmod
from ufos.kernel import fork as forkmod
from ufos.kernel import net, signal
from ufos.kernel.file import File
from ufos.kernel.fs import PATH_MAX, new_ino
from ufos.kernel.pipe import make_pipe
from ufos.kernel.tty import IOCTL
from ufos.kernel.proc import (WouldBlock, exit_process, find_changed, find_zombie, matching_children,
                              reap)
from ufos.kernel.uapi import (DT, E, MAP, NSIG, O, SA, SIG, SYS, SYSCALL_NAMES, W, SyscallError, defines)

REBOOT = defines("unistd.h", "RB_")     # RB_HALT_SYSTEM, RB_POWER_OFF
UTIME = defines("sys/stat.h", "UTIME_")  # UTIME_NOW, UTIME_OMIT

P = isa.PERM
NO_RETURN = object()
MASK64 = (1 << 64) - 1
STAT = struct.Struct("<QQIIIIQQqiiqqqqqqqII")
TIMESPEC = struct.Struct("<qq")
POLLFD = struct.Struct("<ihh")
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
OFF_MAX = (1 << 63) - 1         # file offsets and sizes are off_t: signed 64-bit
KTIME_MAX = (1 << 63) - 1       # the latest deadline, in ns of the kernel's clock (as Linux)
# open ignores the flags it does not know, as Linux does (so F_GETFL never returns a stray bit:
# bit 31 would make the result look like an error)
OPEN_FLAGS = (O.O_ACCMODE | O.O_CREAT | O.O_EXCL | O.O_NOCTTY | O.O_TRUNC | O.O_APPEND | O.O_NONBLOCK
              | O.O_DSYNC | O.O_DIRECTORY | O.O_NOFOLLOW | O.O_CLOEXEC | O.O_SYNC)
ROOT_ONLY = ("/", "/dev", "/proc", "/host")


# --- checking what a μprocess hands the kernel ------------------------------------------------------
def check_buffer(k, space, cap: Capability, length: int, perms: int, align: int = 1) -> int:
    """The address of [cap.address, +length) if cap allows `perms` on all of it; else EFAULT.
    Besides what the hardware checks, the capability must lie inside the caller's slot: no
    μprocess can hold one that does not, so one that does not is forged or a kernel bug, and the
    kernel will not be the one to use it. align: the alignment the access needs (16 for an array
    of capabilities, as a capability load would fault otherwise)."""
    if k.isolation == "off":
        return cap.address
    if not cap.tag:
        raise SyscallError(E.EFAULT, f"untagged pointer {cap.address:#x}")
    if cap.sealed:
        raise SyscallError(E.EFAULT, "sealed capability")
    if cap.perms & perms != perms:
        raise SyscallError(E.EFAULT, "missing permission")
    if not space.base <= cap.base <= cap.top <= space.top:
        raise SyscallError(E.EFAULT, f"{cap!r} is outside the caller's slot")
    if length < 0 or cap.address < cap.base or cap.address + length > cap.top:
        raise SyscallError(E.EFAULT, f"{length} bytes at {cap.address:#x} are outside {cap!r}")
    if cap.address % align:
        raise SyscallError(E.EFAULT, f"{cap.address:#x} is not aligned to {align} bytes")
    return cap.address


class Args:
    """The arguments of the current system call, read and checked on demand."""

    def __init__(self, k, p):
        self.k, self.p, self.cpu, self.space = k, p, k.cpu, p.space

    def int(self, i: int) -> int:
        return self.cpu.x[i]

    def sint(self, i: int) -> int:
        v = self.cpu.x[i]
        return v - (1 << 64) if v >> 63 else v

    def int32(self, i: int) -> int:
        v = self.cpu.x[i] & 0xFFFFFFFF
        return v - (1 << 32) if v >> 31 else v

    def cap(self, i: int) -> Capability:
        return self.cpu.c[i]

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
        cap, out, total = self.cap(i), [], 0
        while True:
            va = check_buffer(self.k, self.space, cap, 16, P["LOAD"] | P["LOAD_CAP"], align=16)
            item = self.space.load_cap(va)
            if not item.tag and item.address == 0:
                return out
            s = read_string(self.k, self.space, item, execmod.ARG_MAX).encode("utf-8", "surrogateescape")
            total += len(s) + 17
            if total > execmod.ARG_MAX:
                raise SyscallError(E.E2BIG)
            out.append(s)
            cap = cap.add(16)


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


# --- files ----------------------------------------------------------------------------------------
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


def nonblocking(f: File, op, dontwait: bool = False):
    """op(), but EAGAIN instead of sleeping if the file is O_NONBLOCK (or the call said so)."""
    try:
        return op()
    except WouldBlock:
        if f.flags & O.O_NONBLOCK or dontwait:
            raise SyscallError(E.EAGAIN)
        raise


def sys_openat(k, p, a: Args):
    flags = a.int32(2) & OPEN_FLAGS
    path = k.fs.normalize(a.string(1), base_dir(k, p, a.int32(0)))
    try:
        node = k.fs.lookup(path)
        if flags & O.O_CREAT and flags & O.O_EXCL:
            raise SyscallError(E.EEXIST)
    except SyscallError as e:
        if e.errno != E.ENOENT or not flags & O.O_CREAT:
            raise
        parent, name = k.fs.lookup_parent(path)
        node = parent.create(name)
    f = File(node, flags, path)
    if node.kind == "dir" and f.writable:
        raise SyscallError(E.EISDIR)
    if flags & O.O_DIRECTORY and node.kind != "dir":
        raise SyscallError(E.ENOTDIR)
    if flags & O.O_TRUNC and f.writable and node.kind == "file":
        node.truncate(0)
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
    path = a.string(1)
    if not path and a.int32(3) & O.AT_EMPTY_PATH:
        st = p.fds.get(a.int32(0)).node.stat()
    else:
        st = k.fs.lookup(path, base_dir(k, p, a.int32(0))).stat()
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
        kind = {"dir": DT.DT_DIR, "file": DT.DT_REG, "dev": DT.DT_CHR}.get(node.kind, DT.DT_UNKNOWN)
        ino = node.stat().ino if name not in (".", "..") else 1
        out += struct.pack("<QqHB", ino, f.offset + 1, reclen, kind) + raw
        out += bytes(reclen - 19 - len(raw))
        f.offset += 1
    p.space.write(va, bytes(out))
    return len(out)


def sys_mkdirat(k, p, a: Args):
    path = k.fs.normalize(a.string(1), base_dir(k, p, a.int32(0)))
    if path in k.fs.mounts or path == "/":
        raise SyscallError(E.EEXIST)
    parent, name = k.fs.lookup_parent(path)
    if parent.lookup(name) is not None:
        raise SyscallError(E.EEXIST)
    parent.mkdir(name)
    return 0


def sys_unlinkat(k, p, a: Args):
    parent, name = k.fs.lookup_parent(a.string(1), base_dir(k, p, a.int32(0)))
    if a.int32(2) & O.AT_REMOVEDIR:
        parent.rmdir(name)
    else:
        parent.unlink(name)
    return 0


def sys_renameat(k, p, a: Args):
    src_dir, src = k.fs.lookup_parent(a.string(1), base_dir(k, p, a.int32(0)))
    dst_dir, dst = k.fs.lookup_parent(a.string(3), base_dir(k, p, a.int32(2)))
    if src_dir.lookup(src) is None:
        raise SyscallError(E.ENOENT)
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
    f.node.truncate(file_length(a, 1))
    return 0


def sys_truncate(k, p, a: Args):
    k.fs.lookup(a.string(0), p.cwd).truncate(file_length(a, 1))
    return 0


def file_length(a: Args, i: int) -> int:
    """truncate's off_t length: a negative one is EINVAL (a too large one is the file system's
    EFBIG)."""
    length = a.sint(i)
    if length < 0:
        raise SyscallError(E.EINVAL, "negative length")
    return length


def sys_chdir(k, p, a: Args):
    path = k.fs.normalize(a.string(0), p.cwd)
    if k.fs.lookup(path).kind != "dir":
        raise SyscallError(E.ENOTDIR)
    p.cwd = path
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
        node = k.fs.lookup(a.string(1), base_dir(k, p, a.int32(0)))
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


# --- sockets (net.py) -------------------------------------------------------------------------------
def socket_of(p, fd: int) -> tuple[File, net.Socket]:
    f = p.fds.get(fd)
    if not isinstance(f.node, net.Socket):
        raise SyscallError(E.ENOTSOCK)
    return f, f.node


def install_socket(p, sock: net.Socket, flags: int) -> int:
    """A descriptor for a new socket; flags may hold SOCK_NONBLOCK and SOCK_CLOEXEC."""
    f = File(sock, O.O_RDWR | (O.O_NONBLOCK if flags & net.SOCK["NONBLOCK"] else 0), "socket")
    return p.fds.install(f, cloexec=bool(flags & net.SOCK["CLOEXEC"]))


def check_stream(kind: int, protocol: int) -> None:
    if kind & 0xF != net.SOCK["STREAM"]:
        raise SyscallError(E.ESOCKTNOSUPPORT, "only SOCK_STREAM sockets")
    if protocol not in (0, net.IPPROTO_TCP):
        raise SyscallError(E.EPROTONOSUPPORT)


def read_sockaddr(a: Args, i: int) -> tuple[str, int]:
    """The struct sockaddr_in at c<i>, of the length in x<i+1>."""
    length = a.int(i + 1) & 0xFFFFFFFF
    if length > 128:
        raise SyscallError(E.EINVAL, "address too long")
    return net.parse_sockaddr(a.read(i, length))


def write_sockaddr(a: Args, i: int, family: int, address) -> None:
    """Give a socket address back: the buffer at c<i> (if not NULL), its length at c<i+1>
    (socklen_t, in: the room; out: the address's full length)."""
    if a.is_null(i):
        return
    room = struct.unpack("<I", a.read(i + 1, 4))[0]
    data = net.pack_sockaddr(family, address)
    a.write(i, data[:room])
    a.write(i + 1, struct.pack("<I", len(data)))


def sys_socket(k, p, a: Args):
    domain, kind = a.int32(0), a.int32(1)
    if domain != net.AF["INET"]:
        raise SyscallError(E.EAFNOSUPPORT, "AF_INET only (AF_UNIX: socketpair)")
    check_stream(kind, a.int32(2))
    return install_socket(p, net.Socket(k.net, domain), kind)


def sys_socketpair(k, p, a: Args):
    kind = a.int32(1)
    if a.int32(0) != net.AF["UNIX"]:
        raise SyscallError(E.EOPNOTSUPP, "socketpair makes AF_UNIX sockets")
    check_stream(kind, a.int32(2))
    va = a.writable(3, 8)
    first, second = net.socketpair()
    fds = install_socket(p, first, kind), install_socket(p, second, kind)
    p.space.write(va, struct.pack("<ii", *fds))
    return 0


def sys_bind(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    s.bind(*read_sockaddr(a, 1))
    return 0


def sys_listen(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    s.listen(a.int32(1))
    return 0


def sys_accept(k, p, a: Args):
    f, s = socket_of(p, a.int32(0))
    if not a.is_null(1):                     # check where the address goes before taking one
        a.writable(1, min(struct.unpack("<I", a.read(2, 4))[0], net.SOCKADDR_IN.size))
        a.writable(2, 4)
    conn = nonblocking(f, lambda: s.accept(k))
    fd = install_socket(p, conn, 0)
    write_sockaddr(a, 1, conn.family, conn.peer)
    return fd


def sys_connect(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    s.connect(k, *read_sockaddr(a, 1))
    return 0


def message_flags(flags: int) -> tuple[bool, bool]:
    """send/recv flags: (MSG_DONTWAIT, MSG_NOSIGNAL); MSG_PEEK and MSG_OOB are not supported."""
    if flags & (net.MSG["PEEK"] | net.MSG["OOB"]):
        raise SyscallError(E.EOPNOTSUPP, "MSG_PEEK and MSG_OOB")
    return bool(flags & net.MSG["DONTWAIT"]), bool(flags & net.MSG["NOSIGNAL"])


def sys_sendto(k, p, a: Args):
    f, s = socket_of(p, a.int32(0))
    dontwait, nosignal = message_flags(a.int32(3))
    data = a.read(1, a.int(2))
    return nonblocking(f, lambda: s.write(k, p, f, data, nosignal), dontwait)


def sys_recvfrom(k, p, a: Args):
    f, s = socket_of(p, a.int32(0))
    dontwait, _ = message_flags(a.int32(3))
    n = a.int(2)
    if n == 0:
        return 0
    va = a.writable(1, n)
    data = nonblocking(f, lambda: s.read(k, p, f, min(n, 1 << 20)), dontwait)
    p.space.write(va, data)
    write_sockaddr(a, 4, s.family, s.peer)
    return len(data)


def sys_shutdown(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    s.shutdown(k, a.int32(1))
    return 0


def sys_setsockopt(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    option = (a.int32(1), a.int32(2))
    if option not in net.SETTABLE:
        raise SyscallError(E.ENOPROTOOPT)
    if a.int(4) & 0xFFFFFFFF < 4:
        raise SyscallError(E.EINVAL)
    s.options[option] = struct.unpack("<i", a.read(3, 4))[0]
    return 0


def sys_getsockopt(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    option = (a.int32(1), a.int32(2))
    if option == (net.SOL_SOCKET, net.SO["TYPE"]):
        value = net.SOCK["STREAM"]
    elif option == (net.SOL_SOCKET, net.SO["ERROR"]):
        value = 0
    elif option in net.SETTABLE:
        value = s.options.get(option, 0)
    else:
        raise SyscallError(E.ENOPROTOOPT)
    room = struct.unpack("<I", a.read(4, 4))[0]
    a.write(3, struct.pack("<i", value)[:room])
    a.write(4, struct.pack("<I", 4))
    return 0


def sys_getsockname(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    write_sockaddr(a, 1, s.family, s.local)
    return 0


def sys_getpeername(k, p, a: Args):
    _, s = socket_of(p, a.int32(0))
    s.connected()
    write_sockaddr(a, 1, s.family, s.peer)
    return 0


# --- processes ------------------------------------------------------------------------------------
def sys_exit(k, p, a: Args):
    exit_process(k, p, (a.int(0) & 0xFF) << 8)
    return NO_RETURN


def sys_clone(k, p, a: Args):
    started = time.perf_counter_ns()
    child = forkmod.fork(k, p)
    k.fork_ns.append(time.perf_counter_ns() - started)       # for `ufos bench fork`
    k.check_isolation("fork", p)
    return child.pid


def sys_execve(k, p, a: Args):
    path = k.fs.normalize(a.string(0), p.cwd)
    argv, envp = a.strings(1), a.strings(2)
    k.exec(p, path, argv, envp)
    k.check_isolation("execve", p)
    return NO_RETURN


def sys_wait4(k, p, a: Args):
    """A child that exited — or, with WUNTRACED / WCONTINUED, one that stopped / continued."""
    pid, options = a.int32(0), a.int32(2)
    if not matching_children(p, pid):
        raise SyscallError(E.ECHILD)
    if not a.is_null(1):
        a.writable(1, 4)
    child = find_zombie(p, pid) or find_changed(p, pid, bool(options & W.WUNTRACED),
                                                 bool(options & W.WCONTINUED))
    if child is None:
        if options & W.WNOHANG:
            return 0
        raise WouldBlock(p)
    if child.state == "zombie":
        status = child.wait_status
        reap(k, p, child)
    else:
        status, child.unreported = child.unreported, None
    if not a.is_null(1):
        a.write(1, struct.pack("<i", status))
    return child.pid


def sys_reboot(k, p, a: Args):
    """halt and poweroff: stop every μprocess and the machine (only these two requests exist)."""
    howto = a.int(0) & 0xFFFFFFFF
    if howto not in (REBOOT["RB_HALT_SYSTEM"], REBOOT["RB_POWER_OFF"]):
        raise SyscallError(E.EINVAL, f"reboot request {howto:#x}")
    k.shutdown()
    return NO_RETURN


def sys_getpid(k, p, a):
    return p.pid


def sys_getppid(k, p, a):
    return p.ppid


def sys_getuid(k, p, a):
    return 0


def sys_kill(k, p, a: Args):
    pid, sig = a.int32(0), a.int32(1)
    if not 0 <= sig < NSIG:
        raise SyscallError(E.EINVAL)
    if pid > 0:
        targets = [q for q in k.procs.live() if q.pid == pid]
    elif pid == -1:
        targets = [q for q in k.procs.live() if q.pid not in (1, p.pid)]
    else:
        group = p.pgid if pid == 0 else -pid
        targets = [q for q in k.procs.live() if q.pgid == group]
    if not targets:
        raise SyscallError(E.ESRCH)
    for q in targets:
        signal.send(k, q, sig)
    return 0


def sys_setpgid(k, p, a: Args):
    pid, pgid = a.int32(0) or p.pid, a.int32(1)
    q = k.procs.get(pid)
    if q is None or (q is not p and q.parent is not p) or q.state == "zombie":
        raise SyscallError(E.ESRCH)
    if pgid < 0:
        raise SyscallError(E.EINVAL)
    q.pgid = pgid or q.pid
    return 0


def sys_getpgid(k, p, a: Args):
    q = k.procs.get(a.int32(0) or p.pid)
    if q is None:
        raise SyscallError(E.ESRCH)
    return q.pgid


def sys_setsid(k, p, a):
    p.pgid = p.pid
    return p.pid


def sys_umask(k, p, a):
    return 0o022


# --- signals --------------------------------------------------------------------------------------
SIGACTION_SIZE = 64             # struct sigaction (signal.h): handler +0, flags +16, restorer +32, mask +48


def sys_rt_sigaction(k, p, a: Args):
    """Read and check the new action before anything changes (a bad one leaves the old in place),
    then hand back the old one, then install the new one — so act and oldact may be the same."""
    sig = a.int32(0)
    if not 0 < sig < NSIG or (sig in signal.UNCATCHABLE and not a.is_null(1)):
        raise SyscallError(E.EINVAL)
    new = None if a.is_null(1) else read_sigaction(k, p, a.cap(1))
    if not a.is_null(2):
        write_sigaction(k, p, a.cap(2), p.signals.action(sig))
    if new is not None:
        p.signals.actions[sig] = new
        if new.handler == signal.SIG_IGN:
            p.signals.pending &= ~signal.bit(sig)
    return 0


def read_sigaction(k, p, cap: Capability) -> signal.Action:
    va = check_buffer(k, p.space, cap, SIGACTION_SIZE, P["LOAD"] | P["LOAD_CAP"], align=16)
    handler = p.space.load_cap(va)
    flags = struct.unpack("<i", p.space.read(va + 16, 4))[0]
    restorer = p.space.load_cap(va + 32) if flags & SA.SA_RESTORER else None
    mask = p.space.read_u64(va + 48)
    if handler.tag:
        handler = signal.check_handler(p.space, handler, "handler")
    elif handler.address in (signal.SIG_DFL, signal.SIG_IGN):
        handler = handler.address
    else:
        raise SyscallError(E.EFAULT, f"the handler {handler.address:#x} is not a function pointer")
    if restorer is not None:
        restorer = signal.check_handler(p.space, restorer, "restorer")
    return signal.Action(handler, flags, restorer, mask)


def write_sigaction(k, p, cap: Capability, act: signal.Action) -> None:
    va = check_buffer(k, p.space, cap, SIGACTION_SIZE, P["STORE"] | P["STORE_CAP"], align=16)
    handler = act.handler if isinstance(act.handler, Capability) else Capability.null().set_address(act.handler)
    p.space.store_cap(va, handler)
    p.space.write(va + 16, struct.pack("<iiQ", act.flags, 0, 0))
    p.space.store_cap(va + 32, act.restorer or Capability.null())
    p.space.write_u64(va + 48, act.mask)


def sys_rt_sigprocmask(k, p, a: Args):
    how = a.int32(0)
    old = p.signals.mask
    if not a.is_null(1):
        new = struct.unpack("<Q", a.read(1, 8))[0]
        if how == SIG.SIG_BLOCK:
            p.signals.mask |= new
        elif how == SIG.SIG_UNBLOCK:
            p.signals.mask &= ~new
        elif how == SIG.SIG_SETMASK:
            p.signals.mask = new
        else:
            raise SyscallError(E.EINVAL)
        p.signals.mask &= ~(signal.bit(SIG.SIGKILL) | signal.bit(SIG.SIGSTOP))
    if not a.is_null(2):
        a.write(2, struct.pack("<Q", old))
    return 0


def sys_rt_sigreturn(k, p, a: Args):
    if not signal.sigreturn(k, p):
        raise SyscallError(E.EINVAL, "no signal handler is running")
    return NO_RETURN


# --- time, waiting --------------------------------------------------------------------------------
def sys_nanosleep(k, p, a: Args):
    if p.deadline is None:
        p.deadline = deadline_after(k, a.read(0, TIMESPEC.size))
    if k.clock_ns() < p.deadline:
        raise WouldBlock(k.timers, p.deadline)
    return 0


def deadline_after(k, timespec: bytes) -> int:
    """When a timeout (a struct timespec) that starts now ends, on the kernel's clock. A negative
    or malformed one is EINVAL. A huge one ends at KTIME_MAX, as on Linux: the kernel's clock and
    every time it hands back stay 64-bit numbers whatever a μprocess asks for."""
    sec, nsec = TIMESPEC.unpack(timespec)
    if sec < 0 or not 0 <= nsec < 10**9:
        raise SyscallError(E.EINVAL, "bad timespec")
    return min(k.clock_ns() + sec * 10**9 + nsec, KTIME_MAX)


def sys_clock_gettime(k, p, a: Args):
    now = k.clock_ns() + (k.realtime_base_ns if a.int32(0) == 0 else 0)
    a.write(1, TIMESPEC.pack(*divmod(now, 10**9)))
    return 0


def sys_gettimeofday(k, p, a: Args):
    sec, nsec = divmod(k.clock_ns() + k.realtime_base_ns, 10**9)
    if not a.is_null(0):
        a.write(0, TIMESPEC.pack(sec, nsec // 1000))
    return 0


def sys_ppoll(k, p, a: Args):
    nfds = a.int(1)
    if nfds > 256:
        raise SyscallError(E.EINVAL)
    raw = a.read(0, 8 * nfds)
    if p.deadline is None and not a.is_null(2):
        p.deadline = deadline_after(k, a.read(2, TIMESPEC.size))
    out, ready = bytearray(), 0
    for i in range(nfds):
        fd, events, _ = POLLFD.unpack_from(raw, 8 * i)
        f = p.fds.files.get(fd)
        revents = 0x20 if f is None and fd >= 0 else (f.node.poll(k, f) & (events | 0x18)) if f else 0
        ready += bool(revents)
        out += POLLFD.pack(fd, events, revents)
    if ready or (p.deadline is not None and k.clock_ns() >= p.deadline):
        a.write(0, bytes(out))
        return ready
    raise WouldBlock(k.polling, p.deadline)


# --- memory ---------------------------------------------------------------------------------------
def sys_mmap(k, p, a: Args):
    length, flags, fd = a.int(1), a.int32(3), a.int32(4)
    if not flags & MAP.MAP_ANONYMOUS or flags & MAP.MAP_FIXED or fd != -1:
        raise SyscallError(E.EINVAL, "only anonymous mappings")
    cap = p.space.mmap(length)
    k.check_isolation("mmap", p)
    return cap


def sys_munmap(k, p, a: Args):
    length = a.int(1)
    va = check_buffer(k, p.space, a.cap(0), length, P["STORE"])
    p.space.munmap(va, length)
    return 0


PROT_RIGHTS = {MAP.PROT_NONE: "none", MAP.PROT_READ: "r", MAP.PROT_WRITE: "rw",
               MAP.PROT_READ | MAP.PROT_WRITE: "rw", MAP.PROT_EXEC: "rx", MAP.PROT_READ | MAP.PROT_EXEC: "rx"}


def sys_mprotect(k, p, a: Args):
    """New rights for pages the caller holds a capability to. W^X: a page is never writable
    and executable at once (EACCES)."""
    length, prot = a.int(1), a.int32(2)
    if prot & ~(MAP.PROT_READ | MAP.PROT_WRITE | MAP.PROT_EXEC):
        raise SyscallError(E.EINVAL)
    if prot not in PROT_RIGHTS:
        raise SyscallError(E.EACCES, "writable and executable")
    p.space.mprotect(check_buffer(k, p.space, a.cap(0), length, 0), length, PROT_RIGHTS[prot])
    return 0


def sys_brk(k, p, a: Args):
    """The program break (vm.py AddressSpace.brk): a capability to the heap, its address at the
    break. libc's malloc does not use it (it maps with mmap); sbrk does."""
    cap = p.space.brk(a.int(0))
    k.check_isolation("brk", p)
    return cap


HANDLERS = {
    SYS.read: sys_read, SYS.write: sys_write, SYS.openat: sys_openat, SYS.close: sys_close,
    SYS.lseek: sys_lseek, SYS.dup: sys_dup, SYS.dup3: sys_dup3, SYS.fcntl: sys_fcntl,
    SYS.pipe2: sys_pipe2, SYS.fstat: sys_fstat, SYS.newfstatat: sys_newfstatat,
    SYS.getdents64: sys_getdents64, SYS.mkdirat: sys_mkdirat, SYS.unlinkat: sys_unlinkat,
    SYS.renameat: sys_renameat, SYS.faccessat: sys_faccessat, SYS.ftruncate: sys_ftruncate,
    SYS.truncate: sys_truncate, SYS.chdir: sys_chdir, SYS.getcwd: sys_getcwd, SYS.ioctl: sys_ioctl,
    SYS.fsync: sys_fsync, SYS.utimensat: sys_utimensat, SYS.fchmodat: sys_fchmodat,
    SYS.fchmod: sys_fchmod,
    SYS.exit: sys_exit, SYS.exit_group: sys_exit, SYS.clone: sys_clone, SYS.execve: sys_execve,
    SYS.wait4: sys_wait4, SYS.getpid: sys_getpid, SYS.getppid: sys_getppid, SYS.getuid: sys_getuid,
    SYS.geteuid: sys_getuid, SYS.getgid: sys_getuid, SYS.getegid: sys_getuid, SYS.kill: sys_kill,
    SYS.reboot: sys_reboot, SYS.setpgid: sys_setpgid, SYS.getpgid: sys_getpgid, SYS.setsid: sys_setsid, SYS.umask: sys_umask,
    SYS.rt_sigaction: sys_rt_sigaction, SYS.rt_sigprocmask: sys_rt_sigprocmask,
    SYS.rt_sigreturn: sys_rt_sigreturn,
    SYS.nanosleep: sys_nanosleep, SYS.clock_gettime: sys_clock_gettime,
    SYS.gettimeofday: sys_gettimeofday, SYS.ppoll: sys_ppoll,
    SYS.mmap: sys_mmap, SYS.munmap: sys_munmap, SYS.mprotect: sys_mprotect, SYS.brk: sys_brk,
    SYS.socket: sys_socket, SYS.socketpair: sys_socketpair, SYS.bind: sys_bind,
    SYS.listen: sys_listen, SYS.accept: sys_accept, SYS.connect: sys_connect,
    SYS.sendto: sys_sendto, SYS.recvfrom: sys_recvfrom, SYS.shutdown: sys_shutdown,
    SYS.setsockopt: sys_setsockopt, SYS.getsockopt: sys_getsockopt,
    SYS.getsockname: sys_getsockname, SYS.getpeername: sys_getpeername,
}


def syscall(k, p) -> None:
    """Do the system call the μprocess on the CPU asked for, and return to it (or put it to sleep)."""
    cpu = k.cpu
    number = cpu.x[8]
    handler = HANDLERS.get(number)
    p.syscalls += 1
    try:
        if handler is None:
            raise SyscallError(E.ENOSYS, f"system call {number}")
        result = handler(k, p, Args(k, p))
    except WouldBlock as block:
        from ufos.kernel.proc import sleep
        if signal.deliverable(p) is not None:         # a signal interrupts the wait
            result = -E.EINTR
        else:
            sleep(p, block.chan, block.wake_at)
            return
    except SyscallError as e:
        result = -e.errno
    except Exception as e:                         # a kernel bug: it must not end the machine
        from ufos.kernel.proc import kernel_bug
        kernel_bug(k, p, name_of(number), e)
        return
    p.retry, p.deadline = False, None
    if k.trace:
        k.trace_syscall(p, number, result)
    if result is not NO_RETURN:
        k.syscall_return(result)


def name_of(number: int) -> str:
    return SYSCALL_NAMES.get(number, f"syscall_{number}")
