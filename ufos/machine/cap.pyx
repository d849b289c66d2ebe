"""Capabilities as immutable Python values.

`Capability` wraps one decoded capability (a `Cap` from capability.pxd, which owns the semantics).
Every operation returns a new Capability; a result is detagged exactly where Morello clears the tag.

    >>> c = Capability.root().set_address(0x1000).set_bounds(0x40).clear_perms(0x3ffff & ~0x36000)
    >>> c
    0x1000 [rwRW,0x1000-0x1040]

Arguments are Python ints and are range-checked: an address, a pattern word or a mask must be in
[0, 2**64), a length in [0, 2**64] (lengths for `representable_length` and `alignment_mask`, which
model 64-bit registers, in [0, 2**64)). Anything else raises ValueError; nothing wraps silently.
"""
from operator import index as _index

from libc.stdint cimport uint64_t, uint32_t
from ufos.machine.capability cimport (
    Cap, u128, cap_from_mem, cap_null, cap_root, cap_set_bounds, cap_set_address,
    cap_add, cap_set_value, cap_clear_perms, cap_clear_tag, cap_seal, cap_seal_entry, cap_unseal,
    cap_is_subset, cap_build, cap_alignment_mask, cap_representable_length,
)
from ufos.machine.arch cimport (
    OTYPE_LB, OTYPE_SENTRY, OTYPE_UNSEALED, PERM_EXECUTE, PERM_EXECUTIVE, PERM_LOAD, PERM_LOAD_CAP,
    PERM_STORE, PERM_STORE_CAP)

cdef object _TWO64 = 1 << 64

# Letters printed for permissions, in CHERI C's order (only these six are shown).
_PERM_LETTERS = ((PERM_LOAD, "r"), (PERM_STORE, "w"), (PERM_EXECUTE, "x"),
                 (PERM_LOAD_CAP, "R"), (PERM_STORE_CAP, "W"), (PERM_EXECUTIVE, "E"))


# ---------------------------------------------------------------------------------------------
# Python int <-> C conversions, with range checks (Cython's own would wrap or truncate u128)
# ---------------------------------------------------------------------------------------------
cdef uint64_t _u64(object value, str what) except? 0:
    """value as a 64-bit word; ValueError unless 0 <= value < 2**64."""
    value = _index(value)
    if value < 0 or value >= _TWO64:
        raise ValueError(f"{what} must be in [0, 2**64), got {value:#x}")
    return <uint64_t>value


cdef u128 _length(object value) except? 0:
    """value as a bounds length; ValueError unless 0 <= value <= 2**64."""
    value = _index(value)
    if value < 0 or value > _TWO64:
        raise ValueError(f"length must be in [0, 2**64], got {value:#x}")
    if value == _TWO64:
        return (<u128>1) << 64
    return <u128>(<uint64_t>value)


cdef object _u128_int(u128 v):
    """A 65-bit top as a Python int."""
    cdef uint64_t hi = <uint64_t>(v >> 64)
    cdef uint64_t lo = <uint64_t>v
    if hi == 0:
        return lo
    return (int(hi) << 64) | lo


cdef Capability wrap_cap(Cap c):
    cdef Capability r = Capability.__new__(Capability)
    r.c = c
    return r


def _from_mem(pesbt, cursor, tag):
    """Unpickling helper: Capability.from_mem."""
    return Capability.from_mem(pesbt, cursor, tag)


def representable_length(length):
    """CRRL: `length` rounded up so that it is exactly representable (mod 2**64); 0 <= length < 2**64."""
    return cap_representable_length(_u64(length, "length"))


def alignment_mask(length):
    """CRAM: the mask to apply to a base so that representable_length(length) is exact from it."""
    return cap_alignment_mask(_u64(length, "length"))


cdef class Capability:
    """An immutable Morello capability: 128 bits (pesbt, cursor) plus a tag.

    Make one with Capability.root(), Capability.null() or Capability.from_mem(pesbt, cursor, tag).
    Operations return new Capabilities; == compares tag, pesbt and address.
    """

    def __cinit__(self):
        self.c = cap_null()

    def __init__(self, *args, **kwargs):
        raise TypeError("use Capability.root(), Capability.null() or Capability.from_mem(pesbt, cursor, tag)")

    # -- construction ----------------------------------------------------------------------------
    @staticmethod
    def root():
        """The root capability: all permissions, unsealed, bounds [0, 2**64), address 0, tagged."""
        return wrap_cap(cap_root())

    @staticmethod
    def null():
        """NULL: all bits zero, untagged."""
        return wrap_cap(cap_null())

    @staticmethod
    def from_mem(pesbt, cursor, tag):
        """The capability whose memory form is (pesbt = bits 127..64, cursor = bits 63..0) and tag."""
        return wrap_cap(cap_from_mem(_u64(pesbt, "pesbt"), _u64(cursor, "cursor"), bool(tag)))

    def to_mem(self):
        """(pesbt, cursor): the 128 bits as stored in memory, high word first."""
        return (self.c.pesbt, self.c.address)

    def __reduce__(self):
        return (_from_mem, (self.c.pesbt, self.c.address, bool(self.c.tag)))

    # -- fields ----------------------------------------------------------------------------------
    @property
    def tag(self):
        return bool(self.c.tag)

    @property
    def address(self):
        return self.c.address

    @property
    def base(self):
        return self.c.base

    @property
    def top(self):
        """The decoded top, a 65-bit value (2**64 for the whole address space)."""
        return _u128_int(self.c.top)

    @property
    def length(self):
        """top - base (negative only for malformed patterns that decode to base > top)."""
        return _u128_int(self.c.top) - self.c.base

    @property
    def perms(self):
        """The 18 permission bits (bit n = Morello permission n)."""
        return self.c.perms

    @property
    def otype(self):
        """The object type: 0 unsealed, 1 sentry, 2 load-pair-and-branch, 3 load-and-branch, ..."""
        return self.c.otype

    @property
    def sealed(self):
        return self.c.otype != OTYPE_UNSEALED

    @property
    def exponent(self):
        """The decoded exponent E (0 in the plain format)."""
        return self.c.exponent

    @property
    def bounds_valid(self):
        """False only for the internal-exponent format with 50 < E < 63."""
        return bool(self.c.bounds_valid)

    # -- operations (each returns a new Capability) ----------------------------------------------
    def set_bounds(self, length, bint exact=False):
        """SCBNDS (exact=False: round outwards) or SCBNDSE (exact=True: detag if rounding was needed)."""
        cdef Cap c = self.c
        cap_set_bounds(&c, _length(length), exact)
        return wrap_cap(c)

    def bounds_exact(self, length):
        """Whether set_bounds(length) is exact (no rounding)."""
        cdef Cap c = self.c
        return cap_set_bounds(&c, _length(length), False)

    def set_address(self, address):
        """Move the address with the fast representability check (CapAdd: ADD, SCOFF, ADR...)."""
        cdef Cap c = self.c
        cap_set_address(&c, _u64(address, "address"))
        return wrap_cap(c)

    def add(self, delta):
        """set_address(address + delta mod 2**64); -2**64 < delta < 2**64."""
        cdef Cap c = self.c
        delta = _index(delta)
        if not -_TWO64 < delta < _TWO64:
            raise ValueError(f"delta must be in (-2**64, 2**64), got {delta:#x}")
        cap_add(&c, <uint64_t>(delta % _TWO64))
        return wrap_cap(c)

    def set_value(self, address):
        """Set the address with the precise representability check (CapSetValue: SCVALUE...)."""
        cdef Cap c = self.c
        cap_set_value(&c, _u64(address, "address"))
        return wrap_cap(c)

    def clear_perms(self, mask):
        """CLRPERM: remove the permissions in mask (bits above 17 are ignored); detags if sealed."""
        cdef Cap c = self.c
        cap_clear_perms(&c, <uint32_t>(_u64(mask, "permission mask") & 0x3ffff))
        return wrap_cap(c)

    def clear_tag(self):
        cdef Cap c = self.c
        cap_clear_tag(&c)
        return wrap_cap(c)

    def seal(self, otype):
        """SEAL with an authority that is root with address otype: tagged iff self is tagged and
        unsealed and otype <= 0x7fff. The stored object type is otype mod 2**15."""
        cdef Cap c = self.c
        cdef Cap auth = cap_root()
        cap_set_address(&auth, _u64(otype, "otype"))
        cap_seal(&c, &auth)
        return wrap_cap(c)

    def seal_entry(self, otype=OTYPE_SENTRY):
        """SEAL as a sentry: otype 1 (rb, the default), 2 (lpb) or 3 (lb); tagged iff self is tagged
        and unsealed."""
        cdef Cap c = self.c
        otype = _index(otype)
        if not OTYPE_SENTRY <= otype <= OTYPE_LB:
            raise ValueError(f"sentry otype must be 1, 2 or 3, got {otype}")
        cap_seal_entry(&c, <uint32_t>otype)
        return wrap_cap(c)

    def unseal(self, otype):
        """UNSEAL with an authority that is root with address otype: tagged iff self is tagged and
        sealed with this otype."""
        cdef Cap c = self.c
        cdef Cap auth = cap_root()
        cap_set_address(&auth, _u64(otype, "otype"))
        cap_unseal(&c, &auth)
        return wrap_cap(c)

    def build(self, Capability key not None):
        """BUILD: self's bits, unsealed, tagged iff derivable from key (see cap_build)."""
        cdef Cap c
        cap_build(&c, &self.c, &key.c)
        return wrap_cap(c)

    def is_subset(self, Capability other not None):
        """self's bounds lie within other's and its permissions are a subset of other's (tags ignored)."""
        return cap_is_subset(&self.c, &other.c)

    # -- comparison and printing -----------------------------------------------------------------
    def __eq__(self, other):
        cdef Capability o
        if not isinstance(other, Capability):
            return NotImplemented
        o = other
        return self.c.tag == o.c.tag and self.c.pesbt == o.c.pesbt and self.c.address == o.c.address

    def __hash__(self):
        return hash((bool(self.c.tag), self.c.pesbt, self.c.address))

    def __repr__(self):
        """CHERI C's %#p style: `0x1000 [rwRW,0x1000-0x1040] (invalid,sealed)`."""
        if self.c.pesbt == 0 and not self.c.tag:
            return f"{self.c.address:#x}"                # a NULL-derived integer
        letters = "".join(ch for bit, ch in _PERM_LETTERS if self.c.perms & bit)
        text = f"{self.c.address:#x} [{letters},{self.c.base:#x}-{_u128_int(self.c.top):#x}]"
        attrs = []
        if not self.c.tag:
            attrs.append("invalid")
        if self.c.otype == OTYPE_SENTRY:
            attrs.append("sentry")
        elif self.c.otype != OTYPE_UNSEALED:
            attrs.append("sealed")
        if attrs:
            text += f" ({','.join(attrs)})"
        return text
