"""The paper's three applications, measured as its §5.1 does, under every policy side by side:

- Fig. 3-5, Redis BGSAVE: a database of 100 KB values (DEBUG POPULATE) at several sizes; for each,
  one BGSAVE: the save time (from BGSAVE until INFO says it is done), the fork latency (INFO's
  latest_fork_usec, which the server measures with clock_gettime: modeled time) and the child's
  memory (the pages it copied: INFO's rdb_last_cow_size).
- Fig. 6, FaaS: FunctionBench's float_operation invoked over HTTP for a fixed window of modeled
  time, from the zygote (a fork per call) and cold (a fork and an exec per call).
- Fig. 7, HTTP: /bin/httpd with 1, 2 and 3 workers answering keep-alive requests for a small file.

Each server runs in a machine of its own (runner.Background) and real clients drive it from the
host: redis-py, and a small keep-alive HTTP client below. Modeled time is the machine's busy
time (kernel/cost.py), read between two points through the kernel's inbox, so time the machine
spends waiting for the host client is not counted: the figures are what the paper's machine
would take to do the same work. Host rates are measured beside them.
"""
from __future__ import annotations

import json
import socket
import tempfile
import threading
import time
from pathlib import Path

from ufos.bench.report import Table, ratio, say
from ufos.kernel.cost import CLOCK_HZ

KB100 = 100_000
# Fig. 3 (save ms), Fig. 4 (fork µs), Fig. 5 (child MB) at 100 KB, 1 MB, 10 MB, 100 MB (paper §5.1)
PAPER_SAVE_MS = {"copa": (1.84, 2.84, 13.6, 112.5), "classic": (3.40, 4.85, 18.8, 159)}
PAPER_FORK_US = {"copa": (120, 120, 182, 260), "coa": (141, 141, 201, 283), "sync": (2760, 2760, 10300, 23200),
                 "classic": (615, 645, 873, 2690)}
PAPER_CHILD_MB = {"copa": (1.37, 1.49, 1.84, 5.8), "coa": (1.68, 2.62, 11.7, 102), "sync": (144, 144, 144, 144),
                  "classic": (10.3, 10.3, 16.3, 111)}
PAPER_SIZES = {KB100: 0, 10 * KB100: 1, 100 * KB100: 2, 1000 * KB100: 3}
PAPER_FAAS = {"zygote": 115, "classic": 97}        # functions/s on one core: μFork, CheriBSD (Fig. 6)
PAPER_HTTP_K = {1: 48.2, 2: 52.6, 3: 57.4}         # k req/s, μFork single core (Fig. 7)


def busy_cycles(machine) -> float:
    return machine.call(lambda k: k.cost.cycles())


# --- Redis: Fig. 3-5 --------------------------------------------------------------------------------
def redis_snapshot(policy: str, size: int) -> dict:
    """One BGSAVE of a database of `size` bytes of 100 KB values, under policy."""
    import redis
    from ufos.runner import Background
    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as share:
        memory = max(256 << 20, (3 * size + (128 << 20)) // (4 << 20) * (4 << 20))
        server = Background(["/bin/redis-server", "--port", "6379", "--save", ""], ports=(6379,),
                            share=share, policy=policy, memory=memory)
        try:
            client = redis.Redis(port=server.host_port(6379), socket_timeout=600)
            if size:
                client.execute_command("DEBUG", "POPULATE", max(1, size // KB100), "key", KB100)
            before, host_before = busy_cycles(server), time.perf_counter()
            client.bgsave()
            while client.info("persistence")["rdb_bgsave_in_progress"]:
                time.sleep(0.002)
            save_s = (busy_cycles(server) - before) / CLOCK_HZ
            host_s = time.perf_counter() - host_before
            info = client.info("persistence") | client.info("stats")
            host_fork_us = server.call(lambda k: k.fork_ns[-1]) / 1000
            client.shutdown(nosave=True)
        except redis.ConnectionError:
            pass                                   # SHUTDOWN closes the connection, as Redis does
        finally:
            server.stop(timeout=60)
    return {"save_ms": save_s * 1000, "host_save_ms": host_s * 1000, "fork_us": info["latest_fork_usec"],
            "host_fork_us": host_fork_us, "child_mb": info["rdb_last_cow_size"] / 2**20,
            "ok": info["rdb_last_bgsave_status"] == "ok"}


def redis_figures(policies, sizes: list[int]) -> list[Table]:
    results = {}
    for size in sizes:
        for policy in policies:
            say(f"Redis BGSAVE of {human(size)} under {policy}")
            results[size, policy] = redis_snapshot(policy, size)
    fig3 = paper_table("Fig. 3 — Redis BGSAVE: save time (modeled ms)", "save time (ms)", policies, PAPER_SAVE_MS)
    fig4 = paper_table("Fig. 4 — Redis BGSAVE: fork latency (modeled µs, INFO latest_fork_usec)", "fork latency (µs)",
                       policies, PAPER_FORK_US)
    fig5 = paper_table("Fig. 5 — Redis BGSAVE: the child's memory (MB it copied, rdb_last_cow_size)",
                       "child memory (MB)", policies, PAPER_CHILD_MB)
    host = Table("Redis BGSAVE on this host: fork latency (µs of host time inside fork) and save time (ms)",
                 ["DB size"] + [f"{p} fork" for p in policies] + [f"{p} save" for p in policies])
    for size in sizes:
        row = [results[size, p] for p in policies]
        col = PAPER_SIZES.get(size)
        for table, key, paper in ((fig3, "save_ms", PAPER_SAVE_MS), (fig4, "fork_us", PAPER_FORK_US),
                                  (fig5, "child_mb", PAPER_CHILD_MB)):
            theirs = [paper[p][col] if col is not None and p in paper else None for p in policies if p in paper]
            table.add(human(size), *[float(r[key]) for r in row], *theirs)
        host.add(human(size), *[r["host_fork_us"] for r in row], *[r["host_save_ms"] for r in row])
    failed = [f"{human(s)} under {p}" for (s, p), r in results.items() if not r["ok"]]
    if failed:
        fig3.notes.append(f"BGSAVE FAILED: {', '.join(failed)}")
    fig3.notes.append("paper columns: μFork's CoPA, CoA and full copy = copa, coa, sync; CheriBSD = classic")
    return [fig3, fig4, fig5, host]


def paper_table(title: str, y: str, policies, paper: dict) -> Table:
    """A table of one figure: a row per DB size, a column per policy, then the paper's columns."""
    ours = list(policies)
    theirs = [f"paper {p}" for p in ours if p in paper]
    columns = ["DB size"] + ours + theirs
    return Table(title, columns, plot={"kind": "line", "y": y, "log": True,
                                       "series": [(name, columns.index(name)) for name in ours + theirs]})


def human(size: int) -> str:
    for unit, scale in (("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} B"


# --- HTTP clients for FaaS and httpd -----------------------------------------------------------------
def http_request(sock: socket.socket, request: bytes, buffer: bytearray) -> tuple[int, bytes]:
    """Send one request on a keep-alive connection, read one response: (status, body)."""
    sock.sendall(request)
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        buffer += chunk
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        rest += chunk
    buffer[:] = rest[length:]
    return int(head.split()[1]), rest[:length]


def keepalive_load(port: int, path: str, connections: int, requests: int) -> int:
    """`requests` GETs of path over `connections` keep-alive connections at once; how many got 200."""
    ok = [0] * connections

    def client(i: int) -> None:
        buffer = bytearray()
        with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
            for _ in range(requests // connections + (i < requests % connections)):
                status, _ = http_request(s, f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode(), buffer)
                ok[i] += status == 200
    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(ok)


# --- FaaS: Fig. 6 -------------------------------------------------------------------------------------
def faas_rate(policy: str, cold: bool, window_ms: float, n: int) -> dict:
    """Calls of float_operation(n) made one after another until window_ms of modeled busy time passed."""
    from ufos.runner import Background
    server = Background(["/bin/faas", "-p", "8081", *(["-c"] if cold else [])], ports=(8081,), policy=policy)
    try:
        port = server.host_port(8081)
        body = json.dumps({"n": n}).encode()
        request = (f"POST /invoke/float_operation HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                   f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
        start, host_start, calls = busy_cycles(server), time.perf_counter(), 0
        while (busy_cycles(server) - start) / CLOCK_HZ * 1000 < window_ms:
            with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
                status, answer = http_request(s, request, bytearray())
            if status != 200:
                raise RuntimeError(f"faas answered {status}: {answer[:200]!r}")
            calls += 1
        modeled = (busy_cycles(server) - start) / CLOCK_HZ
        host = time.perf_counter() - host_start
    finally:
        server.stop(timeout=60)
    return {"rate": calls / modeled, "host_rate": calls / host, "calls": calls}


def faas_figure(policies, window_ms: float, n: int) -> Table:
    table = Table(f"Fig. 6 — FaaS: float_operation(n={n}) calls per second of modeled time (window {window_ms:g} ms)",
                  ["policy", "zygote /s", "host /s", "cold /s", "host /s", "zygote / cold", "paper /s"],
                  plot={"kind": "bar", "series": [("zygote", 1), ("cold start", 3)], "y": "functions per second (modeled)"})
    for policy in policies:
        say(f"FaaS under {policy}: zygote, then cold start")
        warm, cold = faas_rate(policy, False, window_ms, n), faas_rate(policy, True, window_ms, n)
        paper = PAPER_FAAS["zygote"] if policy == "copa" else PAPER_FAAS["classic"] if policy == "classic" else None
        table.add(policy, warm["rate"], warm["host_rate"], cold["rate"], cold["host_rate"],
                  ratio(warm["rate"], cold["rate"]), paper)
    table.notes.append("paper: one core, float_operation with n = 100,000 in MicroPython: μFork 115/s, CheriBSD 97/s "
                       "(a zygote in both); ufos has one core, so only the paper's one-core column compares")
    return table


# --- HTTP: Fig. 7 -------------------------------------------------------------------------------------
def http_rate(policy: str, workers: int, connections: int, requests: int) -> dict:
    from ufos.runner import Background
    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as share:
        (Path(share) / "www").mkdir()
        (Path(share) / "www" / "index.html").write_text("<p>hello, ufos</p>\n")
        server = Background(["/bin/httpd", "-p", "8080", "-w", str(workers), "-l", "off"], ports=(8080,),
                            share=share, policy=policy)
        try:
            port = server.host_port(8080)
            keepalive_load(port, "/index.html", connections, connections)      # every worker warmed up
            start, host_start = busy_cycles(server), time.perf_counter()
            ok = keepalive_load(port, "/index.html", connections, requests)
            modeled = (busy_cycles(server) - start) / CLOCK_HZ
            host = time.perf_counter() - host_start
        finally:
            server.stop(timeout=60)
    if ok != requests:
        raise RuntimeError(f"httpd answered {ok} of {requests} requests with 200")
    return {"rate": requests / modeled, "host_rate": requests / host}


def http_figure(policies, connections: int, requests: int) -> Table:
    table = Table(f"Fig. 7 — HTTP: thousands of requests per second of modeled time ({requests:,} keep-alive "
                  f"GETs of a small file over {connections} connections)",
                  ["workers"] + [f"{p} k/s" for p in policies] + [f"{p} host /s" for p in policies] + ["paper k/s"],
                  plot={"kind": "bar", "series": [(p, i + 1) for i, p in enumerate(policies)], "y": "k requests/s (modeled)"})
    rates = {}
    for workers in (1, 2, 3):
        for policy in policies:
            say(f"HTTP with {workers} worker(s) under {policy}")
            rates[workers, policy] = http_rate(policy, workers, connections, requests)
        table.add(workers, *[rates[workers, p]["rate"] / 1000 for p in policies],
                  *[rates[workers, p]["host_rate"] for p in policies], PAPER_HTTP_K[workers])
    table.notes.append("paper: μFork on one core, nginx with 1-3 workers: 48.2k, 52.6k, 57.4k req/s")
    return table
