"""`ufos fuzz`: a seeded random system-call fuzzer that tries to crash the kernel or break isolation.

    ufos fuzz [--seed S] [--calls N] [--policy copa|coa|sync|classic|all] [--procs N] [-v]

This file owns the fuzzer (issue 10 §3); the kernel is ufos/kernel, the tests tests/kernel/test_syscall_fuzz.py.

HOW IT DRIVES THE KERNEL. It boots a kernel and starts a small μprocess, which forks into several.
It never runs their instructions: it plays the CPU. At each step it picks a runnable μprocess,
switches to it (Kernel.switch_to), does what the scheduler does before user code runs (the retry of
a system call it slept in, the delivery of its signals), and then makes one system call for it the
way the gate does: x8 is the number, c0-c5 the arguments, then `syscall(k, p)`. Some calls come
as from hybrid (A64) code (HYBRID_SHARE): the link's bit 0 clear, a DDC of the program's own or a
broken one, and every pointer passed as the integer A64 code would pass. The arguments are
what a hostile program could hand the kernel: capabilities derived from the μprocess's own slot but
untagged, sealed, read-only, misaligned, too short, pointing at unmapped or munmap'd pages or at
another argument's buffer; argv arrays whose entries are such pointers; integers that are negative,
huge or 32-bit sign-flipped. The calls fork, exec (real programs, corrupt executables, scripts),
kill and exit, so the population changes; a μprocess left asleep is woken later, by the event it
waits for, by a signal, by the clock moving on, or spuriously (its call must cope with all four).

WHAT IT CHECKS after every step:
  - no Python exception escaped the kernel, and the kernel recorded no kernel bug (k.kernel_bugs);
  - the isolation audit (kernel/audit.py) is clean for the caller and every μprocess it made, and
    every AUDIT_EVERY steps for every μprocess;
  - the memory of every *other* μprocess (its pages, their bytes and tags) is byte-identical
    before and after: a system call acts on its caller only. (Not its MAP_SHARED pages: those are
    shared with others on purpose, and a write() to a mapped file lands in them.)

The same seed gives the same steps and the same results (the kernel is deterministic and so is the
fuzzer's random generator), so a failure is reported with the seed and the step, and replaying
`ufos fuzz --seed S --policy P --calls STEP -v` shows the calls that led to it.
"""
from __future__ import annotations

import argparse
import shutil
import struct
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from random import Random

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel import signal
from ufos.kernel.audit import audit
from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.kernel.fs.ramfs import RamDir, RamFile
from ufos.kernel.net import Socket
from ufos.kernel.sched import wake
from ufos.kernel.syscall import name_of, syscall
from ufos.kernel.sys_time import ITIMERVAL
from ufos.kernel.uaccess import TIMESPEC
from ufos.kernel.uapi import ERRNO_NAMES, MAP, NSIG, O, SI, SIG, SYS, SYSCALL_NAMES, SyscallError
from ufos.kernel.vm import FRAME_MASK, GATE, PAGE, SLOT_SIZE
from ufos.abi import CAP_PERMS
from ufos.runner import boot

MASK64 = (1 << 64) - 1          # what a register holds: arguments are taken modulo 2**64
HYBRID_SHARE = 0.15             # of the calls, those made as from hybrid (A64) code

P = isa.PERM
SCRATCH = 4 * PAGE               # each μprocess's mmap'd buffer, where argument data is written
AUDIT_EVERY = 64                 # steps between audits of every μprocess (the caller's: every step)
PROGRESS_SECONDS = 2.0

# The program every μprocess starts as: small (cheap to compare), with pointers in its data so that
# fork has capabilities to relocate.
PROGRAM = r"""
static char buffer[256];
char *pointer = buffer;
char *table[4] = {buffer, buffer + 16, 0, buffer + 32};
int main(void) { return pointer[0] + (table[3] != 0); }
"""

PATHS = ["/tmp/f0", "/tmp/f1", "/tmp/d0", "/tmp/d0/f2", "/tmp", "/", "/bin/true", "/dev/null",
         "/dev/zero", "/dev/console", "/dev/urandom", "/dev/stdout", "/dev/fd", "/dev/fd/0", "/dev/fd/3",
         "/dev/fd/1x", "/dev/fd/99999999999999999999", "/dev/fd/0/x", "/proc/self/status", "/proc/1/maps",
         "/proc/self/caps", "/proc/²/status", "/proc/١/status", "/proc/99999999999999999999/status",
         "/proc/self/fd", "/proc/self/fd/0", "/proc/self/fd/3", "/proc/self/fd/3/x", "/proc/self/fd/01",
         "/proc/1/fd/3", "/proc/self/fdinfo/3", "/proc/1/fdinfo",
         "/host/h0", "/host/hd", "/host/hd/h1", "/host", "/proc", "f0", "..", ".", "/tmp/../tmp/f1",
         "/tmp/prog", "/tmp/bad0", "/tmp/bad1", "/tmp/script", "/etc/motd", "/nonexistent/x",
         "/tmp/l0", "/tmp/l1", "/tmp/l2/f2", "/tmp/l2/..",
         "/tmp/" + "n" * 300, "/" + "d/" * 2100, ""]
EXECUTABLES = ["/tmp/prog", "/tmp/prog", "/tmp/prog", "/bin/true", "/tmp/bad0", "/tmp/bad1", "/tmp/bad2", "/tmp/script",
               "/tmp/loop", "/tmp/f0", "/", "/dev/null", "/dev/fd/0", "/proc/self/fd/3", "/proc/self/status", "/nonexistent"]
PORTS = [0, 7000, 7001]          # guest ports; every guest port is forwarded to a free host port

INTERESTING = [0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 64, 255, 256, 4095, 4096, 4097, 65535, 65536,
               1 << 20, (1 << 31) - 1, 1 << 31, (1 << 32) - 1, 1 << 32, 1 << 62, (1 << 63) - 1,
               1 << 63, MASK64, MASK64 - 1, -4096 & MASK64, -(1 << 31) & MASK64]
SIGNALS = [0, SIG.SIGINT, SIG.SIGTERM, SIG.SIGKILL, SIG.SIGSTOP, SIG.SIGCONT, SIG.SIGCHLD,
           SIG.SIGUSR1, SIG.SIGPIPE, SIG.SIGTSTP, SIG.SIGALRM, SIG.SIGSEGV, NSIG - 1, NSIG, 100]

# What each system call's arguments are, so that most calls get well-formed ones and go deep into
# the kernel (a call whose every argument is garbage stops at the first check). One in ten
# arguments is replaced by garbage of any kind anyway, and one in ten pointers is made wrong.
SPECS = {
    "read": ("fd", "out", "len"), "write": ("fd", "in", "len"),
    "pread64": ("fd", "out", "len", "offset"), "pwrite64": ("fd", "in", "len", "offset"),
    "openat": ("dirfd", "path", "oflags", "mode"), "close": ("fd",),
    "lseek": ("fd", "offset", "whence"), "dup": ("fd",), "dup3": ("fd", "fd", "oflags"),
    "fcntl": ("fd", "fcntl", "int"), "pipe2": ("out8", "oflags"), "fstat": ("fd", "out"),
    "newfstatat": ("dirfd", "path", "out", "atflags"), "getdents64": ("fd", "out", "len"),
    "mkdirat": ("dirfd", "path", "mode"), "unlinkat": ("dirfd", "path", "atflags"),
    "linkat": ("dirfd", "path", "dirfd", "path", "atflags"),
    "symlinkat": ("path", "dirfd", "path"), "readlinkat": ("dirfd", "path", "out", "len"),
    "renameat": ("dirfd", "path", "dirfd", "path"), "faccessat": ("dirfd", "path", "mode"),
    "ftruncate": ("fd", "offset"), "truncate": ("path", "offset"), "chdir": ("path",),
    "fchdir": ("fd",),
    "getcwd": ("out", "len"), "ioctl": ("fd", "ioctl", "out"), "fsync": ("fd",),
    "utimensat": ("dirfd", "path", "times", "atflags"), "fchmodat": ("dirfd", "path", "mode"),
    "fchmod": ("fd", "mode"), "exit": ("int",), "exit_group": ("int",), "clone": ("int",),
    "execve": ("exe", "argv", "argv"), "wait4": ("pid", "out8", "wflags"),
    "getpid": (), "getppid": (), "getuid": (), "kill": ("pid", "sig"), "tkill": ("pid", "sig"),
    "getgroups": ("int", "out"), "setgroups": ("int", "in"),
    "tgkill": ("pid", "pid", "sig"), "rt_sigqueueinfo": ("pid", "sig", "in"), "reboot": ("int",),
    "setpgid": ("pid", "pid"), "getpgid": ("pid",), "setsid": (), "umask": ("mode",),
    "prlimit64": ("pid", "int", "in", "out"),
    "rt_sigaction": ("sig", "sigaction", "out"), "rt_sigprocmask": ("how", "in", "out8"),
    "rt_sigreturn": (), "rt_sigpending": ("out8",), "rt_sigsuspend": ("in",),
    "rt_sigtimedwait": ("in", "out", "timespec"), "sigaltstack": ("stack", "out"),
    "nanosleep": ("timespec", "out"), "clock_gettime": ("clock", "out"), "clock_getres": ("clock", "out"),
    "clock_nanosleep": ("clock", "int", "timespec", "out"),
    "setitimer": ("itimer", "itimerval", "out"), "getitimer": ("itimer", "out"),
    "gettimeofday": ("out",), "times": ("out",), "getrusage": ("int", "out"),
    "ppoll": ("pollfds", "nfds", "timespec"), "sysinfo": ("out",), "uname": ("out",),
    "getrandom": ("out", "len", "int"), "sched_yield": (),
    "mmap": ("hint", "len", "prot", "mapflags", "fd", "offset"), "munmap": ("region", "len"),
    "mprotect": ("region", "len", "prot"), "msync": ("region", "len", "msflags"), "brk": ("brk",),
    "socket": ("domain", "socktype", "int"), "socketpair": ("domain", "socktype", "int", "out8"),
    "bind": ("sockfd", "sockaddr", "len"), "listen": ("sockfd", "int"), "accept": ("sockfd", "out", "socklen"),
    "connect": ("sockfd", "sockaddr", "len"), "sendto": ("sockfd", "in", "len", "msgflags"),
    "recvfrom": ("sockfd", "out", "len", "msgflags", "out", "socklen"), "shutdown": ("sockfd", "int"),
    "setsockopt": ("sockfd", "sockopt", "int", "in", "len"), "getsockopt": ("sockfd", "sockopt", "int", "out", "socklen"),
    "getsockname": ("sockfd", "out", "socklen"), "getpeername": ("sockfd", "out", "socklen"),
}
# How often each call is made, relative to 1: the ones that change the population are rarer.
WEIGHTS = {"exit": 0.15, "exit_group": 0.1, "clone": 0.6, "execve": 2, "kill": 0.6, "tkill": 0.3, "tgkill": 0.3,
           "rt_sigqueueinfo": 0.3, "reboot": 0.05, "setitimer": 0.3,
           "socket": 2, "socketpair": 2,
           "read": 2, "write": 2, "openat": 2, "close": 1.5, "munmap": 1.5}
CALLS = [SYS.__dict__[name] for name in SPECS]
GARBAGE = ["int", "any_pointer", "fd", "len", "path", "argv"]    # what a wrong argument is


class FuzzFailure(Exception):
    """A check failed: the kernel crashed, recorded a kernel bug, or broke isolation."""


@dataclass
class Summary:
    policy: str
    seed: int
    steps: int = 0
    calls: Counter = field(default_factory=Counter)      # by system call name
    results: Counter = field(default_factory=Counter)    # "ok" or the errno's name
    audits: int = 0
    forks: int = 0
    execs: int = 0
    kernel_bugs: list[str] = field(default_factory=list)
    failure: str | None = None


def program_image():
    from ufos.toolchain.driver import Source, build_executable
    return build_executable([Source("fuzzprog.c", PROGRAM)])


class Fuzzer:
    def __init__(self, seed: int, policy: str, procs: int = 4, image=None, verbose=None):
        from ufos.toolchain.ld import write_executable
        self.rng = Random(f"{seed}/{policy}")
        self.summary = Summary(policy, seed)
        self.target = procs
        self.verbose = verbose                       # a file: every call is written there
        self.share = tempfile.mkdtemp(prefix="ufos-fuzz-")
        forward_every_port = {port: 0 for port in range(1, 65536)}   # the host picks free ports
        self.k = boot(Options(policy=policy, seed=seed, max_procs=2 * procs, memory=64 << 20,
                                share=self.share, hostfwd=forward_every_port), capture=True)
        self.image = image or program_image()
        self.program = write_executable(self.image)
        self.install_files(self.program)
        self.k.spawn("/tmp/prog", ["prog"], image=self.image)
        self.held: dict[int, list[Capability]] = {}     # pid -> buffers it got (scratch, mmap)
        self.stale: dict[int, list[Capability]] = {}    # pid -> buffers it may have munmap'd
        self.memory: dict[int, list] = {}               # pid -> snapshot of its pages
        self.bugs_seen = 0

    def install_files(self, program: bytes) -> None:
        """What the μprocesses find in /tmp: the program, corrupt copies of it, scripts, symbolic
        links (to a file, to itself, to a directory). (They
        may unlink or overwrite them: step() puts back what is missing, now and then, and the
        program itself if a write or pwrite changed it, so that execve keeps being tried on a
        good executable too.)"""
        root = self.k.fs.root
        tmp = root.lookup("tmp")
        if tmp is None:
            tmp = root.mkdir("tmp")
        if not isinstance(tmp, RamDir):                  # a file was renamed over it
            return
        bad = [bytearray(program) for _ in range(3)]
        for data in bad[:2]:                             # flipped bytes: headers, tables, relocations
            for _ in range(8):
                pos = self.rng.randrange(min(len(data), 512) if self.rng.random() < 0.6 else len(data))
                data[pos] = self.rng.randrange(256)
        del bad[2][self.rng.randrange(64, len(program)):]                    # truncated
        files = {"prog": program, "bad0": bad[0], "bad1": bad[1], "bad2": bad[2],
                 "script": b"#!/tmp/prog -x\n", "loop": b"#!/tmp/loop\n", "f0": b"hello\n"}
        prog = tmp.lookup("prog")
        if prog is not None and prog.kind != "dir" and not (isinstance(prog, RamFile) and prog.data == program):
            tmp.unlink("prog")
        for name, data in files.items():
            if tmp.lookup(name) is None:
                tmp.add(name, RamFile(bytes(data), mode=0o755))
        for name, target in {"l0": "f0", "l1": "l1", "l2": "/tmp/d0"}.items():
            if tmp.lookup(name) is None:
                tmp.symlink(name, target)

    # --- running ---------------------------------------------------------------------------------
    def run(self, calls: int, progress=None) -> Summary:
        """Make `calls` system calls (not counting retries); stop at the first failed check."""
        s, k = self.summary, self.k
        for p in k.procs.live():
            self.memory[p.pid] = snapshot(k, p)
        last = time.monotonic()
        try:
            while sum(s.calls.values()) < calls:
                self.step()
                if progress and time.monotonic() - last > PROGRESS_SECONDS:
                    last = time.monotonic()
                    progress(s)
        except FuzzFailure as e:
            s.failure = f"step {s.steps} (seed {s.seed}, policy {s.policy}): {e}"
        finally:
            self.close()
        return s

    def close(self) -> None:
        try:
            self.k.shutdown()                        # closes the μprocesses' host sockets
        except Exception:                            # the failure is already reported
            pass
        shutil.rmtree(self.share, ignore_errors=True)

    def step(self) -> None:
        """One turn of one μprocess, and the checks."""
        k, s = self.k, self.summary
        s.steps += 1
        del k.stdout.data[:], k.stderr.data[:]           # the terminal reads what was written
        if s.steps % 200 == 0:
            self.install_files(self.program)
        runnable = [p for p in k.procs.live() if p.state == "runnable"]
        if not runnable:
            self.unstick()
            return
        p = self.rng.choice(runnable)
        before = {q.pid for q in k.procs.live()}
        what = self.turn(p)
        self.check(p, before, what)

    def turn(self, p) -> str:
        """What the scheduler and the CPU would do in p's turn; returns the call, described."""
        k = self.k
        what = ""
        try:
            k.switch_to(p)
            if p.retry:
                what = f"retry {name_of(k.cpu.x[8])}: "
                syscall(k, p)
                if p.state != "runnable" or k.current is not p:
                    return what
            signal.deliver(k, p)
            if p.state != "runnable":
                return what + "a signal"
            number, args = self.make_call(p)
            what += describe(number, args)
            if self.verbose:
                print(f"step {self.summary.steps} pid {p.pid}: {what}", file=self.verbose)
            self.summary.calls[name_of(number) if number in SYSCALL_NAMES else "(no such call)"] += 1
            syscall(k, p)
            self.record(p, number)
        except Exception:
            raise FuzzFailure(f"pid {p.pid}: {what}: an exception escaped the kernel:\n"
                              f"{traceback.format_exc()}")
        return what

    def record(self, p, number: int) -> None:
        """The call's result (if it returned), and the buffers it gave the μprocess."""
        k, s = self.k, self.summary
        if p.state == "zombie" or k.current is not p or p.retry:
            return
        result = k.cpu.c[0]
        if number in (SYS.mmap, SYS.brk) and result.tag:
            self.held.setdefault(p.pid, []).append(result)
            del self.held[p.pid][:-8]
        value = k.cpu.x[0]
        value = value - (1 << 64) if value >> 63 else value
        s.results["ok" if value >= 0 or result.tag else ERRNO_NAMES.get(-value, str(-value))] += 1
        if number == SYS.clone and value > 0:
            s.forks += 1
            child = k.procs.get(value)                    # its buffers are the parent's, moved
            self.held[child.pid] = [moved(c, p.space, child.space) for c in self.held.get(p.pid, [])]
        s.execs += number == SYS.execve and value >= 0

    def unstick(self) -> None:
        """Nothing is runnable: wake someone as the machine would (or spuriously), or start anew."""
        k, rng = self.k, self.rng
        live = k.procs.live()
        if not live:
            pid = k.spawn("/tmp/prog", ["prog"], image=self.image)
            self.memory[pid] = snapshot(k, k.procs.get(pid))
            return
        p = rng.choice(live)
        choice = rng.random()
        deadlines = [t for q in live for t in (q.wake_at, q.alarm_at) if t is not None]
        if p.state == "stopped" or choice < 0.2:
            signal.send(k, p, rng.choice([SIG.SIGCONT, SIG.SIGKILL, SIG.SIGINT, SIG.SIGCHLD]))
        elif choice < 0.6 and deadlines:
            k.idle_ns += max(0, min(deadlines) - k.clock_ns())
            k.wake_timers()                          # the clock reaches the next deadline (or alarm)
        else:
            wake(p)                                  # a spurious wakeup: its call must sleep again

    # --- the checks ------------------------------------------------------------------------------
    def check(self, p, before: set[int], what: str) -> None:
        k, s = self.k, self.summary
        bugs = getattr(k, "kernel_bugs", [])
        if len(bugs) > self.bugs_seen:
            s.kernel_bugs += bugs[self.bugs_seen:]
            self.bugs_seen = len(bugs)
            raise FuzzFailure(f"pid {p.pid}: {what}: kernel bug:\n{bugs[-1]}")
        live = {q.pid: q for q in k.procs.live()}
        new = [q for pid, q in live.items() if pid not in before]
        audited = list(live.values()) if s.steps % AUDIT_EVERY == 0 else [q for q in [p, *new] if q.pid in live]
        for q in audited:
            s.audits += 1
            problems = audit(k, q)
            if problems:
                raise FuzzFailure(f"pid {p.pid}: {what}: the audit of pid {q.pid} fails: {problems[:3]}")
        frames: dict = {}
        for pid, old in list(self.memory.items()):
            q = live.get(pid)
            if q is None:
                del self.memory[pid]
            elif q is not p and snapshot(k, q, frames) != old:
                raise FuzzFailure(f"pid {p.pid}: {what}: the memory of pid {pid} changed")
        for q in [p, *new]:
            if q.pid in live:
                self.memory[q.pid] = snapshot(k, q, frames)

    # --- making a call ---------------------------------------------------------------------------
    def make_call(self, p) -> tuple[int, list]:
        """Choose a call and its arguments; put them in the registers as the gate expects."""
        rng, cpu = self.rng, self.k.cpu
        if len(self.k.procs.live()) < self.target and rng.random() < 0.3:
            number = SYS.clone
        elif rng.random() < 0.01:
            number = rng.choice([rng.randrange(1 << 16), rng.randrange(1 << 64)])   # no such call
        else:
            number = rng.choices(CALLS, [WEIGHTS.get(name_of(n), 1) for n in CALLS])[0]
        args = Arguments(self, p)
        kinds = SPECS.get(name_of(number), ())
        values = [args.make(kind) for kind in kinds]
        values += [args.make("any") for _ in range(6 - len(values))]
        for i, v in enumerate(values):
            cpu.c[i] = v if isinstance(v, Capability) else Capability.null().set_address(v & MASK64)
        if rng.random() < HYBRID_SHARE:
            self.as_hybrid(p, values)
        cpu.x[8] = number
        return number, values

    def as_hybrid(self, p, values: list) -> None:
        """Make the call come from hybrid code (kernel/hybrid.py): a link with bit 0 clear, a DDC
        and CCTLR of the program's choosing, and every pointer the integer A64 code would pass."""
        rng, cpu, space = self.rng, self.k.cpu, p.space
        data = space.root.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".data"])
        ddc = rng.choice([data, data, self.scratch(p), data.seal(0x1234), data.clear_tag(), Capability.null()])
        cctlr = rng.choice([0, isa.CCTLR_DDCBO, isa.CCTLR_DDCBO | isa.CCTLR_PCCBO])
        cpu.set_sysreg("ddc", ddc)
        cpu.set_sysreg("cctlr", cctlr)
        code = space.root.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".text"])
        cpu.c[30] = code.set_address(space.base + 0x10000 + 4 * rng.randrange(1024))    # bit 0 clear: A64
        offset = ddc.base if cctlr & isa.CCTLR_DDCBO else 0
        for i, v in enumerate(values):
            if isinstance(v, Capability):
                cpu.x[i] = (v.address - offset) & MASK64

    def scratch(self, p) -> Capability:
        """p's scratch buffer: mapped with mmap (as malloc would) the first time, and again after
        an exec or a munmap took it away (or, if its heap is full, the top of its stack)."""
        held = self.held.setdefault(p.pid, [])
        held[:] = [c for c in held if mapped(p.space, c)]
        cap = next((c for c in held if c.length == SCRATCH), None)
        if cap is None:
            try:
                cap = p.space.mmap(SCRATCH)
            except SyscallError:
                stack = p.space.root.set_address(p.space.top - SCRATCH).set_bounds(SCRATCH)
                return stack.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".data"])
            held.insert(0, cap)
        return cap


class Arguments:
    """The arguments of one call: values of each kind, written into p's scratch buffer where they
    are data (the bump allocator `buffer` hands out pieces of it)."""

    def __init__(self, fuzzer: Fuzzer, p):
        self.f, self.p, self.rng, self.k = fuzzer, p, fuzzer.rng, fuzzer.k
        self.base = fuzzer.scratch(p)
        self.next = self.base.base + self.rng.randrange(0, SCRATCH // 2, 16)
        self.last_length = 16                    # the size of the last buffer: a "len" follows it
        self.clean = self.rng.random() < 0.4     # a well-formed call, to reach what lies past the checks
        self.buffers: list[Capability] = []

    def make(self, kind: str):
        """A value of this kind ("fd", "path"... : the k_* methods), or garbage of another kind."""
        if kind == "any" or (not self.clean and self.rng.random() < 0.1):
            kind = self.rng.choice(GARBAGE)
        return getattr(self, "k_" + kind)()

    # --- memory the μprocess writes before the call --------------------------------------------
    def buffer(self, data: bytes = b"", size: int | None = None, align: int = 16) -> Capability:
        """A capability to a fresh piece of the scratch buffer holding data (as the program would
        have written it: a page it made read-only stays unwritten)."""
        size = max(size if size is not None else len(data), 1)
        start = (self.next + align - 1) & ~(align - 1)
        if start + size > self.base.top:
            start = self.base.base
        self.next = start + size
        size = min(size, self.base.top - start)
        cap = self.base.set_address(start).set_bounds(size)
        try:
            if data:
                self.p.space.write(start, data[:size])
        except Exception:                        # unwritable (mprotect'd): the program would fault
            pass
        self.last_length = size
        self.buffers.append(cap)
        return cap

    def store_caps(self, cap: Capability, caps: list[Capability]) -> None:
        for i, c in enumerate(caps):
            try:
                self.p.space.store_cap(cap.base + 16 * i, c)
            except Exception:
                pass

    def maybe_bad(self, cap: Capability) -> Capability:
        return self.k_any_pointer(cap) if not self.clean and self.rng.random() < 0.1 else cap

    # --- pointers ----------------------------------------------------------------------------------
    def k_any_pointer(self, cap: Capability | None = None) -> Capability:
        """A pointer that is wrong in one of the ways a hostile or buggy program's can be."""
        rng, p = self.rng, self.p
        cap = cap or (rng.choice(self.buffers) if self.buffers and rng.random() < 0.5 else self.buffer(size=64))
        space = p.space
        choices = [
            lambda: Capability.null(),
            lambda: cap.clear_tag(),
            lambda: cap.seal(rng.randrange(4, 1 << 14)),
            lambda: cap.seal_entry(),
            lambda: cap.clear_perms(P["STORE"] | P["STORE_CAP"]),
            lambda: cap.clear_perms(P["LOAD"] | P["LOAD_CAP"]),
            lambda: cap.set_bounds(rng.choice([0, 1, 7])),
            lambda: cap.set_address(cap.top + rng.randrange(64)),
            lambda: cap.set_address(cap.base - rng.randrange(1, 64)),
            lambda: cap.add(rng.randrange(1, 16)),                                # misaligned
            lambda: space.root.set_address(space.base + rng.randrange(SLOT_SIZE)),  # mostly unmapped
            lambda: space.root.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".data"]).set_address(
                space.base + rng.randrange(0, SLOT_SIZE, PAGE)).set_bounds(PAGE),
            lambda: rng.choice(self.f.stale.get(p.pid) or [cap.clear_tag()]),      # munmap'd
            lambda: rng.choice(self.k.gate),
            lambda: Capability.null().set_address(GATE + rng.randrange(PAGE)),
            lambda: Capability.null().set_address(rng.randrange(1 << 64)),
            lambda: Capability.null().set_address(rng.choice(self.k.procs.live()).space.base + 0x10000),
            lambda: self.k.cpu.csp,
            lambda: space.root.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".text"]).set_address(space.base + 0x10000),
        ]
        return rng.choice(choices)()

    def k_null(self):
        return Capability.null()

    def k_hint(self):
        """mmap's address: none, mostly; else inside a buffer p holds (where MAP_FIXED may go),
        or anywhere."""
        rng, held = self.rng, self.f.held.get(self.p.pid, [])
        r = rng.random()
        if r < 0.5 or not held:
            return Capability.null()
        cap = rng.choice(held)
        if r < 0.9:
            return cap.set_address(cap.base + rng.randrange(0, max(cap.length, 1), PAGE))
        return Capability.null().set_address(rng.choice(INTERESTING))

    def k_out(self):
        return self.maybe_bad(self.buffer(size=self.rng.choice([1, 8, 16, 64, 128, 512, 4096, 3 * PAGE])))

    def k_out8(self):
        return self.maybe_bad(self.buffer(size=self.rng.choice([4, 8, 16])))

    def k_in(self):
        return self.maybe_bad(self.buffer(self.rng.randbytes(self.rng.choice([0, 1, 4, 8, 64, 300, 4096]))))

    def k_path(self):
        return self.maybe_bad(self.string(self.path()))

    def path(self) -> bytes:
        rng = self.rng
        name = rng.choice(PATHS).encode()
        if rng.random() < 0.1:
            name += rng.choice([b"/", b"/..", b"\xff\xfe", b"\xc3", b"/" + rng.randbytes(4).replace(b"\0", b"")])
        return name

    def string(self, s: bytes) -> Capability:
        if not self.clean and self.rng.random() < 0.05:     # no NUL before the end of its bounds
            return self.buffer(s or b"x")
        return self.buffer(s + b"\0")

    def k_exe(self):
        return self.maybe_bad(self.string(self.rng.choice(EXECUTABLES).encode()))

    def k_argv(self):
        """A NULL-terminated array of string pointers — or one that is not quite."""
        rng = self.rng
        if rng.random() < 0.1:
            return Capability.null()
        strings = [self.string(rng.randbytes(rng.choice([0, 3, 40])).replace(b"\0", b"x"))
                   for _ in range(rng.choice([0, 1, 2, 5]))]
        if strings and not self.clean and rng.random() < 0.2:    # one entry is a wrong pointer
            i = rng.randrange(len(strings))
            strings[i] = self.k_any_pointer(strings[i])
        if rng.random() < 0.05:                          # E2BIG: many long arguments
            strings = [self.string(b"a" * 4000)] * 40
        terminated = self.clean or rng.random() > 0.1
        array = self.buffer(size=16 * (len(strings) + terminated))
        self.store_caps(array, strings + [Capability.null()] * terminated)
        if rng.random() < 0.1:                           # the array points at itself
            self.store_caps(array, [array])
        return self.maybe_bad(array)

    def k_timespec(self):
        rng = self.rng
        if rng.random() < 0.1:
            return Capability.null()
        sec = rng.choice([0, 0, 1, 2, -1, 1 << 40, (1 << 63) - 1, -(1 << 63)])
        nsec = rng.choice([0, 1, 1000, 999_999_999, 10**9, -1])
        times = TIMESPEC.pack(sec, nsec) + TIMESPEC.pack(rng.choice([0, 1 << 62]), rng.choice([0, (1 << 30) - 2]))
        return self.maybe_bad(self.buffer(times))

    k_times = k_timespec

    def k_stack(self):
        """stack_t for sigaltstack: a stack of the μprocess's own, too small a one, or one a
        pointer of any wrong kind describes (another slot's, read-only, sealed...), with flags
        and a size that may not match."""
        rng = self.rng
        if rng.random() < 0.2:
            return Capability.null()
        sp = rng.choice([self.buffer(size=8192), self.buffer(size=8192), self.buffer(size=1024),
                         self.k_any_pointer()])
        size = rng.choice([sp.length, 2048, 8192, 0, 1 << 40, MASK64])
        flags = rng.choice([0, 0, SI.SS_DISABLE, SI.SS_ONSTACK, rng.randrange(1 << 32)])
        ss = self.buffer(size=32)
        self.store_caps(ss, [sp])
        try:
            self.p.space.write(ss.base + 16, struct.pack("<i4xQ", flags, size & MASK64))
        except Exception:                        # unwritable (mprotect'd)
            pass
        return self.maybe_bad(ss)

    def k_sigaction(self):
        """struct sigaction: a handler (SIG_DFL, SIG_IGN, a sentry to code, or a wrong one), flags,
        a restorer, a mask."""
        rng, space = self.rng, self.p.space
        if rng.random() < 0.2:
            return Capability.null()
        code = space.root.clear_perms(isa.PERM_ALL & ~CAP_PERMS[".text"]).set_address(space.base + 0x10000)
        handler = rng.choice([Capability.null(), Capability.null().set_address(1), code.seal_entry(),
                              code.seal_entry(), self.k_any_pointer()])
        restorer = rng.choice([code.seal_entry(), Capability.null(), self.k_any_pointer()])
        act = self.buffer(size=64)
        self.store_caps(act, [handler, Capability.null(), restorer])
        flags = rng.choice([0, 0x04000000, 0x40000000, 0x80000000, rng.randrange(1 << 32)])
        try:
            space.write(act.base + 16, flags.to_bytes(4, "little"))
            space.write(act.base + 48, rng.randrange(1 << 64).to_bytes(8, "little"))
        except Exception:
            pass
        return self.maybe_bad(act)

    def k_sockaddr(self):
        rng = self.rng
        family = rng.choice([2, 2, 2, 1, 10, 0xFFFF])
        ip = rng.choice([bytes([127, 0, 0, 1]), bytes(4), bytes([8, 8, 8, 8])])
        data = family.to_bytes(2, "little") + rng.choice(PORTS).to_bytes(2, "big") + ip + bytes(8)
        return self.maybe_bad(self.buffer(data[:rng.choice([16, 16, 16, 4, 1])]))

    def k_socklen(self):
        room = self.rng.choice([0, 4, 16, 128, (1 << 32) - 1])
        return self.maybe_bad(self.buffer(room.to_bytes(4, "little")))

    def k_pollfds(self):
        rng = self.rng
        n = rng.choice([0, 1, 2, 4, 300])
        data = b"".join(self.fd().to_bytes(4, "little", signed=True) + rng.randrange(1 << 16).to_bytes(2, "little")
                        + bytes(2) for _ in range(min(n, 8)))
        return self.maybe_bad(self.buffer(data, size=8 * n))

    def k_region(self):
        """A buffer p holds (mmap'd), to munmap or mprotect: the scratch buffer itself, often."""
        rng, held = self.rng, self.f.held.get(self.p.pid, [])
        cap = rng.choice(held) if held else self.base
        if rng.random() < 0.3:
            cap = cap.set_address(cap.base + rng.randrange(0, max(cap.length, 1), PAGE))
        self.last_length = rng.choice([PAGE, cap.length, cap.length + PAGE, 1])
        stale = self.f.stale.setdefault(self.p.pid, [])
        if cap not in stale:
            stale.append(cap)                         # may be munmap'd now: a stale pointer later
            del stale[:-16]
        return self.maybe_bad(cap)

    # --- integers ----------------------------------------------------------------------------------
    def k_int(self):
        rng = self.rng
        r = rng.random()
        if r < 0.6:
            return rng.choice(INTERESTING)
        if r < 0.8:
            return rng.randrange(-16, 64) & MASK64
        return rng.randrange(1 << 64)

    def fd(self) -> int:
        rng = self.rng
        fds = sorted(self.p.fds.files)
        if fds and rng.random() < 0.8:
            return rng.choice(fds)
        return rng.choice([-1, 3, 10, 255, 256, 1 << 20, -100, (1 << 31) - 1])

    def k_fd(self):
        return self.fd() & MASK64

    def k_sockfd(self):
        """A socket's descriptor, mostly (calls on others stop at ENOTSOCK)."""
        sockets = sorted(fd for fd, f in self.p.fds.files.items() if isinstance(f.node, Socket))
        return self.rng.choice(sockets) if sockets and self.rng.random() < 0.8 else self.k_fd()

    def k_dirfd(self):
        return (O.AT_FDCWD if self.rng.random() < 0.6 else self.fd()) & MASK64

    def k_len(self):
        rng = self.rng
        r = rng.random()
        if r < 0.6:
            return self.last_length
        if r < 0.8:
            return max(0, self.last_length + rng.choice([-1, 1, 16, PAGE]))
        return self.k_int()

    k_nfds = k_len

    def k_offset(self):
        return self.rng.choice([0, 1, 100, PAGE, 1 << 20, 1 << 31, 1 << 40, 1 << 62, (1 << 63) - 1,
                                1 << 63, MASK64, -100 & MASK64])

    def k_oflags(self):
        rng = self.rng
        flags = rng.choice([O.O_RDONLY, O.O_WRONLY, O.O_RDWR])
        for bit in (O.O_CREAT, O.O_EXCL, O.O_TRUNC, O.O_APPEND, O.O_NONBLOCK, O.O_DIRECTORY, O.O_CLOEXEC):
            if rng.random() < 0.25:
                flags |= bit
        return flags if rng.random() < 0.9 else rng.randrange(1 << 32)

    def k_mode(self):
        return self.rng.choice([0o644, 0o755, 0o777, 0, 1, 0o7777, MASK64])

    def k_whence(self):
        return self.rng.choice([0, 1, 2, 3, -1 & MASK64])

    def k_atflags(self):
        return self.rng.choice([0, O.AT_REMOVEDIR, O.AT_EMPTY_PATH, MASK64])

    def k_fcntl(self):
        return self.rng.choice([O.F_DUPFD, O.F_DUPFD_CLOEXEC, O.F_GETFD, O.F_SETFD, O.F_GETFL,
                                O.F_SETFL, 99, MASK64])

    def k_ioctl(self):
        from ufos.kernel.tty import IOCTL
        return self.rng.choice(sorted(IOCTL.values()) + [0, MASK64])

    def k_pid(self):
        rng = self.rng
        live = sorted(q.pid for q in self.k.procs.live())
        choice = rng.choice([self.p.pid, self.p.ppid, rng.choice(live), 0, -1, -self.p.pgid, 1,
                             1 << 31, 999, -(1 << 31)])
        return choice & MASK64

    def k_sig(self):
        return self.rng.choice(SIGNALS) & MASK64

    def k_wflags(self):
        return self.rng.choice([0, 1, 2, 8, 1 | 2 | 8, MASK64])

    def k_how(self):
        return self.rng.choice([0, 1, 2, 3, MASK64])

    def k_clock(self):
        return self.rng.choice([0, 1, 7, MASK64])

    def k_itimer(self):
        return self.rng.choice([0, 0, 1, 2, 7, MASK64])     # 0: ITIMER_REAL, the one kept

    def k_itimerval(self):
        """A struct itimerval (interval, value): sometimes malformed (EINVAL), sometimes an alarm
        soon enough to ring (SIGALRM, which kills a μprocess that does not catch it) or never."""
        rng = self.rng
        if rng.random() < 0.1:
            return Capability.null()
        sec = rng.choice([0, 0, 1, 2, -1, 1 << 40, (1 << 63) - 1])
        usec = rng.choice([0, 1, 1000, 999_999, 10**6, -1])
        interval = rng.choice([(0, 0), (0, 0), (0, 500), (1, 0), (-1, 0)])
        return self.maybe_bad(self.buffer(ITIMERVAL.pack(*interval, sec, usec)))

    def k_prot(self):
        return self.rng.choice([MAP.PROT_NONE, MAP.PROT_READ, MAP.PROT_READ | MAP.PROT_WRITE,
                                MAP.PROT_EXEC, 7, 0xFF])

    def k_mapflags(self):
        rng = self.rng
        flags = rng.choice([MAP.MAP_PRIVATE | MAP.MAP_ANONYMOUS, MAP.MAP_SHARED | MAP.MAP_ANONYMOUS,
                            MAP.MAP_PRIVATE, MAP.MAP_SHARED, MAP.MAP_ANONYMOUS, 0, MASK64])
        if rng.random() < 0.2:
            flags |= rng.choice([MAP.MAP_FIXED, MAP.MAP_FIXED_NOREPLACE])
        return flags

    def k_msflags(self):
        return self.rng.choice([MAP.MS_SYNC, MAP.MS_ASYNC, MAP.MS_INVALIDATE, MAP.MS_SYNC | MAP.MS_ASYNC, 0, MASK64])

    def k_brk(self):
        zone = self.p.space.base + SLOT_SIZE // 2
        return self.rng.choice([0, zone, zone + PAGE, zone + 100, zone + (64 << 20), zone - 1,
                                zone + (1 << 40), MASK64])

    def k_domain(self):
        return self.rng.choice([2, 2, 1, 10, MASK64])

    def k_socktype(self):
        return self.rng.choice([1, 1 | 0o4000, 1 | 0o2000000, 2, MASK64])

    def k_msgflags(self):
        return self.rng.choice([0, 0x40, 0x4000, 0x2, 0x1, MASK64])

    def k_sockopt(self):
        return self.rng.choice([1, 6, 0, MASK64])


def mapped(space, cap: Capability) -> bool:
    """Do p's regions still cover all of cap's bounds, writable (no exec, munmap or mprotect
    took part of them)?"""
    covered = cap.base
    for r in sorted(space.regions, key=lambda r: r.start):
        if r.start <= covered < r.end and r.rights == "rw":
            covered = r.end
    return covered >= cap.top


def moved(cap: Capability, parent, child) -> Capability:
    """What fork makes of a capability to the parent's slot: the same, in the child's slot."""
    delta = child.base - parent.base
    new = child.root.set_address(cap.base + delta).set_bounds(cap.length)
    return new.clear_perms(isa.PERM_ALL & ~cap.perms).set_address(cap.address + delta)


def snapshot(k, p, frames: dict | None = None) -> list:
    """p's private memory: for each mapped page, its address, its frame, the frame's bytes and
    tagged granules. `frames` caches what was read of each frame (fork shares frames between
    μprocesses: one read serves them all). MAP_SHARED pages are left out: other μprocesses may
    store there (and write() to a mapped file does), by design."""
    frames = {} if frames is None else frames
    memory, out = k.memory, []
    shared = [r for r in p.space.regions if r.shared]
    for va, pte in p.space.pages():
        if any(va in r for r in shared):
            continue
        frame = pte & FRAME_MASK
        seen = frames.get(frame)
        if seen is None:
            seen = frames[frame] = (memory.read(frame, PAGE), memory.tagged_granules(frame, PAGE))
        out.append((va, frame, seen))
    return out


def describe(number: int, args: list) -> str:
    shown = []
    for v in args:
        if isinstance(v, Capability):
            shown.append(f"{v.address:#x}" + ("" if v.tag else "(untagged)") + ("(sealed)" if v.sealed else ""))
        else:
            shown.append(str(v - (1 << 64) if v >> 63 else v))
    return f"{name_of(number)}({', '.join(shown)})"


# --- the command ----------------------------------------------------------------------------------
def fuzz(seed: int, calls: int, policies, procs: int = 4, progress=None, verbose=None) -> list[Summary]:
    """Fuzz under each policy with the same seed; the summaries (one stops at its first failure)."""
    image = program_image()
    return [Fuzzer(seed, policy, procs, image, verbose).run(calls, progress) for policy in policies]


def report(summaries: list[Summary], seconds: float, out=sys.stdout) -> None:
    calls = sum(sum(s.calls.values()) for s in summaries)
    print(f"{calls:,} system calls in {seconds:.1f} s ({calls / max(seconds, 1e-9):,.0f}/s), "
          f"{sum(s.steps for s in summaries):,} steps, {sum(s.audits for s in summaries):,} audits, "
          f"{sum(s.forks for s in summaries):,} forks, {sum(s.execs for s in summaries):,} execs", file=out)
    for s in summaries:
        print(f"  {s.policy:<8} seed {s.seed}: {sum(s.calls.values()):,} calls, "
              f"kernel bugs {len(s.kernel_bugs)}" + (f", FAILED at {s.failure}" if s.failure else ""),
              file=out)
    total_calls = sum((s.calls for s in summaries), Counter())
    total_results = sum((s.results for s in summaries), Counter())
    print("calls:   " + ", ".join(f"{name} {n}" for name, n in total_calls.most_common()), file=out)
    print("results: " + ", ".join(f"{name} {n}" for name, n in total_results.most_common()), file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="ufos fuzz", description="Make random and malformed system calls "
                                 "from several μprocesses and check that the kernel neither crashes "
                                 "nor breaks isolation.")
    ap.add_argument("--seed", type=int, default=1, help="the random seed (the same seed: the same run)")
    ap.add_argument("--calls", type=int, default=20_000, help="system calls under each policy")
    ap.add_argument("--policy", default="all", choices=list(POLICIES) + ["all"], help="the fork policy")
    ap.add_argument("--procs", type=int, default=4, help="μprocesses to keep alive")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every call")
    args = ap.parse_args(argv)
    policies = POLICIES if args.policy == "all" else [args.policy]
    started = time.monotonic()

    def progress(s: Summary) -> None:
        print(f"  ... {s.policy}: {sum(s.calls.values()):,} calls, {s.steps:,} steps, "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    print(f"fuzzing the kernel: seed {args.seed}, {args.calls:,} calls under each of "
          f"{', '.join(policies)}", flush=True)
    summaries = fuzz(args.seed, args.calls, policies, args.procs, progress,
                     sys.stdout if args.verbose else None)
    report(summaries, time.monotonic() - started)
    failed = [s for s in summaries if s.failure]
    for s in failed:
        print(f"\nFAILED: {s.failure}\nreplay: ufos fuzz --seed {s.seed} --policy {s.policy} "
              f"--calls {sum(s.calls.values())} -v", file=sys.stderr)
    return 1 if failed else 0
