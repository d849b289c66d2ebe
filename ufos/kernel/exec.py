"""exec: replace a μprocess's program with one loaded from an ELF executable.

The program is loaded into the caller's own slot (a μprocess keeps its slot for life), so exec is:
    1. read the executable (ld.read_executable) and the arguments, while the old program's memory
       still exists, and check every segment and relocation it asks for (check_image): a bad
       executable fails with ENOEXEC before anything of the caller changes;
    2. unmap the old program;
    3. map the new image's segments at slot + their linked offset, and turn its capability
       relocations into tagged capabilities derived from the slot's root capability: the only
       way a capability into the slot comes to exist;
    4. build the stack: the argument and environment strings, the argv and envp arrays, auxv;
    5. set the registers as docs/abi.md "Program start" says, PCC at the entry, with the sealed
       system call gate in c4 and c5.
"""
from __future__ import annotations

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.abi import CAP_PERMS, ElfError, read_executable
from ufos.kernel import compartment
from ufos.kernel.hybrid import HYBRID_CCTLR
from ufos.kernel.uapi import E, SyscallError
from ufos.kernel.vm import (IMAGE_OFFSET, PAGE, RIGHTS, SLOT_SIZE, STACK_SIZE, AddressSpace, Region,
                            page_of, pages)

ARG_MAX = 128 * 1024             # bytes of arguments and environment together (E2BIG beyond)
IMAGE_LIMIT = SLOT_SIZE - STACK_SIZE - PAGE     # an image ends below the stack and its guard page
MAX_EXECUTABLE = 64 << 20        # the largest file exec reads (an image, its symbols and records)
CODE_PERMS = CAP_PERMS[".text"]
DATA_PERMS = CAP_PERMS[".data"]
SEGMENT_REGION = {".text": ("rx", "text"), ".captable": ("r", "rodata"), ".rodata": ("r", "rodata"),
                  ".data": ("rw", "data"), ".bss": ("rw", "data")}


def parse_executable(data: bytes):
    """The Image in an ELF file, checked (check_image); ENOEXEC if it is not a valid one."""
    try:
        image = read_executable(data, max_span=IMAGE_LIMIT - IMAGE_OFFSET)
    except (ElfError, ValueError, IndexError) as e:
        raise SyscallError(E.ENOEXEC, str(e))
    check_image(image)
    return image


def check_image(image) -> None:
    """Everything the loader will write, checked before the caller's memory is touched: an
    executable is data from anyone, and its segments and capability relocations say where the
    kernel writes. Every segment lies in the image, which fits in a slot below the stack; the
    entry is an instruction of an executable segment; every relocation's location is a whole,
    aligned granule of a segment and its bounds lie inside the image. Otherwise ENOEXEC."""
    start, end = image.base, image.base + image.size
    if start < IMAGE_OFFSET or end > IMAGE_LIMIT or len(image.data) > image.size:
        raise SyscallError(E.ENOEXEC, "the image does not fit in a slot")
    for segment in image.segments:
        if not start <= segment.start <= segment.end <= end:
            raise SyscallError(E.ENOEXEC, f"segment {segment.name} lies outside the image")
    if image.entry % 4 or not in_segment(image, image.entry, 4, "x"):
        raise SyscallError(E.ENOEXEC, f"the entry point {image.entry:#x} is not in the code")
    compartment.check(image)
    for r in image.cap_relocs:
        if r.location % 16 or not in_segment(image, r.location, 16):
            raise SyscallError(E.ENOEXEC, f"a capability relocation at {r.location:#x} is not in the image")
        if not start <= r.base <= r.base + r.length <= end or r.perms & ~isa.PERM_ALL:
            raise SyscallError(E.ENOEXEC, f"a capability relocation at {r.location:#x} reaches outside the image")


def in_segment(image, va: int, length: int, perms: str = "") -> bool:
    """Does [va, va + length) lie inside one segment that has the given permission letters?"""
    return any(s.start <= va and va + length <= s.end and set(perms) <= set(s.perms)
               for s in image.segments)


def load(k, p, image, argv: list[bytes], envp: list[bytes]) -> None:
    """Steps 2-5: the caller's memory becomes the new program."""
    if sum(len(s) + 17 for s in argv + envp) > ARG_MAX:
        raise SyscallError(E.E2BIG)
    space = p.space
    space.clear()
    map_image(space, image)
    apply_cap_relocs(space, image)
    domain = compartment.install(space, image) if image.compartments else None
    p.compartments = compartment.windows_of(image)
    space.regions.append(Region(space.top - STACK_SIZE, space.top, "rw", "stack"))
    start_registers(k, p, space, image, argv, envp, domain)


def map_image(space: AddressSpace, image) -> None:
    """Give every segment fresh frames holding the image's bytes; record the regions."""
    shift = space.base
    for name, start, end, _perms in image.segments:
        rights, kind = SEGMENT_REGION.get(name, ("rw", "data"))
        first, last = page_of(start), page_of(end + PAGE - 1)
        space.regions.append(Region(first + shift, last + shift, rights, kind))
        for va in pages(start, end):
            if not space.is_mapped(va + shift):
                space.map_new_page(va + shift, rights)
            else:                                       # two segments share a page
                space.page_table.protect(va + shift, set_bits=RIGHTS[rights])
    for _name, start, end, _perms in image.segments:    # copy page by page: frames are anywhere
        for va in pages(start, end):
            low, high = max(va, start), min(va + PAGE, end)
            chunk = image.data[low - image.base:high - image.base]    # only bytes of a segment
            if chunk:
                space.vm.memory.write(space.page_table.translate(low + shift), chunk)


def apply_cap_relocs(space: AddressSpace, image) -> None:
    """Each `.capability` of the image becomes a capability derived from the slot's root."""
    root, shift, memory = space.root, space.base, space.vm.memory
    for r in image.cap_relocs:
        cap = root.set_address(r.base + shift).set_bounds(r.length)
        cap = cap.clear_perms(isa.PERM_ALL & ~r.perms).set_address(r.target + shift)
        if r.is_function:
            cap = cap.seal_entry()
        memory.store_cap(space.page_table.translate(r.location + shift), cap)
        space.got_pages.add(page_of(r.location + shift))


def start_registers(k, p, space: AddressSpace, image, argv: list[bytes], envp: list[bytes],
                    domain: tuple[Capability, Capability] | None = None) -> None:
    """The registers a program starts with (docs/abi.md, "Program start"). domain: the PCC and
    DDC of a compartmentalised program's main (compartment.py); else the slot's."""
    cpu = k.cpu
    hybrid = image.state == "a64"
    if domain is not None:
        pcc, ddc = domain
    else:                       # the slot's code; data through DDC only for hybrid code
        pcc = space.root.clear_perms(isa.PERM_ALL & ~CODE_PERMS)
        ddc = space.root.clear_perms(isa.PERM_ALL & ~DATA_PERMS) if hybrid else Capability.null()
    stack = space.root.set_address(space.top - STACK_SIZE).set_bounds(STACK_SIZE)
    stack = stack.clear_perms(isa.PERM_ALL & ~DATA_PERMS)
    top = space.top

    def push(data: bytes) -> int:
        nonlocal top
        top = (top - len(data)) & ~15
        space.write(top, data)
        return top

    def string(s: bytes) -> Capability:
        return stack.set_address(push(s + b"\0")).set_bounds(len(s) + 1)

    def array(caps: list[Capability]) -> Capability:
        """A NULL-terminated array of pointers: capabilities, or in hybrid 8-byte offsets from DDC's base."""
        nonlocal top
        size = 8 if hybrid else 16
        top = (top - size * (len(caps) + 1)) & ~15
        for i, cap in enumerate(caps):
            if hybrid:
                space.write_u64(top + 8 * i, cap.address - ddc.base)
            else:
                space.store_cap(top + 16 * i, cap)
        space.write(top + size * len(caps), bytes(size))
        return stack.set_address(top).set_bounds(size * (len(caps) + 1))

    arg_caps = [string(a) for a in argv]
    env_caps = [string(e) for e in envp]
    auxv = stack.set_address(push(bytes(16))).set_bounds(16)      # just the (0, 0) that ends it
    argv_cap, envp_cap = array(arg_caps), array(env_caps)
    for i in range(32):
        cpu.c[i] = Capability.null()
    cpu.set_sysreg("ctpidr", Capability.null())
    cpu.nzcv = 0
    for i in range(32):
        cpu.d[i] = 0.0
    cpu.x[0] = len(argv)
    cpu.c[1], cpu.c[2], cpu.c[3] = argv_cap, envp_cap, auxv
    cpu.c[4], cpu.c[5] = k.gate
    cpu.csp = stack.set_address(top & ~15)
    cpu.pcc = pcc.set_address(image.entry + space.base)
    start_state(cpu, hybrid, ddc)
    if hybrid:                  # the pointers as the integers hybrid code uses: offsets from DDC's base
        for i in (1, 2, 3):
            cpu.x[i] = cpu.c[i].address - ddc.base
    cpu.set_sysreg("cid", p.pid)


def start_state(cpu, hybrid: bool, ddc: Capability) -> None:
    """The ISA state a program starts in. Purecap: C64 with a NULL DDC, so no integer address
    reaches memory. Hybrid: A64, with DDC a data capability to the slot (or, in a
    compartmentalised program, to main's window) and addresses taken relative to DDC's and PCC's
    bases (hybrid.py), which are the same."""
    cpu.state = "a64" if hybrid else "c64"
    cpu.set_sysreg("cctlr", HYBRID_CCTLR if hybrid else 0)
    cpu.set_sysreg("ddc", ddc)
