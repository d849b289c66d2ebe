"""Stage 3b, inlining: a call to a small function of this unit becomes that function's body.

Runs on the typed tree, between check.py and codegen.py. A call costs a frame, moves into and out
of the argument registers, the callee's own prologue and a `bl`/`ret`: for a helper such as
`static size_t chunk_size(const struct chunk *c) { return c->size & ~3UL; }` that is many times
the one `ldr` + `and` of the work itself.

What is inlined: a direct call to a function defined in this unit (`static`, `inline`, or
external: then its out-of-line copy stays for the other units' calls, as gcc -O2 does), whose
body can be written as one expression (`body_expression`): local declarations with
initializers, expression statements, `if`/`else`, and `return`, nothing else (no loops, switch,
goto, labels, statement expressions, compound literals, variable-length arrays, static locals,
locals whose address is taken); small (at most MAX_NODES nodes once its own calls are inlined,
or MAX_NODES_ONCE if it is static, this is the only call and nothing else refers to it: then the
body only moves); not variadic, not returning or taking a struct, not calling itself (directly or through
another), not calling setjmp or using __builtin_frame_address or va_*.

How (`Inliner.expand_call`): each argument is bound to a fresh local of the caller, in order, so
it is evaluated exactly once and already converted to its parameter's type (the checker did
that); then the body's expression follows, its locals renamed to fresh locals of the caller, its
result already converted to the return type. `f(a, b)` becomes `(p1 = a, p2 = b, <body>)`, where
`if (c) return x; return y;` is `c ? x : y`. An argument that is a constant or an unaliased local
the body never assigns is used directly instead of through a copy. Every pointer operation is the
same as the callee's, so a capability keeps its bounds and tag: only the call is gone.

The out-of-line copy is still emitted if anything else needs it: its address is taken, or a call
was not inlined (codegen skips a static function nobody references; `referenced` is recomputed).
"""
from __future__ import annotations

from dataclasses import fields, replace

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.nodes import (Assign, Block, Builtin, Call, Cast, Comma, CompoundLit, Cond, Const,
                                     Expr, ExprStmt, Function, If, IncDec, LocalInit, Nop, OpAssign, Program,
                                     Return, Stmt, StmtExpr, Var, VarRef, VlaAlloc, children)

MAX_NODES = 40          # a bigger body costs more in code size than the call it saves
MAX_NODES_ONCE = 100    # for a function called once (its body moves, no copy is made); past this
                        # one long expression compiles worse than the statements and the call
NOT_INLINABLE_CALLS = {"setjmp", "_setjmp", "sigsetjmp", "__builtin_setjmp", "vfork"}
NOT_INLINABLE_BUILTINS = {"__builtin_frame_address", "__builtin_va_start", "__builtin_va_arg",
                          "__builtin_va_arg_slot", "__builtin_va_end", "__builtin_va_copy"}
FORBIDDEN_NODES = (StmtExpr, CompoundLit, VlaAlloc)
NOT_CHILDREN = ("var", "cases", "default")    # a Switch's cases are in its body already


def inline_calls(program: Program) -> None:
    Inliner(program).run()


def walk(node):
    """node and every expression and statement inside it."""
    yield node
    for child in children(node):
        yield from walk(child)


def nothing(loc) -> Expr:
    """The expression that does nothing: the value of a void function that falls off its end."""
    return Cast(T.VOID, loc, Const(T.INT, loc, 0))


def writes(node, var: Var) -> bool:
    """Does node assign to var (=, op=, ++, --)?"""
    for n in walk(node):
        if isinstance(n, (Assign, OpAssign, IncDec)) and isinstance(n.target, VarRef) and n.target.var is var:
            return True
    return False


class Shape:
    """A function body as one expression: `expr`, over the function's params and locals."""

    def __init__(self, func: Function, expr: Expr):
        self.func = func
        self.expr = expr


def body_expression(items: list, ret) -> Expr | None:
    """The statements `items` (the rest of a function body) as one expression whose value is what
    they return; None if they cannot be written so."""
    if not items:
        return nothing(None) if T.is_void(ret) else None
    first, rest = items[0], items[1:]
    if isinstance(first, Block) and first.vla_stack is None:
        return body_expression(first.items + rest, ret)
    if isinstance(first, Nop):
        return body_expression(rest, ret)
    if isinstance(first, Return):
        if first.expr is None:                  # (`return;` in an int function: not inlined)
            return nothing(first.loc) if T.is_void(ret) else None
        return first.expr
    if isinstance(first, If):
        if always_returns(first.then):
            then = body_expression([first.then], ret)
            other = body_expression(([first.other] if first.other is not None else []) + rest, ret)
            if then is None or other is None:
                return None
            return Cond(then.type, first.loc, first.cond, then, other)
        step = if_statement(first)
    else:
        step = statement_expression(first)
    tail = body_expression(rest, ret) if step is not None else None
    if tail is None:
        return None
    return Comma(tail.type, step.loc, step, tail)


def if_statement(s: If) -> Expr | None:
    """An `if` that does not return, as a void ?: (None if it does return)."""
    arms = [s.then] + ([s.other] if s.other is not None else [])
    if any(isinstance(n, Return) for arm in arms for n in walk(arm)):
        return None
    then = body_expression([s.then], T.VOID)
    other = body_expression([s.other] if s.other is not None else [], T.VOID)
    if then is None or other is None:
        return None
    return Cond(T.VOID, s.loc, s.cond, then, other)


def statement_expression(s) -> Expr | None:
    """An expression statement, or a scalar local's initialisation, as an expression."""
    if isinstance(s, ExprStmt):
        return s.expr
    if isinstance(s, LocalInit) and T.is_scalar(s.var.type) and len(s.init.items) == 1:
        item = s.init.items[0]
        if item.offset == 0 and item.bit_width is None:
            var = s.var
            return Assign(T.unqualified(var.type), s.loc, VarRef(var.type, s.loc, var), item.expr)
    return None


def always_returns(s) -> bool:
    if isinstance(s, Return):
        return True
    if isinstance(s, Block):
        return bool(s.items) and always_returns(s.items[-1])
    if isinstance(s, If):
        return s.other is not None and always_returns(s.then) and always_returns(s.other)
    return False


def forbidden(node) -> bool:
    """Does this expression stop its function from being inlined?"""
    if isinstance(node, FORBIDDEN_NODES):
        return True
    if isinstance(node, Builtin):
        return node.name in NOT_INLINABLE_BUILTINS
    if isinstance(node, Call) and isinstance(node.func, VarRef):
        return node.func.var.name in NOT_INLINABLE_CALLS
    return False


class Inliner:
    def __init__(self, program: Program):
        self.program = program
        self.definitions = {f.var: f for f in program.functions}
        self.expanded: set[Function] = set()
        self.expanding: set[Function] = set()     # callers being expanded: a call back is recursion
        self.shapes: dict[Function, Shape | None] = {}
        self.called_once = self.functions_called_once()

    def run(self) -> None:
        for func in self.program.functions:
            self.expand(func)
        self.mark_referenced()

    # --- the callers --------------------------------------------------------------------------
    def expand(self, func: Function) -> None:
        """Inline the calls in func's body (once; the callees' bodies first)."""
        if func in self.expanded:
            return
        self.expanded.add(func)
        self.expanding.add(func)
        try:
            changed = self.rewrite(func.body, func)
        finally:
            self.expanding.discard(func)
        if changed:
            func.has_calls = any(isinstance(n, Call) for n in walk(func.body))

    def rewrite(self, node, caller: Function) -> bool:
        """Replace, inside node, each call that can be inlined; True if any was."""
        changed = False
        for f in fields(node):
            value = getattr(node, f.name)
            if f.name in NOT_CHILDREN:
                continue
            if isinstance(value, (Expr, Stmt)):
                new, sub = self.rewrite_child(value, caller)
                setattr(node, f.name, new)
                changed |= sub
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, (Expr, Stmt)):
                        value[i], sub = self.rewrite_child(item, caller)
                        changed |= sub
        if isinstance(node, (LocalInit, CompoundLit)) and node.init is not None:
            for item in node.init.items:
                item.expr, sub = self.rewrite_child(item.expr, caller)
                changed |= sub
        return changed

    def rewrite_child(self, node, caller: Function):
        changed = self.rewrite(node, caller)
        if isinstance(node, Call):
            inlined = self.expand_call(node, caller)
            if inlined is not None:
                return inlined, True
        return node, changed

    # --- the callees --------------------------------------------------------------------------
    def callee_shape(self, call: Call) -> Shape | None:
        """The shape of the function call calls, if the call can be inlined."""
        if not (isinstance(call.func, VarRef) and T.is_func(call.func.type)):
            return None
        callee = self.definitions.get(call.func.var)
        if callee is None or callee in self.expanding:
            return None
        if not self.matches(call, callee):
            return None
        if callee not in self.shapes:
            self.expand(callee)
            once = callee.var in self.called_once and (callee.var.internal or callee.var.is_inline)
            limit = MAX_NODES_ONCE if once else MAX_NODES
            self.shapes[callee] = self.shape_of(callee, limit)
        return self.shapes[callee]

    @staticmethod
    def matches(call: Call, callee: Function) -> bool:
        """Does the call pass what the definition takes (a prototype, no variadic arguments, each
        argument already of its parameter's type) and expect what it returns?"""
        ft, seen = callee.var.type, call.functype
        if ft.variadic or not seen.prototyped or seen.variadic or len(call.args) != len(callee.params):
            return False
        if T.unqualified(call.type) != T.unqualified(ft.ret):
            return False
        return all(T.unqualified(a.type) == T.unqualified(p.type) for a, p in zip(call.args, callee.params))

    @staticmethod
    def shape_of(func: Function, limit: int) -> Shape | None:
        ret = func.var.type.ret
        if T.is_struct(ret) or func.statics:
            return None
        if any(v.addr_taken or v.type.volatile or not T.is_scalar(v.type) for v in func.locals):
            return None
        expr = body_expression(func.body.items, ret)
        if expr is None:
            return None
        nodes = list(walk(expr))
        if len(nodes) > limit or any(forbidden(n) for n in nodes):
            return None
        return Shape(func, expr)

    # --- one call -----------------------------------------------------------------------------
    def expand_call(self, call: Call, caller: Function) -> Expr | None:
        shape = self.callee_shape(call)
        if shape is None:
            return None
        names: dict[Var, Expr | Var] = {}
        binds = []
        for param, arg in zip(shape.func.params, call.args):
            if self.usable_directly(param, arg, call.args, shape.expr):
                names[param] = arg
            else:
                local = self.fresh_local(param, caller)
                names[param] = local
                binds.append(Assign(local.type, arg.loc, VarRef(local.type, arg.loc, local), arg))
        result = Copier(names, caller, shape.func.var.name).copy(shape.expr)
        for bind in reversed(binds):
            result = Comma(result.type, call.loc, bind, result)
        return replace(result, loc=call.loc)

    @staticmethod
    def usable_directly(param: Var, arg: Expr, args: list, body: Expr) -> bool:
        """May the body read arg itself in place of param? Yes for a constant, or a local of the
        caller (no pointer reaches it) that neither the body nor another argument assigns."""
        if writes(body, param):
            return False
        if isinstance(arg, Const) and not T.is_float(arg.type):
            return True
        if not isinstance(arg, VarRef):
            return False
        var = arg.var
        return (var.storage in ("local", "param") and not var.addr_taken and not var.type.volatile
                and T.is_scalar(var.type) and not any(writes(a, var) for a in args))

    @staticmethod
    def fresh_local(var: Var, caller: Function) -> Var:
        local = Var(f"{var.name}.inlined", T.unqualified(var.type), "local", var.loc)
        caller.locals.append(local)
        return local

    # --- which functions are called from where ---------------------------------------------------
    def functions_called_once(self) -> set[Var]:
        """The functions with one direct call in this unit and no other reference."""
        refs: dict[Var, int] = {}
        calls: dict[Var, int] = {}
        for var in self.references():
            refs[var] = refs.get(var, 0) + 1
        for func in self.program.functions:
            for n in walk(func.body):
                if isinstance(n, Call) and isinstance(n.func, VarRef) and T.is_func(n.func.type):
                    calls[n.func.var] = calls.get(n.func.var, 0) + 1
        return {var for var, count in calls.items() if count == 1 and refs[var] == 1}

    def references(self):
        """The variable of every VarRef: in code and in static initializers."""
        for func in self.program.functions:
            yield from (n.var for n in walk(func.body) if isinstance(n, VarRef))
        for var in self.program.globals:
            if var.init is not None:
                for e in var.init.exprs():
                    yield from (n.var for n in walk(e) if isinstance(n, VarRef))

    def mark_referenced(self) -> None:
        """A static function whose every call was inlined and whose address is not taken is not
        emitted: recompute which are referenced (by code, or by a static initializer)."""
        used = set(self.references())
        for func in self.program.functions:
            if func.var.internal and func.var not in used:
                func.var.referenced = False


class Copier:
    """A copy of an inlined body for one call: params replaced by what `names` maps them to (an
    argument expression, or a fresh local), the callee's other locals by fresh locals of the
    caller."""

    def __init__(self, names: dict, caller: Function, callee_name: str):
        self.names = names
        self.caller = caller
        self.callee_name = callee_name

    def copy(self, node):
        if isinstance(node, VarRef) and node.var.storage in ("local", "param"):
            return self.copy_var(node)
        changes = {}
        for f in fields(node):
            value = getattr(node, f.name)
            if f.name == "var":
                continue
            if isinstance(value, (Expr, Stmt)):
                changes[f.name] = self.copy(value)
            elif isinstance(value, list):
                changes[f.name] = [self.copy(v) if isinstance(v, (Expr, Stmt)) else v for v in value]
        return replace(node, **changes)

    def copy_var(self, ref: VarRef) -> Expr:
        var = ref.var
        if var not in self.names:
            self.names[var] = Inliner.fresh_local(var, self.caller)
        target = self.names[var]
        if isinstance(target, Var):
            return VarRef(ref.type, ref.loc, target)
        return replace(target)            # the argument itself: a constant or the caller's local
