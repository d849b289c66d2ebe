"""The typed syntax tree: what the checker (check.py) builds and the code generator (codegen.py)
walks. Every expression node has its C type and every implicit conversion is an explicit `Cast`,
so the code generator never has to think about C's typing rules.

Symbols (`Var`) are shared between the nodes that name them; the checker fills in what it learns
(is its address taken? how often is it used?) and the code generator records where it lives.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ufos.toolchain.cc.errors import Loc
from ufos.toolchain.cc.types import Type


# ---------------------------------------------------------------------------------------------
# Symbols
# ---------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Var:
    name: str
    type: Type
    storage: str          # 'local', 'param', 'global' (external linkage), 'static' (internal or
                          # static local), 'func'
    loc: Loc | None = None
    label: str = ""       # the assembler symbol of a global, static or function
    defined: bool = False            # a global/function with a definition (or tentative one)
    addr_taken: bool = False         # & applied, or an aggregate (lives in memory)
    uses: float = 0.0                # loop-weighted count of uses, for register allocation
    init: object = None              # a global's Initializer (see initializer.py)
    is_inline: bool = False
    internal: bool = False           # a static function (not exported)
    external: bool = False           # declared without inline or with extern (C99 inline rules)
    referenced: bool = False         # used by the code (so an extern needs .extern)
    home: object = None              # where codegen keeps it (codegen.Home)
    align: int = 1                   # _Alignas: its address is a multiple of this (and of its type's)


@dataclass(eq=False)
class EnumConst:
    name: str
    value: int
    type: Type


@dataclass(eq=False)
class VlaName:
    """A variable-length array `T a[n]`: `ptr` (a T *) holds its storage; `a` reads as ptr, and
    sizeof a is the type's size (its counts are the hidden locals its declaration set)."""
    name: str
    type: object          # a types.VlaType
    ptr: Var


@dataclass(eq=False)
class TypedefName:
    name: str
    type: Type


# ---------------------------------------------------------------------------------------------
# Expressions
# ---------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Expr:
    type: Type
    loc: Loc | None


@dataclass(eq=False)
class Const(Expr):          # an integer constant (also a null pointer constant once cast)
    value: int = 0


@dataclass(eq=False)
class FConst(Expr):
    value: float = 0.0


@dataclass(eq=False)
class Str(Expr):            # a string literal: an array lvalue in .rodata
    data: bytes = b""       # with its terminating NUL
    label: str = ""


@dataclass(eq=False)
class VarRef(Expr):         # a variable or a function designator
    var: Var = None


@dataclass(eq=False)
class Unary(Expr):          # op: 'neg' or 'bitnot'
    op: str = ""
    operand: Expr = None


@dataclass(eq=False)
class Not(Expr):            # !x
    operand: Expr = None


@dataclass(eq=False)
class Binary(Expr):         # + - * / % << >> & | ^ on arithmetic operands of the result type
    op: str = ""            # (shifts: the right operand may have another integer type)
    left: Expr = None
    right: Expr = None


@dataclass(eq=False)
class Compare(Expr):        # == != < <= > >=: operands of one (arithmetic or pointer) type
    op: str = ""
    left: Expr = None
    right: Expr = None


@dataclass(eq=False)
class Logical(Expr):        # && ||
    op: str = ""
    left: Expr = None
    right: Expr = None


@dataclass(eq=False)
class PtrAdd(Expr):         # pointer + integer (a long), scaled by the pointee's size; op '+' or '-'
    op: str = "+"
    ptr: Expr = None
    index: Expr = None


@dataclass(eq=False)
class PtrDiff(Expr):        # pointer - pointer, in elements
    left: Expr = None
    right: Expr = None
    elem_size: int = 1


@dataclass(eq=False)
class Assign(Expr):         # lhs = rhs (rhs already converted to lhs's type)
    target: Expr = None
    value: Expr = None


@dataclass(eq=False)
class OpAssign(Expr):       # target op= value: target = (T)((optype)target op value)
    op: str = ""            # an arithmetic operator, or 'ptr+'/'ptr-' for pointer +=/-=
    target: Expr = None
    value: Expr = None      # converted to optype (a long for pointer steps)
    optype: Type = None


@dataclass(eq=False)
class IncDec(Expr):         # ++x --x x++ x--
    target: Expr = None
    delta: int = 1          # +1 or -1 (scaled for pointers by codegen)
    prefix: bool = True


@dataclass(eq=False)
class Cond(Expr):           # c ? a : b
    cond: Expr = None
    then: Expr = None
    other: Expr = None


@dataclass(eq=False)
class Comma(Expr):
    left: Expr = None
    right: Expr = None


@dataclass(eq=False)
class Cast(Expr):           # conversion of operand to self.type (explicit or implicit)
    operand: Expr = None


@dataclass(eq=False)
class Call(Expr):
    func: Expr = None       # a VarRef of a function (a direct call) or a function pointer
    args: list = field(default_factory=list)     # converted to the parameter types
    functype: Type = None
    named: int = 0          # how many arguments are named (the rest are variadic)


@dataclass(eq=False)
class Member(Expr):         # s.m (s->m is Member(Deref(p)))
    base: Expr = None
    offset: int = 0
    bit_width: int | None = None
    bit_offset: int = 0
    bit_bytes: int = 0      # a packed struct's bit-field: the bytes that hold it (0: its type's unit)


@dataclass(eq=False)
class Deref(Expr):          # *p
    operand: Expr = None


@dataclass(eq=False)
class AddrOf(Expr):         # &lvalue, and the decay of arrays and functions to pointers
    operand: Expr = None


@dataclass(eq=False)
class Builtin(Expr):        # a __builtin_* that becomes inline instructions (see builtins.py)
    name: str = ""
    args: list = field(default_factory=list)


@dataclass(eq=False)
class CompoundLit(Expr):    # (T){...}: an unnamed local object, initialised where it appears
    var: Var = None
    init: object = None     # initializer.Initializer


@dataclass(eq=False)
class VlaAlloc(Expr):       # the storage of a variable-length array: `size` bytes below csp
    size: Expr = None       # a long


@dataclass(eq=False)
class StmtExpr(Expr):       # GNU ({ ... }): the value of the last expression statement
    body: object = None
    result: Expr = None


# ---------------------------------------------------------------------------------------------
# Statements
# ---------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Stmt:
    loc: Loc | None


@dataclass(eq=False)
class Block(Stmt):
    items: list = field(default_factory=list)
    vla_stack: object = None    # a StackSlot if it declares variable-length arrays: csp is
                                # restored from it at the block's end


@dataclass(eq=False)
class StackSlot:
    """Where a block keeps csp as it was before its first variable-length array (a frame offset,
    given by the code generator)."""
    offset: int | None = None


@dataclass(eq=False)
class SaveStack(Stmt):      # before a block's first VLA: csp into the block's StackSlot
    slot: StackSlot = None


@dataclass(eq=False)
class ExprStmt(Stmt):
    expr: Expr = None


@dataclass(eq=False)
class LocalInit(Stmt):      # a local declaration with an initializer
    var: Var = None
    init: object = None     # initializer.Initializer


@dataclass(eq=False)
class If(Stmt):
    cond: Expr = None
    then: Stmt = None
    other: Stmt | None = None


@dataclass(eq=False)
class Loop(Stmt):           # while, do-while and for
    kind: str = "while"     # 'while', 'do', 'for'
    init: Stmt | None = None
    cond: Expr | None = None
    step: Expr | None = None
    body: Stmt = None
    frees_vlas: bool = False    # the body declares VLAs: csp is restored before every iteration


@dataclass(eq=False)
class Switch(Stmt):
    expr: Expr = None
    body: Stmt = None
    cases: list = field(default_factory=list)     # of Case
    default: object = None                        # a Case, or None


@dataclass(eq=False)
class Case(Stmt):           # a case or default label inside a switch body
    value: int | None = None    # the value matched (None: default, or an empty GNU range)
    body: Stmt = None
    label: str = ""
    last: int | None = None     # the values matched are value ... last (GNU's case ranges)


@dataclass(eq=False)
class Return(Stmt):
    expr: Expr | None = None


@dataclass(eq=False)
class Break(Stmt):
    pass


@dataclass(eq=False)
class Continue(Stmt):
    pass


@dataclass(eq=False)
class Goto(Stmt):
    name: str = ""


@dataclass(eq=False)
class Label(Stmt):
    name: str = ""
    body: Stmt = None


@dataclass(eq=False)
class Nop(Stmt):
    pass


# ---------------------------------------------------------------------------------------------
# The translation unit
# ---------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Function:
    var: Var
    params: list             # of Var
    body: Block
    locals: list = field(default_factory=list)     # every local Var (params included)
    statics: list = field(default_factory=list)    # static locals (emitted as globals)
    has_calls: bool = False
    loc: Loc | None = None


@dataclass(eq=False)
class Program:
    functions: list = field(default_factory=list)
    globals: list = field(default_factory=list)    # Vars with storage global/static
    strings: list = field(default_factory=list)    # Str nodes, each with its label
    filename: str = ""


def children(node):
    """The expression and statement nodes directly inside node (for walks)."""
    out = []
    for name in node.__dataclass_fields__:
        if name in ("type", "loc", "optype", "functype", "var", "cases", "default"):
            continue
        value = getattr(node, name)
        if isinstance(value, (Expr, Stmt)):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, (Expr, Stmt)))
    if isinstance(node, CompoundLit) and node.init is not None:
        out.extend(node.init.exprs())
    if isinstance(node, LocalInit) and node.init is not None:
        out.extend(node.init.exprs())
    return out
