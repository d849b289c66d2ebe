"""The grader of lab httpd (labs/httpd/README.md): the worker pool of /bin/httpd
(userland/bin/httpd/pool.c), built from this tree and run inside ufos, driven from the host by
real HTTP clients (Python's http.client and a keep-alive client on a raw socket) while the
grader watches the kernel's process table. `ufos grade httpd` runs it; so does
`pytest labs/httpd/test_httpd.py`.
"""
import http.client
import signal as host_signal
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from ufos import grading

LIMIT = 3_000_000_000   # instructions for one server's whole life; a pool that spins forever ends there
WAIT = 20               # seconds the grader waits for something that happens at once or never
FILES = {"index.html": b"<h1>lab httpd</h1>\n", "hello.txt": b"hello, world\n", "big.bin": bytes(range(256)) * 512}


class Httpd(grading.Server):
    """`httpd -w N` in ufos serving a folder of FILES as /host/www on a free host port (self.port),
    watched through the kernel's process table (grading.Server)."""

    def __init__(self, share, nworkers: int):
        (share / "www").mkdir()
        for name, data in FILES.items():
            (share / "www" / name).write_bytes(data)
        super().__init__(["httpd", "-p", "8080", "-w", str(nworkers)], 8080, share, LIMIT)

    def wait_workers(self, n: int, gone=frozenset()) -> set[int]:
        """Wait until the master has n workers, none of them in gone."""
        def ready():
            now = self.children()
            return now if len(now) == n and not now & set(gone) else None
        return self.wait_for(ready, f"{n} workers", lambda: f"expected {n} workers (children of the master, pid {self.pid})" +
                             (f" other than the old ones {sorted(gone)}" if gone else "") +
                             f"; after {self.WAIT} s found {sorted(self.children())}")


@pytest.fixture
def httpd(tmp_path):
    """A server with 3 workers, stopped after the test."""
    server = Httpd(tmp_path, 3)
    yield server
    server.stop()


def get(port: int, path: str) -> bytes:
    """GET path on a connection of its own: the body, after checking the status is 200."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        assert r.status == 200, f"GET {path} answered {r.status} {r.reason}"
        return body
    finally:
        conn.close()


def keep_alive_client(port: int, requests: int) -> int:
    """requests GETs of /hello.txt on one connection: how many came back right."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    right = 0
    for _ in range(requests):
        conn.request("GET", "/hello.txt")
        r = conn.getresponse()
        right += r.status == 200 and r.read() == FILES["hello.txt"]
    conn.close()
    return right


@pytest.mark.points(20, hint="fork n times; each child runs serve(listen_fd) and then exits, never "
                             "going back into the master's loop")
def test_workers_are_forked(httpd):
    """httpd -w 3 has three workers, children of the master, and serves."""
    httpd.wait_workers(3)
    assert get(httpd.port, "/hello.txt") == FILES["hello.txt"], "GET /hello.txt did not answer the file"


@pytest.mark.points(25, hint="every worker accepts on the same listening socket; a worker that "
                             "returns from serve() must exit, not fork again")
@pytest.mark.parent("test_workers_are_forked")
def test_parallel_requests_under_load(httpd):
    """16 keep-alive clients (20 requests each) and 48 one-request clients at once: every answer
    right, and still three workers after it."""
    before = httpd.wait_workers(3)
    with ThreadPoolExecutor(16) as pool:
        kept = pool.map(keep_alive_client, [httpd.port] * 16, [20] * 16)
        single = pool.map(lambda path: get(httpd.port, path), ["/hello.txt", "/", "/big.bin"] * 16)
        assert sum(kept) == 16 * 20, f"only {sum(kept)} of {16 * 20} keep-alive requests came back right"
        assert list(single) == [FILES["hello.txt"], FILES["index.html"], FILES["big.bin"]] * 16, \
            "a request answered the wrong file"
    assert httpd.children() == before, f"the workers changed under load: {sorted(before)} -> {sorted(httpd.children())}"


@pytest.mark.points(20, hint="the master waits for any child (waitpid(-1, ...)); when one ends, fork "
                             "its replacement into the same place of the table")
@pytest.mark.parent("test_workers_are_forked")
def test_a_killed_worker_is_replaced(httpd):
    """SIGKILL to one worker: a new worker takes its place, and the server serves."""
    old = httpd.wait_workers(3)
    victim = min(old)
    httpd.kill(host_signal.SIGKILL, victim)
    httpd.wait_workers(3, gone={victim})
    assert get(httpd.port, "/hello.txt") == FILES["hello.txt"]


@pytest.mark.points(10, hint="keep waiting after one replacement: each death is its own waitpid")
@pytest.mark.parent("test_a_killed_worker_is_replaced")
def test_every_dead_worker_is_replaced(httpd):
    """SIGKILL to all three workers at once: three new ones, and the server serves."""
    old = httpd.wait_workers(3)
    httpd.kill(host_signal.SIGKILL, *old)
    httpd.wait_workers(3, gone=old)
    assert get(httpd.port, "/") == FILES["index.html"]


@pytest.mark.points(15, hint="on SIGTERM send SIGTERM to every worker, wait for each, then return 0; "
                             "a worker finishes its request before it exits")
@pytest.mark.parent("test_workers_are_forked")
def test_sigterm_stops_cleanly(httpd):
    """SIGTERM to the master while a worker sends a file: the file arrives whole, every worker
    exits, and the master exits with status 0."""
    httpd.wait_workers(3)
    sock = socket.create_connection(("127.0.0.1", httpd.port), timeout=WAIT)
    sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: grader\r\n\r\n")
    received = sock.recv(65536)
    httpd.kill(host_signal.SIGTERM)
    while chunk := sock.recv(65536):
        received += chunk
    assert received.endswith(FILES["big.bin"]), \
        f"the answer in progress was cut: {len(received)} bytes came, for a file of {len(FILES['big.bin'])}"
    status, _, _ = httpd.finish()
    assert status == 0, f"the master exited with status {status}, not 0"


@pytest.mark.points(10, hint="on SIGHUP stop the workers; the loop that replaces dead workers does the rest")
@pytest.mark.parent("test_workers_are_forked")
def test_sighup_reforks_the_workers(httpd):
    """SIGHUP to the master: three new workers replace the old three, and the server serves."""
    old = httpd.wait_workers(3)
    httpd.kill(host_signal.SIGHUP)
    httpd.wait_workers(3, gone=old)
    assert get(httpd.port, "/hello.txt") == FILES["hello.txt"]
