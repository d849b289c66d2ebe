"""Terminals: how μprocesses' standard input and output reach the host.

`ufos run` connects a program's descriptors 0, 1 and 2 to the host's own (HostInput, HostOutput);
tests connect them to byte buffers (BufferInput, BufferOutput); the interactive console
(ufos/console) supplies its own input that edits lines with prompt_toolkit. All are nodes of open
Files (file.py) and character devices: isatty() is true for the ones attached to a real terminal.

A terminal has a mode, Linux's struct termios (userland/include/termios.h), which μprocesses get
and set with the TCGETS and TCSETS ioctls (Tty.ioctl; sys_ioctl only dispatches): canonical by
default (the terminal edits a line, a read gets it whole), or raw (cfmakeraw: each key as it is
pressed, no echo, Ctrl-C a byte rather than SIGINT). Under `ufos run` the host terminal itself is
put in the guest's mode (HostTty), and given back as it was when ufos ends (restore_host); the
interactive console applies the mode in its own line discipline (ufos/console/terminal.py). A
μprocess that leaves canonical mode and ends without restoring it cannot leave the terminal
useless: the next read or ioctl puts the default back (Tty.settle).

Reading host input never stops the machine: when no byte is ready the reader sleeps on the input
(raises WouldBlock), other μprocesses run, and the kernel's idle loop waits on the host descriptor
(`host_fd`) when nothing else can run.
"""
from __future__ import annotations

import os
import select
import struct
import termios
from dataclasses import dataclass
from types import SimpleNamespace

from ufos.kernel.fs import Inode, Stat, new_ino
from ufos.kernel.sched import WouldBlock
from ufos.kernel.uapi import E, POLL, S, SIG, SyscallError, defines

IOCTL = defines("unistd.h", "T")        # TCGETS, TCSETS, TCSETSW, TCSETSF, TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ
T = SimpleNamespace(**defines("termios.h", ""))       # T.ICANON, T.VMIN, T.NCCS...
TERMIOS = struct.Struct(f"<4IB{T.NCCS}s")           # struct termios
WINSIZE = struct.Struct("<4H")                        # struct winsize
DEFAULT_SIZE = (24, 80)                               # rows, columns of a terminal with no window


class Device(Inode):
    """A character device: no offset, no size."""
    kind = "dev"
    seekable = False
    host_fd: int | None = None

    def __init__(self):
        self.ino = new_ino()

    def stat(self) -> Stat:
        return Stat(ino=self.ino, mode=S.S_IFCHR | 0o666, rdev=self.ino)

    def read(self, k, p, f, n: int) -> bytes:
        raise SyscallError(E.EINVAL)

    def write(self, k, p, f, data: bytes) -> int:
        raise SyscallError(E.EINVAL)

    def ready(self) -> bool:
        """Would a read return at once? (the kernel asks before waking a sleeping reader)"""
        return True


@dataclass(frozen=True)
class Termios:
    """A terminal's mode: struct termios, field by field."""
    iflag: int
    oflag: int
    cflag: int
    lflag: int
    line: int
    cc: bytes

    @classmethod
    def default(cls) -> Termios:
        """Linux's mode of a new terminal: canonical, echo, signals, Enter is a newline."""
        cc = bytearray(T.NCCS)
        for index, key in ((T.VINTR, 0x03), (T.VQUIT, 0x1C), (T.VERASE, 0x7F), (T.VKILL, 0x15),
                           (T.VEOF, 0x04), (T.VMIN, 1), (T.VSTART, 0x11), (T.VSTOP, 0x13),
                           (T.VSUSP, 0x1A), (T.VREPRINT, 0x12), (T.VDISCARD, 0x0F),
                           (T.VWERASE, 0x17), (T.VLNEXT, 0x16)):
            cc[index] = key
        return cls(iflag=T.ICRNL | T.IXON, oflag=T.OPOST | T.ONLCR, cflag=T.CS8 | T.CREAD,
                   lflag=T.ISIG | T.ICANON | T.ECHO | T.ECHOE | T.ECHOK | T.ECHOCTL | T.ECHOKE | T.IEXTEN,
                   line=0, cc=bytes(cc))

    @classmethod
    def unpack(cls, data: bytes) -> Termios:
        return cls(*TERMIOS.unpack(data))

    def pack(self) -> bytes:
        return TERMIOS.pack(self.iflag, self.oflag, self.cflag, self.lflag, self.line, self.cc)

    @property
    def canonical(self) -> bool:
        return bool(self.lflag & T.ICANON)

    @property
    def echo(self) -> bool:
        return bool(self.lflag & T.ECHO)

    @property
    def signals(self) -> bool:
        """Do Ctrl-C, Ctrl-Z and Ctrl-\\ send signals (ISIG), or are they bytes like any other?"""
        return bool(self.lflag & T.ISIG)

    @property
    def cr_to_newline(self) -> bool:
        return bool(self.iflag & T.ICRNL)

    @property
    def vmin(self) -> int:
        return self.cc[T.VMIN]


class Tty(Device):
    """A device that may be a terminal (is_tty says whether it is): its mode, and its window."""
    is_tty = False

    def __init__(self):
        super().__init__()
        self.mode = Termios.default()
        self.setter = None               # the μprocess that left canonical mode, until it ends

    def ioctl(self, k, p, request: int, a) -> int:
        """TCGETS, TCSETS* and TIOCGWINSZ; the buffer is the third argument (a: syscall.Args)."""
        self.settle(k)
        if request == IOCTL["TCGETS"]:
            a.write(2, self.mode.pack())
        elif request in (IOCTL["TCSETS"], IOCTL["TCSETSW"], IOCTL["TCSETSF"]):
            mode = Termios.unpack(a.read(2, TERMIOS.size))
            self.setter = None if mode.canonical else p
            self.set_mode(k, mode, flush=request == IOCTL["TCSETSF"])
        elif request == IOCTL["TIOCGWINSZ"]:
            a.write(2, WINSIZE.pack(*self.window_size(), 0, 0))
        else:
            raise SyscallError(E.ENOTTY)    # as Linux: a request this device does not know
        return 0

    def set_mode(self, k, mode: Termios, flush: bool) -> None:
        """Subclasses also apply the mode (flush: discard the input not read yet)."""
        self.mode = mode

    def window_size(self) -> tuple[int, int]:
        return DEFAULT_SIZE

    def settle(self, k) -> None:
        """The μprocess that left canonical mode has ended without restoring it: back to the
        default, so that the shell (which does not set modes) edits its lines again."""
        if self.setter is not None and self.setter.state == "zombie":
            self.setter = None
            self.set_mode(k, Termios.default(), flush=False)

    def restore(self) -> None:
        """Give the host back what this device changed on it (when ufos ends)."""


class NullDevice(Device):
    def read(self, k, p, f, n):
        return b""

    def write(self, k, p, f, data):
        return len(data)


class ZeroDevice(Device):
    def read(self, k, p, f, n):
        return bytes(n)

    def write(self, k, p, f, data):
        return len(data)


class RandomDevice(Device):
    """/dev/urandom: a stream from the kernel's seeded generator (the same every boot with a seed)."""

    def read(self, k, p, f, n):
        return k.rng.randbytes(n)

    def write(self, k, p, f, data):
        return len(data)


class BufferInput(Tty):
    """Input from bytes given in advance (tests, `ufos run` with --stdin)."""

    def __init__(self, data: bytes = b""):
        super().__init__()
        self.data = bytearray(data)

    def read(self, k, p, f, n):
        out = bytes(self.data[:n])
        del self.data[:n]
        return out

    def poll(self, k, f):
        return POLL.POLLIN


class BufferOutput(Tty):
    def __init__(self):
        super().__init__()
        self.data = bytearray()

    def write(self, k, p, f, data):
        self.data += data
        return len(data)


class HostTty(Tty):
    """A descriptor of the host. When it is a terminal, the guest's mode is put on it, so that
    a raw read gets each key as it is typed; restore() gives the host its own mode back."""

    def __init__(self, fd: int):
        super().__init__()
        self.fd = fd
        self.is_tty = os.isatty(fd)
        self.saved = None                # the host terminal's mode before the guest changed it

    def set_mode(self, k, mode, flush):
        super().set_mode(k, mode, flush)
        if not self.is_tty:
            return
        try:
            if self.saved is None:
                self.saved = termios.tcgetattr(self.fd)
            termios.tcsetattr(self.fd, termios.TCSAFLUSH if flush else termios.TCSADRAIN,
                              host_mode(self.saved, mode))
        except termios.error as e:               # the host terminal has gone
            raise SyscallError(E.EIO, str(e))

    def window_size(self):
        return host_window_size(self.fd)

    def restore(self):
        if self.saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)
            self.saved = None


# the host's flags that follow the guest's mode: (index in tcgetattr's list, field, flag names)
HOST_FLAGS = [(0, "iflag", ("ICRNL", "IXON")), (1, "oflag", ("OPOST",)),
              (3, "lflag", ("ICANON", "ECHO", "ISIG", "IEXTEN"))]


def host_mode(saved: list, mode: Termios) -> list:
    """The host terminal's attributes: as they were, with the flags above taken from the guest's
    mode (by name: the host's values may differ from Linux's). A raw read waits for one byte."""
    attrs = [list(a) if isinstance(a, list) else a for a in saved]
    for index, field, names in HOST_FLAGS:
        for name in names:
            if getattr(mode, field) & getattr(T, name):
                attrs[index] |= getattr(termios, name)
            else:
                attrs[index] &= ~getattr(termios, name)
    if not mode.canonical:
        attrs[6][termios.VMIN], attrs[6][termios.VTIME] = 1, 0
    return attrs


def host_window_size(fd: int) -> tuple[int, int]:
    """Rows and columns of the host terminal on fd, read now (the user may resize it)."""
    try:
        size = os.get_terminal_size(fd)
    except OSError:                              # not a terminal, or gone
        return DEFAULT_SIZE
    return size.lines, size.columns


def restore_host(k) -> None:
    """The host terminal back in the mode ufos found it in (`ufos run`, at the end: always)."""
    for device in (k.stdin, k.stdout, k.stderr):
        device.restore()


class HostInput(HostTty):
    """The host's file descriptor fd (usually 0). What the host has for us is read ahead, as soon
    as the kernel looks (ready()), so that the idle loop waits on fd only while there is nothing
    (host_fd is None otherwise): input that no μprocess reads yet, or an end of file, must not
    wake the idle loop again and again — a μprocess in pause() with stdin at end of file would
    keep a host core busy."""

    def __init__(self, fd: int = 0):
        super().__init__(fd)
        self.ahead = bytearray()         # read from the host, not yet by a μprocess
        self.eof = False                 # the host said end of file: the next read returns b""

    @property
    def host_fd(self) -> int | None:
        return None if self.ahead or self.eof else self.fd

    def ready(self) -> bool:
        if not self.ahead and not self.eof:
            try:
                readable = select.select([self.fd], [], [], 0)[0]
            except (OSError, ValueError):        # closed under us: as good as the end
                readable = True
            if readable:
                self.read_ahead()
        return bool(self.ahead) or self.eof

    def read_ahead(self) -> None:
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        self.ahead += data
        self.eof = not data

    def read(self, k, p, f, n):
        self.settle(k)
        if not self.ready():
            raise WouldBlock(self)
        if self.ahead:
            data = bytes(self.ahead[:n])
            del self.ahead[:n]
            return data
        self.eof = not self.is_tty           # a terminal can be read again after Ctrl-D
        return b""

    def poll(self, k, f):
        return POLL.POLLIN if self.ready() else 0


class HostOutput(HostTty):
    def write(self, k, p, f, data):
        from ufos.kernel import signal
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError:
            signal.send(k, p, SIG.SIGPIPE)
            raise SyscallError(E.EPIPE)
        except OSError as e:
            raise SyscallError(E.EIO, str(e))
        return len(data)


class Console(Tty):
    """/dev/console: reads from one device, writes to another (the host's stdin and stdout);
    its mode is its input's."""

    def __init__(self, input: Device, output: Device):
        super().__init__()
        self.input, self.output = input, output
        self.is_tty = input.is_tty

    @property
    def host_fd(self) -> int | None:
        return self.input.host_fd

    def ready(self):
        return self.input.ready()

    def read(self, k, p, f, n):
        try:
            return self.input.read(k, p, f, n)
        except WouldBlock:
            raise WouldBlock(self)

    def write(self, k, p, f, data):
        return self.output.write(k, p, f, data)

    def poll(self, k, f):
        return self.input.poll(k, f) | POLL.POLLOUT

    def ioctl(self, k, p, request, a):
        return self.input.ioctl(k, p, request, a)
