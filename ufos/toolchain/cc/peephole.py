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
  - `merge_extensions`: a load, then an extension of that register in place (ldrsb + uxtb).
  - `fold_copies`: the instruction writes only its first operand (PURE_DEF), the instructions
    between it and the move (a few, no branch) name neither register, and the temporary is
    dead after the move: on every path from it (followed through branches) it is written again,
    or a call or the return comes, before anything reads it. Temporaries never survive a call
    (the ABI lets the callee change them). An indirect branch (a switch's table) stops the proof.
  - `propagate_copies`: `mov t, s` and the next instruction reads t, which is dead after it.
  - `fold_joins`: `mov d, t` where the arms of a ?: meet, each arm ending by writing t (found
    by looking at every instruction naming the label: each must be a `b`), t dead after it.
  - `thread_jumps`: a branch to a `b` goes where that goes; `b` to a lone `ret` is `ret`.
  - `invert_skips`: a conditional branch over one unconditional branch to the label right after.
  - `drop_jumps_to_next`: a `b` to a label that follows it with nothing in between.
Then `spare_for_callee_saved` gives a register variable that never has to outlive a call a
caller-saved register, so the prologue does not save it (docs/compiler.md).
The lines of a jump table (the `b`s after a `br`) are never touched. A register is compared by
number: x10 and c10 are one register (an `x` write clears the capability), so is w10.
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
READERS = {"str", "strb", "strh", "strw", "stp", "cmp", "fcmp", "cbz", "cbnz"}   # write no register
# an extension in place after a load of that register: the load that does both
EXTENSIONS = {
    "uxtb": {"ldrsb": "ldrb", "ldrb": "ldrb"}, "uxth": {"ldrsh": "ldrh", "ldrh": "ldrh"},
    "uxtw": {"ldrsw": "ldrw", "ldrw": "ldrw"}, "sxtb": {"ldrb": "ldrsb", "ldrsb": "ldrsb"},
    "sxth": {"ldrh": "ldrsh", "ldrsh": "ldrsh"}, "sxtw": {"ldrw": "ldrsw", "ldrsw": "ldrsw"},
}
BRANCHES = {"b", "bl", "blr", "br", "ret"} | set(CONDITIONAL)
FOLD_REACH = 6          # instructions between a temporary's definition and its move, at most
INDENT = "        "
MAX_HOPS = 8            # jumps followed to find where a branch ends up (a `b` to itself loops)
REGISTER = re.compile(r"(?<![\w.:])([xcdw])(\d+)\b")
PLAIN_REGISTER = re.compile(r"[xcd]\d+$")
# caller-saved registers that may stand in for a callee-saved one a body uses only between calls
# (c8 and c9 carry a struct's address and the variadic arguments into a call, c16-c18 are the
# linker's and reserved); the temporaries first
SPARES = [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15]


def reference_to(label: str) -> re.Pattern:
    """A pattern finding label in an operand (not as part of a longer name)."""
    return re.compile(rf"(?<![\w.]){re.escape(label)}(?![\w.])")


def clean_up(lines: list[str], exit_label: str, bare_return: bool = False) -> list[str]:
    """lines: a function body as codegen emits it (indented instructions and comments, labels
    `name:`); exit_label: where the epilogue starts (nothing there reads a temporary);
    bare_return: the epilogue is a lone `ret` (a leaf without a frame)."""
    body = Body(lines, exit_label)
    body.merge_extensions()
    body.fold_copies()
    body.propagate_copies()
    body.fold_joins()
    body.thread_jumps(bare_return)
    body.invert_skips()
    body.drop_jumps_to_next()
    return body.lines


def spare_for_callee_saved(lines: list[str], exit_label: str, saved: list[int]) -> list[int]:
    """A non-leaf function keeps its register variables in callee-saved registers, which its
    prologue saves and its epilogue restores: a capability store and load each. A register whose
    value never has to outlive a call (on no path is it read after a call before being written
    again) can be a caller-saved one instead, if the body names that one nowhere. This renames
    each such register of `saved` in the body (lines as clean_up returns them); the caller drops
    those from the saves. Returns the registers renamed. A function with a jump table (`br`) is
    left alone: where that goes is not followed."""
    if not saved:                       # a leaf: its register variables are caller-saved already
        return []
    body = Body(lines, exit_label)
    insns = [(i, Insn(line)) for i, line in enumerate(body.lines) if body.is_insn(line)]
    if any(insn.mnemonic == "br" for _, insn in insns):
        return []
    named = set().union(*(insn.registers() for _, insn in insns))
    spares = [n for n in SPARES if ("i", n) not in named]
    labels = body.label_index()
    after_calls = [i + 1 for i, insn in insns if insn.mnemonic in ("bl", "blr")]
    renames = {}
    for r in saved:
        if not spares:
            break
        if not body.read_later(after_calls, ("i", r), labels):
            renames[r] = spares.pop()
    if renames:
        pattern = re.compile(r"(?<![\w.:])([xcw])(%s)\b" % "|".join(map(str, renames)))
        lines[:] = [pattern.sub(lambda m: m.group(1) + str(renames[int(m.group(2))]), line)
                    if Body.is_insn(line) else line for line in lines]
    return list(renames)


def register(text: str):
    """('i' or 'd', number) for a register name (x, c and w name the same integer register)."""
    m = REGISTER.fullmatch(text.strip())
    if m is None:
        return None
    return ("d" if m.group(1) == "d" else "i", int(m.group(2)))


def retarget(op, src: str, dst: str) -> str | None:
    """What op (which writes src's register) should write so that `mov dst, src` after it is
    not needed; None if it cannot. An integer written into x10 then copied whole (mov c0, c10)
    is the same integer written into x0: an x write makes the whole register an untagged one."""
    if op.mnemonic not in PURE_DEF or not op.operands:
        return None
    if op.operands[0] == src:
        return dst
    if src[0] == dst[0] == "c" and op.operands[0] == "x" + src[1:]:
        return "x" + dst[1:]
    return None


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

    def registers(self) -> set:
        """Every register it names."""
        return {("d" if m.group(1) == "d" else "i", int(m.group(2)))
                for op in self.operands for m in REGISTER.finditer(op)}

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
    def read_later(self, starts: list[int], reg, labels: dict[str, int]) -> bool:
        """Might some path from the lines `starts` read reg before writing it? A call ends a path:
        a temporary does not outlive one, and a register that does is found live after that call."""
        todo, seen = list(starts), set()
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

    def successors(self, i: int, labels: dict[str, int]) -> list[int] | None:
        """Where control goes after the instruction at line i (None: somewhere unknown)."""
        insn = Insn(self.lines[i])
        if insn.mnemonic in ("br", "ret"):
            return None
        if insn.mnemonic == "b" or insn.mnemonic in CONDITIONAL:
            target = labels.get(insn.operands[-1])
            if target is None:
                return None
            return [target] if insn.mnemonic == "b" else [i + 1, target]
        return [i + 1]

    # --- the rewrites ----------------------------------------------------------------------------
    def remove_moves(self, rewrite) -> None:
        """rewrite(i, labels) at every line; a move it made needless (it says True) goes."""
        labels = self.label_index()
        i = 0
        while i < len(self.lines):
            if rewrite(i, labels):
                del self.lines[i]
                labels = self.label_index()
            else:
                i += 1

    def temp_move(self, i: int, temp: int) -> tuple[str, str] | None:
        """(dst, src) if line i is a move between two plain registers of one kind, its operand
        number `temp` (0: dst, 1: src) a temporary; else None."""
        line = self.lines[i]
        if not self.is_insn(line):
            return None
        move = Insn(line)
        if move.mnemonic not in ("mov", "fmov") or len(move.operands) != 2:
            return None
        dst, src = move.operands
        other = move.operands[1 - temp]
        if register(move.operands[temp]) not in TEMPS or not PLAIN_REGISTER.match(other) or dst[0] != src[0]:
            return None
        return dst, src

    def fold_copies(self) -> None:
        """`OP t, ...` then `mov d, t` (t a dead temporary) -> `OP d, ...`."""
        self.remove_moves(self.fold_at)

    def fold_at(self, i: int, labels) -> bool:
        move = self.temp_move(i, 1)
        if move is None:
            return False
        dst, src = move
        reg = register(src)
        p = self.defining_insn(i, reg, register(dst))
        if p is None:
            return False
        op = Insn(self.lines[p])
        target = retarget(op, src, dst)
        if target is None or self.read_later([i + 1], reg, labels):
            return False
        op.operands[0] = target
        self.lines[p] = INDENT + op.text()
        return True

    def merge_extensions(self) -> None:
        """A load then an extension of the loaded register in place -> one load: `ldrsb x10, [c0]`
        + `uxtb x10, x10` -> `ldrb x10, [c0]` (a char read as unsigned char)."""
        for i, line in enumerate(self.lines):
            if not self.is_insn(line):
                continue
            ext = Insn(line)
            if ext.mnemonic not in EXTENSIONS or len(ext.operands) != 2 or ext.operands[0] != ext.operands[1]:
                continue
            p = self.previous_insn(i)
            if p is None:
                continue
            load = Insn(self.lines[p])
            merged = EXTENSIONS[ext.mnemonic].get(load.mnemonic)
            if merged is not None and load.operands[0] == ext.operands[0]:
                load.mnemonic = merged
                self.lines[p] = INDENT + load.text()
                self.lines[i] = ""
        self.lines = [line for line in self.lines if line]

    def defining_insn(self, i: int, reg, other) -> int | None:
        """The instruction before line i, in the same straight line, that names reg, if those in
        between (at most FOLD_REACH) name neither reg nor other and are no branch: then writing
        `other` there instead of reg changes nothing in between."""
        j = i
        for _ in range(FOLD_REACH):
            j = self.previous_insn(j)
            if j is None:
                return None
            insn = Insn(self.lines[j])
            named = insn.registers()
            if reg in named:
                return j
            if other in named or insn.mnemonic in BRANCHES:
                return None
        return None

    def fold_joins(self) -> None:
        """The value of a ?: made in each arm into t, then `mov d, t` where the arms meet ->
        each arm makes it in d: `ldr x10, [c1]; b .L2; .L1: mov x10, xzr; .L2: mov x0, x10`."""
        self.remove_moves(self.fold_join_at)

    def fold_join_at(self, i: int, labels) -> bool:
        move = self.temp_move(i, 1)
        if move is None:
            return False
        dst, src = move
        reg = register(src)
        defs = self.arm_ends(i)
        if not defs or any(retarget(Insn(self.lines[d]), src, dst) is None for d in defs):
            return False
        if self.read_later([i + 1], reg, labels):
            return False
        for d in defs:
            op = Insn(self.lines[d])
            op.operands[0] = retarget(op, src, dst)
            self.lines[d] = INDENT + op.text()
        return True

    def arm_ends(self, i: int) -> list[int] | None:
        """For an instruction right after labels: the last instruction of every way there (the
        one before each `b` to them, and the one falling through), if every way is one of those."""
        j, group = i - 1, set()
        while j >= 0 and not self.is_insn(self.lines[j]):
            if self.is_label(self.lines[j]):
                group.add(self.lines[j][:-1])
            j -= 1
        if not group or j < 0:
            return None
        ends = []
        fall = Insn(self.lines[j])
        if fall.mnemonic not in ("b", "br", "ret"):
            if fall.mnemonic in BRANCHES:
                return None
            ends.append(j)
        for k, line in enumerate(self.lines):
            if not self.is_insn(line):
                continue
            insn = Insn(line)
            if not any(reference_to(name).search(op) for name in group for op in insn.operands):
                continue
            p = self.previous_insn(k)
            if insn.mnemonic != "b" or p is None or Insn(self.lines[p]).mnemonic in BRANCHES:
                return None
            ends.append(p)
        return ends

    def propagate_copies(self) -> None:
        """`mov t, s` then an instruction reading t (t a dead temporary after it) -> that
        instruction reading s: `mov x10, x0` + `cbnz x10, L` -> `cbnz x0, L`."""
        self.remove_moves(self.propagate_at)

    def propagate_at(self, i: int, labels) -> bool:
        move = self.temp_move(i, 0)
        if move is None:
            return False
        dst, src = move
        reg = register(dst)
        n = self.next_insn(i)
        if n is None:
            return False
        use = Insn(self.lines[n])
        if use.mnemonic not in PURE_DEF and use.mnemonic not in READERS or use.mnemonic in ("adr", "adrp"):
            return False                # (adr's operand is a symbol, which may look like x10)
        first = 1 if use.mnemonic in PURE_DEF else 0
        mentions = [m.group(0) for op in use.operands[first:] for m in REGISTER.finditer(op)
                    if register(m.group(0)) == reg]
        if not mentions or any(name != dst for name in mentions):
            return False                # not read, or read in another view (x of a c value)
        if use.writes_whole() != reg:
            after = self.successors(n, labels)
            if after is None or self.read_later(after, reg, labels):
                return False
        pattern = re.compile(rf"(?<![\w.:]){dst}\b")
        use.operands[first:] = [pattern.sub(src, op) for op in use.operands[first:]]
        self.lines[n] = INDENT + use.text()
        return True

    def thread_jumps(self, bare_return: bool) -> None:
        """A branch to a label whose first instruction is `b L2` goes to L2 instead; a `b` to the
        epilogue of a frameless leaf is `ret` itself."""
        labels = self.label_index()
        table = self.table_lines()
        for i, line in enumerate(self.lines):
            if i in table or not self.is_insn(line):
                continue
            insn = Insn(line)
            if insn.mnemonic != "b" and insn.mnemonic not in CONDITIONAL:
                continue
            target = self.final_target(insn.operands[-1], labels, table)
            if (insn.mnemonic == "b" and target == self.exit_label and bare_return
                    and target not in self.labels_after(i)):
                self.lines[i] = INDENT + "ret"
            elif target != insn.operands[-1]:
                insn.operands[-1] = target
                self.lines[i] = INDENT + insn.text()

    def final_target(self, label: str, labels: dict[str, int], table: set[int]) -> str:
        """Where a branch to label ends up after the unconditional `b`s found there."""
        for _ in range(MAX_HOPS):
            at = labels.get(label)
            if at is None or at >= len(self.lines):
                return label
            j = at
            while j < len(self.lines) and not self.is_insn(self.lines[j]):
                j += 1
            if j >= len(self.lines):
                return self.exit_label          # falls into the epilogue
            insn = Insn(self.lines[j])
            if insn.mnemonic != "b" or j in table:
                return label
            label = insn.operands[0]
        return label

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
        """The labels between line i and the next instruction (the epilogue's after the last)."""
        out = set()
        for line in self.lines[i + 1:]:
            if self.is_insn(line):
                return out
            if self.is_label(line):
                out.add(line[:-1])
        return out | {self.exit_label}

    def drop_jumps_to_next(self) -> None:
        """`b L` with only labels and comments between it and `L:` -> nothing."""
        table = self.table_lines()
        self.lines = [line for i, line in enumerate(self.lines)
                      if i in table or not self.is_insn(line) or Insn(line).mnemonic != "b"
                      or Insn(line).operands[0] not in self.labels_after(i)]
