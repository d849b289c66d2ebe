"""The ABI: what the toolchain and the kernel must agree on, in one module that imports only the
machine. The toolchain writes executables (toolchain/ld.py) and the kernel loads them
(kernel/exec.py); both read the ELF encoding, the capability-relocation records and the
permissions of the capabilities the loader makes from here. The C headers of userland/include
are the other half of the ABI (system call numbers, errno values, struct layouts): kernel/uapi.py
reads their numbers, `ufos cc` compiles programs against them, and userland_dir() below says
where they are.

THE FILE (ELF64, little-endian, ET_EXEC, e_machine 0x5546 "UF", like the objects of toolchain/elf.py)

    ELF header              e_entry = the image's entry (`_start`)
    program headers         one PT_LOAD per segment of the image, in this order: .text R+X,
                            .captable R, .rodata R, .data RW, .bss RW (no bytes in the file);
                            p_align = 4096, p_offset = p_vaddr (mod 4096)
    segment contents        each at a page-aligned file offset
    .cap_relocs             the capability relocations (below); not loaded (no SHF_ALLOC): the
                            loader reads it from the file and writes the capabilities itself
    .symtab .strtab         every symbol of the image: the STT_SECTION ones, then the locals, then
                            the globals, each with its address, size, type and section
    .shstrtab               section names
    section headers         null, .text .captable .rodata .data .bss (those the image has),
                            .cap_relocs, .symtab, .strtab, .shstrtab

.captable is the program's capability table (docs/abi.md): 16-byte slots, zero in the file, one
per distinct capability the code needs, each filled by a .cap_relocs record. Its pages start
right after the code's and are read-only to the program: only the kernel writes them (the loader,
and fork when it moves them). A function's capability is bounded to .text and .captable together,
so that code running with it reaches the table PC-relatively.

.cap_relocs holds one 48-byte record per capability that the loader must create (sh_entsize 48),
six little-endian 64-bit words, every address a virtual address of the image:

    offset  field      meaning
    0       location   where the 16-byte capability goes (16-aligned, inside a segment)
    8       target     the capability's address (what the pointer points at)
    16      base       its bounds are [base, base + length)
    24      length
    32      perms      its permissions, isa.PERM bits (everything else is cleared)
    40      flags      bit 0: a function (the loader seals it as a sentry); other bits are 0

A function's capability points at it with bit 0 of the address set if its code runs in C64, as on
Morello: a capability branch takes the state from that bit (isa.STATES). e_flags bit 0
(EF_UFOS_A64) says the entry point runs in A64, a symbol's st_other bit 0 (STO_UFOS_A64) that the
code at that symbol does.

The loader derives each capability from the program's root: set the address to base, set the
bounds to length, clear the permissions not in perms, set the address to target, seal it if it is
a function, and store it, tagged, at location. (CheriBSD's `__cap_relocs` is the same idea.)

Other records fill capabilities stored in .rodata and .data (pointers in initialized data).

The executable is tied to the address it was linked at (--base); a loader that places it
elsewhere adds the same displacement to every address above, and code reaches everything
PC-relatively or through these capabilities.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import struct
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ufos.machine.isa import PERM

PACKAGE = Path(__file__).resolve().parent           # the ufos package
EM_UFOS = 0x5546
EF_UFOS_A64 = 1            # e_flags: the program starts in A64 (hybrid) state
COMPARTMENTS_SECTION = ".ufos.compartments"   # JSON: a compartmentalised program's windows and entries
STO_UFOS_A64 = 1           # st_other: the code at this symbol runs in A64 state


# ---------------------------------------------------------------------------------------------
# ELF64: the headers, the numbers, the string tables
# ---------------------------------------------------------------------------------------------
EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
CAP_ENTRY = 16

ET_REL = 1
SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_RELA, SHT_NOBITS = 1, 2, 3, 4, 8
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR, SHF_INFO_LINK = 0x1, 0x2, 0x4, 0x40
STB_LOCAL, STB_GLOBAL = 0, 1
STT = {"notype": 0, "object": 1, "func": 2, "section": 3}
STT_NAME = {v: k for k, v in STT.items()}
SHN_UNDEF = 0
SECTION_FLAGS = {".text": SHF_ALLOC | SHF_EXECINSTR, ".captable": SHF_ALLOC, ".rodata": SHF_ALLOC,
                 ".data": SHF_ALLOC | SHF_WRITE, ".bss": SHF_ALLOC | SHF_WRITE}


class ElfError(ValueError):
    pass


class StringTable:
    """An ELF string table: NUL-separated names, each found by its offset."""

    def __init__(self):
        self.data = bytearray(b"\0")
        self.offsets = {"": 0}

    def add(self, name: str) -> int:
        if name not in self.offsets:
            self.offsets[name] = len(self.data)
            self.data += name.encode() + b"\0"
        return self.offsets[name]


def cstring(table: bytes, offset: int) -> str:
    return table[offset:table.index(b"\0", offset)].decode()


PHDR = struct.Struct("<IIQQQQQQ")
CAP_RELOC = struct.Struct("<QQQQQQ")
CAP_FUNCTION = 1          # flags bit 0

ET_EXEC = 2
PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4
SHN_ABS = 0xFFF1


# ---------------------------------------------------------------------------------------------
# A linked program: what an executable holds
# ---------------------------------------------------------------------------------------------
# The permissions of a capability made for a `.capability`, by the section it points into. Every
# one keeps MutableLoad: code reaches a global through a capability it loads with a PCC-derived
# capability (docs/abi.md), and `char *const p` in .rodata may point at writable data; without
# MutableLoad those loaded capabilities would lose their write permissions.
_READ = PERM["GLOBAL"] | PERM["LOAD"] | PERM["LOAD_CAP"] | PERM["MUTABLE_LOAD"]
CAP_PERMS = {
    ".text": _READ | PERM["EXECUTE"],
    ".captable": _READ,
    ".rodata": _READ,
    ".data": _READ | PERM["STORE"] | PERM["STORE_CAP"] | PERM["STORE_LOCAL_CAP"],
}
CAP_PERMS[".bss"] = CAP_PERMS[".data"]


class Segment(NamedTuple):
    name: str
    start: int
    end: int
    perms: str       # letters r, w, x


@dataclass(frozen=True)
class CapReloc:
    location: int    # where the 16-byte capability goes
    target: int      # its address
    base: int        # its bounds: [base, base + length)
    length: int
    perms: int       # isa.PERM bits
    is_function: bool  # points into .text: the loader makes it a sentry


class LinkedSymbol(NamedTuple):
    """One entry of the image's symbol table (what an executable's .symtab holds)."""
    name: str
    address: int
    size: int        # 0 if the object gave no .size
    type: str        # notype | object | func
    is_global: bool
    state: str = "c64"   # the ISA state of the code at a function symbol (isa.STATES)


@dataclass
class Image:
    base: int
    data: bytes                  # `size` bytes from `base`: the sections' contents, .bss as zeros
    size: int
    entry: int                   # `_start`, else the start of .text
    symbols: dict[str, int] = field(default_factory=dict)   # name -> address (a global wins)
    segments: list[Segment] = field(default_factory=list)
    cap_relocs: list[CapReloc] = field(default_factory=list)
    symtab: list[LinkedSymbol] = field(default_factory=list)  # every symbol: locals, then globals
    state: str = "c64"           # the ISA state the entry point runs in (EF_UFOS_A64)
    compartments: dict | None = None   # a compartmentalised program's windows and entries (.ufos.compartments)


def symbol_addresses(symtab: list[LinkedSymbol]) -> dict[str, int]:
    """Name -> address; a global wins over a local of the same name (symtab lists locals first)."""
    return {s.name: s.address for s in symtab}


# ---------------------------------------------------------------------------------------------
# Reading an executable (the kernel's loader and `ufos objdump`)
# ---------------------------------------------------------------------------------------------
MAX_SPAN = 1 << 28               # the most an image may span (a ufos slot is 256 MiB)


def read_executable(data: bytes, max_span: int = MAX_SPAN) -> Image:
    """The `Image` stored in an executable made by write_executable (the loader's view of it).
    A file claiming segments that span more than max_span bytes is refused before any memory is
    set aside for them."""
    if len(data) < EHDR.size or data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    ident, e_type, machine, _v, entry, phoff, shoff, e_flags, _eh, phentsize, phnum, shentsize, shnum, \
        shstrndx = EHDR.unpack_from(data)
    if ident[4] != 2 or ident[5] != 1:
        raise ElfError("not a 64-bit little-endian ELF file")
    if machine != EM_UFOS:
        raise ElfError(f"not a ufos executable (e_machine 0x{machine:x})")
    if e_type != ET_EXEC:
        raise ElfError("an object file, not an executable (link it with `ufos cc` or `ufos ld`)"
                       if e_type == 1 else f"not a ufos executable (e_type {e_type})")
    if phnum and phentsize != PHDR.size or shnum and shentsize != SHDR.size:
        raise ElfError("unexpected program or section header size")
    try:
        loads = [PHDR.unpack_from(data, phoff + i * PHDR.size) for i in range(phnum)]
        headers = [SHDR.unpack_from(data, shoff + i * SHDR.size) for i in range(shnum)]
    except (struct.error, OverflowError):               # offsets past the file, or past 2**63
        raise ElfError("truncated ELF file") from None
    loads = [p for p in loads if p[0] == PT_LOAD]
    if not loads:
        raise ElfError("the executable has nothing to load")

    def body(h) -> bytes:
        _n, _kind, _flags, _addr, offset, size, *_ = h
        if offset + size > len(data):
            raise ElfError("truncated ELF file")
        return data[offset:offset + size]

    names = [""] * shnum
    if shnum and shstrndx < shnum:
        shstr = body(headers[shstrndx])
        names = [cstring(shstr, h[0]) for h in headers]
    alloc_names = {h[3]: names[i] for i, h in enumerate(headers) if h[2] & SHF_ALLOC}

    base = min(p[3] for p in loads)
    end = max(p[3] + p[6] for p in loads)
    if end - base > max_span:
        raise ElfError(f"its segments span {end - base:#x} bytes (more than {max_span:#x})")
    image_data = bytearray(end - base)
    segments = []
    for _type, flags, offset, vaddr, _paddr, filesz, memsz, _align_ in sorted(loads, key=lambda p: p[3]):
        if offset + filesz > len(data) or filesz > memsz:
            raise ElfError("a segment lies outside the file")
        image_data[vaddr - base:vaddr - base + filesz] = data[offset:offset + filesz]
        perms = "r" * bool(flags & PF_R) + "w" * bool(flags & PF_W) + "x" * bool(flags & PF_X)
        default = ".text" if "x" in perms else ".rodata" if "w" not in perms else ".data" if filesz else ".bss"
        segments.append(Segment(alloc_names.get(vaddr, default), vaddr, vaddr + memsz, perms))

    symtab, cap_relocs, compartments = [], [], None
    for i, name in enumerate(names):
        if name == ".cap_relocs":
            raw = body(headers[i])
            for at in range(0, len(raw) - len(raw) % CAP_RELOC.size, CAP_RELOC.size):
                location, target, cbase, length, perms, flags = CAP_RELOC.unpack_from(raw, at)
                cap_relocs.append(CapReloc(location, target, cbase, length, perms, bool(flags & CAP_FUNCTION)))
        elif name == COMPARTMENTS_SECTION:
            try:
                compartments = json.loads(body(headers[i]))
            except ValueError as e:
                raise ElfError(f"{COMPARTMENTS_SECTION} is not valid ({e})") from None
        elif headers[i][1] == SHT_SYMTAB:
            raw, strings = body(headers[i]), body(headers[headers[i][6]])
            for at in range(SYM.size, len(raw), SYM.size):
                st_name, info, other, _shndx, value, size = SYM.unpack_from(raw, at)
                kind = STT_NAME.get(info & 0xF)
                if kind in ("notype", "object", "func") and st_name:
                    symtab.append(LinkedSymbol(cstring(strings, st_name), value, size, kind,
                                               info >> 4 == STB_GLOBAL, symbol_state(other)))
    return Image(base, bytes(image_data), len(image_data), entry, symbol_addresses(symtab), segments,
                 cap_relocs, symtab, "a64" if e_flags & EF_UFOS_A64 else "c64", compartments)


def symbol_state(st_other: int) -> str:
    return "a64" if st_other & STO_UFOS_A64 else "c64"


def symbol_other(state: str) -> int:
    return STO_UFOS_A64 if state == "a64" else 0


# ---------------------------------------------------------------------------------------------
# Where the userland and its C headers are
# ---------------------------------------------------------------------------------------------
class UserlandMissing(LookupError):
    """The userland sources (libc, the headers, /bin) cannot be found."""


def _installed_userland() -> Path | None:
    try:
        dist = importlib.metadata.distribution("ufos")
    except importlib.metadata.PackageNotFoundError:
        return None
    for f in dist.files or ():
        parts = Path(f).parts
        for i in range(len(parts) - 2):
            if parts[i:i + 3] == ("share", "ufos", "userland"):
                candidate = Path(dist.locate_file(Path(*parts[:i + 3]))).resolve()
                if candidate.is_dir():
                    return candidate
    return None


def userland_dir() -> Path:
    """The userland source tree: $UFOS_USERLAND if set, else the repository's, else the installed
    copy."""
    if os.environ.get("UFOS_USERLAND"):
        chosen = Path(os.environ["UFOS_USERLAND"]).resolve()
        if not (chosen / "libc").is_dir():
            raise UserlandMissing(f"UFOS_USERLAND={chosen} has no libc directory")
        return chosen
    repo = PACKAGE.parent / "userland"
    if (repo / "libc").is_dir():
        return repo
    for candidate in (_installed_userland(), Path(sysconfig.get_path("data")) / "share" / "ufos" / "userland"):
        if candidate is not None and (candidate / "libc").is_dir():
            return candidate
    raise UserlandMissing(f"cannot find the userland sources (looked in {repo} and the installed data files)")


def include_dir() -> Path:
    """The C headers (userland/include): `ufos cc` adds it to the include path."""
    return userland_dir() / "include"
