"""Peephole clean-up of one function's assembly, after code generation (codegen.assemble).

The code generator compiles each expression on its own into the temporaries c10-c15 / d16-d30
(regs.py), so a value often ends in a temporary only to be moved where it is wanted:

    ldr x10, [c19, #8]            ->     ldr x0, [c19, #8]
    mov x0, x10

and a condition that skips a jump jumps over it:

    cbz x10, .Lelse4              ->     cbnz x10, .Lbreak3
    b .Lbreak3                           .Lelse4:
    .Lelse4:

Each rewrite is made only where it is provably the same program:
  - `fold_copies`: the instruction writes only its first operand (PURE_DEF), and the temporary is
    dead after the move: on every path from it (followed through branches) it is written again,
    or a call or the return comes, before anything reads it. Temporaries never survive a call
    (the ABI lets the callee change them). An indirect branch (a switch's table) stops the proof.
  - `invert_skips`: a conditional branch over one unconditional branch to the label right after.
  - `drop_jumps_to_next`: a `b` to a label that follows it with nothing in between.
The lines of a jump table (the `b`s after a `br`) are never touched.
"""
from __future__ import annotations

import re

TEMPS = {("i", n) for n in range(10, 16)} | {("d", n) for n in range(16, 31)}
# instructions that write their first operand whole and only read the others
PURE_DEF = {
    "mov", "fmov", "add", "sub", "mul", "sdiv", "udiv", "msub", "and", "orr", "eor", "mvn", "neg",
    "lsl", "lsr", "asr", "sxtb", "sxth", "sxtw", "uxtb", "uxth", "uxtw", "cset", "adrp", "adr",
    "ldr", "ldrb", "ldrh", "ldrw", "ldrsb", "ldrsh", "ldrsw", "fadd", "fsub", "fmul", "fdiv", "fneg",
    "scvtf", "ucvtf", "fcvtzs", "fcvtzu", "fcvts", "fcvtd", "cvt", "cvtd", "scbnds", "scbndse",
    "scvalue", "scoff", "clrperm", "clrtag", "gcvalue", "gcbase", "gclen", "gclim", "gcoff", "gcperm",
    "gctag", "gcseal", "gctype", "rrlen", "rrmask",
}
CONDITIONAL = {"cbz": "cbnz", "cbnz": "cbz"} | {
    f"b.{a}": f"b.{b}" for a, b in [("eq", "ne"), ("ne", "eq"), ("lt", "ge"), ("ge", "lt"), ("le", "gt"),
                                    ("gt", "le"), ("lo", "hs"), ("hs", "lo"), ("ls", "hi"), ("hi", "ls"),
                                    ("mi", "pl"), ("pl", "mi"), ("vs", "vc"), ("vc", "vs")]}
REGISTER = re.compile(r"(?<![\w.:])([xcdw])(\d+)\b")
PLAIN_REGISTER = re.compile(r"[xcd]\d+$")


def clean_up(lines: list[str], exit_label: str) -> list[str]:
    """lines: a function body as codegen emits it (indented instructions and comments, labels
    `name:`); exit_label: where the epilogue starts (nothing there reads a temporary)."""
    body = Body(lines, exit_label)
    body.fold_copies()
    body.invert_skips()
    body.drop_jumps_to_next()
    return body.lines


def register(text: str):
    """('i' or 'd', number) for a register name (x, c and w name the same integer register)."""
    m = REGISTER.fullmatch(text.strip())
    if m is None:
        return None
    return ("d" if m.group(1) == "d" else "i", int(m.group(2)))


def split_operands(text: str) -> list[str]:
    """'x0, [c1, #8]' -> ['x0', '[c1, #8]']."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        depth += (ch == "[") - (ch == "]")
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


class Insn:
    def __init__(self, line: str):
        text = line.strip()
        self.mnemonic, _, rest = text.partition(" ")
        self.operands = split_operands(rest)

    def text(self) -> str:
        return f"{self.mnemonic} {', '.join(self.operands)}"

    def reads(self) -> set:
        """The registers it may read (every register it names but a PURE_DEF destination)."""
        named = self.operands[1:] if self.mnemonic in PURE_DEF else self.operands
        return {("d" if m.group(1) == "d" else "i", int(m.group(2)))
                for op in named for m in REGISTER.finditer(op)}

    def writes_whole(self):
        return register(self.operands[0]) if self.mnemonic in PURE_DEF and self.operands else None


class Body:
    def __init__(self, lines: list[str], exit_label: str):
        self.lines = list(lines)
        self.exit_label = exit_label

    # --- reading the lines ---------------------------------------------------------------------
    @staticmethod
    def is_label(line: str) -> bool:
        return not line.startswith(" ") and line.endswith(":")

    @staticmethod
    def is_insn(line: str) -> bool:
        text = line.strip()
        return bool(text) and line.startswith(" ") and not text.startswith("//")

    def label_index(self) -> dict[str, int]:
        labels = {line[:-1]: i for i, line in enumerate(self.lines) if self.is_label(line)}
        labels[self.exit_label] = len(self.lines)
        return labels

    def table_lines(self) -> set[int]:
        """The lines of jump tables: the labels and `b`s right after a `br`."""
        out, in_table = set(), False
        for i, line in enumerate(self.lines):
            if self.is_insn(line) and Insn(line).mnemonic == "br":
                in_table = True
            elif in_table and (self.is_label(line) or (self.is_insn(line) and Insn(line).mnemonic == "b")):
                out.add(i)
            elif self.is_insn(line):
                in_table = False
        return out

    def previous_insn(self, i: int) -> int | None:
        """The instruction before line i in the same straight line (comments skipped), if any."""
        j = i - 1
        while j >= 0 and not self.is_insn(self.lines[j]):
            if self.is_label(self.lines[j]):
                return None
            j -= 1
        return j if j >= 0 else None

    # --- liveness of a temporary ---------------------------------------------------------------
    def read_later(self, start: int, reg, labels: dict[str, int]) -> bool:
        """Might some path from line `start` read reg before writing it?"""
        todo, seen = [start], set()
        while todo:
            i = todo.pop()
            while i < len(self.lines) and i not in seen:
                seen.add(i)
                line = self.lines[i]
                if not self.is_insn(line):
                    i += 1
                    continue
                insn = Insn(line)
                m = insn.mnemonic
                if reg in insn.reads() or m == "br":
                    return True
                if m in ("ret", "bl", "blr") or insn.writes_whole() == reg:
                    break
                if m == "b" or m in CONDITIONAL:
                    target = labels.get(insn.operands[-1])
                    if target is None:
                        return True
                    todo.append(target)
                    if m == "b":
                        break
                i += 1
        return False

    # --- the rewrites ----------------------------------------------------------------------------
    def fold_copies(self) -> None:
        """`OP t, ...` then `mov d, t` (t a dead temporary) -> `OP d, ...`."""
        labels = self.label_index()
        i = 0
        while i < len(self.lines):
            folded = self.fold_at(i, labels)
            if folded:
                del self.lines[i]
                labels = self.label_index()
            else:
                i += 1

    def fold_at(self, i: int, labels) -> bool:
        line = self.lines[i]
        if not self.is_insn(line):
            return False
        move = Insn(line)
        if move.mnemonic not in ("mov", "fmov") or len(move.operands) != 2:
            return False
        dst, src = move.operands
        reg = register(src)
        if reg not in TEMPS or not PLAIN_REGISTER.match(dst) or dst[0] != src[0]:
            return False
        p = self.previous_insn(i)
        if p is None:
            return False
        op = Insn(self.lines[p])
        if op.mnemonic not in PURE_DEF or not op.operands or op.operands[0] != src:
            return False
        if self.read_later(i + 1, reg, labels):
            return False
        op.operands[0] = dst
        self.lines[p] = line[:len(line) - len(line.lstrip())] + op.text()
        return True

    def invert_skips(self) -> None:
        """`b.cond L1; b L2; L1:` -> `b.!cond L2; L1:` (comments may come between, and other labels
        before L1)."""
        table = self.table_lines()
        for i, line in enumerate(self.lines):
            if not self.is_insn(line) or Insn(line).mnemonic not in CONDITIONAL:
                continue
            j = self.next_insn(i)
            if j is None or j in table or Insn(self.lines[j]).mnemonic != "b":
                continue
            cond, jump = Insn(line), Insn(self.lines[j])
            if cond.operands[-1] in self.labels_after(j):
                cond.mnemonic = CONDITIONAL[cond.mnemonic]
                cond.operands[-1] = jump.operands[0]
                self.lines[i] = line[:len(line) - len(line.lstrip())] + cond.text()
                self.lines[j] = ""              # dropped below
        self.lines = [line for line in self.lines if line]

    def next_insn(self, i: int) -> int | None:
        """The instruction after line i in the same straight line (comments skipped), if any."""
        j = i + 1
        while j < len(self.lines) and not self.is_insn(self.lines[j]):
            if self.is_label(self.lines[j]):
                return None
            j += 1
        return j if j < len(self.lines) else None

    def labels_after(self, i: int) -> set[str]:
        """The labels between line i and the next instruction."""
        out = set()
        for line in self.lines[i + 1:]:
            if self.is_insn(line):
                break
            if self.is_label(line):
                out.add(line[:-1])
        return out

    def drop_jumps_to_next(self) -> None:
        """`b L` with only labels and comments between it and `L:` -> nothing."""
        table = self.table_lines()
        self.lines = [line for i, line in enumerate(self.lines)
                      if i in table or not self.is_insn(line) or Insn(line).mnemonic != "b"
                      or Insn(line).operands[0] not in self.labels_after(i)]
