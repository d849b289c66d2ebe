"""The kernel on a thread of its own, for the interactive console (the terminal keeps the main
thread). Other threads look at the kernel only through this class:

    m = Machine(kernel, on_stop)     # on_stop() is called (on the kernel's thread) when it halts
    m.start()
    m.call(fn)                       # fn() run on the kernel's thread between two quanta; its result
    m.pause(); ...; m.resume()       # the monitor: the kernel waits, so views may read it at will

While the machine is paused, call() runs fn at once on the caller's thread: the kernel's thread is
blocked and changes nothing, and a lock keeps two callers (the monitor, `ufos top`) apart.
"""
from __future__ import annotations

import threading
import traceback
from concurrent.futures import Future

CALL_TIMEOUT = 10.0              # seconds: a kernel that does not answer is reported, not waited for


class MachineStopped(Exception):
    """The kernel has halted (or does not answer): there is nothing to look at."""


def call_kernel(kernel, fn, timeout: float = CALL_TIMEOUT):
    """fn() run on the kernel's thread, between two quanta (through its inbox); its result."""
    if kernel.halted:
        raise MachineStopped("ufos has halted")
    done = Future()

    def job():
        try:
            done.set_result(fn())
        except Exception as e:
            done.set_exception(e)
    kernel.inbox.post(job)
    try:
        return done.result(timeout)
    except TimeoutError:
        raise MachineStopped("the kernel does not answer") from None


class Machine:
    def __init__(self, kernel, on_stop):
        self.kernel = kernel
        self.on_stop = on_stop
        self.status: int | None = None
        self.crash: str | None = None    # the traceback, if the kernel itself failed
        self.thread = threading.Thread(target=self._run, name="ufos kernel", daemon=True)
        self.lock = threading.Lock()
        self.paused = False
        self.holding = threading.Event()
        self.resumed = threading.Event()

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        try:
            self.status = self.kernel.run()
        except BaseException:
            self.crash = traceback.format_exc()
        finally:
            self.on_stop()

    def call(self, fn, timeout: float = CALL_TIMEOUT):
        with self.lock:
            if self.paused:
                return fn()
        if not self.thread.is_alive():
            raise MachineStopped("ufos has halted")
        return call_kernel(self.kernel, fn, timeout)

    def pause(self) -> None:
        """Stop the kernel at its next safe point (between two quanta) and wait until it is there."""
        if not self.thread.is_alive():
            raise MachineStopped("ufos has halted")
        self.holding.clear()
        self.resumed.clear()
        self.kernel.inbox.post(self._hold)
        if not self.holding.wait(CALL_TIMEOUT):
            raise MachineStopped("the kernel does not answer")
        with self.lock:
            self.paused = True

    def _hold(self) -> None:
        self.holding.set()
        self.resumed.wait()

    def resume(self) -> None:
        with self.lock:
            self.paused = False
        self.resumed.set()
