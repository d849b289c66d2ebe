"""Constant expressions: folding typed nodes whose operands are constants, and the values of
static initializers.

`fold(e)` is applied by the checker to each node it builds, so `3 * 4 + sizeof(int)` is a Const
by the time it reaches the code generator, and array sizes, case labels and enum values are just
Consts to read. `static_value(e)` goes further for initializers of globals: besides numbers it
accepts address constants — `&g`, `arr + 2`, `"text"`, `&s.m`, a function — which become
`.capability symbol+offset` in the data.
"""
from __future__ import annotations

import math
import struct

from ufos.toolchain.cc.nodes import (AddrOf, Binary, Cast, Comma, Compare, Cond, Const, Deref, FConst, Logical,
                                     Member, Not, PtrAdd, Str, Unary, VarRef)
from ufos.toolchain.cc.types import (DOUBLE, FloatType, IntType, PointerType, is_float, is_integer, is_pointer,
                                     wrap)


def _c_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _int_op(op: str, a: int, b: int, t) -> int | None:
    bits = t.bits if isinstance(t, IntType) else 64
    if op in ("/", "%") and b == 0:
        return None                       # left for run time (the machine gives 0)
    if op == "+": return a + b
    if op == "-": return a - b
    if op == "*": return a * b
    if op == "/": return _c_div(a, b)
    if op == "%": return a - b * _c_div(a, b)
    if op == "&": return a & b
    if op == "|": return a | b
    if op == "^": return a ^ b
    if op == "<<": return a << (b % bits) if b < bits else 0
    if op == ">>":
        if isinstance(t, IntType) and t.unsigned:
            a &= (1 << bits) - 1
        return a >> min(b, bits - 1)
    return None


def _float_op(op: str, a: float, b: float) -> float | None:
    try:
        if op == "+": return a + b
        if op == "-": return a - b
        if op == "*": return a * b
        if op == "/":
            if b == 0:
                return math.copysign(math.inf, a) * math.copysign(1, b) if a != 0 and not math.isnan(a) else math.nan
            return a / b
    except OverflowError:
        return math.inf
    return None


def _compare(op: str, a, b) -> int:
    return int({"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op])


def round_float(value: float) -> float:
    """value rounded to single precision."""
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def is_const(e) -> bool:
    return isinstance(e, (Const, FConst))


def fold(e):
    """e, or a Const/FConst with its value when every operand is constant."""
    if isinstance(e, Binary) and is_const(e.left) and is_const(e.right):
        if is_float(e.type):
            v = _float_op(e.op, float(e.left.value), float(e.right.value))
            if v is not None and e.type.size == 4:
                v = round_float(v)
            return FConst(e.type, e.loc, v) if v is not None else e
        v = _int_op(e.op, e.left.value, e.right.value, e.type)
        return Const(e.type, e.loc, wrap(v, e.type)) if v is not None else e
    if isinstance(e, Unary) and is_const(e.operand):
        v = e.operand.value
        if e.op == "neg":
            return FConst(e.type, e.loc, -v) if is_float(e.type) else Const(e.type, e.loc, wrap(-v, e.type))
        if e.op == "bitnot":
            return Const(e.type, e.loc, wrap(~v, e.type))
    if isinstance(e, Not) and is_const(e.operand):
        return Const(e.type, e.loc, int(not e.operand.value))
    if isinstance(e, Compare) and is_const(e.left) and is_const(e.right):
        a, b = e.left.value, e.right.value
        if isinstance(e.left.type, PointerType):
            a, b = a & (2**64 - 1), b & (2**64 - 1)
        return Const(e.type, e.loc, _compare(e.op, a, b))
    if isinstance(e, Logical) and is_const(e.left):
        left = bool(e.left.value)
        if e.op == "&&" and not left:
            return Const(e.type, e.loc, 0)
        if e.op == "||" and left:
            return Const(e.type, e.loc, 1)
        if is_const(e.right):
            return Const(e.type, e.loc, int(bool(e.right.value)))
    if isinstance(e, Cond) and is_const(e.cond) and is_const(e.then) and is_const(e.other):
        return e.then if e.cond.value else e.other
    if isinstance(e, Cast) and is_const(e.operand):
        return fold_cast(e.operand, e.type, e.loc) or e
    if isinstance(e, Cast) and is_integer(e.type) and isinstance(e.operand, AddrOf):
        offset = offset_constant(e.operand)       # the classic offsetof: &((T *)0)->m
        if offset is not None:
            return Const(e.type, e.loc, wrap(offset, e.type))
    return e


def fold_cast(c, t, loc):
    """The constant c converted to type t, or None if that is not a constant."""
    v = c.value
    if isinstance(t, IntType):
        if t.kind == "bool":
            return Const(t, loc, int(v != 0))
        if isinstance(v, float):
            if math.isnan(v) or math.isinf(v):
                return None
            v = int(v)
        if t.kind == "intcap":
            return Const(t, loc, wrap(v, t))
        return Const(t, loc, wrap(v, t))
    if isinstance(t, FloatType):
        f = float(v)
        return FConst(t, loc, round_float(f) if t.kind == "float" else f)
    if isinstance(t, PointerType) and isinstance(v, int):
        return Const(t, loc, v & (2**64 - 1))
    return None


# ---------------------------------------------------------------------------------------------
# Static initializers
# ---------------------------------------------------------------------------------------------
def static_value(e):
    """The value of an initializer for static storage: ('int', n), ('float', x) or
    ('addr', label-or-Var-or-Str, byte offset); None if it is not a constant."""
    e = fold(e)
    if isinstance(e, Const):
        return ("int", e.value)
    if isinstance(e, FConst):
        return ("float", e.value)
    if isinstance(e, Cast):
        inner = static_value(e.operand)
        if inner is None:
            return None
        if inner[0] == "addr" and (is_pointer(e.type) or (is_integer(e.type) and e.type.kind == "intcap")):
            return inner
        if inner[0] == "addr":
            return None                  # an address as a plain integer is not known until load time
        c = fold_cast(Const(DOUBLE if inner[0] == "float" else e.operand.type, e.loc, inner[1]), e.type, e.loc)
        return static_value(c) if c is not None else None
    address = _address(e)
    return ("addr",) + address if address is not None else None


def _address(e):
    """(symbol, offset) for an address constant."""
    if isinstance(e, AddrOf):
        return _lvalue_address(e.operand)
    if isinstance(e, PtrAdd):
        base = _address(e.ptr)
        index = fold(e.index)
        if base is None or not isinstance(index, Const):
            return None
        step = index.value * e.ptr.type.base.size
        return (base[0], base[1] + (step if e.op == "+" else -step))
    if isinstance(e, Cast) and (is_pointer(e.type) or is_integer(e.type) and e.type.kind == "intcap"):
        return _address(e.operand)
    if isinstance(e, Comma):
        return None
    return None


def _lvalue_address(e):
    if isinstance(e, VarRef) and e.var.storage in ("global", "static", "func"):
        return (e.var, 0)
    if isinstance(e, Str):
        return (e, 0)
    if isinstance(e, Member):
        base = _lvalue_address(e.base)
        return (base[0], base[1] + e.offset) if base is not None else None
    if isinstance(e, Deref):
        return _address(e.operand)
    return None


def offset_constant(e):
    """For `&((T *)0)->m` (the classic offsetof): the offset, else None."""
    if isinstance(e, AddrOf):
        inner = e.operand
        total = 0
        while isinstance(inner, Member):
            total += inner.offset
            inner = inner.base
        if isinstance(inner, Deref):
            p = fold(inner.operand)
            if isinstance(p, PtrAdd):
                base, idx = fold(p.ptr), fold(p.index)
                if isinstance(base, Const) and isinstance(idx, Const):
                    step = idx.value * p.ptr.type.base.size
                    return base.value + total + (step if p.op == "+" else -step)
            if isinstance(p, Const):
                return p.value + total
    return None
