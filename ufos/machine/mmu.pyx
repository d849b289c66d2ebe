# Page tables (see mmu.pxd for the layout).
#
# The kernel builds and edits these from Python. Each change that takes rights away from a page
# (unmap, protect) is remembered, and the CPU drops the stale TLB entry before it runs again: the
# job a real kernel does with a TLB-invalidate instruction, done here so it cannot be forgotten.
from libc.stdint cimport uint64_t
from libc.stdlib cimport calloc, free

from ufos.machine import isa

PTE_ADDR_MASK = isa.PTE_ADDR_MASK
cdef uint64_t _PTE_VALID = isa.PTE["VALID"]
cdef uint64_t _FLAG_MASK = (1 << 12) - 1


cdef class MMUStats:
    def as_dict(self):
        return {"tables": self.tables, "entries": self.entries}


cdef class PageTable:
    """One address space: a map from virtual pages to physical frames. The tables of one machine
    share an MMUStats, which counts what editing them costs."""

    def __cinit__(self, MMUStats stats=None):
        self.stats = stats if stats is not None else MMUStats()
        self.root = <uint64_t***>calloc(LEVEL_SIZE, sizeof(uint64_t**))
        if self.root == NULL:
            raise MemoryError()

    def __dealloc__(self):
        cdef int i, j
        if self.root == NULL:
            return
        for i in range(LEVEL_SIZE):
            if self.root[i] != NULL:
                for j in range(LEVEL_SIZE):
                    free(self.root[i][j])
                free(self.root[i])
        free(self.root)

    cdef uint64_t* walk(self, uint64_t va, bint create) noexcept nogil:
        """The PTE slot for va, creating the tables on the way if asked; NULL if there is none."""
        cdef uint64_t i, j
        if not create or va >> VA_BITS:
            return pt_lookup(self.root, va)
        i = (va >> 36) & (LEVEL_SIZE - 1)
        j = (va >> 24) & (LEVEL_SIZE - 1)
        if self.root[i] == NULL:
            self.root[i] = <uint64_t**>calloc(LEVEL_SIZE, sizeof(uint64_t*))
            if self.root[i] == NULL:
                return NULL
            self.stats.tables += 1
        if self.root[i][j] == NULL:
            self.root[i][j] = <uint64_t*>calloc(LEVEL_SIZE, sizeof(uint64_t))
            if self.root[i][j] == NULL:
                return NULL
            self.stats.tables += 1
        return pt_lookup(self.root, va)

    cdef void invalidate(self, uint64_t va) noexcept nogil:
        if self.npending < 0:
            return
        if self.npending == MAX_PENDING:
            self.npending = -1
            return
        self.pending[self.npending] = va >> 12
        self.npending += 1

    cdef uint64_t* _slot(self, uint64_t va, bint create) except NULL:
        if va & 0xfff:
            raise ValueError(f"virtual address {va:#x} is not page-aligned")
        cdef uint64_t* slot = self.walk(va, create)
        if slot == NULL:
            if va >> VA_BITS:
                raise ValueError(f"virtual address {va:#x} is beyond the {VA_BITS}-bit address space")
            if create:
                raise MemoryError()
            raise KeyError(f"no page is mapped at {va:#x}")
        return slot

    # --- the kernel's interface ------------------------------------------------------------
    def map(self, uint64_t va, uint64_t pa, uint64_t flags):
        """Map the page at va to the frame at pa with the given PTE bits (VALID is implied)."""
        if pa & ~PTE_ADDR_MASK:
            raise ValueError(f"physical address {pa:#x} is not a page-aligned frame address")
        if flags & ~_FLAG_MASK:
            raise ValueError(f"PTE flags {flags:#x} have bits outside 11..0")
        cdef uint64_t* slot = self._slot(va, True)
        if slot[0] & _PTE_VALID:
            self.invalidate(va)          # replacing a mapping: the old one may be cached
        else:
            self.mapped += 1
        slot[0] = pa | flags | _PTE_VALID
        self.stats.entries += 1

    def unmap(self, uint64_t va):
        """Remove the mapping of the page at va; return its old PTE (0 if there was none)."""
        if va & 0xfff:
            raise ValueError(f"virtual address {va:#x} is not page-aligned")
        cdef uint64_t* slot = self.walk(va, False)
        if slot == NULL or not slot[0] & _PTE_VALID:
            return 0
        old = slot[0]
        slot[0] = 0
        self.stats.entries += 1
        self.mapped -= 1
        self.invalidate(va)
        return old

    def protect(self, uint64_t va, uint64_t set_bits=0, uint64_t clear_bits=0):
        """Set and clear PTE bits of a mapped page; return the new PTE."""
        if (set_bits | clear_bits) & ~_FLAG_MASK or clear_bits & _PTE_VALID:
            raise ValueError("protect changes only the flag bits 11..1 (use unmap to remove a page)")
        cdef uint64_t* slot = self._slot(va, False)
        if not slot[0] & _PTE_VALID:
            raise KeyError(f"no page is mapped at {va:#x}")
        slot[0] = (slot[0] | set_bits) & ~clear_bits
        self.stats.entries += 1
        self.invalidate(va)
        return slot[0]

    def lookup(self, uint64_t va):
        """The PTE of the page holding va (0 if none)."""
        cdef uint64_t* slot = self.walk(va & ~<uint64_t>0xfff, False)
        return slot[0] if slot != NULL else 0

    def translate(self, uint64_t va):
        """The physical address va maps to, or None (ignores the access bits)."""
        pte = self.lookup(va)
        if not pte & _PTE_VALID:
            return None
        return (pte & PTE_ADDR_MASK) | (va & 0xfff)

    def mappings(self, uint64_t start=0, uint64_t end=1ULL << VA_BITS):
        """Every mapping in [start, end), in address order, as (va, pte)."""
        cdef uint64_t va = start & ~<uint64_t>0xfff
        cdef uint64_t* slot
        out = []
        while True:
            slot = self.next_mapped(&va, end)
            if slot == NULL:
                return out
            out.append((va, slot[0]))
            va += 0x1000

    def share(self, PageTable child, uint64_t start, uint64_t end, uint64_t delta,
              uint64_t parent_clear, uint64_t child_clear, uint64_t child_set, unsigned int[::1] refs):
        """fork's bulk step: map every page of [start, end) into `child` at va + delta too, on the
        same frame (refs[frame number] += 1), clearing parent_clear from this table's entry and
        giving the child's entry (the parent's bits - child_clear) | child_set. The loop a kernel
        runs over its page tables, in C so that fork costs nanoseconds per page. Returns the
        number of pages shared."""
        cdef uint64_t va = start & ~<uint64_t>0xfff
        cdef uint64_t* slot
        cdef uint64_t* dest
        cdef uint64_t pte, frame, n = 0
        if (parent_clear | child_clear | child_set) & ~_FLAG_MASK or (parent_clear | child_clear) & _PTE_VALID:
            raise ValueError("share changes only the flag bits 11..1")
        while True:
            slot = self.next_mapped(&va, end)
            if slot == NULL:
                return n
            pte = slot[0]
            frame = pte_frame(pte) >> 12
            if frame >= <uint64_t>refs.shape[0]:
                raise ValueError(f"frame {frame:#x} is beyond the reference counts")
            dest = child._slot(va + delta, True)
            if dest[0] & _PTE_VALID:
                raise ValueError(f"the child already maps {va + delta:#x}")
            if parent_clear:
                slot[0] = pte & ~parent_clear
                self.invalidate(va)
                self.stats.entries += 1
            dest[0] = (pte & ~child_clear) | child_set
            self.stats.entries += 1
            child.mapped += 1
            refs[frame] += 1
            n += 1
            va += 0x1000

    cdef uint64_t* next_mapped(self, uint64_t* va, uint64_t end) noexcept nogil:
        """The PTE slot of the first mapped page at or after va[0] and below end, with va[0] moved
        to it; NULL if there is none. Skips whole leaf tables that do not exist."""
        cdef uint64_t** mid
        cdef uint64_t* leaf
        cdef uint64_t i, last, leaf_end
        while va[0] < end and not va[0] >> VA_BITS:
            leaf_end = (va[0] | (LEAF_SPAN - 1)) + 1
            mid = self.root[(va[0] >> 36) & (LEVEL_SIZE - 1)]
            leaf = mid[(va[0] >> 24) & (LEVEL_SIZE - 1)] if mid != NULL else NULL
            if leaf != NULL:
                last = ((end - 1) >> 12) & (LEVEL_SIZE - 1) if end < leaf_end else LEVEL_SIZE - 1
                i = (va[0] >> 12) & (LEVEL_SIZE - 1)
                while i <= last:
                    if leaf[i] & _PTE_VALID:
                        va[0] = (va[0] & ~<uint64_t>(LEAF_SPAN - 1)) | (i << 12)
                        return &leaf[i]
                    i += 1
            va[0] = leaf_end
        return NULL


def describe_pte(uint64_t pte):
    """A PTE as text, e.g. 'pa=0x5000 VALID|READ|WRITE|AF'."""
    names = [name for bit, name, _ in isa.PTE_BITS if pte >> bit & 1]
    return f"pa={pte & PTE_ADDR_MASK:#x} {'|'.join(names) or '-'}"
