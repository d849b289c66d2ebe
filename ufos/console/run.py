"""`ufos run [OPTIONS] PROG [ARGS...]`: boot, run one program, exit with its status.

PROG is a path inside ufos (/bin/sh), or a file on the host: an executable made by `ufos cc`, or a
.c file, compiled on the way. The program's standard input, output and error are this command's;
ufos prints nothing of its own unless asked (--trace) or unless the program is killed by a signal
(then the kernel says why on the program's standard error). The exit status is the program's, or
128 + N if signal N ended it — what scripts, tests and graders need. A program that puts its
terminal in raw mode puts this terminal in raw mode; ufos gives it back as it was when it ends.
"""
from __future__ import annotations

import argparse
import os
import sys

from ufos.console import monitor
from ufos.console.machine import call_kernel
from ufos.kernel import tty
from ufos.kernel.boot import ISOLATION, Options
from ufos.kernel.fork import POLICIES, RELOCATORS
from ufos.kernel.uapi import SyscallError
from ufos.runner import boot, progress
from ufos.toolchain.files import file_error


def parse_size(text: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().rstrip("ib").rstrip("b")
    scale = units.get(text[-1:], 1)
    try:
        return int(float(text.rstrip("kmg")) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 256M or 1G)")


def parse_hostfwd(text: str) -> tuple[int, int]:
    """GUEST:HOST -> (guest port, host port); HOST 0 lets the host choose a free port."""
    try:
        guest, hostport = (int(part) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not GUEST:HOST ports: {text!r} (say 8080:18080)")
    if not (0 < guest < 65536 and 0 <= hostport < 65536):
        raise argparse.ArgumentTypeError(f"ports are 1-65535: {text!r}")
    return guest, hostport


def add_boot_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fork-policy", choices=POLICIES, default="copa",
                        help="how fork copies memory (default copa)")
    parser.add_argument("--relocator", choices=RELOCATORS, default="machine",
                        help="who moves the capabilities of the pages fork copies: the machine's fast "
                             "path, or the kernel's Python (lab fork; default machine)")
    parser.add_argument("--isolation", choices=ISOLATION, default="adversarial",
                        help="how much the kernel distrusts μprocesses: adversarial and fault check "
                             "every pointer argument (a μprocess has no threads, so the copy-in that "
                             "adversarial adds against races changes nothing in ufos); off checks "
                             "none (default adversarial)")
    parser.add_argument("--memory", type=parse_size, default=256 << 20, help="physical memory (default 256M)")
    parser.add_argument("--seed", type=int, default=None, help="randomise slot placement with this seed")
    parser.add_argument("--share",
                        help="an existing host directory seen as /host (default ./ufos-data, made when "
                             "the guest first writes there)")
    parser.add_argument("--trace", action="store_true", help="print every system call on stderr")
    parser.add_argument("--hostfwd", type=parse_hostfwd, action="append", default=[], metavar="GUEST:HOST",
                        help="a guest listening on port GUEST listens on the host's 127.0.0.1:HOST "
                             "(default: the same port); may be repeated")


def options_from(args) -> Options:
    """A boot from the command line keeps the host's time (`date` agrees with the host's), unless
    --seed asks for a run that is the same every time: then the clock is virtual (boot.py).
    --share names a directory that is there: ufos makes none on the host but ./ufos-data."""
    if args.share is not None and not os.path.isdir(args.share):
        raise ValueError(f"--share {args.share}: " +
                         ("not a directory" if os.path.exists(args.share) else "no such directory"))
    return Options(policy=args.fork_policy, relocator=args.relocator, isolation=args.isolation,
                   memory=args.memory, seed=args.seed, share=args.share or Options.share, trace=args.trace,
                   hostfwd=dict(args.hostfwd), clock="host" if args.seed is None else "virtual",
                   monitored=True)


def boot_error(command: str, e: Exception) -> str:
    """The one line that says why the machine could not boot (what `ufos boot` and `ufos run` print)."""
    if isinstance(e, MemoryError):
        return f"{command}: {e} (ask for less with --memory)"
    if isinstance(e, OSError):
        return f"{command}: {file_error(e)}"
    return f"{command}: {e}"


def host_image(path: str):
    """The program in a host file: an ELF executable, or C source to compile."""
    from ufos.toolchain.driver import build_executable
    from ufos.abi import ElfError, read_executable
    if path.endswith(".c"):
        return build_executable([path])
    with open(path, "rb") as f:
        data = f.read()
    try:
        return read_executable(data)
    except ElfError as e:
        raise ElfError(f"{path}: {e} (give an executable made by `ufos cc`, or a .c file)") from None


def inside_ufos(kernel, path: str) -> bool:
    """An absolute path that names a file inside ufos wins over a host file of the same name."""
    if not path.startswith("/"):
        return False
    try:
        return kernel.fs.lookup(path).kind == "file"
    except SyscallError:
        return False


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos run", description=__doc__.split("\n\n")[0])
    add_boot_options(parser)
    parser.add_argument("prog", nargs="?", help="/bin/NAME inside ufos, or a host file (ELF or .c)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="its arguments")
    args = parser.parse_args(argv)
    if args.prog is None:
        parser.error("which program? give a path inside ufos (/bin/ls), an executable made by "
                     "`ufos cc`, or a .c file")
    from ufos.toolchain.driver import user_errors
    try:
        kernel = boot(options_from(args), progress)
        if inside_ufos(kernel, args.prog) or not os.path.exists(args.prog):
            kernel.spawn(args.prog, [args.prog] + args.args)
        else:
            kernel.spawn(args.prog, [os.path.basename(args.prog)] + args.args, image=host_image(args.prog))
    except SyscallError as e:
        print(f"ufos run: {e}", file=sys.stderr)
        return 127
    except (OSError, ValueError, MemoryError) + user_errors() as e:
        print(boot_error("ufos run", e), file=sys.stderr)
        return 1
    status = run_kernel(kernel)
    return status if status is not None else 0


def run_kernel(kernel) -> int | None:
    """Run the machine on this thread until it halts, where `ufos top` can see it."""
    server = monitor.Server(kernel, lambda fn: call_kernel(kernel, fn))
    try:
        return kernel.run()
    finally:
        server.close()
        tty.restore_host(kernel)          # a program in raw mode may have been killed
