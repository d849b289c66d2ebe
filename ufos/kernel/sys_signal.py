"""System calls on signals: sigaction (a handler must be a function of the caller's own),
the signal mask, and the return from a handler. Sending and delivering signals is signal.py.
"""
from __future__ import annotations

import struct

from ufos.machine.cap import Capability
from ufos.kernel import signal
from ufos.kernel.uapi import E, NSIG, SA, SIG, SyscallError
from ufos.kernel.uaccess import NO_RETURN, P, Args, check_buffer

SIGACTION_SIZE = 64             # struct sigaction (signal.h): handler +0, flags +16, restorer +32, mask +48


def sys_rt_sigaction(k, p, a: Args):
    """Read and check the new action before anything changes (a bad one leaves the old in place),
    then hand back the old one, then install the new one — so act and oldact may be the same."""
    sig = a.int32(0)
    if not 0 < sig < NSIG or (sig in signal.UNCATCHABLE and not a.is_null(1)):
        raise SyscallError(E.EINVAL)
    new = None if a.is_null(1) else read_sigaction(k, p, a.cap(1))
    if not a.is_null(2):
        write_sigaction(k, p, a.cap(2), p.signals.action(sig))
    if new is not None:
        p.signals.actions[sig] = new
        if new.handler == signal.SIG_IGN:
            p.signals.pending &= ~signal.bit(sig)
    return 0


def read_sigaction(k, p, cap: Capability) -> signal.Action:
    va = check_buffer(k, p.space, cap, SIGACTION_SIZE, P["LOAD"] | P["LOAD_CAP"], align=16)
    handler = p.space.load_cap(va)
    flags = struct.unpack("<i", p.space.read(va + 16, 4))[0]
    restorer = p.space.load_cap(va + 32) if flags & SA.SA_RESTORER else None
    mask = p.space.read_u64(va + 48)
    if handler.tag:
        handler = signal.check_handler(p.space, handler, "handler")
    elif handler.address in (signal.SIG_DFL, signal.SIG_IGN):
        handler = handler.address
    else:
        raise SyscallError(E.EFAULT, f"the handler {handler.address:#x} is not a function pointer")
    if restorer is not None:
        restorer = signal.check_handler(p.space, restorer, "restorer")
    return signal.Action(handler, flags, restorer, mask)


def write_sigaction(k, p, cap: Capability, act: signal.Action) -> None:
    va = check_buffer(k, p.space, cap, SIGACTION_SIZE, P["STORE"] | P["STORE_CAP"], align=16)
    handler = act.handler if isinstance(act.handler, Capability) else Capability.null().set_address(act.handler)
    p.space.store_cap(va, handler)
    p.space.write(va + 16, struct.pack("<iiQ", act.flags, 0, 0))
    p.space.store_cap(va + 32, act.restorer or Capability.null())
    p.space.write_u64(va + 48, act.mask)


def sys_rt_sigprocmask(k, p, a: Args):
    how = a.int32(0)
    old = p.signals.mask
    if not a.is_null(1):
        new = struct.unpack("<Q", a.read(1, 8))[0]
        if how == SIG.SIG_BLOCK:
            p.signals.mask |= new
        elif how == SIG.SIG_UNBLOCK:
            p.signals.mask &= ~new
        elif how == SIG.SIG_SETMASK:
            p.signals.mask = new
        else:
            raise SyscallError(E.EINVAL)
        p.signals.mask &= ~(signal.bit(SIG.SIGKILL) | signal.bit(SIG.SIGSTOP))
    if not a.is_null(2):
        a.write(2, struct.pack("<Q", old))
    return 0


def sys_rt_sigreturn(k, p, a: Args):
    if not signal.sigreturn(k, p):
        raise SyscallError(E.EINVAL, "no signal handler is running")
    return NO_RETURN
