"""The userland builder: compiles every program of userland/bin and packs the root file system
image the kernel boots from — a cpio archive ("newc", the format of Linux's initramfs and of the
μFork prototype's initrd), which `cpio -t < root.cpio` on the host lists too.

    archive = root_archive(report=print)     # bytes; report hears of each program compiled
    Kernel(options, initrd=archive)          # the kernel unpacks it into its RAM root

What the image holds:

    /bin/NAME   every program of userland/bin: NAME.c, or a directory NAME/ of .c and .s files,
                compiled by `ufos cc`; each is cached (~/.cache/ufos/bin/NAME-KEY, KEY a hash of
                libc, the compiler and the program's sources and the files they #include "..."),
                so only the first boot, or one after a source changed, compiles anything
    /bin/[, /bin/poweroff   the same program as /bin/test, /bin/halt (hard links)
    /etc/...    the files of userland/etc, as they are

A program that does not compile is left out of /bin; report says why, with the compiler's message.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from stat import S_IFDIR, S_IFREG
from typing import Callable

from ufos.abi import userland_dir
from ufos.toolchain import libc
from ufos.toolchain.driver import build_described, build_executable, user_errors
from ufos.toolchain.ld import write_executable

ALIASES = {"[": "test", "poweroff": "halt"}      # /bin names that are another program
LOCAL_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.MULTILINE)
CPIO_MAGIC = b"070701"


_built: dict[tuple, bytes] = {}      # the last archive made in this process, by what it was made of


def root_archive(report: Callable[[str], None] | None = None) -> bytes:
    """The root image: /bin with every program that compiles, /etc, as a cpio archive. A
    process that boots many machines (the tests) packs it once, until a source changes."""
    key = (str(userland_dir()), str(libc.cache_root()), libc.cache_key(), sources_signature())
    if key not in _built:
        _built.clear()
        _built[key] = pack_root(key[2], report or (lambda message: None))
    return _built[key]


def sources_signature() -> tuple:
    """The name, size and time of every file of userland/ (a cheap stand-in for their contents)."""
    return tuple((str(p), st.st_size, st.st_mtime_ns) for p in sorted(userland_dir().rglob("*"))
                 if p.is_file() and (st := p.stat()))


def pack_root(libc_key: str, report: Callable[[str], None]) -> bytes:
    archive = Cpio()
    archive.directory("bin")
    programs = userland_programs()
    links = {name: [alias for alias, target in ALIASES.items() if target == name] for name in programs}
    first = True

    def compiling(name: str, i: int) -> None:
        nonlocal first
        if first:
            report("building the userland (libc, then /bin): only the first boot, or one after a "
                   "source changed, waits for this")
            first = False
        report(f"compiling /bin/{name} ({i}/{len(programs)})")

    for i, (name, sources) in enumerate(sorted(programs.items()), 1):
        try:
            data = compiled_program(name, sources, libc_key, lambda: compiling(name, i))
        except user_errors() as e:
            report(f"/bin/{name} is left out: it does not compile:\n{e}")
            continue
        archive.file(f"bin/{name}", data, 0o755, [f"bin/{alias}" for alias in links[name]])
    etc = userland_dir() / "etc"
    archive.directory("etc")
    for path in sorted(etc.iterdir()) if etc.is_dir() else ():
        archive.file(f"etc/{path.name}", path.read_bytes(), 0o644)
    return archive.finish()


def userland_programs() -> dict[str, list[Path]]:
    """name -> its sources (C, and assembly where C cannot say it), for every program in userland/bin.
    A directory is one program of all its sources, or, if it holds description files (NAME.toml,
    compartments.py), one program per description: the description, then what it may use (every
    source and header beside it, the switcher, and the builder itself)."""
    bin_dir = userland_dir() / "bin"
    programs = {}
    for entry in bin_dir.iterdir() if bin_dir.is_dir() else ():
        if entry.suffix == ".c" and entry.is_file():
            programs[entry.stem] = [entry]
        elif entry.is_dir() and (descriptions := sorted(entry.glob("*.toml"))):
            used = sorted(p for p in entry.iterdir() if p.suffix in (".c", ".s", ".h"))
            for description in descriptions:
                programs[description.stem] = [description, *used, userland_dir() / "compartments" / "switcher.s",
                                              Path(__file__).parent / "compartments.py"]   # its builder
        elif entry.is_dir() and (sources := sorted(p for p in entry.iterdir() if p.suffix in (".c", ".s"))):
            programs[entry.name] = sources
    return programs


def with_local_includes(sources: list[Path]) -> list[Path]:
    """The sources and every file they #include "..." (next to the includer), transitively: what
    a program is compiled from, so what its cached executable depends on (the shell's files
    include sh.h; /bin/test includes the shell's test.c)."""
    found: list[Path] = []
    todo = list(sources)
    while todo:
        path = todo.pop(0)
        if path in found or not path.is_file():
            continue
        found.append(path)
        todo += [(path.parent / m.decode()).resolve() for m in LOCAL_INCLUDE.findall(path.read_bytes())]
    return found


def compiled_program(name: str, sources: list[Path], libc_key: str, compiling: Callable[[], None]) -> bytes:
    """The executable of a userland program, from the cache, or compiled now (compiling() is
    called first, so that a front end can say what the wait is for)."""
    h = hashlib.sha256(libc_key.encode())
    for path in with_local_includes(sources):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    cached = libc.cache_root() / "bin" / f"{name}-{h.hexdigest()[:24]}"
    if cached.exists():
        return cached.read_bytes()
    compiling()
    image = build_described(sources[0]) if sources[0].suffix == ".toml" else build_executable(sources)
    data = write_executable(image)
    cached.parent.mkdir(parents=True, exist_ok=True)
    libc.write_atomic(cached, data)
    return data


class Cpio:
    """A cpio archive in the "newc" format: for each entry a header of ASCII hex fields, its
    name, then its data, each padded to 4 bytes; a last entry named TRAILER!!! ends it. Hard
    links share an inode number; as newc wants, only the last of them carries the data."""

    def __init__(self):
        self.out = bytearray()
        self.ino = 0

    def entry(self, name: str, mode: int, data: bytes = b"", ino: int | None = None, nlink: int = 1) -> None:
        if ino is None:
            self.ino += 1
            ino = self.ino
        raw = name.encode() + b"\0"
        fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0, len(raw), 0)
        self.out += CPIO_MAGIC + b"".join(b"%08X" % f for f in fields) + raw
        self.out += bytes(-len(self.out) % 4) + data
        self.out += bytes(-len(self.out) % 4)

    def directory(self, name: str) -> None:
        self.entry(name, S_IFDIR | 0o755, nlink=2)

    def file(self, name: str, data: bytes, perms: int, links: list[str] = ()) -> None:
        names = [*links, name]
        self.ino += 1
        for i, each in enumerate(names):
            last = i == len(names) - 1
            self.entry(each, S_IFREG | perms, data if last else b"", self.ino, len(names))

    def finish(self) -> bytes:
        self.entry("TRAILER!!!", 0, ino=0)
        return bytes(self.out)
