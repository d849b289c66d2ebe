"""The grader of lab cheri (labs/cheri/README.md): each experiment of /bin/cherilab, built from this
tree's userland/bin/cherilab, must end in the capability fault it is about. The evidence is the
machine's and the kernel's, never what the program prints about itself: the exit status
(128 + SIGPROT), the machine's count of capability faults by kind, and the kernel's report on the
program's standard error, which names the access, the address and the capability that refused it.
`ufos grade cheri` runs it; so does `pytest labs/cheri/test_cheri.py`."""
import re
from dataclasses import dataclass

import pytest

from ufos.grading import run
from ufos.kernel.uapi import SIG

LIMIT = 3_000_000        # instructions; the reference experiments need at most 0.9 million

# The kernel's words for a fault (ufos/kernel/trap.py) -> the machine's counter of it (cpu.counters())
COUNTER = {"tag": "tag", "seal": "seal", "permission": "perm", "bounds": "bounds"}

# "killed by SIGPROT: capability bounds fault: store at 0x40022018 via c0 0x40022000
#  [rwRW,0x40022000-0x40022018] (pc 0x40010260): strb x1, [c0, x3]"
REPORT = re.compile(
    r"killed by SIGPROT: capability (?P<kind>\w+) fault: (?P<access>\w+) at (?P<address>0x[0-9a-f]+) "
    r"via (?P<register>\w+) (?P<cap>0x[0-9a-f]+(?: \[(?P<perms>\w*),(?P<base>0x[0-9a-f]+)-(?P<top>0x[0-9a-f]+)\])?"
    r"(?: \((?P<attrs>[\w,]+)\))?) \(pc")


@dataclass
class Fault:
    """The capability fault that ended an experiment, as the kernel reported it."""
    kind: str            # tag, seal, permission, bounds
    access: str          # load, store, fetch
    address: int
    register: str        # the register that held the capability: c0..c30, csp, pcc
    cap: str             # the capability as %#p prints it
    perms: str | None    # its permission letters (None for an integer made a pointer: no bounds)
    base: int | None
    top: int | None
    stdout: str          # what the experiment said before the fault (the addresses it set up)

    def printed(self, name: str) -> int:
        """The address the experiment printed as "NAME = 0x..." before the fault."""
        match = re.search(rf"^{re.escape(name)} = (0x[0-9a-f]+)", self.stdout, re.M)
        assert match, f"cherilab did not print '{name} = ADDRESS' before the fault: {self.stdout!r}"
        return int(match[1], 16)


def trapped(experiment: str, kind: str) -> Fault:
    """Run `cherilab EXPERIMENT`; it must be killed by SIGPROT with one capability fault of kind."""
    r = run(["cherilab", experiment], max_instructions=LIMIT)
    err = r.stderr.decode(errors="replace").strip()
    assert r.status != 1, err.splitlines()[-1] if err else f"cherilab {experiment} exited with 1"
    assert r.status == 128 + SIG.SIGPROT, \
        f"cherilab {experiment} should be killed by SIGPROT (status {128 + SIG.SIGPROT}), not end with {r.status}: {err[-200:]}"
    report = REPORT.search(err)
    assert report, f"no capability fault report from the kernel on cherilab's standard error: {err[-200:]}"
    assert report["kind"] == kind, f"a {report['kind']} fault where a {kind} fault was expected: {report[0]}"
    counted = r.kernel.cpu.counters()["cap_faults"]
    assert counted[COUNTER[kind]] == 1 and sum(counted.values()) == 1, \
        f"the machine counted these capability faults: {counted} (expected exactly one {kind} fault)"
    number = lambda text: int(text, 16) if text else None     # noqa: E731
    return Fault(kind, report["access"], int(report["address"], 16), report["register"], report["cap"],
                 report["perms"], number(report["base"]), number(report["top"]), r.stdout.decode(errors="replace"))


def overflow_stopped_at_the_end(fault: Fault, length: int, what: str) -> None:
    """A store one byte past an object of length bytes, through a capability bounded to exactly it."""
    assert fault.access == "store", f"the fault was a {fault.access}, not the overflow's store: {fault.cap}"
    assert fault.top - fault.base == length, \
        f"the capability of {what} should be {length} bytes long, it is {fault.top - fault.base}: {fault.cap}"
    assert fault.address == fault.top, \
        f"the overflow should stop at the first byte past {what} ({fault.top:#x}), it stopped at {fault.address:#x}"


@pytest.mark.points(15, hint="part 1: arena_alloc returns cheri_bounds_set(p, n) (exact for small n)")
def test_heap():
    """Writing 40 bytes into a 24-byte arena object stops at its 25th byte with a bounds fault."""
    fault = trapped("heap", "bounds")
    overflow_stopped_at_the_end(fault, 24, "the 24-byte object")
    assert fault.base == fault.printed("a"), f"the capability does not start at the object: {fault.cap}"


@pytest.mark.points(10, hint="part 1: pad the length with cheri_representable_length and align the start "
                             "with cheri_representable_alignment_mask, then bound it exactly")
@pytest.mark.parent("test_heap")
def test_heap_big():
    """A 200001-byte object's bounds start exactly at it: a write one byte below it is a bounds fault."""
    fault = trapped("heap-big", "bounds")
    big = fault.printed("big")
    assert fault.address == big - 1 and fault.base == big, \
        f"the write below big ({big - 1:#x}) should be refused by big's own bounds, starting at {big:#x}: {fault.cap}"
    assert fault.top - fault.base >= 200001, f"big's capability is shorter than the 200001 bytes asked for: {fault.cap}"
    assert fault.printed("a") + 24 <= fault.base, f"big's bounds cover the object before it: {fault.cap}"


@pytest.mark.points(15, hint="part 2: word_at bounds the word to len + 1 bytes (its NUL too)")
def test_stack():
    """Copying "alphabetical" over the 5-letter first word of a line on the stack stops at the byte
    after its NUL, with a bounds fault."""
    fault = trapped("stack", "bounds")
    overflow_stopped_at_the_end(fault, 6, "the first word and its NUL")
    assert fault.base == fault.printed("first"), f"the capability does not start at the word: {fault.cap}"


@pytest.mark.points(15, hint="part 3: acc->name is a pointer to the whole struct; bound it with sizeof acc->name")
def test_subobject():
    """A 24-character name written into the 16-byte member name[16] stops before the balance, with a
    bounds fault."""
    fault = trapped("subobject", "bounds")
    overflow_stopped_at_the_end(fault, 16, "name[16]")
    assert fault.base == fault.printed("name"), f"the capability does not start at the name: {fault.cap}"


@pytest.mark.points(10, hint="part 4: cheri_perms_and(p, CHERI_PERM_LOAD | CHERI_PERM_LOAD_CAP)")
def test_readonly():
    """Reading through the read-only view works; writing through it is a permission fault."""
    fault = trapped("readonly", "permission")
    assert fault.access == "store", f"the {fault.access} faulted, not the write (a reader needs Load): {fault.cap}"
    assert "r" in fault.perms and not set("wW") & set(fault.perms), \
        f"the view should keep r and lose w and W, its permissions are [{fault.perms}]: {fault.cap}"


@pytest.mark.points(10, hint="part 5: in CHERI C, casting an integer to a pointer gives a capability without a tag")
def test_forge():
    """A pointer made from the secret's address alone is refused with a tag fault at that address."""
    fault = trapped("forge", "tag")
    secret = fault.printed("secret")
    assert fault.access == "load" and fault.address == secret, \
        f"the fault should be the read of the secret at {secret:#x}, it was a {fault.access} at {fault.address:#x}"


@pytest.mark.points(10, hint="part 6: copy the pointer with char stores, one byte at a time")
def test_tags():
    """A pointer copied byte by byte has the same bits (bounds, permissions, address) but no tag:
    reading through it is a tag fault."""
    fault = trapped("tags", "tag")
    secret = fault.printed("secret")
    assert fault.access == "load" and fault.address == secret, \
        f"the fault should be the read of the secret at {secret:#x}, it was a {fault.access} at {fault.address:#x}"
    assert (fault.base, fault.top) == (secret, secret + 16) and fault.perms == "rwRW", \
        f"the copy should keep every bit of the pointer to the 16-byte secret but the tag: {fault.cap}"


@pytest.mark.points(15, hint="part 7: write target over the address of g->greet with a data store (memcpy of its 8 bytes)")
def test_funcptr():
    """Calling the function pointer whose address was overwritten with win's faults on fetching
    win's first instruction (a tag fault through PCC): win never runs."""
    fault = trapped("funcptr", "tag")
    win = fault.printed("win") & ~1     # bit 0 of a code pointer says the ISA state (C64), not the address
    assert fault.access == "fetch" and fault.register == "pcc" and fault.address == win, \
        f"the call should fault fetching win's first instruction at {win:#x}: a {fault.access} via " \
        f"{fault.register} at {fault.address:#x}"
