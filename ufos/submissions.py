"""Grading students' submissions: a submission laid over a copy of the instructor's tree and graded
there by `ufos grade` in a process of its own; a whole class at once, in parallel, into grades.csv
and grades.json. `ufos grade LAB --submission DIR` and `--class DIR` are the front ends.

    base = instructor_tree(tmp / "base")              # once: the full tree, hidden tests included
    g = grade_submission(lab, Path("class/alice"), base, seed=1)
    g.score, g.max_score, g.tests, g.error            # error: why the grader gave no score at all

A submission is a folder with the files the lab's lab.toml lists (`files`), either where they are
in the repository (alice/userland/bin/primes.c; so a student's whole tree is a submission too) or
by their name alone at its top (alice/primes.c, as a Gradescope upload keeps them). A listed file
the submission lacks is graded as the student edition has it (its stub). Everything else is the
instructor's: the graders and their hidden tests, the earlier labs' solutions, the kernel.

A broken submission never stops a class: one that does not compile or loops forever loses the
tests that say so (the grader's instruction limits); one that breaks the grader itself (a kernel
edit that raises, a hang past the wall-clock cap) scores 0 with the reason in `error`.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ufos.labs import ROOT, Lab, LabError, export, student_text

WALL_CLOCK_CAP = 600         # seconds a submission's whole grading may take: only a grader that hangs
                             # reaches it (the tests' own limits are in emulated instructions)


@dataclass
class Graded:
    student: str
    score: float
    max_score: float
    tests: list[dict] = field(default_factory=list)   # results.json's tests: name, score, max_score, status, output
    error: str | None = None                          # why there is no score from the grader
    seconds: float = 0.0

    def failures(self) -> list[str]:
        return [f"{t['name']}: {t['output'].splitlines()[0]}" for t in self.tests if t["status"] != "passed"]


def instructor_tree(dest: Path) -> Path:
    """A copy of the instructor's tree (every lab's solution, the hidden tests) at dest, with the
    machine's compiled modules, ready to be copied once per submission."""
    export(set(), dest, untracked=True)
    for built in (ROOT / "ufos" / "machine").glob("*.so"):
        shutil.copy2(built, dest / "ufos" / "machine" / built.name)
    return dest


def submission_files(lab: Lab, folder: Path) -> dict[str, Path]:
    """The lab's files the submission has: each at its repository path, else by its name at the top."""
    found = {}
    for name in lab.files:
        for candidate in (folder / name, folder / Path(name).name):
            if candidate.is_file():
                found[name] = candidate
                break
    return found


def overlay(lab: Lab, folder: Path, tree: Path) -> list[str]:
    """Lay the submission's files over tree; a file it lacks becomes the stub. Returns those it had."""
    found = submission_files(lab, folder)
    for name in lab.files:
        target = tree / name
        if name in found:
            shutil.copyfile(found[name], target)
        else:
            target.write_text(student_text(target.read_text(), name, {lab.name}))
    return sorted(found)


def grade_submission(lab: Lab, folder: Path, base: Path, seed: int, results: Path | None = None,
                     timeout: float = WALL_CLOCK_CAP) -> Graded:
    """Grade one submission in a copy of base; results (if given) gets its results.json."""
    started = time.monotonic()
    student = folder.name
    with tempfile.TemporaryDirectory(prefix=f"ufos-grade-{student}-") as tmp:
        tree = Path(tmp) / "ufos"
        shutil.copytree(base, tree, symlinks=True)
        if not overlay(lab, folder, tree):
            graded = failed(lab, student, f"the submission has none of the lab's files ({', '.join(lab.files)})")
        else:
            graded = run_grader(lab, student, tree, seed, timeout)
        if results is not None and (tree / "results.json").is_file():
            shutil.copyfile(tree / "results.json", results)
    graded.seconds = round(time.monotonic() - started, 1)
    return graded


def run_grader(lab: Lab, student: str, tree: Path, seed: int, timeout: float) -> Graded:
    """`ufos grade LAB` inside the submission's tree, with its own ufos package (a lab may edit the
    kernel), in a process of its own so that nothing it does reaches the class's grading."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("UFOS_") or name == "UFOS_CACHE"}     # not the key, not another userland
    env["PYTHONPATH"] = str(tree)
    command = [sys.executable, "-m", "ufos", "grade", lab.name, "--seed", str(seed), "--json", "results.json"]
    try:
        done = subprocess.run(command, check=False, cwd=tree, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return failed(lab, student, f"the grader ran past {timeout:g} s of wall-clock time (a submission that "
                                    f"hangs the grader itself, not a program: those fail on instructions)")
    path = tree / "results.json"
    if done.returncode not in (0, 1) or not path.is_file():
        last = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()][-1:] or ["nothing"]
        return failed(lab, student, f"the grader crashed (status {done.returncode}): {last[0].strip()[:300]}")
    results = json.loads(path.read_text())
    return Graded(student, results["score"], round(sum(t["max_score"] for t in results["tests"]), 2),
                  results["tests"])


def failed(lab: Lab, student: str, why: str) -> Graded:
    return Graded(student, 0, lab.points, error=why)


def submissions(folder: Path) -> list[Path]:
    """The class: a folder per student (hidden ones, like .git, are not students)."""
    if not folder.is_dir():
        raise LabError(f"{folder}: no such directory (the class is a folder of submissions, one per student)")
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def grade_class(lab: Lab, folder: Path, seed: int, jobs: int, say: Callable[[str], None],
                timeout: float = WALL_CLOCK_CAP) -> list[Graded]:
    """Grade every submission of folder, jobs at a time, saying a line as each one is done."""
    students = submissions(folder)
    if not students:
        raise LabError(f"{folder}: no submissions in it (a folder per student)")
    with tempfile.TemporaryDirectory(prefix="ufos-class-") as tmp:
        base = instructor_tree(Path(tmp) / "base")
        say(f"grading {len(students)} submissions of lab {lab.name}, {jobs} at a time (seed {seed})")
        warm_cache(say)
        graded = []
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(grade_submission, lab, student, base, seed, None, timeout) for student in students]
            for done, future in enumerate(as_completed(futures), 1):
                g = future.result()
                graded.append(g)
                say(f"[{done:>{len(str(len(students)))}}/{len(students)}] {g.student:<20} "
                    f"{g.score:g}/{g.max_score:g}  {g.seconds:.1f} s" + (f"  ({g.error})" if g.error else ""))
    return sorted(graded, key=lambda g: g.student)


def warm_cache(say: Callable[[str], None]) -> None:
    """Compile the instructor's userland once, before the parallel graders would each wait for it:
    the cache is by content, so every submission then compiles only the files it changed."""
    from ufos.toolchain.userland import root_archive
    root_archive(lambda message: say(message) if "compiling" in message or "left out" in message else None)


def write_grades(lab: Lab, graded: list[Graded], seed: int, out: Path, key: bytes | None) -> tuple[Path, Path]:
    """grades.csv (a row per student: score, max, a column per test, the error) and grades.json
    (the same, with each test's output), signed with key if there is one."""
    from ufos.grading import signed
    out.mkdir(parents=True, exist_ok=True)
    names = list(dict.fromkeys(t["name"] for g in graded for t in g.tests))
    with open(out / "grades.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "score", "max_score", *names, "error"])
        for g in graded:
            points = {t["name"]: t["score"] for t in g.tests}
            writer.writerow([g.student, g.score, g.max_score, *(points.get(n, 0) for n in names), g.error or ""])
    summary = {"lab": lab.name, "seed": seed, "max_score": lab.points,
               "students": [dict(asdict(g), failures=g.failures()) for g in graded]}
    if key is not None:
        summary = signed(summary, key)
    (out / "grades.json").write_text(json.dumps(summary, indent=2) + "\n")
    return out / "grades.csv", out / "grades.json"
