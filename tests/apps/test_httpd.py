"""/bin/httpd, the pre-forking static HTTP server, driven from the host by real clients: curl,
Python's http.client, and a raw-socket client that keeps one connection alive across requests
and sends what a broken or hostile client sends. Also its master: workers forked, a dead one
replaced, SIGTERM and SIGHUP. The document root is the test's tmp_path/www, seen as /host/www.
"""
from __future__ import annotations

import calendar
import http.client
import os
import select
import signal
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate, parsedate_to_datetime

import pytest

from tests.helpers import Guest
from ufos.kernel.fork import POLICIES
from ufos.kernel.net import HostStream
from ufos.kernel.uapi import SyscallError

MTIME = calendar.timegm((2020, 1, 2, 3, 4, 5))          # the files' modification time
BIG = bytes(range(256)) * 1024                          # 256 KiB, every byte value
TIMEOUT = 20                                            # seconds any host-side wait may take


def make_root(share) -> None:
    """share/www: the document root; share/secret.txt: a file outside it, and a link to it inside."""
    www = share / "www"
    (www / "sub").mkdir(parents=True)
    (www / "empty").mkdir()
    (www / "index.html").write_text("<h1>home</h1>\n")
    (www / "hello.txt").write_text("hello, world\n")
    (www / "style.css").write_text("h1 { color: red }\n")
    (www / "a b.txt").write_text("spaced\n")
    (www / "sub" / "index.html").write_text("<p>sub</p>\n")
    (www / "big.bin").write_bytes(BIG)
    (share / "secret.txt").write_text("TOP SECRET\n")
    (www / "link").symlink_to(share / "secret.txt")
    for path in www.rglob("*"):
        os.utime(path, (MTIME, MTIME))


def start(share, *args: str, **options) -> Guest:
    """httpd on guest port 8080 serving share/www, with args; g.port is the host's port."""
    make_root(share)
    g = Guest(["/bin/httpd", "-p", "8080", *args], ports=(8080,), share=share, budget=2_000_000_000, **options)
    g.port = g.host_port(8080)
    return g


def on_kernel(g: Guest, fn):
    """fn(kernel), run on the kernel's own thread (where its tables are consistent), and its result."""
    return g.call(fn, TIMEOUT)


def wait_workers(g: Guest, n: int, gone=frozenset()) -> set[int]:
    """Wait until the master has n workers, none of them in gone; their pids."""
    def ready():
        now = g.children()
        return now if len(now) == n and not now & set(gone) else None
    return wait_for(ready, f"{n} workers" + (f" other than {sorted(gone)}" if gone else ""))


def wait_for(condition, what: str):
    deadline = time.monotonic() + TIMEOUT
    while not (result := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
    return result


def get(port: int, path: str, method: str = "GET", headers=None) -> tuple[int, dict, bytes]:
    """One request by http.client on a connection of its own: (status, headers (lower-case names), body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request(method, path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


class Raw:
    """A client on a raw socket: sends bytes as they are, reads responses one at a time (the
    head, then Content-Length bytes of body unless the request was HEAD or the status has none)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buffered = b""

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        self.buffered += data
        return bool(data)

    def response(self, head_only: bool = False) -> tuple[str, dict, bytes]:
        """(status line, headers with lower-case names, body)."""
        while b"\r\n\r\n" not in self.buffered:
            assert self._fill(), f"the connection closed before a whole head: {self.buffered[:200]!r}"
        head, self.buffered = self.buffered.split(b"\r\n\r\n", 1)
        status, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, value in (line.split(":", 1) for line in lines)}
        length = 0 if head_only or " 304 " in status else int(headers.get("content-length", 0))
        while len(self.buffered) < length:
            assert self._fill(), "the connection closed inside a body"
        body, self.buffered = self.buffered[:length], self.buffered[length:]
        return status, headers, body

    def closed(self) -> bool:
        """Has the server closed the connection (after everything it sent was read)?"""
        while True:
            try:
                if not self._fill():
                    return True
            except ConnectionResetError:
                return True

    def readable_now(self) -> bool:
        return bool(self.buffered) or bool(select.select([self.sock], [], [], 0)[0])

    def close(self) -> None:
        self.sock.close()


def request(port: int, data: bytes, head_only: bool = False) -> tuple[str, dict, bytes]:
    """One raw request on its own connection: its response."""
    raw = Raw(port)
    try:
        raw.send(data)
        return raw.response(head_only)
    finally:
        raw.close()


def stop(g: Guest) -> tuple[int, bytes, bytes]:
    g.kill(signal.SIGTERM)
    return g.finish()


# ---- one server for the tests that only read --------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    share = tmp_path_factory.mktemp("share")
    g = start(share, "-w", "2", "-l", "/host/access.log")
    g.share = share
    yield g
    status, _, stderr = stop(g)
    assert status == 0, stderr.decode()


def test_get_a_file_with_the_headers_real_servers_send(server):
    status, headers, body = get(server.port, "/hello.txt")
    assert (status, body) == (200, b"hello, world\n")
    assert headers["content-type"] == "text/plain"
    assert headers["content-length"] == "13"
    assert headers["server"].startswith("ufos-httpd")
    assert abs(parsedate_to_datetime(headers["date"]).timestamp() - time.time()) < 3600
    assert headers["last-modified"] == formatdate(MTIME, usegmt=True)
    assert headers["connection"] == "keep-alive"


def test_content_types_by_extension(server):
    assert get(server.port, "/style.css")[1]["content-type"] == "text/css"
    assert get(server.port, "/big.bin")[1]["content-type"] == "application/octet-stream"
    assert get(server.port, "/")[1]["content-type"] == "text/html"


def test_a_directory_is_its_index_and_needs_its_slash(server):
    assert get(server.port, "/")[2] == b"<h1>home</h1>\n"
    assert get(server.port, "/sub/")[2] == b"<p>sub</p>\n"
    status, headers, _ = get(server.port, "/sub?x=1")
    assert status == 301 and headers["location"] == "/sub/?x=1"
    assert get(server.port, "/sub/..")[2] == b"<h1>home</h1>\n"          # "/sub/.." is "/", a directory's name
    assert get(server.port, "/sub/.")[2] == b"<p>sub</p>\n"
    assert get(server.port, "/hello.txt/")[0] == 404                      # a file named as a directory (ENOTDIR)
    assert get(server.port, "/hello.txt/.")[0] == 404


def test_a_large_file_arrives_whole(server):
    status, headers, body = get(server.port, "/big.bin")
    assert status == 200 and body == BIG and headers["content-length"] == str(len(BIG))


def test_percent_encoded_names(server):
    assert get(server.port, "/a%20b.txt")[2] == b"spaced\n"
    assert get(server.port, "/hello%2etxt")[2] == b"hello, world\n"


def test_head_has_the_headers_of_get_and_no_body(server):
    raw = Raw(server.port)
    raw.send(b"HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
    status, headers, _ = raw.response(head_only=True)
    assert status == "HTTP/1.1 200 OK" and headers["content-length"] == "13"
    raw.send(b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")      # nothing of a body came in between
    assert raw.response()[2] == b"h1 { color: red }\n"
    raw.close()


def test_keep_alive_several_requests_on_one_connection(server):
    raw = Raw(server.port)
    for path, body in [("/hello.txt", b"hello, world\n"), ("/", b"<h1>home</h1>\n"), ("/sub/", b"<p>sub</p>\n")]:
        raw.send(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        status, headers, got = raw.response()
        assert (status, got, headers["connection"]) == ("HTTP/1.1 200 OK", body, "keep-alive")
    raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert raw.response()[1]["connection"] == "close"
    assert raw.closed()


def test_replies_go_out_at_once_with_tcp_nodelay(server):
    """httpd sets TCP_NODELAY, as nginx does; the kernel passes it on to the host's connection,
    so a reply's head and body are not held 40 ms apart by Nagle's algorithm."""
    raw = Raw(server.port)
    raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
    assert raw.response()[0] == "HTTP/1.1 200 OK"
    flags = on_kernel(server, lambda k: [w.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                                         for w in k.net.host_waitables if isinstance(w, HostStream)])
    assert flags and all(flags)


def test_pipelined_requests_are_answered_in_order(server):
    raw = Raw(server.port)
    raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /style.css HTTP/1.1\r\nHost: x\r\n\r\n"
             b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert [raw.response()[2] for _ in range(3)] == [b"hello, world\n", b"h1 { color: red }\n", b"<h1>home</h1>\n"]
    raw.close()


def test_http_1_0_closes_unless_asked_to_keep_alive(server):
    raw = Raw(server.port)
    raw.send(b"GET /hello.txt HTTP/1.0\r\n\r\n")
    status, headers, body = raw.response()
    assert status.endswith(" 200 OK") and body == b"hello, world\n" and headers["connection"] == "close"
    assert raw.closed()
    raw = Raw(server.port)
    raw.send(b"GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    assert raw.response()[1]["connection"] == "keep-alive"
    raw.send(b"GET /style.css HTTP/1.0\r\n\r\n")
    assert raw.response()[2] == b"h1 { color: red }\n" and raw.closed()


def test_curl_gets_heads_and_keeps_alive(server):
    url = f"http://127.0.0.1:{server.port}"
    done = subprocess.run(["curl", "-sS", "-v", "--max-time", str(TIMEOUT), f"{url}/hello.txt", f"{url}/style.css"],
                          capture_output=True, text=True, timeout=TIMEOUT + 5)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "hello, world\nh1 { color: red }\n"
    assert "Re-using existing connection" in done.stderr or "Reusing existing connection" in done.stderr
    done = subprocess.run(["curl", "-sS", "-I", "--max-time", str(TIMEOUT), f"{url}/big.bin"],
                          capture_output=True, text=True, timeout=TIMEOUT + 5)
    assert "HTTP/1.1 200 OK" in done.stdout and f"Content-Length: {len(BIG)}" in done.stdout


@pytest.mark.parametrize("data, status", [
    (b"GET / HTTP/1.1\r\n\r\n", 400),                                    # HTTP/1.1 without Host
    (b"GET/HTTP/1.1\r\nHost: x\r\n\r\n", 400),                           # no request line
    (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400),        # a space in a header name
    (b"GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),                         # a space before the colon
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n", 400),     # obsolete line folding
    (b"GET /hello.txt\x00.html HTTP/1.1\r\nHost: x\r\n\r\n", 400),        # a NUL in the target
    (b"GET /hello\x7f.txt HTTP/1.1\r\nHost: x\r\n\r\n", 400),             # a control character
    (b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),                    # something after the version
    (b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),                         # two spaces
    (b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),              # two Hosts
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 12x\r\n\r\n", 400),
    (b"GET /empty/ HTTP/1.1\r\nHost: x\r\n\r\n", 403),                   # a directory without index.html
    (b"GET /nothing.html HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    (b"GET /hello.txt/x HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n", 413),
    (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(100)) + b"\r\n", 431),
    (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
    # framing a proxy could read another way (RFC 9112 6.1, 6.3): refused
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
    (b"GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + b"f" * 20 + b"\r\n", 413),
])
def test_each_error_has_its_status(server, data, status):
    line, headers, body = request(server.port, data)
    assert line.startswith(f"HTTP/1.1 {status} "), line
    assert f"<h1>{status} ".encode() in body and headers["content-length"] == str(len(body))


def test_a_chunked_body_is_read_to_its_end_and_the_next_request_answered(server):
    raw = Raw(server.port)
    try:
        raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"5\r\nhello\r\n3;name=value\r\nabc\r\n0\r\nX-Trailer: yes\r\n\r\n"
                 b"GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in range(2):
            status, _, body = raw.response()
            assert status.startswith("HTTP/1.1 200 ") and body == b"hello, world\n"
        raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab")
        assert not raw.readable_now() or not select.select([raw.sock], [], [], 0.5)[0]   # waits for the rest
        raw.send(b"cd\r\n0\r\n\r\n")
        assert raw.response()[0].startswith("HTTP/1.1 200 ")
    finally:
        raw.close()


def test_other_methods_are_405_with_allow(server):
    status, headers, _ = get(server.port, "/hello.txt", method="POST")
    assert status == 405 and headers["allow"] == "GET, HEAD"
    assert get(server.port, "/hello.txt", method="DELETE")[0] == 405


@pytest.mark.parametrize("target", [
    "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
    "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/./../secret.txt", "//../secret.txt",
    "http://x/../secret.txt",
])
def test_no_path_escapes_the_root(server, target):
    line, _, body = request(server.port, f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert line.startswith("HTTP/1.1 400 "), (target, line)
    assert b"SECRET" not in body


def test_dot_segments_inside_the_root_are_resolved(server):
    assert get(server.port, "/sub/../hello.txt")[2] == b"hello, world\n"


def test_a_fragment_is_not_part_of_the_path(server):
    assert get(server.port, "/hello.txt#top")[2] == b"hello, world\n"
    status, headers, _ = get(server.port, "/sub#top")
    assert status == 301 and headers["location"] == "/sub/"


def test_a_symlink_out_of_the_root_is_not_followed(server):
    status, _, body = get(server.port, "/link")
    assert status in (403, 404) and b"SECRET" not in body


def test_if_modified_since(server):
    assert get(server.port, "/hello.txt", headers={"If-Modified-Since": formatdate(MTIME, usegmt=True)})[0] == 304
    assert get(server.port, "/hello.txt", headers={"If-Modified-Since": formatdate(MTIME + 60, usegmt=True)})[0] == 304
    status, _, body = get(server.port, "/hello.txt", headers={"If-Modified-Since": formatdate(MTIME - 1, usegmt=True)})
    assert (status, body) == (200, b"hello, world\n")
    asctime = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(MTIME))    # the obsolete form, still read
    assert get(server.port, "/hello.txt", headers={"If-Modified-Since": asctime})[0] == 304
    assert get(server.port, "/hello.txt", headers={"If-Modified-Since": "yesterday"})[0] == 200


def test_304_has_no_body(server):
    raw = Raw(server.port)
    raw.send(f"GET /hello.txt HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: {formatdate(MTIME, usegmt=True)}\r\n\r\n"
             "GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    status, headers, _ = raw.response()
    assert status == "HTTP/1.1 304 Not Modified" and headers["last-modified"] == formatdate(MTIME, usegmt=True)
    assert raw.response()[2] == b"h1 { color: red }\n"       # the next answer follows the head at once
    raw.close()


@pytest.mark.parametrize("header, first, last", [("bytes=0-9", 0, 9), ("bytes=1000-", 1000, len(BIG) - 1),
                                                 ("bytes=-100", len(BIG) - 100, len(BIG) - 1),
                                                 ("bytes=5-999999999", 5, len(BIG) - 1),
                                                 ("Bytes= 2-3", 2, 3)])     # the unit in any case, spaces after '='
def test_range_gives_206(server, header, first, last):
    status, headers, body = get(server.port, "/big.bin", headers={"Range": header})
    assert status == 206 and body == BIG[first:last + 1]
    assert headers["content-range"] == f"bytes {first}-{last}/{len(BIG)}"


def test_range_past_the_end_is_416_and_a_bad_one_is_ignored(server):
    status, headers, _ = get(server.port, "/big.bin", headers={"Range": f"bytes={len(BIG)}-"})
    assert status == 416 and headers["content-range"] == f"bytes */{len(BIG)}"
    status, _, body = get(server.port, "/big.bin", headers={"Range": "bytes=9-2"})
    assert status == 200 and body == BIG
    status, _, body = get(server.port, "/big.bin", headers={"Range": "bytes=0-1,5-6"})
    assert status == 200 and body == BIG          # several ranges: the whole file (RFC 9110 allows it)


def test_curl_range(server):
    done = subprocess.run(["curl", "-sS", "-r", "10-19", "--max-time", str(TIMEOUT),
                           f"http://127.0.0.1:{server.port}/big.bin"], capture_output=True, timeout=TIMEOUT + 5)
    assert done.stdout == BIG[10:20]


def test_many_concurrent_requests_all_answered(server):
    paths = ["/hello.txt", "/style.css", "/", "/sub/"] * 15
    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda path: get(server.port, path), paths))
    expected = {"/hello.txt": b"hello, world\n", "/style.css": b"h1 { color: red }\n", "/": b"<h1>home</h1>\n",
                "/sub/": b"<p>sub</p>\n"}
    assert [(status, body) for status, _, body in answers] == [(200, expected[path]) for path in paths]


def test_the_access_log_is_in_the_common_log_format(server):
    get(server.port, "/style.css?v=1")
    get(server.port, "/not-here")
    log = server.share / "access.log"
    lines = wait_for(lambda: [line for line in log.read_text().splitlines() if "/not-here" in line], "the log line")
    assert lines[-1].startswith('127.0.0.1 - - [') and lines[-1].endswith('] "GET /not-here HTTP/1.1" 404 90')
    line = [line for line in log.read_text().splitlines() if "style.css?v=1" in line][-1]
    when = line.split("[", 1)[1].split("]", 1)[0]
    assert abs(time.mktime(time.strptime(when, "%d/%b/%Y:%H:%M:%S +0000")) - time.mktime(time.gmtime())) < 3600
    assert line.endswith('"GET /style.css?v=1 HTTP/1.1" 200 18')


def test_the_log_line_of_an_overlong_target_is_cut_but_still_text(server):
    raw = Raw(server.port)
    raw.send(b"GET /" + b"q" * 5000 + b"z HTTP/1.1\r\nHost: x\r\n\r\n")
    assert raw.response()[0].startswith("HTTP/1.1 414")
    log = server.share / "access.log"
    cut = wait_for(lambda: [line for line in log.read_bytes().splitlines() if b"/qqqq" in line], "the 414's line")
    assert cut[-1].startswith(b"127.0.0.1 - - [") and set(cut[-1].split(b'"GET /', 1)[1]) == {ord("q")}
    get(server.port, "/after-the-long-one")
    lines = wait_for(lambda: [line for line in log.read_bytes().splitlines() if b"/after-the-long-one" in line],
                     "the next log line")
    assert lines[-1].endswith(b'"GET /after-the-long-one HTTP/1.1" 404 90')


def test_log_off_keeps_no_access_log(tmp_path):
    """`-l off`, as nginx's `access_log off`: requests are served, no line goes to stdout and no
    file named off is made (in the root, the server's working directory)."""
    g = start(tmp_path, "-w", "1", "-l", "off")
    assert get(g.port, "/hello.txt")[0] == 200
    assert get(g.port, "/not-here")[0] == 404

    def made_a_file(k):
        try:
            return k.fs.lookup("/off") is not None
        except SyscallError:
            return False
    assert not on_kernel(g, made_a_file)
    status, stdout, stderr = stop(g)
    assert status == 0, stderr.decode()
    assert b"GET /" not in stdout


# ---- the file cache ---------------------------------------------------------------------------

def test_a_changed_file_is_served_changed_within_a_second_or_two(server):
    page = server.share / "www" / "changing.txt"
    page.write_text("first\n")
    assert get(server.port, "/changing.txt")[2] == b"first\n"
    page.write_text("second, longer\n")
    started = time.monotonic()
    wait_for(lambda: get(server.port, "/changing.txt")[2] == b"second, longer\n", "the new content")
    assert time.monotonic() - started < 3
    page.unlink()
    wait_for(lambda: get(server.port, "/changing.txt")[0] == 404, "a 404 for the removed file")


def test_a_cached_file_replaced_by_a_symlink_is_refused(server):
    page = server.share / "www" / "swapped.txt"
    page.write_text("plain\n")
    assert get(server.port, "/swapped.txt")[2] == b"plain\n"
    page.unlink()
    page.symlink_to(server.share / "secret.txt")
    wait_for(lambda: get(server.port, "/swapped.txt")[0] in (403, 404), "a refusal of the link")
    assert b"TOP SECRET" not in get(server.port, "/swapped.txt")[2]


# ---- the master and its workers ---------------------------------------------------------------

def test_a_killed_worker_is_replaced(tmp_path):
    g = start(tmp_path, "-w", "3")
    before = wait_workers(g, 3)
    victim = min(before)
    g.kill(signal.SIGKILL, victim)
    after = wait_workers(g, 3, gone={victim})
    assert len(after - before) == 1
    assert get(g.port, "/hello.txt")[2] == b"hello, world\n"
    status, _, stderr = stop(g)
    assert status == 0
    assert f"worker {victim} ended".encode() in stderr


def test_sigterm_stops_cleanly_and_finishes_the_request(tmp_path):
    g = start(tmp_path, "-w", "2")
    raw = Raw(g.port)
    raw.send(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
    raw._fill()                                          # the answer has begun
    g.kill(signal.SIGTERM)
    status, headers, body = raw.response()
    assert body == BIG and headers["connection"] in ("keep-alive", "close")
    assert raw.closed()                                  # then the worker closed the connection
    status, stdout, stderr = g.finish()                  # every μprocess ended
    assert status == 0, stderr.decode()


def test_sighup_reforks_the_workers(tmp_path):
    g = start(tmp_path, "-w", "2")
    old = wait_workers(g, 2)
    g.kill(signal.SIGHUP)
    wait_workers(g, 2, gone=old)
    assert get(g.port, "/hello.txt")[2] == b"hello, world\n"
    assert stop(g)[0] == 0


@pytest.mark.parametrize("nworkers", ["1", "2"])
def test_a_silent_client_blocks_no_one_and_is_timed_out(tmp_path, nworkers):
    g = start(tmp_path, "-w", nworkers, "-t", "3")
    silent, partial = Raw(g.port), Raw(g.port)
    partial.send(b"GET /hello.txt HTTP/1.1\r\nHo")
    for _ in range(3):
        assert get(g.port, "/hello.txt")[2] == b"hello, world\n"
    assert not silent.readable_now() and not partial.readable_now()   # answered while they still wait
    assert partial.response()[0] == "HTTP/1.1 408 Request Timeout"
    assert silent.closed()                                   # an idle connection is closed without a word
    assert stop(g)[0] == 0


def test_bad_options_are_refused(tmp_path):
    g = Guest(["/bin/httpd", "-w", "0"], ports=(8080,), share=tmp_path)
    status, _, stderr = g.finish()
    assert status == 2 and b"usage: httpd" in stderr
    g = Guest(["/bin/httpd", "-r", "/host/nowhere"], ports=(8080,), share=tmp_path)
    status, _, stderr = g.finish()
    assert status == 1 and b"/host/nowhere: not a directory" in stderr


@pytest.mark.parametrize("policy", POLICIES)
def test_serves_under_every_fork_policy(tmp_path, policy):
    g = start(tmp_path, "-w", "2", policy=policy)
    with ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda path: get(g.port, path)[2], ["/hello.txt", "/big.bin"] * 4))
    assert bodies == [b"hello, world\n", BIG] * 4
    victim = min(wait_workers(g, 2))
    g.kill(signal.SIGKILL, victim)
    wait_workers(g, 2, gone={victim})
    assert get(g.port, "/")[2] == b"<h1>home</h1>\n"
    assert stop(g)[0] == 0


def test_many_keep_alive_connections_under_load(tmp_path):
    """16 connections, each 50 keep-alive requests, with 3 workers: every answer right."""
    g = start(tmp_path, "-w", "3")

    def client(n):
        raw = Raw(g.port)
        for i in range(50):
            raw.send(b"GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n")
            assert raw.response()[2] == b"hello, world\n"
        raw.close()
        return n

    with ThreadPoolExecutor(16) as pool:
        assert sorted(pool.map(client, range(16))) == list(range(16))
    assert stop(g)[0] == 0
