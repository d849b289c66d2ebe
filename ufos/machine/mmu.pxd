# Page tables: the map from virtual pages to physical frames, with the access bits of each page.
#
# A table is a 3-level radix tree over 48-bit virtual addresses (12 bits of index per level, then
# 12 bits of page offset), kept in host memory. A leaf entry (PTE) is 64 bits: the frame's physical
# address in bits 51..12 and the PTE_* bits of isa.py below. Virtual addresses at or above 2**48
# have no translation.
from libc.stdint cimport uint64_t

cdef enum:
    VA_BITS = 48
    LEVEL_BITS = 12
    LEVEL_SIZE = 4096
    LEAF_SPAN = 1 << 24  # the bytes of address space one leaf table covers
    MAX_PENDING = 64     # page invalidations remembered before a full TLB flush is needed instead

cdef class MMUStats:
    """What the kernel's page-table edits cost, for the cost model: shared by the tables of one machine."""
    cdef readonly uint64_t tables    # page-table pages (mid and leaf) allocated
    cdef readonly uint64_t entries   # page-table entries written (mapped, changed, unmapped)


cdef class PageTable:
    cdef readonly MMUStats stats
    cdef uint64_t*** root          # root[i] -> mid table, mid[j] -> leaf table of LEVEL_SIZE PTEs
    cdef readonly uint64_t mapped  # number of valid entries
    # TLB shootdown: pages whose entries lost rights since the CPU last looked (see cpu.pyx)
    cdef uint64_t pending[MAX_PENDING]
    cdef int npending              # -1: too many; the CPU must flush its whole TLB

    cdef uint64_t* walk(self, uint64_t va, bint create) noexcept nogil
    cdef void invalidate(self, uint64_t va) noexcept nogil
    cdef uint64_t* _slot(self, uint64_t va, bint create) except NULL
    cdef uint64_t* next_mapped(self, uint64_t* va, uint64_t end) noexcept nogil


cdef inline uint64_t* pt_lookup(uint64_t*** root, uint64_t va) noexcept nogil:
    """The hardware's table walk: the PTE slot for va, or NULL if no table covers it."""
    cdef uint64_t** mid
    cdef uint64_t* leaf
    if va >> VA_BITS:
        return NULL
    mid = root[(va >> 36) & (LEVEL_SIZE - 1)]
    if mid == NULL:
        return NULL
    leaf = mid[(va >> 24) & (LEVEL_SIZE - 1)]
    if leaf == NULL:
        return NULL
    return &leaf[(va >> 12) & (LEVEL_SIZE - 1)]


cdef inline uint64_t pte_frame(uint64_t pte) noexcept nogil:
    """The physical address of the frame a PTE maps (bits 51..12)."""
    return pte & 0x000FFFFFFFFFF000ULL
