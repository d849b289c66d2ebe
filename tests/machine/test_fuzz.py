"""The emulator is memory-safe whatever the guest does.

Random instruction words run from random register states: capabilities of every shape (tagged and
bounded to a small guest region, untagged garbage, sealed, sentries), pages with random access
bits, code that may overwrite itself. The properties:
- the host process survives (the test finishing is the proof; a stray host access would crash it);
- the guest can only write memory its capabilities reach: physical memory outside the frames the
  region maps is byte-for-byte unchanged, and no tag appears outside them;
- every run stops with a well-formed trap.
The quick test runs a few hundred thousand instructions; the slow one, many millions.
"""
import random

import pytest

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.machine.cpu import CPU
from ufos.machine.memory import Memory
from ufos.machine.mmu import PageTable

PAGE = isa.PAGE_SIZE
REGION = 0x40000             # guest virtual region every tagged capability stays inside
REGION_PAGES = 16
CODE_PAGES = 2               # the first pages of the region hold the random code
FRAME0 = 0x20000             # physical frames of the region start here
MEMORY = 0x80000
CANARY = bytes(range(256)) * (MEMORY // 256)

DEFINED = sorted(isa.BY_OPCODE)
P = isa.PERM


def random_word(rng):
    """Mostly defined opcodes with low register numbers, so runs get past decoding."""
    if rng.random() < 0.1:
        return rng.getrandbits(32)
    word = rng.choice(DEFINED) << 24 | rng.getrandbits(24)
    if rng.random() < 0.7:   # registers 0..7 in d, n, m: where the interesting capabilities live
        word &= ~(0x3 << 3 | 0x3 << 8 | 0x3 << 13)
    if isa.BY_OPCODE[word >> 24].group == "memory" and rng.random() < 0.6:
        word = word & ~(0x3FFF << 10) | (rng.randrange(-8, 8) * 16 & 0x3FFF) << 10   # small offsets
    return word


def random_capability(rng, region_cap):
    roll = rng.random()
    if roll < 0.08:
        return Capability.from_mem(rng.getrandbits(64), rng.getrandbits(64), False)
    if roll < 0.12:
        return Capability.null().set_address(rng.choice([0, REGION, REGION + 8, rng.getrandbits(64)]))
    base = REGION + rng.randrange(REGION_PAGES * PAGE)
    length = rng.choice([1, 8, 16, 64, 256, 4096, rng.randrange(REGION + REGION_PAGES * PAGE - base + 1)])
    length = min(length, REGION + REGION_PAGES * PAGE - base)
    cap = region_cap.set_address(base).set_bounds(length)
    cap = cap.set_address(base + rng.randrange(-32, length + 32) if length else base)
    if rng.random() < 0.3:
        cap = cap.clear_perms(rng.getrandbits(18))
    if rng.random() < 0.1:
        cap = cap.seal_entry() if rng.random() < 0.5 else cap.seal(rng.randrange(4, 64))
    return cap


def make_machine(rng):
    mem = Memory(MEMORY)
    mem.write(0, CANARY)
    pt = PageTable()
    for i in range(REGION_PAGES):
        frame = FRAME0 + i * PAGE
        mem.zero(frame, PAGE)
        if i < CODE_PAGES:
            flags = P_ALL_PTE
        else:
            flags = rng.choice([P_ALL_PTE, isa.PTE["READ"] | isa.PTE["AF"],
                                isa.PTE["READ"] | isa.PTE["WRITE"] | isa.PTE["AF"],
                                P_ALL_PTE | isa.PTE["CAP_TRAP"], P_ALL_PTE & ~isa.PTE["AF"]])
        if rng.random() < 0.9 or i < CODE_PAGES:
            pt.map(REGION + i * PAGE, frame, flags)
    code = b"".join(random_word(rng).to_bytes(4, "little") for _ in range(CODE_PAGES * PAGE // 4))
    mem.write(FRAME0, code)
    cpu = CPU(mem, pt, timer_interval=rng.choice([0, 97, 1000]))
    region_cap = Capability.root().set_address(REGION).set_bounds(REGION_PAGES * PAGE)
    randomize_registers(rng, cpu, region_cap)
    return mem, cpu, region_cap


P_ALL_PTE = (isa.PTE["READ"] | isa.PTE["WRITE"] | isa.PTE["EXEC"] | isa.PTE["AF"]
             | isa.PTE["CAP_STORE"])


def randomize_registers(rng, cpu, region_cap):
    for i in range(32):
        cpu.c[i] = random_capability(rng, region_cap)
    for i in range(32):
        cpu.d[i] = rng.choice([0.0, -1.5, 1e300, float("nan"), float("inf"), rng.random()])
    cpu.nzcv = rng.getrandbits(4) << 28
    cpu.set_sysreg("cctlr", rng.choice([0, isa.CCTLR_SBL]))
    restart(rng, cpu, region_cap)


def restart(rng, cpu, region_cap):
    """Point PCC somewhere in the random code again (after a fault, or a branch into the weeds)."""
    code = region_cap.set_bounds(CODE_PAGES * PAGE)
    if rng.random() < 0.2:
        code = code.clear_perms(P["SYSTEM"])
    cpu.pcc = code.set_address(REGION + 4 * rng.randrange(CODE_PAGES * PAGE // 4))


def fuzz(seed, instructions):
    rng = random.Random(seed)
    mem, cpu, region_cap = make_machine(rng)
    done = traps = 0
    while done < instructions:
        trap = cpu.run(rng.choice([1, 10, 1000, 20000]))
        done += trap.instructions
        traps += 1
        assert trap.kind in {name for name, _ in isa.EXCEPTION_CLASSES.values()}
        str(trap)   # every trap can be described
        if rng.random() < 0.01:
            randomize_registers(rng, cpu, region_cap)
        elif trap.kind in ("LIMIT", "TIMER", "SVC", "WFI", "HLT"):
            continue                                  # these resume after the instruction
        elif cpu.pcc.tag and REGION <= trap.pc < REGION + CODE_PAGES * PAGE - 4:
            cpu.pcc = cpu.pcc.set_address(trap.pc + 4)    # skip the faulting instruction
        else:
            restart(rng, cpu, region_cap)
    # the guest reached only the region's frames
    frames = range(FRAME0, FRAME0 + REGION_PAGES * PAGE)
    outside = [(0, FRAME0), (frames.stop, MEMORY)]
    for start, stop in outside:
        assert mem.read(start, stop - start) == CANARY[start:stop], "memory outside the region changed"
        assert mem.tagged_granules(start, stop - start) == [], "a tag appeared outside the region"
    counters = cpu.counters()
    assert counters["instructions"] == done
    return done, traps, counters


def test_fuzz_quick():
    total = 0
    for seed in range(4):
        done, traps, counters = fuzz(seed, 60_000)
        total += done
        assert traps > 10
    assert total >= 240_000


def test_fuzz_is_deterministic():
    assert fuzz(7, 30_000) == fuzz(7, 30_000)


@pytest.mark.slow
def test_fuzz_many_millions():
    total = 0
    for seed in range(100, 108):
        done, _, _ = fuzz(seed, 1_500_000)
        total += done
    assert total >= 12_000_000
