# The capability model: what a Morello 128-bit capability means, bit by bit.
#
# This file owns the C-level semantics of capabilities: the compressed-bounds encoding (CHERI
# Concentrate with Morello's 16-bit mantissa), decoding, set-bounds, the two representability
# checks, sealing and unsealing, permission clearing and BUILD. The CPU (cpu.pyx), the memory
# (memory.pyx) and the Python class Capability (cap.pyx) all use these functions and never touch
# the bits themselves. Everything here is `cdef inline ... noexcept nogil` with its body in this
# .pxd, so every module that cimports it gets it inlined: no Python objects, no exceptions.
#
# The specification is tests/machine/data/morello/README.md ("the README" below); each function
# cites the section whose pseudo-code it follows (A.1 decoding, A.2 set bounds, A.3 set address,
# A.4 representable length and alignment mask, A.5 sealing). Function names follow the Sail
# pseudo-code of the Morello architecture where there is one (CapGetBounds -> cap_decode,
# CapSetBounds -> cap_set_bounds, CapAdd -> cap_add, CapSetValue -> cap_set_value, ...).
#
# Invariant: a Cap is always kept decoded. Every function that changes `pesbt` or `address`
# leaves base/top/perms/otype/exponent/bounds_valid equal to what cap_decode would give.
from libc.stdint cimport uint64_t, uint32_t, int64_t

from ufos.machine.arch cimport (
    OTYPE_LB, OTYPE_MAX, OTYPE_SENTRY, OTYPE_UNSEALED, PERM_ALL, PERM_GLOBAL, PERM_SEAL, PERM_UNSEAL)

cdef extern from "u128.h":
    ctypedef unsigned long long u128   # really unsigned __int128 (C typedef in u128.h)

cdef extern from *:
    int __builtin_clzll(unsigned long long x) nogil     # GCC/Clang: leading zeros (x != 0)


# Field positions in the pesbt word (README "Bit positions inside the pesbt word").
cdef enum:
    CAP_PERMS_SHIFT = 46      # pesbt[63:46] permissions
    CAP_OTYPE_SHIFT = 31      # pesbt[45:31] object type
    CAP_IE_BIT = 30           # pesbt[30] = 1: plain format, E = 0
    CAP_EBT_MASK = 0x7fffffff # pesbt[30:0]: exponent, top and bottom fields


cdef struct Cap:
    u128 top            # decoded, 65-bit value (first: 16-byte aligned, so a Cap is 64 bytes)
    uint64_t address    # the cursor, bits 63..0 of the 128-bit memory form
    uint64_t pesbt      # bits 127..64 as stored in memory: perms, otype, bounds encoding
    uint64_t base       # decoded (A.1) from (pesbt, address)
    uint32_t perms      # pesbt[63:46]
    uint32_t otype      # pesbt[45:31]
    int exponent        # decoded E
    bint tag
    bint bounds_valid

# The result of encoding a bounds request (A.2 `encode`).
cdef struct CapEncoding:
    uint64_t ebt        # the new pesbt[30:0]
    int exponent        # E chosen, after any retry
    bint exact          # no significant bit of base or top was lost


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

# 2**64, the largest top (README "Reference patterns": root and NULL cover [0, 2**64)).
cdef inline u128 cap_top_max() noexcept nogil:
    return (<u128>1) << 64

# sext56(v): keep v[55:0], copy bit 55 into bits 63..56 (README "Algorithms", conventions).
cdef inline uint64_t sext56(uint64_t v) noexcept nogil:
    return <uint64_t>((<int64_t>(v << 8)) >> 8)

# Does bit 55 differ between two addresses? (README A.3, the bit-55 rule)
cdef inline bint cap_bit55_differs(uint64_t a, uint64_t b) noexcept nogil:
    return ((a ^ b) >> 55) & 1

# Index of the highest 1 bit of a non-zero value below 2**65 (README A.2 `msb`).
cdef inline int cap_msb65(u128 v) noexcept nogil:
    if v >> 64:
        return 64
    return 63 - __builtin_clzll(<uint64_t>v)

# E as decoding gives it: 0 in the plain format, else NOT(pesbt[18:16] : pesbt[2:0]) (README A.1).
cdef inline int cap_get_exponent(uint64_t pesbt) noexcept nogil:
    if (pesbt >> CAP_IE_BIT) & 1:
        return 0
    return 63 - <int>((((pesbt >> 16) & 7) << 3) | (pesbt & 7))


# ---------------------------------------------------------------------------------------------
# A.1 Decoding
# ---------------------------------------------------------------------------------------------

# CapGetBounds: refresh base/top/perms/otype/exponent/bounds_valid from pesbt + address (README A.1).
cdef inline void cap_decode(Cap* c) noexcept nogil:
    cdef uint64_t pesbt = c.pesbt
    cdef uint32_t B, T, ie, carry, R3, ua, ub, ut
    cdef int E
    cdef uint64_t a
    cdef u128 hi, base, top
    cdef u128 mask65 = ((<u128>1) << 65) - 1
    c.perms = <uint32_t>(pesbt >> CAP_PERMS_SHIFT)
    c.otype = <uint32_t>((pesbt >> CAP_OTYPE_SHIFT) & OTYPE_MAX)
    if (pesbt >> CAP_IE_BIT) & 1:                       # plain format
        ie = 0
        E = 0
        B = <uint32_t>(pesbt & 0xffff)
        T = <uint32_t>((pesbt >> 16) & 0x3fff)
    else:                                               # internal exponent, stored inverted
        ie = 1
        E = cap_get_exponent(pesbt)
        B = <uint32_t>(pesbt & 0xfff8)
        T = <uint32_t>((pesbt >> 16) & 0x3ff8)
    carry = 1 if T < (B & 0x3fff) else 0                # T has only 14 bits at this point
    T = T + ((((B >> 14) + carry + ie) & 3) << 14)      # rebuild T[15:14]
    c.exponent = E
    if E > 50:                                          # README "E > 50"
        c.base = 0
        c.top = cap_top_max()
        c.bounds_valid = E == 63
        return
    a = sext56(c.address)
    R3 = ((B >> 13) - 1) & 7                            # bottom of the representable window
    ua = 1 if ((a >> (E + 13)) & 7) < R3 else 0         # 1 = lies in the region above
    ub = 1 if (B >> 13) < R3 else 0
    ut = 1 if (T >> 13) < R3 else 0
    hi = (<u128>a) >> (E + 16)                          # 0 when E >= 48
    base = ((((hi + ub) - ua) << (E + 16)) + ((<u128>B) << E)) & mask65
    top = ((((hi + ut) - ua) << (E + 16)) + ((<u128>T) << E)) & mask65
    if E < 49 and ((<uint32_t>(top >> 63) - <uint32_t>((base >> 63) & 1)) & 3) >= 2:
        top = top ^ ((<u128>1) << 64)
    c.base = <uint64_t>base
    c.top = top
    c.bounds_valid = True


# A capability loaded from memory: the 128 stored bits plus the tag (README "Meaning of pesbt and cursor").
cdef inline void cap_set_from_mem(Cap* c, uint64_t pesbt, uint64_t address, bint tag) noexcept nogil:
    c.pesbt = pesbt
    c.address = address
    c.tag = tag
    cap_decode(c)

cdef inline Cap cap_from_mem(uint64_t pesbt, uint64_t address, bint tag) noexcept nogil:
    cdef Cap c
    cap_set_from_mem(&c, pesbt, address, tag)
    return c

# NULL: all 128 bits zero, untagged; E = 63, [0, 2**64), no permissions (README "Reference patterns").
cdef inline Cap cap_null() noexcept nogil:
    return cap_from_mem(0, 0, False)

# The root capability: all permissions, unsealed, E = 50, [0, 2**64) (README "Reference patterns").
cdef inline Cap cap_root() noexcept nogil:
    return cap_from_mem(0xffffc00000010005ULL, 0, True)


# ---------------------------------------------------------------------------------------------
# A.2 Set bounds
# ---------------------------------------------------------------------------------------------

# cut: the base rounded down and the top rounded up to units of 2**(E+3); returns `lost` (README A.2).
cdef inline bint cap_cut(uint64_t rb, u128 rt, int E, uint32_t* Bm, uint32_t* Tm) noexcept nogil:
    cdef int s = E + 3                                  # low bits the IE format cannot hold
    cdef uint64_t low = ((<uint64_t>1) << s) - 1
    cdef bint lost_b = (rb & low) != 0
    cdef bint lost_t = ((<uint64_t>rt) & low) != 0
    Bm[0] = <uint32_t>((rb >> s) & 0x1fff)
    Tm[0] = <uint32_t>(((rt >> s) + lost_t) & 0x1fff)
    return lost_b or lost_t

# encode / compute_ebt: pesbt[30:0] for the bounds [rb, rt), rt - rb <= 2**64 (README A.2).
cdef inline CapEncoding cap_encode_bounds(uint64_t rb, u128 rt) noexcept nogil:
    cdef CapEncoding r
    cdef u128 L = rt - rb
    cdef uint32_t Bm, Tm, x
    cdef bint lost
    cdef int E = 0 if L < 0x8000 else cap_msb65(L) - 14
    if L < 0x4000:                                      # E == 0 and L[14] == 0: plain, always exact
        r.ebt = ((<uint64_t>1) << CAP_IE_BIT) | (((<uint64_t>rt) & 0x3fff) << 16) | (rb & 0xffff)
        r.exponent = 0
        r.exact = True
        return r
    lost = cap_cut(rb, rt, E, &Bm, &Tm)
    if ((Tm - Bm) & 0x1fff) >= 0x1000:                  # rounding made the length too long for E
        E += 1
        lost = cap_cut(rb, rt, E, &Bm, &Tm)             # done once; there is no second check
    x = <uint32_t>(63 - E)                              # the exponent is stored inverted
    r.ebt = ((<uint64_t>(Tm & 0x7ff)) << 19) | ((<uint64_t>(x >> 3)) << 16) | ((<uint64_t>Bm) << 3) | (x & 7)
    r.exponent = E
    r.exact = not lost
    return r

# CapSetBounds (SCBNDS, SCBNDSE): bounds [address, address + length), 0 <= length <= 2**64; returns
# `exact`. exact_mode (SCBNDSE) also clears the tag when rounding was needed (README A.2).
cdef inline bint cap_set_bounds(Cap* c, u128 length, bint exact_mode) noexcept nogil:
    cdef uint64_t rb = c.address if c.exponent >= 48 else sext56(c.address)   # flag byte kept for E >= 48
    cdef u128 rt = (<u128>rb) + length                  # may exceed 2**64
    cdef CapEncoding enc = cap_encode_bounds(rb, rt)
    cdef bint tag = c.tag
    if c.otype != OTYPE_UNSEALED:                   # sealed operand
        tag = False
    if not c.bounds_valid:                              # IE with 51 <= E <= 62
        tag = False
    if rb < c.base or rt > c.top:                       # not a subset
        tag = False
    if c.exponent >= 48 and enc.exponent < 48 and sext56(c.address) != c.address:
        tag = False                                     # the flag byte would start to matter
    if exact_mode and not enc.exact:
        tag = False
    c.pesbt = (c.pesbt & ~(<uint64_t>CAP_EBT_MASK)) | enc.ebt   # perms and otype unchanged
    c.tag = tag
    cap_decode(c)                                       # the cursor does not change
    return enc.exact


# ---------------------------------------------------------------------------------------------
# A.3 Set address
# ---------------------------------------------------------------------------------------------

# fast_ok: Arm's conservative check that a move stays in the representable window (README A.3).
cdef inline bint cap_fast_ok(const Cap* c, uint64_t address) noexcept nogil:
    cdef int E = c.exponent
    cdef uint64_t inc, a
    cdef int64_t k
    cdef uint32_t i_m, a_m, R, room
    if c.base == 0 and c.top == cap_top_max():
        return True
    if E >= 48:
        return True
    inc = sext56(address - c.address)                   # the move, with the flag byte dropped
    a = sext56(c.address)
    k = (<int64_t>inc) >> (E + 16)                      # 0: short move up, -1: short move down
    i_m = <uint32_t>((inc >> E) & 0xffff)
    a_m = <uint32_t>((a >> E) & 0xffff)
    R = ((<uint32_t>((c.pesbt >> 13) & 7) - 1) & 7) << 13   # B[15:13] is pesbt[15:13] in both formats
    room = (R - a_m) & 0xffff                           # units of 2**E up to the window's edge
    if k == 0:
        return i_m < ((room - 1) & 0xffff)
    if k == -1:
        return i_m >= room and a_m != R
    return False

# keeps_tag without the tag and seal parts: CapIsRepresentableFast plus the in-bounds shortcut (README A.3).
cdef inline bint cap_is_representable_fast(const Cap* c, uint64_t address) noexcept nogil:
    cdef uint64_t a
    if c.exponent < 48 and cap_bit55_differs(address, c.address):   # bit-55 rule, even in bounds
        return False
    if not c.bounds_valid:
        return False
    a = sext56(address)
    if c.base <= a and a < c.top:                       # in bounds
        return True
    return cap_fast_ok(c, address)

# CapAdd's address change (ADD/SUB, SCOFF, ADR/ADRP, branches): the fast check (README A.3).
cdef inline void cap_set_address(Cap* c, uint64_t address) noexcept nogil:
    cdef uint64_t a
    if c.tag and c.otype == OTYPE_UNSEALED and c.bounds_valid and (
            c.exponent >= 48 or not cap_bit55_differs(address, c.address)):
        a = sext56(address)
        if c.base <= a and a < c.top:                   # fast path: in bounds, bounds unchanged
            c.address = address
            return
    c.tag = c.tag and c.otype == OTYPE_UNSEALED and cap_is_representable_fast(c, address)
    c.address = address                                 # pesbt never changes
    if c.exponent < 48:                                 # for E >= 48 the bounds ignore the address
        cap_decode(c)

# add(c, delta) = set_address(c, c.address + delta mod 2**64) (README A.3).
cdef inline void cap_add(Cap* c, uint64_t delta) noexcept nogil:
    cap_set_address(c, c.address + delta)

# The precise check: bit-55 rule, valid bounds, and the same bounds at the new address (README A.3).
# Ignores the tag and the object type.
cdef inline bint cap_is_representable_precise(const Cap* c, uint64_t address) noexcept nogil:
    cdef Cap moved
    if c.exponent < 48 and cap_bit55_differs(address, c.address):
        return False
    if not c.bounds_valid:
        return False
    if c.exponent >= 48 or address == c.address:
        return True
    moved = c[0]
    moved.address = address
    cap_decode(&moved)
    return moved.base == c.base and moved.top == c.top

# CapSetValue (SCVALUE, CPYVALUE, ALIGNU/ALIGND, CVT*): the precise check (README A.3).
cdef inline void cap_set_value(Cap* c, uint64_t address) noexcept nogil:
    cdef uint64_t old_base = c.base
    cdef u128 old_top = c.top
    cdef bint keep = (c.tag and c.otype == OTYPE_UNSEALED and c.bounds_valid
                      and (c.exponent >= 48 or not cap_bit55_differs(address, c.address)))
    if address != c.address:
        c.address = address
        if c.exponent < 48:                             # for E >= 48 the bounds ignore the address
            cap_decode(c)
            keep = keep and c.base == old_base and c.top == old_top
    c.tag = keep


# ---------------------------------------------------------------------------------------------
# Permissions, tag, bounds queries
# ---------------------------------------------------------------------------------------------

# CLRPERM: pesbt[63:46] := perms AND NOT mask; a sealed operand loses its tag (README A.5 table).
cdef inline void cap_clear_perms(Cap* c, uint32_t mask) noexcept nogil:
    c.pesbt = c.pesbt & ~((<uint64_t>(mask & PERM_ALL)) << CAP_PERMS_SHIFT)
    c.perms = <uint32_t>(c.pesbt >> CAP_PERMS_SHIFT)
    if c.otype != OTYPE_UNSEALED:
        c.tag = False

# CLRTAG: the bits stay, the tag goes.
cdef inline void cap_clear_tag(Cap* c) noexcept nogil:
    c.tag = False

# CapIsInBounds for an access of `size` bytes: base <= address and address + size <= top (plain
# 64-bit addresses, no sign extension; u128 so address + size cannot wrap).
cdef inline bint cap_in_bounds(const Cap* c, uint64_t address, uint64_t size) noexcept nogil:
    return c.base <= address and (<u128>address) + size <= c.top

# CapIsSubSetOf: a's bounds lie within b's and a's permissions are a subset of b's (tags not compared).
cdef inline bint cap_is_subset(const Cap* a, const Cap* b) noexcept nogil:
    return a.base >= b.base and a.top <= b.top and (a.perms & ~b.perms) == 0


# ---------------------------------------------------------------------------------------------
# A.5 Sealing and object types
# ---------------------------------------------------------------------------------------------

# Write the object type: pesbt2 = (pesbt AND NOT (0x7fff << 31)) OR (otype << 31); no tag rules (README A.5).
cdef inline void cap_set_otype(Cap* c, uint32_t otype) noexcept nogil:
    otype = otype & OTYPE_MAX
    c.pesbt = (c.pesbt & ~((<uint64_t>OTYPE_MAX) << CAP_OTYPE_SHIFT)) | ((<uint64_t>otype) << CAP_OTYPE_SHIFT)
    c.otype = otype

# Would SEAL Cd, Cn, Cm keep the tag? c tagged and unsealed; auth tagged, unsealed, with Seal, its
# address t in bounds and t <= 0x7fff (README A.5 table).
cdef inline bint cap_can_seal(const Cap* c, const Cap* auth) noexcept nogil:
    cdef uint64_t t = auth.address
    return (c.tag and c.otype == OTYPE_UNSEALED
            and auth.tag and auth.otype == OTYPE_UNSEALED and (auth.perms & PERM_SEAL) != 0
            and cap_in_bounds(auth, t, 1) and t <= OTYPE_MAX)

# SEAL Cd, Cn, Cm: otype := Cm's address mod 2**15 (README A.5 table). c and auth may be the same Cap.
cdef inline void cap_seal(Cap* c, const Cap* auth) noexcept nogil:
    cdef bint keep = cap_can_seal(c, auth)
    cdef uint32_t t = <uint32_t>(auth.address & OTYPE_MAX)
    cap_set_otype(c, t)
    c.tag = keep

# SEAL Cd, Cn, rb|lpb|lb: otype := 1, 2 or 3; the tag survives iff c is tagged and unsealed (README A.5).
cdef inline void cap_seal_entry(Cap* c, uint32_t otype) noexcept nogil:
    cdef bint keep = c.tag and c.otype == OTYPE_UNSEALED
    cap_set_otype(c, otype)
    c.tag = keep

# UNSEAL Cd, Cn, Cm: otype := 0, Global cleared if auth lacks Global; the tag survives iff c is tagged
# and sealed with otype == t (Cm's address), auth tagged, unsealed, with Unseal and t in bounds
# (README A.5 table). c and auth may be the same Cap.
cdef inline void cap_unseal(Cap* c, const Cap* auth) noexcept nogil:
    cdef uint64_t t = auth.address
    cdef bint auth_global = (auth.perms & PERM_GLOBAL) != 0
    cdef bint keep = (c.tag and c.otype != OTYPE_UNSEALED and c.otype == t
                      and auth.tag and auth.otype == OTYPE_UNSEALED and (auth.perms & PERM_UNSEAL) != 0
                      and cap_in_bounds(auth, t, 1))
    cap_set_otype(c, OTYPE_UNSEALED)
    if not auth_global:
        c.pesbt = c.pesbt & ~((<uint64_t>PERM_GLOBAL) << CAP_PERMS_SHIFT)
        c.perms = <uint32_t>(c.pesbt >> CAP_PERMS_SHIFT)
    c.tag = keep

# BUILD Cd, Cn(key), Cm(pattern): the pattern's bits, unsealed; tagged iff the key is tagged, unsealed,
# with valid bounds, and the pattern has valid bounds, base <= top and is a subset of the key.
# out may be the same Cap as pattern or key.
cdef inline void cap_build(Cap* out, const Cap* pattern, const Cap* key) noexcept nogil:
    cdef bint keep = (key.tag and key.otype == OTYPE_UNSEALED and key.bounds_valid
                      and pattern.bounds_valid and pattern.base <= pattern.top
                      and cap_is_subset(pattern, key))
    cdef Cap r = pattern[0]
    cap_set_otype(&r, OTYPE_UNSEALED)
    r.tag = keep
    out[0] = r


# ---------------------------------------------------------------------------------------------
# A.4 Representable length and alignment mask
# ---------------------------------------------------------------------------------------------

# CRAM / RRMASK: the mask that aligns a base so that `length` is exactly representable (README A.4).
cdef inline uint64_t cap_alignment_mask(uint64_t length) noexcept nogil:
    cdef CapEncoding enc
    if length == 0:
        return ~(<uint64_t>0)
    enc = cap_encode_bounds(0, length)
    if (enc.ebt >> CAP_IE_BIT) & 1:                     # plain format: every base works
        return ~(<uint64_t>0)
    return ~(((<uint64_t>1) << (enc.exponent + 3)) - 1) # low E+3 bits clear, E after any retry

# CRRL / RRLEN: `length` rounded up so that it is exactly representable, mod 2**64 (README A.4).
cdef inline uint64_t cap_representable_length(uint64_t length) noexcept nogil:
    cdef uint64_t m = cap_alignment_mask(length)
    return (length + ~m) & m
