"""The isolation audit: does the μFork invariant (docs/isolation.md) hold for a μprocess?

    No capability a μprocess can reach — in its registers, loaded from its memory, or kept for
    it by the kernel — grants access outside its own slot, except the sealed entry to the kernel.

The audit looks at every register; every capability the kernel keeps for the μprocess and hands
back to it or runs it with (its signal handlers and restorers, its alternate signal stack, the
registers saved in its signal frames); and every tagged granule of every page the μprocess maps. A page whose entry traps
capability loads (a page still shared after a fork under copa, or inaccessible under coa) is
skipped: its capabilities belong to the μprocess it was copied from, and the μprocess cannot load
one of them without the kernel first copying the page and moving them into its slot.
"""
from __future__ import annotations

from ufos.machine import isa
from ufos.kernel import signal
from ufos.kernel.vm import FRAME_MASK, GATE, PAGE, allows

P = isa.PERM
WRITES = P["STORE"] | P["STORE_CAP"] | P["STORE_LOCAL_CAP"]


def registers_of(k, p) -> dict[str, object]:
    """p's capability registers (from the CPU if it is running, else from its saved context)."""
    return context_registers(k, None if k.current is p else p.context)


def context_registers(k, context) -> dict[str, object]:
    """The capability registers of a saved context (None: the CPU's own), by name."""
    cpu = k.cpu
    if context is not None:
        running = cpu.save_context()
        cpu.load_context(context)
    regs = {f"c{i}": cpu.c[i] for i in range(31)}
    regs.update(csp=cpu.csp, pcc=cpu.pcc, ctpidr=cpu.sysreg("ctpidr"), ddc=cpu.sysreg("ddc"))
    if context is not None:
        cpu.load_context(running)
    return regs


def kernel_held(k, p):
    """(where, capability) for each capability the kernel keeps on p's behalf and will hand back
    to it or run it with: its signal actions, its alternate signal stack, and the registers saved
    in its signal frames."""
    for sig, act in sorted(p.signals.actions.items()):
        for what, cap in act.capabilities().items():
            yield f"{signal.name(sig)} {what}", cap
    yield from p.signals.capabilities().items()
    for i, frame in enumerate(p.signals.frames):
        for reg, cap in context_registers(k, frame.context).items():
            yield f"signal frame {i} {reg}", cap


def is_kernel_entry(cap) -> bool:
    """The gate's pair: sealed, or unsealed by `blrs` on the way in (then it only reads the gate)."""
    return GATE <= cap.base and cap.top <= GATE + PAGE and not cap.perms & WRITES


def allowed(p, cap) -> bool:
    if not cap.tag:
        return True
    return (p.space.base <= cap.base and cap.top <= p.space.top) or is_kernel_entry(cap)


def memory_capabilities(k, p, reachable_only: bool = True):
    """(virtual address, capability) for each tagged granule p maps; with reachable_only, not
    those on pages that trap capability loads."""
    space, memory = p.space, k.memory
    for va, pte in space.pages():
        if reachable_only and not allows(pte, "cap_load"):
            continue
        frame = pte & FRAME_MASK
        for pa in memory.tagged_granules(frame, PAGE):
            yield va + (pa - frame), memory.load_cap(pa)


def audit(k, p) -> list[str]:
    """Every capability p can reach that breaks the invariant, described; [] if it holds."""
    problems = [f"register {name}: {cap!r}" for name, cap in registers_of(k, p).items()
                if not allowed(p, cap)]
    problems += [f"kernel-held {where}: {cap!r}" for where, cap in kernel_held(k, p)
                 if not allowed(p, cap)]
    problems += [f"memory {va:#x}: {cap!r}" for va, cap in memory_capabilities(k, p)
                 if not allowed(p, cap)]
    return problems
