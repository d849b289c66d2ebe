"""`ufos objdump FILE [--raw] [--base ADDR] [--color auto|always|never]`: look inside an object.

For an ELF executable (from `ufos cc` or `ufos ld`): its symbol table, the disassembly of its code
segment at the addresses it runs at, its capability table (a slot per line, with what it will point
at), its data segments, and its capability relocations with the bounds and permissions the loader
will give them. For an ELF object (from `ufos as`): its symbol table, the disassembly of .text in the style of GNU
objdump (`address: word  mnemonic operands`, a `<name>:` line at each label, and each relocation
under the instruction it patches), the contents of the data sections with their relocations,
and the capability relocation records. With --raw, FILE is a flat binary of instructions loaded
at --base. Addresses start at --base (default 0). Colour comes from the ufos-asm pygments lexer.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from ufos.machine.syntax import SymbolTable, disassemble_word
from ufos.abi import ET_EXEC, ElfError, read_executable
from ufos.toolchain.elf import SECTIONS, Object, Reloc
from ufos.toolchain.files import file_error


def painter(enabled: bool) -> Callable[[str], str]:
    """A function that colours one line of assembly text (or leaves it alone)."""
    if not enabled:
        return lambda text: text
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from ufos.toolchain.lexer import UfosAsmLexer
    lexer, formatter = UfosAsmLexer(), TerminalFormatter()
    return lambda text: highlight(text, lexer, formatter).rstrip("\n")


def reloc_target(r: Reloc) -> str:
    return r.symbol + (f"{r.addend:+#x}" if r.addend else "")


def code_listing(code: bytes, base: int, labels: dict[int, list[str]], relocs: dict[int, Reloc],
                 paint: Callable[[str], str], states: dict[int, str] | None = None,
                 symbols: SymbolTable | None = None) -> list[str]:
    """The disassembly of code at base. states: the ISA state of the code from each address on
    (a symbol's `.arch`), so A64 code reads as A64. symbols: what names the targets of label
    operands (default: the labels), so that an adrp to a global in data names the global."""
    symbols = symbols or SymbolTable({name: address for address, names in labels.items() for name in names})
    lines, state = [], "c64"
    for offset in range(0, len(code) - 3, 4):
        address, word = base + offset, int.from_bytes(code[offset:offset + 4], "little")
        state = (states or {}).get(address, state)
        text = disassemble_word(word, address, symbols, state)
        for name in labels.get(address, ()):
            lines += ["", f"{address:016x} <{name}>:"]
        lines.append(f"{address:8x}:\t{word:08x}\t{paint(text.replace(' ', chr(9), 1))}")
        if address - base in relocs:
            r = relocs[address - base]
            lines.append(f"\t\t\t{address:x}: R_UFOS_{r.type}\t{reloc_target(r)}")
    for offset in range(len(code) & ~3, len(code)):   # a tail shorter than a word
        lines.append(f"{base + offset:8x}:\t{code[offset]:02x}\t\t{paint(f'.byte 0x{code[offset]:02x}')}")
    return lines


def hex_dump(data: bytes, base: int) -> list[str]:
    lines = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        groups = " ".join(chunk[i:i + 4].hex() for i in range(0, 16, 4))
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f" {base + at:04x} {groups:<35}  {text}")
    return lines


def object_listing(obj: Object, filename: str, base: int, paint: Callable[[str], str]) -> list[str]:
    lines = [f"{filename}:     file format elf64-ufos", "", "SYMBOL TABLE:"]
    for s in sorted(obj.symbols.values(), key=lambda s: (s.section or "~", s.value, s.name)):
        flags = ("g" if s.is_global else "l") + {"func": " F", "object": " O"}.get(s.type, "  ")
        lines.append(f"{base + s.value if s.section else 0:016x} {flags:4} {s.section or '*UND*':8} "
                     f"{s.size or 0:016x} {s.name}")

    text_labels: dict[int, list[str]] = {}
    for s in sorted(obj.symbols.values(), key=lambda s: s.name):
        if s.section == ".text":
            text_labels.setdefault(base + s.value, []).append(s.name)
    text_relocs = {r.offset: r for r in obj.relocs if r.section == ".text"}
    states = {base + s.value: s.state for s in obj.symbols.values() if s.section == ".text"}
    lines += ["", "", "Disassembly of section .text:"]
    lines += code_listing(bytes(obj.sections[".text"].data), base, text_labels, text_relocs, paint, states)

    for name in SECTIONS[1:]:
        data = obj.sections[name].data
        if not data:
            continue
        if name == ".bss":
            lines += ["", f"Section .bss: {len(data)} bytes of zeros"]
            continue
        if name == ".captable":
            lines += ["", f"Section .captable: {len(data) // 16} capability slots (see CAPABILITY RELOCATIONS)"]
            continue
        lines += ["", f"Contents of section {name}:"] + hex_dump(bytes(data), base)
        relocs = [r for r in obj.relocs if r.section == name]
        if relocs:
            lines += ["", f"RELOCATION RECORDS FOR [{name}]:", f"{'OFFSET':16} {'TYPE':17} VALUE"]
            lines += [f"{r.offset:016x} {'R_UFOS_' + r.type:17} {reloc_target(r)}" for r in relocs]

    if obj.cap_records:
        lines += ["", "CAPABILITY RELOCATIONS:", f"{'LOCATION':16} TARGET"]
        for c in obj.cap_records:
            lines.append(f"{c.section}+0x{c.offset:x}".ljust(16) + " " + c.symbol + (f"{c.addend:+#x}" if c.addend else ""))
    return lines


def executable_listing(image, filename: str, paint: Callable[[str], str]) -> list[str]:
    lines = [f"{filename}:     file format elf64-ufos (executable)", "",
             f"entry point 0x{image.entry:x}", "", "SYMBOL TABLE:"]
    for s in sorted(image.symtab, key=lambda s: (s.address, s.name)):
        if s.name.startswith(".L"):          # the compiler's local labels
            continue
        flags = ("g" if s.is_global else "l") + {"func": " F", "object": " O"}.get(s.type, "  ")
        lines.append(f"{s.address:016x} {flags:4} {s.size:016x} {s.name}")
    names = SymbolTable({s.name: s.address for s in image.symtab if not s.name.startswith(".L")})
    for segment in image.segments:
        data = image.data[segment.start - image.base:segment.end - image.base]
        if "x" in segment.perms:
            labels: dict[int, list[str]] = {}
            for s in image.symtab:
                if segment.start <= s.address < segment.end and not s.name.startswith(".L"):
                    labels.setdefault(s.address, []).append(s.name)
            states = {s.address: s.state for s in image.symtab if segment.start <= s.address < segment.end}
            lines += ["", "", f"Disassembly of {segment.name}:"]
            lines += code_listing(data, segment.start, labels, {}, paint, states, names)
        elif segment.name == ".captable":
            lines += ["", f"Capability table {segment.name}:"] + captable_listing(image, segment)
        elif segment.name == ".bss":
            lines += ["", f"Section .bss: {segment.end - segment.start} bytes of zeros"]
        elif data:
            lines += ["", f"Contents of {segment.name}:"] + hex_dump(data, segment.start)
    if image.cap_relocs:
        from ufos.machine.cap import Capability
        from ufos.machine.isa import PERM_ALL
        lines += ["", "CAPABILITY RELOCATIONS (as the loader will make them):"]
        for r in image.cap_relocs:
            cap = Capability.root().set_address(r.base).set_bounds(r.length).clear_perms(PERM_ALL & ~r.perms)
            cap = cap.set_address(r.target)
            lines.append(f"{r.location:016x}  {cap.seal_entry() if r.is_function else cap!r}")
    return lines


def captable_listing(image, segment) -> list[str]:
    """A line per slot of the capability table: its address and the symbol it will point at."""
    names: dict[int, str] = {}
    for s in sorted(image.symtab, key=lambda s: s.name.startswith(".L")):   # a real name first
        names.setdefault(s.address, s.name)
    slots = [r for r in image.cap_relocs if segment.start <= r.location < segment.end]
    return [f" {r.location:016x}  {names.get(r.target & ~r.is_function, f'{r.target:#x}')}"
            + " (function)" * r.is_function
            for r in sorted(slots, key=lambda r: r.location)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos objdump", description="Disassemble an ELF object or a raw binary.")
    parser.add_argument("file")
    parser.add_argument("--raw", action="store_true", help="FILE is a flat binary of instructions")
    parser.add_argument("--base", type=lambda s: int(s, 0), default=0, help="the address of the first byte")
    parser.add_argument("--color", "--colour", choices=["auto", "always", "never"], default="auto")
    args = parser.parse_args(argv)
    paint = painter(args.color == "always" or (args.color == "auto" and sys.stdout.isatty()))
    try:
        data = Path(args.file).read_bytes()
        if args.raw:
            lines = [f"{args.file}:     raw binary", "", "Disassembly:"]
            lines += code_listing(data, args.base, {}, {}, paint)
        elif data[16:18] == ET_EXEC.to_bytes(2, "little"):
            lines = executable_listing(read_executable(data), args.file, paint)
        else:
            lines = object_listing(Object.from_elf(data), args.file, args.base, paint)
    except OSError as e:
        print(f"ufos objdump: {file_error(e)}", file=sys.stderr)
        return 1
    except ElfError as e:
        print(f"ufos objdump: {args.file}: {e}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0
