"""Stage 3, semantic analysis: pycparser's syntax tree -> the typed tree of nodes.py.

This module owns declarations and statements: scopes (file, function, block; shadowing), the
ordinary and tag name spaces, typedefs, turning declarators into types (types.py), globals and
their linkage, static locals, functions and their parameters, labels and gotos, and the rules of
each statement. Expressions are typed by the ExprChecker mixin in expr.py. Any error the program
can make is raised as a CompileError at the place it happened.
"""
from __future__ import annotations

import re

from dataclasses import replace

from pycparser import c_ast

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.constexpr import fold, static_value
from ufos.toolchain.cc.errors import MAX_ERRORS, CompileError, CompileErrors, RepeatedError, error_at, loc_of
from ufos.toolchain.cc.expr import ExprChecker
from ufos.toolchain.cc.initializer import InitBuilder
from ufos.toolchain.cc.nodes import (Block, Break, Case, Continue, EnumConst, ExprStmt, Function, Goto, If, Label,
                                     LocalInit, Loop, Nop, Program, Return, Switch, TypedefName, Var,
                                     Assign, Const, SaveStack, StackSlot, VarRef, VlaAlloc, VlaName)
from ufos.toolchain.cc.parse import CAPABILITY_QUALIFIER, PRELUDE_FILE, IndexRange
from ufos.toolchain.cc.types import (ArrayType, FuncType, IntType, Param, StructInfo, StructType,
                                     Type, is_array, is_complete, is_func, is_struct, is_void)

BUILTIN_TYPEDEFS = {"__intcap": T.INTCAP, "__uintcap": T.UINTCAP, "__intcap_t": T.INTCAP,
                    "__uintcap_t": T.UINTCAP}
MAX_OBJECT = 1 << 30          # bytes: the machine has megabytes; a bigger object is a mistake
STACK_ALIGN_MAX = 16          # the most _Alignas gives what may live on the stack (members too)
STATIC_ALIGN_MAX = 4096       # ... and a static object (its section's start is page-aligned)
SPECIFIER_WORDS = {"void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
                   "_Bool", "_Complex", "__int128"}


class Scope:
    """One level of block structure: ordinary identifiers and tags declared in it."""

    def __init__(self, parent: Scope | None = None):
        self.parent = parent
        self.names: dict[str, object] = {}     # Var | EnumConst | TypedefName
        self.tags: dict[str, object] = {}      # StructType | 'enum'

    def lookup(self, name: str):
        scope = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None

    def lookup_tag(self, name: str):
        scope = self
        while scope is not None:
            if name in scope.tags:
                return scope.tags[name]
            scope = scope.parent
        return None

    @property
    def is_file(self) -> bool:
        return self.parent is None


class Checker(ExprChecker):
    def __init__(self, filename: str):
        self.program = Program(filename=filename)
        self.file_scope = self.scope = Scope()
        self.func: Function | None = None
        self.counter = 0
        self.string_labels: dict[tuple, str] = {}    # (bytes, element size) -> label
        self.init_cache: dict[int, object] = {}
        self.struct_nodes: dict[int, StructType] = {}    # id(c_ast.Struct) -> its type
        self.in_params = 0                # resolving a parameter's declarator (array sizes unused)
        self.vla_blocks: list = []        # per open block: its StackSlot once it declares a VLA
        # per open loop: does its body declare a VLA?
        self.vla_loops: list[bool] = []
        self.errors: list[CompileError] = []   # reported at the end (check), as gcc lists them
        self.undeclared: set[str] = set()       # names already reported in this function
        self.pack: list[int | None] = [None]    # #pragma pack's stack: its top is in force

    def unique(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    # =============================================================================================
    # The translation unit
    # =============================================================================================
    def check(self, ast: c_ast.FileAST) -> Program:
        """The typed program; or CompileErrors listing every error found (each declaration and
        statement with an error is skipped, and checking goes on with the next)."""
        for ext in ast.ext:
            self.recovering(self.external, ext)
        self.recovering(self.finish_globals)
        if self.errors:
            raise CompileErrors(self.errors)
        return self.program

    def recovering(self, check, *args, default=None):
        """check(*args), with an error noted (not raised) so that checking can go on."""
        try:
            return check(*args)
        except RepeatedError:
            return default
        except CompileErrors:           # the limit was reached in a nested statement
            raise
        except CompileError as e:
            self.errors.append(e)
            if len(self.errors) >= MAX_ERRORS:
                raise CompileErrors(self.errors, stopped=True) from None
            return default

    def external(self, ext) -> None:
        if isinstance(ext, c_ast.FuncDef):
            self.function_def(ext)
        elif isinstance(ext, c_ast.Decl):
            self.file_decl(ext)
        elif isinstance(ext, c_ast.Typedef):
            self.typedef(ext)
        elif isinstance(ext, c_ast.StaticAssert):
            self.static_assert(ext)
        elif isinstance(ext, c_ast.Pragma):
            self.pragma(ext)
        else:
            raise error_at(loc_of(ext), f"unexpected {type(ext).__name__} at file scope")

    def pragma(self, node: c_ast.Pragma) -> None:
        """#pragma pack(n), pack(push[, n]), pack(pop), pack(): the alignment gcc would cap the
        members of the structs that follow at (see types.layout). Other pragmas are ignored."""
        m = re.fullmatch(r"\s*pack\s*\(\s*(push|pop)?\s*,?\s*(\d*)\s*\)\s*", node.string or "")
        if m is None:
            return
        action, n = m[1], int(m[2]) if m[2] else None
        if n == 0:
            n = None                  # pack(0): the natural alignment, as pack()
        elif n is not None and (n & (n - 1) or n > 16):
            raise error_at(loc_of(node), f"alignment must be a small power of two, not {n}")
        if action == "push":
            self.pack.append(n if n is not None else self.pack[-1])
        elif action == "pop":
            if len(self.pack) > 1:
                self.pack.pop()
        else:
            self.pack[-1] = n

    def finish_globals(self) -> None:
        for var in self.program.globals:
            t = var.type
            if isinstance(t, ArrayType) and t.length is None and var.defined and var.storage != "func":
                var.type = T.array_of(t.base, 1)          # `int a[];` at file scope: one element
            elif var.defined and var.storage != "func" and not is_complete(var.type):
                raise error_at(var.loc, f"storage size of '{var.name}' isn't known")

    # =============================================================================================
    # Types from declarations
    # =============================================================================================
    @staticmethod
    def capability_of(t: Type, loc) -> Type:
        """`P __capability` where P is a pointer typedef: the capability version of that pointer."""
        if not isinstance(t, T.PointerType):
            raise error_at(loc, f"'__capability' qualifies a pointer (write 'T * __capability'), not '{t}'"
                                " (and '_Atomic', which the parser reads as it, is not supported: __STDC_NO_ATOMICS__)")
        return replace(t, cap=True)

    def resolve(self, node) -> Type:
        """The type a declarator (TypeDecl/PtrDecl/ArrayDecl/FuncDecl/Typename) describes."""
        if isinstance(node, c_ast.Typename):
            return self.align_typedef(self.resolve(node.type), node, loc_of(node))
        if isinstance(node, c_ast.TypeDecl):
            base = self.specifier(node.type, loc_of(node))
            if CAPABILITY_QUALIFIER in node.quals:
                base = self.capability_of(base, loc_of(node))
            return T.qualified(base, "const" in node.quals, "volatile" in node.quals)
        if isinstance(node, c_ast.PtrDecl):
            base = self.resolve(node.type)
            ptr = T.pointer_to(base, cap=CAPABILITY_QUALIFIER in node.quals)
            return T.qualified(ptr, "const" in node.quals, "volatile" in node.quals)
        if isinstance(node, c_ast.ArrayDecl):
            return self.array_declarator(node)
        if isinstance(node, c_ast.FuncDecl):
            return self.func_declarator(node)
        if isinstance(node, (c_ast.Struct, c_ast.Union, c_ast.Enum, c_ast.IdentifierType)):
            return self.specifier(node, loc_of(node))
        raise error_at(loc_of(node), f"unsupported declarator {type(node).__name__}")

    def array_declarator(self, node: c_ast.ArrayDecl) -> Type:
        base = self.resolve(node.type)
        loc = loc_of(node) or loc_of(node.type)
        if is_func(base):
            raise error_at(loc, "declaration of an array of functions")
        if not is_complete(base) and not isinstance(base, T.VlaType):
            raise error_at(loc, f"array has incomplete element type '{base}'")
        length = None
        if node.dim is not None:
            dim = self.array_size(node.dim)
            if dim is None:                 # `double a[n][m]` as a parameter: a double (*)[*] until
                return T.VlaType(base=base, length=None)    # the definition's body (vla_parameter)
            if not T.is_integer(dim.type):
                raise error_at(loc_of(node.dim), "size of array has non-integer type")
            if not isinstance(dim, Const) or isinstance(base, T.VlaType):
                return self.vla_type(base, dim, loc_of(node.dim) or loc)
            length = dim.value
            if length < 0:
                raise error_at(loc_of(node.dim), "size of array is negative")
            if length * base.size > MAX_OBJECT:
                raise error_at(loc_of(node.dim), f"array is too large ({length * base.size} bytes)")
        if base.size % base.align:
            raise error_at(loc, "alignment of array elements is greater than element size")
        if length is not None and length > 1 and base.size % 16 and T.misaligned_capability(base, base.size) is not None:
            raise error_at(loc, f"array of '{base}', a packed type of {base.size} bytes that holds a capability: "
                                "its second element's capability would not be 16-byte aligned, as CHERI needs")
        return T.array_of(base, length)

    def array_size(self, dim):
        """The size expression of an array declarator; None for one in a parameter that is not a
        constant (`int a[n]`, `int a[*]`: the parameters it names are not in scope yet)."""
        if not self.in_params:
            return fold(self.value(dim))
        try:
            size = fold(self.value(dim))
        except CompileError:
            return None
        return size if isinstance(size, Const) else None

    def vla_type(self, base: Type, count, loc) -> T.VlaType:
        if not self.in_params and (self.func is None or self.scope is self.file_scope):
            raise error_at(loc, "variable length array declared outside of any function")
        return T.VlaType(base=base, length=None, count=count)

    def func_declarator(self, node: c_ast.FuncDecl) -> FuncType:
        ret = self.resolve(node.type)
        loc = loc_of(node) or loc_of(node.type)
        if is_array(ret):
            raise error_at(loc, "function cannot return an array type")
        if is_func(ret):
            raise error_at(loc, "function cannot return a function type")
        params, variadic, prototyped = self.parameters(node.args)
        return FuncType(ret=T.unqualified(ret), params=tuple(params), variadic=variadic, prototyped=prototyped)

    def parameters(self, plist) -> tuple[list[Param], bool, bool]:
        if plist is None:
            return [], False, False
        items = list(plist.params)
        if len(items) == 1 and isinstance(items[0], (c_ast.Typename, c_ast.Decl)) and not getattr(items[0], "name", None):
            t = self.resolve(items[0].type)
            if is_void(t):
                return [], False, True
        params, variadic = [], False
        for p in items:
            if isinstance(p, c_ast.EllipsisParam):
                variadic = True
            elif isinstance(p, c_ast.ID):
                raise error_at(loc_of(p), "a parameter list without types is only allowed in a function definition")
            elif getattr(p, "align", None):     # C11 6.7.5p2; gcc: also its aligned attribute
                raise error_at(loc_of(p), f"alignment may not be specified for parameter '{p.name}'")
            else:
                self.in_params += 1
                try:
                    t = self.adjust_param(self.resolve(p.type), loc_of(p))
                finally:
                    self.in_params -= 1
                params.append(Param(getattr(p, "name", None), t))
        return params, variadic, True

    @staticmethod
    def adjust_param(t: Type, loc) -> Type:
        if is_array(t):
            return T.qualified(T.pointer_to(t.base), t.const, t.volatile)
        if is_func(t):
            return T.pointer_to(t)
        if is_void(t):
            raise error_at(loc, "parameter has type void")
        return t

    def specifier(self, node, loc) -> Type:
        if isinstance(node, c_ast.IdentifierType):
            return self.basic_type(node.names, loc_of(node) or loc)
        if isinstance(node, (c_ast.Struct, c_ast.Union)):
            return self.struct_type(node)
        if isinstance(node, c_ast.Enum):
            return self.enum_type(node)
        if isinstance(node, c_ast.TypeOf):
            return self.typeof(node)
        return self.resolve(node)

    def typeof(self, node: c_ast.TypeOf) -> Type:
        """typeof(x) (C23, and gcc's __typeof__): the type of a type name, or of an expression as
        it is written (arrays stay arrays, qualifiers stay), which is not evaluated;
        typeof_unqual drops the qualifiers."""
        if isinstance(node.expr, c_ast.Typename):
            t = self.resolve(node.expr)
        else:
            t = self.expr(node.expr).type
        return T.unqualified(t) if node.op == "typeof_unqual" else t

    def basic_type(self, names: list[str], loc) -> Type:
        if len(names) == 1 and names[0] not in SPECIFIER_WORDS:
            name = names[0]
            entry = self.scope.lookup(name)
            if not isinstance(entry, TypedefName):
                raise error_at(loc, f"unknown type name '{name}'")
            return entry.type
        count = {w: names.count(w) for w in set(names)}
        unknown = [w for w in count if w not in SPECIFIER_WORDS]
        if unknown:
            raise error_at(loc, f"unknown type name '{unknown[0]}'")
        if "_Complex" in count or "__int128" in count:
            raise error_at(loc, f"'{'_Complex' if '_Complex' in count else '__int128'}' is not supported")
        unsigned = "unsigned" in count
        if unsigned and "signed" in count:
            raise error_at(loc, "both 'signed' and 'unsigned' in declaration specifiers")
        longs = count.get("long", 0)
        if "void" in count:
            return T.VOID
        if "_Bool" in count:
            return T.BOOL
        if "float" in count:
            return T.FLOAT
        if "double" in count:
            return T.LDOUBLE if longs else T.DOUBLE
        if "char" in count:
            return T.UCHAR if unsigned else T.SCHAR if "signed" in count else T.CHAR
        if "short" in count:
            return T.USHORT if unsigned else T.SHORT
        if longs >= 2:
            return T.ULLONG if unsigned else T.LLONG
        if longs == 1:
            return T.ULONG if unsigned else T.LONG
        return T.UINT if unsigned else T.INT

    # --- struct, union, enum ---------------------------------------------------------------------
    def struct_type(self, node) -> StructType:
        is_union = isinstance(node, c_ast.Union)
        kw = "union" if is_union else "struct"
        loc = loc_of(node)
        if node.decls is None:                       # a reference: struct s
            found = self.scope.lookup_tag(node.name) if node.name else None
            if found is not None:
                if not isinstance(found, StructType) or found.info.is_union != is_union:
                    raise error_at(loc, f"'{node.name}' defined as the wrong kind of tag")
                return found
            t = StructType(info=StructInfo(node.name, is_union))
            if node.name:
                self.scope.tags[node.name] = t
            return t
        if id(node) in self.struct_nodes:            # `struct {...} a, b;` shares one node
            return self.struct_nodes[id(node)]
        t = self.scope.tags.get(node.name) if node.name else None
        if t is not None:
            if not isinstance(t, StructType) or t.info.is_union != is_union:
                raise error_at(loc, f"'{node.name}' defined as the wrong kind of tag")
            if t.info.complete:
                raise error_at(loc, f"redefinition of '{kw} {node.name}'")
        else:
            t = StructType(info=StructInfo(node.name, is_union))
            if node.name:
                self.scope.tags[node.name] = t
        self.struct_nodes[id(node)] = t
        members = []
        for d in node.decls:
            members.extend(self.struct_members(d, t))
        names = set()
        for m in members:
            if m.name is not None:
                if m.name in names:
                    raise error_at(loc, f"duplicate member '{m.name}'")
                names.add(m.name)
        pack, packed = self.packing(node)
        T.layout(t.info, members, pack, packed)
        self.check_packed_members(t)
        self.align_struct(t, node, loc)
        return t

    def align_struct(self, t: StructType, node, loc) -> None:
        """`struct s {...} __attribute__((aligned(n)))` (parse.py): gcc raises the struct's
        alignment to n, and its size to a multiple of it; a smaller n changes nothing. Of
        several, the last counts (`struct __attribute__((aligned(8))) s {...}
        __attribute__((aligned(4)))` is 4-aligned, as in gcc)."""
        aligns = [self.alignment_value(a.arguments[0], STACK_ALIGN_MAX, f"'{t}'", loc)
                  for spec in node.attributes or [] for a in spec.attributes if a.name == "aligned"]
        if aligns:
            t.info.align = max(t.info.align, aligns[-1])
            t.info.size = T.align_to(t.info.size, t.info.align)

    def packing(self, node) -> tuple[int | None, bool]:
        """How gcc packs a struct's members: (the #pragma pack(n) in force or None, whether it has
        __attribute__((packed)))."""
        packed = any(a.name == "packed" for spec in node.attributes or [] for a in spec.attributes)
        return self.pack[-1], packed

    @staticmethod
    def member_packed(d: c_ast.Decl) -> bool:
        """`int x __attribute__((packed));` (parse.py): this member alone has alignment 1."""
        return any(a.name == "packed" for spec in d.attributes or [] for a in spec.attributes)

    @staticmethod
    def check_packed_members(t: StructType) -> None:
        """What packing may do that ufos cc cannot follow: put a capability (a pointer) at an
        offset that is not a multiple of 16 (CHERI keeps a capability's tag only in a 16-byte
        aligned granule, so it could not be stored there; CHERI clang refuses it too), or a
        bit-field across more than 8 bytes (read and written in one 64-bit register)."""
        kw = "union" if t.info.is_union else "struct"
        for m in t.info.members:
            name = m.name or "<anonymous>"
            if m.bit_width is not None:
                if m.bit_offset + m.bit_width > 64:
                    raise error_at(m.loc, f"packing puts bit-field '{name}' of '{t}' across 9 bytes; "
                                          "ufos cc reads and writes a bit-field in at most 8")
                continue
            off = T.misaligned_capability(m.type, m.offset)
            if off is None:
                continue
            what = "is a capability" if off == m.offset and T.is_capability(m.type) else "holds a capability"
            raise error_at(m.loc, f"member '{name}' of '{kw} {t.info.tag or '<anonymous>'}' {what} at offset {off}, "
                                  "not a multiple of 16: packing would misalign it, and a CHERI capability (a "
                                  "pointer) must be 16-byte aligned in memory")

    def struct_members(self, d, owner: StructType) -> list[T.Member]:
        if isinstance(d, c_ast.StaticAssert):
            self.static_assert(d)
            return []
        if isinstance(d, c_ast.Pragma):
            self.pragma(d)
            return []
        loc = loc_of(d)
        if d.name is None and isinstance(d.type, (c_ast.Struct, c_ast.Union)) and d.bitsize is None:
            t = self.struct_type(d.type)               # an anonymous struct or union member
            return [T.Member(None, t, 0, loc=loc)]
        t = self.resolve(d.type)
        if is_func(t):
            raise error_at(loc, f"member '{d.name}' declared as a function")
        width = None
        if d.bitsize is not None:
            if not isinstance(t, IntType) or t.kind == "intcap":
                raise error_at(loc, f"bit-field '{d.name}' has invalid type '{t}'")
            width = self.const_int(d.bitsize, "bit-field width")
            if width < 0 or width > t.bits:
                raise error_at(loc_of(d.bitsize), f"width of bit-field '{d.name}' ({width} bits) exceeds its type")
            if width == 0 and d.name:
                raise error_at(loc, f"named bit-field '{d.name}' has zero width")
        elif isinstance(t, T.VlaType):
            raise error_at(loc, f"field '{d.name}' has a variable size")
        elif not is_complete(t) and not (is_array(t) and t.length is None):
            raise error_at(loc, f"field '{d.name}' has incomplete type '{t}'")
        return [T.Member(d.name, t, 0, width, align=self.explicit_align(d, t, STACK_ALIGN_MAX),
                         packed=self.member_packed(d), loc=loc)]

    def alignment_value(self, alignment, most: int, what: str, loc) -> int:
        """The alignment an _Alignas (or an aligned attribute) of `what` asks for: a type's, or
        a constant that is a power of two (or 0), no greater than most."""
        loc = loc_of(alignment) or loc
        if isinstance(alignment, c_ast.Typename):
            n = self.resolve(alignment).align
        else:
            n = self.const_int(alignment, "requested alignment")
        if n < 0 or n & (n - 1):
            raise error_at(loc, f"requested alignment {n} is not a power of 2")
        if n > most:
            raise error_at(loc, f"requested alignment {n} of {what} is more than ufos supports here ({most})")
        return n

    def explicit_align(self, d: c_ast.Decl, t: Type, most: int) -> int:
        """The alignment d's _Alignas specifiers ask for, 1 if none (C11 6.7.5): the strictest of
        them, each a power of two or 0 (no effect), none weaker than t's own. `most` is the largest
        this kind of object can get (STACK_ALIGN_MAX, STATIC_ALIGN_MAX); C11
        leaves which extended alignments are supported to the implementation."""
        align = 0                                   # 0: no effect (none given, or each 0)
        for spec in d.align or []:
            align = max(align, self.alignment_value(spec.alignment, most, f"'{d.name}'", loc_of(d)))
        if 0 < align < t.align:
            raise error_at(loc_of(d), f"'_Alignas' cannot reduce the alignment of '{d.name}' (below {t.align})")
        return max(align, 1)

    def enum_type(self, node: c_ast.Enum) -> Type:
        """int, or for gcc's `enum __attribute__((packed)) e {...}` the smallest integer type that
        holds its values (parse.py); the enumerators are ints either way."""
        loc = loc_of(node)
        if node.values is None:
            found = self.scope.lookup_tag(node.name) if node.name else None
            if found is not None and not isinstance(found, IntType):
                raise error_at(loc, f"'{node.name}' defined as the wrong kind of tag")
            return found or T.INT
        if id(node) in self.struct_nodes:            # `enum {...} a, b;` shares one node
            return self.struct_nodes[id(node)]
        self.struct_nodes[id(node)] = T.INT
        if node.name:
            self.scope.tags[node.name] = T.INT
        values, value = [], 0
        for e in node.values.enumerators:
            if e.value is not None:
                value = self.const_int(e.value, "enumerator value")
            self.declare_name(e.name, EnumConst(e.name, value, T.INT), loc_of(e))
            values.append(value)
            value += 1
        attributes = [a.name for spec in node.attributes or [] for a in spec.attributes]
        if "aligned" in attributes:
            raise error_at(loc, "ufos cc takes __attribute__((aligned)) on a struct, a variable or a typedef, not an enum")
        t = self.packed_enum_type(values) if "packed" in attributes else T.INT
        self.struct_nodes[id(node)] = t
        if node.name:
            self.scope.tags[node.name] = t
        return t

    @staticmethod
    def packed_enum_type(values: list) -> IntType:
        """gcc's packed enum: the first of unsigned char, short, int and long (signed ones if a
        value is negative) that holds every value."""
        low, high = min(values, default=0), max(values, default=0)
        for kind in ("char", "short", "int"):
            t = IntType(kind, low >= 0)
            if t.min() <= low and high <= t.max():
                return t
        return IntType("long", low >= 0)

    def static_assert(self, node) -> None:
        if self.const_int(node.cond, "static assertion") == 0:
            msg = node.message.value if node.message is not None else ""
            raise error_at(loc_of(node), f"static assertion failed{': ' + msg if msg else ''}")

    # =============================================================================================
    # Declarations
    # =============================================================================================
    def declare_name(self, name: str, entry, loc) -> None:
        prior = self.scope.names.get(name)
        if prior is not None and not (isinstance(prior, TypedefName) and isinstance(entry, TypedefName)
                                      and T.compatible(prior.type, entry.type)):
            raise error_at(loc, f"redefinition of '{name}'")
        self.scope.names[name] = entry

    def typedef(self, node: c_ast.Typedef) -> list:
        """Declare the type name; `typedef int row[n]` in a function evaluates n here (the
        statements returned), so later changes to n do not change the type."""
        loc = loc_of(node)
        sizes = []
        if node.name in BUILTIN_TYPEDEFS and loc is not None and loc.file == PRELUDE_FILE:
            t = BUILTIN_TYPEDEFS[node.name]
        else:
            t = self.align_typedef(self.resolve(node.type), node, loc)
            if T.is_variably_modified(t):
                t, sizes = self.freeze_vla(t, node.name, loc)
        self.declare_name(node.name, TypedefName(node.name, t), loc)
        return sizes

    def align_typedef(self, t: Type, node, loc) -> Type:
        """`typedef int __attribute__((aligned(8))) aint;`, or such a type name (`_Alignof(int
        __attribute__((aligned(8))))`) (parse.py): gcc gives the type that
        alignment, in place of its own, whether more or less (a typedef may lower it, as for
        unaligned access), and keeps its size. Of several the last counts, gcc applying those
        after the name before those among the specifiers (parse.py puts them in that order). A
        capability cannot be less than 16-aligned."""
        what = f"'{node.name}'" if node.name else "a type name"
        aligns = [self.alignment_value(a.arguments[0], STACK_ALIGN_MAX, what, loc)
                  for spec in node.attributes or [] for a in spec.attributes if a.name == "aligned"]
        if not aligns or not aligns[-1]:
            return t
        t = replace(t, aligned=aligns[-1])
        if T.holds_capability(t) and t.align < 16:
            raise error_at(loc, f"{'typedef ' if node.name else ''}{what} would misalign a capability: a CHERI capability (a pointer) "
                                "must be 16-byte aligned in memory")
        return t

    def decl_type(self, d: c_ast.Decl) -> Type:
        if isinstance(d.type, (c_ast.Struct, c_ast.Union, c_ast.Enum)):
            return self.specifier(d.type, loc_of(d))
        return self.resolve(d.type)

    def file_decl(self, d: c_ast.Decl) -> None:
        if "typedef" in d.storage:
            self.declare_name(d.name, TypedefName(d.name, self.decl_type(d)), loc_of(d))
            return
        t = self.decl_type(d)
        if d.name is None:                      # struct s {...}; enum {...};
            return
        if "auto" in d.storage or "register" in d.storage:
            raise error_at(loc_of(d), f"file-scope declaration of '{d.name}' specifies '{d.storage[0]}'")
        if is_func(t):
            self.declare_function(d, t, defining=False)
        else:
            self.declare_global(d, t)

    def declare_function(self, d: c_ast.Decl, t: FuncType, defining: bool) -> Var:
        loc = loc_of(d)
        prior = self.file_scope.names.get(d.name)
        if prior is not None:
            if not isinstance(prior, Var) or prior.storage != "func":
                raise error_at(loc, f"'{d.name}' redeclared as a different kind of symbol")
            if not T.compatible(prior.type, t):
                raise error_at(loc, f"conflicting types for '{d.name}' ('{t}', previously '{prior.type}')")
            if defining and prior.defined:
                raise error_at(loc, f"redefinition of '{d.name}'")
            prior.type = T.composite(t, prior.type) if defining else T.composite(prior.type, t)
            if defining:
                prior.type, prior.loc = t, loc
            var = prior
        else:
            var = Var(d.name, t, "func", loc, label=d.name, internal="static" in d.storage)
            self.file_scope.names[d.name] = var
            self.program.globals.append(var)
        if "inline" in (d.funcspec or []):
            var.is_inline = True
        if "extern" in d.storage or (not defining and "inline" not in (d.funcspec or [])):
            var.external = True                  # some declaration asks for an external definition
        # C99: an inline definition without any `extern` declaration is not an external one;
        # it stays local to this file (so a header can define it in many files)
        var.internal = "static" in d.storage or var.internal or (var.is_inline and not var.external)
        var.defined = var.defined or defining
        if self.scope is not self.file_scope:
            self.scope.names[d.name] = var
        return var

    def declare_global(self, d: c_ast.Decl, t: Type) -> Var:
        loc = loc_of(d)
        is_static, is_extern = "static" in d.storage, "extern" in d.storage
        prior = self.file_scope.names.get(d.name)
        if prior is not None:
            if not isinstance(prior, Var) or prior.storage == "func":
                raise error_at(loc, f"'{d.name}' redeclared as a different kind of symbol")
            if not T.compatible(prior.type, t):
                raise error_at(loc, f"conflicting types for '{d.name}' ('{t}', previously '{prior.type}')")
            if is_static and prior.storage == "global" and prior.defined:
                raise error_at(loc, f"static declaration of '{d.name}' follows non-static declaration")
            prior.type = T.composite(prior.type, t)
            var = prior
        else:
            var = Var(d.name, t, "static" if is_static else "global", loc, label=d.name)
            self.file_scope.names[d.name] = var
            self.program.globals.append(var)
        var.align = max(var.align, self.explicit_align(d, t, STATIC_ALIGN_MAX))
        if d.init is not None:
            if var.init is not None:
                raise error_at(loc, f"redefinition of '{d.name}'")
            var.init = self.static_init(var, d.init)
            var.type = var.init.type
            var.defined = True
        elif not is_extern:
            var.defined = True                   # a tentative definition: zero if nothing else
        if self.scope is not self.file_scope:
            self.scope.names[d.name] = var
        return var

    def static_init(self, var: Var, node):
        init = InitBuilder(self, static=True).build(var.type, node)
        for item in init.items:
            if static_value(item.expr) is None and not (T.is_array(item.type)):
                raise error_at(item.expr.loc or loc_of(node), "initializer element is not a compile-time constant")
        return init

    # --- locals ----------------------------------------------------------------------------------
    def local_decl(self, d: c_ast.Decl) -> list:
        loc = loc_of(d)
        if "typedef" in d.storage:
            self.declare_name(d.name, TypedefName(d.name, self.decl_type(d)), loc)
            return []
        t = self.decl_type(d)
        if d.name is None:
            return []
        if is_func(t):
            if "static" in d.storage:
                raise error_at(loc, f"invalid storage class for function '{d.name}'")
            self.declare_function(d, t, defining=False)
            return []
        if isinstance(t, T.VlaType) and ("extern" in d.storage or "static" in d.storage):
            raise error_at(loc, f"variable length array '{d.name}' must be automatic (not static or extern)")
        if "extern" in d.storage:
            if d.init is not None:
                raise error_at(loc, f"'{d.name}' has both 'extern' and initializer")
            self.check_local_redeclaration(d.name, loc)
            var = self.declare_global(d, t)
            self.scope.names[d.name] = var
            return []
        if "static" in d.storage:
            return self.static_local(d, t)
        return self.auto_local(d, t)

    def check_local_redeclaration(self, name: str, loc) -> None:
        if name in self.scope.names:
            raise error_at(loc, f"redefinition of '{name}'")

    def static_local(self, d: c_ast.Decl, t: Type) -> list:
        loc = loc_of(d)
        self.check_local_redeclaration(d.name, loc)
        var = Var(d.name, t, "static", loc, label=self.unique(f".L{self.func.var.name}.{d.name}."),
                  align=self.explicit_align(d, t, STATIC_ALIGN_MAX))
        var.defined = True
        self.scope.names[d.name] = var
        if d.init is not None:
            var.init = self.static_init(var, d.init)
            var.type = var.init.type
        if not is_complete(var.type):
            raise error_at(loc, f"storage size of '{d.name}' isn't known")
        self.program.globals.append(var)
        return []

    def auto_local(self, d: c_ast.Decl, t: Type) -> list:
        loc = loc_of(d)
        if isinstance(t, T.VlaType):
            return self.vla_local(d, t)
        self.check_local_redeclaration(d.name, loc)
        t, sizes = self.freeze_vla(t, d.name, loc)     # `int (*p)[n]`: n is evaluated here
        var = Var(d.name, t, "local", loc, align=self.explicit_align(d, t, STACK_ALIGN_MAX))
        self.scope.names[d.name] = var
        self.func.locals.append(var)
        if d.init is None:
            if not is_complete(t):
                raise error_at(loc, f"storage size of '{d.name}' isn't known" if not is_array(t)
                               else f"definition of variable '{d.name}' with array type needs an explicit size or an initializer")
            return sizes
        if not is_complete(t) and not (is_array(t) and t.length is None):
            raise error_at(loc, f"variable '{d.name}' has initializer but incomplete type")
        init = InitBuilder(self, target=var).build(t, d.init)
        var.type = init.type
        return sizes + [LocalInit(loc, var, init)]

    def vla_local(self, d: c_ast.Decl, t: T.VlaType) -> list:
        """`T a[n][m];`: n and m are evaluated once (freeze_vla); ptr = storage for n * m *
        sizeof(T) bytes taken below csp, which the enclosing block gives back at its end (and a
        loop before each iteration)."""
        loc = loc_of(d)
        if d.init is not None:
            raise error_at(loc, "variable-sized object may not be initialized")
        self.check_local_redeclaration(d.name, loc)
        t, sizes = self.freeze_vla(t, d.name, loc)
        ptr = Var(d.name, T.pointer_to(t.base), "local", loc)
        self.func.locals.append(ptr)
        self.scope.names[d.name] = VlaName(d.name, t, ptr)
        save = []
        if self.vla_blocks[-1] is None:     # the first in its block: csp is kept here, not at the
            self.vla_blocks[-1] = StackSlot()   # block's start, which a case label may jump over
            save = [SaveStack(loc, self.vla_blocks[-1])]
        if self.vla_loops:
            self.vla_loops[-1] = True
        size = self.convert(self.vla_bytes(t, loc), T.LONG)
        return save + sizes + [ExprStmt(loc, Assign(ptr.type, loc, VarRef(ptr.type, loc, ptr), VlaAlloc(ptr.type, loc, size)))]

    def freeze_vla(self, t: Type, name: str, loc) -> tuple[Type, list]:
        """A declaration's type with each variable length evaluated now (outermost first, as gcc
        does) into a hidden local that the returned type's count names; and the statements that
        evaluate them. Later changes to n do not change the declared array."""
        if isinstance(t, T.VlaType):
            count = Var(f"{name}.count{len(self.func.locals)}", T.LONG, "local", loc)
            self.func.locals.append(count)
            first = ExprStmt(loc, Assign(T.LONG, loc, VarRef(T.LONG, loc, count), self.convert(self.vla_count(t, loc), T.LONG)))
            base, sizes = self.freeze_vla(t.base, name, loc)
            return replace(t, base=base, count=count), [first] + sizes
        if isinstance(t, T.PointerType) and T.is_variably_modified(t):
            base, sizes = self.freeze_vla(t.base, name, loc)
            return replace(t, base=base), sizes
        return t, []

    # =============================================================================================
    # Functions
    # =============================================================================================
    def function_def(self, fd: c_ast.FuncDef) -> None:
        d = fd.decl
        loc = loc_of(d)
        knr = None                                  # a K&R definition's declared parameter types
        if self.is_knr(fd):
            t, knr = self.knr_type(fd)
        else:
            t = self.resolve(d.type)
        if not is_func(t):
            raise error_at(loc, "expected a function")
        if is_struct(t.ret) and not is_complete(t.ret) or is_array(t.ret):
            raise error_at(loc, f"function returns incomplete type '{t.ret}'")
        var = self.declare_function(d, t, defining=True)
        func = Function(var, [], Block(loc), loc=loc)
        self.func = func
        self.undeclared = set()
        self.labels: dict[str, Label] = {}
        self.gotos: list[Goto] = []
        self.breakable = self.continuable = 0
        self.switches: list[Switch] = []
        outer = self.scope
        self.scope = Scope(outer)
        try:
            narrowed = []
            for p, decl in zip(t.params, self.param_decls(d.type)):
                ploc = loc_of(decl) or loc
                if p.name is None:
                    raise error_at(ploc, "parameter name omitted")
                if not is_complete(p.type):
                    raise error_at(ploc, f"parameter '{p.name}' has incomplete type '{p.type}'")
                pv = Var(p.name, p.type, "param", ploc)
                if T.is_variably_modified(p.type):
                    pv.type, sizes = self.vla_parameter(decl, ploc)
                    narrowed += sizes
                self.check_local_redeclaration(p.name, ploc)
                self.scope.names[p.name] = pv
                func.params.append(pv)
                func.locals.append(pv)
                if knr:
                    narrowed += self.knr_narrow(pv, knr[p.name], ploc)
            func.body = self.block(fd.body, new_scope=False)
            func.body.items[:0] = narrowed
            for g in self.gotos:
                if g.name not in self.labels:
                    raise error_at(g.loc, f"use of undeclared label '{g.name}'")
        finally:
            self.scope = outer
            self.func = None
        self.program.functions.append(func)

    def vla_parameter(self, decl, loc) -> tuple[Type, list]:
        """`double a[n][m]` in a definition: its type again now that the parameters before it are
        in scope, with m evaluated on entry (the adjusted outer n is not needed)."""
        return self.freeze_vla(self.adjust_param(self.resolve(decl.type), loc), decl.name, loc)

    # --- old-style (K&R) definitions: `int add(a, b) int a; short b; { ... }` -----------------
    @staticmethod
    def is_knr(fd: c_ast.FuncDef) -> bool:
        args = getattr(fd.decl.type, "args", None)
        return bool(fd.param_decls) or (args is not None and any(isinstance(p, c_ast.ID) for p in args.params))

    def knr_type(self, fd: c_ast.FuncDef) -> tuple[FuncType, dict[str, Type]]:
        """The type of a K&R definition: unprototyped, its parameters the promoted types of their
        declarations (an undeclared one is an int), since callers pass promoted arguments; and
        the declared type of each parameter (for knr_narrow)."""
        node = fd.decl.type
        params = node.args.params if node.args else []
        names = [p.name for p in params]
        for p in params:
            if names.count(p.name) > 1:
                raise error_at(loc_of(p), f"redefinition of parameter '{p.name}'")
        declared = {}
        for decl in fd.param_decls or []:
            if decl.name not in names:
                raise error_at(loc_of(decl), f"declaration for parameter '{decl.name}' but no such parameter")
            if decl.name in declared:
                raise error_at(loc_of(decl), f"redefinition of parameter '{decl.name}'")
            declared[decl.name] = self.adjust_param(self.resolve(decl.type), loc_of(decl))
        declared = {n: declared.get(n, T.INT) for n in names}
        ret = self.resolve(node.type)
        params = [Param(n, self.promoted_param(t)) for n, t in declared.items()]
        return FuncType(ret=T.unqualified(ret), params=tuple(params), variadic=False, prototyped=False), declared

    @staticmethod
    def promoted_param(t: Type) -> Type:
        if T.is_float(t):
            return T.DOUBLE
        return T.promote(t) if T.is_integer(t) else t

    def knr_narrow(self, pv: Var, declared: Type, loc) -> list:
        """A parameter declared narrower than it arrives (char, short, float): a local of the
        declared type, initialised from the promoted value, takes its name."""
        if T.unqualified(declared) == pv.type:
            return []
        local = Var(pv.name, declared, "local", loc)
        self.scope.names[pv.name] = local
        self.func.locals.append(local)
        value = self.convert(VarRef(pv.type, loc, pv), declared)
        return [ExprStmt(loc, Assign(T.unqualified(declared), loc, VarRef(declared, loc, local), value))]

    @staticmethod
    def param_decls(functype_node) -> list:
        args = functype_node.args
        if args is None:
            return []
        return [p for p in args.params if not isinstance(p, c_ast.EllipsisParam)]

    # =============================================================================================
    # Statements
    # =============================================================================================
    def block(self, node: c_ast.Compound, new_scope: bool = True) -> Block:
        if new_scope:
            self.scope = Scope(self.scope)
        self.vla_blocks.append(None)
        try:
            items = []
            for item in node.block_items or []:
                items.extend(self.recovering(self.block_item, item, default=[]))
            return Block(loc_of(node), items, vla_stack=self.vla_blocks[-1])
        finally:
            self.vla_blocks.pop()
            if new_scope:
                self.scope = self.scope.parent

    def block_item(self, item) -> list:
        if isinstance(item, c_ast.Decl):
            return self.local_decl(item)
        if isinstance(item, c_ast.Typedef):
            return self.typedef(item)
        if isinstance(item, c_ast.DeclList):
            out = []
            for d in item.decls:
                out.extend(self.local_decl(d))
            return out
        return [self.stmt(item)]

    def stmt(self, node):
        method = getattr(self, "stmt_" + type(node).__name__, None)
        if method is None:
            return ExprStmt(loc_of(node), self.expr(node, statement=True))
        if not isinstance(node, _BLOCK_STATEMENTS):
            return method(node)
        self.scope = Scope(self.scope)
        try:
            return method(node)
        finally:
            self.scope = self.scope.parent

    def sub_stmt(self, node):
        """A statement that is the body of if/while/for: a declaration there gets its own scope."""
        if node is None:
            return Nop(None)
        if isinstance(node, (c_ast.Decl, c_ast.DeclList)):
            raise error_at(loc_of(node), "a declaration is not a statement (put it in braces)")
        return self.stmt(node)

    def stmt_Compound(self, node):
        return self.block(node)

    def stmt_EmptyStatement(self, node):
        return Nop(loc_of(node))

    def stmt_Pragma(self, node):
        self.pragma(node)
        return Nop(loc_of(node))

    def stmt_StaticAssert(self, node):
        self.static_assert(node)
        return Nop(loc_of(node))

    def stmt_Decl(self, node):
        return Block(loc_of(node), self.local_decl(node))

    def stmt_If(self, node):
        cond = self.condition(node.cond)
        return If(loc_of(node), cond, self.sub_stmt(node.iftrue),
                  self.sub_stmt(node.iffalse) if node.iffalse is not None else None)

    def loop_body(self, node) -> tuple:
        """The body of a loop, and whether it declares variable-length arrays."""
        self.breakable += 1
        self.continuable += 1
        self.vla_loops.append(False)
        try:
            body = self.sub_stmt(node)
            return body, self.vla_loops[-1]
        finally:
            self.vla_loops.pop()
            self.breakable -= 1
            self.continuable -= 1

    def stmt_While(self, node):
        cond = self.condition(node.cond)
        body, vlas = self.loop_body(node.stmt)
        return Loop(loc_of(node), "while", None, cond, None, body, frees_vlas=vlas)

    def stmt_DoWhile(self, node):
        body, vlas = self.loop_body(node.stmt)
        return Loop(loc_of(node), "do", None, self.condition(node.cond), None, body, frees_vlas=vlas)

    def stmt_For(self, node):
        init = None
        if isinstance(node.init, c_ast.DeclList):
            items = []
            for d in node.init.decls:
                if "static" in d.storage or "extern" in d.storage or "typedef" in d.storage:
                    raise error_at(loc_of(d), "declaration of a non-automatic variable in a 'for' loop")
                items.extend(self.local_decl(d))
            init = Block(loc_of(node.init), items)
        elif node.init is not None:
            init = ExprStmt(loc_of(node.init), self.expr(node.init, statement=True))
        cond = self.condition(node.cond) if node.cond is not None else None
        step = self.expr(node.next, statement=True) if node.next is not None else None
        body, vlas = self.loop_body(node.stmt)
        return Loop(loc_of(node), "for", init, cond, step, body, frees_vlas=vlas)

    def stmt_Switch(self, node):
        e = self.value(node.cond)
        if not T.is_integer(e.type):
            raise error_at(loc_of(node.cond), f"switch quantity is not an integer (it has type '{e.type}')")
        e = self.convert(e, T.promote(e.type))
        sw = Switch(loc_of(node), e)
        self.switches.append(sw)
        self.breakable += 1
        try:
            sw.body = self.sub_stmt(node.stmt)
        finally:
            self.breakable -= 1
            self.switches.pop()
        return sw

    def stmt_Case(self, node):
        loc = loc_of(node)
        if not self.switches:
            raise error_at(loc, "case label not within a switch statement")
        sw = self.switches[-1]
        first, last = self.case_values(node.expr, sw.expr.type)
        case = Case(loc, None, None, self.unique(".Lcase"))
        if first <= last:               # else an empty range: its statement is reached only by goto
            case.value, case.last = first, last
            self.check_case_overlap(sw, case, isinstance(node.expr, IndexRange), loc_of(node.expr) or loc)
            sw.cases.append(case)
        case.body = Block(loc, [self.stmt(s) for s in node.stmts or []])
        return case

    def case_values(self, expr, t: Type) -> tuple[int, int]:
        """The first and last values a case label matches, converted to the switch's type t: one
        value, or for GNU's `case first ... last:` a run of any length (the switch compares
        against both ends, see codegen's stmt_Switch)."""
        if not isinstance(expr, IndexRange):
            value = T.wrap(self.const_int(expr, "case label"), t)
            return value, value
        return (T.wrap(self.const_int(expr.first, "case label"), t),
                T.wrap(self.const_int(expr.last, "case label"), t))

    @staticmethod
    def check_case_overlap(sw: Switch, case: Case, is_range: bool, loc) -> None:
        """A value matched twice is an error; gcc's wording says "or overlapping" when the new
        label is a range."""
        for c in sw.cases:
            if c.value <= case.last and case.value <= c.last:
                what = "duplicate (or overlapping) case value" if is_range else "duplicate case value"
                raise error_at(loc, f"{what} '{max(c.value, case.value)}'")

    def stmt_Default(self, node):
        loc = loc_of(node)
        if not self.switches:
            raise error_at(loc, "'default' label not within a switch statement")
        sw = self.switches[-1]
        if sw.default is not None:
            raise error_at(loc, "multiple default labels in one switch")
        case = Case(loc, None, None, self.unique(".Ldefault"))
        sw.default = case
        case.body = Block(loc, [self.stmt(s) for s in node.stmts or []])
        return case

    def stmt_Break(self, node):
        if not self.breakable:
            raise error_at(loc_of(node), "break statement not within loop or switch")
        return Break(loc_of(node))

    def stmt_Continue(self, node):
        if not self.continuable:
            raise error_at(loc_of(node), "continue statement not within a loop")
        return Continue(loc_of(node))

    def stmt_Return(self, node):
        loc = loc_of(node)
        ret = self.func.var.type.ret
        if node.expr is None:
            return Return(loc, None)
        e = self.value(node.expr)
        if is_void(ret):
            if not is_void(e.type):
                raise error_at(loc_of(node.expr) or loc,
                               f"void function '{self.func.var.name}' should not return a value")
            return Return(loc, e)
        return Return(loc, self.assign_convert(e, ret, "returning", loc_of(node.expr) or loc))

    def stmt_Goto(self, node):
        g = Goto(loc_of(node), node.name)
        self.gotos.append(g)
        return g

    def stmt_Label(self, node):
        loc = loc_of(node)
        if node.name in self.labels:
            raise error_at(loc, f"redefinition of label '{node.name}'")
        label = Label(loc, node.name)
        self.labels[node.name] = label
        label.body = self.stmt(node.stmt) if node.stmt is not None else Nop(loc)
        return label

    def condition(self, node):
        e = self.value(node)
        if not T.is_scalar(e.type):
            raise error_at(loc_of(node), f"used type '{e.type}' where a scalar is required")
        return e


# Selection and iteration statements are blocks of their own (C11 6.8.4p3, 6.8.5p5): what their
# header declares, a for loop's variables or an enum in `if (sizeof(enum { A = 1 }))`, ends with
# them (Checker.stmt gives each a scope).
_BLOCK_STATEMENTS = (c_ast.If, c_ast.Switch, c_ast.While, c_ast.DoWhile, c_ast.For)


def check(ast: c_ast.FileAST, filename: str) -> Program:
    return Checker(filename).check(ast)
