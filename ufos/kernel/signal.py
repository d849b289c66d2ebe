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

What a handler is told: every sent signal carries a SigInfo (who sent it and why: si_code, the
sender's pid, a child's status, a fault's address), which the kernel writes, with a ucontext, on
the stack the handler runs on and passes in c1 and c2 (the SA_SIGINFO handler's second and third
arguments). Only integers are written there: no capability of the kernel's reaches the program.
The stack is the program's own (below a red zone) or, for SA_ONSTACK, the alternate stack it
registered with sigaltstack: a capability the kernel checked on the way in (sys_signal.py) and
keeps for the μprocess, so fork moves it, exec forgets it, and the isolation audit walks it.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field, replace

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel import hybrid
from ufos.kernel import proc                 # a cycle: exits send SIGCHLD, signals end and stop processes
from ufos.kernel.sched import wake
from ufos.kernel.uapi import E, SA, SI, SIG, SIGNAL_NAMES, SyscallError

SIG_DFL, SIG_IGN = 0, 1
IGNORED_BY_DEFAULT = {SIG.SIGCHLD, SIG.SIGURG, SIG.SIGWINCH, SIG.SIGCONT}
STOP_SIGNALS = {SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU}      # default action: stop
CORE_SIGNALS = {SIG.SIGQUIT, SIG.SIGILL, SIG.SIGTRAP, SIG.SIGABRT, SIG.SIGBUS, SIG.SIGFPE,
                SIG.SIGSEGV, SIG.SIGXCPU, SIG.SIGXFSZ, SIG.SIGSYS, SIG.SIGPROT}  # terminate + core
CORE_DUMPED = 0x80               # the wait status bit of a core-dumping death (WCOREDUMP)
UNCATCHABLE = {SIG.SIGKILL, SIG.SIGSTOP}
UNBLOCKABLE = (1 << (SIG.SIGKILL - 1)) | (1 << (SIG.SIGSTOP - 1))     # mask bits nobody can set
MAX_NESTED = 32                  # handler frames kept; deeper ones (a longjmp out) are dropped
RED_ZONE = 256                   # bytes left untouched below the interrupted stack pointer
EXECUTE = isa.PERM["EXECUTE"]


@dataclass(frozen=True)
class FrameLayout:
    """siginfo_t and ucontext_t (signal.h) as a handler sees them: compiled with 16-byte pointers
    for purecap code, 8-byte ones for hybrid code. The kernel writes every pointer in them as a
    plain integer (si_addr, uc_stack.ss_sp), so no capability of its own reaches the program."""
    siginfo: struct.Struct      # si_signo, si_errno, si_code, si_pid, si_uid, si_status, si_band, si_addr, si_value
    ucontext: struct.Struct     # uc_flags, uc_stack.ss_sp, ss_flags, ss_size, uc_sigmask, uc_mcontext (uc_link 0)
    queued: struct.Struct       # what rt_sigqueueinfo reads of the caller's siginfo_t: si_code, si_value

    @property
    def size(self) -> int:
        return self.siginfo.size + self.ucontext.size


PURECAP_FRAME = FrameLayout(struct.Struct("<iiiiIiqQ8xq8x64x"), struct.Struct("<Q8x16xQ8xi4xQQQ"),
                            struct.Struct("<8xi36xq"))
HYBRID_FRAME = FrameLayout(struct.Struct("<iiiiIiqQq80x"), struct.Struct("<Q8xQi4xQQQ"),
                           struct.Struct("<8xi28xq"))
SIGINFO = PURECAP_FRAME.siginfo  # the size of a siginfo_t, in either layout (128 bytes)


def frame_layout(hybrid: bool) -> FrameLayout:
    return HYBRID_FRAME if hybrid else PURECAP_FRAME


@dataclass
class SigInfo:
    """Why a signal was sent: the fields of siginfo_t the kernel fills in."""
    signo: int
    code: int = SI.SI_KERNEL
    pid: int = 0
    uid: int = 0
    status: int = 0
    addr: int = 0                # for faults: the address (an integer)
    value: int = 0               # sigqueue's si_value, as an integer (sival_int in its low half)

    def pack(self, layout: FrameLayout, addr: int = 0) -> bytes:
        """The siginfo_t, with si_addr as the integer addr (what the receiving code uses)."""
        return layout.siginfo.pack(self.signo, 0, self.code, self.pid, self.uid, self.status, 0,
                                   addr & ((1 << 64) - 1), self.value)


@dataclass
class AltStack:
    """The alternate signal stack a μprocess registered (sigaltstack): its own capability,
    checked to be in its slot and writable when it was handed in."""
    sp: Capability               # the stack's lowest address, with the program's bounds
    size: int

    def contains(self, address: int) -> bool:
        return self.sp.address < address <= self.sp.address + self.size

    def top(self) -> Capability:
        return self.sp.set_address((self.sp.address + self.size) & ~15)


@dataclass
class Frame:
    """What a running handler will return to: the registers it interrupted, the mask, and
    whether the system call it interrupted restarts (SA_RESTART) when it returns."""
    context: object
    mask: int
    restart: bool = False


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
    frames: list[Frame] = field(default_factory=list)   # of the handlers that are running
    info: dict[int, SigInfo] = field(default_factory=dict)   # of each pending signal
    altstack: AltStack | None = None
    saved_mask: int | None = None    # the mask sigsuspend / ppoll replaced until a handler runs
    waiting: int = 0             # the signals sigtimedwait sleeps for

    def action(self, sig: int) -> Action:
        return self.actions.get(sig) or Action()

    def forked(self, move_cap, move_context) -> "SignalState":
        """The child's signal state at fork: the parent's handlers, mask, alternate stack and
        the frames of the handlers that are running (the child returns from them too), with
        every capability in them moved into the child's slot by the same rule as its
        registers. Pending signals are the parent's alone."""
        actions = {sig: act.moved(move_cap) for sig, act in self.actions.items()}
        frames = [replace(f, context=move_context(f.context)) for f in self.frames]
        altstack = self.altstack and replace(self.altstack, sp=move_cap(self.altstack.sp))
        return SignalState(actions, 0, self.mask, frames, altstack=altstack)

    def reset_for_exec(self) -> None:
        """exec: handlers, their frames and the alternate stack point into the old program, so
        handled signals go back to the default; ignored ones stay ignored (POSIX), keeping no
        capability."""
        self.actions = {s: Action(SIG_IGN) for s, a in self.actions.items() if a.handler == SIG_IGN}
        self.frames.clear()
        self.altstack = None

    def capabilities(self) -> dict[str, Capability]:
        """The capabilities the state keeps besides the handlers' and the frames' registers."""
        return {"sigaltstack": self.altstack.sp} if self.altstack else {}


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


def send(k, p, sig: int, info: SigInfo | None = None) -> None:
    """Make sig pending for p, and wake p if it sleeps (its system call then fails with EINTR);
    the job-control signals stop or continue p here and now. info says who sent it and why (by
    default: the kernel); a signal already pending keeps the first one's, as signals do not queue."""
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
    if not p.signals.pending & bit(sig):
        p.signals.info[sig] = info or SigInfo(sig)
    p.signals.pending |= bit(sig)
    if deliverable(p) is not None or p.signals.waiting & bit(sig):
        wake(p)


def stops(p, sig: int) -> bool:
    """Does sig stop p? (a stop signal left to its default action)"""
    return sig == SIG.SIGSTOP or (sig in STOP_SIGNALS and p.signals.action(sig).handler == SIG_DFL)


def deliverable(p) -> int | None:
    """The lowest pending signal p does not block."""
    ready = p.signals.pending & ~(p.signals.mask & ~UNBLOCKABLE)
    if not ready:
        return None
    return (ready & -ready).bit_length()


def take(p, sig: int) -> SigInfo:
    """Take sig off p's pending set; what it was sent with."""
    p.signals.pending &= ~bit(sig)
    return p.signals.info.pop(sig, None) or SigInfo(sig)


def deliver(k, p) -> None:
    """Deliver p's pending signals; p is on the CPU, about to run user code. A mask that
    sigsuspend or ppoll put in place comes back once no handler is left to run."""
    while (sig := deliverable(p)) is not None:
        info = take(p, sig)
        act = p.signals.action(sig)
        if act.handler == SIG_IGN or (act.handler == SIG_DFL and sig in IGNORED_BY_DEFAULT):
            continue
        if stops(p, sig):                            # it was blocked when sent
            proc.stop_process(k, p, sig)
            return
        if act.handler == SIG_DFL or sig in UNCATCHABLE:
            proc.exit_process(k, p, sig | (CORE_DUMPED if sig in CORE_SIGNALS else 0))
            return
        run_handler(k, p, sig, act, info)
        return
    restore_saved_mask(p)


def restore_saved_mask(p) -> None:
    if p.signals.saved_mask is not None:
        p.signals.mask, p.signals.saved_mask = p.signals.saved_mask, None


def restarts(p, sig: int) -> bool:
    """Does a system call interrupted by sig start again once its handler returns?"""
    act = p.signals.action(sig)
    return isinstance(act.handler, Capability) and bool(act.flags & SA.SA_RESTART)


def run_handler(k, p, sig: int, act: Action, info: SigInfo) -> None:
    """Start sig's handler: save the registers, block what the action blocks, write siginfo and
    ucontext on the handler's stack, and branch to it with (sig, &info, &uc)."""
    cpu, state = k.cpu, p.signals
    old_mask = state.mask if state.saved_mask is None else state.saved_mask
    stack = handler_stack(p, act, cpu.csp)
    hybrid_handler = not act.handler.address & 1         # bit 0: the state it runs in (isa.STATES)
    layout = frame_layout(hybrid_handler)
    frame_cap = stack.set_address((stack.address - layout.size) & ~15)
    try:
        info_va = write_frame(k, p, frame_cap, info, old_mask, cpu.csp.address, layout)
    except SyscallError as e:                        # no room: the program cannot handle it
        k.report(p, f"ufos: pid {p.pid} ({p.name}) killed by SIGSEGV: no stack for the "
                    f"{name(sig)} handler ({e})\n")
        proc.exit_process(k, p, SIG.SIGSEGV | CORE_DUMPED)
        return
    state.frames.append(Frame(cpu.save_context(), old_mask, p.retry))
    del state.frames[:-MAX_NESTED]
    p.retry, state.saved_mask, state.waiting = False, None, 0
    if not act.flags & SA.SA_NODEFER:
        state.mask |= bit(sig)
    state.mask |= act.mask
    if act.flags & SA.SA_RESETHAND:
        state.actions[sig] = Action(SIG_DFL, act.flags)     # the flags stay, as on Linux
    cpu.csp = frame_cap
    cpu.x[0] = sig
    cpu.c[1] = frame_cap.set_address(info_va).set_bounds(layout.siginfo.size)
    cpu.c[2] = frame_cap.set_address(info_va + layout.siginfo.size).set_bounds(layout.ucontext.size)
    cpu.c[30] = act.restorer if act.restorer is not None else Capability.null()
    cpu.branch(act.handler)
    if cpu.state == "a64":      # a hybrid handler takes integer pointers (hybrid.py)
        for i in (1, 2):
            cpu.x[i] = hybrid.offset_of(cpu, cpu.c[i])
        cpu.x[30] = hybrid.code_offset(cpu, act.restorer) if act.restorer is not None else 0


def handler_stack(p, act: Action, csp: Capability) -> Capability:
    """Where the handler's stack starts: the top of the alternate stack (SA_ONSTACK, when one is
    registered and the program is not already on it), else below the interrupted one's red zone."""
    alt = p.signals.altstack
    if act.flags & SA.SA_ONSTACK and alt is not None and not alt.contains(csp.address):
        return alt.top()
    return csp.set_address((csp.address - RED_ZONE) & ~15)


def write_frame(k, p, frame_cap: Capability, info: SigInfo, mask: int, interrupted_sp: int,
                layout: FrameLayout) -> int:
    """Write siginfo and ucontext at frame_cap (checked as the program's own store through it
    would be), in the handler's layout; their address. Both hold integers only (a data write
    clears tags). uc_stack says whether the interrupted code ran on the alternate stack (as Linux).
    A hybrid handler's pointers are offsets from DDC's base, as its own are (hybrid.py)."""
    from ufos.kernel.uaccess import P, check_buffer     # uaccess imports exec, which imports us
    va = check_buffer(k, p.space, frame_cap, layout.size, P["STORE"] | P["STORE_CAP"], align=16)
    alt = p.signals.altstack
    stack_flags = SI.SS_DISABLE if alt is None else SI.SS_ONSTACK if alt.contains(interrupted_sp) else 0
    offset = hybrid.data_offset(k.cpu) if layout is HYBRID_FRAME else 0
    p.space.write(va, info.pack(layout, info.addr - offset if info.addr else 0))
    p.space.write(va + layout.siginfo.size,
                  layout.ucontext.pack(0, (alt.sp.address - offset) & ((1 << 64) - 1) if alt else 0, stack_flags,
                                       alt.size if alt else 0, mask, 0))
    return va


def sigreturn(k, p) -> Frame | None:
    """Restore the registers and mask a handler interrupted; its frame (None if no handler is
    running)."""
    if not p.signals.frames:
        return None
    frame = p.signals.frames.pop()
    k.cpu.load_context(frame.context)
    p.signals.mask = frame.mask
    return frame
