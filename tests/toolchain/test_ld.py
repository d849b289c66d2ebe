"""ELF executables (ufos/toolchain/ld.py), `ufos ld`, and the linker's library (archive) rule."""
import re
import shutil
import struct
import subprocess

import pytest

from ufos import cli
from ufos.machine import isa
from ufos.toolchain.asm import assemble
from ufos.abi import CAP_RELOC, ElfError, read_executable
from ufos.toolchain.elf import Object
from ufos.toolchain.ld import load_executable, write_executable
from ufos.toolchain.link import LinkError, link
from ufos.runner import run_image

# A program with every kind of segment, local and global symbols, sizes and types, and capability
# relocations to data, to a function and to a whole section. It writes its message and argv[1],
# calls through a sentry, and exits with the length of its .bss buffer's capability.
MAIN = """
        .text
        .global _start
        .extern shout, table
        .type _start, %function
_start: ldr c19, [c1, #16]          // argv[1]
        adrp c16, .Lcap.msg
        add c16, c16, #:lo12:.Lcap.msg
        ldr c1, [c16]
        mov x0, #1
        gclen x2, c1
        mov x8, #64
        blrs c4, c5
        adrp c16, .Lcap.shout
        add c16, c16, #:lo12:.Lcap.shout
        ldr c17, [c16]
        mov c0, c19
        blr c17                     // shout(argv[1]), through a sentry
        adrp c16, .Lcap.buf
        add c16, c16, #:lo12:.Lcap.buf
        ldr c1, [c16]
        gclen x0, c1
        mov x8, #93
        blrs c4, c5
        .size _start, .-_start
        .rodata
msg:    .ascii "hello\\n"
        .size msg, 6
        .type msg, %object
        .data
        .quad table
        .balign 16
.Lcap.msg:   .capability msg
.Lcap.shout: .capability shout
.Lcap.buf:   .capability buf
.Lcap.rodata: .capability .rodata
        .bss
buf:    .zero 40
        .size buf, 40
"""

LIB = """
        .text
        .global shout, table
        .type shout, %function
shout:  mov c1, c0
        gclen x2, c1
        sub x2, x2, #1
        mov x0, #1
        mov x8, #64
        mov c18, c30                // the gate's call overwrites the link
        blrs c4, c5
        ret c18
        .size shout, .-shout
        .data
table:  .quad 1, 2, 3
        .size table, 24
"""


def program(base=0x10000):
    return link([assemble(MAIN, "main.s"), assemble(LIB, "lib.s")], base, names=["main.s", "lib.s"])


def test_round_trip_gives_the_same_image_and_the_same_run():
    image = program()
    back = read_executable(write_executable(image))
    assert back == image
    assert back.symtab and back.symtab == image.symtab
    first, second = run_image(image, argv=["p", "yo"]), run_image(back, argv=["p", "yo"])
    assert first.stdout == second.stdout == b"hello\nyo"
    assert first.status == second.status == 40
    assert first.instructions == second.instructions


def test_round_trip_at_another_base_and_without_rodata_or_bss():
    image = link([assemble("""
        .global _start
_start: mov x0, #5
        mov x8, #93
        blrs c4, c5
        .data
v:      .quad 7
end_of_data:
""")], base=0x200000)
    assert [s.name for s in image.segments] == [".text", ".data"]
    back = read_executable(write_executable(image))
    assert back == image and run_image(back).status == 5
    assert back.symbols["end_of_data"] == image.segments[1].end


def headers(data):
    """(ELF header fields, program headers, {section name: section header}) parsed by hand."""
    ehdr = struct.unpack_from("<16sHHIQQQIHHHHHH", data)
    phoff, shoff, phnum, shnum, shstrndx = ehdr[5], ehdr[6], ehdr[10], ehdr[12], ehdr[13]
    phdrs = [struct.unpack_from("<IIQQQQQQ", data, phoff + 56 * i) for i in range(phnum)]
    shdrs = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + 64 * i) for i in range(shnum)]
    names = data[shdrs[shstrndx][4]:]
    sections = {names[h[0]:names.index(b"\0", h[0])].decode(): h for h in shdrs}
    return ehdr, phdrs, sections


def test_elf_headers_segments_and_sections():
    image = program()
    data = write_executable(image)
    ehdr, phdrs, sections = headers(data)
    assert ehdr[0][:8] == b"\x7fELF\x02\x01\x01\x00" and ehdr[1] == 2 and ehdr[2] == 0x5546   # ET_EXEC
    assert ehdr[4] == image.entry == image.symbols["_start"]
    flags = {4: "r", 5: "rx", 6: "rw"}
    assert [(p[0], p[3], p[3] + p[6], flags[p[1]]) for p in phdrs] == \
        [(1, s.start, s.end, s.perms) for s in image.segments]                        # PT_LOAD each
    for p_type, _f, offset, vaddr, paddr, filesz, memsz, align in phdrs:
        assert align == 0x1000 and offset % align == vaddr % align and paddr == vaddr
        assert offset + filesz <= len(data)
    bss = phdrs[-1]
    assert bss[5] == 0 and bss[6] == 40                                              # no bytes in the file
    for seg in image.segments:
        h = sections[seg.name]
        assert (h[3], h[5]) == (seg.start, seg.end - seg.start)
        if seg.name != ".bss":
            assert data[h[4]:h[4] + h[5]] == image.data[seg.start - image.base:seg.end - image.base]
    assert {".cap_relocs", ".symtab", ".strtab", ".shstrtab"} <= sections.keys()
    assert sections[".cap_relocs"][9] == CAP_RELOC.size == 48 and not sections[".cap_relocs"][2] & 2


def test_cap_relocs_section_holds_the_documented_records():
    image = program()
    assert len(image.cap_relocs) == 4
    data = write_executable(image)
    _e, _p, sections = headers(data)
    h = sections[".cap_relocs"]
    raw = data[h[4]:h[4] + h[5]]
    records = [struct.unpack_from("<6Q", raw, at) for at in range(0, len(raw), 48)]
    assert records == [(r.location, r.target, r.base, r.length, r.perms, int(r.is_function))
                       for r in image.cap_relocs]
    msg, shout, buf, rodata = read_executable(data).cap_relocs
    assert (msg.target, msg.length, msg.is_function) == (image.symbols["msg"], 6, False)
    assert shout.is_function and shout.perms & isa.PERM["EXECUTE"] and shout.target == image.symbols["shout"] | 1
    assert buf.length == 40 and buf.perms & isa.PERM["STORE"]
    assert (rodata.base, rodata.length) == (image.segments[1].start, 6)


def test_readelf_reads_the_executable_without_warnings(tmp_path):
    if shutil.which("readelf") is None:
        pytest.skip("readelf is not installed")
    path = tmp_path / "prog"
    path.write_bytes(write_executable(program()))
    r = subprocess.run(["readelf", "-W", "-h", "-l", "-S", "-s", str(path)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stderr, r.stderr
    out = r.stdout
    assert "EXEC (Executable file)" in out and "0x5546" in out and "Entry point address:               0x10000" in out
    assert re.search(r"LOAD\s+0x001000 0x0+10000 0x0+10000 0x\w+ 0x\w+ R E 0x1000", out)
    assert re.search(r"LOAD\s+0x\w+ 0x0+11000 .* R   0x1000", out)
    assert len(re.findall(r"LOAD .* RW  0x1000", out)) == 2
    for i, name in enumerate([".text", ".rodata", ".data", ".bss"]):
        assert re.search(rf"^\s+0{i}\s+{re.escape(name)}\s*$", out, re.M), name    # section to segment
    assert re.search(r"\.bss\s+NOBITS", out) and re.search(r"\.cap_relocs\s+PROGBITS", out)
    assert re.search(r"FUNC\s+GLOBAL\s+DEFAULT\s+1 _start", out)
    assert re.search(r"\s6 OBJECT\s+LOCAL\s+DEFAULT\s+2 msg", out)
    assert re.search(r"\s24 NOTYPE\s+GLOBAL\s+DEFAULT\s+3 table", out)
    assert re.search(r"\s40 NOTYPE\s+LOCAL\s+DEFAULT\s+4 buf", out)


def test_read_executable_rejects_what_is_not_an_executable():
    with pytest.raises(ElfError, match="object file"):
        read_executable(assemble(MAIN).to_elf())
    with pytest.raises(ElfError, match="not an ELF"):
        read_executable(b"#!/bin/sh\n")
    data = bytearray(write_executable(program()))
    data[18] = 0x3E                                  # e_machine: x86-64
    with pytest.raises(ElfError, match="e_machine"):
        read_executable(bytes(data))


# ---------------------------------------------------------------------------------------------
# ufos ld
# ---------------------------------------------------------------------------------------------
def test_ld_command_links_objects_into_a_runnable_executable(tmp_path):
    (tmp_path / "main.o").write_bytes(assemble(MAIN, "main.s").to_elf())
    (tmp_path / "lib.o").write_bytes(assemble(LIB, "lib.s").to_elf())
    out = tmp_path / "prog"
    assert cli.main(["ld", str(tmp_path / "main.o"), str(tmp_path / "lib.o"), "-o", str(out),
                     "--base", "0x40000"]) == 0
    image = load_executable(out)
    assert image == program(base=0x40000)
    assert out.stat().st_mode & 0o100                 # executable, as ld makes it
    assert run_image(image, argv=["p", "ok"]).stdout == b"hello\nok"


def test_ld_errors_name_the_file_and_exit_1(tmp_path, capsys):
    (tmp_path / "main.o").write_bytes(assemble(MAIN, "main.s").to_elf())
    (tmp_path / "junk.o").write_bytes(b"not an object")
    assert cli.main(["ld", str(tmp_path / "main.o"), "-o", str(tmp_path / "p")]) == 1
    err = capsys.readouterr().err
    assert re.search(r"ufos ld: error: undefined symbol '(shout|table)' \(used in .*main\.o\)", err)
    assert "Traceback" not in err
    assert cli.main(["ld", str(tmp_path / "junk.o")]) == 1
    assert "junk.o: not an ELF file" in capsys.readouterr().err
    assert cli.main(["ld", str(tmp_path / "missing.o")]) == 1
    assert "missing.o" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


# ---------------------------------------------------------------------------------------------
# The library rule (how libc is linked)
# ---------------------------------------------------------------------------------------------
EXIT = "mov x8, #93\nblrs c4, c5\n"


def member(name, text):
    return assemble(text, name)


def test_library_members_are_linked_only_when_needed():
    start = member("start.s", """
        .global _start
        .extern helper
_start: bl helper
        mov x8, #93                 // exit(x0)
        blrs c4, c5
""")
    helper = member("helper.s", """
        .global helper
        .extern deep
helper: b deep
""")
    deep = member("deep.s", ".global deep\ndeep: mov x0, #9\nret\n")
    unused = member("unused.s", ".global unused\nunused: ret\n")
    image = link([start], library=[unused, deep, helper], library_names=["unused.s", "deep.s", "helper.s"])
    assert "unused" not in image.symbols and {"helper", "deep"} <= image.symbols.keys()
    assert image.symbols["deep"] < image.symbols["helper"]          # members keep the library's order
    assert run_image(image).status == 9


def test_a_program_may_define_a_name_that_an_unused_library_member_defines():
    start = member("start.s", ".global _start, abs\n_start: mov x0, #3\n" + EXIT + "abs: ret\n")
    libabs = member("abs.s", ".global abs\nabs: mov x0, #99\nret\n")
    assert run_image(link([start], library=[libabs])).status == 3
    user = member("user.s", ".global _start\n.extern abs\n_start: bl abs\n" + EXIT)
    assert run_image(link([user], library=[libabs])).status == 99
    with pytest.raises(LinkError, match="undefined symbol 'nothing' \\(used in user2.s\\)"):
        link([member("u", ".global _start\n.extern nothing\n_start: bl nothing\n")], names=["user2.s"],
             library=[libabs])


def test_a_program_definition_interposes_on_a_used_library_members():
    """A member linked in for one name (twice) also defines a name the program defines (abs): the
    program's is the one the program and the other members reach, as on Linux with a shared libc.
    Inside the member that defines it, its own calls stay its own (the assembler bound them, as a
    shared libc binds its internal calls); its copy stays in the image as a local symbol."""
    start = member("start.s", """
        .global _start, abs
        .extern twice, own
_start: bl twice
        mov c20, c0
        bl own
        add x0, x0, x20
        mov x8, #93
        blrs c4, c5
abs:    mov x0, #40                 // the program's abs
        ret
""")
    twice = member("twice.s", """
        .global twice
        .extern abs
twice:  mov c19, c30
        bl abs
        add x0, x0, x0
        mov c30, c19
        ret
""")
    own = member("own.s", """
        .global own, abs
own:    b abs
abs:    mov x0, #1
        ret
""")
    image = link([start], names=["start.s"], library=[twice, own], library_names=["twice.s", "own.s"])
    assert run_image(image).status == 81                    # 2 * the program's abs + own.s's own
    assert [s.is_global for s in image.symtab if s.name == "abs"] == [False, True]
    assert image.symbols["abs"] < image.symbols["twice"]   # the program's, laid out first


def test_two_definitions_of_a_name_in_the_program_or_in_the_library_are_an_error():
    one = member("one.s", ".global _start, x\n_start: ret\nx: ret\n")
    two = member("two.s", ".global x\nx: ret\n")
    with pytest.raises(LinkError, match="symbol 'x' is defined in one.s and two.s"):
        link([one, two], names=["one.s", "two.s"])
    user = member("user.s", ".global _start\n.extern a, b\n_start: bl a\nbl b\n")
    lib_a = member("a.s", ".global a, x\na: ret\nx: ret\n")
    lib_b = member("b.s", ".global b, x\nb: ret\nx: ret\n")
    with pytest.raises(LinkError, match="symbol 'x' is defined in a.s and b.s"):
        link([user], names=["user.s"], library=[lib_a, lib_b], library_names=["a.s", "b.s"])


def test_object_files_from_disk_link_like_in_memory_ones():
    obj = assemble(MAIN, "main.s")
    lib = assemble(LIB, "lib.s")
    assert link([Object.from_elf(obj.to_elf()), Object.from_elf(lib.to_elf())]) == link([obj, lib])


def test_code_writes_a_global_through_the_capability_it_loads_from_its_table():
    """docs/abi.md's pattern: the table entry is loaded through a PCC-derived capability, so the
    linker's capabilities keep MutableLoad, or every global would be read-only."""
    image = link([assemble("""
        .text
        .global _start
_start: adrp c16, .Lcap.counter
        ldr c16, [c16, #:lo12:.Lcap.counter]
        mov x1, #41
        strw x1, [c16]
        ldrw x0, [c16]
        add x0, x0, #1
        mov x8, #93
        blrs c4, c5
        .bss
counter: .zero 4
        .size counter, 4
        .data
        .balign 16
.Lcap.counter: .capability counter
""")])
    result = run_image(read_executable(write_executable(image)))
    assert (result.status, result.stderr) == (42, b"")


# The capability table: two objects, each with its own .captable slots, two of them for the same
# capability. `twice` reads `counter` through its own object's slot, and _start calls it through
# its sentry, so it runs with the sentry's bounds.
CALLER = """
        .text
        .global _start
        .extern twice, counter
_start: adrp c16, .Lcap.twice
        ldr c17, [c16, #:lo12:.Lcap.twice]
        blr c17                         // twice(), through its sentry
        mov x8, #93
        blrs c4, c5
        .captable
.Lcap.twice:   .capability twice
.Lcap.counter: .capability counter
.Lcap.middle:  .capability counter+2
"""

CALLEE = """
        .text
        .global twice
        .type twice, %function
twice:  adrp c16, .Lcap.counter
        ldr c16, [c16, #:lo12:.Lcap.counter]
        ldrw x0, [c16]
        add x0, x0, x0
        ret
        .size twice, .-twice
        .data
        .global counter
counter: .word 21
        .size counter, 4
        .captable
.Lcap.counter: .capability counter
.Lcap.twice:   .capability twice
"""


def table_program():
    return link([assemble(CALLER, "caller.s"), assemble(CALLEE, "callee.s")], names=["caller.s", "callee.s"])


def segment(image, name):
    return next(s for s in image.segments if s.name == name)


def test_the_objects_captables_become_one_read_only_table_with_a_slot_per_capability():
    image = table_program()
    table = segment(image, ".captable")
    assert table.perms == "r" and table.start == (segment(image, ".text").end + 4095) & -4096   # the next page
    slots = sorted((r for r in image.cap_relocs if table.start <= r.location < table.end), key=lambda r: r.location)
    counter, twice = image.symbols["counter"], image.symbols["twice"]
    assert [(r.location, r.target) for r in slots] == [
        (table.start, twice | 1), (table.start + 16, counter), (table.start + 32, counter + 2)]
    assert table.end == table.start + 48                     # five slots in the objects, three here
    labels = {}
    for s in image.symtab:
        labels.setdefault(s.name, set()).add(s.address)
    assert labels[".Lcap.counter"] == {table.start + 16}     # both objects' labels moved to the shared slot
    assert labels[".Lcap.twice"] == {table.start}


def test_a_function_called_through_its_sentry_reaches_the_table():
    """A sentry is bounded to the code and the table together: `twice` runs with those bounds
    (PCC) and loads its global through a PCC-relative slot of the table."""
    image = table_program()
    sentry = next(r for r in image.cap_relocs if r.target == image.symbols["twice"] | 1)
    assert sentry.is_function
    code, table = segment(image, ".text"), segment(image, ".captable")
    assert (sentry.base, sentry.base + sentry.length) == (code.start, table.end)
    result = run_image(read_executable(write_executable(image)))
    assert (result.status, result.stderr) == (42, b"")


def test_the_linker_refuses_a_captable_that_holds_more_than_slots():
    obj = assemble(CALLEE, "callee.s")
    obj.sections[".captable"].data += bytes(16)              # a slot without a .capability
    with pytest.raises(LinkError, match=r"callee.s: its \.captable holds something other than \.capability slots"):
        link([assemble(CALLER, "caller.s"), obj], names=["caller.s", "callee.s"])


def test_a_c_hello_worlds_code_finds_every_capability_in_one_page_of_the_table():
    """What fork copies at once (kernel/fork.py copy_got) is every page the loader writes a
    capability to: for a C program's code, that is the table's page, shared by all of libc."""
    from ufos.toolchain.driver import Source, build_executable
    image = build_executable(Source("hello.c", '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 0; }\n'))
    text, table = segment(image, ".text"), segment(image, ".captable")
    slots = [r for r in image.cap_relocs if table.start <= r.location < table.end]
    assert not [r for r in image.cap_relocs if text.start <= r.location < text.end]
    assert {r.location >> 12 for r in slots} == {table.start >> 12}
    kinds = [(r.target, r.base, r.length, r.perms, r.is_function) for r in slots]
    assert len(set(kinds)) == len(kinds)                      # no capability twice
    for name in ("errno", "__syscall_gate"):                 # wanted by many of libc's units
        assert sum(r.target == image.symbols[name] for r in slots) == 1


def test_readelf_sees_the_table_as_a_read_only_segment_of_its_own(tmp_path):
    if shutil.which("readelf") is None:
        pytest.skip("readelf is not installed")
    path = tmp_path / "prog"
    path.write_bytes(write_executable(table_program()))
    r = subprocess.run(["readelf", "-W", "-l", "-S", str(path)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stderr, r.stderr
    assert re.search(r"\]\s+\.captable\s+PROGBITS\s+0+11000 0+2000 0+30 00\s+A\s", r.stdout)
    assert re.search(r"LOAD\s+0x002000 0x0+11000 0x0+11000 0x000030 0x000030 R   0x1000", r.stdout)
    assert re.search(r"^\s+01\s+\.captable\s*$", r.stdout, re.M)                   # section to segment
