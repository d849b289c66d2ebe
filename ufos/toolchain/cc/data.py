"""Static data: globals, static locals, string literals and the capability table, as assembly.

A global's initializer (initializer.py) becomes an image of bytes plus, at 16-byte aligned
offsets, capabilities: `.capability symbol+offset`, which the loader fills with a tagged
capability bounded to the symbol (its `.size`), or a sentry for a function. Objects with no
initializer go to .bss; const objects to .rodata; the rest to .data. Every object gets a `.size`,
so the capability to it covers exactly the object. In hybrid C a plain pointer is an address:
`.quad symbol+offset`, 8 bytes.

The capability table: code reaches a global through `.Lcap.NAME: .capability NAME` entries, one per
symbol used (docs/abi.md); codegen.py emits them in .captable, which the linker merges into one
table for the whole program.
"""
from __future__ import annotations

import struct

from ufos.toolchain.cc import types as T
from ufos.toolchain.cc.constexpr import static_value
from ufos.toolchain.cc.errors import error_at
from ufos.toolchain.cc.nodes import Str, Var
from ufos.toolchain.cc.types import FloatType, PointerType, is_array


def symbol_of(target) -> str:
    return target.label if isinstance(target, (Var, Str)) else str(target)


def build_image(init, size: int):
    """(bytes, {offset: (directive, 'symbol+addend')}) for an initializer; the directive is
    .capability or, for a hybrid plain pointer, .quad."""
    data = bytearray(size)
    caps: dict[int, tuple[str, str]] = {}
    for item in init.items:
        if isinstance(item.expr, Str) and is_array(item.type):
            chunk = item.expr.data[:item.type.size]
            data[item.offset:item.offset + len(chunk)] = chunk
            continue
        value = static_value(item.expr)
        if value is None:
            raise error_at(item.expr.loc, "initializer element is not a compile-time constant")
        put_value(data, caps, item, value)
    return bytes(data), caps


def put_value(data: bytearray, caps: dict, item, value) -> None:
    t, off = item.type, item.offset
    kind = value[0]
    if kind == "addr":
        target, addend = value[1], value[2]
        directive = ".capability" if T.is_capability(t) else ".quad"
        caps[off] = (directive, symbol_of(target) + (f"+{addend}" if addend > 0 else f"{addend}" if addend < 0 else ""))
        if isinstance(target, Var):
            target.referenced = True
        return
    caps.pop(off, None)
    if isinstance(t, FloatType):
        data[off:off + t.size] = struct.pack("<f" if t.size == 4 else "<d", float(value[1]))
        return
    if isinstance(t, PointerType) or T.is_intcap(t):
        data[off:off + t.size] = (int(value[1]) & (2**64 - 1)).to_bytes(8, "little") + bytes(t.size - 8)
        return
    n = int(value[1])
    if item.bit_width is not None:
        size = (item.bit_offset + item.bit_width + 7) // 8     # (a packed struct's may pass its type's)
        unit = int.from_bytes(data[off:off + size], "little")
        mask = ((1 << item.bit_width) - 1) << item.bit_offset
        unit = (unit & ~mask) | ((n << item.bit_offset) & mask)
        data[off:off + size] = unit.to_bytes(size, "little")
        return
    data[off:off + t.size] = (n & ((1 << (8 * t.size)) - 1)).to_bytes(t.size, "little")


def data_lines(data: bytes, caps: dict) -> list[str]:
    """Directives that lay out data with capabilities (or hybrid addresses) at the offsets in caps."""
    lines, pos = [], 0
    for off in sorted(caps) + [len(data)]:
        lines += byte_lines(data[pos:off])
        if off < len(data):
            directive, operand = caps[off]
            lines.append(f"        {directive} {operand}")
            pos = off + (16 if directive == ".capability" else 8)
    return lines


def byte_lines(chunk: bytes) -> list[str]:
    lines, i = [], 0
    while i < len(chunk):
        j = i
        while j < len(chunk) and chunk[j] == 0:
            j += 1
        if j - i >= 8 or j == len(chunk):
            if j > i:
                lines.append(f"        .zero {j - i}")
            i = j
            continue
        k = i
        while k < len(chunk) and k - i < 16 and not (chunk[k:k + 8] == bytes(8) and len(chunk[k:k + 8]) == 8):
            k += 1
        lines.append("        .byte " + ", ".join(str(b) for b in chunk[i:k]))
        i = k
    return lines


def string_lines(s: Str) -> list[str]:
    body = s.data[:-1]
    if all(32 <= b < 127 or b in (9, 10) for b in body):
        text = body.decode().replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        contents = [f'        .asciz "{text}"']
    else:
        contents = [f"        .byte {', '.join(str(b) for b in s.data)}"]
    align = [f"        .balign {s.type.base.size}"] if s.type.base.size > 1 else []     # L"..."
    return align + [f"{s.label}:"] + contents + [f"        .size {s.label}, {len(s.data)}"]


def section_of(var: Var) -> str:
    if var.init is None:
        return ".bss"
    if var.type.const or (is_array(var.type) and _base_const(var.type)):
        return ".rodata"
    return ".data"


def _base_const(t) -> bool:
    while is_array(t):
        t = t.base
    return t.const


def global_lines(var: Var) -> list[str]:
    t = var.type
    size = var.init.size if var.init is not None else t.size
    lines = [f"        {section_of(var)}", f"        .balign {max(t.align, var.align, 16 if size >= 16 else 1)}"]
    if var.storage == "global":
        lines.append(f"        .global {var.label}")
    lines.append(f"        .type {var.label}, %object")
    lines.append(f"{var.label}:")
    if var.init is None:
        lines.append(f"        .zero {max(size, 1)}")
    else:
        data, caps = build_image(var.init, size)
        lines += data_lines(data, caps) or ["        .zero 0"]
    lines.append(f"        .size {var.label}, {size}")
    return lines
