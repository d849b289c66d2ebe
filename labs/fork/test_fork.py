"""The grader of lab fork (labs/fork/README.md): the student's copy_and_relocate_page
(ufos/kernel/relocate.py) against the machine's fast path (ufos/machine/relocate.pyx), the
reference. First on pages built here, one kind of capability at a time; then inside ufos, booted
with the sync policy and relocator="python", where every page usertests' forks copy is also copied
by the fast path into scratch memory and the two compared granule by granule.
`ufos grade fork` runs it; so does `pytest labs/fork/test_fork.py`."""
from __future__ import annotations

import pytest

from ufos.abi import CAP_PERMS
from ufos.grading import run
from ufos.kernel import relocate
from ufos.kernel.vm import GATE, SLOT_SIZE, SLOT_STRIDE, USER_PERMS
from ufos.machine.cap import Capability
from ufos.machine.isa import PAGE_SIZE as PAGE, PERM, PERM_ALL
from ufos.machine.memory import Memory
from ufos.machine.relocate import copy_and_relocate

LIMIT = 50_000_000                 # instructions: usertests needs about 5 million
PARENT, CHILD = SLOT_STRIDE, 3 * SLOT_STRIDE          # two slots' bases, as the kernel places them
DELTA = CHILD - PARENT
HEAP, TEXT = PARENT + 0x100000, PARENT + 0x10000     # places in the parent's slot
SRC, DST, WANT = 0, PAGE, 2 * PAGE                   # the scratch memory's pages


def slot_root(base: int) -> Capability:
    """A μprocess's root capability, as the kernel makes it (vm.AddressSpace.root)."""
    return Capability.root().set_address(base).set_bounds(SLOT_SIZE).clear_perms(PERM_ALL & ~USER_PERMS)


def bounded(base: int, length: int, perms: int, root: Capability | None = None) -> Capability:
    root = root or slot_root(PARENT)
    return root.set_address(base).set_bounds(length).clear_perms(PERM_ALL & ~perms)


DATA, CODE = CAP_PERMS[".data"], CAP_PERMS[".text"]
GATE_CODE = Capability.root().set_address(GATE).set_bounds(PAGE).clear_perms(
    PERM_ALL & ~(PERM["EXECUTE"] | PERM["LOAD"] | PERM["BRANCH_SEALED_PAIR"])).seal(0x4B)


def page_with(items: list[tuple[int, object]]) -> Memory:
    """Scratch memory whose page SRC holds some bytes everywhere and, at each offset, the
    capability (stored with its tag) or the bytes given."""
    memory = Memory(3 * PAGE)
    memory.write(SRC, bytes((i * 7 + 3) & 0xFF for i in range(PAGE)))
    for offset, item in items:
        if isinstance(item, Capability):
            memory.store_cap(SRC + offset, item)
        else:
            memory.write(SRC + offset, item)
    return memory


def describe(offset: int, original: Capability, got: Capability, want: Capability) -> str:
    """What is wrong with the granule at offset, in the words of the handout."""
    where = f"+{offset:#05x}"
    if not want.tag:
        if got.tag:
            return f"{where}: data (no tag) came out as a capability"
        return f"{where}: the bytes differ from the page's (data is copied as it is)"
    if not got.tag and got.to_mem() in (original.to_mem(), want.to_mem()):
        return f"{where}: the capability {original} lost its tag (a data write clears tags: store it back " \
               f"with store_cap)"
    if not got.tag:
        return f"{where}: the capability {original} is missing from the copy"
    if want == original:
        return f"{where}: {original} points outside the parent's slot and must be kept as it is, not {got}"
    if want.sealed and not got.sealed:
        return f"{where}: {original} is sealed (object type {original.otype}): the moved one must be sealed " \
               f"again with it, not {got}"
    if got.address == original.address:
        return f"{where}: {original} points into the parent's slot but was not moved (by {DELTA:#x})"
    if got.perms != want.perms:
        return f"{where}: {original} moved to {got}: its permissions should stay those of the original"
    if (got.base, got.top) != (want.base, want.top):
        return f"{where}: {original} moved to {got}: its bounds should be moved by exactly delta, as {want}"
    return f"{where}: {original} moved to {got}, the machine's fast path makes {want}"


def differences(got: tuple[Memory, int], want: tuple[Memory, int], source: tuple[Memory, int]) -> list[str]:
    """Every granule where the page got (a memory and a physical address) differs from the fast
    path's copy want of the page source: bytes, tag, bounds, permissions, seal."""
    problems = []
    for offset in range(0, PAGE, 16):
        a, b = got[0].load_cap(got[1] + offset), want[0].load_cap(want[1] + offset)
        if a != b:
            problems.append(describe(offset, source[0].load_cap(source[1] + offset), a, b))
    return problems


def check_against_machine(items: list[tuple[int, object]], in_place: bool = False) -> int:
    """Relocate a page holding items, from the parent's slot to the child's, with the student's
    code and with the machine's; fail with the first differences. Returns what the student's
    code returned."""
    memory, source = page_with(items), page_with(items)
    copy_and_relocate(memory, WANT, SRC, 1, PARENT, SLOT_SIZE, DELTA, slot_root(CHILD))
    dst = SRC if in_place else DST
    got = relocate.copy_and_relocate_page(memory, dst, SRC, PARENT, SLOT_SIZE, DELTA, slot_root(CHILD))
    problems = differences((memory, dst), (memory, WANT), (source, SRC))
    assert not problems, f"{len(problems)} granule(s) differ from the machine's copy: " + "; ".join(problems[:3])
    return got


# --- pages built here -----------------------------------------------------------------------------
@pytest.mark.points(10, hint="copy all 4096 bytes; an integer that looks like an address, or the bytes of a "
                             "capability that lost its tag, is data: leave it alone")
def test_data_is_copied_as_it_is():
    """A page of data, an address stored as an integer and an untagged capability among it, is
    copied byte for byte, and nothing is counted as relocated."""
    stale = bounded(HEAP, 64, DATA).clear_tag()
    got = check_against_machine([(0x40, HEAP.to_bytes(8, "little")), (0x80, stale)])
    assert got == 0, f"copy_and_relocate_page returned {got} for a page with no capability (expected 0)"


@pytest.mark.points(10, hint="a capability whose bounds are not inside the parent's slot (the kernel's sealed "
                             "gate, another slot, one that reaches past the slot's end) is copied as it is, "
                             "with its tag: store_cap it back unchanged")
def test_capabilities_elsewhere_are_kept():
    """The gate's sealed capability, one to another slot and one reaching past the slot's end
    keep their tag and every bit, and are not counted."""
    other_slot = bounded(CHILD + 0x5000, 0x100, DATA, slot_root(CHILD))
    straddling = bounded(PARENT + SLOT_SIZE - PAGE, 2 * PAGE, DATA, Capability.root())
    got = check_against_machine([(0x10, GATE_CODE), (0x20, other_slot), (0x30, straddling)])
    assert got == 0, f"copy_and_relocate_page returned {got}, but none of these capabilities moves (expected 0)"


@pytest.mark.points(15, hint="each tagged capability inside the parent's slot is derived again from the child's "
                             "root: base + delta, the same length (exactly), then address + delta")
def test_pointers_into_the_slot_move():
    """Pointers to a heap object, to one past its end, to a large buffer and to the whole slot
    all move by delta, with the bounds they had."""
    obj = bounded(HEAP, 48, DATA)
    items = [(0x00, obj.set_address(HEAP + 16)), (0x10, obj.set_address(HEAP + 48)),
             (0x20, bounded(HEAP + 0x40000, 0x40000, DATA).set_address(HEAP + 0x41230)),
             (0x30, slot_root(PARENT).set_address(HEAP)), (0xff0, bounded(PARENT + SLOT_SIZE - 64, 64, DATA))]
    check_against_machine(items)


@pytest.mark.points(10, hint="clear from the child's root the permissions the parent's capability did not have: "
                             "a read-only pointer stays read-only")
def test_permissions_are_kept():
    """A read-only pointer, a read-write one and one that may not load capabilities keep their
    permissions when they move."""
    read_only = PERM["LOAD"] | PERM["LOAD_CAP"] | PERM["GLOBAL"]
    items = [(0x100, bounded(HEAP, 32, read_only)), (0x110, bounded(HEAP + 32, 32, DATA)),
             (0x120, bounded(HEAP + 64, 32, DATA & ~PERM["LOAD_CAP"]))]
    check_against_machine(items)


@pytest.mark.points(10, hint="a sealed capability (a function pointer is a sealed entry, object type 1) must be "
                             "sealed again with its object type once moved: seal(cap.otype)")
def test_sealed_capabilities_stay_sealed():
    """A function pointer (a sentry), the other two sealed entry kinds and a capability sealed
    with an object type of the kernel's move and stay sealed with their object types."""
    function = bounded(TEXT, 0x2000, CODE).set_address(TEXT + 0x124)
    items = [(0x200, function.seal_entry()), (0x210, function.seal_entry(2)), (0x220, function.seal_entry(3)),
             (0x230, bounded(HEAP, 64, DATA).seal(0x30))]
    check_against_machine(items)


MIXED = [(0x000, bounded(HEAP, 48, DATA).set_address(HEAP + 8)), (0x010, HEAP.to_bytes(8, "little")),
         (0x020, GATE_CODE), (0x500, bounded(HEAP + 0x1000, 0x1000, DATA)),
         (0xff0, slot_root(PARENT).set_address(TEXT))]


@pytest.mark.points(10, hint="dst == src: the page's last user relocates it in place. Read its capabilities "
                             "before you write its bytes back (a data write clears the tags)")
def test_relocating_in_place():
    """With dst == src the page is relocated where it is: data unchanged, pointers moved."""
    check_against_machine(MIXED, in_place=True)


@pytest.mark.points(10, hint="return how many capabilities you moved (that kept their tag): the kernel adds it "
                             "to the child's CapsRelocated")
def test_it_returns_how_many_capabilities_moved():
    """A page with three pointers into the slot, one elsewhere and some data: 3."""
    got = check_against_machine(MIXED)
    assert got == 3, f"copy_and_relocate_page returned {got} for a page with 3 pointers into the slot"


# --- inside ufos: usertests under sync, every page checked --------------------------------------
class Checked:
    """The kernel's relocator, wrapped: each page it copies is also copied, from the same
    source, by the machine's fast path in scratch memory, and the two compared."""

    def __init__(self, relocator):
        self.relocator = relocator
        self.scratch = Memory(2 * PAGE)      # page 0: the source, page 1: the fast path's copy
        self.pages = 0
        self.problems: list[str] = []
        self.counts = (0, 0)                 # capabilities relocated: the student's, the machine's

    def __call__(self, memory, dst, src, slot_base, slot_size, delta, root):
        self.scratch.write(0, memory.read(src, PAGE))
        for pa in memory.tagged_granules(src, PAGE):
            self.scratch.store_cap(pa - src, memory.load_cap(pa))
        got = self.relocator(memory, dst, src, slot_base, slot_size, delta, root)
        want = copy_and_relocate(self.scratch, PAGE, 0, 1, slot_base, slot_size, delta % (1 << 64), root)
        self.pages += 1
        self.counts = (self.counts[0] + got, self.counts[1] + want)
        if len(self.problems) < 3:
            self.problems += [f"the page copied to {dst:#x}, {problem}"
                              for problem in differences((memory, dst), (self.scratch, PAGE), (self.scratch, 0))[:1]]
        return got


@pytest.fixture(scope="module")
def usertests():
    """usertests run twice under sync: with the machine's relocator, and with the student's (checked)."""
    machine = run(["usertests"], max_instructions=LIMIT, policy="sync")
    checked = Checked(relocate.copy_and_relocate_page)
    relocate.copy_and_relocate_page = checked
    try:
        python = run(["usertests"], max_instructions=LIMIT, policy="sync", relocator="python")
    finally:
        relocate.copy_and_relocate_page = checked.relocator
    return machine, python, checked


def copies(r) -> dict[int, tuple[int, int]]:
    """Each μprocess of the run that ended: pid -> (PagesCopied, CapsRelocated)."""
    return {p.pid: (p.space.stats.pages_copied, p.space.stats.caps_relocated) for p in r.kernel.history}


@pytest.mark.points(10, hint="usertests forks about fifty times; under sync every page of every child goes "
                             "through your copy_and_relocate_page. Its signal tests need the handlers, "
                             "function pointers, still sealed in the child")
@pytest.mark.parent("test_pointers_into_the_slot_move")
def test_usertests_pass_with_your_relocation(usertests):
    """usertests, booted with the sync policy and your relocator, prints ALL TESTS PASSED."""
    _machine, python, _checked = usertests
    assert not python.kernel.kernel_bugs, f"your code raised in the kernel: {python.kernel.kernel_bugs[0][:300]}"
    out = python.stdout.decode(errors="replace").splitlines()
    failed = [line for line in out if "FAILED" in line]
    assert python.status == 0 and out[-1:] == ["ALL TESTS PASSED"], \
        f"usertests ended with status {python.status}: {failed[:3] or out[-3:]}"


@pytest.mark.points(10, hint="every page must come out as the machine's fast path makes it: the reason says "
                             "which granule differs and how")
@pytest.mark.parent("test_pointers_into_the_slot_move")
def test_every_page_is_relocated_as_the_machine_does(usertests):
    """Each of the ~1,600 pages usertests' forks copy matches the fast path's copy of the same
    page: its bytes, its tags, and every capability's bounds, permissions and seal."""
    _machine, _python, checked = usertests
    assert checked.pages > 1000, f"only {checked.pages} pages went through copy_and_relocate_page"
    assert not checked.problems, "; ".join(checked.problems)


@pytest.mark.points(5, hint="the counters come from what copy_and_relocate_page returns (the capabilities "
                            "moved and still tagged)")
@pytest.mark.parent("test_usertests_pass_with_your_relocation")
def test_the_counters_match_the_machine(usertests):
    """PagesCopied and CapsRelocated of every μprocess usertests made are those the machine's
    relocator gives."""
    machine, python, checked = usertests
    want, got = copies(machine), copies(python)
    differ = [f"pid {pid}: {got.get(pid)} instead of {want[pid]}" for pid in sorted(want) if got.get(pid) != want[pid]]
    assert not differ, f"(PagesCopied, CapsRelocated) differ from the machine's: {', '.join(differ[:3])}"
    assert checked.counts[0] == checked.counts[1], \
        f"your relocator counted {checked.counts[0]} capabilities moved, the machine {checked.counts[1]}"
