"""Object files: what the assembler writes and the linker reads, and how they are stored as ELF.

An `Object` is the in-memory form: five sections (.text, .captable, .rodata, .data, .bss), a symbol
table, the relocations the assembler could not resolve, and one `CapRecord` per `.capability`
directive. .captable is the object's part of the program's capability table (docs/abi.md): only
16-byte `.capability` slots, which the linker gathers from every object into one table, one slot
per distinct capability.
`Object.to_elf()` / `Object.from_elf()` store it as a real ELF64 little-endian relocatable file
(ET_REL) that `readelf -h -S -s -r` reads, with e_machine = 0x5546 ("UF", unofficial).

Relocation types (r_type of the RELA entries in .rela.text, .rela.rodata, .rela.data).
S = the symbol's address, A = the addend, P = the address of the place being patched,
page(x) = x & ~0xfff:

    number  name               value                    written into
    1       R_UFOS_ABS64       S + A                    8 bytes (.quad)
    2       R_UFOS_ABS32       S + A                    4 bytes (.word)
    3       R_UFOS_LO12        (S + A) & 0xfff          field simm14 (#:lo12:sym)
    4       R_UFOS_PC_OFF24    S + A - P                field off24 (b, bl)
    5       R_UFOS_PC_OFF20    S + A - P                field off20 (b.cond)
    6       R_UFOS_PC_OFF19    S + A - P                field off19 (cbz, cbnz)
    7       R_UFOS_PC_ADR19    S + A - P                field adr19 (adr)
    8       R_UFOS_PC_PAGE19   page(S + A) - page(P)    field page19 (adrp)

Fields are those of `ufos.machine.isa.FIELDS`; a value that does not fit its field is an error.

Capability relocations: section .cap_relocs holds one 16-byte entry per `.capability`: two 64-bit
words, zero in the file, each with an R_UFOS_ABS64 entry in .rela.cap_relocs. Word 0 is the place
where the 16-byte capability goes (its section's STT_SECTION symbol + offset); word 1 is what the
capability points at (symbol + addend). The linker turns each entry into a `CapReloc` and the loader
into a tagged capability.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ufos.abi import (CAP_ENTRY, EF_UFOS_A64, EHDR, EM_UFOS, ET_REL, RELA, SECTION_FLAGS, SHDR, SHF_INFO_LINK, SHN_UNDEF,
                      SHT_NOBITS, SHT_PROGBITS, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STT,
                      STT_NAME, SYM, ElfError, StringTable, cstring, symbol_other, symbol_state)
from ufos.machine.isa import FIELDS, PAGE_SIZE

SECTIONS = (".text", ".captable", ".rodata", ".data", ".bss")   # in the order the linker lays them out
SECTION_ALIGN = {".text": 4, ".captable": 16}                   # the others start at 1


# ---------------------------------------------------------------------------------------------
# Relocation types and how one patches a word
# ---------------------------------------------------------------------------------------------
class RelocType(NamedTuple):
    number: int
    name: str
    formula: str        # one of FORMULAS: how the value is computed from S + A and P
    size: int           # bytes patched
    field: str | None   # the instruction field written, or None for a plain little-endian integer

    @property
    def pc_relative(self) -> bool:
        return "P" in self.formula

    @property
    def fixed_within_section(self) -> bool:
        """True if the value is known once S and P are in the same section, wherever it is placed."""
        return self.formula == "S + A - P"


FORMULAS = {
    "S + A":                 lambda target, place: target,
    "(S + A) & 0xfff":       lambda target, place: target & 0xFFF,
    "S + A - P":             lambda target, place: target - place,
    "page(S + A) - page(P)": lambda target, place: (target & -PAGE_SIZE) - (place & -PAGE_SIZE),
}

RELOC_TYPES = [
    RelocType(1, "ABS64", "S + A", 8, None),
    RelocType(2, "ABS32", "S + A", 4, None),
    RelocType(3, "LO12", "(S + A) & 0xfff", 4, "simm14"),
    RelocType(4, "PC_OFF24", "S + A - P", 4, "off24"),
    RelocType(5, "PC_OFF20", "S + A - P", 4, "off20"),
    RelocType(6, "PC_OFF19", "S + A - P", 4, "off19"),
    RelocType(7, "PC_ADR19", "S + A - P", 4, "adr19"),
    RelocType(8, "PC_PAGE19", "page(S + A) - page(P)", 4, "page19"),
]
RELOC = {r.name: r for r in RELOC_TYPES}
RELOC_BY_NUMBER = {r.number: r for r in RELOC_TYPES}
PC_RELOC_FOR_FIELD = {r.field: r for r in RELOC_TYPES if r.pc_relative}


class FieldError(ValueError):
    """A value that does not fit where it must go (the message says why)."""


def field_limits(name: str) -> tuple[int, int]:
    """The smallest and largest value field `name` can hold (scaled)."""
    _lo, width, signed, scale = FIELDS[name]
    if signed:
        return -(1 << (width - 1)) * scale, ((1 << (width - 1)) - 1) * scale
    return 0, ((1 << width) - 1) * scale


def insert_field(word: int, name: str, value: int) -> int:
    """`word` with operand field `name` set to `value` (the inverse of isa.field_value)."""
    lo, width, _signed, scale = FIELDS[name]
    low, high = field_limits(name)
    if value % scale:
        raise FieldError(f"{value} is not a multiple of {scale} ({name})")
    if not low <= value <= high:
        step = f" in steps of {scale}" if scale > 1 else ""
        raise FieldError(f"{value} is out of range for {name}: {low}..{high}{step}")
    mask = ((1 << width) - 1) << lo
    return (word & ~mask) | (((value // scale) << lo) & mask)


def put_int(buf: bytearray, pos: int, size: int, value: int) -> None:
    """Store `value` as a `size`-byte little-endian integer (signed or unsigned, it must fit)."""
    bits = 8 * size
    if not -(1 << (bits - 1)) <= value < (1 << bits):
        raise FieldError(f"{value} does not fit in {size} byte{'s' if size > 1 else ''}")
    buf[pos:pos + size] = (value & ((1 << bits) - 1)).to_bytes(size, "little")


def apply_reloc(buf: bytearray, pos: int, rtype: RelocType, target: int, place: int) -> None:
    """Patch `buf` at `pos` for relocation `rtype`, where target = S + A and place = P."""
    value = FORMULAS[rtype.formula](target, place)
    if rtype.field is None:
        put_int(buf, pos, rtype.size, value)
    else:
        word = int.from_bytes(buf[pos:pos + 4], "little")
        buf[pos:pos + 4] = insert_field(word, rtype.field, value).to_bytes(4, "little")


# ---------------------------------------------------------------------------------------------
# The object model
# ---------------------------------------------------------------------------------------------
@dataclass
class Section:
    name: str
    data: bytearray = field(default_factory=bytearray)   # .bss: zeros, only its length matters
    align: int = 1


@dataclass
class Symbol:
    name: str
    section: str | None      # None: undefined here, to be found in another object
    value: int = 0           # offset in its section
    size: int | None = None  # from .size
    type: str = "notype"     # notype | func | object (from .type)
    is_global: bool = False
    state: str = "c64"       # the ISA state of the code at it (`.arch`); st_other bit 0 is A64


@dataclass
class Reloc:
    section: str             # where the place is
    offset: int
    type: str                # a name from RELOC
    symbol: str              # a symbol name, or a section name (the section's start)
    addend: int = 0


@dataclass
class CapRecord:
    section: str             # where the 16-byte capability goes
    offset: int
    symbol: str              # what it points at: symbol (or section name) + addend
    addend: int = 0


@dataclass
class Object:
    sections: dict[str, Section] = field(default_factory=lambda: {
        name: Section(name, align=SECTION_ALIGN.get(name, 1)) for name in SECTIONS})
    symbols: dict[str, Symbol] = field(default_factory=dict)
    relocs: list[Reloc] = field(default_factory=list)
    cap_records: list[CapRecord] = field(default_factory=list)
    state: str | None = None     # the ISA state of its first instruction (None: no code); e_flags bit 0

    def to_elf(self) -> bytes:
        return write_elf(self)

    @classmethod
    def from_elf(cls, data: bytes) -> Object:
        return read_elf(data)


# ---------------------------------------------------------------------------------------------
# ELF64 encoding
# ---------------------------------------------------------------------------------------------
def write_elf(obj: Object) -> bytes:
    # Section header order: null, the five sections, .cap_relocs, the .rela sections, the tables.
    rela = {name: [r for r in obj.relocs if r.section == name] for name in SECTIONS}
    rela = {name: rs for name, rs in rela.items() if rs}
    has_caps = bool(obj.cap_records)
    names = ["", *SECTIONS] + [".cap_relocs"] * has_caps + [f".rela{n}" for n in rela]
    names += [".rela.cap_relocs"] * has_caps + [".symtab", ".strtab", ".shstrtab"]
    index = {name: i for i, name in enumerate(names)}

    # Symbols: null, one STT_SECTION per section, locals, then globals (ELF wants locals first).
    strtab = StringTable()
    symbols = [SYM.pack(0, 0, 0, 0, 0, 0)]
    sym_index = {}
    for name in SECTIONS:
        sym_index[name] = len(symbols)
        symbols.append(SYM.pack(0, STB_LOCAL << 4 | STT["section"], 0, index[name], 0, 0))
    ordered = sorted(obj.symbols.values(), key=lambda s: s.is_global)
    first_global = len(symbols) + sum(not s.is_global for s in ordered)
    for s in ordered:
        sym_index[s.name] = len(symbols)
        bind = STB_GLOBAL if s.is_global else STB_LOCAL
        shndx = index[s.section] if s.section else SHN_UNDEF
        symbols.append(SYM.pack(strtab.add(s.name), bind << 4 | STT[s.type], symbol_other(s.state), shndx,
                                s.value, s.size or 0))

    def rela_bytes(entries):   # entries: (offset, symbol, type name, addend)
        return b"".join(RELA.pack(off, sym_index[sym] << 32 | RELOC[t].number, add)
                        for off, sym, t, add in entries)

    contents = {name: bytes(obj.sections[name].data) for name in SECTIONS}
    contents[".cap_relocs"] = bytes(CAP_ENTRY * len(obj.cap_records))
    for name, rs in rela.items():
        contents[f".rela{name}"] = rela_bytes((r.offset, r.symbol, r.type, r.addend) for r in rs)
    cap_entries = []
    for i, c in enumerate(obj.cap_records):
        cap_entries += [(CAP_ENTRY * i, c.section, "ABS64", c.offset), (CAP_ENTRY * i + 8, c.symbol, "ABS64", c.addend)]
    contents[".rela.cap_relocs"] = rela_bytes(cap_entries)
    contents[".symtab"] = b"".join(symbols)
    contents[".strtab"] = bytes(strtab.data)
    shstrtab = StringTable()
    for name in names:
        shstrtab.add(name)
    contents[".shstrtab"] = bytes(shstrtab.data)

    out = bytearray(EHDR.size)
    headers = [SHDR.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
    for name in names[1:]:
        if name in SECTIONS:
            kind = SHT_NOBITS if name == ".bss" else SHT_PROGBITS
            flags, align, link, info, entsize = SECTION_FLAGS[name], obj.sections[name].align, 0, 0, 0
        elif name == ".cap_relocs":
            kind, flags, align, link, info, entsize = SHT_PROGBITS, 0, 8, 0, 0, CAP_ENTRY
        elif name.startswith(".rela"):
            kind, flags, align, entsize = SHT_RELA, SHF_INFO_LINK, 8, RELA.size
            link, info = index[".symtab"], index[name[len(".rela"):]]
        elif name == ".symtab":
            kind, flags, align, link, info, entsize = SHT_SYMTAB, 0, 8, index[".strtab"], first_global, SYM.size
        else:
            kind, flags, align, link, info, entsize = SHT_STRTAB, 0, 1, 0, 0, 0
        out += bytes(-len(out) % align)
        offset = len(out)
        if kind != SHT_NOBITS:
            out += contents[name]
        headers.append(SHDR.pack(shstrtab.add(name), kind, flags, 0, offset, len(contents[name]),
                                 link, info, align, entsize))
    out += bytes(-len(out) % 8)
    shoff = len(out)
    out += b"".join(headers)
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)   # 64-bit, little-endian, version 1, System V
    out[:EHDR.size] = EHDR.pack(ident, ET_REL, EM_UFOS, 1, 0, 0, shoff, EF_UFOS_A64 if obj.state == "a64" else 0,
                                EHDR.size, 0, 0,
                                SHDR.size, len(names), index[".shstrtab"])
    return bytes(out)


def read_elf(data: bytes) -> Object:
    if len(data) < EHDR.size or data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    ident, e_type, machine, _v, _entry, _phoff, shoff, e_flags, _eh, _phe, _phn, _she, shnum, shstrndx = \
        EHDR.unpack_from(data)
    if ident[4] != 2 or ident[5] != 1:
        raise ElfError("not a 64-bit little-endian ELF file")
    if machine != EM_UFOS or e_type != ET_REL:
        raise ElfError(f"not a ufos object (e_machine 0x{machine:x}, e_type {e_type})")
    headers = [SHDR.unpack_from(data, shoff + i * SHDR.size) for i in range(shnum)]
    shstr = data[headers[shstrndx][4]:][:headers[shstrndx][5]]
    names = [cstring(shstr, h[0]) for h in headers]

    def body(i):
        _n, kind, _f, _a, offset, size, *_ = headers[i]
        return data[offset:offset + size] if kind != SHT_NOBITS else bytes(size)

    obj = Object()
    for i, name in enumerate(names):
        if name in SECTIONS:
            obj.sections[name] = Section(name, bytearray(body(i)), headers[i][8] or 1)

    if obj.sections[".text"].data:
        obj.state = "a64" if e_flags & EF_UFOS_A64 else "c64"
    symtab = names.index(".symtab")
    strings = body(headers[symtab][6])
    sym_names = []   # by symbol index: the symbol's name, or its section's name for STT_SECTION
    raw = body(symtab)
    for off in range(0, len(raw), SYM.size):
        st_name, info, other, shndx, value, size = SYM.unpack_from(raw, off)
        kind, section = STT_NAME.get(info & 0xF, "notype"), names[shndx] if 0 < shndx < len(names) else None
        if kind == "section":
            sym_names.append(section)
            continue
        name = cstring(strings, st_name)
        sym_names.append(name)
        if name:
            obj.symbols[name] = Symbol(name, section, value, size or None, kind, info >> 4 == STB_GLOBAL,
                                       symbol_state(other))

    def entries(i):
        raw = body(i)
        for off in range(0, len(raw), RELA.size):
            offset, info, addend = RELA.unpack_from(raw, off)
            yield offset, RELOC_BY_NUMBER[info & 0xFFFFFFFF].name, sym_names[info >> 32], addend

    for i, name in enumerate(names):
        target = name[len(".rela"):]
        if target in SECTIONS:
            obj.relocs += [Reloc(target, *entry) for entry in entries(i)]
        elif target == ".cap_relocs":
            words = {offset: (sym, addend) for offset, _type, sym, addend in entries(i)}
            for at in range(0, CAP_ENTRY * (len(words) // 2), CAP_ENTRY):   # two words per entry
                (section, offset), (symbol, addend) = words[at], words[at + 8]
                obj.cap_records.append(CapRecord(section, offset, symbol, addend))
    return obj
