"""Booting: the machine, the kernel's state, the first μprocess — and the glue the other files use.

    k = Kernel(Options(policy="copa"), initrd=root_archive(), stdin=b"", capture=True)
    k.spawn("/bin/sh", ["sh", "-c", "echo hi"])
    status = k.run()             # until every μprocess has exited
    k.output(1)                  # b"hi\\n" (with capture=True; else it went to the host's stdout)

What boot does: make the physical memory, the page table and the CPU; write the system call gate
(one instruction, `svc #0`, in a page of its own) and seal the two capabilities that lead to it;
build the file system tree (fs/rootfs.py) from the root image it is handed (a cpio archive, which
the toolchain's userland builder makes: toolchain/userland.py root_archive); connect the console.
Then the scheduler (proc.py) runs.

The kernel runs on one thread. The interactive console (ufos/console) runs its terminal on
another, and hands the kernel work (a typed line, Ctrl-C, a look at the μprocesses) through the
kernel's Inbox: the scheduler runs that work between two quanta, so kernel state only ever
changes on the kernel's own thread.
"""
from __future__ import annotations

import os
import queue
import random
import select
import signal as host_signal
import sys
import time
from dataclasses import dataclass, field

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.machine.cpu import CPU
from ufos.machine.memory import MAX_MEMORY, Memory
from ufos.machine.syntax import disassemble_word
from ufos.kernel import exec as execmod
from ufos.kernel import hybrid, signal, tty
from ufos.kernel.file import File
from ufos.kernel.fork import POLICIES, RELOCATORS
from ufos.kernel.fs.rootfs import build_root
from ufos.kernel.net import Network
from ufos.kernel.proc import QUANTUM, ProcTable, exit_process
from ufos.kernel.sched import wake
from ufos.kernel.sys_time import ring_alarm
from ufos.kernel.syscall import name_of
from ufos.kernel.trap import scheduler
from ufos.kernel.uapi import E, ERRNO_NAMES, O, SIG, SyscallError
from ufos.kernel.cost import CostModel, Events
from ufos.kernel.vm import GATE, PAGE, VM

GATE_OTYPE = 0x4B                # the object type of the gate's sealed pair
HOST_POLL = 1_000_000            # instructions between looks at the host's descriptors when busy
MAX_WAIT = 3600.0                # seconds the idle loop waits at most before it looks again
ISOLATION = ("adversarial", "fault", "off")
CLOCKS = ("virtual", "host")
P = isa.PERM


@dataclass
class Options:
    policy: str = "copa"
    relocator: str = "machine"   # who relocates a copied page: the machine's fast path, or python (lab fork)
    isolation: str = "adversarial"
    memory: int = 256 << 20
    max_procs: int = 64
    seed: int | None = None
    share: str = "ufos-data"     # the host directory behind /host
    trace: bool = False
    clock: str = "virtual"       # "host" in interactive boots (Kernel.clock_ns)
    monitored: bool = False      # other threads look in through the inbox (`ufos top`)
    quantum: int = QUANTUM
    max_instructions: int = 0    # stop everything after this many (0: no limit)
    audit: bool = False          # run the isolation audit after every fork, exec, mmap and fault
    hostfwd: dict[int, int] = field(default_factory=dict)   # guest port -> host port (0: any)
    env: list[str] = field(default_factory=lambda: ["PATH=/bin", "HOME=/", "TERM=xterm"])

    def check(self) -> None:
        if self.policy not in POLICIES:
            raise ValueError(f"unknown fork policy {self.policy!r} (one of {', '.join(POLICIES)})")
        if self.relocator not in RELOCATORS:
            raise ValueError(f"unknown relocator {self.relocator!r} (one of {', '.join(RELOCATORS)})")
        if self.isolation not in ISOLATION:
            raise ValueError(f"unknown isolation level {self.isolation!r} (one of {', '.join(ISOLATION)})")
        if not 4 << 20 <= self.memory <= MAX_MEMORY or self.memory % PAGE:
            raise ValueError(f"memory must be 4 MiB to {MAX_MEMORY >> 30} GiB, in whole pages")
        if self.clock not in CLOCKS:
            raise ValueError(f"unknown clock {self.clock!r} (one of {', '.join(CLOCKS)})")


class Inbox:
    """Work other threads hand the kernel: functions of no arguments, run in the order posted.
    Posting also writes a byte to a pipe whose read end (wake_fd) the idle loop waits on."""

    def __init__(self):
        self.work = queue.SimpleQueue()
        self.wake_fd, self._poke_fd = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._poke_fd, False)

    def post(self, fn) -> None:
        self.work.put(fn)
        try:
            os.write(self._poke_fd, b"!")
        except BlockingIOError:          # the pipe is full: the kernel is awake anyway
            pass

    def run_all(self) -> None:
        """Run what was posted. The scheduler calls this before every quantum, so it looks at the
        queue without a host system call; the pipe's bytes are drained by the idle loop."""
        while not self.work.empty():
            try:
                fn = self.work.get_nowait()
            except queue.Empty:
                return
            fn()

    def drain(self) -> None:
        """Empty the pipe (the idle loop saw it readable), so that it wakes the loop only anew."""
        try:
            while os.read(self.wake_fd, 4096):
                pass
        except BlockingIOError:
            pass


class Kernel:
    def __init__(self, options: Options | None = None, initrd: bytes = b"", stdin: bytes | None = None,
                 capture: bool = False, log=None, terminal=None):
        self.options = options = options or Options()
        options.check()
        self.policy, self.isolation, self.quantum = options.policy, options.isolation, options.quantum
        self.rng = random.Random(options.seed if options.seed is not None else 0)
        self.memory = Memory(options.memory)
        self.events = Events()           # what the kernel counts for the cost model
        self.vm = VM(self.memory, options.max_procs, self.events, classic=options.policy == "classic",
                     rng=random.Random(options.seed) if options.seed is not None else None,
                     relocator=options.relocator)
        self.cpu = CPU(self.memory, self.vm.page_table)
        self.cost = CostModel(self)
        self.procs = ProcTable(self, options.max_procs)
        self.current = None
        self.halted = False
        self.trace = options.trace
        self.log = log or sys.stderr
        self.foreground = 0              # the console's foreground process group
        self.first = None                # the μprocess `run` reports the status of
        self.status = None
        self.idle_ns = 0                 # time the machine spent waiting with nothing to run
        self.next_host_poll = HOST_POLL
        self.boot_ns = time.monotonic_ns()
        self.realtime_base_ns = time.time_ns()   # the date at boot: CLOCK_REALTIME's zero
        self.timers = object()           # channel of nanosleep
        self.polling = object()          # channel of ppoll: woken by any event
        self.net = Network(options.hostfwd)    # ports and host sockets (net.py)
        self.audits: list[tuple[str, int, list[str]]] = []    # (event, pid, problems)
        self.kernel_bugs: list[str] = []   # exceptions that escaped the kernel (proc.kernel_bug)
        self.history: list = []          # the last μprocesses that ended (for tests and `top`)
        self.fork_ns: list[int] = []     # host time of each fork (`ufos bench fork`)
        self.inbox = Inbox() if terminal is not None or options.monitored else None   # work from other threads
        self.gate = self._install_gate()
        self._connect_stdio(stdin, capture, terminal)
        self.fs = build_root(self, initrd)

    # --- boot ----------------------------------------------------------------------------------
    def _install_gate(self) -> tuple[Capability, Capability]:
        """The gate's page holds `svc #0`. A μprocess gets a sealed code capability to it and a
        sealed data capability: `blrs` through the pair is the only way to run it."""
        svc_0 = isa.BY_KEY["SVC"].opcode << 24           # svc #0: the opcode, a code of 0
        self.memory.write(self.vm.gate_frame, svc_0.to_bytes(4, "little"))
        self.vm.map_gate(self.vm.page_table)
        page = Capability.root().set_address(GATE).set_bounds(PAGE)
        pair = P["BRANCH_SEALED_PAIR"] | P["GLOBAL"]
        code_cap = page.clear_perms(isa.PERM_ALL & ~(pair | P["EXECUTE"] | P["LOAD"]))
        data_cap = page.clear_perms(isa.PERM_ALL & ~(pair | P["LOAD"]))
        code_cap = code_cap.set_address(GATE | 1)       # bit 0: the gate runs in C64 (isa.STATES)
        return code_cap.seal(GATE_OTYPE), data_cap.seal(GATE_OTYPE)

    def _connect_stdio(self, stdin: bytes | None, capture: bool, terminal) -> None:
        """The devices behind descriptors 0, 1, 2 of the first μprocess (and /dev/console)."""
        self.captured = capture
        self.host_signals = False        # can the host's Ctrl-C reach run() (a KeyboardInterrupt)?
        self.interactive = terminal is not None    # a user at the console: there is no deadlock
        if terminal is not None:                 # the interactive console: one device for all
            self.stdin = self.stdout = self.stderr = self.console = terminal
            return
        if stdin is not None or capture:
            self.stdin = tty.BufferInput(stdin or b"")
        else:
            self.stdin = tty.HostInput(0)
            self.host_signals = not capture      # `ufos run`, `ufos boot < script`
        if capture:
            self.stdout, self.stderr = tty.BufferOutput(), tty.BufferOutput()
        else:
            self.stdout, self.stderr = tty.HostOutput(1), tty.HostOutput(2)
        self.console = tty.Console(self.stdin, self.stdout)

    def output(self, fd: int) -> bytes:
        return bytes((self.stdout if fd == 1 else self.stderr).data)

    # --- starting programs ---------------------------------------------------------------------
    def spawn(self, path: str, argv: list[str], image=None) -> int:
        """Start the first μprocess: `path` from the file system (or the given image), with the
        standard descriptors on the console. Returns its pid."""
        p = self.procs.create(None)
        p.fds.install(File(self.stdin, O.O_RDONLY, "/dev/stdin"))
        p.fds.install(File(self.stdout, O.O_WRONLY, "/dev/stdout"))
        p.fds.install(File(self.stderr, O.O_WRONLY, "/dev/stderr"))
        self.foreground = p.pgid
        self.first = self.first or p
        self.current = p
        env = [e.encode() for e in self.options.env]
        args = [a.encode("utf-8", "surrogateescape") for a in argv]
        try:
            if image is not None:
                p.name, p.exe = os.path.basename(path), path
                p.argv = list(argv)
                execmod.check_image(image)
                execmod.load(self, p, image, args, env)
            else:
                self.exec(p, path, args, env)
        except SyscallError as e:
            self.current = None
            self.procs.unmake(p)
            raise SyscallError(e.errno, f"{path}: {os.strerror(e.errno) if e.errno < 134 else e}")
        p.context = self.cpu.save_context()
        self.current = None
        return p.pid

    def exec(self, p, path: str, argv: list[bytes], envp: list[bytes], depth: int = 0) -> None:
        """execve: the file at path (an executable, or a `#!` script) replaces p's program."""
        node, where = self.fs.walk(path, p.cwd)
        if node.kind == "dir":
            raise SyscallError(E.EACCES, "a directory")
        if node.kind != "file" or not node.stat().mode & 0o111:
            raise SyscallError(E.EACCES, "not executable")
        if node.stat().size > execmod.MAX_EXECUTABLE:
            raise SyscallError(E.ENOEXEC, "too large to be an executable")
        data = node.read_at(0, execmod.MAX_EXECUTABLE)
        if data.startswith(b"#!") and depth < 2:
            line = data[2:].split(b"\n", 1)[0].strip().split(None, 1)
            if not line:
                raise SyscallError(E.ENOEXEC)
            interp = line[0].decode("utf-8", "surrogateescape")
            return self.exec(p, interp, [line[0]] + line[1:] + [path.encode("utf-8", "surrogateescape")] + argv[1:], envp, depth + 1)
        image = execmod.parse_executable(data)
        p.fds.close_on_exec(self)
        p.signals.reset_for_exec()
        p.name, p.exe = os.path.basename(path), where
        p.argv = [a.decode("utf-8", "replace") for a in argv]
        execmod.load(self, p, image, argv, envp)

    # --- running ---------------------------------------------------------------------------------
    def run(self) -> int | None:
        """Run until every μprocess has exited; the first one's status, shell style (128+N if
        signal N killed it)."""
        while True:
            try:
                scheduler(self)
                break
            except KeyboardInterrupt:             # Ctrl-C at the host: SIGINT to the foreground
                self.interrupt()
        self.halted = True
        return self.status

    def shutdown(self) -> None:
        """halt/poweroff: every μprocess is killed and the machine stops; `ufos` exits with 0."""
        for p in self.procs.live():
            exit_process(self, p, SIG.SIGKILL)
        self.status = 0
        self.halted = True

    def over_budget(self) -> bool:
        """Has the machine run out of its instruction budget? Then every μprocess is killed."""
        limit = self.options.max_instructions
        if not limit or self.cpu.icount < limit:
            return False
        for p in self.procs.live():
            self.report(p, f"ufos: pid {p.pid} ({p.name}) killed after {limit:,} instructions (the limit)\n")
            exit_process(self, p, SIG.SIGKILL)
        return True

    def run_posted(self) -> None:
        """Run the work other threads posted (the scheduler calls this before every quantum)."""
        if self.inbox is not None:
            self.inbox.run_all()

    def interrupt(self, sig: int = SIG.SIGINT) -> None:
        for p in self.procs.live():
            if p.pgid == self.foreground:
                signal.send(self, p, sig)

    def switch_to(self, p) -> None:
        if self.current is p:
            return
        if self.current is not None:
            self.current.context = self.cpu.save_context()
        self.events.context_switches += 1
        self.cpu.load_context(p.context)
        if self.vm.classic:
            self.cpu.page_table = p.space.page_table       # classic: a TLB flush on every switch
        self.current = p

    def syscall_return(self, result) -> None:
        """Back from the gate to the caller: the result in c0/x0, then a branch to the link in c30
        (which also puts the caller back in its ISA state). A hybrid caller gets a capability
        result (mmap's) as the integer pointer it uses."""
        cpu = self.cpu
        if isinstance(result, Capability) and hybrid.caller_is_hybrid(cpu):
            result = hybrid.offset_of(cpu, result)
        cpu.return_from_gate(result)            # and c29, the gate's data capability, goes no further

    def check_isolation(self, event: str, p) -> None:
        """With Options.audit: record the isolation audit of every μprocess after p's event. Every
        one, not only p: a call that went wrong (an exec applying a relocation in the wrong
        place, say) may break another μprocess's isolation rather than the caller's."""
        if self.options.audit:
            from ufos.kernel.audit import audit
            self.audits += [(event, q.pid, audit(self, q)) for q in self.procs.live()]

    def ended(self, p) -> None:
        self.history.append(p)
        del self.history[:-100]

    def orphan_exited(self, p) -> None:
        if p is self.first:
            sig = p.wait_status & 0x7F
            self.status = 128 + sig if sig else p.wait_status >> 8

    # --- time ----------------------------------------------------------------------------------
    def clock_ns(self) -> int:
        """Nanoseconds since boot (CLOCK_MONOTONIC; CLOCK_REALTIME adds realtime_base_ns). The
        virtual clock is modeled time (cost.py: every event the machine and the kernel count,
        charged cycles of a 2.5 GHz Morello) plus time spent idle: deterministic, so a run with
        the same seed and input prints the same, and a program timing itself reads what the
        paper's machine would have taken. The host clock is the host's own, so that `date` and
        file times agree with the host's in an interactive boot."""
        if self.options.clock == "host":
            return time.monotonic_ns() - self.boot_ns
        return self.cost.ns() + self.idle_ns

    def wake_timers(self) -> None:
        """Wake the sleepers whose time has come, and ring the alarms that are due (SIGALRM:
        sys_time.ring_alarm). The clock is read only when someone has a deadline: the scheduler
        calls this every turn, and reading the modeled clock sums every counter the cost model
        weighs."""
        now = None
        for p in list(self.procs.procs.values()):
            if p.alarm_at is None and (p.wake_at is None or p.state != "sleeping"):
                continue
            if now is None:
                now = self.clock_ns()
            if p.alarm_at is not None and p.alarm_at <= now:
                ring_alarm(self, p, now)
            if p.wake_at is not None and p.state == "sleeping" and p.wake_at <= now:
                wake(p)

    def idle(self) -> None:
        """Nothing can run: sleep (no host CPU) until host input comes, the next timer is due or,
        when a μprocess waits for a signal, the host's Ctrl-C brings one; or report a deadlock."""
        sleepers = [p for p in self.procs.procs.values() if p.state in ("sleeping", "stopped")]
        inputs = self.host_inputs(sleepers)
        deadlines = [p.wake_at for p in sleepers if p.wake_at is not None]
        deadlines += [p.alarm_at for p in self.procs.procs.values() if p.alarm_at is not None]
        awaits_signal = self.host_signals and any(p.chan is self.polling for p in sleepers)
        if not inputs and not deadlines and not awaits_signal and not self.interactive:
            self.report(None, "ufos: deadlock: every μprocess is waiting for another: " +
                        ", ".join(f"pid {p.pid} ({p.name})" for p in sleepers) + "\n")
            for p in sleepers:
                exit_process(self, p, SIG.SIGKILL)
            return
        if self.inbox is not None:       # the console's user may wake a sleeper, `ufos top` look in
            inputs.add(self.inbox.wake_fd)   # (the work posted wakes whom it concerns itself)
        timeout = None
        if deadlines:          # a nanosleep of 2^62 s is legal; select() cannot wait that long
            timeout = min(max(0, min(deadlines) - self.clock_ns()) / 1e9, MAX_WAIT)
        started = time.monotonic_ns()
        if inputs:
            ready = select.select(sorted(inputs), [], [], timeout)[0]
        else:
            ready = []
            time.sleep(timeout) if timeout is not None else host_signal.pause()
        if deadlines and not ready and timeout < MAX_WAIT:
            self.idle_ns += max(0, min(deadlines) - self.clock_ns())    # jump to the deadline exactly
        else:
            self.idle_ns += time.monotonic_ns() - started
        if self.inbox is not None and self.inbox.wake_fd in ready:
            self.inbox.drain()
        self.wake_host_waiters(sleepers, [fd for fd in ready if self.inbox is None or fd != self.inbox.wake_fd])

    def poll_host(self) -> None:
        """Every HOST_POLL instructions, even while μprocesses keep the CPU busy, wake those whose
        host input (a key, a client's connection or request) has come — without waiting."""
        if self.cpu.icount < self.next_host_poll:
            return
        self.next_host_poll = self.cpu.icount + HOST_POLL
        sleepers = [p for p in self.procs.procs.values() if p.state == "sleeping"]
        inputs = self.host_inputs(sleepers)
        if inputs:
            self.wake_host_waiters(sleepers, select.select(sorted(inputs), [], [], 0)[0])

    def host_inputs(self, sleepers) -> set[int]:
        """The host descriptors that sleeping μprocesses wait on (ppoll waits on all of them)."""
        inputs = {p.chan.host_fd for p in sleepers if getattr(p.chan, "host_fd", None) is not None}
        if any(p.chan is self.polling for p in sleepers):
            inputs |= {self.stdin.host_fd} if self.stdin.host_fd is not None else set()
            inputs |= self.net.host_fds()
        return inputs

    def wake_host_waiters(self, sleepers, ready: list[int]) -> None:
        for p in sleepers:
            if p.chan is self.polling and ready or getattr(p.chan, "host_fd", None) in ready:
                wake(p)
        if self.stdin.host_fd in ready:
            self.stdin.ready()           # take what came (or its end) off the host: tty.HostInput

    # --- reporting -------------------------------------------------------------------------------
    def report(self, p, message: str) -> None:
        """A kernel message about p: on p's standard error if it has one, else the console's."""
        f = p.fds.files.get(2) if p is not None else None
        data = message.encode("utf-8", "surrogateescape")     # names may hold any bytes a program gave
        try:
            if f is not None and f.writable:
                f.node.write(self, p, f, data)
                return
        except Exception:            # a full pipe or a closed reader: fall back to the console
            pass
        self.stderr.write(self, p, None, data)

    def instruction_at(self, p, pc: int) -> str:
        """The instruction at pc in p's memory, disassembled in the ISA state p runs in ('' if it
        cannot be read)."""
        try:
            pte = p.space.page_table.lookup(pc)
            if not pte & 1:
                return ""
            word = int.from_bytes(self.memory.read((pte & 0xFFFFFFFFFF000) | (pc & 0xFFF), 4), "little")
            return disassemble_word(word, pc, state=self.cpu.state if p is self.current else "c64")
        except Exception:
            return ""

    def trace_syscall(self, p, number: int, result) -> None:
        if isinstance(result, int) and result < 0:
            shown = "-" + ERRNO_NAMES.get(-result, str(-result))
        elif isinstance(result, (int, Capability)):
            shown = repr(result)
        else:
            shown = "(no return)"
        self.log.write(f"[pid {p.pid} {p.name}] {name_of(number)}(...) = {shown}\n")
