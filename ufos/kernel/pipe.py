"""Pipes: a buffer in the kernel with a read end and a write end.

A read from an empty pipe sleeps until a writer writes or the last writer closes (then it reads
end-of-file); a write to a full pipe sleeps until a reader makes room; a write when no reader is
left fails with EPIPE and sends the writer SIGPIPE. Only bytes go through: a capability written
into a pipe arrives as 16 plain bytes with no tag, so a pointer cannot cross into another μprocess.
"""
from __future__ import annotations

from ufos.kernel.fs import Inode, Stat
from ufos.kernel.sched import WouldBlock, wakeup
from ufos.kernel.uapi import E, POLL, S, SIG, SyscallError

CAPACITY = 64 * 1024             # as Linux


class Pipe:
    def __init__(self, ino: int):
        self.buffer = bytearray()
        self.readers = 1
        self.writers = 1
        self.ino = ino


class PipeEnd(Inode):
    """An open pipe end is a node like a file's (file.py): what it does not override (truncate,
    chmod, times, lookup...) fails with the errno Inode gives, never an AttributeError."""
    kind = "fifo"
    seekable = False
    is_tty = False

    def __init__(self, pipe: Pipe, reading: bool):
        self.pipe = pipe
        self.reading = reading

    def read(self, k, p, f, n: int) -> bytes:
        pipe = self.pipe
        if not pipe.buffer:
            if pipe.writers == 0:
                return b""                               # end of file
            raise WouldBlock(pipe)
        data = bytes(pipe.buffer[:n])
        del pipe.buffer[:n]
        wakeup(k, pipe)                                  # writers waiting for room
        return data

    def write(self, k, p, f, data: bytes) -> int:
        from ufos.kernel import signal
        pipe = self.pipe
        if pipe.readers == 0:
            signal.send(k, p, SIG.SIGPIPE)
            raise SyscallError(E.EPIPE)
        room = CAPACITY - len(pipe.buffer)
        if room == 0:
            raise WouldBlock(pipe)
        pipe.buffer += data[:room]
        wakeup(k, pipe)                                  # readers waiting for data
        return min(room, len(data))

    def poll(self, k, f) -> int:
        pipe = self.pipe
        if self.reading:
            return (POLL.POLLIN if pipe.buffer else 0) | (POLL.POLLHUP if pipe.writers == 0 else 0)
        return (POLL.POLLOUT if len(pipe.buffer) < CAPACITY else 0) | \
            (POLL.POLLERR if pipe.readers == 0 else 0)

    def stat(self) -> Stat:
        return Stat(ino=self.pipe.ino, mode=S.S_IFIFO | 0o600, size=len(self.pipe.buffer))

    def release(self, k, f) -> None:
        if self.reading:
            self.pipe.readers -= 1
        else:
            self.pipe.writers -= 1
        wakeup(k, self.pipe)


def make_pipe(ino: int) -> tuple[PipeEnd, PipeEnd]:
    pipe = Pipe(ino)
    return PipeEnd(pipe, True), PipeEnd(pipe, False)
