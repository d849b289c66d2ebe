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
    """The text of the files of one compilation, by the name the preprocessor gave them."""

    def __init__(self):
        self.texts: dict[str, str] = {}

    def add(self, name: str, text: str) -> None:
        self.texts[name] = text

    def line(self, name: str, number: int) -> str | None:
        text = self.texts.get(name)
        if text is None:
            try:
                text = Path(name).read_text(errors="replace")
            except OSError:
                return None
            self.texts[name] = text
        lines = text.split("\n")
        return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else None


SOURCES = Sources()      # emptied at the start of each compilation (see reset_sources)


def reset_sources() -> None:
    SOURCES.texts.clear()


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


def error_at(loc: Loc | None, message: str) -> CompileError:
    return CompileError(loc, message)


def loc_of(node) -> Loc | None:
    """The Loc of a pycparser node (its `coord`), or None."""
    coord = getattr(node, "coord", None)
    if coord is None:
        return None
    return Loc(coord.file or "<stdin>", coord.line or 0, coord.column or 0)
