"""The interactive console: the host terminal while ufos runs, on the main thread (the kernel runs
on another, machine.py). It does what a terminal and its line discipline do for a Unix machine:

- When a μprocess reads the console and no line is waiting (terminal.py asks), the user edits
  one with prompt_toolkit: history (kept across boots), Tab completion of commands and of paths
  inside ufos (complete.py), highlighting of the shell's lines. The prompt shown is the partial
  line the program wrote last (the shell's "ufos:/$ "): it is taken off the screen and becomes
  prompt_toolkit's message, so that the whole line is redrawn together.
- What μprocesses write is written as it comes; while a line is being edited, above it.
- While programs run, keys are read one by one: Ctrl-C, Ctrl-Z and Ctrl-\\ send SIGINT, SIGTSTP
  and SIGQUIT to the foreground process group, Ctrl-] opens the monitor (monitor.py), anything
  else is type-ahead for the next line. At a prompt the same keys do the same, and Ctrl-D on an
  empty line is end of file.
- In raw mode (a μprocess cleared ICANON: terminal.py) there is no line editing: every key goes
  straight to the reader as its bytes (an arrow key is its escape sequence), echoed only with
  ECHO; Ctrl-C, Ctrl-Z and Ctrl-\\ send signals only with ISIG, else they are bytes like any
  other. Ctrl-] still opens the monitor. When canonical mode comes back, so does line editing.

Everything here runs on one asyncio loop. The kernel's thread reaches it only through want_line(),
show() and set_mode(), which post to the loop, and window_size(); this side reaches the kernel
only through its inbox.
"""
from __future__ import annotations

import asyncio
import os
import re
import termios
from dataclasses import dataclass

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app, run_in_terminal
from prompt_toolkit.completion import CompleteEvent, get_common_complete_suffix
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import ANSI
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.input.typeahead import get_typeahead
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.utils import get_cwidth
from pygments.lexers.shell import BashLexer

from ufos.console import monitor
from ufos.console.complete import UfosCompleter
from ufos.console.machine import Machine, MachineStopped
from ufos.console.terminal import KernelLog, Terminal
from ufos.runner import boot, progress
from ufos.kernel.tty import Termios, host_window_size
from ufos.kernel.uapi import SIG

# the keys that signal the foreground process group: (byte, prompt_toolkit's name, echo, signal)
SIGNAL_KEYS = [(0x03, "c-c", b"^C", SIG.SIGINT), (0x1A, "c-z", b"^Z", SIG.SIGTSTP),
               (0x1C, "c-\\", b"^\\", SIG.SIGQUIT)]
MONITOR_KEY = 0x1D               # Ctrl-]
EOF_KEY = 0x04                   # Ctrl-D
ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|.)")
SCREEN_CONTROL = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-ln-~]|\][^\x07]*\x07|[^[\]])")   # not SGR
MONITOR, STOPPED = "monitor", "stopped"       # events of the loop; also ("line", shell?)
PARTIAL_MAX = 4096               # the longest unfinished line kept to become a prompt
HOLD = 0.05                      # seconds an unfinished line waits for a read that makes it a prompt


@dataclass
class Left:
    """How a prompt ended other than with Enter."""
    how: str                     # "signal", "eof" or "monitor"
    text: str                    # what was typed so far
    echo: bytes = b""
    sig: int = 0


def complete(buffer) -> None:
    """Tab, as in a shell: insert what every completion shares at once (before the next key is
    read, so keys typed fast or pasted act on the completed word); then list the choices."""
    if buffer.complete_state is not None:
        buffer.complete_next()
        return
    asked = CompleteEvent(completion_requested=True)
    choices = list(buffer.completer.get_completions(buffer.document, asked))
    common = get_common_complete_suffix(buffer.document, choices)
    if common:
        buffer.insert_text(common)
    elif len(choices) > 1:
        buffer.start_completion()


class Session:
    def __init__(self, options, history_path: str):
        self.terminal = Terminal(self)
        self.kernel = boot(options, progress, terminal=self.terminal, log=KernelLog(self.terminal))
        self.machine = Machine(self.kernel, on_stop=self.stopped_soon)
        self.fd_in, self.fd_out = 0, 1
        self.loop: asyncio.AbstractEventLoop | None = None
        self.events: asyncio.Queue | None = None
        self.partial = b""               # the screen's unfinished last line, written by μprocesses
        self.interrupted: bytes | None = None   # the prompt of a line dropped by Ctrl-C
        self.typeahead = bytearray()
        self.pending = bytearray()       # output on its way to the screen
        self.flush_scheduled = False
        self.editing = None              # the prompt_toolkit application on the screen, if any
        self.mode = Termios.default()    # the terminal's mode, as the kernel last set it
        keys = self.key_bindings()
        self.shell_prompt = PromptSession(history=FileHistory(history_path), key_bindings=keys,
                                          completer=UfosCompleter(self.machine, self.terminal, True),
                                          complete_while_typing=False, lexer=PygmentsLexer(BashLexer))
        self.program_prompt = PromptSession(history=InMemoryHistory(), key_bindings=keys,
                                            completer=UfosCompleter(self.machine, self.terminal, False),
                                            complete_while_typing=False)
        self.monitor_prompt = PromptSession(history=InMemoryHistory(), key_bindings=keys)

    # --- running --------------------------------------------------------------------------------
    def run(self) -> int | None:
        """Boot: the kernel on its thread, the terminal here, until the machine halts."""
        saved = termios.tcgetattr(self.fd_in)
        try:
            keys_one_by_one(self.fd_in, saved)
            asyncio.run(self.main())
        finally:
            termios.tcsetattr(self.fd_in, termios.TCSADRAIN, saved)
        return self.machine.status

    async def main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.events = asyncio.Queue()
        server = monitor.Server(self.kernel, self.machine.call)
        self.machine.start()
        self.loop.add_reader(self.fd_in, self.key)
        try:
            while (event := await self.events.get()) != STOPPED:
                self.loop.remove_reader(self.fd_in)
                if event == MONITOR:
                    await self.monitor()
                elif self.mode.canonical:        # (in raw mode, keys go to the reader as they come)
                    _, shell = event
                    await self.read_line(shell)
                self.keys_typed(self.keys_left())
                self.loop.add_reader(self.fd_in, self.key)
            self.write_pending()
        finally:
            self.loop.remove_reader(self.fd_in)
            server.close()

    # --- called on the kernel's thread -------------------------------------------------------
    def want_line(self, shell: bool) -> None:
        self.loop.call_soon_threadsafe(self.events.put_nowait, ("line", shell))

    def show(self, data: bytes) -> None:
        self.loop.call_soon_threadsafe(self.display, data)

    def stopped_soon(self) -> None:
        self.loop.call_soon_threadsafe(self.stopped)

    def set_mode(self, mode: Termios, flush: bool) -> None:
        self.loop.call_soon_threadsafe(self.change_mode, mode, flush)

    def window_size(self) -> tuple[int, int]:
        return host_window_size(self.fd_out)

    # --- the screen -------------------------------------------------------------------------------
    def display(self, data: bytes) -> None:
        self.pending += data
        if not self.flush_scheduled:
            self.flush_scheduled = True
            self.loop.call_soon(self.flush)

    def flush(self, hold: bool = True) -> None:
        """Write the output that came. An unfinished line is held back a moment: if a read follows,
        the line becomes the prompt's message without being written twice."""
        self.flush_scheduled = False
        if not self.pending:
            return
        if self.editing is not None:
            run_in_terminal(self.write_pending)          # above the line being edited
            return
        hold = hold and self.mode.canonical
        self.write_pending(self.pending.rfind(b"\n") + 1 if hold else len(self.pending))
        if self.pending:
            self.loop.call_later(HOLD, self.flush, False)

    def write_pending(self, upto: int | None = None) -> None:
        data = self.take_pending(upto)
        if data:
            self.write(data)

    def take_pending(self, upto: int | None = None) -> bytes:
        """Output taken off the way to the screen (the terminal device may accept as much again)."""
        data = bytes(self.pending[:upto])
        del self.pending[:len(data)]
        if data:
            self.kernel.inbox.post(lambda: self.terminal.shown(self.kernel, len(data)))
        return data

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd_out, view):]
        line = re.split(rb"[\r\n]", data)
        self.partial = (line[-1] if len(line) > 1 else self.partial + data)[-PARTIAL_MAX:]
        self.interrupted = None

    def take_partial_line(self) -> bytes:
        """The unfinished line on the screen, erased from it (it will be the prompt's message)."""
        text, self.partial = self.partial, b""
        if text:
            width = get_cwidth(ESCAPE_SEQUENCE.sub("", text.decode("utf-8", "replace")))
            up = (width - 1) // max(1, os.get_terminal_size(self.fd_out).columns)
            os.write(self.fd_out, b"\r" + (b"\x1b[%dA" % up if up else b"") + b"\x1b[J")
        return text

    def controls_to_screen(self, data: bytes) -> bytes:
        """Output about to become a prompt's message, less what a message cannot show: prompt_toolkit
        keeps only colours (SGR, ESC [ ... m) and drops every other escape sequence, such as
        `clear`'s ESC [ H ESC [ 2 J. Such a sequence, and all before it, is written to the screen
        here; what follows the last one is returned, to be the message."""
        end = max((m.end() for m in SCREEN_CONTROL.finditer(data)), default=0)
        if end:
            self.write(data[:end])
        return data[end:]

    # --- lines ------------------------------------------------------------------------------------
    async def read_line(self, shell: bool) -> None:
        """Get the line a μprocess waits for: typed ahead, or edited at a prompt."""
        self.write_pending(self.pending.rfind(b"\n") + 1)
        if self.interrupted is not None and not self.pending:   # Ctrl-C at a prompt, still read
            message = self.interrupted
            self.write(b"\n")
        else:
            message = self.take_partial_line() + self.controls_to_screen(self.take_pending())
        ahead = self.line_typed_ahead()
        if ahead is not None:
            self.write(message + ahead)
            line = ahead.rstrip(b"\n").decode("utf-8", "replace") if ahead else None
            if line and shell:
                self.shell_prompt.history.append_string(line)
            return self.enter(line)
        default = self.typeahead.decode("utf-8", "replace")
        self.typeahead.clear()
        session = self.shell_prompt if shell else self.program_prompt
        while True:
            result = await self.prompt(session, ANSI(message.decode("utf-8", "replace")), default)
            if result is None:                   # the machine halted
                return
            if not isinstance(result, Left):
                self.partial = b""
                return self.enter(result)
            if result.how != "monitor":
                break
            await self.monitor()
            default = result.text
        self.write(message + result.text.encode() + result.echo)    # the line as it was left
        if result.how == "eof":
            self.enter(None)
        else:
            self.interrupted = message
            self.kernel.inbox.post(lambda: self.terminal.interrupt(self.kernel, result.sig))

    async def prompt(self, session, message, default: str = ""):
        session.app.erase_when_done = False
        self.editing = session.app
        try:
            return await session.prompt_async(message, default=default, handle_sigint=False)
        except (EOFError, KeyboardInterrupt):    # the machine halted while the line was edited
            return None
        finally:
            self.editing = None

    def enter(self, line: str | None) -> None:
        """Hand a finished line (None: end of file) to the μprocess waiting for it."""
        data = b"" if line is None else line.encode() + b"\n"
        self.kernel.inbox.post(lambda: self.terminal.line(self.kernel, data))

    def line_typed_ahead(self) -> bytes | None:
        """A whole line typed while programs ran (b"" for a Ctrl-D), taken off the type-ahead."""
        if self.typeahead[:1] == bytes([EOF_KEY]):
            del self.typeahead[:1]
            return b""
        end = self.typeahead.find(b"\n")
        if end < 0:
            return None
        line = bytes(self.typeahead[:end + 1])
        del self.typeahead[:end + 1]
        return line

    def key_bindings(self) -> KeyBindings:
        keys = KeyBindings()
        empty = Condition(lambda: not get_app().current_buffer.text)

        def leave(event, how: str, echo: bytes = b"", sig: int = 0):
            event.app.erase_when_done = True
            event.app.exit(result=Left(how, event.app.current_buffer.text, echo, sig))

        for _, name, echo, sig in SIGNAL_KEYS:
            keys.add(name)(lambda event, echo=echo, sig=sig: leave(event, "signal", echo, sig))
        keys.add("c-d", filter=empty)(lambda event: leave(event, "eof"))
        keys.add("tab")(lambda event: complete(event.current_buffer))
        keys.add("c-]", eager=True)(lambda event: leave(event, "monitor"))
        return keys

    # --- keys while programs run, and in raw mode ------------------------------------------------
    def key(self) -> None:
        try:
            data = os.read(self.fd_in, 1024)
        except OSError:
            data = b""
        if not data:                              # the terminal has gone: power off
            self.loop.remove_reader(self.fd_in)
            self.kernel.inbox.post(self.kernel.shutdown)
            return
        self.keys_typed(data)

    def keys_left(self) -> bytes:
        """Keys prompt_toolkit read after the end of the last line it edited (it keeps them for
        its next prompt; they are the next reader's, who may read raw)."""
        presses = get_typeahead(self.shell_prompt.app.input)     # shared by the three prompts
        return "".join(press.data for press in presses).encode()

    def keys_typed(self, data: bytes) -> None:
        if not self.mode.canonical:
            return self.pass_keys(data)
        for byte in data:
            signal_key = next((k for k in SIGNAL_KEYS if k[0] == byte), None)
            if signal_key is not None:
                self.send_signal(signal_key)
            elif byte == MONITOR_KEY:
                self.events.put_nowait(MONITOR)
            elif byte == 0x1B:                    # an escape sequence (arrow keys...): dropped
                break
            elif byte in (0x7F, 0x08):
                del self.typeahead[-1:]
            elif byte in (0x0D, 0x0A):
                self.typeahead += b"\n"
            elif byte >= 0x20 or (byte == EOF_KEY and self.typeahead[-1:] in (b"", b"\n")):
                self.typeahead.append(byte)

    def pass_keys(self, data: bytes) -> None:
        """Raw mode: the keys to the reader as they are, but for Ctrl-] and the signal keys."""
        keys = bytearray()
        for byte in data:
            signal_key = next((k for k in SIGNAL_KEYS if k[0] == byte), None)
            if byte == MONITOR_KEY:
                self.events.put_nowait(MONITOR)
            elif signal_key is not None and self.mode.signals:
                self.send_signal(signal_key)
            else:
                keys.append(byte)
        if self.mode.cr_to_newline:
            keys = keys.replace(b"\r", b"\n")
        if keys:
            self.send_keys(bytes(keys))

    def send_keys(self, keys: bytes) -> None:
        if self.mode.echo:
            self.write_pending()
            self.write(keys)
        self.kernel.inbox.post(lambda: self.terminal.keys(self.kernel, keys))

    def send_signal(self, signal_key) -> None:
        """Ctrl-C, Ctrl-Z or Ctrl-\\: the signal to the foreground process group."""
        _, _, echo, sig = signal_key
        self.write_pending()
        if self.mode.echo:
            self.write(echo)
        self.typeahead.clear()
        self.kernel.inbox.post(lambda: self.kernel.interrupt(sig))

    def change_mode(self, mode: Termios, flush: bool) -> None:
        """The kernel's TCSETS. Keys typed ahead for a program that now reads raw are its own,
        unless it asked for them to be discarded."""
        self.mode = mode
        if not mode.canonical and self.typeahead and not flush:
            self.send_keys(bytes(self.typeahead))
        if flush or not mode.canonical:
            self.typeahead.clear()

    # --- the monitor ----------------------------------------------------------------------------
    async def monitor(self) -> None:
        self.write_pending()
        if self.partial:
            self.write(b"\n")
        try:
            await self.loop.run_in_executor(None, self.machine.pause)
        except MachineStopped as e:
            self.write(f"monitor: {e}\n".encode())
            return
        self.write(b"monitor: the machine is paused. help lists the commands; "
                   b"continue or Ctrl-] goes back.\n")
        try:
            while True:
                line = await self.prompt(self.monitor_prompt, "monitor> ")
                if isinstance(line, Left) and line.how == "signal":
                    continue
                if line is None or isinstance(line, Left) or line.strip() in ("continue", "c"):
                    break
                self.write(self.machine.call(lambda: monitor.command(self.kernel, line)).encode())
        finally:
            self.machine.resume()
            self.partial = b""

    # --- the end -----------------------------------------------------------------------------
    def stopped(self) -> None:
        if self.editing is not None and self.editing.is_running:
            self.editing.exit(result=None)
        self.events.put_nowait(STOPPED)


def keys_one_by_one(fd: int, attrs: list) -> None:
    """The terminal mode while programs run: no echo, no line editing, and Ctrl-C is a key we
    read rather than a signal to ufos itself. Output processing (a newline is CR LF) stays."""
    mode = [list(a) if isinstance(a, list) else a for a in attrs]
    mode[0] &= ~(termios.ICRNL | termios.IXON)
    mode[3] &= ~(termios.ICANON | termios.ECHO | termios.ISIG | termios.IEXTEN)
    mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
    termios.tcsetattr(fd, termios.TCSADRAIN, mode)
