"""Executables: `ufos ld OBJ... [-o OUT] [--base ADDR]`, and the ELF form of a linked `Image`.

link.py does all the linking (layout, symbol resolution, relocation, capability records) and
produces an `Image`; this module only stores that image as an ELF64 executable and reads it back,
so that what runs on the bare machine and what the kernel will load from a file are the same thing.

THE FILE (ELF64, little-endian, ET_EXEC, e_machine 0x5546 "UF", like the objects of elf.py)

    ELF header              e_entry = the image's entry (`_start`)
    program headers         one PT_LOAD per segment of the image (.text R+X, .rodata R, .data RW,
                            .bss RW with no bytes in the file), p_align = 4096,
                            p_offset = p_vaddr (mod 4096)
    segment contents        each at a page-aligned file offset
    .cap_relocs             the capability relocations (below); not loaded (no SHF_ALLOC): the
                            loader reads it from the file and writes the capabilities itself
    .symtab .strtab         every symbol of the image: the STT_SECTION ones, then the locals, then
                            the globals, each with its address, size, type and section
    .shstrtab               section names
    section headers         null, .text .rodata .data .bss (those the image has), .cap_relocs,
                            .symtab, .strtab, .shstrtab

.cap_relocs holds one 48-byte record per capability that the loader must create (sh_entsize 48),
six little-endian 64-bit words, every address a virtual address of the image:

    offset  field      meaning
    0       location   where the 16-byte capability goes (16-aligned, in a writable segment)
    8       target     the capability's address (what the pointer points at)
    16      base       its bounds are [base, base + length)
    24      length
    32      perms      its permissions, isa.PERM bits (everything else is cleared)
    40      flags      bit 0: a function (the loader seals it as a sentry); other bits are 0

The loader derives each capability from the program's root: set the address to base, set the
bounds to length, clear the permissions not in perms, set the address to target, seal it if it is
a function, and store it, tagged, at location. (CheriBSD's `__cap_relocs` is the same idea.)

The executable is tied to the address it was linked at (--base); a loader that places it
elsewhere adds the same displacement to every address above, and code reaches everything
PC-relatively or through these capabilities.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from ufos.machine.isa import PAGE_SIZE
from ufos.toolchain.elf import (EHDR, EM_UFOS, SECTION_FLAGS, SHDR, SHF_ALLOC, SHF_EXECINSTR,
                                SHF_WRITE, SHT_NOBITS, SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB,
                                STB_GLOBAL, STB_LOCAL, STT, STT_NAME, SYM, ElfError, Object,
                                _cstring, _Strings)
from ufos.toolchain.files import file_error
from ufos.toolchain.link import (CapReloc, Image, LinkedSymbol, LinkError, Segment, link,
                                 symbol_addresses)

PHDR = struct.Struct("<IIQQQQQQ")
CAP_RELOC = struct.Struct("<QQQQQQ")
CAP_FUNCTION = 1          # flags bit 0

ET_EXEC = 2
PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4
SHN_ABS = 0xFFF1
DEFAULT_BASE = 0x10000


def _align(value: int, alignment: int) -> int:
    return -(-value // alignment) * alignment


def _segment_flags(perms: str) -> int:
    return (PF_R if "r" in perms else 0) | (PF_W if "w" in perms else 0) | (PF_X if "x" in perms else 0)


def _section_flags(segment: Segment) -> int:
    if segment.name in SECTION_FLAGS:
        return SECTION_FLAGS[segment.name]
    return SHF_ALLOC | (SHF_WRITE if "w" in segment.perms else 0) | (SHF_EXECINSTR if "x" in segment.perms else 0)


def _is_bss(segment: Segment) -> bool:
    return segment.name == ".bss"


def _symtab(image: Image) -> list[LinkedSymbol]:
    """The image's symbol table; for an image made without one, its `symbols` (as globals)."""
    if image.symtab or not image.symbols:
        return image.symtab
    return [LinkedSymbol(name, address, 0, "notype", True) for name, address in image.symbols.items()]


def write_executable(image: Image) -> bytes:
    """`image` as an ELF64 executable (the layout is described at the top of this module)."""
    segments = list(image.segments)
    out = bytearray(EHDR.size + PHDR.size * len(segments))

    # Segment contents, each at a page-aligned offset (congruent to its page-aligned address).
    offsets = []
    for seg in segments:
        if seg.start % PAGE_SIZE:
            raise ElfError(f"segment {seg.name} at 0x{seg.start:x} is not page-aligned")
        if _is_bss(seg):   # nothing in the file: any page-aligned offset inside it will do
            offsets.append(len(out) & -PAGE_SIZE)
            continue
        out += bytes(_align(len(out), PAGE_SIZE) - len(out))
        offsets.append(len(out))
        out += image.data[seg.start - image.base:seg.end - image.base]
    phdrs = b"".join(
        PHDR.pack(PT_LOAD, _segment_flags(seg.perms), offset, seg.start, seg.start,
                  0 if _is_bss(seg) else seg.end - seg.start, seg.end - seg.start, PAGE_SIZE)
        for seg, offset in zip(segments, offsets))

    # Section headers: null, one per segment, then the tables.
    names = ["", *(seg.name for seg in segments), ".cap_relocs", ".symtab", ".strtab", ".shstrtab"]
    index = {name: i for i, name in enumerate(names)}
    shstrtab = _Strings()
    for name in names:
        shstrtab.add(name)
    headers = [SHDR.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
    for seg, offset in zip(segments, offsets):
        kind = SHT_NOBITS if _is_bss(seg) else SHT_PROGBITS
        headers.append(SHDR.pack(shstrtab.add(seg.name), kind, _section_flags(seg), seg.start, offset,
                                 seg.end - seg.start, 0, 0, PAGE_SIZE, 0))

    def section_of(address: int) -> int:
        for i, seg in enumerate(segments, 1):
            if seg.start <= address < seg.end:
                return i
        for i, seg in enumerate(segments, 1):   # a label just past the end of its section
            if address == seg.end:
                return i
        return SHN_ABS

    strtab = _Strings()
    symbols = [SYM.pack(0, 0, 0, 0, 0, 0)]
    symbols += [SYM.pack(0, STB_LOCAL << 4 | STT["section"], 0, i, seg.start, 0)
                for i, seg in enumerate(segments, 1)]
    table = sorted(_symtab(image), key=lambda s: s.is_global)   # stable: locals first
    first_global = len(symbols) + sum(not s.is_global for s in table)
    for s in table:
        bind = STB_GLOBAL if s.is_global else STB_LOCAL
        symbols.append(SYM.pack(strtab.add(s.name), bind << 4 | STT[s.type], 0, section_of(s.address),
                                s.address, s.size))
    cap_relocs = b"".join(
        CAP_RELOC.pack(r.location, r.target, r.base, r.length, r.perms, CAP_FUNCTION if r.is_function else 0)
        for r in image.cap_relocs)
    tables = [(".cap_relocs", SHT_PROGBITS, cap_relocs, 0, 0, 8, CAP_RELOC.size),
              (".symtab", SHT_SYMTAB, b"".join(symbols), index[".strtab"], first_global, 8, SYM.size),
              (".strtab", SHT_STRTAB, bytes(strtab.data), 0, 0, 1, 0),
              (".shstrtab", SHT_STRTAB, bytes(shstrtab.data), 0, 0, 1, 0)]
    for name, kind, contents, link_, info, align, entsize in tables:
        out += bytes(-len(out) % align)
        headers.append(SHDR.pack(shstrtab.add(name), kind, 0, 0, len(out), len(contents), link_, info,
                                 align, entsize))
        out += contents
    out += bytes(-len(out) % 8)
    shoff = len(out)
    out += b"".join(headers)

    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)   # 64-bit, little-endian, version 1, System V
    out[:EHDR.size] = EHDR.pack(ident, ET_EXEC, EM_UFOS, 1, image.entry, EHDR.size if segments else 0,
                                shoff, 0, EHDR.size, PHDR.size, len(segments), SHDR.size, len(names),
                                index[".shstrtab"])
    out[EHDR.size:EHDR.size + len(phdrs)] = phdrs
    return bytes(out)


MAX_SPAN = 1 << 28               # the most an image may span (a ufos slot is 256 MiB)


def read_executable(data: bytes, max_span: int = MAX_SPAN) -> Image:
    """The `Image` stored in an executable made by write_executable (the loader's view of it).
    A file claiming segments that span more than max_span bytes is refused before any memory is
    set aside for them."""
    if len(data) < EHDR.size or data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    ident, e_type, machine, _v, entry, phoff, shoff, _f, _eh, phentsize, phnum, shentsize, shnum, \
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
    except struct.error:
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
        names = [_cstring(shstr, h[0]) for h in headers]
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

    symtab, cap_relocs = [], []
    for i, name in enumerate(names):
        if name == ".cap_relocs":
            raw = body(headers[i])
            for at in range(0, len(raw) - len(raw) % CAP_RELOC.size, CAP_RELOC.size):
                location, target, cbase, length, perms, flags = CAP_RELOC.unpack_from(raw, at)
                cap_relocs.append(CapReloc(location, target, cbase, length, perms, bool(flags & CAP_FUNCTION)))
        elif headers[i][1] == SHT_SYMTAB:
            raw, strings = body(headers[i]), body(headers[headers[i][6]])
            for at in range(SYM.size, len(raw), SYM.size):
                st_name, info, _other, _shndx, value, size = SYM.unpack_from(raw, at)
                kind = STT_NAME.get(info & 0xF)
                if kind in ("notype", "object", "func") and st_name:
                    symtab.append(LinkedSymbol(_cstring(strings, st_name), value, size, kind,
                                               info >> 4 == STB_GLOBAL))
    return Image(base, bytes(image_data), len(image_data), entry, symbol_addresses(symtab), segments,
                 cap_relocs, symtab)


def load_executable(path) -> Image:
    return read_executable(Path(path).read_bytes())


def save_executable(image: Image, path) -> None:
    """Write `image` to `path` as an executable, with the execute bits the umask allows."""
    path = Path(path)
    path.write_bytes(write_executable(image))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o777 & ~umask)


def parse_address(text: str) -> int:
    """An address from the command line: decimal, 0x hex, 0o octal or 0b binary."""
    try:
        return int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid address: '{text}'") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos ld", description="Link ELF objects into an ELF executable.")
    parser.add_argument("objects", nargs="+", metavar="OBJ", help="object files (from `ufos as` or `ufos cc -c`)")
    parser.add_argument("-o", dest="output", default="a.out", help="the executable (default: a.out)")
    parser.add_argument("--base", type=parse_address, default=DEFAULT_BASE,
                        help=f"the address of the first segment, page-aligned (default: 0x{DEFAULT_BASE:x})")
    args = parser.parse_args(argv)
    try:
        objects = []
        for name in args.objects:
            try:
                objects.append(Object.from_elf(Path(name).read_bytes()))
            except ElfError as e:
                raise ElfError(f"{name}: {e}") from None
            except (ValueError, IndexError, KeyError, struct.error) as e:
                raise ElfError(f"{name}: not a valid ufos object ({e})") from None
        image = link(objects, args.base, names=list(args.objects))
        save_executable(image, args.output)
    except OSError as e:
        print(f"ufos ld: error: {file_error(e)}", file=sys.stderr)
        return 1
    except (ElfError, LinkError) as e:
        print(f"ufos ld: error: {e}", file=sys.stderr)
        return 1
    return 0
