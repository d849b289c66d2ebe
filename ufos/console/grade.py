"""`ufos grade`: grade a lab in this tree, one student's submission, or a whole class; check a
signed result.

    ufos grade LAB [--seed N] [--json FILE] [--sign KEYFILE]      this tree, the score sheet
    ufos grade LAB --submission DIR [--json FILE] [--sign KEYFILE]  one student's files, over this tree
    ufos grade LAB --class DIR [-j N] [--out DIR] [--sign KEYFILE]  every submission of DIR -> grades.csv/json
    ufos grade verify FILE --key KEYFILE                          was this results.json/grades.json changed?

It runs the lab's graders (labs/LAB/test_*.py, hidden ones included where they are, and the earlier
labs its lab.toml names in `regression`) with pytest and the grading plugin (ufos/grading.py),
which prints each test's points, why each failure failed, a hint and the command that runs that
test again, then `Score: X/Y`. The exit status is 0 only for full marks (for a class: 0 when every
submission was graded). What a submission is: ufos/submissions.py. The signing key may also come
from the file named by $UFOS_SIGNING_KEY.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from ufos.grading import DEFAULT_SEED, read_key, signed, verify
from ufos.labs import Lab, LabError, find_lab


def main(argv: list[str]) -> int:
    if argv[:1] == ["verify"]:
        return verify_main(argv[1:])
    parser = argparse.ArgumentParser(prog="ufos grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("lab", help="the lab to grade (`ufos lab list` names them)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"the seed of the machines the tests boot (default {DEFAULT_SEED})")
    parser.add_argument("--json", metavar="FILE", help="also write the score as Gradescope's results.json")
    parser.add_argument("--sign", metavar="KEYFILE", default=os.environ.get("UFOS_SIGNING_KEY"),
                        help="sign the results with the key in KEYFILE (HMAC-SHA256; default $UFOS_SIGNING_KEY)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--submission", metavar="DIR", type=Path, help="grade the lab's files of DIR over this tree")
    where.add_argument("--class", dest="class_", metavar="DIR", type=Path,
                       help="grade every submission of DIR (a folder per student)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="submissions graded at once with --class (default: one per core)")
    parser.add_argument("--out", metavar="DIR", type=Path, help="where --class writes grades.csv/json (default: DIR)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j takes a number of processes, 1 or more")
    try:
        lab = find_lab(args.lab)
        key = read_key(args.sign) if args.sign else None
        if args.class_ is not None:
            return grade_class(lab, args, key)
        if args.submission is not None:
            return grade_submission(lab, args, key)
    except LabError as e:
        print(f"ufos grade: {e}", file=sys.stderr)
        return 2
    return grade_tree(lab, args.seed, args.json, args.sign)


def grade_tree(lab: Lab, seed: int, json_path: str | None, keyfile: str | None) -> int:
    """pytest on the lab's graders in this tree, with the plugin's score sheet."""
    import pytest
    regression = [path for name in lab.regression for path in find_lab(name).graders]
    # -p: the plugin even where ufos is not installed (the entry point has the same name, so it
    # is not loaded twice); -o addopts=: the project's own test options are not the grader's; the warning
    # that `python -m ufos` imported ufos before pytest could rewrite its asserts says nothing to a student
    command = [*map(str, lab.graders + regression), "-p", "ufos.grading", "-o", "addopts=", "-q", "--tb=no",
               "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestAssertRewriteWarning",
               "--seed", str(seed), "--grade-lab", lab.name]
    if json_path:
        command += ["--grade-json", json_path]
        if keyfile:
            command += ["--grade-sign", keyfile]
    return int(pytest.main(command))


def grade_submission(lab: Lab, args, key: bytes | None) -> int:
    """One submission, graded in a copy of this tree; its score sheet is results.json's."""
    from ufos.submissions import grade_submission, instructor_tree
    if not args.submission.is_dir():
        raise LabError(f"{args.submission}: no such directory (a submission is a folder with the lab's files)")
    with tempfile.TemporaryDirectory(prefix="ufos-grade-") as tmp:
        results = Path(tmp) / "results.json"
        g = grade_submission(lab, args.submission, instructor_tree(Path(tmp) / "base"), args.seed, results)
        if g.error:
            print(f"ufos grade: {args.submission}: {g.error}", file=sys.stderr)
            gradescope = {"score": 0, "output": f"Score: 0/{lab.points}: {g.error}", "tests": []}
        else:
            gradescope = json.loads(results.read_text())
    for test in gradescope["tests"]:
        print(f"{test['name']:<44} {test['score']:>4g}/{test['max_score']:<4g} "
              f"{'ok' if test['status'] == 'passed' else 'FAILED'}")
        if test["status"] != "passed":
            print("\n".join("    " + line for line in test["output"].splitlines()))
    print(f"Score: {g.score:g}/{g.max_score:g}")
    if args.json:
        Path(args.json).write_text(json.dumps(signed(gradescope, key) if key else gradescope, indent=2) + "\n")
    return 0 if g.score == g.max_score and not g.error else 1


def grade_class(lab: Lab, args, key: bytes | None) -> int:
    from ufos.submissions import grade_class, write_grades

    def say(line: str) -> None:
        print(f"ufos grade: {line}", flush=True)

    graded = grade_class(lab, args.class_, args.seed, args.jobs, say)
    csv_path, json_path = write_grades(lab, graded, args.seed, args.out or args.class_, key)
    broken = sum(1 for g in graded if g.error)
    say(f"{len(graded)} graded ({broken} without a score from the grader): {csv_path}, {json_path}"
        + (" (signed)" if key else ""))
    return 0


def verify_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos grade verify",
                                     description="check the signature of a results.json or grades.json")
    parser.add_argument("file", type=Path)
    parser.add_argument("--key", metavar="KEYFILE", required=True, help="the key the results were signed with")
    args = parser.parse_args(argv)
    try:
        key = read_key(args.key)
        results = json.loads(args.file.read_bytes())
    except LabError as e:
        print(f"ufos grade verify: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"ufos grade verify: {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    except ValueError:                          # not JSON, or not UTF-8
        print(f"ufos grade verify: {args.file}: not a results file (JSON)", file=sys.stderr)
        return 2
    wrong = verify(results, key) if isinstance(results, dict) else "not a results file"
    if wrong:
        print(f"ufos grade verify: {args.file}: {wrong}")
        return 1
    print(f"ufos grade verify: {args.file}: signed with this key, unchanged since")
    return 0
