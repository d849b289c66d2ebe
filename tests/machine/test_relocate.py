"""μFork's copy-and-relocate: a child's copy of a page whose pointers point into the child."""
import pytest

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.machine.memory import Memory
from ufos.machine.relocate import copy_and_relocate, relocate_capability

P = isa.PERM
SLOT = 1 << 20                       # 1 MiB slots
PARENT = 16 * SLOT
CHILD = PARENT + 4 * SLOT            # delta = 4 x the slot size keeps the encodings bit-identical
SRC, DST = 0x10000, 0x20000          # physical frames


def slot_root(base):
    return Capability.root().set_address(base).set_bounds(SLOT).clear_perms(
        P["SYSTEM"] | P["SEAL"] | P["UNSEAL"])


def inside(base, length, address=None, perms_cleared=0):
    cap = slot_root(PARENT).set_address(base).set_bounds(length).clear_perms(perms_cleared)
    return cap.set_address(base if address is None else address)


def fill_page(mem):
    """A page holding what a parent's heap might: pointers of many shapes, and a fake one."""
    caps = {
        0x000: inside(PARENT + 0x100, 64),
        0x010: inside(PARENT + 0x8000, 0x4321, address=PARENT + 0x8010),   # inexact-size bounds
        0x020: inside(PARENT, SLOT),                                      # the whole slot
        0x030: inside(PARENT + 0x2000, 0x100, perms_cleared=P["STORE"]),
        0x040: inside(PARENT + 0x3000, 0x40).seal(77),                     # sealed object handle
        0x050: inside(PARENT + 0x4000, 0x40).seal_entry(),                 # a sentry (function pointer)
        0x060: Capability.root().set_address(0x7000).set_bounds(0x100),   # a kernel gate: outside
        0x070: inside(PARENT + 0x100, 64, address=PARENT + 0x100 + 200),   # out of bounds but representable
    }
    for offset, cap in caps.items():
        mem.store_cap(SRC + offset, cap)
    mem.write(SRC + 0x100, (PARENT + 0x100).to_bytes(8, "little"))         # an integer, not a pointer
    return caps


def test_copy_moves_every_pointer_into_the_slot_and_nothing_else():
    mem = Memory(1 << 20)
    caps = fill_page(mem)
    before = mem.read(SRC, 4096)
    moved = copy_and_relocate(mem, DST, SRC, 1, PARENT, SLOT, CHILD - PARENT, slot_root(CHILD))
    assert moved == 7
    for offset, old in caps.items():
        new = mem.load_cap(DST + offset)
        assert new.tag, f"{old!r} lost its tag"
        if offset == 0x060:
            assert new == old                 # pointed outside the slot: untouched
            continue
        assert (new.base, new.top, new.address) == (old.base + CHILD - PARENT, old.top + CHILD - PARENT,
                                                     old.address + CHILD - PARENT)
        assert (new.perms, new.otype) == (old.perms, old.otype)
        assert new.to_mem()[0] == old.to_mem()[0]     # bit-identical metadata: only the address moved
    assert mem.read(DST + 0x100, 8) == (PARENT + 0x100).to_bytes(8, "little")
    assert mem.read(SRC, 4096) == before      # the parent's page is untouched
    counters = mem.reloc_counters()
    assert counters["pages_copied"] == 1 and counters["caps_scanned"] == 8
    assert counters["caps_relocated"] == 7 and counters["caps_kept"] == 1


def test_a_delta_that_breaks_the_encoding_takes_the_slow_path_and_is_still_right():
    mem = Memory(1 << 20)
    caps = fill_page(mem)
    delta = SLOT + 0x3000                     # not a multiple of 4 x the slot size
    copy_and_relocate(mem, DST, SRC, 1, PARENT, SLOT, delta, slot_root(PARENT + delta))
    for offset in (0x000, 0x010, 0x030, 0x040, 0x050, 0x070):
        old, new = caps[offset], mem.load_cap(DST + offset)
        assert new.tag
        assert (new.base, new.top, new.address, new.perms, new.otype) == (
            old.base + delta, old.top + delta, old.address + delta, old.perms, old.otype)


def test_a_root_that_does_not_cover_the_result_detags_it():
    mem = Memory(1 << 20)
    mem.store_cap(SRC, inside(PARENT + 0x100, 64))
    mem.store_cap(SRC + 16, inside(PARENT + 0x100, 64).clear_perms(0))
    small_root = slot_root(CHILD).set_bounds(0x80)          # does not reach CHILD + 0x100
    copy_and_relocate(mem, DST, SRC, 1, PARENT, SLOT, CHILD - PARENT, small_root)
    assert not mem.load_cap(DST).tag
    assert mem.reloc_counters()["caps_detagged"] == 2


def test_a_capability_with_more_rights_than_the_child_root_is_not_rederived():
    mem = Memory(1 << 20)
    system = Capability.root().set_address(PARENT + 0x100).set_bounds(64)   # has System
    mem.store_cap(SRC, system)
    copy_and_relocate(mem, DST, SRC, 1, PARENT, SLOT, CHILD - PARENT, slot_root(CHILD))
    assert not mem.load_cap(DST).tag


def test_plain_copy_keeps_tags_and_values():
    mem = Memory(1 << 20)
    caps = fill_page(mem)
    assert copy_and_relocate(mem, DST, SRC, 1) == 0
    for offset, cap in caps.items():
        assert mem.load_cap(DST + offset) == cap


def test_relocate_in_place_and_many_pages():
    mem = Memory(1 << 20)
    for page in range(4):
        mem.store_cap(SRC + page * 4096 + 0x80, inside(PARENT + page * 0x1000, 0x10))
    copy_and_relocate(mem, SRC, SRC, 4, PARENT, SLOT, CHILD - PARENT, slot_root(CHILD))
    for page in range(4):
        assert mem.load_cap(SRC + page * 4096 + 0x80).base == CHILD + page * 0x1000
    assert mem.reloc_counters()["pages_copied"] == 0


def test_relocate_one_register():
    cap = inside(PARENT + 0x500, 32)
    moved = relocate_capability(cap, PARENT, SLOT, CHILD - PARENT, slot_root(CHILD))
    assert moved.base == CHILD + 0x500 and moved.tag
    gate = Capability.root().set_address(0x7000).set_bounds(16)
    assert relocate_capability(gate, PARENT, SLOT, CHILD - PARENT, slot_root(CHILD)) is gate


def test_bad_requests_are_errors():
    mem = Memory(1 << 20)
    with pytest.raises(ValueError):
        copy_and_relocate(mem, DST + 8, SRC)                 # not page-aligned
    with pytest.raises(ValueError):
        copy_and_relocate(mem, (1 << 20) - 4096, SRC, 2)     # runs off the end of memory
    with pytest.raises(ValueError):
        copy_and_relocate(mem, DST, SRC, 1, PARENT, SLOT, 0)  # relocating needs a root
