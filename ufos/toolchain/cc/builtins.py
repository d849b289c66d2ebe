"""The compiler's built-in functions: what the headers may rely on, how each is typed (check_builtin,
called by expr.py) and which instructions it becomes (gen_builtin, called by codegen.py).

VARIADIC FUNCTIONS (docs/abi.md): va_list is `char *`, a capability to the caller's 16-byte slots.
<stdarg.h> should be:
    typedef __builtin_va_list va_list;
    #define va_start(ap, last) __builtin_va_start(ap, last)    // ap = the c9 saved at entry
    #define va_arg(ap, T)      __builtin_va_arg(ap, T)         // *(T *)ap, then ap += 16
    #define va_end(ap)         __builtin_va_end(ap)            // nothing
    #define va_copy(d, s)      __builtin_va_copy(d, s)         // d = s
(pycparser parses `__builtin_va_arg(ap, T)` with a type argument natively.) The form
    #define va_arg(ap, T) (*(T *)__builtin_va_arg_slot(&(ap)))
works too: __builtin_va_arg_slot(&ap) returns the current slot (a char *) and moves ap on by 16.

CHERI (<cheriintrin.h> maps cheri_x to __builtin_cheri_x): each is one instruction.
    address_get gcvalue   base_get gcbase    length_get gclen    top_get gclim   offset_get gcoff
    perms_get gcperm      tag_get gctag      sealed_get/is_sealed gcseal         type_get gctype
    perms_and clrperm(~mask)   perms_clear clrperm   tag_clear clrtag   bounds_set scbnds
    bounds_set_exact scbndse   address_set scvalue   offset_set scoff   seal seal   unseal unseal
    seal_entry seal rb   representable_length rrlen   representable_alignment_mask rrmask
    equal_exact chkeq   subset_test(a, b) chkss (is b a subset of a?)
The capability-returning ones return the type of their first argument (e.g. `char *`).
Hybrid C (-mabi=hybrid) adds CHERI Clang's: cap_from_pointer(ddc, p) cvtd (T * -> T * __capability,
derived from DDC), cap_to_pointer(ddc, c) cvt (its address, or 0 if untagged), and
global_data_get mrs ddc (`void * __capability`).

OTHERS: __builtin_trap() (brk #1: the program dies with SIGILL), __builtin_unreachable(),
__builtin_expect(x, c) (x), __builtin_clz/clzl/clzll, __builtin_ctz/ctzl/ctzll,
__builtin_popcount/popcountl/popcountll, __builtin_bswap16/32/64, __builtin_abs/labs,
__builtin_huge_val/inf/nan (and their f versions), __builtin_frame_address(0),
__builtin_alloca(n) (<alloca.h>'s alloca: n bytes taken below csp as a VLA's storage is, bounded
to n, given back when the function returns; but a block that declares a VLA gives back at its end
all it took after that VLA, alloca's too),
__builtin_readcyclecounter() (mrs icount: the instructions retired, Clang's cycle counter: one
instruction, where clock_gettime is a system call), and
__builtin_<libc function> for memcpy, memset, memmove, memcmp, strlen, strcmp, ..., which call
the libc function of that name.
"""
from __future__ import annotations

from pycparser import c_ast

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.errors import error_at, loc_of
from ufos.toolchain.cc.gen_memory import Addr
from ufos.toolchain.cc.nodes import Assign, Builtin, Cast, Const, FConst, VlaAlloc
from ufos.toolchain.cc.regs import Temp

P = "__builtin_cheri_"
CHERI_GET = {   # name -> (instruction, result type)
    P + "address_get": ("gcvalue", T.ULONG), P + "base_get": ("gcbase", T.ULONG),
    P + "length_get": ("gclen", T.ULONG), P + "top_get": ("gclim", T.ULONG),
    P + "offset_get": ("gcoff", T.ULONG), P + "perms_get": ("gcperm", T.ULONG),
    P + "tag_get": ("gctag", T.BOOL), P + "sealed_get": ("gcseal", T.BOOL),
    P + "is_sealed": ("gcseal", T.BOOL), P + "type_get": ("gctype", T.LONG),
}
CHERI_SET = {   # (capability, integer) -> capability
    P + "perms_and": "clrperm~", P + "perms_clear": "clrperm", P + "bounds_set": "scbnds",
    P + "bounds_set_exact": "scbndse", P + "address_set": "scvalue", P + "offset_set": "scoff",
}
CHERI_CAP1 = {P + "tag_clear": "clrtag", P + "seal_entry": "sealrb"}
CHERI_CAP2 = {P + "seal": "seal", P + "unseal": "unseal"}
CHERI_LEN = {P + "representable_length": "rrlen", P + "representable_alignment_mask": "rrmask"}
CHERI_TEST = {P + "equal_exact": ("chkeq", "eq"), P + "subset_test": ("chkss", "mi")}
BIT_OPS = {f"__builtin_{op}{s}": (op, t) for op in ("clz", "ctz", "popcount")
           for s, t in (("", T.UINT), ("l", T.ULONG), ("ll", T.ULLONG))}
FLOAT_CONSTS = {"__builtin_huge_val": float("inf"), "__builtin_inf": float("inf"),
                "__builtin_huge_valf": float("inf"), "__builtin_inff": float("inf"),
                "__builtin_nan": float("nan"), "__builtin_nanf": float("nan")}
LIBC_ALIASES = {"memcpy", "memset", "memmove", "memcmp", "strlen", "strcmp", "strncmp", "strcpy",
                "strncpy", "strchr", "strcat", "malloc", "free", "calloc", "realloc", "abort", "exit",
                "printf", "sprintf", "snprintf", "puts", "putchar", "abs", "labs"}
HYBRID_CASTS = {P + "cap_from_pointer": "cvtd", P + "cap_to_pointer": "cvt"}
OTHERS = {"__builtin_cheri_global_data_get", "__builtin_trap", "__builtin_unreachable", "__builtin_expect", "__builtin_va_start",
          "__builtin_va_arg_slot",
          "__builtin_va_arg", "__builtin_va_end", "__builtin_va_copy", "__builtin_bswap16",
          "__builtin_bswap32", "__builtin_bswap64", "__builtin_frame_address",
          "__builtin_assume_aligned", "__builtin_constant_p", "__builtin_readcyclecounter",
          "__builtin_alloca"}


def is_builtin(name: str) -> bool:
    return (name in CHERI_GET or name in CHERI_SET or name in CHERI_CAP1 or name in CHERI_CAP2
            or name in CHERI_LEN or name in CHERI_TEST or name in BIT_OPS or name in FLOAT_CONSTS
            or name in OTHERS or name in HYBRID_CASTS or (name.startswith("__builtin_") and name[10:] in LIBC_ALIASES))


# ---------------------------------------------------------------------------------------------
# Typing
# ---------------------------------------------------------------------------------------------
def _arity(name, args, n, loc):
    if len(args) != n:
        raise error_at(loc, f"{name} takes {n} argument{'s' if n != 1 else ''}, not {len(args)}")


def _capability(checker, node, name):
    e = checker.value(node)
    if not T.is_capability(e.type):
        wanted = "a capability ('T * __capability' or __intcap)" if T.hybrid() else "a pointer or (u)intptr_t"
        raise error_at(loc_of(node), f"{name} needs {wanted}, not '{e.type}'")
    return e


def _integer(checker, node, name, t=T.ULONG):
    e = checker.value(node)
    if not T.is_integer(e.type):
        raise error_at(loc_of(node), f"{name} needs an integer, not '{e.type}'")
    return checker.convert(e, t)


def check_builtin(checker, name: str, args: list, loc):
    """The typed node for a call of builtin `name` with (pycparser) arguments args."""
    if name in CHERI_GET:
        _arity(name, args, 1, loc)
        insn, t = CHERI_GET[name]
        return Builtin(t, loc, insn, [_capability(checker, args[0], name)])
    if name in CHERI_SET:
        _arity(name, args, 2, loc)
        cap = _capability(checker, args[0], name)
        return Builtin(T.unqualified(cap.type), loc, CHERI_SET[name], [cap, _integer(checker, args[1], name)])
    if name in CHERI_CAP1:
        _arity(name, args, 1, loc)
        cap = _capability(checker, args[0], name)
        return Builtin(T.unqualified(cap.type), loc, CHERI_CAP1[name], [cap])
    if name in CHERI_CAP2:
        _arity(name, args, 2, loc)
        cap = _capability(checker, args[0], name)
        return Builtin(T.unqualified(cap.type), loc, CHERI_CAP2[name], [cap, _capability(checker, args[1], name)])
    if name in CHERI_LEN:
        _arity(name, args, 1, loc)
        return Builtin(T.ULONG, loc, CHERI_LEN[name], [_integer(checker, args[0], name)])
    if name in CHERI_TEST:
        _arity(name, args, 2, loc)
        return Builtin(T.BOOL, loc, name[len(P):],
                       [_capability(checker, args[0], name), _capability(checker, args[1], name)])
    if name in BIT_OPS:
        _arity(name, args, 1, loc)
        op, t = BIT_OPS[name]
        return Builtin(T.INT, loc, op, [_integer(checker, args[0], name, t)])
    if name in FLOAT_CONSTS:
        return FConst(T.FLOAT if name.endswith("f") else T.DOUBLE, loc, FLOAT_CONSTS[name])
    if name.startswith("__builtin_") and name[10:] in LIBC_ALIASES:
        return checker.expr(c_ast.FuncCall(c_ast.ID(name[10:], args and args[0].coord),
                                           c_ast.ExprList(args) if args else None, None))
    return _check_other(checker, name, args, loc)


def _check_other(checker, name, args, loc):
    if name == "__builtin_trap" or name == "__builtin_unreachable":
        return Builtin(T.VOID, loc, "trap" if name.endswith("trap") else "unreachable", [])
    if name == "__builtin_expect":
        _arity(name, args, 2, loc)
        checker.value(args[1])
        return checker.value(args[0])
    if name == "__builtin_assume_aligned":
        return checker.value(args[0])
    if name == "__builtin_constant_p":
        _arity(name, args, 1, loc)
        from ufos.toolchain.cc.constexpr import fold
        return Const(T.INT, loc, int(isinstance(fold(checker.value(args[0])), (Const, FConst))))
    if name.startswith("__builtin_bswap"):
        _arity(name, args, 1, loc)
        bits = int(name[15:])
        t = {16: T.USHORT, 32: T.UINT, 64: T.ULONG}[bits]
        return Builtin(t, loc, f"bswap{bits}", [_integer(checker, args[0], name, t)])
    if name in HYBRID_CASTS:
        return _check_hybrid_cast(checker, name, args, loc)
    if name == "__builtin_cheri_global_data_get":
        _arity(name, args, 0, loc)
        return Builtin(T.pointer_to(T.VOID, cap=True), loc, "ddc", [])
    if name == "__builtin_readcyclecounter":
        _arity(name, args, 0, loc)
        return Builtin(T.ULLONG, loc, "icount", [])
    if name == "__builtin_frame_address":
        return Builtin(T.pointer_to(T.VOID), loc, "frame_address", [])
    if name == "__builtin_alloca":
        _arity(name, args, 1, loc)
        return VlaAlloc(T.pointer_to(T.VOID), loc, _integer(checker, args[0], name, T.LONG))
    if name in ("__builtin_va_start", "__builtin_va_end", "__builtin_va_copy", "__builtin_va_arg",
                "__builtin_va_arg_slot"):
        return _check_va(checker, name, args, loc)
    raise error_at(loc, f"unsupported builtin '{name}'")


def _check_hybrid_cast(checker, name, args, loc):
    """cap_from_pointer(cap, T *) -> T * __capability; cap_to_pointer(cap, T * __capability) -> T *.
    The first argument is the capability that authorises the result: on ufos, DDC, which is what
    cvtd derives from (it is evaluated, not used)."""
    _arity(name, args, 2, loc)
    auth = _capability(checker, args[0], name)
    p = checker.value(args[1])
    want_cap = name.endswith("to_pointer")
    if not T.is_pointer(p.type) or p.type.cap != want_cap or not T.hybrid():
        kind = "a '__capability' pointer" if want_cap else "a pointer (not a capability)"
        raise error_at(loc_of(args[1]) or loc, f"{name} needs {kind} in hybrid C, not '{p.type}'")
    result = T.pointer_to(p.type.base, cap=not want_cap)
    return Builtin(result, loc, HYBRID_CASTS[name], [auth, p])


def _va_list_lvalue(checker, node, name):
    from ufos.toolchain.cc.expr import is_lvalue
    e = checker.expr(node)
    if not is_lvalue(e) or not (T.is_pointer(e.type) and T.is_integer(e.type.base) and e.type.base.size == 1):
        raise error_at(loc_of(node), f"{name} needs a va_list variable")
    return e


def _check_va(checker, name, args, loc):
    if name == "__builtin_va_start":
        _arity(name, args, 2, loc)
        func = checker.func
        if func is None or not func.var.type.variadic:
            raise error_at(loc, "'va_start' used in a function with fixed arguments")
        ap = _va_list_lvalue(checker, args[0], name)
        checker.expr(args[1])
        return Builtin(T.VOID, loc, "va_start", [ap])
    if name == "__builtin_va_arg_slot":          # (char *)*app, then *app += 16
        _arity(name, args, 1, loc)
        a = args[0]
        if isinstance(a, c_ast.UnaryOp) and a.op == "&":
            ap = _va_list_lvalue(checker, a.expr, name)      # keeps ap out of memory
        else:
            from ufos.toolchain.cc.nodes import Deref
            p = checker.value(a)
            if not (T.is_pointer(p.type) and T.is_pointer(p.type.base)):
                raise error_at(loc_of(a), f"{name} needs a va_list *")
            ap = Deref(p.type.base, loc, p)
        return Builtin(T.pointer_to(T.CHAR), loc, "va_slot", [ap])
    if name == "__builtin_va_end":
        _arity(name, args, 1, loc)
        return Cast(T.VOID, loc, checker.value(args[0]))
    if name == "__builtin_va_copy":
        _arity(name, args, 2, loc)
        dst = _va_list_lvalue(checker, args[0], name)
        src = checker.value(args[1])
        return Cast(T.VOID, loc, Assign(T.unqualified(dst.type), loc, dst, checker.convert(src, dst.type)))
    # __builtin_va_arg(ap, type)
    _arity(name, args, 2, loc)
    ap = _va_list_lvalue(checker, args[0], name)
    if not isinstance(args[1], c_ast.Typename):
        raise error_at(loc_of(args[1]) or loc, "va_arg needs a type")
    t = T.unqualified(checker.resolve(args[1]))
    if T.is_struct(t) and T.is_complete(t):     # the slot holds a capability to the caller's copy
        from ufos.toolchain.cc.nodes import Deref
        return Deref(t, loc, Builtin(T.pointer_to(t), loc, "va_arg", [ap]))
    if not T.is_scalar(t):
        raise error_at(loc_of(args[1]) or loc, f"va_arg of type '{t}' is not supported")
    return Builtin(t, loc, "va_arg", [ap])


# ---------------------------------------------------------------------------------------------
# Code generation (g is the codegen.FunctionGen)
# ---------------------------------------------------------------------------------------------
GET_INSNS = {insn for insn, _ in CHERI_GET.values()}
M55 = 0x5555555555555555
M33 = 0x3333333333333333
M0F = 0x0F0F0F0F0F0F0F0F
M01 = 0x0101010101010101


def gen_builtin(g, e):
    name, args = e.name, e.args
    if name in GET_INSNS:                                  # gcvalue xD, cN ...
        v = g.gen(args[0])
        n = g.n(v, "c")
        dst = g.result("x", [v])
        g.emit(f"{name} {g.n(dst)}, {n}")
        return dst
    if name in ("clrperm~", "clrperm", "scbnds", "scbndse", "scvalue", "scoff"):
        return _gen_set(g, name, args)
    if name in ("clrtag", "sealrb"):
        v = g.gen(args[0])
        n = g.n(v)
        dst = g.result("c", [v])
        g.emit(f"clrtag {g.n(dst)}, {n}" if name == "clrtag" else f"seal {g.n(dst)}, {n}, rb")
        return dst
    if name in ("seal", "unseal"):
        a, b = g.gen(args[0]), g.gen(args[1])
        na, nb = g.regs.names(a, b)
        dst = g.result("c", [a, b])
        g.emit(f"{name} {g.n(dst)}, {na}, {nb}")
        return dst
    if name in ("rrlen", "rrmask"):
        v = g.gen(args[0])
        n = g.n(v, "x")
        dst = g.result("x", [v])
        g.emit(f"{name} {g.n(dst)}, {n}")
        return dst
    if name in ("equal_exact", "subset_test"):
        a, b = g.gen(args[0]), g.gen(args[1])
        na, nb = g.regs.names(a, b)
        g.regs.free_all(a, b)
        if name == "equal_exact":
            g.emit(f"chkeq {na}, {nb}")
        else:                                  # subset_test(a, b): is b a subset of a?
            g.emit(f"chkss {nb}, {na}")
        dst = g.regs.alloc("x")
        g.emit(f"cset {g.n(dst)}, {'eq' if name == 'equal_exact' else 'mi'}")
        return dst
    if name in ("clz", "ctz", "popcount"):
        return _gen_bits(g, name, args[0])
    if name.startswith("bswap"):
        return _gen_bswap(g, int(name[5:]), args[0])
    if name in ("trap", "unreachable"):
        g.emit("brk #1")
        return None
    if name == "frame_address":
        dst = g.regs.alloc(g.ptr)
        g.emit(f"{'cvt' if g.hybrid else 'mov'} {g.n(dst)}, c29")
        return dst
    if name in ("cvtd", "cvt"):            # cap_from_pointer, cap_to_pointer
        g.effect(args[0])                  # the authorising capability: DDC is the only one
        return g.via(g.gen(args[1]), "c" if name == "cvtd" else "x", name)
    if name in ("ddc", "icount"):
        dst = g.regs.alloc("c" if name == "ddc" else "x")
        g.emit(f"mrs {g.n(dst)}, {name}")
        return dst
    if name == "va_start":
        return _gen_va_start(g, args[0])
    if name == "va_arg":
        return _gen_va_arg(g, args[0], e.type)
    if name == "va_slot":
        return _gen_va_slot(g, args[0])
    raise error_at(e.loc, f"internal error: no code for builtin {name}")


def _gen_set(g, name, args):
    cap = g.gen(args[0])
    amount = args[1]
    if name in ("scbnds",) and isinstance(amount, Const) and 0 <= amount.value <= 16383:
        n = g.n(cap)
        dst = g.result("c", [cap])
        g.emit(f"scbnds {g.n(dst)}, {n}, #{amount.value}")
        return dst
    m = g.gen(amount)
    nc, nm = g.regs.names(cap, m)
    nm = g.n(m, "x")
    dst = g.result("c", [cap, m])
    if name == "clrperm~":                 # perms_and keeps the bits of the mask: clear the others
        g.emit(f"mvn x17, {nm}")
        g.emit(f"clrperm {g.n(dst)}, {nc}, x17")
    else:
        g.emit(f"{name} {g.n(dst)}, {nc}, {nm}")
    return dst


def _gen_bits(g, op, arg):
    v = g.gen(arg)
    n = g.n(v, "x")
    wide = arg.type.size == 8
    dst = g.result("x", [v])
    d = g.n(dst)
    if op == "clz":
        g.emit(f"clz {d}, {n}")
        if not wide:
            g.emit(f"sub {d}, {d}, #32")
    elif op == "ctz":                      # 63 - clz(x & -x)
        g.emit(f"neg x17, {n}")
        g.emit(f"and x17, x17, {n}")
        g.emit("clz x17, x17")
        g.emit(f"mov {d}, #63")
        g.emit(f"sub {d}, {d}, x17")
    else:                                  # popcount, the SWAR way
        g.emit(f"lsr x16, {n}, #1")
        g.emit(f"mov x17, #{M55:#x}")
        g.emit("and x16, x16, x17")
        g.emit(f"sub {d}, {n}, x16")
        g.emit(f"mov x17, #{M33:#x}")
        g.emit(f"and x16, {d}, x17")
        g.emit(f"lsr {d}, {d}, #2")
        g.emit(f"and {d}, {d}, x17")
        g.emit(f"add {d}, {d}, x16")
        g.emit(f"lsr x16, {d}, #4")
        g.emit(f"add {d}, {d}, x16")
        g.emit(f"mov x17, #{M0F:#x}")
        g.emit(f"and {d}, {d}, x17")
        g.emit(f"mov x17, #{M01:#x}")
        g.emit(f"mul {d}, {d}, x17")
        g.emit(f"lsr {d}, {d}, #56")
    return dst


def _gen_bswap(g, bits, arg):
    v = g.gen(arg)
    n = g.n(v, "x")
    dst = g.regs.alloc("x")
    d = g.n(dst)
    nbytes = bits // 8
    g.emit(f"mov {d}, xzr")
    for i in range(nbytes):
        g.emit(f"lsr x17, {n}, #{8 * i}")
        g.emit("and x17, x17, #255")
        g.emit(f"lsl x17, x17, #{8 * (nbytes - 1 - i)}")
        g.emit(f"orr {d}, {d}, x17")
    g.regs.free_temp(v)
    return dst


def _va_cap(g):
    home = g.alloc.va_home
    if home.kind == "reg":
        return Temp(g.ptr, home.reg, owned=False)
    t = g.regs.alloc(g.ptr)
    g.emit(f"ldr {g.n(t)}, {g.mem_slot(home.offset)}")
    return t


def _gen_va_start(g, ap):
    cap = _va_cap(g)
    g.assign_temp(ap, cap)
    g.regs.free_temp(cap)
    return None


def _gen_va_arg(g, ap, t):
    """The next variadic argument as a t; for __builtin_va_arg_slot (t is char *), the slot."""
    read = T.DOUBLE if T.is_float(t) else t
    var = g.reg_var(ap)
    if var is not None:
        cur = g.var_temp(var)
        value = g.load(Addr(cur), read)
        n = g.n(cur)
        g.emit(f"add {n}, {n}, #16")
    else:
        a = g.plain(g.gen_addr(ap), 16)
        cur = g.load(a, ap.type, consume=False)
        value = g.load(Addr(cur), read, consume=False)
        n = g.n(cur)
        g.regs.written(cur)
        g.emit(f"add {n}, {n}, #16")
        g.store(a, ap.type, cur)
        g.regs.free_temp(cur)
    return g.round_float(value) if read is not t else value


def _gen_va_slot(g, ap):
    """__builtin_va_arg_slot(&ap): the current slot; ap moves on by 16."""
    var = g.reg_var(ap)
    if var is not None:
        cur = g.var_temp(var)
        slot = g.owned(cur)
        n = g.n(cur)
        g.emit(f"add {n}, {n}, #16")
        return slot
    a = g.plain(g.gen_addr(ap), 16)
    cur = g.load(a, ap.type, consume=False)
    n = g.n(cur)
    slot = g.owned(Temp(cur.cls, cur.num, owned=False))
    g.regs.written(cur)
    g.emit(f"add {n}, {n}, #16")
    g.store(a, ap.type, cur)
    g.regs.free_temp(cur)
    return slot
