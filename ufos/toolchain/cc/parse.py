"""Stage 2, the parser: preprocessed text -> pycparser's syntax tree (c_ast).

pycparser does the parsing. This module adds the prelude of names the compiler itself provides
(the typedefs pycparser must know to be types) and turns pycparser's terse errors
("file:3:7: before: }") into CompileErrors that point at the token and quote the line.
"""
from __future__ import annotations

import re

from pycparser import c_ast, c_parser

from ufos.toolchain.cc.errors import CompileError, Loc

# Typedef names the compiler knows without a header. check.py gives the __intcap ones their
# meaning (a 16-byte integer that is a capability); the others are ordinary C.
PRELUDE = """\
typedef char *__builtin_va_list;
typedef long __intcap;
typedef unsigned long __uintcap;
typedef long __intcap_t;
typedef unsigned long __uintcap_t;
"""
PRELUDE_FILE = "<built-in>"

_ERROR = re.compile(r"^(?P<file>.*?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<msg>.*)$", re.S)
_MESSAGES = [   # pycparser's wording -> ours
    (re.compile(r"^before: (.*)$"), lambda m: f"syntax error before '{m.group(1)}'"),
    (re.compile(r"^At end of input$"), lambda m: "unexpected end of input"),
    (re.compile(r"^Invalid expression$"), lambda m: "expected an expression"),
]


class _Parser(c_parser.CParser):
    """pycparser's parser, but errors carry the coordinates of the token where parsing stopped."""

    def _parse_error(self, msg, coord):
        if isinstance(coord, c_parser.Coord) and coord.line:
            raise CompileError(_loc(coord), _message(msg))
        tok = self._current_token()
        if tok is not None:
            raise CompileError(Loc(tok.filename, tok.lineno, tok.column), _message(msg))
        raise CompileError(Loc(self.clex.filename or "<stdin>", self.clex.lineno or 0, 0), _message(msg))

    def _current_token(self):
        buf = self._tokens._buffer
        for i in range(min(self._tokens._index, len(buf) - 1), -1, -1):
            if buf[i] is not None:
                return buf[i]
        return None


def _loc(coord) -> Loc:
    return Loc(coord.file or "<stdin>", coord.line or 0, coord.column or 0)


def _message(msg: str) -> str:
    for pattern, rewrite in _MESSAGES:
        m = pattern.match(msg)
        if m:
            return rewrite(m)
    return msg[0].lower() + msg[1:] if msg else "syntax error"


def parse(text: str, filename: str = "<stdin>") -> c_ast.FileAST:
    """Parse preprocessed text (whose #line markers name the original files)."""
    full = f'#line 1 "{PRELUDE_FILE}"\n{PRELUDE}#line 1 "{filename}"\n{text}'
    parser = _Parser()
    try:
        return parser.parse(full, filename)
    except CompileError:
        raise
    except c_parser.ParseError as e:        # a path that did not go through _parse_error
        m = _ERROR.match(str(e))
        if m:
            raise CompileError(Loc(m["file"], int(m["line"]), int(m["col"] or 0)), _message(m["msg"])) from None
        raise CompileError(Loc(filename, 0, 0), str(e)) from None
    except RecursionError:
        raise CompileError(Loc(filename, 0, 0), "the program nests too deeply to parse") from None
