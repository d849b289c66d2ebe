"""The machine's and the compiler's own figures: `ufos bench cpu`, `relocate` and `cc`.

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
