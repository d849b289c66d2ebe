"""The root file system a boot starts with:

    /bin    every program of userland/bin (NAME.c, or a directory NAME/ of .c and .s files), compiled by
            `ufos cc` the first time it is read and kept in the cache (~/.cache/ufos/bin, keyed by
            the sources, libc and the compiler), so later boots start at once
    /tmp    writable scratch space
    /etc    motd
    /dev    console, tty, null, zero, urandom
    /proc   the μprocesses (procfs.py)
    /host   a directory of the host (hostfs.py), made when the guest first writes there
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ufos.kernel.fs import VFS
from ufos.kernel.fs.hostfs import HostRoot
from ufos.kernel.fs.procfs import ProcRoot
from ufos.kernel.fs.ramfs import RamDir, RamFile
from ufos.kernel.uapi import E, SyscallError

MOTD = b"""Welcome to ufos, the uFork OS: every process here shares one address space,
and fork moves the child's pointers into its own slot. Try: ls /bin, forkdemo, cat /proc/self/maps
"""

ALIASES = {"[": "test", "poweroff": "halt"}      # /bin names that are another program


def build_root(k) -> VFS:
    from ufos.kernel import tty
    root = RamDir()
    bin_dir = root.add("bin", RamDir())
    for name, sources in sorted(userland_programs().items()):
        bin_dir.add(name, RamFile(builder=program_builder(name, sources), mode=0o755))
    for alias, name in ALIASES.items():
        if name in bin_dir.children:
            bin_dir.add(alias, bin_dir.children[name])  # one program, two names (like a link)
    root.add("tmp", RamDir())
    root.add("etc", RamDir()).add("motd", RamFile(MOTD))
    for mount in ("dev", "proc", "host"):
        root.add(mount, RamDir())
    dev = RamDir()
    for name, node in (("console", k.console), ("tty", k.console), ("null", tty.NullDevice()),
                       ("zero", tty.ZeroDevice()), ("urandom", tty.RandomDevice())):
        dev.add(name, node)
    fs = VFS(root)
    fs.mount("/dev", dev)
    fs.mount("/proc", ProcRoot(k))
    fs.mount("/host", HostRoot(k.options.share))
    return fs


def userland_programs() -> dict[str, list[Path]]:
    """name -> its sources (C, and assembly where C cannot say it), for every program in userland/bin."""
    from ufos.abi import userland_dir
    bin_dir = userland_dir() / "bin"
    programs = {}
    if bin_dir.is_dir():
        for entry in bin_dir.iterdir():
            if entry.suffix == ".c" and entry.is_file():
                programs[entry.stem] = [entry]
            elif entry.is_dir() and (sources := sorted(p for p in entry.iterdir() if p.suffix in (".c", ".s"))):
                programs[entry.name] = sources
    return programs


LOCAL_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.MULTILINE)


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


def program_builder(name: str, sources: list[Path]):
    def build() -> bytes:
        return compiled_program(name, sources)
    return build


def compiled_program(name: str, sources: list[Path]) -> bytes:
    """The executable for a userland program, from the cache or compiled now."""
    from ufos.toolchain import libc
    from ufos.toolchain.driver import build_executable, user_errors
    from ufos.toolchain.ld import write_executable
    h = hashlib.sha256(libc.cache_key().encode())
    for path in with_local_includes(sources):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    cached = libc.cache_root() / "bin" / f"{name}-{h.hexdigest()[:24]}"
    if cached.exists():
        return cached.read_bytes()
    try:
        data = write_executable(build_executable(sources))
    except user_errors() as e:
        raise SyscallError(E.ENOEXEC, f"/bin/{name} does not compile: {e}")
    cached.parent.mkdir(parents=True, exist_ok=True)
    libc.write_atomic(cached, data)
    return data
