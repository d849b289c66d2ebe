# Tagged physical memory (see memory.pxd for the layout and the tag rules).
#
# This is the host's view: the kernel (Python) reads and writes physical memory through these
# methods, which check every range, so no physical address can reach outside the host buffer.
from libc.stdint cimport uint8_t, uint64_t
from libc.stdlib cimport calloc, free
from libc.string cimport memcpy, memset

from ufos.machine.capability cimport Cap, cap_from_mem
from ufos.machine.cap cimport Capability, wrap_cap

PAGE_SIZE = 4096
GRANULE = 16
MAX_MEMORY = 1 << 36


cdef class Memory:
    """`size` bytes of physical memory, zeroed, with every tag clear."""

    def __cinit__(self, uint64_t size):
        if size == 0 or size % PAGE_SIZE or size > MAX_MEMORY:
            raise ValueError(f"memory size must be a non-zero multiple of {PAGE_SIZE} up to {MAX_MEMORY:#x}")
        # calloc: the host OS hands out zero pages lazily, so a large machine costs only what it touches
        self.data = <uint8_t*>calloc(size, 1)
        self.tags = <uint64_t*>calloc(size // 1024, 8)
        if self.data == NULL or self.tags == NULL:
            raise MemoryError(f"cannot allocate {size} bytes of guest memory")
        self.size = size

    def __dealloc__(self):
        free(self.data)
        free(self.tags)

    def __len__(self):
        return self.size

    cdef void check_range(self, uint64_t pa, uint64_t length) except *:
        if pa > self.size or length > self.size - pa:
            raise ValueError(f"physical range {pa:#x}+{length:#x} is outside memory (size {self.size:#x})")

    # --- data ------------------------------------------------------------------------------
    def read(self, uint64_t pa, uint64_t length):
        """The bytes at [pa, pa + length)."""
        self.check_range(pa, length)
        return (<char*>self.data)[pa:pa + length]

    def write(self, uint64_t pa, data):
        """Store bytes at pa. Like any data store, it clears the tags of the granules it touches."""
        cdef const uint8_t[::1] src = bytes(data)
        cdef uint64_t n = src.shape[0]
        self.check_range(pa, n)
        if n:
            memcpy(self.data + pa, &src[0], n)
            self._clear_tags(pa, n)

    def zero(self, uint64_t pa, uint64_t length):
        """Fill [pa, pa + length) with zeros and clear its tags."""
        self.check_range(pa, length)
        memset(self.data + pa, 0, length)
        self._clear_tags(pa, length)

    def read_u64(self, uint64_t pa):
        return int.from_bytes(self.read(pa, 8), "little")

    def write_u64(self, uint64_t pa, uint64_t value):
        self.write(pa, value.to_bytes(8, "little"))

    cdef void _clear_tags(self, uint64_t pa, uint64_t length):
        cdef uint64_t g
        if length == 0:
            return
        g = pa & ~<uint64_t>15
        while g < pa + length:
            tag_set(self.tags, g, False)
            g += 16

    # --- tags and capabilities ----------------------------------------------------------------
    def tag(self, uint64_t pa):
        """The tag of the granule holding pa."""
        self.check_range(pa, 1)
        return bool(tag_get(self.tags, pa))

    def tagged_granules(self, uint64_t pa, uint64_t length):
        """Physical addresses of the tagged granules in [pa, pa + length)."""
        self.check_range(pa, length)
        cdef uint64_t g = pa & ~<uint64_t>15
        found = []
        while g < pa + length:
            if tag_get(self.tags, g):
                found.append(g)
            g += 16
        return found

    def load_cap(self, uint64_t pa):
        """The capability stored at pa (16-byte aligned), with its tag."""
        if pa & 15:
            raise ValueError(f"capability address {pa:#x} is not 16-byte aligned")
        self.check_range(pa, 16)
        cdef uint64_t pesbt, address
        cap_read_bits(self.data + pa, &pesbt, &address)
        return wrap_cap(cap_from_mem(pesbt, address, tag_get(self.tags, pa)))

    def store_cap(self, uint64_t pa, Capability cap not None):
        """Store a capability at pa (16-byte aligned); the granule's tag becomes the capability's tag."""
        if pa & 15:
            raise ValueError(f"capability address {pa:#x} is not 16-byte aligned")
        self.check_range(pa, 16)
        cap_write_bits(self.data + pa, &cap.c)
        tag_set(self.tags, pa, cap.c.tag)

    def reloc_counters(self):
        """What copy_and_relocate has done to this memory."""
        return dict(self.reloc)
