"""The course's own proof (ufos/labs.py, ufos/grading.py, ufos/submissions.py, `ufos lab`, `ufos
grade`): the full tree scores full marks on lab util; its student edition builds, boots, scores
zero, skips the project tests of the lab and holds no line of the solutions; malformed regions are
refused with FILE:LINE; --json has Gradescope's shape and can be signed; an endless program fails
with "exceeded N instructions"; a class is graded at once; the Gradescope zip grades a submission.

Planted wrong solutions: `graded_with(lab, {file: (old, new)})` grades the reference solution
with `old` replaced by `new` in one of the lab's files (through `ufos grade LAB --submission`, as a
student's files are graded) and returns results.json's tests; `lost(tests)` is {test: points lost}.
A test then checks that the wrong solution loses exactly the points whose hints name the mistake.
Use them for your lab:

    tests = graded_with("util", {"userland/bin/primes.c": ("i = 2; i <= last", "i = 3; i <= last")}, tmp_path)
    assert lost(tests) == {"test_primes": 20, "test_primes_to_60": 10}
"""
import csv
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT, ufos_env
from ufos import grading
from ufos.labs import (
    LabError,
    all_labs,
    edition,
    find_lab,
    parse_regions,
    student_text,
    tracked_files,
)

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
@pytest.mark.parametrize("lab", [lab.name for lab in all_labs()])
def test_the_full_tree_scores_full_marks(lab, tmp_path):
    """Every lab's reference solutions earn every point its lab.toml promises, in its grader's own
    results (Gradescope's results.json)."""
    points = find_lab(lab).points
    done, tests = graded(lab, ROOT, tmp_path / "results.json")
    assert done.returncode == 0, done.stdout[-3000:]
    assert f"Score: {points}/{points}" in done.stdout
    assert sum(test["max_score"] for test in tests) == points     # lab.toml's points are the grader's
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
    toml = "# a program\n# BEGIN SOLUTION util\nsharing = \"overlap\"\n# STUB\n# sharing = \"?\"\n# END SOLUTION\n"
    assert student_text(toml, "app.toml", {"util"}) == "# a program\nsharing = \"?\"\n"


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
def submission_of(lab: str, folder: Path, patches: dict[str, tuple[str, str]] | None = None) -> Path:
    """A submission of lab: the reference solution of each of its files, laid out as in the
    repository, with `old` replaced by `new` where patches says (old must be in the file once)."""
    for name in find_lab(lab).files:
        text = (ROOT / name).read_text()
        if name in (patches or {}):
            old, new = patches[name]
            assert text.count(old) == 1, f"{name}: {old!r} is not in it exactly once"
            text = text.replace(old, new)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def graded_with(lab: str, patches: dict[str, tuple[str, str]], tmp_path: Path) -> list[dict]:
    """The tests of lab (results.json's) for the reference solution patched as patches says,
    graded as a student's submission is (`ufos grade LAB --submission DIR --json FILE`)."""
    folder = submission_of(lab, tmp_path / "submission", patches)
    done = ufos("grade", lab, "--submission", str(folder), "--json", str(tmp_path / "results.json"))
    assert done.returncode in (0, 1), done.stderr
    return gradescope_tests(tmp_path / "results.json")


def lost(tests: list[dict]) -> dict[str, float]:
    """The tests that lost points, and how many."""
    return {test["name"]: test["max_score"] - test["score"] for test in tests if test["score"] < test["max_score"]}


def hint_of(lab: str, name: str) -> str:
    """The points marker of a test of lab's grader, hint included, as written."""
    return next(marker.split("\n")[0] for marker in find_lab(lab).grader.read_text().split("@pytest.mark.points")
                if f"def {name}(" in marker)


@instructors_tree
def test_a_primes_that_prints_one_prime_too_few_loses_the_primes_points(tmp_path):
    """A sieve fed from 3: no "prime 2"; both primes tests fail (the second waits for the first)."""
    tests = graded_with("util", {"userland/bin/primes.c": ("for (i = 2; i <= last", "for (i = 3; i <= last")},
                         tmp_path)
    assert lost(tests) == {"test_primes": 20, "test_primes_to_60": 10}


@instructors_tree
def test_an_xargs_that_ignores_n_loses_the_points_whose_hints_say_n(tmp_path):
    tests = graded_with("util", {"userland/bin/xargs.c": ("per_run = number_of(c, optarg, 1);\n            lines_per_run = 0;",
                                                           "(void)number_of(c, optarg, 1);\n            lines_per_run = 0;")},
                        tmp_path)
    assert lost(tests) == {"test_xargs_one_per_run": 10, "test_find_xargs_grep": 10}
    assert all("-n 1" in hint_of("util", name) for name in lost(tests))


@instructors_tree
def test_a_class_is_graded_at_once_and_a_broken_submission_does_not_stop_it(tmp_path):
    """alice hands in the whole tree's files, bob only primes.c (flat, as Gradescope uploads it),
    carol an xargs that does not compile and a pingpong that never ends, dave nothing of the lab."""
    key = tmp_path / "key"
    key.write_text("an instructor's secret, 32 chars\n")
    course = tmp_path / "class"
    submission_of("util", course / "alice")
    (course / "bob").mkdir()
    shutil.copy(ROOT / "userland/bin/primes.c", course / "bob" / "primes.c")
    submission_of("util", course / "carol", {"userland/bin/xargs.c": ("long per_run = 0, lines_per_run = 0, max_size = 131072;",
                                                                               "long per_run = 0, lines_per_run = 0, max_size = 131072"),
                                            "userland/bin/pingpong.c": ("int main(int argc, char **argv)\n{",
                                                                        "int main(int argc, char **argv)\n{ for (;;) ;")})
    (course / "dave").mkdir()
    (course / "dave" / "notes.txt").write_text("I ran out of time\n")
    done = ufos("grade", "util", "--class", str(course), "-j", "2", "--out", str(tmp_path / "out"), "--sign", str(key))
    assert done.returncode == 0, done.stderr
    progress = [line for line in done.stdout.splitlines() if line.startswith("ufos grade: [")]
    assert len(progress) == 4                                    # a line as each submission is done
    rows = {row["student"]: row for row in csv.DictReader((tmp_path / "out" / "grades.csv").open())}
    assert {name: float(row["score"]) for name, row in rows.items()} == \
        {"alice": 100, "bob": 30, "carol": 55, "dave": 0}
    assert rows["bob"]["test_primes"] == "20" and rows["bob"]["test_pingpong"] == "0"
    assert "none of the lab's files" in rows["dave"]["error"]
    grades = json.loads((tmp_path / "out" / "grades.json").read_text())
    carol = next(s for s in grades["students"] if s["student"] == "carol")
    assert any(f.startswith("test_pingpong: pingpong exceeded") for f in carol["failures"]), carol["failures"]
    assert any(f.startswith("test_xargs: ") and "does not compile" in f for f in carol["failures"]), carol["failures"]
    # signed: verify accepts it as it is, and refuses a score changed afterwards or another key
    verify = ("grade", "verify", str(tmp_path / "out" / "grades.json"), "--key", str(key))
    assert ufos(*verify).returncode == 0
    carol["score"] = 100
    (tmp_path / "out" / "grades.json").write_text(json.dumps(grades))
    refused = ufos(*verify)
    assert refused.returncode == 1 and "changed after grading" in refused.stdout


def test_a_grader_that_crashes_scores_zero_with_its_reason(tmp_path):
    """A lab whose students edit the kernel can break the grader itself: the class goes on."""
    from ufos.submissions import grade_submission, instructor_tree
    base = instructor_tree(tmp_path / "base")
    (base / "ufos" / "runner.py").write_text("raise RuntimeError('a kernel that does not import')\n")
    graded = grade_submission(find_lab("util"), submission_of("util", tmp_path / "eve"), base, seed=1)
    assert graded.score == 0 and graded.max_score == UTIL_POINTS
    assert graded.error.startswith("the grader crashed (status 1)") and "does not import" in graded.error


@instructors_tree
def test_signed_results_json_verifies_and_a_changed_score_does_not(tmp_path):
    key = tmp_path / "key"
    key.write_bytes(b"0123456789abcdef0123456789abcdef")
    results = tmp_path / "results.json"
    assert ufos("grade", "util", "--json", str(results), "--sign", str(key)).returncode == 0
    verify = ("grade", "verify", str(results), "--key", str(key))
    assert ufos(*verify).stdout.endswith("signed with this key, unchanged since\n")
    data = json.loads(results.read_text())
    data["tests"][0]["score"] -= 1
    results.write_text(json.dumps(data))
    assert ufos(*verify).returncode == 1
    other = tmp_path / "other"
    other.write_bytes(b"another key, 16 bytes or more")
    data["tests"][0]["score"] += 1
    results.write_text(json.dumps(data))
    assert ufos(*verify).returncode == 0 and ufos("grade", "verify", str(results), "--key", str(other)).returncode == 1
    short = ufos("grade", "util", "--json", str(results), "--sign", str(tmp_path / "nosuch"))
    assert short.returncode == 2 and "No such file" in short.stderr


def test_a_signature_covers_every_field():
    results = {"score": 10, "tests": [{"name": "t", "score": 10, "max_score": 10}], "extra_data": {"x": 1}}
    signed = grading.signed(results, b"k" * 16)
    assert grading.verify(signed, b"k" * 16) is None
    for change in ({"score": 11}, {"tests": []}, {"extra_data": {"x": 2, grading.SIGNATURE: signed["extra_data"][grading.SIGNATURE]}}):
        assert grading.verify(dict(signed, **change), b"k" * 16) is not None
    assert grading.verify(results, b"k" * 16) == "the results are not signed"


@instructors_tree
def test_the_gradescope_zip_grades_a_submission_as_gradescope_runs_it(tmp_path):
    """The zip's run_autograder, run as Gradescope would (its /autograder here under tmp_path,
    setup.sh's install done by hand: the built machine copied in)."""
    done = ufos("lab", "gradescope", "util", str(tmp_path / "util.zip"))
    assert done.returncode == 0, done.stderr
    autograder = tmp_path / "autograder"
    with zipfile.ZipFile(tmp_path / "util.zip") as z:
        names = set(z.namelist())
        assert {"setup.sh", "run_autograder", "LAB", "ufos/pyproject.toml", "ufos/labs/util/test_util.py"} <= names
        z.extractall(autograder / "source")
    for built in (ROOT / "ufos" / "machine").glob("*.so"):
        shutil.copy2(built, autograder / "source" / "ufos" / "ufos" / "machine" / built.name)
    (autograder / "submission").mkdir()
    shutil.copy(ROOT / "userland/bin/pingpong.c", autograder / "submission")
    env = dict(ufos_env(), AUTOGRADER=str(autograder), UFOS_PYTHON=sys.executable)
    env.pop("PYTHONPATH")
    script = autograder / "source" / "run_autograder"
    script.chmod(0o755)
    ran = subprocess.run([str(script)], cwd=autograder, env=env, capture_output=True, text=True, timeout=300,
                         check=False)
    assert ran.returncode == 1, ran.stdout + ran.stderr            # not full marks: only pingpong
    tests = gradescope_tests(autograder / "results" / "results.json")
    assert {t["name"]: t["score"] for t in tests if t["score"]} == {"test_pingpong": 15}


def test_each_labs_project_tests_exist():
    """Every test a lab.toml claims (its `tests`) is one pytest finds in the project."""
    claimed = [test for lab in all_labs() for test in lab.tests]
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
                           *claimed], cwd=ROOT, env=ufos_env(), capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-2000:]
    found = done.stdout.splitlines()
    for test in claimed:
        assert any(line == test or line.startswith(test + "[") for line in found), test


def test_the_student_edition_skips_the_project_tests_of_its_lab(student_util):
    tests = find_lab("util").tests
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-o", "addopts=",
                           *tests], cwd=student_util, env=dict(ufos_env(), PYTHONPATH=str(student_util)),
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "passed" not in done.stdout and "failed" not in done.stdout
    assert "a test of lab util, whose solution this student edition leaves to you: `ufos grade util`" in done.stdout


# --- labs cheri and syscall ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def student_edition(tmp_path_factory):
    """student_edition(LAB): the student edition of LAB (exported once per module), with the
    machine's compiled Cython modules copied in, as student_util is."""
    made: dict[str, Path] = {}

    def export(lab: str) -> Path:
        if lab not in made:
            dest = tmp_path_factory.mktemp(f"student-{lab}") / "ufos"
            done = ufos("lab", "export", lab, str(dest))
            assert done.returncode == 0, done.stderr
            for built in (ROOT / "ufos" / "machine").glob("*.so"):
                shutil.copy2(built, dest / "ufos" / "machine" / built.name)
            made[lab] = dest
        return made[lab]
    return export


def graded(lab: str, tree: Path, results: Path) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """`ufos grade LAB --json` in tree: what it printed, and its tests as results.json has them."""
    done = ufos("grade", lab, "--json", str(results), cwd=tree, pythonpath=tree)
    return done, gradescope_tests(results)


# what a failure of each lab's stub says (its program ran: the stub compiled), unless it waits for a parent
STUB_FAILURES = {"cheri": "not caught", "syscall": "ENOSYS"}


@pytest.mark.parametrize("lab, earlier", [
    ("cheri", ["util"]),
    pytest.param("syscall", ["util", "cheri"], marks=pytest.mark.slow),     # libc changes: all of /bin is rebuilt
])
def test_the_student_edition_of_cheri_and_syscall_scores_zero_and_keeps_the_labs_before(
        lab, earlier, student_edition, tmp_path):
    tree = student_edition(lab)
    done, tests = graded(lab, tree, tmp_path / f"{lab}.json")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Score: 0/{find_lab(lab).points}" in done.stdout
    for test in tests:
        assert STUB_FAILURES[lab] in test["output"] or "not implemented" in test["output"] \
            or "to pass first" in test["output"], test
    for before in earlier:               # the labs before it keep their solutions, and pass
        done, tests = graded(before, tree, tmp_path / f"{before}.json")
        assert done.returncode == 0, f"{before}: {done.stdout[-3000:]}"
        assert all(test["score"] == test["max_score"] for test in tests), before


@instructors_tree
def test_an_arena_without_representable_bounds_loses_the_large_object_points(tmp_path):
    """Bounds set exactly on an unpadded, unaligned 200001 bytes are detagged: heap-big takes a tag
    fault while filling the object, and only its 10 points go."""
    tests = graded_with("cheri", {"userland/bin/cherilab/exercises.c": (
        "    length = cheri_representable_length(n);\n"
        "    if (~cheri_representable_alignment_mask(n) + 1 > align)\n"
        "        align = ~cheri_representable_alignment_mask(n) + 1;\n", "")}, tmp_path)
    assert lost(tests) == {"test_heap_big": 10}
    assert "a tag fault where a bounds fault was expected" in next(t for t in tests if t["name"] == "test_heap_big")["output"]


@instructors_tree
def test_a_sysinfo_that_demands_alignment_loses_the_misaligned_points(tmp_path):
    """The machine stores a misaligned long, so a kernel that refuses a misaligned struct checks
    more than the machine would: only that case's points go."""
    tests = graded_with("syscall", {"ufos/kernel/sys_info.py": ("isa.PERM[\"STORE\"])",
                                                                "isa.PERM[\"STORE\"], align=8)")}, tmp_path)
    assert lost(tests) == {"test_misaligned": 10}
    assert "alignment" in hint_of("syscall", "test_misaligned")


# --- lab httpd -----------------------------------------------------------------------------------
HTTPD_POINTS = find_lab("httpd").points


def test_the_httpd_student_edition_serves_alone_scores_zero_and_keeps_util(student_edition, tmp_path):
    """The stub's master serves by itself: the grader finds no worker, and every other test waits
    for that one; lab util, before it in the course, keeps its solutions."""
    tree = student_edition("httpd")
    done, tests = graded("httpd", tree, tmp_path / "httpd.json")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Score: 0/{HTTPD_POINTS}" in done.stdout
    first, *others = tests
    assert "expected 3 workers" in first["output"] and "found []" in first["output"], first
    assert all("to pass first" in test["output"] for test in others), others
    done, tests = graded("util", tree, tmp_path / "util.json")
    assert done.returncode == 0 and all(test["score"] == test["max_score"] for test in tests), done.stdout[-3000:]


@pytest.mark.slow
@pytest.mark.parametrize("lab, tests", [("httpd", "tests/apps/test_httpd.py"), ("redis", "tests/apps/test_redis.py")])
def test_a_servers_student_edition_still_serves(lab, tests, student_edition):
    """Without the lab's part (httpd's pool, redis's BGSAVE) the server still serves: the project's
    tests of it pass in the student edition, but those of the lab (lab.toml's tests), which it skips."""
    tree = student_edition(lab)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-o", "addopts=",
                           "-p", "no:xdist", tests], cwd=tree,
                          env=dict(ufos_env(), PYTHONPATH=str(tree)), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "failed" not in done.stdout and f"a test of lab {lab}" in done.stdout


@instructors_tree
@pytest.mark.slow
def test_a_pool_that_never_replaces_a_worker_loses_the_points_that_say_so(tmp_path):
    tests = graded_with("httpd", {"userland/bin/httpd/pool.c": (
        "if (workers[i] == pid && !stop_requested) {", "if (0) {")}, tmp_path)
    assert lost(tests) == {"test_a_killed_worker_is_replaced": 20, "test_every_dead_worker_is_replaced": 10,
                           "test_sighup_reforks_the_workers": 10}
    assert "when one ends" in hint_of("httpd", "test_a_killed_worker_is_replaced")


# --- labs fork and copa ---------------------------------------------------------------------------
# what every failure of the stubs says, unless the test waits for a parent: fork's copies nothing,
# copa's copies every page at fork, so the child shares none
KERNEL_STUB_FAILURES = {"fork": "differ from the machine's copy", "copa": "shares 0 of them"}


@pytest.mark.parametrize("lab, earlier", [("fork", ["util", "cheri"]), ("copa", ["util", "cheri", "fork"])])
def test_the_student_edition_of_fork_and_copa_scores_zero_and_keeps_the_labs_before(
        lab, earlier, student_edition, tmp_path):
    """The stubs are in the kernel, and the default kernel (copa, the machine's relocator) boots
    with them: the labs before still score full marks in the same tree."""
    tree = student_edition(lab)
    done, tests = graded(lab, tree, tmp_path / f"{lab}.json")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Score: 0/{find_lab(lab).points}" in done.stdout
    for test in tests:
        assert KERNEL_STUB_FAILURES[lab] in test["output"] or "to pass first" in test["output"], test
    for before in earlier:
        done, tests = graded(before, tree, tmp_path / f"{before}.json")
        assert done.returncode == 0, f"{before}: {done.stdout[-3000:]}"
        assert all(test["score"] == test["max_score"] for test in tests), before


@instructors_tree
def test_a_relocation_that_forgets_to_reseal_loses_the_points_that_say_sealed(tmp_path):
    """Moved function pointers come out unsealed: the sealed test fails, usertests' signal tests
    fail (a handler must be a sentry), the page-by-page check names the seal, and the counters
    wait for usertests. Data, bounds, permissions, in place and the count keep their points."""
    tests = graded_with("fork", {"ufos/kernel/relocate.py": (
        "    if cap.sealed:\n        moved = moved.seal(cap.otype)", "    pass")}, tmp_path)
    assert lost(tests) == {"test_sealed_capabilities_stay_sealed": 10, "test_usertests_pass_with_your_relocation": 10,
                           "test_every_page_is_relocated_as_the_machine_does": 10,
                           "test_the_counters_match_the_machine": 5}
    output = {test["name"]: test["output"] for test in tests}
    assert "must be sealed again" in output["test_sealed_capabilities_stay_sealed"]
    assert "must be sealed again" in output["test_every_page_is_relocated_as_the_machine_does"]
    assert "still sealed" in output["test_usertests_pass_with_your_relocation"]       # its hint
    assert "needs test_usertests_pass_with_your_relocation" in output["test_the_counters_match_the_machine"]


@instructors_tree
def test_a_handler_that_copies_for_the_last_user_too_loses_the_in_place_points(tmp_path):
    """copy_page that allocates a frame even when the faulting μprocess is the frame's only user
    behaves (usertests pass) but copies a page it should relocate in place."""
    tests = graded_with("copa", {"ufos/kernel/fork.py": ("if frames.refcount(frame) == 1:\n        new = frame",
                                                         "if frames.refcount(frame) == 0:\n        new = frame")},
                        tmp_path)
    assert lost(tests) == {"test_the_last_user_relocates_in_place": 5}
    output = next(test["output"] for test in tests if test["name"] == "test_the_last_user_relocates_in_place")
    assert "PagesCopied went up by 1" in output and "no new frame, no page copied" in output


# --- lab shell: msh, with lab util as regression weight and a hidden test ---------------------------
SHELL_POINTS = find_lab("shell").points


@instructors_tree
def test_the_full_tree_scores_full_marks_on_shell_with_util_and_the_hidden_test(tmp_path):
    done = ufos("grade", "shell", "--json", str(tmp_path / "results.json"))
    assert done.returncode == 0, done.stdout
    assert f"Score: {SHELL_POINTS}/{SHELL_POINTS}" in done.stdout
    tests = {test["name"]: test for test in gradescope_tests(tmp_path / "results.json")}
    regression = [test for name, test in tests.items() if name.startswith("util::")]
    assert len(regression) == 8 and sum(test["max_score"] for test in regression) == find_lab("shell").regression["util"]
    assert tests["util::test_primes"]["max_score"] == 2            # util's 20 of 100, scaled to 10
    assert tests["test_finished_jobs_are_reaped"]["visibility"] == "after_due_date"     # the hidden one
    assert tests["test_commands"]["visibility"] == "visible"
    assert sum(test["max_score"] for test in tests.values()) == SHELL_POINTS


@instructors_tree
def test_the_student_edition_of_shell_has_no_hidden_test_and_scores_only_util(tmp_path):
    dest = tmp_path / "ufos"
    assert ufos("lab", "export", "shell", str(dest)).returncode == 0
    assert not (dest / "labs/shell/test_shell_hidden.py").exists() and (dest / "labs/shell/test_shell.py").exists()
    for built in (ROOT / "ufos" / "machine").glob("*.so"):
        shutil.copy2(built, dest / "ufos" / "machine" / built.name)
    done = ufos("grade", "shell", "--json", str(tmp_path / "results.json"), cwd=dest, pythonpath=dest)
    assert done.returncode == 1, done.stdout + done.stderr
    tests = gradescope_tests(tmp_path / "results.json")
    assert all(test["score"] == test["max_score"] for test in tests if test["name"].startswith("util::"))
    own = [test for test in tests if not test["name"].startswith("util::")]
    assert len(own) == 12 and all(test["score"] == 0 for test in own)
    for test in own:          # msh's stub compiled and ran: its failure says so, or the test waited for its parent
        assert "not written yet" in test["output"] or "to pass first" in test["output"], test
    assert "Score: 10/95" in done.stdout


@instructors_tree
def test_a_shell_that_keeps_a_read_end_loses_only_the_points_of_pipelines_that_end(tmp_path):
    """The shell keeps each pipe's read end: `echo | wc` still works, `yes | head` never ends."""
    tests = graded_with("shell", {"userland/bin/msh.c": ("        if (in >= 0)\n            close(in);\n        if (i + 1 < n) {",
                                                         "        if (i + 1 < n) {")}, tmp_path)
    assert lost(tests) == {"test_pipelines_end": 10}
    assert "close every pipe end" in hint_of("shell", "test_pipelines_end")


@instructors_tree
def test_a_shell_whose_append_truncates_loses_only_the_append_points(tmp_path):
    tests = graded_with("shell", {"userland/bin/msh.c": ("(c->append ? O_APPEND : O_TRUNC)", "O_TRUNC")}, tmp_path)
    assert lost(tests) == {"test_redirect_append": 5}
    assert "O_APPEND" in hint_of("shell", "test_redirect_append")


# --- lab redis -----------------------------------------------------------------------------------
REDIS_POINTS = find_lab("redis").points


def test_the_redis_student_edition_refuses_bgsave_scores_zero_and_keeps_util(student_edition, tmp_path):
    """The stub answers BGSAVE with an error (the server built and ran: the stub compiled), every
    other test waits for that one; lab util, before it in the course, keeps its solutions."""
    tree = student_edition("redis")
    done, tests = graded("redis", tree, tmp_path / "redis.json")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Score: 0/{REDIS_POINTS}" in done.stdout
    first, *others = tests
    assert "BGSAVE answered the error 'Background saving failed: Function not implemented'" in first["output"], first
    assert all("to pass first" in test["output"] for test in others), others
    done, tests = graded("util", tree, tmp_path / "util.json")
    assert done.returncode == 0 and all(test["score"] == test["max_score"] for test in tests), done.stdout[-3000:]


@instructors_tree
@pytest.mark.slow
def test_a_bgsave_that_leaves_a_killed_childs_temp_file_loses_the_points_that_say_so(tmp_path):
    tests = graded_with("redis", {"userland/bin/redis-server/bgsave.c": (
        "        unlink(tmp);                         /* what a killed child left half-written */\n", "")}, tmp_path)
    assert lost(tests) == {"test_a_killed_save_leaves_the_old_dump_whole": 15}
    failed = next(t for t in tests if t["name"] == "test_a_killed_save_leaves_the_old_dump_whole")
    assert "the killed child's temp file is still there: ['temp-" in failed["output"], failed
    assert "temp-PID.rdb" in hint_of("redis", "test_a_killed_save_leaves_the_old_dump_whole")


# --- lab compartments ----------------------------------------------------------------------------
def test_the_compartments_student_edition_scores_zero_and_keeps_util(student_edition, tmp_path):
    """The stub describes board as one compartment with plain pointers: the description's test
    fails, the board's tests wait for it, and the compromised codec steals the password in both
    test modes (the board built and ran: the stub compiled); util keeps its solutions."""
    tree = student_edition("compartments")
    assert "rle.c" in (tree / "userland/bin/board/board.toml").read_text()
    done, tests = graded("compartments", tree, tmp_path / "compartments.json")
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Score: 0/{find_lab('compartments').points}" in done.stdout
    output = {test["name"]: test["output"] for test in tests}
    assert "board.toml describes one compartment only" in output.pop("test_the_codec_has_a_compartment_of_its_own")
    for name in ("test_the_codec_cannot_read_past_what_it_is_given",
                 "test_the_codec_cannot_reach_main_through_its_own_ddc"):
        assert "the codec stole the password" in output.pop(name), name
    assert all("to pass first" in text for text in output.values()), output
    done, tests = graded("util", tree, tmp_path / "util.json")
    assert done.returncode == 0 and all(test["score"] == test["max_score"] for test in tests), done.stdout[-3000:]


@instructors_tree
def test_a_glue_that_hands_the_codec_an_unbounded_capability_loses_the_attack_points(tmp_path):
    """A capability to the input with main's DDC's bounds, not the input's: the board works, and
    the codec reading through what it was given (test mode 1) reaches the password."""
    tests = graded_with("compartments", {"userland/bin/board/glue.c": (
        "cheri_bounds_set_exact((rle_in)p, n)", "(rle_in)p")}, tmp_path)
    assert lost(tests) == {"test_the_codec_cannot_read_past_what_it_is_given": 20}
    failed = next(t for t in tests if t["name"] == "test_the_codec_cannot_read_past_what_it_is_given")
    assert "the codec stole the password" in failed["output"], failed
