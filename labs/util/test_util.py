"""The grader of lab util (labs/util/README.md): pingpong, primes, find and xargs, run inside ufos
from the /bin built out of this tree's userland/bin, so a student's edit is what is graded.
`ufos grade util` runs it; so does `pytest labs/util/test_util.py`."""
import re

import pytest

from ufos.grading import run

LIMIT = 5_000_000        # instructions; the reference programs need well under a tenth of this


def succeeded(r, what: str) -> None:
    """The program exited with 0 and said nothing on its standard error."""
    assert r.status == 0, f"{what} exited with status {r.status}: {r.stderr.decode(errors='replace').strip()[:200]}"
    assert r.stderr == b"", f"{what} wrote on its standard error: {r.stderr.decode(errors='replace').strip()[:200]}"


def lines(r) -> list[str]:
    return r.stdout.decode(errors="replace").splitlines()


@pytest.mark.points(15, hint="the child reads the byte first; each side prints right after its read")
def test_pingpong():
    """pingpong prints three rounds of "PID: received ping" (the child) then "PID: received pong"
    (the parent), the byte going up by one each time."""
    r = run(["pingpong"], max_instructions=LIMIT)
    succeeded(r, "pingpong")
    got = lines(r)
    assert len(got) == 6, f"expected 6 lines (3 pings, 3 pongs), got {len(got)}: {got}"
    pids = set()
    for i, (line, word) in enumerate(zip(got, ["ping", "pong"] * 3)):
        match = re.fullmatch(rf"(\d+): received {word} (.)", line)
        assert match, f"line {i + 1} should be 'PID: received {word} C', not {line!r}"
        assert match[2] == chr(ord("x") + i // 2 + i % 2), \
            f"line {i + 1}: the byte should be {chr(ord('x') + i // 2 + i % 2)!r}, not {match[2]!r}"
        pids.add((word, match[1]))
    assert len({pid for word, pid in pids}) == 2 and len(pids) == 2, \
        f"the pings should come from one process (the child) and the pongs from another: {got}"


@pytest.mark.points(20, hint="each stage prints its first number, then forks the next one")
def test_primes():
    """primes prints the primes up to 35, one "prime P" a line, in order."""
    r = run(["primes"], max_instructions=LIMIT)
    succeeded(r, "primes")
    expected = [f"prime {p}" for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31)]
    assert lines(r) == expected, f"expected {expected}, got {lines(r)}"


@pytest.mark.points(10, hint="a stage that never closes its write end keeps the next stage waiting forever")
@pytest.mark.parent("test_primes")
def test_primes_to_60():
    """primes 60 prints the 17 primes up to 60 and every stage of the pipeline ends."""
    r = run(["primes", "60"], max_instructions=LIMIT)
    succeeded(r, "primes 60")
    expected = [f"prime {p}" for p in range(2, 61) if all(p % d for d in range(2, p))]
    assert lines(r) == expected, f"expected {expected}, got {lines(r)}"


TREE = "mkdir -p /tmp/t/a/b /tmp/t/c; echo > /tmp/t/b; echo > /tmp/t/a/b/b; echo > /tmp/t/c/x; "


@pytest.mark.points(10, hint="opendir/readdir list a directory; skip '.' and '..'")
def test_find_in_one_directory():
    """find /tmp/t x finds the one file named x."""
    r = run(["sh", "-c", TREE + "find /tmp/t x"], max_instructions=LIMIT)
    succeeded(r, "find")
    assert lines(r) == ["/tmp/t/c/x"], f"expected ['/tmp/t/c/x'], got {lines(r)}"


@pytest.mark.points(15, hint="recurse into every directory (lstat says which entries are)")
@pytest.mark.parent("test_find_in_one_directory")
def test_find_recursive():
    """find /tmp/t b finds a file and a directory named b at three depths (in any order)."""
    r = run(["sh", "-c", TREE + "find /tmp/t b"], max_instructions=LIMIT)
    succeeded(r, "find")
    expected = ["/tmp/t/a/b", "/tmp/t/a/b/b", "/tmp/t/b"]
    assert sorted(lines(r)) == expected, f"expected {expected} (in any order), got {lines(r)}"


@pytest.mark.points(10, hint="append the words of the input to the command's own arguments, then fork and exec")
def test_xargs():
    """echo hello too | xargs echo bye prints "bye hello too"."""
    r = run(["sh", "-c", "echo hello too | xargs echo bye"], max_instructions=LIMIT)
    succeeded(r, "xargs")
    assert lines(r) == ["bye hello too"], f"expected ['bye hello too'], got {lines(r)}"


@pytest.mark.points(10, hint="-n 1: one run of the command per argument read, each waited for")
@pytest.mark.parent("test_xargs")
def test_xargs_one_per_run():
    """printf '1\\n2\\n' | xargs -n 1 echo line runs echo twice, in order."""
    r = run(["sh", "-c", "printf '1\\n2\\n' | xargs -n 1 echo line"], max_instructions=LIMIT)
    succeeded(r, "xargs -n 1")
    assert lines(r) == ["line 1", "line 2"], f"expected ['line 1', 'line 2'], got {lines(r)}"


@pytest.mark.points(10, hint="both find and xargs must work; xargs runs grep once per file with -n 1")
@pytest.mark.parent("test_find_recursive")
def test_find_xargs_grep():
    """find /tmp/t x | xargs -n 1 grep hello finds the one file that says hello."""
    r = run(["sh", "-c", TREE + "echo hello > /tmp/t/a/x; echo bye > /tmp/t/c/x; "
                               "find /tmp/t x | xargs -n 1 grep hello"], max_instructions=LIMIT)
    assert lines(r) == ["hello"], f"expected ['hello'], got {lines(r)} (stderr: {r.stderr.decode()[:200]})"
