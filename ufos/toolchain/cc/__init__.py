"""The ufos C compiler: C source -> assembly for ufos.toolchain.asm.

    asm_text = compile_c(source, "hello.c", include_dirs=["inc"], defines={"DEBUG": "1"})

The pipeline, one module per stage (read them in this order):
    preprocess.py   pcpp: macros, #include, #if; #line markers keep the original places
    parse.py        pycparser: the syntax tree
    check.py        scopes, declarations, statements; expr.py types expressions (types.py has
                    the C types, initializer.py the initializers, constexpr.py folding)
    inline.py       calls to small functions of the same file replaced by their bodies
    codegen.py      statements and functions; gen_expr.py expressions, gen_memory.py addresses,
                    loads, stores and copies, gen_call.py calls; regalloc.py where locals live;
                    regs.py the register stack; data.py globals; builtins.py the built-ins;
                    peephole.py cleans up each function's instructions
Every mistake in the program is reported as a CompileError: `file:line:col: error: message`,
the source line and a caret.
"""
from __future__ import annotations

from ufos.toolchain.cc.errors import CompileError, Loc, reset_sources

__all__ = ["compile_c", "preprocess_c", "CompileError"]


ABIS = ("purecap", "hybrid")     # docs/abi.md: every pointer a capability, or only `* __capability` ones


def preprocess_c(source: str, filename: str = "<stdin>", include_dirs=(), defines=None,
                 undefines=(), abi: str = "purecap") -> tuple[str, list[str]]:
    """Only the preprocessor (`ufos cc -E`, `-M`): (the text, the files it #included)."""
    from ufos.toolchain.cc.preprocess import preprocess_with_files
    from ufos.toolchain.cc.types import set_abi

    reset_sources()
    set_abi(abi)
    return preprocess_with_files(source, filename, include_dirs, defines, undefines)


def compile_c(source: str, filename: str = "<stdin>", include_dirs=(), defines=None, undefines=(),
              files_read: list | None = None, abi: str = "purecap", inline: bool = True) -> str:
    """Compile one C translation unit for `abi` (ABIS); returns assembly text. The files it
    #includes are appended to `files_read`, if given (for `ufos cc -MD`). `inline=False` keeps
    every call a call (the tests compare the two)."""
    from ufos.toolchain.cc.check import check
    from ufos.toolchain.cc.codegen import generate
    from ufos.toolchain.cc.inline import inline_calls
    from ufos.toolchain.cc.parse import parse
    from ufos.toolchain.cc.preprocess import preprocess_with_files
    from ufos.toolchain.cc.types import set_abi

    reset_sources()
    set_abi(abi)
    try:
        text, included = preprocess_with_files(source, filename, include_dirs, defines, undefines)
        if files_read is not None:
            files_read.extend(included)
        ast = parse(text, filename)
        program = check(ast, filename)
        if inline:
            inline_calls(program)
        return generate(program)
    except CompileError:
        raise
    except RecursionError:
        raise CompileError(Loc(filename, 0, 0), "the program nests too deeply") from None
