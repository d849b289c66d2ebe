"""/proc: files that describe the μprocesses, made when they are opened.

    /proc/PID/status   name, state, ids, instructions, memory: private and shared pages, copies
    /proc/PID/maps     the slot's regions and, page by page, whether it is private, shared after a
                       fork (and with how many), how many capabilities it holds, and "into SLOT"
                       if they still point into the slot the page came from (not relocated yet)
    /proc/PID/caps     the capability registers, the capabilities the kernel keeps for the
                       μprocess (signal handlers, saved frames), and every capability in its memory
    /proc/PID/exe      a symbolic link to its program
    /proc/PID/cwd      a symbolic link to its working directory
    /proc/PID/fd/N     its open descriptors, each a symbolic link that reads as what it is open on,
                       as Linux's: the path it was opened by ("/tmp/x", through real directories;
                       "/tmp/x (deleted)" once a RAM file has lost its last name), "pipe:[INO]"
                       (both ends of a pipe have the pipe's number), "socket:[INO]"
    /proc/PID/fdinfo/N the descriptor's offset and flags, in Linux's words: "pos:", "flags:", "ino:"
    /proc/self         a symbolic link to the directory of the μprocess that looks, as on Linux

/proc/PID/fd/N is a "magic" link (fs/__init__.py): followed, it leads to the descriptor itself,
not to the path it reads as, so a pipe's or a deleted file's can be opened and stat'ed too.
Opening it is opening /dev/fd/N (fdesc.py): a duplicate of the descriptor, with no more rights.
Only the μprocess itself may do that: another one's descriptor is EACCES, whoever looks. Linux lets
the same user reopen any of its processes' files through /proc; in ufos, isolation is the
product, and no μprocess may obtain another's open file through a name. Listing another's
/proc/PID/fd, reading its links, stat of them and its fdinfo are allowed, as on Linux for one user:
they tell what is open, but give no access to it.
"""
from __future__ import annotations

import time

from ufos.kernel.fs import Inode, Stat, dir_stat, new_ino
from ufos.kernel.fs.fdesc import DescriptorName, descriptor_number
from ufos.kernel.fs.ramfs import RamFile, RamSymlink
from ufos.kernel.uapi import O, S, SyscallError
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
        self.nlink = 1                  # its one name in /proc (0 is a RAM file that lost its names)

    @property
    def data(self) -> bytearray:
        if self.make is not None:
            # it may look at itself while it is made (the fdinfo of the descriptor that reads
            # it stats that descriptor's file): it is empty until made, not made again
            make, self.make = self.make, None
            try:
                self._data = bytearray(make())
            except SyscallError:
                self.make = make            # not made (a descriptor closed since): try again
                raise
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
        if name in DIRS:
            return DIRS[name](self.k, self.p)
        make = FILES.get(name)
        return text_file(lambda: make(self.k, self.p)) if make else None

    def entries(self):
        return [(name, node) for name in sorted([*FILES, *LINKS, *DIRS])
                if (node := self.lookup(name)) is not None]


def text_file(make) -> ProcFile:
    # a name, a cwd or a path may hold any bytes a program gave (kept as surrogates): give them back
    return ProcFile(lambda: make().encode("utf-8", "surrogateescape"))


class DescriptorsDir(Inode):
    """/proc/PID/fd and /proc/PID/fdinfo: one entry for each of the μprocess's open descriptors,
    by number (entry(fd) makes it)."""
    kind = "dir"

    def __init__(self, p, mode: int, entry):
        self.p, self.mode, self.entry = p, mode, entry
        self.ino = new_ino()

    def stat(self):
        return dir_stat(self.ino, mode=self.mode)

    def lookup(self, name):
        fd = descriptor_number(name)
        return self.entry(fd) if fd in self.p.fds.files else None       # a closed one: ENOENT

    def entries(self):
        return [(str(fd), self.entry(fd)) for fd in sorted(self.p.fds.files)]


class DescriptorLink(Inode):
    """/proc/PID/fd/N: reads as the name of what descriptor N is open on (open_file_name); followed,
    leads to the descriptor (a DescriptorName of p's), which only p may open."""
    kind = "link"
    seekable = False

    def __init__(self, k, p, fd: int):
        self.k, self.p, self.fd = k, p, fd
        self.ino = new_ino()
        self.mtime_ns = time.time_ns()          # when it was looked up, as Linux's

    @property
    def target(self) -> str:
        return open_file_name(self.p.fds.get(self.fd))

    def jump(self):
        return DescriptorName(self.k, self.fd, owner=self.p)

    def stat(self):
        """As Linux's: the owner's r-x for reading, -wx for writing (`ls -l` shows lr-x------ for
        a descriptor open read-only, l-wx------ write-only, lrwx------ both), and a size of 64."""
        f = self.p.fds.get(self.fd)
        mode = (0o500 if f.readable else 0) | (0o300 if f.writable else 0)
        return Stat(ino=self.ino, mode=S.S_IFLNK | mode, size=64, mtime_ns=self.mtime_ns)


def open_file_name(f) -> str:
    """What an open File is, in Linux's words. A pipe's and a socket's File has no path: its path is
    the kind ("pipe", "socket": sys_pipe2, sys_socket), shown with its inode number. Any other has
    the path it was opened by (a later rename does not change it, where Linux's name would follow);
    a RAM file knows when it has no name left (ramfs counts them; the host's files are not watched)."""
    if not f.path.startswith("/"):
        return f"{f.path}:[{f.node.stat().ino}]"
    deleted = isinstance(f.node, RamFile) and f.node.nlink == 0
    return f.path + (" (deleted)" if deleted else "")


def fdinfo(p, fd: int) -> str:
    """/proc/PID/fdinfo/N as Linux writes it (less its mnt_id: ufos numbers no mounts). The flags
    are the File's, with O_CLOEXEC if this descriptor has it, as Linux's."""
    f = p.fds.get(fd)
    flags = (f.flags & ~O.O_CLOEXEC) | (O.O_CLOEXEC if fd in p.fds.cloexec else 0)
    return f"pos:\t{f.offset}\nflags:\t0{flags:o}\nino:\t{f.node.stat().ino}\n"


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
DIRS = {"fd": lambda k, p: DescriptorsDir(p, 0o500, lambda fd: DescriptorLink(k, p, fd)),
        "fdinfo": lambda k, p: DescriptorsDir(p, 0o555, lambda fd: text_file(lambda: fdinfo(p, fd)))}
