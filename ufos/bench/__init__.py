"""`ufos bench`: measurements that print figures, never pass/fail.

    ufos bench cpu [--iterations N] [--repeat R]      emulated MIPS (micro.py)
    ufos bench relocate [--pages N]                   copy-and-relocate speed (micro.py)
    ufos bench cc                                     C kernels compiled by ufos cc (micro.py)
    ufos bench fork [--quick]                         Fig. 8 and 9, fork vs size (fork.py)
    ufos bench paper [--quick] [--out DIR]            the paper's Fig. 3-9, a report and plots (paper.py)

Time is reported twice: modeled (kernel/cost.py: cycles of a 2.5 GHz Morello, the same on every
machine) and host (what this emulator took here). Shapes are compared with the paper's on the
modeled time; host time says how fast the emulator is.
"""
from __future__ import annotations

import argparse

POLICY_ORDER = ("copa", "coa", "sync", "classic")


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="ufos bench", description="benchmarks that print figures")
    sub = parser.add_subparsers(dest="what", required=True)
    cpu = sub.add_parser("cpu", help="emulated MIPS of a fixed instruction mix")
    cpu.add_argument("--iterations", type=int, default=2_000_000, help="loop iterations (default 2,000,000)")
    cpu.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    relocate = sub.add_parser("relocate", help="pages and capabilities per second of copy-and-relocate")
    relocate.add_argument("--pages", type=int, default=16384, help="pages to copy (default 16384 = 64 MiB)")
    sub.add_parser("cc", help="instructions and time of C kernels compiled by ufos cc")
    fork = sub.add_parser("fork", help="Fig. 8 and 9: fork latency and memory, Spawn and Context1, per policy")
    fork.add_argument("--sizes", default="0,1,16,64", help="MiB of pointer-full data held at fork (default 0,1,16,64)")
    fork.add_argument("--forks", type=int, default=20, help="forks per measurement (default 20)")
    fork.add_argument("--spawn", type=int, default=1000, help="Spawn loop length (default 1000, the paper's)")
    fork.add_argument("--rounds", type=int, default=10000, help="Context1 round trips (default 10,000; paper 100,000)")
    args = parser.parse_args(argv)
    if args.what == "fork":
        from ufos.bench.fork import bench_fork
        bench_fork(POLICY_ORDER, [int(s) for s in args.sizes.split(",")], args.forks, args.spawn, args.rounds)
        return 0
    from ufos.bench import micro
    if args.what == "cpu":
        micro.bench_cpu(args.iterations, args.repeat)
    elif args.what == "cc":
        micro.bench_cc()
    else:
        micro.bench_relocate(args.pages)
    return 0
