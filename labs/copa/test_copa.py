"""The grader of lab copa (labs/copa/README.md): the copy-on-pointer-access fork of
ufos/kernel/fork.py (share_pages, resolve_shared_page, copy_page), graded on its mechanism and on
its behaviour. Mechanism: labs/copa/copa_probe.c touches pages after fork one way at a time and
prints how much its PagesCopied and CapsRelocated (/proc/self/status) went up; each must be what
copa promises. Behaviour: usertests pass under copa (the isolation audit clean), coa and classic.
`ufos grade copa` runs it; so does `pytest labs/copa/test_copa.py`."""
from __future__ import annotations

from pathlib import Path

import pytest

from ufos import grading
from ufos.grading import run
from ufos.runner import run_image
from ufos.toolchain.driver import build_executable

LIMIT = 5_000_000                # instructions: the probe needs about 200,000
USERTESTS_LIMIT = 50_000_000     # usertests needs about 5 million
PROBE = Path(__file__).with_name("copa_probe.c")


@pytest.fixture(scope="module")
def steps() -> dict[str, tuple[int, ...]]:
    """The probe, run once under copa: each step's name -> its numbers (see copa_probe.c)."""
    r = run_image(build_executable([PROBE]), ["copa_probe"], max_instructions=LIMIT, policy="copa",
                  seed=grading.seed)
    if r.kernel.kernel_bugs:
        pytest.fail(f"your code raised in the kernel: {r.kernel.kernel_bugs[0][:400]}", pytrace=False)
    if r.instructions >= LIMIT:
        pytest.fail(f"copa_probe exceeded {LIMIT:,} instructions", pytrace=False)
    if r.status != 0:
        pytest.fail(f"copa_probe ended with status {r.status}: {r.stderr.decode(errors='replace')[:300]}",
                    pytrace=False)
    return {line.split()[0]: tuple(map(int, line.split()[1:])) for line in r.stdout.decode().splitlines()}


def expect(steps, step: str, what: str, pages: int, caps: int) -> None:
    """The probe's step copied `pages` pages and relocated `caps` capabilities, and read right."""
    got_pages, got_caps, right = steps[step]
    assert right == 1, f"{what}: the process read the wrong value (its memory is not what it wrote)"
    assert (got_pages, got_caps) == (pages, caps), \
        f"{what}: PagesCopied went up by {got_pages} and CapsRelocated by {got_caps}; copa promises " \
        f"{pages} and {caps}"


@pytest.mark.points(15, hint="share_pages maps every page of the parent into the child too, on the same frame "
                             "(PageTable.share does the loop), instead of copying them all")
def test_fork_shares_the_pages(steps):
    """Right after fork the child still shares most of its pages with its parent (it has copied
    only the capability tables and the stack it ran on)."""
    pages, shared, copied = steps["shared"]
    assert shared >= pages // 3 and copied < pages // 2, \
        f"right after fork the child has {pages} pages, shares {shared} of them and has copied {copied}: " \
        f"copa shares them and copies only the few the child touches"


@pytest.mark.points(10, hint="a data read is allowed on a shared page (it is read-only, not inaccessible): "
                             "it must not fault, nor copy")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_reading_data_copies_nothing(steps):
    """The child reads data from four shared pages, then from a fifth: nothing is copied."""
    expect(steps, "read-data", "the child read data from 4 shared pages", 0, 0)
    expect(steps, "read-before-load", "the child read data from a shared page", 0, 0)


@pytest.mark.points(15, hint="a write to a shared page faults: copy_page gives the writer a frame of its own "
                             "(alloc, drop its reference to the shared one, count it), copied and relocated")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_a_write_copies_that_one_page(steps):
    """The child's write to a shared page copies that page and moves its one pointer; a second
    write to it copies nothing."""
    expect(steps, "write", "the child wrote to a shared page holding one pointer", 1, 1)
    expect(steps, "write-again", "the child wrote again to the page it copied", 0, 0)


@pytest.mark.points(15, hint="the child's entries trap capability loads (CAP_TRAP): the fault on a load is "
                             "resolved as a write's is, by a copy with the pointers moved into the child")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_the_childs_first_pointer_load_copies_the_page(steps):
    """The child's first capability load from a shared page copies it and moves its pointer, so
    the pointer it gets points into its own slot; a second load copies nothing."""
    expect(steps, "load", "the child loaded a pointer from a shared page", 1, 1)
    expect(steps, "load-again", "the child loaded the pointer again", 0, 0)


@pytest.mark.points(10, hint="the parent's entries are read-only too: its write copies the page for the parent, "
                             "with nothing to move (the pointers in it are its own); its pointer loads do not trap")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_the_parents_write_copies_for_the_parent(steps):
    """The parent writes a page it shares with a child: it gets its own copy (no pointer moves),
    and the child still reads the old value. The parent's pointer loads copy nothing."""
    expect(steps, "parent-write", "the parent wrote to a page it shares with its child", 1, 0)
    expect(steps, "child-sees-old-data", "the child read the page its parent had written since", 0, 0)
    expect(steps, "parent-load", "the parent loaded a pointer from a shared page", 0, 0)


@pytest.mark.points(5, hint="when a frame's reference count is 1 and its pointers are already this μprocess's "
                            "(its origin is this slot), the fault just gives the page its rights back")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_the_last_sharer_takes_its_page_back(steps):
    """After its children have exited, the parent's write to a page they shared copies nothing."""
    expect(steps, "parent-write-alone", "the parent wrote to a page nobody shares any more", 0, 0)


@pytest.mark.points(5, hint="the last user of a frame whose pointers point into another slot (its origin) "
                            "relocates it in place: no new frame, no page copied, its pointers moved")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_the_last_user_relocates_in_place(steps):
    """The parent has copied a page for itself; the child, now the frame's only user, loads its
    pointer: the page is relocated where it is (no copy), its pointer moved."""
    expect(steps, "child-load-alone", "the child loaded a pointer from a frame only it still maps", 0, 1)


def usertests_pass(policy: str, audit: bool = False) -> None:
    r = run(["usertests"], max_instructions=USERTESTS_LIMIT, policy=policy, audit=audit)
    assert not r.kernel.kernel_bugs, f"under {policy}, your code raised in the kernel: {r.kernel.kernel_bugs[0][:300]}"
    out = r.stdout.decode(errors="replace").splitlines()
    failed = [line for line in out if "FAILED" in line]
    assert r.status == 0 and out[-1:] == ["ALL TESTS PASSED"], \
        f"usertests under {policy} ended with status {r.status}: {failed[:3] or out[-3:]}"
    problems = [f"after {event} of pid {pid}: {found[0]}" for event, pid, found in r.kernel.audits if found]
    assert not problems, f"the isolation audit under {policy} found {len(problems)} problem(s): {problems[0]}"


@pytest.mark.points(15, hint="usertests forks, pipes, signals and attacks under copa; the isolation audit checks "
                             "after every fork and fault that no μprocess can reach another's memory")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_usertests_pass_under_copa():
    """usertests print ALL TESTS PASSED under copa, and the isolation audit finds nothing."""
    usertests_pass("copa", audit=True)


@pytest.mark.points(10, hint="coa shares pages with no access at all, classic copy-on-write at the same "
                             "addresses: both go through your resolve_shared_page")
@pytest.mark.parent("test_fork_shares_the_pages")
def test_usertests_pass_under_coa_and_classic():
    """usertests print ALL TESTS PASSED under coa and under classic too."""
    usertests_pass("coa")
    usertests_pass("classic")
