"""fork measured as the paper measures it, under every policy side by side (`ufos bench fork`, and
Fig. 8 and 9 of `ufos bench paper`):

- Fig. 8: the latency of forking a hello-world program, as the parent sees it (clock_gettime
  around fork), and the child's memory (its proportional set size, /proc/PID/status Pss);
- fork latency as the μprocess grows (data full of pointers, one every 64 bytes): the shape of
  the paper's Fig. 4 without Redis;
- Fig. 9: UnixBench's Spawn (fork + exit + wait in a loop) and Context1 (a counter ping-ponged
  between two processes over two pipes).

The program below times itself with clock_gettime: on the virtual clock that is modeled time
(kernel/cost.py), the same on every machine. Host time is measured beside it: the time the kernel
spent in fork (Kernel.fork_ns), or the host time of the whole run.
"""
from __future__ import annotations

import statistics
import time

from ufos.bench.report import Table, cell_text as cell, ratio, say, show

PROGRAM = r"""
/* ufos bench fork: the paper's fork measurements, timed with clock_gettime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* The child's proportional set size in kB, read while it waits on the pipe. */
static double pss_kb(pid_t pid)
{
    char path[64], line[128];
    double kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "Pss:", 4) == 0)
            kb = atof(line + 4);
    if (f)
        fclose(f);
    return kb;
}

struct cell { struct cell *next; char pad[48]; };

/* fork N times; each child waits for the parent to read its memory use, then exits. */
static void forks(int n)
{
    for (int i = 0; i < n; i++) {
        int gate[2];
        char c;
        pipe(gate);
        long before = now_ns();
        pid_t pid = fork();
        if (pid == 0) {
            read(gate[0], &c, 1);
            _exit(0);
        }
        long after = now_ns();
        printf("fork %ld %.1f\n", after - before, pss_kb(pid));
        write(gate[1], "x", 1);
        waitpid(pid, NULL, 0);
        close(gate[0]);
        close(gate[1]);
    }
}

static void spawn(int n)
{
    long before = now_ns();
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        waitpid(pid, NULL, 0);
    }
    printf("spawn %ld\n", now_ns() - before);
}

static void context1(int n)
{
    int a[2], b[2], v = 0;
    pipe(a);
    pipe(b);
    long before = now_ns();
    if (fork() == 0) {
        while (read(a[0], &v, sizeof v) == sizeof v && v < n) {
            v++;
            write(b[1], &v, sizeof v);
        }
        _exit(0);
    }
    while (v < n) {
        write(a[1], &v, sizeof v);
        read(b[0], &v, sizeof v);
    }
    write(a[1], &v, sizeof v);
    wait(NULL);
    printf("context1 %ld\n", now_ns() - before);
}

int main(int argc, char **argv)
{
    int n = atoi(argv[2]);
    if (strcmp(argv[1], "spawn") == 0)
        spawn(n);
    else if (strcmp(argv[1], "context1") == 0)
        context1(n);
    else {                                     /* forks N [MIB of pointer-full data] */
        long cells = argc > 3 ? (atol(argv[3]) << 20) / (long)sizeof(struct cell) : 0;
        struct cell *data = cells ? malloc(cells * sizeof *data) : NULL;
        for (long i = 0; i < cells; i++)
            data[i].next = &data[(i + 1) % cells];
        forks(n);
    }
    return 0;
}
"""

# The paper's figures (research/ufork-paper.md §4): μFork is copa, CheriBSD the classic baseline.
PAPER_HELLO = {"copa": (54, 0.13), "classic": (197, 0.29)}          # µs, MB (PSS)
PAPER_SPAWN_MS = {"copa": 56, "classic": 198}                         # 1000 fork + exit + wait
PAPER_CONTEXT1_MS = {"copa": 245, "classic": 419}                     # 100,000 round trips


def image():
    from ufos.toolchain.driver import Source, build_executable
    return build_executable(Source("forkbench.c", PROGRAM))


def run(argv: list[str], policy: str, memory: int = 256 << 20):
    """Run the fork program once: (its output's lines split, the kernel, host seconds of the run)."""
    from ufos.kernel.boot import Options
    from ufos.runner import boot
    k = boot(Options(policy=policy, memory=memory), capture=True)
    k.spawn("forkbench", ["forkbench", *argv], image=image())
    start = time.perf_counter()
    status = k.run()
    host = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"forkbench {' '.join(argv)} under {policy}: status {status}\n"
                           f"{k.output(2).decode(errors='replace')}")
    return [line.split() for line in k.output(1).decode().splitlines()], k, host


def hello(policies, forks: int, mib: int = 0) -> dict[str, dict]:
    """Fork latency (modeled and host, µs; medians) and the child's PSS (MB) per policy."""
    out = {}
    for policy in policies:
        say(f"fork: {forks} forks of a {mib} MiB μprocess under {policy}")
        lines, k, _ = run(["forks", str(forks), str(mib)], policy, memory=max(256, 3 * mib + 64) << 20)
        out[policy] = {"modeled_us": statistics.median(int(l[1]) for l in lines) / 1000,
                       "host_us": statistics.median(k.fork_ns) / 1000,
                       "pss_mb": statistics.median(float(l[2]) for l in lines) / 1024}
    return out


def loops(policies, spawns: int, rounds: int) -> dict[str, dict]:
    """Spawn and Context1: modeled and host milliseconds per policy."""
    out = {}
    for policy in policies:
        say(f"Spawn ({spawns}) and Context1 ({rounds:,} round trips) under {policy}")
        (line,), _, spawn_host = run(["spawn", str(spawns)], policy)
        (pong,), _, pong_host = run(["context1", str(rounds)], policy)
        out[policy] = {"spawn_ms": int(line[1]) / 1e6, "spawn_host_ms": spawn_host * 1000,
                       "context1_ms": int(pong[1]) / 1e6, "context1_host_ms": pong_host * 1000}
    return out


def fig8(policies, forks: int) -> Table:
    data = hello(policies, forks)
    table = Table("Fig. 8 — fork of a hello-world program: latency and the child's memory",
                  ["policy", "modeled µs", "host µs", "PSS MB", "paper µs", "paper MB"],
                  plot={"kind": "bar", "series": [("modeled µs", 1), ("paper µs", 4)], "y": "fork latency (µs)"})
    for policy, d in data.items():
        paper_us, paper_mb = PAPER_HELLO.get(policy, (None, None))
        table.add(policy, d["modeled_us"], d["host_us"], d["pss_mb"], paper_us, paper_mb)
    if "copa" in data and "classic" in data:
        table.notes.append(f"classic / copa latency: modeled {cell(ratio(data['classic']['modeled_us'], data['copa']['modeled_us']))}×, "
                           f"host {cell(ratio(data['classic']['host_us'], data['copa']['host_us']))}×, paper 3.7× "
                           f"(μFork 54 µs vs CheriBSD 197 µs); memory {cell(ratio(data['classic']['pss_mb'], data['copa']['pss_mb']))}×, paper 2.2×")
    table.notes.append(f"median of {forks} forks; paper rows: μFork = copa, CheriBSD = classic")
    return table


def fig9(policies, spawns: int, rounds: int) -> Table:
    data = loops(policies, spawns, rounds)
    scale_spawn, scale_pong = 1000 / spawns, 100_000 / rounds
    table = Table(f"Fig. 9 — UnixBench Spawn ({spawns:,} fork+exit+wait) and Context1 ({rounds:,} pipe round trips)",
                  ["policy", "Spawn ms", "host ms", "paper ms", "Context1 ms", "host ms", "paper ms"],
                  plot={"kind": "bar", "series": [("Spawn (modeled)", 1), ("Context1 (modeled)", 4)],
                        "y": "modeled ms"})
    for policy, d in data.items():
        table.add(policy, d["spawn_ms"], d["spawn_host_ms"],
                  PAPER_SPAWN_MS[policy] / scale_spawn if policy in PAPER_SPAWN_MS else None,
                  d["context1_ms"], d["context1_host_ms"],
                  PAPER_CONTEXT1_MS[policy] / scale_pong if policy in PAPER_CONTEXT1_MS else None)
    if "copa" in data and "classic" in data:
        c, m = data["classic"], data["copa"]
        table.notes.append(f"classic / copa: Spawn {cell(ratio(c['spawn_ms'], m['spawn_ms']))}× modeled "
                           f"(paper 3.5×), Context1 {cell(ratio(c['context1_ms'], m['context1_ms']))}× modeled (paper 1.7×)")
    table.notes.append("paper figures scaled to these loop lengths (paper: 1000 spawns, 100,000 round trips)")
    return table


def fork_sizes(policies, sizes_mib: list[int], forks: int) -> Table:
    table = Table("fork latency as the μprocess grows (data with a pointer every 64 bytes)",
                  ["MiB"] + [f"{p} µs" for p in policies] + [f"{p} host µs" for p in policies],
                  plot={"kind": "line", "series": [(p, i + 1) for i, p in enumerate(policies)],
                        "y": "modeled fork latency (µs)", "log": True})
    results = {mib: hello(policies, forks, mib) for mib in sizes_mib}
    for mib, data in results.items():
        table.add(mib, *[data[p]["modeled_us"] for p in policies], *[data[p]["host_us"] for p in policies])
    return table


def bench_fork(policies, sizes: list[int], forks: int, spawns: int, rounds: int) -> list[Table]:
    tables = []
    for make in (lambda: fig8(policies, forks), lambda: fork_sizes(policies, sizes, max(3, forks // 4)),
                 lambda: fig9(policies, spawns, rounds)):
        tables.append(make())
        show(tables[-1])
    return tables
