"""Every instruction in the ISA table is run by at least one of the CPU tests.

The CPU tests are assembly snippets in tests/machine/test_cpu_*.py. This assembles every string in those
files that is a program and collects the opcodes it contains, so an instruction added to isa.py
without a test of its meaning is caught here.
"""
import ast
import pathlib

from tests.machine.machine_harness import assemble_program
from ufos.machine import isa
from ufos.toolchain.asm import AsmError, assemble

TESTS = pathlib.Path(__file__).parent


def program_texts(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.JoinedStr):       # f-strings: placeholders become a small number
            yield "".join(v.value if isinstance(v, ast.Constant) else "8" for v in node.values)


def opcodes_tested():
    seen = set()
    for path in sorted(TESTS.glob("test_cpu_*.py")):
        for text in program_texts(path):
            if "\n" not in text and not text.strip().startswith(tuple(i.mnemonic for i in isa.INSTRUCTIONS)):
                continue
            try:
                code = assemble(assemble_program(text)).sections[".text"].data
            except AsmError:
                continue                            # not a program (a docstring, a message...)
            seen.update(code[i + 3] for i in range(0, len(code), 4))
    return seen


def test_every_instruction_has_a_test_of_its_meaning():
    seen = opcodes_tested()
    missing = [f"{i.mnemonic} {i.operands} ({i.key})" for i in isa.INSTRUCTIONS if i.opcode not in seen]
    assert not missing, "instructions no CPU test runs:\n  " + "\n  ".join(missing)
