"""The register stack: where the code generator keeps the values of expressions being evaluated.

A `Temp` is one value: an integer ('x', in the x view of a c register), a capability ('c') or a
double ('d'). Temporaries come from c10-c15 and d16-d30 (d31 is scratch). When a bank runs out, the
oldest live temporary is spilled to a frame slot and reloaded when it is next used; before a call,
every live temporary is spilled (the temporaries are caller-saved). A Temp may also be *borrowed*:
the register of a register variable (c19...) or the frame pointer, which the user of the value
reads but never frees, spills or overwrites.

The rule that keeps this correct: take the register names of all of an instruction's operands
(`names`, which reloads and pins them), then free the operands, then allocate the result. A spill
only stores, so a name taken earlier still holds its value when the instruction runs.

Inside an expression with branches (?:, &&, ||) both paths must leave the temporaries in the same
places; `snapshot()` and `restore()` reload what a path spilled, so they do.
"""
from __future__ import annotations

INT_TEMPS = list(range(10, 16))       # c10-c15
FP_TEMPS = list(range(16, 31))        # d16-d30
FP_SCRATCH = "d31"


class Temp:
    __slots__ = ("cls", "num", "slot", "owned")

    def __init__(self, cls: str, num: int | None, owned: bool = True):
        self.cls = cls          # 'x', 'c' or 'd'
        self.num = num          # the register, or None while spilled
        self.slot = None        # frame offset of its spilled copy (valid once written)
        self.owned = owned

    def __repr__(self):
        return f"Temp({self.cls}{self.num}{'' if self.owned else ' borrowed'}, slot={self.slot})"

    @property
    def bank(self) -> str:
        return "d" if self.cls == "d" else "i"


def reg_name(cls: str, num: int) -> str:
    if num == 31:
        return {"x": "xzr", "c": "czr", "d": "d31"}[cls]
    return f"{cls}{num}"


class Regs:
    def __init__(self, gen):
        self.gen = gen                   # the FunctionGen: emit(), mem_slot(), new_spill_slot()
        self.free = {"i": list(INT_TEMPS), "d": list(FP_TEMPS)}
        self.live: list[Temp] = []
        self.pinned: set[int] = set()    # ids of temps that must not be spilled right now
        self.free_slots: list[int] = []

    # --- allocation ---------------------------------------------------------------------------
    def alloc(self, cls: str) -> Temp:
        bank = "d" if cls == "d" else "i"
        if not self.free[bank]:
            self.spill_oldest(bank)
        num = self.free[bank].pop(0)
        t = Temp(cls, num)
        self.live.append(t)
        return t

    def free_temp(self, t: Temp | None) -> None:
        if t is None or not t.owned or t not in self.live:
            return
        self.live.remove(t)
        if t.num is not None:
            self._release(t.bank, t.num)
            t.num = None
        if t.slot is not None:
            self.free_slots.append(t.slot)
            t.slot = None

    def free_all(self, *temps) -> None:
        for t in temps:
            self.free_temp(t)

    def _release(self, bank: str, num: int) -> None:
        free = self.free[bank]
        free.append(num)
        free.sort()

    def _take(self, bank: str, num: int) -> None:
        self.free[bank].remove(num)

    def written(self, t: Temp) -> None:
        """t's register was just overwritten in place: its spilled copy (if any) is stale."""
        if t.owned and t.slot is not None:
            self.free_slots.append(t.slot)
            t.slot = None

    def retype(self, t: Temp, cls: str) -> Temp:
        """The same owned register, now holding a value of another class (x <-> c)."""
        t.cls = cls
        if t.slot is not None:           # the spilled copy is of the old value
            self.free_slots.append(t.slot)
            t.slot = None
        return t

    # --- spilling -----------------------------------------------------------------------------
    def spill_oldest(self, bank: str) -> None:
        for t in self.live:
            if t.bank == bank and t.num is not None and id(t) not in self.pinned:
                self.spill(t)
                return
        raise RuntimeError("out of temporary registers")

    def spill(self, t: Temp) -> None:
        if t.num is None:
            return
        if t.slot is None:
            t.slot = self.free_slots.pop() if self.free_slots else self.gen.new_spill_slot()
            self.gen.emit(f"str {reg_name(t.cls, t.num)}, {self.gen.mem_slot(t.slot)}")
        self._release(t.bank, t.num)
        t.num = None

    def spill_all(self, keep=()) -> None:
        keep_ids = {id(t) for t in keep}
        for t in list(self.live):
            if id(t) not in keep_ids:
                self.spill(t)

    def reload(self, t: Temp) -> None:
        if t.num is not None:
            return
        bank = t.bank
        if not self.free[bank]:
            self.spill_oldest(bank)
        t.num = self.free[bank].pop(0)
        self.gen.emit(f"ldr {reg_name(t.cls, t.num)}, {self.gen.mem_slot(t.slot)}")

    def name(self, t: Temp, cls: str | None = None) -> str:
        """The register holding t (reloading it if it was spilled), in the view cls."""
        self.reload(t)
        return reg_name(cls or t.cls, t.num)

    def names(self, *temps, cls=None) -> list[str]:
        """The registers of several operands of one instruction, reloaded together."""
        saved = set(self.pinned)
        self.pinned.update(id(t) for t in temps if t is not None)
        try:
            return [self.name(t, cls) if t is not None else None for t in temps]
        finally:
            self.pinned = saved

    # --- branches inside expressions ---------------------------------------------------------------
    def snapshot(self) -> list:
        """Where each live temporary is now (its register and its spilled copy, if any); make
        sure one register of each bank is free."""
        for bank in ("i", "d"):
            if not self.free[bank]:
                self.spill_oldest(bank)
        return [(t, t.num, t.slot) for t in self.live]

    def restore(self, snap: list, keep: Temp | None = None) -> None:
        """Put every temporary of the snapshot back where it was (keep, a result, may move). A
        copy spilled on this path only is forgotten: the other path did not store it."""
        for t, num, slot in snap:
            if t.num != num:
                self.move_back(t, num, keep)
            if t.slot is not None and t.slot != slot:
                self.free_slots.append(t.slot)
                t.slot = slot

    def move_back(self, t: Temp, num: int | None, keep: Temp | None) -> None:
        """Put t back in register num (None: back in its slot only)."""
        if num is None:                      # reloaded on this path: its slot still holds it
            self._release(t.bank, t.num)
            t.num = None
            return
        self._vacate(t.bank, num, keep)
        if t.num is not None:
            self.gen.emit(self.gen.move_insn(t.cls, num, t.num))
            self._release(t.bank, t.num)
        else:
            self.gen.emit(f"ldr {reg_name(t.cls, num)}, {self.gen.mem_slot(t.slot)}")
        self._take(t.bank, num)
        t.num = num

    def _vacate(self, bank: str, num: int, keep: Temp | None) -> None:
        """Make register num free, moving the result `keep` out of it if it is there."""
        if num in self.free[bank]:
            return
        if keep is not None and keep.num == num:
            new = self.free[bank].pop(0)
            self.gen.emit(self.gen.move_insn(keep.cls, new, num))
            keep.num = new
            self._release(bank, num)
            return
        for t in self.live:                     # a temporary made on this path and still live
            if t.num == num and t.bank == bank:
                self.spill(t)
                return

    def forget(self, t: Temp) -> int:
        """Stop tracking t (the value of one arm of a ?:); its register becomes free. Returns it."""
        num = t.num
        self.live.remove(t)
        self._release(t.bank, num)
        if t.slot is not None:
            self.free_slots.append(t.slot)
        return num

    def adopt(self, cls: str, num: int) -> Temp:
        """Track register num (free now) as a new temporary."""
        bank = "d" if cls == "d" else "i"
        self._take(bank, num)
        t = Temp(cls, num)
        self.live.append(t)
        return t

    def check_empty(self) -> None:
        if self.live:
            raise RuntimeError(f"temporaries left live: {self.live}")
