"""Trap records: why `CPU.run()` stopped, in a form the kernel and a student can read.

The CPU fills in the numbers (the same ones it writes to ESR and FAR); this class names them and
words them, so the kernel can turn a capability fault into a SIGPROT message such as
"capability bounds fault: store of c3 at 0x10040 [rw,0x10000-0x10040] (pc 0x1008)".
"""
from __future__ import annotations

from dataclasses import dataclass

from ufos.machine import isa


@dataclass(frozen=True)
class Trap:
    ec: int             # exception class (isa.EXCEPTION_CLASSES)
    code: int           # fault code (isa.FAULT_CODES), or the SVC/HLT/BRK immediate
    access: int         # 0 load, 1 store, 2 fetch
    reg: int            # the register that authorised the access; 32 = PCC, 33 = none
    address: int        # the faulting virtual address (FAR)
    pc: int             # where execution stopped: the faulting instruction, or the one after SVC/HLT/WFI
    cap: object         # the authorising capability, for faults; else None
    instructions: int   # instructions retired by this run() call

    @property
    def kind(self) -> str:
        """SVC, HLT, BRK, WFI, TIMER, UNDEF, SYSREG, CAP, ALIGN, PAGE, BUS or LIMIT."""
        return isa.EXCEPTION_CLASSES[self.ec][0]

    @property
    def fault(self) -> str | None:
        """For CAP and PAGE traps: TAG, SEAL, PERM, BOUNDS / TRANSLATION, ACCESS_FLAG, ..."""
        if self.kind in ("CAP", "PAGE"):
            return isa.FAULT_CODES[self.code][0]
        return None

    @property
    def access_kind(self) -> str:
        return isa.ACCESS_KINDS.get(self.access, "?")

    @property
    def register(self) -> str | None:
        if self.reg == isa.REG_PCC:
            return "pcc"
        if self.reg == isa.REG_DDC:
            return "ddc"
        if self.reg == 31:
            return "csp"
        if self.reg < 31:
            return f"c{self.reg}"
        return None

    def __str__(self) -> str:
        kind = self.kind
        if kind in ("CAP", "PAGE"):
            what = isa.FAULT_CODES[self.code][1].split(":")[0]
            text = f"{what}: {self.access_kind} at {self.address:#x}"
            if self.register:
                text += f" via {self.register}"
            if self.cap is not None:
                text += f" {self.cap!r}"
            return f"{text} (pc {self.pc:#x})"
        if kind in ("ALIGN", "BUS"):
            return (f"{isa.EXCEPTION_CLASSES[self.ec][1]}: {self.access_kind} at {self.address:#x}"
                    f" via {self.register} (pc {self.pc:#x})")
        if kind in ("SVC", "HLT", "BRK"):
            return f"{isa.EXCEPTION_CLASSES[self.ec][1]} #{self.code} (pc {self.pc:#x})"
        if kind == "SYSREG":
            name = isa.SYSREGS.get(self.code, ("?",))[0]
            return f"system register {name} needs PCC with System permission (pc {self.pc:#x})"
        return f"{isa.EXCEPTION_CLASSES[self.ec][1]} (pc {self.pc:#x})"
