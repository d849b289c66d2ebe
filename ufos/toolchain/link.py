"""The linker: objects -> one `Image`, laid out at a virtual address, relocations applied.

Layout: .text, .captable, .rodata, .data and .bss, each output section starting on a 4 KiB page;
within one, the objects' sections follow each other in order, each at its own alignment. Symbols
are resolved in the object that uses them first (its local labels and section names), then among
all objects' globals. Each `.capability` record becomes a `CapReloc`, fully resolved, for the loader.

The capability table (.captable, docs/abi.md) is not concatenated but merged: every object's slots
go into one table, and slots that would hold the same capability (the same definition and addend,
e.g. `printf` wanted by forty objects) share one. A label on a slot of an object's .captable moves
with it to the shared slot. So a program's code finds all its capabilities in a few contiguous
pages, which is all that fork must copy at once (kernel/fork.py copy_got). The capability of a
function (a sentry) is bounded to the code and the table together: a function called through a
pointer runs with those bounds, and it must still reach the other functions (bl) and its slots.

A *library* (libc) is a list of objects linked like an archive: a member is added only if it
defines a global that the program (or another member already added) refers to and nothing else
defines. A program may define its own function or variable of the same name as a libc one (its
own strlcpy, getline or warn), used or not: a member holds many functions, so one added for
strlen brings strlcpy along, and the program's definition then *interposes* on the member's, as
on Linux with a shared glibc: the program and the other members reach the program's. Only the
member's own direct calls, which the assembler already bound, keep its copy (as a shared glibc's
internal calls do); that copy stays in the image as a local symbol.

The `Image` is the one result: the bare machine runs it, and ld.py stores it as an ELF executable
(and reads it back) without linking anything itself.
"""
from __future__ import annotations

from typing import Sequence

from ufos.abi import CAP_ENTRY, CAP_PERMS, CapReloc, Image, LinkedSymbol, Segment, symbol_addresses
from ufos.machine.isa import PAGE_SIZE
from ufos.toolchain.elf import RELOC, SECTIONS, CapRecord, FieldError, Object, Symbol, apply_reloc

# .captable is read-only to the program: the loader and fork (the kernel) write it, nothing else
# needs to, and a program that cannot overwrite its table cannot redirect its own globals.
SEGMENT_PERMS = {".text": "rx", ".captable": "r", ".rodata": "r", ".data": "rw", ".bss": "rw"}

class LinkError(Exception):
    pass


def _align(value: int, alignment: int) -> int:
    return -(-value // alignment) * alignment


def references(obj: Object) -> set[str]:
    """The symbols `obj` uses (in relocations and capability records) but does not define."""
    used = {r.symbol for r in obj.relocs} | {c.symbol for c in obj.cap_records}
    return {name for name in used
            if name not in SECTIONS and not (name in obj.symbols and obj.symbols[name].section)}


def defined_globals(obj: Object) -> list[str]:
    return [s.name for s in obj.symbols.values() if s.is_global and s.section]


def select_members(objects: list[Object], library: list[Object]) -> list[int]:
    """The indexes (in order) of the library members the objects need, directly or through other
    members: each member that defines a still-undefined symbol. The first definition wins."""
    provider: dict[str, int] = {}
    for j, member in enumerate(library):
        for name in defined_globals(member):
            provider.setdefault(name, j)
    defined = {name for obj in objects for name in defined_globals(obj)}
    wanted = [name for obj in objects for name in sorted(references(obj))]
    chosen: set[int] = set()
    while wanted:
        name = wanted.pop()
        j = provider.get(name)
        if name in defined or j is None or j in chosen:
            continue   # defined, or undefined everywhere (link() reports it), or already added
        chosen.add(j)
        defined.update(defined_globals(library[j]))
        wanted += sorted(references(library[j]))
    return sorted(chosen)


class _Linker:
    def __init__(self, objects: list[Object], base: int, names: list[str] | None = None,
                 program: int | None = None):
        if base % PAGE_SIZE:
            raise LinkError(f"base 0x{base:x} is not page-aligned")
        self.objects, self.base = objects, base
        self.names = names
        self.program = len(objects) if program is None else program   # objects[program:]: library members
        self.placed: dict[tuple[int, str], int] = {}       # (object index, section) -> address
        self.segments: list[Segment] = []
        self.globals: dict[str, tuple[int, Symbol]] = {}   # name -> (object index, symbol)
        self.table: list[tuple[int, CapRecord]] = []        # the output .captable: a record per slot
        self.slots: dict[tuple[int, int], int] = {}         # (object index, offset) -> its slot's index
        self.table_start = base

    def gather_captable(self) -> None:
        """The output capability table: the objects' .captable slots in order, each distinct
        capability (definition + addend) once."""
        index: dict[tuple, int] = {}
        for i, obj in enumerate(self.objects):
            records = sorted((c for c in obj.cap_records if c.section == ".captable"), key=lambda c: c.offset)
            size = len(obj.sections[".captable"].data)
            if ([c.offset for c in records] != list(range(0, size, CAP_ENTRY)) or size % CAP_ENTRY
                    or any(r.section == ".captable" for r in obj.relocs)):
                raise LinkError(f"{self.describe(i)}: its .captable holds something other than "
                                f".capability slots")
            for record in records:
                j, sym = self.definition(i, record.symbol)
                key = (j, sym if isinstance(sym, str) else sym.name, record.addend)
                if key not in index:
                    index[key] = len(self.table)
                    self.table.append((i, record))
                self.slots[i, record.offset] = index[key]

    def layout(self) -> int:
        end = self.base
        for name in SECTIONS:
            start = address = _align(end, PAGE_SIZE)
            if name == ".captable":
                self.table_start, address = start, start + CAP_ENTRY * len(self.table)
            else:
                for i, obj in enumerate(self.objects):
                    section = obj.sections[name]
                    address = _align(address, section.align)
                    self.placed[i, name] = address
                    address += len(section.data)
            if address > start:   # an empty section takes no space
                self.segments.append(Segment(name, start, address, SEGMENT_PERMS[name]))
                end = address
        return end

    def collect_globals(self) -> None:
        for i, obj in enumerate(self.objects):
            for sym in obj.symbols.values():
                if sym.is_global and sym.section:
                    if sym.name in self.globals:
                        first = self.globals[sym.name][0]
                        if first < self.program <= i:
                            continue   # the program's definition interposes on a library member's
                        where = (f"{self.names[first]} and {self.names[i]}" if self.names
                                 else f"objects {first} and {i}")
                        raise LinkError(f"symbol '{sym.name}' is defined in {where}")
                    self.globals[sym.name] = (i, sym)

    def definition(self, i: int, name: str) -> tuple[int, Symbol | str]:
        """Where `name`, used in object i, is defined: (object index, its Symbol or section name).
        A local symbol is the object's own; a global is the one collect_globals kept."""
        if name in SECTIONS:
            return i, name
        sym = self.objects[i].symbols.get(name)
        if sym is not None and sym.section and not sym.is_global:
            return i, sym
        if name in self.globals:
            return self.globals[name]
        raise LinkError(f"undefined symbol '{name}' (used in {self.describe(i)})")

    def is_image_global(self, i: int, sym: Symbol) -> bool:
        """Whether sym, defined in object i, is the image's global of its name (not a local, and not
        a library member's definition the program's own replaced)."""
        return sym.is_global and self.globals[sym.name][0] == i

    def describe(self, i: int) -> str:
        return self.names[i] if self.names else f"object {i}"

    def place(self, i: int, section: str, offset: int) -> int:
        """Where byte `offset` of object i's `section` is in the image. In .captable: in the
        shared slot its own slot became (past the end of its slots: the end of the table)."""
        if section != ".captable":
            return self.placed[i, section] + offset
        slot = self.slots.get((i, offset - offset % CAP_ENTRY), len(self.table))
        return self.table_start + CAP_ENTRY * slot + offset % CAP_ENTRY

    def address(self, i: int, name: str) -> int:
        j, sym = self.definition(i, name)
        return self.place(j, sym, 0) if isinstance(sym, str) else self.place(j, sym.section, sym.value)

    def span(self, *sections: str) -> tuple[int, int] | None:
        """[start, end) of the output sections named (empty ones are left out), None if all are."""
        chosen = [s for s in self.segments if s.name in sections]
        return (min(s.start for s in chosen), max(s.end for s in chosen)) if chosen else None

    def cap_reloc(self, i: int, record: CapRecord, location: int) -> CapReloc:
        _, sym = self.definition(i, record.symbol)
        start = self.address(i, record.symbol)
        section = sym if isinstance(sym, str) else sym.section
        if section == ".text":          # code: a sentry for the code and its capability table
            base, end = self.span(".text", ".captable") or (start, start)
        elif isinstance(sym, Symbol) and sym.size is not None:
            base, end = start, start + sym.size
        else:                           # the whole output section
            base, end = self.span(section) or (start, start)
        target = start + record.addend
        if section == ".text" and self.state_at(i, record.symbol) == "c64":
            target |= 1                 # a capability branch to it enters C64 (isa.STATES)
        return CapReloc(location, target, base, end - base, CAP_PERMS[section], section == ".text")

    def state_at(self, i: int, name: str) -> str:
        """The ISA state of the code at symbol `name` as object i sees it (a section: C64)."""
        _, sym = self.definition(i, name)
        return sym.state if isinstance(sym, Symbol) else "c64"

    def cap_relocs(self) -> list[CapReloc]:
        """One per slot of the capability table, then one per capability stored in data."""
        table = [self.cap_reloc(i, record, self.table_start + CAP_ENTRY * n)
                 for n, (i, record) in enumerate(self.table)]
        return table + [self.cap_reloc(i, c, self.place(i, c.section, c.offset))
                        for i, obj in enumerate(self.objects) for c in obj.cap_records
                        if c.section != ".captable"]

    def link(self) -> Image:
        self.collect_globals()
        self.gather_captable()
        end = self.layout()
        data = bytearray(end - self.base)
        for (i, name), address in self.placed.items():   # .captable: zeros until the loader fills it
            contents = self.objects[i].sections[name].data
            data[address - self.base:address - self.base + len(contents)] = contents
        for i, obj in enumerate(self.objects):
            for r in obj.relocs:
                place = self.place(i, r.section, r.offset)
                try:
                    apply_reloc(data, place - self.base, RELOC[r.type], self.address(i, r.symbol) + r.addend, place)
                except FieldError as e:
                    raise LinkError(f"relocation {r.type} at {r.section}+0x{r.offset:x} against "
                                    f"'{r.symbol}' ({self.describe(i)}): {e}") from None
        symtab = [LinkedSymbol(sym.name, self.place(i, sym.section, sym.value), sym.size or 0, sym.type,
                               is_global, sym.state)
                  for globals_ in (False, True)   # locals first, as ELF wants
                  for i, obj in enumerate(self.objects)
                  for sym in obj.symbols.values()
                  if sym.section and (is_global := self.is_image_global(i, sym)) == globals_]
        symbols = symbol_addresses(symtab)
        cap_relocs = self.cap_relocs()
        entry = symbols.get("_start", self.base)
        start = next((s for s in symtab if s.name == "_start"), None)
        state = start.state if start else next((o.state for o in self.objects if o.state), "c64")
        return Image(self.base, bytes(data), len(data), entry, symbols, self.segments, cap_relocs, symtab,
                     state)


def link(objects: list[Object], base: int = 0x10000, names: list[str] | None = None,
         library: Sequence[Object] = (), library_names: list[str] | None = None) -> Image:
    """Lay out and relocate `objects` at virtual address `base` (page-aligned), with the members of
    `library` that they need after them. `names` (and `library_names`) name the objects in errors."""
    objects = list(objects)
    chosen = select_members(objects, list(library)) if library else []
    if names is not None or library_names is not None:
        names = list(names) if names is not None else [f"object {i}" for i in range(len(objects))]
        names += [library_names[j] if library_names else f"library member {j}" for j in chosen]
    return _Linker(objects + [library[j] for j in chosen], base, names, program=len(objects)).link()
