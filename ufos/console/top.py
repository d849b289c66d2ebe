"""`ufos top [--once] [COMMAND...]`: watch a running ufos from another terminal.

It asks every ufos running in other terminals (`ufos`, `ufos boot`, `ufos run`) for a monitor view
(monitor.py) through the Unix socket each announces in ufos's data directory, shows their answers
one after the other, and redraws them every second until Ctrl-C.
The default view is `top`: the machine's counters and the μprocesses; any monitor command can be
asked instead (`ufos top caps 3`). --once prints the view once, for scripts and tests.
"""
from __future__ import annotations

import argparse
import os
import socket
import sys
import time

from ufos.console.monitor import announcements

CLEAR = "\x1b[H\x1b[2J"


class NotRunning(Exception):
    pass


def machines() -> list[str]:
    """The sockets of the running ufos machines, in the order they started. An announcement left
    by a ufos that was killed (its host process is gone) is removed."""
    found = []
    try:
        entries = sorted(announcements().iterdir(), key=lambda path: path.stat().st_mtime)
    except OSError:                                  # nothing announced yet
        entries = []
    for entry in entries:
        try:
            os.kill(int(entry.name), 0)
            found.append(entry.read_text().strip())
        except ProcessLookupError:
            entry.unlink(missing_ok=True)
        except (OSError, ValueError):                # not ours to judge: leave it
            pass
    if not found:
        raise NotRunning("no ufos is running (start one with `ufos` or `ufos run` in another terminal)")
    return found


def ask(path: str, line: str) -> str:
    """One running ufos's answer to one monitor command."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(15)
            s.connect(path)
            s.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
    except OSError:
        return "ufos: stopped\n"
    return b"".join(chunks).decode("utf-8", "replace")


def view(line: str) -> str:
    """The answers of every running ufos, one after the other."""
    return "\n".join(ask(path, line) for path in machines())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos top", description=__doc__.split("\n\n")[0])
    parser.add_argument("--once", action="store_true", help="print the view once and exit")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between redraws (default 1)")
    parser.add_argument("command", nargs="*", default=["top"], help="a monitor command (default top)")
    args = parser.parse_args(argv)
    line = " ".join(args.command)
    try:
        if args.once:
            sys.stdout.write(view(line))
            return 0
        while True:
            text = view(line)
            sys.stdout.write(CLEAR + text)
            sys.stdout.flush()
            time.sleep(args.interval)
    except NotRunning as e:
        print(f"ufos top: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
