"""Booting to the shell: /bin/init, and the interactive console used the way a person uses it.

The console tests run `python -m ufos` in a real pseudo-terminal (24x100), type keys and read what
the terminal shows (escape sequences taken out). Each expected text is one the keys typed do not
contain (`echo $((6*7))` must show 42), so an echo of the typing never passes for output. Every
wait is bounded; a console that hangs fails its test with the screen so far.

The init tests run the kernel without a terminal user interface: a console of bytes that says it
is a terminal, so that the shell is interactive.
"""
from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.runner import boot
from tests.helpers import ufos_env

WAIT = 60                        # seconds any one expected text may take (a loaded CI machine)
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|.)")
PROMPT = "ufos:/$"
UP = "\x1b[A"


class Console:
    """`python -m ufos ARGS` on a pseudo-terminal."""

    def __init__(self, home: Path, *args: str):
        self.env = environment(home)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:                                    # the child: ufos on the terminal
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
            os.chdir(home)
            os.execve(sys.executable, [sys.executable, "-m", "ufos", *args], self.env)
        self.screen = ""             # everything shown so far, escape sequences taken out
        self.raw = b""               # everything written to the terminal, as it was
        self.seen = 0                # how far expect() has looked
        self.status = None

    def read(self, timeout: float) -> bool:
        """Take what the terminal shows within timeout; False once ufos has closed it."""
        if not select.select([self.fd], [], [], timeout)[0]:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:              # EIO: the other side is closed
            return False
        self.raw += data
        self.screen += ESCAPES.sub("", data.decode("utf-8", "replace"))
        return bool(data)

    def expect(self, text: str, wait: float = WAIT) -> str:
        """Wait until text is shown (after what was expected before); what came up to it."""
        deadline = time.monotonic() + wait
        while (at := self.screen.find(text, self.seen)) < 0:
            if time.monotonic() > deadline or not self.read(0.1):
                pytest.fail(f"the console never showed {text!r}; it shows:\n{self.screen[-3000:]}")
        before, self.seen = self.screen[self.seen:at], at + len(text)
        return before

    def more_output(self, wait: float = WAIT) -> None:
        """Wait until the terminal shows anything new (a redraw after a key)."""
        shown, deadline = len(self.screen), time.monotonic() + wait
        while len(self.screen) == shown:
            if time.monotonic() > deadline or not self.read(0.1):
                pytest.fail(f"the console did not redraw; it shows:\n{self.screen[-3000:]}")

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def run(self, line: str, result: str) -> None:
        """At a prompt: type a command line, see its result and the next prompt."""
        self.type(line + "\r")
        self.expect(result)
        self.expect(PROMPT)

    def wait(self, wait: float = WAIT) -> int:
        """ufos's exit status, once it has exited."""
        deadline = time.monotonic() + wait
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                pytest.fail(f"ufos did not exit; the console shows:\n{self.screen[-3000:]}")
            else:
                self.read(0.05)
        return self.status

    def close(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def environment(home: Path) -> dict[str, str]:
    """ufos's environment in a test: its history and data files in home; no cursor position
    requests (the test does not answer them)."""
    env = ufos_env(TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1",
                   UFOS_HISTORY=str(home / "history"), XDG_DATA_HOME=str(home / "data"),
                   XDG_RUNTIME_DIR=str(home.parent / "run"))
    os.makedirs(env["XDG_RUNTIME_DIR"], exist_ok=True)
    return env


@pytest.fixture
def home():
    """A short directory (the monitor's Unix socket path must stay under ~100 bytes)."""
    with tempfile.TemporaryDirectory(prefix="ufos-test-") as top:
        path = Path(top) / "home"
        path.mkdir()
        yield path


@pytest.fixture
def console(home):
    c = Console(home)
    c.expect("Ctrl-] opens the monitor")
    c.expect(PROMPT)
    yield c
    c.close()


# --- the console ------------------------------------------------------------------------------------
def test_commands_pipelines_and_exit_status_of_poweroff(console):
    console.run("echo $((6*7))", "42")
    console.run("echo abc | tr a-c x-z | cat", "xyz")
    console.type("\x04")                                     # Ctrl-D at the prompt: power off
    assert console.wait() == 0


def test_ctrl_c_ends_the_foreground_job_twice_in_a_row(console):
    for _ in range(2):
        console.type("sh -c 'echo $((3*5)); exec sleep 100'\r")
        console.expect("15")                                 # sleep is the foreground job now
        console.type("\x03")
        console.expect("^C")
        console.expect(PROMPT, wait=30)                      # well before the 100 s are over
    console.run("echo $((1111*2))", "2222")                  # the shell lives on


def test_ctrl_c_at_the_prompt_drops_the_line(console):
    console.type("echo $((5*5))")
    console.more_output()
    console.type("\x03")
    console.expect("^C")
    dropped = console.seen
    console.expect(PROMPT)
    console.run("echo $((4*4))", "16")
    assert "25" not in console.screen[dropped:]


def test_clear_clears_the_screen(console):
    """What clear writes reaches the terminal, even when the next prompt follows it at once (the
    two then become one prompt, whose escape sequences prompt_toolkit would drop): a prompt that
    starts with clear's output makes sure of it."""
    console.type("clear\r")
    console.run("echo $((6*8))", "48")                      # after clear, the shell goes on
    assert b"\x1b[H\x1b[2J" in console.raw[:console.raw.find(b"48\r\n")]
    console.type("PS1=\"$(clear)cleared> \"\r")
    console.type("echo $((6*9))\r")
    console.expect("54")
    console.expect("cleared>")                              # the prompt after the echo
    assert b"\x1b[H\x1b[2J" in console.raw[console.raw.rfind(b"54\r\n"):]


def test_tab_completes_commands_and_paths(console):
    console.run("ech\t $((40+2))", "42")                     # ech -> echo
    console.run("cat /etc/mo\t", "Welcome to ufos")          # /etc/mo -> /etc/motd
    console.type("cd /etc\r")
    console.expect("ufos:/etc$")
    console.type("cat m\t\r")                                 # relative to the shell's cwd
    console.expect("Welcome to ufos")
    console.expect("ufos:/etc$")
    console.type("ln -s /etc /tmp/etc-link && echo $((5*5))\r")
    console.expect("25")
    console.expect("ufos:/etc$")
    console.type("cat /tmp/etc-l\tmo\t\r")                   # a link to a directory completes with a /
    console.expect("Welcome to ufos")


def test_history_recalls_lines_in_this_boot_and_the_next(home):
    first = Console(home)
    try:
        first.expect(PROMPT)
        first.run("echo $((1000+337))", "1337")
        first.type(UP)
        first.expect("1000+337")
        first.run("", "1337")
        first.run("echo $((7+7))", "14")
        first.type("\x04")
        assert first.wait() == 0
    finally:
        first.close()
    second = Console(home)
    try:
        second.expect(PROMPT)
        second.type(UP + UP)
        second.expect("1000+337")
        second.run("", "1337")
        second.type("poweroff\r")
        assert second.wait() == 0
    finally:
        second.close()


def test_background_output_goes_above_the_line_being_edited(console):
    console.run("(sleep 1; echo $((500+55))) &", "[1]")
    console.type("echo $((7*")                               # half a line, while the job runs
    console.expect("555")
    console.run("111))", "777")                              # the half line was kept
    console.run("wait", PROMPT)


def test_exit_starts_a_new_shell_and_halt_stops_the_machine(console):
    pids = []
    for command in ("exit", ""):                             # exit: init starts another shell
        console.type("echo pid$((0))=$$\r")
        console.expect("pid0=")
        pids.append(int(console.expect(PROMPT).split()[0]))
        console.type(command + "\r")
    assert pids[0] != pids[1]
    console.expect(PROMPT)
    console.type("halt\r")
    assert console.wait() == 0


def test_monitor_shows_processes_and_the_machine_goes_on(console):
    console.type("\x1d")                                     # Ctrl-]
    console.expect("the machine is paused")
    console.type("ps\r")
    console.expect("COPIED")
    table = console.expect("monitor>")
    assert re.search(r"\b1 +0 +1 +sleeping +init\b", table)
    assert re.search(r"\b2 +1 +2 +sleeping\+ +sh\b", table)
    console.type("audit\r")
    console.expect("pid 2 (sh): isolated")
    console.type("regs 2\r")
    console.expect("pcc ")
    console.type("regs 99\r")
    console.expect("no μprocess 99")
    console.type("continue\r")
    console.expect(PROMPT)
    console.run("echo $((3*4))", "12")


def test_raw_mode_passes_keys_one_by_one_and_line_editing_comes_back(console):
    fcntl.ioctl(console.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    console.type("keys\r")                                  # keys: raw mode, each key's bytes
    console.expect("a terminal of 30 rows and 120 columns")  # the window's size now
    console.expect("q quits")
    console.type("a")                                        # no Enter needed
    console.expect('61                "a"')
    console.type("\x03")                                     # ISIG is off: a byte, not SIGINT
    console.expect('03                "\\003"')
    console.type(UP)
    console.expect('1b 5b 41          "\\033[A"')
    console.type("\x1d")                                     # Ctrl-] is still the monitor's
    console.expect("the machine is paused")
    console.type("continue\r")
    console.expect("continue")
    console.expect("\n")                                     # the monitor's line is done
    console.type("b")                                        # keys lives on, still raw
    console.expect('62                "b"')
    console.type("q")
    console.expect(PROMPT)
    console.run("ech\t $((40+2))", "42")                     # line editing and Tab are back


def test_ufos_top_once_shows_the_running_machine(console, home):
    console.run("sleep 30 &", "[1]")
    top = subprocess.run([sys.executable, "-m", "ufos", "top", "--once"], env=console.env,
                         capture_output=True, text=True, timeout=WAIT)
    assert top.returncode == 0, top.stderr
    assert re.match(r"ufos \(host pid \d+\)  copa  3 μprocesses", top.stdout)
    assert re.search(r"\b3 +2 +3 +sleeping +sleep\b", top.stdout)


def test_ufos_top_without_a_running_ufos_says_so(home):
    top = subprocess.run([sys.executable, "-m", "ufos", "top", "--once"], env=environment(home),
                         capture_output=True, text=True, timeout=WAIT)
    assert top.returncode == 1
    assert top.stderr == ("ufos top: no ufos is running "
                          "(start one with `ufos` or `ufos run` in another terminal)\n")


def test_without_a_terminal_the_shell_reads_standard_input(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ufos"], input="echo $((2*21))\nexit 3\n",
                          env=environment(tmp_path), cwd=tmp_path, capture_output=True, text=True,
                          timeout=WAIT)
    assert (done.returncode, done.stdout) == (0, "42\n")


# --- init, without the terminal user interface ------------------------------------------------------
def boot_init(typed: str):
    """Boot to init with a console that is a terminal whose user has typed `typed`."""
    k = boot(Options(), stdin=typed.encode(), capture=True)
    k.stdin.is_tty = True
    k.spawn("/bin/init", ["init"])
    assert k.run() == 0
    return k


def test_init_starts_a_new_shell_when_the_shell_exits():
    k = boot_init("echo first=$$\nexit 3\necho second=$$\n")
    out = k.output(1).decode()
    first, second = re.search(r"first=(\d+)\nsecond=(\d+)\n", out).groups()
    assert first != second
    assert k.output(1).startswith(b"Welcome to ufos")


def test_init_reaps_orphans():
    k = boot_init("(sleep 0 &)\nsleep 1\ncat /proc/[0-9]*/status | grep Name\n")
    names = re.findall(r"Name:\t(\S+)", k.output(1).decode())
    assert "init" in names and "sleep" not in names          # the orphan is gone, not a zombie
