"""Initializers (C11 6.7.9): a declaration's `= ...` -> a flat list of (offset, type, value) items.

    struct point { int x, y; } ps[] = { {1, 2}, [3].y = 7 };
        -> type struct point[4], items (0, int, 1) (4, int, 2) (28, int, 7)

Braces may be left out inside a list (brace elision) and designators (`.y =`, `[3] =`, GNU's
`[1 ... 5] =` for a run of elements) move the position. Everything not mentioned is zero. The
same list serves a global (turned into bytes and capability relocations by data.py) and a local
(turned into stores by codegen.py, in the order of the items: a later one overrides).

Simplification: after a nested designator (`.a.b = 1`), the next undesignated element goes to the
member after `a`, not the one after `a.b`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pycparser import c_ast

from ufos.toolchain.cc.errors import error_at, loc_of
from ufos.toolchain.cc.constexpr import static_value
from ufos.toolchain.cc.nodes import Expr, Member, Str, Var, VarRef
from ufos.toolchain.cc.parse import IndexRange
from ufos.toolchain.cc.types import (ArrayType, IntType, StructType, Type, array_of, is_array, is_scalar,
                                     is_struct, qualified)


@dataclass(eq=False)
class InitItem:
    offset: int
    type: Type
    expr: Expr                      # converted to `type`; a Str for a char array
    bit_width: int | None = None
    bit_offset: int = 0
    bit_bytes: int = 0              # (see nodes.Member)


@dataclass(eq=False)
class Initializer:
    type: Type                      # the object's type, an array's length now known
    items: list = field(default_factory=list)
    size: int = 0                   # the object's bytes: its type's, or more for the elements
                                    # of a flexible array member (see InitBuilder.flexible)

    def exprs(self):
        return [item.expr for item in self.items]


@dataclass(eq=False)
class _Elem:
    designators: list               # pycparser nodes: ID for .field, an expression (or an
                                    # IndexRange) for [index]
    node: c_ast.Node


class _Cursor:
    """The elements of one braced list, consumed in order."""

    def __init__(self, exprs):
        self.elems = []
        for e in exprs:
            if isinstance(e, c_ast.NamedInitializer):
                self.elems.append(_Elem([_designator(d) for d in e.name], e.expr))
            else:
                self.elems.append(_Elem([], e))
        self.pos = 0

    def done(self) -> bool:
        return self.pos >= len(self.elems)

    def peek(self) -> _Elem:
        return self.elems[self.pos]

    def next(self) -> None:
        self.pos += 1


class _Field:
    """A `.name` designator (pycparser gives an ID, and an [index] as ArrayDesignator)."""

    def __init__(self, node: c_ast.ID):
        self.name, self.coord = node.name, node.coord


def _designator(d):
    if isinstance(d, c_ast.ID):
        return _Field(d)
    if type(d).__name__ == "ArrayDesignator":
        return d.expr
    return d


def _is_char_array(t: Type) -> bool:
    return is_array(t) and isinstance(t.base, IntType) and t.base.size == 1


def _is_string(node) -> bool:
    return isinstance(node, c_ast.Constant) and node.type == "string"


def _string_fits(t: Type, node) -> bool:
    """A string literal that can initialise array t: "..." a char array, L"..." a wchar_t (int)
    array, u"..." a char16_t one, U"..." a char32_t one (the element sizes agree)."""
    if not (_is_string(node) and is_array(t) and isinstance(t.base, IntType)):
        return False
    prefix = node.value[:node.value.index('"')]
    return t.base.size == {"L": 4, "U": 4, "u": 2}.get(prefix, 1)


def _braced_string(t: Type, ilist: c_ast.InitList):
    """The string literal of `char s[] = {"abc"}` (C11 6.7.9p14: the literal that initialises a
    character array may be enclosed in braces; Lua's luac.c writes `{ "luac" ".out" }`), or None
    if ilist is a list of elements."""
    exprs = ilist.exprs or []
    return exprs[0] if len(exprs) == 1 and _string_fits(t, exprs[0]) else None


class InitBuilder:
    """Builds an Initializer, asking the checker to type each element (checker.init_value)."""

    def __init__(self, checker, static: bool = False, target: Var | None = None):
        self.checker = checker
        self.static = static            # for an object of static storage duration
        self.target = target            # the local object initialised (None for a static)
        self.items: list[InitItem] = []

    def build(self, t: Type, node: c_ast.Node) -> Initializer:
        self.items = []
        self.end = 0                    # where the elements of a flexible array member end
        node = self.unwrapped(t, node)
        if isinstance(node, c_ast.InitList) and _braced_string(t, node) is not None:
            t = self.string(t, 0, _braced_string(t, node))
        elif isinstance(node, c_ast.InitList):
            if is_array(t) or is_struct(t):
                count = self.braced(t, 0, node)
                if is_array(t) and t.length is None:
                    t = qualified(array_of(t.base, count), t.const, t.volatile)
            else:
                self.scalar_in_braces(t, 0, node)
        elif is_array(t):
            if not _string_fits(t, node):
                raise error_at(loc_of(node), "array initializer must be an initializer list"
                               + (" or a string literal" if _is_char_array(t) else ""))
            t = self.string(t, 0, node)
        else:
            self.scalar(t, 0, node)
        return Initializer(t, self.items, max(t.size, self.end))

    def unwrapped(self, t: Type, node: c_ast.Node) -> c_ast.Node:
        """In a static initializer, a compound literal of the type being initialised (a struct or
        union, or a scalar) stands for its braced list, as gcc and clang allow: the common
        `#define ORIGIN ((struct point){0, 0})` then serves `static struct point p = ORIGIN;`,
        whose value must be known before the program runs, as a literal's object's is not."""
        if not (self.static and isinstance(node, c_ast.CompoundLiteral)):
            return node
        literal = self.checker.resolve(node.type)
        same_struct = is_struct(t) and is_struct(literal) and literal.info is t.info
        return node.init if same_struct or (is_scalar(t) and is_scalar(literal)) else node

    # --- lists -----------------------------------------------------------------------------------
    def braced(self, t: Type, offset: int, ilist: c_ast.InitList) -> int:
        """Initialise aggregate t from its own braced list; for an array, the length it needs."""
        cur = _Cursor(ilist.exprs or [])
        count = self.array_elems(t, offset, cur, True) if is_array(t) else self.members(t, offset, cur, True)
        if not cur.done():
            raise error_at(loc_of(cur.peek().node), f"excess elements in {'array' if is_array(t) else 'struct'} initializer")
        return count

    def array_elems(self, t: ArrayType, offset: int, cur: _Cursor, braced: bool) -> int:
        i = count = 0
        limit = t.length
        while not cur.done():
            e = cur.peek()
            if e.designators:
                if not braced:
                    break
                d = e.designators[0]
                if isinstance(d, _Field):
                    raise error_at(loc_of(d), f"field designator '{d.name}' in an array initializer")
                indices = self.indices(d, limit)
                e.designators = e.designators[1:]
            elif limit is not None and i >= limit:
                if braced:
                    raise error_at(loc_of(e.node), "excess elements in array initializer")
                break
            else:
                indices = range(i, i + 1)
            self.elements(t.base, offset, indices, cur)
            i = indices[-1] + 1
            count = max(count, i)
        return count

    def members(self, t: StructType, offset: int, cur: _Cursor, braced: bool) -> int:
        members = [m for m in t.info.members if m.name is not None or isinstance(m.type, StructType)]
        idx = 0
        while not cur.done():
            e = cur.peek()
            if e.designators:
                if not braced:
                    break
                d = e.designators[0]
                if not isinstance(d, _Field):
                    raise error_at(loc_of(d), f"array index in initializer of non-array type '{t}'")
                idx = self.member_index(t, members, d)
                if members[idx].name == d.name:
                    e.designators = e.designators[1:]
            elif idx >= len(members) or (t.is_union and idx > 0):
                if braced:
                    raise error_at(loc_of(e.node), f"excess elements in {'union' if t.is_union else 'struct'} initializer")
                break
            m = members[idx]
            self.element(m.type, offset + m.offset, cur, m)
            idx += 1
            if t.is_union and not braced:
                break
        return 0

    @staticmethod
    def member_index(t: StructType, members: list, d: _Field) -> int:
        for i, m in enumerate(members):
            if m.name == d.name:
                return i
        for i, m in enumerate(members):       # inside an anonymous struct or union member
            if m.name is None and m.type.info.find(d.name) is not None:
                return i
        raise error_at(loc_of(d), f"'{t}' has no member named '{d.name}'")

    # --- one element -------------------------------------------------------------------------------
    def element(self, t: Type, offset: int, cur: _Cursor, member=None) -> None:
        e = cur.peek()
        if e.designators:                 # a nested designator: go down into t
            self.designated(t, offset, cur)
            return
        node = self.unwrapped(t, e.node)
        if isinstance(node, c_ast.InitList) and is_array(t) and t.length is not None \
                and _braced_string(t, node) is not None:
            cur.next()
            self.string(t, offset, _braced_string(t, node))
            return
        if isinstance(node, c_ast.InitList):
            cur.next()
            if is_array(t) or is_struct(t):
                if is_array(t) and t.length is None:
                    self.flexible(t, offset, node)
                else:
                    self.braced(t, offset, node)
            else:
                self.scalar_in_braces(t, offset, node, member)
            return
        if is_array(t):
            if _string_fits(t, node):
                cur.next()
                self.string(t, offset, node)
            else:
                self.array_elems(t, offset, cur, False)
            return
        if is_struct(t):
            value = self.checker.init_value(node)
            if isinstance(value.type, StructType) and value.type.info is t.info:
                cur.next()
                self.items.append(InitItem(offset, t, value))
            else:
                self.members(t, offset, cur, False)
            return
        cur.next()
        self.scalar(t, offset, node, member)

    def flexible(self, t: ArrayType, offset: int, ilist: c_ast.InitList) -> None:
        """The elements of a struct's flexible array member, `static struct { int n; int v[]; }
        s = {2, {7, 8}}`: gcc and clang let a static object hold them past the struct's size
        (sizeof does not count them; the object, and the capability to it, does)."""
        if not self.static:
            raise error_at(loc_of(ilist), "initialization of a flexible array member of an automatic object")
        count = self.braced(t, offset, ilist)
        self.end = max(self.end, offset + count * t.base.size)

    def designated(self, t: Type, offset: int, cur: _Cursor) -> None:
        e = cur.peek()
        d = e.designators.pop(0)
        if is_array(t):
            if isinstance(d, _Field):
                raise error_at(loc_of(d), f"field designator '{d.name}' in an array initializer")
            self.elements(t.base, offset, self.indices(d, t.length), cur)
        elif is_struct(t):
            if not isinstance(d, _Field):
                raise error_at(loc_of(d), f"array index in initializer of non-array type '{t}'")
            m = t.info.find(d.name)
            if m is None:
                raise error_at(loc_of(d), f"'{t}' has no member named '{d.name}'")
            self.element(m.type, offset + m.offset, cur, m)
        else:
            raise error_at(loc_of(d), f"designator in initializer of scalar type '{t}'")

    def indices(self, d, limit: int | None) -> range:
        """The elements an array designator names: `[i]` one, GNU's `[first ... last]` a run."""
        if isinstance(d, IndexRange):
            first = self.checker.const_int(d.first, "array index in initializer")
            last = self.checker.const_int(d.last, "array index in initializer")
            if last < first:
                raise error_at(loc_of(d), "empty index range in initializer")
        else:
            first = last = self.checker.const_int(d, "array index in initializer")
        for i in (first, last):
            if i < 0 or (limit is not None and i >= limit):
                raise error_at(loc_of(d), f"array index {i} in initializer exceeds array bounds")
        return range(first, last + 1)

    def elements(self, t: Type, offset: int, indices: range, cur: _Cursor) -> None:
        """The elements `indices` of an array of t at offset, all from the current element: one
        element, or the run of GNU's `[first ... last] = x`. x is evaluated once, for the first
        element (gcc: "the side effects happen only once"); the others are shifted copies of
        the items it made."""
        start = len(self.items)
        self.element(t, offset + indices[0] * t.size, cur)
        made = self.items[start:]
        for i in indices[1:]:
            self.items.extend(self.shifted(item, (i - indices[0]) * t.size) for item in made)

    def shifted(self, item: InitItem, delta: int) -> InitItem:
        """item for the element delta bytes further on: the same value if it is a constant (so a
        static's table stays constant, and a local's store is an immediate), else the value read
        back from item's place in the local object being initialised (self.target)."""
        value = item.expr
        if self.target is not None and not isinstance(value, Str) and static_value(value) is None:
            whole = VarRef(self.target.type, value.loc, self.target)
            value = Member(item.type, value.loc, whole, item.offset, item.bit_width, item.bit_offset, item.bit_bytes)
        return InitItem(item.offset + delta, item.type, value, item.bit_width, item.bit_offset, item.bit_bytes)

    def scalar(self, t: Type, offset: int, node, member=None) -> None:
        value = self.checker.convert_for_init(self.checker.init_value(node), t, loc_of(node))
        width = member.bit_width if member is not None else None
        bit_offset = member.bit_offset if member is not None else 0
        bit_bytes = member.bit_bytes if member is not None else 0
        self.items.append(InitItem(offset, t, value, width, bit_offset, bit_bytes))

    def scalar_in_braces(self, t: Type, offset: int, ilist: c_ast.InitList, member=None) -> None:
        exprs = ilist.exprs or []
        if not exprs:                     # `= {}`: zero
            return
        if len(exprs) > 1:
            raise error_at(loc_of(exprs[1]), "excess elements in scalar initializer")
        inner = exprs[0]
        if isinstance(inner, c_ast.InitList):
            self.scalar_in_braces(t, offset, inner, member)
        else:
            self.scalar(t, offset, inner, member)

    def string(self, t: ArrayType, offset: int, node) -> Type:
        s = self.checker.init_value(node)
        if not isinstance(s, Str):
            raise error_at(loc_of(node), "expected a string literal")
        count = s.type.length                     # elements, the terminating zero included
        if t.length is None:
            t = qualified(array_of(t.base, count), t.const, t.volatile)
        elif count - 1 > t.length:
            raise error_at(loc_of(node), f"initializer-string for array of {t.length} chars is too long")
        self.items.append(InitItem(offset, t, s))
        return t
