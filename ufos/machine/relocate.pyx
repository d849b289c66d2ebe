# μFork's copy-and-relocate: the machine-level heart of fork in a single address space.
#
# The child's memory is a copy of the parent's at another place in the same address space, so every
# capability in it that points into the parent's slot must be moved by delta = child - parent to
# point into the child's slot. Tags make this exact: only granules whose tag is set hold
# capabilities, so an integer that merely looks like an address is never changed.
#
# Slots are placed so that delta is a multiple of 4 x the slot size. A capability's bounds fields
# are bits [E+15:E] of its base and top, and a capability inside a slot of size S has
# E + 16 <= log2(S) + 2, so such a delta leaves its 64-bit metadata word bit-identical: moving it
# is adding delta to its address. Other deltas take the slower path, which rebuilds the bounds.
from libc.stdint cimport uint8_t, uint32_t, uint64_t
from libc.string cimport memmove

from ufos.machine.capability cimport (
    Cap, u128, cap_build, cap_clear_perms, cap_from_mem, cap_set_bounds, cap_set_otype,
    cap_set_value)
from ufos.machine.cap cimport Capability, wrap_cap
from ufos.machine.memory cimport Memory, RelocCounters, cap_read_bits, cap_write_bits, tag_set

cdef extern from *:
    int __builtin_ctzll(unsigned long long) nogil   # gcc/clang: index of the lowest set bit

cdef enum:
    PAGE_SIZE = 4096
    TAG_WORDS_PER_PAGE = 4          # 256 granules, one bit each


cdef bint points_into(const Cap* c, uint64_t slot_base, uint64_t slot_size) noexcept nogil:
    """Do c's bounds lie inside the slot? (Kernel entries and shared regions point elsewhere.)"""
    return c.base >= slot_base and c.top <= <u128>slot_base + slot_size

cdef void rebuild_bounds(Cap* c, uint64_t delta, const Cap* root) noexcept nogil:
    """The slow path, for a delta that would change the bounds encoding: derive a capability with
    the moved bounds, the same permissions and the moved address from the root, step by step."""
    cdef Cap t = root[0]
    cdef uint32_t perms = c.perms
    cdef uint64_t offset = c.address - c.base
    cap_set_value(&t, c.base + delta)
    cap_set_bounds(&t, c.top - c.base, True)       # exact, or the tag goes
    cap_clear_perms(&t, ~perms & 0x3FFFF)
    cap_set_value(&t, c.base + delta + offset)
    c[0] = t

cdef bint cap_relocate(Cap* c, uint64_t slot_base, uint64_t slot_size, uint64_t delta,
                       const Cap* root, RelocCounters* counters) noexcept nogil:
    """Move c by delta if it points into the slot, re-derived from the destination root (BUILD) and
    re-sealed with its old object type. Returns whether c was changed."""
    cdef Cap moved
    cdef uint32_t otype = c.otype
    if not c.tag or not points_into(c, slot_base, slot_size):
        counters.caps_kept += c.tag
        return False
    moved = c[0]
    if c.exponent + 16 < 64 and (delta & ((<uint64_t>1 << (c.exponent + 16)) - 1)) == 0:
        # the usual case: the same metadata word decodes to bounds moved by exactly delta
        moved.address += delta                    # all three modulo 2**64: delta may wrap
        moved.base += delta                       # (a destination slot below the source)
        moved.top = <uint64_t>(moved.top + delta) # inside a slot, so top < 2**64 before and after
    else:
        rebuild_bounds(&moved, delta, root)
    cap_build(c, &moved, root)                    # tagged only if the root covers it
    if otype != 0 and c.tag:
        cap_set_otype(c, otype)                   # the kernel's sealing authority re-seals it
    counters.caps_relocated += c.tag
    counters.caps_detagged += not c.tag
    return True

cdef void relocate_page(uint8_t* data, uint64_t* tags, RelocCounters* counters, uint64_t pa,
                        uint64_t slot_base, uint64_t slot_size, uint64_t delta, const Cap* root) noexcept nogil:
    """Scan one page's tags; relocate every capability in it that points into the slot."""
    cdef int word, bit
    cdef uint64_t bits, g, pesbt, address
    cdef Cap c
    for word in range(TAG_WORDS_PER_PAGE):
        bits = tags[(pa >> 10) + word]
        while bits:
            bit = __builtin_ctzll(bits)
            bits &= bits - 1
            g = pa + (<uint64_t>(word * 64 + bit) << 4)
            counters.caps_scanned += 1
            cap_read_bits(data + g, &pesbt, &address)
            c = cap_from_mem(pesbt, address, True)
            if cap_relocate(&c, slot_base, slot_size, delta, root, counters):
                cap_write_bits(data + g, &c)
                tag_set(tags, g, c.tag)


def copy_and_relocate(Memory mem not None, uint64_t dst, uint64_t src, uint64_t npages=1,
                      uint64_t slot_base=0, uint64_t slot_size=0, uint64_t delta=0, Capability root=None):
    """Copy npages pages of physical memory from src to dst, tags and all. Then, if slot_size is not
    0, move every capability in the copy whose bounds lie in [slot_base, slot_base + slot_size) by
    delta, re-derived from root (the destination slot's root capability). dst == src relocates in
    place. Returns the number of capabilities relocated."""
    cdef uint64_t length = npages * PAGE_SIZE, i
    cdef uint64_t before = mem.reloc.caps_relocated
    if (dst | src) % PAGE_SIZE or npages == 0 or npages > mem.size // PAGE_SIZE:
        raise ValueError("copy_and_relocate works on whole pages of memory")
    mem.check_range(dst, length)
    mem.check_range(src, length)
    if slot_size and root is None:
        raise ValueError("relocating needs the destination slot's root capability")
    with nogil:
        if dst != src:
            memmove(mem.data + dst, mem.data + src, length)
            memmove(&mem.tags[dst >> 10], &mem.tags[src >> 10], npages * TAG_WORDS_PER_PAGE * 8)
            mem.reloc.pages_copied += npages
        if slot_size:
            for i in range(npages):
                relocate_page(mem.data, mem.tags, &mem.reloc, dst + i * PAGE_SIZE, slot_base, slot_size,
                              delta, &root.c)
    return mem.reloc.caps_relocated - before


def relocate_capability(Capability cap not None, uint64_t slot_base, uint64_t slot_size, uint64_t delta,
                        Capability root not None, Memory counted_in=None):
    """The same rule for one capability (a saved register, say): the relocated capability, or cap
    itself if it does not point into the slot."""
    cdef Cap c = cap.c
    cdef RelocCounters scratch
    cdef RelocCounters* counters = &counted_in.reloc if counted_in is not None else &scratch
    if not cap_relocate(&c, slot_base, slot_size, delta, &root.c, counters):
        return cap
    return wrap_cap(c)
