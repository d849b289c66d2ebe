"""The scheduler's loop, and traps: what the kernel does when the CPU stops running a μprocess.

scheduler() picks a runnable μprocess (proc.py), lets it run a quantum, and handles the trap that
ends it:

    LIMIT         its quantum is used up: the scheduler picks the next one
    SVC           a system call — but only from the gate's page: `svc` anywhere else is an attack
                  on the kernel's entry point and gets SIGSYS
    PAGE          a page fault: the kernel may resolve it (a page shared after fork is copied, a
                  stack or heap page is made on first touch); otherwise SIGSEGV, or SIGBUS for a
                  page of a file mapping wholly past the file's end
    CAP           a capability fault (tag, seal, permission, bounds): SIGPROT
    SYSREG        a privileged system register without System permission: SIGPROT
    UNDEF, HLT    SIGILL;  BRK: SIGTRAP;  ALIGN, BUS: SIGBUS
"""
from __future__ import annotations

from ufos.kernel import signal, vm
from ufos.kernel.proc import kernel_bug
from ufos.kernel.syscall import syscall
from ufos.kernel.uapi import SI, SIG

SIGNAL_OF = {"CAP": SIG.SIGPROT, "SYSREG": SIG.SIGPROT, "PAGE": SIG.SIGSEGV, "UNDEF": SIG.SIGILL,
             "HLT": SIG.SIGILL, "BRK": SIG.SIGTRAP, "ALIGN": SIG.SIGBUS, "BUS": SIG.SIGBUS,
             "SVC": SIG.SIGSYS}
PROT_CODES = {"BOUNDS": SI.PROT_CHERI_BOUNDS, "TAG": SI.PROT_CHERI_TAG, "SEAL": SI.PROT_CHERI_SEALED,
              "PERM": SI.PROT_CHERI_PERM}
CODES = {"UNDEF": SI.ILL_ILLOPC, "HLT": SI.ILL_ILLOPC, "BRK": SI.TRAP_BRKPT, "ALIGN": SI.BUS_ADRALN,
         "BUS": SI.BUS_ADRALN}


# --- the scheduler --------------------------------------------------------------------------------
def scheduler(k) -> None:
    """Run μprocesses until none is left (or the machine is halted)."""
    while k.procs.any_live() and not k.halted:
        if k.over_budget():
            break
        k.run_posted()
        k.wake_timers()
        k.poll_host()
        p = k.procs.next_runnable()
        if p is None:
            k.idle()
            continue
        k.switch_to(p)
        try:
            run_turn(k, p)
        except Exception as e:                 # a kernel bug: it must not end the machine
            kernel_bug(k, p, "trap handling", e)


def run_turn(k, p) -> None:
    """One turn of p on the CPU: its retried system call, its signals, a quantum, its trap."""
    if p.retry:
        syscall(k, p)                          # woken: try the system call again
        if p.state != "runnable" or k.current is not p:
            return
    if p.signals.pending or p.signals.saved_mask is not None:   # (the common case costs no call)
        signal.deliver(k, p)
        if p.state != "runnable":
            return
    trap = k.cpu.run(k.quantum)
    p.instructions += trap.instructions
    handle_trap(k, p, trap)


# --- traps ----------------------------------------------------------------------------------------
def handle_trap(k, p, trap) -> None:
    kind = trap.kind
    if kind in ("LIMIT", "TIMER", "WFI"):
        return
    if kind == "SVC" and vm.GATE <= trap.pc < vm.GATE + vm.PAGE:
        syscall(k, p)
        return
    if kind == "PAGE":
        access = vm.FAULT_ACCESS.get(trap.fault) or vm.ACCESS_BY_KIND[trap.access_kind]
        try:
            if p.space.handle_fault(trap.address, access):
                return                       # resolved: the instruction runs again
        except vm.OutOfMemory:
            fault(k, p, SIG.SIGKILL, f"out of memory at {trap.address:#x}")
            return
        except vm.PastEndOfFile:
            fault(k, p, SIG.SIGBUS, f"page of a file mapping past the file's end at {trap.address:#x}",
                  signal.SigInfo(SIG.SIGBUS, SI.BUS_ADRERR, addr=trap.address))
            return
    sig = SIGNAL_OF.get(kind, SIG.SIGILL)
    fault(k, p, sig, describe(k, p, trap), signal.SigInfo(sig, fault_code(p, trap), addr=trap.address))
    k.check_isolation(f"{kind.lower()} fault", p)


def fault_code(p, trap) -> int:
    """siginfo's si_code for a fault: why the access failed."""
    kind = trap.kind
    if kind == "PAGE":
        return SI.SEGV_MAPERR if p.space.region_at(trap.address) is None else SI.SEGV_ACCERR
    if kind == "CAP":
        return PROT_CODES.get(trap.fault, SI.PROT_CHERI_PERM)
    if kind == "SYSREG":
        return SI.PROT_CHERI_SYSREG
    return CODES.get(kind, SI.SI_KERNEL)


def fault(k, p, sig: int, message: str, info=None) -> None:
    """The μprocess did something it may not: send it the signal. If the signal will kill it,
    say why on its standard error, the way a shell reports "Segmentation fault"."""
    act = p.signals.action(sig)
    blocked = p.signals.mask & signal.bit(sig)
    if act.handler == signal.SIG_DFL or blocked or sig == SIG.SIGKILL:
        p.fault = f"{signal.name(sig)}: {message}"
        k.report(p, f"ufos: pid {p.pid} ({p.name}) killed by {p.fault}\n")
        p.signals.mask &= ~signal.bit(sig)
        p.signals.actions.pop(sig, None)
    p.signals.pending |= signal.bit(sig)
    p.signals.info[sig] = info or signal.SigInfo(sig)


def describe(k, p, trap) -> str:
    """The fault in words, with the instruction that made it."""
    text = str(trap)
    if trap.kind == "SVC":
        text = f"svc outside the kernel's gate (pc {trap.pc:#x})"
    instruction = k.instruction_at(p, trap.pc)
    return f"{text}: {instruction}" if instruction else text
