"""Code generation for memory (mixed into codegen.FunctionGen through gen_expr.ExprGen).

An `Addr` is where an lvalue is: a base capability + a constant offset (+ an index register
shifted left). `gen_addr(e)` finds it; `load`/`store` turn it into one `ldr`/`str` with the right
width and extension; `addr_to_cap` makes it a pointer value; `copy` moves a struct.

CHERI bounds: a local's address is `add cD, c29, #off` + `scbnds cD, cD, #size`, so an access
through it that leaves the object faults. Accesses the compiler can see are inside the object (a
scalar local, `s.x`, `a[3]` within bounds) use c29 directly (an Addr with `frame_var` set);
anything else (a variable index, `&x`, an array passed on) goes through the bounded capability,
kept in a register if the function uses it often (regalloc.py).

Globals, strings and functions are reached through the capability table (`adrp` + `ldr`), or
through a register that holds the capability for the whole function.

Hybrid (-mabi=hybrid, docs/abi.md): a plain pointer is an integer address in an x register
(`self.ptr` is "x"), and the machine checks each access against DDC. A `T * __capability`, and
the frame (c29, see codegen.py), are c registers, reached with the alternate-base forms
(`ldr x0, [c1, #8]`), which take an immediate offset only. A local's address as a pointer is
`cvt xD, c16` after `add c16, c29, #off` (no bounds of its own), and a global's `adrp` + `add`.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.errors import error_at
from ufos.toolchain.cc.nodes import (AddrOf, Cast, CompoundLit, Const, Deref, FConst, IncDec, Member, PtrAdd, Str, Var,
                                     VarRef)
from ufos.toolchain.cc.regs import Temp, reg_name


def fits14(v: int) -> bool:
    return -8192 <= v <= 8191


def log2(n: int) -> int | None:
    return n.bit_length() - 1 if n > 0 and n & (n - 1) == 0 else None


def elem_size(ptr_type) -> int:
    base = ptr_type.base
    if isinstance(base, T.VlaType):     # the checker scaled the step to bytes (expr.vla_step)
        return 1
    return 1 if T.is_void(base) or T.is_func(base) else base.size


def load_insn(t) -> str:
    if T.is_capability(t) or T.is_float(t):
        return "ldr"
    if t.size == 8:
        return "ldr"
    signed = not t.unsigned
    return {1: "ldrsb" if signed else "ldrb", 2: "ldrsh" if signed else "ldrh",
            4: "ldrsw" if signed else "ldrw"}[t.size]


def store_insn(t) -> str:
    if T.is_capability(t) or T.is_float(t) or t.size == 8:
        return "str"
    return {1: "strb", 2: "strh", 4: "strw"}[t.size]


def double_bits(value: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", value))[0]


PIECE_SUFFIX = {16: "", 8: "", 4: "w", 2: "h", 1: "b"}    # ldr/str of a piece of a struct copy


def tail_pieces(start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as (offset, size) pieces of 8, 4, 2 and 1 bytes, the largest that fit first."""
    pieces = []
    while start < end:
        n = next(k for k in (8, 4, 2, 1) if k <= end - start)
        pieces.append((start, n))
        start += n
    return pieces


@dataclass
class Addr:
    base: Temp                      # a capability (c29 for the frame)
    offset: int = 0
    index: Temp | None = None       # an integer register, shifted left by `shift`
    shift: int = 0
    frame_var: Var | None = None    # base is c29 and the address is inside this local
    post: tuple | None = None       # (register variable, step): `*p++`, stepped after the access


@dataclass
class MemRef:
    base: str
    offset: int
    index: str | None
    shift: int


class MemoryGen:
    # =============================================================================================
    # Capabilities to named things
    # =============================================================================================
    def symbol_cap(self, symbol: str) -> Temp:
        t = self.regs.alloc(self.ptr)
        self.symbol_cap_into(symbol, self.n(t))
        return t

    def function_cap(self, v: Var) -> Temp:
        v.referenced = True
        self.m.use_symbol(v)
        return self.symbol_cap(v.label)

    def global_cap(self, v: Var) -> Temp:
        reg = self.alloc.cached_caps.get(v)
        if reg is not None:
            return Temp(self.ptr, reg, owned=False)
        t = self.regs.alloc(self.ptr)
        self.global_cap_into(v, self.n(t))
        return t

    def frame_cap(self, v: Var) -> Temp:
        reg = self.alloc.cached_caps.get(v)
        if reg is not None:
            return Temp(self.ptr, reg, owned=False)
        t = self.regs.alloc(self.ptr)
        self.frame_cap_into(v, self.n(t))
        return t

    # =============================================================================================
    # Addresses
    # =============================================================================================
    def gen_addr(self, e) -> Addr:
        if isinstance(e, VarRef):
            return self.var_addr(e.var)
        if isinstance(e, Member):
            a = self.gen_addr(e.base)
            a.offset += e.offset
            return a
        if isinstance(e, Deref):
            return self.pointer_addr(e.operand)
        if isinstance(e, Str):
            return Addr(self.symbol_cap(e.label))
        if isinstance(e, CompoundLit):
            self.local_init(e.var, e.init)
            return Addr(self.fp, e.var.home.offset, frame_var=e.var)
        t = self.gen(e)                   # a struct value: a capability to it
        return Addr(t)

    def var_addr(self, v: Var) -> Addr:
        if v.storage in ("global", "static"):
            return Addr(self.global_cap(v))
        if v.storage == "func":
            return Addr(self.function_cap(v))
        home = v.home
        if home.kind == "frame":
            return Addr(self.fp, home.offset, frame_var=v)
        if home.kind == "indirect":
            if home.reg is not None:
                return Addr(Temp(self.ptr, home.reg, owned=False))
            t = self.regs.alloc(self.ptr)
            self.emit(f"ldr {self.n(t)}, {self.mem_slot(home.offset)}")
            return Addr(t)
        raise error_at(v.loc, f"internal error: '{v.name}' is in a register but its address is needed")

    def pointer_addr(self, p) -> Addr:
        """The address *p designates."""
        if isinstance(p, IncDec) and not p.prefix and T.is_pointer(p.type) and self.reg_var(p.target):
            v = self.reg_var(p.target)         # *p++: through p itself, then p steps on
            return Addr(self.var_temp(v), post=(v, p.delta * elem_size(p.type)))
        if isinstance(p, AddrOf):
            return self.gen_addr(p.operand)
        if isinstance(p, Cast) and T.is_capability(p.type) and T.is_pointer(p.operand.type):
            return self.pointer_addr(p.operand)
        if isinstance(p, PtrAdd):
            size = elem_size(p.ptr.type)
            if isinstance(p.index, Const):
                a = self.pointer_addr(p.ptr)
                step = p.index.value * size
                a.offset += step if p.op == "+" else -step
                return a
            base = self.gen(p.ptr)
            index, shift = self.scaled_index(self.gen(p.index), size, p.op == "-")
            return Addr(base, 0, index, shift)
        return Addr(self.gen(p))

    def scaled_index(self, idx: Temp, size: int, negate: bool) -> tuple[Temp, int]:
        shift = log2(size)
        if shift is not None and shift <= 7 and not negate:
            return idx, shift
        name = self.n(idx, "x")
        dst = self.result("x", [idx])
        d = self.n(dst)
        if shift is not None and shift <= 7:
            self.emit(f"neg {d}, {name}")
            return dst, shift
        self.mov_imm("x17", size)
        self.emit(f"mul {d}, {name}, x17")
        if negate:
            self.emit(f"neg {d}, {d}")
        return dst, 0

    def bounded(self, a: Addr) -> Addr:
        """a, through a capability bounded to its local variable rather than c29."""
        v = a.frame_var
        base = self.frame_cap(v)
        return Addr(base, a.offset - v.home.offset, a.index, a.shift)

    def mem_ref(self, a: Addr, size: int, value: Temp | None = None, value_cls: str | None = None):
        """Take the registers of an access of `size` bytes at a (and of the value to store);
        returns (MemRef, the Addr actually used, the value's register name)."""
        if a.frame_var is not None:
            v = a.frame_var
            lo = v.home.offset
            if a.index is not None or not (lo <= a.offset and a.offset + size <= lo + v.type.size):
                a = self.bounded(a)
        base, index, vname = self.regs.names(a.base, a.index, value, cls=None)
        if a.index is not None:
            index = self.n(a.index, "x")
        if value is not None and value_cls:
            vname = reg_name(value_cls, value.num)
        return MemRef(base, a.offset, index, a.shift), a, vname

    def mem_operand(self, ref: MemRef) -> str:
        """The operand text of an access; emits x16/c16 set-up for far offsets. Call it just
        before the load or store."""
        off, base = ref.offset, ref.base
        if self.hybrid and base.startswith("c"):
            return self.alternate_operand(ref)
        scratch = base[0] + "16"         # c16 or x16: a base of the same kind
        if ref.index is None:
            if off == 0:
                return f"[{base}]"
            if fits14(off):
                return f"[{base}, #{off}]"
            self.mov_imm("x16", off)
            return f"[{base}, x16]"
        idx = f"{ref.index}, lsl #{ref.shift}" if ref.shift else ref.index
        if off:
            if fits14(off):
                self.emit(f"add {scratch}, {base}, #{off}")
            else:
                self.mov_imm("x16", off)
                self.emit(f"add {scratch}, {base}, x16")
            base = scratch
        return f"[{base}, {idx}]"

    def alternate_operand(self, ref: MemRef) -> str:
        """The operand of an access through a __capability in hybrid code: the alternate-base
        forms take only an immediate offset, so an index or a far offset is added into c16."""
        base, off = ref.base, ref.offset
        if ref.index is None and fits14(off):
            return f"[{base}, #{off}]" if off else f"[{base}]"
        if ref.index is not None:
            self.emit(f"add c16, {base}, {ref.index}" + (f", lsl #{ref.shift}" if ref.shift else ""))
            base = "c16"
        if off and not fits14(off):
            self.mov_imm("x16", off)
            self.emit(f"add c16, {base}, x16")
            return "[c16]"
        return f"[{base}, #{off}]" if off else f"[{base}]"

    def add_shifted(self, d: str, base: str, index: str, shift: int) -> None:
        """d = base + (index << shift). A capability add shifts its index itself; the integer add
        has no shift, so an x base (a hybrid pointer) takes the shifted index from x17."""
        if shift and d.startswith("x"):
            self.emit(f"lsl x17, {index}, #{shift}")
            index, shift = "x17", 0
        self.emit(f"add {d}, {base}, {index}" + (f", lsl #{shift}" if shift else ""))

    def free_addr(self, a: Addr) -> None:
        self.regs.free_temp(a.base)
        self.regs.free_temp(a.index)

    def after_access(self, a: Addr) -> None:
        """The step of a `*p++` address, once the access through it is done."""
        if a.post is not None:
            v, step = a.post
            a.post = None
            self.step_in_place(self.var_temp(v), v.type, step // elem_size(v.type))

    def load(self, a: Addr, t, consume: bool = True) -> Temp:
        ref, a, _ = self.mem_ref(a, t.size)
        if consume:
            self.free_addr(a)
        dst = self.regs.alloc(T.reg_class(t))
        op = self.mem_operand(ref)
        d = self.n(dst)
        if T.is_float(t) and t.size == 4:
            self.emit(f"ldrw x17, {op}")
            self.emit(f"fcvtd {d}, x17")
        else:
            self.emit(f"{load_insn(t)} {d}, {op}")
        if consume:
            self.after_access(a)
        return dst

    def store(self, a: Addr, t, value: Temp | None) -> None:
        """Store value (None: zero) at a; frees the address, not the value."""
        cls = T.reg_class(t)
        ref, a, vname = self.mem_ref(a, t.size, value, "x" if cls == "x" else None)
        self.free_addr(a)
        op = self.mem_operand(ref)
        if value is None:
            zero = "czr" if cls == "c" else "xzr"
            insn = "strw" if T.is_float(t) and t.size == 4 else store_insn(t)
            self.emit(f"{insn} {zero}, {op}")
        elif T.is_float(t) and t.size == 4:
            self.emit(f"fcvts x17, {vname}")
            self.emit(f"strw x17, {op}")
        else:
            self.emit(f"{store_insn(t)} {vname}, {op}")
        self.after_access(a)

    def near(self, a: Addr, n: int) -> Addr:
        """a as a base with a small offset and no index, so that each byte of an n-byte access
        has an immediate operand (mem_operand then needs neither x16 nor c16)."""
        if a.index is None and a.post is None and fits14(a.offset) and fits14(a.offset + n):
            if a.frame_var is None:
                return a
            v = a.frame_var
            if v.home.offset <= a.offset and a.offset + n <= v.home.offset + v.type.size:
                return a
        return Addr(self.addr_to_cap(a))

    def load_bytes(self, a: Addr, n: int, consume: bool = True) -> Temp:
        """The n bytes at a, little-endian, read one by one into an integer register: a packed
        bit-field's own bytes, which may be 3 or 5 to 7 of them and must not be read past its
        struct's end (CHERI bounds would catch that). x17 gathers the bytes, x16 holds each."""
        b = self.near(a, n)
        ref, b, _ = self.mem_ref(b, n)
        for k in reversed(range(n)):
            op = self.mem_operand(MemRef(ref.base, ref.offset + k, None, 0))
            if k == n - 1:
                self.emit(f"ldrb x17, {op}")
            else:
                self.emit(f"ldrb x16, {op}")
                self.emit("lsl x17, x17, #8")
                self.emit("orr x17, x17, x16")
        if b is not a:
            self.free_addr(b)        # (near's own capability)
        if consume:
            self.free_addr(a)
        dst = self.regs.alloc("x")
        self.emit(f"mov {self.n(dst)}, x17")
        if consume:
            self.after_access(a)
        return dst

    def store_bytes_at(self, a: Addr, n: int, value: Temp) -> None:
        """Store the low n bytes of integer value at a, one by one (see load_bytes), through x17;
        frees the address, not the value."""
        a = self.near(a, n)
        ref, a, vname = self.mem_ref(a, n, value, "x")
        self.emit(f"mov x17, {vname}")
        for k in range(n):
            if k:
                self.emit("lsr x17, x17, #8")
            self.emit(f"strb x17, {self.mem_operand(MemRef(ref.base, ref.offset + k, None, 0))}")
        self.free_addr(a)
        self.after_access(a)

    def store_value(self, a: Addr, t, e) -> None:
        """*a = e, for a scalar or struct e of type t."""
        if T.is_struct(t):
            self.copy(a, self.gen_addr(e), t)
            return
        if (isinstance(e, Const) and e.value == 0) or (isinstance(e, FConst) and double_bits(e.value) == 0):
            self.store(a, t, None)
            return
        if isinstance(e, Const) and T.reg_class(t) == "x":
            ref, a, _ = self.mem_ref(a, t.size)
            self.free_addr(a)
            self.mov_imm("x17", e.value)
            self.emit(f"{store_insn(t)} x17, {self.mem_operand(ref)}")
            self.after_access(a)
            return
        v = self.gen(e)
        self.store(a, t, v)
        self.regs.free_temp(v)

    def addr_to_cap(self, a: Addr) -> Temp:
        """A capability register holding address a (bounded to its local, if it is in one)."""
        if a.frame_var is not None:
            a = self.bounded(a)
        if a.post is not None:                  # `&*p++`: the old p, then the step
            dst = self.owned(a.base)
            self.after_access(a)
            a = Addr(dst, a.offset)
        if a.index is None and a.offset == 0:
            return a.base
        if self.hybrid and a.base is self.fp:      # a frame object (a copy, a result): by address
            dst = self.regs.alloc("x")
            self.frame_object_into(self.n(dst), a.offset, 0)
            return dst
        cls = a.base.cls
        base, index = self.regs.names(a.base, a.index)
        if a.index is not None:
            index = self.n(a.index, "x")
        dst = self.result(cls, [a.base, a.index])
        d = self.n(dst)
        if index is not None:
            self.add_shifted(d, base, index, a.shift)
            base = d
        if a.offset:
            if fits14(a.offset):
                self.emit(f"add {d}, {base}, #{a.offset}")
            else:
                self.mov_imm("x16", a.offset)
                self.emit(f"add {d}, {base}, x16")
        return dst

    # =============================================================================================
    # Struct copies
    # =============================================================================================
    def copy(self, dst: Addr, src: Addr, t, keep_dst: bool = False):
        """*dst = *src for an aggregate of type t: 16-byte granules with ldr/str c when t may hold
        capabilities (keeping their tags), else 8-byte pieces, and what is left in pieces of 4, 2
        and 1 (misaligned ones too, in a packed struct: the machine allows them, as Arm does)."""
        size = t.size
        chunk = 16 if t.align >= 16 or T.holds_capability(t) else 8     # (packing never misaligns a
        # capability: check.py)
        src = self.plain(src, size)
        dst = self.plain(dst, size)
        tmp = self.regs.alloc("c" if chunk == 16 else "x")
        whole = size // chunk * chunk
        if size <= 128:
            for off, n in [(off, chunk) for off in range(0, whole, chunk)] + tail_pieces(whole, size):
                piece = T.IntType({1: "char", 2: "short", 4: "int", 8: "long"}[n], True) if n < 16 else T.pointer_to(T.VOID)
                name = self.n(tmp, "c" if n == 16 else "x")
                sref, _, _ = self.mem_ref(Addr(src.base, src.offset + off, frame_var=src.frame_var), n)
                self.emit(f"{load_insn(piece)} {name}, {self.mem_operand(sref)}")
                dref, _, vname = self.mem_ref(Addr(dst.base, dst.offset + off, frame_var=dst.frame_var), n, tmp)
                self.emit(f"{store_insn(piece)} {name}, {self.mem_operand(dref)}")
        else:
            self.copy_loop(dst, src, size, chunk, tmp)
        self.regs.free_temp(tmp)
        self.free_addr(src)
        self.after_access(src)
        self.after_access(dst)
        if keep_dst:
            return dst
        self.free_addr(dst)
        return None

    def plain(self, a: Addr, size: int) -> Addr:
        """a without an index, and inside its local if it is c29-based."""
        if a.post is not None:
            return Addr(self.addr_to_cap(a))
        if a.frame_var is not None:
            v = a.frame_var
            if a.index is None and v.home.offset <= a.offset and a.offset + size <= v.home.offset + v.type.size:
                return a
        if a.index is None and a.frame_var is None:
            return a
        return Addr(self.addr_to_cap(a))

    def copy_loop(self, dst: Addr, src: Addr, size: int, chunk: int, tmp: Temp) -> None:
        s = self.owned_cursor(src)
        d = self.owned_cursor(dst)
        count = size // chunk
        loop = self.new_label("copy")
        ns, nd, nt = self.regs.names(s, d, tmp)
        self.regs.written(s)
        self.regs.written(d)
        self.mov_imm("x17", count)
        self.place(loop)
        self.emit(f"ldr{PIECE_SUFFIX[chunk]} {nt}, [{ns}]")
        self.emit(f"str{PIECE_SUFFIX[chunk]} {nt}, [{nd}]")
        self.emit(f"add {ns}, {ns}, #{chunk}")
        self.emit(f"add {nd}, {nd}, #{chunk}")
        self.emit("sub x17, x17, #1")
        self.emit(f"cbnz x17, {loop}")
        for off, n in tail_pieces(0, size - count * chunk):
            self.emit(f"ldr{PIECE_SUFFIX[n]} x17, {self.mem_operand(MemRef(ns, off, None, 0))}")
            self.emit(f"str{PIECE_SUFFIX[n]} x17, {self.mem_operand(MemRef(nd, off, None, 0))}")
        self.regs.free_all(s, d)

    def owned_cursor(self, a: Addr) -> Temp:
        base = self.n(a.base)
        t = self.regs.alloc(a.base.cls)
        if fits14(a.offset):
            self.emit(f"add {self.n(t)}, {base}, #{a.offset}")
        else:
            self.mov_imm("x16", a.offset)
            self.emit(f"add {self.n(t)}, {base}, x16")
        return t

    # =============================================================================================
    # Memory: *p, s.m, &x
    # =============================================================================================
    def gen_Deref(self, e: Deref) -> Temp | None:
        if T.is_func(e.type):
            return self.gen(e.operand)
        if T.is_struct(e.type) or T.is_array(e.type):
            return self.addr_to_cap(self.gen_addr(e))
        if T.is_void(e.type):
            self.effect(e.operand)
            return None
        return self.load(self.gen_addr(e), e.type)

    def gen_Member(self, e: Member) -> Temp:
        if T.is_struct(e.type) or T.is_array(e.type):
            return self.addr_to_cap(self.gen_addr(e))
        if e.bit_width is not None:
            return self.load_bitfield(self.gen_addr(e), e.type, e.bit_width, e.bit_offset, nbytes=e.bit_bytes)
        return self.load(self.gen_addr(e), e.type)

    def gen_AddrOf(self, e: AddrOf) -> Temp:
        x = e.operand
        if isinstance(x, VarRef):
            v = x.var
            if v.storage == "func":
                return self.function_cap(v)
            if v.storage in ("global", "static"):
                return self.global_cap(v)
            if v.home.kind == "frame":
                return self.frame_cap(v)
            return self.addr_to_cap(self.var_addr(v))
        if isinstance(x, Str):
            return self.symbol_cap(x.label)
        if isinstance(x, Deref):
            return self.gen(x.operand)
        if isinstance(x, CompoundLit):
            self.local_init(x.var, x.init)
            return self.frame_cap(x.var)
        return self.addr_to_cap(self.gen_addr(x))

    def gen_CompoundLit(self, e: CompoundLit) -> Temp:
        self.local_init(e.var, e.init)
        a = Addr(self.fp, e.var.home.offset, frame_var=e.var)
        if T.is_scalar(e.type):
            return self.load(a, e.type)
        return self.addr_to_cap(a)

    @staticmethod
    def bitfield_bytes(t, nbytes: int) -> int | None:
        """How many bytes to read one by one for a bit-field: None for its type's unit, read whole
        (misaligned or not); else a packed struct's bit-field's own bytes, nbytes, when they are
        fewer or more than its type's."""
        return nbytes if nbytes and nbytes != t.size else None

    def load_bitfield(self, a: Addr, t, width: int, offset: int, consume: bool = True, nbytes: int = 0) -> Temp:
        n = self.bitfield_bytes(t, nbytes)
        if n is not None:
            unit = self.load_bytes(a, n, consume)
        else:
            unit = self.load(a, T.IntType(t.kind, True), consume)
        d = self.n(unit, "x")
        self.emit(f"lsl {d}, {d}, #{64 - offset - width}")
        self.emit(f"{'lsr' if t.unsigned else 'asr'} {d}, {d}, #{64 - width}")
        return unit

    def store_bitfield(self, a: Addr, t, width: int, offset: int, v: Temp, nbytes: int = 0) -> None:
        a = self.plain(a, nbytes or t.size)
        n = self.bitfield_bytes(t, nbytes)
        ut = T.IntType(t.kind, True)
        if n is not None:
            a = self.near(a, n)
            unit = self.load_bytes(a, n, consume=False)
        else:
            unit = self.load(a, ut, consume=False)
        mask = ((1 << width) - 1) << offset
        nv, nu = self.regs.names(v, unit, cls="x")
        self.regs.written(unit)
        self.mov_imm("x17", ~mask & (2**64 - 1))
        self.emit(f"and {nu}, {nu}, x17")
        self.emit(f"lsl x17, {nv}, #{64 - width}")
        self.emit(f"lsr x17, x17, #{64 - width - offset}")
        self.emit(f"orr {nu}, {nu}, x17")
        if n is not None:
            self.store_bytes_at(a, n, unit)
        else:
            self.store(a, ut, unit)
        self.regs.free_temp(unit)
