"""Check that every ufos header, all included together, and every libc source file preprocess
with pcpp and parse with pycparser (plain C11, no GCC extensions) - what the ufos C compiler's
front end does. Uses the compiler's own preprocessor and parser when they are importable.

    python userland/libc/hosttest/check_parse.py [-v]   (from the repository root, with ufos installed)
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIBC = HERE.parent
INCLUDE = LIBC.parent / "include"

# The names the compiler predefines for pycparser (ufos/toolchain/cc/parse.py PRELUDE), in case
# the compiler's modules cannot be imported.
FALLBACK_PRELUDE = """\
typedef char *__builtin_va_list;
typedef long __intcap_t;
typedef unsigned long __uintcap_t;
"""


def preprocess(text: str, filename: str, include_dirs) -> str:
    try:
        from ufos.toolchain.cc.preprocess import preprocess as cc_preprocess
        return cc_preprocess(text, filename, include_dirs=[str(d) for d in include_dirs])
    except ImportError:
        pass
    import pcpp
    p = pcpp.Preprocessor()
    p.line_directive = "#line"
    for name, value in {"__ufos__": "1", "__CHERI_PURE_CAPABILITY__": "1",
                        "__STDC_VERSION__": "201112L"}.items():
        p.define(f"{name} {value}")
    for d in include_dirs:
        p.add_path(str(d))
    p.parse(text, filename)
    out = io.StringIO()
    p.write(out)
    if p.return_code:
        raise SystemExit(f"{filename}: preprocessing failed")
    return out.getvalue()


def parse(text: str, filename: str):
    try:
        from ufos.toolchain.cc.parse import parse as cc_parse
        return cc_parse(text, filename)
    except ImportError:
        import pycparser
        return pycparser.CParser().parse(FALLBACK_PRELUDE + text, filename)


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    headers = sorted(str(p.relative_to(INCLUDE)) for p in INCLUDE.rglob("*.h"))
    failures = 0
    # All headers together, twice (include guards), then each header alone.
    units = [("<all headers>", "".join(f"#include <{h}>\n" for h in headers * 2))]
    units += [(f"<{h}>", f"#include <{h}>\nint __ufos_check;\n") for h in headers]
    units += [(str(p.relative_to(LIBC.parent.parent)), p.read_text())
              for p in sorted(LIBC.glob("*.c"))]
    for name, text in units:
        try:
            ast = parse(preprocess(text, name, [INCLUDE, LIBC]), name)
            if verbose:
                print(f"ok    {name}  ({len(ast.ext)} top-level declarations)")
        except Exception as e:          # noqa: BLE001 - report every failure, keep going
            failures += 1
            print(f"FAIL  {name}: {e}")
    print(f"{len(units) - failures}/{len(units)} parsed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
