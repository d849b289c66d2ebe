# Tagged physical memory: the bytes, and one tag bit per 16-byte granule.
#
# The tag says "these 16 bytes hold a valid capability". Only a capability store can set it; any
# data store that touches a granule clears it, so bytes can never be forged into a capability.
from libc.stdint cimport uint8_t, uint64_t
from libc.string cimport memcpy

from ufos.machine.capability cimport Cap

cdef struct RelocCounters:
    uint64_t pages_copied          # pages copied by copy_and_relocate
    uint64_t caps_scanned          # tagged granules seen while copying
    uint64_t caps_relocated        # capabilities moved into the destination slot
    uint64_t caps_kept             # tagged capabilities that pointed outside the slot, left alone
    uint64_t caps_detagged         # capabilities the destination root could not re-derive


cdef class Memory:
    cdef uint8_t* data
    cdef uint64_t* tags            # bit (pa >> 4) is the tag of the granule at pa
    cdef readonly uint64_t size    # bytes, a multiple of the page size
    cdef RelocCounters reloc

    cdef void check_range(self, uint64_t pa, uint64_t length) except *
    cdef void _clear_tags(self, uint64_t pa, uint64_t length)


# --- tag bits -----------------------------------------------------------------------------
cdef inline bint tag_get(const uint64_t* tags, uint64_t pa) noexcept nogil:
    return (tags[pa >> 10] >> ((pa >> 4) & 63)) & 1

cdef inline void tag_set(uint64_t* tags, uint64_t pa, bint tag) noexcept nogil:
    cdef uint64_t bit = (<uint64_t>1) << ((pa >> 4) & 63)
    if tag:
        tags[pa >> 10] |= bit
    else:
        tags[pa >> 10] &= ~bit

cdef inline bint tag_clear(uint64_t* tags, uint64_t pa) noexcept nogil:
    """Clear the tag of the granule holding pa; return whether it was set (a data store's rule)."""
    cdef uint64_t bit = (<uint64_t>1) << ((pa >> 4) & 63)
    cdef uint64_t* word = &tags[pa >> 10]
    if word[0] & bit:
        word[0] &= ~bit
        return True
    return False


# --- capabilities in memory: the address at +0, the metadata (pesbt) at +8, little-endian ----
cdef inline void cap_read_bits(const uint8_t* p, uint64_t* pesbt, uint64_t* address) noexcept nogil:
    memcpy(address, p, 8)
    memcpy(pesbt, p + 8, 8)

cdef inline void cap_write_bits(uint8_t* p, const Cap* c) noexcept nogil:
    memcpy(p, &c.address, 8)
    memcpy(p + 8, &c.pesbt, 8)
