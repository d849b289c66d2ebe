"""Hybrid mode: Morello's A64 state beside C64 (isa.STATES).

In A64 the base of a load or store is an integer checked against DDC, integer branches stay inside
PCC, BL links in x30 and ADR gives integers; capability branches choose the state from bit 0 of
their target; the alternate-base forms reach through the other state's kind of base; CCTLR.DDCBO
and PCCBO make A64 addresses offsets from DDC's and PCC's bases.
"""
import pytest

from tests.machine.machine_harness import BUF_SIZE, machine
from ufos.machine import isa
from ufos.toolchain.bare import DATA_PERMS

P = isa.PERM
def hybrid(body: str, ddc: str = "buf", **options):
    """A machine that starts the snippet, which begins with `.arch a64`, in A64, with DDC a
    capability to `buf` (or the whole image with ddc="all", or NULL with ddc="null")."""
    m = machine(body, **options)
    assert m.cpu.state == "a64"
    if ddc == "all":
        m.cpu.set_sysreg("ddc", m.root.clear_perms(isa.PERM_ALL & ~DATA_PERMS))
    elif ddc == "buf":
        m.cpu.set_sysreg("ddc", m.cpu.c[1])
    return m


def run_hybrid(body: str, ddc: str = "buf", **options):
    m = hybrid(body, ddc, **options)
    return m, m.run(100_000)


def ok(m_trap):
    m, trap = m_trap
    assert trap.kind == "HLT" and trap.code == 0, f"stopped with {trap}"
    return m


# ---- loads and stores through DDC --------------------------------------------------------------
def test_a64_loads_and_stores_take_integer_addresses_checked_against_ddc():
    m = ok(run_hybrid("""
        .arch a64
        gcvalue x2, c1
        mov x3, #0x1234
        str x3, [x2, #8]
        strb x3, [x2, #1]
        ldr x4, [x2, #8]
        ldrb x5, [x2, #1]
        mov x6, #16
        strw x3, [x2, x6]
        ldrsh x7, [x2, x6, lsl #0]
        ldrh x8, [x2, #16]
        ldrsb x9, [x2, #16]
        ldrw x10, [x2, #16]
        ldrsw x11, [x2, #16]
        strh x3, [x2, #24]
        fmov d0, x3
        str d0, [x2, #32]
        ldr d1, [x2, #32]
        fmov x12, d1
"""))
    assert m.cpu.x[4] == 0x1234 and m.cpu.x[5] == 0x34 and m.cpu.x[7] == 0x1234
    assert m.cpu.x[8] == 0x1234 and m.cpu.x[9] == 0x34 and m.cpu.x[10] == 0x1234 and m.cpu.x[11] == 0x1234
    assert m.cpu.x[12] == 0x1234
    assert m.read(m.symbol("buf") + 24, 2) == b"\x34\x12"


def test_an_a64_access_outside_ddc_is_a_bounds_fault_naming_ddc():
    m, trap = run_hybrid("""
        .arch a64
        gcvalue x2, c1
        ldr x3, [x2, #256]
""")
    assert trap.kind == "CAP" and trap.fault == "BOUNDS" and trap.reg == isa.REG_DDC
    assert trap.address == m.symbol("buf") + BUF_SIZE and trap.cap == m.cpu.c[1]


@pytest.mark.parametrize("ddc, fault", [
    ("clrtag", "TAG"), ("seal", "SEAL"), ("readonly", "PERM"), ("bounds", "BOUNDS")])
def test_ddc_is_checked_in_morellos_order(ddc, fault):
    m = hybrid("""
        .arch a64
        gcvalue x2, c1
        str x2, [x2]
""")
    buf = m.cpu.c[1]
    bad = {"clrtag": buf.clear_tag(), "seal": buf.seal(77), "readonly": buf.clear_perms(P["STORE"]),
           "bounds": buf.set_bounds(4)}[ddc]
    m.cpu.set_sysreg("ddc", bad)
    trap = m.run()
    assert trap.kind == "CAP" and trap.fault == fault and trap.reg == isa.REG_DDC and trap.access_kind == "store"


def test_a64_sp_is_csps_address_checked_against_csp_itself():
    m = ok(run_hybrid("""
        .arch a64
        mov x3, #77
        str x3, [sp, #-16]
        ldr x4, [sp, #-16]
        ldr c5, [sp, #-32]
        str c5, [sp, #-32]
        ldp c6, c7, [sp, #-64]
        stp c6, c7, [sp, #-64]
        sub csp, csp, #64
        ldct x8, [sp]
""", ddc="all"))
    assert m.cpu.x[4] == 77


def test_a64_capability_loads_and_stores_go_through_ddc_and_keep_tags():
    m = ok(run_hybrid("""
        .arch a64
        gcvalue x2, c1
        str c1, [x2, #32]
        ldr c3, [x2, #32]
        mov x4, #48
        str c1, [x2, x4]
        ldr c5, [x2, x4]
"""))
    assert m.cpu.c[3] == m.cpu.c[1] and m.cpu.c[5] == m.cpu.c[1]


def test_a_purecap_program_has_a_null_ddc_so_no_integer_address_reaches_memory():
    m, trap = run_hybrid("""
        .arch a64
        mov x2, #0x10000
        ldr x3, [x2]
""", ddc="null")
    assert trap.kind == "CAP" and trap.fault == "TAG" and trap.reg == isa.REG_DDC


# ---- the alternate-base forms -----------------------------------------------------------------
def test_a64_alternate_base_forms_dereference_a_capability():
    m = ok(run_hybrid("""
        .arch a64
        mov x3, #0x5678
        str x3, [c1, #8]
        ldr x4, [c1, #8]
        strb x3, [c1, #1]
        ldrb x5, [c1, #1]
        strh x3, [c1, #2]
        ldrh x6, [c1, #2]
        strw x3, [c1, #4]
        ldrw x7, [c1, #4]
        ldrsb x8, [c1, #4]
        ldrsh x9, [c1, #4]
        ldrsw x10, [c1, #4]
        str c1, [c1, #16]
        ldr c11, [c1, #16]
        fmov d0, x3
        str d0, [c1, #32]
        ldr d1, [c1, #32]
        fmov x12, d1
""", ddc="null"))
    assert [m.cpu.x[i] for i in (4, 5, 6, 7, 8, 9, 10, 12)] == [0x5678, 0x78, 0x5678, 0x5678, 0x78, 0x5678,
                                                                0x5678, 0x5678]
    assert m.cpu.c[11] == m.cpu.c[1]


def test_an_alternate_base_access_outside_its_capability_faults_naming_it():
    m, trap = run_hybrid("""
        .arch a64
        ldr x4, [c1, #256]
""", ddc="all")
    assert trap.kind == "CAP" and trap.fault == "BOUNDS" and trap.reg == 1


def test_c64_alternate_base_forms_reach_memory_through_ddc():
    m = machine("""
        msr ddc, c1
        gcvalue x2, c1
        mov x3, #99
        str x3, [x2, #8]
        ldr x4, [x2, #8]
        ldr x5, [c1, #8]
""")
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.x[4] == 99 and m.cpu.x[5] == 99 and m.cpu.state == "c64"


# ---- branches and the state ------------------------------------------------------------------
def test_a64_bl_links_an_integer_and_ret_returns_through_it():
    m = ok(run_hybrid("""
        .arch a64
        mov x0, #1
        bl double
        bl double
        b out
double: add x0, x0, x0
        ret
out:
"""))
    assert m.cpu.x[0] == 4
    assert not m.cpu.c[30].tag and m.cpu.x[30] == m.symbol("_start") + 12


def test_a64_integer_branches_move_pc_inside_pcc():
    m = ok(run_hybrid("""
        .arch a64
        adr x2, target
        blr x2
        mov x5, #1
        b out
target: mov x4, #7
        mov x6, x30
        br x6
out:
"""))
    assert m.cpu.x[4] == 7 and m.cpu.x[5] == 1


def test_an_integer_branch_outside_pcc_faults_at_the_fetch():
    m, trap = run_hybrid("""
        .arch a64
        mov x2, #0x1000
        br x2
""")
    assert trap.kind == "CAP" and trap.fault == "BOUNDS" and trap.reg == isa.REG_PCC and trap.address == 0x1000


def test_integer_branches_do_not_exist_in_c64():
    m = machine("""
        .word 0x4c000040
""")
    trap = m.run()
    assert trap.kind == "UNDEF"


def test_a64_adr_and_adrp_give_integer_addresses():
    m = ok(run_hybrid("""
        .arch a64
here:   adr x2, here
        adrp x3, here
"""))
    assert not m.cpu.c[2].tag and m.cpu.x[2] == m.symbol("_start") and m.cpu.x[3] == m.symbol("_start") & ~0xFFF


def test_bit_0_of_a_capability_branch_target_chooses_the_state():
    m = machine("""
        adr c2, a64code          // bit 0 clear: A64
        blr c2                   // from C64: the link has bit 0 set
        mov x7, #1
        b out
        .arch a64
a64code:
        gcvalue x3, c1
        mov x4, #42
        str x4, [x3]            // an integer base: DDC authorises it
        ret c30                 // back to C64 through the capability link
        .arch c64
out:    ldr x5, [c1]
""")
    m.cpu.set_sysreg("ddc", m.cpu.c[1])
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.state == "c64" and m.cpu.x[5] == 42 and m.cpu.x[7] == 1


def test_a64_capability_calls_link_with_bit_0_clear_to_come_back_to_a64():
    m = hybrid("""
        .arch a64
        blr c2
        mov x7, #1
        b out
        .arch c64
c64code:
        mov x4, #42
        str x4, [c1]             // a capability base in C64
        ret c30                  // bit 0 of the link is clear: back to A64
        .arch a64
out:    gcvalue x3, c1
        ldr x5, [x3]
""")
    m.cpu.c[2] = m.cpu.pcc.set_address(m.symbol("c64code") | 1)
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.state == "a64" and m.cpu.x[5] == 42 and m.cpu.x[7] == 1


def test_brs_takes_the_state_from_the_code_capability():
    m = hybrid("""
        .arch a64
        brs c2, c3
        .arch c64
entry:  gcvalue x4, c29
        hlt #0
""")
    pair = P["BRANCH_SEALED_PAIR"]
    code = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.pcc.perms | pair)).set_address(m.symbol("entry") | 1)
    data = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.c[1].perms | pair)).set_address(m.symbol("buf"))
    m.cpu.c[2], m.cpu.c[3] = code.seal(90), data.seal(90)
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.state == "c64" and m.cpu.x[4] == m.symbol("buf")


def test_exception_entry_saves_the_state_and_eret_restores_it():
    m = machine("""
        adr c2, back
        msr celr, c2
        mov x3, #0
        msr spsr, x3             // bit 26 clear: ERET returns to A64
        eret
        .arch a64
back:   mrs x4, spsr
        brk #5
""")
    trap = m.run()
    assert trap.kind == "BRK" and m.cpu.state == "a64"
    assert m.cpu.sysreg("spsr") & isa.SPSR_C64 == 0


# ---- DDC, conversions and the relative-address modes -----------------------------------------
def test_user_code_may_set_ddc_to_a_capability_it_holds():
    m = ok(run_hybrid("""
        .arch a64
        msr ddc, c1
        mrs c2, ddc
""", ddc="null", system=False))
    assert m.cpu.c[2] == m.cpu.c[1]


def test_cvtd_and_cvt_convert_between_pointers_and_capabilities_through_ddc():
    m = ok(run_hybrid("""
        .arch a64
        gcvalue x2, c1
        add x2, x2, #8
        cvtd c3, x2
        cvtd c4, xzr
        cvt x5, c3
        cvt x6, c4
"""))
    buf = m.symbol("buf")
    assert m.cpu.c[3].tag and m.cpu.c[3].address == buf + 8 and m.cpu.c[3].base == m.cpu.c[1].base
    assert not m.cpu.c[4].tag and m.cpu.c[4].address == 0
    assert m.cpu.x[5] == buf + 8 and m.cpu.x[6] == 0


def test_ddcbo_makes_a64_data_addresses_offsets_from_ddcs_base():
    m = ok(run_hybrid(f"""
        .arch a64
        mov x2, #{isa.CCTLR_DDCBO}
        msr cctlr, x2
        mov x3, #5
        mov x9, #0
        str x3, [x9, #8]          // DDC's base + 8
        ldr x4, [c1, #8]
        mov x5, #16
        cvtd c6, x5
        cvt x7, c6
"""))
    assert m.cpu.x[4] == 5 and m.cpu.c[6].address == m.symbol("buf") + 16 and m.cpu.x[7] == 16


def test_pccbo_makes_a64_code_addresses_offsets_from_pccs_base():
    m = ok(run_hybrid(f"""
        .arch a64
        mov x2, #{isa.CCTLR_PCCBO}
        msr cctlr, x2
here:   adr x3, here
        adr x4, target
        blr x4
        b out
target: mov x6, x30
        ret
out:
"""))
    base = m.cpu.pcc.base
    assert m.cpu.x[3] == m.symbol("here") - base and m.cpu.x[6] == m.symbol("here") + 12 - base


def test_a_context_switch_keeps_the_state_and_cctlr():
    m = hybrid("""
        .arch a64
        mov x2, #3
        msr cctlr, x2
        brk #1
""")
    assert m.run().kind == "BRK"
    saved = m.cpu.save_context()
    m.cpu.state = "c64"
    m.cpu.set_sysreg("cctlr", 0)
    m.cpu.load_context(saved)
    assert m.cpu.state == "a64" and m.cpu.sysreg("cctlr") == 3


def test_an_a64_sp_access_is_bounded_by_csp_not_ddc():
    m, trap = run_hybrid("""
        .arch a64
        ldr x3, [sp]              // csp's address is its top: one past the stack
""", ddc="all")
    assert trap.kind == "CAP" and trap.fault == "BOUNDS" and trap.reg == 31 and trap.cap == m.cpu.csp


@pytest.mark.parametrize("target, fault", [
    ("untagged", "TAG"), ("sealed", "SEAL"), ("no-execute", "PERM"), ("outside", "BOUNDS")])
def test_a_capability_branch_from_a64_is_checked_at_the_fetch_naming_pcc(target, fault):
    m = hybrid("""
        .arch a64
        blr c2
""")
    code = m.cpu.pcc.set_address(m.symbol("_start") + 4)           # bit 0 clear: stays in A64
    m.cpu.c[2] = {"untagged": code.clear_tag(), "sealed": code.seal(99),
                  "no-execute": code.clear_perms(P["EXECUTE"]), "outside": code.set_bounds(4).set_address(code.address + 8)}[target]
    trap = m.run()
    assert trap.kind == "CAP" and trap.fault == fault and trap.reg == isa.REG_PCC and trap.access_kind == "fetch"
    assert m.cpu.state == "a64" and m.cpu.c[30].tag and m.cpu.c[30].address == m.symbol("_start") + 4   # bit 0 clear
