"""`ufos bench`: measurements that print figures, never pass/fail.

    ufos bench cpu [--iterations N] [--repeat R]      emulated MIPS (micro.py)
    ufos bench relocate [--pages N]                   copy-and-relocate speed (micro.py)
    ufos bench cc [--lines N]                         C kernels compiled by ufos cc (micro.py); with
                                                      --lines, lines/s compiling N lines (cc_source.py)
    ufos bench fork [--quick]                         Fig. 8 and 9, fork vs size (fork.py)
    ufos bench paper [--quick] [--out DIR]            the paper's Fig. 3-9, a report and plots (paper.py)
    ufos bench redis [--requests N] [--runs R]        /bin/redis-server vs a real Redis (versus.py)
    ufos bench http [--seconds S] [--runs R]          /bin/httpd vs nginx (versus.py)
    ufos bench compartments [--calls N]               a library isolated four ways (compartments.py)

Time is reported twice: modeled (kernel/cost.py: cycles of a 2.5 GHz Morello, the same on every
machine) and host (what this emulator took here). Shapes are compared with the paper's on the
modeled time; host time says how fast the emulator is.
"""
from __future__ import annotations

import argparse
from pathlib import Path

POLICY_ORDER = ("copa", "coa", "sync", "classic")


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="ufos bench", description="benchmarks that print figures")
    sub = parser.add_subparsers(dest="what", required=True)
    cpu = sub.add_parser("cpu", help="emulated MIPS of a fixed instruction mix")
    cpu.add_argument("--iterations", type=int, default=2_000_000, help="loop iterations (default 2,000,000)")
    cpu.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    relocate = sub.add_parser("relocate", help="pages and capabilities per second of copy-and-relocate")
    relocate.add_argument("--pages", type=int, default=16384, help="pages to copy (default 16384 = 64 MiB)")
    cc = sub.add_parser("cc", help="instructions and time of C kernels compiled by ufos cc")
    cc.add_argument("--lines", type=int, help="instead: lines/s compiling a generated program of LINES lines")
    fork = sub.add_parser("fork", help="Fig. 8 and 9: fork latency and memory, Spawn and Context1, per policy")
    fork.add_argument("--sizes", default="0,1,16,64", help="MiB of pointer-full data held at fork (default 0,1,16,64)")
    fork.add_argument("--forks", type=int, default=20, help="forks per measurement (default 20)")
    fork.add_argument("--spawn", type=int, default=1000, help="Spawn loop length (default 1000, the paper's)")
    fork.add_argument("--rounds", type=int, default=10000, help="Context1 round trips (default 10,000; paper 100,000)")
    paper = sub.add_parser("paper", help="the paper's Fig. 3-9 under every policy, a Markdown report and plots")
    paper.add_argument("--quick", action="store_true", help="smaller sizes and shorter loops (minutes)")
    paper.add_argument("--out", type=Path, help="write report.md and the plots (PNG, SVG) in this directory")
    paper.add_argument("--policies", default=",".join(POLICY_ORDER), help="the fork policies (default: all four)")
    redis = sub.add_parser("redis", help="/bin/redis-server against a real redis-server, with redis-benchmark")
    redis.add_argument("--requests", type=int, default=100_000, help="requests per test (default 100,000)")
    http = sub.add_parser("http", help="/bin/httpd against nginx, with wrk")
    http.add_argument("--seconds", type=int, default=5, help="seconds per run (default 5)")
    http.add_argument("--connections", type=int, default=16, help="keep-alive connections (default 16)")
    compartments = sub.add_parser("compartments", help="a library isolated four ways: call cost, throughput, effort")
    compartments.add_argument("--calls", type=int, default=20000, help="library calls measured (default 20,000)")
    compartments.add_argument("--requests", type=int, default=2000, help="SET/GET requests (default 2,000)")
    compartments.add_argument("--fork-policy", default="copa", choices=POLICY_ORDER, help="(default copa)")
    for server in (redis, http):
        server.add_argument("--fork-policy", default="copa", choices=POLICY_ORDER, help="our server's (default copa)")
        server.add_argument("--runs", type=int, default=3,
                            help="rounds, each measuring every server once; the best kept (default 3: a 2-core machine is noisy)")
    args = parser.parse_args(argv)
    if args.what in ("redis", "http"):
        from ufos.bench import versus
        from ufos.bench.report import show
        if args.runs < 1:
            parser.error("--runs must be at least 1")
        show(versus.bench_redis(args.requests, args.fork_policy, args.runs) if args.what == "redis"
             else versus.bench_http(args.seconds, args.connections, args.fork_policy, args.runs))
        return 0
    if args.what == "compartments":
        from ufos.bench.compartments import bench_compartments
        bench_compartments(args.calls, args.requests, args.fork_policy)
        return 0
    if args.what == "paper":
        from ufos.bench.paper import bench_paper
        policies = [p for p in args.policies.split(",") if p]
        unknown = set(policies) - set(POLICY_ORDER)
        if unknown or not policies:
            parser.error(f"--policies: unknown {', '.join(sorted(unknown)) or 'empty list'} (of {', '.join(POLICY_ORDER)})")
        bench_paper(policies, args.quick, args.out)
        return 0
    if args.what == "fork":
        from ufos.bench.fork import bench_fork
        bench_fork(POLICY_ORDER, [int(s) for s in args.sizes.split(",")], args.forks, args.spawn, args.rounds)
        return 0
    from ufos.bench import micro
    if args.what == "cpu":
        micro.bench_cpu(args.iterations, args.repeat)
    elif args.what == "cc" and args.lines:
        from ufos.bench.cc_source import bench_cc_lines
        bench_cc_lines(args.lines)
    elif args.what == "cc":
        micro.bench_cc()
    else:
        micro.bench_relocate(args.pages)
    return 0
