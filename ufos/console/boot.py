"""`ufos` (no arguments) and `ufos boot [OPTIONS]`: boot the machine to the shell in this terminal.

The kernel starts /bin/init, which starts the shell on the console (session.py: prompt_toolkit
line editing, the monitor on Ctrl-]). `halt`, `poweroff` or Ctrl-D at the shell's prompt turns
the machine off, and ufos exits with status 0. When standard input or output is not a terminal
(`ufos < script`), there is no one to edit lines: the console is this process's standard input
and output, and the machine powers off when the shell reaches the end of its input.
"""
from __future__ import annotations

import argparse
import os
import sys

from ufos import __version__
from ufos.console.monitor import data_dir
from ufos.console.run import add_boot_options, boot_error, options_from, run_kernel
from ufos.runner import boot, progress
from ufos.kernel.uapi import SyscallError

INIT = "/bin/init"


def history_path() -> str:
    """The shell's history, kept across boots: $UFOS_HISTORY, or the file in ufos's data directory."""
    path = os.environ.get("UFOS_HISTORY")
    if path:
        return path
    data_dir().mkdir(parents=True, exist_ok=True)
    return str(data_dir() / "history")


def banner(options) -> str:
    return (f"ufos {__version__}: fork policy {options.policy}, isolation {options.isolation}, "
            f"{options.memory >> 20} MiB\n"
            "Ctrl-] opens the monitor; Ctrl-D at the prompt (or poweroff) turns the machine off.\n")


def boot_without_terminal(options) -> int | None:
    kernel = boot(options, progress)
    kernel.spawn(INIT, ["init"])
    return run_kernel(kernel)


def boot_in_terminal(options) -> int | None:
    from ufos.console.session import Session
    session = Session(options, history_path())
    session.kernel.spawn(INIT, ["init"])
    sys.stdout.write(banner(options))
    sys.stdout.flush()
    status = session.run()
    if session.machine.crash:
        sys.stderr.write(f"ufos: the kernel failed:\n{session.machine.crash}")
        return 70
    return status


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos boot", description=__doc__.split("\n\n")[0])
    add_boot_options(parser)
    args = parser.parse_args(argv)
    try:
        options = options_from(args)
        if os.isatty(0) and os.isatty(1):
            status = boot_in_terminal(options)
        else:
            status = boot_without_terminal(options)
    except SyscallError as e:
        print(f"ufos: cannot start {INIT}: {e}", file=sys.stderr)
        return 1
    except (OSError, ValueError, MemoryError) as e:
        print(boot_error("ufos", e), file=sys.stderr)
        return 1
    return status if status is not None else 0
