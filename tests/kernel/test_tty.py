"""A terminal's mode (struct termios through TCGETS/TCSETS) and window size (TIOCGWINSZ).

The first test runs the C program tests/kernel/tty/modes.c under the kernel, with standard input a
terminal of bytes: the mode it gets, sets and reads back, and the errors of the ioctls. The second
runs `ufos run` on a real pseudo-terminal: the host terminal follows the guest into raw mode and
is given back as it was, although the program never restores it. The interactive console's raw
mode is tested in test_console.py.
"""
from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.runner import boot
from tests.helpers import ROOT, build, ufos_env

HERE = Path(__file__).resolve().parent / "tty"
WAIT = 60

MODES = b"""\
struct termios: 36 bytes, c_cc at 17
tcgetattr = 0
the default: canonical 1 echo 1 signals 1 icrnl 1 opost 1 vmin 1 ^C 3 ^D 4
tcsetattr raw = 0
read back: canonical 0 echo 0 signals 0 icrnl 0 opost 0 vmin 1 ^C 3 ^D 4
the same bytes: 1
tcsetattr back = 0
restored: canonical 1 echo 1 signals 1 icrnl 1 opost 1 vmin 1 ^C 3 ^D 4
tcgetwinsize = 0
24 rows, 80 columns
isatty: 0 1, 1 0
tcgetattr of a pipe = -1 Inappropriate ioctl for device
tcgetattr into 8 bytes = -1 Bad address
tcsetattr from 8 bytes = -1 Bad address
tcsetattr when 7 = -1 Invalid argument
ioctl 0x5499 = -1 Inappropriate ioctl for device
ioctl TIOCGWINSZ = 0
24 rows, 80 columns
after a child left it raw: canonical 1 echo 1 signals 1 icrnl 1 opost 1 vmin 1 ^C 3 ^D 4
read: 2
"""


def test_the_mode_round_trips_and_the_ioctls_fail_cleanly():
    k = boot(Options(), stdin=b"xy", capture=True)
    k.stdin.is_tty = True                    # a terminal whose user has typed "xy"
    k.spawn("modes", ["modes"], image=build(HERE / "modes.c"))
    assert k.run() == 0
    assert k.output(1) == MODES
    assert k.output(2) == b""


def read_until(fd: int, text: bytes, shown: bytearray) -> None:
    """Add what the terminal shows to `shown` until it holds text (bounded: a hang fails)."""
    deadline = time.monotonic() + WAIT
    while text not in shown:
        if time.monotonic() > deadline:
            pytest.fail(f"the terminal never showed {text!r}; it shows {bytes(shown)!r}")
        if select.select([fd], [], [], 0.1)[0]:
            shown += os.read(fd, 4096)


def test_ufos_run_puts_the_host_terminal_in_raw_mode_and_gives_it_back():
    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 90, 0, 0))
        before = termios.tcgetattr(slave)
        ufos = subprocess.Popen([sys.executable, "-m", "ufos", "run", str(HERE / "rawexit.c")],
                                stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
                                env=ufos_env())
        shown = bytearray()
        read_until(master, b"raw\n", shown)
        assert shown == b"30 rows, 90 columns\r\nraw\n"      # raw: no output processing
        assert not termios.tcgetattr(slave)[3] & (termios.ICANON | termios.ECHO)
        os.write(master, b"x")                                # no Enter: raw mode needs none
        read_until(master, b"got x\n", shown)
        assert ufos.wait(WAIT) == 0
        assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)
