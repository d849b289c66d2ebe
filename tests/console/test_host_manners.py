"""The host process is well-mannered: it sleeps when every μprocess waits, it makes no directory
the user did not ask for, its clock is the host's when a person is watching, and `ufos top` sees
every running ufos, `ufos run` ones included.

The commands run as a user runs them (`python -m ufos ...` in a fresh process), each in its own
directory and with its own data directory (XDG_DATA_HOME), so that nothing here sees another test's
machines. Assertions are about behaviour (CPU time used while waiting, what exists on disk, what
`date` prints), never about the speed of the machine.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ufos.kernel import boot as kernel_boot
from ufos.kernel.boot import Options
from ufos.runner import boot, run_c
from tests.helpers import ufos_env

WAIT = 60                        # seconds any one step may take (a loaded CI machine)

# A parent waits for a child that waits for a signal: every μprocess is blocked, forever.
WAIT_FOREVER_C = r"""
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { pause(); return 0; }
    printf("waiting\n");
    fflush(stdout);
    waitpid(pid, 0, 0);
    return 0;
}
"""


def environment(tmp: Path) -> dict[str, str]:
    return ufos_env(XDG_DATA_HOME=str(tmp / "data"))


def start(tmp: Path, *args: str) -> subprocess.Popen:
    """`python -m ufos ARGS` in tmp, stdin at end of file, Ctrl-C (SIGINT) not ignored (a test
    runner's worker may ignore it, and a child inherits that)."""
    return subprocess.Popen([sys.executable, "-m", "ufos", *args], cwd=tmp, env=environment(tmp),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def cpu_seconds(pid: int) -> float:
    """The host CPU time (user + system) process pid has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU times from /proc")
def test_a_machine_where_every_process_waits_sleeps_on_the_host(tmp_path):
    (tmp_path / "wait.c").write_text(WAIT_FOREVER_C)
    ufos = start(tmp_path, "run", "wait.c")
    try:
        assert ufos.stdout.readline() == b"waiting\n"
        time.sleep(0.3)                                  # the parent reaches waitpid
        before = cpu_seconds(ufos.pid)
        time.sleep(2)
        used = cpu_seconds(ufos.pid) - before
        assert used < 0.2, f"ufos used {used:.2f} s of CPU in 2 s with nothing to run"
        ufos.send_signal(signal.SIGINT)                  # Ctrl-C: SIGINT to the foreground job
        assert ufos.wait(WAIT) == 128 + signal.SIGINT
    finally:
        ufos.kill()
        ufos.wait()
        ufos.stdout.close()
        ufos.stderr.close()


def test_a_timer_further_than_the_host_can_wait_is_waited_for_in_steps(monkeypatch):
    """nanosleep of 9e18 seconds: the idle loop waits at most MAX_WAIT at a time (select and
    sleep raise OverflowError beyond what the host can count), and Ctrl-C still ends it."""
    waits = []

    def host_sleep(seconds):
        waits.append(seconds)
        raise KeyboardInterrupt                          # the user gives up: Ctrl-C

    monkeypatch.setattr(kernel_boot.time, "sleep", host_sleep)
    k = boot(Options(), capture=True)
    k.spawn("/bin/sleep", ["sleep", "9000000000000000000"])
    assert k.run() == 128 + signal.SIGINT
    assert waits == [kernel_boot.MAX_WAIT]


# --- no litter ------------------------------------------------------------------------------------
def ufos(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ufos", *args], cwd=tmp, env=environment(tmp),
                          capture_output=True, text=True, timeout=WAIT)


def test_ufos_data_is_made_when_the_guest_first_writes_to_host(tmp_path):
    looked = ufos(tmp_path, "run", "/bin/sh", "-c", "ls -a /host; cat /host/x")
    assert looked.stdout == ".\n..\n" and "No such file" in looked.stderr
    assert not (tmp_path / "ufos-data").exists()
    wrote = ufos(tmp_path, "run", "/bin/sh", "-c", "echo kept > /host/x")
    assert wrote.returncode == 0, wrote.stderr
    assert (tmp_path / "ufos-data" / "x").read_text() == "kept\n"


def test_share_names_a_directory_that_exists(tmp_path):
    (tmp_path / "mine").mkdir()
    shared = ufos(tmp_path, "run", "--share", "mine", "/bin/sh", "-c", "echo in > /host/f")
    assert shared.returncode == 0, shared.stderr
    assert (tmp_path / "mine" / "f").read_text() == "in\n"
    missing = ufos(tmp_path, "run", "--share", "not/there", "/bin/true")
    assert (missing.returncode, missing.stderr) == (1, "ufos run: --share not/there: no such directory\n")
    assert not (tmp_path / "not").exists()


# --- time -----------------------------------------------------------------------------------------
def test_the_clock_of_a_boot_from_the_command_line_is_the_hosts(tmp_path):
    """`date` inside `ufos` and `ufos run` says what the host's clock says; a file made inside
    has the same time."""
    before = time.time()
    booted = subprocess.run([sys.executable, "-m", "ufos"], input="date +%s\n", cwd=tmp_path,
                            env=environment(tmp_path), capture_output=True, text=True, timeout=WAIT)
    ran = ufos(tmp_path, "run", "/bin/sh", "-c", "date +%s; echo > /host/f")
    after = time.time()
    for said in (booted.stdout, ran.stdout):
        assert before - 1 <= int(said.split()[0]) <= after + 1, said
    assert before - 1 <= (tmp_path / "ufos-data" / "f").stat().st_mtime <= after + 1


def test_a_run_from_python_keeps_the_virtual_clock():
    """Kernel(...) (tests, graders) and --seed count time in instructions and idle time: the same
    program, run twice, reads the same clock."""
    def monotonic_after_sleep() -> bytes:
        r = run_c(r"""
#include <stdio.h>
#include <time.h>
int main(void) {
    struct timespec t = {0, 1000000}, now;
    nanosleep(&t, 0);
    clock_gettime(CLOCK_MONOTONIC, &now);
    printf("%ld.%09ld\\n", (long)now.tv_sec, (long)now.tv_nsec);
    return 0;
}""")
        assert r.status == 0, r.stderr
        return r.stdout
    assert monotonic_after_sleep() == monotonic_after_sleep()


# --- ufos top -------------------------------------------------------------------------------------
def test_ufos_top_finds_a_ufos_run(tmp_path):
    (tmp_path / "wait.c").write_text(WAIT_FOREVER_C)
    running = start(tmp_path, "run", "wait.c")
    try:
        assert running.stdout.readline() == b"waiting\n"
        top = ufos(tmp_path, "top", "--once")
        assert top.returncode == 0, top.stderr
        assert re.match(rf"ufos \(host pid {running.pid}\)  copa  2 μprocesses", top.stdout)
        assert re.search(r"\b2 +1 +1 +sleeping\+ +wait\.c\b", top.stdout)
    finally:
        running.kill()
        running.wait()
        running.stdout.close()
        running.stderr.close()
    gone = ufos(tmp_path, "top", "--once")                # killed: its announcement is stale
    assert gone.returncode == 1 and "no ufos is running" in gone.stderr
