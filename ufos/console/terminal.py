"""The interactive console's device: /dev/console (and descriptors 0, 1, 2 of init) when ufos
boots to the shell. This is the kernel side of the line discipline; the user interface that edits
the lines (session.py) runs on another thread.

Canonical mode, as in a Unix tty: a μprocess that reads gets the bytes of one whole line the user
has finished editing (with its newline), or end of file for Ctrl-D on an empty line. When no line
is waiting, the device asks the user interface for one and the reader sleeps on the device; other
μprocesses run meanwhile. Output is handed to the user interface, which writes it above the line
being edited; a writer sleeps while more than OUTPUT_LIMIT bytes are still on their way to the
screen, so `yes` cannot fill the host's memory.

Raw mode (a μprocess cleared ICANON with tcsetattr): no line editing. The user interface sends
every key as it is pressed (keys()), and a read returns as soon as VMIN bytes are there (VTIME is
ignored). ECHO, ISIG and ICRNL are honoured by the user interface; OPOST is not: the console
always starts a new line at a newline. The special keys are fixed (^C ^Z ^\\ ^D; c_cc only reports
them), and Ctrl-] always opens the monitor: it belongs to the host, like QEMU's escape key.

The two threads never share state: the device calls the user interface only through `ui`'s
thread-safe methods (want_line, show, set_mode, window_size), and the user interface reaches the
device only through the kernel's inbox (boot.py), whose work runs on the kernel's thread: line(),
keys(), interrupt(), shown().

The kernel's own messages (system call traces) come here too, through KernelLog.
"""
from __future__ import annotations

from ufos.kernel import signal
from ufos.kernel.sched import WouldBlock, wakeup
from ufos.kernel.tty import Tty
from ufos.kernel.uapi import POLL

OUTPUT_LIMIT = 64 << 10


class Terminal(Tty):
    is_tty = True

    def __init__(self, ui):
        super().__init__()
        self.ui = ui
        self.typed = bytearray()         # the rest of the line being read, or the keys (raw mode)
        self.eof = False                 # Ctrl-D: the next read returns 0 bytes
        self.asked = False               # the user interface is getting a line
        self.reader = None               # who asked last (the completion of paths uses its cwd)
        self.unshown = 0                 # bytes written, not yet on the screen

    # --- system calls (the kernel's thread) --------------------------------------------------
    def read(self, k, p, f, n):
        self.settle(k)
        if not self.mode.canonical:
            return self.read_keys(n)
        if self.typed:
            return self.take(n)
        if self.eof:
            self.eof = False
            return b""
        if signal.deliverable(p) is None:     # else the signal interrupts the read: no prompt
            self.ask(p)
        raise WouldBlock(self)

    def read_keys(self, n: int) -> bytes:
        """Raw mode: the keys pressed, once there are VMIN of them (or n, if fewer)."""
        if len(self.typed) >= min(self.mode.vmin, n):
            return self.take(n)
        raise WouldBlock(self)

    def take(self, n: int) -> bytes:
        data = bytes(self.typed[:n])
        del self.typed[:n]
        return data

    def write(self, k, p, f, data):
        if self.unshown >= OUTPUT_LIMIT:
            raise WouldBlock(self)
        self.unshown += len(data)
        self.ui.show(bytes(data))
        return len(data)

    def ready(self):
        return bool(self.typed) or self.eof

    def poll(self, k, f):
        if self.ready():
            return POLL.POLLIN | POLL.POLLOUT
        if self.mode.canonical:
            self.ask(k.current)
        return POLL.POLLOUT

    def set_mode(self, k, mode, flush):
        """TCSETS: the user interface edits lines or passes keys. A reader waiting in the old
        mode reads again in the new one (and asks for a line again if it is canonical)."""
        changed = mode.canonical != self.mode.canonical
        super().set_mode(k, mode, flush)
        if flush:
            self.typed.clear()
        self.ui.set_mode(mode, flush)
        if changed:
            self.asked = False
            wakeup(k, self)

    def window_size(self):
        return self.ui.window_size()

    def log(self, text: str) -> None:
        """A message of the kernel's (a system call trace, Kernel.log): shown, never waited for."""
        data = text.encode()
        self.unshown += len(data)
        self.ui.show(data)

    def ask(self, p) -> None:
        self.reader = p
        if not self.asked:
            self.asked = True
            self.ui.want_line(shell=p is not None and p.name == "sh")

    # --- from the user interface, through the kernel's inbox ------------------------------------
    def line(self, k, data: bytes) -> None:
        """A line the user finished (ending with a newline), or b"" for Ctrl-D."""
        self.asked = False
        if data:
            self.typed += data
        else:
            self.eof = True
        wakeup(k, self)
        wakeup(k, k.polling)

    def keys(self, k, data: bytes) -> None:
        """Raw mode: keys the user pressed."""
        self.typed += data
        wakeup(k, self)
        wakeup(k, k.polling)

    def interrupt(self, k, sig: int) -> None:
        """Ctrl-C, Ctrl-Z or Ctrl-\\: the line being edited is gone, the signal goes to the
        foreground process group, and a reader still waiting asks again."""
        k.interrupt(sig)
        self.asked = False
        wakeup(k, self)

    def shown(self, k, n: int) -> None:
        self.unshown -= n
        wakeup(k, self)


class KernelLog:
    """The kernel's log (Kernel.log, where system call traces go), written on the terminal."""

    def __init__(self, terminal: Terminal):
        self.terminal = terminal

    def write(self, text: str) -> None:
        self.terminal.log(text)
