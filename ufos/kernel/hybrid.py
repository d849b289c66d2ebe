"""What the kernel does for hybrid (A64) code: pointers that are integers.

A purecap program hands the kernel capabilities; a hybrid one (`ufos cc -mabi=hybrid`, isa.STATES)
hands it plain integers, which mean what the machine makes them mean in A64: a data address is an
offset from DDC's base and a code address an offset from PCC's base (the kernel runs hybrid
μprocesses with CCTLR.DDCBO and PCCBO on; isa.py says why: μFork moves only what has a tag, so a
hybrid program's plain pointers must be relative to the two capabilities fork does move).

So the kernel turns such an integer into the capability it stands for exactly as the hardware would
authorise the access — a data pointer is DDC with that address, a code pointer is the caller's PCC
with that address — and from there checks it like any other (uaccess.check_buffer). A hybrid
caller therefore reaches through the kernel only what its DDC already reaches: a compartment whose
DDC is a small window cannot name memory outside it in a system call either (CheriBSD's rule for
hybrid processes). Results that are capabilities go back as offsets.

How the kernel knows the caller is hybrid: it came through the gate with `blrs`, whose link in c30
has bit 0 clear when the caller ran in A64 (isa.STATES).
"""
from __future__ import annotations

from ufos.machine import isa
from ufos.machine.cap import Capability

# What a hybrid μprocess runs with (exec.start_registers): both relative-address modes.
HYBRID_CCTLR = isa.CCTLR_DDCBO | isa.CCTLR_PCCBO


def caller_is_hybrid(cpu) -> bool:
    """Did the code that branched into the gate run in A64? (bit 0 of its link, c30)"""
    link = cpu.c[30]
    return link.tag and not link.address & 1


def data_offset(cpu) -> int:
    """What an A64 data address is relative to: DDC's base when CCTLR.DDCBO is on."""
    return cpu.sysreg("ddc").base if cpu.sysreg("cctlr") & isa.CCTLR_DDCBO else 0


def data_pointer(cpu, address: int) -> Capability:
    """The capability a hybrid data pointer stands for: DDC at that address (NULL stays NULL)."""
    if address == 0:
        return Capability.null()
    return cpu.sysreg("ddc").set_address((data_offset(cpu) + address) & ((1 << 64) - 1))


def code_pointer(cpu, address: int) -> Capability:
    """The capability a hybrid function pointer stands for: the caller's PCC (its link, c30) at
    that address, bit 0 clear (A64), sealed as a sentry like every function pointer."""
    link = cpu.c[30]
    if link.sealed:
        link = link.unseal(link.otype)
    base = link.base if cpu.sysreg("cctlr") & isa.CCTLR_PCCBO else 0
    return link.set_address((base + address) & ~1 & ((1 << 64) - 1)).seal_entry()


def offset_of(cpu, cap: Capability) -> int:
    """A capability handed back to hybrid code, as the integer pointer it uses."""
    return (cap.address - data_offset(cpu)) & ((1 << 64) - 1) if cap.tag else cap.address


def code_offset(cpu, cap: Capability) -> int:
    """A code capability handed to hybrid code (a handler's return address), as an integer
    (mod 2^64: a sentry's address may lie below its base, and the kernel must not fail on it)."""
    base = cap.base if cpu.sysreg("cctlr") & isa.CCTLR_PCCBO else 0
    return ((cap.address & ~1) - base) & ((1 << 64) - 1)
