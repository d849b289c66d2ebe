"""A generated portable C program (ufos/bench/cc_source.py: structs, loops, switches, snprintf,
function pointers) compiled by `ufos cc` and run on ufos: it must print what the host's gcc-built
program prints. The default run has 300 lines; the slow one the 30,000 lines that
`ufos bench cc --lines 30000` times (the size of a scripting-language interpreter).
"""
import shutil
import subprocess

import pytest

from ufos.bench.cc_source import generated_program
from ufos.runner import run_c
from ufos.toolchain.driver import Source

# What the programs print when built with `gcc -std=c11 -O0` on x86-64 Linux (recomputed below
# whenever gcc is on the host).
EXPECTED = {300: b"11 functions, checksum 1067604382\n",
            30_000: b"1193 functions, checksum 3663582456\n"}


def host_output(text: str, tmp_path) -> bytes | None:
    if shutil.which("gcc") is None:
        return None
    (tmp_path / "generated.c").write_text(text)
    subprocess.run(["gcc", "-std=c11", "-O0", "-w", "generated.c", "-o", "generated"], cwd=tmp_path, check=True)
    return subprocess.run([str(tmp_path / "generated")], capture_output=True, check=True).stdout


@pytest.mark.parametrize("lines", [300, pytest.param(30_000, marks=pytest.mark.slow)])
def test_generated_program_prints_what_gcc_prints(lines, tmp_path):
    text = generated_program(lines)
    assert abs(text.count("\n") - lines) < 40
    host = host_output(text, tmp_path)
    if host is not None:
        assert host == EXPECTED[lines]
    result = run_c(Source("generated.c", text), max_instructions=500_000_000)
    assert (result.status, result.stdout) == (0, EXPECTED[lines]), result.stderr.decode(errors="replace")
