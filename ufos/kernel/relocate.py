"""The kernel's own copy-and-relocate, in Python: the relocation at the heart of μFork, written
the way the machine's fast path (machine/relocate.pyx) does it, one capability at a time.

Lab fork (labs/fork/README.md) has students write it. Boot with Options(relocator="python") and
every page fork copies goes through copy_and_relocate_page below instead of the machine's C loop;
the default, relocator="machine", is the fast path and the reference this code must agree with,
bit for bit.

    moved = copy_and_relocate_page(memory, dst, src, slot_base, SLOT_SIZE, delta, child_root)

copies the physical page src to dst (tags and all; dst == src relocates in place), then moves every
capability in it that points into the parent's slot [slot_base, slot_base + slot_size) by delta
into the child's slot, re-derived from the child's root capability. It returns how many it moved.
"""
from __future__ import annotations

from ufos.machine.cap import Capability
from ufos.machine.isa import PAGE_SIZE, PERM_ALL
from ufos.machine.memory import Memory


def copy_and_relocate_page(memory: Memory, dst: int, src: int, slot_base: int, slot_size: int,
                           delta: int, root: Capability) -> int:
    """Copy the page at physical address src to dst and relocate its capabilities; the number of
    capabilities relocated (those still tagged after the move)."""
    # BEGIN SOLUTION fork
    # Read the capabilities first: when dst == src, writing the bytes back clears every tag.
    capabilities = [(pa - src, memory.load_cap(pa)) for pa in memory.tagged_granules(src, PAGE_SIZE)]
    memory.write(dst, memory.read(src, PAGE_SIZE))          # a data store: dst's tags are now clear
    relocated = 0
    for offset, cap in capabilities:
        moved = relocate_capability(cap, slot_base, slot_size, delta, root)
        memory.store_cap(dst + offset, moved)                # the tag comes back with the capability
        relocated += moved is not cap and moved.tag
    return relocated
    # STUB
    # return 0                 # copy the page, then move its capabilities (labs/fork/README.md)
    # END SOLUTION


def relocate_capability(cap: Capability, slot_base: int, slot_size: int, delta: int,
                        root: Capability) -> Capability:
    """cap moved by delta, if it is a capability whose bounds lie inside the slot; else cap itself
    (data, or a capability to somewhere else, such as the kernel's sealed entry)."""
    # BEGIN SOLUTION fork
    if not cap.tag or not (slot_base <= cap.base and cap.top <= slot_base + slot_size):
        return cap
    # Derive it afresh from the child's root, as the program derived the original from its own:
    # the same bounds moved by delta (exactly, or the tag goes), the same permissions, the same
    # offset from the base. Nothing of the parent's capability survives but its shape.
    moved = root.set_value(cap.base + delta).set_bounds(cap.length, exact=True)
    moved = moved.clear_perms(PERM_ALL & ~cap.perms).set_value(cap.address + delta)
    if cap.sealed:
        moved = moved.seal(cap.otype)      # a function pointer (a sentry) stays one: only callable
    return moved
    # STUB
    # return cap
    # END SOLUTION
