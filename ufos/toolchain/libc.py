"""libc, built once and cached: every userland/libc/*.c compiled, every userland/libc/*.s assembled.

    objects = libc_objects()        # [crt0, then the other members by name], as elf.Object
    build_libc()                    # warm the cache (e.g. before running tests in parallel)
    libc_objects("hybrid")          # the same libc for hybrid programs (-mabi=hybrid)

Two ABIs (docs/abi.md), two builds of the same sources, each built when first asked for (so the
first boot builds only the purecap one, which /bin uses). For the hybrid one the C files are
compiled with -mabi=hybrid, a `userland/libc/hybrid/NAME.s` replaces `NAME.s` (the code that
differs between the states: integer bases, the gate reached by address), and the other .s files,
whose text means the same in both states, are assembled in A64 (`.arch a64` put in front).

The objects are written as ELF files to a cache directory, `$UFOS_CACHE/libc/KEY` (default
`~/.cache/ufos/libc/KEY`), where KEY is a sha256 over everything that decides their contents: the
libc sources, the headers, the C compiler's and the assembler's sources, the ISA table, this file
and the versions of pycparser and pcpp — and the linker's and the driver's, because the programs of
/bin are cached under this key too (userland.py), and they are linked. Change any of them and the next use rebuilds libc. A build
takes a lock on the directory and writes every file to a temporary name and then renames it, and
`MANIFEST` (the member list, written last) marks the directory complete, so processes that build at
the same time (pytest -n) neither duplicate the work nor see half-written objects. A build that
fails leaves `FAILED` (the compiler's messages) instead: the same sources fail at once next time.

Where userland/ is: $UFOS_USERLAND if set (another tree, e.g. a lab's copy); else in a checkout
(or an editable install) beside the `ufos` package, at the top of the repository. A regular `pip install .` installs a copy as data files, in
`{prefix}/share/ufos/userland` (see [tool.setuptools.data-files] in pyproject.toml), found through
the installed distribution's file list.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path

from ufos.abi import userland_dir
from ufos.toolchain.elf import Object

PACKAGE = Path(__file__).resolve().parents[1]       # the ufos package
FORMAT = "ufos-libc-1"                              # bump to invalidate every cache
WORKER_FAILED = "the libc worker process failed"


class LibcError(Exception):
    """libc could not be found or built (the message says why, with the compiler's errors)."""


# ---------------------------------------------------------------------------------------------
# Where things are
# ---------------------------------------------------------------------------------------------
def cache_root() -> Path:
    return Path(os.environ.get("UFOS_CACHE") or Path.home() / ".cache" / "ufos")


ABIS = ("purecap", "hybrid")


def _sources(userland: Path, abi: str = "purecap") -> list[Path]:
    """The files libc is made of, crt0 first, then by name."""
    files = [p for p in (userland / "libc").iterdir() if p.suffix in (".c", ".s") and p.is_file()]
    if abi == "hybrid":
        variants = {p.name: p for p in (userland / "libc" / "hybrid").glob("*.s")}
        files = [variants.get(p.name, p) for p in files]
    return sorted(files, key=lambda p: (p.stem != "crt0", p.name))


def _inputs(userland: Path) -> list[Path]:
    """Every file whose contents can change what libc compiles to."""
    libc = userland / "libc"
    files = [p for d in (libc, libc / "hybrid") if d.is_dir() for p in d.iterdir() if p.is_file()]  # sources, headers
    files += [p for p in (userland / "include").rglob("*") if p.is_file()]
    toolchain = PACKAGE / "toolchain"
    files += [p for p in (toolchain / "cc").rglob("*.py")]
    files += [toolchain / "asm.py", toolchain / "elf.py", toolchain / "libc.py", PACKAGE / "abi.py",
              PACKAGE / "machine" / "isa.py", PACKAGE / "machine" / "syntax.py"]
    files += [toolchain / "link.py", toolchain / "ld.py", toolchain / "driver.py"]   # /bin's key too
    return sorted(files)


def cache_key(userland: Path | None = None) -> str:
    userland = userland or userland_dir()
    h = hashlib.sha256(FORMAT.encode() + b"\0")
    for dist in ("pycparser", "pcpp"):
        try:
            h.update(f"{dist} {importlib.metadata.version(dist)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{dist} -\0".encode())
    for path in _inputs(userland):
        name = path.relative_to(userland).as_posix() if path.is_relative_to(userland) else \
            "ufos/" + path.relative_to(PACKAGE).as_posix()
        data = path.read_bytes()
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------
def compile_member(path: str, include_dirs: list[str], abi: str = "purecap") -> tuple[bool, bytes | str]:
    """Compile or assemble one libc source for abi: (True, ELF bytes) or (False, the error
    message). Runs in a worker process, so it returns plain data rather than raising."""
    from ufos.toolchain.asm import AsmError, assemble
    try:
        text = Path(path).read_text()
        if path.endswith(".c"):
            try:
                from ufos.toolchain.cc import CompileError, compile_c
            except ImportError as e:
                return False, f"{path}: the C compiler is not available ({e})"
            try:
                text = compile_c(text, path, include_dirs=include_dirs, abi=abi)
            except CompileError as e:
                return False, str(e)
        elif abi == "hybrid" and Path(path).parent.name != "hybrid":
            text = ".arch a64\n" + text         # the same instructions, in the A64 state
        return True, assemble(text, path).to_elf()
    except AsmError as e:
        return False, str(e)
    except Exception:
        return False, f"{path}: internal error while building libc:\n{traceback.format_exc()}"


def _compile_all(sources: list[Path], include_dirs: list[str], jobs: int,
                 abi: str = "purecap") -> list[tuple[bool, bytes | str]]:
    """compile_member for each source: here, or spread over `jobs` worker processes (each runs
    `python -m ufos.toolchain.libc --compile`, so nothing of the caller's program is re-run)."""
    if jobs <= 1 or len(sources) <= 2:
        return [compile_member(str(p), include_dirs, abi) for p in sources]
    import subprocess
    from concurrent.futures import ThreadPoolExecutor
    batches = [sources[i::jobs] for i in range(min(jobs, len(sources)))]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE.parent), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="ufos-libc-") as out:
        def work(batch):
            command = [sys.executable, "-m", "ufos.toolchain.libc", "--compile", out, "--abi", abi]
            command += [a for d in include_dirs for a in ("-I", d)] + [str(p) for p in batch]
            return subprocess.run(command, env=env, capture_output=True, text=True)
        try:
            with ThreadPoolExecutor(len(batches)) as pool:
                runs = list(pool.map(work, batches))
        except OSError:            # cannot start processes here: build in this one
            return [compile_member(str(p), include_dirs, abi) for p in sources]
        results = {}
        for batch, run in zip(batches, runs):
            for p in batch:
                obj, err = Path(out) / (p.name + ".o"), Path(out) / (p.name + ".err")
                if obj.exists():
                    results[p] = (True, obj.read_bytes())
                elif err.exists():
                    results[p] = (False, err.read_text())
                else:
                    results[p] = (False, f"{p}: {WORKER_FAILED} (status {run.returncode}):\n{run.stderr}")
        return [results[p] for p in sources]


def _worker(argv: list[str]) -> int:
    """`python -m ufos.toolchain.libc --compile OUTDIR [--abi ABI] [-I DIR]... SOURCE...`: compile
    each SOURCE into OUTDIR/NAME.o, or write its error message to OUTDIR/NAME.err."""
    out, include_dirs, sources, abi = Path(argv[0]), [], [], "purecap"
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "-I":
            include_dirs.append(next(rest))
        elif arg == "--abi":
            abi = next(rest)
        else:
            sources.append(arg)
    for source in sources:
        ok, data = compile_member(source, include_dirs, abi)
        name = Path(source).name
        write_atomic(out / (name + (".o" if ok else ".err")), data if ok else data.encode())
    return 0


def write_atomic(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


@contextmanager
def locked(path: Path):
    try:
        import fcntl
    except ImportError:        # no flock (Windows): concurrent builds just duplicate the work
        yield
        return
    with open(path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _default_jobs() -> int:
    try:
        return max(1, int(os.environ.get("UFOS_JOBS", "")))
    except ValueError:
        return os.cpu_count() or 1


def cache_directory(abi: str = "purecap", userland: Path | None = None) -> Path:
    """Where libc for abi is cached: the hybrid build beside the purecap one, its key + "-hybrid"."""
    key = cache_key(userland or userland_dir())
    return cache_root() / "libc" / (key if abi == "purecap" else f"{key}-{abi}")


def is_built(abi: str = "purecap") -> bool:
    return (cache_directory(abi) / "MANIFEST").exists()


def build_libc(jobs: int | None = None, abi: str = "purecap") -> Path:
    """Build libc for abi into the cache unless it is there already; its directory (with
    MANIFEST)."""
    userland = userland_dir()
    directory = cache_directory(abi, userland)
    manifest, failed = directory / "MANIFEST", directory / "FAILED"
    if manifest.exists():
        return directory
    if failed.exists():        # the same sources failed before: the same errors, at once
        raise LibcError(failed.read_text())
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise LibcError(f"cannot create the libc cache {directory}: {e.strerror or e}") from None
    with locked(directory / ".lock"):
        if manifest.exists():        # another process built it while we waited
            return directory
        if failed.exists():
            raise LibcError(failed.read_text())
        sources = _sources(userland, abi)
        if not sources:
            raise LibcError(f"no libc sources in {userland / 'libc'}")
        names = [p.stem + ".o" for p in sources]
        if len(set(names)) != len(names):
            raise LibcError(f"two libc sources with the same name in {userland / 'libc'}")
        include_dirs = [str(userland / "include"), str(userland / "libc")]
        results = _compile_all(sources, include_dirs, jobs or _default_jobs(), abi)
        errors = [message for ok, message in results if not ok]
        if errors:
            message = "building libc failed:\n" + "\n".join(errors)
            if not any(WORKER_FAILED in m for m in errors):   # a compiler's verdict, not an accident
                write_atomic(failed, message.encode())
            raise LibcError(message)
        for name, (_ok, data) in zip(names, results):
            write_atomic(directory / name, data)
        write_atomic(manifest, "".join(n + "\n" for n in names).encode())
    return directory


_loaded: dict[Path, list[tuple[str, Object]]] = {}


def libc_members(abi: str = "purecap") -> list[tuple[str, Object]]:
    """(name, object) for each libc member of abi, crt0 first; built if needed, read once per
    process."""
    directory = build_libc(abi=abi)
    if directory not in _loaded:
        names = (directory / "MANIFEST").read_text().split()
        _loaded[directory] = [(f"libc/{n}", Object.from_elf((directory / n).read_bytes())) for n in names]
    return list(_loaded[directory])


def libc_objects(abi: str = "purecap") -> list[Object]:
    """The libc objects, crt0 first (the linker treats the rest as a library: see link.py)."""
    return [obj for _name, obj in libc_members(abi)]


def main(argv: list[str] | None = None) -> int:   # python -m ufos.toolchain.libc [--abi A]: warm the cache
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--compile"]:
        return _worker(argv[1:])
    abi = argv[argv.index("--abi") + 1] if "--abi" in argv[:-1] else "purecap"
    try:
        print(build_libc(abi=abi))
    except LibcError as e:
        print(f"ufos: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
