"""The C test suite: every program under tests/toolchain/c/ compiled with the ufos C compiler and libc, run
on the machine, and compared with what it must print.

    tests/toolchain/c/<area>/<name>.c     the program (areas: lang, libc, cheri, programs)
    tests/toolchain/c/<area>/<name>.out   its exact expected stdout
    tests/toolchain/c/<area>/<name>.in    its stdin (optional)

Sidecar lines at the top of a program (see tests/toolchain/c/make_expected.py, which also generates the
`.out` files of programs marked `// expected: host` with the host's gcc):

    // status: N        expected exit status (default 0); 162 = 128 + SIGPROT, a capability fault
    // stdin: text      stdin, with C escapes, no newline added
    // args: a b c      argv[1:]
    // stderr: text     a substring stderr must contain (may repeat)
    // with: parts/x.c  another translation unit (files under a `parts/` folder are not programs)
    // slow             more than ~20M instructions: marked `slow`, and given a larger budget

Run one area or one program:  pytest tests/toolchain/test_c_programs.py -k cheri/
"""
from __future__ import annotations

import difflib
import importlib.util
import sys
from pathlib import Path

import pytest

C_DIR = Path(__file__).resolve().parent / "c"

_spec = importlib.util.spec_from_file_location("c_make_expected", C_DIR / "make_expected.py")
sidecars = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sidecars          # dataclasses look their module up by name
_spec.loader.exec_module(sidecars)

BUDGET = 200_000_000            # instructions: an infinite loop fails in seconds, not hours
SLOW_BUDGET = 2_000_000_000

try:
    from ufos.runner import run_c
    _IMPORT_ERROR = None
except ImportError as exc:      # the driver is not written yet: every program fails with this
    run_c = None
    _IMPORT_ERROR = exc

PROGRAMS = sidecars.find_programs()


def _params():
    for prog in PROGRAMS:
        marks = [pytest.mark.slow] if prog.slow else []
        yield pytest.param(prog, id=prog.name, marks=marks)


# The areas whose programs mean the same in hybrid C (`ufos cc -mabi=hybrid`: plain pointers,
# checked against DDC) and must print the same; but for these, which print what a pointer is made of.
HYBRID_AREAS = ("programs", "libc")
PURECAP_ONLY = {"libc/printf_pointer.c": "prints a pointer's capability fields"}


def _hybrid_params():
    for prog in PROGRAMS:
        if prog.name.split("/")[0] in HYBRID_AREAS and prog.name not in PURECAP_ONLY:
            yield pytest.param(prog, id=prog.name, marks=[pytest.mark.slow] if prog.slow else [])


def _run(prog, abi="purecap"):
    """Build and run one program with its sidecar argv and stdin, within its instruction budget."""
    budget = SLOW_BUDGET if prog.slow else BUDGET
    result = run_c([str(p) for p in prog.sources], argv=prog.argv, stdin=prog.stdin,
                   max_instructions=budget, abi=abi)
    return result, budget


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="backslashreplace")


def _report(prog, result, expected: bytes, problems: list[str]) -> str:
    lines = [f"{prog.name}: " + "; ".join(problems)]
    if result.stdout != expected:
        diff = difflib.unified_diff(_text(expected).splitlines(keepends=True),
                                    _text(result.stdout).splitlines(keepends=True),
                                    fromfile=f"{prog.name[:-2]}.out (expected)",
                                    tofile="stdout (actual)")
        text = "".join(d if d.endswith("\n") else d + "\n\\ no newline at end\n" for d in diff)
        if len(text) > 6000:
            text = text[:6000] + "\n... (diff truncated)\n"
        lines += ["--- stdout diff ---", text.rstrip("\n")]
    stderr = _text(result.stderr)
    if len(stderr) > 3000:
        stderr = stderr[:1500] + "\n...\n" + stderr[-1500:]
    lines += ["--- stderr ---", stderr.rstrip("\n") or "(empty)",
              f"--- {result.instructions:,} instructions; status {result.status}"]
    return "\n".join(lines)


@pytest.mark.parametrize("prog", list(_params()))
def test_c_program(prog):
    check_program(prog, "purecap")


@pytest.mark.parametrize("prog", list(_hybrid_params()))
def test_c_program_in_hybrid_c(prog):
    """The same program compiled as hybrid C runs in A64 and must print the same."""
    check_program(prog, "hybrid")


def check_program(prog, abi: str) -> None:
    if run_c is None:
        pytest.fail(f"cannot import ufos.runner.run_c: {_IMPORT_ERROR!r}", pytrace=False)
    if not prog.out_path.exists():
        pytest.fail(f"{prog.name}: no expected output {prog.out_path.name} "
                    "(write it by hand, or mark the program `// expected: host` and run "
                    "tests/toolchain/c/make_expected.py)", pytrace=False)
    expected = prog.out_path.read_bytes()

    result, budget = _run(prog, abi)

    problems = []
    if result.status != prog.status:
        problems.append(f"exit status {result.status}, expected {prog.status}")
    if result.instructions >= budget:
        problems.append(f"stopped at its budget of {budget:,} instructions (a loop that never ends?"
                        + ("" if prog.slow else " or a program to mark `// slow`") + ")")
    if result.stdout != expected:
        problems.append("stdout differs")
    missing = [s for s in prog.stderr if s.encode() not in result.stderr]
    if missing:
        problems.append("stderr lacks " + ", ".join(repr(s) for s in missing))
    if problems:
        pytest.fail(_report(prog, result, expected, problems), pytrace=False)


def test_every_program_has_an_expected_output():
    """A forgotten .out file, or a sidecar naming a missing translation unit, fails here too."""
    missing = [p.name for p in PROGRAMS if not p.out_path.exists()]
    missing += [f"{p.name}: // with: {w}" for p in PROGRAMS for w in p.with_sources if not w.exists()]
    assert not missing, missing


def test_the_suite_covers_every_area():
    areas = {}
    for prog in PROGRAMS:
        areas.setdefault(prog.name.split("/")[0], []).append(prog)
    assert set(areas) >= {"lang", "libc", "cheri", "programs"}
    assert len(PROGRAMS) >= 100
