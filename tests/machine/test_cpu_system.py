"""System instructions, traps, the timer, the MMU's faults and the TLB, and determinism."""

from tests.machine.machine_harness import machine, run, run_ok
from ufos.machine import isa

PTE = isa.PTE


def test_svc_traps_with_its_code_and_resumes_after_it():
    m, trap = run("        mov x0, #1\n        svc #0x1234\n        mov x0, #2")
    assert trap.kind == "SVC" and trap.code == 0x1234 and trap.instructions == 2
    assert m.cpu.sysreg("esr") == isa.EC["SVC"] << 26 | 0x1234
    assert m.cpu.sysreg("celr").address == trap.pc == m.symbol("_start") + 8
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.x[0] == 2


def test_brk_stops_on_the_instruction_and_wfi_after_it():
    m, trap = run("        brk #7")
    assert trap.kind == "BRK" and trap.code == 7 and trap.pc == m.symbol("_start")
    m, trap = run("        wfi")
    assert trap.kind == "WFI" and trap.pc == m.symbol("_start") + 4


def test_an_undefined_instruction_traps():
    m, trap = run("        .word 0xff000000")
    assert trap.kind == "UNDEF" and trap.pc == m.symbol("_start")
    _, trap = run("        .word 0")          # zeroed memory is not a program
    assert trap.kind == "UNDEF"


def test_the_instruction_budget_stops_a_run_and_the_next_run_continues():
    m = machine("""
        mov x0, #0
loop:   add x0, x0, #1
        cmp x0, #1000
        b.ne loop
""")
    trap = m.run(500)
    assert trap.kind == "LIMIT" and trap.instructions == 500
    trap = m.run()
    assert trap.kind == "HLT" and m.cpu.x[0] == 1000
    assert m.cpu.counters()["instructions"] == 1 + 3 * 1000 + 1


def test_timer_interrupts_every_n_instructions():
    m = machine("""
loop:   add x0, x0, #1
        b loop
""", timer_interval=100)
    for _ in range(5):
        trap = m.run(10_000)
        assert trap.kind == "TIMER" and trap.instructions == 100
    assert m.cpu.x[0] == 250
    assert m.cpu.counters()["traps"]["TIMER"] == 5


def test_system_registers_need_pcc_with_system():
    body = """
        mrs x2, icount
        mrs x3, cid
        mov x4, #5
        msr cid, x4
        mrs x5, cid
"""
    m = run_ok(body)                                   # bare programs run with System by default
    assert m.cpu.x[2] == 0 and m.cpu.x[5] == 5          # icount: instructions retired before it
    m, trap = run(body, system=False)                  # a μprocess may read its id, not write it
    assert trap.kind == "SYSREG" and trap.pc == m.symbol("_start") + 12
    assert "cid" in str(trap)
    _, trap = run("        mrs x2, esr", system=False)
    assert trap.kind == "SYSREG"
    _, trap = run("        mrs c2, celr", system=False)
    assert trap.kind == "SYSREG"
    m = run_ok("        mrs c2, ddc\n        mov x3, #7\n        mrs x4, nzcv", system=False)
    assert not m.cpu.c[2].tag                          # DDC is null in purecap


def test_thread_pointer_is_a_user_capability_register():
    m = run_ok("        msr ctpidr, c1\n        mrs c2, ctpidr", system=False)
    assert m.cpu.c[2] == m.cpu.c[1]


def test_eret_returns_to_celr():
    m = run_ok("""
        adr c2, back
        msr celr, c2
        eret
        hlt #1
back:   mov x0, #9
""")
    assert m.cpu.x[0] == 9


# --- the MMU ---------------------------------------------------------------------------------

def page_of(m, symbol):
    return m.symbol(symbol) & ~0xFFF


def test_translation_fault_on_an_unmapped_page():
    m = machine("        ldrb x0, [c1, #0]")
    m.page_table.unmap(page_of(m, "buf"))
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "TRANSLATION" and trap.address == m.symbol("buf")
    assert m.cpu.sysreg("far") == m.symbol("buf")
    assert m.cpu.counters()["page_faults"]["translation"] == 1


def test_access_flag_fault_then_the_kernel_sets_it_and_the_access_succeeds():
    m = machine("        mov x2, #5\n        strb x2, [c1, #0]\n        ldrb x3, [c1, #0]")
    m.page_table.protect(page_of(m, "buf"), clear_bits=PTE["AF"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "ACCESS_FLAG" and trap.access_kind == "store"
    m.page_table.protect(page_of(m, "buf"), set_bits=PTE["AF"])     # the kernel's fault handler
    assert m.run().kind == "HLT" and m.cpu.x[3] == 5


def test_a_write_to_a_read_only_page_faults_even_after_a_cached_read():
    m = machine("        ldrb x3, [c1, #0]\n        svc #0\n        strb x3, [c1, #0]")
    assert m.run().kind == "SVC"                                  # the read put the page in the TLB
    m.page_table.protect(page_of(m, "buf"), clear_bits=PTE["WRITE"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "PERMISSION" and trap.access_kind == "store"


def test_a_stale_tlb_entry_is_dropped_when_the_kernel_unmaps_a_page():
    m = machine("        ldrb x3, [c1, #0]\n        svc #0\n        ldrb x3, [c1, #0]")
    assert m.run().kind == "SVC"
    m.page_table.unmap(page_of(m, "buf"))
    trap = m.run()
    assert trap.fault == "TRANSLATION"
    assert m.cpu.counters()["tlb_invalidations"] >= 1


def test_fetch_needs_an_executable_page():
    m = machine("        nop\n        nop")
    m.page_table.protect(page_of(m, "_start"), clear_bits=PTE["EXEC"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "PERMISSION" and trap.access_kind == "fetch"
    assert trap.register == "pcc"


def test_capability_load_trap_fires_only_for_tagged_capabilities():
    m = machine("""
        str c1, [c1, #32]
        ldr c4, [c1, #48]          // an untagged granule loads normally
        svc #0
        ldr c5, [c1, #32]          // a tagged one traps: copy-on-pointer-access
""")
    assert m.run().kind == "SVC"
    m.page_table.protect(page_of(m, "buf"), set_bits=PTE["CAP_TRAP"])
    trap = m.run()
    assert m.cpu.pcc.address == trap.pc
    assert trap.kind == "PAGE" and trap.fault == "CAP_LOAD"
    m2 = machine("        ldr c4, [c1, #48]\n        ldr x5, [c1, #32]")
    m2.page_table.protect(page_of(m2, "buf"), set_bits=PTE["CAP_TRAP"])
    assert m2.run().kind == "HLT"


def test_pairs_trap_on_the_half_that_holds_or_stores_a_capability():
    # ldp/stp take the page's capability-load and -store rules half by half: the fault names the
    # half that breaks them, and an stp's first, untagged half is stored before it
    m = machine("""
        str c1, [c1, #48]
        svc #0
        ldp c4, c5, [c1, #32]
""")
    assert m.run().kind == "SVC"
    m.page_table.protect(page_of(m, "buf"), set_bits=PTE["CAP_TRAP"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "CAP_LOAD" and trap.address == m.symbol("buf") + 48
    assert not m.cpu.c[4].tag and m.cpu.c[4].address == 0
    m = machine("        mov x2, #5\n        stp c2, c1, [c1, #64]")
    m.page_table.protect(page_of(m, "buf"), clear_bits=PTE["CAP_STORE"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "CAP_STORE" and trap.address == m.symbol("buf") + 80
    assert m.read(m.symbol("buf") + 64, 8) == (5).to_bytes(8, "little")


def test_capability_stores_need_a_page_that_allows_them():
    m = machine("        clrtag c2, c1\n        str c2, [c1, #32]\n        str c1, [c1, #32]")
    m.page_table.protect(page_of(m, "buf"), clear_bits=PTE["CAP_STORE"])
    trap = m.run()
    assert trap.kind == "PAGE" and trap.fault == "CAP_STORE" and trap.pc == m.symbol("_start") + 8


def test_switching_page_tables_flushes_the_tlb_and_counts_it():
    m = run_ok("""
        mov x2, #100
loop:   ldr x3, [c1, #0]
        sub x2, x2, #1
        cbnz x2, loop
""")
    c = m.cpu.counters()
    assert c["tlb_hits"] >= 99 and c["tlb_misses"] < 10     # one miss, then the page stays cached
    flushes = c["tlb_flushes"]
    m.cpu.page_table = m.page_table
    assert m.cpu.counters()["tlb_flushes"] == flushes + 1


def test_a_frame_outside_memory_is_a_bus_error_not_a_host_crash():
    m = machine("        ldrb x3, [c1, #0]")
    page = page_of(m, "buf")
    pte = m.page_table.lookup(page)
    m.page_table.map(page, 1 << 40, pte & 0xFFF)
    trap = m.run()
    assert trap.kind == "BUS"


def test_the_same_program_runs_the_same_way_twice():
    program = """
        mov x0, #0
        mov x2, #5000
loop:   add x0, x0, x2
        eor x0, x0, x2
        str x0, [c1, #8]
        sub x2, x2, #1
        cbnz x2, loop
"""
    results = []
    for _ in range(2):
        m = machine(program, timer_interval=777)
        traps = []
        while True:
            trap = m.run()
            traps.append((trap.kind, trap.pc, trap.instructions))
            if trap.kind == "HLT":
                break
        results.append((traps, m.cpu.x[0], m.cpu.counters()))
    assert results[0] == results[1]


# The fetch windows kept for pages executed before (calls and returns go back and forth between
# a few pages): one is taken again only if nothing it was checked against has changed.
KEPT = """
        bl far                  // far's page is fetched, and its window kept
        svc #0
        {again}
        hlt #1
        .balign 4096
far:    ret
"""


def test_a_kept_fetch_window_is_dropped_when_its_page_loses_execute():
    m = machine(KEPT.format(again="bl far"))
    assert m.run().kind == "SVC"
    m.page_table.protect(page_of(m, "far"), clear_bits=PTE["EXEC"])
    trap = m.run()
    assert (trap.kind, trap.fault, trap.access_kind, trap.pc) == ("PAGE", "PERMISSION", "fetch", m.symbol("far"))


def test_a_kept_fetch_window_is_not_used_by_a_pcc_that_does_not_cover_it():
    m = machine(KEPT.format(again="br c2"))
    assert m.run().kind == "SVC"
    start = m.symbol("_start")
    # PCC bounded to [_start, far), pointing at far: its first fetch is out of bounds
    m.cpu.c[2] = m.cpu.pcc.set_address(start).set_bounds(m.symbol("far") - start).set_address(m.symbol("far"))
    trap = m.run()
    assert (trap.kind, trap.fault, trap.access_kind, trap.pc) == ("CAP", "BOUNDS", "fetch", m.symbol("far"))

