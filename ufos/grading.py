"""The grading plugin for pytest (registered by pyproject's `pytest11` entry point, so that a plain
`pytest labs/util/test_util.py` grades as `ufos grade util` does), and `run`, what a grader uses
to run a program inside ufos (`Server`, a server it drives from the host). A lab's grader is an
ordinary pytest file:

    import pytest
    from ufos.grading import run

    @pytest.mark.points(10, hint="read the handout's step 2")
    def test_pingpong():
        r = run(["pingpong"], max_instructions=2_000_000)
        assert r.stdout == ..., "the one-line reason a student reads"

    @pytest.mark.points(5)
    @pytest.mark.parent("test_pingpong")      # skipped, with the reason, unless test_pingpong passed
    def test_pingpong_twice(): ...

Limits are in emulated instructions, never seconds, so a slow laptop never fails a correct program
and an infinite loop fails fast with "exceeded N instructions". Every machine is booted with the
same seed (--seed varies it), printed with the command that reproduces a failure.

When the collected tests carry points, the plugin prints the score sheet after the run: each
test's points, for each failure its reason, its hint (the marker's hint=, else the test's
docstring) and the command that reproduces it, then `Score: X/Y`; --grade-json FILE writes
Gradescope's results.json, signed with --grade-sign KEYFILE (an HMAC-SHA256 in its extra_data,
as test161 signs its output; `ufos grade verify` checks it). The run then fails (exit status 1)
unless the marks are full.

--grade-lab LAB (what `ufos grade` passes) says which lab is graded: the tests of the earlier labs
its lab.toml names in `regression` count for their weight (util's 100 points scaled to 10), and
the tests of its hidden files are shown on Gradescope only after the due date. In a student
edition (labs/edition.toml), the project's own tests that a stripped lab's lab.toml lists in
`tests` are skipped, saying which lab they belong to.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import shlex
import time
from pathlib import Path

import pytest

from ufos.kernel.boot import Options
from ufos.labs import ROOT, Lab, LabError, edition, find_lab, lab_owned_tests
from ufos.runner import Background, RunResult, boot

DEFAULT_SEED = 1
DEFAULT_LIMIT = 20_000_000          # instructions: ample for the labs' programs, seconds to exceed
seed = DEFAULT_SEED                 # the seed of this session's machines (set from --seed)
left_out: dict[str, str] = {}       # /bin programs that did not compile -> the compiler's message


def run(argv: list[str], stdin: bytes = b"", max_instructions: int = DEFAULT_LIMIT, **options) -> RunResult:
    """Boot ufos (its /bin built from this tree's userland/), run /bin/ARGV[0] with argv and stdin,
    capture its output. Fails the test if a program it names (ARGV[0], or a word of its arguments,
    as in `sh -c "echo x | xargs"`) did not compile, or if it ran past max_instructions (every
    μprocess counts)."""
    k = boot(Options(max_instructions=max_instructions, seed=seed, **options), report=note_left_out,
             stdin=stdin, capture=True)
    broken = [word for word in re.findall(r"[\w.+-]+", " ".join(argv)) if word in left_out]
    if broken:                     # also a program named inside `sh -c SCRIPT`: not "xargs: not found"
        pytest.fail(left_out[broken[0]], pytrace=False)
    k.spawn(f"/bin/{argv[0]}", list(argv))
    status = k.run()
    if k.cpu.sysreg("icount") >= max_instructions:
        pytest.fail(f"{argv[0]} exceeded {max_instructions:,} instructions (a loop that never ends, or a "
                    f"process that waits for input that never comes?)", pytrace=False)
    return RunResult(status if status is not None else 0, k.output(1), k.output(2), k.cpu.sysreg("icount"), k)


class Server(Background):
    """A server a grader drives from the host (labs/httpd, labs/redis): /bin/ARGV[0] in ufos on a
    thread of its own, built from this tree, its guest port on a free host port (self.port), /host
    the test's folder (share), booted with the session's seed and limited to limit instructions.
    Every wait fails the test with a sentence a student reads, never a traceback."""

    WAIT = 20                       # seconds for what happens at once or never

    def __init__(self, argv: list[str], port: int, share, limit: int, **options):
        super().__init__([f"/bin/{argv[0]}", *argv[1:]], ports=(port,), share=share, budget=limit,
                         report=note_left_out, seed=seed, **options)
        if argv[0] in left_out:
            self.stop()
            pytest.fail(left_out[argv[0]], pytrace=False)
        self.name, self.limit = argv[0], limit
        self.port = self.wait_for(lambda: self.kernel.net.host_ports.get(port), f"{argv[0]} to listen on port {port}")

    def wait_for(self, condition, what: str, timed_out=None):
        """condition()'s first true value; fails if it does not come while the server runs
        (timed_out(), if given, says why when it never came)."""
        deadline = time.monotonic() + self.WAIT
        while not (result := condition()):
            if not self.thread.is_alive():
                pytest.fail(f"{self.name} ended while the grader waited for {what}: {self.why_it_ended()}",
                            pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(timed_out() if timed_out else f"waited {self.WAIT} s for {what}", pytrace=False)
            time.sleep(0.05)
        return result

    def why_it_ended(self) -> str:
        if self.kernel.cpu.sysreg("icount") >= self.limit:
            return f"exceeded {self.limit:,} instructions (a loop that never waits?)"
        log = (self.kernel.output(1) + self.kernel.output(2)).decode(errors="replace").strip()
        return f"status {self.kernel.status}" + (f"; its output ends with: {log[-300:]}" if log else "")

    def call(self, fn, timeout: float = WAIT):
        try:
            return super().call(fn, timeout)
        except TimeoutError:
            pytest.fail("the kernel did not answer the grader", pytrace=False)

    def finish(self, timeout: float = WAIT):
        try:
            return super().finish(timeout)
        except TimeoutError:
            pytest.fail(f"{self.name} was still running {timeout} s after it was asked to stop", pytrace=False)

    def stop(self, timeout: float = WAIT) -> None:
        """Halt the machine, whatever still runs (after the test)."""
        if self.thread.is_alive():
            super().stop(timeout)


def note_left_out(message: str) -> None:
    """What the root image's builder says: keep why a program is not in /bin (it did not compile)."""
    if match := re.match(r"/bin/(\S+) is left out", message):
        left_out[match[1]] = message


def pytest_addoption(parser):
    group = parser.getgroup("ufos", "grading ufos labs")
    group.addoption("--seed", type=int, default=DEFAULT_SEED,
                    help=f"the seed of the machines ufos.grading.run boots (default {DEFAULT_SEED})")
    group.addoption("--grade-json", metavar="FILE", help="write the score in Gradescope's results.json format")
    group.addoption("--grade-sign", metavar="KEYFILE", help="sign the results.json with the key in KEYFILE")
    group.addoption("--grade-lab", metavar="LAB", help="the lab graded: its regression weights and hidden tests")


def pytest_collection_modifyitems(config, items):
    """In a student edition, the project's tests of a lab whose solution is the student's to write
    are skipped, with the reason (they run the stubs, so they could not pass)."""
    owned = lab_owned_tests(edition()["stripped"])
    for item in items:
        node = project_nodeid(item)
        for test, lab in owned.items():
            if node == test or node.startswith((test + "[", test + "::")):
                item.add_marker(pytest.mark.skip(reason=f"a test of lab {lab}, whose solution this student "
                                                        f"edition leaves to you: `ufos grade {lab}` grades it"))


def project_nodeid(item) -> str:
    """The test's id from the top of the project, wherever pytest was started."""
    path = os.path.relpath(item.path, ROOT).replace(os.sep, "/")
    return path + item.nodeid[item.nodeid.index("::"):] if "::" in item.nodeid else path


def pytest_configure(config):
    global seed
    seed = config.getoption("seed")
    config.addinivalue_line("markers", "points(n, hint=None): what the test is worth in a lab's grade")
    config.addinivalue_line("markers", "parent(name): skip this test unless the test `name` passed first")
    key = None
    if keyfile := config.getoption("grade_sign"):
        try:
            key = read_key(keyfile)
        except LabError as e:
            raise pytest.UsageError(str(e)) from None
    config.pluginmanager.register(ScoreSheet(config, key), "ufos-score-sheet")


class ScoreSheet:
    """The points of the tests of this session, as they pass and fail."""

    def __init__(self, config, key: bytes | None):
        self.config = config
        self.key = key                           # the instructor's, to sign the results.json with
        self.items: list = []                    # the collected tests, in order
        self.outcomes: dict[str, tuple[str, str]] = {}   # nodeid -> ("passed"/"failed"/"skipped", reason)
        self.started = time.monotonic()

    def pytest_collection_modifyitems(self, items):
        self.items = list(items)

    def pytest_runtest_setup(self, item):
        """A child runs only after its parent passed (a test of the same folder, collected before
        it). A parent not run at all (the child was asked for alone, by the command that reproduces
        its failure) does not hold it back."""
        marker = item.get_closest_marker("parent")
        if marker is None:
            return
        name = marker.args[0]
        parent = next((other for other in self.items     # in the same lab: a hidden test's parent may be
                       if other.name == name and other.path.parent == item.path.parent), None)   # in test_LAB.py
        if parent is None:
            return
        outcome = self.outcomes.get(parent.nodeid, ("not run", ""))[0]
        if outcome != "passed":
            pytest.skip(f"needs {name} to pass first ({name} {outcome})")

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if call.excinfo is not None:      # the reason is the first line of the assertion's message
            reason = (call.excinfo.exconly().strip().splitlines() or [""])[0]
            report.ufos_reason = re.sub(r"^(AssertionError|Failed|Skipped): ", "", reason)
        return report

    def pytest_runtest_logreport(self, report):
        reason = getattr(report, "ufos_reason", "")
        first_or_worse = report.nodeid not in self.outcomes or self.outcomes[report.nodeid][0] == "passed"
        if (report.when == "call" or report.outcome != "passed") and first_or_worse:
            self.outcomes[report.nodeid] = (report.outcome, reason)

    def graded(self) -> list:
        return [item for item in self.items if item.get_closest_marker("points")]

    def graded_lab(self) -> Lab | None:
        name = self.config.getoption("grade_lab")
        try:
            return find_lab(name) if name else None
        except LabError:
            return None

    def rows(self) -> list[dict]:
        """Each graded test: its name, points earned and possible, and for a failure what to read.
        A regression test (an earlier lab's) is named LAB::TEST and worth its share of the weight."""
        lab = self.graded_lab()
        rows = []
        for item in self.graded():
            marker = item.get_closest_marker("points")
            name, worth = item.name, marker.args[0]
            owner = item.path.parent.name if item.path.parent.parent == ROOT / "labs" else None
            if lab is not None and owner != lab.name and owner in lab.regression:
                name, worth = f"{owner}::{item.name}", round(worth * lab.regression[owner] / find_lab(owner).points, 2)
            outcome, reason = self.outcomes.get(item.nodeid, ("not run", "it did not run"))
            passed = outcome == "passed"
            hint = marker.kwargs.get("hint") or " ".join((item.function.__doc__ or "").split())
            command = shlex.join(["pytest", f"{os.path.relpath(item.path)}::{item.name}", "--seed", str(seed)])
            hidden = lab is not None and owner == lab.name and item.path.name in lab.hidden
            rows.append({"name": name, "score": worth if passed else 0, "max_score": worth, "hidden": hidden,
                         "outcome": outcome, "reason": reason, "hint": hint, "command": command})
        return rows

    def pytest_terminal_summary(self, terminalreporter):
        rows = self.rows()
        if not rows:
            return
        write = terminalreporter.write_line
        terminalreporter.section("score")
        for row in rows:
            mark = "ok" if row["outcome"] == "passed" else row["outcome"].upper()
            write(f"{row['name']:<44} {row['score']:>4g}/{row['max_score']:<4g} {mark}")
            if row["outcome"] != "passed":
                write(f"    why:   {row['reason']}")
                if row["hint"]:
                    write(f"    hint:  {row['hint']}")
                write(f"    again: {row['command']}")
        score, total = self.score(rows)
        write(f"Score: {score:g}/{total:g}" + ("" if score == total else f"   (seed {seed})"), bold=True)
        if path := self.config.getoption("grade_json"):
            self.write_gradescope(path, rows)

    @staticmethod
    def score(rows: list[dict]) -> tuple[float, float]:
        return round(sum(row["score"] for row in rows), 2), round(sum(row["max_score"] for row in rows), 2)

    def write_gradescope(self, path: str, rows: list[dict]) -> None:
        """Gradescope's autograder results.json: the score, and a line per test."""
        def output(row):
            if row["outcome"] == "passed":
                return "passed"
            return "\n".join(filter(None, [row["reason"], row["hint"] and f"hint: {row['hint']}",
                                           f"to run it again: {row['command']}"]))
        score, total = self.score(rows)
        results = {
            "score": score,
            "execution_time": round(time.monotonic() - self.started, 1),
            "output": f"Score: {score:g}/{total:g} (seed {seed})",
            "tests": [{"name": row["name"], "score": row["score"], "max_score": row["max_score"],
                       "status": "passed" if row["outcome"] == "passed" else "failed", "output": output(row),
                       "visibility": "after_due_date" if row["hidden"] else "visible"} for row in rows],
        }
        if self.key is not None:
            results = signed(results, self.key)
        with open(path, "w") as f:
            json.dump(results, f, indent=2)

    def pytest_sessionfinish(self, session, exitstatus):
        """Full marks or not is the exit status (a graded test skipped is not full marks)."""
        rows = self.rows()
        score, total = self.score(rows)
        if rows and score < total and exitstatus == 0:
            session.exitstatus = 1


# ---------------------------------------------------------------------------------------------
# Signed results (test161's HMAC): a score changed after grading no longer matches its signature
# ---------------------------------------------------------------------------------------------
SIGNATURE = "ufos_signature"        # the key in results["extra_data"], where Gradescope keeps extras


def read_key(path: str | Path) -> bytes:
    """The instructor's key: the bytes of a file (at least 16 of them, whitespace at the ends left out)."""
    try:
        key = Path(path).read_bytes().strip()
    except OSError as e:
        raise LabError(f"the signing key {path}: {e.strerror}") from None
    if len(key) < 16:
        raise LabError(f"the signing key {path} has {len(key)} bytes: a key has at least 16 "
                                f"(`head -c 32 /dev/urandom | base64 > {path}` makes one)")
    return key


def canonical(results: dict) -> bytes:
    """The results as signed: JSON with sorted keys and no spaces, the signature itself left out."""
    unsigned = dict(results)
    extra = {k: v for k, v in unsigned.get("extra_data", {}).items() if k != SIGNATURE}
    unsigned.pop("extra_data", None)
    if extra:
        unsigned["extra_data"] = extra
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signature(results: dict, key: bytes) -> str:
    return hmac.new(key, canonical(results), hashlib.sha256).hexdigest()


def signed(results: dict, key: bytes) -> dict:
    """The results with their HMAC-SHA256 in extra_data.ufos_signature."""
    extra = dict(results.get("extra_data", {}), **{SIGNATURE: {"algorithm": "HMAC-SHA256",
                                                                "hmac": signature(results, key)}})
    return dict(results, extra_data=extra)


def verify(results: dict, key: bytes) -> str | None:
    """None if the results carry a signature that key made of exactly them, else what is wrong."""
    claimed = results.get("extra_data", {}).get(SIGNATURE) if isinstance(results.get("extra_data"), dict) else None
    if not isinstance(claimed, dict) or not isinstance(claimed.get("hmac"), str):
        return "the results are not signed"
    if claimed.get("algorithm") != "HMAC-SHA256":
        return f"unknown signature algorithm {claimed.get('algorithm')!r}"
    if not hmac.compare_digest(claimed["hmac"], signature(results, key)):
        return "the signature does not match: the results were changed after grading, or signed with another key"
    return None
