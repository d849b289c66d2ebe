"""`ufos bench`: measurements that print figures, never pass/fail.

    ufos bench cpu [--iterations N] [--repeat R]
    ufos bench relocate [--pages N]
    ufos bench cc
    ufos bench fork [--sizes 0,1,16,64] [--forks N] [--spawn N] [--rounds N]

`cpu` runs a fixed instruction mix on the bare machine with the MMU on and every capability check
in force — integer arithmetic, branches, a call and return, loads and stores through bounded
capabilities, capability stores and loads, and capability manipulation — and reports emulated
MIPS. The instruction count is the same on every machine; only the time differs.

`cc` compiles a fixed set of small C kernels with `ufos cc` and runs each on the bare machine,
reporting the instructions it executed (the same on every machine: the figure that measures the
compiler's code) and the emulated time.

`relocate` measures the copy-and-relocate routine at the heart of μFork: pages copied per second
when a page holds no capabilities, and when every one of its 256 granules holds one that must move.
"""
from __future__ import annotations

import argparse
import time

CPU_MIX = r"""
// The `ufos bench cpu` instruction mix. Each iteration of `loop` runs the body below once.
        .text
        .global _start
_start:
        adrp    c1, table
        add     c1, c1, #:lo12:table
        ldr     c1, [c1]                // c1: a read-write capability bounded to buf
        mov     x2, #{iterations}
        mov     x3, #0
        mov     x7, #0
loop:
        add     x3, x3, x2              // integer work
        eor     x4, x3, x2
        lsl     x5, x2, #3
        and     x5, x5, #1016           // an index inside buf, 8-byte aligned
        str     x4, [c1, x5]            // store and load through a bounded capability
        ldr     x6, [c1, x5]
        add     x7, x7, x6
        ldrw    x8, [c1, #4]
        strb    x8, [c1, #1030]
        add     c9, c1, x5              // capability arithmetic and bounds
        scbnds  c9, c9, #8
        gcbase  x10, c9
        ldr     x11, [c9]
        str     c9, [c1, #1040]         // a capability store and load keep the tag
        ldr     c12, [c1, #1040]
        gctag   x13, c12
        add     x7, x7, x13
        bl      leaf                    // a call and a return through the link capability
        subs    x2, x2, #1
        b.ne    loop
        hlt     #0

leaf:
        mul     x14, x3, x3
        sub     x14, x14, x7
        cbz     x14, leaf_done
        add     x7, x7, #1
leaf_done:
        ret

        .data
        .balign 16
buf:    .zero   1056
        .size   buf, 1056
        .balign 16
table:  .capability buf
"""


def bench_cpu(iterations: int, repeat: int) -> None:
    from ufos.toolchain.bare import BareMachine
    from ufos.toolchain.asm import assemble_image

    image = assemble_image(CPU_MIX.replace("{iterations}", str(iterations)), filename="<bench cpu>")
    best = None
    for _ in range(repeat):
        machine = BareMachine(image)
        start = time.perf_counter()
        trap = machine.run()
        elapsed = time.perf_counter() - start
        if trap.kind != "HLT":
            raise SystemExit(f"bench cpu: the benchmark program stopped with {trap}")
        if best is None or elapsed < best[0]:
            best = (elapsed, trap.instructions, machine.cpu.counters())
    elapsed, instructions, counters = best
    print("ufos bench cpu — fixed instruction mix, MMU on, every capability check on")
    print(f"  instructions       {instructions:>14,}")
    print(f"  time (best of {repeat})   {elapsed:>14.3f} s")
    print(f"  emulated speed     {instructions / elapsed / 1e6:>14.1f} MIPS")
    print(f"  TLB hits / misses  {counters['tlb_hits']:>14,} / {counters['tlb_misses']:,}")
    print(f"  goal               {100:>14} MIPS")


def bench_relocate(pages: int) -> None:
    from ufos.machine.cap import Capability
    from ufos.machine.memory import Memory
    from ufos.machine.relocate import copy_and_relocate

    slot = 64 << 20
    parent, child = 4 * slot, 8 * slot                  # delta = 4 x the slot size
    mem = Memory(2 * pages * 4096 + 4096)
    root = Capability.root().set_address(parent).set_bounds(slot)
    child_root = Capability.root().set_address(child).set_bounds(slot)
    copy_and_relocate(mem, pages * 4096, 0, pages)     # touch every host page once, untimed
    print("ufos bench relocate — copy pages and move the capabilities that point into the slot")
    for label, fill in (("no capabilities", False), ("256 capabilities per page", True)):
        if fill:
            for granule in range(0, pages * 4096, 16):
                mem.store_cap(granule, root.set_address(parent + granule).set_bounds(64))
        before = mem.reloc_counters()
        start = time.perf_counter()
        copy_and_relocate(mem, pages * 4096, 0, pages, parent, slot, child - parent, child_root)
        elapsed = time.perf_counter() - start
        moved = mem.reloc_counters()["caps_relocated"] - before["caps_relocated"]
        print(f"  {label:<27} {pages / elapsed:>12,.0f} pages/s   {pages * 4 / 1024 / elapsed:>8,.0f} MiB/s"
              f"   {moved / elapsed:>14,.0f} capabilities/s")


CC_KERNELS = {
    "sieve": r"""
#include <stdio.h>
#include <string.h>
static char composite[200000];
int main(void) {
    int count = 0;
    for (int i = 2; i < 200000; i++) {
        if (composite[i]) continue;
        count++;
        for (int j = 2 * i; j < 200000; j += i) composite[j] = 1;
    }
    printf("%d primes\n", count);
    return 0;
}
""",
    "string hashing": r"""
#include <stdio.h>
static unsigned long fnv1a(const char *s) {
    unsigned long h = 14695981039346656037UL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211UL;
    return h;
}
int main(void) {
    char word[32];
    unsigned long total = 0;
    for (int i = 0; i < 20000; i++) {
        int n = 0, v = i;
        do { word[n++] = 'a' + v % 26; v /= 26; } while (v);
        word[n] = 0;
        total ^= fnv1a(word) + i;
    }
    printf("%lx\n", total);
    return 0;
}
""",
    "hash table": r"""
#include <stdio.h>
#include <stdlib.h>
struct entry { long key; long value; struct entry *next; };
#define BUCKETS 1024
static struct entry *table[BUCKETS];
static void put(long key, long value) {
    struct entry *e = malloc(sizeof *e);
    e->key = key; e->value = value; e->next = table[key % BUCKETS];
    table[key % BUCKETS] = e;
}
static long get(long key) {
    for (struct entry *e = table[key % BUCKETS]; e; e = e->next)
        if (e->key == key) return e->value;
    return -1;
}
int main(void) {
    long sum = 0;
    for (long i = 0; i < 5000; i++) put(i * 7919, i);
    for (long i = 0; i < 20000; i++) sum += get((i % 6000) * 7919);
    printf("%ld\n", sum);
    return 0;
}
""",
    "sort": r"""
#include <stdio.h>
static void quicksort(int *a, int n) {
    while (n > 1) {
        int pivot = a[n / 2], i = 0, j = n - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j + 1 < n - i) { quicksort(a, j + 1); a += i; n -= i; }
        else { quicksort(a + i, n - i); n = j + 1; }
    }
}
static int data[20000];
int main(void) {
    unsigned seed = 12345;
    for (int i = 0; i < 20000; i++) { seed = seed * 1103515245 + 12345; data[i] = seed >> 8; }
    quicksort(data, 20000);
    for (int i = 1; i < 20000; i++) if (data[i - 1] > data[i]) { printf("unsorted\n"); return 1; }
    printf("sorted %d %d\n", data[0], data[19999]);
    return 0;
}
""",
}


def bench_cc() -> None:
    from ufos.toolchain.driver import Source, build_executable
    from ufos.runner import run_image

    print("ufos bench cc — C kernels compiled by ufos cc, run on the bare machine")
    print(f"  {'kernel':<16} {'compile':>9} {'instructions':>14} {'emulated':>10} {'MIPS':>7}  output")
    for name, source in CC_KERNELS.items():
        start = time.perf_counter()
        image = build_executable(Source(name.replace(" ", "_") + ".c", source))
        compiled = time.perf_counter() - start
        start = time.perf_counter()
        result = run_image(image)
        elapsed = time.perf_counter() - start
        output = result.stdout.decode().strip() if result.status == 0 else f"status {result.status}"
        print(f"  {name:<16} {compiled:>8.2f}s {result.instructions:>14,} {elapsed:>9.3f}s "
              f"{result.instructions / elapsed / 1e6:>7.1f}  {output}")


FORK_PROGRAM = r"""
/* ufos bench fork: hold MiB of data full of pointers, then fork N times (each child exits at once);
 * or ping-pong a counter N times over two pipes. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

struct cell { struct cell *next; char pad[48]; };

int main(int argc, char **argv)
{
    long mib = atol(argv[1]), n = (mib << 20) / (long)sizeof(struct cell), i;
    int forks = atoi(argv[2]), st, a[2], b[2], v = 0;
    struct cell *cells = n ? malloc(n * sizeof *cells) : NULL;
    for (i = 0; i < n; i++)
        cells[i].next = &cells[(i + 1) % n];            /* a pointer every 64 bytes */
    if (argc > 3) {                                     /* ping-pong */
        pipe(a);
        pipe(b);
        if (fork() == 0) {
            while (read(a[0], &v, sizeof v) == sizeof v && v < forks) {
                v++;
                write(b[1], &v, sizeof v);
            }
            _exit(0);
        }
        while (v < forks) {
            write(a[1], &v, sizeof v);
            read(b[0], &v, sizeof v);
        }
        write(a[1], &v, sizeof v);
        wait(&st);
        return 0;
    }
    for (i = 0; i < forks; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        waitpid(pid, &st, 0);
    }
    return 0;
}
"""
PAPER_FORK_US = {"copa": (54, 120, 182, 260), "coa": ("", 141, 201, 283), "sync": ("", 2760, 10300, 23200),
                 "classic": (197, 565, 873, 2690)}


def bench_fork(sizes: list[int], forks: int, spawn: int, rounds: int) -> None:
    import statistics
    from ufos.runner import run_image
    from ufos.kernel.fork import POLICIES
    from ufos.toolchain.driver import Source, build_executable

    image = build_executable(Source("forkbench.c", FORK_PROGRAM))
    memory = max(256, 4 * max(sizes) + 64) << 20
    print("ufos bench fork — fork latency (host time inside the kernel's fork), per policy")
    print(f"  data sizes: {', '.join(f'{s} MiB' for s in sizes)}, each with a pointer every 64 bytes;"
          f" median of {forks} forks; memory {memory >> 20} MiB")
    print("  paper (Morello, µs): hello world: μFork 54, CheriBSD 197; Redis 0-1 MB / 10 MB / 100 MB:"
          " CoPA 120/182/260, CoA 141/201/283, full copy 2760/10300/23200, CheriBSD 565/873/2690")
    header = f"  {'policy':<8} " + " ".join(f"{str(s) + ' MiB':>10}" for s in sizes)
    print(header + f" {'copied/child':>13} {'mem/child':>10} {'spawn':>10} {'ping-pong':>10}")
    for policy in POLICIES:
        cells, copied, memory_per_child = [], 0, 0
        for size in sizes:
            r = run_image(image, ["forkbench", str(size), str(forks)], policy=policy, memory=memory)
            cells.append(statistics.median(r.kernel.fork_ns) / 1000)
            children = [p for p in r.kernel.history if p.pid != 1]
            copied = max(p.space.stats.pages_copied for p in children)
            memory_per_child = copied * 4
        start = time.perf_counter()
        run_image(image, ["forkbench", "0", str(spawn)], policy=policy)
        spawn_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        run_image(image, ["forkbench", "0", str(rounds), "pingpong"], policy=policy)
        pingpong_ms = (time.perf_counter() - start) * 1000
        print(f"  {policy:<8} " + " ".join(f"{c:>8.0f}µs" for c in cells) +
              f" {copied:>7} pages {memory_per_child:>7} KiB {spawn_ms:>8.0f}ms {pingpong_ms:>8.0f}ms")
    print(f"  copied/child and mem/child are for the largest size; spawn = {spawn} fork+exit+wait "
          f"(paper: μFork 56 ms, CheriBSD 198 ms for 1000); ping-pong = {rounds} round trips over "
          "two pipes (paper Context1: 245 ms vs 419 ms for 100k)")


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="ufos bench", description="benchmarks that print figures")
    sub = parser.add_subparsers(dest="what", required=True)
    cpu = sub.add_parser("cpu", help="emulated MIPS of a fixed instruction mix")
    cpu.add_argument("--iterations", type=int, default=2_000_000, help="loop iterations (default 2,000,000)")
    cpu.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    relocate = sub.add_parser("relocate", help="pages and capabilities per second of copy-and-relocate")
    relocate.add_argument("--pages", type=int, default=16384, help="pages to copy (default 16384 = 64 MiB)")
    sub.add_parser("cc", help="instructions and time of C kernels compiled by ufos cc")
    fork = sub.add_parser("fork", help="fork latency, pages copied, spawn and pipe ping-pong per policy")
    fork.add_argument("--sizes", default="0,1,16,64", help="MiB of data held at fork (default 0,1,16,64)")
    fork.add_argument("--forks", type=int, default=20, help="forks per size (default 20)")
    fork.add_argument("--spawn", type=int, default=1000, help="fork+exit+wait loop length (default 1000)")
    fork.add_argument("--rounds", type=int, default=10000, help="ping-pong round trips (default 10000)")
    args = parser.parse_args(argv)
    if args.what == "fork":
        bench_fork([int(s) for s in args.sizes.split(",")], args.forks, args.spawn, args.rounds)
        return 0
    if args.what == "cpu":
        bench_cpu(args.iterations, args.repeat)
    elif args.what == "cc":
        bench_cc()
    else:
        bench_relocate(args.pages)
    return 0
