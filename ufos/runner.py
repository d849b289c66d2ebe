"""Boot a machine and run one program: the glue between the toolchain, which builds programs and
the root image, and the kernel, which runs them. `ufos run`, the tests, the benchmarks and the
fuzzer start machines through here.

    k = boot(Options(policy="sync"), capture=True)        # a Kernel with the userland in /bin
    r = run_image(build_executable(["prog.c"]), ["prog", "arg"], stdin=b"input")
    r = run_c(["prog.c"], ["prog"])                        # the same, compiled on the way
    r.status, r.stdout, r.stderr, r.instructions, r.kernel
"""
from __future__ import annotations

import sys
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
          base: int = DEFAULT_BASE, max_instructions: int = 0, **machine_options):
    """Build the program and run it under the kernel (`ufos run`'s way): status, stdout, stderr."""
    image = build_executable(inputs, include_dirs=include_dirs, defines=defines, nostdlib=nostdlib, base=base)
    return run_image(image, list(argv), list(env), stdin, max_instructions, **machine_options)
