"""`ufos top [--once] [COMMAND...]`: watch a running ufos from another terminal.

It asks the ufos booted in another terminal (`ufos`) for a monitor view (monitor.py) through the
Unix socket that ufos announces in its data directory, and redraws it every second until Ctrl-C.
The default view is `top`: the machine's counters and the μprocesses; any monitor command can be
asked instead (`ufos top caps 3`). --once prints the view once, for scripts and tests.
"""
from __future__ import annotations

import argparse
import socket
import sys
import time

from ufos.console.monitor import announcement

CLEAR = "\x1b[H\x1b[2J"


class NotRunning(Exception):
    pass


def ask(line: str) -> str:
    """The running ufos's answer to one monitor command."""
    try:
        path = announcement().read_text().strip()
    except OSError:
        raise NotRunning("no ufos is running (start one with `ufos` in another terminal)") from None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(15)
            s.connect(path)
            s.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
    except OSError:
        raise NotRunning("no ufos is running (the last one has stopped)") from None
    return b"".join(chunks).decode("utf-8", "replace")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos top", description=__doc__.split("\n\n")[0])
    parser.add_argument("--once", action="store_true", help="print the view once and exit")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between redraws (default 1)")
    parser.add_argument("command", nargs="*", default=["top"], help="a monitor command (default top)")
    args = parser.parse_args(argv)
    line = " ".join(args.command)
    try:
        if args.once:
            sys.stdout.write(ask(line))
            return 0
        while True:
            text = ask(line)
            sys.stdout.write(CLEAR + text)
            sys.stdout.flush()
            time.sleep(args.interval)
    except NotRunning as e:
        print(f"ufos top: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
