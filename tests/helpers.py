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
import threading
import time
from pathlib import Path

from ufos.kernel.boot import Options
from ufos.runner import RunResult, boot, run_image
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


class Guest:
    """A program running in ufos on a thread of its own, its guest ports mapped to free host ports
    (hostfwd to port 0), so real clients on the host reach it and tests never clash over ports.
    argv[0] is a path in the root image (/bin/redis-server), or image gives the program. Every
    wait on the host side has a timeout."""

    TIMEOUT = 20            # seconds

    def __init__(self, argv: list[str], image=None, ports=(7000,), hostfwd=None, share=None,
                 budget: int = 200_000_000, **options):
        if share is not None:
            options["share"] = str(share)
        options = Options(hostfwd=hostfwd if hostfwd is not None else {p: 0 for p in ports},
                          max_instructions=budget, monitored=True, **options)
        self.kernel = boot(options, stdin=b"", capture=True)
        self.pid = self.kernel.spawn(argv[0], list(argv), image=image)
        self.thread = threading.Thread(target=self.kernel.run, daemon=True)
        self.thread.start()

    def host_port(self, guest_port: int = 7000) -> int:
        """The host port the guest's listener on guest_port got (once it listens)."""
        deadline = time.monotonic() + self.TIMEOUT
        while guest_port not in self.kernel.net.host_ports:
            assert self.thread.is_alive(), self.kernel.output(2).decode()
            assert time.monotonic() < deadline, "the guest never listened"
            time.sleep(0.01)
        return self.kernel.net.host_ports[guest_port]

    def kill(self, sig: int, pid: int | None = None) -> None:
        """Send sig to pid (default: the program started), as `kill` would, from the kernel's thread."""
        from ufos.kernel import signal
        k = self.kernel
        k.inbox.post(lambda: [signal.send(k, p, sig) for p in k.procs.live() if p.pid == (pid or self.pid)])

    def finish(self) -> tuple[int, bytes, bytes]:
        """Wait for every μprocess to end: (status, stdout, stderr)."""
        self.thread.join(self.TIMEOUT)
        assert not self.thread.is_alive(), "the guest did not finish"
        return self.kernel.status, self.kernel.output(1), self.kernel.output(2)
