"""Typing expressions (part of stage 3; the Checker in check.py mixes this in).

Each `e_<NodeClass>` method takes a pycparser expression and returns a typed node (nodes.py):
looking names up, applying the integer promotions and usual arithmetic conversions (as explicit
Cast nodes), decaying arrays and functions to pointers (`rvalue`), scaling pointer arithmetic,
checking lvalues and argument lists, and folding constants as it goes (constexpr.fold).
"""
from __future__ import annotations

import struct

from pycparser import c_ast

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.builtins import check_builtin, is_builtin
from ufos.toolchain.cc.constexpr import fold, round_float
from ufos.toolchain.cc.errors import RepeatedError, error_at, loc_of
from ufos.toolchain.cc.nodes import (AddrOf, Assign, Binary, Call, Cast, Comma, Compare, CompoundLit, Cond,
                                     Const, Deref, EnumConst, Expr, ExprStmt, FConst, IncDec, Logical, Member, Not,
                                     OpAssign, PtrAdd, PtrDiff, StmtExpr, Str, TypedefName, Unary, Var, VarRef,
                                     VlaName)
from ufos.toolchain.cc.types import (FuncType, is_arithmetic, is_array, is_complete,
                                     is_float, is_func, is_integer, is_pointer, is_scalar, is_struct, is_void)

SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "e": 27, "\\": 92,
                  "'": 39, '"': 34, "?": 63}
ARITH_OPS = {"+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"}
COMPARE_OPS = {"==", "!=", "<", "<=", ">", ">="}


def escape_values(body: str, loc) -> list:
    """The characters of a C string or character literal's body: a str for a source character or
    a universal character name (\\u00e9), an int for a numeric or simple escape (\\n, \\x41, \\101)."""
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= len(body):
            raise error_at(loc, "incomplete escape sequence")
        c = body[i]
        if c in SIMPLE_ESCAPES:
            out.append(SIMPLE_ESCAPES[c])
            i += 1
        elif c in "01234567":
            j = i
            while j < len(body) and j - i < 3 and body[j] in "01234567":
                j += 1
            out.append(int(body[i:j], 8))
            i = j
        elif c == "x":
            j = i + 1
            while j < len(body) and body[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 1:
                raise error_at(loc, "\\x used with no following hex digits")
            out.append(int(body[i + 1:j], 16))
            i = j
        elif c in "uU":
            n = 4 if c == "u" else 8
            digits = body[i + 1:i + 1 + n]
            if len(digits) != n or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise error_at(loc, f"incomplete universal character name \\{c}{digits}")
            code = int(digits, 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise error_at(loc, f"\\{c}{digits} is not a valid universal character")
            out.append(chr(code))
            i += 1 + n
        else:
            raise error_at(loc, f"unknown escape sequence '\\{c}'")
    return out


def decode_escapes(body: str, loc) -> bytes:
    """The bytes of a narrow literal's body (UTF-8 for non-ASCII characters)."""
    out = bytearray()
    for v in escape_values(body, loc):
        if isinstance(v, str):
            out += v.encode("utf-8", "surrogatepass")
        elif v > 0xFF:
            raise error_at(loc, "escape sequence out of range")
        else:
            out.append(v)
    return bytes(out)


# A wide literal's prefix -> the type of its elements: L is wchar_t (int), U char32_t, u char16_t
WIDE_TYPES = {"L": T.INT, "U": T.UINT, "u": T.USHORT}


def wide_units(body: str, prefix: str, loc) -> list[int]:
    """The code units of a wide literal's body: code points, or UTF-16 units for u"..."."""
    t = WIDE_TYPES[prefix]
    units = []
    for v in escape_values(body, loc):
        if isinstance(v, int):
            if v >= 1 << t.bits:
                raise error_at(loc, "escape sequence out of range")
            units.append(v)
        elif t.bits == 16 and ord(v) > 0xFFFF:
            units += list(struct.unpack("<2H", v.encode("utf-16-le")))
        else:
            units.append(ord(v))
    return units


def int_constant(text: str, loc) -> Const:
    t = text.lower().replace("'", "")
    suffix = ""
    while t and t[-1] in "ul":
        suffix = t[-1] + suffix
        t = t[:-1]
    try:
        if t.startswith("0x"):
            value, decimal = int(t[2:], 16), False
        elif t.startswith("0b"):
            value, decimal = int(t[2:], 2), False
        elif t.startswith("0") and len(t) > 1:
            value, decimal = int(t[1:], 8), False
        else:
            value, decimal = int(t, 10), True
    except ValueError:
        raise error_at(loc, f"invalid integer constant '{text}'") from None
    if suffix.replace("ll", "l") not in ("", "u", "l", "ul", "lu"):
        raise error_at(loc, f"invalid suffix '{suffix}' on integer constant")
    unsigned = "u" in suffix
    longs = suffix.count("l")
    if unsigned:
        candidates = [T.UINT, T.ULONG] if longs == 0 else [T.ULONG] if longs == 1 else [T.ULLONG]
    elif decimal:
        candidates = [T.INT, T.LONG] if longs == 0 else [T.LONG] if longs == 1 else [T.LLONG]
    else:
        candidates = ([T.INT, T.UINT, T.LONG, T.ULONG] if longs == 0 else [T.LONG, T.ULONG] if longs == 1
                      else [T.LLONG, T.ULLONG])
    for c in candidates:
        if value <= c.max():
            return Const(c, loc, value)
    if value < 1 << 64:
        return Const(T.ULLONG if longs == 2 else T.ULONG, loc, value)
    raise error_at(loc, f"integer constant '{text}' is too large")


def float_constant(text: str, loc) -> FConst:
    t = text.lower()
    kind = T.DOUBLE
    if t.endswith("f"):
        kind, t = T.FLOAT, t[:-1]
    elif t.endswith("l"):
        kind, t = T.LDOUBLE, t[:-1]
    try:
        value = float.fromhex(t) if t.startswith("0x") else float(t)
    except ValueError:
        raise error_at(loc, f"invalid floating constant '{text}'") from None
    return FConst(kind, loc, round_float(value) if kind is T.FLOAT else value)


def is_lvalue(e) -> bool:
    if isinstance(e, VarRef):
        return not is_func(e.type)
    if isinstance(e, (Deref, Str, CompoundLit)):
        return True
    if isinstance(e, Member):
        return is_lvalue(e.base)
    return False


def root_var(e):
    """The variable an lvalue lies in, if it is one (x, x.m, x.a.b), else None."""
    while isinstance(e, Member):
        e = e.base
    return e.var if isinstance(e, VarRef) else None


def is_null_constant(e) -> bool:
    e = fold(e)
    if isinstance(e, Const) and e.value == 0 and (is_integer(e.type) or
                                                   (is_pointer(e.type) and is_void(e.type.base))):
        return True
    if isinstance(e, Cast) and is_pointer(e.type) and is_void(e.type.base):
        return is_null_constant(e.operand)
    return False



def _cond_pointer_type(a, b):
    """The type of `c ? x : y` for pointers x of type a and y of type b (6.5.15p6): a pointer to
    void if either points to void, else to a's target, qualified as both targets are together
    (`c ? name : "none"` for a `const char *name` is a const char *)."""
    base = b.base if is_void(b.base) else a.base
    return T.pointer_to(T.qualified(T.unqualified(base), a.base.const or b.base.const,
                                    a.base.volatile or b.base.volatile), cap=a.cap)


def through_capability(e) -> bool:
    """Is lvalue e reached through a capability (`c->x`, `c[3]` for a `T * __capability c`)? Its
    address is then a capability too, as in CHERI Clang (in purecap every pointer is one)."""
    if isinstance(e, Member):
        return through_capability(e.base)
    return isinstance(e, Deref) and T.is_capability(e.operand.type)

class ExprChecker:
    # =============================================================================================
    # Entry points
    # =============================================================================================
    def expr(self, node, statement: bool = False):
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            raise error_at(loc_of(node), f"unsupported expression ({type(node).__name__})")
        return method(node)

    def value(self, node):
        """The expression as an rvalue: arrays and functions decay to pointers."""
        return self.rvalue(self.expr(node))

    def rvalue(self, e):
        if isinstance(e, Member) and e.bit_width is not None and e.type.unsigned and e.bit_width < 32:
            return Cast(T.INT, e.loc, e)     # a narrow unsigned bit-field's value fits an int (6.3.1.1)
        if is_array(e.type):
            self.note_address_taken(e)
            return AddrOf(T.pointer_to(e.type.base, cap=through_capability(e)), e.loc, e)
        if is_func(e.type):
            return AddrOf(T.pointer_to(e.type), e.loc, e)
        return e

    def const_int(self, node, what: str) -> int:
        e = fold(self.value(node))
        if isinstance(e, Const) and is_integer(e.type):
            return e.value
        raise error_at(loc_of(node), f"{what} is not an integer constant expression")

    def init_value(self, node):
        """An initializer element, typed once (the initializer builder may look at it twice)."""
        key = id(node)
        if key not in self.init_cache:
            e = self.expr(node)
            self.init_cache[key] = e if isinstance(e, Str) else self.rvalue(e)
        return self.init_cache[key]

    def convert_for_init(self, e, t, loc):
        if isinstance(e, Str):
            e = self.rvalue(e)
        return self.assign_convert(e, t, "initializing", loc)

    @staticmethod
    def note_address_taken(e) -> None:
        var = root_var(e)
        if var is not None:
            var.addr_taken = True

    # =============================================================================================
    # Conversions
    # =============================================================================================
    def convert(self, e, t):
        """e converted to type t (both scalar, or t void): a Cast node, or e if nothing changes."""
        t = T.unqualified(t)
        if is_void(t):
            return Cast(T.VOID, e.loc, e)
        s = T.unqualified(e.type)
        if s == t and (not isinstance(s, T.IntType) or s.plain_char == t.plain_char):
            return e
        if is_struct(s) and is_struct(t) and s.info is t.info:
            return e
        return fold(Cast(t, e.loc, e))

    def assign_convert(self, e, t, what: str, loc):
        """e converted for assignment to an object of type t (C11 6.5.16.1), or an error."""
        s = e.type
        tu = T.unqualified(t)
        if is_arithmetic(tu) and is_arithmetic(s):
            return self.convert(e, tu)
        if tu == T.BOOL and is_pointer(s):
            return self.convert(e, tu)
        if is_pointer(tu):
            if is_null_constant(e):
                return self.convert(e, tu)
            if is_pointer(s) or T.is_intcap(s):
                self.check_capability_kind(s, tu, loc)
                return self.convert(e, tu)
            if is_integer(s):
                raise error_at(loc, f"incompatible integer to pointer conversion {what} '{t}' from '{s}'")
        if is_integer(tu) and is_pointer(s):
            if T.is_intcap(tu):
                return self.convert(e, tu)
            raise error_at(loc, f"incompatible pointer to integer conversion {what} '{t}' from '{s}'")
        if is_struct(tu) and is_struct(s) and tu.info is s.info:
            return e
        raise error_at(loc, f"incompatible types {what} '{t}' from '{s}'")

    @staticmethod
    def check_capability_kind(s, t, loc) -> None:
        """Hybrid C: a pointer and a capability convert into each other only by a cast (which
        goes through DDC), as CHERI Clang has it."""
        s_cap = T.is_capability(s)
        if s_cap == t.cap:
            return
        if s_cap:
            raise error_at(loc, f"converting capability type '{s}' to non-capability type '{t}' "
                                "without an explicit cast")
        raise error_at(loc, f"converting non-capability type '{s}' to capability type '{t}' "
                            "without an explicit cast")

    def default_promote(self, e):
        """The default argument promotions (for variadic and unprototyped calls)."""
        if is_float(e.type):
            return self.convert(e, T.DOUBLE)
        if is_integer(e.type):
            return self.convert(e, T.promote(e.type))
        return e

    def scalar_operand(self, node, what: str):
        e = self.value(node)
        if not is_scalar(e.type):
            raise error_at(loc_of(node), f"{what} requires a scalar operand, not '{e.type}'")
        return e

    # =============================================================================================
    # Primary expressions
    # =============================================================================================
    def e_Constant(self, node):
        loc = loc_of(node)
        text = node.value
        if node.type == "string":
            return self.string_literal(text, loc)
        if node.type == "char":
            return self.char_constant(text, loc)
        if node.type in ("float", "double", "long double"):
            return float_constant(text, loc)
        return int_constant(text, loc)

    def char_constant(self, text: str, loc) -> Const:
        prefix = text[:text.index("'")]
        body = text[len(prefix) + 1:-1]
        if prefix in WIDE_TYPES:         # L'x', u'x', U'x': the character's code unit
            units = wide_units(body, prefix, loc)
            if not units:
                raise error_at(loc, "empty character constant")
            return Const(T.INT if prefix == "L" else T.USHORT if prefix == "u" else T.UINT, loc, units[-1])
        data = decode_escapes(body, loc)
        if not data:
            raise error_at(loc, "empty character constant")
        if len(data) == 1:
            return Const(T.INT, loc, T.wrap(data[0], T.SCHAR))
        return Const(T.INT, loc, T.wrap(int.from_bytes(data[-4:], "big"), T.INT))

    def string_literal(self, text: str, loc) -> Str:
        prefix = text[:text.index('"')]
        body = text[len(prefix) + 1:-1]
        if prefix in WIDE_TYPES:           # L"...": an array of wchar_t (int), little-endian
            t = WIDE_TYPES[prefix]
            units = wide_units(body, prefix, loc) + [0]
            return self.string_node(b"".join(u.to_bytes(t.size, "little") for u in units), loc, t)
        return self.string_node(decode_escapes(body, loc) + b"\0", loc)

    def string_node(self, data: bytes, loc, elem=T.CHAR) -> Str:
        key = (data, elem.size)
        label = self.string_labels.get(key)
        s = Str(T.array_of(elem, len(data) // elem.size), loc, data, label or self.unique(".Lstr."))
        if label is None:
            self.string_labels[key] = s.label
            self.program.strings.append(s)
        return s

    def e_ID(self, node):
        loc = loc_of(node)
        entry = self.scope.lookup(node.name)
        if entry is None:
            if node.name in ("__func__", "__FUNCTION__", "__PRETTY_FUNCTION__") and self.func is not None:
                return self.string_node(self.func.var.name.encode() + b"\0", loc)
            if node.name in self.undeclared:        # reported once per function, as gcc does
                raise RepeatedError(loc, f"'{node.name}' undeclared")
            self.undeclared.add(node.name)
            raise error_at(loc, f"'{node.name}' undeclared")
        if isinstance(entry, EnumConst):
            return Const(entry.type, loc, entry.value)
        if isinstance(entry, VlaName):      # the array as its pointer (not an lvalue)
            return Cast(entry.ptr.type, loc, VarRef(entry.ptr.type, loc, entry.ptr))
        if isinstance(entry, TypedefName):
            raise error_at(loc, f"unexpected type name '{node.name}': expected an expression")
        entry.referenced = True
        return VarRef(entry.type, loc, entry)

    # =============================================================================================
    # Unary operators
    # =============================================================================================
    def e_UnaryOp(self, node):
        op, loc = node.op, loc_of(node)
        if op == "sizeof":
            size = self.size_of(node.expr, loc)
            return size if isinstance(size, Expr) else Const(T.SIZE_T, loc, size)
        if op == "_Alignof":
            t = self.resolve(node.expr) if isinstance(node.expr, c_ast.Typename) else self.expr(node.expr).type
            return Const(T.SIZE_T, loc, t.align)
        if op == "&":
            return self.address_of(node.expr, loc)
        if op == "*":
            p = self.value(node.expr)
            if not is_pointer(p.type):
                raise error_at(loc, f"indirection requires a pointer operand ('{p.type}' invalid)")
            return Deref(p.type.base, loc, p)
        if op in ("++", "--", "p++", "p--"):
            return self.inc_dec(node.expr, 1 if "+" in op else -1, not op.startswith("p"), loc)
        if op == "!":
            e = self.scalar_operand(node.expr, "'!'")
            return fold(Not(T.INT, loc, e))
        e = self.value(node.expr)
        if op in ("-", "+"):
            if not is_arithmetic(e.type):
                raise error_at(loc, f"invalid argument type '{e.type}' to unary '{op}'")
        elif op == "~":
            if not is_integer(e.type):
                raise error_at(loc, f"invalid argument type '{e.type}' to unary '~'")
        else:
            raise error_at(loc, f"unsupported unary operator '{op}'")
        t = T.promote(e.type)
        e = self.convert(e, t)
        if op == "+":
            return e
        return fold(Unary(t, loc, "neg" if op == "-" else "bitnot", e))

    def size_of(self, operand, loc):
        """sizeof: a number of bytes, or an expression computing it for a variable-length array."""
        if isinstance(operand, c_ast.Typename):
            t = self.resolve(operand)
        elif isinstance(operand, c_ast.ID) and isinstance(self.scope.lookup(operand.name), VlaName):
            t = self.scope.lookup(operand.name).type
        else:
            e = self.expr(operand)
            if isinstance(e, Member) and e.bit_width is not None:
                raise error_at(loc, "invalid application of 'sizeof' to a bit-field")
            t = e.type
        if isinstance(t, T.VlaType):
            return self.vla_bytes(t, loc)
        if is_func(t):
            raise error_at(loc, "invalid application of 'sizeof' to a function type")
        if is_void(t):
            return 1
        if not is_complete(t):
            raise error_at(loc, f"invalid application of 'sizeof' to an incomplete type '{t}'")
        return t.size

    def vla_bytes(self, t, loc):
        """The size of a type as a size_t expression: count * the base's size for a VLA (a count
        is a declaration's hidden local, or the expression itself in a cast or sizeof)."""
        if not isinstance(t, T.VlaType):
            return Const(T.SIZE_T, loc, t.size)
        return fold(Binary(T.SIZE_T, loc, "*", self.convert(self.vla_count(t, loc), T.SIZE_T), self.vla_bytes(t.base, loc)))

    @staticmethod
    def vla_count(t, loc):
        """A VLA's length: the hidden local a declaration or typedef set, or the expression."""
        return VarRef(T.LONG, loc, t.count) if isinstance(t.count, Var) else t.count

    def pointer_step(self, t, index, loc):
        """The step of `p += index` as a long: elements, or bytes for a pointer to a VLA."""
        if isinstance(t.base, T.VlaType):
            return Binary(T.LONG, loc, "*", self.convert(index, T.LONG), self.convert(self.vla_bytes(t.base, loc), T.LONG))
        return self.convert(index, T.LONG)

    def vla_step(self, op: str, ptr, index, loc):
        """ptr ± index for a pointer to a VLA (`int (*p)[n]`): a byte step of index * sizeof *p."""
        bytes_ptr = T.pointer_to(T.CHAR)
        step = self.pointer_step(ptr.type, index, loc)
        return Cast(T.unqualified(ptr.type), loc, PtrAdd(bytes_ptr, loc, op, Cast(bytes_ptr, loc, ptr), step))

    def address_of(self, operand, loc):
        if isinstance(operand, c_ast.ID) and isinstance(self.scope.lookup(operand.name), VlaName):
            vla = self.scope.lookup(operand.name)       # &a: its storage, as a pointer to the VLA
            return Cast(T.pointer_to(vla.type), loc, VarRef(vla.ptr.type, loc, vla.ptr))
        e = self.expr(operand)
        if isinstance(e, VarRef) and is_func(e.type):
            return AddrOf(T.pointer_to(e.type), loc, e)
        if isinstance(e, Deref):
            return e.operand if not is_array(e.type) else AddrOf(T.pointer_to(e.type, cap=through_capability(e)), loc, e)
        if isinstance(e, Member) and e.bit_width is not None:
            raise error_at(loc, "cannot take the address of a bit-field")
        if not is_lvalue(e):
            raise error_at(loc, f"cannot take the address of an rvalue of type '{e.type}'")
        self.note_address_taken(e)
        return AddrOf(T.pointer_to(e.type, cap=through_capability(e)), loc, e)

    def check_modifiable(self, e, loc, what: str = "assignment") -> None:
        if not is_lvalue(e):
            raise error_at(loc, f"lvalue required as {what}")
        if is_array(e.type):
            raise error_at(loc, f"array type '{e.type}' is not assignable")
        if e.type.const:
            var = root_var(e)
            name = f"variable '{var.name}'" if var is not None and isinstance(e, VarRef) else "location"
            raise error_at(loc, f"cannot assign to read-only {name} of type '{e.type}'")
        if not is_complete(e.type):
            raise error_at(loc, f"cannot assign to an object of incomplete type '{e.type}'")

    def inc_dec(self, operand, delta: int, prefix: bool, loc):
        e = self.expr(operand)
        what = ("increment" if delta > 0 else "decrement") + " operand"
        self.check_modifiable(e, loc, what)
        if not is_scalar(e.type):
            raise error_at(loc, f"cannot {'increment' if delta > 0 else 'decrement'} a value of type '{e.type}'")
        if is_pointer(e.type) and isinstance(e.type.base, T.VlaType):
            return self.vla_inc_dec(e, delta, prefix, loc)
        if is_pointer(e.type) and not is_complete(e.type.base) and not is_void(e.type.base):
            raise error_at(loc, f"arithmetic on a pointer to an incomplete type '{e.type.base}'")
        return IncDec(T.unqualified(e.type), loc, e, delta, prefix)

    def vla_inc_dec(self, e, delta: int, prefix: bool, loc):
        """++p on a pointer to a VLA is p += 1 (a run-time stride); p++ is (p += 1) - 1."""
        t = T.unqualified(e.type)
        one = Const(T.LONG, loc, 1)
        step = OpAssign(t, loc, "ptr+" if delta > 0 else "ptr-", e, self.pointer_step(t, one, loc), t)
        return step if prefix else self.vla_step("-" if delta > 0 else "+", step, one, loc)

    # =============================================================================================
    # Binary operators
    # =============================================================================================
    def e_BinaryOp(self, node):
        op, loc = node.op, loc_of(node)
        if op in ("&&", "||"):
            left = self.scalar_operand(node.left, f"'{op}'")
            right = self.scalar_operand(node.right, f"'{op}'")
            return fold(Logical(T.INT, loc, op, left, right))
        left, right = self.value(node.left), self.value(node.right)
        if op in COMPARE_OPS:
            return self.comparison(op, left, right, loc)
        if op in ARITH_OPS:
            return self.arithmetic(op, left, right, loc)
        raise error_at(loc, f"unsupported operator '{op}'")

    def invalid_operands(self, op, left, right, loc):
        return error_at(loc, f"invalid operands to binary {op} (have '{left.type}' and '{right.type}')")

    def arithmetic(self, op: str, left, right, loc):
        lt, rt = left.type, right.type
        if op in ("+", "-") and (is_pointer(lt) or is_pointer(rt)):
            return self.pointer_arithmetic(op, left, right, loc)
        if op in ("*", "/", "+", "-"):
            ok = is_arithmetic(lt) and is_arithmetic(rt)
        else:
            ok = is_integer(lt) and is_integer(rt)
        if not ok:
            raise self.invalid_operands(op, left, right, loc)
        if op in ("<<", ">>"):
            t = T.promote(lt)
            rt2 = T.promote(rt)
            if T.is_intcap(rt2):
                rt2 = T.LONG
            return fold(Binary(t, loc, op, self.convert(left, t), self.convert(right, rt2)))
        t = T.usual_arithmetic(lt, rt)
        return fold(Binary(t, loc, op, self.convert(left, t), self.convert(right, t)))

    def pointer_arithmetic(self, op: str, left, right, loc):
        lt, rt = left.type, right.type
        if op == "+" and is_integer(lt) and is_pointer(rt):
            left, right, lt, rt = right, left, rt, lt
        if is_pointer(lt) and is_integer(rt):
            self.check_pointee(lt, loc)
            if isinstance(lt.base, T.VlaType):
                return self.vla_step(op, left, right, loc)
            return fold(PtrAdd(T.unqualified(lt), loc, op, left, self.convert(right, T.LONG)))
        if op == "-" and is_pointer(lt) and is_pointer(rt):
            if not T.compatible(T.unqualified(lt.base), T.unqualified(rt.base)):
                raise error_at(loc, f"'{lt}' and '{rt}' are not pointers to compatible types")
            self.check_pointee(lt, loc)
            if isinstance(lt.base, T.VlaType):      # a byte difference over the run-time size
                size = self.convert(self.vla_bytes(lt.base, loc), T.PTRDIFF_T)
                return Binary(T.PTRDIFF_T, loc, "/", PtrDiff(T.PTRDIFF_T, loc, left, right, 1), size)
            return PtrDiff(T.PTRDIFF_T, loc, left, right, max(lt.base.size, 1))
        raise self.invalid_operands(op, left, right, loc)

    @staticmethod
    def check_pointee(t, loc):
        if is_func(t.base):
            raise error_at(loc, "arithmetic on a pointer to a function")
        if not is_complete(t.base) and not is_void(t.base) and not isinstance(t.base, T.VlaType):
            raise error_at(loc, f"arithmetic on a pointer to an incomplete type '{t.base}'")

    def comparison(self, op: str, left, right, loc):
        lt, rt = left.type, right.type
        if is_arithmetic(lt) and is_arithmetic(rt):
            t = T.usual_arithmetic(lt, rt)
            return fold(Compare(T.INT, loc, op, self.convert(left, t), self.convert(right, t)))
        if is_pointer(lt) and is_pointer(rt):
            return fold(Compare(T.INT, loc, op, left, right))
        if is_pointer(lt) and is_integer(rt):
            return fold(Compare(T.INT, loc, op, left, self.convert(right, lt)))
        if is_integer(lt) and is_pointer(rt):
            return fold(Compare(T.INT, loc, op, self.convert(left, rt), right))
        raise self.invalid_operands(op, left, right, loc)

    # =============================================================================================
    # Assignment
    # =============================================================================================
    def e_Assignment(self, node):
        loc = loc_of(node)
        target = self.expr(node.lvalue)
        self.check_modifiable(target, loc_of(node.lvalue) or loc, "left operand of assignment")
        value = self.value(node.rvalue)
        t = T.unqualified(target.type)
        if node.op == "=":
            return Assign(t, loc, target, self.assign_convert(value, t, "assigning to", loc_of(node.rvalue) or loc))
        op = node.op[:-1]
        if op in ("+", "-") and is_pointer(t):
            if not is_integer(value.type):
                raise self.invalid_operands(op, target, value, loc)
            self.check_pointee(t, loc)
            return OpAssign(t, loc, "ptr" + op, target, self.pointer_step(t, value, loc), t)
        if is_pointer(value.type) or is_struct(t) or is_struct(value.type):
            raise self.invalid_operands(op, target, value, loc)
        optype = self.arithmetic(op, Cast(t, loc, target), value, loc).type   # checks the operands
        if op in ("<<", ">>"):
            rt = T.promote(value.type)
            value = self.convert(value, T.LONG if T.is_intcap(rt) else rt)
        else:
            value = self.convert(value, optype)
        return OpAssign(t, loc, op, target, value, optype)

    # =============================================================================================
    # Other operators
    # =============================================================================================
    def e_TernaryOp(self, node):
        loc = loc_of(node)
        cond = self.scalar_operand(node.cond, "a conditional expression")
        a, b = self.value(node.iftrue), self.value(node.iffalse)
        at, bt = T.unqualified(a.type), T.unqualified(b.type)
        if is_arithmetic(at) and is_arithmetic(bt):
            t = T.usual_arithmetic(at, bt)
        elif is_void(at) or is_void(bt):
            t = T.VOID
        elif is_struct(at) and is_struct(bt) and at.info is bt.info:
            t = at
        elif is_pointer(at) and is_null_constant(b):    # `p ? p : NULL` is a p, not a void *
            t = at
        elif is_pointer(bt) and is_null_constant(a):
            t = bt
        elif is_pointer(at) and is_pointer(bt):
            self.check_capability_kind(bt, at, loc)
            t = _cond_pointer_type(at, bt)
        else:
            raise error_at(loc, f"type mismatch in conditional expression ('{at}' and '{bt}')")
        if not is_struct(t):
            a, b = self.convert(a, t), self.convert(b, t)
        return fold(Cond(t, loc, cond, a, b))

    def e_Cast(self, node):
        loc = loc_of(node)
        t = T.unqualified(self.resolve(node.to_type))
        e = self.value(node.expr)
        if is_void(t):
            return Cast(T.VOID, loc, e)
        if not is_scalar(t):
            raise error_at(loc, f"conversion to non-scalar type '{t}' requested")
        if not is_scalar(e.type):
            raise error_at(loc, f"operand of type '{e.type}' where arithmetic or pointer type is required")
        if (is_pointer(t) and is_float(e.type)) or (is_float(t) and is_pointer(e.type)):
            raise error_at(loc, f"cannot cast '{e.type}' to '{t}'")
        c = self.convert(e, t)
        return c if c is not e else fold(Cast(t, loc, e))    # `(int)LAST` is still a constant

    def e_GenericSelection(self, node):
        """_Generic: the association whose type is compatible with the controlling expression's
        (after lvalue conversion: arrays decay, qualifiers go), or the default one. The controlling
        expression is only typed, never evaluated."""
        loc = loc_of(node)
        want = T.unqualified(self.value(node.expr).type)
        chosen = default = None
        seen = []
        for assoc in node.associations:
            if assoc.type is None:
                if default is not None:
                    raise error_at(loc_of(assoc.expr) or loc, "duplicate default generic association")
                default = assoc
                continue
            t = self.resolve(assoc.type)
            if any(_same_generic_type(t, s) for s in seen):
                raise error_at(loc_of(assoc.expr) or loc, f"type '{t}' in generic association compatible with a previous one")
            seen.append(t)
            if _same_generic_type(t, want):
                chosen = assoc
        chosen = chosen or default
        if chosen is None:
            raise error_at(loc, f"controlling expression type '{want}' not compatible with any generic association type")
        return self.expr(chosen.expr)

    def e_ExprList(self, node):
        exprs = [self.value(x) for x in node.exprs]
        result = exprs[-1]
        for e in reversed(exprs[:-1]):
            result = Comma(result.type, e.loc, e, result)
        return result

    # =============================================================================================
    # Calls
    # =============================================================================================
    def e_FuncCall(self, node):
        loc = loc_of(node)
        args = list(node.args.exprs) if node.args is not None else []
        if isinstance(node.name, c_ast.ID):
            name = node.name.name
            if name == "offsetof":
                return Const(T.SIZE_T, loc, self.offset_of(args[0], args[1], loc))
            if is_builtin(name) and not isinstance(self.scope.lookup(name), Var):
                return check_builtin(self, name, args, loc)
            if self.scope.lookup(name) is None:
                if is_builtin(name):
                    return check_builtin(self, name, args, loc)
                raise error_at(loc_of(node.name), f"implicit declaration of function '{name}'")
        f = self.expr(node.name)
        if isinstance(f, VarRef) and is_func(f.type):
            ft, fexpr = f.type, f
        elif isinstance(f, Deref) and is_func(f.type):
            ft, fexpr = f.type, f.operand
        else:
            fexpr = self.rvalue(f)
            if not (is_pointer(fexpr.type) and is_func(fexpr.type.base)):
                raise error_at(loc, f"called object type '{f.type}' is not a function or function pointer")
            ft = fexpr.type.base
        fname = f.var.name if isinstance(f, VarRef) else None
        converted = self.call_arguments(ft, args, fname, loc)
        if is_struct(ft.ret) and not is_complete(ft.ret):
            raise error_at(loc, f"calling a function with incomplete return type '{ft.ret}'")
        if self.func is not None:
            self.func.has_calls = True
        return Call(ft.ret, loc, fexpr, converted, ft, len(ft.params))

    def call_arguments(self, ft: FuncType, args: list, fname, loc) -> list:
        n = len(ft.params)
        what = f"function '{fname}'" if fname else "function call"
        if ft.prototyped:
            if len(args) < n:
                raise error_at(loc, f"too few arguments to {what} (expected {n}, have {len(args)})")
            if len(args) > n and not ft.variadic:
                raise error_at(loc_of(args[n]) or loc, f"too many arguments to {what} (expected {n}, have {len(args)})")
        out = []
        for i, a in enumerate(args):
            e = self.value(a)
            aloc = loc_of(a) or loc
            if is_void(e.type):
                raise error_at(aloc, "argument has type void")
            if i < n and ft.prototyped:
                e = self.assign_convert(e, ft.params[i].type, f"passing argument {i + 1} of {what}: to", aloc)
            else:
                if is_struct(e.type) and not is_complete(e.type):
                    raise error_at(aloc, f"argument has incomplete type '{e.type}'")
                e = self.default_promote(e)         # a struct goes as it is (a capability to a copy)
            out.append(e)
        return out

    def offset_of(self, typename, designator, loc) -> int:
        t = self.resolve(typename)
        offset, t = self.designate(t, designator, loc)
        return offset

    def designate(self, t, d, loc):
        """offsetof's member designator d within type t: (offset, type)."""
        if isinstance(d, c_ast.ID):
            if not is_struct(t):
                raise error_at(loc, f"offsetof of a member of non-struct type '{t}'")
            m = t.info.find(d.name)
            if m is None:
                raise error_at(loc_of(d) or loc, f"no member named '{d.name}' in '{t}'")
            return m.offset, m.type
        if isinstance(d, c_ast.StructRef):
            base, bt = self.designate(t, d.name, loc)
            inner, it = self.designate(bt, d.field, loc)
            return base + inner, it
        if isinstance(d, c_ast.ArrayRef):
            base, bt = self.designate(t, d.name, loc)
            if not is_array(bt):
                raise error_at(loc, "offsetof subscript of a non-array")
            return base + self.const_int(d.subscript, "offsetof index") * bt.base.size, bt.base
        raise error_at(loc, "invalid offsetof designator")

    # =============================================================================================
    # Postfix: [] . ->
    # =============================================================================================
    def e_ArrayRef(self, node):
        loc = loc_of(node)
        a, i = self.value(node.name), self.value(node.subscript)
        if is_integer(a.type) and is_pointer(i.type):
            a, i = i, a
        if not is_pointer(a.type):
            raise error_at(loc, f"subscripted value is not an array or pointer (it is '{a.type}')")
        if not is_integer(i.type):
            raise error_at(loc_of(node.subscript) or loc, f"array subscript is not an integer (it is '{i.type}')")
        if isinstance(a.type.base, T.VlaType):      # a row of `double a[n][m]`
            return Deref(a.type.base, loc, self.vla_step("+", a, i, loc))
        if not is_complete(a.type.base):
            raise error_at(loc, f"subscript of a pointer to incomplete type '{a.type.base}'")
        p = fold(PtrAdd(T.unqualified(a.type), loc, "+", a, self.convert(i, T.LONG)))
        return Deref(a.type.base, loc, p)

    def e_StructRef(self, node):
        loc = loc_of(node)
        if node.type == "->":
            p = self.value(node.name)
            if not (is_pointer(p.type) and is_struct(p.type.base)):
                raise error_at(loc, f"member reference type '{p.type}' is not a pointer to a struct or union")
            base = Deref(p.type.base, loc, p)
        else:
            base = self.expr(node.name)
            if not is_struct(base.type):
                raise error_at(loc, f"member reference base type '{base.type}' is not a struct or union")
        st = base.type
        if not st.info.complete:
            raise error_at(loc, f"incomplete definition of type '{T.unqualified(st)}'")
        m = st.info.find(node.field.name)
        if m is None:
            raise error_at(loc_of(node.field) or loc, f"no member named '{node.field.name}' in '{T.unqualified(st)}'")
        t = T.qualified(m.type, st.const, st.volatile)
        return Member(t, loc, base, m.offset, m.bit_width, m.bit_offset, m.bit_bytes)

    # =============================================================================================
    # Compound literals and statement expressions
    # =============================================================================================
    def e_CompoundLiteral(self, node):
        from ufos.toolchain.cc.initializer import InitBuilder
        loc = loc_of(node)
        t = self.resolve(node.type)
        if is_func(t) or (not is_complete(t) and not (is_array(t) and t.length is None)):
            raise error_at(loc, f"compound literal has invalid type '{t}'")
        if self.func is None:
            var = Var("<compound literal>", t, "static", loc, label=self.unique(".Lcompound."))
            var.defined = True
            var.init = self.static_init(var, node.init)
            var.type = var.init.type
            self.program.globals.append(var)
            return VarRef(var.type, loc, var)
        var = Var("<compound literal>", t, "local", loc, addr_taken=True)   # an object in memory
        init = InitBuilder(self, target=var).build(t, node.init)
        var.type = init.type
        self.func.locals.append(var)
        return CompoundLit(var.type, loc, var, init)

    def e_Compound(self, node):
        loc = loc_of(node)
        if self.func is None:
            raise error_at(loc, "statement expression outside a function")
        block = self.block(node)
        result = None
        if block.items and isinstance(block.items[-1], ExprStmt):
            result = self.rvalue(block.items.pop().expr)
        t = T.unqualified(result.type) if result is not None else T.VOID
        return StmtExpr(t, loc, block, result)

    def e_InitList(self, node):
        raise error_at(loc_of(node), "expected an expression (a braced list is only an initializer)")

    def e_Typename(self, node):
        raise error_at(loc_of(node), "expected an expression, not a type name")

    def e_NamedInitializer(self, node):
        raise error_at(loc_of(node), "designated initializer outside an initializer list")


def _same_generic_type(a, b) -> bool:
    """Whether two _Generic association types collide, or one matches the controlling type:
    compatible and equally qualified, since `int` and `const int` are two types (6.7.3p10), which
    gcc and clang let one _Generic list side by side."""
    return T.compatible(a, b) and a.const == b.const and a.volatile == b.volatile
