"""`ufos exec PROG [ARGS...]`: run an executable made by `ufos cc` (or `ufos ld`) on the bare machine.

A STAND-IN until the kernel's `ufos run` exists: there is no kernel, no file system and no fork;
runner.py services write, read, mmap and exit. The program's stdin is this command's stdin (read
as the program asks for it, so it works from a terminal too), its stdout and stderr are written
here as the program writes them, and the command exits with the program's status: 128 + the
signal if it was stopped by one, with the message (e.g. `ufos: SIGPROT: capability bounds fault
...`) on stderr.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys

from ufos.toolchain.elf import ElfError
from ufos.toolchain.ld import load_executable
from ufos.toolchain.runner import SYS_READ, BareRunner, RunResult


class HostRunner(BareRunner):
    """A BareRunner whose stdin, stdout and stderr are the host's, streamed."""

    def __init__(self, image, argv, env=(), stdin_fd: int = 0, stdout=None, stderr=None, **machine_options):
        super().__init__(image, argv, env, b"", **machine_options)
        self.stdin_fd, self.eof = stdin_fd, False
        self.streams = {1: stdout or sys.stdout.buffer, 2: stderr or sys.stderr.buffer}

    def syscall(self):
        cpu = self.m.cpu
        if cpu.x[8] == SYS_READ and cpu.x[0] == 0 and not self.stdin and not self.eof and cpu.x[2]:
            try:
                data = os.read(self.stdin_fd, min(cpu.x[2], 1 << 16))   # waits, as a real read does
            except OSError:
                data = b""
            self.stdin, self.eof = data, not data
        result = super().syscall()
        self.flush()
        return result

    def flush(self) -> None:
        for fd, stream in self.streams.items():
            if self.out[fd]:
                stream.write(bytes(self.out[fd]))
                stream.flush()
                self.out[fd].clear()

    def run(self, max_instructions: int = 1 << 40) -> RunResult:
        result = super().run(max_instructions)
        self.flush()      # what came after the last system call: a fault's message
        return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="ufos exec",
        description="Run an ELF executable made by `ufos cc` on the bare machine, without a kernel. "
                    "TEMPORARY: a stand-in until the kernel's `ufos run` exists.",
        epilog="The program's stdin, stdout and stderr are this command's; the exit status is the "
               "program's (128 + the signal if a fault stopped it).")
    parser.add_argument("program", metavar="PROG", help="the executable")
    parser.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS", help="its arguments")
    parser.add_argument("--max-instructions", type=int, default=1 << 40, metavar="N",
                        help="stop the program after N instructions (status 137)")
    args = parser.parse_args(argv)
    try:
        image = load_executable(args.program)
    except OSError as e:
        print(f"ufos exec: error: {args.program}: {e.strerror or e}", file=sys.stderr)
        return 1
    except (ElfError, ValueError, IndexError, struct.error) as e:
        print(f"ufos exec: error: {args.program}: {e}", file=sys.stderr)
        return 1
    runner = HostRunner(image, [args.program, *args.args])
    return runner.run(args.max_instructions).status
