"""The grader of lab syscall (labs/syscall/README.md): the sysinfo system call, in the kernel of this
tree (ufos/kernel/sys_info.py) and its libc wrapper (userland/libc/sysinfo.c). /bin/sysinfotest
(provided) makes the call with a good pointer and with bad ones; /bin/sysinfo (provided) goes
through the wrapper. The values are compared with the kernel's own tables, read at the moment of
each call by wrapping the handler; the bad pointers must fail with EFAULT and leave memory alone;
the isolation audit runs after every fork, exec and fault.
`ufos grade syscall` runs it; so does `pytest labs/syscall/test_syscall.py`."""
import pytest

from ufos.grading import run
from ufos.kernel import syscall
from ufos.kernel.uapi import SYS
from ufos.kernel.vm import PAGE

LIMIT = 2_000_000        # instructions; sysinfotest needs about 50 thousand, sh + sleep + sysinfo 100 thousand
ZERO_FIELDS = ("bufferram", "totalswap", "freeswap", "totalhigh", "freehigh")


def kernel_tables(k) -> dict[str, int]:
    """What sysinfo must say, read from the kernel itself: the clock, the process table, the frames."""
    frames = k.vm.frames
    return {"uptime": k.clock_ns() // 10**9, "procs": len(k.procs.live()), "totalram": frames.total,
            "freeram": len(frames.free), "sharedram": sum(1 for refs in frames.refs if refs > 1),
            "mem_unit": PAGE}


@pytest.fixture
def truth(monkeypatch) -> list[dict[str, int]]:
    """The kernel's tables at each sysinfo call that succeeded, in order (the handler is wrapped)."""
    handler = syscall.HANDLERS.get(SYS.sysinfo)
    if handler is None:
        pytest.fail("the kernel's table has no sysinfo (ufos/kernel/syscall.py HANDLERS)", pytrace=False)
    seen = []

    def recording(k, p, a):
        tables = kernel_tables(k)
        result = handler(k, p, a)
        if result == 0:
            seen.append(tables)
        return result
    monkeypatch.setitem(syscall.HANDLERS, SYS.sysinfo, recording)
    return seen


def sysinfotest(**options) -> dict[str, list[str]]:
    """Run /bin/sysinfotest: its cases by name -> the words after the name (the result first)."""
    r = run(["sysinfotest"], max_instructions=LIMIT, **options)
    assert r.status == 0, f"sysinfotest exited with {r.status}: {r.stderr.decode(errors='replace')[-200:]}"
    cases = {}
    for line in r.stdout.decode(errors="replace").splitlines():
        name, *words = line.split()
        cases[name.rstrip(":")] = words
    return cases


def fails_with_efault(cases: dict[str, list[str]], name: str, what: str) -> None:
    got = cases.get(name)
    assert got, f"sysinfotest printed no line for case {name}"
    assert got[0] == "EFAULT", f"sysinfo with {what} should fail with EFAULT, it returned {got[0]}"
    assert "changed" not in got, f"sysinfo with {what} failed, but wrote to the memory first"


@pytest.mark.points(25, hint="check the buffer with check_buffer (uaccess.py), then write the struct with "
                             "SYSINFO.pack; read how sys_time.py's handlers do it")
def test_sysinfo_call(truth):
    """sysinfo on a good struct returns 0 and fills every field as the kernel's tables say, and
    writes nothing past the struct."""
    valid = sysinfotest()["valid"]
    assert valid[0] != "ENOSYS", "sysinfo fails with ENOSYS: ufos/kernel/sys_info.py's handler is not written yet"
    assert_filled(valid, truth, 0, "a good struct")


def assert_filled(words: list[str], truth: list[dict[str, int]], call: int, what: str) -> None:
    """sysinfotest's line for a struct the call must fill: 0, every field as the kernel's tables
    said at the call (the call-th that succeeded), and nothing written outside the struct."""
    assert words[0] == "0", f"sysinfo on {what} should return 0, not {words[0]}"
    assert len(truth) > call, "the kernel did not see that sysinfo call succeed"
    fields = dict(word.split("=", 1) for word in words[1:] if "=" in word)
    for name, expected in truth[call].items():
        assert fields.get(name) == str(expected), \
            f"{name} should be {expected} (the kernel's own count at the call), the struct says {fields.get(name)}"
    assert fields.get("loads") == "0,0,0", f"ufos keeps no load averages: loads should be 0,0,0, not {fields.get('loads')}"
    for name in ZERO_FIELDS:
        assert fields.get(name) == "0", f"{name} should be 0 on ufos, not {fields.get(name)}"
    assert "outside" not in words, f"sysinfo on {what} wrote outside the struct (it is 112 bytes)"


@pytest.mark.points(10, hint="a NULL or an integer has no tag: check_buffer refuses it")
@pytest.mark.parent("test_sysinfo_call")
def test_null_and_integer():
    """NULL, and the address of a good struct passed as an integer, fail with EFAULT."""
    cases = sysinfotest()
    fails_with_efault(cases, "null", "NULL")
    fails_with_efault(cases, "integer", "an integer (an address without a tag)")


@pytest.mark.points(10, hint="the kernel stores into the struct: the capability needs the Store permission")
@pytest.mark.parent("test_sysinfo_call")
def test_readonly_and_sentry():
    """A read-only capability and a function pointer (a sealed sentry) fail with EFAULT."""
    cases = sysinfotest()
    fails_with_efault(cases, "readonly", "a capability without Store")
    fails_with_efault(cases, "sentry", "a function pointer")


@pytest.mark.points(10, hint="check the whole struct's length against the bounds before writing any of it")
@pytest.mark.parent("test_sysinfo_call")
def test_short():
    """A capability 8 bytes too short for the struct fails with EFAULT, and nothing is written."""
    fails_with_efault(sysinfotest(), "short", "a capability too short for the struct")


@pytest.mark.points(10, hint="no alignment check: the machine stores a misaligned long (only a capability "
                             "must be aligned), and the kernel checks what the machine would, no more")
@pytest.mark.parent("test_sysinfo_call")
def test_misaligned(truth):
    """A struct 4 bytes off its 8-byte alignment is filled like any other: the machine stores a
    misaligned long, as Arm cores do (only a capability must be aligned), and so does Linux."""
    assert_filled(sysinfotest()["misaligned"], truth, 1, "a struct 4 bytes off its alignment")


@pytest.mark.points(15, hint="a capability must lie inside the caller's slot; never write through a bare address")
@pytest.mark.parent("test_sysinfo_call")
def test_other_process():
    """Aiming at another μprocess's struct — its address as an integer, or our capability moved
    there — fails with EFAULT, and the other μprocess's memory is intact."""
    cases = sysinfotest()
    fails_with_efault(cases, "other-integer", "another μprocess's address")
    fails_with_efault(cases, "other-moved", "a capability moved into another μprocess's slot")
    assert cases.get("child") == ["intact"], f"the other μprocess's memory was changed: child {cases.get('child')}"


@pytest.mark.points(5, hint="sysinfo writes data only, with a data store: it can hand out no capability")
@pytest.mark.parent("test_sysinfo_call")
def test_isolation_audit():
    """With the isolation audit on, after every fork, exec and fault, no μprocess can reach a
    capability outside its slot."""
    r = run(["sysinfotest"], max_instructions=LIMIT, audit=True)
    audits = r.kernel.audits
    assert audits, "the audit did not run (sysinfotest forks: the fork should have been audited)"
    broken = [(event, pid, problems) for event, pid, problems in audits if problems]
    assert not broken, f"the isolation audit found capabilities outside their slot: {broken[0]}"


@pytest.mark.points(15, hint="the wrapper in userland/libc/sysinfo.c makes the call with syscall1 (libc.h)")
def test_sysinfo_program(truth):
    """`sleep 3; sysinfo` prints the uptime (3 s), the μprocesses (the shell and sysinfo) and the
    pages as the kernel counts them, through libc's wrapper."""
    r = run(["sh", "-c", "sleep 3; sysinfo"], max_instructions=LIMIT)
    err = r.stderr.decode(errors="replace").strip()
    assert r.status == 0, f"sysinfo exited with {r.status}: {err[-200:]}"
    assert truth, "the kernel saw no sysinfo call succeed"
    t = truth[-1]
    expected = [f"up {t['uptime']} s", f"processes {t['procs']}",
                f"pages {t['totalram']} total, {t['freeram']} free, {t['sharedram']} shared ({PAGE} bytes each)"]
    assert r.stdout.decode(errors="replace").splitlines() == expected, \
        f"expected {expected}, got {r.stdout.decode(errors='replace').splitlines()}"
