"""Terminals: how μprocesses' standard input and output reach the host.

`ufos run` connects a program's descriptors 0, 1 and 2 to the host's own (HostInput, HostOutput);
tests connect them to byte buffers (BufferInput, BufferOutput); the interactive console
(ufos/console) supplies its own input that edits lines with prompt_toolkit. All are nodes of open
Files (file.py) and character devices: isatty() is true for the ones attached to a real terminal.

Reading host input never stops the machine: when no byte is ready the reader sleeps on the input
(raises WouldBlock), other μprocesses run, and the kernel's idle loop waits on the host descriptor
(`host_fd`) when nothing else can run.
"""
from __future__ import annotations

import os
import select

from ufos.kernel.fs import Inode, Stat, new_ino
from ufos.kernel.proc import WouldBlock
from ufos.kernel.uapi import E, POLL, S, SIG, SyscallError


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


class BufferInput(Device):
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


class BufferOutput(Device):
    def __init__(self):
        super().__init__()
        self.data = bytearray()

    def write(self, k, p, f, data):
        self.data += data
        return len(data)


class HostInput(Device):
    """The host's file descriptor fd (usually 0), read when it has something."""

    def __init__(self, fd: int = 0):
        super().__init__()
        self.host_fd = fd
        self.is_tty = os.isatty(fd)
        self.eof = False

    def ready(self) -> bool:
        if self.eof:
            return True
        try:
            return bool(select.select([self.host_fd], [], [], 0)[0])
        except (OSError, ValueError):
            return True

    def read(self, k, p, f, n):
        if self.eof:
            return b""
        if not self.ready():
            raise WouldBlock(self)
        try:
            data = os.read(self.host_fd, n)
        except OSError:
            data = b""
        if not data and not self.is_tty:
            self.eof = True                  # a terminal can be read again after Ctrl-D
        return data

    def poll(self, k, f):
        return POLL.POLLIN if self.ready() else 0


class HostOutput(Device):
    def __init__(self, fd: int = 1):
        super().__init__()
        self.fd = fd
        self.is_tty = os.isatty(fd)

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


class Console(Device):
    """/dev/console: reads from one device, writes to another (the host's stdin and stdout)."""

    def __init__(self, input: Device, output: Device):
        super().__init__()
        self.input, self.output = input, output
        self.is_tty = input.is_tty
        self.host_fd = input.host_fd

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
