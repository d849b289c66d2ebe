"""Signals: sending, the default actions, user handlers, and the capability fault signal SIGPROT.

A signal is *sent* by setting a pending bit (kill, Ctrl-C, a child's exit, a write to a pipe nobody
reads, a fault); it is *delivered* just before the μprocess next runs user code. Delivery either
does the default action (most signals end the μprocess) or runs the handler the program installed
with sigaction: the kernel saves the interrupted registers (in the kernel, where the program cannot
tamper with them), and starts the handler with the signal number in x0 and the return address in
c30 pointing at libc's __sigreturn, which makes the rt_sigreturn system call that restores them.

The job-control signals act when they are sent, not when delivered, so that a μprocess asleep in
a system call stops without its call failing with EINTR: a stop signal whose action is the
default (SIGSTOP's always is) stops the μprocess at once unless it blocks the signal, and SIGCONT
continues it even if SIGCONT is ignored or blocked (proc.py: stop_process, continue_process).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel import proc                 # a cycle: exits send SIGCHLD, signals end and stop processes
from ufos.kernel.sched import wake
from ufos.kernel.uapi import E, SA, SIG, SIGNAL_NAMES, SyscallError

SIG_DFL, SIG_IGN = 0, 1
IGNORED_BY_DEFAULT = {SIG.SIGCHLD, SIG.SIGURG, SIG.SIGWINCH, SIG.SIGCONT}
STOP_SIGNALS = {SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU}      # default action: stop
UNCATCHABLE = {SIG.SIGKILL, SIG.SIGSTOP}
MAX_NESTED = 32                  # handler frames kept; deeper ones (a longjmp out) are dropped
RED_ZONE = 256                   # bytes left untouched below the interrupted stack pointer
EXECUTE = isa.PERM["EXECUTE"]


@dataclass
class Action:
    handler: object = SIG_DFL    # SIG_DFL, SIG_IGN, or the handler's capability (a sentry)
    flags: int = 0
    restorer: object = None      # where the handler returns to (libc's __sigreturn)
    mask: int = 0                # signals blocked while the handler runs (bit n-1 = signal n)

    def capabilities(self) -> dict[str, Capability]:
        """The capabilities this action keeps for the μprocess, by name."""
        caps = {"handler": self.handler, "restorer": self.restorer}
        return {what: cap for what, cap in caps.items() if isinstance(cap, Capability)}

    def moved(self, move) -> "Action":
        """This action with its capabilities passed through move (fork: into the child's slot)."""
        return replace(self, **{what: move(cap) for what, cap in self.capabilities().items()})


@dataclass
class SignalState:
    actions: dict[int, Action] = field(default_factory=dict)
    pending: int = 0             # bit n-1 = signal n
    mask: int = 0                # blocked signals
    frames: list = field(default_factory=list)   # (saved registers, mask) of running handlers

    def action(self, sig: int) -> Action:
        return self.actions.get(sig) or Action()

    def forked(self, move_cap, move_context) -> "SignalState":
        """The child's signal state at fork: the parent's handlers, mask and the frames of the
        handlers that are running (the child returns from them too), with every capability in
        them moved into the child's slot by the same rule as its registers. Pending signals are
        the parent's alone."""
        actions = {sig: act.moved(move_cap) for sig, act in self.actions.items()}
        frames = [(move_context(context), mask) for context, mask in self.frames]
        return SignalState(actions, 0, self.mask, frames)

    def reset_for_exec(self) -> None:
        """exec: handlers and their frames point into the old program, so handled signals go
        back to the default; ignored ones stay ignored (POSIX), keeping no capability."""
        self.actions = {s: Action(SIG_IGN) for s, a in self.actions.items() if a.handler == SIG_IGN}
        self.frames.clear()


def check_handler(space, cap: Capability, what: str) -> Capability:
    """What sigaction may keep as a handler (or restorer): an executable sentry inside the
    caller's slot. Anything else the kernel would later hand back (oldact), carry across exec,
    or branch to: a data capability planted as a "handler" must never get that far."""
    if not cap.tag or cap.otype != isa.OTYPE_SENTRY or not cap.perms & EXECUTE:
        raise SyscallError(E.EFAULT, f"the {what} is not a function pointer: {cap!r}")
    if not space.base <= cap.base <= cap.top <= space.top:
        raise SyscallError(E.EFAULT, f"the {what} is outside the caller's slot: {cap!r}")
    return cap


def bit(sig: int) -> int:
    return 1 << (sig - 1)


def name(sig: int) -> str:
    return SIGNAL_NAMES.get(sig, f"signal {sig}")


def send(k, p, sig: int) -> None:
    """Make sig pending for p, and wake p if it sleeps (its system call then fails with EINTR);
    the job-control signals stop or continue p here and now."""
    if sig == 0 or p.state == "zombie":
        return
    if sig == SIG.SIGCONT:
        p.signals.pending &= ~sum(bit(s) for s in STOP_SIGNALS)
        proc.continue_process(k, p)
    elif sig in STOP_SIGNALS:
        p.signals.pending &= ~bit(SIG.SIGCONT)
    elif sig == SIG.SIGKILL and p.state == "stopped":
        p.state = "runnable"                         # to die at once
    if p.signals.action(sig).handler == SIG_IGN and sig not in UNCATCHABLE:
        return
    if sig in IGNORED_BY_DEFAULT and p.signals.action(sig).handler == SIG_DFL:
        return
    if stops(p, sig) and not p.signals.mask & bit(sig):
        if p.state != "stopped":
            proc.stop_process(k, p, sig)
        return
    p.signals.pending |= bit(sig)
    if deliverable(p) is not None:
        wake(p)


def stops(p, sig: int) -> bool:
    """Does sig stop p? (a stop signal left to its default action)"""
    return sig == SIG.SIGSTOP or (sig in STOP_SIGNALS and p.signals.action(sig).handler == SIG_DFL)


def deliverable(p) -> int | None:
    """The lowest pending signal p does not block."""
    ready = p.signals.pending & ~(p.signals.mask & ~(bit(SIG.SIGKILL) | bit(SIG.SIGSTOP)))
    if not ready:
        return None
    return (ready & -ready).bit_length()


def deliver(k, p) -> None:
    """Deliver p's pending signals; p is on the CPU, about to run user code."""
    while (sig := deliverable(p)) is not None:
        p.signals.pending &= ~bit(sig)
        act = p.signals.action(sig)
        if act.handler == SIG_IGN or (act.handler == SIG_DFL and sig in IGNORED_BY_DEFAULT):
            continue
        if stops(p, sig):                            # it was blocked when sent
            proc.stop_process(k, p, sig)
            return
        if act.handler == SIG_DFL or sig in UNCATCHABLE:
            proc.exit_process(k, p, sig)
            return
        run_handler(k, p, sig, act)
        return


def run_handler(k, p, sig: int, act: Action) -> None:
    cpu = k.cpu
    state = p.signals
    state.frames.append((cpu.save_context(), state.mask))
    del state.frames[:-MAX_NESTED]
    if not act.flags & SA.SA_NODEFER:
        state.mask |= bit(sig)
    state.mask |= act.mask
    if act.flags & SA.SA_RESETHAND:
        state.actions.pop(sig, None)
    csp = cpu.csp
    cpu.csp = csp.set_address((csp.address - RED_ZONE) & ~15)
    cpu.x[0] = sig
    cpu.c[1] = cpu.c[2] = Capability.null()      # no siginfo or ucontext (yet)
    cpu.c[30] = act.restorer if act.restorer is not None else Capability.null()
    cpu.pcc = entry(act.handler)


def entry(cap: Capability) -> Capability:
    """Where a branch to cap goes: a sentry is unsealed by the branch itself."""
    if cap.tag and cap.otype in (isa.OTYPE_SENTRY, isa.OTYPE_LPB, isa.OTYPE_LB):
        return cap.unseal(cap.otype)
    return cap


def sigreturn(k, p) -> bool:
    """Restore the registers a handler interrupted; False if no handler is running."""
    if not p.signals.frames:
        return False
    context, mask = p.signals.frames.pop()
    k.cpu.load_context(context)
    p.signals.mask = mask
    return True
