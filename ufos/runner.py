"""Boot a machine and run one program: the glue between the toolchain, which builds programs and
the root image, and the kernel, which runs them. `ufos run`, the tests, the benchmarks and the
fuzzer start machines through here.

    k = boot(Options(policy="sync"), capture=True)        # a Kernel with the userland in /bin
    r = run_image(build_executable(["prog.c"]), ["prog", "arg"], stdin=b"input")
    r = run_c(["prog.c"], ["prog"])                        # the same, compiled on the way
    g = Background(["/bin/httpd"], ports=(8080,)); g.host_port(8080)   # a server host clients reach
    r.status, r.stdout, r.stderr, r.instructions, r.kernel
"""
from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import Iterable

from ufos.kernel.boot import Kernel, Options
from ufos.toolchain.driver import Input, build_executable
from ufos.toolchain.ld import DEFAULT_BASE
from ufos.toolchain.userland import root_archive


def boot(options: Options | None = None, report=None, **kernel_args) -> Kernel:
    """A machine booted with the userland's root image (report hears of programs compiled for it)."""
    return Kernel(options, initrd=root_archive(report), **kernel_args)


def progress(message: str) -> None:
    """What a front end shows while the root image is built: a line on the host's stderr."""
    print(f"ufos: {message}", file=sys.stderr, flush=True)


@dataclass
class RunResult:
    status: int             # the exit status, or 128 + the signal that ended the program
    stdout: bytes
    stderr: bytes
    instructions: int       # every instruction the machine ran (the program and its children)
    kernel: Kernel

    @property
    def signal(self) -> int | None:
        return self.status - 128 if self.status > 128 else None


def run_image(image, argv=("prog",), env=(), stdin: bytes = b"", max_instructions: int = 0,
              **options) -> RunResult:
    """Boot, run one linked program (a toolchain Image) with stdin, capture what it writes."""
    opts = Options(max_instructions=max_instructions, **options)
    if env:
        opts.env = list(env)
    k = boot(opts, stdin=stdin, capture=True)
    k.spawn(argv[0] if argv else "prog", list(argv), image=image)
    status = k.run()
    return RunResult(status if status is not None else 0, k.output(1), k.output(2),
                     k.cpu.sysreg("icount"), k)


def run_c(inputs: Input | Iterable[Input], argv: Iterable[str] = ("prog",), stdin: bytes = b"",
          env: Iterable[str] = (), *, include_dirs: Iterable = (), defines=None, nostdlib: bool = False,
          base: int = DEFAULT_BASE, max_instructions: int = 0, abi: str = "purecap", **machine_options):
    """Build the program (for abi: purecap or hybrid) and run it under the kernel (`ufos run`'s
    way): status, stdout, stderr."""
    image = build_executable(inputs, include_dirs=include_dirs, defines=defines, nostdlib=nostdlib, base=base,
                             abi=abi)
    return run_image(image, list(argv), list(env), stdin, max_instructions, **machine_options)


class Background:
    """A machine running one program on a thread of its own — a server that real clients on the
    host reach. Its guest ports are forwarded to free host ports (hostfwd to 0) unless hostfwd
    says otherwise, so several can run at once. argv[0] is a path in the root image
    (/bin/redis-server), or image gives the program. The kernel's own thread is the only one
    that touches the machine: `call` hands it work through the inbox."""

    def __init__(self, argv: list[str], image=None, ports=(), hostfwd=None, share=None,
                 budget: int = 0, report=None, **options):
        if share is not None:
            options["share"] = str(share)
        options = Options(hostfwd=hostfwd if hostfwd is not None else {p: 0 for p in ports},
                          max_instructions=budget, monitored=True, **options)
        self.kernel = boot(options, report, stdin=b"", capture=True)
        self.pid = self.kernel.spawn(argv[0], list(argv), image=image)
        self.thread = threading.Thread(target=self.kernel.run, daemon=True)
        self.thread.start()

    def host_port(self, guest_port: int, timeout: float = 20) -> int:
        """The host port the guest's listener on guest_port got, once it listens."""
        deadline = time.monotonic() + timeout
        while guest_port not in self.kernel.net.host_ports:
            if not self.thread.is_alive():
                raise RuntimeError(f"the guest ended before it listened:\n{self.kernel.output(2).decode()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the guest never listened on port {guest_port}")
            time.sleep(0.01)
        return self.kernel.net.host_ports[guest_port]

    def call(self, fn, timeout: float = 20):
        """fn(kernel) run on the kernel's thread between two quanta; its result."""
        done, box = threading.Event(), []
        self.kernel.inbox.post(lambda: (box.append(fn(self.kernel)), done.set()))
        deadline = time.monotonic() + timeout
        while not done.wait(0.05):
            if not self.thread.is_alive():        # every μprocess ended: the kernel takes no more work
                return fn(self.kernel)
            if time.monotonic() > deadline:
                raise TimeoutError("the kernel did not take the work posted to it")
        return box[0]

    def kill(self, sig: int, *pids: int) -> None:
        """Send sig to pids (default: the program started), as `kill` would."""
        from ufos.kernel import signal
        chosen = set(pids or (self.pid,))
        self.call(lambda k: [signal.send(k, p, sig) for p in k.procs.live() if p.pid in chosen])

    def children(self) -> set[int]:
        """The pids of the program's live children (a server's workers, a save in progress)."""
        return set(self.call(lambda k: [p.pid for p in k.procs.live() if p.parent and p.parent.pid == self.pid]))

    def stop(self, timeout: float = 20) -> None:
        """Halt the machine: every μprocess is killed (a server's workers too), the thread ends."""
        self.call(lambda k: k.shutdown())
        self.finish(timeout)

    def finish(self, timeout: float = 20) -> tuple[int | None, bytes, bytes]:
        """Wait for every μprocess to end: (status, stdout, stderr)."""
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise TimeoutError("the guest did not finish")
        return self.kernel.status, self.kernel.output(1), self.kernel.output(2)
