"""Run a snippet of assembly on the bare machine: the test suites' one way to exercise the CPU."""
from ufos.machine import isa
from ufos.toolchain.bare import DATA_PERMS, BareMachine
from ufos.toolchain.asm import assemble_image

P = isa.PERM
BUF_SIZE = 256


def assemble_program(body: str, data: str = "") -> str:
    return f"""
        .text
        .global _start
_start:
{body}
        hlt     #0
        .data
        .balign 64
buf:    .zero   {BUF_SIZE}
        .size   buf, {BUF_SIZE}
{data}
"""


def machine(body: str, data: str = "", **options) -> BareMachine:
    """A machine loaded with the snippet. c1 holds a read-write capability to the 256-byte `buf`."""
    m = BareMachine(assemble_image(assemble_program(body, data), filename="<test>"), **options)
    buf = m.symbol("buf")
    m.cpu.c[1] = m.root.set_address(buf).set_bounds(BUF_SIZE).clear_perms(isa.PERM_ALL & ~DATA_PERMS)
    return m


def run(body: str, data: str = "", max_instructions: int = 100_000, **options):
    """Run the snippet until it stops; return (machine, trap)."""
    m = machine(body, data, **options)
    return m, m.run(max_instructions)


def run_ok(body: str, data: str = "", **options) -> BareMachine:
    """Run the snippet, which must reach its final `hlt #0`."""
    m, trap = run(body, data, **options)
    assert trap.kind == "HLT" and trap.code == 0, f"stopped with {trap}"
    return m
