"""`ufos objdump` and the ufos-asm pygments lexer."""
import re

import pytest
from pygments.token import Comment, Error, Keyword, Name

from ufos import cli
from ufos.machine import isa
from ufos.toolchain.asm import assemble, assemble_image
from ufos.machine.syntax import disassemble_word
from ufos.toolchain.ld import write_executable
from ufos.toolchain.lexer import UfosAsmLexer
from ufos.toolchain.link import link

SOURCE = """
    .global _start
    .extern puts
    .type _start, %function
_start:
    adrp c0, msg
    add c0, c0, #:lo12:msg
    mov x1, #5
loop:
    sub x1, x1, #1
    cbnz x1, loop
    bl puts
    ret
    .size _start, .-_start
    .rodata
msg: .asciz "Hello"
    .data
    .quad msg + 2
ptr: .capability msg
    .bss
buf: .zero 32
"""


@pytest.fixture
def object_file(tmp_path):
    src = tmp_path / "prog.s"
    src.write_text(SOURCE)
    assert cli.main(["as", str(src)]) == 0
    return tmp_path / "prog.o"


def objdump(capsys, *args) -> str:
    capsys.readouterr()
    assert cli.main(["objdump", *map(str, args)]) == 0
    return capsys.readouterr().out


def test_objdump_object(object_file, capsys):
    out = objdump(capsys, object_file)
    lines = out.splitlines()
    assert lines[0] == f"{object_file}:     file format elf64-ufos"
    assert "Disassembly of section .text:" in lines
    assert "0000000000000000 <_start>:" in lines and "000000000000000c <loop>:" in lines
    assert "       0:\t4b000000\tadrp\tc0, 0x0 <_start>" in lines
    assert "\t\t\t0: R_UFOS_PC_PAGE19\tmsg" in lines
    assert "\t\t\t4: R_UFOS_LO12\tmsg" in lines
    assert "\t\t\t14: R_UFOS_PC_OFF24\tputs" in lines
    assert any(re.fullmatch(r"\s+10:\t[0-9a-f]{8}\tcbnz\tx1, 0xc <loop>", line) for line in lines)
    assert any(line.endswith("\tret") for line in lines)
    assert "Contents of section .rodata:" in lines
    assert any(line.startswith(" 0000 48656c6c 6f00") and line.endswith("Hello.") for line in lines)
    assert re.search(r"0000000000000000 R_UFOS_ABS64\s+msg\+0x2", out)
    assert "Section .bss: 32 bytes of zeros" in lines
    assert re.search(r"CAPABILITY RELOCATIONS:\n.*\n\.data\+0x10\s+msg", out)
    assert re.search(r"0000000000000000 g F  \.text\s+000000000000001c _start", out)
    assert re.search(r"g\s+\*UND\*\s+0+ puts", out)
    assert "\x1b[" not in out   # not a tty: no colour


def test_objdump_base_and_colour(object_file, capsys):
    out = objdump(capsys, object_file, "--base", "0x10000")
    assert "0000000000010000 <_start>:" in out and "cbnz\tx1, 0x1000c <loop>" in out
    coloured = objdump(capsys, object_file, "--color", "always")
    assert "\x1b[" in coloured and "\x1b[" not in objdump(capsys, object_file, "--color", "never")


def test_objdump_raw(tmp_path, capsys):
    image = assemble_image("add x0, x1, #4\nb.ne .-4\nret")
    raw = tmp_path / "code.bin"
    raw.write_bytes(image.data + b"\x01\x02")
    lines = objdump(capsys, "--raw", raw, "--base", "0x10000").splitlines()
    assert "   10000:\t11001020\tadd\tx0, x1, #4" in lines
    assert any(line.startswith("   10004:") and line.endswith("b.ne\t0x10000") for line in lines)
    assert any(line.startswith("   10008:") and line.endswith("\tret") for line in lines)
    assert lines[-2:] == ["   1000c:\t01\t\t.byte 0x01", "   1000d:\t02\t\t.byte 0x02"]


def test_objdump_errors(tmp_path, capsys):
    bad = tmp_path / "bad.o"
    bad.write_bytes(b"not an elf")
    assert cli.main(["objdump", str(bad)]) == 1
    assert "not an ELF file" in capsys.readouterr().err
    assert cli.main(["objdump", str(tmp_path / "missing.o")]) == 1


def test_lexer_knows_every_instruction_form():
    lexer = UfosAsmLexer()
    for insn in isa.INSTRUCTIONS:
        for word in (insn.opcode << 24, insn.opcode << 24 | 0x7FFFFF):
            text = disassemble_word(word, pc=0x1000, symbols={"f": 0x1000}, state=insn.states[0])
            tokens = list(lexer.get_tokens(text))
            assert tokens[0][0] is Keyword, text
            assert not any(t is Error for t, _ in tokens), text


def test_lexer_tokens():
    source = "loop: ldr x1, [csp, #16] // load\n  .quad msg\n  b.ne loop ; back\n  mrs x0, ctpidr\n/* c */ nop\n"
    tokens = [(t, v) for t, v in UfosAsmLexer().get_tokens(source) if v.strip()]
    assert (Name.Label, "loop") in tokens
    assert (Keyword, "ldr") in tokens and (Keyword, "b.ne") in tokens and (Keyword, "nop") in tokens
    assert (Name.Builtin, "x1") in tokens and (Name.Builtin, "csp") in tokens
    assert (Keyword.Pseudo, ".quad") in tokens
    assert (Name.Constant, "ctpidr") in tokens
    assert any(t in Name and v == "msg" for t, v in tokens)
    assert [v.strip() for t, v in tokens if t in Comment] == ["// load", "; back", "/* c */"]
    assert UfosAsmLexer.name == "ufos-asm" and "ufosasm" in UfosAsmLexer.aliases and "*.s" in UfosAsmLexer.filenames



def test_objdump_of_an_executable_shows_code_symbols_and_the_capabilities_to_be_made(tmp_path, capsys):
    image = link([assemble("""
        .text
        .global _start
_start: adrp c0, table
        ldr c0, [c0, #:lo12:table]
        ret
        .data
        .balign 16
buf:    .zero 32
        .size buf, 32
        .balign 16
table:  .capability buf
""")])
    path = tmp_path / "prog"
    path.write_bytes(write_executable(image))
    assert cli.main(["objdump", str(path), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "(executable)" in out and f"{image.entry:016x} <_start>:" in out
    buf = image.symbols["buf"]
    assert f"{image.symbols['table']:016x}  {buf:#x} [rwRW,{buf:#x}-{buf + 32:#x}]" in out
    assert f"adrp\tc0, {image.symbols['table'] & ~0xfff:#x} <" in out and "<_start+" not in out  # named by data


def test_objdump_disassembles_a64_code_as_a64(tmp_path, capsys):
    image = link([assemble("""
        .text
        .global _start
_start: ldr c0, [c1]
        .arch a64
hybrid: ldr c0, [x1]
        ldr x2, [c3, #8]
        ret
""")])
    path = tmp_path / "prog"
    path.write_bytes(write_executable(image))
    out = objdump(capsys, path, "--color", "never")
    assert "ldr\tc0, [c1]" in out and "ldr\tc0, [x1]" in out and "ldr\tx2, [c3, #8]" in out
    assert out.count("ret") == 1 and "\tret\n" in out + "\n"


def test_objdump_shows_the_capability_table_slot_by_slot(tmp_path, capsys):
    source = """
        .text
        .global _start
        .type _start, %function
_start: adrp c16, .Lcap.buf
        ldr c0, [c16, #:lo12:.Lcap.buf]
        ret
        .data
buf:    .zero 32
        .size buf, 32
        .captable
.Lcap.buf:   .capability buf
.Lcap.start: .capability _start
"""
    src = tmp_path / "prog.s"
    src.write_text(source)
    assert cli.main(["as", str(src)]) == 0
    assert "Section .captable: 2 capability slots" in objdump(capsys, tmp_path / "prog.o")
    image = link([assemble(source)])
    path = tmp_path / "prog"
    path.write_bytes(write_executable(image))
    out = objdump(capsys, path, "--color", "never")
    table = image.symbols[".Lcap.buf"]
    assert f"Capability table .captable:\n {table:016x}  buf\n {table + 16:016x}  _start (function)\n" in out
