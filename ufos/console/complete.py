"""Tab completion at the console, from inside ufos: the word in command position completes to a
program of /bin or a shell builtin, any other word to a path of ufos's file system (relative to
the working directory of the μprocess reading the line). Names are read on the kernel's thread
(machine.call): the kernel answers between two quanta, a wait too short to notice.
"""
from __future__ import annotations

import posixpath
import re

from prompt_toolkit.completion import Completer, Completion

from ufos.console.machine import MachineStopped
from ufos.kernel.uapi import SyscallError
from ufos.abi import userland_dir

COMMAND_START = re.compile(r"(^|[;&|(]|&&|\|\|)\s*$")     # what may come before a command word


def shell_builtins() -> list[str]:
    """The builtins of userland/bin/sh, read from its table (builtins.c)."""
    source = (userland_dir() / "bin" / "sh" / "builtins.c").read_text()
    return re.findall(r'\{ "([^"]+)", builtin_', source)


def names_in(k, directory: str, cwd: str) -> list[tuple[str, bool]]:
    """(name, is a directory) for each entry of a directory inside ufos ([] if there is none); a
    symbolic link counts as what it names, so a link to a directory completes with a "/"."""
    try:
        return [(name, is_directory(k, node, k.fs.join(directory, name), cwd))
                for name, node in k.fs.lookup(directory, cwd).entries()]
    except SyscallError:
        return []


def is_directory(k, node, path: str, cwd: str) -> bool:
    if node.kind != "link":
        return node.kind == "dir"
    try:
        return k.fs.lookup(path, cwd).kind == "dir"
    except SyscallError:                     # a dangling link, a loop
        return False


class UfosCompleter(Completer):
    def __init__(self, machine, terminal, commands: bool):
        self.machine, self.terminal = machine, terminal
        self.builtins = shell_builtins() if commands else None

    def get_completions(self, document, complete_event):
        word = document.get_word_before_cursor(WORD=True)
        before = document.text_before_cursor[:len(document.text_before_cursor) - len(word)]
        try:
            if self.builtins is not None and "/" not in word and COMMAND_START.search(before):
                yield from self.commands(word)
            else:
                yield from self.paths(word)
        except MachineStopped:
            return

    def commands(self, word: str):
        programs = self.machine.call(lambda: names_in(self.machine.kernel, "/bin", "/"))
        names = {name for name, _ in programs} | set(self.builtins)
        for name in sorted(n for n in names if n.startswith(word)):
            yield Completion(name, start_position=-len(word))

    def paths(self, word: str):
        directory, prefix = posixpath.split(word)
        def listing():
            reader = self.terminal.reader
            return names_in(self.machine.kernel, directory or ".", reader.cwd if reader else "/")
        entries = self.machine.call(listing)
        for name, is_dir in sorted(entries):
            if name.startswith(prefix) and (prefix.startswith(".") or not name.startswith(".")):
                shown = name + "/" if is_dir else name
                yield Completion(shown[len(prefix):], display=shown)
