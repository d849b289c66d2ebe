"""Capability manipulation and queries: never a trap; a result that would break the rules is
detagged, and the fault comes only when it is used."""
import pytest

from tests.machine.machine_harness import BUF_SIZE, P, machine, run, run_ok
from ufos.machine import isa
from ufos.machine.cap import Capability, alignment_mask, representable_length

M64 = (1 << 64) - 1


def test_bounds_narrowing_and_queries():
    m = run_ok("""
        add c2, c1, #16
        scbnds c2, c2, #32
        gcbase x3, c2
        gclim x4, c2
        gclen x5, c2
        gcoff x6, c2
        gcvalue x7, c2
        gcperm x8, c2
        gctag x9, c2
        gctype x10, c2
        gcseal x11, c2
""")
    buf = m.symbol("buf")
    x = m.cpu.x
    assert (x[3], x[4], x[5], x[6], x[7]) == (buf + 16, buf + 48, 32, 0, buf + 16)
    assert (x[8], x[9], x[10], x[11]) == (m.cpu.c[1].perms, 1, 0, 0)


def test_widening_bounds_detags_and_the_use_faults():
    m, trap = run(f"""
        scbnds c2, c1, #{BUF_SIZE + 16}
        gctag x3, c2
        ldrb x0, [c2, #0]
""")
    assert m.cpu.x[3] == 0 and trap.fault == "TAG"


def with_root(program):
    """Run with c0 = the program's root capability (the whole program and its stack)."""
    m = machine(program)
    m.cpu.c[0] = m.root
    trap = m.run()
    assert trap.kind == "HLT", str(trap)
    return m


def test_scbnds_exact_and_inexact_from_a_large_authority():
    length = 0x4321                          # needs 8-byte alignment on Morello
    program = f"""
        add c3, c0, #0x1003                  // c0's address is its base
        mov x2, #{length}
        scbnds c4, c3, x2
        scbndse c5, c3, x2
        gctag x6, c4
        gctag x7, c5
        gcbase x8, c4
        gclen x9, c4
        rrlen x10, x2
        rrmask x11, x2
"""
    m = with_root(program)
    x = m.cpu.x
    start = m.root.base + 0x1003
    assert x[6] == 1 and x[7] == 0                     # SCBNDS rounds; SCBNDSE detags instead
    assert x[8] == start & ~7 and x[9] >= length
    assert x[10] == representable_length(length) and x[11] == alignment_mask(length)


def test_address_moves_keep_the_tag_only_while_representable():
    m = with_root(f"""
        add c2, c1, #{BUF_SIZE + 100}        // out of bounds but representable: still tagged
        gctag x3, c2
        mov x4, #0x1000000
        add c5, c1, x4                       // far outside the representable window: detagged
        gctag x6, c5
        sub c7, c5, x4                       // moving back does not restore the tag
        gctag x8, c7
        gcvalue x9, c2
        mov x4, #{1 << 40}
        scvalue c10, c1, x4
        gctag x11, c10
""")
    x = m.cpu.x
    assert (x[3], x[6], x[8], x[11]) == (1, 0, 0, 0)
    assert x[9] == m.symbol("buf") + BUF_SIZE + 100


def test_clrperm_only_removes_and_scoff_sets_an_offset():
    m = run_ok(f"""
        mov x2, #{P['STORE']}
        clrperm c3, c1, x2
        gcperm x4, c3
        mov x2, #40
        scoff c5, c1, x2
        gcoff x6, c5
        clrtag c7, c1
        gctag x8, c7
        mov c9, c1
        chkeq c9, c1
        mrs x10, nzcv
""")
    x = m.cpu.x
    assert x[4] == m.cpu.c[1].perms & ~P["STORE"] and x[6] == 40 and x[8] == 0
    assert x[10] == 0x4000_0000


def test_sealing_and_unsealing():
    body = """
        seal c3, c1, c2
        gctype x4, c3
        gctag x5, c3
        add c6, c3, #1
        gctag x7, c6
        unseal c8, c3, c2
        gctype x9, c8
        chkeq c8, c1
        mrs x11, nzcv
        seal c12, c1, c13
        gctag x14, c12
        cpytype c15, c2, c3
        gcvalue x16, c15
        cseal c17, c1, c15
        mrs x18, nzcv
        gctype x19, c17
        ldrb x0, [c3, #0]
"""
    m = machine(body)
    # c2: the authority to seal and unseal object types 0..99, pointing at type 42
    m.cpu.c[2] = Capability.root().set_bounds(100).set_address(42).clear_perms(
        isa.PERM_ALL & ~(P["SEAL"] | P["UNSEAL"] | P["GLOBAL"]))
    m.cpu.c[13] = m.cpu.c[2].clear_perms(P["SEAL"])
    trap = m.run()
    x = m.cpu.x
    assert (x[4], x[5], x[7], x[9]) == (42, 1, 0, 0)
    assert x[11] == 0x4000_0000                        # unseal(seal(c)) == c
    assert x[14] == 0                                   # no Seal permission: detagged
    assert x[16] == 42 and x[18] == 0x4000_0000 and x[19] == 42
    assert trap.kind == "CAP" and trap.fault == "SEAL"  # a sealed capability cannot be dereferenced


def test_build_rederives_a_pattern_within_a_key():
    m = with_root("""
        clrtag c2, c1
        build c3, c2, c0          // within the key: tagged again
        gctag x4, c3
        chkeq c3, c1
        mrs x5, nzcv
        build c6, c2, c1          // c1 itself is a fine key for c1's bounds
        gctag x7, c6
        scbnds c8, c1, #16
        clrtag c9, c1
        build c10, c9, c8         // the key is smaller than the pattern: stays untagged
        gctag x11, c10
""")
    x = m.cpu.x
    assert (x[4], x[5], x[7], x[11]) == (1, 0x4000_0000, 1, 0)


def test_align_and_subset_and_tag_checks():
    m = run_ok("""
        add c2, c1, #13
        alignd c3, c2, #4
        alignu c4, c2, #4
        gcvalue x5, c3
        gcvalue x6, c4
        scbnds c7, c1, #32
        chkss c7, c1
        mrs x8, nzcv
        chkss c1, c7
        mrs x9, nzcv
        chktgd c1
        mrs x10, nzcv
        seal c11, c1, rb
        chksld c11
        mrs x12, nzcv
""")
    buf = m.symbol("buf")
    x = m.cpu.x
    assert x[5] == buf and x[6] == buf + 16
    assert x[8] == 0x8000_0000 and x[9] == 0 and x[10] == 0x2000_0000 and x[12] == 0x1000_0000


def test_sealed_pair_branch_enters_with_the_data_capability():
    m = machine("""
        brs c2, c3
        hlt #1
entry:  gcvalue x4, c29
        gctype x5, c29
        hlt #0
""")
    otype = 77
    pair = P["BRANCH_SEALED_PAIR"]
    code = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.pcc.perms | pair)).set_address(m.symbol("entry") | 1)
    data = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.c[1].perms | pair)).set_address(m.symbol("buf"))
    m.cpu.c[2] = code.seal(otype)
    m.cpu.c[3] = data.seal(otype)
    trap = m.run()
    assert trap.kind == "HLT" and trap.code == 0
    assert m.cpu.x[4] == data.address and m.cpu.x[5] == 0


def test_sealed_pair_branch_refuses_mismatched_types_with_a_fault_at_fetch():
    m = machine("        brs c2, c3\n        hlt #1")
    m.cpu.c[2] = m.cpu.pcc.seal(77)
    m.cpu.c[3] = m.cpu.c[1].seal(78)
    trap = m.run()
    assert trap.kind == "CAP" and trap.fault == "TAG" and trap.access_kind == "fetch"
    assert trap.register == "pcc"


@pytest.mark.parametrize("target", ["untagged", "no-execute", "sealed", "outside"])
def test_a_bad_branch_target_faults_at_the_next_fetch(target):
    m = machine("        br c2\n        hlt #1")
    code = m.cpu.pcc.set_address(m.symbol("_start") + 4)
    m.cpu.c[2] = {"untagged": code.clear_tag(), "no-execute": code.clear_perms(P["EXECUTE"]),
                  "sealed": code.seal(99), "outside": code.set_address(code.top + 64)}[target]
    trap = m.run()
    assert trap.kind == "CAP" and trap.access_kind == "fetch"
    assert trap.fault == {"untagged": "TAG", "no-execute": "PERM", "sealed": "SEAL", "outside": "BOUNDS"}[target]


def test_cpyvalue_copies_an_address_with_the_precise_check():
    m = run_ok("""
        add c2, c1, #24
        cpyvalue c3, c1, c2
        gcvalue x4, c3
        gctag x5, c3
""")
    assert m.cpu.x[4] == m.symbol("buf") + 24 and m.cpu.x[5] == 1


def test_blrs_links_and_enters_the_sealed_pair():
    m = machine("""
        blrs c2, c3
        hlt #0
entry:  gcvalue x4, c29
        ret
""")
    pair = P["BRANCH_SEALED_PAIR"]
    code = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.pcc.perms | pair)).set_address(m.symbol("entry") | 1)
    data = m.root.clear_perms(isa.PERM_ALL & ~(m.cpu.c[1].perms | pair)).set_address(m.symbol("buf"))
    m.cpu.c[2], m.cpu.c[3] = code.seal(90), data.seal(90)
    trap = m.run()
    assert trap.kind == "HLT" and trap.code == 0 and m.cpu.x[4] == m.symbol("buf")
    assert m.cpu.c[30].address == (m.symbol("_start") + 4) | 1 and m.cpu.state == "c64"
