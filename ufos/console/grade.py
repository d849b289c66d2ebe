"""`ufos grade LAB [--seed N] [--json FILE]`: grade the lab in this tree and print the score sheet.

It runs the lab's grader (labs/LAB/test_LAB.py) with pytest and the grading plugin
(ufos/grading.py), which prints each test's points, why each failure failed, a hint and the
command that runs that test again, then `Score: X/Y`. The exit status is 0 only for full marks.
"""
from __future__ import annotations

import argparse
import sys

from ufos.grading import DEFAULT_SEED
from ufos.labs import LabError, find_lab


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("lab", help="the lab to grade (`ufos lab list` names them)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"the seed of the machines the tests boot (default {DEFAULT_SEED})")
    parser.add_argument("--json", metavar="FILE", help="also write the score as Gradescope's results.json")
    args = parser.parse_args(argv)
    try:
        lab = find_lab(args.lab)
    except LabError as e:
        print(f"ufos grade: {e}", file=sys.stderr)
        return 2
    import pytest
    # -p: the plugin even where ufos is not installed (the entry point has the same name, so it
    # is not loaded twice); -o addopts=: the project's own test options are not the grader's; the warning
    # that `python -m ufos` imported ufos before pytest could rewrite its asserts says nothing to a student
    command = [str(lab.grader), "-p", "ufos.grading", "-o", "addopts=", "-q", "--tb=no",
               "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestAssertRewriteWarning",
               "--seed", str(args.seed)]
    if args.json:
        command += ["--grade-json", args.json]
    return int(pytest.main(command))
