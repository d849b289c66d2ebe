"""fork: the μFork way (the μFork paper, SOSP 2025, §3.5: the steps of fork), with four policies
for the child's memory.

In a single address space the child cannot live at the parent's addresses: it gets its own slot,
and its memory is a copy of the parent's *moved* there. Whatever in that copy is an address — and
on CHERI every pointer is a tagged capability, so the kernel can find them all — must be moved by
delta = child slot - parent slot. The machine does the copy-and-move of one page
(machine/relocate.pyx); this file decides *when* each page is copied:

    copa     pages are shared read-only; a write by either side, or a capability load by the child,
             copies (and relocates) that one page. Data reads never copy. (The default; the paper's
             contribution: "copy on pointer access".)
    coa      shared pages are inaccessible: the first access of any kind copies.
    sync     everything is copied at fork.
    classic  the baseline: the child gets its own page table at the *same* addresses, pages are
             copy-on-write, nothing is relocated, and every switch flushes the TLB.

A MAP_SHARED mapping (shm.py) is outside every policy: parent and child map the same frames with
the same rights, and keep seeing each other's stores (set_aside_shared, map_shared). No pointer
needs moving there, as no tagged capability can be stored in a shared page (vm.Region.pte).

The steps of fork (fork() below), as in the paper:
    1. the parent's registers are saved; 2. a slot is allocated; 3. the memory is shared or
    copied according to the policy, with the capability table pages ("the GOT") copied eagerly;
    4. the file descriptors are duplicated; 5. the child's registers are the parent's, relocated:
    PCC, the stack pointer, the thread pointer and every capability register now point into the
    child's slot, and the child returns 0. What the kernel keeps for the parent and would hand back
    to the child (its signal handlers, the registers saved for handlers that are running) is moved
    by the same rule (Mover), so no path leads the child back into the parent's slot.
"""
from __future__ import annotations

from dataclasses import replace

from ufos.machine.isa import PTE
from ufos.machine.relocate import copy_and_relocate, relocate_capability
from ufos.kernel import relocate
from ufos.kernel.uapi import SyscallError
from ufos.kernel.vm import FRAME_MASK, RIGHTS, SLOT_SIZE, AddressSpace

POLICIES = ("copa", "coa", "sync", "classic")
RELOCATORS = ("machine", "python")      # who moves a copied page's capabilities (copy_relocating)
WRITE, AF, CAP_TRAP = PTE["WRITE"], PTE["AF"], PTE["CAP_TRAP"]


def fork(k, parent):
    """Make a child of the running μprocess `parent`; the child is ready to run and returns 0."""
    child = k.procs.create(parent)                       # a pid and a slot, or EAGAIN
    delta = child.space.base - parent.space.base
    child.space.regions = [replace(r, start=r.start + delta, end=r.end + delta) for r in parent.space.regions]
    shared = set_aside_shared(parent.space)
    try:
        SHARE[k.policy](k, parent.space, child.space)
    except SyscallError:
        map_shared(k, shared, parent.space)              # the parent's shared pages come back
        k.procs.unmake(child)                            # ENOMEM half way: undo it all
        raise
    map_shared(k, shared, parent.space, child.space)
    move = Mover(k, parent.space, child.space)
    child.context = child_registers(k, move, child.pid)
    child.inherit(parent)                                # fds, cwd, group
    child.signals = parent.signals.forked(move.cap, move.context)
    return child


# --- shared mappings: the same frames in both, whatever the policy --------------------------------
def set_aside_shared(space: AddressSpace) -> list[tuple[int, int]]:
    """The pages of MAP_SHARED regions are not the policy's to share read-only, copy or relocate:
    parent and child must keep writing the same frames. They leave the parent's page table while
    the policy runs (their frames keep their references); map_shared puts them back. The list is
    (va, pte) of each."""
    out = []
    for r in space.regions:
        if r.shared:
            for va, pte in space.pages(r.start, r.end):
                space.page_table.unmap(va)
                out.append((va, pte))
    return out


def map_shared(k, pages: list[tuple[int, int]], parent: AddressSpace, child: AddressSpace | None = None) -> None:
    """The set-aside shared pages, back in the parent's page table as they were and, with a
    child, in the child's at the same place of its slot, on the same frame with the same rights;
    the child becomes a user of the shared objects its regions map (shm.py)."""
    for va, pte in pages:
        parent.page_table.map(va, pte & FRAME_MASK, pte & 0xFFF & ~1)
        if child is not None:
            child.page_table.map(va + child.base - parent.base, pte & FRAME_MASK, pte & 0xFFF & ~1)
            k.vm.frames.ref(pte & FRAME_MASK)
    if child is not None:
        for r in child.regions:
            if r.shared:
                r.shared.attach(child)


# --- the child's memory, by policy ----------------------------------------------------------------
def share_sync(k, parent: AddressSpace, child: AddressSpace) -> None:
    """sync: copy every page now."""
    delta = child.base - parent.base
    for va, pte in parent.pages():
        new = k.vm.frames.alloc(child.base)
        copy_relocating(child, new, pte & FRAME_MASK)
        child.stats.pages_copied += 1
        child.page_table.map(va + delta, new, pte & 0xFFF & ~1)


def share_copa(k, parent: AddressSpace, child: AddressSpace) -> None:
    """copa: both map the same frames read-only; the child's pages also trap capability loads."""
    share_pages(k, parent, child, parent_clear=WRITE, child_clear=WRITE, child_set=CAP_TRAP)
    copy_got(parent, child)


def share_coa(k, parent: AddressSpace, child: AddressSpace) -> None:
    """coa: both map the same frames with the access flag clear: any access faults and copies."""
    share_pages(k, parent, child, parent_clear=WRITE | AF, child_clear=WRITE | AF, child_set=0)
    copy_got(parent, child)


def share_classic(k, parent: AddressSpace, child: AddressSpace) -> None:
    """classic: the child's own page table maps the same frames at the same addresses,
    copy-on-write (a write by either side copies; nothing is relocated)."""
    share_pages(k, parent, child, parent_clear=WRITE, child_clear=WRITE, child_set=0)


SHARE = {"copa": share_copa, "coa": share_coa, "sync": share_sync, "classic": share_classic}


def share_pages(k, parent, child, parent_clear: int, child_clear: int, child_set: int) -> None:
    """Map each of the parent's frames into the child too (one more reference each), taking rights
    away from both sides' entries so that the first access that needs a copy faults. The loop over
    the pages is the page table's (machine/mmu.pyx PageTable.share): it runs in C."""
    # BEGIN SOLUTION copa
    parent.page_table.share(child.page_table, parent.base, parent.top, distance(parent.base, child.base),
                            parent_clear, child_clear, child_set, k.vm.frames.refs)
    # STUB
    # share_sync(k, parent, child)      # for now every page is copied at fork: right, but no sharing
    # END SOLUTION


def copy_got(parent: AddressSpace, child: AddressSpace) -> None:
    """The pages holding the loader's capabilities (the capability tables, our GOT) are copied at
    once, as in the paper: the child will load from them almost immediately."""
    delta = child.base - parent.base
    child.got_pages = {va + delta for va in parent.got_pages}
    for va in sorted(child.got_pages):
        pte = child.page_table.lookup(va)
        if pte & PTE["VALID"]:
            copy_page(child, va, pte & FRAME_MASK, RIGHTS[child.region_at(va).rights])


def distance(src: int, dst: int) -> int:
    """How far capabilities move from slot src to slot dst, modulo 2**64 (the machine adds it to
    their addresses with wrap-around, so a slot below works as well as one above)."""
    return (dst - src) & ((1 << 64) - 1)


# --- the page fault handler for shared pages ------------------------------------------------------
def resolve_shared_page(space: AddressSpace, va: int, pte: int, rights: int) -> bool:
    """A μprocess touched a page it shares (or shared): give it a page of its own with the
    region's full rights. Called by vm.handle_fault once it has checked the access is legal."""
    # BEGIN SOLUTION copa
    frame = pte & FRAME_MASK
    frames = space.vm.frames
    if frames.refcount(frame) == 1 and (space.vm.classic or frames.origin(frame) == space.base):
        space.page_table.map(va, frame, rights)          # the last sharer: take the page back
    else:
        copy_page(space, va, frame, rights)
    return True
    # STUB
    # copy_page(space, va, pte & FRAME_MASK, rights)
    # return True
    # END SOLUTION


def copy_page(space: AddressSpace, va: int, frame: int, rights: int) -> None:
    """Give `space` its own copy of the shared frame mapped at va, with every capability in it
    moved into space's slot. The frame's last user relocates it in place instead of copying."""
    # BEGIN SOLUTION copa
    frames = space.vm.frames
    if frames.refcount(frame) == 1:
        new = frame                                      # nobody else sees it: move it in place
    else:
        new = frames.alloc(space.base)
        frames.unref(frame)
        space.stats.pages_copied += 1
    copy_relocating(space, new, frame)
    frames.set_origin(new, space.base)
    space.page_table.map(va, new, rights)
    # STUB
    # space.page_table.map(va, frame, rights)   # no page is shared yet (share_pages): it is space's own
    # END SOLUTION


def copy_relocating(space: AddressSpace, new: int, frame: int) -> None:
    """Copy frame to new (the same frame: in place), moving the capabilities that point into the
    frame's origin slot into space's slot. Under classic nothing moves: it is a plain copy. With
    the python relocator (lab fork) the kernel's own code (kernel/relocate.py) does the moving."""
    origin = space.vm.frames.origin(frame)
    if space.vm.classic or origin == space.base:
        copy_and_relocate(space.vm.memory, new, frame)
    elif space.vm.relocator == "python":
        space.stats.caps_relocated += relocate.copy_and_relocate_page(
            space.vm.memory, new, frame, origin, SLOT_SIZE, space.base - origin, space.root)
    else:
        space.stats.caps_relocated += copy_and_relocate(
            space.vm.memory, new, frame, 1, origin, SLOT_SIZE, distance(origin, space.base), space.root)


# --- what the kernel holds for the parent, moved into the child's slot --------------------------
class Mover:
    """One rule for every capability the child inherits outside its memory: its registers, the
    registers saved in its signal frames, its signal handlers. Each is moved into the child's
    slot exactly as a capability in a copied page is (machine/relocate.pyx), so nothing the
    kernel keeps or hands back on the child's behalf can point into the parent's slot."""

    def __init__(self, k, parent: AddressSpace, child: AddressSpace):
        self.cpu, self.memory = k.cpu, k.vm.memory
        self.parent_base, self.root = parent.base, child.root
        self.delta = distance(parent.base, child.base)

    def cap(self, cap):
        if not self.delta:
            return cap                                   # classic: the child lives at the same addresses
        return relocate_capability(cap, self.parent_base, SLOT_SIZE, self.delta, self.root, self.memory)

    def registers(self) -> None:
        """Move the CPU's registers: every capability register, PCC, DDC and the thread pointer."""
        cpu = self.cpu
        for i in range(32):
            cpu.c[i] = self.cap(cpu.c[i])
        cpu.pcc = self.cap(cpu.pcc)
        for name in ("ddc", "ctpidr"):
            cpu.set_sysreg(name, self.cap(cpu.sysreg(name)))

    def context(self, context):
        """A saved register context (a signal frame), moved. The CPU does the work: load it, move
        the registers, save it again; then the running registers come back."""
        running = self.cpu.save_context()
        self.cpu.load_context(context)
        self.registers()
        moved = self.cpu.save_context()
        self.cpu.load_context(running)
        return moved


def child_registers(k, move: Mover, pid: int):
    """The parent's registers (it is in fork, at the gate), moved into the child's slot, with
    the system call returning 0 and the child's id in cid: the child's saved context."""
    cpu = k.cpu
    saved = cpu.save_context()
    move.registers()
    k.syscall_return(0)                                 # the child's fork() returns 0 ...
    cpu.set_sysreg("cid", pid)                          # ... in the child
    context = cpu.save_context()
    cpu.load_context(saved)
    return context
