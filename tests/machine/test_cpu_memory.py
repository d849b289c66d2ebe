"""Loads and stores through capabilities: sizes, the tag rules, and every fault in Morello's order."""
import pytest

from tests.machine.machine_harness import BUF_SIZE, P, machine, run, run_ok
from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.toolchain.bare import DATA_PERMS

M64 = (1 << 64) - 1


def test_every_load_and_store_size():
    m = run_ok("""
        mov x2, #0x8182838485868788
        str x2, [c1, #0]
        ldrb x3, [c1, #0]
        ldrh x4, [c1, #0]
        ldrw x5, [c1, #0]
        ldr x6, [c1, #0]
        ldrsb x7, [c1, #0]
        ldrsh x8, [c1, #0]
        ldrsw x9, [c1, #4]
        strb x2, [c1, #16]
        strh x2, [c1, #18]
        strw x2, [c1, #20]
        ldr x10, [c1, #16]
""")
    x = m.cpu.x
    assert (x[3], x[4], x[5], x[6]) == (0x88, 0x8788, 0x85868788, 0x8182838485868788)
    assert x[7] == 0xFFFFFFFFFFFFFF88 and x[8] == 0xFFFFFFFFFFFF8788 and x[9] == 0xFFFFFFFF81828384
    assert x[10] == 0x8586878887880088
    assert m.read(m.symbol("buf"), 8) == (0x8182838485868788).to_bytes(8, "little")


def test_register_offset_with_scale_and_csp_base():
    m = run_ok("""
        mov x2, #3
        mov x3, #77
        str x3, [c1, x2, lsl #3]
        ldr x4, [c1, #24]
        sub csp, csp, #32
        str x3, [csp, #8]
        ldr x5, [csp, #8]
        add csp, csp, #32
""")
    assert m.cpu.x[4] == 77 and m.cpu.x[5] == 77


def test_floating_point_loads_and_stores():
    m = run_ok("""
        mov x2, #0x4004000000000000
        str x2, [c1, #8]
        ldr d3, [c1, #8]
        fadd d3, d3, d3
        str d3, [c1, #16]
        ldr x4, [c1, #16]
""")
    assert m.cpu.d[3] == 5.0 and m.cpu.x[4] == 0x4014000000000000


def fault_of(body, **options):
    m, trap = run(body, **options)
    assert trap.kind in ("CAP", "ALIGN", "PAGE"), f"expected a fault, got {trap}"
    return m, trap


@pytest.mark.parametrize("body,fault,address", [
    (f"ldrb x0, [c1, #{BUF_SIZE}]", "BOUNDS", BUF_SIZE),           # one past the end
    ("ldrb x0, [c1, #-1]", "BOUNDS", -1),                          # one before the start
    (f"ldr x0, [c1, #{BUF_SIZE - 4}]", "BOUNDS", BUF_SIZE - 4),     # straddles the end
    ("clrtag c1, c1\n        ldrb x0, [c1, #0]", "TAG", 0),
    ("mov x2, #0x20000\n        clrperm c1, c1, x2\n        ldrb x0, [c1, #0]", "PERM", 0),   # no Load
    ("mov x2, #0x10000\n        clrperm c1, c1, x2\n        strb x0, [c1, #0]", "PERM", 0),   # no Store
    ("seal c1, c1, rb\n        ldrb x0, [c1, #0]", "SEAL", 0),
    # the order is tag, seal, permission, bounds: an untagged, sealed, out-of-bounds access is a tag fault
    (f"seal c1, c1, rb\n        clrtag c1, c1\n        ldrb x0, [c1, #{BUF_SIZE}]", "TAG", BUF_SIZE),
    (f"seal c1, c1, rb\n        ldrb x0, [c1, #{BUF_SIZE}]", "SEAL", BUF_SIZE),
    (f"mov x2, #0x20000\n        clrperm c1, c1, x2\n        ldrb x0, [c1, #{BUF_SIZE}]", "PERM", BUF_SIZE),
])
def test_capability_faults(body, fault, address):
    m, trap = fault_of("        " + body)
    assert trap.kind == "CAP" and trap.fault == fault
    assert trap.reg == 1 and trap.register == "c1"
    assert trap.address == (m.symbol("buf") + address) & M64
    assert trap.cap.tag == (fault != "TAG")
    # the syndrome registers say the same
    esr = m.cpu.sysreg("esr")
    assert esr >> 26 == isa.EC["CAP"] and esr & 0x3F == isa.FAULT[fault] and (esr >> 8) & 0x3F == 1
    assert m.cpu.sysreg("far") == trap.address
    assert m.cpu.sysreg("celr").address == trap.pc        # the faulting instruction does not retire
    assert m.cpu.counters()["cap_faults"][fault.lower()] == 1
    assert fault.lower() in str(trap) and "c1" in str(trap)


# Misaligned loads and stores of integers and doubles work, as Morello allows them on normal
# memory; a capability must still sit on a 16-byte boundary.

def test_misaligned_integer_and_double_accesses_read_and_write_the_bytes():
    m = run_ok("""
        mov x2, #0x8182838485868788
        str x2, [c1, #3]
        ldr x3, [c1, #3]
        ldrh x4, [c1, #2]
        ldrsw x5, [c1, #6]
        strw x2, [c1, #33]
        ldrw x6, [c1, #33]
        strh x2, [c1, #47]
        ldrh x7, [c1, #47]
        ldr d8, [c1, #3]
        str d8, [c1, #61]
        ldr x9, [c1, #61]
        ldr x10, [c1, #0]
""")
    x = m.cpu.x
    buf = m.symbol("buf")
    assert m.read(buf + 3, 8) == (0x8182838485868788).to_bytes(8, "little")
    assert (x[3], x[4], x[6], x[7], x[9]) == (0x8182838485868788, 0x8800, 0x85868788, 0x8788, 0x8182838485868788)
    assert x[5] == 0xFFFFFFFF82838485 and x[10] == 0x8485868788000000
    assert m.cpu.counters()["misaligned"] == 10


@pytest.mark.parametrize("body", ["ldr c0, [c1, #8]", "str c1, [c1, #8]", "ldr c0, [c1, #1]"])
def test_misaligned_capability_accesses_are_alignment_faults(body):
    m, trap = fault_of("        " + body)
    assert trap.kind == "ALIGN" and trap.address == m.symbol("buf") + int(body[-3:-1].strip("#"))


def test_a_misaligned_access_is_checked_against_the_bounds_whole():
    m, trap = fault_of("        ldr x0, [c1, #252]")          # bytes 252..259 of a 256-byte buf
    assert (trap.kind, trap.fault, trap.address) == ("CAP", "BOUNDS", m.symbol("buf") + 252)


def test_a_misaligned_store_across_two_granules_clears_both_tags():
    m = run_ok("""
        str c1, [c1, #0]
        str c1, [c1, #16]
        str c1, [c1, #32]
        strw xzr, [c1, #14]        // bytes 14..17: the ends of the first two
        ldr c2, [c1, #0]
        ldr c3, [c1, #16]
        ldr c4, [c1, #32]
        gctag x5, c2
        gctag x6, c3
        gctag x7, c4
""")
    assert (m.cpu.x[5], m.cpu.x[6], m.cpu.x[7]) == (0, 0, 1)


ACROSS = """
        .balign 4096
pages:  .zero 8192
"""


def across_pages(body):
    """A machine whose c2 covers two pages, and the address of the boundary between them."""
    m = machine(body, ACROSS)
    start = m.symbol("pages")
    m.cpu.c[2] = (m.root.set_address(start).set_bounds(8192).clear_perms(isa.PERM_ALL & ~DATA_PERMS)
                  .set_address(start + 4096))
    return m, start + 4096


def test_a_misaligned_access_across_a_page_boundary_uses_both_pages():
    m, boundary = across_pages("""
        mov x3, #0x1122334455667788
        str x3, [c2, #-3]
        ldr x4, [c2, #-3]
        ldrw x5, [c2, #-1]
        str c1, [c2, #-16]
        str c1, [c2, #0]
        strh xzr, [c2, #-1]
        ldr c6, [c2, #-16]
        ldr c7, [c2, #0]
        gctag x8, c6
        gctag x9, c7
""")
    assert m.run().kind == "HLT"
    assert m.read(boundary - 1, 2) == bytes(2)                 # strh's bytes, one on each page
    assert (m.cpu.x[4], m.cpu.x[5]) == (0x1122334455667788, 0x33445566)
    assert (m.cpu.x[8], m.cpu.x[9]) == (0, 0)


def test_a_store_across_a_page_boundary_faults_on_the_second_page_and_writes_nothing():
    m, boundary = across_pages("""
        mov x3, #-1
        str x3, [c2, #-4]
""")
    m.page_table.protect(boundary, clear_bits=isa.PTE["WRITE"])
    trap = m.run()
    assert (trap.kind, trap.fault, trap.access_kind, trap.address) == ("PAGE", "PERMISSION", "store", boundary)
    assert m.cpu.sysreg("celr").address == trap.pc               # it did not retire
    assert m.read(boundary - 4, 8) == bytes(8)                    # not even its first half
    m.page_table.protect(boundary, set_bits=isa.PTE["WRITE"])     # as a kernel would, then again
    assert m.run().kind == "HLT"
    assert m.read(boundary - 4, 8) == b"\xff" * 8


def test_a_data_store_clears_the_tag_of_a_stored_capability():
    m = run_ok("""
        str c1, [c1, #32]
        ldr c2, [c1, #32]
        gctag x3, c2
        strb xzr, [c1, #40]        // one byte of its metadata
        ldr c4, [c1, #32]
        gctag x5, c4
""")
    assert m.cpu.x[3] == 1 and m.cpu.x[5] == 0
    assert m.cpu.c[2] == m.cpu.c[1]
    assert m.cpu.counters()["tag_clears"] == 1
    # the loaded bytes are the same; only the tag is gone: a forged copy cannot be used
    assert m.cpu.c[4].address == m.cpu.c[1].address
    _, trap = run("        str c1, [c1, #32]\n        strb xzr, [c1, #47]\n        ldr c2, [c1, #32]\n"
                  "        ldrb x0, [c2, #0]")
    assert trap.kind == "CAP" and trap.fault == "TAG" and trap.register == "c2"


def test_capability_load_without_loadcap_strips_the_tag():
    m = run_ok(f"""
        str c1, [c1, #32]
        mov x2, #{P['LOAD_CAP']}
        clrperm c3, c1, x2
        ldr c4, [c3, #32]
        gctag x5, c4
""")
    assert m.cpu.x[5] == 0 and m.cpu.c[4].address == m.cpu.c[1].address


def test_capability_store_without_storecap_faults():
    _, trap = fault_of(f"""
        mov x2, #{P['STORE_CAP']}
        clrperm c3, c1, x2
        str c1, [c3, #32]
""")
    assert trap.fault == "PERM" and trap.register == "c3"
    # an untagged capability needs only Store
    run_ok(f"""
        mov x2, #{P['STORE_CAP']}
        clrperm c3, c1, x2
        clrtag c4, c1
        str c4, [c3, #32]
""")


def test_a_local_capability_needs_storelocalcap():
    body = f"""
        mov x2, #{P['GLOBAL']}
        clrperm c4, c1, x2            // c4 is local (not Global)
        mov x2, #{P['STORE_LOCAL_CAP']}
        clrperm c3, c1, x2
        str c4, [c3, #32]
"""
    _, trap = fault_of(body)
    assert trap.fault == "PERM"
    run_ok(body.replace("str c4, [c3", "str c4, [c1"))        # the stack-like c1 may hold it


def test_mutableload_weakening_makes_loaded_capabilities_read_only():
    m = run_ok(f"""
        str c1, [c1, #32]
        mov x2, #{P['MUTABLE_LOAD']}
        clrperm c3, c1, x2
        ldr c4, [c3, #32]
        gcperm x5, c4
""")
    lost = P["STORE"] | P["STORE_CAP"] | P["STORE_LOCAL_CAP"] | P["MUTABLE_LOAD"]
    assert m.cpu.c[4].tag and m.cpu.x[5] == m.cpu.c[1].perms & ~lost


def test_load_and_store_pairs_and_ldct():
    m = run_ok("""
        add c2, c1, #64
        stp c1, c2, [c1, #32]
        ldp c3, c4, [c1, #32]
        add c5, c1, #0
        ldct x6, [c5]
        add c5, c1, #64
        ldct x7, [c5]
""")
    assert m.cpu.c[3] == m.cpu.c[1] and m.cpu.c[4] == m.cpu.c[2]
    assert m.cpu.x[6] == 0b1100 and m.cpu.x[7] == 0


def test_a_pair_across_the_end_of_the_bounds_faults_on_its_second_half():
    # one check serves both halves of a pair only when both pass: else each half is its own access
    m, trap = fault_of(f"""
        mov x0, #7
        clrtag c9, c1
        ldp c8, c9, [c1, #{BUF_SIZE - 16}]
""")
    assert trap.fault == "BOUNDS" and trap.address == m.symbol("buf") + BUF_SIZE
    assert m.cpu.c[8].address == 0 and m.cpu.c[9].address == m.symbol("buf")     # neither written
    m, trap = fault_of(f"        stp c1, c1, [c1, #{BUF_SIZE - 16}]")
    assert trap.fault == "BOUNDS" and trap.address == m.symbol("buf") + BUF_SIZE
    assert m.load_cap(m.symbol("buf") + BUF_SIZE - 16) == m.cpu.c[1]               # the first half went


def test_register_writes_through_the_x_view_clear_the_tag():
    m = run_ok("""
        add x1, x1, #0
        gctag x2, c1
""")
    assert m.cpu.x[2] == 0 and m.cpu.c[1].perms == 0
    _, trap = run("        add x1, x1, #0\n        ldrb x0, [c1, #0]")
    assert trap.fault == "TAG"


def test_stack_overflow_is_a_bounds_fault_on_csp():
    _, trap = run("""
loop:   sub csp, csp, #16
        str xzr, [csp, #0]
        b loop
""", max_instructions=1_000_000)
    assert trap.kind == "CAP" and trap.fault == "BOUNDS" and trap.register == "csp"


def test_harness_buffer_is_where_c1_points():
    m = machine("")
    assert m.cpu.c[1].base == m.symbol("buf") and m.cpu.c[1].length == BUF_SIZE


def test_register_offset_forms_match_the_immediate_forms():
    m = run_ok("""
        mov x2, #0x8899aabbccddeeff
        mov x3, #5
        strb x2, [c1, x3]               // byte 5
        strh x2, [c1, x3, lsl #1]       // bytes 10..11
        strw x2, [c1, x3, lsl #2]       // bytes 20..23
        str x2, [c1, x3, lsl #3]        // bytes 40..47
        ldrb x4, [c1, x3]
        ldrh x5, [c1, x3, lsl #1]
        ldrw x6, [c1, x3, lsl #2]
        ldr x7, [c1, x3, lsl #3]
        ldrsb x8, [c1, x3]
        ldrsh x9, [c1, x3, lsl #1]
        ldrsw x10, [c1, x3, lsl #2]
        ldr d11, [c1, x3, lsl #3]
        str d11, [c1, x3, lsl #4]       // bytes 80..87
        ldr x12, [c1, #80]
""")
    v = 0x8899AABBCCDDEEFF
    x = m.cpu.x
    assert (x[4], x[5], x[6], x[7]) == (v & 0xFF, v & 0xFFFF, v & 0xFFFFFFFF, v)
    # the sign-extending loads: each of these values is negative at its width
    assert (x[8], x[9], x[10]) == tuple((v & mask) | (M64 ^ mask) for mask in (0xFF, 0xFFFF, 0xFFFFFFFF))
    assert x[12] == v
    buf = m.read(m.symbol("buf"), 48)
    assert buf[5] == 0xFF and buf[10:12] == b"\xff\xee" and buf[20:24] == (v & 0xFFFFFFFF).to_bytes(4, "little")


def test_register_offset_capability_load_and_store():
    m = run_ok("""
        mov x3, #3
        str c1, [c1, x3, lsl #4]
        ldr c2, [c1, x3, lsl #4]
        ldr c4, [c1, #48]
""")
    assert m.cpu.c[2] == m.cpu.c[1] == m.cpu.c[4]


def test_loaded_capabilities_decode_their_bounds_from_their_own_address():
    """The CPU keeps the bounds it decoded for a loaded capability and reuses them: the same pesbt
    with the address in another representable window must still decode to its own bounds, and the
    same window to the same ones. Compared, field by field, with a fresh decode of the same bits."""
    root = Capability.root()
    shapes = [root.set_address(0x10000).set_bounds(0x100),            # plain format, E = 0
              root.set_address(0x4000_0000).set_bounds(0x12_3400),     # internal exponent
              root.set_address(0x7000).set_bounds(0x40).seal(9)]
    patterns = []
    for cap in shapes:
        pesbt, address = cap.to_mem()
        for moved in (address, address + 8, address + (1 << 20), address + (1 << 33), address | (1 << 55)):
            patterns.append((pesbt, moved))
    body = "".join(f"        ldr c{2 + i % 16}, [c1, #{16 * (i % 16)}]\n" for i in range(16))
    for start in range(0, len(patterns), 16):
        chunk = patterns[start:start + 16]
        m = machine(body + "        hlt #0\n" + body)       # each pattern loaded twice
        for i, (pesbt, address) in enumerate(chunk):
            m.write(m.symbol("buf") + 16 * i, address.to_bytes(8, "little") + pesbt.to_bytes(8, "little"))
        for _ in range(2):
            trap = m.run(1000)
            assert trap.kind == "HLT"
            for i, (pesbt, address) in enumerate(chunk):
                loaded, expected = m.cpu.c[2 + i], Capability.from_mem(pesbt, address, False)
                assert (loaded.base, loaded.top, loaded.exponent, loaded.bounds_valid, loaded.perms,
                        loaded.otype, loaded.address, loaded.tag) == \
                    (expected.base, expected.top, expected.exponent, expected.bounds_valid,
                     expected.perms, expected.otype, expected.address, False)
