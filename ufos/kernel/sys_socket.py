"""System calls on sockets: socket, socketpair, bind, listen, accept, connect, send, receive,
shutdown and the socket options. The sockets themselves, and how a guest port meets the host's,
are in net.py.
"""
from __future__ import annotations

import struct

from ufos.kernel import net
from ufos.kernel.file import File, nonblocking
from ufos.kernel.uapi import E, O, SyscallError
from ufos.kernel.uaccess import Args


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
    s.set_option(option, struct.unpack("<i", a.read(3, 4))[0])
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
