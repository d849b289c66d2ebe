"""Stage 4, code generation: the typed tree -> ufos assembly (docs/abi.md, docs/isa.md).

This module owns the translation unit (sections, the capability table, .extern), each function's
frame (prologue and epilogue, see regalloc.py for where locals live) and the statements. The
expressions are in gen_expr.py, memory accesses in gen_memory.py, calls in gen_call.py (all mixed
into FunctionGen), built-ins in builtins.py, static data in data.py.

Reading the output: each C statement is preceded by a comment `// file:line: source`. Locals in
registers are x19.../c19.../d8... (or argument registers in a leaf function); c29 is the frame
pointer; c10-c15 and d16-d30 hold the values of expressions; x16/c16 and x17 are scratch for long
offsets and large immediates.

Control flow: loops test their condition at the bottom (one branch per iteration); conditions are
compiled to compare-and-branch (`cmp` + `b.cond`, `cbz`/`cbnz`) without making a 0/1 value; a
switch is a chain of compares, or a table of branches when its cases are dense.

Hybrid (-mabi=hybrid): the unit starts with `.arch a64`; plain pointers are x registers
(`self.ptr`): integer addresses, which the machine takes as offsets from DDC's base (CCTLR.DDCBO,
so that fork, which moves DDC, moves every plain pointer with it). Globals and functions are
reached by `adrp` + `add #:lo12:` (offsets too: PCC's base is the same), calls through a pointer
are `blr xN`. The stack is not reached by integer: csp's address is absolute, not an offset from
DDC's base. `[sp]` is csp's own address, authorised by csp (isa.md), which is how the frame
record is saved and the outgoing area written; the frame stays a capability, c29, used with the
alternate-base forms (`ldr x0, [c29, #-16]`, an immediate offset only, no pairs). A local's
address, as a plain pointer, is `cvt`: the capability's address made an offset from DDC's base.
csp itself is moved by capability adds, which both states have, and c29/c30 and the callee-saved
registers are saved whole (they may hold capabilities).
"""
from __future__ import annotations

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.data import global_lines, string_lines
from ufos.toolchain.cc.errors import SOURCES, CompileError, error_at
from ufos.toolchain.cc.gen_expr import ExprGen
from ufos.toolchain.cc.gen_memory import Addr, fits14, store_insn
from ufos.toolchain.cc.nodes import (Binary, Block, Case, Const, ExprStmt, Function, Goto, If, Label, LocalInit, Loop, Nop,
                                     Program, Return, Str, Switch, Unary, Var, children)
from ufos.toolchain.cc.peephole import clean_up, spare_for_callee_saved
from ufos.toolchain.cc.regalloc import allocate, int_arg_registers
from ufos.toolchain.cc.regs import Regs, Temp, reg_name

INDENT = "        "
OUTGOING_MARK = "<outgoing>"     # in a VLA's `add`, replaced by the outgoing area's size when known


class ModuleGen:
    """The translation unit: functions, data, the capability table, imports."""

    def __init__(self, program: Program):
        self.program = program
        self.cap_entries: dict[str, str] = {}       # symbol -> its table label
        self.externs: set[str] = set()
        self.counter = 0
        self.extra_rodata: list[str] = []

    def new_label(self, hint: str = "L") -> str:
        self.counter += 1
        return f".L{hint}{self.counter}"

    def cap_entry(self, symbol: str) -> str:
        if symbol not in self.cap_entries:
            self.cap_entries[symbol] = f".Lcap.{symbol.lstrip('.')}"
        return self.cap_entries[symbol]

    def use_symbol(self, var: Var) -> None:
        if not var.defined:
            self.externs.add(var.label)

    def generate(self) -> str:
        out = [f"// Compiled by ufos cc from {self.program.filename}"]
        if T.hybrid():
            out.append(INDENT + ".arch a64")
        out.append(INDENT + ".text")
        for func in self.program.functions:
            if func.var.internal and not func.var.referenced:
                continue                 # a static (or inline) function nobody calls
            out += FunctionGen(self, func).generate()
        if self.program.strings or self.extra_rodata:
            out.append(INDENT + ".rodata")
            for s in self.program.strings:
                out += string_lines(s)
            out += self.extra_rodata
        for var in self.program.globals:
            if var.storage != "func" and var.defined:
                out += global_lines(var)
        for var in self.program.globals:
            if var.referenced and not var.defined:
                self.externs.add(var.label)
        if self.cap_entries:
            # This unit's slots of the program's capability table: the linker gathers every
            # unit's into one table (a slot per capability) that a function's bounds cover.
            out.append(INDENT + ".captable")
            for symbol, label in self.cap_entries.items():
                out.append(f"{label}: .capability {symbol}")
        defined = {f.var.label for f in self.program.functions} | {
            v.label for v in self.program.globals if v.defined and v.storage != "func"}
        for name in sorted(self.externs - defined):
            out.append(f"{INDENT}.extern {name}")
        return "\n".join(out) + "\n"


class FunctionGen(ExprGen):
    def __init__(self, module: ModuleGen, func: Function):
        self.m = module
        self.f = func
        self.lines: list[str] = []
        self.regs = Regs(self)
        self.hybrid = T.hybrid()
        self.ptr = "x" if self.hybrid else "c"     # the register class of a plain pointer
        self.fp = Temp("c", 29, owned=False)
        self.sp = "sp" if self.hybrid else "csp"   # the stack pointer as a load/store base
        self.outgoing = 0
        self.breaks: list[str] = []
        self.continues: list[str] = []
        self.ret_label = module.new_label("ret")
        self.user_labels: dict[str, str] = {}
        self.alloc = None
        self.nested_statements = 0       # > 0 inside a statement expression
        self.force_frame = False         # c29 is needed (parameters on the stack, VLAs)
        self.uses_vlas = False

    # --- output --------------------------------------------------------------------------------
    def emit(self, text: str) -> None:
        self.lines.append(INDENT + text)

    def place(self, label: str) -> None:
        self.lines.append(f"{label}:")

    def new_label(self, hint: str = "L") -> str:
        return self.m.new_label(hint)

    def comment(self, stmt) -> None:
        loc = stmt.loc
        if loc is None or not loc.line:
            return
        text = SOURCES.line(loc.file, loc.line)
        if text is None:
            return
        line = f"{INDENT}// {loc.file}:{loc.line}: {text.strip()}"
        if not self.lines or self.lines[-1] != line:      # once, not once per statement on it
            self.lines.append(line)

    # --- the frame -------------------------------------------------------------------------------
    def new_spill_slot(self) -> int:
        return self.alloc.frame.alloc(16, 16)

    def new_frame_object(self, size: int, align: int = 16) -> int:
        return self.alloc.frame.alloc(size, max(align, 16))

    def mem_slot(self, offset: int) -> str:
        """A frame slot's memory operand. Uses x16 (and c16 in hybrid) if the offset is far."""
        if fits14(offset):
            return f"[c29, #{offset}]"
        self.emit(f"mov x16, #{offset}")
        if self.hybrid:                  # the alternate-base forms have no register offset
            self.emit("add c16, c29, x16")
            return "[c16]"
        return "[c29, x16]"

    def move_insn(self, cls: str, dst: int, src: int) -> str:
        if cls == "d":
            return f"fmov {reg_name('d', dst)}, {reg_name('d', src)}"
        return f"mov {reg_name(cls, dst)}, {reg_name(cls, src)}"

    def need_outgoing(self, size: int) -> None:
        self.outgoing = max(self.outgoing, size)

    # --- the function ------------------------------------------------------------------------------
    def generate(self) -> list[str]:
        f = self.f
        self.alloc = allocate(f)
        for label in self.labels_in(f.body):
            self.user_labels[label] = self.new_label(f"{f.var.name}.{label}.")
        self.setup_homes()
        self.stmt(f.body)
        ends_in_return = bool(f.body.items) and isinstance(f.body.items[-1], Return)
        if f.var.name == "main" and T.is_integer(f.var.type.ret) and not ends_in_return:
            self.emit("mov x0, #0                  // main returns 0 by default")
        self.regs.check_empty()
        return self.assemble()

    def labels_in(self, node) -> list[str]:
        out = [node.name] if isinstance(node, Label) else []
        for child in children(node):
            out.extend(self.labels_in(child))
        return out

    def setup_homes(self) -> None:
        """The start of the body: parameters to their homes, cached capabilities loaded."""
        f, a = self.f, self.alloc
        arrives = int_arg_registers(f)
        stack_index = 0
        for p in f.params:
            where = arrives[p]
            if where is None:
                self.force_frame = True
                self.param_from_stack(p, stack_index)
                stack_index += 1
            else:
                self.param_from_register(p, *where)
        if a.sret_home is not None and a.sret_home.kind == "frame":
            self.emit(f"str {self.ptr}8, {self.mem_slot(a.sret_home.offset)}")
        if a.va_home is not None and a.va_home.kind == "frame":
            self.emit(f"str {self.ptr}9, {self.mem_slot(a.va_home.offset)}")
        for var, reg in a.cached_caps.items():
            if var.storage == "local":
                self.frame_cap_into(var, f"{self.ptr}{reg}")
            else:
                self.global_cap_into(var, f"{self.ptr}{reg}")

    def param_from_register(self, p: Var, cls: str, num: int) -> None:
        home = p.home
        if T.is_struct(p.type):
            if home.reg is not None:
                if home.reg != num:
                    self.emit(f"mov {self.ptr}{home.reg}, {self.ptr}{num}")
            else:
                self.emit(f"str {self.ptr}{num}, {self.mem_slot(home.offset)}")
            return
        value_cls = T.reg_class(p.type)
        if home.kind == "none":
            return
        if home.kind == "reg":
            if home.reg != num:
                self.emit(self.move_insn(value_cls, home.reg, num))
            return
        self.store_register(Addr(self.fp, home.offset, frame_var=p), p.type, reg_name(value_cls, num))

    def param_from_stack(self, p: Var, index: int) -> None:
        home = p.home
        if home.kind == "none":
            return
        src = 32 + 16 * index
        if T.is_struct(p.type):
            scratch = f"{self.ptr}17"
            self.emit(f"ldr {scratch}, {self.mem_slot(src)}")
            if home.reg is not None:
                self.emit(f"mov {self.ptr}{home.reg}, {scratch}")
            else:
                self.emit(f"str {scratch}, {self.mem_slot(home.offset)}")
            return
        cls = T.reg_class(p.type)
        scratch = {"x": "x17", "c": "c17", "d": "d31"}[cls]
        self.emit(f"ldr {scratch}, {self.mem_slot(src)}")
        if home.kind == "reg":
            self.emit(f"{'fmov' if cls == 'd' else 'mov'} {reg_name(cls, home.reg)}, {scratch}")
        else:
            self.store_register(Addr(self.fp, home.offset, frame_var=p), p.type, scratch)

    def store_register(self, addr: Addr, t, name: str) -> None:
        """Store register `name` (not a Temp) at a frame address; used by the prologue."""
        ref, _, _ = self.mem_ref(addr, max(t.size, 1))
        op = self.mem_operand(ref)
        if T.is_float(t) and t.size == 4:
            self.emit(f"fcvts x17, {name}")
            self.emit(f"strw x17, {op}")
        else:
            self.emit(f"{store_insn(t)} {name}, {op}")

    def frame_cap_into(self, var: Var, reg: str) -> None:
        """reg = a pointer to local var: a capability bounded to it (in hybrid: its address)."""
        self.frame_object_into(reg, var.home.offset, var.type.size)

    def frame_object_into(self, reg: str, offset: int, size: int) -> None:
        """reg = a pointer to the frame object at c29 + offset: in purecap a capability bounded to
        its size; in hybrid an integer address, made from the frame capability by cvt (DDC must
        reach the stack for it to be used)."""
        cap = "c16" if self.hybrid else reg
        if fits14(offset):
            self.emit(f"add {cap}, c29, #{offset}")
        else:
            self.mov_imm("x16", offset)
            self.emit(f"add {cap}, c29, x16")
        if self.hybrid:
            self.emit(f"cvt {reg}, c16")
        elif size <= 16383:
            self.emit(f"scbnds {reg}, {reg}, #{size}")
        else:
            self.mov_imm("x16", size)
            self.emit(f"scbnds {reg}, {reg}, x16")

    def global_cap_into(self, var: Var, reg: str) -> None:
        self.m.use_symbol(var)
        var.referenced = True
        self.symbol_cap_into(var.label, reg)

    def symbol_cap_into(self, symbol: str, reg: str) -> None:
        if self.hybrid:                  # an address, PC-relative: no table
            self.emit(f"adrp {reg}, {symbol}")
            self.emit(f"add {reg}, {reg}, #:lo12:{symbol}")
            return
        label = self.m.cap_entry(symbol)
        self.emit(f"adrp c16, {label}")
        self.emit(f"ldr {reg}, [c16, #:lo12:{label}]")

    def assemble(self) -> list[str]:
        """Prologue + body + epilogue, now that the frame's size is known."""
        f, a = self.f, self.alloc
        name = f.var.label
        head = [""]
        if not f.var.internal:
            head.append(f"{INDENT}.global {name}")
        head += [f"{INDENT}.type {name}, %function", f"{name}:"]
        below = T.align_to(a.frame.used, 16) + T.align_to(self.outgoing, 16)
        needs_frame = f.has_calls or below > 0 or a.saved_c or a.saved_d or self.force_frame
        body = clean_up(self.lines, self.ret_label, bare_return=not needs_frame)
        spared = spare_for_callee_saved(body, self.ret_label, a.saved_c)
        pro, epi = [], []
        if needs_frame:
            if 0 < below <= 4080:        # one step down: the frame record at csp + below (stp's reach)
                pro += [f"add csp, csp, #-{below + 32}", f"stp c29, c30, [{self.sp}, #{below}]",
                        f"add c29, csp, #{below}"]
            else:
                pro += ["add csp, csp, #-32", f"stp c29, c30, [{self.sp}]", "mov c29, csp"]
                if below:
                    pro += ([f"add csp, csp, #-{below}"] if below <= 8192
                            else [f"mov x16, #{below}", "sub csp, csp, x16"])
            saves, restores = self.callee_saves([r for r in a.saved_c if r not in spared])
            pro += saves
            epi += restores
            if below <= 4080 and not self.uses_vlas:     # csp is where the prologue left it
                epi += [f"ldp c29, c30, [{self.sp}, #{below}]", f"add csp, csp, #{below + 32}"]
            else:
                epi += ["mov csp, c29", f"ldp c29, c30, [{self.sp}]", "add csp, csp, #32"]
        epi.append("ret")
        if self.uses_vlas:          # a VLA's storage sits above the outgoing arguments
            mark = f"#{OUTGOING_MARK}"
            body = [x.replace(mark, f"#{T.align_to(self.outgoing, 16)}") for x in body]
        return (head + [INDENT + x for x in pro] + body + [f"{self.ret_label}:"]
                + [INDENT + x for x in epi])

    def callee_saves(self, regs: list[int]) -> tuple[list[str], list[str]]:
        """The prologue's saves and the epilogue's restores of the callee-saved registers the
        body uses: regs (capability registers), then the allocator's d registers."""
        a = self.alloc
        saves, restores = [], []
        for i in range(0, len(regs), 2):
            if i + 1 < len(regs) and not self.hybrid:      # A64 has no alternate-base pairs
                off = -16 * (i + 2)
                saves.append(f"stp c{regs[i + 1]}, c{regs[i]}, [c29, #{off}]")
                restores.append(f"ldp c{regs[i + 1]}, c{regs[i]}, [c29, #{off}]")
            else:
                for k in range(i, min(i + 2, len(regs))):
                    off = -16 * (k + 1)
                    saves.append(f"str c{regs[k]}, [c29, #{off}]")
                    restores.append(f"ldr c{regs[k]}, [c29, #{off}]")
        base = -16 * len(regs)
        for j, r in enumerate(a.saved_d):
            off = base - 8 * (j + 1)
            saves.append(f"str d{r}, [c29, #{off}]")
            restores.append(f"ldr d{r}, [c29, #{off}]")
        return saves, restores

    # =============================================================================================
    # Statements
    # =============================================================================================
    def stmt(self, s) -> None:
        method = getattr(self, "stmt_" + type(s).__name__)
        if not isinstance(s, (Block, Nop, Case, Label)):
            self.comment(s)
        method(s)
        if not self.nested_statements:
            self.regs.check_empty()

    def stmt_Block(self, s: Block) -> None:
        for item in s.items:
            self.stmt(item)
        if s.vla_stack is not None:
            self.restore_csp(s.vla_stack.offset)

    def stmt_SaveStack(self, s) -> None:
        s.slot.offset = self.save_csp()

    # --- variable-length arrays take their storage below csp (gen_expr.gen_VlaAlloc) -------------
    def save_csp(self) -> int:
        """Keep csp in a frame slot, so that the VLAs allocated after can be given back."""
        slot = self.new_frame_object(16)
        self.force_frame = True
        self.emit("mov c17, csp")
        self.emit(f"str c17, {self.mem_slot(slot)}")
        return slot

    def restore_csp(self, slot: int) -> None:
        self.emit(f"ldr c17, {self.mem_slot(slot)}")
        self.emit("mov csp, c17")

    def stmt_Nop(self, s) -> None:
        pass

    def stmt_ExprStmt(self, s: ExprStmt) -> None:
        self.effect(s.expr)

    def stmt_LocalInit(self, s: LocalInit) -> None:
        self.local_init(s.var, s.init)

    def stmt_If(self, s: If) -> None:
        other = self.new_label("else")
        self.branch(s.cond, other, False)
        self.stmt(s.then)
        if s.other is None:
            self.place(other)
            return
        end = self.new_label("endif")
        self.emit(f"b {end}")
        self.place(other)
        self.stmt(s.other)
        self.place(end)

    def stmt_Loop(self, s: Loop) -> None:
        body, cont, brk = self.new_label("loop"), self.new_label("continue"), self.new_label("break")
        cond_label = self.new_label("cond")
        if s.init is not None:
            self.stmt(s.init)
        slot = self.save_csp() if s.frees_vlas else None    # given back each time round, and after
        if s.kind != "do" and s.cond is not None:
            self.emit(f"b {cond_label}")
        self.breaks.append(brk)
        self.continues.append(cont)
        self.place(body)
        if slot is not None:
            self.restore_csp(slot)
        self.stmt(s.body)
        self.breaks.pop()
        self.continues.pop()
        self.place(cont)
        if s.step is not None:
            self.comment_expr(s.step)
            self.effect(s.step)
        self.place(cond_label)
        if s.cond is None:
            self.emit(f"b {body}")
        else:
            self.comment_expr(s.cond)
            self.branch(s.cond, body, True)
        self.place(brk)
        if slot is not None:
            self.restore_csp(slot)

    def comment_expr(self, e) -> None:
        self.comment(e)

    def stmt_Break(self, s) -> None:
        self.emit(f"b {self.breaks[-1]}")

    def stmt_Continue(self, s) -> None:
        self.emit(f"b {self.continues[-1]}")

    def stmt_Goto(self, s: Goto) -> None:
        self.emit(f"b {self.user_labels[s.name]}")

    def stmt_Label(self, s: Label) -> None:
        self.place(self.user_labels[s.name])
        self.stmt(s.body)

    def stmt_Return(self, s: Return) -> None:
        e = s.expr
        if e is not None:
            ret = self.f.var.type.ret
            if T.is_struct(ret):
                self.return_struct(e)
            elif T.is_void(ret) or T.is_void(e.type):
                self.effect(e)
            elif isinstance(e, Const) and T.reg_class(ret) != "d":
                self.mov_imm("x0", e.value & (2**64 - 1) if T.is_pointer(e.type) else e.value)
            else:
                v = self.gen(e)
                cls = T.reg_class(ret)
                name = self.n(v)
                self.regs.free_temp(v)
                if name != reg_name(cls, 0):
                    self.emit(f"{'fmov' if cls == 'd' else 'mov'} {reg_name(cls, 0)}, {name}")
        self.emit(f"b {self.ret_label}")

    def return_struct(self, e) -> None:
        src = self.gen_addr(e)
        home = self.alloc.sret_home
        if home.kind == "reg":
            dst = Addr(Temp(self.ptr, home.reg, owned=False), 0)
        else:
            t = self.regs.alloc(self.ptr)
            self.emit(f"ldr {self.regs.name(t)}, {self.mem_slot(home.offset)}")
            dst = Addr(t, 0)
        self.copy(dst, src, e.type)

    # --- switch ------------------------------------------------------------------------------
    def stmt_Switch(self, s: Switch) -> None:
        brk = self.new_label("break")
        default = s.default.label if s.default is not None else brk
        v = self.gen(s.expr)
        cases = sorted(s.cases, key=lambda c: c.value)
        if self.dense(cases):
            self.jump_table(v, cases, default)
        else:
            for c in s.cases:
                self.branch_if_case(v, c)
            self.regs.free_temp(v)
            self.emit(f"b {default}")
        self.breaks.append(brk)
        self.stmt(s.body)
        self.breaks.pop()
        self.place(brk)

    def branch_if_case(self, v: Temp, c: Case) -> None:
        """Branch to c's label if v is c's value, or for a GNU range `case lo ... hi:` if
        lo <= v <= hi: that is v - lo <= hi - lo as unsigned numbers (below lo, v - lo wraps
        around to a huge one), one compare for a range of any length."""
        if c.value == c.last:
            self.compare_immediate(v, c.value)
            self.emit(f"b.eq {c.label}")
            return
        self.mov_imm("x16", c.value)
        self.emit(f"sub x16, {self.regs.name(v, 'x')}, x16")
        self.mov_imm("x17", c.last - c.value)
        self.emit("cmp x16, x17")
        self.emit(f"b.ls {c.label}")

    @staticmethod
    def dense(cases: list) -> bool:
        """Worth a jump table: at least 6 cases, and a third of the table's entries not the
        default (the values the cases, ranges included, match)."""
        if len(cases) < 6:
            return False
        span = cases[-1].last - cases[0].value + 1
        matched = sum(c.last - c.value + 1 for c in cases)
        return span <= 3 * matched and span <= 4096

    def jump_table(self, v: Temp, cases: list, default: str) -> None:
        """Index a table of `b` instructions: adr + add + br. A capability branch enters the state
        that bit 0 of its target names (isa.STATES), so the purecap table's address carries bit 0;
        A64's `br xN` is an integer branch that stays in A64."""
        low, high = cases[0].value, cases[-1].last
        table = self.new_label("table")
        name = self.regs.name(v, "x")
        self.regs.free_temp(v)
        if low:
            self.emit(f"mov x17, #{low}")
            self.emit(f"sub x17, {name}, x17")
        else:
            self.emit(f"mov x17, {name}")
        self.emit(f"mov x16, #{high - low}")
        self.emit("cmp x17, x16")
        self.emit(f"b.hi {default}")
        self.emit(f"adr x16, {table}" if self.hybrid else f"adr c16, {table}+1")
        self.add_shifted(f"{self.ptr}16", f"{self.ptr}16", "x17", 2)
        self.emit(f"br {self.ptr}16")
        self.place(table)
        by_value = {value: c.label for c in cases for value in range(c.value, c.last + 1)}
        for value in range(low, high + 1):
            self.emit(f"b {by_value.get(value, default)}")

    def stmt_Case(self, s: Case) -> None:
        self.place(s.label)
        self.stmt(s.body)

    # =============================================================================================
    # Local initializers
    # =============================================================================================
    def local_init(self, var: Var, init) -> None:
        t = var.type
        items = init.items
        if T.is_scalar(t):
            value = items[0].expr if items else None
            self.assign_var(var, value)
            return

        def addr_of(offset: int) -> Addr:
            return Addr(self.fp, var.home.offset + offset, frame_var=var)
        covered = len(items) == 1 and items[0].offset == 0 and (
            (T.is_struct(items[0].type) and T.is_struct(t)) or
            (T.is_array(items[0].type) and items[0].type.size == t.size and len(items[0].expr.data) >= t.size))
        if not covered:
            self.zero_fill(var.home.offset, t.size)
        for item in items:
            if isinstance(item.expr, Str) and T.is_array(item.type):
                self.store_bytes(var, item.offset, item.expr.data[:item.type.size], zeroed=not covered)
            elif T.is_struct(item.type):
                src = self.gen_addr(item.expr)
                self.copy(addr_of(item.offset), src, item.type)
            elif item.bit_width is not None:
                v = self.gen(item.expr)
                self.store_bitfield(addr_of(item.offset), item.type, item.bit_width, item.bit_offset, v,
                                    item.bit_bytes)
                self.regs.free_temp(v)
            else:
                self.store_value(addr_of(item.offset), item.type, item.expr)

    def assign_var(self, var: Var, value) -> None:
        """var = value, for a scalar local (value None: leave it undefined)."""
        if var.home.kind == "none":
            if value is not None:
                self.effect(value)
            return
        if value is None:
            if var.home.kind == "frame":
                self.zero_fill(var.home.offset, var.type.size, aligned=False)
            return
        if var.home.kind == "reg":
            if self.constant_to_home(var, value):
                return
            if isinstance(value, (Binary, Unary)):
                home = self.var_temp(var)
                v = getattr(self, "gen_" + type(value).__name__)(value, into=home)
            else:
                v = self.gen(value)
            self.move_to_home(var, v)
            self.regs.free_temp(v)
            return
        self.store_value(Addr(self.fp, var.home.offset, frame_var=var), var.type, value)

    def zero_fill(self, offset: int, size: int, aligned: bool = True) -> None:
        """Zero `size` bytes of the frame at c29+offset (16-aligned when `aligned`)."""
        pos = 0
        if aligned and size >= 256:
            count = size // 32
            loop = self.new_label("zero")
            if fits14(offset):
                self.emit(f"add c16, c29, #{offset}")
            else:
                self.emit(f"mov x16, #{offset}")
                self.emit("add c16, c29, x16")
            self.emit(f"mov x17, #{count}")
            self.place(loop)
            if self.hybrid:                  # no alternate-base pair store in A64
                self.emit("str czr, [c16]")
                self.emit("str czr, [c16, #16]")
            else:
                self.emit("stp czr, czr, [c16]")
            self.emit("add c16, c16, #32")
            self.emit("sub x17, x17, #1")
            self.emit(f"cbnz x17, {loop}")
            pos = count * 32
        while pos < size:
            left = size - pos
            step = 16 if aligned and left >= 16 else 8 if left >= 8 and (aligned or (offset + pos) % 8 == 0) \
                else 4 if left >= 4 and (offset + pos) % 4 == 0 else 2 if left >= 2 and (offset + pos) % 2 == 0 else 1
            insn = {16: "str czr", 8: "str xzr", 4: "strw xzr", 2: "strh xzr", 1: "strb xzr"}[step]
            self.emit(f"{insn}, {self.mem_slot(offset + pos)}")
            pos += step

    def store_bytes(self, var: Var, offset: int, data: bytes, zeroed: bool) -> None:
        """Store constant bytes into local var at offset, 8 at a time. A chunk of zeros is skipped
        only when the var was `zeroed` first: an array a string literal fills whole was not, and
        its frame slot holds whatever an earlier call left there (the literal's terminating zero
        must be stored like any other byte)."""
        base = var.home.offset + offset
        pos = 0
        while pos < len(data):
            left = len(data) - pos
            step = 8 if left >= 8 and (base + pos) % 8 == 0 else 4 if left >= 4 and (base + pos) % 4 == 0 \
                else 2 if left >= 2 and (base + pos) % 2 == 0 else 1
            chunk = int.from_bytes(data[pos:pos + step], "little")
            insn = {8: "str", 4: "strw", 2: "strh", 1: "strb"}[step]
            if chunk:
                self.emit(f"mov x17, #{chunk:#x}")
                self.emit(f"{insn} x17, {self.mem_slot(base + pos)}")
            elif not zeroed:
                self.emit(f"{insn} xzr, {self.mem_slot(base + pos)}")
            pos += step


def generate(program: Program) -> str:
    try:
        return ModuleGen(program).generate()
    except CompileError:
        raise
    except RecursionError:
        raise error_at(None, "expression nests too deeply") from None
