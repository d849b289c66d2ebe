"""Job control: SIGSTOP / SIGTSTP stop a μprocess, SIGCONT continues it, wait4 reports both
(WUNTRACED, WCONTINUED), and the shell's Ctrl-Z, fg, bg, jobs and kill -STOP / -CONT.

Ctrl-Z is the console's k.interrupt(SIGTSTP). Here a Kernel subclass plays the user: it presses
Ctrl-Z the first time the machine has nothing to run (the foreground job is asleep), which
happens at the same instruction every run, so these tests are deterministic.
"""
from __future__ import annotations

from pathlib import Path

from ufos.kernel.boot import Kernel, Options
from ufos.toolchain.userland import root_archive
from ufos.kernel.uapi import SIG
from tests.helpers import build

HERE = Path(__file__).resolve().parent / "jobs"
BUDGET = 400_000_000


class CtrlZ(Kernel):
    """A terminal whose user presses Ctrl-Z (or the key of `key`) the first time the machine waits
    (at most once)."""
    pressed = False
    key = SIG.SIGTSTP

    def idle(self) -> None:
        if self.press_ctrl_z and not self.pressed:
            self.pressed = True
            self.interrupt(self.key)
            return
        super().idle()


def boot(stdin: bytes = b"", ctrl_z: bool = False, terminal: bool = False) -> CtrlZ:
    k = CtrlZ(Options(max_instructions=BUDGET), initrd=root_archive(), stdin=stdin, capture=True)
    k.press_ctrl_z = ctrl_z
    k.stdin.is_tty = terminal           # a scripted terminal: the shell turns job control on
    return k


def run_stopcont(mode: str, ctrl_z: bool = False):
    k = boot(ctrl_z=ctrl_z)
    k.spawn("stopcont", ["stopcont", mode], image=build(HERE / "stopcont.c"))
    return k.run(), k.output(1), k.output(2)


# --- the kernel ---------------------------------------------------------------------------------------
def test_sigstop_is_reported_by_wuntraced_and_sigcont_by_wcontinued():
    status, out, err = run_stopcont("kill")
    assert (status, err) == (0, b"")
    assert out == (b"WNOHANG without WUNTRACED: waitpid = 0\n"
                   b"WUNTRACED: stopped by Stopped (signal)\n"
                   b"again: waitpid = 0\n"               # a stop is reported once
                   b"WCONTINUED: continued\n"
                   b"child: nanosleep = 0\n"
                   b"wait: exited 3\n"
                   b"SIGCHLDs: 3\n")                     # stopped, continued, exited


def test_ctrl_z_stops_the_foreground_job_without_cutting_its_sleep_short():
    """SIGTSTP goes to the foreground group; the parent ignores it, the child (asleep in
    nanosleep) stops, and once continued finishes its sleep: nanosleep returns 0, not EINTR."""
    status, out, err = run_stopcont("terminal", ctrl_z=True)
    assert (status, err) == (0, b"")
    assert out == (b"WNOHANG without WUNTRACED: waitpid = 0\n"
                   b"WUNTRACED: stopped by Stopped\n"
                   b"again: waitpid = 0\n"
                   b"WCONTINUED: continued\n"
                   b"child: nanosleep = 0\n"
                   b"wait: exited 3\n"
                   b"SIGCHLDs: 3\n")


def test_a_blocked_sigtstp_stops_the_process_when_it_is_unblocked():
    status, out, err = run_stopcont("blocked")
    assert (status, err) == (0, b"")
    assert out.splitlines()[:6] == [b"WNOHANG without WUNTRACED: waitpid = 0",
                                    b"child: SIGTSTP is blocked, still running",
                                    b"WUNTRACED: stopped by Stopped",
                                    b"again: waitpid = 0",
                                    b"child: continued after unblocking",
                                    b"WCONTINUED: continued"]


def test_the_same_stops_give_the_same_instruction_count():
    counts = set()
    for _ in range(2):
        k = boot(ctrl_z=True)
        k.spawn("stopcont", ["stopcont", "terminal"], image=build(HERE / "stopcont.c"))
        k.run()
        counts.add(k.cpu.sysreg("icount"))
    assert len(counts) == 1


# --- the shell ----------------------------------------------------------------------------------------
def shell(script: str, ctrl_z: bool = False, interactive: bool = False):
    k = boot(script.encode(), ctrl_z=ctrl_z, terminal=interactive)
    k.spawn("/bin/sh", ["sh", "-i"] if interactive else ["sh"])
    return k.run(), k.output(1).decode(), k.output(2).decode()


def test_kill_stop_and_cont_with_jobs_and_wait():
    status, out, err = shell("sleep 0.2 &\nkill -STOP %1\njobs\nkill -CONT %1\njobs\nwait\n"
                             "echo waited $?\njobs\n")
    assert (status, err) == (0, "")
    assert out == ("[1]   Stopped                  sleep 0.2\n"
                   "[1]   Running                  sleep 0.2\n"
                   "waited 0\n")


def test_ctrl_z_stops_the_foreground_job_and_fg_continues_it():
    status, out, err = shell("echo start\nsleep 0.2\necho after $?\njobs\nfg\necho fg $?\n",
                             ctrl_z=True, interactive=True)
    assert status == 0
    assert out == ("start\n"
                   "[1]   Stopped                  sleep 0.2\n"      # the prompt comes back
                   "after 148\n"                                     # 128 + SIGTSTP
                   "[1]   Stopped                  sleep 0.2\n"
                   "sleep 0.2\n"                                     # fg names the job
                   "fg 0\n")
    assert err.count("ufos:/$ ") == 7


def test_bg_continues_a_stopped_job_in_the_background():
    status, out, _ = shell("sleep 0.2\nbg\njobs\nwait\necho waited $?\n", ctrl_z=True, interactive=True)
    assert status == 0
    assert out == ("[1]   Stopped                  sleep 0.2\n"
                   "[1] sleep 0.2 &\n"
                   "[1]   Running                  sleep 0.2\n"
                   "waited 0\n")


def test_ctrl_c_ends_the_whole_command_line_not_just_the_job():
    """As in dash: Ctrl-C during `sleep 5; echo after` runs no echo; the next line runs."""
    k = boot(b"echo start; sleep 5; echo after\necho next $?\n", ctrl_z=True, terminal=True)
    k.key = SIG.SIGINT                                   # Ctrl-C, while sleep runs
    k.spawn("/bin/sh", ["sh", "-i"])
    assert k.run() == 0
    assert k.output(1).decode() == "start\nnext 130\n"


def test_a_stopped_job_can_be_killed():
    status, out, _ = shell("sleep 5 &\nkill -STOP %1\nkill -KILL %1\nwait %1\necho $?\n")
    assert (status, out) == (0, "137\n")


def test_a_shell_that_stops_itself_with_nobody_to_continue_it_is_a_deadlock_not_a_hang():
    status, out, err = shell("echo before\nkill -STOP $$\necho never\n")
    assert (status, out) == (128 + SIG.SIGKILL, "before\n")
    assert "ufos: deadlock" in err and "(sh)" in err
