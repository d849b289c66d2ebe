"""`ufos cc`, `ufos run` of what it builds, the driver's Python API (build_executable, run_c) and the libc cache.

The first part needs only the assembler and the linker. The tests under "C programs" at the end
need the C compiler (ufos.toolchain.cc: compile_c, CompileError) and libc (userland/libc,
userland/include): they fail until those exist.
"""
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch

import pytest

from ufos import cli
from ufos.toolchain import libc
from ufos.toolchain.asm import AsmError
from ufos.runner import run_c
from ufos.toolchain.driver import Source, build_executable
from ufos.toolchain.ld import load_executable
from ufos.toolchain.link import LinkError
from ufos.kernel.uapi import SIG
from tests.helpers import ROOT, ufos_env

SIGPROT = SIG.SIGPROT



def ufos(*args, cwd, stdin=b""):
    """Run the `ufos` command in a fresh process (as a user would): (status, stdout, stderr)."""
    r = subprocess.run([sys.executable, "-m", "ufos", *map(str, args)], cwd=cwd, input=stdin,
                       capture_output=True, env=ufos_env(), timeout=300)
    return r.returncode, r.stdout, r.stderr


# A program in two assembly files, without libc: it writes argv[1], echoes stdin, exits with argc.
START_S = """
        .text
        .global _start
        .extern echo
_start: mov c21, c4                 // the system call gate (docs/abi.md)
        mov c22, c5
        mov x19, x0                 // argc
        ldr c0, [c1, #16]           // argv[1]
        bl echo
        mov x0, x19
        mov x8, #93                 // exit(argc)
        blrs c21, c22
"""
ECHO_S = """
        .text
        .global echo
echo:   mov c23, c30                // blrs overwrites the link
        mov c1, c0                  // write(1, s, strlen(s)), the string's capability giving its length
        gclen x2, c1
        sub x2, x2, #1
        mov x0, #1
        mov x8, #64
        blrs c21, c22
        mov x0, #0
        mov x1, #4096
        mov x2, #3                  // PROT_READ | PROT_WRITE
        mov x3, #0x22               // MAP_PRIVATE | MAP_ANONYMOUS
        mov x4, #0
        sub x4, x4, #1              // fd -1
        mov x5, #0
        mov x8, #222                // mmap: a buffer
        blrs c21, c22
        mov c20, c0
again:  mov x0, #0
        mov c1, c20
        mov x2, #4096
        mov x8, #63                 // read(0, buf, 4096)
        blrs c21, c22
        cbz x0, done
        mov x2, x0
        mov x0, #1
        mov c1, c20
        mov x8, #64                 // write(1, buf, n)
        blrs c21, c22
        b again
done:   ret c23
"""
OVERFLOW_S = """
        .text
        .global _start
_start: ldr c19, [c1]               // argv[0]
        gclen x0, c19
        strb xzr, [c19, x0]         // one past its end: a capability fault
"""


def write(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name.replace("_", ".")).write_text(text)


def test_cc_links_assembly_files_and_run_runs_the_result(tmp_path, monkeypatch):
    write(tmp_path, start_s=START_S, echo_s=ECHO_S)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-nostdlib", "start.s", "echo.s", "-o", "prog"]) == 0
    assert load_executable(tmp_path / "prog").symbols.keys() >= {"_start", "echo"}
    status, out, err = ufos("run", "prog", "hi ", "x", cwd=tmp_path, stdin=b"from stdin\nline 2\n")
    assert (status, out, err) == (3, b"hi from stdin\nline 2\n", b"")


def test_cc_default_output_is_a_out_and_base_is_honoured(tmp_path, monkeypatch):
    write(tmp_path, start_s=START_S, echo_s=ECHO_S)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-nostdlib", "--base", "0x100000", "start.s", "echo.s"]) == 0
    image = load_executable(tmp_path / "a.out")
    assert image.base == image.entry == 0x100000


def test_cc_c_writes_objects_that_cc_then_links(tmp_path, monkeypatch, capsys):
    write(tmp_path, start_s=START_S, echo_s=ECHO_S)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert cli.main(["cc", "-c", "../start.s", "../echo.s"]) == 0      # into the current directory
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["echo.o", "start.o"]
    assert cli.main(["cc", "-c", "../echo.s", "-o", "other.o"]) == 0
    assert cli.main(["cc", "-nostdlib", "start.o", "other.o", "-o", "prog"]) == 0
    assert ufos("run", "prog", "a", cwd=tmp_path / "sub") == (2, b"a", b"")
    assert cli.main(["cc", "-nostdlib", "start.o", "-o", "prog2"]) == 1
    err = capsys.readouterr().err
    assert "ufos cc: error: undefined symbol 'echo' (used in start.o)" in err
    assert not (tmp_path / "sub" / "prog2").exists()


def test_run_reports_a_capability_fault_as_sigprot_with_its_status(tmp_path, monkeypatch):
    write(tmp_path, bad_s=OVERFLOW_S)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-nostdlib", "bad.s", "-o", "bad"]) == 0
    status, out, err = ufos("run", "bad", cwd=tmp_path)
    assert status == 128 + SIGPROT and out == b""
    assert b"killed by SIGPROT: capability bounds fault: store" in err and b"Traceback" not in err


def test_run_errors(tmp_path):
    write(tmp_path, start_s=START_S)
    assert ufos("run", "missing", cwd=tmp_path)[0] == 127            # like a shell's "not found"
    status, _out, err = ufos("run", "start.s", cwd=tmp_path)
    assert status == 1 and b"not an ELF file" in err and b"Traceback" not in err
    status, out, _err = ufos("run", "--help", cwd=tmp_path)
    assert status == 0 and b"usage: ufos run" in out and b"--fork-policy" in out


def test_cc_assembly_error_is_reported_with_status_1_and_no_traceback(tmp_path, monkeypatch, capsys):
    write(tmp_path, bad_s="        .text\n        add x0, x1\n", worse_s="nop\n  frob x1\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-nostdlib", "bad.s", "worse.s"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^bad\.s:2:\d+: error: ", err, re.M)
    assert re.search(r"^worse\.s:2:\d+: error: ", err, re.M)      # every file's errors, as gcc does
    assert "Traceback" not in err and not (tmp_path / "a.out").exists()


def test_cc_usage_errors(tmp_path, monkeypatch, capsys):
    write(tmp_path, start_s=START_S, echo_s=ECHO_S, notes_txt="hello")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "missing.c"]) == 1
    assert "ufos cc: error: missing.c: No such file or directory" in capsys.readouterr().err
    assert cli.main(["cc", "notes.txt"]) == 1
    assert "unknown file type" in capsys.readouterr().err
    assert cli.main(["cc", "-c", "start.s", "echo.s", "-o", "x.o"]) == 1
    assert "cannot specify '-o'" in capsys.readouterr().err


def test_build_executable_and_run_c_from_python(tmp_path):
    (tmp_path / "echo.s").write_text(ECHO_S)
    inputs = [Source("start.s", START_S), tmp_path / "echo.s"]
    image = build_executable(inputs, nostdlib=True)
    assert image.entry == image.symbols["_start"]
    result = run_c(inputs, argv=["prog", "a", "b", "c"], stdin=b"?", nostdlib=True)
    assert (result.status, result.stdout) == (4, b"a?")
    with pytest.raises(LinkError, match="undefined symbol 'echo' \\(used in start.s\\)"):
        build_executable([Source("start.s", START_S)], nostdlib=True)
    with pytest.raises(AsmError, match="^x.s:1:"):
        build_executable([("x.s", "bogus x0\n")], nostdlib=True)


# ---------------------------------------------------------------------------------------------
# libc: building, caching, linking (with a libc in assembly, so no C compiler is needed)
# ---------------------------------------------------------------------------------------------
FAKE_LIBC = {
    "crt0.s": """
        .text
        .global _start
        .extern __libc_start_main
_start: mov c21, c4                 // keep the system call gate (c21, c22 are callee-saved)
        mov c22, c5
        bl __libc_start_main        // x0, c1, c2 pass through
""",
    "start.s": """
        .text
        .global __libc_start_main, exit
        .extern main
__libc_start_main:
        bl main
exit:   mov x8, #93
        blrs c21, c22
""",
    "say.s": """
        .text
        .global say
say:    mov c1, c0
        gclen x2, c1
        sub x2, x2, #1
        mov x0, #1
        mov x8, #64
        mov c18, c30                // blrs overwrites the link
        blrs c21, c22
        ret c18
""",
    "abs.s": ".text\n.global abs\nabs: mov x0, #99\nret\n",
    "notes.txt": "not a source",
}
MAIN_S = """
        .text
        .global main, abs
        .extern say
main:   mov c19, c30
        ldr c0, [c1, #16]           // argv[1]
        bl say
        bl abs
        mov c30, c19
        ret
abs:    mov x0, #5                  // the program's own abs, not libc's
        ret
"""


@pytest.fixture
def fake_userland(tmp_path, monkeypatch):
    userland = tmp_path / "userland"
    (userland / "libc").mkdir(parents=True)
    (userland / "include").mkdir()
    for name, text in FAKE_LIBC.items():
        (userland / "libc" / name).write_text(text)
    monkeypatch.setenv("UFOS_USERLAND", str(userland))
    monkeypatch.setenv("UFOS_CACHE", str(tmp_path / "cache"))
    return userland


def test_libc_is_built_once_into_the_cache_with_crt0_first(fake_userland, tmp_path):
    directory = libc.build_libc(jobs=1)
    assert directory.parent == tmp_path / "cache" / "libc" and len(directory.name) == 64
    assert (directory / "MANIFEST").read_text().split() == ["crt0.o", "abs.o", "say.o", "start.o"]
    assert [n for n, _ in libc.libc_members()] == ["libc/crt0.o", "libc/abs.o", "libc/say.o", "libc/start.o"]
    assert "_start" in libc.libc_objects()[0].symbols
    before = {p.name: p.stat().st_mtime_ns for p in directory.iterdir()}
    assert libc.build_libc(jobs=1) == directory                  # nothing to do
    assert {p.name: p.stat().st_mtime_ns for p in directory.iterdir()} == before
    (fake_userland / "include" / "new.h").write_text("#define X 1\n")
    assert libc.build_libc(jobs=1) != directory                  # a header changed: a new build


def test_libc_builds_in_parallel_and_concurrently_to_the_same_objects(fake_userland, tmp_path, monkeypatch):
    serial = libc.build_libc(jobs=1)
    monkeypatch.setenv("UFOS_CACHE", str(tmp_path / "cache2"))
    parallel = libc.build_libc(jobs=3)                           # worker processes
    assert serial.name == parallel.name
    for p in serial.iterdir():
        if p.suffix == ".o":
            assert (parallel / p.name).read_bytes() == p.read_bytes()
    monkeypatch.setenv("UFOS_CACHE", str(tmp_path / "cache3"))
    env = ufos_env()
    command = [sys.executable, "-m", "ufos.toolchain.libc"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert all(r.returncode == 0 for r in runs), outputs
    assert {out.strip() for out, _err in outputs} == {str(tmp_path / "cache3" / "libc" / serial.name).encode()}


def test_run_c_links_crt0_and_only_the_libc_members_it_needs(fake_userland):
    result = run_c([Source("main.s", MAIN_S)], argv=["prog", "hello"])
    assert (result.status, result.stdout) == (5, b"hello")
    image = build_executable([Source("main.s", MAIN_S)])
    assert image.entry == image.symbols["_start"] == image.base      # crt0 comes first
    assert image.symbols["abs"] > image.symbols["main"]              # the program's abs, not libc's


def test_libc_errors_are_reported(fake_userland, tmp_path, monkeypatch, capsys):
    (fake_userland / "libc" / "broken.s").write_text("  frob\n")
    with pytest.raises(libc.LibcError, match=r"building libc failed:\n.*broken\.s:1:3: error: "):
        libc.build_libc(jobs=1)
    [directory] = (tmp_path / "cache" / "libc").iterdir()
    assert (directory / "FAILED").exists() and not (directory / "MANIFEST").exists()
    with pytest.raises(libc.LibcError, match="broken"):     # remembered: no second build
        libc.build_libc(jobs=1)
    (fake_userland / "libc" / "broken.s").write_text("nop\n")
    assert libc.build_libc(jobs=1) != directory             # fixed: a new key, a new build
    (fake_userland / "libc" / "broken.s").write_text("  frob\n")
    write(tmp_path, main_s=MAIN_S)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "main.s"]) == 1
    err = capsys.readouterr().err
    assert "ufos cc: error: building libc failed" in err and "Traceback" not in err


def test_pyproject_installs_every_file_libc_needs():
    """A regular install copies userland through [tool.setuptools.data-files]: one entry per
    directory, so a new header directory must be added there too."""
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    userland = ROOT / "userland"
    needed = [p for p in (userland / "include").rglob("*") if p.is_file()]
    needed += [p for p in (userland / "libc").iterdir() if p.suffix in (".c", ".s", ".h")]
    needed += [p for p in (userland / "bin").rglob("*") if p.suffix in (".c", ".h", ".s")]    # /bin's programs
    missing = []
    for path in needed:
        rel = path.relative_to(ROOT)
        target = "share/ufos/" + rel.parent.as_posix()
        if not any(fnmatch(rel.as_posix(), pattern) for pattern in data_files.get(target, [])):
            missing.append(rel.as_posix())
    assert not missing, f"add these to [tool.setuptools.data-files] in pyproject.toml: {missing}"


# ---------------------------------------------------------------------------------------------
# C programs: these need the C compiler (ufos.toolchain.cc) and libc (userland/)
# ---------------------------------------------------------------------------------------------
HELLO_C = """#include <stdio.h>

int main(void) {
    printf("hello, %s %d\\n", "world", 42);
    return 0;
}
"""


def test_hello_world_with_printf(tmp_path):
    write(tmp_path, hello_c=HELLO_C)
    status, out, err = ufos("cc", "hello.c", "-o", "hello", cwd=tmp_path)
    assert status == 0, err.decode()
    assert ufos("run", "hello", cwd=tmp_path) == (0, b"hello, world 42\n", b"")


def test_run_c_with_source_text():
    result = run_c("#include <stdio.h>\nint main(int argc, char **argv) { puts(argv[1]); return argc; }\n",
                   argv=["prog", "hi"])
    assert (result.status, result.stdout) == (2, b"hi\n")


def test_several_c_files(tmp_path):
    write(tmp_path, util_c="int twice(int x) { return 2 * x; }\n",
          main_c="#include <stdio.h>\nint twice(int);\nint main(void) { printf(\"%d\\n\", twice(21)); return 3; }\n")
    result = run_c([str(tmp_path / "main.c"), str(tmp_path / "util.c")])
    assert (result.status, result.stdout) == (3, b"42\n")


def test_c_compile_then_link_and_S(tmp_path, monkeypatch):
    write(tmp_path, util_c="int twice(int x) { return 2 * x; }\n",
          main_c="int twice(int);\nint main(void) { return twice(21); }\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-c", "main.c", "util.c"]) == 0
    assert cli.main(["cc", "main.o", "util.o", "-o", "prog"]) == 0
    assert ufos("run", "prog", cwd=tmp_path)[0] == 42
    assert cli.main(["cc", "-S", "util.c"]) == 0
    assert "twice" in (tmp_path / "util.s").read_text()
    assert cli.main(["cc", "main.c", "util.s", "-o", "prog2"]) == 0          # the .s assembles and links
    assert ufos("run", "prog2", cwd=tmp_path)[0] == 42


def test_defines_and_include_dirs(tmp_path, monkeypatch):
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "config.h").write_text("#define BASE 40\n")
    write(tmp_path, prog_c='#include "config.h"\n#include <stdio.h>\n'
                           'int main(void) { printf("%s\\n", GREETING); return BASE + EXTRA; }\n')
    monkeypatch.chdir(tmp_path / "inc")
    assert cli.main(["cc", "-I", str(tmp_path / "inc"), "-DGREETING=\"hey\"", "-D", "EXTRA",
                     str(tmp_path / "prog.c"), "-o", str(tmp_path / "prog")]) == 0
    assert ufos("run", "prog", cwd=tmp_path) == (41, b"hey\n", b"")
    result = run_c([str(tmp_path / "prog.c")], include_dirs=[tmp_path / "inc"],
                   defines={"GREETING": '"yo"', "EXTRA": "2"})
    assert (result.status, result.stdout) == (42, b"yo\n")


def test_compile_error_gives_status_1_and_a_gcc_style_message(tmp_path):
    write(tmp_path, bad_c="int main(void) {\n    return 1 +;\n}\n")
    status, _out, err = ufos("cc", "bad.c", cwd=tmp_path)
    assert status == 1
    assert re.search(rb"^bad\.c:2:\d+: error: ", err, re.M), err
    assert b"Traceback" not in err and not (tmp_path / "a.out").exists()


def test_exec_passes_stdin_and_the_exit_status(tmp_path):
    write(tmp_path, upper_c="""#include <stdio.h>
#include <ctype.h>

int main(void) {
    int c, n = 0;
    while ((c = getchar()) != EOF) {
        putchar(toupper(c));
        n++;
    }
    return n;
}
""")
    assert ufos("cc", "upper.c", "-o", "upper", cwd=tmp_path)[0] == 0
    assert ufos("run", "upper", cwd=tmp_path, stdin=b"shout it\n") == (9, b"SHOUT IT\n", b"")


# ---------------------------------------------------------------------------------------------
# The flags real build scripts pass
# ---------------------------------------------------------------------------------------------
STD_C = """#include <stdio.h>
#include "twice.h"
int main(void) {
#ifdef __STDC_VERSION__
    printf("%d %ld\\n", TWICE(21), __STDC_VERSION__);
#else
    printf("%d c90\\n", TWICE(21));
#endif
    return 0;
}
"""


def test_cc_accepts_warning_optimisation_debug_and_library_flags(tmp_path, monkeypatch):
    write(tmp_path, prog_c=STD_C, twice_h="#define TWICE(x) ((x) * 2)\n")
    monkeypatch.chdir(tmp_path)
    flags = ["-w", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter", "-O0", "-O2", "-O3", "-Os", "-g",
             "-g3", "-pedantic", "-pedantic-errors", "-pthread", "-fPIC", "-fno-strict-aliasing",
             "-lm", "-lc", "-lrt", "-lpthread", "-L", "/usr/lib", "-Wl,--as-needed", "-static",
             "-isystem", str(tmp_path)]
    assert cli.main(["cc", *flags, "prog.c", "-o", "prog"]) == 0
    assert ufos("run", "prog", cwd=tmp_path)[:2] == (0, b"42 201112\n")


@pytest.mark.parametrize("std, line", [("-std=c89", '"%d c90\\n", ((21) * 2));'),
                                       ("-ansi", '"%d c90\\n", ((21) * 2));'),
                                       ("-std=c99", "((21) * 2), 199901L);"),
                                       ("-std=gnu11", "((21) * 2), 201112L);"),
                                       ("-std=c17", "((21) * 2), 201710L);")])
def test_cc_std_sets_stdc_version(tmp_path, monkeypatch, capsys, std, line):
    write(tmp_path, prog_c=STD_C, twice_h="#define TWICE(x) ((x) * 2)\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", std, "-E", "prog.c"]) == 0
    assert line in capsys.readouterr().out


@pytest.mark.parametrize("std, unix", [(None, True), ("-std=gnu11", True), ("-std=c11", False), ("-ansi", False)])
def test_cc_predefines_unix_as_gcc_does(tmp_path, monkeypatch, capsys, std, unix):
    write(tmp_path, prog_c="#ifdef unix\nint plain_unix;\n#endif\n#if __unix__ && __unix\nint reserved_unix;\n#endif\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", *([std] if std else []), "-E", "prog.c"]) == 0
    out = capsys.readouterr().out
    assert ("plain_unix" in out, "reserved_unix" in out) == (unix, True)


def test_cc_unknown_flags_and_libraries_are_errors_that_name_them(tmp_path, monkeypatch, capsys):
    write(tmp_path, prog_c=STD_C, twice_h="")
    monkeypatch.chdir(tmp_path)
    for flag, message in [("-funroll-everything", "unrecognized command-line option '-funroll-everything'"),
                          ("-Qunknown", "unrecognized command-line option '-Qunknown'"),
                          ("-lfoo", "cannot find -lfoo"),
                          ("-std=c77", "invalid choice: 'c77'")]:
        assert cli.main(["cc", flag, "prog.c"]) == 1
        err = capsys.readouterr().err
        assert "ufos cc: error: " in err and message in err, (flag, err)
    assert not (tmp_path / "a.out").exists()


def test_cc_E_preprocesses_to_stdout_or_to_o(tmp_path, monkeypatch, capsys):
    write(tmp_path, prog_c="#define N 6\n#define SQ(x) ((x) * (x))\nint a = SQ(N);\n#undef N\nint b = N;\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-E", "prog.c", "-DEXTRA=1"]) == 0
    out = capsys.readouterr().out
    assert "int a = ((6) * (6));" in out and "int b = N;" in out and "#define" not in out
    assert cli.main(["cc", "-E", "-UNOTHING", "prog.c", "-o", "prog.i"]) == 0
    assert "int a = ((6) * (6));" in (tmp_path / "prog.i").read_text()
    assert not (tmp_path / "a.out").exists()


def test_cc_M_and_MM_write_make_rules(tmp_path, monkeypatch, capsys):
    write(tmp_path, prog_c=STD_C, twice_h="#define TWICE(x) ((x) * 2)\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-M", "prog.c"]) == 0
    rule = capsys.readouterr().out
    assert rule.startswith("prog.o: prog.c \\\n") and "twice.h" in rule and "include/stdio.h" in rule
    assert cli.main(["cc", "-MM", "-MT", "build/prog.o", "-MP", "prog.c"]) == 0
    rule = capsys.readouterr().out
    assert rule.startswith("build/prog.o: prog.c \\\n") and "stdio.h" not in rule
    assert rule.rstrip("\n").endswith("twice.h:")                   # -MP: an empty rule per header
    assert cli.main(["cc", "-MM", "-MF", "prog.dep", "prog.c"]) == 0
    assert "twice.h" in (tmp_path / "prog.dep").read_text()


def test_cc_MD_writes_the_rule_beside_the_object(tmp_path, monkeypatch):
    write(tmp_path, prog_c=STD_C, twice_h="#define TWICE(x) ((x) * 2)\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-c", "-MMD", "prog.c", "-o", "out.o"]) == 0
    assert (tmp_path / "out.o").exists()
    rule = (tmp_path / "out.d").read_text()
    assert rule.startswith("out.o: prog.c \\\n") and "twice.h" in rule and "stdio.h" not in rule
    assert cli.main(["cc", "-MD", "-MF", "all.d", "prog.c", "-o", "prog"]) == 0
    assert "include/stdio.h" in (tmp_path / "all.d").read_text()
    assert ufos("run", "prog", cwd=tmp_path)[:2] == (0, b"42 201112\n")


def test_cc_S_to_standard_output(tmp_path, monkeypatch, capsysbinary):
    write(tmp_path, prog_c="int answer(void) { return 42; }\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cc", "-S", "prog.c", "-o", "-"]) == 0
    assert b"answer:" in capsysbinary.readouterr().out and not (tmp_path / "-").exists()
