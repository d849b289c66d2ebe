"""The grading plugin for pytest (registered by pyproject's `pytest11` entry point, so that a plain
`pytest labs/util/test_util.py` grades as `ufos grade util` does), and `run`, what a grader uses
to run a program inside ufos. A lab's grader is an ordinary pytest file:

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
Gradescope's results.json. The run then fails (exit status 1) unless the marks are full.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import time

import pytest

from ufos.kernel.boot import Options
from ufos.runner import RunResult, boot

DEFAULT_SEED = 1
DEFAULT_LIMIT = 20_000_000          # instructions: ample for the labs' programs, seconds to exceed
seed = DEFAULT_SEED                 # the seed of this session's machines (set from --seed)
left_out: dict[str, str] = {}       # /bin programs that did not compile -> the compiler's message


def run(argv: list[str], stdin: bytes = b"", max_instructions: int = DEFAULT_LIMIT, **options) -> RunResult:
    """Boot ufos (its /bin built from this tree's userland/), run /bin/ARGV[0] with argv and stdin,
    capture its output. Fails the test if the program did not compile or ran past
    max_instructions (every μprocess counts)."""
    k = boot(Options(max_instructions=max_instructions, seed=seed, **options), report=note_left_out,
             stdin=stdin, capture=True)
    if argv[0] in left_out:
        pytest.fail(left_out[argv[0]], pytrace=False)
    k.spawn(f"/bin/{argv[0]}", list(argv))
    status = k.run()
    if k.cpu.sysreg("icount") >= max_instructions:
        pytest.fail(f"{argv[0]} exceeded {max_instructions:,} instructions (a loop that never ends, or a "
                    f"process that waits for input that never comes?)", pytrace=False)
    return RunResult(status if status is not None else 0, k.output(1), k.output(2), k.cpu.sysreg("icount"), k)


def note_left_out(message: str) -> None:
    """What the root image's builder says: keep why a program is not in /bin (it did not compile)."""
    if match := re.match(r"/bin/(\S+) is left out", message):
        left_out[match[1]] = message


def pytest_addoption(parser):
    group = parser.getgroup("ufos", "grading ufos labs")
    group.addoption("--seed", type=int, default=DEFAULT_SEED,
                    help=f"the seed of the machines ufos.grading.run boots (default {DEFAULT_SEED})")
    group.addoption("--grade-json", metavar="FILE", help="write the score in Gradescope's results.json format")


def pytest_configure(config):
    global seed
    seed = config.getoption("seed")
    config.addinivalue_line("markers", "points(n, hint=None): what the test is worth in a lab's grade")
    config.addinivalue_line("markers", "parent(name): skip this test unless the test `name` passed first")
    config.pluginmanager.register(ScoreSheet(config), "ufos-score-sheet")


class ScoreSheet:
    """The points of the tests of this session, as they pass and fail."""

    def __init__(self, config):
        self.config = config
        self.items: list = []                    # the collected tests, in order
        self.outcomes: dict[str, tuple[str, str]] = {}   # nodeid -> ("passed"/"failed"/"skipped", reason)
        self.started = time.monotonic()

    def pytest_collection_modifyitems(self, items):
        self.items = list(items)

    def pytest_runtest_setup(self, item):
        """A child runs only after its parent passed. A parent not run at all (the child was asked
        for alone, by the command that reproduces its failure) does not hold it back."""
        marker = item.get_closest_marker("parent")
        if marker is None:
            return
        name = marker.args[0]
        parent = next((other for other in self.items
                       if other.name == name and other.module is item.module), None)
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
        if report.when == "call" or report.outcome != "passed":
            if report.nodeid not in self.outcomes or self.outcomes[report.nodeid][0] == "passed":
                self.outcomes[report.nodeid] = (report.outcome, reason)

    def graded(self) -> list:
        return [item for item in self.items if item.get_closest_marker("points")]

    def rows(self) -> list[dict]:
        """Each graded test: its name, points earned and possible, and for a failure what to read."""
        rows = []
        for item in self.graded():
            marker = item.get_closest_marker("points")
            worth = marker.args[0]
            outcome, reason = self.outcomes.get(item.nodeid, ("not run", "it did not run"))
            passed = outcome == "passed"
            hint = marker.kwargs.get("hint") or " ".join((item.function.__doc__ or "").split())
            command = shlex.join(["pytest", f"{os.path.relpath(item.path)}::{item.name}", "--seed", str(seed)])
            rows.append({"name": item.name, "score": worth if passed else 0, "max_score": worth,
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
            write(f"{row['name']:<44} {row['score']:>3}/{row['max_score']:<3} {mark}")
            if row["outcome"] != "passed":
                write(f"    why:   {row['reason']}")
                if row["hint"]:
                    write(f"    hint:  {row['hint']}")
                write(f"    again: {row['command']}")
        score, total = self.score(rows)
        write(f"Score: {score}/{total}" + ("" if score == total else f"   (seed {seed})"), bold=True)
        if path := self.config.getoption("grade_json"):
            self.write_gradescope(path, rows)

    @staticmethod
    def score(rows: list[dict]) -> tuple[int, int]:
        return sum(row["score"] for row in rows), sum(row["max_score"] for row in rows)

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
            "output": f"Score: {score}/{total} (seed {seed})",
            "tests": [{"name": row["name"], "score": row["score"], "max_score": row["max_score"],
                       "output": output(row), "visibility": "visible"} for row in rows],
        }
        with open(path, "w") as f:
            json.dump(results, f, indent=2)

    def pytest_sessionfinish(self, session, exitstatus):
        """Full marks or not is the exit status (a graded test skipped is not full marks)."""
        rows = self.rows()
        score, total = self.score(rows)
        if rows and score < total and exitstatus == 0:
            session.exitstatus = 1
