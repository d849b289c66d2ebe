"""Errors of the C compiler: one exception, CompileError, printed the way gcc prints its errors.

    hello.c:3:12: error: use of undeclared identifier 'x'
        return x + 1;
               ^

Every stage reports through `error_at(loc, message)`. A `Loc` is a place in an original source
file (after the preprocessor's #line markers have been followed back), and `SOURCES` knows the
text of every file the preprocessor read, so the message can quote the offending line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    file: str
    line: int
    col: int        # from 1; 0 if unknown

    def __str__(self):
        return f"{self.file}:{self.line}:{self.col}" if self.col else f"{self.file}:{self.line}"


class Sources:
    """The text of the files of one compilation, by the name the preprocessor gave them, split
    into lines once (the code generator quotes a line for every statement)."""

    def __init__(self):
        self.texts: dict[str, str] = {}
        self.lines: dict[str, list[str]] = {}

    def add(self, name: str, text: str) -> None:
        self.texts[name] = text
        self.lines.pop(name, None)

    def clear(self) -> None:
        self.texts.clear()
        self.lines.clear()

    def line(self, name: str, number: int) -> str | None:
        lines = self.lines.get(name)
        if lines is None:
            text = self.texts.get(name)
            if text is None:
                try:
                    text = Path(name).read_text(errors="replace")
                except OSError:
                    return None
                self.texts[name] = text
            lines = self.lines[name] = text.split("\n")
        return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else None


SOURCES = Sources()      # emptied at the start of each compilation (see reset_sources)


def reset_sources() -> None:
    SOURCES.clear()


class CompileError(Exception):
    """`file:line:col: error: message`, then the source line and a caret under the column."""

    def __init__(self, loc: Loc | None, message: str, source_line: str | None = None):
        self.loc, self.message = loc, message
        if loc is None:
            super().__init__(f"error: {message}")
            return
        if source_line is None:
            source_line = SOURCES.line(loc.file, loc.line)
        text = f"{loc}: error: {message}"
        if source_line is not None:
            col = max(loc.col, 1)
            caret = "".join(c if c == "\t" else " " for c in source_line[:col - 1]) + "^"
            text += f"\n{source_line}\n{caret}"
        super().__init__(text)


class CompileErrors(CompileError):
    """Several errors of one file (as gcc reports them, up to MAX_ERRORS): the first is the
    exception's loc and message, and the text lists them all."""

    def __init__(self, errors: list[CompileError], stopped: bool = False):
        first = errors[0]
        self.errors = errors
        super().__init__(first.loc, first.message)
        text = "\n".join(e.args[0] for e in errors)
        if stopped:
            text += f"\ncompilation terminated: more than {MAX_ERRORS} errors"
        self.args = (text,)


MAX_ERRORS = 20


class RepeatedError(CompileError):
    """An error already reported (an undeclared name used again): stops the statement, but is
    not shown again."""


def error_at(loc: Loc | None, message: str) -> CompileError:
    return CompileError(loc, message)


def loc_of(node) -> Loc | None:
    """The Loc of a pycparser node (its `coord`), or None."""
    coord = getattr(node, "coord", None)
    if coord is None:
        return None
    return Loc(coord.file or "<stdin>", coord.line or 0, coord.column or 0)
