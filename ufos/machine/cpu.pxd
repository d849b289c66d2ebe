# The processor's state (see cpu.pyx for the run loop).
from libc.stdint cimport uint8_t, uint32_t, uint64_t

from ufos.machine.capability cimport Cap, u128
from ufos.machine.memory cimport Memory
from ufos.machine.mmu cimport PageTable

cdef enum:
    NREGS = 33        # c0..c30, then csp (31), then the zero register (32), which is never written
    REG_CSP = 31
    REG_ZERO = 32
    NFREGS = 32       # d0..d31
    TLB_SIZE = 512    # direct-mapped, indexed by the low bits of the virtual page number
    FETCH_WINDOWS = 8 # recent fetch windows kept, direct-mapped by virtual page number
    DECODED = 256     # bounds decoded, kept direct-mapped by a hash of their key
    NO_PAGE = 0xFFFFFFFFFFFFFFFF

cdef struct TLBEntry:
    uint64_t vpn      # virtual page number, NO_PAGE if empty
    uint64_t pte      # the page table entry it caches
    uint8_t* host     # where the frame lives in host memory

# A fetch window kept for when execution comes back to its page (a call's return): valid while
# PCC has the same bounds and permissions and no translation has changed since (generation).
cdef struct FetchWindow:
    uint64_t vpn      # virtual page number, NO_PAGE if empty
    uint64_t generation
    Cap pcc           # the PCC it was checked against
    uint64_t lo, span
    const uint8_t* host

# A capability's bounds, decoded once for a capability that is loaded again and again (a saved
# register, a struct's pointer field): decoding depends only on pesbt and on the address bits
# from E + 13 up (capability.pxd, A.1), which are the key.
cdef struct DecodedBounds:
    uint64_t pesbt
    uint64_t window   # sext56(address) >> (E + 13), or 0 when E > 50
    u128 top
    uint64_t base
    int exponent
    bint bounds_valid

cdef struct Counters:
    uint64_t instructions
    uint64_t by_opcode[256]     # retired instructions by opcode (the cost model groups them by class)
    uint64_t traps[16]          # by exception class
    uint64_t cap_faults[4]      # tag, seal, permission, bounds
    uint64_t page_faults[5]     # translation, access flag, permission, capability load, capability store
    uint64_t tag_clears         # tags cleared by data stores
    uint64_t misaligned         # integer and double loads and stores not naturally aligned
    uint64_t tlb_hits
    uint64_t tlb_misses
    uint64_t tlb_flushes        # whole-TLB flushes (a page-table switch)
    uint64_t tlb_invalidations  # single entries dropped after a page-table change

cdef struct TrapRecord:
    int ec            # exception class (EC_*)
    uint32_t code     # fault code, or the SVC/HLT/BRK immediate
    int access        # ACCESS_LOAD / STORE / FETCH
    int reg           # register that authorised the access (REG_PCC for fetch, REG_NONE)
    uint64_t address  # faulting virtual address

cdef struct CPUState:
    Cap r[NREGS]
    Cap pcc
    Cap ddc
    Cap ctpidr
    Cap celr
    Cap cvbar
    double d[NFREGS]
    uint32_t nzcv               # N Z C V in bits 31..28, as Arm
    uint32_t c64                # PSTATE.C64: 1 in C64 (purecap), 0 in A64 (hybrid)
    uint64_t esr, far, cctlr, spsr, cid
    uint64_t timer_interval, timer_left
    # the fetch window: a run of bytes inside one page and inside PCC's bounds, known to be fetchable
    uint64_t fetch_lo, fetch_span
    const uint8_t* fetch_host
    FetchWindow windows[FETCH_WINDOWS]
    uint64_t window_generation  # moves on when a TLB entry goes: every kept window is stale then
    uint8_t* mem                # physical memory
    uint64_t* tags
    uint64_t memsize
    uint64_t*** pt_root         # the page table; NULL = MMU off (virtual = physical)
    TLBEntry tlb[TLB_SIZE]
    DecodedBounds decoded[DECODED]
    # a misaligned access across two pages (misaligned_access): its bytes, and where they go
    uint8_t split[8]
    uint8_t* split_lo
    uint8_t* split_hi
    uint64_t split_first
    Counters ctr
    TrapRecord trap

# What a context switch saves: the registers a μprocess can see (not the TLB, not the counters).
cdef struct Context:
    Cap r[NREGS]
    Cap pcc
    Cap ddc
    Cap ctpidr
    double d[NFREGS]
    uint32_t nzcv
    uint32_t c64
    uint64_t cid
    uint64_t cctlr

cdef class SavedContext:
    cdef Context ctx

cdef class CPU:
    cdef CPUState s
    cdef readonly Memory memory
    cdef PageTable _page_table
    cdef readonly object c, x, d

    cdef void _sync_tlb(self)
    cdef object _take_exception(self, uint64_t done)
