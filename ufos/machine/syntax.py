"""The assembly language of the machine, as its manual writes it: the operand syntax of every
instruction (parsed once from the templates of the one ISA table, isa.py) and the disassembler,
which turns an instruction word back into that text. The assembler (toolchain/asm.py) reads the
same templates the other way; the kernel disassembles the instruction that faulted when it
reports a fault, and `ufos objdump` whole programs.

THE DISASSEMBLER walks the parsed operand templates (TEMPLATES below), filling in the value
of each field (isa.field_value). Registers print as x5/c5/d5, register 31 as xzr, czr or csp as
the template says; immediates in decimal, or in hex from 4096 up; conditions, system registers and
sentry forms by name (as `#n` if the number has none). An optional part `{...}` is left out when
its fields are all 0, unless it holds a register. A label operand prints as its absolute target
in hex when the instruction's address (pc) is known, with `<symbol+offset>` when symbols are, and
as `.+offset` otherwise. A word whose opcode is not an instruction prints as `.word 0x...`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ufos.machine import isa

# ---------------------------------------------------------------------------------------------
# Operand templates (parsed once from isa.INSTRUCTIONS; the assembler and the disassembler walk them)
# ---------------------------------------------------------------------------------------------
REGISTERS = ({f"x{i}": ("x", i) for i in range(31)} | {"xzr": ("x", 31), "sp": ("x", 31)}
             | {f"c{i}": ("c", i) for i in range(31)} | {"czr": ("c", 31), "csp": ("c", 31)}
             | {"lr": ("c", 30), "fp": ("c", 29)} | {f"d{i}": ("d", i) for i in range(32)})
REGISTER_KINDS = {"x": "an integer register (x0..x30, xzr)", "c": "a capability register (c0..c30, czr)",
                  "d": "a floating-point register (d0..d31)"}
CONDITION_NUMBERS = ({name: i for i, name in enumerate(isa.CONDITIONS)}
                     | {alias: isa.CONDITIONS.index(c) for alias, c in isa.CONDITION_ALIASES.items()})
NAMED_FIELDS = {"cond": "a condition", "bcond": "a condition", "sysreg": "a system register",
                "form": "a sentry form"}


def named_values(field: str, kind: str | None) -> dict[str, int]:
    """The names a `cond`, `bcond`, `sysreg` or `form` operand may take. System registers must be
    of the kind (x or c) of the template's register."""
    if field == "sysreg":
        return {name: num for num, (name, k, *_rest) in isa.SYSREGS.items() if k == kind}
    if field == "form":
        return {name: num for num, name in isa.SEAL_FORMS.items()}
    return CONDITION_NUMBERS


@dataclass(frozen=True)
class Reg:                 # Xd Cn* Dm: a register in field `field`
    kind: str              # x, c or d
    field: str
    sp: bool = False       # `*`: register 31 is csp or sp (else czr or xzr)


@dataclass(frozen=True)
class Imm:                 # #f: an immediate in field f
    field: str


@dataclass(frozen=True)
class Label:               # @f: a PC-relative target in field f
    field: str


@dataclass(frozen=True)
class Named:               # cond, bcond, sysreg, form: a name, or #number
    field: str
    names: dict


@dataclass(frozen=True)
class Word:                # punctuation or keyword written as is: , [ ] lsl
    text: str


@dataclass(frozen=True)
class Opt:                 # {...}: may be left out, and then its fields are 0
    items: tuple


TEMPLATE_TOKEN = re.compile(r"[{}\[\],]|[#@]?\w+\*?")
# A template's `B` register is the state's base kind, `A` the other kind (isa.py, "Operands whose
# kind depends on the state").
STATE_KINDS = {"c64": {"B": "C", "A": "X"}, "a64": {"B": "X", "A": "C"}}


def parse_template(text: str, state: str = "c64") -> tuple:
    """The items of an operand template, as written in `state` (c64 or a64)."""
    text = re.sub(r"\b([BA])(?=[a-z])", lambda m: STATE_KINDS[state][m.group(1)], text)
    kind = re.search(r"\b([XCD])[a-z]", text)
    kind = kind.group(1).lower() if kind else None
    stack = [[]]
    for tok in TEMPLATE_TOKEN.findall(text):
        if tok == "{":
            stack.append([])
            continue
        if tok == "}":
            item = Opt(tuple(stack.pop()))
        elif tok[0] == "#":
            item = Imm(tok[1:])
        elif tok[0] == "@":
            item = Label(tok[1:])
        elif re.fullmatch(r"[XCD][a-z]\*?", tok):
            item = Reg(tok[0].lower(), tok[1], tok.endswith("*"))
        elif tok in NAMED_FIELDS:
            item = Named(tok, named_values(tok, kind))
        else:
            item = Word(tok)
        stack[-1].append(item)
    return tuple(stack[0])


def flatten(items: tuple) -> list[tuple]:
    """Every way to write a template: each optional part put in, or left out."""
    forms = [()]
    for item in items:
        if isinstance(item, Opt):
            forms = [f + inner for f in forms for inner in flatten(item.items)] + forms
        else:
            forms = [f + (item,) for f in forms]
    return forms


def template_fields(items: tuple) -> list[str]:
    """The fields a template writes, in order."""
    out = []
    for item in items:
        if isinstance(item, Opt):
            out += template_fields(item.items)
        elif not isinstance(item, Word):
            out.append(item.field)
    return out


# state -> instruction key -> its parsed template, for the instructions that exist in that state
TEMPLATES = {state: {insn.key: parse_template(insn.operands, state) for insn in isa.INSTRUCTIONS
                     if state in insn.states}
             for state in isa.STATES}


# Fixed expansions that the disassembler prints as their alias, by state: "ret c30" -> "ret".
SHORTHANDS = {"c64": {"ret c30": "ret"}, "a64": {"ret x30": "ret"}}


# ---------------------------------------------------------------------------------------------
# The disassembler
# ---------------------------------------------------------------------------------------------
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
    for name in template_fields(parse_template(insn.operands)):
        lo, width, _signed, _scale = isa.FIELDS[name]
        mask |= ((1 << width) - 1) << lo
    return mask


def number(value: int) -> str:
    return str(value) if abs(value) < 4096 else f"{'-' if value < 0 else ''}0x{abs(value):x}"


def register_name(item: Reg, num: int) -> str:
    if num == 31 and item.kind == "x":
        return "sp" if item.sp else "xzr"
    if num == 31 and item.kind == "c":
        return "csp" if item.sp else "czr"
    return f"{item.kind}{num}"


PAGE_FIELDS = {"page19"}             # label fields counted in pages from the page of pc (adrp)


def label(field: str, offset: int, pc: int | None, symbols: SymbolTable | None) -> str:
    if pc is None:
        return f".{'-' if offset < 0 else '+'}{number(abs(offset))}"
    origin = pc & -isa.PAGE_SIZE if field in PAGE_FIELDS else pc
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
    return label(item.field, value, pc, symbols)


def disassemble_word(word: int, pc: int | None = None, symbols: dict[str, int] | SymbolTable | None = None,
                     state: str = "c64") -> str:
    """The canonical text of one instruction word (at address pc, if known) in `state`."""
    insn = isa.BY_OPCODE.get(word >> 24)
    if insn is None or state not in insn.states:
        return f".word 0x{word:08x}"
    if isinstance(symbols, dict):
        symbols = SymbolTable(symbols)
    operands = "".join(render(item, word, pc, symbols) for item in TEMPLATES[state][insn.key])
    if insn.mnemonic.endswith("."):   # b.ne: the first operand is glued to the mnemonic
        first, _, rest = operands.partition(", ")
        text = f"{insn.mnemonic}{first} {rest}"
    else:
        text = f"{insn.mnemonic} {operands}".rstrip()
    return SHORTHANDS[state].get(text, text)


def disassemble(code: bytes, pc: int = 0, symbols: dict[str, int] | SymbolTable | None = None,
                state: str = "c64") -> list[tuple[int, int, str]]:
    """(address, word, text) for each whole word of `code`, which starts at address pc."""
    if isinstance(symbols, dict):
        symbols = SymbolTable(symbols)
    out = []
    for offset in range(0, len(code) - 3, 4):
        word = int.from_bytes(code[offset:offset + 4], "little")
        out.append((pc + offset, word, disassemble_word(word, pc + offset, symbols, state)))
    return out
