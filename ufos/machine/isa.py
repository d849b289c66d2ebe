"""The instruction set of the ufos machine, defined once.

This file is the machine's architecture manual. Everything else is generated from it:
- the emulator's decoder (`setup.py` writes `arch.pxd`: one opcode constant per instruction, one
  field extractor per field, the constants below) — the semantics live in `cpu.pyx`;
- the assembler and the disassembler (`ufos/toolchain`), which read `INSTRUCTIONS` at import time;
- `docs/isa.md` (`python -m ufos.machine.isa --markdown`).

The machine is a "Morello-lite" with Morello's two states (PSTATE.C64, see STATES below). In C64
(purecap), every address a program uses is authorised by a capability register. In A64 (hybrid),
loads and stores take integer addresses that the default data capability DDC authorises, so legacy
code with plain pointers runs inside DDC's bounds. Instructions are 32 bits, little-endian. Bits 31..24 hold the opcode; the other
24 bits hold the operand fields named in `FIELDS`, whose positions are the same for every instruction
that has them (rd is always bits 4..0, rn 9..5, rm 14..10), so a student can decode a word by hand.

Register number 31 means the zero register (xzr/czr) except where an operand is written with a `*`
in `INSTRUCTIONS` (`Cn*`), where it means the capability stack pointer csp, as in Arm.

Operands whose kind depends on the state are written `B` and `A` in the templates: a load's or
store's base `[Bn*]` is a capability register (`[c1]`, `[csp]`) in C64 and an integer one checked
against DDC (`[x1]`) in A64, where `[sp]` is csp's address, checked against csp itself (the stack
pointer is a capability in both states); an alternate-base form's `[An]` is the other kind. ADR and ADRP
write `Bd`: a capability in C64, an integer address in A64.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Operand fields: name -> (lowest bit, width, signed, scale). An immediate's value is the field
# times `scale` (branch offsets count words, LDP/STP offsets count capabilities).
# ---------------------------------------------------------------------------------------------
FIELDS = {
    "d":      (0, 5, False, 1),    # destination / transfer register (also Rt)
    "n":      (5, 5, False, 1),    # first source / base register
    "m":      (10, 5, False, 1),   # second source / index register (also Rt2 of a pair)
    "a":      (15, 5, False, 1),   # third source (MADD/MSUB addend)
    "cond":   (15, 4, False, 1),   # condition of CSEL/CSET
    "sh":     (15, 3, False, 1),   # left shift of the index register: [Cn, Xm, lsl #sh]
    "bcond":  (0, 4, False, 1),    # condition of B.cond
    "imm14":  (10, 14, False, 1),  # unsigned immediate
    "simm14": (10, 14, True, 1),   # signed immediate (-8192..8191)
    "imm6":   (10, 6, False, 1),   # shift amount or alignment exponent
    "form":   (10, 2, False, 1),   # SEAL's sentry form: 1 rb, 2 lpb, 3 lb
    "imm16":  (5, 16, False, 1),   # MOVZ/MOVK/MOVN payload
    "hw":     (21, 2, False, 16),  # MOVZ/MOVK/MOVN: the payload goes to bits hw..hw+15
    "code":   (0, 16, False, 1),   # SVC/HLT/BRK immediate, given to the kernel
    "sysreg": (5, 10, False, 1),   # system register number (see SYSREGS)
    "pimm9":  (15, 9, True, 16),   # LDP/STP offset, in capabilities (16 bytes)
    "off24":  (0, 24, True, 4),    # B/BL: PC-relative, in instructions (+-32 MiB)
    "off20":  (4, 20, True, 4),    # B.cond: PC-relative, in instructions (+-2 MiB)
    "off19":  (5, 19, True, 4),    # CBZ/CBNZ: PC-relative, in instructions (+-1 MiB)
    "adr19":  (5, 19, True, 1),    # ADR: PC-relative, in bytes (+-256 KiB)
    "page19": (5, 19, True, 4096), # ADRP: PC-relative, in 4 KiB pages (+-1 GiB)
}

# Condition codes, as in Arm (tested against NZCV).
CONDITIONS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
              "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"]
CONDITION_ALIASES = {"hs": "cs", "lo": "cc"}

SEAL_FORMS = {1: "rb", 2: "lpb", 3: "lb"}   # sentry object types made by `SEAL Cd, Cn, form`

# The two ISA states, as Morello has them (PSTATE.C64). A capability branch (BR, BLR, RET, BRS,
# BLRS) selects the state from bit 0 of its target's address, and clears that bit: 1 enters C64,
# 0 enters A64 (Morello's BranchXToCapability). So a C64 code pointer has bit 0 set: the loader
# sets it on capabilities to C64 functions, and BL/BLR in C64 set it in the link they write.
STATES = {
    "c64": "purecap: the base of a load or store is a capability register; ADR gives a capability",
    "a64": "hybrid: the base is an integer register, checked against DDC; ADR gives an integer; BL "
           "links in X30; BR/BLR/RET Xn branch inside PCC",
}
SPSR_C64 = 1 << 26         # where exception entry saves PSTATE.C64 in SPSR (NZCV is bits 31..28)


@dataclass(frozen=True)
class Insn:
    key: str          # unique name; the emulator's constant is OP_<KEY>
    opcode: int       # bits 31..24
    mnemonic: str     # what the assembler reads and the disassembler prints
    operands: str     # operand syntax; see OPERAND SYNTAX below
    meaning: str      # one line, in the manual's style
    group: str
    states: tuple = ("c64", "a64")    # the states it exists in (elsewhere it is undefined)


# OPERAND SYNTAX (the assembler and disassembler read these templates):
#   Xd Xn Xm Xa   integer register in field d/n/m/a (x0..x30, xzr)
#   Cd Cn Cm      capability register (c0..c30, czr); with `*`, register 31 is csp
#   Bn An Bd      the state's base register kind (B) or the other kind (A): c in C64, x in A64;
#                 with `*`, register 31 is csp (C64) or sp (A64)
#   Dd Dn Dm      64-bit floating-point register (d0..d31)
#   #f            immediate from field f (value = field * scale)
#   @f            label: a PC-relative target, stored in field f
#   cond bcond    condition name; sysreg: a name from SYSREGS; form: rb | lpb | lb
#   {, lsl #sh}   an optional part; left out, its fields are 0
#   [ ]           a memory operand
_INSNS: list[Insn] = []


def _group(name, rows, states=("c64", "a64")):
    for key, opcode, mnemonic, operands, meaning in rows:
        _INSNS.append(Insn(key, opcode, mnemonic, operands, meaning, name, states))


_group("system", [
    ("NOP",     0x01, "nop",   "",                "do nothing"),
    ("SVC",     0x02, "svc",   "#code",           "supervisor call: trap to the kernel with code"),
    ("HLT",     0x03, "hlt",   "#code",           "halt: stop the machine and return code to the host"),
    ("BRK",     0x04, "brk",   "#code",           "breakpoint: trap to the kernel with code"),
    ("ERET",    0x05, "eret",  "",                "return from exception: PCC = CELR (detagged unless PCC has System)"),
    ("WFI",     0x06, "wfi",   "",                "wait for interrupt: trap to the kernel (idle)"),
    ("MRS",     0x07, "mrs",   "Xd, sysreg",      "Xd = integer system register"),
    ("MSR",     0x08, "msr",   "sysreg, Xd",      "integer system register = Xd"),
    ("MRS_C",   0x09, "mrs",   "Cd, sysreg",      "Cd = capability system register"),
    ("MSR_C",   0x0A, "msr",   "sysreg, Cd",      "capability system register = Cd"),
])

_group("integer", [
    ("ADD",     0x10, "add",   "Xd, Xn, Xm",           "Xd = Xn + Xm"),
    ("ADDI",    0x11, "add",   "Xd, Xn, #simm14",      "Xd = Xn + simm14"),
    ("SUB",     0x12, "sub",   "Xd, Xn, Xm",           "Xd = Xn - Xm"),
    ("SUBS",    0x13, "subs",  "Xd, Xn, Xm",           "Xd = Xn - Xm, setting NZCV (cmp is subs to xzr)"),
    ("SUBSI",   0x14, "subs",  "Xd, Xn, #simm14",      "Xd = Xn - simm14, setting NZCV"),
    ("AND",     0x15, "and",   "Xd, Xn, Xm",           "Xd = Xn & Xm"),
    ("ANDI",    0x16, "and",   "Xd, Xn, #simm14",      "Xd = Xn & simm14 (sign-extended mask)"),
    ("ANDS",    0x17, "ands",  "Xd, Xn, Xm",           "Xd = Xn & Xm, setting N and Z, clearing C and V (tst)"),
    ("ANDSI",   0x18, "ands",  "Xd, Xn, #simm14",      "Xd = Xn & simm14, setting N and Z, clearing C and V"),
    ("ORR",     0x19, "orr",   "Xd, Xn, Xm",           "Xd = Xn | Xm (mov is orr from xzr)"),
    ("ORRI",    0x1A, "orr",   "Xd, Xn, #simm14",      "Xd = Xn | simm14"),
    ("EOR",     0x1B, "eor",   "Xd, Xn, Xm",           "Xd = Xn ^ Xm"),
    ("EORI",    0x1C, "eor",   "Xd, Xn, #simm14",      "Xd = Xn ^ simm14"),
    ("LSL",     0x1D, "lsl",   "Xd, Xn, Xm",           "Xd = Xn << (Xm & 63)"),
    ("LSLI",    0x1E, "lsl",   "Xd, Xn, #imm6",        "Xd = Xn << imm6"),
    ("LSR",     0x1F, "lsr",   "Xd, Xn, Xm",           "Xd = Xn >> (Xm & 63), logical"),
    ("LSRI",    0x20, "lsr",   "Xd, Xn, #imm6",        "Xd = Xn >> imm6, logical"),
    ("ASR",     0x21, "asr",   "Xd, Xn, Xm",           "Xd = Xn >> (Xm & 63), arithmetic"),
    ("ASRI",    0x22, "asr",   "Xd, Xn, #imm6",        "Xd = Xn >> imm6, arithmetic"),
    ("MUL",     0x23, "mul",   "Xd, Xn, Xm",           "Xd = Xn * Xm (low 64 bits)"),
    ("UMULH",   0x24, "umulh", "Xd, Xn, Xm",           "Xd = high 64 bits of the unsigned product Xn * Xm"),
    ("SMULH",   0x25, "smulh", "Xd, Xn, Xm",           "Xd = high 64 bits of the signed product Xn * Xm"),
    ("MADD",    0x26, "madd",  "Xd, Xn, Xm, Xa",       "Xd = Xa + Xn * Xm"),
    ("MSUB",    0x27, "msub",  "Xd, Xn, Xm, Xa",       "Xd = Xa - Xn * Xm (remainder: msub after sdiv)"),
    ("UDIV",    0x28, "udiv",  "Xd, Xn, Xm",           "Xd = Xn / Xm, unsigned; 0 if Xm is 0"),
    ("SDIV",    0x29, "sdiv",  "Xd, Xn, Xm",           "Xd = Xn / Xm, signed, toward zero; 0 if Xm is 0"),
    ("CLZ",     0x2A, "clz",   "Xd, Xn",               "Xd = number of leading zero bits of Xn"),
    ("MOVZ",    0x2B, "movz",  "Xd, #imm16{, lsl #hw}", "Xd = imm16 << hw"),
    ("MOVK",    0x2C, "movk",  "Xd, #imm16{, lsl #hw}", "bits hw..hw+15 of Xd = imm16, others kept"),
    ("MOVN",    0x2D, "movn",  "Xd, #imm16{, lsl #hw}", "Xd = ~(imm16 << hw)"),
    ("CSEL",    0x2E, "csel",  "Xd, Xn, Xm, cond",     "Xd = cond ? Xn : Xm"),
    ("CSET",    0x2F, "cset",  "Xd, cond",             "Xd = cond ? 1 : 0"),
    ("SXTB",    0x30, "sxtb",  "Xd, Xn",               "Xd = Xn's low byte, sign-extended"),
    ("SXTH",    0x31, "sxth",  "Xd, Xn",               "Xd = Xn's low 16 bits, sign-extended"),
    ("SXTW",    0x32, "sxtw",  "Xd, Xn",               "Xd = Xn's low 32 bits, sign-extended"),
    ("UXTB",    0x33, "uxtb",  "Xd, Xn",               "Xd = Xn's low byte, zero-extended"),
    ("UXTH",    0x34, "uxth",  "Xd, Xn",               "Xd = Xn's low 16 bits, zero-extended"),
    ("UXTW",    0x35, "uxtw",  "Xd, Xn",               "Xd = Xn's low 32 bits, zero-extended"),
])

_group("branch", [
    ("B",       0x40, "b",     "@off24",         "PC = PC + off24"),
    ("BL",      0x41, "bl",    "@off24",         "link; PC = PC + off24. C64: c30 = PCC at PC + 4 with bit 0 set (a sentry if CCTLR.SBL); A64: x30 = PC + 4"),
    ("BCOND",   0x42, "b.",    "bcond, @off20",  "if bcond: PC = PC + off20  (written b.eq, b.ne, ...)"),
    ("CBZ",     0x43, "cbz",   "Xd, @off19",     "if Xd == 0: PC = PC + off19"),
    ("CBNZ",    0x44, "cbnz",  "Xd, @off19",     "if Xd != 0: PC = PC + off19"),
    ("BR",      0x45, "br",    "Cn",             "PCC = Cn, unsealing a sentry; state = bit 0 of the target; checked at the next fetch"),
    ("BLR",     0x46, "blr",   "Cn",             "c30 = PCC at PC + 4 (bit 0 = the current state); branch to Cn as BR"),
    ("RET",     0x47, "ret",   "Cn",             "branch to Cn as BR (in C64, `ret` alone is ret c30)"),
    ("BRS",     0x48, "brs",   "Cn, Cm",         "branch to a sealed pair: PCC = unseal(Cn), c29 = unseal(Cm); state as BR"),
    ("BLRS",    0x49, "blrs",  "Cn, Cm",         "c30 = link as BLR; branch to the sealed pair Cn (code), Cm (data)"),
    ("ADR",     0x4A, "adr",   "Bd, @adr19",     "C64: Cd = PCC with address PC + adr19; A64: Xd = PC + adr19"),
    ("ADRP",    0x4B, "adrp",  "Bd, @page19",    "C64: Cd = PCC with address (PC & ~0xfff) + page19; A64: Xd = that address"),
])

_group("branch", [
    ("BR_X",    0x4C, "br",    "Xn",             "PC = Xn (+ PCC's base if PCCBO): PCC's address moves, its bounds are checked at the next fetch"),
    ("BLR_X",   0x4D, "blr",   "Xn",             "x30 = PC + 4 (- PCC's base if PCCBO); PC = Xn as BR"),
    ("RET_X",   0x4E, "ret",   "Xn",             "PC = Xn (`ret` alone is ret x30)"),
], states=("a64",))

_group("memory", [
    ("LDRB",    0x50, "ldrb",  "Xd, [Bn*{, #simm14}]",          "Xd = mem8[base + simm14], zero-extended"),
    ("LDRB_R",  0x51, "ldrb",  "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem8[base + (Xm << sh)], zero-extended"),
    ("LDRH",    0x52, "ldrh",  "Xd, [Bn*{, #simm14}]",          "Xd = mem16[base + simm14], zero-extended"),
    ("LDRH_R",  0x53, "ldrh",  "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem16[base + (Xm << sh)], zero-extended"),
    ("LDRW",    0x54, "ldrw",  "Xd, [Bn*{, #simm14}]",          "Xd = mem32[base + simm14], zero-extended"),
    ("LDRW_R",  0x55, "ldrw",  "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem32[base + (Xm << sh)], zero-extended"),
    ("LDRX",    0x56, "ldr",   "Xd, [Bn*{, #simm14}]",          "Xd = mem64[base + simm14]"),
    ("LDRX_R",  0x57, "ldr",   "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem64[base + (Xm << sh)]"),
    ("LDRSB",   0x58, "ldrsb", "Xd, [Bn*{, #simm14}]",          "Xd = mem8[base + simm14], sign-extended"),
    ("LDRSB_R", 0x59, "ldrsb", "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem8[base + (Xm << sh)], sign-extended"),
    ("LDRSH",   0x5A, "ldrsh", "Xd, [Bn*{, #simm14}]",          "Xd = mem16[base + simm14], sign-extended"),
    ("LDRSH_R", 0x5B, "ldrsh", "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem16[base + (Xm << sh)], sign-extended"),
    ("LDRSW",   0x5C, "ldrsw", "Xd, [Bn*{, #simm14}]",          "Xd = mem32[base + simm14], sign-extended"),
    ("LDRSW_R", 0x5D, "ldrsw", "Xd, [Bn*, Xm{, lsl #sh}]",    "Xd = mem32[base + (Xm << sh)], sign-extended"),
    ("STRB",    0x60, "strb",  "Xd, [Bn*{, #simm14}]",          "mem8[base + simm14] = Xd; clears the granule's tag"),
    ("STRB_R",  0x61, "strb",  "Xd, [Bn*, Xm{, lsl #sh}]",    "mem8[base + (Xm << sh)] = Xd; clears the granule's tag"),
    ("STRH",    0x62, "strh",  "Xd, [Bn*{, #simm14}]",          "mem16[base + simm14] = Xd; clears the granule's tag"),
    ("STRH_R",  0x63, "strh",  "Xd, [Bn*, Xm{, lsl #sh}]",    "mem16[base + (Xm << sh)] = Xd; clears the granule's tag"),
    ("STRW",    0x64, "strw",  "Xd, [Bn*{, #simm14}]",          "mem32[base + simm14] = Xd; clears the granule's tag"),
    ("STRW_R",  0x65, "strw",  "Xd, [Bn*, Xm{, lsl #sh}]",    "mem32[base + (Xm << sh)] = Xd; clears the granule's tag"),
    ("STRX",    0x66, "str",   "Xd, [Bn*{, #simm14}]",          "mem64[base + simm14] = Xd; clears the granule's tag"),
    ("STRX_R",  0x67, "str",   "Xd, [Bn*, Xm{, lsl #sh}]",    "mem64[base + (Xm << sh)] = Xd; clears the granule's tag"),
    ("LDRC",    0x68, "ldr",   "Cd, [Bn*{, #simm14}]",          "Cd = capability at base + simm14 (tag stripped without LoadCap)"),
    ("LDRC_R",  0x69, "ldr",   "Cd, [Bn*, Xm{, lsl #sh}]",    "Cd = capability at base + (Xm << sh)"),
    ("STRC",    0x6A, "str",   "Cd, [Bn*{, #simm14}]",          "capability at base + simm14 = Cd, with its tag (needs StoreCap if tagged)"),
    ("STRC_R",  0x6B, "str",   "Cd, [Bn*, Xm{, lsl #sh}]",    "capability at base + (Xm << sh) = Cd, with its tag"),
    ("LDPC",    0x6C, "ldp",   "Cd, Cm, [Bn*{, #pimm9}]",       "Cd, Cm = the two capabilities at base + pimm9"),
    ("STPC",    0x6D, "stp",   "Cd, Cm, [Bn*{, #pimm9}]",       "the two capabilities at base + pimm9 = Cd, Cm"),
    ("LDRD",    0x6E, "ldr",   "Dd, [Bn*{, #simm14}]",          "Dd = mem64[base + simm14]"),
    ("LDRD_R",  0x6F, "ldr",   "Dd, [Bn*, Xm{, lsl #sh}]",    "Dd = mem64[base + (Xm << sh)]"),
    ("STRD",    0x70, "str",   "Dd, [Bn*{, #simm14}]",          "mem64[base + simm14] = Dd; clears the granule's tag"),
    ("STRD_R",  0x71, "str",   "Dd, [Bn*, Xm{, lsl #sh}]",    "mem64[base + (Xm << sh)] = Dd; clears the granule's tag"),
    ("LDCT",    0x72, "ldct",  "Xd, [Bn*]",                   "Xd = the tags of the 4 granules of the 64 bytes at base (0 without LoadCap)"),
])


# The alternate-base forms (immediate offsets only): their base is the other state's kind, so A64
# code dereferences a `__capability` pointer with them and C64 code reaches memory through DDC.
_group("memory", [
    ("LDRB_A",  0xE0, "ldrb",  "Xd, [An{, #simm14}]",  "Xd = mem8[alternate base + simm14], zero-extended"),
    ("LDRH_A",  0xE1, "ldrh",  "Xd, [An{, #simm14}]",  "Xd = mem16[alternate base + simm14], zero-extended"),
    ("LDRW_A",  0xE2, "ldrw",  "Xd, [An{, #simm14}]",  "Xd = mem32[alternate base + simm14], zero-extended"),
    ("LDRX_A",  0xE3, "ldr",   "Xd, [An{, #simm14}]",  "Xd = mem64[alternate base + simm14]"),
    ("LDRSB_A", 0xE4, "ldrsb", "Xd, [An{, #simm14}]",  "Xd = mem8[alternate base + simm14], sign-extended"),
    ("LDRSH_A", 0xE5, "ldrsh", "Xd, [An{, #simm14}]",  "Xd = mem16[alternate base + simm14], sign-extended"),
    ("LDRSW_A", 0xE6, "ldrsw", "Xd, [An{, #simm14}]",  "Xd = mem32[alternate base + simm14], sign-extended"),
    ("STRB_A",  0xE7, "strb",  "Xd, [An{, #simm14}]",  "mem8[alternate base + simm14] = Xd"),
    ("STRH_A",  0xE8, "strh",  "Xd, [An{, #simm14}]",  "mem16[alternate base + simm14] = Xd"),
    ("STRW_A",  0xE9, "strw",  "Xd, [An{, #simm14}]",  "mem32[alternate base + simm14] = Xd"),
    ("STRX_A",  0xEA, "str",   "Xd, [An{, #simm14}]",  "mem64[alternate base + simm14] = Xd"),
    ("LDRC_A",  0xEB, "ldr",   "Cd, [An{, #simm14}]",  "Cd = capability at alternate base + simm14"),
    ("STRC_A",  0xEC, "str",   "Cd, [An{, #simm14}]",  "capability at alternate base + simm14 = Cd, with its tag"),
    ("LDRD_A",  0xED, "ldr",   "Dd, [An{, #simm14}]",  "Dd = mem64[alternate base + simm14]"),
    ("STRD_A",  0xEE, "str",   "Dd, [An{, #simm14}]",  "mem64[alternate base + simm14] = Dd"),
])

_group("capability", [
    ("CPY",      0x80, "cpy",      "Cd*, Cn*",                 "Cd = Cn (mov cd, cn)"),
    ("ADDC",     0x81, "add",      "Cd*, Cn*, #simm14",        "Cd = Cn with address + simm14 (detagged if not representable)"),
    ("ADDC_R",   0x82, "add",      "Cd*, Cn*, Xm{, lsl #sh}",  "Cd = Cn with address + (Xm << sh)"),
    ("SUBC_R",   0x83, "sub",      "Cd*, Cn*, Xm{, lsl #sh}",  "Cd = Cn with address - (Xm << sh)"),
    ("SCVALUE",  0x84, "scvalue",  "Cd, Cn, Xm",               "Cd = Cn with address Xm (precise representability check)"),
    ("SCOFF",    0x85, "scoff",    "Cd, Cn, Xm",               "Cd = Cn with address base + Xm"),
    ("SCBNDS",   0x86, "scbnds",   "Cd, Cn, Xm",               "Cd = Cn bounded to [address, address + Xm), rounded outwards"),
    ("SCBNDSI",  0x87, "scbnds",   "Cd, Cn, #imm14",           "Cd = Cn bounded to [address, address + imm14) (always exact)"),
    ("SCBNDSE",  0x88, "scbndse",  "Cd, Cn, Xm",               "as scbnds, but detagged if the bounds had to be rounded"),
    ("CLRPERM",  0x89, "clrperm",  "Cd, Cn, Xm",               "Cd = Cn without the permissions set in Xm"),
    ("CLRTAG",   0x8A, "clrtag",   "Cd, Cn",                   "Cd = Cn with its tag cleared"),
    ("SEAL",     0x8B, "seal",     "Cd, Cn, Cm",               "Cd = Cn sealed with object type Cm.address (Cm needs Seal)"),
    ("SEALF",    0x8C, "seal",     "Cd, Cn, form",             "Cd = Cn sealed as a sentry: form rb (1), lpb (2) or lb (3)"),
    ("UNSEAL",   0x8D, "unseal",   "Cd, Cn, Cm",               "Cd = Cn unsealed, if its type is Cm.address (Cm needs Unseal)"),
    ("CPYTYPE",  0x8E, "cpytype",  "Cd, Cn, Cm",               "Cd = Cn with address = Cm's object type (all ones if Cm is unsealed)"),
    ("CPYVALUE", 0x8F, "cpyvalue", "Cd, Cn, Cm",               "Cd = Cn with address Cm.address (precise check)"),
    ("CSEAL",    0x90, "cseal",    "Cd, Cn, Cm",               "Cd = Cn sealed by Cm if that is allowed, else Cn; Z set if sealed"),
    ("BUILD",    0x91, "build",    "Cd, Cn, Cm",               "Cd = the bit pattern Cn, unsealed, tagged if it lies within the key Cm"),
    ("ALIGND",   0x92, "alignd",   "Cd, Cn, #imm6",            "Cd = Cn with the low imm6 bits of the address cleared"),
    ("ALIGNU",   0x93, "alignu",   "Cd, Cn, #imm6",            "Cd = Cn with the address rounded up to a multiple of 2**imm6"),
    ("RRLEN",    0x94, "rrlen",    "Xd, Xn",                   "Xd = the representable length of Xn (round up for exact bounds)"),
    ("RRMASK",   0x95, "rrmask",   "Xd, Xn",                   "Xd = the alignment mask a base needs for exact bounds of length Xn"),
    ("CVTD",     0x96, "cvtd",     "Cd, Xn",                   "Cd = DDC with address Xn (+ DDC's base if DDCBO), or null if Xn is 0: a pointer becomes a capability"),
    ("CVT",      0x97, "cvt",      "Xd, Cn",                   "Xd = Cn's address (- DDC's base if DDCBO) if Cn is tagged, else 0: a capability becomes a pointer"),
])

_group("query", [
    ("GCVALUE",  0xA0, "gcvalue",  "Xd, Cn*",    "Xd = Cn's address"),
    ("GCBASE",   0xA1, "gcbase",   "Xd, Cn*",    "Xd = Cn's base"),
    ("GCLIM",    0xA2, "gclim",    "Xd, Cn*",    "Xd = Cn's top (all ones if the top is 2**64 or more)"),
    ("GCLEN",    0xA3, "gclen",    "Xd, Cn*",    "Xd = Cn's length (saturated to 2**64 - 1)"),
    ("GCOFF",    0xA4, "gcoff",    "Xd, Cn*",    "Xd = Cn's address - base"),
    ("GCPERM",   0xA5, "gcperm",   "Xd, Cn*",    "Xd = Cn's permissions (18 bits)"),
    ("GCTYPE",   0xA6, "gctype",   "Xd, Cn*",    "Xd = Cn's object type (0 if unsealed)"),
    ("GCTAG",    0xA7, "gctag",    "Xd, Cn*",    "Xd = Cn's tag (1 or 0)"),
    ("GCSEAL",   0xA8, "gcseal",   "Xd, Cn*",    "Xd = 1 if Cn is sealed, else 0"),
    ("CHKSS",    0xA9, "chkss",    "Cn, Cm",     "N = Cn is a subset of Cm with the same tag; Z, C, V cleared"),
    ("CHKEQ",    0xAA, "chkeq",    "Cn, Cm",     "Z = Cn and Cm are bitwise equal, tags included; N, C, V cleared"),
    ("CHKTGD",   0xAB, "chktgd",   "Cn",         "C = Cn's tag; N, Z, V cleared"),
    ("CHKSLD",   0xAC, "chksld",   "Cn",         "V = Cn is sealed; N, Z, C cleared"),
])

_group("float", [
    ("FADD",    0xC0, "fadd",   "Dd, Dn, Dm",  "Dd = Dn + Dm"),
    ("FSUB",    0xC1, "fsub",   "Dd, Dn, Dm",  "Dd = Dn - Dm"),
    ("FMUL",    0xC2, "fmul",   "Dd, Dn, Dm",  "Dd = Dn * Dm"),
    ("FDIV",    0xC3, "fdiv",   "Dd, Dn, Dm",  "Dd = Dn / Dm"),
    ("FNEG",    0xC4, "fneg",   "Dd, Dn",      "Dd = -Dn"),
    ("FABS",    0xC5, "fabs",   "Dd, Dn",      "Dd = |Dn|"),
    ("FSQRT",   0xC6, "fsqrt",  "Dd, Dn",      "Dd = square root of Dn"),
    ("FMOV",    0xC7, "fmov",   "Dd, Dn",      "Dd = Dn"),
    ("FMOV_DX", 0xC8, "fmov",   "Dd, Xn",      "Dd = the bits of Xn"),
    ("FMOV_XD", 0xC9, "fmov",   "Xd, Dn",      "Xd = the bits of Dn"),
    ("FCMP",    0xCA, "fcmp",   "Dn, Dm",      "NZCV = compare Dn with Dm (unordered: C and V)"),
    ("SCVTF",   0xCB, "scvtf",  "Dd, Xn",      "Dd = (double) signed Xn"),
    ("UCVTF",   0xCC, "ucvtf",  "Dd, Xn",      "Dd = (double) unsigned Xn"),
    ("FCVTZS",  0xCD, "fcvtzs", "Xd, Dn",      "Xd = signed integer of Dn, toward zero, saturated; NaN gives 0"),
    ("FCVTZU",  0xCE, "fcvtzu", "Xd, Dn",      "Xd = unsigned integer of Dn, toward zero, saturated; NaN gives 0"),
    ("FCVTS",   0xCF, "fcvts",  "Xd, Dn",      "Xd = the 32 bits of (float) Dn"),
    ("FCVTD",   0xD0, "fcvtd",  "Dd, Xn",      "Dd = (double) of the float whose 32 bits are Xn"),
])

INSTRUCTIONS: tuple[Insn, ...] = tuple(_INSNS)
BY_OPCODE = {i.opcode: i for i in INSTRUCTIONS}
BY_KEY = {i.key: i for i in INSTRUCTIONS}
GROUPS = tuple(dict.fromkeys(i.group for i in INSTRUCTIONS))   # the instruction classes, in table order
assert len(BY_OPCODE) == len(INSTRUCTIONS), "two instructions share an opcode"
assert len(BY_KEY) == len(INSTRUCTIONS), "two instructions share a key"

# ---------------------------------------------------------------------------------------------
# Capability permissions (Morello's bit numbers; bit n of the 18-bit field)
# ---------------------------------------------------------------------------------------------
PERMISSIONS = [
    # bit, name, letter (for printing), meaning
    (0,  "GLOBAL",             "G", "may be stored anywhere; without it, only through StoreLocalCap"),
    (1,  "EXECUTIVE",          "E", "Executive mode (not modelled beyond the bit)"),
    (2,  "USER0",              "0", "software-defined"),
    (3,  "USER1",              "1", "software-defined"),
    (4,  "USER2",              "2", "software-defined"),
    (5,  "USER3",              "3", "software-defined"),
    (6,  "MUTABLE_LOAD",       "M", "capabilities loaded through it keep their write permissions"),
    (7,  "COMPARTMENT_ID",     "C", "software-defined compartment token"),
    (8,  "BRANCH_SEALED_PAIR", "B", "may be used by BRS/BLRS"),
    (9,  "SYSTEM",             "S", "PCC with System may access privileged system registers"),
    (10, "UNSEAL",             "U", "authorises UNSEAL of its address as an object type"),
    (11, "SEAL",               "s", "authorises SEAL with its address as the object type"),
    (12, "STORE_LOCAL_CAP",    "L", "may store capabilities without Global"),
    (13, "STORE_CAP",          "W", "may store tagged capabilities"),
    (14, "LOAD_CAP",           "R", "may load capabilities with their tags"),
    (15, "EXECUTE",            "x", "may be fetched from as PCC"),
    (16, "STORE",              "w", "may store data"),
    (17, "LOAD",               "r", "may load data"),
]
PERM = {name: 1 << bit for bit, name, _, _ in PERMISSIONS}
PERM_ALL = (1 << 18) - 1

# Special object types.
OTYPE_UNSEALED, OTYPE_SENTRY, OTYPE_LPB, OTYPE_LB = 0, 1, 2, 3
OTYPE_MAX = 0x7FFF

# ---------------------------------------------------------------------------------------------
# System registers: number -> (name, kind, access). kind: "x" integer, "c" capability.
# access: "user" any code may read and write; "user-read" any code may read, only PCC with System
# writes; "system" only PCC with System may read or write.
# ---------------------------------------------------------------------------------------------
SYSREGS = {
    0:  ("nzcv",   "x", "user",      "condition flags N Z C V in bits 31..28"),
    1:  ("esr",    "x", "system",    "exception syndrome: class, fault code, access, register"),
    2:  ("far",    "x", "system",    "faulting virtual address"),
    3:  ("cctlr",  "x", "system",    "capability control: bit 0 DDCBO, bit 1 PCCBO (A64 addresses are offsets from DDC's and PCC's bases); bit 7 SBL: BL/BLR seal their link as a sentry"),
    4:  ("timer",  "x", "system",    "timer interval: an interrupt every this many instructions (0 = off)"),
    5:  ("icount", "x", "user-read", "instructions retired since reset (a deterministic clock)"),
    6:  ("cid",    "x", "user-read", "the running μprocess's id, written only by the kernel"),
    7:  ("spsr",   "x", "system",    "saved state at exception entry: NZCV in bits 31..28, PSTATE.C64 in bit 26"),
    64: ("ddc",    "c", "user",      "default data capability: authorises A64 loads and stores (null in purecap)"),
    65: ("ctpidr", "c", "user",      "thread pointer"),
    66: ("celr",   "c", "system",    "exception link: PCC of the instruction to return to"),
    67: ("cvbar",  "c", "system",    "exception vector base (kept for the kernel; traps go to the host)"),
}
SYSREG_BY_NAME = {name: num for num, (name, *_rest) in SYSREGS.items()}
# CCTLR's bits. DDCBO and PCCBO make A64 addresses relative, as Morello's CCTLR does: with DDCBO,
# DDC's base is added to the integer address of every A64 load and store (and CVTD/CVT convert
# with it); with PCCBO, PCC's base is added to integer branch targets and taken off what ADR, ADRP
# and BL's link give. ufos's kernel turns both on for hybrid μprocesses, because μFork can
# relocate only what carries a tag: with every integer address an offset from DDC or PCC, moving
# those two capabilities moves every plain pointer of the program with them.
CCTLR_DDCBO = 1 << 0
CCTLR_PCCBO = 1 << 1
CCTLR_SBL = 1 << 7

# ---------------------------------------------------------------------------------------------
# Exceptions. A trap stops `run()` and returns to the host kernel with ESR/FAR/CELR set.
# ESR = class << 26 | ISS. For faults ISS = code | access << 6 | register << 8 (32 = PCC, 33 = none,
# 34 = DDC);
# for SVC/HLT/BRK ISS = the 16-bit code.
# ---------------------------------------------------------------------------------------------
EXCEPTION_CLASSES = {
    0:  ("NONE",    "no exception"),
    1:  ("SVC",     "supervisor call"),
    2:  ("HLT",     "halt"),
    3:  ("BRK",     "breakpoint"),
    4:  ("WFI",     "wait for interrupt"),
    5:  ("TIMER",   "timer interrupt"),
    6:  ("UNDEF",   "undefined instruction"),
    7:  ("SYSREG",  "system register access without System permission"),
    8:  ("CAP",     "capability fault"),
    9:  ("ALIGN",   "alignment fault"),
    10: ("PAGE",    "page fault"),
    11: ("BUS",     "physical address outside memory"),
    12: ("LIMIT",   "instruction budget used up (not an exception: run() simply returns)"),
}
EC = {name: num for num, (name, _) in EXCEPTION_CLASSES.items()}

FAULT_CODES = {
    # capability faults, in the order they are checked (Morello's DFSC values)
    0x28: ("TAG",          "capability tag fault: the capability is not valid"),
    0x29: ("SEAL",         "capability sealed fault: a sealed capability was used"),
    0x2B: ("PERM",         "capability permission fault: a required permission is missing"),
    0x2A: ("BOUNDS",       "capability bounds fault: the access is outside the bounds"),
    # page faults
    0x04: ("TRANSLATION",  "no valid page table entry"),
    0x08: ("ACCESS_FLAG",  "the page's access flag is clear"),
    0x0C: ("PERMISSION",   "the page does not allow this access"),
    0x2C: ("CAP_LOAD",     "a tagged capability was loaded from a page that traps capability loads"),
    0x2D: ("CAP_STORE",    "a tagged capability was stored to a page that forbids capability stores"),
}
FAULT = {name: code for code, (name, _) in FAULT_CODES.items()}
ACCESS_KINDS = {0: "load", 1: "store", 2: "fetch"}
REG_PCC, REG_NONE, REG_DDC = 32, 33, 34

# ---------------------------------------------------------------------------------------------
# Page table entries (64 bits). The frame's physical address is bits 51..12.
# ---------------------------------------------------------------------------------------------
PAGE_SIZE = 4096
PTE_BITS = [
    (0, "VALID",     "the entry maps a page"),
    (1, "READ",      "data loads allowed"),
    (2, "WRITE",     "data and capability stores allowed"),
    (3, "EXEC",      "instruction fetch allowed"),
    (4, "AF",        "access flag: when clear, any access faults (copy-on-access)"),
    (5, "CAP_TRAP",  "loading a tagged capability faults (copy-on-pointer-access)"),
    (6, "CAP_STORE", "storing a tagged capability is allowed"),
    (7, "SW0",       "free for the kernel"),
    (8, "SW1",       "free for the kernel"),
    (9, "SW2",       "free for the kernel"),
    (10, "SW3",      "free for the kernel"),
    (11, "SW4",      "free for the kernel"),
]
PTE = {name: 1 << bit for bit, name, _ in PTE_BITS}
PTE_ADDR_MASK = ((1 << 52) - 1) & ~(PAGE_SIZE - 1)


# ---------------------------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------------------------
def field_value(name: str, word: int) -> int:
    """The value of operand field `name` in an instruction word (sign-extended and scaled)."""
    lo, width, signed, scale = FIELDS[name]
    v = (word >> lo) & ((1 << width) - 1)
    if signed and v >> (width - 1):
        v -= 1 << width
    return v * scale


def cython_declarations() -> str:
    """The text of arch.pxd: what the emulator needs from this table, as C constants."""
    out = ["# The machine's constants, generated from ufos/machine/isa.py by setup.py. Do not edit.",
           "from libc.stdint cimport uint32_t, uint64_t, int64_t", "",
           "cdef enum:"]
    for insn in INSTRUCTIONS:
        out.append(f"    OP_{insn.key} = 0x{insn.opcode:02x}    # {insn.mnemonic} {insn.operands}")
    for bit, name, _, _ in PERMISSIONS:
        out.append(f"    PERM_{name} = 0x{1 << bit:05x}")
    out.append(f"    PERM_ALL = 0x{PERM_ALL:05x}")
    for name in ("UNSEALED", "SENTRY", "LPB", "LB", "MAX"):
        out.append(f"    OTYPE_{name} = {globals()['OTYPE_' + name]}")
    for num, (name, *_rest) in SYSREGS.items():
        out.append(f"    SYSREG_{name.upper()} = {num}")
    for num, (name, _) in EXCEPTION_CLASSES.items():
        out.append(f"    EC_{name} = {num}")
    for code, (name, _) in FAULT_CODES.items():
        out.append(f"    FAULT_{name} = 0x{code:02x}")
    for num, name in ACCESS_KINDS.items():
        out.append(f"    ACCESS_{name.upper()} = {num}")
    out += [f"    REG_PCC = {REG_PCC}", f"    REG_NONE = {REG_NONE}", f"    REG_DDC = {REG_DDC}",
            f"    CCTLR_SBL = {CCTLR_SBL}", f"    CCTLR_DDCBO = {CCTLR_DDCBO}", f"    CCTLR_PCCBO = {CCTLR_PCCBO}",
            f"    SPSR_C64 = {SPSR_C64}"]
    for bit, name, _ in PTE_BITS:
        out.append(f"    PTE_{name} = {1 << bit}")
    out += ["    SYSREG_UNDEFINED = -1", "    SYSREG_ACCESS_USER = 0", "    SYSREG_ACCESS_USER_READ = 1",
            "    SYSREG_ACCESS_SYSTEM = 2", ""]
    out.append("# Who may use a system register (SYSREG_UNDEFINED if there is no such register).")
    out.append("cdef inline int sysreg_access(uint32_t n) noexcept nogil:")
    access = {"user": "SYSREG_ACCESS_USER", "user-read": "SYSREG_ACCESS_USER_READ", "system": "SYSREG_ACCESS_SYSTEM"}
    for num, (name, _kind, acc, _m) in SYSREGS.items():
        out.append(f"    if n == {num}: return {access[acc]}    # {name}")
    out += ["    return SYSREG_UNDEFINED", ""]
    out.append("# Operand field extractors: the value of each field of an instruction word.")
    for name, (lo, width, signed, scale) in FIELDS.items():
        mask = (1 << width) - 1
        if signed:
            # shift the field to the top of a 64-bit word, then arithmetic-shift it back down
            body = f"(<int64_t>(<uint64_t>w << {64 - lo - width}) >> {64 - width})"
        else:
            body = f"((w >> {lo}) & 0x{mask:x})"
        if scale != 1:
            body = f"({body} * {scale})"
        ctype = "int64_t" if signed else "uint32_t"
        out.append(f"cdef inline {ctype} f_{name}(uint32_t w) noexcept nogil:\n    return {body}")
    out.append("")
    return "\n".join(out) + "\n"


def markdown() -> str:
    """The text of docs/isa.md."""
    lines = ["# The ufos instruction set", "",
             "Generated from `ufos/machine/isa.py` by `python -m ufos.machine.isa --markdown`. Do not edit.", "",
             "Every instruction is 32 bits, little-endian; bits 31..24 are the opcode. Operand fields:", "",
             "| field | bits | signed | scale |", "|---|---|---|---|"]
    for name, (lo, width, signed, scale) in FIELDS.items():
        lines.append(f"| `{name}` | {lo + width - 1}..{lo} | {'yes' if signed else 'no'} | {scale} |")
    lines += ["", "Register 31 is xzr/czr, except in operands marked `*` (`Cn*`), where it is `csp`.", "",
              "## States", "",
              "The machine has Morello's two ISA states (PSTATE.C64). A capability branch takes the state from "
              "bit 0 of its target's address and clears it (1: C64); exception entry saves it in SPSR bit 26, "
              "ERET restores it.", "", "| state | what changes |", "|---|---|"]
    lines += [f"| {name.upper()} | {meaning} |" for name, meaning in STATES.items()]
    lines += ["", "In the templates, `B` is the state's base register kind (`c` in C64, `x` in A64; with `*`, "
              "register 31 is `csp`, or `sp` in A64, which csp itself authorises) and `A` the other kind, "
              "that of the alternate-base forms. With CCTLR.DDCBO, A64 data addresses are offsets from DDC's "
              "base; with CCTLR.PCCBO, A64 code addresses are offsets from PCC's base.", "",
              "A load or store of an integer or a double may be misaligned, as Morello allows on normal "
              "memory; the capability's bounds are checked for all its bytes, and one that crosses into the "
              "next page needs both pages (a fault in the second names its first byte). A "
              "capability is loaded and stored only at a 16-byte aligned address, and instructions are "
              "fetched only at a 4-byte aligned one: otherwise an ALIGN fault.", ""]
    for group in dict.fromkeys(i.group for i in INSTRUCTIONS):
        lines += [f"## {group}", "", "| opcode | instruction | meaning |", "|---|---|---|"]
        for i in INSTRUCTIONS:
            if i.group == group:
                syntax = f"{i.mnemonic} {i.operands}".strip().replace("|", "\\|")
                only = "" if len(i.states) == len(STATES) else f" ({', '.join(i.states).upper()} only)"
                lines.append(f"| 0x{i.opcode:02x} | `{syntax}` | {i.meaning}{only} |")
        lines.append("")
    lines += ["## Permissions", "", "| bit | name | letter | meaning |", "|---|---|---|---|"]
    lines += [f"| {b} | {n} | `{l}` | {m} |" for b, n, l, m in PERMISSIONS]
    lines += ["", "## System registers", "", "| number | name | kind | access | meaning |", "|---|---|---|---|---|"]
    lines += [f"| {num} | `{n}` | {k} | {a} | {m} |" for num, (n, k, a, m) in SYSREGS.items()]
    lines += ["", "## Exceptions", "", "ESR = class << 26 | ISS. For faults, ISS = code | access << 6 | register << 8 "
              f"(register {REG_PCC} = PCC, {REG_NONE} = none); for SVC, HLT and BRK, ISS = the 16-bit code.", "",
              "| class | name | meaning |", "|---|---|---|"]
    lines += [f"| {num} | {n} | {m} |" for num, (n, m) in EXCEPTION_CLASSES.items()]
    lines += ["", "| fault code | name | meaning |", "|---|---|---|"]
    lines += [f"| 0x{c:02x} | {n} | {m} |" for c, (n, m) in FAULT_CODES.items()]
    lines += ["", "## Page table entries", "", "| bit | name | meaning |", "|---|---|---|"]
    lines += [f"| {b} | {n} | {m} |" for b, n, m in PTE_BITS]
    lines += ["| 51..12 | frame | physical address of the page |", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--markdown"]:
        sys.stdout.write(markdown())
    elif sys.argv[1:] == ["--pxi"]:
        sys.stdout.write(cython_declarations())
    else:
        sys.exit("usage: python -m ufos.machine.isa --markdown | --pxi")
