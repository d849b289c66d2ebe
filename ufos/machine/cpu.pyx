# The processor: registers, the fetch-decode-execute loop, address translation, traps.
#
# `execute` runs instructions in C until one needs the kernel (a supervisor call, a fault, a halt)
# or its budget of instructions is used up; it touches no Python object. The kernel (Python) then
# reads the trap record and the syndrome registers, handles the event, and calls `run` again.
#
# Every guest address goes through the same two checks before it reaches host memory:
#   1. check_capability: the authorising capability's tag, seal, permissions and bounds (Morello's
#      order). The authorising capability is the base register in C64 and DDC in A64
#      (base_authority);
#   2. translate: the TLB, or a walk of the page table, which also checks the frame lies in memory.
#      A misaligned load or store of an integer or a double is allowed, as Morello allows it for
#      normal memory; one that crosses into the next page translates both pages (misaligned_access).
#      A capability must be 16-byte aligned: a misaligned LDR/STR of one is an alignment fault.
# So no instruction stream, however random, can read or write outside the guest's memory.
from libc.math cimport isnan, sqrt
from libc.stdint cimport INT64_MAX, INT64_MIN, UINT64_MAX, int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memcpy

from ufos.machine.capability cimport (
    CAP_OTYPE_SHIFT, CAP_PERMS_SHIFT, Cap, u128, cap_add, cap_alignment_mask, cap_build, cap_can_seal,
    cap_clear_perms, cap_clear_tag, cap_decode, cap_get_exponent, cap_set_from_mem, cap_in_bounds, cap_null,
    cap_representable_length, cap_seal, cap_seal_entry, cap_set_address, cap_set_bounds, cap_set_otype,
    cap_set_value, cap_unseal, cap_is_subset, sext56)
from ufos.machine.arch cimport *
from ufos.machine.cap cimport Capability, wrap_cap
from ufos.machine.memory cimport Memory, RelocCounters, cap_read_bits, cap_write_bits, tag_clear, tag_get, tag_set
from ufos.machine.mmu cimport PageTable, pt_lookup, pte_frame

from ufos.machine import isa
from ufos.machine.trap import Trap

cdef extern from "u128.h":
    ctypedef long long i128      # really __int128, for SMULH

cdef extern from *:
    int __builtin_clzll(unsigned long long) nogil   # gcc/clang: count leading zeros (undefined for 0)
cdef const uint32_t NZCV_N = 0x80000000U

cdef enum:
    PAGE_MASK = 0xFFF
    NZCV_Z = 0x40000000
    NZCV_C = 0x20000000
    NZCV_V = 0x10000000
    # a loaded capability loses these when its authority lacks MutableLoad
    MUTABLE_PERMS = PERM_STORE | PERM_STORE_CAP | PERM_STORE_LOCAL_CAP | PERM_MUTABLE_LOAD


# ===== registers ==================================================================================
# Register 31 is the zero register in most operands and csp in the operands isa.py marks `*`.
# Reads of the zero register use r[REG_ZERO], which always holds null; writes to it are dropped.

cdef inline uint64_t xr(CPUState* s, uint32_t n) noexcept nogil:
    """Xn: the address half of Cn (xzr reads 0)."""
    return s.r[REG_ZERO if n == 31 else n].address

cdef inline Cap* cr(CPUState* s, uint32_t n) noexcept nogil:
    """Cn, where 31 means czr (null)."""
    return &s.r[REG_ZERO if n == 31 else n]

cdef inline void set_x(CPUState* s, uint32_t d, uint64_t value) noexcept nogil:
    """Write Xd: Cd becomes an untagged, null-derived capability holding value (xzr drops it)."""
    if d != 31:
        s.r[d] = s.r[REG_ZERO]
        s.r[d].address = value

cdef inline void move_c(CPUState* s, uint32_t d, uint32_t n) noexcept nogil:
    """Cd = Cn, where 31 is csp for both (the capability arithmetic forms)."""
    if d != n:
        s.r[d] = s.r[n]

cdef inline void set_c(CPUState* s, uint32_t d, const Cap* value) noexcept nogil:
    """Write Cd, where 31 means czr (the value is dropped)."""
    if d != 31:
        s.r[d] = value[0]


# ===== condition flags ============================================================================

cdef inline void set_flags_sub(CPUState* s, uint64_t a, uint64_t b) noexcept nogil:
    """NZCV of a - b, as SUBS computes them (C = no borrow)."""
    cdef uint64_t r = a - b
    s.nzcv = ((<uint32_t>(r >> 63)) << 31) | ((r == 0) << 30) | ((a >= b) << 29) \
        | (<uint32_t>(((a ^ b) & (a ^ r)) >> 63) << 28)

cdef inline void set_flags_logic(CPUState* s, uint64_t r) noexcept nogil:
    s.nzcv = ((<uint32_t>(r >> 63)) << 31) | ((r == 0) << 30)

cdef inline bint condition_holds(uint32_t nzcv, uint32_t cond) noexcept nogil:
    """Arm's ConditionHolds: eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv."""
    cdef bint n = (nzcv >> 31) & 1, z = (nzcv >> 30) & 1, c = (nzcv >> 29) & 1, v = (nzcv >> 28) & 1
    cdef bint result
    cdef uint32_t base = cond >> 1
    if base == 0:
        result = z
    elif base == 1:
        result = c
    elif base == 2:
        result = n
    elif base == 3:
        result = v
    elif base == 4:
        result = c and not z
    elif base == 5:
        result = n == v
    elif base == 6:
        result = n == v and not z
    else:
        return True
    return (not result) if cond & 1 else result


# ===== traps ======================================================================================

cdef inline void raise_exception(CPUState* s, int ec, uint32_t code, int access, int reg,
                                 uint64_t address) noexcept nogil:
    s.trap.ec = ec
    s.trap.code = code
    s.trap.access = access
    s.trap.reg = reg
    s.trap.address = address

cdef inline bint capability_fault(CPUState* s, uint32_t code, int access, int reg, uint64_t address) noexcept nogil:
    raise_exception(s, EC_CAP, code, access, reg, address)
    return False


# ===== capability checks ==========================================================================

cdef inline uint32_t check_capability(const Cap* c, uint64_t address, uint64_t size, uint32_t perms) noexcept nogil:
    """Morello's CheckCapability: the fault code for using c to access [address, address + size), or 0.
    The order is the architecture's: tag, seal, permission, bounds."""
    if not c.tag:
        return FAULT_TAG
    if c.otype != 0:
        return FAULT_SEAL
    if (c.perms & perms) != perms:
        return FAULT_PERM
    if not cap_in_bounds(c, address, size):
        return FAULT_BOUNDS
    return 0


# ===== address translation ========================================================================

cdef inline uint8_t* page_fault(CPUState* s, uint32_t code, int access, int reg, uint64_t va) noexcept nogil:
    raise_exception(s, EC_PAGE, code, access, reg, va)
    return NULL

cdef uint8_t* tlb_fill(CPUState* s, uint64_t va, uint64_t need, int access, int reg) noexcept nogil:
    """A TLB miss: walk the page table, check the entry, cache it. NULL (and a trap) on a fault."""
    cdef uint64_t pte, frame
    cdef uint64_t* slot
    cdef TLBEntry* e
    s.ctr.tlb_misses += 1
    if s.pt_root == NULL:            # MMU off: virtual = physical, every right granted
        pte = (va & ~<uint64_t>PAGE_MASK) | PTE_VALID | PTE_READ | PTE_WRITE | PTE_EXEC | PTE_AF | PTE_CAP_STORE
    else:
        slot = pt_lookup(s.pt_root, va)
        if slot == NULL or not slot[0] & PTE_VALID:
            return page_fault(s, FAULT_TRANSLATION, access, reg, va)
        pte = slot[0]
        if not pte & PTE_AF:
            return page_fault(s, FAULT_ACCESS_FLAG, access, reg, va)
        if (pte & need) != need:
            return page_fault(s, FAULT_PERMISSION, access, reg, va)
    frame = pte_frame(pte)
    if frame >= s.memsize:           # memory safety: the frame must lie inside guest memory
        raise_exception(s, EC_BUS, 0, access, reg, va)
        return NULL
    e = &s.tlb[(va >> 12) & (TLB_SIZE - 1)]
    e.vpn = va >> 12
    e.pte = pte
    e.host = s.mem + frame
    return e.host + (va & PAGE_MASK)

cdef inline uint8_t* translate(CPUState* s, uint64_t va, uint64_t need, int access, int reg) noexcept nogil:
    """The host address of virtual address va for an access needing PTE bits `need`."""
    cdef TLBEntry* e = &s.tlb[(va >> 12) & (TLB_SIZE - 1)]
    if e.vpn == (va >> 12) and (e.pte & need) == need:
        s.ctr.tlb_hits += 1
        return e.host + (va & PAGE_MASK)
    return tlb_fill(s, va, need, access, reg)

cdef inline uint64_t cached_pte(CPUState* s, uint64_t va) noexcept nogil:
    """The PTE translate() just used for va."""
    return s.tlb[(va >> 12) & (TLB_SIZE - 1)].pte

cdef void tlb_flush(CPUState* s) noexcept nogil:
    cdef int i
    for i in range(TLB_SIZE):
        s.tlb[i].vpn = NO_PAGE
    s.fetch_span = 0
    s.window_generation += 1
    s.ctr.tlb_flushes += 1


# ===== memory access through a capability =========================================================

cdef inline Cap* base_authority(CPUState* s, uint32_t base, bint alternate, uint64_t* va, int* reg) noexcept nogil:
    """Which capability authorises a load or store whose base register is `base`: in C64 the base is
    a capability register and authorises the access itself; in A64 the base is an integer Xn and
    DDC authorises it. An alternate-base form does the other state's thing. The stack pointer stays
    a capability in both states: an A64 [sp] is csp's address, authorised by csp (ufos's choice:
    the stack is bounded the same way in hybrid code, and sp is never an offset from DDC's base).
    Sets *va to the base address and *reg to the register a fault names (the base, or DDC)."""
    cdef uint32_t n = REG_ZERO if (alternate and base == 31) else base   # [An]: 31 is czr/xzr
    va[0] = s.r[n].address
    if s.c64 != <uint32_t>alternate or n == REG_CSP:
        reg[0] = base
        return &s.r[n]
    va[0] += ddc_offset(s)
    reg[0] = REG_DDC
    return &s.ddc

cdef inline uint64_t ddc_offset(CPUState* s) noexcept nogil:
    """What an A64 integer data address is relative to: DDC's base with CCTLR.DDCBO, else 0."""
    return s.ddc.base if s.cctlr & CCTLR_DDCBO else 0

cdef inline uint64_t pcc_offset(CPUState* s) noexcept nogil:
    """What an A64 integer code address is relative to: PCC's base with CCTLR.PCCBO, else 0."""
    return s.pcc.base if s.cctlr & CCTLR_PCCBO else 0

cdef inline uint8_t* data_access(CPUState* s, uint32_t base, bint alternate, uint64_t offset, uint64_t size,
                                 uint32_t perm, int access) noexcept nogil:
    """Host address for a data access of `size` bytes at base + offset; NULL (and a trap) on a fault.
    base may be 31: loads and stores address through csp (sp in A64)."""
    cdef uint64_t va
    cdef int reg
    cdef Cap* c = base_authority(s, base, alternate, &va, &reg)
    cdef uint32_t fault
    va += offset
    fault = check_capability(c, va, size, perm)
    if fault:
        capability_fault(s, fault, access, reg, va)
        return NULL
    if va & (size - 1):
        return misaligned_access(s, va, size, access, reg)
    return translate(s, va, PTE_WRITE if access == ACCESS_STORE else PTE_READ, access, reg)

cdef uint8_t* misaligned_access(CPUState* s, uint64_t va, uint64_t size, int access, int reg) noexcept nogil:
    """The host address for a load or store that is not naturally aligned. Morello, as any Armv8-A
    core, allows these on normal memory (C code does them: a packed struct's member, a value read
    out of a byte buffer). Inside one page it is an ordinary access. Across two it goes through
    s.split: both pages are translated (the first first, so a fault names the page that needs
    paging in), a load's bytes are gathered there now, a store's are scattered by store_done."""
    cdef uint64_t need = PTE_WRITE if access == ACCESS_STORE else PTE_READ
    cdef uint64_t first = PAGE_MASK + 1 - (va & PAGE_MASK)     # the bytes in the first page
    cdef uint8_t* lo
    cdef uint8_t* hi
    s.ctr.misaligned += 1
    if first >= size:
        return translate(s, va, need, access, reg)
    lo = translate(s, va, need, access, reg)
    if lo == NULL:
        return NULL
    hi = translate(s, va + first, need, access, reg)
    if hi == NULL:
        return NULL
    s.split_lo, s.split_hi, s.split_first = lo, hi, first
    if access != ACCESS_STORE:
        memcpy(s.split, lo, first)
        memcpy(s.split + first, hi, size - first)
    return s.split

cdef inline void clear_granule_tag(CPUState* s, const uint8_t* p) noexcept nogil:
    if tag_clear(s.tags, p - s.mem):
        s.ctr.tag_clears += 1

cdef inline void store_done(CPUState* s, uint8_t* p, uint64_t size) noexcept nogil:
    """A data store's tag rule: no granule it wrote is a capability any more. A misaligned store
    can write into two granules, and both lose their tags: a tag left on a granule whose bytes
    were partly overwritten would make a capability no one derived."""
    if p == s.split:                           # across two pages: now the bytes go to both
        memcpy(s.split_lo, s.split, s.split_first)
        memcpy(s.split_hi, s.split + s.split_first, size - s.split_first)
        clear_granule_tag(s, s.split_lo)
        clear_granule_tag(s, s.split_hi)
        return
    clear_granule_tag(s, p)
    if ((p - s.mem) ^ (p - s.mem + size - 1)) >> 4:
        clear_granule_tag(s, p + size - 1)

# The offset of a load or store: `[Cn, #simm14]` or `[Cn, Xm, lsl #sh]`.
cdef inline uint64_t imm_offset(uint32_t w) noexcept nogil:
    return <uint64_t>f_simm14(w)

cdef inline uint64_t index_offset(CPUState* s, uint32_t w) noexcept nogil:
    return xr(s, f_m(w)) << f_sh(w)

cdef inline uint64_t read_le(const uint8_t* p, uint64_t size) noexcept nogil:
    """The `size`-byte little-endian value at p (the host is little-endian, like the machine), read
    whole: a variable-length memcpy into a wider variable makes the host wait on a partial store."""
    cdef uint64_t v8
    cdef uint32_t v4
    cdef uint16_t v2
    if size == 8:
        memcpy(&v8, p, 8)
        return v8
    if size == 4:
        memcpy(&v4, p, 4)
        return v4
    if size == 2:
        memcpy(&v2, p, 2)
        return v2
    return p[0]

cdef inline bint load_x(CPUState* s, uint32_t w, uint64_t offset, uint64_t size, bint signed,
                        bint alternate) noexcept nogil:
    """LDRB/LDRH/LDRW/LDR and the sign-extending LDRS*: Xt = the `size` bytes at base + offset."""
    cdef uint64_t v
    cdef uint8_t* p = data_access(s, f_n(w), alternate, offset, size, PERM_LOAD, ACCESS_LOAD)
    if p == NULL:
        return False
    v = read_le(p, size)
    if signed and size < 8:
        v = <uint64_t>((<int64_t>(v << (64 - 8 * size))) >> (64 - 8 * size))
    set_x(s, f_d(w), v)
    return True

cdef inline bint store_x(CPUState* s, uint32_t w, uint64_t offset, uint64_t size, bint alternate) noexcept nogil:
    """STRB/STRH/STRW/STR: the low `size` bytes of Xt to base + offset."""
    cdef uint64_t v = xr(s, f_d(w))
    cdef uint8_t* p = data_access(s, f_n(w), alternate, offset, size, PERM_STORE, ACCESS_STORE)
    if p == NULL:
        return False
    memcpy(p, &v, size)
    store_done(s, p, size)
    return True

cdef inline bint load_d(CPUState* s, uint32_t w, uint64_t offset, bint alternate) noexcept nogil:
    cdef uint8_t* p = data_access(s, f_n(w), alternate, offset, 8, PERM_LOAD, ACCESS_LOAD)
    if p == NULL:
        return False
    memcpy(&s.d[f_d(w)], p, 8)
    return True

cdef inline bint store_d(CPUState* s, uint32_t w, uint64_t offset, bint alternate) noexcept nogil:
    cdef uint8_t* p = data_access(s, f_n(w), alternate, offset, 8, PERM_STORE, ACCESS_STORE)
    if p == NULL:
        return False
    memcpy(p, &s.d[f_d(w)], 8)
    store_done(s, p, 8)
    return True


cdef inline void set_loaded(CPUState* s, Cap* out, uint64_t pesbt, uint64_t address, bint tag) noexcept nogil:
    """cap_set_from_mem for a capability load, its bounds taken from s.decoded when they were
    decoded before (see DecodedBounds): a decode is 128-bit arithmetic, and a program loads
    the same few capabilities over and over (its saved registers, its structures' pointers)."""
    cdef int E = cap_get_exponent(pesbt)
    cdef uint64_t window = sext56(address) >> (E + 13) if E <= 50 else 0
    cdef DecodedBounds* e = &s.decoded[((pesbt ^ window) * <uint64_t>0x9E3779B97F4A7C15) >> 56]
    if e.pesbt == pesbt and e.window == window:
        out.pesbt = pesbt
        out.address = address
        out.tag = tag
        out.perms = <uint32_t>(pesbt >> CAP_PERMS_SHIFT)
        out.otype = <uint32_t>((pesbt >> CAP_OTYPE_SHIFT) & OTYPE_MAX)
        out.exponent = e.exponent
        out.base = e.base
        out.top = e.top
        out.bounds_valid = e.bounds_valid
        return
    cap_set_from_mem(out, pesbt, address, tag)
    e.pesbt, e.window = pesbt, window
    e.top, e.base, e.exponent, e.bounds_valid = out.top, out.base, out.exponent, out.bounds_valid

cdef inline void read_capability(CPUState* s, const uint8_t* p, bint tag, uint32_t auth_perms, Cap* out) noexcept nogil:
    """The capability at host p, whose tag is `tag`, as a load by an authority with auth_perms gives
    it: without LoadCap the tag is stripped (no fault); without MutableLoad it is made read-only."""
    cdef uint64_t pesbt, address
    if not auth_perms & PERM_LOAD_CAP:
        tag = False
    cap_read_bits(p, &pesbt, &address)
    set_loaded(s, out, pesbt, address, tag)
    if out.tag and out.otype == 0 and not auth_perms & PERM_MUTABLE_LOAD:
        cap_clear_perms(out, MUTABLE_PERMS)      # transitively read-only

cdef bint load_capability(CPUState* s, const Cap* auth, int base, uint64_t va, Cap* out) noexcept nogil:
    """LDR Ct: the capability at va, authorised by auth (register `base` in a fault's syndrome),
    with Morello's rules for LoadCap, MutableLoad and the page's capability-load trap. False (and a
    trap) on a fault, and *out untouched. out may be a register, even auth's own (LDR c0, [c0]):
    the authority's permissions are read before out is written."""
    cdef uint32_t fault = check_capability(auth, va, 16, PERM_LOAD)
    cdef uint8_t* p
    cdef bint tag
    if fault:
        return capability_fault(s, fault, ACCESS_LOAD, base, va)
    if va & 15:
        raise_exception(s, EC_ALIGN, 0, ACCESS_LOAD, base, va)
        return False
    p = translate(s, va, PTE_READ, ACCESS_LOAD, base)
    if p == NULL:
        return False
    tag = tag_get(s.tags, p - s.mem)
    if tag and cached_pte(s, va) & PTE_CAP_TRAP:
        page_fault(s, FAULT_CAP_LOAD, ACCESS_LOAD, base, va)
        return False
    read_capability(s, p, tag, auth.perms, out)
    return True

cdef inline uint32_t store_perms(const Cap* value) noexcept nogil:
    """What storing value needs of its authority: Store; StoreCap too if it is tagged, and
    StoreLocalCap if it is also not Global."""
    cdef uint32_t perm = PERM_STORE
    if value.tag:
        perm |= PERM_STORE_CAP
        if not value.perms & PERM_GLOBAL:
            perm |= PERM_STORE_LOCAL_CAP
    return perm

cdef bint store_capability(CPUState* s, const Cap* auth, int base, uint64_t va, const Cap* value) noexcept nogil:
    """STR Ct: store a capability and its tag. A tagged value needs a page that allows capability
    stores."""
    cdef uint8_t* p
    cdef uint32_t fault = check_capability(auth, va, 16, store_perms(value))
    if fault:
        return capability_fault(s, fault, ACCESS_STORE, base, va)
    if va & 15:
        raise_exception(s, EC_ALIGN, 0, ACCESS_STORE, base, va)
        return False
    p = translate(s, va, PTE_WRITE, ACCESS_STORE, base)
    if p == NULL:
        return False
    if value.tag and not cached_pte(s, va) & PTE_CAP_STORE:
        page_fault(s, FAULT_CAP_STORE, ACCESS_STORE, base, va)
        return False
    cap_write_bits(p, value)
    tag_set(s.tags, p - s.mem, value.tag)
    return True

# LDP and STP of capabilities: a function's prologue and epilogue save and restore its registers
# in pairs, so these run at every call. When the pair lies in one page and nothing faults, one
# check of the authority and one translation serve both halves; otherwise each half is loaded or
# stored on its own, the first first, so a fault is the one the architecture gives.

cdef inline bint pair_in_one_page(uint64_t va) noexcept nogil:
    return not va & 15 and (va & PAGE_MASK) <= PAGE_MASK + 1 - 32

cdef bint load_capability_pair(CPUState* s, const Cap* auth, int base, uint64_t va, Cap* first,
                               Cap* second) noexcept nogil:
    """LDP Ct, Ct2: the capabilities at va and va + 16 into first and second (not registers: the
    caller writes those once both loads are done)."""
    cdef uint32_t auth_perms = auth.perms
    cdef uint8_t* p
    cdef bint tag0, tag1
    if pair_in_one_page(va) and not check_capability(auth, va, 32, PERM_LOAD):
        p = translate(s, va, PTE_READ, ACCESS_LOAD, base)
        if p == NULL:
            return False                         # the fault the first half would take
        tag0 = tag_get(s.tags, p - s.mem)
        tag1 = tag_get(s.tags, p + 16 - s.mem)
        if not ((tag0 or tag1) and cached_pte(s, va) & PTE_CAP_TRAP):
            read_capability(s, p, tag0, auth_perms, first)
            read_capability(s, p + 16, tag1, auth_perms, second)
            return True
    return load_capability(s, auth, base, va, first) and load_capability(s, auth, base, va + 16, second)

cdef bint store_capability_pair(CPUState* s, const Cap* auth, int base, uint64_t va, const Cap* first,
                                const Cap* second) noexcept nogil:
    """STP Ct, Ct2: first at va, second at va + 16."""
    cdef uint8_t* p
    if pair_in_one_page(va) and not check_capability(auth, va, 32, store_perms(first) | store_perms(second)):
        p = translate(s, va, PTE_WRITE, ACCESS_STORE, base)
        if p == NULL:
            return False                         # the fault the first half would take
        if not ((first.tag or second.tag) and not cached_pte(s, va) & PTE_CAP_STORE):
            cap_write_bits(p, first)
            tag_set(s.tags, p - s.mem, first.tag)
            cap_write_bits(p + 16, second)
            tag_set(s.tags, p + 16 - s.mem, second.tag)
            return True
    return store_capability(s, auth, base, va, first) and store_capability(s, auth, base, va + 16, second)


# ===== instruction fetch and branches =============================================================

cdef inline bint same_fetch_authority(const Cap* a, const Cap* b) noexcept nogil:
    """Would a and b, as PCC, allow the same fetches? (The address aside.)"""
    return a.tag == b.tag and a.otype == b.otype and a.perms == b.perms and a.base == b.base and a.top == b.top

cdef bint fetch_refill(CPUState* s) noexcept nogil:
    """Check PCC for fetching at its address and set up the fetch window: the stretch of the current
    page inside PCC's bounds. Instructions inside the window are fetched without further checks.
    A window made before for this page is taken again if nothing it depends on has changed (the
    page's translation, PCC's bounds and permissions): calls and returns go back and forth
    between a few pages, and each would otherwise repeat the checks."""
    cdef uint64_t pc = s.pcc.address, lo, hi
    cdef FetchWindow* kept = &s.windows[(pc >> 12) & (FETCH_WINDOWS - 1)]
    cdef uint32_t fault
    cdef uint8_t* p
    if (kept.vpn == pc >> 12 and kept.generation == s.window_generation and not pc & 3
            and pc - kept.lo < kept.span and same_fetch_authority(&kept.pcc, &s.pcc)):
        s.fetch_lo, s.fetch_span, s.fetch_host = kept.lo, kept.span, kept.host
        return True
    fault = check_capability(&s.pcc, pc, 4, PERM_EXECUTE)
    s.fetch_span = 0
    if fault:
        return capability_fault(s, fault, ACCESS_FETCH, REG_PCC, pc)
    if pc & 3:
        raise_exception(s, EC_ALIGN, 0, ACCESS_FETCH, REG_PCC, pc)
        return False
    p = translate(s, pc, PTE_EXEC, ACCESS_FETCH, REG_PCC)
    if p == NULL:
        return False
    lo = pc & ~<uint64_t>PAGE_MASK
    hi = lo + PAGE_MASK + 1
    if s.pcc.base > lo:
        lo = s.pcc.base
    if s.pcc.top < hi:
        hi = <uint64_t>s.pcc.top
    s.fetch_lo = lo
    s.fetch_span = hi - lo - 3          # pc - lo < span  <=>  [pc, pc + 4) lies in [lo, hi)
    s.fetch_host = p - (pc - lo)
    kept.vpn, kept.generation, kept.pcc = pc >> 12, s.window_generation, s.pcc
    kept.lo, kept.span, kept.host = s.fetch_lo, s.fetch_span, s.fetch_host
    return True

cdef inline uint64_t branch_to(CPUState* s, uint64_t target) noexcept nogil:
    """A PC-relative branch: stay in the fetch window if we can, else move PCC's address (CapAdd)."""
    if target - s.fetch_lo >= s.fetch_span:
        cap_set_address(&s.pcc, target)
        s.fetch_span = 0
    return target

cdef inline Cap link_capability(CPUState* s, uint64_t return_address) noexcept nogil:
    """The return capability BL (in C64), BLR and BLRS write to c30: PCC at the next instruction,
    with bit 0 of the address saying the state to return to (set: C64), a sentry if CCTLR.SBL."""
    cdef Cap link = s.pcc
    cap_set_address(&link, return_address | s.c64)
    if s.cctlr & CCTLR_SBL:
        cap_seal_entry(&link, 1)
    return link

cdef inline void enter_state_of(CPUState* s, Cap* target) noexcept nogil:
    """Morello's BranchXToCapability: bit 0 of the target chooses the state (1: C64, 0: A64), and
    is cleared, so PCC's address is always the instruction's."""
    s.c64 = target.address & 1
    target.address &= ~<uint64_t>1

cdef inline uint64_t branch_to_capability(CPUState* s, Cap target) noexcept nogil:
    """BR/BLR/RET: PCC = target, in the state its bit 0 says. A sentry is unsealed; anything wrong
    with the target faults at fetch."""
    if target.tag and target.otype == 1:
        cap_set_otype(&target, 0)
    enter_state_of(s, &target)
    s.pcc = target
    s.fetch_span = 0
    return target.address

cdef inline bint sealed_pair_ok(const Cap* code, const Cap* data) noexcept nogil:
    """BRS/BLRS: code and data sealed with the same non-special type, both BranchSealedPair,
    the code executable and the data not."""
    return (code.tag and data.tag and code.otype == data.otype and code.otype > 3
            and code.perms & PERM_BRANCH_SEALED_PAIR and data.perms & PERM_BRANCH_SEALED_PAIR
            and code.perms & PERM_EXECUTE and not data.perms & PERM_EXECUTE)


# ===== floating point =============================================================================

cdef inline uint64_t bits_of(double v) noexcept nogil:
    cdef uint64_t u
    memcpy(&u, &v, 8)
    return u

cdef inline double double_of(uint64_t u) noexcept nogil:
    cdef double v
    memcpy(&v, &u, 8)
    return v

cdef inline int64_t fcvtzs(double v) noexcept nogil:
    if isnan(v):
        return 0
    if v >= 9.223372036854775807e18:
        return INT64_MAX
    if v <= -9.223372036854775808e18:
        return INT64_MIN
    return <int64_t>v

cdef inline uint64_t fcvtzu(double v) noexcept nogil:
    if isnan(v) or v <= -1.0:
        return 0
    if v >= 1.8446744073709551616e19:
        return UINT64_MAX
    return <uint64_t>v

cdef inline uint32_t fcmp_flags(double a, double b) noexcept nogil:
    if isnan(a) or isnan(b):
        return NZCV_C | NZCV_V
    if a == b:
        return NZCV_Z | NZCV_C
    if a < b:
        return NZCV_N
    return NZCV_C


# ===== system registers ===========================================================================

cdef inline bint sysreg_allowed(CPUState* s, uint32_t num, bint write, bint cap_kind) noexcept nogil:
    """May the running code use system register num? Raises UNDEF or SYSREG if not."""
    cdef int access = sysreg_access(num)
    if access == SYSREG_UNDEFINED or (num >= 64) != cap_kind:
        raise_exception(s, EC_UNDEF, 0, 0, REG_NONE, s.pcc.address)
        return False
    if access == SYSREG_ACCESS_SYSTEM or (write and access == SYSREG_ACCESS_USER_READ):
        if not s.pcc.perms & PERM_SYSTEM:
            raise_exception(s, EC_SYSREG, num, 0, REG_NONE, s.pcc.address)
            return False
    return True

cdef inline uint64_t read_sysreg(CPUState* s, uint32_t num, uint64_t executed) noexcept nogil:
    if num == SYSREG_NZCV:
        return s.nzcv
    if num == SYSREG_ESR:
        return s.esr
    if num == SYSREG_FAR:
        return s.far
    if num == SYSREG_CCTLR:
        return s.cctlr
    if num == SYSREG_TIMER:
        return s.timer_interval
    if num == SYSREG_ICOUNT:
        return s.ctr.instructions + executed
    if num == SYSREG_CID:
        return s.cid
    return s.spsr

cdef inline void write_sysreg(CPUState* s, uint32_t num, uint64_t v) noexcept nogil:
    if num == SYSREG_NZCV:
        s.nzcv = v & 0xF0000000U
    elif num == SYSREG_ESR:
        s.esr = v
    elif num == SYSREG_FAR:
        s.far = v
    elif num == SYSREG_CCTLR:
        s.cctlr = v
    elif num == SYSREG_TIMER:
        s.timer_interval = v
        s.timer_left = v
    elif num == SYSREG_CID:
        s.cid = v
    elif num == SYSREG_SPSR:
        s.spsr = v
    # icount is read-only

cdef inline Cap* cap_sysreg(CPUState* s, uint32_t num) noexcept nogil:
    if num == SYSREG_DDC:
        return &s.ddc
    if num == SYSREG_CTPIDR:
        return &s.ctpidr
    if num == SYSREG_CELR:
        return &s.celr
    return &s.cvbar


# ===== the run loop ===============================================================================

cdef uint64_t execute(CPUState* s, uint64_t budget) noexcept nogil:
    """Execute up to `budget` instructions. Returns how many retired; s.trap.ec says why it stopped
    early (EC_NONE if it did not). A faulting instruction does not retire and PCC stays on it."""
    cdef uint64_t n = 0, pc, next_pc, a, b, va
    cdef uint32_t w, op, d, rn, rm
    cdef int reg
    cdef Cap* auth
    cdef int64_t sa, sb
    cdef uint8_t* p
    cdef Cap t, t2
    cdef uint32_t u32
    cdef float f32
    s.trap.ec = EC_NONE
    while n < budget:
        pc = s.pcc.address
        if pc - s.fetch_lo >= s.fetch_span:
            if not fetch_refill(s):
                break
        memcpy(&w, s.fetch_host + (pc - s.fetch_lo), 4)
        next_pc = pc + 4
        op = w >> 24
        d = f_d(w)
        rn = f_n(w)
        rm = f_m(w)

        # ---- integer ------------------------------------------------------------------------
        if op == OP_ADD:
            set_x(s, d, xr(s, rn) + xr(s, rm))
        elif op == OP_ADDI:
            set_x(s, d, xr(s, rn) + <uint64_t>f_simm14(w))
        elif op == OP_SUB:
            set_x(s, d, xr(s, rn) - xr(s, rm))
        elif op == OP_SUBS:
            a = xr(s, rn)
            b = xr(s, rm)
            set_flags_sub(s, a, b)
            set_x(s, d, a - b)
        elif op == OP_SUBSI:
            a = xr(s, rn)
            b = <uint64_t>f_simm14(w)
            set_flags_sub(s, a, b)
            set_x(s, d, a - b)
        elif op == OP_AND:
            set_x(s, d, xr(s, rn) & xr(s, rm))
        elif op == OP_ANDI:
            set_x(s, d, xr(s, rn) & <uint64_t>f_simm14(w))
        elif op == OP_ANDS:
            a = xr(s, rn) & xr(s, rm)
            set_flags_logic(s, a)
            set_x(s, d, a)
        elif op == OP_ANDSI:
            a = xr(s, rn) & <uint64_t>f_simm14(w)
            set_flags_logic(s, a)
            set_x(s, d, a)
        elif op == OP_ORR:
            set_x(s, d, xr(s, rn) | xr(s, rm))
        elif op == OP_ORRI:
            set_x(s, d, xr(s, rn) | <uint64_t>f_simm14(w))
        elif op == OP_EOR:
            set_x(s, d, xr(s, rn) ^ xr(s, rm))
        elif op == OP_EORI:
            set_x(s, d, xr(s, rn) ^ <uint64_t>f_simm14(w))
        elif op == OP_LSL:
            set_x(s, d, xr(s, rn) << (xr(s, rm) & 63))
        elif op == OP_LSLI:
            set_x(s, d, xr(s, rn) << f_imm6(w))
        elif op == OP_LSR:
            set_x(s, d, xr(s, rn) >> (xr(s, rm) & 63))
        elif op == OP_LSRI:
            set_x(s, d, xr(s, rn) >> f_imm6(w))
        elif op == OP_ASR:
            set_x(s, d, <uint64_t>(<int64_t>xr(s, rn) >> (xr(s, rm) & 63)))
        elif op == OP_ASRI:
            set_x(s, d, <uint64_t>(<int64_t>xr(s, rn) >> f_imm6(w)))
        elif op == OP_MUL:
            set_x(s, d, xr(s, rn) * xr(s, rm))
        elif op == OP_UMULH:
            set_x(s, d, <uint64_t>((<u128>xr(s, rn) * <u128>xr(s, rm)) >> 64))
        elif op == OP_SMULH:
            set_x(s, d, <uint64_t>((<i128><int64_t>xr(s, rn) * <i128><int64_t>xr(s, rm)) >> 64))
        elif op == OP_MADD:
            set_x(s, d, xr(s, f_a(w)) + xr(s, rn) * xr(s, rm))
        elif op == OP_MSUB:
            set_x(s, d, xr(s, f_a(w)) - xr(s, rn) * xr(s, rm))
        elif op == OP_UDIV:
            b = xr(s, rm)
            set_x(s, d, xr(s, rn) / b if b else 0)
        elif op == OP_SDIV:
            sa = <int64_t>xr(s, rn)
            sb = <int64_t>xr(s, rm)
            if sb == 0:
                set_x(s, d, 0)
            elif sb == -1:
                set_x(s, d, <uint64_t>0 - <uint64_t>sa)        # INT64_MIN / -1 wraps, as on Arm
            else:
                set_x(s, d, <uint64_t>(sa / sb))
        elif op == OP_CLZ:
            a = xr(s, rn)
            set_x(s, d, __builtin_clzll(a) if a else 64)
        elif op == OP_MOVZ:
            set_x(s, d, <uint64_t>f_imm16(w) << f_hw(w))
        elif op == OP_MOVK:
            set_x(s, d, (xr(s, d) & ~(<uint64_t>0xFFFF << f_hw(w))) | (<uint64_t>f_imm16(w) << f_hw(w)))
        elif op == OP_MOVN:
            set_x(s, d, ~(<uint64_t>f_imm16(w) << f_hw(w)))
        elif op == OP_CSEL:
            set_x(s, d, xr(s, rn) if condition_holds(s.nzcv, f_cond(w)) else xr(s, rm))
        elif op == OP_CSET:
            set_x(s, d, condition_holds(s.nzcv, f_cond(w)))
        elif op == OP_SXTB:
            set_x(s, d, <uint64_t><int64_t><int8_t>xr(s, rn))
        elif op == OP_SXTH:
            set_x(s, d, <uint64_t><int64_t><int16_t>xr(s, rn))
        elif op == OP_SXTW:
            set_x(s, d, <uint64_t><int64_t><int32_t>xr(s, rn))
        elif op == OP_UXTB:
            set_x(s, d, xr(s, rn) & 0xFF)
        elif op == OP_UXTH:
            set_x(s, d, xr(s, rn) & 0xFFFF)
        elif op == OP_UXTW:
            set_x(s, d, xr(s, rn) & 0xFFFFFFFFU)

        # ---- branches -----------------------------------------------------------------------
        elif op == OP_B:
            next_pc = branch_to(s, pc + <uint64_t>f_off24(w))
        elif op == OP_BL:
            if s.c64:
                s.r[30] = link_capability(s, next_pc)
            else:
                set_x(s, 30, next_pc - pcc_offset(s))
            next_pc = branch_to(s, pc + <uint64_t>f_off24(w))
        elif op == OP_BCOND:
            if condition_holds(s.nzcv, f_bcond(w)):
                next_pc = branch_to(s, pc + <uint64_t>f_off20(w))
        elif op == OP_CBZ:
            if xr(s, d) == 0:
                next_pc = branch_to(s, pc + <uint64_t>f_off19(w))
        elif op == OP_CBNZ:
            if xr(s, d) != 0:
                next_pc = branch_to(s, pc + <uint64_t>f_off19(w))
        elif op == OP_BR or op == OP_RET:
            next_pc = branch_to_capability(s, cr(s, rn)[0])
        elif op == OP_BLR:
            t = cr(s, rn)[0]
            s.r[30] = link_capability(s, next_pc)
            next_pc = branch_to_capability(s, t)
        elif op == OP_BRS or op == OP_BLRS:
            t = cr(s, rn)[0]
            t2 = cr(s, rm)[0]
            if sealed_pair_ok(&t, &t2):
                cap_set_otype(&t, 0)
                cap_set_otype(&t2, 0)
                s.r[29] = t2
            else:
                cap_clear_tag(&t)              # the fault comes at the next fetch, as on Morello
            if op == OP_BLRS:
                s.r[30] = link_capability(s, next_pc)
            enter_state_of(s, &t)
            s.pcc = t
            s.fetch_span = 0
            next_pc = t.address
        elif op == OP_BR_X or op == OP_BLR_X or op == OP_RET_X:
            if s.c64:                          # integer branches exist only in A64
                raise_exception(s, EC_UNDEF, 0, 0, REG_NONE, pc)
                break
            a = xr(s, rn) + pcc_offset(s)
            if op == OP_BLR_X:
                set_x(s, 30, next_pc - pcc_offset(s))
            next_pc = branch_to(s, a)
        elif op == OP_ADR or op == OP_ADRP:
            a = pc + <uint64_t>f_adr19(w) if op == OP_ADR else (pc & ~<uint64_t>PAGE_MASK) + <uint64_t>f_page19(w)
            if s.c64:
                t = s.pcc
                cap_set_address(&t, a)
                set_c(s, d, &t)
            else:
                set_x(s, d, a - pcc_offset(s))

        # ---- data loads and stores ------------------------------------------------------------
        elif op == OP_LDRB:
            if not load_x(s, w, imm_offset(w), 1, False, False): break
        elif op == OP_LDRB_R:
            if not load_x(s, w, index_offset(s, w), 1, False, False): break
        elif op == OP_LDRH:
            if not load_x(s, w, imm_offset(w), 2, False, False): break
        elif op == OP_LDRH_R:
            if not load_x(s, w, index_offset(s, w), 2, False, False): break
        elif op == OP_LDRW:
            if not load_x(s, w, imm_offset(w), 4, False, False): break
        elif op == OP_LDRW_R:
            if not load_x(s, w, index_offset(s, w), 4, False, False): break
        elif op == OP_LDRX:
            if not load_x(s, w, imm_offset(w), 8, False, False): break
        elif op == OP_LDRX_R:
            if not load_x(s, w, index_offset(s, w), 8, False, False): break
        elif op == OP_LDRSB:
            if not load_x(s, w, imm_offset(w), 1, True, False): break
        elif op == OP_LDRSB_R:
            if not load_x(s, w, index_offset(s, w), 1, True, False): break
        elif op == OP_LDRSH:
            if not load_x(s, w, imm_offset(w), 2, True, False): break
        elif op == OP_LDRSH_R:
            if not load_x(s, w, index_offset(s, w), 2, True, False): break
        elif op == OP_LDRSW:
            if not load_x(s, w, imm_offset(w), 4, True, False): break
        elif op == OP_LDRSW_R:
            if not load_x(s, w, index_offset(s, w), 4, True, False): break
        elif op == OP_STRB:
            if not store_x(s, w, imm_offset(w), 1, False): break
        elif op == OP_STRB_R:
            if not store_x(s, w, index_offset(s, w), 1, False): break
        elif op == OP_STRH:
            if not store_x(s, w, imm_offset(w), 2, False): break
        elif op == OP_STRH_R:
            if not store_x(s, w, index_offset(s, w), 2, False): break
        elif op == OP_STRW:
            if not store_x(s, w, imm_offset(w), 4, False): break
        elif op == OP_STRW_R:
            if not store_x(s, w, index_offset(s, w), 4, False): break
        elif op == OP_STRX:
            if not store_x(s, w, imm_offset(w), 8, False): break
        elif op == OP_STRX_R:
            if not store_x(s, w, index_offset(s, w), 8, False): break
        elif op == OP_LDRD:
            if not load_d(s, w, imm_offset(w), False): break
        elif op == OP_LDRD_R:
            if not load_d(s, w, index_offset(s, w), False): break
        elif op == OP_STRD:
            if not store_d(s, w, imm_offset(w), False): break
        elif op == OP_STRD_R:
            if not store_d(s, w, index_offset(s, w), False): break
        elif op == OP_LDRB_A:
            if not load_x(s, w, imm_offset(w), 1, False, True): break
        elif op == OP_LDRH_A:
            if not load_x(s, w, imm_offset(w), 2, False, True): break
        elif op == OP_LDRW_A:
            if not load_x(s, w, imm_offset(w), 4, False, True): break
        elif op == OP_LDRX_A:
            if not load_x(s, w, imm_offset(w), 8, False, True): break
        elif op == OP_LDRSB_A:
            if not load_x(s, w, imm_offset(w), 1, True, True): break
        elif op == OP_LDRSH_A:
            if not load_x(s, w, imm_offset(w), 2, True, True): break
        elif op == OP_LDRSW_A:
            if not load_x(s, w, imm_offset(w), 4, True, True): break
        elif op == OP_STRB_A:
            if not store_x(s, w, imm_offset(w), 1, True): break
        elif op == OP_STRH_A:
            if not store_x(s, w, imm_offset(w), 2, True): break
        elif op == OP_STRW_A:
            if not store_x(s, w, imm_offset(w), 4, True): break
        elif op == OP_STRX_A:
            if not store_x(s, w, imm_offset(w), 8, True): break
        elif op == OP_LDRD_A:
            if not load_d(s, w, imm_offset(w), True): break
        elif op == OP_STRD_A:
            if not store_d(s, w, imm_offset(w), True): break
        elif op == OP_LDRC or op == OP_LDRC_R or op == OP_LDRC_A:
            auth = base_authority(s, rn, op == OP_LDRC_A, &va, &reg)
            va += index_offset(s, w) if op == OP_LDRC_R else imm_offset(w)
            if not load_capability(s, auth, reg, va, &t if d == 31 else &s.r[d]):   # straight into Cd
                break
        elif op == OP_STRC or op == OP_STRC_R or op == OP_STRC_A:
            auth = base_authority(s, rn, op == OP_STRC_A, &va, &reg)
            va += index_offset(s, w) if op == OP_STRC_R else imm_offset(w)
            if not store_capability(s, auth, reg, va, cr(s, d)):
                break
        elif op == OP_LDPC:
            auth = base_authority(s, rn, False, &va, &reg)
            va += <uint64_t>f_pimm9(w)
            if not load_capability_pair(s, auth, reg, va, &t, &t2):
                break
            set_c(s, d, &t)
            set_c(s, rm, &t2)
        elif op == OP_STPC:
            auth = base_authority(s, rn, False, &va, &reg)
            va += <uint64_t>f_pimm9(w)
            t = cr(s, d)[0]
            t2 = cr(s, rm)[0]
            if not store_capability_pair(s, auth, reg, va, &t, &t2):
                break
        elif op == OP_LDCT:
            auth = base_authority(s, rn, False, &va, &reg)
            p = data_access(s, rn, False, (va & ~<uint64_t>63) - va, 64, PERM_LOAD, ACCESS_LOAD)
            if p == NULL:
                break
            a = 0
            if auth.perms & PERM_LOAD_CAP:
                for u32 in range(4):
                    a |= <uint64_t>tag_get(s.tags, p - s.mem + 16 * u32) << u32
            set_x(s, d, a)

        # ---- capability manipulation: never traps; a bad result is detagged -----------------------
        elif op == OP_CPY:
            s.r[d] = s.r[rn]
        elif op == OP_ADDC:            # in place, not through a copy: these run all the time
            a = <uint64_t>f_simm14(w)       # (stack frames, array indexing), and a copy written
            move_c(s, d, rn)                # field by field then read back whole stalls the host
            cap_add(&s.r[d], a)
        elif op == OP_ADDC_R:
            a = xr(s, rm) << f_sh(w)        # read before Cd is written: rm may be d
            move_c(s, d, rn)
            cap_add(&s.r[d], a)
        elif op == OP_SUBC_R:
            a = <uint64_t>0 - (xr(s, rm) << f_sh(w))
            move_c(s, d, rn)
            cap_add(&s.r[d], a)
        elif op == OP_SCVALUE:
            t = cr(s, rn)[0]
            cap_set_value(&t, xr(s, rm))
            set_c(s, d, &t)
        elif op == OP_SCOFF:
            t = cr(s, rn)[0]
            cap_set_address(&t, t.base + xr(s, rm))
            set_c(s, d, &t)
        elif op == OP_SCBNDS or op == OP_SCBNDSE:
            t = cr(s, rn)[0]
            cap_set_bounds(&t, xr(s, rm), op == OP_SCBNDSE)
            set_c(s, d, &t)
        elif op == OP_SCBNDSI:
            t = cr(s, rn)[0]
            cap_set_bounds(&t, f_imm14(w), True)
            set_c(s, d, &t)
        elif op == OP_CLRPERM:
            t = cr(s, rn)[0]
            cap_clear_perms(&t, <uint32_t>(xr(s, rm) & PERM_ALL))
            set_c(s, d, &t)
        elif op == OP_CLRTAG:
            t = cr(s, rn)[0]
            cap_clear_tag(&t)
            set_c(s, d, &t)
        elif op == OP_SEAL:
            t = cr(s, rn)[0]
            cap_seal(&t, cr(s, rm))
            set_c(s, d, &t)
        elif op == OP_SEALF:
            if f_form(w) == 0:
                raise_exception(s, EC_UNDEF, 0, 0, REG_NONE, pc)
                break
            t = cr(s, rn)[0]
            cap_seal_entry(&t, f_form(w))
            set_c(s, d, &t)
        elif op == OP_UNSEAL:
            t = cr(s, rn)[0]
            cap_unseal(&t, cr(s, rm))
            set_c(s, d, &t)
        elif op == OP_CPYTYPE:
            t = cr(s, rn)[0]
            cap_set_value(&t, cr(s, rm).otype if cr(s, rm).otype else UINT64_MAX)
            set_c(s, d, &t)
        elif op == OP_CPYVALUE:
            t = cr(s, rn)[0]
            cap_set_value(&t, cr(s, rm).address)
            set_c(s, d, &t)
        elif op == OP_CSEAL:
            t = cr(s, rn)[0]
            s.nzcv = 0
            if cr(s, rm).address != UINT64_MAX and cap_can_seal(&t, cr(s, rm)):
                cap_seal(&t, cr(s, rm))
                s.nzcv = NZCV_Z
            set_c(s, d, &t)
        elif op == OP_BUILD:
            cap_build(&t, cr(s, rn), cr(s, rm))
            set_c(s, d, &t)
        elif op == OP_ALIGND or op == OP_ALIGNU:
            t = cr(s, rn)[0]
            a = (<uint64_t>1 << f_imm6(w)) - 1
            cap_set_value(&t, (t.address & ~a) if op == OP_ALIGND else ((t.address + a) & ~a))
            set_c(s, d, &t)
        elif op == OP_RRLEN:
            set_x(s, d, cap_representable_length(xr(s, rn)))
        elif op == OP_RRMASK:
            set_x(s, d, cap_alignment_mask(xr(s, rn)))
        elif op == OP_CVTD:
            a = xr(s, rn)
            t = s.ddc if a else s.r[REG_ZERO]
            cap_set_value(&t, a + ddc_offset(s) if a else 0)
            set_c(s, d, &t)
        elif op == OP_CVT:
            set_x(s, d, cr(s, rn).address - ddc_offset(s) if cr(s, rn).tag else 0)

        # ---- capability queries -------------------------------------------------------------------
        elif op == OP_GCVALUE:
            set_x(s, d, s.r[rn].address)
        elif op == OP_GCBASE:
            set_x(s, d, s.r[rn].base)
        elif op == OP_GCLIM:
            set_x(s, d, UINT64_MAX if s.r[rn].top >> 64 else <uint64_t>s.r[rn].top)
        elif op == OP_GCLEN:
            set_x(s, d, UINT64_MAX if s.r[rn].top - s.r[rn].base > UINT64_MAX
                  else <uint64_t>(s.r[rn].top - s.r[rn].base))
        elif op == OP_GCOFF:
            set_x(s, d, s.r[rn].address - s.r[rn].base)
        elif op == OP_GCPERM:
            set_x(s, d, s.r[rn].perms)
        elif op == OP_GCTYPE:
            set_x(s, d, s.r[rn].otype)
        elif op == OP_GCTAG:
            set_x(s, d, s.r[rn].tag)
        elif op == OP_GCSEAL:
            set_x(s, d, s.r[rn].otype != 0)
        elif op == OP_CHKSS:
            s.nzcv = NZCV_N if (cr(s, rn).tag == cr(s, rm).tag and cap_is_subset(cr(s, rn), cr(s, rm))) else 0
        elif op == OP_CHKEQ:
            s.nzcv = NZCV_Z if (cr(s, rn).tag == cr(s, rm).tag and cr(s, rn).pesbt == cr(s, rm).pesbt
                                and cr(s, rn).address == cr(s, rm).address) else 0
        elif op == OP_CHKTGD:
            s.nzcv = NZCV_C if cr(s, rn).tag else 0
        elif op == OP_CHKSLD:
            s.nzcv = NZCV_V if cr(s, rn).otype else 0

        # ---- floating point ---------------------------------------------------------------------
        elif op == OP_FADD:
            s.d[d] = s.d[rn] + s.d[rm]
        elif op == OP_FSUB:
            s.d[d] = s.d[rn] - s.d[rm]
        elif op == OP_FMUL:
            s.d[d] = s.d[rn] * s.d[rm]
        elif op == OP_FDIV:
            s.d[d] = s.d[rn] / s.d[rm]
        elif op == OP_FNEG:
            s.d[d] = double_of(bits_of(s.d[rn]) ^ 0x8000000000000000ULL)
        elif op == OP_FABS:
            s.d[d] = double_of(bits_of(s.d[rn]) & 0x7FFFFFFFFFFFFFFFULL)
        elif op == OP_FSQRT:
            s.d[d] = sqrt(s.d[rn])
        elif op == OP_FMOV:
            s.d[d] = s.d[rn]
        elif op == OP_FMOV_DX:
            s.d[d] = double_of(xr(s, rn))
        elif op == OP_FMOV_XD:
            set_x(s, d, bits_of(s.d[rn]))
        elif op == OP_FCMP:
            s.nzcv = fcmp_flags(s.d[rn], s.d[rm])
        elif op == OP_SCVTF:
            s.d[d] = <double><int64_t>xr(s, rn)
        elif op == OP_UCVTF:
            s.d[d] = <double>xr(s, rn)
        elif op == OP_FCVTZS:
            set_x(s, d, <uint64_t>fcvtzs(s.d[rn]))
        elif op == OP_FCVTZU:
            set_x(s, d, fcvtzu(s.d[rn]))
        elif op == OP_FCVTS:
            f32 = <float>s.d[rn]
            memcpy(&u32, &f32, 4)
            set_x(s, d, u32)
        elif op == OP_FCVTD:
            u32 = <uint32_t>xr(s, rn)
            memcpy(&f32, &u32, 4)
            s.d[d] = <double>f32

        # ---- system -----------------------------------------------------------------------------
        elif op == OP_NOP:
            pass
        elif op == OP_SVC or op == OP_HLT or op == OP_WFI:
            # these retire: the kernel resumes at the next instruction
            raise_exception(s, EC_SVC if op == OP_SVC else (EC_HLT if op == OP_HLT else EC_WFI),
                            f_code(w) if op != OP_WFI else 0, 0, REG_NONE, pc)
            s.pcc.address = next_pc
            s.ctr.by_opcode[op] += 1
            n += 1
            break
        elif op == OP_BRK:
            raise_exception(s, EC_BRK, f_code(w), 0, REG_NONE, pc)
            break
        elif op == OP_ERET:
            t = s.celr
            if not s.pcc.perms & PERM_SYSTEM:
                cap_clear_tag(&t)
            s.nzcv = s.spsr & 0xF0000000U
            s.c64 = (s.spsr & SPSR_C64) != 0
            s.pcc = t
            s.fetch_span = 0
            next_pc = t.address
        elif op == OP_MRS or op == OP_MSR:
            if not sysreg_allowed(s, f_sysreg(w), op == OP_MSR, False):
                break
            if op == OP_MRS:
                set_x(s, d, read_sysreg(s, f_sysreg(w), n))
            else:
                write_sysreg(s, f_sysreg(w), xr(s, d))
        elif op == OP_MRS_C or op == OP_MSR_C:
            if not sysreg_allowed(s, f_sysreg(w), op == OP_MSR_C, True):
                break
            if op == OP_MRS_C:
                set_c(s, d, cap_sysreg(s, f_sysreg(w)))
            else:
                cap_sysreg(s, f_sysreg(w))[0] = cr(s, d)[0]
        else:
            raise_exception(s, EC_UNDEF, 0, 0, REG_NONE, pc)
            break

        s.pcc.address = next_pc
        s.ctr.by_opcode[op] += 1
        n += 1
    return n


# ===== the Python interface =======================================================================

# What CPU.weighted_count weighs, in order: each opcode, each exception class, then the TLB and tag
# counters, then copy_and_relocate's (Memory.reloc).
COUNTER_LAYOUT = (tuple(f"insn.{isa.BY_OPCODE[op].key}" if op in isa.BY_OPCODE else f"insn.{op:#04x}"
                        for op in range(256))
                  + tuple(f"trap.{isa.EXCEPTION_CLASSES[ec][0]}" if ec in isa.EXCEPTION_CLASSES else f"trap.{ec}"
                          for ec in range(16))
                  + ("tlb_misses", "tlb_flushes", "tlb_invalidations", "tag_clears", "misaligned",
                     "pages_copied", "caps_scanned", "caps_relocated"))

CAP_FAULT_INDEX = {isa.FAULT["TAG"]: 0, isa.FAULT["SEAL"]: 1, isa.FAULT["PERM"]: 2, isa.FAULT["BOUNDS"]: 3}
PAGE_FAULT_INDEX = {isa.FAULT["TRANSLATION"]: 0, isa.FAULT["ACCESS_FLAG"]: 1, isa.FAULT["PERMISSION"]: 2,
                    isa.FAULT["CAP_LOAD"]: 3, isa.FAULT["CAP_STORE"]: 4}


cdef enum RegisterKind:
    KIND_C, KIND_X, KIND_D

cdef class _Registers:
    """cpu.c[i], cpu.x[i], cpu.d[i]: the register file seen from Python (31 is csp for c). The
    kernel reads a system call's number and arguments through these, so they stay in C."""
    cdef CPU cpu
    cdef RegisterKind kind
    cdef str name

    def __init__(self, CPU cpu, str name):
        self.cpu = cpu
        self.name = name
        self.kind = KIND_C if name == "c" else KIND_X if name == "x" else KIND_D

    cdef int _index(self, int i) except -1:
        cdef int limit = 31 if self.kind == KIND_X else 32
        if not 0 <= i < limit:
            raise IndexError(f"there is no register {self.name}{i}")
        return i

    def __getitem__(self, int i):
        i = self._index(i)
        if self.kind == KIND_C:
            return wrap_cap(self.cpu.s.r[i])
        if self.kind == KIND_X:
            return self.cpu.s.r[i].address
        return self.cpu.s.d[i]

    def __setitem__(self, int i, value):
        i = self._index(i)
        if self.kind == KIND_C:
            self.cpu.s.r[i] = (<Capability?>value).c
        elif self.kind == KIND_X:
            set_x(&self.cpu.s, i, value)
        else:
            self.cpu.s.d[i] = value

    def __len__(self):
        return 31 if self.kind == KIND_X else 32


cdef class SavedContext:
    """A μprocess's registers while it is not running. Only CPU.save_context makes one, so a
    saved context can never hold a capability the μprocess did not have."""

    def pc(self):
        return self.ctx.pcc.address


cdef class CPU:
    """The processor, attached to a tagged memory and (optionally) a page table.

    cpu.c[i] / cpu.x[i] / cpu.d[i]  capability, integer and floating-point registers (c[31] is csp)
    cpu.pcc, cpu.sysreg(name)       program counter capability, system registers
    cpu.run(n)                      execute until a trap or n instructions; returns a Trap
    """

    def __init__(self, Memory memory not None, PageTable page_table=None, timer_interval=0):
        cdef int i
        cdef Cap null = cap_null()
        self.memory = memory
        self.s.mem = memory.data
        self.s.tags = memory.tags
        self.s.memsize = memory.size
        for i in range(NREGS):
            self.s.r[i] = cap_null()
        self.s.pcc = self.s.ddc = self.s.ctpidr = self.s.celr = self.s.cvbar = cap_null()
        self.s.c64 = 1          # ufos's machine resets in C64, the state its kernel starts programs in
        for i in range(TLB_SIZE):
            self.s.tlb[i].vpn = NO_PAGE
        for i in range(FETCH_WINDOWS):
            self.s.windows[i].vpn = NO_PAGE
        for i in range(DECODED):       # every entry holds a true decoding: null's, under null's key
            self.s.decoded[i].pesbt = self.s.decoded[i].window = 0
            self.s.decoded[i].top, self.s.decoded[i].base = null.top, null.base
            self.s.decoded[i].exponent, self.s.decoded[i].bounds_valid = null.exponent, null.bounds_valid
        self.s.timer_interval = self.s.timer_left = timer_interval
        self.c = _Registers(self, "c")
        self.x = _Registers(self, "x")
        self.d = _Registers(self, "d")
        self.page_table = page_table

    # --- state -----------------------------------------------------------------------------
    @property
    def pcc(self):
        return wrap_cap(self.s.pcc)

    @pcc.setter
    def pcc(self, Capability value not None):
        self.s.pcc = value.c
        self.s.fetch_span = 0

    @property
    def state(self):
        """The ISA state, PSTATE.C64: "c64" (purecap) or "a64" (hybrid)."""
        return "c64" if self.s.c64 else "a64"

    @state.setter
    def state(self, str value):
        if value not in isa.STATES:
            raise ValueError(f"no state {value!r}")
        self.s.c64 = value == "c64"

    def branch(self, Capability target not None):
        """Do what a capability branch to target does (the kernel returning to a μprocess, or
        entering a signal handler): unseal a sentry, take the state from bit 0, set PCC."""
        branch_to_capability(&self.s, target.c)

    def return_from_gate(self, result):
        """The end of a system call (docs/abi.md): the result in c0 (a Capability) or x0 (an
        integer, taken mod 2^64), c29 (the gate's data capability) cleared, then RET c30. The
        same as c[0] = ...; c[29] = null; branch(c[30]), in one step: every system call takes it."""
        if isinstance(result, Capability):
            self.s.r[0] = (<Capability>result).c
        else:
            set_x(&self.s, 0, <uint64_t>(result & 0xFFFFFFFFFFFFFFFF))
        self.s.r[29] = cap_null()
        branch_to_capability(&self.s, self.s.r[30])

    @property
    def csp(self):
        return wrap_cap(self.s.r[REG_CSP])

    @csp.setter
    def csp(self, Capability value not None):
        self.s.r[REG_CSP] = value.c

    @property
    def nzcv(self):
        return self.s.nzcv

    @nzcv.setter
    def nzcv(self, uint32_t value):
        self.s.nzcv = value & 0xF0000000U

    @property
    def icount(self):
        """Instructions retired since reset: sysreg("icount"), without the lookup by name (the
        scheduler reads it every turn)."""
        return self.s.ctr.instructions

    def sysreg(self, str name):
        """Read a system register by name (the host is the kernel: no permission check)."""
        num = isa.SYSREG_BY_NAME[name]
        if num >= 64:
            return wrap_cap(cap_sysreg(&self.s, num)[0])
        return read_sysreg(&self.s, num, 0)

    def set_sysreg(self, str name, value):
        num = isa.SYSREG_BY_NAME[name]
        if num >= 64:
            cap_sysreg(&self.s, num)[0] = (<Capability?>value).c
        elif name == "icount":
            raise ValueError("icount is read-only")
        else:
            write_sysreg(&self.s, num, value)

    def save_context(self):
        """The running μprocess's registers, for a context switch (an opaque SavedContext)."""
        cdef SavedContext saved = SavedContext.__new__(SavedContext)
        cdef CPUState* s = &self.s
        memcpy(saved.ctx.r, s.r, sizeof(s.r))
        saved.ctx.pcc, saved.ctx.ddc, saved.ctx.ctpidr = s.pcc, s.ddc, s.ctpidr
        memcpy(saved.ctx.d, s.d, sizeof(s.d))
        saved.ctx.nzcv, saved.ctx.c64, saved.ctx.cid, saved.ctx.cctlr = s.nzcv, s.c64, s.cid, s.cctlr
        return saved

    def load_context(self, SavedContext saved not None):
        """Restore registers saved by save_context (the other half of a context switch)."""
        cdef CPUState* s = &self.s
        memcpy(s.r, saved.ctx.r, sizeof(s.r))
        s.pcc, s.ddc, s.ctpidr = saved.ctx.pcc, saved.ctx.ddc, saved.ctx.ctpidr
        memcpy(s.d, saved.ctx.d, sizeof(s.d))
        s.nzcv, s.c64, s.cid, s.cctlr = saved.ctx.nzcv, saved.ctx.c64, saved.ctx.cid, saved.ctx.cctlr
        s.fetch_span = 0

    @property
    def page_table(self):
        return self._page_table

    @page_table.setter
    def page_table(self, PageTable table):
        """Switch address space (None: MMU off, virtual = physical). Flushes the TLB."""
        self._page_table = table
        self.s.pt_root = table.root if table is not None else NULL
        if table is not None:
            table.npending = 0
        tlb_flush(&self.s)

    def tlb_flush(self):
        tlb_flush(&self.s)

    # --- running -----------------------------------------------------------------------------
    cdef void _sync_tlb(self):
        """Drop TLB entries for pages whose entries the kernel changed since the last run."""
        cdef PageTable pt = self._page_table
        cdef int i
        cdef TLBEntry* e
        if pt is None or pt.npending == 0:
            return
        if pt.npending < 0:
            tlb_flush(&self.s)
        else:
            for i in range(pt.npending):
                e = &self.s.tlb[pt.pending[i] & (TLB_SIZE - 1)]
                if e.vpn == pt.pending[i]:
                    e.vpn = NO_PAGE
                    self.s.ctr.tlb_invalidations += 1
            self.s.fetch_span = 0
            self.s.window_generation += 1
        pt.npending = 0

    def run(self, uint64_t max_instructions=UINT64_MAX):
        """Execute until a trap, a timer interrupt, or max_instructions. Returns a Trap describing
        why it stopped (kind 'LIMIT' if the budget ran out)."""
        cdef CPUState* s = &self.s
        cdef uint64_t done = 0, budget, ran
        self._sync_tlb()
        while True:
            budget = max_instructions - done
            if s.timer_interval and s.timer_left < budget:
                budget = s.timer_left
            with nogil:
                ran = execute(s, budget)
            done += ran
            s.ctr.instructions += ran
            if s.timer_interval:
                s.timer_left -= ran
            if s.trap.ec != EC_NONE:
                break
            if s.timer_interval and s.timer_left == 0:
                s.timer_left = s.timer_interval
                raise_exception(s, EC_TIMER, 0, 0, REG_NONE, s.pcc.address)
                break
            if done >= max_instructions:
                raise_exception(s, EC_LIMIT, 0, 0, REG_NONE, s.pcc.address)
                break
        return self._take_exception(done)

    cdef object _take_exception(self, uint64_t done):
        """Exception entry: record the syndrome (ESR, FAR, CELR, SPSR), count it, describe it."""
        cdef CPUState* s = &self.s
        cdef TrapRecord t = s.trap
        cdef uint32_t iss
        if t.ec == EC_SVC or t.ec == EC_HLT or t.ec == EC_BRK:
            iss = t.code
        else:
            iss = (t.code & 0x3F) | ((<uint32_t>t.access & 3) << 6) | ((<uint32_t>t.reg & 0x3F) << 8)
        s.ctr.traps[t.ec] += 1
        if t.ec == EC_CAP:
            s.ctr.cap_faults[CAP_FAULT_INDEX[t.code]] += 1
        elif t.ec == EC_PAGE:
            s.ctr.page_faults[PAGE_FAULT_INDEX[t.code]] += 1
        if t.ec != EC_LIMIT:
            s.esr = (<uint64_t>t.ec << 26) | iss
            s.far = t.address
            s.celr = s.pcc
            s.spsr = s.nzcv | (SPSR_C64 if s.c64 else 0)
        cap = None
        if t.ec in (EC_CAP, EC_PAGE, EC_ALIGN, EC_BUS) and (t.reg <= REG_PCC or t.reg == REG_DDC):
            cap = wrap_cap(s.pcc if t.reg == REG_PCC else s.ddc if t.reg == REG_DDC else s.r[t.reg])
        return Trap(t.ec, t.code, t.access, t.reg, t.address, s.pcc.address, cap, done)

    def weighted_count(self, double[::1] weights not None):
        """Σ weights[i] × counter i over the layout COUNTER_LAYOUT names (opcodes, then exception
        classes, then the TLB and relocation counters): the cost model's sum, in C, cheap enough to
        run at every clock read."""
        cdef Counters* c = &self.s.ctr
        cdef RelocCounters* reloc = &self.memory.reloc
        cdef double total = 0
        cdef int i
        if weights.shape[0] != len(COUNTER_LAYOUT):
            raise ValueError(f"weights has {weights.shape[0]} entries, the layout {len(COUNTER_LAYOUT)}")
        for i in range(256):
            total += weights[i] * c.by_opcode[i]
        for i in range(16):
            total += weights[256 + i] * c.traps[i]
        total += (weights[272] * c.tlb_misses + weights[273] * c.tlb_flushes
                  + weights[274] * c.tlb_invalidations + weights[275] * c.tag_clears
                  + weights[276] * c.misaligned)
        total += weights[277] * reloc.pages_copied + weights[278] * reloc.caps_scanned \
            + weights[279] * reloc.caps_relocated
        return total

    def instructions_by_class(self):
        """Retired instructions by the class (group) isa.py gives each opcode."""
        cdef Counters* c = &self.s.ctr
        out = dict.fromkeys(isa.GROUPS, 0)
        for insn in isa.INSTRUCTIONS:
            out[insn.group] += c.by_opcode[insn.opcode]
        return out

    def counters(self):
        """Everything the machine counts, as a dict of plain numbers."""
        cdef Counters* c = &self.s.ctr
        out = {
            "instructions": c.instructions,
            "instructions_by_class": self.instructions_by_class(),
            "traps": {name: c.traps[num] for num, (name, _) in isa.EXCEPTION_CLASSES.items()
                      if num < 16 and name not in ("NONE",)},
            "cap_faults": {name: c.cap_faults[i] for i, name in enumerate(("tag", "seal", "perm", "bounds"))},
            "page_faults": {name: c.page_faults[i] for i, name in
                            enumerate(("translation", "access_flag", "permission", "cap_load", "cap_store"))},
            "tag_clears": c.tag_clears,
            "misaligned": c.misaligned,
            "tlb_hits": c.tlb_hits,
            "tlb_misses": c.tlb_misses,
            "tlb_flushes": c.tlb_flushes,
            "tlb_invalidations": c.tlb_invalidations,
        }
        out.update(self.memory.reloc_counters())
        return out
