"""The monitor: a look inside the running machine. Ctrl-] at the console opens it (the machine is
paused until you leave); `ufos top` asks the same questions from another terminal, through a Unix
socket the running ufos serves.

    ps              every μprocess: ids, state, instructions, system calls, pages, copies
    regs PID        its registers
    caps PID        its capability registers and the capabilities in its memory (/proc/PID/caps)
    maps PID        its regions and pages, private or shared (/proc/PID/maps)
    audit [PID]     the isolation audit: capabilities that reach outside the μprocess's slot
    counters        the machine's counters: instructions, TLB, faults, pages copied, caps relocated
    trace on|off    print every system call
    top             one line of counters, then ps (what `ufos top` refreshes)

Each command is a function of the kernel that returns text (`command(k, line)`); it runs on the
kernel's thread, or while the kernel is paused (machine.py), so it sees a consistent machine.
"""
from __future__ import annotations

import os
import socket
import tempfile
import threading
from pathlib import Path

from ufos.console.machine import CALL_TIMEOUT
from ufos.kernel.audit import audit, registers_of
from ufos.kernel.fs import procfs

HELP = __doc__.split("\n\n")[1] + "\n    continue        back to the console (or Ctrl-])\n"


def ps(k, args) -> str:
    rows = [f"{'PID':>5} {'PPID':>5} {'PGID':>5} {'STATE':<9} {'NAME':<10} {'INSTR':>12} "
            f"{'SYSCALLS':>8} {'PRIVATE':>7} {'SHARED':>6} {'COPIED':>6}"]
    for pid, p in sorted(k.procs.procs.items()):
        private, shared, _ = p.space.memory_use()
        fg = "+" if p.pgid == k.foreground and p.state != "zombie" else ""
        rows.append(f"{pid:>5} {p.ppid:>5} {p.pgid:>5} {p.state + fg:<9} {p.name:<10} "
                    f"{p.instructions:>12,} {p.syscalls:>8} {private:>7} {shared:>6} "
                    f"{p.space.stats.pages_copied:>6}")
    return "\n".join(rows) + "\n"


def regs(k, args) -> str:
    p = the_process(k, args)
    return "".join(f"{name:<7} {cap!r}\n" for name, cap in registers_of(k, p).items())


def caps(k, args) -> str:
    return procfs.caps(k, the_process(k, args))


def maps(k, args) -> str:
    return procfs.maps(k, the_process(k, args))


def audit_view(k, args) -> str:
    procs = [the_process(k, args)] if args else k.procs.live()
    out = []
    for p in procs:
        problems = audit(k, p)
        out.append(f"pid {p.pid} ({p.name}): " + ("isolated" if not problems else
                                                  f"{len(problems)} problems"))
        out += [f"    {problem}" for problem in problems]
    return "\n".join(out) + "\n"


def counters(k, args) -> str:
    lines = []
    for name, value in k.cpu.counters().items():
        if isinstance(value, dict):
            value = "  ".join(f"{key} {n:,}" for key, n in value.items())
        else:
            value = f"{value:,}"
        lines.append(f"{name:<18} {value}")
    return "\n".join(lines) + "\n"


def trace(k, args) -> str:
    if args not in (["on"], ["off"]):
        raise MonitorError("usage: trace on|off")
    k.trace = args == ["on"]
    return f"system call tracing {args[0]}\n"


def top(k, args) -> str:
    c = k.cpu.counters()
    live = len(k.procs.live())
    summary = (f"ufos (host pid {os.getpid()})  {k.policy}  {live} μprocesses  {c['instructions']:,} instructions  "
               f"TLB {c['tlb_hits']:,} hits {c['tlb_misses']:,} misses  "
               f"{c['pages_copied']:,} pages copied  {c['caps_relocated']:,} caps relocated\n")
    return summary + ps(k, [])


COMMANDS = {"ps": ps, "regs": regs, "caps": caps, "maps": maps, "audit": audit_view,
            "counters": counters, "trace": trace, "top": top,
            "help": lambda k, args: HELP}


class MonitorError(Exception):
    pass


def the_process(k, args):
    if len(args) != 1 or not args[0].isdigit():
        raise MonitorError("which μprocess? give its PID (see ps)")
    p = k.procs.get(int(args[0]))
    if p is None:
        raise MonitorError(f"no μprocess {args[0]}")
    if p.state == "zombie":
        raise MonitorError(f"pid {p.pid} has exited; its parent has not waited for it yet")
    return p


def command(k, line: str) -> str:
    """Run one monitor command; its output, or a message saying what was wrong."""
    words = line.split()
    if not words:
        return ""
    fn = COMMANDS.get(words[0])
    if fn is None:
        return f"unknown command {words[0]!r}: try help\n"
    try:
        return fn(k, words[1:])
    except MonitorError as e:
        return f"{e}\n"


# --- `ufos top`: the monitor's commands over a Unix socket ----------------------------------------
def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "ufos"


def announcements() -> Path:
    """The directory where every running ufos (`ufos`, `ufos boot`, `ufos run`) announces the
    socket `ufos top` asks it on: one file per ufos, named by its host pid, holding the path."""
    return data_dir() / "running"


class Server:
    """Answer monitor commands on a Unix socket, one command per connection, on a thread of its
    own. call(fn) must run fn on the kernel's thread and return its result (machine.py)."""

    def __init__(self, kernel, call):
        self.kernel, self.call = kernel, call
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        self.dir = Path(tempfile.mkdtemp(prefix="ufos-", dir=runtime if runtime and os.path.isdir(runtime) else None))
        self.socket_path = str(self.dir / "monitor.sock")
        self.announcement = announcements() / str(os.getpid())
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.socket_path)
        self.sock.listen()
        threading.Thread(target=self._serve, name="ufos monitor", daemon=True).start()
        self.announcement.parent.mkdir(parents=True, exist_ok=True)
        self.announcement.write_text(self.socket_path + "\n")

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:                      # closed: ufos is stopping
                return
            with conn:
                conn.settimeout(CALL_TIMEOUT)
                try:
                    line = conn.makefile("rb").readline().decode("utf-8", "replace")
                    try:
                        text = self.call(lambda: command(self.kernel, line))
                    except Exception as e:       # MachineStopped, or a view that failed
                        text = f"ufos: {e}\n"
                    conn.sendall(text.encode())
                except OSError:                  # the asker went away
                    pass

    def close(self) -> None:
        """At shutdown: stop serving, remove the socket and the announcement."""
        self.sock.close()
        for path in (self.announcement, Path(self.socket_path)):
            path.unlink(missing_ok=True)
        try:
            self.dir.rmdir()
        except OSError:
            pass
