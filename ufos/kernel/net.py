"""Sockets: the socket file type, the kernel's table of ports, and host loopback forwarding.

A socket is the node of an open File (file.py), as a pipe end is, so read, write, close, dup,
fork and ppoll work on it unchanged. Only TCP-style byte streams exist (AF_INET SOCK_STREAM, and
AF_UNIX SOCK_STREAM from socketpair). A socket goes through these stages:

    new          socket(): it may bind, listen or connect
    listening    listen(): connections wait in its queue until accept() takes them
    connected    accept() or connect() or socketpair(): a byte stream each way

WHERE CONNECTIONS COME FROM. A guest listening on port P also listens on the *host* at
127.0.0.1:P (or at the host port `ufos run --hostfwd P:H` maps P to), so a real client on the
host — curl, redis-cli, a Python test — can connect to a program inside ufos. Nothing listens
beyond loopback. A guest connect() reaches only guest listeners (ECONNREFUSED otherwise): ufos
programs are servers for the host, not clients of it.

    guest <-> guest   two pipes (pipe.py), one each way: bytes move inside the kernel
    host  -> guest    the host socket that the listener's host accept() returned

WAITING. A read with no data, or an accept with no connection, raises WouldBlock and the caller
sleeps. A guest event (a write, a connect) wakes it directly; for host events the object it
sleeps on carries the host descriptor in `host_fd`, which Kernel.idle() select()s on when nothing
else can run. Host sockets are never waited on while something can run, and a run with no host
client never sees a host event, so such a run stays deterministic.
"""
from __future__ import annotations

import select
import socket as host_socket
from contextlib import contextmanager
import struct
from collections import deque

from ufos.kernel.fs import Inode, Stat, new_ino
from ufos.kernel.fs.hostfs import host
from ufos.kernel.pipe import make_pipe
from ufos.kernel.sched import WouldBlock, wakeup
from ufos.kernel.uapi import E, POLL, S, SIG, SyscallError, defines

AF = defines("sys/socket.h", "AF_", strip=True)          # AF["INET"]
SOCK = defines("sys/socket.h", "SOCK_", strip=True)      # SOCK["STREAM"], SOCK["NONBLOCK"]
SO = defines("sys/socket.h", "SO_", strip=True)          # SO["REUSEADDR"]
MSG = defines("sys/socket.h", "MSG_", strip=True)        # MSG["NOSIGNAL"]
SOL_SOCKET = defines("sys/socket.h", "SOL_")["SOL_SOCKET"]
IPPROTO_TCP = defines("netinet/in.h", "IPPROTO_")["IPPROTO_TCP"]
TCP_NODELAY = defines("netinet/tcp.h", "TCP_")["TCP_NODELAY"]

SOCKADDR_IN = struct.Struct("<H2s4s8x")  # family, port (big-endian), address (big-endian)
LOOPBACK = "127.0.0.1"
EPHEMERAL = range(49152, 65536)          # ports bind(0) and connect() hand out
WRITE_RETRY_NS = 1_000_000               # a host socket with a full send buffer: try again then
SETTABLE = {(SOL_SOCKET, SO["REUSEADDR"]), (SOL_SOCKET, SO["REUSEPORT"]), (SOL_SOCKET, SO["KEEPALIVE"]),
            (SOL_SOCKET, SO["RCVBUF"]), (SOL_SOCKET, SO["SNDBUF"]), (IPPROTO_TCP, TCP_NODELAY)}
# All are accepted and remembered. TCP_NODELAY also reaches the host socket of a host client's
# connection (and, as on Linux, an accepted socket inherits it from its listener): without it the
# host's Nagle algorithm holds a reply's second write until the client's delayed ACK, 40 ms later.


class Network:
    """The kernel's ports: which guest port each bound socket has, and the host sockets open."""

    def __init__(self, hostfwd: dict[int, int] | None = None):
        self.hostfwd = dict(hostfwd or {})       # guest port -> host port (0: any free one)
        self.bound: dict[int, "Socket"] = {}    # guest port -> the socket bound to it
        self.host_ports: dict[int, int] = {}     # guest port -> the host port it listens on
        self.host_waitables: set = set()         # listeners and host streams (for ppoll's idle)
        self.looked: dict[int, int] | None = None   # host fd -> POLLIN|POLLOUT, during one_look
        self.next_port = EPHEMERAL.start

    def free_port(self) -> int:
        """The next ephemeral port no socket is bound to (in order: the same every boot)."""
        for _ in EPHEMERAL:
            port = self.next_port
            self.next_port = port + 1 if port + 1 < EPHEMERAL.stop else EPHEMERAL.start
            if port not in self.bound:
                return port
        raise SyscallError(E.EADDRINUSE, "no ephemeral port left")

    def host_fds(self) -> set[int]:
        """The host descriptors a ppoll may be waiting for."""
        return {w.host_fd for w in self.host_waitables}

    @contextmanager
    def one_look(self):
        """While ppoll looks at its descriptors, one host poll() answers for every host socket
        (their poll methods read self.looked) instead of a host system call per descriptor: a
        server polling 50 clients made 50."""
        poller = select.poll()
        for fd in self.host_fds():
            poller.register(fd, select.POLLIN | select.POLLOUT)
        self.looked = {fd: (POLL.POLLIN if events & (select.POLLIN | select.POLLHUP | select.POLLERR) else 0)
                       | (POLL.POLLOUT if events & select.POLLOUT else 0) for fd, events in poller.poll(0)}
        try:
            yield
        finally:
            self.looked = None


def parse_sockaddr(data: bytes) -> tuple[str, int]:
    """A struct sockaddr_in: (dotted address, port)."""
    if len(data) < SOCKADDR_IN.size:
        raise SyscallError(E.EINVAL, "address too short")
    family, port, addr = SOCKADDR_IN.unpack_from(data)
    if family != AF["INET"]:
        raise SyscallError(E.EAFNOSUPPORT)
    return host_socket.inet_ntoa(addr), int.from_bytes(port, "big")


def pack_sockaddr(family: int, address: tuple[str, int] | None) -> bytes:
    """A struct sockaddr_in (or, for AF_UNIX, just the family: socketpair's ends have no name)."""
    if family == AF["UNIX"]:
        return struct.pack("<H", family)
    ip, port = address or ("0.0.0.0", 0)
    return SOCKADDR_IN.pack(family, port.to_bytes(2, "big"), host_socket.inet_aton(ip))


def is_local(ip: str) -> bool:
    return ip == "0.0.0.0" or ip.startswith("127.")


# --- the byte streams of a connected socket -------------------------------------------------------
class GuestStream:
    """One end of a guest-to-guest connection: a pipe to read from, a pipe to write to."""

    def __init__(self, rx, tx):
        self.rx, self.tx = rx, tx                # PipeEnds; None once shut down

    def read(self, k, p, n: int) -> bytes:
        return self.rx.read(k, p, None, n) if self.rx else b""

    def write(self, k, p, data: bytes, nosignal: bool) -> int:
        if self.tx is None or self.tx.pipe.readers == 0:
            broken_pipe(k, p, nosignal)
        return self.tx.write(k, p, None, data)

    def poll(self, k) -> int:
        rx = self.rx.poll(k, None) if self.rx else POLL.POLLIN
        tx = self.tx.poll(k, None) if self.tx else 0
        return rx | (tx & POLL.POLLOUT) | (POLL.POLLHUP if tx & POLL.POLLERR else 0)

    def shutdown(self, k, reading: bool, writing: bool) -> None:
        """Let go of one direction or both: the peer reads end-of-file, or its writes fail."""
        if reading and self.rx:
            self.rx.release(k, None)
            self.rx = None
        if writing and self.tx:
            self.tx.release(k, None)
            self.tx = None

    def close(self, k) -> None:
        self.shutdown(k, True, True)


class HostStream:
    """A connection from a host client: the host socket the listener accepted (non-blocking)."""

    def __init__(self, net: Network, sock):
        sock.setblocking(False)
        self.net, self.sock, self.host_fd = net, sock, sock.fileno()
        net.host_waitables.add(self)

    def read(self, k, p, n: int) -> bytes:
        try:
            return self.sock.recv(n)
        except BlockingIOError:
            raise WouldBlock(self)
        except ConnectionResetError:
            return b""

    def write(self, k, p, data: bytes, nosignal: bool) -> int:
        try:
            return self.sock.send(data)
        except BlockingIOError:
            # idle() only waits for input, so retry after a while rather than wait for room
            raise WouldBlock(self, k.clock_ns() + WRITE_RETRY_NS)
        except OSError:                          # the client went away (EPIPE, ECONNRESET)
            broken_pipe(k, p, nosignal)

    def poll(self, k) -> int:
        if self.net.looked is not None:
            return self.net.looked.get(self.host_fd, 0)
        readable, writable, _ = select.select([self.host_fd], [self.host_fd], [], 0)
        return (POLL.POLLIN if readable else 0) | (POLL.POLLOUT if writable else 0)

    def shutdown(self, k, reading: bool, writing: bool) -> None:
        how = {(True, False): host_socket.SHUT_RD, (False, True): host_socket.SHUT_WR}
        try:
            self.sock.shutdown(how.get((reading, writing), host_socket.SHUT_RDWR))
        except OSError:
            pass                                 # the client has gone already

    def close(self, k) -> None:
        self.net.host_waitables.discard(self)
        self.sock.close()


def broken_pipe(k, p, nosignal: bool):
    """A write to a connection the peer has closed: EPIPE, and SIGPIPE unless MSG_NOSIGNAL."""
    from ufos.kernel import signal
    if not nosignal:
        signal.send(k, p, SIG.SIGPIPE)
    raise SyscallError(E.EPIPE)


def guest_pair() -> tuple[GuestStream, GuestStream]:
    """The two ends of a guest-to-guest connection."""
    a_read, b_write = make_pipe(new_ino())
    b_read, a_write = make_pipe(new_ino())
    return GuestStream(a_read, a_write), GuestStream(b_read, b_write)


# --- a listening socket -----------------------------------------------------------------------------
class Listener:
    """The queue of a listening socket: guest connections, and a real host socket on loopback.
    μprocesses waiting in accept() sleep on the Listener itself; every one of them is woken by a
    connection and retries, and the first to run takes it (the others sleep again)."""

    def __init__(self, net: Network, owner: "Socket", backlog: int):
        port = owner.local[1]
        self.net, self.owner, self.backlog = net, owner, max(1, min(backlog, 4096))
        self.pending: deque[Socket] = deque()
        self.sock = host_socket.socket(host_socket.AF_INET, host_socket.SOCK_STREAM)
        self.sock.setsockopt(host_socket.SOL_SOCKET, host_socket.SO_REUSEADDR, 1)
        host_port = net.hostfwd.get(port, port)
        try:
            host(self.sock.bind, (LOOPBACK, host_port))
            self.sock.listen(self.backlog)
        except SyscallError as e:
            self.sock.close()
            raise SyscallError(e.errno, f"host port {host_port}: {e} (--hostfwd {port}:H moves it)")
        self.sock.setblocking(False)
        self.host_fd = self.sock.fileno()
        net.host_ports[port] = self.sock.getsockname()[1]
        net.host_waitables.add(self)

    def accept(self, k) -> "Socket":
        if self.pending:
            return self.pending.popleft()
        try:
            conn, address = self.sock.accept()
        except (BlockingIOError, InterruptedError):
            raise WouldBlock(self)
        s = Socket(self.net, AF["INET"])
        s.local, s.peer, s.stream = self.owner.local, address, HostStream(self.net, conn)
        if self.owner.options.get((IPPROTO_TCP, TCP_NODELAY)):
            s.set_option((IPPROTO_TCP, TCP_NODELAY), 1)
        return s

    def connect_from(self, k, client: "Socket") -> None:
        """A guest's connect(): queue the server's end of a new pair; wake the acceptors."""
        if len(self.pending) >= self.backlog:
            raise SyscallError(E.ECONNREFUSED, "the listener's queue is full")
        server = Socket(self.net, AF["INET"])
        client.stream, server.stream = guest_pair()
        server.local, server.peer = self.owner.local, client.local
        self.pending.append(server)
        wakeup(k, self)

    def poll(self, k) -> int:
        if self.pending:
            return POLL.POLLIN
        if self.net.looked is not None:
            return self.net.looked.get(self.host_fd, 0) & POLL.POLLIN
        return POLL.POLLIN if select.select([self.host_fd], [], [], 0)[0] else 0

    def close(self, k) -> None:
        """The listening socket is gone: refuse what waits in its queue."""
        while self.pending:
            self.pending.popleft().release(k, None)
        self.net.host_ports.pop(self.owner.local[1], None)
        self.net.host_waitables.discard(self)
        self.sock.close()


# --- the socket: the node of an open File -----------------------------------------------------------
class Socket(Inode):
    """A node like a file's (file.py): what it does not override (truncate, chmod, times...)
    fails with the errno Inode gives."""
    kind = "sock"
    seekable = False
    is_tty = False

    def __init__(self, net: Network, family: int):
        self.net, self.family = net, family
        self.ino = new_ino()
        self.local: tuple[str, int] | None = None    # bound address
        self.peer: tuple[str, int] | None = None     # connected to
        self.listener: Listener | None = None
        self.stream: GuestStream | HostStream | None = None
        self.options: dict[tuple[int, int], int] = {}

    def stat(self) -> Stat:
        return Stat(ino=self.ino, mode=S.S_IFSOCK | 0o777)

    def set_option(self, option: tuple[int, int], value: int) -> None:
        self.options[option] = value
        if option == (IPPROTO_TCP, TCP_NODELAY) and isinstance(self.stream, HostStream):
            self.stream.sock.setsockopt(host_socket.IPPROTO_TCP, host_socket.TCP_NODELAY, int(bool(value)))

    # --- naming and connecting --------------------------------------------------------------
    def bind(self, ip: str, port: int) -> None:
        if self.local is not None or self.stream is not None:
            raise SyscallError(E.EINVAL, "already bound")
        if not is_local(ip):
            raise SyscallError(E.EADDRNOTAVAIL, "only loopback addresses exist")
        port = port or self.net.free_port()
        if port in self.net.bound:
            raise SyscallError(E.EADDRINUSE, f"port {port}")
        self.local = (ip, port)
        self.net.bound[port] = self

    def listen(self, backlog: int) -> None:
        if self.stream is not None:
            raise SyscallError(E.EINVAL, "connected")
        if self.listener is not None:
            self.listener.backlog = max(1, backlog)
            return
        if self.local is None:
            self.bind("0.0.0.0", 0)
        self.listener = Listener(self.net, self, backlog)

    def connect(self, k, ip: str, port: int) -> None:
        if self.stream is not None:
            raise SyscallError(E.EISCONN)
        if self.listener is not None:
            raise SyscallError(E.EINVAL, "listening")
        if not is_local(ip):
            raise SyscallError(E.ENETUNREACH, "only loopback exists")
        target = self.net.bound.get(port)
        if target is None or target.listener is None:
            raise SyscallError(E.ECONNREFUSED, f"no guest listens on port {port}")
        if self.local is None:
            self.local = (LOOPBACK, self.net.free_port())
        target.listener.connect_from(k, self)
        self.peer = (LOOPBACK, port)

    def accept(self, k) -> "Socket":
        if self.listener is None:
            raise SyscallError(E.EINVAL, "not listening")
        return self.listener.accept(k)

    def connected(self) -> GuestStream | HostStream:
        if self.stream is None:
            raise SyscallError(E.ENOTCONN)
        return self.stream

    # --- as the node of an open File --------------------------------------------------------
    def read(self, k, p, f, n: int) -> bytes:
        return self.connected().read(k, p, n)

    def write(self, k, p, f, data: bytes, nosignal: bool = False) -> int:
        return self.connected().write(k, p, data, nosignal)

    def poll(self, k, f) -> int:
        if self.listener is not None:
            return self.listener.poll(k)
        if self.stream is not None:
            return self.stream.poll(k)
        return POLL.POLLOUT | POLL.POLLHUP          # as Linux: a fresh socket is "hung up"

    def shutdown(self, k, how: int) -> None:
        if how not in (0, 1, 2):
            raise SyscallError(E.EINVAL)
        self.connected().shutdown(k, how in (0, 2), how in (1, 2))

    def release(self, k, f) -> None:
        """The last descriptor is closed."""
        if self.listener is not None:
            self.listener.close(k)
        if self.stream is not None:
            self.stream.close(k)
        if self.local is not None and self.net.bound.get(self.local[1]) is self:
            del self.net.bound[self.local[1]]


def socketpair() -> tuple[Socket, Socket]:
    """Two connected AF_UNIX sockets."""
    a, b = Socket(None, AF["UNIX"]), Socket(None, AF["UNIX"])
    a.stream, b.stream = guest_pair()
    return a, b
