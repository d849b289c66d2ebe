"""The assembler, disassembler, object files and linker (ufos/toolchain)."""
import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings, strategies as st

from ufos import cli
from ufos.machine import isa
from ufos.toolchain.asm import AsmError, assemble, assemble_image
from ufos.machine.syntax import disassemble_word, used_mask
from ufos.toolchain.elf import PC_RELOC_FOR_FIELD, RELOC_TYPES, Object
from ufos.toolchain.link import LinkError, link

BASE = 0x10000


def words(source: str, base: int = BASE) -> list[int]:
    image = assemble_image(source, base)
    text = image.data[:image.segments[0].end - base] if image.segments else b""
    return [int.from_bytes(text[i:i + 4], "little") for i in range(0, len(text), 4)]


def word(source: str) -> int:
    [w] = words(source)
    return w


def error(source: str) -> str:
    with pytest.raises(AsmError) as e:
        assemble_image(source, filename="t.s")
    return str(e.value)


# ---------------------------------------------------------------------------------------------
# Every instruction: operands at the edges of their ranges, encoded, disassembled, reassembled.
# The source text is made here from the templates, independently of the disassembler.
# ---------------------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"([XCDBA])([a-z])(\*?)|#(\w+)|@(\w+)|\b(cond|bcond|sysreg|form)\b")
REGISTER_CHOICES = [0, 1, 30, 31, 17]
STATE_KINDS = {"c64": {"B": "C", "A": "X"}, "a64": {"B": "X", "A": "C"}}   # isa.py's B and A operands


def register_text(kind: str, sp: bool, n: int) -> str:
    if n == 31 and kind != "D":
        return {"X": "sp" if sp else "xzr", "C": "csp" if sp else "czr"}[kind]
    return f"{kind.lower()}{n}"


def field_choices(name: str) -> list[int]:
    _lo, width, signed, scale = isa.FIELDS[name]
    low, high = (-(1 << (width - 1)), (1 << (width - 1)) - 1) if signed else (0, (1 << width) - 1)
    return [v * scale for v in (low, high, 0, 1, high // 3)]


def named_choices(name: str, kind: str) -> list[tuple[str, int]]:
    if name == "sysreg":
        return [(n, num) for num, (n, k, *_rest) in isa.SYSREGS.items() if k == kind.lower()]
    if name == "form":
        return [(n, num) for num, n in isa.SEAL_FORMS.items()]
    return [(n, i) for i, n in enumerate(isa.CONDITIONS)] + [("hs", 2), ("lo", 3)]


def instruction_cases(insn: isa.Insn, state: str):
    """(source, {field: value}) for several operand combinations of insn, written in state."""
    kind = (re.search(r"[XCD]", insn.operands) or re.search("", "")).group() or "X"
    for k in range(5):
        expected = {}

        def fill(m):
            reg_kind, reg_field, star, imm, lab, named = m.groups()
            if reg_kind:
                n = REGISTER_CHOICES[k]
                expected[reg_field] = n
                return register_text(STATE_KINDS[state].get(reg_kind, reg_kind), bool(star), n)
            if imm or lab:
                field = imm or lab
                value = field_choices(field)[k]
                expected[field] = value
                return f"#{value}" if imm else f".{value:+d}"
            text, value = named_choices(named, kind)[k % len(named_choices(named, kind))]
            expected[named] = value
            return text
        operands = PLACEHOLDER.sub(fill, insn.operands).replace("{", "").replace("}", "")
        if insn.mnemonic.endswith("."):
            first, _, rest = operands.partition(", ")
            yield f"{insn.mnemonic}{first} {rest}", expected
        else:
            yield f"{insn.mnemonic} {operands}", expected


def in_state(state: str, source: str) -> str:
    return f".arch {state}\n{source}"


@pytest.mark.parametrize("insn, state", [(i, s) for i in isa.INSTRUCTIONS for s in i.states],
                         ids=lambda v: v.key if isinstance(v, isa.Insn) else v)
def test_every_instruction_round_trips(insn, state):
    for source, expected in instruction_cases(insn, state):
        w = word(in_state(state, source))
        assert w >> 24 == insn.opcode, source
        for name, value in expected.items():
            assert isa.field_value(name, w) == value, (source, name)
        assert w & ~used_mask(insn) == 0, source
        text = disassemble_word(w, state=state)
        assert word(in_state(state, text)) == w, (source, text)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([(i, s) for i in isa.INSTRUCTIONS for s in i.states]), st.integers(0, (1 << 24) - 1))
def test_random_words_round_trip(insn_state, bits):
    insn, state = insn_state
    w = ((insn.opcode << 24) | bits) & used_mask(insn)
    text = disassemble_word(w, state=state)
    assert word(in_state(state, text)) == w, text


def test_a64_code_writes_integer_bases_and_capability_bases_are_the_alternate_forms():
    assert word(in_state("a64", "ldr x0, [x1, #8]")) >> 24 == isa.BY_KEY["LDRX"].opcode
    assert word(in_state("a64", "ldr x0, [c1, #8]")) >> 24 == isa.BY_KEY["LDRX_A"].opcode
    assert word(in_state("c64", "ldr x0, [x1, #8]")) >> 24 == isa.BY_KEY["LDRX_A"].opcode
    assert disassemble_word(word("ldr x0, [c1, #8]"), state="a64") == "ldr x0, [x1, #8]"
    assert disassemble_word(word(in_state("a64", "ret")), state="a64") == "ret"
    assert "is A64 code (write `.arch a64` first)" in error("br x1")
    assert "unknown state 'x86'" in error(".arch x86")


def test_every_pc_relative_field_has_a_relocation_type():
    fields = {f for i in isa.INSTRUCTIONS for f in re.findall(r"@(\w+)", i.operands)}
    assert fields <= set(PC_RELOC_FOR_FIELD)
    assert len({r.number for r in RELOC_TYPES}) == len(RELOC_TYPES)


def test_operand_shapes_choose_the_instruction():
    key = {v.opcode: k for k, v in isa.BY_KEY.items()}
    cases = {"add x0, x1, x2": "ADD", "add x0, x1, #4": "ADDI", "add c0, c1, #16": "ADDC",
             "add csp, csp, #-32": "ADDC", "add c0, c1, x2, lsl #4": "ADDC_R", "ldr c0, [csp, #16]": "LDRC",
             "ldr x1, [c2, x3, lsl #3]": "LDRX_R", "ldr d1, [c2, #8]": "LDRD", "b.ne .": "BCOND",
             "mrs x0, nzcv": "MRS", "mrs c0, ddc": "MRS_C", "seal c0, c1, c2": "SEAL", "seal c0, c1, rb": "SEALF",
             "fmov d0, x1": "FMOV_DX", "fmov x0, d1": "FMOV_XD", "scbnds c0, c1, #64": "SCBNDSI"}
    for source, expected in cases.items():
        assert key[word(source) >> 24] == expected, source
    assert isa.field_value("n", word("add csp, csp, #-32")) == 31
    assert isa.field_value("simm14", word("add csp, csp, #-32")) == -32
    assert word("ldr x1, [c2, x3]") == word("ldr x1, [c2, x3, lsl #0]")
    assert word("movz x0, #5") == word("movz x0, #5, lsl #0")
    assert word("ret lr") == word("ret c30") and word("add fp, fp, #0") == word("add c29, c29, #0")
    assert word("b.hs .") == word("b.cs .") and word("ADD X0, X1, X2") == word("add x0, x1, x2")


def test_disassembly_text():
    assert disassemble_word(word("add x0, x1, #4")) == "add x0, x1, #4"
    assert disassemble_word(word("ldr c0, [csp, #16]")) == "ldr c0, [csp, #16]"
    assert disassemble_word(word("ldr x1, [c2, x3, lsl #3]")) == "ldr x1, [c2, x3, lsl #3]"
    assert disassemble_word(word("ldr x1, [c2, x3]")) == "ldr x1, [c2, x3]"
    assert disassemble_word(word("movz x0, #0xffff, lsl #16")) == "movz x0, #0xffff, lsl #16"
    assert disassemble_word(word("add x0, x1, #-5000")) == "add x0, x1, #-0x1388"
    assert disassemble_word(word("ret")) == "ret"
    assert disassemble_word(word("ret c0")) == "ret c0"
    assert disassemble_word(word("cset x3, ge")) == "cset x3, ge"
    assert disassemble_word(word("msr ctpidr, c2")) == "msr ctpidr, c2"
    assert disassemble_word(word("seal c0, c1, lb")) == "seal c0, c1, lb"
    assert disassemble_word(0) == ".word 0x00000000"
    assert disassemble_word(0xFF123456) == ".word 0xff123456"
    b = word("b.ne .+8")
    assert disassemble_word(b) == "b.ne .+8"
    assert disassemble_word(b, pc=0x1000) == "b.ne 0x1008"
    assert disassemble_word(b, pc=0x1000, symbols={"start": 0x1000, "loop": 0x1008}) == "b.ne 0x1008 <loop>"
    assert disassemble_word(b, pc=0x1000, symbols={"start": 0x1000}) == "b.ne 0x1008 <start+0x8>"
    assert disassemble_word(word("adrp c0, .+8192"), pc=0x10ff0) == "adrp c0, 0x12000"


# ---------------------------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------------------------
def run_moves(ws: list[int]) -> int:
    """What a movz/movn/movk sequence leaves in its register."""
    value = 0
    for w in ws:
        imm, hw = isa.field_value("imm16", w), isa.field_value("hw", w)
        op = isa.BY_OPCODE[w >> 24].key
        if op == "MOVZ":
            value = imm << hw
        elif op == "MOVN":
            value = ~(imm << hw) & (2**64 - 1)
        else:
            assert op == "MOVK"
            value = value & ~(0xFFFF << hw) | imm << hw
    return value


@given(st.integers(-(1 << 63), (1 << 64) - 1))
def test_mov_immediate_any_64_bit_value(value):
    ws = words(f"mov x7, #{value}")
    assert run_moves(ws) == value % 2**64
    assert all(isa.field_value("d", w) == 7 for w in ws)
    chunks = [(value >> s) & 0xFFFF for s in (0, 16, 32, 48)]
    assert len(ws) == max(1, min(4 - chunks.count(0), 4 - chunks.count(0xFFFF)))


def test_aliases():
    assert words("mov x0, #0") == words("movz x0, #0")
    assert words("mov x0, #-1") == words("movn x0, #0")
    assert words("mov x0, #0x10000") == words("movz x0, #1, lsl #16")
    assert word("mov x1, x2") == word("orr x1, xzr, x2")
    assert word("mov c1, csp") == word("cpy c1, csp")
    assert word("cmp x1, x2") == word("subs xzr, x1, x2")
    assert word("cmp x1, #3") == word("subs xzr, x1, #3")
    assert word("tst x1, #8") == word("ands xzr, x1, #8")
    assert word("tst x1, x2") == word("ands xzr, x1, x2")
    assert word("neg x1, x2") == word("sub x1, xzr, x2")
    assert word("mvn x1, x2") == word("eor x1, x2, #-1")
    assert word("sub x1, x2, #16") == word("add x1, x2, #-16")
    assert word("sub csp, csp, #32") == word("add csp, csp, #-32")
    assert word("sub x1, x2, #8192") == word("add x1, x2, #-8192")
    assert "out of range" in error("sub x1, x2, #-8192")
    assert word("ret") == word("ret c30")


# ---------------------------------------------------------------------------------------------
# Labels, expressions, sections, relocations
# ---------------------------------------------------------------------------------------------
def test_labels_forwards_and_backwards():
    ws = words("""
    start:  b end          // forwards
            nop
    loop:   cbnz x0, loop  ; backwards, to itself
            b.eq start
    end:    bl .-4
    """)
    assert isa.field_value("off24", ws[0]) == 16
    assert isa.field_value("off19", ws[2]) == 0
    assert isa.field_value("off20", ws[3]) == -12
    assert isa.field_value("off24", ws[4]) == -4


def test_expressions_and_equ():
    ws = words("""
        .equ N, 3
        .equ SIZE, N * 8 + (1 << 4)
        add x0, x0, #SIZE
        add x0, x0, #-N
        add x0, x0, #~0
        add x0, x0, #'a'
        add x0, x0, #'\\n'
        add x0, x0, #0x10 | 0b1
        add x0, x0, #-7 / 2
        add x0, x0, #end - start
    start: nop
           nop
    end:
    """)
    assert [isa.field_value("simm14", w) for w in ws[:8]] == [40, -3, -1, 97, 10, 17, -3, 8]


def test_cross_section_relocations_via_link():
    image = assemble_image("""
        .text
        adr c0, msg
        adrp c1, far
        add c1, c1, #:lo12:far
        ldr x2, [c1, #:lo12:far]
        .rodata
        .zero 5
    msg: .asciz "hi"
        .data
        .zero 0x123
    far: .quad msg
    """)
    text, rodata, data = (s.start for s in image.segments[:3])
    assert image.symbols["msg"] == rodata + 5 and image.symbols["far"] == data + 0x123
    ws = words_of(image)
    assert isa.field_value("adr19", ws[0]) == rodata + 5 - text
    assert isa.field_value("page19", ws[1]) == (data & ~0xFFF) - ((text + 4) & ~0xFFF)
    assert isa.field_value("simm14", ws[2]) == 0x123
    assert isa.field_value("simm14", ws[3]) == 0x123
    assert image.data[data + 0x123 - BASE:][:8] == (rodata + 5).to_bytes(8, "little")


def words_of(image):
    return [int.from_bytes(image.data[i:i + 4], "little") for i in range(0, 16, 4)]


def test_link_two_objects():
    main = assemble("""
        .global _start
        .extern helper, table
    _start: bl helper
        .data
        .quad table + 8
    """, "main.s")
    lib = assemble("""
        .global helper, table
        nop
    helper: ret
        .data
        .word 7
    table: .quad 1, 2
    """, "lib.s")
    image = link([main, lib], base=0x40000)
    assert image.entry == image.symbols["_start"] == 0x40000
    helper = image.symbols["helper"]
    assert helper == 0x40008   # main's .text is 4 bytes, lib's starts 4-aligned after it
    bl = int.from_bytes(image.data[:4], "little")
    assert isa.field_value("off24", bl) == helper - 0x40000
    data = image.segments[1]
    assert data.name == ".data" and data.perms == "rw"
    table = image.symbols["table"]
    assert image.data[data.start - 0x40000:][:8] == (table + 8).to_bytes(8, "little")
    with pytest.raises(LinkError, match="undefined symbol 'helper'"):
        link([main])
    with pytest.raises(LinkError, match="defined in objects"):
        link([lib, lib])


def test_layout_segments_and_entry():
    image = assemble_image("""
        nop
    _start: nop
        .rodata
        .byte 1
        .data
        .byte 2
        .bss
        .zero 10
    """)
    assert image.segments == [(".text", BASE, BASE + 8, "rx"), (".rodata", BASE + 0x1000, BASE + 0x1001, "r"),
                              (".data", BASE + 0x2000, BASE + 0x2001, "rw"), (".bss", BASE + 0x3000, BASE + 0x300A, "rw")]
    assert image.entry == BASE + 4
    assert image.size == len(image.data) == 0x300A
    assert image.data[0x1000] == 1 and image.data[0x2000] == 2 and not any(image.data[0x3000:])
    assert assemble_image("nop").entry == BASE


# ---------------------------------------------------------------------------------------------
# Data directives
# ---------------------------------------------------------------------------------------------
def data_of(source: str) -> bytes:
    return bytes(assemble(".data\n" + source).sections[".data"].data)


def test_data_directives_byte_exact():
    assert data_of(".byte 1, 255, -128, 'A'") == bytes([1, 255, 128, 65])
    assert data_of(".hword 0x1234, -1") == bytes.fromhex("3412ffff")
    assert data_of(".word 0xdeadbeef") == bytes.fromhex("efbeadde")
    assert data_of(".quad -2") == bytes.fromhex("feffffffffffffff")
    assert data_of('.ascii "a\\tb\\n", "\\x41\\0"') == b"a\tb\nA\0"
    assert data_of('.asciz "hi"\n.string "μ"') == b"hi\0" + "μ".encode() + b"\0"
    assert data_of(".zero 3\n.space 2, 0xff") == b"\0\0\0\xff\xff"
    assert data_of(".byte 1\n.align 3\n.byte 2") == b"\1" + bytes(7) + b"\2"
    assert data_of(".byte 1\n.balign 4\n.byte 2") == b"\1\0\0\0\2"
    assert data_of(".byte 1 /* a\n comment */ \n .byte 2 ; three") == b"\1\2"
    assert data_of("a: .quad 0\nb: .word b - a, . - a") == bytes(8) + bytes([8, 0, 0, 0, 12, 0, 0, 0])


def test_size_and_type_in_symbols():
    obj = assemble("""
        .global f
        .type f, %function
    f:  nop
        ret
        .size f, .-f
        .data
    v:  .quad 1
        .type v, %object
        .size v, 8
    """)
    assert (obj.symbols["f"].size, obj.symbols["f"].type, obj.symbols["f"].is_global) == (8, "func", True)
    assert (obj.symbols["v"].size, obj.symbols["v"].type, obj.symbols["v"].is_global) == (8, "object", False)


def test_capability_records():
    image = assemble_image("""
        .global _start
        .type _start, %function
    _start: nop
        ret
        .size _start, .-_start
        .rodata
    pad: .byte 1
    msg: .ascii "hello"
        .size msg, 5
        .data
        .byte 7
    p1: .capability msg+2       // padded to 16
    p2: .capability _start
    p3: .capability pad
    """)
    rodata, data = image.segments[1], image.segments[2]
    c1, c2, c3 = image.cap_relocs
    msg = image.symbols["msg"]
    assert (c1.location, c1.target, c1.base, c1.length, c1.is_function) == (data.start + 16, msg + 2, msg, 5, False)
    assert (c2.location, c2.target, c2.base, c2.length, c2.is_function) == (data.start + 32, BASE | 1, BASE, 8, True)
    assert (c3.target, c3.base, c3.length) == (rodata.start, rodata.start, rodata.end - rodata.start)
    assert image.symbols["p1"] == data.start + 16
    assert c2.perms & isa.PERM["EXECUTE"] and not c1.perms & (isa.PERM["EXECUTE"] | isa.PERM["STORE"])
    assert image.data[data.start - BASE:data.end - BASE] == b"\7" + bytes(63)


def test_captable_slots_are_capability_records_of_their_own_section():
    obj = assemble("""
        .extern puts
        .captable
    one: .capability puts
        .balign 16
    two: .capability puts+4
        .section .captable
    three: .capability .rodata
    """)
    assert [(c.section, c.offset, c.symbol, c.addend) for c in obj.cap_records] == [
        (".captable", 0, "puts", 0), (".captable", 16, "puts", 4), (".captable", 32, ".rodata", 0)]
    table = obj.sections[".captable"]
    assert (bytes(table.data), table.align) == (bytes(48), 16)
    assert [obj.symbols[n].value for n in ("one", "two", "three")] == [0, 16, 32]
    assert Object.from_elf(obj.to_elf()) == obj


def test_captable_holds_nothing_but_capability_slots():
    for source in ("nop", ".quad 1", ".byte 0", ".zero 16", ".asciz \"x\"", ".space 4, 1"):
        assert "in .captable, which holds only .capability slots" in error(".captable\n" + source), source
    assert "aligns only to 16" in error(".captable\n.balign 32")


# ---------------------------------------------------------------------------------------------
# Object files
# ---------------------------------------------------------------------------------------------
SAMPLE = """
    .global _start
    .extern puts
    .type _start, %function
_start:
    adrp c0, msg
    add c0, c0, #:lo12:msg
    bl puts
    b .
    .size _start, .-_start
    .rodata
msg: .asciz "hello"
    .data
    .quad msg + 1
ptr: .capability msg
    .bss
buf: .zero 32
"""


def test_elf_round_trip():
    obj = assemble(SAMPLE)
    assert Object.from_elf(obj.to_elf()) == obj
    linkable = assemble(SAMPLE.replace("bl puts", "bl _start"))
    assert link([Object.from_elf(linkable.to_elf())]) == link([linkable])


def test_as_command_writes_an_elf_that_readelf_reads(tmp_path):
    src = tmp_path / "hello.s"
    src.write_text(SAMPLE)
    assert cli.main(["as", str(src)]) == 0
    out = tmp_path / "hello.o"
    assert Object.from_elf(out.read_bytes()) == assemble(SAMPLE, str(src))
    assert cli.main(["as", str(src), "-o", str(tmp_path / "other.o")]) == 0
    assert (tmp_path / "other.o").read_bytes() == out.read_bytes()
    if shutil.which("readelf") is None:
        pytest.skip("readelf is not installed")
    r = subprocess.run(["readelf", "-h", "-S", "-s", str(out)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stderr, r.stderr
    assert "REL (Relocatable file)" in r.stdout and "0x5546" in r.stdout
    for name in (".text", ".rodata", ".data", ".bss", ".cap_relocs", ".rela.text", ".symtab"):
        assert name in r.stdout
    assert re.search(r"\.captable\s+PROGBITS\s+0+\s+\w+\s+0+\s+0+\s+A\s+0\s+0\s+16", r.stdout)  # allocated, read-only
    assert re.search(r"FUNC\s+GLOBAL\s+DEFAULT\s+1 _start", r.stdout)
    assert re.search(r"NOTYPE\s+GLOBAL\s+DEFAULT\s+UND puts", r.stdout)


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------
def test_error_bad_register():
    msg = error("nop\n  add x0, x1, x99\n")
    assert msg.startswith("t.s:2:15: error: expected an integer register")
    assert msg.splitlines()[1:3] == ["  add x0, x1, x99", "              ^"]
    assert "found 'x99'" in msg and "add Xd, Xn, Xm" in msg
    assert error("scvalue csp, c1, x2").startswith("t.s:1:9: error: csp is not allowed here")
    assert error("ldr c0, [x1, x2]").startswith("t.s:1:14: error: 'ldr' with these operands is A64 code")
    assert error("mov x0, c1").startswith("t.s:1:9: error: expected an integer register")


def test_error_out_of_range_immediate():
    msg = error("add x0, x1, #8192")
    assert msg.startswith("t.s:1:14: error: immediate 8192 is out of range for simm14: -8192..8191")
    assert "out of range for imm6" in error("lsl x0, x1, #64")
    assert "not a multiple of 16" in error("ldp c0, c1, [csp, #8]")
    assert "does not fit in 1 byte" in error(".data\n.byte 256")
    assert "out of range for off19" in error("cbz x0, .+0x100000")
    assert "not a multiple of 4" in error("b .+2")


def test_error_unknown_mnemonic():
    msg = error("  ad x0, x1, x2")
    assert msg.startswith("t.s:1:3: error: unknown instruction 'ad'")
    assert "note: nearest:" in msg and "add Xd, Xn, Xm" in msg
    assert "unknown directive '.wrod'" in error(".wrod 1")


def test_error_undefined_symbol():
    msg = error("nop\n    b nowhere")
    assert msg.startswith("t.s:2:7: error: undefined symbol 'nowhere'")
    assert msg.splitlines()[2] == "      ^"
    assert "undefined symbol" in error(".data\n.quad missing")


def test_more_errors():
    assert "already defined" in error("a: nop\na: nop")
    assert "must be defined before this line" in error("mov x0, #later\n.equ later, 1")
    assert "expected a number, not an address" in error("x: add x0, x0, #x")
    assert "in .bss" in error(".bss\n.byte 1")
    assert "not at a multiple of 4" in error(".byte 1\nnop")
    assert "expected the end of the line" in error("nop x0")
    assert "unexpected character" in error("add x0, x1, $")
    assert "expected a label, not a number" in error("b 0x1000")
    assert "unknown section" in error(".section .foo")
    assert "expected '#' and an immediate" in error("movz x0, 1")
    with pytest.raises(LinkError, match="undefined symbol 'ext'"):
        assemble_image(".extern ext\nb ext")


def test_as_command_reports_errors_without_a_traceback(tmp_path, capsys):
    src = tmp_path / "bad.s"
    src.write_text("  frob x0\n")
    assert cli.main(["as", str(src)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{src}:1:3: error: unknown instruction 'frob'") and "Traceback" not in err
    assert not (tmp_path / "bad.o").exists()
    assert cli.main(["as", str(tmp_path / "missing.s")]) == 1
