"""Tagged physical memory and page tables, from the host's side (the kernel's interface)."""
import pytest

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.machine.memory import Memory
from ufos.machine.mmu import PageTable, describe_pte

PTE = isa.PTE


def bounded(base, length):
    return Capability.root().set_address(base).set_bounds(length)


def test_memory_starts_zeroed_and_untagged():
    mem = Memory(1 << 16)
    assert len(mem) == 1 << 16
    assert mem.read(0, 64) == bytes(64)
    assert mem.tagged_granules(0, 1 << 16) == []


def test_capability_store_sets_the_tag_and_load_returns_it():
    mem = Memory(1 << 16)
    cap = bounded(0x1000, 0x40)
    mem.store_cap(0x200, cap)
    assert mem.tag(0x200) and mem.tag(0x20f) and not mem.tag(0x210)
    assert mem.load_cap(0x200) == cap
    assert mem.tagged_granules(0, 0x1000) == [0x200]
    # the memory image is Morello's: address at +0, metadata at +8, little-endian
    pesbt, cursor = cap.to_mem()
    assert mem.read(0x200, 16) == cursor.to_bytes(8, "little") + pesbt.to_bytes(8, "little")


def test_an_untagged_capability_store_clears_the_tag():
    mem = Memory(1 << 16)
    mem.store_cap(0x200, bounded(0x1000, 0x40))
    mem.store_cap(0x200, bounded(0x1000, 0x40).clear_tag())
    assert not mem.tag(0x200)


@pytest.mark.parametrize("offset,length", [(0, 1), (15, 1), (8, 8), (14, 4)])
def test_any_data_store_into_a_granule_clears_its_tag(offset, length):
    mem = Memory(1 << 16)
    mem.store_cap(0x200, bounded(0x1000, 0x40))
    mem.store_cap(0x210, bounded(0x1000, 0x40))
    mem.write(0x200 + offset, b"\xff" * length)
    assert not mem.tag(0x200)
    # a write that reaches into the next granule clears that one too; otherwise it stays
    assert mem.tag(0x210) == (offset + length <= 16)
    loaded = mem.load_cap(0x200)
    assert not loaded.tag


def test_zero_clears_bytes_and_tags():
    mem = Memory(1 << 16)
    mem.store_cap(0x1000, bounded(0x1000, 0x40))
    mem.zero(0x1000, 4096)
    assert mem.read(0x1000, 16) == bytes(16) and not mem.tag(0x1000)


def test_host_access_outside_memory_is_an_error_not_a_crash():
    mem = Memory(1 << 16)
    for call in (lambda: mem.read(1 << 16, 1), lambda: mem.read((1 << 64) - 1, 2),
                 lambda: mem.write(0xFFFF, b"ab"), lambda: mem.load_cap(1 << 16),
                 lambda: mem.store_cap(0x10000, Capability.null()), lambda: mem.tag(1 << 20)):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(ValueError):
        mem.load_cap(0x108)                  # capabilities are 16-byte aligned
    with pytest.raises(ValueError):
        Memory(1000)                         # whole pages only


def test_page_table_map_translate_protect_unmap():
    pt = PageTable()
    flags = PTE["READ"] | PTE["WRITE"] | PTE["AF"]
    pt.map(0x40000, 0x5000, flags)
    assert pt.mapped == 1
    assert pt.translate(0x40123) == 0x5123
    assert pt.translate(0x41000) is None
    assert pt.lookup(0x40000) == 0x5000 | flags | PTE["VALID"]
    assert describe_pte(pt.lookup(0x40000)) == "pa=0x5000 VALID|READ|WRITE|AF"
    pt.protect(0x40000, clear_bits=PTE["WRITE"], set_bits=PTE["CAP_TRAP"])
    assert describe_pte(pt.lookup(0x40000)) == "pa=0x5000 VALID|READ|AF|CAP_TRAP"
    assert pt.mappings() == [(0x40000, pt.lookup(0x40000))]
    assert pt.unmap(0x40000) & PTE["VALID"]
    assert pt.translate(0x40000) is None and pt.mapped == 0
    assert pt.unmap(0x40000) == 0


def test_page_table_covers_48_bit_addresses_and_rejects_bad_requests():
    pt = PageTable()
    top = (1 << 48) - 0x1000
    pt.map(top, 0x1000, PTE["READ"] | PTE["AF"])
    assert pt.translate(top + 5) == 0x1005
    with pytest.raises(ValueError):
        pt.map(1 << 48, 0x1000, PTE["READ"])       # beyond the address space
    with pytest.raises(ValueError):
        pt.map(0x1234, 0x1000, PTE["READ"])        # not page-aligned
    with pytest.raises(ValueError):
        pt.map(0x1000, 0x1001, PTE["READ"])        # not a frame address
    with pytest.raises(KeyError):
        pt.protect(0x2000, set_bits=PTE["READ"])   # nothing mapped there


def test_mappings_lists_a_range_in_address_order():
    pt = PageTable()
    for va in (0x7000_0000, 0x1000, 0x40_0000_0000, 0x5000):
        pt.map(va, 0x3000, PTE["READ"])
    assert [va for va, _ in pt.mappings()] == [0x1000, 0x5000, 0x7000_0000, 0x40_0000_0000]
    assert [va for va, _ in pt.mappings(0x2000, 0x7000_0000)] == [0x5000]
    assert [va for va, _ in pt.mappings(0x5000, 0x5001)] == [0x5000]
    assert pt.mappings(0x6000, 0x7000_0000) == []


def test_share_maps_the_parents_frames_into_the_child_and_counts_references():
    from array import array
    pt = PageTable()
    rw = PTE["READ"] | PTE["WRITE"] | PTE["AF"]
    pt.map(0x4000_0000, 0x1000, rw)
    pt.map(0x4000_3000, 0x2000, rw)
    pt.map(0x5000_0000, 0x3000, rw)                  # outside the range: not shared
    refs = array("I", [1] * 16)
    child = 0x1_0000_0000
    n = pt.share(pt, 0x4000_0000, 0x5000_0000, child - 0x4000_0000,
                 PTE["WRITE"], PTE["WRITE"], PTE["CAP_TRAP"], refs)
    assert n == 2 and list(refs[:4]) == [1, 2, 2, 1]
    assert pt.lookup(0x4000_3000) == 0x2000 | PTE["VALID"] | PTE["READ"] | PTE["AF"]      # parent: read-only
    assert pt.lookup(child + 0x3000) == 0x2000 | PTE["VALID"] | PTE["READ"] | PTE["AF"] | PTE["CAP_TRAP"]
    assert pt.lookup(0x5000_0000) & PTE["WRITE"] and not pt.lookup(child + 0x1000_0000)
    # a child slot below the parent: the distance wraps around 2**64
    below = PageTable()
    pt.share(below, 0x4000_0000, 0x4000_1000, (0x1000_0000 - 0x4000_0000) % (1 << 64), 0, 0, 0, refs)
    assert below.translate(0x1000_0000) == 0x1000 and refs[1] == 3
    with pytest.raises(ValueError):                  # the child's page is already there
        pt.share(pt, 0x4000_0000, 0x4000_1000, child - 0x4000_0000, 0, 0, 0, refs)
    with pytest.raises(ValueError):                  # a frame the counts do not cover
        pt.share(PageTable(), 0x5000_0000, 0x5000_1000, 0, 0, 0, 0, array("I", [0, 0]))
