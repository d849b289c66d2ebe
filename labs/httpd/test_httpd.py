"""The grader of lab httpd (labs/httpd/README.md): the worker pool of /bin/httpd
(userland/bin/httpd/pool.c), built from this tree and run inside ufos, driven from the host by
real HTTP clients (Python's http.client and a keep-alive client on a raw socket) while the
grader watches the kernel's process table. `ufos grade httpd` runs it; so does
`pytest labs/httpd/test_httpd.py`.
"""
import http.client
import signal as host_signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ufos import grading
from ufos.kernel.boot import Options
from ufos.runner import boot

LIMIT = 3_000_000_000   # instructions for one server's whole life; a pool that spins forever ends there
WAIT = 20               # seconds the grader waits for something that happens at once or never
FILES = {"index.html": b"<h1>lab httpd</h1>\n", "hello.txt": b"hello, world\n", "big.bin": bytes(range(256)) * 512}


class Httpd:
    """`httpd -w N` in ufos, on a thread of its own, serving a folder of FILES as /host/www on a
    free host port (self.port). It looks into the kernel on the kernel's own thread."""

    def __init__(self, share, nworkers: int):
        (share / "www").mkdir()
        for name, data in FILES.items():
            (share / "www" / name).write_bytes(data)
        options = Options(hostfwd={8080: 0}, share=str(share), seed=grading.seed, max_instructions=LIMIT,
                          monitored=True)
        self.kernel = boot(options, report=grading.note_left_out, stdin=b"", capture=True)
        if "httpd" in grading.left_out:
            pytest.fail(grading.left_out["httpd"], pytrace=False)
        self.pid = self.kernel.spawn("/bin/httpd", ["httpd", "-p", "8080", "-w", str(nworkers)])
        self.thread = threading.Thread(target=self.kernel.run, daemon=True)
        self.thread.start()
        self.port = self.wait_for(lambda: self.kernel.net.host_ports.get(8080), "httpd to listen on port 8080")

    def wait_for(self, condition, what: str, timed_out=None):
        """condition()'s first true value; fails if it does not come while httpd runs (timed_out(),
        if given, says why when it never came)."""
        deadline = time.monotonic() + WAIT
        while not (result := condition()):
            if not self.thread.is_alive():
                pytest.fail(f"httpd ended while the grader waited for {what}: {self.why_it_ended()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(timed_out() if timed_out else f"waited {WAIT} s for {what}", pytrace=False)
            time.sleep(0.05)
        return result

    def why_it_ended(self) -> str:
        if self.kernel.cpu.sysreg("icount") >= LIMIT:
            return f"exceeded {LIMIT:,} instructions (a loop that never waits?)"
        stderr = self.kernel.output(2).decode(errors="replace").strip()
        return f"status {self.kernel.status}" + (f", stderr: {stderr[-300:]}" if stderr else "")

    def in_kernel(self, fn):
        """fn(kernel), run on the kernel's thread, and its result."""
        done, box = threading.Event(), []
        self.kernel.inbox.post(lambda: (box.append(fn(self.kernel)), done.set()))
        if not done.wait(WAIT):
            pytest.fail("the kernel did not answer the grader", pytrace=False)
        return box[0]

    def workers(self) -> set[int]:
        """The pids of the master's live children."""
        return set(self.in_kernel(lambda k: [p.pid for p in k.procs.live() if p.parent and p.parent.pid == self.pid]))

    def wait_workers(self, n: int, gone=frozenset()) -> set[int]:
        """Wait until the master has n workers, none of them in gone."""
        def ready():
            now = self.workers()
            return now if len(now) == n and not now & set(gone) else None
        return self.wait_for(ready, f"{n} workers", lambda: f"expected {n} workers (children of the master, pid {self.pid})" +
                             (f" other than the old ones {sorted(gone)}" if gone else "") +
                             f"; after {WAIT} s found {sorted(self.workers())}")

    def kill(self, sig: int, pids) -> None:
        from ufos.kernel import signal
        k = self.kernel
        k.inbox.post(lambda: [signal.send(k, p, sig) for p in k.procs.live() if p.pid in set(pids)])

    def finish(self) -> int:
        """Wait for every μprocess to end; the master's status."""
        self.thread.join(WAIT)
        if self.thread.is_alive():
            pytest.fail(f"httpd and its workers were still running {WAIT} s after SIGTERM", pytrace=False)
        return self.kernel.status


@pytest.fixture
def httpd(tmp_path):
    """A server with 3 workers, stopped after the test."""
    server = Httpd(tmp_path, 3)
    yield server
    if server.thread.is_alive():
        server.kill(host_signal.SIGKILL, [p.pid for p in server.in_kernel(lambda k: k.procs.live())])
        server.thread.join(WAIT)


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
    assert httpd.workers() == before, f"the workers changed under load: {sorted(before)} -> {sorted(httpd.workers())}"


@pytest.mark.points(20, hint="the master waits for any child (waitpid(-1, ...)); when one ends, fork "
                             "its replacement into the same place of the table")
@pytest.mark.parent("test_workers_are_forked")
def test_a_killed_worker_is_replaced(httpd):
    """SIGKILL to one worker: a new worker takes its place, and the server serves."""
    old = httpd.wait_workers(3)
    victim = min(old)
    httpd.kill(host_signal.SIGKILL, [victim])
    httpd.wait_workers(3, gone={victim})
    assert get(httpd.port, "/hello.txt") == FILES["hello.txt"]


@pytest.mark.points(10, hint="keep waiting after one replacement: each death is its own waitpid")
@pytest.mark.parent("test_a_killed_worker_is_replaced")
def test_every_dead_worker_is_replaced(httpd):
    """SIGKILL to all three workers at once: three new ones, and the server serves."""
    old = httpd.wait_workers(3)
    httpd.kill(host_signal.SIGKILL, old)
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
    httpd.kill(host_signal.SIGTERM, [httpd.pid])
    while chunk := sock.recv(65536):
        received += chunk
    assert received.endswith(FILES["big.bin"]), \
        f"the answer in progress was cut: {len(received)} bytes came, for a file of {len(FILES['big.bin'])}"
    status = httpd.finish()
    assert status == 0, f"the master exited with status {status}, not 0"


@pytest.mark.points(10, hint="on SIGHUP stop the workers; the loop that replaces dead workers does the rest")
@pytest.mark.parent("test_workers_are_forked")
def test_sighup_reforks_the_workers(httpd):
    """SIGHUP to the master: three new workers replace the old three, and the server serves."""
    old = httpd.wait_workers(3)
    httpd.kill(host_signal.SIGHUP, [httpd.pid])
    httpd.wait_workers(3, gone=old)
    assert get(httpd.port, "/hello.txt") == FILES["hello.txt"]
