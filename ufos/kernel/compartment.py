"""Compartments inside one μprocess: the loader's half (FlexCap; docs/compartments.md).

A compartmentalised program's image describes its windows and entries in `.ufos.compartments`
(written by ufos/toolchain/compartments.py). At exec the kernel, which holds the slot's root,
makes from that description every capability the program's protection domains are made of:
- for each compartment, a PCC over its code and a DDC over its window, both based at its origin
  (hybrid code's addresses are offsets from those bases: isa.py, CCTLR.DDCBO and PCCBO), and a
  capability to its stack;
- for each entry, a record in the switcher's memory — the callee's landing, DDC, stack and the
  entry's offset — and a sealed pair (the switcher's code, the record; sealed with an object type
  of the callee's), stored where the caller's stub will load it. `blrs` through the pair is the
  only way into the callee, and only the switcher (userland/compartments/switcher.s) ever holds
  the unsealed record.
main starts with its own PCC and DDC. Everything is derived from the slot's root, so whatever the
file says nothing reaches outside the slot; check() refuses a description that is not a sane
layout (ENOEXEC) before any memory is touched.
"""
from __future__ import annotations

from dataclasses import dataclass

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.kernel.uapi import E, SyscallError

P = isa.PERM
CODE = P["EXECUTE"] | P["LOAD"] | P["LOAD_CAP"] | P["GLOBAL"] | P["MUTABLE_LOAD"]
DATA = P["LOAD"] | P["STORE"] | P["LOAD_CAP"] | P["STORE_CAP"] | P["STORE_LOCAL_CAP"] | P["GLOBAL"] | P["MUTABLE_LOAD"]
PAIR = P["BRANCH_SEALED_PAIR"] | P["GLOBAL"]
RECORD = 64
OTYPE_BASE = 0x100              # compartment i's entries are sealed with object type 0x100 + i
MAX_COMPARTMENTS = 256


@dataclass(frozen=True)
class Window:
    """One compartment, as /proc and the monitor show it: offsets in the slot."""
    name: str
    origin: int
    code: tuple[int, int]
    window: tuple[int, int | None]      # None: to the top of the slot (main)


def check(image) -> None:
    """ENOEXEC unless the description is a layout the loader can make: numbers where numbers go,
    every range inside the image (main's window may run to the slot's top), records and pairs
    whole aligned granules of writable segments, entries in code."""
    info = image.compartments
    if info is None:
        return
    try:
        windows = [window(c) for c in info["compartments"]]
        stacks = [[int(v) for v in c["stack"]] for c in info["compartments"][1:]]
        entries = [(int(e["compartment"]), int(e["function"]), int(e["landing"]), int(e["record"]),
                    [int(a) for a in e["pairs"]]) for e in info["entries"]]
        switcher = [int(v) for v in info["switcher"]["code"]] + [int(info["switcher"]["entry"])]
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as e:
        raise SyscallError(E.ENOEXEC, f"a bad compartment description ({e!r})") from None
    if len(windows) > MAX_COMPARTMENTS or any(len(s) != 2 for s in stacks) or len(switcher) != 3:
        raise SyscallError(E.ENOEXEC, "a bad compartment description")
    start, end = image.base, image.base + image.size

    def inside(lo, hi, what):
        if not start <= lo <= hi <= end:
            raise SyscallError(E.ENOEXEC, f"compartments: {what} lies outside the image")

    if not windows or windows[0].window[1] is not None or any(w.window[1] is None for w in windows[1:]):
        raise SyscallError(E.ENOEXEC, "compartments: main must come first, and only main runs to the slot's top")
    for w in windows:
        inside(w.origin, w.code[1], f"{w.name}'s code")
        inside(w.window[0], w.window[1] if w.window[1] is not None else w.window[0], f"{w.name}'s window")
        if w.origin > w.window[0]:          # DDC runs from the origin to the window's end
            raise SyscallError(E.ENOEXEC, f"compartments: {w.name}'s window starts below its origin")
    inside(switcher[0], switcher[1], "the switcher")
    if not switcher[0] <= switcher[2] < switcher[1]:
        raise SyscallError(E.ENOEXEC, "compartments: the switcher's entry is not in its code")
    for w, (lo, hi) in zip(windows[1:], stacks):
        if not w.window[0] <= lo < hi <= w.window[1] or (lo | hi) % 16:
            raise SyscallError(E.ENOEXEC, f"compartments: {w.name}'s stack is not in its window")
    for i, function, landing, record, pairs in entries:
        if not 0 < i < len(windows):
            raise SyscallError(E.ENOEXEC, f"compartments: an entry of compartment {i}")
        w = windows[i]
        if not w.code[0] <= landing < w.code[1] or function < 0 or not w.code[0] <= w.origin + function < w.code[1]:
            raise SyscallError(E.ENOEXEC, f"compartments: an entry of {w.name} is not in its code")
        for at, size in [(record, RECORD)] + [(a, 32) for a in pairs]:
            if at % 16 or not any(s.start <= at and at + size <= s.end and "w" in s.perms for s in image.segments):
                raise SyscallError(E.ENOEXEC, f"compartments: a record or pair at {at:#x} is not writable memory")


def window(c: dict) -> Window:
    top = c["window"][1]
    return Window(str(c["name"]), int(c["origin"]), (int(c["code"][0]), int(c["code"][1])),
                  (int(c["window"][0]), None if top is None else int(top)))


def bounded(root: Capability, lo: int, hi: int, perms: int) -> Capability:
    """root narrowed to exactly [lo, hi) with perms; ENOEXEC if those bounds are not exact."""
    cap = root.set_address(lo)
    if not cap.bounds_exact(hi - lo):
        raise SyscallError(E.ENOEXEC, f"compartments: [{lo:#x}, {hi:#x}) has no exact bounds")
    return cap.set_bounds(hi - lo, True).clear_perms(isa.PERM_ALL & ~perms)


def install(space, image) -> tuple[Capability, Capability]:
    """Make the program's domains in space (after its image is loaded): the records and the
    sealed pairs. Returns main's PCC and DDC, for the program to start with."""
    info, shift, root = image.compartments, space.base, space.root
    windows = [window(c) for c in info["compartments"]]
    pccs = [bounded(root, w.origin + shift, w.code[1] + shift, CODE) for w in windows]
    ddcs = [bounded(root, w.origin + shift, (w.window[1] + shift) if w.window[1] is not None else space.top, DATA)
            for w in windows]
    code = info["switcher"]["code"]
    switcher = bounded(root, code[0] + shift, code[1] + shift, CODE | PAIR)
    for e in info["entries"]:
        i = e["compartment"]
        stack = info["compartments"][i]["stack"]
        record = root.set_address(e["record"] + shift).set_bounds(RECORD, True)
        space.store_cap(record.address, pccs[i].set_address(e["landing"] + shift))          # bit 0 clear: A64
        space.store_cap(record.address + 16, ddcs[i])
        space.store_cap(record.address + 32, bounded(root, stack[0] + shift, stack[1] + shift, DATA)
                        .set_address(stack[1] + shift))
        space.write_u64(record.address + 48, e["function"])
        otype = OTYPE_BASE + i
        entry = switcher.set_address((info["switcher"]["entry"] + shift) | 1).seal(otype)   # bit 0: C64
        data = record.clear_perms(isa.PERM_ALL & ~(P["LOAD"] | P["LOAD_CAP"] | P["MUTABLE_LOAD"] | PAIR)).seal(otype)
        for at in e["pairs"]:
            space.store_cap(at + shift, entry)
            space.store_cap(at + shift + 16, data)
    return pccs[0], ddcs[0]


def windows_of(image) -> list[Window]:
    return [window(c) for c in image.compartments["compartments"]] if image.compartments else []


def describe(p) -> list[str]:
    """/proc/PID/caps's lines for p's compartments: each one's code and data windows."""
    base, top = p.space.base, p.space.top
    out = []
    for w in p.compartments:
        hi = w.window[1] + base if w.window[1] is not None else top
        out.append(f"  {w.name:<8} code {w.code[0] + base:#x}-{w.code[1] + base:#x}  "
                   f"data {w.window[0] + base:#x}-{hi:#x}  (addresses from {w.origin + base:#x})")
    return out
