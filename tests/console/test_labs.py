"""The course's own proof (ufos/labs.py, ufos/grading.py, ufos/submissions.py, `ufos lab`, `ufos
grade`): the full tree scores full marks on lab util; its student edition builds, boots, scores
zero, skips the project tests of the lab and holds no line of the solutions; malformed regions are
refused with FILE:LINE; --json has Gradescope's shape and can be signed; an endless program fails
with "exceeded N instructions"; a class is graded at once; the Gradescope zip grades a submission.

Planted wrong solutions: `graded_with(lab, {file: (old, new)})` grades the reference solution
with `old` replaced by `new` in one of the lab's files (through `ufos grade LAB --submission`, as a
student's files are graded) and returns {test: points}; a test then checks the wrong solution loses
exactly the points whose hints name the mistake. Use it for your lab:

    scores = graded_with("util", {"userland/bin/primes.c": ("p <= n", "p < n")})
    assert lost(scores) == {"test_primes": 20, ...}
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, ufos_env
from ufos import grading
from ufos.labs import LabError, all_labs, edition, find_lab, parse_regions, student_text, tracked_files

UTIL_POINTS = find_lab("util").points


def ufos(*args: str, cwd=ROOT, pythonpath=ROOT) -> subprocess.CompletedProcess:
    env = ufos_env()
    env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-m", "ufos", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def gradescope_tests(path: Path) -> list[dict]:
    """The tests of a results.json, once its shape is checked to be Gradescope's."""
    results = json.loads(path.read_text())
    assert {"score", "tests"} <= set(results)
    for test in results["tests"]:
        assert set(test) == {"name", "score", "max_score", "status", "output", "visibility"}
        assert test["visibility"] in ("visible", "after_due_date") and 0 <= test["score"] <= test["max_score"]
        assert test["status"] == ("passed" if test["output"] == "passed" else "failed")
    assert results["score"] == round(sum(test["score"] for test in results["tests"]), 2)
    return results["tests"]


# the tests that prove the reference solutions: a student edition has stubs instead, so it skips them
instructors_tree = pytest.mark.skipif(bool(edition()["stripped"]),
                                      reason="needs the instructor's tree (the solutions); this is a student edition")


@pytest.fixture(scope="module")
def student_util(tmp_path_factory) -> Path:
    """The student edition of lab util, with the machine's compiled Cython modules copied in (what
    `pip install -e .` would build from the same, unchanged, ufos/machine sources)."""
    dest = tmp_path_factory.mktemp("student") / "ufos"
    done = ufos("lab", "export", "util", str(dest))
    assert done.returncode == 0, done.stderr
    for built in (ROOT / "ufos" / "machine").glob("*.so"):
        shutil.copy2(built, dest / "ufos" / "machine" / built.name)
    return dest


def test_lab_list_names_each_lab_first():
    done = ufos("lab", "list")
    assert done.returncode == 0
    assert [line.split()[0] for line in done.stdout.splitlines()] == [lab.name for lab in all_labs()]
    assert f"({UTIL_POINTS} points)" in done.stdout


@instructors_tree
def test_the_full_tree_scores_full_marks_on_util(tmp_path):
    done = ufos("grade", "util", "--json", str(tmp_path / "results.json"))
    assert done.returncode == 0, done.stdout
    assert f"Score: {UTIL_POINTS}/{UTIL_POINTS}" in done.stdout
    tests = gradescope_tests(tmp_path / "results.json")
    assert sum(test["max_score"] for test in tests) == UTIL_POINTS     # lab.toml's points are the grader's
    assert all(test["score"] == test["max_score"] for test in tests)


def test_the_student_edition_builds_boots_and_scores_zero(student_util, tmp_path):
    done = ufos("grade", "util", "--json", str(tmp_path / "results.json"), cwd=student_util, pythonpath=student_util)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"Score: 0/{UTIL_POINTS}" in done.stdout
    tests = gradescope_tests(tmp_path / "results.json")
    assert all(test["score"] == 0 for test in tests)
    # each program's stub compiled and ran (a failure says so, not the compiler); the others wait for their parent
    for test in tests:
        assert "not written yet" in test["output"] or "to pass first" in test["output"], test
    assert "again: pytest labs/util/test_util.py::test_pingpong --seed 1" in done.stdout


@instructors_tree
def test_the_student_edition_leaks_no_solution(student_util):
    """No line of a util solution that is not also elsewhere in the tree is in any exported file."""
    every_lab = {lab.name for lab in all_labs()}
    outside, reference = set(), set()
    for name in tracked_files():
        text = (ROOT / name).read_text(errors="replace")
        outside |= {line.strip() for line in student_text(text, name, every_lab).splitlines()}
        for region in parse_regions(text, name)[0]:
            reference |= {line.strip() for line in region.solution if len(line.strip()) >= 10}
    telling = reference - outside
    assert len(telling) > 100            # the check has something to find: pingpong, primes, find, xargs
    for path in student_util.rglob("*"):
        if path.is_file() and path.suffix != ".so":
            leaked = telling & {line.strip() for line in path.read_text(errors="replace").splitlines()}
            assert not leaked, f"{path}: {sorted(leaked)[:3]}"


def test_a_region_becomes_its_stub():
    text = "int f(void)\n{\n    // BEGIN SOLUTION util\n    return 42;\n    // STUB\n    //return 0; // todo\n" \
           "    // END SOLUTION\n}\n"
    assert student_text(text, "f.c", {"util"}) == "int f(void)\n{\n    return 0; // todo\n}\n"
    assert student_text(text, "f.c", {"cheri"}) == text
    python = "x = 1\n# BEGIN SOLUTION util\ny = 2\n# STUB\n# y = None\n# END SOLUTION\n"
    assert student_text(python, "f.py", {"util"}) == "x = 1\ny = None\n"


@pytest.mark.parametrize("text, error", [
    ("a\n// BEGIN SOLUTION util\nb\n", "f.c:2: BEGIN SOLUTION util is never closed"),
    ("// BEGIN SOLUTION util\nb\n// END SOLUTION\n", "f.c:3: END SOLUTION before a STUB line"),
    ("// END SOLUTION\n", "f.c:1: END SOLUTION without a BEGIN SOLUTION"),
    ("// BEGIN SOLUTION util\n// BEGIN SOLUTION util\n", "f.c:2: BEGIN SOLUTION inside the region opened at line 1"),
    ("// BEGIN SOLUTION\n", "f.c:1: BEGIN SOLUTION needs the lab's name"),
    ("// BEGIN SOLUTION util\nb\n// STUB\nreturn 0;\n// END SOLUTION\n", "f.c:4: a stub line must start with '//'"),
    ("// BEGIN SOLUTION util\n// STUB\n// STUB\n// END SOLUTION\n", "f.c:3: a second STUB"),
    ("// BEGIN SOLUTION util\n// STUB please\n", "f.c:2: nothing may follow STUB"),
])
def test_malformed_regions_are_refused_with_file_and_line(text, error):
    regions, errors = parse_regions(text, "f.c")
    assert any(e.startswith(error) for e in errors), errors
    with pytest.raises(LabError, match=error.split(": ", 1)[1][:20]):
        student_text(text, "f.c", {"util"})


def test_a_program_that_never_ends_fails_with_its_instruction_limit():
    with pytest.raises(pytest.fail.Exception, match="yes exceeded 300,000 instructions"):
        grading.run(["yes"], max_instructions=300_000)


# --- grading submissions: one, a class, planted wrong solutions, signatures, Gradescope -----------
def submission_of(lab: str, folder: Path, patches: dict[str, tuple[str, str]] = {}) -> Path:
    """A submission of lab: the reference solution of each of its files, laid out as in the
    repository, with `old` replaced by `new` where patches says (old must be in the file once)."""
    for name in find_lab(lab).files:
        text = (ROOT / name).read_text()
        if name in patches:
            old, new = patches[name]
            assert text.count(old) == 1, f"{name}: {old!r} is not in it exactly once"
            text = text.replace(old, new)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def graded_with(lab: str, patches: dict[str, tuple[str, str]], tmp_path: Path) -> dict[str, float]:
    """The points of each test of lab for the reference solution patched as patches says, graded
    as a student's submission is (`ufos grade LAB --submission DIR --json FILE`)."""
    folder = submission_of(lab, tmp_path / "submission", patches)
    done = ufos("grade", lab, "--submission", str(folder), "--json", str(tmp_path / "results.json"))
    assert done.returncode in (0, 1), done.stderr
    return {test["name"]: test["score"] for test in gradescope_tests(tmp_path / "results.json")}


def lost(scores: dict[str, float], lab: str = "util") -> dict[str, float]:
    """The tests that lost points, and how many (from the full marks of the full tree)."""
    full = {test["name"]: test["max_score"] for test in FULL_MARKS[lab]}
    return {name: full[name] - score for name, score in scores.items() if score < full[name]}


FULL_MARKS: dict[str, list[dict]] = {}


@pytest.fixture(scope="module", autouse=True)
def full_marks(tmp_path_factory):
    """What each test of util is worth, from the grader's own results.json on the full tree."""
    path = tmp_path_factory.mktemp("full") / "results.json"
    if not edition()["stripped"]:
        ufos("grade", "util", "--json", str(path))
        FULL_MARKS["util"] = gradescope_tests(path)


def hints(lab: str, names) -> list[str]:
    """The hint lines of these tests' failures, as the full tree's grader words them."""
    outputs = {test["name"]: test for test in FULL_MARKS[lab]}
    return [line for name in names for line in hint_of(lab, name).splitlines()] if outputs else []


def hint_of(lab: str, name: str) -> str:
    test = next(item for item in find_lab(lab).grader.read_text().split("@pytest.mark.points")
                if f"def {name}(" in item)
    return test.split("\n")[0]


@instructors_tree
def test_a_primes_that_prints_one_prime_too_few_loses_the_primes_points(tmp_path):
    """A sieve fed from 3: no "prime 2"; both primes tests fail (the second waits for the first)."""
    scores = graded_with("util", {"userland/bin/primes.c": ("for (i = 2; i <= last", "for (i = 3; i <= last")},
                         tmp_path)
    assert lost(scores) == {"test_primes": 20, "test_primes_to_60": 10}


@instructors_tree
def test_an_xargs_that_ignores_n_loses_the_points_whose_hints_say_n(tmp_path):
    scores = graded_with("util", {"userland/bin/xargs.c": ("per_run = strtol(optarg, &end, 10);",
                                                           "(void)strtol(optarg, &end, 10);")}, tmp_path)
    assert lost(scores) == {"test_xargs_one_per_run": 10, "test_find_xargs_grep": 10}
    assert all("-n 1" in hint_of("util", name) for name in lost(scores))
