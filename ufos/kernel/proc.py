"""μprocesses: the process table, the round-robin choice of the next one to run, exit and wait.

A μprocess is a slot of the single address space (vm.py), a saved register context, a file
descriptor table and its signal state. Only one runs at a time, on the one CPU; the scheduler
(trap.py) gives each runnable μprocess a quantum of QUANTUM instructions in turn. Counting
instructions rather than time makes every run deterministic: the same program and input switch at
the same instructions. A μprocess waiting for something sleeps on a channel (sched.py).

Job control adds one more state: a μprocess *stopped* by SIGSTOP or SIGTSTP (Ctrl-Z) does not run
until SIGCONT; its parent's wait4 with WUNTRACED (WCONTINUED) hears of the stop (the continue).
"""
from __future__ import annotations

import traceback

from ufos.kernel import signal
from ufos.kernel.sched import wakeup
from ufos.kernel.file import FdTable
from ufos.kernel.uapi import E, SA, SI, SIG, SyscallError
from ufos.kernel.vm import AddressSpace

QUANTUM = 20_000                 # instructions per turn


class Proc:
    def __init__(self, pid: int, parent: "Proc | None", space: AddressSpace, slot: int):
        self.pid = pid
        self.parent = parent
        self.pgid = parent.pgid if parent else pid
        self.space = space
        self.slot = slot
        self.name = parent.name if parent else "init"
        self.exe = ""                    # the path of its program, through real directories
        self.argv: list[str] = []
        self.state = "runnable"          # runnable | sleeping | stopped | zombie
        self.context = None              # the saved registers while it is not on the CPU
        self.fds = FdTable()
        self.cwd = "/"
        self.umask = 0o022               # umask(2): kept, inherited; openat and mkdirat apply it
        self.groups: list[int] = []      # supplementary group IDs (setgroups): inherited, kept by exec
        self.signals = signal.SignalState()
        self.children: list[Proc] = []
        self.chan = None                 # what it sleeps on
        self.wake_at: int | None = None  # for nanosleep: a time on the kernel's clock (ns)
        self.retry = False               # a system call to make again when it wakes
        self.deadline: int | None = None  # when a sleeping nanosleep or ppoll gives up
        self.alarm_at: int | None = None  # setitimer(ITIMER_REAL): when SIGALRM is due (not inherited)
        self.alarm_interval = 0          # ... and the period it is due again after that (ns), or 0
        self.wait_status = 0             # for the parent's wait: (code << 8) or the signal
        self.unreported: int | None = None   # a stop or continue wait4 has not told the parent of
        self.instructions = 0
        self.children_instructions = 0   # of the children it waited for, and theirs (times)
        self.syscalls = 0
        self.fault: str | None = None    # the message of the fault that killed it
        self.compartments: list = []     # a compartmentalised program's windows (compartment.Window)

    def inherit(self, parent: "Proc") -> None:
        """What fork copies besides memory, registers and signal state (fork.py moves those)."""
        self.name, self.exe, self.argv, self.cwd = parent.name, parent.exe, list(parent.argv), parent.cwd
        self.compartments = parent.compartments         # offsets in the slot: the same in the child
        self.umask = parent.umask
        self.groups = list(parent.groups)
        self.fds = parent.fds.duplicate()

    @property
    def ppid(self) -> int:
        return self.parent.pid if self.parent else 0

    def __repr__(self):
        return f"<pid {self.pid} {self.name} {self.state}>"


class ProcTable:
    def __init__(self, k, limit: int):
        self.k = k
        self.limit = limit
        self.procs: dict[int, Proc] = {}
        self.next_pid = 1
        self.last = 0                    # the pid that ran last (round robin)

    def create(self, parent: Proc | None) -> Proc:
        """A new μprocess with an empty slot; EAGAIN when the table is full."""
        live = sum(1 for p in self.procs.values() if p.state != "zombie")
        slot = self.k.vm.alloc_slot() if live < self.limit else None
        if slot is None:
            raise SyscallError(E.EAGAIN, "the process table is full")
        vm = self.k.vm
        table = vm.page_table
        if vm.classic:
            table = vm.new_page_table()  # classic: a page table of its own
            vm.map_gate(table)
        p = Proc(self.next_pid, parent, AddressSpace(vm, vm.slot_base(slot), table), slot)
        self.next_pid += 1
        self.procs[p.pid] = p
        self.k.events.processes_created += 1
        if parent:
            parent.children.append(p)
        return p

    def destroy(self, p: Proc) -> None:
        """Free everything a μprocess holds but its table entry (exit, or a fork that failed)."""
        p.fds.close_all(self.k)
        p.space.clear()
        self.k.vm.free_slot(p.slot)

    def unmake(self, p: Proc) -> None:
        """Undo create, for a fork that failed half way: free what p holds and take it out of the
        table, as if it had never been (a half-made entry has no registers to run or audit)."""
        self.destroy(p)
        if p.parent:
            p.parent.children.remove(p)
        del self.procs[p.pid]

    def get(self, pid: int) -> Proc | None:
        return self.procs.get(pid)

    def any_live(self) -> bool:
        for p in self.procs.values():       # a plain loop: the scheduler asks every turn
            if p.state != "zombie":
                return True
        return False

    def live(self) -> list[Proc]:
        return [p for p in self.procs.values() if p.state != "zombie"]

    def next_runnable(self) -> Proc | None:
        """Round robin: the first runnable μprocess after the one that ran last, else the first
        runnable one. The table holds μprocesses in pid order (pids only grow), so one pass does."""
        first = None
        for pid, p in self.procs.items():
            if p.state == "runnable":
                if pid > self.last:
                    self.last = pid
                    return p
                first = first or p
        if first is not None:
            self.last = first.pid
        return first


# --- exit and wait ----------------------------------------------------------------------------------
def exit_process(k, p: Proc, wait_status: int) -> None:
    """End p: free its memory and files, give its children to init, tell its parent."""
    if p.state == "zombie":
        return
    k.procs.destroy(p)
    p.state, p.wait_status, p.chan = "zombie", wait_status, None
    p.alarm_at = None                    # a zombie's alarm would ring for no one
    k.ended(p)
    init = k.procs.get(1)
    for child in p.children:
        child.parent = init if init is not p and init and init.state != "zombie" else None
        if child.parent:
            child.parent.children.append(child)
            if child.state == "zombie":
                wakeup(k, child.parent)
        elif child.state == "zombie":
            del k.procs.procs[child.pid]                 # nobody will ever wait for it
    p.children = []
    if k.current is p:
        k.current = None
    if p.parent is None or p.parent.state == "zombie":
        k.orphan_exited(p)
        if p.parent is None:
            del k.procs.procs[p.pid]
        return
    parent = p.parent
    signal.send(k, parent, SIG.SIGCHLD, child_info(p, wait_status))
    if leaves_no_zombie(parent):
        reap(k, parent, p)
    wakeup(k, parent)


def child_info(p: Proc, wait_status: int) -> "signal.SigInfo":
    """SIGCHLD's siginfo for a child that ended with this wait status."""
    sig = wait_status & 0x7F
    if not sig:
        code, status = SI.CLD_EXITED, wait_status >> 8
    else:
        code, status = (SI.CLD_DUMPED if wait_status & signal.CORE_DUMPED else SI.CLD_KILLED), sig
    return signal.SigInfo(SIG.SIGCHLD, code, pid=p.pid, status=status)


def leaves_no_zombie(parent: Proc) -> bool:
    """POSIX: a parent that set SIGCHLD to SIG_IGN, or asked SA_NOCLDWAIT, has its children
    reaped as they end (its wait then blocks until none is left, and fails with ECHILD)."""
    act = parent.signals.action(SIG.SIGCHLD)
    return act.handler == signal.SIG_IGN or bool(act.flags & SA.SA_NOCLDWAIT)


def find_zombie(parent: Proc, pid: int) -> Proc | None:
    """A child that has exited and matches waitpid's pid argument (-1: any; < -1: group)."""
    return next((c for c in matching_children(parent, pid) if c.state == "zombie"), None)


def find_changed(parent: Proc, pid: int, stops: bool, continues: bool) -> Proc | None:
    """A matching child whose stop (with stops: WUNTRACED) or continue (WCONTINUED) the parent
    has not been told of."""
    for c in matching_children(parent, pid):
        if c.unreported is not None and (stops if c.state == "stopped" else continues):
            return c
    return None


def reap(k, parent: Proc, child: Proc) -> None:
    parent.children.remove(child)
    del k.procs.procs[child.pid]


def matching_children(parent: Proc, pid: int) -> list[Proc]:
    return [c for c in parent.children if pid == -1 or c.pid == pid or
            (pid == 0 and c.pgid == parent.pgid) or (pid < -1 and c.pgid == -pid)]


# --- job control: stopping and continuing --------------------------------------------------------
STOPPED_STATUS, CONTINUED_STATUS = 0x7F, 0xFFFF       # wait statuses: (sig << 8) | 0x7F, 0xFFFF


def stop_process(k, p: Proc, sig: int) -> None:
    """p stops (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) until a SIGCONT. If it slept in a system call,
    it will make the call again once continued (p.retry stays set)."""
    p.state, p.chan, p.wake_at = "stopped", None, None
    p.unreported = (sig << 8) | STOPPED_STATUS
    tell_parent(k, p)


def continue_process(k, p: Proc) -> None:
    """SIGCONT: a stopped p runs again. A call it slept in is retried and sleeps again if it
    must, so nothing it waited for while stopped is missed."""
    if p.state != "stopped":
        return
    p.state = "runnable"
    p.unreported = CONTINUED_STATUS
    tell_parent(k, p)


def tell_parent(k, p: Proc) -> None:
    """A child stopped or continued: SIGCHLD (unless the parent asked SA_NOCLDSTOP) and wake its
    wait4."""
    parent = p.parent
    if parent is None or parent.state == "zombie":
        return
    if not parent.signals.action(SIG.SIGCHLD).flags & SA.SA_NOCLDSTOP:
        stopped = p.state == "stopped"
        signal.send(k, parent, SIG.SIGCHLD, signal.SigInfo(
            SIG.SIGCHLD, SI.CLD_STOPPED if stopped else SI.CLD_CONTINUED, pid=p.pid,
            status=p.unreported >> 8 if stopped else SIG.SIGCONT))
    wakeup(k, parent)


# --- kernel bugs ----------------------------------------------------------------------------------
def kernel_bug(k, p: Proc, where: str, error: Exception) -> None:
    """An exception escaped the kernel while it worked for p: that is a bug in the kernel, never
    the μprocess's fault, but p's state may be half changed, so p (and only p) is killed. The
    machine runs on; the traceback is kept in k.kernel_bugs for tests and the fuzzer."""
    detail = "".join(traceback.format_exception(error))
    k.kernel_bugs.append(f"pid {p.pid} ({p.name}) in {where}: {detail}")
    k.report(p, f"ufos: kernel bug in {where} ({type(error).__name__}: {error}); "
                f"pid {p.pid} ({p.name}) killed\n")
    p.retry = False
    exit_process(k, p, SIG.SIGKILL)
