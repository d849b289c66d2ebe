"""Executables: `ufos ld OBJ... [-o OUT] [--base ADDR]`, and the ELF form of a linked `Image`.

link.py does all the linking (layout, symbol resolution, relocation, capability records) and
produces an `Image`; this module only stores that image as an ELF64 executable and reads it back,
so that what runs on the bare machine and what the kernel will load from a file are the same thing.

The file format (the ELF layout, the .cap_relocs records) is described in ufos/abi.py,
which both this module and the kernel's loader import.
"""
from __future__ import annotations

import argparse
import json
import os
import struct
import sys
from pathlib import Path

from ufos.abi import (CAP_FUNCTION, CAP_RELOC, COMPARTMENTS_SECTION, EF_UFOS_A64, EHDR, EM_UFOS, ET_EXEC, PF_R,
                      PF_W, PF_X, PHDR, PT_LOAD,
                      SECTION_FLAGS, SHDR, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHN_ABS, SHT_NOBITS,
                      SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STT, SYM, ElfError, Image,
                      LinkedSymbol, Segment, StringTable, read_executable, symbol_other)
from ufos.machine.isa import PAGE_SIZE
from ufos.toolchain.elf import Object
from ufos.toolchain.files import file_error
from ufos.toolchain.link import LinkError, link

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
    """`image` as an ELF64 executable (the layout is described in ufos/abi.py)."""
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
    names = ["", *(seg.name for seg in segments), ".cap_relocs", ".symtab", ".strtab",
             *([COMPARTMENTS_SECTION] if image.compartments else []), ".shstrtab"]
    index = {name: i for i, name in enumerate(names)}
    shstrtab = StringTable()
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

    strtab = StringTable()
    symbols = [SYM.pack(0, 0, 0, 0, 0, 0)]
    symbols += [SYM.pack(0, STB_LOCAL << 4 | STT["section"], 0, i, seg.start, 0)
                for i, seg in enumerate(segments, 1)]
    table = sorted(_symtab(image), key=lambda s: s.is_global)   # stable: locals first
    first_global = len(symbols) + sum(not s.is_global for s in table)
    for s in table:
        bind = STB_GLOBAL if s.is_global else STB_LOCAL
        symbols.append(SYM.pack(strtab.add(s.name), bind << 4 | STT[s.type], symbol_other(s.state),
                                section_of(s.address), s.address, s.size))
    cap_relocs = b"".join(
        CAP_RELOC.pack(r.location, r.target, r.base, r.length, r.perms, CAP_FUNCTION if r.is_function else 0)
        for r in image.cap_relocs)
    tables = [(".cap_relocs", SHT_PROGBITS, cap_relocs, 0, 0, 8, CAP_RELOC.size),
              (".symtab", SHT_SYMTAB, b"".join(symbols), index[".strtab"], first_global, 8, SYM.size),
              (".strtab", SHT_STRTAB, bytes(strtab.data), 0, 0, 1, 0),
              *([(COMPARTMENTS_SECTION, SHT_PROGBITS, json.dumps(image.compartments).encode(), 0, 0, 1, 0)]
                if image.compartments else []),
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
                                shoff, EF_UFOS_A64 if image.state == "a64" else 0, EHDR.size, PHDR.size, len(segments), SHDR.size, len(names),
                                index[".shstrtab"])
    out[EHDR.size:EHDR.size + len(phdrs)] = phdrs
    return bytes(out)


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
