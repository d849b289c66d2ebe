"""C types and the ufos data model (docs/abi.md): sizes, alignments, struct layout, and C's rules
for mixing types (integer promotions, the usual arithmetic conversions, compatibility).

Two data models (docs/abi.md), chosen per compilation with `set_abi`: in the purecap ABI every
pointer is a 16-byte capability; in the hybrid ABI a plain pointer is an 8-byte integer address
(checked against DDC by the machine) and only a pointer declared `T * __capability` is a
capability. `__intcap`/`__uintcap` (intptr_t, uintptr_t in purecap) are integer types that are also
capabilities: 16 bytes, arithmetic on the address, the capability kept.

Types are immutable values except struct/union types, which are one object per declaration (so a
forward-declared struct becomes complete when its body is seen). Qualifiers live on the type
object: `t.const`, `t.volatile`; `unqualified(t)` drops them.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

# Integer kinds: (size, conversion rank). char is signed on ufos.
INT_KINDS = {"bool": (1, 0), "char": (1, 1), "short": (2, 2), "int": (4, 3), "long": (8, 4),
             "llong": (8, 5), "intcap": (16, 6)}
INT_NAMES = {"bool": "_Bool", "char": "char", "short": "short", "int": "int", "long": "long",
             "llong": "long long", "intcap": "__intcap"}
CAPABILITY_SIZE = 16
ADDRESS_SIZE = 8
_abi = {"hybrid": False}     # the data model of the translation unit being compiled


def set_abi(abi: str) -> None:
    """'purecap' or 'hybrid': what a plain `T *` is for the types made from now on."""
    _abi["hybrid"] = abi == "hybrid"


def hybrid() -> bool:
    return _abi["hybrid"]


@dataclass(frozen=True)
class Type:
    const: bool = field(default=False, kw_only=True, compare=False)
    volatile: bool = field(default=False, kw_only=True, compare=False)
    # gcc's `typedef int __attribute__((aligned(8))) aint;`: the alignment the typedef gave the
    # type in place of its natural one (0: none), more or less; its size stays. Like a qualifier
    # it is not part of the type's identity: an aint is an int.
    aligned: int = field(default=0, kw_only=True, compare=False)

    size = 0
    natural_align = 1

    @property
    def align(self):
        return self.aligned or self.natural_align

    def __str__(self):
        return type_name(self)


@dataclass(frozen=True)
class VoidType(Type):
    pass


@dataclass(frozen=True)
class IntType(Type):
    kind: str = "int"
    unsigned: bool = False
    plain_char: bool = False     # `char` (distinct from `signed char` for compatibility)

    @property
    def size(self):
        return INT_KINDS[self.kind][0]

    @property
    def natural_align(self):
        return self.size

    @property
    def rank(self):
        return INT_KINDS[self.kind][1]

    @property
    def bits(self):
        return 8 * self.size if self.kind != "intcap" else 64

    def min(self):
        return 0 if self.unsigned else -(1 << (self.bits - 1))

    def max(self):
        return (1 << self.bits) - 1 if self.unsigned else (1 << (self.bits - 1)) - 1


@dataclass(frozen=True)
class FloatType(Type):
    kind: str = "double"          # float, double, ldouble (= double)

    @property
    def size(self):
        return 4 if self.kind == "float" else 8

    @property
    def natural_align(self):
        return self.size


@dataclass(frozen=True)
class PointerType(Type):
    base: Type = None
    cap: bool = True              # a capability (every pointer in purecap; `* __capability` in hybrid)

    @property
    def size(self):
        return CAPABILITY_SIZE if self.cap else ADDRESS_SIZE

    @property
    def natural_align(self):
        return self.size


@dataclass(frozen=True)
class ArrayType(Type):
    base: Type = None
    length: int | None = None     # None: incomplete (int a[])

    @property
    def size(self):
        return self.base.size * (self.length or 0)

    @property
    def natural_align(self):
        return self.base.align


@dataclass(frozen=True)
class VlaType(ArrayType):
    """A variable-length array `T a[n]`: its length is known only when the declaration runs.
    `count` is the checker's expression for n: a declaration evaluates it once into a hidden
    variable and keeps the type with `count` reading that variable (check.freeze_vla), so every
    later sizeof, index and pointer step sees the n of the declaration. None in a prototype
    (`double a[n][m]` declares a `double (*)[*]`). As a type it is incomplete (size 0): sizes and
    strides come from the checker's vla_bytes, which also handles a VLA of VLAs."""
    count: object = field(default=None, compare=False)


@dataclass(frozen=True)
class Param:
    name: str | None
    type: Type


@dataclass(frozen=True)
class FuncType(Type):
    ret: Type = None
    params: tuple = ()            # of Param
    variadic: bool = False
    prototyped: bool = True       # False for `int f()`: any arguments
    size = 1
    natural_align = 4


@dataclass(eq=False)
class Member:
    name: str | None
    type: Type
    offset: int
    bit_width: int | None = None   # a bit-field: its width, and its first bit within the unit
    bit_offset: int = 0
    align: int = 1                 # _Alignas: at least this alignment (1: the type's own)
    packed: bool = False           # `__attribute__((packed))` on this member: alignment 1
    loc: object = None             # where it is declared (for errors)
    bit_bytes: int = 0             # a packed bit-field: how many bytes from offset hold it


@dataclass(eq=False)
class StructInfo:
    """The body of one struct or union declaration; shared by every qualified version of it."""
    tag: str | None
    is_union: bool
    members: list = field(default_factory=list)
    complete: bool = False
    size: int = 0
    align: int = 1
    has_flexible: bool = False

    def find(self, name: str):
        """The member called name, with its offset from the start of this struct (looking inside
        anonymous members), or None."""
        for m in self.members:
            if m.name == name:
                return m
            if m.name is None and isinstance(m.type, StructType):
                inner = m.type.info.find(name)
                if inner is not None:
                    return dataclasses.replace(inner, offset=m.offset + inner.offset)
        return None


@dataclass(frozen=True)
class StructType(Type):
    info: StructInfo = None

    @property
    def size(self):
        return self.info.size

    @property
    def natural_align(self):
        return self.info.align

    @property
    def is_union(self):
        return self.info.is_union


# ---------------------------------------------------------------------------------------------
# The common types
# ---------------------------------------------------------------------------------------------
VOID = VoidType()
BOOL = IntType("bool", True)
CHAR = IntType("char", False, True)
SCHAR = IntType("char")
UCHAR = IntType("char", True)
SHORT = IntType("short")
USHORT = IntType("short", True)
INT = IntType("int")
UINT = IntType("int", True)
LONG = IntType("long")
ULONG = IntType("long", True)
LLONG = IntType("llong")
ULLONG = IntType("llong", True)
INTCAP = IntType("intcap")
UINTCAP = IntType("intcap", True)
FLOAT = FloatType("float")
DOUBLE = FloatType("double")
LDOUBLE = FloatType("ldouble")
SIZE_T = ULONG
PTRDIFF_T = LONG


def pointer_to(t: Type, cap: bool = False) -> PointerType:
    """A pointer to t: a capability in purecap, or in hybrid if `cap` (`t * __capability`)."""
    return PointerType(base=t, cap=cap or not hybrid())


def array_of(t: Type, length: int | None) -> ArrayType:
    return ArrayType(base=t, length=length)


def qualified(t: Type, const: bool = False, volatile: bool = False) -> Type:
    if not const and not volatile:
        return t
    return dataclasses.replace(t, const=t.const or const, volatile=t.volatile or volatile)


def unqualified(t: Type) -> Type:
    if not t.const and not t.volatile:
        return t
    return dataclasses.replace(t, const=False, volatile=False)


# ---------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------
def is_integer(t: Type) -> bool:
    return isinstance(t, IntType)


def is_intcap(t: Type) -> bool:
    return isinstance(t, IntType) and t.kind == "intcap"


def is_float(t: Type) -> bool:
    return isinstance(t, FloatType)


def is_arithmetic(t: Type) -> bool:
    return isinstance(t, (IntType, FloatType))


def is_pointer(t: Type) -> bool:
    return isinstance(t, PointerType)


def is_scalar(t: Type) -> bool:
    return isinstance(t, (IntType, FloatType, PointerType))


def is_struct(t: Type) -> bool:
    return isinstance(t, StructType)


def is_array(t: Type) -> bool:
    return isinstance(t, ArrayType)


def is_variably_modified(t: Type) -> bool:
    """A VLA type, or a pointer to or array of one (`int (*)[n]`): its size needs run time."""
    while isinstance(t, (PointerType, ArrayType)):
        if isinstance(t, VlaType):
            return True
        t = t.base
    return False


def is_func(t: Type) -> bool:
    return isinstance(t, FuncType)


def is_void(t: Type) -> bool:
    return isinstance(t, VoidType)


def is_capability(t: Type) -> bool:
    """Held as a whole capability register (not just its x view)."""
    return (isinstance(t, PointerType) and t.cap) or is_intcap(t)


def is_complete(t: Type) -> bool:
    if isinstance(t, VoidType) or isinstance(t, FuncType):
        return False
    if isinstance(t, ArrayType):
        return t.length is not None and is_complete(t.base)
    if isinstance(t, StructType):
        return t.info.complete
    return True


def reg_class(t: Type) -> str | None:
    """Which register bank holds a value of type t: 'x' (integers, in the x view of a c
    register; hybrid's plain pointers too), 'c' (capabilities: pointers, __intcap), 'd' (float,
    double) or None (aggregates)."""
    if isinstance(t, FloatType):
        return "d"
    if is_capability(t):
        return "c"
    if isinstance(t, (IntType, PointerType)):
        return "x"
    return None


# ---------------------------------------------------------------------------------------------
# Conversions
# ---------------------------------------------------------------------------------------------
def promote(t: Type) -> Type:
    """The integer promotions: anything narrower than int becomes int."""
    if isinstance(t, IntType) and t.rank < INT.rank:
        return INT
    return unqualified(t)


def usual_arithmetic(a: Type, b: Type) -> Type:
    """The common type of a binary arithmetic operator's operands (C11 6.3.1.8)."""
    if is_float(a) or is_float(b):
        kinds = {x.kind for x in (a, b) if is_float(x)}
        return LDOUBLE if "ldouble" in kinds else DOUBLE if "double" in kinds else FLOAT
    a, b = promote(a), promote(b)
    if a == b:
        return a
    if a.unsigned == b.unsigned:
        return a if a.rank >= b.rank else b
    u, s = (a, b) if a.unsigned else (b, a)
    if u.rank >= s.rank:
        return u
    if s.bits > u.bits:
        return s
    return IntType(s.kind, True)


def wrap(value: int, t: Type) -> int:
    """value converted to integer type t (two's complement wrap-around)."""
    if isinstance(t, IntType) and t.kind == "bool":
        return int(value != 0)
    if isinstance(t, PointerType):
        t = ULONG
    if not isinstance(t, IntType):
        return value
    bits = t.bits
    value &= (1 << bits) - 1
    if not t.unsigned and value >> (bits - 1):
        value -= 1 << bits
    return value


# ---------------------------------------------------------------------------------------------
# Compatibility (C11 6.2.7), ignoring top-level qualifiers
# ---------------------------------------------------------------------------------------------
def compatible(a: Type, b: Type) -> bool:
    a, b = unqualified(a), unqualified(b)
    if isinstance(a, IntType) and isinstance(b, IntType):
        return a == b and a.plain_char == b.plain_char
    if type(a) is not type(b):
        return False
    if isinstance(a, PointerType):
        return (a.cap == b.cap and a.base.const == b.base.const and a.base.volatile == b.base.volatile
                and compatible(a.base, b.base))
    if isinstance(a, ArrayType):
        return compatible(a.base, b.base) and (a.length is None or b.length is None or a.length == b.length)
    if isinstance(a, StructType):
        return a.info is b.info
    if isinstance(a, FuncType):
        if not compatible(a.ret, b.ret):
            return False
        if not a.prototyped or not b.prototyped:
            return True
        return (a.variadic == b.variadic and len(a.params) == len(b.params)
                and all(compatible(p.type, q.type) for p, q in zip(a.params, b.params)))
    return a == b


def composite(a: Type, b: Type) -> Type:
    """The composite of two compatible types: what we know from both declarations."""
    if isinstance(a, ArrayType) and isinstance(b, ArrayType):
        return a if a.length is not None else b
    if isinstance(a, FuncType) and isinstance(b, FuncType):
        return a if a.prototyped else b
    return a


# ---------------------------------------------------------------------------------------------
# Struct layout
# ---------------------------------------------------------------------------------------------
def align_to(n: int, a: int) -> int:
    return (n + a - 1) // a * a


def layout(info: StructInfo, members: list, pack: int | None = None, packed: bool = False) -> None:
    """Give each member its offset and the struct its size and alignment, as gcc (x86-64 and
    AArch64 alike) does. Bit-fields are packed into units of their declared type (AAPCS64): one
    that would cross such a unit starts the next. `packed` (`__attribute__((packed))` on the
    struct, or on one member) makes a member's alignment 1 (an `aligned(n)` of its own still
    counts) and lets bit-fields follow one another bit by bit; `pack` (#pragma pack(n)) caps
    every member's alignment, `aligned` and _Alignas included, at n, and also lets bit-fields
    run on bit by bit, each still giving the struct its (capped) type's alignment. An unnamed
bit-field gives the struct no alignment (AAPCS64, as x86-64); `aligned(n)` on a bit-field starts
it on an n-byte boundary. `int : 0;`
    moves on to a boundary of int's alignment whatever the packing, giving the struct none."""
    pos, align, size = 0, 1, 0          # pos, size: in bits
    for m in members:
        t = m.type
        m_packed = packed or m.packed
        if m.bit_width is not None:
            if m.bit_width == 0:                       # `int : 0;` ends the current unit
                if not info.is_union:
                    pos = align_to(pos, t.align * 8)
                continue
            named = m.name is not None                 # (an unnamed one gives the struct no alignment)
            m_align = m.align if pack is None else min(m.align, pack)
            if m_align > 1:                            # gcc's aligned(n) on a bit-field: it starts on
                pos = align_to(pos, m_align * 8)       # such a boundary
                if named:
                    align = max(align, m_align)
            if m_packed or pack is not None:
                start = 0 if info.is_union else pos
                if not m_packed and named:
                    align = max(align, min(t.align, pack))
                end = start + m.bit_width
                if info.is_union:
                    end = align_to(end, 8)
            else:
                start = 0 if info.is_union else pos
                unit_start = start // (t.size * 8) * t.size * 8
                if start + m.bit_width > unit_start + t.size * 8:
                    start = unit_start + t.size * 8
                end = start + m.bit_width
                if info.is_union:
                    end = t.size * 8 if named else align_to(end, 8)
                if named:
                    align = max(align, t.align)
            # the unit the code generator reads: the declared type's, aligned; in a packed
            # struct, from the field's first byte (gen_memory reads just the bytes that hold it)
            if m_packed or pack is not None:
                unit_start = start // 8 * 8
            else:
                unit_start = start // (t.size * 8) * t.size * 8
            m.offset, m.bit_offset = unit_start // 8, start - unit_start
            m.bit_bytes = (m.bit_offset + m.bit_width + 7) // 8 if m_packed or pack is not None else 0
            pos, size = end, max(size, end)
            continue
        if isinstance(t, ArrayType) and t.length is None:     # a flexible array member
            info.has_flexible = True
            t_align, t_size = t.base.align, 0
        else:
            t_align, t_size = t.align, t.size
        t_align = max(1 if m_packed else t_align, m.align)
        if pack is not None:
            t_align = min(t_align, pack)
        align = max(align, t_align)
        start = 0 if info.is_union else align_to(pos, t_align * 8)
        m.offset, m.bit_offset = start // 8, 0
        pos = start + t_size * 8
        size = max(size, pos)
    info.members = members
    info.align = align
    info.size = align_to((size + 7) // 8, align)
    info.complete = True


def holds_capability(t: Type) -> bool:
    """Whether t is or contains a capability (a pointer, an __intcap), whose tag a copy keeps."""
    if is_capability(t):
        return True
    if isinstance(t, StructType):
        return any(m.bit_width is None and holds_capability(m.type) for m in t.info.members)
    if isinstance(t, ArrayType):
        return holds_capability(t.base)
    return False


def misaligned_capability(t: Type, offset: int = 0) -> int | None:
    """The offset (from offset) of a capability in t that would not be 16-aligned, or None."""
    if is_capability(t):
        return offset if offset % 16 else None
    if isinstance(t, StructType):
        for m in t.info.members:
            if m.bit_width is None:
                found = misaligned_capability(m.type, offset + m.offset)
                if found is not None:
                    return found
    if isinstance(t, ArrayType) and t.length:
        found = misaligned_capability(t.base, offset)       # the first element, and the second
        if found is None and t.length > 1:                   # (then every other is as aligned)
            found = misaligned_capability(t.base, offset + t.base.size)
        return found
    return None


# ---------------------------------------------------------------------------------------------
# Names of types, for messages
# ---------------------------------------------------------------------------------------------
def type_name(t: Type, inner: str = "") -> str:
    quals = ("const " if t.const else "") + ("volatile " if t.volatile else "")
    if isinstance(t, VoidType):
        return f"{quals}void{inner}"
    if isinstance(t, IntType):
        if t.kind == "char" and t.plain_char:
            base = "char"
        else:
            base = ("unsigned " if t.unsigned and t.kind != "bool" else "") + INT_NAMES[t.kind]
        return f"{quals}{base}{inner}"
    if isinstance(t, FloatType):
        return f"{quals}{ {'float': 'float', 'double': 'double', 'ldouble': 'long double'}[t.kind]}{inner}"
    if isinstance(t, StructType):
        kw = "union" if t.info.is_union else "struct"
        return f"{quals}{kw} {t.info.tag or '<anonymous>'}{inner}"
    if isinstance(t, PointerType):
        q = ((" __capability" if t.cap and hybrid() else "") + (" const" if t.const else "")
             + (" volatile" if t.volatile else ""))
        star = f"*{q}{inner}"
        if isinstance(t.base, (ArrayType, FuncType)):
            star = f"({star})"
        return type_name(t.base, " " + star)
    if isinstance(t, ArrayType):
        n = "" if t.length is None else str(t.length)
        return type_name(t.base, f"{inner}[{n}]")
    if isinstance(t, FuncType):
        params = ", ".join(type_name(p.type) for p in t.params)
        if t.variadic:
            params += ", ..."
        if not params and t.prototyped:
            params = "void"
        return type_name(t.ret, f"{inner}({params})")
    return "?"
