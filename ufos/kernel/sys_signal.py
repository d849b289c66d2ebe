"""System calls on signals: sending one to a single μprocess (tkill and tgkill: raise;
rt_sigqueueinfo: sigqueue, with a value), sigaction (a handler must be a function of the caller's own), the
signal mask, the pending set, waiting for a signal (sigsuspend, sigtimedwait), the alternate
signal stack (a capability the kernel keeps: checked here on the way in), and the return from a
handler. Sending and delivering signals is signal.py.
"""
from __future__ import annotations

import struct

from ufos.machine.cap import Capability
from ufos.kernel import signal
from ufos.kernel.sched import WouldBlock
from ufos.kernel.sys_time import deadline_after
from ufos.kernel.uapi import E, NSIG, SA, SI, SIG, SyscallError
from ufos.kernel.uaccess import NO_RETURN, RESTART, TIMESPEC, P, Args, check_buffer

# struct sigaction (signal.h): handler +0, flags +1 pointer, restorer +2 pointers, mask +3 pointers;
# 4 pointers long. A pointer is 16 bytes in purecap, 8 in hybrid (Args.pointer_size).
# stack_t (signal.h): ss_sp +0, ss_flags +1 pointer, ss_size +1 pointer + 8; 1 pointer + 16 long.
STACK_T = struct.Struct("<i4xQ")        # ss_flags, ss_size: what follows ss_sp
SIGSET = struct.Struct("<Q")


def target(k, pid: int, sig: int):
    """The live μprocess a signal for one thread or process goes to: EINVAL for a bad signal or
    pid, ESRCH for none. (A μprocess has one thread: its thread id is its pid.)"""
    if not 0 <= sig < NSIG or pid <= 0:
        raise SyscallError(E.EINVAL)
    q = k.procs.get(pid)
    if q is None or q.state == "zombie":
        raise SyscallError(E.ESRCH)
    return q


def sys_tkill(k, p, a: Args):
    """tkill(tid, sig): raise(), as glibc does it; the handler sees si_code SI_TKILL."""
    sig = a.int32(1)
    signal.send(k, target(k, a.int32(0), sig), sig, signal.SigInfo(sig, SI.SI_TKILL, pid=p.pid))
    return 0


def sys_tgkill(k, p, a: Args):
    """tgkill(tgid, tid, sig): as tkill, the thread tid of process tgid, which is tid itself."""
    tgid, tid, sig = a.int32(0), a.int32(1), a.int32(2)
    if tgid <= 0:
        raise SyscallError(E.EINVAL)
    q = target(k, tid, sig)
    if tgid != tid:
        raise SyscallError(E.ESRCH, "a μprocess's only thread has its pid")
    signal.send(k, q, sig, signal.SigInfo(sig, SI.SI_TKILL, pid=p.pid))
    return 0


def sys_rt_sigqueueinfo(k, p, a: Args):
    """rt_sigqueueinfo(pid, sig, info): sigqueue. The caller's siginfo_t gives si_code and
    si_value (an integer: a pointer in it arrives untagged); the sender is the caller, whatever
    si_pid says. As Linux: a code the kernel alone may give (>= 0, or SI_TKILL) only to itself."""
    pid, sig = a.int32(0), a.int32(1)
    queued = signal.frame_layout(a.hybrid).queued      # si_code, si_value of the caller's siginfo_t
    code, value = queued.unpack(a.read(2, queued.size))
    q = target(k, pid, sig)
    if (code >= 0 or code == SI.SI_TKILL) and q is not p:
        raise SyscallError(E.EPERM, "si_code is the kernel's to give")
    signal.send(k, q, sig, signal.SigInfo(sig, code, pid=p.pid, value=value))
    return 0


def sys_rt_sigaction(k, p, a: Args):
    """Read and check the new action before anything changes (a bad one leaves the old in place),
    then hand back the old one, then install the new one — so act and oldact may be the same."""
    sig = a.int32(0)
    if not 0 < sig < NSIG or (sig in signal.UNCATCHABLE and not a.is_null(1)):
        raise SyscallError(E.EINVAL)
    new = None if a.is_null(1) else read_sigaction(k, p, a, a.cap(1))
    if not a.is_null(2):
        write_sigaction(k, p, a, a.cap(2), p.signals.action(sig))
    if new is not None:
        p.signals.actions[sig] = new
        if new.handler == signal.SIG_IGN:
            p.signals.pending &= ~signal.bit(sig)
    return 0


def read_sigaction(k, p, a: Args, cap: Capability) -> signal.Action:
    n = a.pointer_size
    va = check_buffer(k, p.space, cap, 4 * n, a.pointer_perms, align=n)
    handler = a.code_pointer_at(va)
    flags = struct.unpack("<i", p.space.read(va + n, 4))[0]
    restorer = a.code_pointer_at(va + 2 * n) if flags & SA.SA_RESTORER else None
    mask = p.space.read_u64(va + 3 * n)
    if handler.tag:
        handler = signal.check_handler(p.space, handler, "handler")
    elif handler.address in (signal.SIG_DFL, signal.SIG_IGN):
        handler = handler.address
    else:
        raise SyscallError(E.EFAULT, f"the handler {handler.address:#x} is not a function pointer")
    if restorer is not None:
        restorer = signal.check_handler(p.space, restorer, "restorer")
    return signal.Action(handler, flags, restorer, mask)


def write_sigaction(k, p, a: Args, cap: Capability, act: signal.Action) -> None:
    n = a.pointer_size
    va = check_buffer(k, p.space, cap, 4 * n, a.pointer_store_perms, align=n)
    handler = act.handler if isinstance(act.handler, Capability) else Capability.null().set_address(act.handler)
    a.store_pointer(va, handler, code=True)
    p.space.write(va + n, struct.pack("<i", act.flags).ljust(n, b"\0"))
    a.store_pointer(va + 2 * n, act.restorer or Capability.null(), code=True)
    p.space.write_u64(va + 3 * n, act.mask)


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
        p.signals.mask &= ~signal.UNBLOCKABLE
    if not a.is_null(2):
        a.write(2, struct.pack("<Q", old))
    return 0


def sys_rt_sigreturn(k, p, a: Args):
    """Back to where the handler interrupted; a system call it interrupted that SA_RESTART
    restarts is made again."""
    frame = signal.sigreturn(k, p)
    if frame is None:
        raise SyscallError(E.EINVAL, "no signal handler is running")
    return RESTART if frame.restart else NO_RETURN


def sys_rt_sigpending(k, p, a: Args):
    a.write(0, SIGSET.pack(p.signals.pending))
    return 0


def sys_rt_sigsuspend(k, p, a: Args):
    """Replace the mask and sleep until a signal is delivered; always EINTR. The old mask comes
    back when the handler returns (signal.run_handler saves it in the frame)."""
    if p.signals.saved_mask is None:
        mask = SIGSET.unpack(a.read(0, SIGSET.size))[0] & ~signal.UNBLOCKABLE
        p.signals.saved_mask, p.signals.mask = p.signals.mask, mask
    raise WouldBlock(p.signals)                 # syscall.py: a deliverable signal makes it EINTR


def sys_rt_sigtimedwait(k, p, a: Args):
    """Take a pending signal of the set (blocked ones: the usual use) without running its
    handler; sleep until one is sent, the timeout passes (EAGAIN) or another signal interrupts."""
    wanted = SIGSET.unpack(a.read(0, SIGSET.size))[0] & ~signal.UNBLOCKABLE
    if p.deadline is None and not a.is_null(2):
        p.deadline = deadline_after(k, a.read(2, TIMESPEC.size))
    ready = p.signals.pending & wanted
    if ready:
        sig = (ready & -ready).bit_length()
        if not a.is_null(1):
            a.writable(1, signal.SIGINFO.size)
        info = signal.take(p, sig)
        p.signals.waiting = 0
        if not a.is_null(1):
            a.write(1, info.pack(signal.frame_layout(a.hybrid)))   # si_addr 0: a fault is never waited for
        return sig
    if p.deadline is not None and k.clock_ns() >= p.deadline:
        p.signals.waiting = 0
        raise SyscallError(E.EAGAIN)
    p.signals.waiting = wanted
    raise WouldBlock(p.signals, p.deadline)


def sys_sigaltstack(k, p, a: Args):
    """Register (or disable) the alternate signal stack, handing back the old one. The stack is
    a capability the kernel will later run handlers on: it must lie in the caller's slot, be
    readable and writable for data and capabilities over all ss_size bytes, and be at least
    MINSIGSTKSZ long. It cannot change while a handler runs on it (EPERM)."""
    state = p.signals
    old = state.altstack
    on_it = old is not None and old.contains(k.cpu.csp.address)
    new = None if a.is_null(0) else read_stack(k, p, a, a.cap(0))
    if new is not None and on_it:
        raise SyscallError(E.EPERM, "the alternate stack is in use")
    if not a.is_null(1):
        write_stack(k, p, a, a.cap(1), old, on_it)
    if new is not None:
        state.altstack = new or None
    return 0


def read_stack(k, p, a: Args, cap) -> signal.AltStack | bool:
    """The stack_t at cap, checked: an AltStack, or False for SS_DISABLE."""
    n = a.pointer_size
    va = check_buffer(k, p.space, cap, n + STACK_T.size, a.pointer_perms, align=n)
    flags, size = STACK_T.unpack(p.space.read(va + n, STACK_T.size))
    if flags & ~(SI.SS_DISABLE | SI.SS_ONSTACK):
        raise SyscallError(E.EINVAL, f"ss_flags {flags:#x}")
    if flags & SI.SS_DISABLE:
        return False
    if size < SI.MINSIGSTKSZ:
        raise SyscallError(E.ENOMEM, f"a stack of {size} bytes is smaller than MINSIGSTKSZ")
    sp = a.pointer_at(va)
    check_buffer(k, p.space, sp, size, P["LOAD"] | P["STORE"] | P["LOAD_CAP"] | P["STORE_CAP"])
    return signal.AltStack(sp, size)


def write_stack(k, p, a: Args, cap, stack: signal.AltStack | None, on_it: bool) -> None:
    n = a.pointer_size
    va = check_buffer(k, p.space, cap, n + STACK_T.size, a.pointer_store_perms, align=n)
    flags = SI.SS_DISABLE if stack is None else SI.SS_ONSTACK if on_it else 0
    a.store_pointer(va, stack.sp if stack else Capability.null())
    p.space.write(va + n, STACK_T.pack(flags, stack.size if stack else 0))
