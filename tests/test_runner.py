"""The bare-machine runner: program start, its system calls, and how a fault ends a program."""
from ufos.toolchain.asm import assemble_image
from ufos.toolchain.runner import EFAULT, SIGPROT, BareRunner, run_image

WRITE_ARGV = """
        .text
        .global _start
_start: mov x19, x0                 // argc
        ldr c20, [c1, #16]          // argv[1]
        mov x0, #1
        mov c1, c20
        gclen x2, c20
        sub x2, x2, #1              // without its terminating zero
        mov x8, #64                 // write(1, argv[1], len)
        svc #0
        mov x0, x19
        mov x8, #93                 // exit(argc)
        svc #0
"""


def test_arguments_reach_the_program_and_write_and_exit_work():
    result = run_image(assemble_image(WRITE_ARGV), argv=["prog", "hello", "x"])
    assert result.stdout == b"hello" and result.status == 3 and result.stderr == b""


def test_read_copies_stdin_into_a_buffer_and_mmap_returns_a_bounded_capability():
    image = assemble_image("""
        .text
        .global _start
_start: mov x0, #0
        mov x1, #10000
        mov x8, #222                // mmap(0, 10000, ...): a capability in c0
        svc #0
        mov c19, c0
        mov x0, #0
        mov c1, c19
        mov x2, #100
        mov x8, #63                 // read(0, buf, 100)
        svc #0
        mov x2, x0
        mov x0, #1
        mov c1, c19
        mov x8, #64                 // write(1, buf, n)
        svc #0
        gclen x0, c19
        lsr x0, x0, #12             // exit(pages mapped)
        mov x8, #93
        svc #0
""")
    result = run_image(image, stdin=b"echo me")
    assert result.stdout == b"echo me" and result.status == 3


def test_a_buffer_longer_than_its_capability_gets_efault():
    image = assemble_image("""
        .text
        .global _start
_start: ldr c1, [c1]                // argv[0]: a 5-byte string
        mov x0, #1
        mov x2, #100                // longer than the capability allows
        mov x8, #64
        svc #0
        neg x0, x0                  // exit(-result)
        mov x8, #93
        svc #0
""")
    result = run_image(image, argv=["prog"])
    assert result.stdout == b"" and result.status == EFAULT


def test_a_capability_fault_ends_the_program_with_sigprot_naming_the_bounds():
    image = assemble_image("""
        .text
        .global _start
_start: ldr c19, [c1]               // argv[0]: a 5-byte string
        strb xzr, [c19, #5]         // one past the end
""")
    result = run_image(image, argv=["prog"])
    assert result.status == 128 + SIGPROT and result.signal == SIGPROT
    cap = result.trap.cap
    assert result.trap.fault == "BOUNDS" and cap.length == 5
    assert b"SIGPROT: capability bounds fault: store" in result.stderr
    assert f"[rwRW,{cap.base:#x}-{cap.top:#x}]".encode() in result.stderr


GATE = """
        .text
        .global _start
_start: mov c19, c4                 // the sealed system call gate: code, data
        mov c20, c5
        ldr c1, [c1]                // argv[0]
        mov x0, #1
        mov x2, #4
        mov x8, #64                 // write(1, argv[0], 4) through the gate: a call, not a trap
        blrs c19, c20
        mov x22, x0
        {after}
"""


def test_programs_call_the_kernel_through_the_sealed_gate():
    program = GATE.format(after="mov x0, x22\n        mov x8, #93\n        blrs c19, c20")
    runner = BareRunner(assemble_image(program), argv=["gate"])
    assert runner.m.cpu.c[4].sealed and runner.m.cpu.c[5].sealed
    result = runner.run()
    assert result.stdout == b"gate" and result.status == 4
    # the last system call (exit) was made by the gate's code, running with the kernel's PCC
    assert result.trap.kind == "SVC" and runner.gate <= result.trap.pc < runner.gate + 4096


def test_the_gate_cannot_be_used_as_a_pointer():
    result = run_image(assemble_image(GATE.format(after="ldr x0, [c19]")), argv=["gate"])
    assert result.stdout == b"gate"
    assert result.signal == SIGPROT and result.trap.fault == "SEAL" and result.trap.register == "c19"
