"""`ufos cc`: compile, assemble and link C programs for the ufos machine, like a small gcc.

    ufos cc FILE... [-o OUT] [-c | -S | -E] [-I DIR] [-D NAME[=VALUE]] [-U NAME] [-std=STD]
                    [-lLIB] [-M | -MM | -MD | -MMD] [-MF FILE] [-MT TARGET] [-MP] [-nostdlib] [--base ADDR]
                    [-mabi=purecap | -mabi=hybrid]

Each FILE is C (.c: preprocessed and compiled to assembly, then assembled), assembly (.s:
assembled) or an object (.o: read). Without -c or -S the objects are linked, after crt0 and with
libc (userland/libc, built once and cached: libc.py) unless -nostdlib, into an ELF executable
(ld.py; default a.out) that `ufos run` runs. -c writes FILE.o for each source and -S writes FILE.s
for each .c file, in the current directory (or to -o, for one file). userland/include is always on
the include path, after the -I directories. Errors go to stderr as `file:line:col: error: ...`, and
the status is 1.

-mabi picks the ABI (docs/abi.md): purecap (the default: every pointer a capability) or hybrid
(CHERI Clang's hybrid C: plain pointers are 8-byte addresses checked against DDC, `T * __capability`
pointers are capabilities; the code runs in the machine's A64 state). A program is linked with the
libc built for its ABI (the hybrid one is built the first time it is needed).

`ufos cc APP.toml -o APP` builds the program a description file describes: its compartments,
their sources and entries, how they share data (compartments.py, docs/compartments.md).

The flags build scripts pass are accepted as gcc's: -w, -W..., -O0..3, -g, -pedantic and a few
-f flags change nothing here (there is one code generator and no warnings); -std=c89/c99/c11/...
sets __STDC_VERSION__; -lc, -lm, -lrt and -lpthread name parts of the one libc; -E writes the
preprocessed text, -M/-MM a make rule naming the headers, -MD/-MMD that rule beside the object.
Any other flag is an error that names it.

From Python (the tests use these):

    image = build_executable(["main.c", "util.s"])                 # paths
    image = build_executable(["int main(void) { return 3; }"])     # C source text
    image = build_executable(["main.c"], abi="hybrid")             # -mabi=hybrid
    image = build_executable([Source("lib.c", text), "main.c"])    # named text
    result = run_c("int main(void) { return 3; }", argv=["prog"], stdin=b"")   # a RunResult
"""
from __future__ import annotations

import argparse
import os
import re
import struct
import sys
import traceback
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Union

from ufos.toolchain.asm import AsmError, assemble
from ufos.toolchain.compartments import DescriptionError
from ufos.toolchain.compartments import build as build_described
from ufos.abi import ElfError, Image, UserlandMissing, include_dir
from ufos.toolchain.elf import Object
from ufos.toolchain.files import file_error, read_source
from ufos.toolchain.ld import DEFAULT_BASE, parse_address, save_executable
from ufos.toolchain.libc import ABIS, LibcError, libc_members
from ufos.toolchain.libc import is_built as libc_is_built
from ufos.toolchain.link import LinkError, link


class Source(NamedTuple):
    """Source text with the file name it is known by: its suffix (.c, .s) says what it is, and
    error messages cite the name."""
    name: str
    text: str


Input = Union[str, Path, Source, tuple, Object]


class DriverError(Exception):
    """A mistake in how the driver was called (a missing file, an unknown file type)."""


class CompilerUnavailable(Exception):
    """The C compiler package is missing (it is built separately from the rest of the toolchain)."""


def _cc():
    try:
        from ufos.toolchain import cc
    except ImportError as e:
        raise CompilerUnavailable(f"the C compiler is not available ({e})") from None
    if not hasattr(cc, "compile_c"):
        raise CompilerUnavailable("the C compiler is not available (ufos.toolchain.cc has no compile_c)")
    return cc


def user_errors() -> tuple[type[Exception], ...]:
    """The exceptions that report a mistake in the program (printed as they are, status 1)."""
    errors: list[type[Exception]] = [AsmError, LinkError, ElfError, LibcError, UserlandMissing, CompilerUnavailable,
                                     DriverError, DescriptionError]
    try:
        errors.append(_cc().CompileError)
    except CompilerUnavailable:
        pass
    return tuple(errors)


# ---------------------------------------------------------------------------------------------
# The steps
# ---------------------------------------------------------------------------------------------
def normalize_defines(defines: Mapping[str, object] | Iterable[str] | None) -> dict[str, str]:
    """-D arguments as a dict NAME -> VALUE: "NAME" means NAME=1, as in gcc."""
    if not defines:
        return {}
    if isinstance(defines, Mapping):
        return {str(k): "1" if v is None else str(v) for k, v in defines.items()}
    result = {}
    for item in defines:
        name, sep, value = item.partition("=")
        result[name] = value if sep else "1"
    return result


def _include_path(include_dirs: Iterable) -> list[str]:
    dirs = [str(d) for d in include_dirs]
    try:
        dirs.append(str(include_dir()))
    except UserlandMissing:
        pass   # no userland here: only the -I directories
    return dirs


def compile_to_assembly(text: str, filename: str, include_dirs: Iterable = (), defines=None, undefines=(),
                        files_read: list | None = None, abi: str = "purecap") -> str:
    """C source -> assembly text (preprocessed with the -I directories, then userland/include)."""
    return _cc().compile_c(text, filename, include_dirs=_include_path(include_dirs),
                           defines=normalize_defines(defines), undefines=undefines, files_read=files_read,
                           abi=abi)


def _source_of(item: Input, index: int, count: int) -> Source | Path | Object:
    """What an input is: a file (Path), text with a name (Source), or an object already."""
    if isinstance(item, (Object, Path, Source)):
        return item
    if isinstance(item, tuple):
        return Source(*item)
    if isinstance(item, str):
        if "\n" not in item and item.endswith((".c", ".s", ".o")):
            return Path(item)
        return Source("prog.c" if count == 1 else f"prog{index + 1}.c", item)
    raise TypeError(f"not a source, a path or an object: {item!r}")


def _suffix(name: str) -> str:
    suffix = Path(name).suffix
    if suffix not in (".c", ".s", ".o", ".toml"):
        raise DriverError(f"{name}: unknown file type (expected .c, .s, .o, or a .toml description)")
    return suffix


def object_of(item: Source | Path | Object, include_dirs: Iterable = (), defines=None, undefines=(),
              files_read: list | None = None, abi: str = "purecap") -> Object:
    """Compile, assemble or read one input (a .c file's #included files go to files_read)."""
    if isinstance(item, Object):
        return item
    if isinstance(item, Path):
        name, suffix = str(item), _suffix(str(item))
        if suffix == ".o":
            try:
                return Object.from_elf(item.read_bytes())
            except ElfError as e:
                raise ElfError(f"{name}: {e}") from None
            except (ValueError, IndexError, KeyError, struct.error) as e:
                raise ElfError(f"{name}: not a valid ufos object ({e})") from None
        text = read_source(item)
    else:
        name, text, suffix = item.name, item.text, _suffix(item.name)
        if suffix == ".o":
            raise DriverError(f"{name}: an object file must be given as a path")
    if suffix == ".c":   # the compiler's output; an error in it is the compiler's, cited as NAME.s
        return assemble(compile_to_assembly(text, name, include_dirs, defines, undefines, files_read, abi),
                        name + ".s")
    return assemble(text, name)


def _name_of(item: Source | Path | Object, index: int) -> str:
    if isinstance(item, Object):
        return f"object {index}"
    return str(item.name if isinstance(item, Source) else item)


def link_program(objects: list[Object], names: list[str], nostdlib: bool = False,
                 base: int = DEFAULT_BASE, abi: str = "purecap") -> Image:
    """Link the program's objects: after crt0 and with abi's libc as a library, unless nostdlib."""
    if nostdlib:
        return link(objects, base, names=names)
    (crt0_name, crt0), *members = libc_members(abi)
    return link([crt0, *objects], base, names=[crt0_name, *names],
                library=[m for _n, m in members], library_names=[n for n, _m in members])


def build_executable(inputs: Input | Iterable[Input], *, include_dirs: Iterable = (), defines=None,
                     nostdlib: bool = False, base: int = DEFAULT_BASE, abi: str = "purecap") -> Image:
    """Compile, assemble and link the inputs (paths, C source text, Source(name, text), objects)
    into an Image: what the ELF executable holds and what the runner runs."""
    items = [inputs] if isinstance(inputs, (str, Path, Source, Object)) else list(inputs)
    sources = [_source_of(item, i, len(items)) for i, item in enumerate(items)]
    objects = [object_of(s, include_dirs, defines, abi=abi) for s in sources]
    return link_program(objects, [_name_of(s, i) for i, s in enumerate(sources)], nostdlib, base, abi)


# ---------------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------------
# Flags that change nothing for this compiler: warnings (it has none), optimisation and debug
# levels (one code generator), pedantry, and code-generation options that hold anyway.
IGNORED_FLAGS = re.compile(r"-w|-W.*|-O[0-3sgz]?|-Ofast|-g(gdb)?[0-3]?|-pedantic(-errors)?|-pthread|-pipe|-static"
                           r"|-f(no-)?(PIC|pic|PIE|pie|common|wrapv|strict-aliasing|omit-frame-pointer"
                           r"|builtin|stack-protector(-strong|-all)?|diagnostics-color(=.*)?)")
TAKES_VALUE = {"-o", "-I", "-isystem", "-D", "-U", "-L", "-l", "-MF", "-MT", "--base"}   # as a separate word
# -std=NAME -> the __STDC_VERSION__ it sets (None: C90, which has none)
STANDARDS = {"c89": None, "c90": None, "gnu89": None, "gnu90": None, "iso9899:1990": None,
             "c99": "199901L", "gnu99": "199901L", "iso9899:1999": "199901L",
             "c11": "201112L", "gnu11": "201112L", "iso9899:2011": "201112L",
             "c17": "201710L", "c18": "201710L", "gnu17": "201710L", "gnu18": "201710L"}
LIBRARIES = {"c", "m", "rt", "pthread"}       # all of them are the one libc


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):               # gcc's status 1, not argparse's 2
        raise DriverError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="ufos cc", allow_abbrev=False,
        description="Compile C (.c), assemble (.s) and link (.o) programs for the ufos machine.",
        epilog="Without -c, -S or -E the result is an ELF executable, linked with crt0 and libc; run it "
               "with `ufos run`. Accepted and ignored: -w -W... -O0..3 -g -pedantic -pthread.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="C sources, assembly files and objects")
    parser.add_argument("-o", dest="output", metavar="OUT", help="the output file (default: a.out, or FILE.o / FILE.s)")
    parser.add_argument("-c", dest="compile_only", action="store_true", help="compile or assemble to .o files; do not link")
    parser.add_argument("-S", dest="assembly_only", action="store_true", help="compile .c files to .s files")
    parser.add_argument("-E", dest="preprocess_only", action="store_true",
                        help="preprocess .c files to stdout (or OUT)")
    parser.add_argument("-I", dest="include_dirs", action="append", default=[], metavar="DIR",
                        help="search DIR for #include files (before userland/include)")
    parser.add_argument("-isystem", dest="include_dirs", action="append", metavar="DIR", help="as -I")
    parser.add_argument("-D", dest="defines", action="append", default=[], metavar="NAME[=VALUE]",
                        help="define a preprocessor macro (VALUE defaults to 1)")
    parser.add_argument("-U", dest="undefines", action="append", default=[], metavar="NAME",
                        help="undefine a predefined macro")
    parser.add_argument("-std", choices=sorted(STANDARDS), metavar="STD",
                        help="the C standard: sets __STDC_VERSION__ (c89, c99, c11, c17, gnu...)")
    parser.add_argument("-mabi", choices=ABIS, default="purecap",
                        help="purecap (every pointer a capability) or hybrid (plain pointers are addresses)")
    parser.add_argument("-ansi", dest="std", action="store_const", const="c90", help="-std=c90")
    parser.add_argument("-l", dest="libraries", action="append", default=[], metavar="LIB",
                        help="link with LIB: c, m, rt and pthread are all in libc")
    parser.add_argument("-L", dest="library_dirs", action="append", default=[], metavar="DIR",
                        help="accepted; there are no other libraries to find")
    parser.add_argument("-M", dest="deps", action="store_const", const="all",
                        help="write a make rule naming the headers, instead of compiling")
    parser.add_argument("-MM", dest="deps", action="store_const", const="user", help="-M without system headers")
    parser.add_argument("-MD", dest="deps_too", action="store_const", const="all",
                        help="compile, and write the make rule to FILE.d (or -MF)")
    parser.add_argument("-MMD", dest="deps_too", action="store_const", const="user", help="-MD without system headers")
    parser.add_argument("-MF", dest="deps_file", metavar="FILE", help="where -M/-MD write the rule")
    parser.add_argument("-MT", dest="deps_targets", action="append", default=[], metavar="TARGET",
                        help="the rule's target (default: FILE.o)")
    parser.add_argument("-MP", dest="deps_phony", action="store_true", help="add an empty rule for each header")
    parser.add_argument("-nostdlib", action="store_true", help="link without crt0 and libc")
    parser.add_argument("--base", type=parse_address, default=DEFAULT_BASE,
                        help=f"the executable's load address, page-aligned (default: 0x{DEFAULT_BASE:x})")
    return parser


def without_ignored_flags(argv: list[str]) -> list[str]:
    """argv without the flags that change nothing (values of -o, -D... are kept as they are)."""
    out, value_next = [], False
    for arg in argv:
        if not value_next and IGNORED_FLAGS.fullmatch(arg):
            continue
        out.append(arg)
        value_next = not value_next and arg in TAKES_VALUE
    return out


def parse_args(argv: list[str]) -> argparse.Namespace:
    args, extras = _parser().parse_known_intermixed_args(without_ignored_flags(argv))
    for extra in extras:
        raise DriverError(f"unrecognized command-line option '{extra}'" if extra.startswith("-")
                          else f"unexpected argument '{extra}'")
    if args.std is not None:
        version = STANDARDS[args.std]
        if version is None:
            args.undefines.append("__STDC_VERSION__")
        else:
            args.defines.append(f"__STDC_VERSION__={version}")
        if not args.std.startswith("gnu"):      # a strict standard: no `unix` (gcc: __unix__ only)
            args.undefines.append("unix")
    return args


def _report(e: BaseException) -> None:
    text = str(e)
    if isinstance(e, (LinkError, ElfError, LibcError, UserlandMissing, CompilerUnavailable, DriverError)):
        text = f"ufos cc: error: {text}"
    print(text, file=sys.stderr)


def _output_for(path: Path, suffix: str, output: str | None) -> Path:
    return Path(output) if output else Path(path.name).with_suffix(suffix)


def _check_inputs(args) -> list[Path]:
    paths = [Path(f) for f in args.files]
    for path in paths:
        _suffix(str(path))
        if not path.is_file():
            raise DriverError(f"{path}: No such file or directory" if not path.exists() else f"{path}: not a file")
    if args.output and (args.compile_only or args.assembly_only) and len(paths) > 1:
        raise DriverError("cannot specify '-o' with '-c' or '-S' with multiple files")
    if not (args.compile_only or args.assembly_only or args.preprocess_only or args.deps):
        for lib in args.libraries:
            if lib not in LIBRARIES:
                raise LinkError(f"cannot find -l{lib} (the libraries are {', '.join(sorted(LIBRARIES))})")
    return paths


# --- -E and -M ---------------------------------------------------------------------------------
def make_rule(args, source: Path, files: list[str], which: str, default_target: str) -> str:
    """A make rule: the target, then the source and the headers it #includes (`which` = "user":
    without those in userland/include, as -MM), one to a line; with -MP an empty rule per header."""
    if which == "user":
        system = _include_path([])[-1:]          # userland/include, if there is a userland
        files = [f for f in files if not any(Path(f).resolve().is_relative_to(Path(d).resolve()) for d in system)]
    headers = list(dict.fromkeys(files))
    target = " ".join(args.deps_targets) or default_target
    rule = f"{target}: " + " \\\n ".join([str(source), *headers]) + "\n"
    if args.deps_phony:
        rule += "".join(f"\n{h}:\n" for h in headers)
    return rule


def _preprocess(args, paths: list[Path]) -> str:
    """-E: the preprocessed text of every .c file; -M/-MM: their make rules."""
    out = []
    for path in paths:
        if path.suffix != ".c":
            continue
        text, files = _cc().preprocess_c(read_source(path), str(path), _include_path(args.include_dirs),
                                         normalize_defines(args.defines), args.undefines, args.mabi)
        out.append(make_rule(args, path, files, args.deps, Path(path.name).with_suffix(".o").name)
                   if args.deps else text)
    return "".join(out)


def _write_or_print(text: str, target: str | None) -> None:
    if target and target != "-":
        Path(target).write_text(text)
    else:
        sys.stdout.write(text)


def _deps_file(args, path: Path) -> Path:
    """Where -MD writes: -MF, or beside the -c output, or NAME.d in the current directory."""
    if args.deps_file:
        return Path(args.deps_file)
    if args.output and args.compile_only:
        return Path(args.output).with_suffix(".d")
    return Path(path.name).with_suffix(".d")


# --- compiling and linking -----------------------------------------------------------------------
def _run(args) -> int:
    paths = _check_inputs(args)
    if any(p.suffix == ".toml" for p in paths):
        return _build_described(args, paths)
    if args.preprocess_only or args.deps:
        text = _preprocess(args, paths)
        _write_or_print(text, args.deps_file if args.deps and args.deps_file else args.output)
        return 0
    errors = user_errors()
    failed = False
    objects, names, writes = [], [], []
    for path in paths:
        try:
            files_read: list[str] = []
            if args.assembly_only:
                if path.suffix != ".c":
                    print(f"ufos cc: warning: {path}: not a C file, ignored with -S", file=sys.stderr)
                    continue
                text = compile_to_assembly(read_source(path), str(path), args.include_dirs, args.defines,
                                           args.undefines, files_read, args.mabi)
                writes.append((_output_for(path, ".s", args.output), text.encode()))
            elif args.compile_only and path.suffix == ".o":
                print(f"ufos cc: warning: {path}: linker input file unused because linking not done",
                      file=sys.stderr)
                continue
            else:
                obj = object_of(path, args.include_dirs, args.defines, args.undefines, files_read, args.mabi)
                if args.compile_only:
                    writes.append((_output_for(path, ".o", args.output), obj.to_elf()))
                objects.append(obj)
                names.append(str(path))
            if args.deps_too and path.suffix == ".c":
                target = str(_output_for(path, ".o", args.output if args.compile_only else None))
                rule = make_rule(args, path, files_read, args.deps_too, target)
                writes.append((_deps_file(args, path), rule.encode()))
        except errors as e:    # report every file's errors, as gcc does, then stop
            _report(e)
            failed = True
    if failed:
        return 1
    for target, data in writes:
        if str(target) == "-":              # -o -: standard output, as in gcc
            sys.stdout.buffer.write(data)
        else:
            target.write_bytes(data)
    if not (args.compile_only or args.assembly_only):
        if not args.nostdlib and not libc_is_built(args.mabi):
            print(f"ufos cc: building libc for -mabi={args.mabi} (once)...", file=sys.stderr)
        image = link_program(objects, names, args.nostdlib, args.base, args.mabi)
        save_executable(image, args.output or "a.out")
    return 0


def _build_described(args, paths: list[Path]) -> int:
    """`ufos cc APP.toml`: the program the description describes (its files name the sources)."""
    if len(paths) != 1 or args.compile_only or args.assembly_only or args.preprocess_only or args.deps:
        raise DriverError("a .toml description is built alone, into an executable (no other files, -c, -S or -E)")
    save_executable(build_described(paths[0], args.include_dirs), args.output or "a.out")
    return 0


def main(argv: list[str]) -> int:
    try:
        return _run(parse_args(argv))
    except user_errors() as e:
        _report(e)
        return 1
    except OSError as e:
        print(f"ufos cc: error: {file_error(e)}", file=sys.stderr)
        return 1
    except Exception as e:   # a bug in the toolchain, not in the program
        where = traceback.extract_tb(e.__traceback__)[-1]
        print(f"ufos cc: internal compiler error: {type(e).__name__}: {e}\n"
              f"  at {where.filename}:{where.lineno} (set UFOS_TRACEBACK=1 for the traceback)", file=sys.stderr)
        if os.environ.get("UFOS_TRACEBACK"):
            traceback.print_exc()
        return 4
