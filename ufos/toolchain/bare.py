"""Run a linked program on the bare machine, with no kernel: for the ISA's tests, `ufos bench cpu`
and labs that explore the capability machine itself.

It does by hand what the kernel's exec will do: map each segment of the image to fresh frames with
the page rights it needs, give the program a stack, turn the image's capability relocations into
tagged capabilities derived from one root, and point PCC at the entry.

    machine = BareMachine(image)
    trap = machine.run()            # until HLT (or any other trap)
"""
from __future__ import annotations

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.machine.cpu import CPU
from ufos.machine.memory import Memory
from ufos.machine.mmu import PageTable
from ufos.abi import CAP_PERMS

PAGE = isa.PAGE_SIZE
P = isa.PERM
PTE = isa.PTE

SEGMENT_PTE = {     # page rights of each kind of segment
    "rx": PTE["READ"] | PTE["EXEC"] | PTE["AF"],
    "r": PTE["READ"] | PTE["AF"],
    "rw": PTE["READ"] | PTE["WRITE"] | PTE["AF"] | PTE["CAP_STORE"],
}
CODE_PERMS = CAP_PERMS[".text"]       # the linker's choice of rights for each kind of section
DATA_PERMS = CAP_PERMS[".data"]


def _pages(start: int, end: int) -> range:
    return range(start & ~(PAGE - 1), (end + PAGE - 1) & ~(PAGE - 1), PAGE)


class BareMachine:
    """A CPU, its memory and one page table, with a linked program loaded."""

    # The address space, upwards: the image, a guard page, the heap (mapped by map_anonymous),
    # a guard page, the stack.
    def __init__(self, image, memory_size: int = 16 << 20, stack_size: int = 256 << 10,
                 heap_size: int = 8 << 20, system: bool = True, timer_interval: int = 0):
        self.image = image
        self.memory = Memory(memory_size)
        self.page_table = PageTable()
        self._next_frame = PAGE            # frame 0 stays unused: a null physical address is a bug
        self.heap_start = self.heap_next = _pages(image.base, image.base + image.size).stop + PAGE
        self.heap_end = self.heap_start + heap_size
        self.stack_top = self.heap_end + PAGE + stack_size
        self.root = Capability.root().set_address(image.base).set_bounds(self.stack_top - image.base)
        self._load_segments()
        self.map_pages(self.stack_top - stack_size, self.stack_top, SEGMENT_PTE["rw"])
        self.cpu = CPU(self.memory, self.page_table, timer_interval=timer_interval)
        self._apply_cap_relocs()
        code = self.root.clear_perms(isa.PERM_ALL & ~(CODE_PERMS | (P["SYSTEM"] if system else 0)))
        self.cpu.pcc = code.set_address(image.entry)
        self.cpu.state = image.state
        stack = self.root.set_address(self.stack_top - stack_size).set_bounds(stack_size)
        self.cpu.csp = stack.clear_perms(isa.PERM_ALL & ~DATA_PERMS).set_address(self.stack_top)

    # --- loading ----------------------------------------------------------------------------
    def map_pages(self, start: int, end: int, flags: int) -> None:
        """Give [start, end) fresh frames with the PTE bits `flags` (pages already mapped keep theirs
        and gain these)."""
        for va in _pages(start, end):
            if self.page_table.translate(va) is None:
                self.page_table.map(va, self._next_frame, flags)
                self._next_frame += PAGE
            else:   # two segments share a page: it gets the rights of both
                self.page_table.protect(va, set_bits=flags)

    def _load_segments(self) -> None:
        for _name, start, end, perms in self.image.segments:
            self.map_pages(start, end, SEGMENT_PTE["rx" if "x" in perms else "rw" if "w" in perms else "r"])
        self.write(self.image.base, self.image.data)

    def _apply_cap_relocs(self) -> None:
        """Each `.capability` in the image becomes a tagged capability derived from the root."""
        for r in self.image.cap_relocs:
            cap = self.root.set_address(r.base).set_bounds(r.length).clear_perms(isa.PERM_ALL & ~r.perms)
            cap = cap.set_address(r.target)
            self.store_cap(r.location, cap.seal_entry() if r.is_function else cap)

    def map_anonymous(self, length: int):
        """Map fresh zeroed pages in the heap; a capability bounded to them, or None if full."""
        length = (length + PAGE - 1) & ~(PAGE - 1)
        if length == 0 or self.heap_next + length > self.heap_end:
            return None
        if self._next_frame + length > len(self.memory):
            return None
        start, self.heap_next = self.heap_next, self.heap_next + length
        self.map_pages(start, start + length, SEGMENT_PTE["rw"])
        return self.root.set_address(start).set_bounds(length).clear_perms(isa.PERM_ALL & ~DATA_PERMS)

    # --- access by virtual address, as the program sees it ----------------------------------
    def _pa(self, va: int) -> int:
        pa = self.page_table.translate(va)
        if pa is None:
            raise ValueError(f"virtual address {va:#x} is not mapped")
        return pa

    def write(self, va: int, data: bytes) -> None:
        pos = 0
        while pos < len(data):                       # page by page: each may live in any frame
            n = min(len(data) - pos, PAGE - (va + pos) % PAGE)
            self.memory.write(self._pa(va + pos), data[pos:pos + n])
            pos += n

    def read(self, va: int, length: int) -> bytes:
        out = bytearray()
        while length > 0:
            n = min(length, PAGE - va % PAGE)
            out += self.memory.read(self._pa(va), n)
            va, length = va + n, length - n
        return bytes(out)

    def store_cap(self, va: int, cap: Capability) -> None:
        self.memory.store_cap(self._pa(va), cap)

    def load_cap(self, va: int) -> Capability:
        return self.memory.load_cap(self._pa(va))

    def symbol(self, name: str) -> int:
        return self.image.symbols[name]

    def run(self, max_instructions: int = 1 << 62):
        return self.cpu.run(max_instructions)
