"""The cost model: what the machine and the kernel count, charged in cycles of a 2.5 GHz Morello.

An emulator's host time says little about an OS: here a system call costs microseconds of Python,
while a page-table walk or a TLB flush, which a real kernel pays dearly, costs nothing at all. So
every architectural event is counted — instructions by class, exceptions, TLB misses and flushes,
page-table pages and entries, pages zeroed and copied, tags scanned, capabilities relocated,
system calls and the bytes they move, context switches, processes made — and charged a number of
cycles from the one table below. Modeled time is cycles / 2.5 GHz: the same on every machine, and
the same every run.

The virtual clock (Options.clock = "virtual", the default outside interactive boots) runs on
modeled time plus the time the machine spent idle. So a program that times itself with
clock_gettime — Redis timing its fork for INFO's latest_fork_usec, a benchmark timing a loop —
reads modeled time, deterministically, and `ufos bench` compares what it reads with the paper.

The constants are orders of magnitude, not measurements of a Morello board: each says where it
comes from. The μFork paper's evaluation (research/ufork-paper.md §4) is on a Morello SDP at
2.5 GHz, whose cores are Arm Neoverse N1 derivatives; latencies below are from the Neoverse N1
Software Optimization Guide where it has them, otherwise reasoned from what the operation does.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, fields

from ufos.machine import isa
from ufos.machine.cpu import COUNTER_LAYOUT

CLOCK_HZ = 2_500_000_000            # Morello SDP cores run at 2.5 GHz (paper §5)

# --- instructions, by the class isa.py gives each (cycles per retired instruction) ----------------
INSTRUCTION_CYCLES = {
    "system": 5,       # MRS/MSR of system registers serialise the pipeline (N1 guide: several cycles)
    "integer": 1,      # single-cycle ALU ops; MUL is 2-3 and DIV up to 12, but they are rare
    "branch": 1,       # predicted branches; capability branches (BLR/RET on a capability) alike
    "memory": 2,       # an L1 hit is 4 cycles of latency, about half hidden by the out-of-order core
    "capability": 1,   # bounds, permissions and sealing are ALU-like ops on Morello
    "query": 1,        # reading a capability's fields
    "float": 3,        # FP add/mul latency 2-3 cycles, sqrt/div more; averaged
}

# --- events the machine counts (cycles each) ------------------------------------------------------
MACHINE_CYCLES = {
    "tlb_misses": 30,         # a page-table walk that hits in the walk caches and L2 (N1: ~20-40)
    "tlb_flushes": 300,       # TLBI VMALLE1 + DSB + ISB on a page-table switch (misses that follow are counted)
    "tlb_invalidations": 40,  # one TLBI VAE1 by address, with its barrier
    "tag_clears": 0,          # a data store clears a tag as part of the store: no extra cost
    "misaligned": 1,          # a misaligned load or store the load-store unit may split in two: ~1 more
    "pages_copied": 700,      # 4 KiB copied with its tags: ~6 bytes/cycle of memcpy out of L2
    "caps_scanned": 4,        # reading a granule's tag during the scan (CLoadTags reads 64 at once)
    "caps_relocated": 20,     # load the capability, check it, re-derive it from the root, store it back
}

# Exceptions: entry, saving the interrupted registers, the handler's dispatch, ERET (Morello
# exception entry + return is ~100 cycles; saving and restoring 31 capability registers ~200).
EXCEPTION_CYCLES = 300
# A system call. μFork's kernel is entered by a sealed-pair branch at one privilege level: no
# exception, no privilege change (paper §4.4) — the cost of a call and return through a sentry.
# Under the classic policy (the paper's CheriBSD baseline) it is an exception as above.
SYSCALL_ENTRY_CYCLES = {"ufork": 50, "classic": EXCEPTION_CYCLES}


@dataclass
class Events:
    """What the kernel itself counts for the cost model (the machine counts the rest)."""
    syscalls: int = 0
    bytes_moved: int = 0          # bytes copied between a μprocess's memory and the kernel
    pages_zeroed: int = 0         # fresh pages: first touch, brk, mmap, exec
    context_switches: int = 0
    processes_created: int = 0    # fork, and the first μprocess


KERNEL_CYCLES = {
    "syscalls": 1000,             # the kernel's own work per call: dispatch, argument checks, the
                                  # file or process it acts on (a Linux pipe read/write is ~1-2k)
    "bytes_moved": 0.125,         # copy in/out at 8 bytes/cycle
    "pages_zeroed": 500,          # DC ZVA over 4 KiB plus clearing its 256 tags
    "context_switches": 250,      # save and restore the capability registers, pick the next thread
    "processes_created": 25_000,  # a pid, a slot, the thread, the descriptor table: ~10 µs, the part
                                  # of the paper's 54 µs hello-world fork that is not memory
}
MMU_CYCLES = {
    "tables": 600,                # a page-table page: allocate and zero it
    "entries": 10,                # write one PTE (a store; the loop over a table is tight)
}


class CostModel:
    """Modeled cycles and time of one kernel's machine, from the tables above."""

    def __init__(self, k):
        self.k = k
        self.syscall = SYSCALL_ENTRY_CYCLES["classic" if k.policy == "classic" else "ufork"]
        self.weights = array("d", (weight(name, self.syscall) for name in COUNTER_LAYOUT))
        self.kernel_costs = [(f.name, KERNEL_CYCLES[f.name]) for f in fields(Events)]   # read per clock tick

    def cycles(self) -> float:
        k = self.k
        total = k.cpu.weighted_count(self.weights)
        events = k.events
        total += sum(cost * getattr(events, name) for name, cost in self.kernel_costs)
        mmu = k.vm.mmu
        return total + MMU_CYCLES["tables"] * mmu.tables + MMU_CYCLES["entries"] * mmu.entries

    def ns(self) -> int:
        """Modeled nanoseconds since boot."""
        return int(self.cycles() * 1e9 / CLOCK_HZ)

    def breakdown(self) -> dict[str, float]:
        """Cycles by kind of event: where the modeled time went."""
        k, counters = self.k, self.k.cpu.counters()
        out = {f"instructions ({group})": INSTRUCTION_CYCLES[group] * n
               for group, n in counters["instructions_by_class"].items()}
        for name, n in counters["traps"].items():
            out[f"exceptions ({name})"] = weight(f"trap.{name}", self.syscall) * n
        for name, cost in MACHINE_CYCLES.items():
            out[name.replace("_", " ")] = cost * counters[name]
        for f in fields(Events):
            out[f.name.replace("_", " ")] = KERNEL_CYCLES[f.name] * getattr(k.events, f.name)
        out["page-table pages"] = MMU_CYCLES["tables"] * k.vm.mmu.tables
        out["page-table entries"] = MMU_CYCLES["entries"] * k.vm.mmu.entries
        return {name: cycles for name, cycles in out.items() if cycles}


def weight(name: str, syscall: float) -> float:
    """Cycles charged for one count of the machine counter called name (COUNTER_LAYOUT)."""
    kind, _, what = name.partition(".")
    if kind == "insn":
        insn = isa.BY_KEY.get(what)
        return INSTRUCTION_CYCLES[insn.group] if insn else 0
    if kind == "trap":
        if what == "SVC":
            return syscall
        return EXCEPTION_CYCLES if what in ("TIMER", "UNDEF", "SYSREG", "CAP", "ALIGN", "PAGE", "BUS") else 0
    return MACHINE_CYCLES[name]
