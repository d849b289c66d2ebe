"""System calls: the table, and the dispatch that runs one (xv6's syscall.c).

A μprocess enters the kernel through its sealed gate with the call's number in x8 (docs/abi.md).
syscall() looks the number up in HANDLERS and calls the handler with the arguments (uaccess.py:
Args, which checks every pointer). The handlers live in files by subsystem: sys_file.py,
sys_socket.py, sys_proc.py (sys_fork is there), sys_signal.py, sys_time.py, sys_memory.py,
sys_info.py (sysinfo, written in lab syscall), sys_uname.py, sys_random.py (getrandom).

A handler returns an int (x0: the result, or -errno) or a Capability (c0, for mmap and brk), raises
SyscallError to fail, raises WouldBlock to sleep and be called again (sched.py), or returns
NO_RETURN when the registers are already what the μprocess must resume with (exit, execve,
sigreturn). An exception of any other kind is a kernel bug: it kills the caller, never the machine.
"""
from __future__ import annotations


from ufos.kernel import signal
from ufos.kernel.proc import kernel_bug
from ufos.kernel.sched import WouldBlock, sleep
from ufos.kernel.uapi import E, SYS, SYSCALL_NAMES, SyscallError
from ufos.kernel.uaccess import NO_RETURN, RESTART, Args
from ufos.kernel.sys_file import (sys_chdir, sys_close, sys_dup, sys_dup3, sys_faccessat, sys_fchdir, sys_fchmod,
                                  sys_fchmodat, sys_fcntl, sys_fstat, sys_fsync, sys_ftruncate, sys_getcwd,
                                  sys_getdents64, sys_ioctl, sys_linkat, sys_lseek, sys_mkdirat, sys_newfstatat,
                                  sys_openat, sys_pipe2, sys_pread64, sys_pwrite64, sys_read, sys_readlinkat,
                                  sys_renameat, sys_symlinkat, sys_truncate, sys_unlinkat, sys_utimensat,
                                  sys_write)
from ufos.kernel.sys_info import sys_sysinfo
from ufos.kernel.sys_random import sys_getrandom
from ufos.kernel.sys_uname import sys_uname
from ufos.kernel.sys_memory import sys_brk, sys_mmap, sys_mprotect, sys_msync, sys_munmap
from ufos.kernel.sys_proc import (sys_execve, sys_exit, sys_fork, sys_getgroups, sys_getpgid, sys_getpid,
                                  sys_getppid, sys_getuid, sys_kill, sys_prlimit64, sys_reboot, sys_sched_yield,
                                  sys_setgroups, sys_setpgid, sys_setsid, sys_umask, sys_wait4)
from ufos.kernel.sys_signal import (sys_rt_sigaction, sys_rt_sigpending, sys_rt_sigprocmask,
                                    sys_rt_sigqueueinfo, sys_rt_sigreturn, sys_rt_sigsuspend,
                                    sys_rt_sigtimedwait, sys_sigaltstack, sys_tgkill, sys_tkill)
from ufos.kernel.sys_socket import (sys_accept, sys_bind, sys_connect, sys_getpeername, sys_getsockname,
                                    sys_getsockopt, sys_listen, sys_recvfrom, sys_sendto, sys_setsockopt,
                                    sys_shutdown, sys_socket, sys_socketpair)
from ufos.kernel.sys_time import (sys_clock_getres, sys_clock_gettime, sys_clock_nanosleep, sys_getitimer,
                                  sys_getrusage, sys_gettimeofday, sys_nanosleep, sys_ppoll, sys_setitimer,
                                  sys_times)

# number -> handler (clone is fork: sys_proc.py says why)
HANDLERS = {
    SYS.read: sys_read, SYS.write: sys_write, SYS.openat: sys_openat, SYS.close: sys_close,
    SYS.pread64: sys_pread64, SYS.pwrite64: sys_pwrite64,
    SYS.lseek: sys_lseek, SYS.dup: sys_dup, SYS.dup3: sys_dup3, SYS.fcntl: sys_fcntl,
    SYS.pipe2: sys_pipe2, SYS.fstat: sys_fstat, SYS.newfstatat: sys_newfstatat,
    SYS.getdents64: sys_getdents64, SYS.mkdirat: sys_mkdirat, SYS.unlinkat: sys_unlinkat, SYS.linkat: sys_linkat,
    SYS.symlinkat: sys_symlinkat, SYS.readlinkat: sys_readlinkat,
    SYS.renameat: sys_renameat, SYS.faccessat: sys_faccessat, SYS.ftruncate: sys_ftruncate,
    SYS.truncate: sys_truncate, SYS.chdir: sys_chdir, SYS.fchdir: sys_fchdir, SYS.getcwd: sys_getcwd,
    SYS.ioctl: sys_ioctl, SYS.fsync: sys_fsync, SYS.utimensat: sys_utimensat, SYS.fchmodat: sys_fchmodat,
    SYS.fchmod: sys_fchmod,
    SYS.exit: sys_exit, SYS.exit_group: sys_exit, SYS.clone: sys_fork, SYS.execve: sys_execve,
    SYS.wait4: sys_wait4, SYS.getpid: sys_getpid, SYS.getppid: sys_getppid, SYS.getuid: sys_getuid,
    SYS.geteuid: sys_getuid, SYS.getgid: sys_getuid, SYS.getegid: sys_getuid, SYS.kill: sys_kill,
    SYS.getgroups: sys_getgroups, SYS.setgroups: sys_setgroups,
    SYS.reboot: sys_reboot, SYS.setpgid: sys_setpgid, SYS.getpgid: sys_getpgid, SYS.setsid: sys_setsid, SYS.umask: sys_umask,
    SYS.prlimit64: sys_prlimit64,
    SYS.rt_sigaction: sys_rt_sigaction, SYS.rt_sigprocmask: sys_rt_sigprocmask,
    SYS.rt_sigreturn: sys_rt_sigreturn, SYS.rt_sigpending: sys_rt_sigpending,
    SYS.rt_sigsuspend: sys_rt_sigsuspend, SYS.rt_sigtimedwait: sys_rt_sigtimedwait,
    SYS.sigaltstack: sys_sigaltstack, SYS.tkill: sys_tkill, SYS.tgkill: sys_tgkill,
    SYS.rt_sigqueueinfo: sys_rt_sigqueueinfo,
    SYS.nanosleep: sys_nanosleep, SYS.clock_gettime: sys_clock_gettime,
    SYS.clock_getres: sys_clock_getres, SYS.clock_nanosleep: sys_clock_nanosleep,
    SYS.setitimer: sys_setitimer, SYS.getitimer: sys_getitimer,
    SYS.gettimeofday: sys_gettimeofday, SYS.times: sys_times, SYS.getrusage: sys_getrusage, SYS.ppoll: sys_ppoll, SYS.sysinfo: sys_sysinfo,
    SYS.uname: sys_uname, SYS.getrandom: sys_getrandom, SYS.sched_yield: sys_sched_yield,
    SYS.mmap: sys_mmap, SYS.munmap: sys_munmap, SYS.mprotect: sys_mprotect, SYS.msync: sys_msync,
    SYS.brk: sys_brk,
    SYS.socket: sys_socket, SYS.socketpair: sys_socketpair, SYS.bind: sys_bind,
    SYS.listen: sys_listen, SYS.accept: sys_accept, SYS.connect: sys_connect,
    SYS.sendto: sys_sendto, SYS.recvfrom: sys_recvfrom, SYS.shutdown: sys_shutdown,
    SYS.setsockopt: sys_setsockopt, SYS.getsockopt: sys_getsockopt,
    SYS.getsockname: sys_getsockname, SYS.getpeername: sys_getpeername,
}

# The calls a handler installed with SA_RESTART restarts when it interrupts them, as Linux: the
# waits without a timeout. (The sleeps, poll and the signal waits fail with EINTR regardless.)
RESTARTABLE = {SYS.read, SYS.write, SYS.openat, SYS.ioctl, SYS.wait4, SYS.accept, SYS.recvfrom,
               SYS.sendto}


def syscall(k, p) -> None:
    """Do the system call the μprocess on the CPU asked for, and return to it (or put it to sleep)."""
    cpu = k.cpu
    number = cpu.x[8]
    handler = HANDLERS.get(number)
    p.syscalls += 1
    k.events.syscalls += 1
    try:
        if handler is None:
            raise SyscallError(E.ENOSYS, f"system call {number}")
        result = handler(k, p, Args(k, p))
    except WouldBlock as block:
        sig = signal.deliverable(p)
        if sig is None:
            sleep(p, block.chan, block.wake_at)
            return
        if number in RESTARTABLE and signal.restarts(p, sig):
            p.retry = True                          # the handler's frame keeps the call (SA_RESTART)
            return
        result = -E.EINTR                           # a signal interrupts the wait
    except SyscallError as e:
        result = -e.errno
    except Exception as e:                         # a kernel bug: it must not end the machine
        kernel_bug(k, p, name_of(number), e)
        return
    if result is RESTART:                           # sigreturn to a call SA_RESTART restarts
        p.retry = True
        return
    p.retry, p.deadline = False, None
    if k.trace:
        k.trace_syscall(p, number, result)
    if result is not NO_RETURN:
        k.syscall_return(result)


def name_of(number: int) -> str:
    return SYSCALL_NAMES.get(number, f"syscall_{number}")
