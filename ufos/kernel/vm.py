"""Virtual memory: physical frames, the slots of the single address space, each μprocess's regions,
demand-zero paging, and the kernel's checked access to a μprocess's memory.

THE ADDRESS SPACE (one page table for every μprocess, except under the `classic` fork policy)

    0x10000                      the system call gate: one page of kernel code (vm.GATE)
    slot i: SLOT_STRIDE * (i+1)  a μprocess, SLOT_SIZE bytes:
        +0x10000                 the program image (.text .rodata .data .bss), as linked
        after the image          the heap: mmap'd regions, pages made on first touch
        +SLOT_SIZE / 2           the brk heap (brk/sbrk): up to BRK_MAX bytes, grown on demand
        top - STACK_SIZE         the stack, also paged in on first touch; top = slot end

Slots are SLOT_STRIDE = 4 x SLOT_SIZE apart, so that the distance between two slots is a multiple
of four slot sizes: moving a capability from one slot to another is then adding that distance to
its address, with its bounds encoding unchanged (machine/relocate.pyx explains why).

A μprocess's root capability is bounded to its slot and lacks System, Seal and Unseal: every
capability it ever holds is derived from that root, so none can reach outside the slot. The
exceptions are the sealed pair of the system call gate, which it can only branch through.

FRAMES are reference-counted: after a fork, parent and child map the same frame until one of them
needs its own copy (fork.py). Each frame also remembers its *origin*: the slot whose addresses the
capabilities inside it point into, so that whoever copies it later knows how far to move them.

One import runs the other way: a fault on a page still shared after a fork is resolved by the fork
policy's handler (fork.resolve_shared_page), and fork.py is built on this file, so handle_fault
imports fork where it calls it.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ufos.machine import isa
from ufos.machine.cap import Capability, alignment_mask, representable_length
from ufos.machine.mmu import MMUStats, PageTable
from ufos.abi import CAP_PERMS
from ufos.kernel import shm
from ufos.kernel.uapi import E, SyscallError

if TYPE_CHECKING:
    from ufos.kernel.fs import Inode

PAGE = isa.PAGE_SIZE
PTE = isa.PTE
FRAME_MASK = 0x000FFFFFFFFFF000

GATE = 0x10000                   # the gate's page: kernel code, outside every slot
SLOT_SIZE = 1 << 28              # 256 MiB of address space per μprocess
SLOT_STRIDE = 4 * SLOT_SIZE
IMAGE_OFFSET = 0x10000           # where a program's image starts in its slot (ld's default base)
STACK_SIZE = 8 << 20             # the top of the slot; paged in as it is touched
BRK_MAX = 64 << 20               # how far the program break may move from its start

# PTE bits for each kind of page a region can hold.
RIGHTS = {
    "rx": PTE["READ"] | PTE["EXEC"] | PTE["AF"],
    "r": PTE["READ"] | PTE["AF"],
    "rw": PTE["READ"] | PTE["WRITE"] | PTE["AF"] | PTE["CAP_STORE"],
    "none": 0,                   # mprotect(PROT_NONE): every access faults
}
ACCESS_BITS = PTE["READ"] | PTE["WRITE"] | PTE["EXEC"] | PTE["CAP_STORE"]

# What the PTE must have (and must not have) for each kind of access, as the MMU checks it.
NEEDS = {
    "read": (PTE["VALID"] | PTE["READ"] | PTE["AF"], 0),
    "exec": (PTE["VALID"] | PTE["EXEC"] | PTE["AF"], 0),
    "write": (PTE["VALID"] | PTE["WRITE"] | PTE["AF"], 0),
    "cap_load": (PTE["VALID"] | PTE["READ"] | PTE["AF"], PTE["CAP_TRAP"]),
    "cap_store": (PTE["VALID"] | PTE["WRITE"] | PTE["AF"] | PTE["CAP_STORE"], 0),
}

# The trap's fault code and access kind -> the kernel's name for the access.
FAULT_ACCESS = {"CAP_LOAD": "cap_load", "CAP_STORE": "cap_store"}
ACCESS_BY_KIND = {"load": "read", "store": "write", "fetch": "exec"}

DATA_PERMS = CAP_PERMS[".data"]       # what a capability to data may do (no Execute)
CAP_STORES = isa.PERM["STORE_CAP"] | isa.PERM["STORE_LOCAL_CAP"]

# The root of a μprocess: everything but the kernel's powers.
P = isa.PERM
USER_PERMS = isa.PERM_ALL & ~(P["SYSTEM"] | P["SEAL"] | P["UNSEAL"] | P["EXECUTIVE"] | P["COMPARTMENT_ID"])


def page_of(va: int) -> int:
    return va & ~(PAGE - 1)


def pages(start: int, end: int) -> range:
    """The pages overlapping [start, end)."""
    return range(page_of(start), page_of(end + PAGE - 1), PAGE)


def describe_rights(pte: int) -> str:
    """A PTE's rights as letters: r w x, c (may store capabilities), T (traps capability loads),
    and "no-access" when the access flag is clear."""
    if not pte & PTE["AF"]:
        return "no-access"
    return "".join(letter if pte & PTE[bit] else "-" for bit, letter in
                   (("READ", "r"), ("WRITE", "w"), ("EXEC", "x"), ("CAP_STORE", "c"))) + \
        ("T" if pte & PTE["CAP_TRAP"] else "")


def aligned_cap(va: int) -> int:
    """va, if a capability may be loaded or stored there: a capability lives in one 16-byte
    granule, so a pointer to one that is not 16-byte aligned is the caller's error (EFAULT, as
    the alignment fault the CPU would raise), never the machine's."""
    if va % 16:
        raise SyscallError(E.EFAULT, f"capability at {va:#x} is not 16-byte aligned")
    return va


def past_end_of_file(region: "Region", page: int) -> bool:
    """Whether the page of a file mapping starts at or past the file's end (no byte of the file
    is in it). A host file deleted since reads as empty."""
    node = region.shared.file if region.shared else region.file
    if node is None:
        return False
    try:
        size = node.stat().size
    except SyscallError:
        size = 0
    return region.offset + page - region.start >= size


def allows(pte: int, access: str) -> bool:
    need, forbid = NEEDS[access]
    return pte & need == need and not pte & forbid


class OutOfMemory(SyscallError):
    def __init__(self):
        super().__init__(E.ENOMEM, "no free frame")


class PastEndOfFile(SyscallError):
    """A page of a file mapping that lies wholly past the file's end: the program gets SIGBUS
    (BUS_ADRERR, trap.py), as on Linux; a system call handed such a page fails with EFAULT."""
    def __init__(self, va: int):
        super().__init__(E.EFAULT, f"{va:#x} is past the end of the mapped file")


class Frames:
    """The physical frame allocator: free frames, and for each frame in use its reference count and
    its origin (the base of the slot its capabilities point into). Both are arrays indexed by frame
    number, so that fork's bulk sharing (PageTable.share) can count references without Python."""

    def __init__(self, memory_size: int, reserved: int = PAGE):
        # frame 0 is never handed out: a zero physical address is always a bug
        self.free = list(range(memory_size - PAGE, reserved - 1, -PAGE))    # pop() gives the lowest
        self.total = len(self.free)
        self.refs = array("I", bytes(4 * (memory_size // PAGE)))         # by frame number
        self.origins = array("Q", bytes(8 * (memory_size // PAGE)))

    def alloc(self, origin: int) -> int:
        if not self.free:
            raise OutOfMemory()
        pa = self.free.pop()
        self.refs[pa // PAGE] = 1
        self.origins[pa // PAGE] = origin
        return pa

    def ref(self, pa: int) -> None:
        """One more page table entry maps the frame (a shared mapping's page, shm.py)."""
        self.refs[pa // PAGE] += 1

    def refcount(self, pa: int) -> int:
        return self.refs[pa // PAGE]

    def origin(self, pa: int) -> int:
        return self.origins[pa // PAGE]

    def set_origin(self, pa: int, origin: int) -> None:
        self.origins[pa // PAGE] = origin

    def unref(self, pa: int) -> None:
        self.refs[pa // PAGE] -= 1
        if not self.refs[pa // PAGE]:
            self.free.append(pa)

    @property
    def used(self) -> int:
        return self.total - len(self.free)


@dataclass
class Region:
    """A range of a μprocess's slot with one kind of page: image segments, heap, stack, mmap'd.
    A mapping of a file or a shared one says where its pages come from: `shared` (MAP_SHARED: the
    pages are that object's, shm.py) or `file` (MAP_PRIVATE of a file: a page starts as the
    file's bytes, then is the μprocess's own), from byte `offset` of the object or file on."""
    start: int
    end: int
    rights: str          # rx | r | rw | none
    name: str            # text, rodata, data, mmap, stack, brk
    shared: "shm.SharedPages | None" = None
    file: "Inode | None" = None
    offset: int = 0
    may_write: bool = True     # False: a file opened read-only, mapped shared (PROT_WRITE: EACCES)

    def __contains__(self, va: int) -> bool:
        return self.start <= va < self.end

    def piece(self, start: int, end: int, rights: str | None = None) -> "Region":
        """The part [start, end) of this region (with new rights), its offset moved along."""
        return replace(self, start=start, end=end, rights=rights or self.rights,
                       offset=self.offset + start - self.start)

    @property
    def pte(self) -> int:
        """The PTE bits of the region's pages. A shared page never takes a tagged capability
        (no CAP_STORE): another μprocess would load it (docs/isolation.md)."""
        bits = RIGHTS[self.rights]
        return bits & ~PTE["CAP_STORE"] if self.shared else bits


@dataclass
class MemoryStats:
    pages_copied: int = 0          # pages this μprocess copied after a fork (its own copies)
    caps_relocated: int = 0        # capabilities moved while copying them
    zero_fills: int = 0            # pages made on first touch
    faults: int = 0                # page faults the kernel resolved


@dataclass
class AddressSpace:
    """One μprocess's memory: its slot, its regions and the pages mapped in them."""
    vm: "VM"
    base: int                      # the slot's first address
    page_table: PageTable
    regions: list[Region] = field(default_factory=list)
    got_pages: set[int] = field(default_factory=set)   # pages holding the loader's capabilities
    stats: MemoryStats = field(default_factory=MemoryStats)
    top: int = field(init=False)   # the slot's end (a field, not a property: every check reads it)

    def __post_init__(self):
        self.top = self.base + SLOT_SIZE

    @cached_property
    def root(self) -> Capability:
        """The capability every capability of this μprocess is derived from."""
        return Capability.root().set_address(self.base).set_bounds(SLOT_SIZE).clear_perms(
            isa.PERM_ALL & ~USER_PERMS)

    def pages(self, start: int | None = None, end: int | None = None) -> list[tuple[int, int]]:
        """The pages of this slot that have a frame, in [start, end) (the whole slot by default),
        as (va, pte). The page table is the one record of what is mapped."""
        return self.page_table.mappings(self.base if start is None else start,
                                        self.top if end is None else end)

    def is_mapped(self, va: int) -> bool:
        return bool(self.page_table.lookup(va) & PTE["VALID"])

    def region_at(self, va: int) -> Region | None:
        for r in self.regions:
            if va in r:
                return r
        return None

    # --- mapping pages ---------------------------------------------------------------------------
    def map_new_page(self, va: int, rights: str) -> int:
        """Give the page at va a fresh zeroed frame; its physical address."""
        pa = self.vm.frames.alloc(self.base)
        self.vm.memory.zero(pa, PAGE)
        self.vm.events.pages_zeroed += 1
        self.page_table.map(va, pa, RIGHTS[rights])
        return pa

    def unmap_range(self, start: int, end: int) -> None:
        for va, pte in self.pages(start, end):
            self.page_table.unmap(va)
            self.vm.frames.unref(pte & FRAME_MASK)

    def clear(self) -> None:
        """Unmap everything (exit, or exec replacing the image)."""
        removed = self.regions[:]
        self.unmap_range(self.base, self.top)
        self.regions.clear()
        self.got_pages.clear()
        self.let_go(removed)

    # --- mmap ----------------------------------------------------------------------------------
    def heap_start(self) -> int:
        image_end = max((r.end for r in self.regions if r.name in ("text", "rodata", "data")),
                        default=self.base + IMAGE_OFFSET)
        return page_of(image_end + 2 * PAGE - 1)                # one guard page after the image

    def mmap(self, length: int, rights: str = "rw", fixed: int | None = None, replace: bool = True,
             **backing) -> Capability:
        """A new region of at least length bytes whose pages are made on first touch: zeroed, or
        from its backing (Region's shared, file, offset, may_write); a capability bounded to it.
        fixed: exactly there (MAP_FIXED), in place of what mmap had mapped there (EEXIST instead
        if not `replace`: MAP_FIXED_NOREPLACE); else wherever the heap has room."""
        if length <= 0 or length > SLOT_SIZE:
            raise SyscallError(E.EINVAL, "bad length")
        if fixed is None:
            start, length = self.free_range(length)
        else:
            length = (length + PAGE - 1) & ~(PAGE - 1)
            start = self.fixed_range(fixed, length, replace)
        region = Region(start, start + length, rights, "mmap", **backing)
        self.regions.append(region)
        perms = DATA_PERMS
        if region.shared:
            region.shared.attach(self)
            perms &= ~CAP_STORES                  # a capability store through it faults (SIGPROT)
        return self.root.set_address(start).set_bounds(length).clear_perms(isa.PERM_ALL & ~perms)

    def free_range(self, length: int) -> tuple[int, int]:
        """Where a new mapping of length bytes goes: (start, its length made representable), the
        first gap of the heap that holds it aligned as its capability's bounds need."""
        length = representable_length((length + PAGE - 1) & ~(PAGE - 1))
        align = ~alignment_mask(length) & ((1 << 64) - 1) | (PAGE - 1)
        limit = self.top - STACK_SIZE - PAGE                      # a guard page below the stack
        start = self.heap_start()
        for r in sorted((r for r in self.regions if r.name in ("mmap", "brk")), key=lambda r: r.start):
            if ((start + align) & ~align) + length <= r.start:
                break
            start = max(start, r.end + PAGE)                      # guard pages between regions
        start = (start + align) & ~align
        if start + length > limit:
            raise SyscallError(E.ENOMEM, "the slot's heap is full")
        return start, length

    def fixed_range(self, start: int, length: int, replace: bool) -> int:
        """MAP_FIXED at start: inside the slot, page-aligned, exactly the bounds of a capability
        (EINVAL otherwise), over nothing but other mmap'd regions, which it unmaps. The program's
        image, stack and break are not mmap's to replace (EINVAL)."""
        end = start + length
        exact = representable_length(length) == length and not start & ~alignment_mask(length)
        if start % PAGE or not self.base <= start < end <= self.top or not exact:
            raise SyscallError(E.EINVAL, "MAP_FIXED address")
        over = [r for r in self.regions if r.start < end and start < r.end]
        if any(r.name != "mmap" for r in over):
            raise SyscallError(E.EINVAL, "MAP_FIXED over the program's image, stack or break")
        if over and not replace:
            raise SyscallError(E.EEXIST, "MAP_FIXED_NOREPLACE over a mapping")
        if over:
            self.munmap(start, length)
        return start

    def munmap(self, start: int, length: int) -> None:
        end = start + ((length + PAGE - 1) & ~(PAGE - 1))
        if start % PAGE or length <= 0 or not self.base <= start < end <= self.top:
            # outside the slot: only at isolation `off`, where nothing checked the capability;
            # the page table is shared, so it would unmap another μprocess's pages
            raise SyscallError(E.EINVAL)
        removed = [r for r in self.regions if r.name == "mmap" and r.start < end and start < r.end]
        for r in removed:
            self.regions.remove(r)
            self.regions += [r.piece(a, b) for a, b in ((r.start, start), (end, r.end)) if a < b]
        self.unmap_range(start, end)
        self.let_go(removed)

    def let_go(self, removed: list[Region]) -> None:
        """The shared objects of regions just removed that no region of this space still maps:
        this space is no longer their user (the last user's going frees them, shm.py)."""
        for obj in {id(r.shared): r.shared for r in removed if r.shared}.values():
            if not any(r.shared is obj for r in self.regions):
                obj.detach(self)

    def covering(self, start: int, end: int) -> list[Region]:
        """The regions [start, end) overlaps, in order; ENOMEM if some page of it is in none."""
        inside = sorted((r for r in self.regions if r.start < end and start < r.end), key=lambda r: r.start)
        covered = start
        for r in inside:
            if r.start > covered:
                break
            covered = max(covered, page_of(r.end + PAGE - 1))
        if covered < end:
            raise SyscallError(E.ENOMEM, "part of the range is not mapped")
        return inside

    def mprotect(self, start: int, length: int, rights: str) -> None:
        """Give the pages of [start, start + length) new rights ("none", "r", "rw", "rx"); every
        page must lie in a region (else ENOMEM). Rights taken away leave the page table entries
        at once; rights given back return at the page's next fault (handle_fault), so a page
        still shared after fork is copied only if it is written, as before. A shared mapping of
        a file opened read-only cannot be made writable (EACCES)."""
        end = page_of(start + length + PAGE - 1)
        if start % PAGE or rights not in RIGHTS:
            raise SyscallError(E.EINVAL)
        inside = self.covering(start, end)
        if rights == "rw" and any(r.shared and not r.may_write for r in inside):
            raise SyscallError(E.EACCES, "the file is not open for writing")
        for r in inside:                                # split the regions at start and end
            self.regions.remove(r)
            pieces = ((r.start, start, r.rights), (max(r.start, start), min(r.end, end), rights),
                      (end, r.end, r.rights))
            self.regions += [r.piece(a, b, kind) for a, b, kind in pieces if a < b]
        taken = ACCESS_BITS & ~RIGHTS[rights]
        if taken:
            for va in pages(start, end):
                if self.page_table.lookup(va) & PTE["VALID"]:
                    self.page_table.protect(va, clear_bits=taken)

    def msync(self, start: int, length: int) -> None:
        """Write the shared file pages of [start, start + length) back to their files (ENOMEM if
        part of the range is not mapped)."""
        end = page_of(start + length + PAGE - 1)
        if start % PAGE:
            raise SyscallError(E.EINVAL)
        for r in self.covering(start, end):
            if r.shared and r.shared.file is not None:
                lo, hi = max(r.start, start), min(r.end, end)
                r.shared.write_back((r.offset + lo - r.start) // PAGE, (r.offset + hi - r.start) // PAGE)

    # --- brk -----------------------------------------------------------------------------------
    def brk(self, new: int) -> Capability:
        """The program break: the brk heap is [zone, break), a "brk" region in the middle of the
        slot whose pages are made on first touch. new = 0 asks where the break is; a new break
        outside [zone, zone + BRK_MAX), or one that would run into an mmap'd region, is ENOMEM.
        Returns a capability to the heap with its address at the break (libc's sbrk bounds its
        pieces from it)."""
        zone = self.base + SLOT_SIZE // 2
        heap = next((r for r in self.regions if r.name == "brk"), None)
        old = heap.end if heap else zone
        if new and new != old:
            if not zone <= new <= zone + BRK_MAX:
                raise SyscallError(E.ENOMEM, "the break would leave its zone")
            top = page_of(new + PAGE - 1) + PAGE                 # keep a guard page above
            if any(r is not heap and r.start < top and old < r.end for r in self.regions):
                raise SyscallError(E.ENOMEM, "the break would run into a mapping")
            if heap:
                self.regions.remove(heap)
            if new > zone:
                self.regions.append(Region(zone, new, "rw", "brk"))
            self.unmap_range(page_of(new + PAGE - 1), page_of(old + PAGE - 1))   # shrinking
            old = new
        heap_cap = self.root.set_address(zone).set_bounds(page_of(old + PAGE - 1) - zone)
        return heap_cap.clear_perms(isa.PERM_ALL & ~DATA_PERMS).set_address(old)

    # --- page faults ----------------------------------------------------------------------------
    def handle_fault(self, va: int, access: str) -> bool:
        """Resolve a page fault as the MMU raised it; False if it is the program's error."""
        from ufos.kernel import fork            # the sharing policies live there
        page = page_of(va)
        region = self.region_at(va)
        if region is None or not allows(region.pte | PTE["VALID"], access):
            return False
        pte = self.page_table.lookup(page)
        if not pte & PTE["VALID"] and past_end_of_file(region, page):
            raise PastEndOfFile(va)
        self.stats.faults += 1
        if region.shared:
            self.map_shared_page(region, page, pte)
            return True
        if not pte & PTE["VALID"]:
            pa = self.map_new_page(page, region.rights)       # demand-zero
            if region.file is not None:                       # MAP_PRIVATE of a file: its bytes
                self.vm.memory.write(pa, shm.file_bytes(self.vm, region.file,
                                                        region.offset + page - region.start, PAGE))
            self.stats.zero_fills += 1
            return True
        return fork.resolve_shared_page(self, page, pte, RIGHTS[region.rights])

    def map_shared_page(self, region: Region, page: int, pte: int) -> None:
        """A page of a MAP_SHARED region: the object's frame, never a copy. Mapped already (its
        rights were taken by mprotect and given back): the same frame with the region's rights."""
        if pte & PTE["VALID"]:
            frame = pte & FRAME_MASK
        else:
            frame = region.shared.frame((region.offset + page - region.start) // PAGE, self.base)
        self.page_table.map(page, frame, region.pte)

    # --- the kernel's access to this μprocess's memory -------------------------------------------
    def physical(self, va: int, access: str) -> int:
        """The physical address of va for this access, faulting the page in as the MMU would;
        EFAULT if the μprocess could not make the access itself."""
        pte = self.page_table.lookup(va)
        if not allows(pte, access):
            if not self.handle_fault(va, access):
                raise SyscallError(E.EFAULT, f"{access} at {va:#x}")
            pte = self.page_table.lookup(va)
        return (pte & FRAME_MASK) | (va & (PAGE - 1))

    def read(self, va: int, length: int) -> bytes:
        """The bytes at [va, va + length), a page at a time (each page's frame found apart)."""
        memory, pieces, end = self.vm.memory, [], va + length
        while va < end:
            n = min(end - va, PAGE - va % PAGE)
            pieces.append(memory.read(self.physical(va, "read"), n))
            va += n
        self.vm.events.bytes_moved += length
        return b"".join(pieces)

    def write(self, va: int, data: bytes) -> None:
        memory, pos, size = self.vm.memory, 0, len(data)
        while pos < size:
            n = min(size - pos, PAGE - (va + pos) % PAGE)
            memory.write(self.physical(va + pos, "write"), data[pos:pos + n])
            pos += n
        self.vm.events.bytes_moved += size

    def load_cap(self, va: int) -> Capability:
        return self.vm.memory.load_cap(self.physical(aligned_cap(va), "cap_load"))

    def store_cap(self, va: int, cap: Capability) -> None:
        self.vm.memory.store_cap(self.physical(aligned_cap(va), "cap_store" if cap.tag else "write"), cap)

    def read_u64(self, va: int) -> int:
        return int.from_bytes(self.read(va, 8), "little")

    def write_u64(self, va: int, value: int) -> None:
        self.write(va, (value & ((1 << 64) - 1)).to_bytes(8, "little"))

    # --- accounting ------------------------------------------------------------------------------
    def memory_use(self) -> tuple[int, int, float]:
        """(private pages, shared pages, proportional set size in bytes)."""
        private = shared = 0
        pss = 0.0
        for va, pte in self.pages():
            n = self.vm.frames.refcount(pte & FRAME_MASK)
            if n == 1:
                private += 1
            else:
                shared += 1
            pss += PAGE / n
        return private, shared, pss


class VM:
    """Physical memory, the frame allocator, the shared page table and the slots."""

    def __init__(self, memory, max_slots: int, events, classic: bool = False, rng=None, relocator: str = "machine"):
        self.memory = memory
        self.events = events                    # the kernel's counts for the cost model (cost.py)
        self.classic = classic                  # a page table per μprocess, all at slot 0's addresses
        self.relocator = relocator              # machine (the fast path) or python (fork.copy_relocating)
        self.frames = Frames(len(memory))
        self.mmu = MMUStats()                   # what editing the page tables costs, all of them
        self.page_table = self.new_page_table()
        self.max_slots = max_slots
        self.free_slots = list(range(max_slots))
        self.rng = rng                          # with a seed: slots are placed at random (ASLR)
        self.gate_frame = self.frames.alloc(0)
        self.files: dict = {}                   # the page cache: mapped files' SharedPages (shm.py)

    def new_page_table(self) -> PageTable:
        return PageTable(self.mmu)

    def slot_base(self, index: int) -> int:
        return SLOT_STRIDE * (index + 1)

    def alloc_slot(self) -> int | None:
        if self.classic:
            return 0                            # every μprocess at the same addresses
        if not self.free_slots:
            return None
        i = self.rng.randrange(len(self.free_slots)) if self.rng else 0
        return self.free_slots.pop(i)

    def free_slot(self, index: int) -> None:
        if self.classic:
            return
        self.free_slots.append(index)
        self.free_slots.sort()

    def map_gate(self, page_table: PageTable) -> None:
        """Every address space has the gate's page (read-only, executable)."""
        page_table.map(GATE, self.gate_frame, RIGHTS["rx"])
