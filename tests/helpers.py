"""What the test folders share: where the repository is, the instruction budget, programs built once
per test session (per xdist worker), and machines booted to run one program.

    from tests.helpers import BUDGET, build, run_program, run_bin
    r = run_program(HERE / "syscalls.c")             # build once, boot, run: r.status, r.stdout, ...
    r = run_bin(["pmap", "-p", "self"], policy="sync")   # /bin/pmap from the root image
    g = Guest(["/bin/httpd", "-p", "8080"], ports=(8080,), share=tmp_path)   # a server real clients reach

The fork policies are ufos.kernel.fork.POLICIES: a test parametrized over them imports them from there.
"""
from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from ufos.kernel.boot import Options
from ufos.runner import Background, RunResult, boot, run_image
from ufos.toolchain.driver import build_executable
from ufos.toolchain.userland import userland_programs

ROOT = Path(__file__).resolve().parents[1]          # the repository
BUDGET = 50_000_000                                 # instructions: an infinite loop fails in seconds


def ufos_env(**extra: str) -> dict[str, str]:
    """The environment of a `python -m ufos` subprocess: this checkout's ufos first on PYTHONPATH."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path, **extra)


@functools.cache
def build(*sources: str | Path):
    """The program compiled and linked from sources (C and assembly files), once per session."""
    return build_executable([str(s) for s in sources])


def bin_image(name: str):
    """/bin/NAME built from the sources the root image builds it from (userland/bin), once per session."""
    return build(*userland_programs()[name])


def run_program(sources, *args: str, stdin: bytes = b"", budget: int = BUDGET, **options) -> RunResult:
    """Boot, run the program built from sources (one path or several; argv[0] is the first's stem)
    with args, capture what it writes."""
    sources = (sources,) if isinstance(sources, (str, Path)) else tuple(sources)
    return run_image(build(*sources), [Path(sources[0]).stem, *args], stdin=stdin,
                     max_instructions=budget, **options)


def run_bin(argv: list[str], budget: int = BUDGET, **options) -> RunResult:
    """Boot and run /bin/ARGV[0] (from the root image) with argv. The status is the kernel's, as it
    gives it (not made 0 when it is None, as run_image does)."""
    k = boot(Options(max_instructions=budget, **options), capture=True)
    k.spawn(f"/bin/{argv[0]}", list(argv))
    status = k.run()
    return RunResult(status, k.output(1), k.output(2), k.cpu.sysreg("icount"), k)


class Guest(Background):
    """A program running in ufos on a thread of its own that real clients on the host reach
    (ufos.runner.Background), with the tests' defaults: guest port 7000 forwarded to a free host
    port, a budget of 200M instructions, every host-side wait bounded by TIMEOUT seconds."""

    TIMEOUT = 20

    def __init__(self, argv: list[str], image=None, ports=(7000,), budget: int = 200_000_000, **options):
        super().__init__(argv, image=image, ports=ports, budget=budget, **options)

    def host_port(self, guest_port: int = 7000, timeout: float = TIMEOUT) -> int:
        return super().host_port(guest_port, timeout)


def run_on_linux(source: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The C program source compiled by the host's gcc and run with args: what Linux does, for
    the expected output (a .out file) that a test compares ufos's run with."""
    exe = tmp_path / source.stem
    subprocess.run(["gcc", "-std=c11", "-O0", "-w", str(source), "-o", str(exe)], check=True)
    return subprocess.run([str(exe), *args], capture_output=True, timeout=60)
