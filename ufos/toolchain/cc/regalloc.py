"""Where each local variable lives (its Home): register allocation and the frame layout.

Before generating a function, count how often each local is used, weighting a use inside a loop
by 8 per loop level. Then, heaviest first, give registers to:
  - scalar locals and parameters whose address is never taken (an int in x19, a pointer in c19,
    a double in d8);
  - capabilities the function keeps needing: the bounded capability of a local array or struct
    that is indexed (so `a[i]` is one `ldr` through it), and the capability-table entry of a global.
A function that calls nothing (a leaf) uses the caller-saved argument registers first (a parameter
simply stays where it arrived) and needs no saves; other functions use the callee-saved c19-c28
and d8-d15, which the prologue saves. Whatever gets no register lives in the frame.

The frame, from c29 down: the saved callee-saved registers, then locals, then spill slots and
temporary objects (added while generating code); the outgoing arguments sit at csp.
"""
from __future__ import annotations

from dataclasses import dataclass

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.nodes import AddrOf, Function, Loop, Var, VarRef, children

LOOP_WEIGHT = 8
CALLEE_SAVED_C = list(range(19, 29))
CALLEE_SAVED_D = list(range(8, 16))
CACHE_THRESHOLD = 3          # uses of a capability that make keeping it in a register worth it


@dataclass
class Home:
    kind: str                # 'reg', 'frame', 'indirect' (a capability to the storage), or
                             # 'none' (a scalar nobody reads: its value is not kept)
    reg: int | None = None   # for 'reg', and for 'indirect' when the capability is in a register
    offset: int | None = None   # frame offset from c29 ('frame'), or where 'indirect' keeps its capability


class Frame:
    """Bytes below c29, allocated downward."""

    def __init__(self, start: int = 0):
        self.used = start

    def alloc(self, size: int, align: int) -> int:
        self.used = T.align_to(self.used + max(size, 1), max(align, 1))
        return -self.used


def count_uses(func: Function):
    """Loop-weighted use counts: of each variable, and of the capabilities worth caching (local
    aggregates whose address is used, and globals)."""
    var_w: dict[Var, float] = {}
    cap_w: dict[Var, float] = {}

    def walk(node, w: float):
        if isinstance(node, Loop):
            if node.init is not None:
                walk(node.init, w)
            inner = min(w * LOOP_WEIGHT, 4096)
            for part in (node.cond, node.step, node.body):
                if part is not None:
                    walk(part, inner)
            return
        if isinstance(node, VarRef):
            v = node.var
            if v.storage in ("local", "param"):
                var_w[v] = var_w.get(v, 0) + w
            elif v.storage in ("global", "static"):
                cap_w[v] = cap_w.get(v, 0) + w
            return
        if isinstance(node, AddrOf) and isinstance(node.operand, VarRef):
            v = node.operand.var
            if v.storage == "local" and v.addr_taken and not T.is_scalar(v.type):
                cap_w[v] = cap_w.get(v, 0) + w
                return
        for child in children(node):
            walk(child, w)

    walk(func.body, 1.0)
    return var_w, cap_w


def register_candidate(v: Var) -> bool:
    return (v.storage in ("local", "param") and not v.addr_taken and T.is_scalar(v.type)
            and not v.type.volatile)


def int_arg_registers(func: Function) -> dict:
    """Which argument register each parameter arrives in (c0.. or d0..), or None (the stack)."""
    out, ni, nf = {}, 0, 0
    for p in func.params:
        cls = T.reg_class(p.type) or "c"           # a struct arrives as a capability
        if cls == "d":
            out[p] = ("d", nf) if nf < 8 else None
            nf += 1
        else:
            out[p] = ("c", ni) if ni < 8 else None
            ni += 1
    return out


class Allocation:
    """The result for one function: homes, cached capabilities, the registers to save."""

    def __init__(self):
        self.cached_caps: dict[Var, int] = {}    # var -> c register holding its capability
        self.saved_c: list[int] = []
        self.saved_d: list[int] = []
        self.frame = Frame()
        self.sret_home: Home | None = None
        self.va_home: Home | None = None


def allocate(func: Function) -> Allocation:
    a = Allocation()
    var_w, cap_w = count_uses(func)
    leaf = not func.has_calls
    arrives = int_arg_registers(func)
    ftype = func.var.type
    returns_struct = T.is_struct(ftype.ret)

    # the registers on offer
    if leaf:
        reserved = {8} if returns_struct else set()
        if ftype.variadic:
            reserved.add(9)
        int_pool = [r for r in range(0, 10) if r not in reserved] + CALLEE_SAVED_C
        fp_pool = list(range(0, 8)) + CALLEE_SAVED_D
    else:
        int_pool, fp_pool = list(CALLEE_SAVED_C), list(CALLEE_SAVED_D)
    # in a leaf, a parameter's own argument register is its home if it gets one
    taken_by_params = set()
    if leaf:
        for p in func.params:
            where = arrives.get(p)
            if where is not None:
                taken_by_params.add(where)
    int_pool = [r for r in int_pool if ("c", r) not in taken_by_params]
    fp_pool = [r for r in fp_pool if ("d", r) not in taken_by_params]

    # candidates: (weight, kind, var)
    cands = []
    for v in func.locals:
        if register_candidate(v):
            cands.append((var_w.get(v, 0), "var", v))
        elif v.storage == "param" and T.is_struct(v.type):
            cands.append((var_w.get(v, 0), "indirect", v))
    for v, w in cap_w.items():
        if w >= CACHE_THRESHOLD:
            cands.append((w, "cap", v))
    cands.sort(key=lambda c: -c[0])

    for w, kind, v in cands:
        if kind == "var" and w == 0:
            v.home = Home("none")
            continue
        if kind == "var" and leaf and v.storage == "param" and arrives.get(v) is not None:
            cls, num = arrives[v]
            if (cls == "d") == (T.reg_class(v.type) == "d"):
                v.home = Home("reg", num)
                continue
        pool = fp_pool if kind == "var" and T.reg_class(v.type) == "d" else int_pool
        if not pool:
            continue
        reg = pool.pop(0)
        if kind == "var":
            v.home = Home("reg", reg)
        elif kind == "indirect":
            v.home = Home("indirect", reg)
        else:
            a.cached_caps[v] = reg
        saved = a.saved_d if pool is fp_pool else a.saved_c
        if reg in (CALLEE_SAVED_D if pool is fp_pool else CALLEE_SAVED_C):
            saved.append(reg)
    a.saved_c.sort()
    a.saved_d.sort()

    # the frame: saved registers first
    a.frame = Frame(16 * len(a.saved_c) + 8 * len(a.saved_d))
    a.frame.used = T.align_to(a.frame.used, 16)
    if returns_struct:
        a.sret_home = Home("reg", 8) if leaf else Home("frame", offset=a.frame.alloc(16, 16))
    if ftype.variadic:
        a.va_home = Home("reg", 9) if leaf else Home("frame", offset=a.frame.alloc(16, 16))
    for v in func.locals:
        if v.home is not None:
            continue
        if v.storage == "param" and T.is_struct(v.type):
            v.home = Home("indirect", None, a.frame.alloc(16, 16))
            continue
        t = v.type
        align = max(16 if not T.is_scalar(t) else t.align, v.align)
        v.home = Home("frame", offset=a.frame.alloc(t.size, align))
    return a
