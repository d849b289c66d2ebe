r"""The ufos assembler: `ufos as FILE.s [-o FILE.o]` turns assembly text into an ELF object.

THE LANGUAGE
  One statement per line: `[label:]... [mnemonic operands | .directive arguments]`. Comments run
  from `//` or `;` to the end of the line, or between `/*` and `*/`. Mnemonics, registers and the
  names of conditions and system registers may be written in any case; symbols are case-sensitive.

  An instruction is written as its operand template in ufos/machine/isa.py says:
      add x0, x1, x2      add x0, x1, #4      add csp, csp, #-32     b.ne loop
      ldr c0, [csp, #16]  ldr x1, [c2, x3, lsl #3]                   mrs x0, icount
  The operands' shapes choose between the templates of one mnemonic. Registers: x0..x30 and xzr;
  c0..c30 and czr, or csp where the template says `Cn*`; lr (c30) and fp (c29); d0..d31.
  Code is assembled for one of the machine's two states (isa.STATES), chosen by `.arch c64` (the
  default) or `.arch a64`: in A64, the base of a load or store is an integer register
  (`ldr x0, [x1, #8]`, `str x0, [sp]`), a capability base selects the alternate-base form
  (`ldr x0, [c1]`), and `ret` is `ret x30`.
  Immediates are `#` and an expression: numbers (42, -8, 0x2a, 0b101, 'a', '\n'), .equ names,
  + - * / % << >> & | ^ ~ and parentheses. `#:lo12:sym` is the low 12 bits of sym's address, for
  the add or ldr/str after `adrp cN, sym`. Conditions, system registers and sentry forms are
  names (eq, ctpidr, rb) or `#number`. Label operands (`@f` in a template): `loop`, `msg+8`, `.-4`.

  Aliases (ALIASES below): mov, cmp, tst, neg, mvn, sub with an immediate, and ret for ret c30.

  Directives:
      .text .rodata .data .bss   switch section; `.section NAME` also takes NAME.anything
      .captable                  the capability table: only `.capability` slots (and their labels)
      .global/.globl NAME, ...   export these labels (or import them if not defined here)
      .extern NAME, ...          import symbols defined in another object
      .byte .hword .word .quad   1, 2, 4, 8-byte values; .word and .quad may be addresses
      .ascii .asciz .string      strings ("\n \t \\ \" \0 \x41"); .asciz and .string add a NUL
      .zero N / .space N[, F]    N bytes of zero (or F)
      .align N / .balign N       pad with zeros to a multiple of 2**N / of N bytes
      .equ NAME, expr / .set     a constant
      .size NAME, expr           NAME's size in bytes, e.g. `.size f, .-f`
      .type NAME, %function|%object
      .arch c64|a64              the state the following code runs in; labels record it
      .capability SYM[+-addend]  a 16-byte, 16-aligned slot that the loader fills with a tagged
                                 capability to SYM+addend, bounded to SYM (its .size, else its
                                 whole section); a sentry if SYM is code. A label just
                                 before it names the slot, after the padding. Code reaches
                                 SYM through a slot in .captable (docs/abi.md); slots in data
                                 are pointers stored in that data.
  A symbol used but not defined in the file must be declared with .global or .extern.

THE PIPELINE
  Pass 1 reads the lines in order: lex a line into tokens, take its labels, then run a directive,
  or match an instruction against the templates of its mnemonic (aliases first, expanding them) and
  reserve its 4 bytes. After pass 1 every label has a section and an offset. Pass 2 does the work
  pass 1 left for later: evaluate expressions, encode operands into their fields (isa.FIELDS), and
  resolve references within a section, leaving relocations (elf.py) for the linker to do the rest.
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ufos.machine import isa
from ufos.machine.syntax import (NAMED_FIELDS, REGISTER_KINDS, REGISTERS, SHORTHANDS, TEMPLATES, Label, Named, Reg,
                                 Word, flatten, parse_template)
from ufos.toolchain.elf import (PC_RELOC_FOR_FIELD, RELOC, SECTIONS, CapRecord, FieldError, Object,
                                Reloc, RelocType, Symbol, apply_reloc, insert_field, put_int)
from ufos.toolchain.files import file_error, read_source
from ufos.toolchain.link import Image, link


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    filename: str
    number: int
    text: str


class AsmError(Exception):
    """An error in the source: `file:line:col: error: message`, the line, a caret under the column."""

    def __init__(self, line: Line, col: int, message: str, note: str = ""):
        caret = "".join(c if c == "\t" else " " for c in line.text[:col]) + "^"
        text = f"{line.filename}:{line.number}:{col + 1}: error: {message}\n{line.text}\n{caret}"
        super().__init__(text + (f"\nnote: {note}" if note else ""))


# ---------------------------------------------------------------------------------------------
# Lexing
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Token:
    kind: str      # num char str ident mod hole punct
    text: str
    col: int       # where it starts in line.text, from 0
    line: Line


def error_at(tok: Token, message: str, note: str = "") -> AsmError:
    return AsmError(tok.line, tok.col, message, note)


TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<str>"(?:\\.|[^"\\])*")
  | (?P<char>'(?:\\x[0-9a-fA-F]{1,2}|\\.|[^'\\])')
  | (?P<num>\d\w*)
  | (?P<mod>:[A-Za-z]\w*:)                   # :lo12:
  | (?P<ident>[A-Za-z_.][\w.]*)
  | (?P<hole>\$\w+)                          # an operand, in an alias's expansion
  | (?P<punct><<|>>|[-+*/%&|^~()\[\],#:@])
""", re.X)
COMMENT = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])+'|/\*.*?\*/|//[^\n]*|;[^\n]*""", re.S)
ESCAPE = re.compile(rb"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)", re.S)
SIMPLE_ESCAPES = {b"n": 10, b"t": 9, b"r": 13, b"a": 7, b"b": 8, b"f": 12, b"v": 11, b"e": 27,
                  b"\\": 92, b'"': 34, b"'": 39}


def strip_comments(text: str) -> str:
    """`text` with every comment blanked out, keeping newlines (so lines and columns stay put)."""
    def blank(m):
        return m.group() if m.group()[0] in "\"'" else re.sub(r"[^\n]", " ", m.group())
    return COMMENT.sub(blank, text)


def lex(text: str, line: Line) -> list[Token]:
    tokens, pos = [], 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise AsmError(line, pos, f"unexpected character {text[pos]!r}")
        if m.lastgroup != "space":
            tokens.append(Token(m.lastgroup, m.group(), pos, line))
        pos = m.end()
    return tokens


def unescape(tok: Token) -> bytes:
    """The bytes of a string or character literal (UTF-8, with C escapes)."""
    def one(m):
        e = m.group(1)
        if e[:1] == b"x":
            return bytes([int(e[1:], 16)])
        if e[:1].isdigit():
            return bytes([int(e, 8) & 0xFF])
        if e in SIMPLE_ESCAPES:
            return bytes([SIMPLE_ESCAPES[e]])
        raise error_at(tok, f"unknown escape '\\{e.decode()}'")
    return ESCAPE.sub(one, tok.text[1:-1].encode())


def number(tok: Token) -> int:
    text = tok.text.lower()
    try:
        return int(text, 0) if text[:2] in ("0x", "0b", "0o") else int(text, 10)
    except ValueError:
        raise error_at(tok, f"bad number '{tok.text}'") from None


# ---------------------------------------------------------------------------------------------
# Aliases: (mnemonic, operands as a template, expansion). In an expansion, $f stands for the
# source text of operand f; a function expansion returns several lines.
# ---------------------------------------------------------------------------------------------
def mov_immediate(asm: Assembler, operands: dict, place: Place) -> list[str]:
    """`mov xd, #imm`, any 64-bit value: the shortest movz (or movn) and movk sequence."""
    tok = operands["imm"].tokens[0]
    value = asm.constant(operands["imm"].tokens, place)
    if not -(1 << 63) <= value < (1 << 64):
        raise error_at(tok, f"{value} does not fit in 64 bits")
    chunks = [(value >> shift) & 0xFFFF for shift in (0, 16, 32, 48)]

    def sequence(first: str, background: int) -> list[str]:
        # movz starts from all zeros, movn from all ones; movk sets each chunk that differs
        differ = [i for i, c in enumerate(chunks) if c != background] or [0]
        return ([f"{first} $d, #{chunks[differ[0]] ^ background:#x}, lsl #{16 * differ[0]}"]
                + [f"movk $d, #{chunks[i]:#x}, lsl #{16 * i}" for i in differ[1:]])
    return min(sequence("movz", 0), sequence("movn", 0xFFFF), key=len)


ALIASES: list[tuple[str, str, str | Callable, tuple]] = [(*alias, isa.STATES) for alias in [
    ("mov", "Xd, Xn",         "orr $d, xzr, $n"),
    ("mov", "Cd*, Cn*",       "cpy $d, $n"),
    ("mov", "Xd, #imm",       mov_immediate),
    ("cmp", "Xn, Xm",         "subs xzr, $n, $m"),
    ("cmp", "Xn, #imm",       "subs xzr, $n, #$imm"),
    ("tst", "Xn, Xm",         "ands xzr, $n, $m"),
    ("tst", "Xn, #imm",       "ands xzr, $n, #$imm"),
    ("neg", "Xd, Xn",         "sub $d, xzr, $n"),
    ("mvn", "Xd, Xn",         "eor $d, $n, #-1"),
    ("sub", "Xd, Xn, #imm",   "add $d, $n, #-($imm)"),
    ("sub", "Cd*, Cn*, #imm", "add $d, $n, #-($imm)"),
]] + [(mnemonic, "", expansion, (state,))                      # ret = ret c30 (C64), ret x30 (A64)
      for state, table in SHORTHANDS.items() for expansion, mnemonic in table.items()]


@dataclass(frozen=True)
class Form:
    """One way to write a mnemonic's operands: an instruction, or an alias and its expansion."""
    mnemonic: str
    operands: str
    flat: list                       # flatten(parse_template(operands))
    insn: isa.Insn | None = None
    expansion: str | Callable | None = None

    def __str__(self):
        if self.mnemonic.endswith("."):                 # b. bcond, @off20 -> b.bcond @off20
            return self.mnemonic + self.operands.replace(", ", " ", 1)
        return f"{self.mnemonic} {self.operands}".strip()


def _all_forms(state: str) -> dict[str, list[Form]]:
    forms: dict[str, list[Form]] = {}
    for mnemonic, operands, expansion, states in ALIASES:
        if state in states:
            flat = flatten(parse_template(operands, state))
            forms.setdefault(mnemonic, []).append(Form(mnemonic, operands, flat, expansion=expansion))
    for insn in isa.INSTRUCTIONS:
        if state in insn.states:
            flat = flatten(TEMPLATES[state][insn.key])
            forms.setdefault(insn.mnemonic, []).append(Form(insn.mnemonic, insn.operands, flat, insn=insn))
    return forms


FORMS = {state: _all_forms(state) for state in isa.STATES}   # state -> mnemonic -> its forms, aliases first
# Mnemonics ending in "." take their first operand glued on: b.ne is "b." with operand "ne".
GLUED = [m for m in FORMS["c64"] if m.endswith(".")]


# ---------------------------------------------------------------------------------------------
# Matching a line's operands against a form
# ---------------------------------------------------------------------------------------------
@dataclass
class Operand:
    item: object               # the template item it matched
    tokens: list[Token]        # a register, a name, or an expression (what follows `#`)
    value: int | None = None   # the number of a register or a name


class Mismatch(Exception):
    """Operands that do not fit a form. A line is tried against several forms, so the message
    (`expected`) is only made, from `describe`, for the mismatch that gets reported."""

    def __init__(self, index: int, describe):
        super().__init__()
        self.index, self.describe = index, describe

    @property
    def expected(self) -> str:
        return self.describe() if callable(self.describe) else self.describe


def match_register(item: Reg, tok: Token | None, i: int) -> int:
    name = tok.text.lower() if tok else ""
    kind, num = REGISTERS.get(name, (None, None))
    sp, zero = ("csp", "czr") if item.kind == "c" else ("sp", "xzr")
    if kind != item.kind:
        raise Mismatch(i, lambda: f"expected {REGISTER_KINDS[item.kind]}" + (f" or {sp}" if item.sp else ""))
    if name == sp and not item.sp:
        raise Mismatch(i, f"{sp} is not allowed here (register 31 is {zero} in this operand)")
    if name == zero and item.sp:
        raise Mismatch(i, f"{zero} is not allowed here (register 31 is {sp} in this operand)")
    return num


def expression_end(toks: list[Token], i: int, stop: str | None) -> int:
    """Where the expression starting at toks[i] ends: at a ',' or `stop` outside parentheses."""
    depth = 0
    for j in range(i, len(toks)):
        if depth == 0 and toks[j].text in (",", stop):
            return j
        depth += (toks[j].text == "(") - (toks[j].text == ")")
    return len(toks)


def match(flat: tuple, toks: list[Token]) -> dict[str, Operand]:
    """The operands of `toks`, if they have the shape of the flat template; else Mismatch."""
    operands, i = {}, 0
    for k, item in enumerate(flat):
        tok = toks[i] if i < len(toks) else None
        if isinstance(item, Word):
            if tok is None or tok.text.lower() != item.text:
                raise Mismatch(i, lambda: f"expected '{item.text}'")
            i += 1
        elif isinstance(item, Reg):
            operands[item.field] = Operand(item, [tok], match_register(item, tok, i))
            i += 1
        elif isinstance(item, Named) and tok is not None and tok.text.lower() in item.names:
            operands[item.field] = Operand(item, [tok], item.names[tok.text.lower()])
            i += 1
        else:   # an expression; immediates and numbered names start with '#'
            if not isinstance(item, Label):
                if tok is None or tok.text != "#":
                    raise Mismatch(i, lambda: f"expected {NAMED_FIELDS[item.field]} ({', '.join(item.names)})"
                                   if isinstance(item, Named) else "expected '#' and an immediate")
                i += 1
            nxt = flat[k + 1] if k + 1 < len(flat) else None
            end = expression_end(toks, i, nxt.text if isinstance(nxt, Word) else None)
            if end == i:
                raise Mismatch(i, "expected a label" if isinstance(item, Label) else "expected a value")
            operands[item.field] = Operand(item, toks[i:end])
            i = end
    if i < len(toks):
        raise Mismatch(i, "expected the end of the line")
    return operands


# ---------------------------------------------------------------------------------------------
# Values of expressions
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    section: str
    offset: int


@dataclass(frozen=True)
class Value:
    addend: int
    symbol: str | None = None   # None: a plain number; else the address of symbol (or section) + addend


def _div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


UNARY = {"-": lambda a: -a, "+": lambda a: a, "~": lambda a: ~a}
BINARY = {"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}
ARITHMETIC = {"|": lambda a, b: a | b, "^": lambda a, b: a ^ b, "&": lambda a, b: a & b,
              "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b, "*": lambda a, b: a * b,
              "/": _div, "%": lambda a, b: a - b * _div(a, b)}

DATA_SIZES = {".byte": 1, ".hword": 2, ".word": 4, ".quad": 8}
DATA_RELOCS = {4: RELOC["ABS32"], 8: RELOC["ABS64"]}
MODIFIERS = {":lo12:": RELOC["LO12"]}
SYMBOL_TYPES = {"function": "func", "object": "object", "notype": "notype"}
DIRECTIVES = {   # directive -> the method (d_...) that runs it
    ".text": "section", ".captable": "section", ".rodata": "section", ".data": "section", ".bss": "section",
    ".section": "section",
    ".global": "global", ".globl": "global", ".extern": "global",
    ".byte": "data", ".hword": "data", ".word": "data", ".quad": "data",
    ".ascii": "string", ".asciz": "string", ".string": "string",
    ".zero": "zero", ".space": "zero", ".align": "align", ".balign": "align",
    ".equ": "equ", ".set": "equ", ".size": "size", ".type": "type", ".capability": "capability",
    ".arch": "arch",
}


# ---------------------------------------------------------------------------------------------
# The assembler
# ---------------------------------------------------------------------------------------------
class Assembler:
    def __init__(self, filename: str):
        self.filename = filename
        self.obj = Object()
        self.sections = self.obj.sections
        self.section = ".text"
        self.labels: dict[str, Place] = {}
        self.equs: dict[str, tuple[list[Token], Place]] = {}
        self.imports: dict[str, Token] = {}      # .global and .extern names
        self.exports: set[str] = set()           # .global names
        self.sizes: dict[str, int] = {}
        self.types: dict[str, tuple[str, Token]] = {}
        self.later: list[Callable[[], None]] = []
        self.pass2 = False
        self.evaluating: set[str] = set()
        self.state = "c64"                       # .arch: the ISA state of the code that follows
        self.label_states: dict[str, str] = {}

    def run(self, text: str) -> Object:
        for lineno, (raw, clean) in enumerate(zip(text.split("\n"), strip_comments(text).split("\n")), 1):
            line = Line(self.filename, lineno, raw.rstrip("\r"))
            self.statement(lex(clean, line))
        self.pass2 = True
        for work in self.later:
            work()
        return self.finish()

    def statement(self, toks: list[Token]) -> None:
        while len(toks) >= 2 and toks[0].kind == "ident" and toks[1].text == ":":
            self.define_label(toks[0])
            toks = toks[2:]
        if not toks:
            return
        head, rest = toks[0], toks[1:]
        if head.kind != "ident":
            raise error_at(head, "expected a label, a directive or an instruction")
        if head.text.startswith("."):
            if head.text.lower() not in DIRECTIVES:
                raise error_at(head, f"unknown directive '{head.text}'")
            getattr(self, "d_" + DIRECTIVES[head.text.lower()])(head, self.arguments(rest))
        else:
            self.instruction(head, rest)

    # --- layout ---------------------------------------------------------------------------
    def here(self) -> Place:
        return Place(self.section, len(self.sections[self.section].data))

    def put(self, data: bytes) -> None:
        self.sections[self.section].data += data

    def align_to(self, alignment: int) -> None:
        section = self.sections[self.section]
        section.align = max(section.align, alignment)
        self.put(bytes(-len(section.data) % alignment))

    def require_contents(self, tok: Token, zeros: bool = False) -> None:
        """Refuse what `tok` puts here if the section cannot hold it: .bss holds only zeros, and
        .captable only capability slots (so that the linker can share a slot between objects)."""
        if self.section == ".captable" and tok.text.lower() != ".capability":
            raise error_at(tok, f"'{tok.text}' in .captable, which holds only .capability slots")
        if self.section == ".bss" and not zeros:
            raise error_at(tok, f"'{tok.text}' in .bss, which holds only zeros (use .zero or .space)")

    def define_label(self, tok: Token) -> None:
        name = tok.text
        if name in SECTIONS or name == ".":
            raise error_at(tok, f"'{name}' is a section name, not a label")
        if name in self.labels or name in self.equs:
            raise error_at(tok, f"'{name}' is already defined")
        self.labels[name] = self.here()
        self.label_states[name] = self.state

    # --- instructions -----------------------------------------------------------------------
    def instruction(self, head: Token, toks: list[Token]) -> None:
        form, operands = self.select(head, toks)
        if form.insn:
            self.require_contents(head)
            place = self.here()
            if place.offset % 4:
                raise error_at(head, "instruction not at a multiple of 4 bytes (add `.align 2` before it)")
            if self.obj.state is None and place.section == ".text":
                self.obj.state = self.state
            self.put(bytes(4))
            self.later.append(lambda: self.encode(form.insn, operands, place))
            return
        expansion = form.expansion
        for text in (expansion(self, operands, self.here()) if callable(expansion) else [expansion]):
            toks = []   # $f becomes operand f's tokens; the other words point at the alias in errors
            for tok in lex(text, head.line):
                if tok.kind == "hole":
                    toks += operands[tok.text[1:]].tokens
                else:
                    toks.append(dataclasses.replace(tok, col=head.col))
            self.instruction(toks[0], toks[1:])

    def select(self, head: Token, toks: list[Token]) -> tuple[Form, dict[str, Operand]]:
        """The first form of the mnemonic that the operands match, or the error of the one that
        matched the most of them."""
        mnemonic = head.text.lower()
        forms = FORMS[self.state]
        glued = next((g for g in GLUED if mnemonic.startswith(g) and mnemonic != g), None)
        if mnemonic not in forms and glued:
            first = Token("ident", head.text[len(glued):], head.col + len(glued), head.line)
            mnemonic, toks = glued, [first, dataclasses.replace(first, kind="punct", text=","), *toks]
        if mnemonic not in forms:
            near = difflib.get_close_matches(mnemonic, forms, n=3, cutoff=0.5)
            note = "nearest: " + " | ".join(str(f) for m in near for f in forms[m]) if near else ""
            raise error_at(head, f"unknown instruction '{head.text}'", note)
        best = None
        for form in forms[mnemonic]:
            for flat in form.flat:
                try:
                    return form, match(flat, toks)
                except Mismatch as m:
                    if best is None or m.index > best.index:
                        best = m
        tok = toks[best.index] if best.index < len(toks) else None
        message = best.expected
        if message.startswith("expected"):
            message += f", found '{tok.text}'" if tok else ", found the end of the line"
        if tok is None:   # point just after the last operand
            last = toks[-1] if toks else head
            tok = dataclasses.replace(last, col=last.col + len(last.text))
        other = next(s for s in isa.STATES if s != self.state)
        if any(form_matches(f, toks) for f in FORMS[other].get(mnemonic, ())):
            message = f"'{mnemonic}' with these operands is {other.upper()} code (write `.arch {other}` first)"
        raise error_at(tok, message, f"{mnemonic} is written in {self.state.upper()}: "
                       + " | ".join(str(f) for f in forms[mnemonic]))

    def encode(self, insn: isa.Insn, operands: dict[str, Operand], place: Place) -> None:
        """Pass 2: write the instruction word, then resolve (or relocate) its label operands."""
        word, fixups = insn.opcode << 24, []
        for name, op in operands.items():
            first = op.tokens[0]
            if isinstance(op.item, Label):
                fixups.append((PC_RELOC_FOR_FIELD[name], op.tokens, "target"))
            elif first.kind == "mod":
                rtype = MODIFIERS.get(first.text.lower())
                if rtype is None or rtype.field != name:
                    raise error_at(first, f"'{first.text}' cannot be used here")
                if len(op.tokens) == 1:
                    raise error_at(first, f"expected a symbol after '{first.text}'")
                fixups.append((rtype, op.tokens[1:], "value"))
            else:
                value = op.value if op.value is not None else self.constant(op.tokens, place)
                word = self.checked(first, "immediate", insert_field, word, name, value)
        self.sections[place.section].data[place.offset:place.offset + 4] = word.to_bytes(4, "little")
        for rtype, tokens, what in fixups:
            self.fixup(rtype, tokens, place, what)

    def fixup(self, rtype: RelocType, tokens: list[Token], place: Place, what: str) -> None:
        """Patch the value of `tokens` in at `place` if it is known now, else leave a relocation."""
        value = self.evaluate(tokens, place)
        target = self.locate(value.symbol) if value.symbol else None
        data = self.sections[place.section].data
        if value.symbol is None and rtype.pc_relative:
            raise error_at(tokens[0], "expected a label, not a number")
        if value.symbol is None:
            self.checked(tokens[0], what, apply_reloc, data, place.offset, rtype, value.addend, 0)
        elif rtype.fixed_within_section and target and target.section == place.section:
            self.checked(tokens[0], what, apply_reloc, data, place.offset, rtype,
                         target.offset + value.addend, place.offset)
        else:
            self.obj.relocs.append(Reloc(place.section, place.offset, rtype.name, value.symbol, value.addend))

    @staticmethod
    def checked(tok: Token, what: str, fn, *args):
        try:
            return fn(*args)
        except FieldError as e:
            raise error_at(tok, f"{what} {e}") from None

    # --- expressions --------------------------------------------------------------------------
    def locate(self, name: str) -> Place | None:
        return Place(name, 0) if name in self.sections else self.labels.get(name)

    def constant(self, tokens: list[Token], place: Place) -> int:
        value = self.evaluate(tokens, place)
        if value.symbol is not None:
            if not self.pass2 and not self.locate(value.symbol):
                raise error_at(tokens[0], f"'{value.symbol}' must be defined before this line")
            raise error_at(tokens[0], f"expected a number, not an address (of '{value.symbol}')")
        return value.addend

    def evaluate(self, tokens: list[Token], place: Place) -> Value:
        pos = 0

        def primary() -> Value:
            nonlocal pos
            tok = tokens[pos] if pos < len(tokens) else None
            pos += 1
            if tok is None:
                raise error_at(tokens[-1], "expression ends too early")
            if tok.text in UNARY:
                operand = primary()
                if operand.symbol:
                    raise error_at(tok, f"'{tok.text}' needs a number, not an address")
                return Value(UNARY[tok.text](operand.addend))
            if tok.text == "(":
                value = binary(1)
                if pos >= len(tokens) or tokens[pos].text != ")":
                    raise error_at(tokens[min(pos, len(tokens) - 1)], "expected ')'")
                pos += 1
                return value
            if tok.kind == "num":
                return Value(number(tok))
            if tok.kind == "char":
                data = unescape(tok)
                if len(data) != 1:
                    raise error_at(tok, "a character literal is one byte")
                return Value(data[0])
            if tok.kind == "ident":
                return self.symbol(tok, place)
            raise error_at(tok, f"expected a value, found '{tok.text}'")

        def binary(level: int) -> Value:
            nonlocal pos
            left = primary()
            while pos < len(tokens) and BINARY.get(tokens[pos].text, 0) >= level:
                op = tokens[pos]
                pos += 1
                left = self.combine(op, left, binary(BINARY[op.text] + 1))
            return left

        value = binary(1)
        if pos < len(tokens):
            raise error_at(tokens[pos], f"unexpected '{tokens[pos].text}' in expression")
        return value

    def symbol(self, tok: Token, place: Place) -> Value:
        name = tok.text
        if name == ".":
            return Value(place.offset, place.section)
        if name in self.equs:
            if name in self.evaluating:
                raise error_at(tok, f"'{name}' is defined in terms of itself")
            self.evaluating.add(name)
            try:
                return self.evaluate(*self.equs[name])
            finally:
                self.evaluating.discard(name)
        if self.pass2 and not self.locate(name) and name not in self.imports:
            raise error_at(tok, f"undefined symbol '{name}' (declare it .extern if it is defined elsewhere)")
        return Value(0, name)

    def combine(self, op: Token, a: Value, b: Value) -> Value:
        if op.text == "+" and not (a.symbol and b.symbol):
            return Value(a.addend + b.addend, a.symbol or b.symbol)
        if op.text == "-" and not b.symbol:
            return Value(a.addend - b.addend, a.symbol)
        if op.text == "-" and a.symbol:   # the distance between two places in one section
            pa, pb = self.locate(a.symbol), self.locate(b.symbol)
            if pa and pb and pa.section == pb.section:
                return Value(pa.offset + a.addend - pb.offset - b.addend)
            raise error_at(op, f"'{a.symbol}' and '{b.symbol}' are not in the same section")
        if a.symbol or b.symbol:
            raise error_at(op, f"'{op.text}' needs numbers, not addresses")
        if op.text in "/%" and b.addend == 0:
            raise error_at(op, "division by zero")
        if op.text in ("<<", ">>") and not 0 <= b.addend < 64:
            raise error_at(op, f"shift by {b.addend}")
        return Value(ARITHMETIC[op.text](a.addend, b.addend))

    # --- directives ---------------------------------------------------------------------------
    @staticmethod
    def arguments(toks: list[Token]) -> list[list[Token]]:
        """A directive's arguments: the tokens between top-level commas."""
        args, depth, current = [], 0, []
        for tok in toks:
            if tok.text == "," and depth == 0:
                if not current:
                    raise error_at(tok, "missing argument before ','")
                args.append(current)
                current = []
                continue
            depth += (tok.text == "(") - (tok.text == ")")
            current.append(tok)
        if current:
            args.append(current)
        elif args:
            raise error_at(toks[-1], "missing argument after ','")
        return args

    @staticmethod
    def expect(head: Token, args: list, count: int, usage: str) -> None:
        if len(args) < count:
            raise error_at(head, f"usage: {head.text} {usage}")

    @staticmethod
    def name(arg: list[Token]) -> Token:
        if len(arg) != 1 or arg[0].kind != "ident":
            raise error_at(arg[0], "expected a symbol name")
        return arg[0]

    def d_section(self, head, args):
        tok = head
        if head.text == ".section":
            self.expect(head, args, 1, "NAME")
            tok = args[0][0]
        name = tok.text.strip('"')
        section = next((s for s in SECTIONS if name == s or name.startswith(s + ".")), None)
        if section is None:
            raise error_at(tok, f"unknown section '{name}' (ufos objects have {', '.join(SECTIONS)})")
        self.section = section

    def d_global(self, head, args):
        self.expect(head, args, 1, "NAME, ...")
        for arg in args:
            tok = self.name(arg)
            self.imports[tok.text] = tok
            if head.text != ".extern":
                self.exports.add(tok.text)

    def d_data(self, head, args):
        size = DATA_SIZES[head.text]
        self.require_contents(head)
        for arg in args:
            place = self.here()
            self.put(bytes(size))
            self.later.append(lambda arg=arg, place=place: self.store(size, arg, place))

    def store(self, size: int, tokens: list[Token], place: Place) -> None:
        if size in DATA_RELOCS:
            self.fixup(DATA_RELOCS[size], tokens, place, "value")
        else:
            self.checked(tokens[0], "value", put_int, self.sections[place.section].data, place.offset,
                         size, self.constant(tokens, place))

    def d_string(self, head, args):
        self.require_contents(head)
        for arg in args:
            if len(arg) != 1 or arg[0].kind != "str":
                raise error_at(arg[0], 'expected a string in double quotes')
            self.put(unescape(arg[0]) + (b"" if head.text == ".ascii" else b"\0"))

    def d_zero(self, head, args):
        self.expect(head, args, 1, "COUNT[, FILL]")
        count = self.constant(args[0], self.here())
        fill = self.constant(args[1], self.here()) if len(args) > 1 else 0
        if count < 0 or not 0 <= fill <= 255:
            raise error_at(args[0][0], "expected a count >= 0 and a fill byte 0..255")
        if count or fill:
            self.require_contents(head, zeros=not fill)
        self.put(bytes([fill]) * count)

    def d_align(self, head, args):
        self.expect(head, args, 1, "N")
        n = self.constant(args[0], self.here())
        if head.text == ".balign":
            alignment = n
        else:
            alignment = 1 << n if 0 <= n <= 16 else 0
        if not 0 < alignment <= 1 << 16 or alignment & (alignment - 1):
            raise error_at(args[0][0], f"bad alignment {n}")
        if self.section == ".captable" and alignment > 16:
            raise error_at(args[0][0], ".captable is a table of 16-byte slots: it aligns only to 16")
        self.align_to(alignment)

    def d_equ(self, head, args):
        self.expect(head, args, 2, "NAME, VALUE")
        tok = self.name(args[0])
        if tok.text in self.labels or tok.text in self.equs:
            raise error_at(tok, f"'{tok.text}' is already defined")
        self.equs[tok.text] = (args[1], self.here())

    def d_size(self, head, args):
        self.expect(head, args, 2, "NAME, SIZE")
        tok, place = self.name(args[0]), self.here()

        def later():
            if tok.text not in self.labels:
                raise error_at(tok, f"undefined symbol '{tok.text}'")
            self.sizes[tok.text] = self.constant(args[1], place)
        self.later.append(later)

    def d_type(self, head, args):
        self.expect(head, args, 2, "NAME, %function|%object")
        tok, kind = self.name(args[0]), args[1][-1]
        if kind.text not in SYMBOL_TYPES:
            raise error_at(kind, "expected %function or %object")
        self.types[tok.text] = (SYMBOL_TYPES[kind.text], tok)

    def labels_at(self, place) -> list[str]:
        """The labels defined last, at place (looking back from the newest: not every label)."""
        names = []
        for name, at in reversed(self.labels.items()):
            if at != place:
                break
            names.append(name)
        return names

    def d_arch(self, head, args):
        self.expect(head, args, 1, "c64|a64")
        tok = self.name(args[0])
        if tok.text.lower() not in isa.STATES:
            raise error_at(tok, f"unknown state '{tok.text}' (the machine has {' and '.join(isa.STATES)})")
        self.state = tok.text.lower()
        for name in self.labels_at(self.here()):   # a label just before .arch names code in the new state
            self.label_states[name] = self.state

    def d_capability(self, head, args):
        self.expect(head, args, 1, "SYMBOL[+ADDEND]")
        self.require_contents(head)
        before = self.here()
        self.align_to(16)
        place = self.here()
        for name in self.labels_at(before):
            self.labels[name] = place   # a label just before .capability names the capability
        self.put(bytes(16))

        def later():
            value = self.evaluate(args[0], place)
            if value.symbol is None:
                raise error_at(args[0][0], "expected a symbol, not a number")
            self.obj.cap_records.append(CapRecord(place.section, place.offset, value.symbol, value.addend))
        self.later.append(later)

    # --- the object -----------------------------------------------------------------------------
    def finish(self) -> Object:
        for name, tok in self.imports.items():
            if name in self.equs:
                raise error_at(tok, f"'{name}' is a .equ constant; only labels can be global")
        for name, (_type, tok) in self.types.items():
            if name not in self.labels:
                raise error_at(tok, f"undefined symbol '{name}'")
        for name, place in self.labels.items():
            type_ = self.types.get(name, ("notype", None))[0]
            self.obj.symbols[name] = Symbol(name, place.section, place.offset, self.sizes.get(name),
                                            type_, name in self.exports, self.label_states[name])
        for name in self.imports.keys() - self.labels.keys():
            self.obj.symbols[name] = Symbol(name, None, is_global=True)
        return self.obj


def form_matches(form: Form, toks: list[Token]) -> bool:
    for flat in form.flat:
        try:
            match(flat, toks)
            return True
        except Mismatch:
            pass
    return False


def assemble(text: str, filename: str = "<asm>") -> Object:
    """Assemble source text into an object (sections, symbols, relocations, capability records)."""
    return Assembler(filename).run(text)


def assemble_image(text: str, base: int = 0x10000, filename: str = "<asm>") -> Image:
    """Assemble and link one source file at `base`."""
    return link([assemble(text, filename)], base)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos as", description="Assemble a .s file into an ELF object.")
    parser.add_argument("source", help="the assembly file")
    parser.add_argument("-o", dest="output", help="the object file (default: SOURCE with .o)")
    args = parser.parse_args(argv)
    source = Path(args.source)
    try:
        obj = assemble(read_source(source), str(source))
        Path(args.output or source.with_suffix(".o")).write_bytes(obj.to_elf())
    except OSError as e:
        print(f"ufos as: error: {file_error(e)}", file=sys.stderr)
        return 1
    except AsmError as e:
        print(e, file=sys.stderr)
        return 1
    return 0
