"""/proc: files that describe the μprocesses, made when they are opened.

    /proc/PID/status   name, state, ids, instructions, memory: private and shared pages, copies
    /proc/PID/maps     the slot's regions and, page by page, whether it is private, shared after a
                       fork (and with how many), how many capabilities it holds, and "into SLOT"
                       if they still point into the slot the page came from (not relocated yet)
    /proc/PID/caps     the capability registers, the capabilities the kernel keeps for the
                       μprocess (signal handlers, saved frames), and every capability in its memory
    /proc/PID/exe      a symbolic link to its program
    /proc/PID/cwd      a symbolic link to its working directory
    /proc/self         a symbolic link to the directory of the μprocess that looks, as on Linux
"""
from __future__ import annotations

from ufos.kernel.fs import Inode, dir_stat, new_ino
from ufos.kernel.fs.ramfs import RamFile, RamSymlink
from ufos.kernel.vm import FRAME_MASK, PAGE, describe_rights


class ProcRoot(Inode):
    kind = "dir"

    def __init__(self, k):
        self.k = k
        self.ino = new_ino()

    def stat(self):
        return dir_stat(self.ino)

    def lookup(self, name):
        if name == "self":
            return RamSymlink(str(self.k.current.pid)) if self.k.current else None
        # a pid is ASCII digits: str.isdigit() alone is also true of "²" or "١", which int() refuses
        # or reads as another number
        pid = int(name) if name.isascii() and name.isdigit() else None
        p = self.k.procs.get(pid) if pid is not None else None
        return ProcDir(self.k, p) if p is not None else None

    def entries(self):
        me = [("self", self.lookup("self"))] if self.k.current else []
        return me + [(str(pid), ProcDir(self.k, p)) for pid, p in sorted(self.k.procs.procs.items())]


class ProcFile(RamFile):
    """A view made afresh at each open, and only when it is read (`ls /proc/1` makes none):
    there is nothing to keep a new mode or time in."""
    chmod, set_times = Inode.chmod, Inode.set_times

    def __init__(self, make):
        super().__init__(mode=0o444)
        self.make = make

    @property
    def data(self) -> bytearray:
        if self.make is not None:
            self._data, self.make = bytearray(self.make()), None
        return self._data

    @data.setter
    def data(self, value: bytearray) -> None:
        self._data = value


class ProcDir(Inode):
    kind = "dir"

    def __init__(self, k, p):
        self.k, self.p = k, p
        self.ino = 1000 + p.pid

    def stat(self):
        return dir_stat(self.ino)

    def lookup(self, name):
        if name in LINKS:
            target = LINKS[name](self.p)
            return RamSymlink(target) if target else None
        make = FILES.get(name)
        # a name or cwd may hold any bytes a program gave (kept as surrogates): give them back
        return ProcFile(lambda: make(self.k, self.p).encode("utf-8", "surrogateescape")) if make else None

    def entries(self):
        return [(name, node) for name in sorted([*FILES, *LINKS]) if (node := self.lookup(name)) is not None]


def status(k, p) -> str:
    private, shared, pss = p.space.memory_use()
    s = p.space.stats
    lines = [f"Name:\t{p.name}", f"State:\t{p.state}", f"Pid:\t{p.pid}", f"PPid:\t{p.ppid}",
             f"Pgid:\t{p.pgid}", f"Cmdline:\t{' '.join(p.argv)}",
             f"Slot:\t{p.space.base:#x}-{p.space.top:#x}", f"Policy:\t{k.policy}",
             f"Instructions:\t{p.instructions}", f"Syscalls:\t{p.syscalls}",
             f"Pages:\t{private + shared} ({private} private, {shared} shared)",
             f"Pss:\t{pss / 1024:.1f} kB", f"PagesCopied:\t{s.pages_copied}",
             f"CapsRelocated:\t{s.caps_relocated}", f"ZeroFills:\t{s.zero_fills}",
             f"PageFaults:\t{s.faults}"]
    if p.compartments:
        lines.append(f"Compartments:\t{', '.join(w.name for w in p.compartments)}")
    if p.fault:
        lines.append(f"Fault:\t{p.fault}")
    return "\n".join(lines) + "\n"


def maps(k, p) -> str:
    space, frames = p.space, k.vm.frames
    out = [f"{'start':>14} {'end':>14} rights region   pages"]
    for r in sorted(space.regions, key=lambda r: r.start):
        touched = space.pages(r.start, r.end)
        out.append(f"{r.start:#14x} {r.end:#14x} {r.rights:<6} {r.name:<8} "
                   f"{len(touched)} of {(r.end - r.start) // PAGE} mapped{backing(r)}")
        for va, pte in touched:
            frame = pte & FRAME_MASK
            n = frames.refcount(frame)
            caps = len(k.memory.tagged_granules(frame, PAGE))
            sharing = "private" if n == 1 else f"shared x{n}"
            out.append(f"    {va:#14x} {describe_rights(pte):<12} {sharing:<10} {caps} caps"
                       + not_yet_moved(frames.origin(frame), space.base, caps))
    return "\n".join(out) + "\n"


def backing(r) -> str:
    """What an mmap'd region's pages come from: MAP_SHARED (its pages shared with whoever else
    maps the object, at fork too), or a private copy of a file's bytes (vm.Region)."""
    if r.shared:
        return f", shared ({'file' if r.shared.file is not None else 'anonymous'}, offset {r.offset:#x})"
    return f", private copy of a file (offset {r.offset:#x})" if r.file is not None else ""


def not_yet_moved(origin: int, base: int, caps: int) -> str:
    """A frame that came from another slot by fork (vm.Frames' origin) and has not been copied or
    relocated for this μprocess yet: its capabilities still point into that slot."""
    return f" into {origin:#x}" if caps and origin != base else ""


def caps(k, p) -> str:
    from ufos.kernel.audit import kernel_held, memory_capabilities, registers_of
    out = ["registers:"]
    out += [f"  {name:<7} {cap!r}" for name, cap in registers_of(k, p).items() if cap.tag]
    out.append("kept by the kernel:")
    out += [f"  {where} {cap!r}" for where, cap in kernel_held(k, p) if cap.tag]
    if p.compartments:
        from ufos.kernel.compartment import describe
        out.append("compartments:")
        out += describe(p)
    out.append("memory:")
    out += [f"  {va:#x} {cap!r}" for va, cap in memory_capabilities(k, p, reachable_only=False)]
    return "\n".join(out) + "\n"


FILES = {"status": status, "maps": maps, "caps": caps}
LINKS = {"exe": lambda p: p.exe, "cwd": lambda p: p.cwd}        # made afresh at each lookup
