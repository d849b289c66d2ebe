"""Stage 1, the preprocessor: C source text -> preprocessed text with `#line` markers.

pcpp does the work (macros, #include, #if). This module configures it for ufos: the predefined
macros of the purecap target, the include path (the repo's userland/include first), and hooks that
turn pcpp's complaints into CompileErrors. The `#line` markers pcpp writes let pycparser give every
node its place in the original file, and the on_file_open hook records each file's text so that an
error can quote the line it is about.
"""
from __future__ import annotations

import copy
import io
import os
import re
from pathlib import Path

import pcpp

from ufos.toolchain.cc.builtins import is_builtin
from ufos.toolchain.cc.errors import SOURCES, CompileError, Loc
from ufos.toolchain.cc.types import hybrid

DEFAULT_INCLUDE = Path(__file__).resolve().parents[3] / "userland" / "include"

PREDEFINED = {
    "__ufos__": "1",
    # a Unix, as gcc and clang say of Linux and the BSDs; plain `unix`, in the user's name space,
    # only outside a strict -std=cNN (driver.py), as gcc (old code tests `#ifdef unix`: figlet)
    "__unix__": "1",
    "__unix": "1",
    "unix": "1",
    "__CHERI__": "1",
    "__LP64__": "1",
    "_LP64": "1",
    "__SIZEOF_LONG__": "8",
    "__SIZEOF_LONG_LONG__": "8",
    "__SIZEOF_INT__": "4",
    "__SIZEOF_SHORT__": "2",
    "__SIZEOF_DOUBLE__": "8",
    "__SIZEOF_FLOAT__": "4",
    "__SIZEOF_SIZE_T__": "8",
    "__CHAR_BIT__": "8",
    "__STDC__": "1",
    "__STDC_VERSION__": "201112L",
    "__STDC_HOSTED__": "1",
    # C11's optional features ufos C leaves out (6.10.8.3): _Complex, _Atomic (the parser's
    # `_Atomic` is `__capability`, see parse.py) and <threads.h> (a μprocess has one thread)
    "__STDC_NO_COMPLEX__": "1",
    "__STDC_NO_ATOMICS__": "1",
    "__STDC_NO_THREADS__": "1",
    # u"" and U"" literals hold UTF-16 (with surrogate pairs) and UTF-32 (6.10.8.2, <uchar.h>)
    "__STDC_UTF_16__": "1",
    "__STDC_UTF_32__": "1",
    # gcc's and clang's names for the standard types and their limits, with which freestanding
    # code declares size_t and friends without a header (the types are those of userland/include)
    "__SIZE_TYPE__": "unsigned long",
    "__PTRDIFF_TYPE__": "long",
    "__WCHAR_TYPE__": "int",
    "__WINT_TYPE__": "unsigned int",
    "__INTMAX_TYPE__": "long",
    "__UINTMAX_TYPE__": "unsigned long",
    "__SIZEOF_WCHAR_T__": "4",
    "__SIZEOF_WINT_T__": "4",
    "__SIZEOF_PTRDIFF_T__": "8",
    "__SCHAR_MAX__": "127",
    "__SHRT_MAX__": "32767",
    "__INT_MAX__": "2147483647",
    "__LONG_MAX__": "9223372036854775807L",
    "__LONG_LONG_MAX__": "9223372036854775807LL",
    "__WCHAR_MAX__": "2147483647",
    "__INTMAX_MAX__": "9223372036854775807L",
    "__UINTMAX_MAX__": "18446744073709551615UL",
    "__SIZE_MAX__": "18446744073709551615UL",
    "__PTRDIFF_MAX__": "9223372036854775807L",
    "__ORDER_LITTLE_ENDIAN__": "1234",
    "__BYTE_ORDER__": "1234",
    # GNU spellings that pycparser does not know
    "__attribute__(x)": "",
    "__extension__": "",
    "__inline": "inline",
    "__inline__": "inline",
    "__restrict": "restrict",
    "__restrict__": "restrict",
    "__volatile__": "volatile",
    "__const": "const",
    "__signed__": "signed",
    "__alignof__": "_Alignof",
    "__alignof": "_Alignof",
    "__builtin_offsetof(type, member)": "offsetof(type, member)",  # which pycparser knows
}
PASSED_THROUGH = {"pragma", "line", "ident"}   # directives pycparser reads (or we drop) itself
DEFINED_MARK = "__ufos_defined_"     # `defined(X)` while an #if expression is expanded (see evalexpr)
PACKED_MARK = "__ufos_packed__"      # what __attribute__((packed)) becomes (see macro_expand_args)
ALIGNED_MARK = "__ufos_aligned__"    # what __attribute__((aligned(n))) becomes: ALIGNED_MARK(n)
BIGGEST_ALIGNMENT = 16               # `aligned` without n: gcc's __BIGGEST_ALIGNMENT__ on AArch64
# What `#if __has_attribute(x)` says ufos cc has: attributes it may ignore without changing what
# the program does (hints), packed, which it lays out as gcc does (types.layout), and aligned,
# which it honours as _Alignas (parse.py).
ATTRIBUTES = {"unused", "used", "maybe_unused", "noreturn", "noinline", "always_inline", "const",
              "pure", "cold", "hot", "format", "nonnull", "returns_nonnull", "malloc", "sentinel",
              "deprecated", "warn_unused_result", "fallthrough", "packed", "aligned"}
# Attributes whose effect ufos cc does not have and whose absence the program would not notice:
# dropping one would compile a different program (a constructor that never runs, a cleanup never
# made), so each is an error saying what to do instead. (Without `weak` or `alias`, the linker
# stops with an error of its own: a symbol defined twice, or one never defined.)
UNSUPPORTED_ATTRIBUTES = {
    "constructor": "call the function at the start of main",
    "destructor": "register the function with atexit",
    "cleanup": "call the cleanup function where the variable's scope ends",
}
# What `#if __has_feature(x)` says it has: CHERI Clang's capabilities (purecap or hybrid, pointers
# that are, or may be declared, capabilities), and the C11 features Clang names so.
FEATURES = {"capabilities", "c_alignas", "c_alignof", "c_generic_selections", "c_static_assert"}
# An integer constant with one of C's suffixes: u, l, ll, or u with l or ll, either way round.
INTEGER_SUFFIX = re.compile(r"(0[xX][0-9a-fA-F]+|[0-9]+)([uU]?(ll|LL|[lL])?|(ll|LL|[lL])[uU])")
PROBES = ("__has_include", "__has_builtin", "__has_attribute", "__has_feature")


class _Preprocessor(pcpp.Preprocessor):
    def __init__(self):
        super().__init__()
        self.line_directive = "#line"
        self.rewrite_paths = []          # keep file names as they were opened
        self.auto_pragma_once_enabled = True
        self.files_read: list[str] = []  # every #included file, in order (for -M dependency lists)
        self.line_shifts: list[list[int]] = []   # per open file: what #line added to its numbers

    def _loc(self, file, line) -> Loc:
        return Loc(str(file) if file else "<stdin>", int(line or 0), 0)

    def parse(self, input, source=None, ignore={}):
        """As pcpp's, but the main file keeps the name it was given (pcpp makes it absolute)."""
        self.ignore = ignore
        self.parser = self.parsegen(input, source, source)
        self.temp_path.insert(0, os.path.dirname(source))

    def add_path(self, path):
        self.path.append(path)       # (pcpp would also rewrite the names of files found there)

    def on_error(self, file, line, msg):
        raise CompileError(self._loc(file, line), str(msg).strip())

    def on_file_open(self, is_system_include, includepath):
        with open(includepath, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if text.startswith("\ufeff"):
            text = text[1:]
        SOURCES.add(includepath, text)
        self.files_read.append(includepath)
        return io.StringIO(text)

    def on_include_not_found(self, is_malformed, is_system_include, curdir, includepath):
        d = self.lastdirective
        what = "malformed #include" if is_malformed else f"'{includepath}' file not found"
        raise CompileError(self._loc(d.source, d.lineno), what)

    def on_directive_unknown(self, directive, toks, ifpassthru, precedingtoks):
        text = "".join(tok.value for tok in toks).strip()
        if directive.value == "error":
            raise CompileError(self._loc(directive.source, directive.lineno), f"#error {text}")
        if directive.value == "warning":
            return True
        if directive.value == "line":
            self.renumber(directive, [tok for tok in toks if tok.type not in self.t_WS])
        if directive.value in PASSED_THROUGH:
            return None
        raise CompileError(self._loc(directive.source, directive.lineno),
                           f"invalid preprocessing directive #{directive.value}")

    def macro_expand_args(self, macro, args):
        """`__attribute__((...))` vanishes (ufos cc ignores gcc's attributes), except the two
        that change a layout, and those it cannot ignore (UNSUPPORTED_ATTRIBUTES: an error). `packed` becomes PACKED_MARK for the parser (parse.py), which gives it
        to the struct or member it follows (check.py packs them); `aligned(n)` becomes
        ALIGNED_MARK(n), which the parser reads as `_Alignas(n)` of what the attribute is on."""
        if macro.name != "__attribute__":
            return super().macro_expand_args(macro, args)
        toks = [tok for arg in args for tok in arg]       # `(a, b(x), c)`, the one argument
        out = []
        depth = 0                       # 1 among the attributes' names, more in their arguments
        for i, tok in enumerate(toks):
            depth += {"(": 1, ")": -1}.get(tok.value, 0)
            if tok.type != self.t_ID:
                continue
            name = tok.value.removeprefix("__").removesuffix("__")
            if name in UNSUPPORTED_ATTRIBUTES and depth == 1:
                raise CompileError(self._loc(tok.source, tok.lineno), f"ufos cc does not support "
                                   f"__attribute__(({name})): {UNSUPPORTED_ATTRIBUTES[name]}")
            if tok.value in ("packed", "__packed__"):
                out += [self.mark(tok, " ", "CPP_WS"), self.mark(tok, PACKED_MARK)]
            elif tok.value in ("aligned", "__aligned__"):
                operand = self.parenthesized(toks, i + 1)
                if not operand:         # gcc: the most any type needs
                    operand = [self.mark(tok, "(", "CPP_LPAREN"), self.mark(tok, str(BIGGEST_ALIGNMENT), self.t_INTEGER),
                               self.mark(tok, ")", "CPP_RPAREN")]
                out += [self.mark(tok, " ", "CPP_WS"), self.mark(tok, ALIGNED_MARK), *operand]
        return out

    @staticmethod
    def mark(tok, value, kind=None):
        """A copy of tok (its place in the file) that reads value (a token of kind, if given:
        the spaces between marks keep two of them from running together in the text)."""
        mark = copy.copy(tok)
        mark.value = value
        mark.type = kind or tok.type
        return mark

    def parenthesized(self, toks, i) -> list:
        """The tokens of the parenthesized group that starts at toks[i] (whitespace aside),
        parentheses included; [] if none starts there."""
        while i < len(toks) and toks[i].type in self.t_WS:
            i += 1
        if i == len(toks) or toks[i].value != "(":
            return []
        depth = 0
        for j in range(i, len(toks)):
            depth += {"(": 1, ")": -1}.get(toks[j].value, 0)
            if depth == 0:
                return toks[i:j + 1]
        return toks[i:]

    def evalexpr(self, tokens):
        """An #if expression, where `defined` may also come out of a macro (`#define HAS_X
        defined(X)`, as gcc allows): expanding with `defined` itself a macro that pastes its
        operand onto a marker keeps X from being expanded, and each marker then becomes 1 or 0."""
        tokens = self.replace_bare_defined(tokens)
        tokens = self.replace_probes(tokens)     # before expansion: __has_include's <a/b.h>
        self.define(f"defined(x) {DEFINED_MARK} ## x")
        try:
            tokens = self.replace_probes(self.expand_macros(tokens))    # and those macros made
        finally:
            self.undef("defined")
        for tok in tokens:
            if tok.type == self.t_ID and tok.value.startswith(DEFINED_MARK):
                tok.type, tok.value = self.t_INTEGER, self.t_INTEGER_TYPE(
                    "1L" if tok.value[len(DEFINED_MARK):] in self.macros else "0L")
        return super().evalexpr(self.join_integer_suffixes(tokens))

    def join_integer_suffixes(self, tokens):
        """pcpp's lexer knows the suffixes u, l, ul and lu but not ll: it splits `5ULL` into the
        integer `5UL` and the identifier `L` (and `5LLU` into `5L` and `LU`), which its #if
        evaluator then cannot parse. The C parser sees the text put back together; #if needs the
        tokens joined again (the evaluator reads any mix of u and l at an integer's end)."""
        out = []
        for tok in tokens:
            if (out and out[-1].type == self.t_INTEGER and tok.type == self.t_ID
                    and INTEGER_SUFFIX.fullmatch(str(out[-1].value) + tok.value)):
                joined = copy.copy(out[-1])
                joined.value = self.t_INTEGER_TYPE(str(out[-1].value) + tok.value)
                out[-1] = joined
            else:
                out.append(tok)
        return out

    def replace_probes(self, tokens):
        """`__has_include(<x.h>)`, `__has_builtin(name)` and the like (PROBES) -> 1 or 0."""
        out, i = [], 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.type != self.t_ID or tok.value not in PROBES or self.after_defined(out):
                out.append(tok)
                i += 1
                continue
            words, i = self.probe_argument(tokens, i + 1)
            tok = copy.copy(tok)
            tok.type, tok.value = self.t_INTEGER, self.t_INTEGER_TYPE("1L" if self.probe(tok.value, words) else "0L")
            out.append(tok)
        return out

    def after_defined(self, tokens) -> bool:
        """Do tokens end in `defined (`? (`defined(__has_include)` asks about the probe itself.)"""
        words = [tok.value for tok in tokens[-4:] if tok.type not in self.t_WS]
        return words[-2:] == ["defined", "("]

    def probe_argument(self, tokens, i):
        """The text inside the parentheses of a probe starting at tokens[i], and where it ends."""
        while i < len(tokens) and tokens[i].type in self.t_WS:
            i += 1
        if i >= len(tokens) or tokens[i].value != "(":
            raise CompileError(self._loc(tokens[i - 1].source, tokens[i - 1].lineno),
                               f"missing '(' after {tokens[i - 1].value}")
        j = i + 1
        while j < len(tokens) and tokens[j].value != ")":
            j += 1
        return "".join(tok.value for tok in tokens[i + 1:j]).strip(), j + 1

    def probe(self, name: str, arg: str) -> bool:
        if name == "__has_include":
            return self.header_exists(arg)
        if name == "__has_builtin":
            return is_builtin(arg) or arg == "__builtin_offsetof"
        if name == "__has_attribute":
            return arg.removeprefix("__").removesuffix("__") in ATTRIBUTES
        return arg in FEATURES

    def header_exists(self, spelled: str) -> bool:
        """Would `#include spelled` (<x.h> or "x.h") find a file? As pcpp's include looks: "x.h"
        beside the including files first, then on the include path."""
        quoted = spelled.startswith('"')
        dirs = (self.temp_path if quoted else []) + self.path
        return any(os.path.isfile(os.path.join(d, spelled[1:-1])) for d in dirs)

    def replace_bare_defined(self, tokens):
        """`defined X` (without parentheses) -> `defined(X)`, which the macro above handles."""
        out, i = [], 0
        while i < len(tokens):
            tok = tokens[i]
            j = i + 1
            while j < len(tokens) and tokens[j].type in self.t_WS:
                j += 1
            if tok.type == self.t_ID and tok.value == "defined" and j < len(tokens) and tokens[j].type == self.t_ID:
                out += [tok] + self.tokenize(f"({tokens[j].value})")
                i = j + 1
                continue
            out.append(tok)
            i += 1
        return out

    def group_lines(self, input, abssource):
        """pcpp's lines of a file, renumbered after each #line (pcpp reads them one at a time,
        so a #line seen now shifts every line yielded after it)."""
        shift = [0]
        self.line_shifts.append(shift)
        try:
            for line in super().group_lines(input, abssource):
                if shift[0]:
                    for tok in line:
                        tok.lineno += shift[0]
                yield line
        finally:
            self.line_shifts.pop()

    def renumber(self, directive, words) -> None:
        """`#line N ["file"]`: the next line is line N (of "file"), for __LINE__ and __FILE__ as
        for the places pycparser gives (the directive is passed on to it too)."""
        if not words or not words[0].value.isdigit():
            raise CompileError(self._loc(directive.source, directive.lineno),
                               "#line directive requires a positive integer argument")
        self.line_shifts[-1][0] += int(words[0].value) - (directive.lineno + 1)
        if len(words) > 1 and words[1].type == self.t_STRING:
            self.define(f"__FILE__ {words[1].value}")

    def on_comment(self, tok):
        return None      # comments become whitespace


def predefined() -> dict:
    """The predefined macros of the ABI being compiled for (types.set_abi), as CHERI Clang's:
    __CHERI__ in both, __CHERI_PURE_CAPABILITY__ only in purecap, where a pointer is 16 bytes."""
    if hybrid():
        return PREDEFINED | {"__SIZEOF_POINTER__": "8", "__INTPTR_TYPE__": "long",
                             "__UINTPTR_TYPE__": "unsigned long"}
    return PREDEFINED | {"__CHERI_PURE_CAPABILITY__": "1", "__SIZEOF_POINTER__": "16",
                         "__INTPTR_TYPE__": "__intcap_t", "__UINTPTR_TYPE__": "__uintcap_t"}


def preprocess(source: str, filename: str = "<stdin>", include_dirs=(), defines=None, undefines=()) -> str:
    """The preprocessed text of `source`, with #line markers naming the original files."""
    return preprocess_with_files(source, filename, include_dirs, defines, undefines)[0]


def preprocess_with_files(source: str, filename: str = "<stdin>", include_dirs=(), defines=None,
                          undefines=()) -> tuple[str, list[str]]:
    """(the preprocessed text, the files it #included): -D definitions come after the predefined
    macros and -U removals after both, as in gcc."""
    SOURCES.add(filename, source)
    p = _Preprocessor()
    for name, value in predefined().items():
        p.define(f"{name} {value}")
    for name in PROBES:                  # defined, for `#ifdef __has_include` (see replace_probes)
        p.define(f"{name} {name}")
    for name, value in (defines or {}).items():
        p.define(f"{name} {'1' if value is None else value}")
    for name in undefines:
        p.undef(name)
    for d in include_dirs:
        p.add_path(str(d))
    if DEFAULT_INCLUDE.is_dir():
        p.add_path(str(DEFAULT_INCLUDE))
    if not source.endswith("\n"):
        source += "\n"
    p.parse(source, filename)
    out = io.StringIO()
    try:
        p.write(out)
    except CompileError:
        raise
    except Exception as e:       # pcpp's own failures (malformed input it cannot recover from)
        raise CompileError(Loc(filename, 0, 0), f"preprocessor: {e}") from None
    if p.return_code:
        raise CompileError(Loc(filename, 0, 0), "preprocessing failed")
    return out.getvalue(), p.files_read
