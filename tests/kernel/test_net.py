"""Sockets (ufos/kernel/net.py): C servers inside ufos, and clients both inside and on the host.

The C programs are in tests/kernel/net/. A server that real host clients talk to runs in a kernel on a
thread of its own (Guest below); its guest port is mapped with hostfwd to port 0 — any free host
port — which the test reads back from the kernel, so tests never clash over ports. Every wait on
the host side has a timeout. Programs whose clients are inside ufos run as usual and are
deterministic: the same output and instruction count every run.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, Guest, build, run_program

HERE = Path(__file__).resolve().parent / "net"
BUDGET = 200_000_000
TIMEOUT = 20                 # seconds, for every host-side wait


def exchange(port: int, data: bytes) -> bytes:
    """Connect to the host port, send data, shut down our side, read the answer to its end."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
        c.sendall(data)
        c.shutdown(socket.SHUT_WR)
        return read_to_end(c)


def read_to_end(c: socket.socket) -> bytes:
    out = b""
    while chunk := c.recv(4096):
        out += chunk
    return out


# --- guest clients ------------------------------------------------------------------------------
GUEST_ECHO = b"""\
client 0 (127.0.0.1, peer port 7200): pong (ping 0)
client 1 (127.0.0.1, peer port 7200): pong (ping 1)
client 2 (127.0.0.1, peer port 7200): pong (ping 2)
server: all clients served
"""


def test_guest_clients_and_server_are_deterministic():
    """A server and three forked clients inside ufos: each client gets its own answer, and two
    runs give the same output and the same instruction count."""
    runs = [run_program(HERE / "guest_echo.c", "7200", "3", hostfwd={7200: 0},
                        budget=BUDGET) for _ in range(2)]
    assert (runs[0].status, runs[0].stdout, runs[0].stderr) == (0, GUEST_ECHO, b"")
    assert runs[0].instructions == runs[1].instructions


SOCKET_CALLS = b"""\
socketpair = 0
S_ISSOCK = 1
write a->b = 3
poll b = 1
revents POLLIN = 1
read b = 3
send b->a = 2
recv a = 2
nonblocking read, nothing there = -1 Resource temporarily unavailable
recv MSG_DONTWAIT = -1 Resource temporarily unavailable
shutdown a SHUT_WR = 0
read b after the shutdown = 0
write a after the shutdown = -1 Broken pipe
close b = 0
read a after b closed = 0
send MSG_NOSIGNAL to closed b = -1 Broken pipe
SIGPIPEs so far = 1
write to closed b = -1 Broken pipe
SIGPIPEs = 2
setsockopt SO_REUSEADDR = 0
setsockopt TCP_NODELAY = 0
setsockopt SO_DEBUG = -1 Protocol not available
SO_TYPE = 1 (len 4)
connect, nobody listening = -1 Connection refused
recv unconnected = -1 Transport endpoint is not connected
getpeername unconnected = -1 Transport endpoint is not connected
accept, not listening = -1 Invalid argument
bind = 0
listen = 0
getsockname port = 1
bind the same port = -1 Address already in use
bind 10.0.0.1 = -1 Cannot assign requested address
bind a short address = -1 Invalid argument
nonblocking accept, nobody = -1 Resource temporarily unavailable
poll the listener = 0
socket AF_INET6 = -1 Address family not supported by protocol
socket SOCK_DGRAM = -1 Socket type not supported
socketpair AF_INET = -1 Operation not supported
listen on stdin = -1 Socket operation on non-socket
getsockname of stdout = -1 Socket operation on non-socket
bind the port again after close = 0
"""


def test_socketpair_shutdown_sigpipe_nonblocking_and_errors():
    r = run_program(HERE / "socket_calls.c", "7100", hostfwd={7101: 0}, budget=BUDGET)
    assert (r.status, r.stderr) == (0, b"")
    assert r.stdout == SOCKET_CALLS


# --- host clients -------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["serial", "poll", "busy"])
def test_host_clients_talk_to_a_guest_server(mode):
    """Python clients on the host reach a C server in ufos through its listening port; the server
    waits in accept (or in poll) while the machine sleeps on the host socket — or, `busy`, while
    another μprocess keeps the CPU busy, so the kernel must look at the host between quanta."""
    guest = Guest(["echo_server", "7000", "3", mode], image=build(HERE / "echo_server.c"))
    port = guest.host_port()
    answers = [exchange(port, b"hello %d" % i) for i in range(3)]
    assert answers == [b"client %d: hello %d" % (i, i) for i in range(3)]
    assert guest.finish() == (0, b"served\n", b"")


def test_a_server_that_forks_per_connection_serves_clients_at_once():
    """Three clients connect before any sends: each connection is served by its own child."""
    guest = Guest(["echo_server", "7000", "3", "fork"], image=build(HERE / "echo_server.c"))
    port = guest.host_port()
    conns = [socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) for _ in range(3)]
    for i, c in reversed(list(enumerate(conns))):
        c.sendall(b"message %d" % i)
        c.shutdown(socket.SHUT_WR)
    answers = sorted(read_to_end(c).split(b": ", 1)[1] for c in conns)
    for c in conns:
        c.close()
    assert answers == [b"message 0", b"message 1", b"message 2"]
    assert guest.finish() == (0, b"served\n", b"")


def test_prefork_workers_share_one_listening_socket():
    """Three workers forked after listen() all accept on the one socket: every connection is
    answered by exactly one of them, and each of the three takes one "quit"."""
    guest = Guest(["echo_server", "7000", "3", "prefork"], image=build(HERE / "echo_server.c"))
    port = guest.host_port()
    for i in range(6):
        answer = exchange(port, b"job %d" % i)
        assert answer.startswith(b"worker ") and answer.endswith(b": job %d" % i), answer
    quits = {exchange(port, b"quit").split(b":")[0] for _ in range(3)}
    assert quits == {b"worker 0", b"worker 1", b"worker 2"}
    assert guest.finish() == (0, b"served\n", b"")


def test_guest_listening_on_a_busy_host_port_gets_eaddrinuse():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        r = run_program(HERE / "echo_server.c", "7000", "1", "serial",
                        hostfwd={7000: busy.getsockname()[1]}, budget=BUDGET)
    assert r.status == 1
    assert b"bind/listen: Address already in use" in r.stderr


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed on this host")
def test_curl_gets_a_page_from_a_guest_http_server():
    guest = Guest(["http_hello", "7000", "2"], image=build(HERE / "http_hello.c"))
    port = guest.host_port()
    for path in ("/", "/index.html"):
        r = subprocess.run(["curl", "-s", "-i", f"http://127.0.0.1:{port}{path}"], capture_output=True,
                           timeout=TIMEOUT)
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith(b"HTTP/1.0 200 OK\r\n")
        assert r.stdout.endswith(b"\r\n\r\nhello from ufos: " + path.encode() + b"\n")
    assert guest.finish() == (0, b"", b"")


def test_ufos_run_hostfwd_maps_the_guest_port():
    """`ufos run --hostfwd 7000:H` (H: a port the test found free): an HTTP client on the host
    gets the guest's answer at H."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, "-m", "ufos", "run", f"--hostfwd=7000:{port}", str(HERE / "http_hello.c"), "7000", "1"]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                c = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
                break
            except ConnectionRefusedError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "ufos run never listened"
                time.sleep(0.05)
        with c:
            c.sendall(b"GET /fwd HTTP/1.0\r\n\r\n")
            assert read_to_end(c).endswith(b"hello from ufos: /fwd\n")
        assert server.wait(TIMEOUT) == 0
    finally:
        server.kill()
        server.wait()


def test_ufos_run_rejects_a_bad_hostfwd():
    r = subprocess.run([sys.executable, "-m", "ufos", "run", "--hostfwd", "80", "/bin/true"], cwd=ROOT,
                       capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 2
    assert b"not GUEST:HOST ports: '80'" in r.stderr
    assert b"Traceback" not in r.stderr
