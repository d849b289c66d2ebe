"""Compartments: one hybrid program split into protection domains inside one μprocess (FlexCap).

docs/compartments.md explains the model. A program is described by a TOML file:

    abi = "hybrid"                  # purecap | hybrid (a program of several compartments is hybrid)
    sharing = "capabilities"        # capabilities | overlap: how its compartments share data
    shared = 4096                   # overlap: bytes of the window that every DDC covers

    [[compartment]]                 # the first is the program: main, libc, the system calls
    name = "main"
    sources = ["kv.c", "glue-caps.c"]
    defines = ["KV_CAPABILITIES"]

    [[compartment]]                 # a library: its own code, data and stack, its entries
    name = "hash"
    sources = ["hash.c"]
    entries = ["hash_key"]
    stack = 16384

`build(path)` makes the program's Image, in four steps:
1. compile every compartment's sources (hybrid C) and link each compartment on its own, with its
   own copy of the libc functions it uses, at addresses relative to its *origin* — the base of
   its DDC and of its PCC, which the machine adds to every address A64 code uses (CCTLR.DDCBO
   and PCCBO, isa.py);
2. give main a stub for every entry (the caller's side: load the entry's sealed pair and `blrs`
   through it) and every library a landing (the callee's side, where the switcher enters it);
3. lay out, upwards: the switcher (userland/compartments/switcher.s, C64: the only code that
   changes DDC) with its trusted stack and the entries' records; with `overlap`, a guard page and
   the shared window; each library's window (a guard page, its image, its stack); main's window,
   which runs to the top of the slot (its heap and stack are the kernel's usual ones);
4. describe the windows and the entries in the image's `.ufos.compartments` section, for the
   loader (ufos/kernel/compartment.py), which makes the capabilities: PCCs, DDCs, stacks, records
   and the sealed pairs.

The two ways of sharing differ only in the origins. `capabilities`: every window is its own
origin, so the windows are disjoint and data crosses only as `__capability` arguments.
`overlap`: every DDC starts at the shared window, so a plain pointer into it means the same in
every compartment, and each library's window — everything from the shared window to its own
end — is exactly what it shares with main, which reaches everything.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ufos.abi import CapReloc, Image, LinkedSymbol, Segment, userland_dir
from ufos.machine.cap import Capability
from ufos.toolchain.asm import assemble
from ufos.toolchain.elf import Object
from ufos.toolchain.libc import libc_members
from ufos.toolchain.link import link

PAGE = 0x1000
WINDOW_ALIGN = 0x10000          # windows start on 64 KiB, so their bounds are exact
IMAGE_BASE = 0x10000            # where the switcher goes: the start of the image (ld's default base)
FRAME, DEPTH = 272, 4           # the switcher's trusted stack (switcher.s)
RECORD = 64                     # an entry's record (switcher.s)
DEFAULT_STACK = 16 << 10
SHARINGS = ("capabilities", "overlap")


class DescriptionError(Exception):
    """A mistake in a description file: `file: error: message`."""


@dataclass
class Compartment:
    name: str
    sources: list[Path]
    defines: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    stack: int = DEFAULT_STACK


@dataclass
class Description:
    path: Path
    abi: str
    sharing: str
    shared: int
    compartments: list[Compartment]


# ---------------------------------------------------------------------------------------------
# The description file
# ---------------------------------------------------------------------------------------------
def read_description(path: Path) -> Description:
    def fail(message: str):
        raise DescriptionError(f"{path}: error: {message}")

    try:
        data = tomllib.loads(path.read_text())
    except (OSError, UnicodeDecodeError) as e:
        fail(str(e))
    except tomllib.TOMLDecodeError as e:
        fail(f"not a valid TOML file ({e})")
    unknown = set(data) - {"abi", "sharing", "shared", "compartment"}
    if unknown:
        fail(f"unknown key {sorted(unknown)[0]!r} (a description has abi, sharing, shared and [[compartment]])")
    abi, sharing, shared = data.get("abi", "hybrid"), data.get("sharing", "capabilities"), data.get("shared", 0)
    if abi not in ("purecap", "hybrid"):
        fail(f"abi is {abi!r}: purecap or hybrid")
    if sharing not in SHARINGS:
        fail(f"sharing is {sharing!r}: capabilities or overlap")
    if not isinstance(shared, int) or not 0 <= shared <= 1 << 24 or (sharing == "overlap") != (shared > 0):
        fail("shared: the size of the shared window, which only (and always) sharing = \"overlap\" has")
    compartments = [compartment(path, i, c, fail) for i, c in enumerate(data.get("compartment", []))]
    if not compartments:
        fail("no [[compartment]]")
    if len(compartments) > 1 and abi != "hybrid":
        fail("a program of several compartments is hybrid code (abi = \"hybrid\")")
    if compartments[0].entries:
        fail(f"the first compartment ({compartments[0].name}) is the program: it has no entries")
    names = [c.name for c in compartments]
    if len(set(names)) != len(names):
        fail("two compartments have the same name")
    return Description(path, abi, sharing, shared, compartments)


def compartment(path: Path, i: int, c: dict, fail) -> Compartment:
    unknown = set(c) - {"name", "sources", "defines", "entries", "stack"} if isinstance(c, dict) else {"?"}
    if unknown:
        fail(f"compartment {i + 1}: unknown key {sorted(unknown)[0]!r}")
    name, sources = c.get("name"), c.get("sources")
    if not isinstance(name, str) or not name.isidentifier():
        fail(f"compartment {i + 1}: name must be an identifier")
    if not sources or not all(isinstance(s, str) for s in sources):
        fail(f"compartment {name}: sources must list its .c (or .s) files")
    stack = c.get("stack", DEFAULT_STACK)
    if not isinstance(stack, int) or not PAGE <= stack <= 1 << 20:
        fail(f"compartment {name}: stack must be 4096..1048576 bytes")
    for key in ("defines", "entries"):
        if not all(isinstance(v, str) and v for v in c.get(key, [])):
            fail(f"compartment {name}: {key} must be a list of names")
    return Compartment(name, [path.parent / s for s in sources], list(c.get("defines", [])),
                       list(c.get("entries", [])), -(-stack // PAGE) * PAGE)


# ---------------------------------------------------------------------------------------------
# The code the linker writes: stubs, landings, compartment_shared, the switcher's data
# ---------------------------------------------------------------------------------------------
def stub_source(entry: str) -> str:
    """The caller's side of a call to `entry`: save the frame pointer and the return address
    (blrs overwrites c29 and c30), branch through the entry's sealed pair, come back."""
    return f"""        .arch a64
        .text
        .global {entry}
        .type   {entry}, %function
{entry}:
        add     csp, csp, #-32
        mov     c16, csp
        str     c29, [c16]
        str     c30, [c16, #16]
        adrp    x16, __pair.{entry}
        add     x16, x16, #:lo12:__pair.{entry}
        ldp     c16, c17, [x16]          // the sealed pair the loader put here
        blrs    c16, c17                 // into the switcher
        mov     c16, csp
        ldr     c29, [c16]
        ldr     c30, [c16, #16]
        add     csp, csp, #32
        ret
        .size   {entry}, .-{entry}
        .data
        .balign 16
__pair.{entry}:
        .zero   32
"""


LANDING = """        .arch a64
        .text
        .global __compartment_landing
        .type   __compartment_landing, %function
// Where the switcher enters this compartment: x17 = the entry (an offset in this compartment's
// code), c30 = a sentry back into the switcher, which this code keeps on this compartment's stack.
__compartment_landing:
        add     csp, csp, #-16
        mov     c16, csp
        str     c30, [c16]
        blr     x17
        mov     c16, csp
        ldr     c30, [c16]
        add     csp, csp, #16
        ret     c30                     // a capability return: back to the switcher, in C64
        .size   __compartment_landing, .-__compartment_landing
"""


# What a library compartment has instead of libc's start.c, which only main runs: a system call
# gate that is never set, so a system call from a library faults (its libc functions link as
# main's do, but only main was handed the kernel's gate), and an empty program name.
LIBRARY_START = """        .arch a64
        .data
        .balign 16
        .global __syscall_gate
__syscall_gate:
        .zero   32
        .global __progname
__progname:
        .quad   .Lempty
        .rodata
.Lempty:
        .byte   0
"""


def shared_source(state: str, offset: int, size: int) -> str:
    """compartment_shared() (compartment.h) for one compartment: constants the linker knows."""
    return f"""        .arch {state}
        .text
        .global compartment_shared
        .type   compartment_shared, %function
compartment_shared:
        cbz     x0, .Lno_size
        mov     x16, #{size}
        str     x16, [{'x0' if state == 'a64' else 'c0'}]
.Lno_size:
        mov     x0, #{offset}
        ret
        .size   compartment_shared, .-compartment_shared
"""


def runtime_data_source(entries: int) -> str:
    """The switcher's memory: its trusted stack (+0: the bytes in use) and the entries' records."""
    frames = 16 + DEPTH * FRAME
    return f"""        .arch c64
        .bss
        .balign 16
        .global __compartment_frames
__compartment_frames:
        .zero   {frames}
        .size   __compartment_frames, {frames}
        .global __compartment_records
__compartment_records:
        .zero   {RECORD * max(entries, 1)}
"""


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------
def _up(value: int, alignment: int) -> int:
    return -(-value // alignment) * alignment


def compile_compartment(c: Compartment, desc: Description, include_dirs) -> list[Object]:
    from ufos.toolchain.driver import object_of       # the driver reads description files too
    dirs = [desc.path.parent, *include_dirs]
    return [object_of(path, dirs, c.defines, abi=desc.abi) for path in c.sources]


def build(path: Path, include_dirs=()) -> Image:
    """The Image of the program the description file at path describes."""
    desc = read_description(Path(path))
    if len(desc.compartments) == 1:
        return build_single(desc, include_dirs)
    return Layout(desc, include_dirs).build()


def build_single(desc: Description, include_dirs) -> Image:
    from ufos.toolchain.driver import link_program
    c = desc.compartments[0]
    state = "a64" if desc.abi == "hybrid" else "c64"
    objects = compile_compartment(c, desc, include_dirs) + [assemble(shared_source(state, 0, 0), "<shared>")]
    return link_program(objects, [str(s) for s in c.sources] + ["<shared>"], abi=desc.abi)


class Layout:
    """Lays the switcher and the windows out in one image, as the module docstring says."""

    def __init__(self, desc: Description, include_dirs):
        self.desc, self.include_dirs = desc, include_dirs
        self.libc = libc_members("hybrid")
        self.entries = [(i, name) for i, c in enumerate(desc.compartments) for name in c.entries]
        self.parts: list[tuple[int, Image, str]] = []       # (origin, sub-image, symbol prefix)
        self.segments: list[Segment] = []
        self.info: dict = {"sharing": desc.sharing, "shared": None, "compartments": [], "entries": []}

    def build(self) -> Image:
        runtime = link([assemble((userland_dir() / "compartments" / "switcher.s").read_text(), "switcher.s"),
                        assemble(runtime_data_source(len(self.entries)), "<records>")], IMAGE_BASE)
        self.place(0, runtime, "switcher:")
        text = next(s for s in runtime.segments if s.name == ".text")
        table = next(s for s in runtime.segments if s.name == ".captable")
        self.info["switcher"] = {"code": [text.start, table.end], "entry": runtime.symbols["__compartment_switch"]}
        records = runtime.symbols["__compartment_records"]
        cursor = _up(runtime.base + runtime.size, WINDOW_ALIGN)
        origin = None
        if self.desc.sharing == "overlap":        # [guard page][shared window] at the common origin
            origin = cursor
            shared = [origin + PAGE, origin + PAGE + _up(self.desc.shared, PAGE)]
            self.info["shared"] = shared
            self.segments.append(Segment(".bss", *shared, "rw"))
            cursor = shared[1]
        libraries = self.desc.compartments[1:]
        for i, c in enumerate(libraries, 1):
            cursor = self.library(i, c, cursor, origin)
        main = self.main(_up(cursor, WINDOW_ALIGN), origin)
        for n, (i, name) in enumerate(self.entries):
            sub_origin, sub, _ = self.parts[i]
            function = sub.symbols.get(name)
            if function is None or not any(s.name == name and s.type == "func" and s.is_global for s in sub.symtab):
                raise DescriptionError(f"{self.desc.path}: error: entry {name!r} is not a function of "
                                       f"compartment {self.desc.compartments[i].name}")
            self.info["entries"].append({
                "compartment": i, "name": name, "function": function,    # an offset from its origin
                "landing": sub_origin + sub.symbols["__compartment_landing"],
                "record": records + RECORD * n,
                "pairs": [main[0] + main[1].symbols[f"__pair.{name}"]]})
        return self.image(main)

    def library(self, i: int, c: Compartment, cursor: int, origin: int | None) -> int:
        """Place library compartment i from cursor: its window's start, its image, its stack.
        Returns where its window ends."""
        start = cursor if origin is not None else _up(cursor, WINDOW_ALIGN)
        own = start if origin is None else origin
        # its own origin: a guard page first, so that a NULL pointer faults; with a common origin
        # the guard page below the shared window does that, and the windows follow on unbroken
        guard = PAGE if origin is None else 0
        objects = compile_compartment(c, self.desc, self.include_dirs)
        objects += [assemble(LANDING, "<landing>"), assemble(self.shared_text(), "<shared>"),
                    assemble(LIBRARY_START, "<library start>")]
        members = [(n, m) for n, m in self.libc[1:] if not n.endswith("/start.o")]
        sub = link(objects, start + guard - own,
                   names=[str(s) for s in c.sources] + ["<landing>", "<shared>", "<library start>"],
                   library=[m for _n, m in members], library_names=[n for n, _m in members])
        self.place(own, sub, f"{c.name}:")
        stack = [_up(own + sub.base + sub.size, PAGE), 0]
        stack[1] = stack[0] + c.stack
        self.segments.append(Segment(".bss", *stack, "rw"))
        end = self.exact_end(own, stack[1])
        code = next(s for s in sub.segments if s.name == ".text")
        self.info["compartments"].append({"name": c.name, "origin": own, "code": [own, self.exact_end(own, own + code.end)],
                                          "window": [start, end], "stack": stack})
        return end

    def main(self, start: int, origin: int | None) -> tuple[int, Image]:
        c = self.desc.compartments[0]
        own = start if origin is None else origin
        crt0_name, crt0 = self.libc[0]
        stubs = [assemble(stub_source(name), f"<stub {name}>") for _i, name in self.entries]
        objects = [crt0, *compile_compartment(c, self.desc, self.include_dirs), *stubs,
                   assemble(self.shared_text(), "<shared>")]
        names = [crt0_name, *map(str, c.sources), *(f"<stub {n}>" for _i, n in self.entries), "<shared>"]
        sub = link(objects, start + PAGE - own, names=names,
                   library=[m for _n, m in self.libc[1:]], library_names=[n for n, _m in self.libc[1:]])
        self.place(own, sub, "")
        code = next(s for s in sub.segments if s.name == ".text")
        self.info["compartments"].insert(0, {"name": c.name, "origin": own, "code": [own, self.exact_end(own, own + code.end)],
                                             "window": [start, None], "stack": None})
        return own, sub

    def shared_text(self) -> str:
        """compartment_shared() for a compartment: the shared window as an offset from the origin
        every compartment has (overlap), or NULL."""
        shared = self.info["shared"]
        if shared is None:
            return shared_source("a64", 0, 0)
        return shared_source("a64", PAGE, shared[1] - shared[0])    # the window is a page above the origin

    @staticmethod
    def exact_end(origin: int, end: int) -> int:
        """The end of a range from origin (a window, or the code a PCC covers), moved up until a
        capability's bounds can say it exactly."""
        end = _up(end, PAGE)
        while not Capability.root().set_address(origin).bounds_exact(end - origin):
            end = _up(end + 1, PAGE)
        return end

    def place(self, origin: int, sub: Image, prefix: str) -> None:
        self.parts.append((origin, sub, prefix))

    def image(self, main: tuple[int, Image]) -> Image:
        """One image of all the parts, at their places: their segments, capability relocations and
        symbols moved by their origins, and the description for the loader."""
        end = max(origin + sub.base + sub.size for origin, sub, _ in self.parts)
        end = max([end] + [s.end for s in self.segments])
        data = bytearray(end - IMAGE_BASE)
        segments, relocs, symtab = list(self.segments), [], []
        for origin, sub, prefix in self.parts:
            at = origin + sub.base - IMAGE_BASE
            data[at:at + len(sub.data)] = sub.data
            segments += [s._replace(start=s.start + origin, end=s.end + origin) for s in sub.segments]
            relocs += [CapReloc(r.location + origin, r.target + origin, r.base + origin, r.length, r.perms,
                                r.is_function) for r in sub.cap_relocs]
            symtab += [LinkedSymbol(prefix + s.name, s.address + origin, s.size, s.type, s.is_global, s.state)
                       for s in sub.symtab]
        main_origin, main_image = main
        segments.sort(key=lambda s: s.start)
        return Image(IMAGE_BASE, bytes(data), len(data), main_origin + main_image.entry,
                     {s.name: s.address for s in symtab}, segments, relocs, symtab, "a64",
                     compartments=self.info)
