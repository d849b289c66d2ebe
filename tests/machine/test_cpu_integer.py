"""Integer, branch and floating-point instructions: each one's meaning, checked on the machine."""
import math
import struct

import pytest

from tests.machine.machine_harness import run_ok

M64 = (1 << 64) - 1
A, B = 0x1234_5678_9ABC_DEF0, 0xFEDC_BA98_7654_3210


def signed(v):
    return v - (1 << 64) if v >> 63 else v


def x0_after(body, x1=A, x2=B, x3=0):
    m = run_ok(f"        mov x1, #{x1}\n        mov x2, #{x2}\n        mov x3, #{x3}\n{body}")
    return m.cpu.x[0]


@pytest.mark.parametrize("body,expected", [
    ("add x0, x1, x2", (A + B) & M64),
    ("add x0, x1, #-5", A - 5),
    ("add x0, x1, #8191", A + 8191),
    ("sub x0, x1, x2", (A - B) & M64),
    ("sub x0, x1, #16", A - 16),
    ("and x0, x1, x2", A & B),
    ("and x0, x1, #-16", A & ~15 & M64),
    ("orr x0, x1, x2", A | B),
    ("orr x0, x1, #255", A | 255),
    ("eor x0, x1, x2", A ^ B),
    ("eor x0, x1, #-1", ~A & M64),
    ("lsl x0, x1, #4", (A << 4) & M64),
    ("lsr x0, x2, #60", B >> 60),
    ("asr x0, x2, #60", (signed(B) >> 60) & M64),
    ("mov x3, #68\n        lsl x0, x1, x3", (A << 4) & M64),     # shift amounts are taken mod 64
    ("mov x3, #4\n        lsr x0, x2, x3", B >> 4),
    ("mov x3, #4\n        asr x0, x2, x3", (signed(B) >> 4) & M64),
    ("mul x0, x1, x2", (A * B) & M64),
    ("umulh x0, x1, x2", (A * B) >> 64),
    ("smulh x0, x1, x2", ((signed(A) * signed(B)) >> 64) & M64),
    ("mov x3, #100\n        madd x0, x1, x2, x3", (100 + A * B) & M64),
    ("mov x3, #100\n        msub x0, x1, x2, x3", (100 - A * B) & M64),
    ("udiv x0, x2, x1", B // A),
    ("sdiv x0, x2, x1", (int(signed(B) / A)) & M64),          # toward zero
    ("udiv x0, x1, xzr", 0),                                  # division by zero gives 0
    ("sdiv x0, x1, xzr", 0),
    ("clz x0, x1", 3),
    ("clz x0, xzr", 64),
    ("movz x0, #0xbeef, lsl #32", 0xBEEF << 32),
    ("mov x0, x1\n        movk x0, #0xbeef, lsl #16", (A & ~(0xFFFF << 16)) | (0xBEEF << 16)),
    ("movn x0, #5", ~5 & M64),
    ("sxtb x0, x2", 0x10),
    ("mov x3, #0x80\n        sxtb x0, x3", M64 - 0x7F),
    ("sxth x0, x2", 0x3210),
    ("sxtw x0, x2", (signed(0x76543210)) & M64),
    ("mov x3, #0x80000000\n        sxtw x0, x3", (-(1 << 31)) & M64),
    ("uxtb x0, x2", 0x10),
    ("uxth x0, x2", 0x3210),
    ("uxtw x0, x2", 0x76543210),
    ("mov x0, #-1", M64),
    ("mov x0, #0x123456789abcdef0", 0x123456789ABCDEF0),
    ("add x0, xzr, #7\n        add xzr, x0, #1\n        add x0, x0, xzr", 7),   # xzr reads 0, writes vanish
])
def test_integer_instruction(body, expected):
    assert x0_after("        " + body) == expected


def test_sdiv_of_the_most_negative_number_by_minus_one_wraps():
    assert x0_after("        mov x3, #-1\n        sdiv x0, x1, x3", x1=1 << 63) == 1 << 63


def nzcv_of(a, b):
    r = (a - b) & M64
    n, z, c = r >> 63, r == 0, a >= b
    v = ((a ^ b) & (a ^ r)) >> 63
    return n << 31 | z << 30 | c << 29 | v << 28


@pytest.mark.parametrize("a,b", [(5, 5), (5, 7), (7, 5), (0, 1), (1 << 63, 1), ((1 << 63) - 1, M64), (0, 0)])
def test_subs_sets_flags_like_arm(a, b):
    m = run_ok(f"        mov x1, #{a}\n        mov x2, #{b}\n        subs x0, x1, x2")
    assert m.cpu.nzcv == nzcv_of(a, b) and m.cpu.x[0] == (a - b) & M64


def test_ands_sets_n_and_z_and_clears_c_and_v():
    m = run_ok("        mov x1, #-1\n        cmp x1, #1\n        ands x0, x1, #-8")
    assert m.cpu.nzcv == 0x8000_0000
    m = run_ok("        tst x1, #0")
    assert m.cpu.nzcv == 0x4000_0000


CONDITIONS = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
    "cs": lambda a, b: a >= b, "cc": lambda a, b: a < b, "hs": lambda a, b: a >= b, "lo": lambda a, b: a < b,
    "hi": lambda a, b: a > b, "ls": lambda a, b: a <= b,
    "ge": lambda a, b: signed(a) >= signed(b), "lt": lambda a, b: signed(a) < signed(b),
    "gt": lambda a, b: signed(a) > signed(b), "le": lambda a, b: signed(a) <= signed(b),
    "mi": lambda a, b: signed((a - b) & M64) < 0, "pl": lambda a, b: signed((a - b) & M64) >= 0,
    "vs": lambda a, b: bool(nzcv_of(a, b) & 1 << 28), "vc": lambda a, b: not nzcv_of(a, b) & 1 << 28,
    "al": lambda a, b: True,
}


@pytest.mark.parametrize("cond", sorted(CONDITIONS))
@pytest.mark.parametrize("a,b", [(3, 3), (3, 9), (9, 3), (M64, 1), (1 << 63, 1)])
def test_conditions_in_cset_csel_and_branches(cond, a, b):
    expected = CONDITIONS[cond](a, b)
    m = run_ok(f"""
        mov x1, #{a}
        mov x2, #{b}
        mov x5, #11
        mov x6, #22
        cmp x1, x2
        cset x0, {cond}
        csel x3, x5, x6, {cond}
        mov x4, #0
        b.{cond} taken
        mov x4, #1
taken:
""")
    assert m.cpu.x[0] == expected
    assert m.cpu.x[3] == (11 if expected else 22)
    assert m.cpu.x[4] == (0 if expected else 1)


def test_loops_cbz_cbnz_and_backward_branches():
    m = run_ok("""
        mov x0, #0
        mov x1, #10
loop:   add x0, x0, x1
        sub x1, x1, #1
        cbnz x1, loop
        cbz x1, done
        mov x0, #999
done:
""")
    assert m.cpu.x[0] == 55


def test_bl_and_ret_call_a_function_with_a_link_capability():
    m = run_ok("""
        mov x0, #1
        bl double
        bl double
        b out
double: add x0, x0, x0
        ret
out:
""")
    assert m.cpu.x[0] == 4
    link = m.cpu.c[30]          # bit 0 set: the return goes back to C64 (isa.STATES)
    assert link.tag and link.address == (m.symbol("_start") + 12) | 1 and link.perms == m.cpu.pcc.perms


def test_link_is_a_sentry_when_cctlr_sbl_is_set():
    m = run_ok("""
        mov x0, #128
        msr cctlr, x0
        bl f
        b out
f:      gctype x5, c30
        ret
out:
""")
    assert m.cpu.x[5] == 1                 # RB: a sentry, unsealed again by ret
    assert m.cpu.c[30].otype == 1


def test_indirect_call_through_a_sentry_function_pointer():
    m = run_ok("""
        adr c2, f
        seal c2, c2, rb
        gcseal x6, c2
        blr c2
        b out
f:      mov x0, #42
        ret
out:
""")
    assert m.cpu.x[0] == 42 and m.cpu.x[6] == 1


def test_adr_and_adrp_derive_from_pcc():
    m = run_ok("""
        adr c2, here
here:   adrp c3, here
        gcvalue x4, c2
        gcvalue x5, c3
""")
    here = m.symbol("_start") + 4
    assert m.cpu.x[4] == here and m.cpu.x[5] == here & ~0xFFF
    assert m.cpu.c[2].base == m.cpu.pcc.base and m.cpu.c[2].perms == m.cpu.pcc.perms


def bits(d):
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def fp_after(body, a=2.5, b=-0.75):
    m = run_ok(f"""
        mov x1, #{bits(a)}
        mov x2, #{bits(b)}
        fmov d1, x1
        fmov d2, x2
{body}
""")
    return m


@pytest.mark.parametrize("body,expected", [
    ("fadd d0, d1, d2", 2.5 + -0.75), ("fsub d0, d1, d2", 2.5 + 0.75), ("fmul d0, d1, d2", 2.5 * -0.75),
    ("fdiv d0, d1, d2", 2.5 / -0.75), ("fneg d0, d1", -2.5), ("fabs d0, d2", 0.75),
    ("fsqrt d0, d1", math.sqrt(2.5)), ("fmov d0, d2", -0.75),
    ("mov x3, #-7\n        scvtf d0, x3", -7.0), ("mov x3, #-1\n        ucvtf d0, x3", float(M64)),
])
def test_floating_point(body, expected):
    assert fp_after("        " + body).cpu.d[0] == expected


@pytest.mark.parametrize("a,b,nzcv", [(1.0, 2.0, 0x8), (2.0, 1.0, 0x2), (1.0, 1.0, 0x6), (math.nan, 1.0, 0x3)])
def test_fcmp_flags(a, b, nzcv):
    assert fp_after("        fcmp d1, d2", a, b).cpu.nzcv == nzcv << 28


@pytest.mark.parametrize("value,zs,zu", [
    (-7.9, -7, 0), (7.9, 7, 7), (1e30, (1 << 63) - 1, M64), (-1e30, -(1 << 63), 0), (math.nan, 0, 0),
])
def test_float_to_integer_rounds_toward_zero_and_saturates(value, zs, zu):
    m = fp_after("        fcvtzs x3, d1\n        fcvtzu x4, d1", a=value)
    assert m.cpu.x[3] == zs & M64 and m.cpu.x[4] == zu


def test_single_precision_conversions():
    m = fp_after("        fcvts x3, d1\n        fcvtd d4, x3\n        fmov x5, d1", a=0.1)
    assert m.cpu.x[3] == struct.unpack("<I", struct.pack("<f", 0.1))[0]
    assert m.cpu.d[4] == struct.unpack("<f", struct.pack("<f", 0.1))[0]
    assert m.cpu.x[5] == bits(0.1)


def test_fp_registers_are_separate_from_capability_registers():
    m = fp_after("        fmov d0, d1\n        mov x1, #0")
    assert m.cpu.d[0] == 2.5 and m.cpu.x[1] == 0


def test_csel_and_cset():
    m = run_ok("        mov x1, #3\n        mov x2, #4\n        cmp x1, x2\n        csel x0, x1, x2, lt\n"
               "        cset x5, gt")
    assert m.cpu.x[0] == 3 and m.cpu.x[5] == 0


def test_ands_register_form_and_tst():
    m = run_ok("        mov x1, #12\n        mov x2, #10\n        ands x0, x1, x2\n        mrs x3, nzcv")
    assert m.cpu.x[0] == 8 and m.cpu.x[3] == 0
