"""Code generation for calls (mixed into codegen.FunctionGen through gen_expr.ExprGen).

A call (docs/abi.md): evaluate the function pointer (if it is not a direct `bl`) and every
argument into temporaries; spill whatever else is live (c10-c15 and d16-d30 do not survive a
call); store the ninth and later arguments, and the variadic ones, to the outgoing area at csp
(c9 then gets a capability bounded to the variadic slots); move the rest to c0-c7 / d0-d7; give
c8 a capability to the result's memory if the function returns a struct; `bl` or `blr`.
A struct argument is a capability to a copy made in the caller's frame.

Hybrid: the same registers, with plain pointers (and a struct argument's copy, the struct result's
memory in x8, the variadic area in x9) as integer addresses; a call through a pointer is `blr xN`.
The outgoing area is [sp, #off] in A64: csp's address, authorised by csp itself.
"""
from __future__ import annotations

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.builtins import gen_builtin
from ufos.toolchain.cc.gen_memory import Addr
from ufos.toolchain.cc.nodes import Call, Const, StmtExpr, VarRef
from ufos.toolchain.cc.regs import Temp, reg_name


class CallGen:
    def gen_Call(self, e: Call, want: bool = True) -> Temp | None:
        ft = e.functype
        direct = isinstance(e.func, VarRef) and T.is_func(e.func.type)
        fptr = None if direct else self.gen(e.func)
        # each argument: a Temp, or an integer constant to put in place at the last moment
        values = [self.argument_value(a) for a in e.args]
        temps = [v for v in values if isinstance(v, Temp)]
        named = e.named if ft.prototyped else len(e.args)
        int_regs, fp_regs, stack, va = [], [], [], []
        for i, (a, v) in enumerate(zip(e.args, values)):
            cls = T.reg_class(a.type) or self.ptr
            if i >= named:
                va.append((v, cls))
            elif cls == "d":
                (fp_regs if len(fp_regs) < 8 else stack).append((v, cls))
            else:
                (int_regs if len(int_regs) < 8 else stack).append((v, cls))
        self.need_outgoing(16 * (len(stack) + len(va)))
        self.regs.spill_all(keep=temps + ([fptr] if fptr is not None else []))
        for k, (v, cls) in enumerate(stack + va):
            if isinstance(v, Temp):
                name = self.n(v)
            else:
                # A constant pointer (NULL, execl's (char *)0) fills its whole slot, which the
                # callee reads as a capability: the mov makes c17 null-derived, where a store of
                # x17 alone would leave the slot's metadata half as an earlier call wrote it.
                name = "c17" if cls == "c" else "x17"
                self.mov_imm("x17", v)
            self.emit(f"str {name}, [{self.sp}, #{16 * k}]")
        if fptr is not None:
            self.n(fptr)
        for k, (v, cls) in enumerate(int_regs):
            self.move_argument(v, "c" if cls == "c" else "x", k)
        for k, (v, cls) in enumerate(fp_regs):
            self.move_argument(v, "d", k)
        self.regs.free_all(*temps)
        if ft.variadic:
            self.emit(f"add c9, csp, #{16 * len(stack)}")
            if self.hybrid:
                self.emit("cvt x9, c9")                 # the area's address (an offset in DDC)
            else:
                self.emit(f"scbnds c9, c9, #{16 * len(va)}")
        result_obj = None
        if T.is_struct(e.type):
            result_obj = self.new_frame_object(e.type.size)
            self.frame_object_into(f"{self.ptr}8", result_obj, e.type.size)
        if direct:
            v = e.func.var
            v.referenced = True
            self.m.use_symbol(v)
            self.emit(f"bl {v.label}")
        else:
            name = self.n(fptr)
            self.regs.free_temp(fptr)
            self.emit(f"blr {name}")
        if result_obj is not None:
            t = self.regs.alloc(self.ptr)
            self.frame_object_into(self.n(t), result_obj, e.type.size)
            return t
        if T.is_void(e.type) or not want:
            return None
        cls = T.reg_class(e.type)
        dst = self.regs.alloc(cls)
        self.emit(self.move_insn(cls, dst.num, 0))
        return dst

    def argument_value(self, a):
        if isinstance(a, Const) and not T.is_float(a.type):
            return a.value & (2**64 - 1) if T.is_pointer(a.type) else a.value
        if T.is_struct(a.type):
            return self.struct_argument(a)
        return self.gen(a)

    def move_argument(self, v, cls: str, k: int) -> None:
        if not isinstance(v, Temp):
            self.mov_imm(f"x{k}", v)
        elif v.num is None:
            self.emit(f"ldr {reg_name(cls, k)}, {self.mem_slot(v.slot)}")
        else:
            self.emit(self.move_insn(cls, k, v.num))

    def struct_argument(self, a) -> Temp:
        """A copy of struct argument a in this frame; the capability to it (bounded)."""
        size = a.type.size
        obj = self.new_frame_object(size, a.type.align)
        self.copy(Addr(self.fp, obj), self.gen_addr(a), a.type)
        t = self.regs.alloc(self.ptr)
        self.frame_object_into(self.n(t), obj, size)
        return t

    # =============================================================================================
    # Built-ins, statement expressions
    # =============================================================================================
    def gen_Builtin(self, e) -> Temp | None:
        return gen_builtin(self, e)

    def gen_StmtExpr(self, e: StmtExpr) -> Temp | None:
        self.regs.spill_all()
        self.nested_statements += 1
        try:
            for item in e.body.items:
                self.stmt(item)
        finally:
            self.nested_statements -= 1
        if e.result is None:
            return None
        return self.gen(e.result)
