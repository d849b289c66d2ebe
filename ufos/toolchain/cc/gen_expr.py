"""Code generation for expressions (mixed into codegen.FunctionGen).

    gen(e)            the value of e in a register (a Temp, see regs.py); a struct's value is a
                      capability to it
    gen_addr(e)       where an lvalue is: an Addr, [base capability + offset (+ index << shift)]
    effect(e)         evaluate e for its side effects only
    branch(e, L, b)   jump to L if e's truth is b: compare-and-branch, no 0/1 value made

Integers are kept in 64-bit registers, sign- or zero-extended as their C type says; after an
operation that can leave that range (+ - * << and unary - ~ on int), sxtw/uxtw puts it back.
Pointers are capabilities: arithmetic moves the address (`add cD, cN, xM, lsl #k`), comparisons
and differences use the address (the x view). A float is computed in a double register and
rounded to single precision after each operation (fcvts + fcvtd), so results match IEEE single.

Register variables: a scalar local in a register is used in place (a "borrowed" Temp), and an
assignment to it computes straight into its register where it can (`into`).

Memory (addresses, loads, stores, copies) is in gen_memory.py, calls in gen_call.py.
"""
from __future__ import annotations


from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.errors import error_at
from ufos.toolchain.cc.gen_call import CallGen
from ufos.toolchain.cc.gen_memory import MemoryGen, double_bits, elem_size, fits14, log2
from ufos.toolchain.cc.nodes import (Assign, Binary, Call, Cast, Comma, Compare, Cond, Const, FConst, IncDec, Logical,
                                     Member, Not, OpAssign, PtrAdd, Str, Unary, Var, VarRef)
from ufos.toolchain.cc.regs import FP_SCRATCH, Temp, reg_name

SIGNED_COND = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
UNSIGNED_COND = {"==": "eq", "!=": "ne", "<": "lo", "<=": "ls", ">": "hi", ">=": "hs"}
FLOAT_COND = {"==": "eq", "!=": "ne", "<": "mi", "<=": "ls", ">": "gt", ">=": "ge"}
INVERSE = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "gt": "le", "le": "gt", "lo": "hs", "hs": "lo",
           "hi": "ls", "ls": "hi", "mi": "pl", "pl": "mi"}
MIRROR = {"==": "==", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
INT_OPS = {"+": "add", "-": "sub", "*": "mul", "&": "and", "|": "orr", "^": "eor", "<<": "lsl"}
FLOAT_OPS = {"+": "fadd", "-": "fsub", "*": "fmul", "/": "fdiv"}
WRAPPING = {"+", "-", "*", "<<", "neg", "bitnot"}


def extend_insn(t) -> str | None:
    """The instruction that brings a 64-bit register back into integer type t's range."""
    if not isinstance(t, T.IntType) or t.size >= 8:
        return None
    return ("u" if t.unsigned else "s") + {1: "xtb", 2: "xth", 4: "xtw"}[t.size]


def needs_extend(s, t) -> bool:
    """Does converting integer type s to integer type t change the 64-bit register?"""
    if not isinstance(t, T.IntType) or t.size >= 8:
        return False
    if isinstance(s, T.IntType) and s.kind != "intcap":
        if s.size < t.size and (s.unsigned or not t.unsigned):
            return False
        if s.size == t.size and s.unsigned == t.unsigned:
            return False
    return True


class ExprGen(MemoryGen, CallGen):
    # =============================================================================================
    # Dispatch
    # =============================================================================================
    def gen(self, e) -> Temp | None:
        method = getattr(self, "gen_" + type(e).__name__, None)
        if method is None:
            raise error_at(e.loc, f"cannot generate code for {type(e).__name__}")
        return method(e)

    def effect(self, e) -> None:
        if isinstance(e, (Assign, OpAssign, IncDec, Call)):
            self.regs.free_temp(getattr(self, "gen_" + type(e).__name__)(e, want=False))
        elif isinstance(e, Comma):
            self.effect(e.left)
            self.effect(e.right)
        elif isinstance(e, Cast) and T.is_void(e.type):
            self.effect(e.operand)
        elif isinstance(e, Cond):
            self.cond_effect(e)
        elif isinstance(e, Logical):
            skip = self.new_label("skip")
            snap = self.regs.snapshot()
            self.branch_with(e.left, skip, e.op == "||", snap)
            self.regs.restore(snap)
            self.effect(e.right)
            self.regs.restore(snap)
            self.place(skip)
        elif isinstance(e, (VarRef, Const, FConst, Str)):
            pass
        else:
            self.regs.free_temp(self.gen(e))

    # =============================================================================================
    # Temporaries
    # =============================================================================================
    def result(self, cls: str, operands=(), into: Temp | None = None) -> Temp:
        """The register for an instruction's result, after its operands' names were taken: `into`,
        or an owned operand's register (same bank), or a new one. The other operands are freed."""
        bank = "d" if cls == "d" else "i"
        reuse = None
        if into is None:
            for o in operands:
                if o is not None and o.owned and o.bank == bank and o.num is not None:
                    reuse = o
                    break
        for o in operands:
            if o is not reuse:
                self.regs.free_temp(o)
        if into is not None:
            return into
        if reuse is not None:
            return self.regs.retype(reuse, cls)
        return self.regs.alloc(cls)

    def owned(self, t: Temp) -> Temp:
        """t itself if the caller may overwrite it, else a copy."""
        if t.owned:
            return t
        src = self.regs.name(t)
        dst = self.regs.alloc(t.cls)
        self.emit(f"{'fmov' if t.cls == 'd' else 'mov'} {self.regs.name(dst)}, {src}")
        return dst

    def n(self, t: Temp, cls: str | None = None) -> str:
        return self.regs.name(t, cls)

    def mov_imm(self, reg: str, value: int) -> None:
        self.emit(f"mov {reg}, #{value}" if value else f"mov {reg}, xzr")

    # =============================================================================================
    # Constants and variables
    # =============================================================================================
    def gen_Const(self, e: Const) -> Temp:
        cls = T.reg_class(e.type) or "x"
        if cls == "d":
            return self.float_constant(float(e.value), e.type)
        t = self.regs.alloc(cls)
        value = e.value if not T.is_pointer(e.type) else e.value & (2**64 - 1)
        self.mov_imm(self.n(t, "x"), value)
        return t

    def gen_FConst(self, e: FConst) -> Temp:
        return self.float_constant(e.value, e.type)

    def float_constant(self, value: float, t) -> Temp:
        d = self.regs.alloc("d")
        bits = double_bits(value)
        if bits == 0:
            self.emit(f"fmov {self.n(d)}, xzr")
        else:
            self.emit(f"mov x17, #{bits:#x}")
            self.emit(f"fmov {self.n(d)}, x17")
        return d

    def gen_Str(self, e: Str) -> Temp:
        return self.symbol_cap(e.label)

    def gen_VarRef(self, e: VarRef) -> Temp:
        v = e.var
        if T.is_func(e.type):
            return self.function_cap(v)
        if T.is_struct(e.type) or T.is_array(e.type):
            return self.addr_to_cap(self.gen_addr(e))
        if v.storage in ("local", "param") and v.home.kind == "reg":
            return Temp(T.reg_class(v.type), v.home.reg, owned=False)
        return self.load(self.gen_addr(e), e.type)

    # =============================================================================================
    # Conversions
    # =============================================================================================
    def gen_Cast(self, e: Cast) -> Temp | None:
        if T.is_void(e.type):
            self.effect(e.operand)
            return None
        v = self.gen(e.operand)
        return self.convert(v, e.operand.type, e.type)

    def convert(self, v: Temp, s, t) -> Temp:
        s, t = T.unqualified(s), T.unqualified(t)
        if T.is_struct(t) or T.is_void(t):
            return v
        sc, tc = T.reg_class(s), T.reg_class(t)
        if isinstance(t, T.IntType) and t.kind == "bool":
            if isinstance(s, T.IntType) and s.kind == "bool":
                return v
            return self.truth_value(v, sc)
        if sc == "d" and tc == "d":
            if t.size == 4 and s.size == 8:
                return self.round_float(v)
            return v
        if sc == "d":                       # to an integer: toward zero
            name = self.n(v)
            v = self.result("x", [v])
            self.emit(f"{'fcvtzu' if t.unsigned else 'fcvtzs'} {self.n(v)}, {name}")
            s, sc = (T.ULONG if t.unsigned else T.LONG), "x"
        if tc == "d":
            name = self.n(v, "x")
            dst = self.result("d", [v])
            unsigned = isinstance(s, T.IntType) and s.unsigned or T.is_pointer(s)
            self.emit(f"{'ucvtf' if unsigned else 'scvtf'} {self.n(dst)}, {name}")
            return self.round_float(dst) if t.size == 4 else dst
        if tc == "c":
            if sc == "c":
                return v
            if T.is_pointer(s) and T.is_pointer(t):     # hybrid: a pointer becomes a capability
                return self.via(v, "c", "cvtd")
            # an integer's register is never tagged, so as a capability it is null-derived
            return self.regs.retype(v, "c") if v.owned else Temp("c", v.num, owned=False)
        if sc == "c":
            if T.is_pointer(s) and T.is_pointer(t):     # hybrid: a capability becomes a pointer
                return self.via(v, "x", "cvt")
            dst = self.via(v, "x", "gcvalue")           # a capability's address, as an integer
            return self.narrow(dst, T.ULONG, t)
        return self.narrow(v, s, t)

    def via(self, v: Temp, cls: str, insn: str) -> Temp:
        """`insn dst, v`: a one-instruction conversion into a register of class cls."""
        name = self.n(v)
        dst = self.result(cls, [v])
        self.emit(f"{insn} {self.n(dst)}, {name}")
        return dst

    def narrow(self, v: Temp, s, t) -> Temp:
        if not needs_extend(s, t):
            return v
        name = self.n(v, "x")
        dst = self.result("x", [v])
        self.emit(f"{extend_insn(t)} {self.n(dst)}, {name}")
        return dst

    def normalize(self, dst: Temp, t, op: str) -> None:
        """Bring an int result back into its type's range after an operation that may overflow."""
        if op not in WRAPPING or not isinstance(t, T.IntType) or t.size >= 8:
            return
        if op == "bitnot" and not t.unsigned:
            return
        d = self.n(dst, "x")
        self.emit(f"{extend_insn(t)} {d}, {d}")

    def round_float(self, v: Temp) -> Temp:
        """Round a double register to single precision (the value a float can hold)."""
        name = self.n(v)
        dst = self.result("d", [v])
        self.emit(f"fcvts x17, {name}")
        self.emit(f"fcvtd {self.n(dst)}, x17")
        return dst

    def truth_value(self, v: Temp, cls: str) -> Temp:
        """v != 0, as 0 or 1."""
        if cls == "d":
            name = self.n(v)
            self.regs.free_temp(v)
            self.emit(f"fmov {FP_SCRATCH}, xzr")
            self.emit(f"fcmp {name}, {FP_SCRATCH}")
        else:
            name = self.n(v, "x")
            self.regs.free_temp(v)
            self.emit(f"cmp {name}, #0")
        dst = self.regs.alloc("x")
        self.emit(f"cset {self.n(dst)}, ne")
        return dst

    # =============================================================================================
    # Arithmetic
    # =============================================================================================
    def gen_Unary(self, e, into: Temp | None = None) -> Temp:
        v = self.gen(e.operand)
        t = e.type
        if T.is_float(t):
            name = self.n(v)
            dst = self.result("d", [v], into)
            self.emit(f"fneg {self.n(dst)}, {name}")
            return dst
        if T.is_intcap(t):
            name = self.n(v, "x")
            self.emit(f"{'neg' if e.op == 'neg' else 'mvn'} x17, {name}")
            cap = self.n(v)
            dst = self.result("c", [v], into)
            self.emit(f"scvalue {self.n(dst)}, {cap}, x17")
            return dst
        name = self.n(v, "x")
        dst = self.result("x", [v], into)
        self.emit(f"{'neg' if e.op == 'neg' else 'mvn'} {self.n(dst)}, {name}")
        self.normalize(dst, t, e.op)
        return dst

    def gen_Binary(self, e, into: Temp | None = None) -> Temp:
        t = e.type
        if T.is_float(t):
            a, b = self.gen(e.left), self.gen(e.right)
            na, nb = self.regs.names(a, b)
            dst = self.result("d", [a, b], into)
            self.emit(f"{FLOAT_OPS[e.op]} {self.n(dst)}, {na}, {nb}")
            return self.round_float(dst) if t.size == 4 else dst
        if T.is_intcap(t):
            return self.intcap_binary(e, into)
        a = self.gen(e.left)
        return self.arith(e.op, t, a, e.right, into)

    def arith(self, op: str, t, a: Temp, right, into: Temp | None = None) -> Temp:
        """a op right, of integer type t (a already evaluated)."""
        imm = self.immediate_form(op, right, t)
        if imm is not None:
            insn, value = imm
            na = self.n(a, "x")
            dst = self.result("x", [a], into)
            self.emit(f"{insn} {self.n(dst)}, {na}, #{value}")
        else:
            if isinstance(right, Const):              # a constant that is no immediate: via x16
                b = None
                na = self.n(a, "x")
                dst = self.result("x", [a], into)
                nb = "x16"
                self.mov_imm("x16", right.value)
            else:
                b = self.gen(right)
                na, nb = self.regs.names(a, b, cls="x")
                dst = self.result("x", [a, b], into)
            d = self.n(dst)
            if op in ("/", "%"):
                div = "udiv" if t.unsigned else "sdiv"
                if op == "/":
                    self.emit(f"{div} {d}, {na}, {nb}")
                else:
                    self.emit(f"{div} x17, {na}, {nb}")
                    self.emit(f"msub {d}, x17, {nb}, {na}")
            elif op == ">>":
                self.emit(f"{'lsr' if t.unsigned else 'asr'} {d}, {na}, {nb}")
            else:
                self.emit(f"{INT_OPS[op]} {d}, {na}, {nb}")
        self.normalize(dst, t, op)
        return dst

    @staticmethod
    def immediate_form(op: str, right, t):
        """(instruction, immediate) if `x op right` can use an immediate operand."""
        if not isinstance(right, Const):
            return None
        v = right.value
        if op == "+" and fits14(v):
            return "add", v
        if op == "-" and fits14(-v):
            return "add", -v
        if op in ("&", "|", "^") and t.size == 8 and v >= 1 << 63:
            v -= 1 << 64                # the same 64 bits (~3UL is #-4: the immediate is sign-extended)
        if op in ("&", "|", "^") and fits14(v):
            return {"&": "and", "|": "orr", "^": "eor"}[op], v
        if op in ("<<", ">>") and 0 <= v < 64:
            return ("lsl" if op == "<<" else "lsr" if t.unsigned else "asr"), v
        k = log2(v) if v > 0 else None
        if op == "*" and k is not None:
            return "lsl", k
        if op == "/" and k is not None and t.unsigned:
            return "lsr", k
        if op == "%" and k is not None and t.unsigned and fits14(v - 1):
            return "and", v - 1
        return None

    def intcap_binary(self, e, into: Temp | None) -> Temp:
        """Arithmetic on (u)intptr_t: on the address, keeping the capability of an operand that
        was one."""
        a, b = self.gen(e.left), self.gen(e.right)
        na, nb = self.regs.names(a, b, cls="x")
        src = a if not (isinstance(e.left, Cast) and not T.is_capability(e.left.operand.type)) else b
        op = e.op
        if op in ("/", "%"):
            div = "udiv" if e.type.unsigned else "sdiv"
            self.emit(f"{div} x17, {na}, {nb}")
            if op == "%":
                self.emit(f"msub x17, x17, {nb}, {na}")
        elif op == ">>":
            self.emit(f"{'lsr' if e.type.unsigned else 'asr'} x17, {na}, {nb}")
        else:
            self.emit(f"{INT_OPS[op]} x17, {na}, {nb}")
        cap = self.n(src, "c")
        dst = self.result("c", [a, b], into)
        self.emit(f"scvalue {self.n(dst)}, {cap}, x17")
        return dst

    def gen_PtrAdd(self, e: PtrAdd) -> Temp:
        p = self.gen(e.ptr)
        size = elem_size(e.ptr.type)
        return self.pointer_step(p, e.op, e.index, size)

    def pointer_step(self, p: Temp, op: str, index, size: int, into: Temp | None = None) -> Temp:
        cls = p.cls                        # a capability, or a hybrid pointer's integer address
        if isinstance(index, Const):
            step = index.value * size * (1 if op == "+" else -1)
            np_ = self.n(p)
            dst = self.result(cls, [p], into)
            if fits14(step):
                self.emit(f"add {self.n(dst)}, {np_}, #{step}")
            else:
                self.mov_imm("x16", step)
                self.emit(f"add {self.n(dst)}, {np_}, x16")
            return dst
        idx, shift = self.scaled_index(self.gen(index), size, False)
        np_, ni = self.regs.names(p, idx)
        ni = self.n(idx, "x")
        dst = self.result(cls, [p, idx], into)
        if op == "+":
            self.add_shifted(self.n(dst), np_, ni, shift)
            return dst
        if shift and cls == "x":
            self.emit(f"lsl x17, {ni}, #{shift}")
            ni, shift = "x17", 0
        self.emit(f"sub {self.n(dst)}, {np_}, {ni}" + (f", lsl #{shift}" if shift else ""))
        return dst

    def gen_VlaAlloc(self, e) -> Temp:
        """Storage for a variable-length array: csp moves down by the size rounded up to 16, and
        the array is what lies above the outgoing-argument area (which stays at csp), bounded to
        exactly its size."""
        from ufos.toolchain.cc.codegen import OUTGOING_MARK
        size = self.gen(e.size)
        (ns,) = self.regs.names(size, cls="x")
        self.emit(f"add x17, {ns}, #15")
        self.emit("lsr x17, x17, #4")
        self.emit("lsl x17, x17, #4")
        self.emit("sub csp, csp, x17")
        self.emit(f"mov x17, {ns}")
        dst = self.result(self.ptr, [size])
        d = self.n(dst, "c")
        self.emit(f"add {d}, csp, #{OUTGOING_MARK}")
        if self.hybrid:
            self.emit(f"cvt {self.n(dst)}, {d}")             # its address, an offset in DDC
        else:
            self.emit(f"scbnds {d}, {d}, x17")
        self.force_frame = self.uses_vlas = True
        return dst

    def gen_PtrDiff(self, e) -> Temp:
        a, b = self.gen(e.left), self.gen(e.right)
        na, nb = self.regs.names(a, b, cls="x")
        dst = self.result("x", [a, b])
        d = self.n(dst)
        self.emit(f"sub {d}, {na}, {nb}")
        size = e.elem_size
        if size > 1:
            k = log2(size)
            if k is not None:
                self.emit(f"asr {d}, {d}, #{k}")
            else:
                self.mov_imm("x17", size)
                self.emit(f"sdiv {d}, {d}, x17")
        return dst

    # =============================================================================================
    # Comparisons and conditions
    # =============================================================================================
    def compare(self, e: Compare) -> str:
        """Emit the comparison; returns the condition that holds when it is true."""
        left, right, op = e.left, e.right, e.op
        t = left.type
        if T.is_float(t):
            a, b = self.gen(left), self.gen(right)
            na, nb = self.regs.names(a, b)
            self.regs.free_all(a, b)
            self.emit(f"fcmp {na}, {nb}")
            return FLOAT_COND[op]
        if isinstance(left, Const) and not isinstance(right, Const):
            left, right, op = right, left, MIRROR[op]
        signed = isinstance(t, T.IntType) and not t.unsigned
        conds = SIGNED_COND if signed else UNSIGNED_COND
        a = self.gen(left)
        if isinstance(right, Const):
            na = self.n(a, "x")
            self.regs.free_temp(a)
            if fits14(right.value):
                self.emit(f"cmp {na}, #{right.value}")
            else:
                self.mov_imm("x16", right.value)
                self.emit(f"cmp {na}, x16")
        else:
            b = self.gen(right)
            na, nb = self.regs.names(a, b, cls="x")
            self.regs.free_all(a, b)
            self.emit(f"cmp {na}, {nb}")
        return conds[op]

    def compare_immediate(self, v: Temp, value: int) -> None:
        name = self.n(v, "x")
        if fits14(value):
            self.emit(f"cmp {name}, #{value}")
        else:
            self.mov_imm("x17", value)
            self.emit(f"cmp {name}, x17")

    def gen_Compare(self, e: Compare) -> Temp:
        cond = self.compare(e)
        dst = self.regs.alloc("x")
        self.emit(f"cset {self.n(dst)}, {cond}")
        return dst

    def gen_Not(self, e: Not) -> Temp:
        if isinstance(e.operand, Compare):
            cond = INVERSE[self.compare(e.operand)]
            dst = self.regs.alloc("x")
            self.emit(f"cset {self.n(dst)}, {cond}")
            return dst
        v = self.gen(e.operand)
        t = self.truth_value(v, T.reg_class(e.operand.type))
        d = self.n(t)
        self.emit(f"eor {d}, {d}, #1")
        return t

    def gen_Logical(self, e: Logical) -> Temp:
        snap = self.regs.snapshot()              # (leaves a register free for the result)
        false, end = self.new_label("false"), self.new_label("end")
        self.branch_with(e, false, False, snap)
        self.regs.restore(snap)
        dst = self.regs.alloc("x")
        d = self.n(dst)
        self.emit(f"mov {d}, #1")
        self.emit(f"b {end}")
        self.place(false)
        self.emit(f"mov {d}, xzr")
        self.place(end)
        return dst

    def branch(self, e, label: str, when: bool) -> None:
        snap = self.regs.snapshot()
        self.branch_with(e, label, when, snap)
        self.regs.restore(snap)

    def branch_with(self, e, label: str, when: bool, snap) -> None:
        """Jump to label if e's truth is `when`; the temporaries are as in snap at every jump."""
        if isinstance(e, Const):
            if bool(e.value) == when:
                self.regs.restore(snap)
                self.emit(f"b {label}")
            return
        if isinstance(e, Not):
            self.branch_with(e.operand, label, not when, snap)
            return
        if isinstance(e, Logical):
            if (e.op == "&&") == when:
                skip = self.new_label("skip")
                self.branch_with(e.left, skip, not when, snap)
                self.branch_with(e.right, label, when, snap)
                self.place(skip)
            else:
                self.branch_with(e.left, label, when, snap)
                self.branch_with(e.right, label, when, snap)
            return
        if isinstance(e, Compare):
            zero_test = {"==": "==", "!=": "!="}
            if T.is_pointer(e.left.type) or isinstance(e.left.type, T.IntType) and e.left.type.unsigned:
                zero_test.update({">": "!=", "<=": "=="})     # unsigned: x > 0 is x != 0
            if e.op in zero_test and isinstance(e.right, Const) and e.right.value == 0 \
                    and not T.is_float(e.left.type):
                self.test_and_branch(self.gen(e.left), label, when == (zero_test[e.op] == "!="), snap)
                return
            cond = self.compare(e)
            self.regs.restore(snap)
            self.emit(f"b.{cond if when else INVERSE[cond]} {label}")
            return
        v = self.gen(e)
        if T.is_float(e.type):
            name = self.n(v)
            self.regs.free_temp(v)
            self.emit(f"fmov {FP_SCRATCH}, xzr")
            self.emit(f"fcmp {name}, {FP_SCRATCH}")
            self.regs.restore(snap)
            self.emit(f"b.{'ne' if when else 'eq'} {label}")
            return
        self.test_and_branch(v, label, when, snap)

    def test_and_branch(self, v: Temp, label: str, nonzero: bool, snap) -> None:
        self.regs.restore(snap, keep=v)
        name = self.n(v, "x")
        self.regs.free_temp(v)
        self.emit(f"{'cbnz' if nonzero else 'cbz'} {name}, {label}")

    # =============================================================================================
    # ?: and ,
    # =============================================================================================
    def gen_Cond(self, e: Cond) -> Temp | None:
        if T.is_void(e.type):
            self.cond_effect(e)
            return None
        snap = self.regs.snapshot()
        other, end = self.new_label("else"), self.new_label("end")
        self.branch_with(e.cond, other, False, snap)
        self.regs.restore(snap)
        a = self.owned(self.gen(e.then))
        self.regs.restore(snap, keep=a)
        cls = a.cls
        reg = self.regs.forget(a)
        self.emit(f"b {end}")
        self.place(other)
        b = self.owned(self.gen(e.other))
        self.regs.restore(snap, keep=b)
        if b.num != reg:
            self.emit(self.move_insn(cls, reg, b.num))
        self.regs.forget(b)
        self.place(end)
        return self.regs.adopt(cls, reg)

    def cond_effect(self, e: Cond) -> None:
        other, end = self.new_label("else"), self.new_label("end")
        snap = self.regs.snapshot()
        self.branch_with(e.cond, other, False, snap)
        self.regs.restore(snap)
        self.effect(e.then)
        self.regs.restore(snap)
        self.emit(f"b {end}")
        self.place(other)
        self.effect(e.other)
        self.regs.restore(snap)
        self.place(end)

    def gen_Comma(self, e: Comma) -> Temp | None:
        self.effect(e.left)
        return self.gen(e.right)

    # =============================================================================================
    # Assignment
    # =============================================================================================
    def reg_var(self, target) -> Var | None:
        """The variable, if target is a variable kept in a register."""
        if isinstance(target, VarRef) and target.var.storage in ("local", "param") \
                and target.var.home is not None and target.var.home.kind == "reg":
            return target.var
        return None

    def var_temp(self, v: Var) -> Temp:
        return Temp(T.reg_class(v.type), v.home.reg, owned=False)

    def constant_to_home(self, v: Var, e) -> bool:
        """If e is an integer constant, put it straight in v's register."""
        if isinstance(e, Const) and T.reg_class(v.type) in ("x", "c"):
            self.mov_imm(f"x{v.home.reg}", e.value & (2**64 - 1) if T.is_pointer(e.type) else e.value)
            return True
        return False

    def move_to_home(self, v: Var, value: Temp) -> None:
        cls = T.reg_class(v.type)
        name = self.n(value, cls)
        if value.num == v.home.reg and not value.owned:
            return
        self.emit(f"{'fmov' if cls == 'd' else 'mov'} {reg_name(cls, v.home.reg)}, {name}")

    def gen_Assign(self, e: Assign, want: bool = True) -> Temp | None:
        t = e.type
        target, value = e.target, e.value
        if T.is_struct(t):
            src = self.gen_addr(value)
            dst = self.gen_addr(target)
            kept = self.copy(dst, src, t, keep_dst=want)
            return self.addr_to_cap(kept) if want else None
        v = self.reg_var(target)
        if v is not None:
            home = self.var_temp(v)
            if self.constant_to_home(v, value):
                pass
            elif isinstance(value, (Binary, Unary)):
                r = getattr(self, "gen_" + type(value).__name__)(value, into=home)
                if r is not home:
                    self.move_to_home(v, r)
                    self.regs.free_temp(r)
            else:
                r = self.gen(value)
                self.move_to_home(v, r)
                self.regs.free_temp(r)
            return home if want else None
        if isinstance(target, Member) and target.bit_width is not None:
            r = self.gen(value)
            self.store_bitfield(self.gen_addr(target), target.type, target.bit_width, target.bit_offset, r,
                                target.bit_bytes)
            if want:
                return r
            self.regs.free_temp(r)
            return None
        if not want and ((isinstance(value, Const) and value.value == 0)
                         or (isinstance(value, FConst) and double_bits(value.value) == 0)):
            self.store(self.gen_addr(target), t, None)
            return None
        r = self.gen(value)
        self.store(self.gen_addr(target), t, r)
        if want:
            return r
        self.regs.free_temp(r)
        return None

    def assign_temp(self, target, value: Temp) -> None:
        """target = value (an lvalue expression and a register of its type)."""
        v = self.reg_var(target)
        if v is not None:
            self.move_to_home(v, value)
        else:
            self.store(self.gen_addr(target), target.type, value)

    def gen_OpAssign(self, e: OpAssign, want: bool = True) -> Temp | None:
        t, op = e.type, e.op
        v = self.reg_var(e.target)
        if v is not None:
            home = self.var_temp(v)
            new = self.apply_op(op, home, t, e.value, e.optype, into=home)
            if new is not home:
                self.move_to_home(v, new)
                self.regs.free_temp(new)
            return home if want else None
        if isinstance(e.target, Member) and e.target.bit_width is not None:
            m = e.target
            a = self.plain(self.gen_addr(m), m.type.size)
            cur = self.load_bitfield(a, m.type, m.bit_width, m.bit_offset, consume=False, nbytes=m.bit_bytes)
            new = self.apply_op(op, cur, t, e.value, e.optype)
            self.store_bitfield(a, m.type, m.bit_width, m.bit_offset, new, m.bit_bytes)
            return self.keep_or_free(new, want)
        a = self.plain(self.gen_addr(e.target), t.size)
        cur = self.load(a, t, consume=False)
        new = self.apply_op(op, cur, t, e.value, e.optype)
        self.store(a, t, new)
        return self.keep_or_free(new, want)

    def keep_or_free(self, t: Temp, want: bool) -> Temp | None:
        if want:
            return t
        self.regs.free_temp(t)
        return None

    def apply_op(self, op: str, cur: Temp, t, value, optype, into: Temp | None = None) -> Temp:
        """(T)((optype)cur op value): the new value of a compound assignment."""
        if op in ("ptr+", "ptr-"):
            return self.pointer_step(cur, op[3], value, elem_size(t), into)
        same = T.unqualified(t) == T.unqualified(optype)
        if T.is_float(optype):
            a = self.convert(cur, t, optype)
            b = self.gen(value)
            na, nb = self.regs.names(a, b)
            dst = self.result("d", [a, b], into if same else None)
            self.emit(f"{FLOAT_OPS[op]} {self.n(dst)}, {na}, {nb}")
            if optype.size == 4:
                dst = self.round_float(dst)
            return self.convert(dst, optype, t)
        if T.is_intcap(optype):
            a = self.convert(cur, t, optype)
            b = self.gen(value)
            na, nb = self.regs.names(a, b, cls="x")
            self.emit(f"{INT_OPS.get(op, 'add')} x17, {na}, {nb}" if op not in ("/", "%", ">>") else
                      f"{'udiv' if optype.unsigned else 'sdiv'} x17, {na}, {nb}")
            cap = self.n(a, "c")
            dst = self.result("c", [a, b], into if same else None)
            self.emit(f"scvalue {self.n(dst)}, {cap}, x17")
            return self.convert(dst, optype, t)
        a = self.convert(cur, t, optype)
        r = self.arith(op, optype, a, value, into if same else None)
        return self.convert(r, optype, t)

    def gen_IncDec(self, e: IncDec, want: bool = True) -> Temp | None:
        t = e.type
        v = self.reg_var(e.target)
        if v is not None:
            home = self.var_temp(v)
            old = self.owned(home) if want and not e.prefix else None
            self.step_in_place(home, t, e.delta)
            return old if old is not None else (home if want else None)
        target = e.target
        bitfield = isinstance(target, Member) and target.bit_width is not None
        a = self.plain(self.gen_addr(target), t.size)
        if bitfield:
            cur = self.load_bitfield(a, t, target.bit_width, target.bit_offset, consume=False,
                                     nbytes=target.bit_bytes)
        else:
            cur = self.load(a, t, consume=False)
        old = self.owned(Temp(cur.cls, cur.num, owned=False)) if want and not e.prefix else None
        self.step_in_place(cur, t, e.delta)
        if bitfield:
            self.store_bitfield(a, t, target.bit_width, target.bit_offset, cur, target.bit_bytes)
        else:
            self.store(a, t, cur)
        if old is not None:
            self.regs.free_temp(cur)
            return old
        return self.keep_or_free(cur, want)

    def step_in_place(self, r: Temp, t, delta: int) -> None:
        """r += delta (scaled for a pointer), staying in type t."""
        name = self.n(r)
        self.regs.written(r)
        if T.is_capability(t) or T.is_pointer(t):
            step = delta * elem_size(t) if T.is_pointer(t) else delta
            if fits14(step):
                self.emit(f"add {name}, {name}, #{step}")
            else:
                self.mov_imm("x16", step)
                self.emit(f"add {name}, {name}, x16")
        elif T.is_float(t):
            self.emit(f"mov x17, #{double_bits(float(delta)):#x}")
            self.emit(f"fmov {FP_SCRATCH}, x17")
            self.emit(f"fadd {name}, {name}, {FP_SCRATCH}")
            if t.size == 4:
                self.emit(f"fcvts x17, {name}")
                self.emit(f"fcvtd {name}, x17")
        elif t.kind == "bool":
            x = self.n(r, "x")
            self.emit(f"add {x}, {x}, #{delta}")
            self.emit(f"cmp {x}, #0")
            self.emit(f"cset {x}, ne")
        else:
            x = self.n(r, "x")
            self.emit(f"add {x}, {x}, #{delta}")
            self.normalize(r, t, "+")
