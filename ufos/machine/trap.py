"""Trap records: why `CPU.run()` stopped, in a form the kernel and a student can read.

The CPU fills in the numbers (the same ones it writes to ESR and FAR); this class names them and
words them, so the kernel can turn a capability fault into a SIGPROT message such as
"capability bounds fault: store of c3 at 0x10040 [rw,0x10000-0x10040] (pc 0x1008)".
"""
from __future__ import annotations

from ufos.machine import isa

KINDS = {ec: name for ec, (name, _) in isa.EXCEPTION_CLASSES.items()}


class Trap:
    """One exception, as the CPU recorded it. A plain class with slots rather than a dataclass:
    the kernel makes one at every system call, and a frozen dataclass costs a microsecond more."""
    __slots__ = ("ec", "code", "access", "reg", "address", "pc", "cap", "instructions", "kind")

    def __init__(self, ec: int, code: int, access: int, reg: int, address: int, pc: int, cap,
                 instructions: int):
        self.ec = ec                    # exception class (isa.EXCEPTION_CLASSES)
        self.code = code                # fault code (isa.FAULT_CODES), or the SVC/HLT/BRK immediate
        self.access = access            # 0 load, 1 store, 2 fetch
        self.reg = reg                  # the register that authorised the access; 32 = PCC, 33 = none
        self.address = address          # the faulting virtual address (FAR)
        self.pc = pc                    # where execution stopped: the faulting instruction, or the one after SVC/HLT/WFI
        self.cap = cap                  # the authorising capability, for faults; else None
        self.instructions = instructions  # instructions retired by this run() call
        self.kind = KINDS[ec]           # SVC, HLT, BRK, WFI, TIMER, UNDEF, SYSREG, CAP, ALIGN, PAGE, BUS or LIMIT

    def __repr__(self) -> str:
        return (f"Trap(kind={self.kind}, code={self.code}, access={self.access}, reg={self.reg}, "
                f"address={self.address:#x}, pc={self.pc:#x}, cap={self.cap!r}, "
                f"instructions={self.instructions})")

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
