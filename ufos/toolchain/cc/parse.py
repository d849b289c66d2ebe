"""Stage 2, the parser: preprocessed text -> pycparser's syntax tree (c_ast).

pycparser does the parsing. This module adds the prelude of names the compiler itself provides
(the typedefs pycparser must know to be types) and turns pycparser's terse errors
("file:3:7: before: }") into CompileErrors that point at the token and quote the line.
"""
from __future__ import annotations

import re

from pycparser import c_ast, c_parser

from ufos.toolchain.cc.errors import MAX_ERRORS, CompileError, CompileErrors, Loc
from ufos.toolchain.cc.preprocess import ALIGNED_MARK, PACKED_MARK

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

# pycparser knows no `__capability`; it parses as the qualifier `_Atomic` (which ufos C has no
# other use for), padded so that every column after it on the line stays where it was.
_CAPABILITY = re.compile(r"\b__capability\b")
CAPABILITY_QUALIFIER = "_Atomic"

_ERROR = re.compile(r"^(?P<file>.*?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<msg>.*)$", re.S)
_MESSAGES = [   # pycparser's wording -> ours
    (re.compile(r"^before: (.*)$"), lambda m: f"syntax error before '{m.group(1)}'"),
    (re.compile(r"^At end of input$"), lambda m: "unexpected end of input"),
    (re.compile(r"^Invalid expression$"), lambda m: "expected an expression"),
]


class IndexRange(c_ast.Node):
    """The `first ... last` of a GNU range: a designator's `[first ... last] =` or a case label's
    `case first ... last:` (see _Parser)."""
    __slots__ = ("first", "last", "coord", "__weakref__")
    attr_names = ()

    def __init__(self, first, last, coord=None):
        self.first, self.last, self.coord = first, last, coord

    def children(self):
        return (("first", self.first), ("last", self.last))

    def __iter__(self):
        yield self.first
        yield self.last


class _Parser(c_parser.CParser):
    """pycparser's parser, but errors carry the coordinates of the token where parsing stopped."""

    # typeof and typeof_unqual are keywords only in pycparser's C23 dialect, which would also take
    # `bool`, `true` and `static_assert` from C11 programs that define them: these alone join its
    # C11 keywords, with gcc's spellings of typeof (container_of and min/max macros use them).
    TYPEOF_KEYWORDS = {"typeof": "TYPEOF", "__typeof__": "TYPEOF", "__typeof": "TYPEOF",
                       "typeof_unqual": "TYPEOF_UNQUAL"}

    def __init__(self):
        super().__init__()
        self.clex._keyword_map.update(self.TYPEOF_KEYWORDS)
        self.read_token = self.clex.token
        self.clex.token = self.token_without_packed
        self.packed_after: dict[int, object] = {}    # id(token) -> the PACKED_MARK right after it
        self.packed_taken: set[int] = set()          # id()s of the PACKED_MARKs something took
        self.tag_packed: set[int] = set()            # id()s of those a struct, union or enum took
        self.attribute_alignas: set[int] = set()     # id()s of the _Alignas an ALIGNED_MARK became
        # id(declarator) -> (it, its trailing _Alignas): holding it keeps its id from being reused
        self.declarator_alignas: dict[int, tuple] = {}
        self.declarator_packed: dict[int, tuple] = {}   # id(declarator) -> (it, its PACKED_MARK)
        self.attribute_specs: dict[int, object] = {}    # id() -> an Alignas an aligned attribute made
        self.last_token = None

    def token_without_packed(self):
        """The lexer's next token, PACKED_MARKs (__attribute__((packed)), see preprocess.py)
        left out and remembered by the token before them, for _parse_struct_or_union_specifier.
        An ALIGNED_MARK (__attribute__((aligned(n)))) becomes an _Alignas(n): where gcc's
        attribute stands before the declarators, that is what it means; where _Alignas cannot
        stand (after a declarator or a struct's `}`), the overrides below take it."""
        tok = self.read_token()
        while tok is not None and tok.type == "ID" and tok.value == PACKED_MARK:
            self.packed_after[id(self.last_token)] = tok
            tok = self.read_token()
        if tok is not None and tok.type == "ID" and tok.value == ALIGNED_MARK:
            tok.type, tok.value = "_ALIGNAS", "__attribute__((aligned))"    # (as errors name it)
            self.attribute_alignas.add(id(tok))
        self.last_token = tok
        return tok

    def _attributes_here(self) -> tuple[list, object]:
        """The layout attributes at this point of the input (after a declarator, a struct's
        keyword or its closing brace): the Alignas nodes of its __attribute__((aligned(n)))s,
        and the PACKED_MARK of an __attribute__((packed)) among them (taken), or None."""
        specs, ends = [], [self._last_consumed()]       # the tokens a PACKED_MARK may follow
        while (tok := self._peek()) is not None and id(tok) in self.attribute_alignas:
            specs.append(self._parse_alignment_specifier())
            ends.append(self._last_consumed())
        self._peek()                    # reads on past a PACKED_MARK after them
        return specs, self._packed_after(ends)

    def _packed_after(self, tokens) -> object:
        """The first PACKED_MARK that follows one of tokens (taken), or None."""
        mark = next((self.packed_after[id(t)] for t in tokens if t is not None and id(t) in self.packed_after), None)
        if mark is not None:            # (kept, not popped: the parser may backtrack and reparse)
            self.packed_taken.add(id(mark))
        return mark

    def _parse_specifiers(self, *, allow_storage_and_function):
        """pycparser's, plus gcc's packed among a member's specifiers (`__attribute__((packed))
        int x;`, `int __attribute__((packed)) x, y;`): spec["packed"], which packs each of its
        declarators (_build_declarations). A struct among them keeps its own (tag_packed)."""
        start = self._tokens.mark()
        spec, saw_type, first_coord = super()._parse_specifiers(allow_storage_and_function=allow_storage_and_function)
        if spec is not None:
            before = [self._tokens._buffer[start - 1]] if start else []     # (`{ __attribute__((packed)) int x;`)
            tokens = before + self._outside_braces(self._tokens._buffer[start:self._tokens.mark()])
            mark = self._packed_after(t for t in tokens if id(self.packed_after.get(id(t))) not in self.tag_packed)
            if mark is not None:
                spec["packed"] = mark
        return spec, saw_type, first_coord

    def _parse_alignment_specifier(self):
        """pycparser's, remembering which Alignas nodes an aligned attribute made (a typedef may
        have those, not a C11 _Alignas)."""
        from_attribute = id(self._peek()) in self.attribute_alignas
        spec = super()._parse_alignment_specifier()
        if from_attribute:
            self.attribute_specs[id(spec)] = spec       # (held, so that its id is not reused)
        return spec

    @staticmethod
    def _outside_braces(tokens: list) -> list:
        """tokens, less those of a struct's or enum's body (whose own declarations took their
        attributes), and the `}` (whose are the struct's)."""
        out, depth = [], 0
        for tok in tokens:
            depth += {"LBRACE": 1, "RBRACE": -1}.get(tok.type, 0)
            if depth == 0 and tok.type != "RBRACE":
                out.append(tok)
        return out

    def _parse_declarator_kind(self, kind, allow_paren):
        """pycparser's, plus gcc's `int x __attribute__((aligned(n)))` (a variable, a member or
        a parameter): the declarator's own _Alignas, kept for _build_declarations; and `int x
        __attribute__((packed))`, which packs a member (check.py; on anything else gcc ignores it)."""
        decl = super()._parse_declarator_kind(kind, allow_paren)
        self._declarator_attributes(decl)
        return decl

    def _parse_struct_declarator(self):
        """pycparser's, plus gcc's attributes after a bit-field's width (`long y : 40
        __attribute__((packed))`), which are the bit-field's as after a declarator."""
        info = super()._parse_struct_declarator()
        if "bitsize" in info:
            self._declarator_attributes(info["decl"])
        return info

    def _declarator_attributes(self, decl) -> None:
        """Keep the layout attributes after decl for _build_declarations."""
        specs, mark = self._attributes_here()
        if specs:
            self.declarator_alignas[id(decl)] = (decl, specs)
        if mark is not None:            # `int x __attribute__((packed))`: a member packed alone
            self.declarator_packed[id(decl)] = (decl, mark)

    def _last_consumed(self):
        return self._tokens._buffer[self._tokens._index - 1] if self._tokens._index else None

    def _build_declarations(self, spec, decls, typedef_namespace=False):
        """pycparser's, where each declarator may bring _Alignas of its own (gcc's trailing
        aligned attribute), added to those of the declaration's specifiers. A typedef's aligned
        attributes become its gnu::aligned (check.py gives the type that alignment, as gcc
        does); a C11 _Alignas is an error there (6.7.5)."""
        aligns = [self.declarator_alignas.get(id(info["decl"]), (None, []))[1] for info in decls]
        packs = [self.declarator_packed.get(id(info["decl"]), (None, spec.get("packed")))[1] for info in decls]
        declarations = super()._build_declarations(spec, decls, typedef_namespace)
        for declaration, align, mark in zip(declarations, aligns, packs):
            if mark is not None and isinstance(declaration, c_ast.Decl):
                packed = c_ast.Attribute("packed", "gnu", None, self._tok_coord(mark))
                self._add_attribute(declaration, packed)
            if isinstance(declaration, c_ast.Typedef):
                self._align_typedef(declaration, align + spec["alignment"])     # (gcc's order)
            elif align:
                declaration.align = (declaration.align or []) + align
        return declarations

    def _build_type_name(self, spec, decl, coord) -> c_ast.Typename:
        """pycparser's, which drops an alignment: gcc's aligned attribute in a type name
        (`_Alignof(int __attribute__((aligned(8))))`) aligns the type as a typedef's does."""
        typename = super()._build_type_name(spec, decl, coord)
        self._align_typedef(typename, spec["alignment"])
        return typename

    def _align_typedef(self, typedef, specs: list) -> None:
        """The aligned attributes of a Typedef or Typename become its gnu::aligned (check.py)."""
        for spec in specs:
            if id(spec) not in self.attribute_specs:
                what = f"typedef '{typedef.name}'" if typedef.name else "a type name"
                raise CompileError(_loc(spec.coord or typedef.coord), f"'_Alignas' given to {what}: "
                                   "C11 allows it only on objects and members (gcc's aligned attribute aligns a type)")
            self._add_attribute(typedef, c_ast.Attribute("aligned", "gnu", [spec.alignment], spec.coord))

    @staticmethod
    def _add_attribute(node, attribute: c_ast.Attribute) -> None:
        node.attributes = (node.attributes or []) + [c_ast.AttributeSpecifier([attribute], attribute.coord)]

    def _parse_attribute_specifier_sequence(self) -> list:
        """pycparser's C23 `[[...]]`s, plus, right after `struct`, `union` or `enum`, gcc's layout
        attributes (`struct __attribute__((packed, aligned(4))) s {...}`), as after its closing
        brace (_parse_struct_or_union_specifier, _parse_enum_specifier)."""
        groups = super()._parse_attribute_specifier_sequence()
        if (keyword := self._last_consumed()) is not None and keyword.type in ("STRUCT", "UNION", "ENUM"):
            groups += self._tag_attributes()
        return groups

    def _tag_attributes(self) -> list:
        """gcc's `struct __attribute__((packed)) s {...}`, `struct s {...} __attribute__((packed))`
        and the like with aligned(n), or an enum's: as C23's `[[gnu::packed]]` and
        `[[gnu::aligned(n)]]` would give them to the type (check.py packs a struct, and raises its
        alignment, and so its size; a packed enum is as small as its values allow)."""
        specs, mark = self._attributes_here()
        attributes = [c_ast.Attribute("aligned", "gnu", [spec.alignment], spec.coord) for spec in specs]
        if mark is not None:
            self.tag_packed.add(id(mark))
            attributes.append(c_ast.Attribute("packed", "gnu", None, self._tok_coord(mark)))
        return [c_ast.AttributeSpecifier(attributes, attributes[0].coord)] if attributes else []

    def _parse_struct_or_union_specifier(self) -> c_ast.Node:
        """pycparser's, plus gcc's layout attributes after the closing brace (those after the
        keyword come with the C23 ones: _parse_attribute_specifier_sequence)."""
        node = super()._parse_struct_or_union_specifier()
        if node.decls is not None:
            node.attributes = (node.attributes or []) + self._tag_attributes()
        return node

    def _parse_enum_specifier(self) -> c_ast.Node:
        """pycparser's, plus gcc's layout attributes after the closing brace, as a struct's."""
        node = super()._parse_enum_specifier()
        if node.values is not None:
            node.attributes = (node.attributes or []) + self._tag_attributes()
        return node

    def parse(self, text, filename="", debug=False):
        """pycparser's, but a packed attribute nothing took (`int *__attribute__((packed)) p;`) is
        an error: ufos cc cannot tell what gcc would pack."""
        ast = super().parse(text, filename, debug)
        stray = [mark for mark in self.packed_after.values() if id(mark) not in self.packed_taken]
        if stray:
            raise CompileError(_loc(self._tok_coord(stray[0])), "ufos cc takes __attribute__((packed)) on a struct, "
                               "union or enum (after the keyword or the closing brace) or on a member (among its "
                               "specifiers or after its declarator), not here")
        return ast

    def _parse_error(self, msg, coord):
        if isinstance(coord, c_parser.Coord) and coord.line:
            raise CompileError(_loc(coord), _message(msg))
        tok = self._current_token()
        if tok is not None:
            raise CompileError(Loc(tok.filename, tok.lineno, tok.column), _message(msg))
        raise CompileError(Loc(self.clex.filename or "<stdin>", self.clex.lineno or 0, 0), _message(msg))

    def _parse_designator(self) -> c_ast.Node:
        """pycparser's, plus GNU's range designator `[first ... last]` (gcc and clang accept it;
        lookup tables fill runs with it): an ArrayDesignator whose expr is an IndexRange."""
        if tok := self._accept("LBRACKET"):
            first = self._parse_constant_expression()
            if self._accept("ELLIPSIS"):
                index = IndexRange(first, self._parse_constant_expression(), self._tok_coord(tok))
            else:
                index = first
            self._expect("RBRACKET")
            return c_ast.ArrayDesignator(index, self._tok_coord(tok))
        return super()._parse_designator()

    def _parse_labeled_statement(self) -> c_ast.Node:
        """pycparser's, plus GNU's case range `case 'a' ... 'z':` (gcc and clang accept it): a
        Case whose expr is an IndexRange."""
        if self._peek_type() != "CASE":
            return super()._parse_labeled_statement()
        case_tok = self._advance()
        first = self._parse_constant_expression()
        if self._accept("ELLIPSIS"):
            expr = IndexRange(first, self._parse_constant_expression(), self._tok_coord(case_tok))
        else:
            expr = first
        self._expect("COLON")
        if self._starts_statement():
            stmt = self._parse_pragmacomp_or_statement()
        else:
            stmt = c_ast.EmptyStatement(self._tok_coord(case_tok))
        return c_ast.Case(expr, [stmt], self._tok_coord(case_tok))

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
    """Parse preprocessed text (whose #line markers name the original files). After a syntax
    error the statement or declaration it is in is blanked out and parsing starts again, so that
    every syntax error of the file is reported (CompileErrors, up to MAX_ERRORS), as gcc does."""
    text = _CAPABILITY.sub(CAPABILITY_QUALIFIER.ljust(len("__capability")), text)
    full = f'#line 1 "{PRELUDE_FILE}"\n{PRELUDE}#line 1 "{filename}"\n{text}'
    errors: list[CompileError] = []
    while True:
        try:
            ast = _parse_once(full, filename)
        except CompileError as e:
            errors.append(e)
            span = _statement_around(full, e.loc) if len(errors) < MAX_ERRORS else None
            blanked = _blank(full, *span) if span is not None else full
            if blanked == full:             # at the end, or no progress: stop here
                raise CompileErrors(errors, stopped=len(errors) >= MAX_ERRORS) from None
            full = blanked
            continue
        if errors:
            raise CompileErrors(errors)
        return ast


def _parse_once(full: str, filename: str) -> c_ast.FileAST:
    try:
        return _Parser().parse(full, filename)
    except c_parser.ParseError as e:        # a path that did not go through _parse_error
        m = _ERROR.match(str(e))
        if m:
            raise CompileError(Loc(m["file"], int(m["line"]), int(m["col"] or 0)), _message(m["msg"])) from None
        raise CompileError(Loc(filename, 0, 0), str(e)) from None
    except RecursionError:
        raise CompileError(Loc(filename, 0, 0), "the program nests too deeply to parse") from None


# --- recovering from a syntax error ------------------------------------------------------------
_LINE_MARKER = re.compile(r'[ \t]*#[ \t]*(?:line[ \t]+)?(\d+)(?:[ \t]+"([^"]*)")?')
_SKIPPED = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|^[ \t]*#[^\n]*', re.M)


def _offset_of(full: str, loc: Loc) -> int | None:
    """Where in the preprocessed text the place loc (in an original file) is, by the markers."""
    file, line, offset = None, 0, 0
    for physical in full.split("\n"):
        m = _LINE_MARKER.fullmatch(physical)
        if m:
            line, file = int(m[1]), m[2] or file
        else:
            if file == loc.file and line == loc.line:
                return offset + max(loc.col - 1, 0)
            line += 1
        offset += len(physical) + 1
    return None


def _statement_around(full: str, loc: Loc) -> tuple[int, int] | None:
    """The span of the statement or declaration holding the place of an error: from after the
    `;`, `{` or `}` before it (outside parentheses) to the `;` that ends it, or up to the brace
    that ends it. None if there is nothing left to blank (the error is at the end of the input)."""
    at = _offset_of(full, loc) if loc is not None else None
    if at is None or at >= len(full.rstrip()):
        return None
    start, depth = 0, 0
    for m in re.finditer(r"[;{}()\[\]]|" + _SKIPPED.pattern, full, re.M):
        c = m.group()
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(depth - 1, 0)
        elif c in ";{}" and (depth == 0 or c != ";"):
            depth = 0 if c != ";" else depth
            if m.start() >= at:
                end = m.end() if c == ";" else m.start()
                return (start, end) if end > start else (m.start(), m.end())
            start = m.end()
    return (start, len(full))


def _blank(full: str, start: int, end: int) -> str:
    """full with [start, end) made spaces (newlines kept, so every place stays where it was)."""
    return full[:start] + re.sub(r"[^\n]", " ", full[start:end]) + full[end:]
