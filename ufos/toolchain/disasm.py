"""The disassembler: an instruction word back to the text the assembler reads.

It walks the same parsed operand templates as the assembler (asm.TEMPLATES), filling in the value
of each field (isa.field_value). Registers print as x5/c5/d5, register 31 as xzr, czr or csp as
the template says; immediates in decimal, or in hex from 4096 up; conditions, system registers and
sentry forms by name (as `#n` if the number has none). An optional part `{...}` is left out when
its fields are all 0, unless it holds a register. A label operand prints as its absolute target
in hex when the instruction's address (pc) is known, with `<symbol+offset>` when symbols are, and
as `.+offset` otherwise. A word whose opcode is not an instruction prints as `.word 0x...`.
"""
from __future__ import annotations

from bisect import bisect_right

from ufos.machine import isa
from ufos.toolchain.asm import SHORTHANDS, TEMPLATES, Imm, Label, Named, Opt, Reg, Word, template_fields
from ufos.toolchain.elf import PC_RELOC_FOR_FIELD, RELOC_TYPES


class SymbolTable:
    """Names for addresses: `describe(0x10010)` is 'main+0x10' if main is at 0x10000."""

    def __init__(self, symbols: dict[str, int]):
        # at one address, prefer names that do not start with '.' (local labels such as .L1)
        self.entries = sorted((address, not name.startswith("."), name) for name, address in symbols.items())
        self.addresses = [e[0] for e in self.entries]

    def describe(self, address: int) -> str | None:
        i = bisect_right(self.addresses, address) - 1
        if i < 0:
            return None
        start, _, name = self.entries[i]
        return name if start == address else f"{name}+0x{address - start:x}"


def used_mask(insn: isa.Insn) -> int:
    """The bits of an instruction word that mean something for `insn`: opcode and fields."""
    mask = 0xFF << 24
    for name in template_fields(TEMPLATES[insn.key]):
        lo, width, _signed, _scale = isa.FIELDS[name]
        mask |= ((1 << width) - 1) << lo
    return mask


def number(value: int) -> str:
    return str(value) if abs(value) < 4096 else f"{'-' if value < 0 else ''}0x{abs(value):x}"


def register_name(item: Reg, num: int) -> str:
    if num == 31 and item.kind == "x":
        return "xzr"
    if num == 31 and item.kind == "c":
        return "csp" if item.sp else "czr"
    return f"{item.kind}{num}"


_PAGE_FIELDS = {r.field for r in RELOC_TYPES if r.formula.startswith("page")}


def label(field: str, offset: int, pc: int | None, symbols: SymbolTable | None) -> str:
    if pc is None:
        return f".{'-' if offset < 0 else '+'}{number(abs(offset))}"
    origin = pc & -isa.PAGE_SIZE if field in _PAGE_FIELDS else pc
    target = (origin + offset) & ((1 << 64) - 1)
    name = symbols.describe(target) if symbols else None
    return f"0x{target:x}" + (f" <{name}>" if name else "")


def render(item, word: int, pc: int | None, symbols: SymbolTable | None) -> str:
    if isinstance(item, Word):
        return ", " if item.text == "," else item.text + " " if item.text.isalpha() else item.text
    if isinstance(item, Opt):
        shown = any(isinstance(i, Reg) for i in item.items) or \
            any(isa.field_value(f, word) for f in template_fields(item.items))
        return "".join(render(i, word, pc, symbols) for i in item.items) if shown else ""
    value = isa.field_value(item.field, word)
    if isinstance(item, Reg):
        return register_name(item, value)
    if isinstance(item, Imm):
        return "#" + number(value)
    if isinstance(item, Named):
        return next((name for name, num in item.names.items() if num == value), f"#{value}")
    assert isinstance(item, Label) and item.field in PC_RELOC_FOR_FIELD
    return label(item.field, value, pc, symbols)


def disassemble_word(word: int, pc: int | None = None, symbols: dict[str, int] | SymbolTable | None = None) -> str:
    """The canonical text of one instruction word (at address pc, if known)."""
    insn = isa.BY_OPCODE.get(word >> 24)
    if insn is None:
        return f".word 0x{word:08x}"
    if isinstance(symbols, dict):
        symbols = SymbolTable(symbols)
    operands = "".join(render(item, word, pc, symbols) for item in TEMPLATES[insn.key])
    if insn.mnemonic.endswith("."):   # b.ne: the first operand is glued to the mnemonic
        first, _, rest = operands.partition(", ")
        text = f"{insn.mnemonic}{first} {rest}"
    else:
        text = f"{insn.mnemonic} {operands}".rstrip()
    return SHORTHANDS.get(text, text)


def disassemble(code: bytes, pc: int = 0, symbols: dict[str, int] | SymbolTable | None = None) -> list[tuple[int, int, str]]:
    """(address, word, text) for each whole word of `code`, which starts at address pc."""
    if isinstance(symbols, dict):
        symbols = SymbolTable(symbols)
    out = []
    for offset in range(0, len(code) - 3, 4):
        word = int.from_bytes(code[offset:offset + 4], "little")
        out.append((pc + offset, word, disassemble_word(word, pc + offset, symbols)))
    return out
