"""System calls on processes (xv6's sysproc.c): fork, exec, exit, wait, kill, the ids, process
groups and sessions, umask and resource limits, and halting the machine. fork.py and exec.py do the work of the big two.
"""
from __future__ import annotations

import struct
import time

from ufos.kernel import fork as forkmod
from ufos.kernel import signal
from ufos.kernel.proc import exit_process, find_changed, find_zombie, matching_children, reap
from ufos.kernel.sched import WouldBlock
from ufos.kernel.uapi import E, NSIG, SI, W, SyscallError, defines
from ufos.kernel.uaccess import NO_RETURN, Args
from ufos.kernel.file import MAX_FDS
from ufos.kernel.vm import STACK_SIZE

REBOOT = defines("unistd.h", "RB_")     # RB_HALT_SYSTEM, RB_POWER_OFF
RLIMIT = defines("sys/resource.h", "RLIMIT_")
RLIM_INFINITY = 2**64 - 1
RLIMIT_PAIR = struct.Struct("<QQ")    # struct rlimit: soft, hard


def sys_exit(k, p, a: Args):
    exit_process(k, p, (a.int(0) & 0xFF) << 8)
    return NO_RETURN


def sys_fork(k, p, a: Args):
    """fork. (The generic Linux ABI has no fork: libc's fork() is clone(SIGCHLD), which is what
    arrives here; ufos makes no threads, so every clone is a fork.)"""
    started = time.perf_counter_ns()
    child = forkmod.fork(k, p)
    k.fork_ns.append(time.perf_counter_ns() - started)       # for `ufos bench fork`
    k.check_isolation("fork", p)
    return child.pid


def sys_execve(k, p, a: Args):
    path = k.fs.resolve(a.string(0), p.cwd)
    argv, envp = a.strings(1), a.strings(2)
    k.exec(p, path, argv, envp)
    k.check_isolation("execve", p)
    return NO_RETURN


def sys_wait4(k, p, a: Args):
    """A child that exited — or, with WUNTRACED / WCONTINUED, one that stopped / continued."""
    pid, options = a.int32(0), a.int32(2)
    if not matching_children(p, pid):
        raise SyscallError(E.ECHILD)
    if not a.is_null(1):
        a.writable(1, 4)
    child = find_zombie(p, pid) or find_changed(p, pid, bool(options & W.WUNTRACED),
                                                 bool(options & W.WCONTINUED))
    if child is None:
        if options & W.WNOHANG:
            return 0
        raise WouldBlock(p)
    if child.state == "zombie":
        status = child.wait_status
        p.children_instructions += child.instructions + child.children_instructions   # POSIX: at wait
        reap(k, p, child)
    else:
        status, child.unreported = child.unreported, None
    if not a.is_null(1):
        a.write(1, struct.pack("<i", status))
    return child.pid


def sys_reboot(k, p, a: Args):
    """halt and poweroff: stop every μprocess and the machine (only these two requests exist)."""
    howto = a.int(0) & 0xFFFFFFFF
    if howto not in (REBOOT["RB_HALT_SYSTEM"], REBOOT["RB_POWER_OFF"]):
        raise SyscallError(E.EINVAL, f"reboot request {howto:#x}")
    k.shutdown()
    return NO_RETURN


def sys_getpid(k, p, a):
    return p.pid


def sys_sched_yield(k, p, a):
    """The next runnable μprocess runs next anyway: the scheduler moves on after every system
    call (trap.py scheduler, round robin), so there is nothing more to do."""
    return 0


def sys_getppid(k, p, a):
    return p.ppid


def sys_getuid(k, p, a):
    return 0


GID = struct.Struct("<I")               # gid_t
NGROUPS_MAX = defines("limits.h", "NGROUPS_MAX")["NGROUPS_MAX"]


def sys_getgroups(k, p, a: Args):
    """The supplementary groups, as Linux: size 0 asks only how many (the buffer is not touched),
    a size too small for them is EINVAL, as is a negative one."""
    size = a.int32(0)
    if size < 0 or 0 < size < len(p.groups):
        raise SyscallError(E.EINVAL)
    if size:
        a.write(1, b"".join(GID.pack(g) for g in p.groups))
    return len(p.groups)


def sys_setgroups(k, p, a: Args):
    """Set the supplementary groups (at most NGROUPS_MAX), kept sorted as Linux keeps them.
    Only root may (EPERM otherwise), and every μprocess is root: getuid is 0."""
    size = a.int32(0)
    if not 0 <= size <= NGROUPS_MAX:
        raise SyscallError(E.EINVAL)
    data = a.read(1, GID.size * size)
    p.groups = sorted(g for (g,) in GID.iter_unpack(data))
    return 0


def sys_kill(k, p, a: Args):
    pid, sig = a.int32(0), a.int32(1)
    if not 0 <= sig < NSIG:
        raise SyscallError(E.EINVAL)
    if pid > 0:
        targets = [q for q in k.procs.live() if q.pid == pid]
    elif pid == -1:
        targets = [q for q in k.procs.live() if q.pid not in (1, p.pid)]
    else:
        group = p.pgid if pid == 0 else -pid
        targets = [q for q in k.procs.live() if q.pgid == group]
    if not targets:
        raise SyscallError(E.ESRCH)
    for q in targets:
        signal.send(k, q, sig, signal.SigInfo(sig, SI.SI_USER, pid=p.pid))
    return 0


def sys_setpgid(k, p, a: Args):
    pid, pgid = a.int32(0) or p.pid, a.int32(1)
    q = k.procs.get(pid)
    if q is None or (q is not p and q.parent is not p) or q.state == "zombie":
        raise SyscallError(E.ESRCH)
    if pgid < 0:
        raise SyscallError(E.EINVAL)
    q.pgid = pgid or q.pid
    return 0


def sys_getpgid(k, p, a: Args):
    q = k.procs.get(a.int32(0) or p.pid)
    if q is None:
        raise SyscallError(E.ESRCH)
    return q.pgid


def sys_setsid(k, p, a):
    p.pgid = p.pid
    return p.pid


def fixed_limit(k, resource: int) -> int:
    """ufos's limits are what its structures are: the descriptor table, the stack, the process
    table; no core files are written; the rest is unlimited."""
    return {RLIMIT["RLIMIT_NOFILE"]: MAX_FDS, RLIMIT["RLIMIT_STACK"]: STACK_SIZE,
            RLIMIT["RLIMIT_NPROC"]: k.procs.limit, RLIMIT["RLIMIT_CORE"]: 0}.get(resource, RLIM_INFINITY)


def sys_prlimit64(k, p, a: Args):
    """Read a resource limit (soft = hard): they are fixed, so a new limit is refused (EPERM)
    unless it is the limit already there."""
    if a.int32(0) not in (0, p.pid):
        raise SyscallError(E.ESRCH if k.procs.get(a.int32(0)) is None else E.EPERM)
    resource = a.int32(1)
    if not 0 <= resource < RLIMIT["RLIMIT_NLIMITS"]:
        raise SyscallError(E.EINVAL)
    limit = fixed_limit(k, resource)
    if not a.is_null(2) and RLIMIT_PAIR.unpack(a.read(2, RLIMIT_PAIR.size)) != (limit, limit):
        raise SyscallError(E.EPERM)
    if not a.is_null(3):
        a.write(3, RLIMIT_PAIR.pack(limit, limit))
    return 0


def sys_umask(k, p, a: Args):
    """Set the file mode creation mask; return the old one."""
    old, p.umask = p.umask, a.int(0) & 0o777
    return old
