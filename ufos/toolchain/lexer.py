"""A pygments lexer for ufos assembly (and the instruction text in `ufos objdump` listings).

Its word lists come from the instruction set (isa.py) and the assembler's tables, so it knows
every mnemonic, alias, directive, register and named operand. Use it with pygments:
    pygments.highlight(text, UfosAsmLexer(), TerminalFormatter())
"""
from __future__ import annotations

from pygments.lexer import RegexLexer, include, words
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String, Text,
                            Whitespace)

from ufos.machine import isa
from ufos.machine.syntax import CONDITION_NUMBERS, REGISTERS
from ufos.toolchain.asm import ALIASES, DIRECTIVES, GLUED

MNEMONICS = sorted({i.mnemonic for i in isa.INSTRUCTIONS if i.mnemonic not in GLUED}
                   | {alias[0] for alias in ALIASES}
                   | {g + cond for g in GLUED for cond in CONDITION_NUMBERS})
OPERAND_NAMES = sorted(set(CONDITION_NUMBERS) | {name for name, *_ in isa.SYSREGS.values()}
                       | set(isa.SEAL_FORMS.values()) | {"lsl"})


class UfosAsmLexer(RegexLexer):
    name = "ufos-asm"
    aliases = ["ufos-asm", "ufosasm"]
    filenames = ["*.s"]

    _end = r"(?![\w.])"
    tokens = {
        "comments": [
            (r"/\*[\s\S]*?\*/", Comment.Multiline),
            (r"(//|;).*?$", Comment.Single),
        ],
        "root": [   # the start of a statement: labels, then a directive or a mnemonic
            (r"\n", Whitespace),
            (r"[ \t\r]+", Whitespace),
            include("comments"),
            (r"[A-Za-z_.][\w.]*(?=:)", Name.Label),
            (r":", Punctuation),
            (words(DIRECTIVES, suffix=_end), Keyword.Pseudo, "operands"),
            (words(MNEMONICS, suffix=_end), Keyword, "operands"),
            (r"[A-Za-z_.][\w.]*", Name, "operands"),   # not a known instruction
            (r".", Text),
        ],
        "operands": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t\r]+", Whitespace),
            include("comments"),
            (r'"(\\.|[^"\\\n])*"', String),
            (r"'(\\.|[^'\\\n])+'", String.Char),
            (r"<<|>>", Operator),
            (r"<[^>\n]*>", Name.Label),                     # objdump's <symbol+offset>
            (r":[A-Za-z]\w*:", Operator.Word),               # :lo12:
            (words(sorted(REGISTERS), prefix=r"(?<![\w.])", suffix=_end), Name.Builtin),
            (words(OPERAND_NAMES, prefix=r"(?<![\w.])", suffix=_end), Name.Constant),
            (r"0[xX][0-9a-fA-F]+", Number.Hex),
            (r"0[bB][01]+", Number.Bin),
            (r"\d+", Number.Integer),
            (r"[A-Za-z_.][\w.]*", Name),                    # a symbol, or . (here)
            (r"[-+*/%&|^~()]", Operator),
            (r"[#\[\],{}@]", Punctuation),
            (r".", Text),
        ],
    }
