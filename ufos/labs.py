"""The course: the labs of labs/, the solution regions they own in the tree, and the student edition.

    labs = all_labs()                     # by their order in the course
    regions = tree_regions(labs)          # every region of every lab, checked (RegionError if not)
    export(["util"], Path("/tmp/student"))  # the tree with util's regions replaced by their stubs

A lab is a folder labs/NAME/ with README.md (the handout), its grader test_NAME.py and lab.toml:

    title = "Unix utilities: fork, pipe, exec and wait"
    order = 1                  # its place in the course
    builds_on = []             # the labs it needs (by name)
    files = ["userland/bin/pingpong.c"]   # the files the student edits, from the repository's top
    points = 100               # what the grader's points add up to (regression weights included)
    hidden = []                # files of the lab left out of the student edition (hidden tests)
    regression = {util = 10}   # earlier labs graded again as part of this one, each scaled to N points
    tests = ["tests/userland/test_x.py::test_y"]   # the project's own tests that run this lab's
                               # programs: skipped, with the reason, in an edition that strips the lab

The reference solution stays in the tree, so the full tree always builds and passes. It sits in
regions of the files the student edits, written with the comment leader of the file's language
(// in C, # in Python and TOML), each marker on a line of its own:

    // BEGIN SOLUTION util
    ...the reference code...
    // STUB
    // ...the stub, each line commented out with the same leader...
    // END SOLUTION

The student edition has, in place of the whole region, the stub's lines with their leader (and
one space after it) taken off. Anything else that looks like a marker is an error, reported as
FILE:LINE: so that a typo never leaks a solution. docs/instructors.md says how to write them.

Every exported tree carries labs/edition.toml: the labs it strips and its files (so that a tree
with no git, a student's or Gradescope's, can be exported and copied again).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ufos.abi import PACKAGE

ROOT = PACKAGE.parent                      # the repository: labs/ and userland/ are at its top
LEADERS = {".c": "//", ".h": "//", ".py": "#", ".toml": "#"}   # the files that may hold regions, by language
MARKER = re.compile(r"(BEGIN SOLUTION|END SOLUTION|STUB)\b\s*(.*)$")
LAB_NAME = re.compile(r"[a-z][a-z0-9_]*$")
EDITION = "labs/edition.toml"              # written by export into the trees it makes


class LabError(ValueError):
    """A lab or a region that is not as it should be; the message says where (FILE:LINE: ...)."""


@dataclass
class Lab:
    name: str
    title: str
    order: int
    builds_on: list[str]
    files: list[str]
    points: int
    hidden: list[str] = field(default_factory=list)
    regression: dict[str, int] = field(default_factory=dict)
    tests: list[str] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return labs_dir() / self.name

    @property
    def handout(self) -> Path:
        return self.folder / "README.md"

    @property
    def grader(self) -> Path:
        return self.folder / f"test_{self.name}.py"

    @property
    def graders(self) -> list[Path]:
        """Every grader file of the lab in this tree: test_NAME.py, and the hidden ones where they
        are (the instructor's tree; a student edition has no hidden file)."""
        return sorted(self.folder.glob("test_*.py"))


def labs_dir() -> Path:
    return ROOT / "labs"


def all_labs() -> list[Lab]:
    """Every lab of labs/, in the order of the course."""
    folder = labs_dir()
    labs = [load_lab(toml.parent) for toml in sorted(folder.glob("*/lab.toml"))] if folder.is_dir() else []
    return sorted(labs, key=lambda lab: (lab.order, lab.name))


def load_lab(folder: Path) -> Lab:
    path = folder / "lab.toml"
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as e:
        raise LabError(f"{path}: {e}") from None
    types = {"title": str, "order": int, "builds_on": list, "files": list, "points": int, "hidden": list,
             "regression": dict, "tests": list}
    optional = {"hidden", "regression", "tests"}
    for key, type_ in types.items():
        if key in optional and key not in data:
            continue
        if not isinstance(data.get(key), type_):
            raise LabError(f"{path}: '{key}' is missing or not a {type_.__name__}")
    if not all(isinstance(weight, int) and weight > 0 for weight in data.get("regression", {}).values()):
        raise LabError(f"{path}: 'regression' gives each earlier lab a whole number of points: {{util = 10}}")
    unknown = set(data) - set(types)
    if unknown:
        raise LabError(f"{path}: unknown keys {sorted(unknown)} (a lab.toml has {list(types)})")
    if not LAB_NAME.match(folder.name):
        raise LabError(f"{folder}: a lab's name is lower case letters, digits and _")
    return Lab(name=folder.name, **data)


def find_lab(name: str) -> Lab:
    labs = all_labs()
    for lab in labs:
        if lab.name == name:
            return lab
    raise LabError(f"no lab '{name}' (the labs: {', '.join(lab.name for lab in labs) or 'none'})")


@dataclass
class Region:
    lab: str
    path: str            # from the repository's top
    begin: int           # the line of BEGIN SOLUTION (from 1)
    end: int             # the line of END SOLUTION
    solution: list[str]  # the reference lines, as they are in the tree
    stub: list[str]      # what the student edition has instead (leaders taken off)


def parse_regions(text: str, path: str) -> tuple[list[Region], list[str]]:
    """The regions of one file's text, and its errors ("PATH:LINE: what is wrong")."""
    leader = LEADERS.get(Path(path).suffix)
    regions: list[Region] = []
    errors: list[str] = []
    if leader is None:
        return regions, errors
    stub_line = re.compile(r"([ \t]*)" + re.escape(leader) + r" ?(.*\n?)$")
    open_: Region | None = None
    in_stub = False
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        marker = MARKER.match(stripped[len(leader):].strip()) if stripped.startswith(leader) else None
        where = f"{path}:{number}"
        if marker is None:
            if open_ is None:
                continue
            if not in_stub:
                open_.solution.append(line)
            elif not stripped:
                open_.stub.append(line)
            else:
                match = stub_line.match(line)
                if match is None:
                    errors.append(f"{where}: a stub line must start with '{leader}' (in the full tree the "
                                  f"stub is commented out)")
                else:
                    open_.stub.append(match[1] + match[2])
            continue
        kind, rest = marker[1], marker[2]
        if kind == "BEGIN SOLUTION":
            if open_ is not None:
                errors.append(f"{where}: BEGIN SOLUTION inside the region opened at line {open_.begin} "
                              f"(regions do not nest)")
            elif not LAB_NAME.match(rest):
                errors.append(f"{where}: BEGIN SOLUTION needs the lab's name: '{leader} BEGIN SOLUTION util'")
            else:
                open_, in_stub = Region(rest, path, number, 0, [], []), False
        elif rest:
            errors.append(f"{where}: nothing may follow {kind} on its line")
        elif open_ is None:
            errors.append(f"{where}: {kind} without a BEGIN SOLUTION before it")
        elif kind == "STUB":
            if in_stub:
                errors.append(f"{where}: a second STUB in the region opened at line {open_.begin}")
            in_stub = True
        elif not in_stub:
            errors.append(f"{where}: END SOLUTION before a STUB line (every region gives its stub, "
                          f"empty or not, between STUB and END SOLUTION)")
            open_ = None
        else:
            open_.end = number
            regions.append(open_)
            open_ = None
    if open_ is not None:
        errors.append(f"{path}:{open_.begin}: BEGIN SOLUTION {open_.lab} is never closed by END SOLUTION")
    return regions, errors


def tracked_files(untracked: bool = False) -> list[str]:
    """The files of the project: git's tracked files that are there (the student edition is those),
    and with untracked the new files git does not ignore (the instructor's tree as it is now); in
    an exported tree that is not a git checkout, the files its labs/edition.toml lists."""
    if not (ROOT / ".git").exists() and (ROOT / EDITION).is_file():
        names = edition()["files"]
    else:
        others = ["--others", "--exclude-standard"] if untracked else []
        try:
            out = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", *others],
                                 capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise LabError(f"{ROOT}: cannot list the project's files with git ({e}); the labs work from a "
                           f"git checkout of ufos or a tree `ufos lab export` wrote") from None
        names = out.decode().split("\0")
    return [name for name in names if name and name != EDITION and (ROOT / name).is_file()]


def edition() -> dict:
    """What labs/edition.toml says of this tree: {"stripped": [labs], "files": [...]}; the
    instructor's git checkout has none: nothing is stripped."""
    path = ROOT / EDITION
    if not path.is_file():
        return {"stripped": [], "files": []}
    try:
        return tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as e:
        raise LabError(f"{path}: {e}") from None


def lab_owned_tests(stripped: list[str]) -> dict[str, str]:
    """The project's tests that run the programs of the stripped labs (their lab.toml `tests`),
    each with the lab it belongs to: a student edition has stubs there, so they cannot pass."""
    return {test: lab.name for lab in all_labs() if lab.name in stripped for test in lab.tests}


def tree_regions(labs: list[Lab]) -> dict[str, list[Region]]:
    """Every region of the tree, by file. Raises LabError with every error found: a malformed
    region, one for a lab that does not exist, or one in a file its lab.toml does not list."""
    by_name = {lab.name: lab for lab in labs}
    found: dict[str, list[Region]] = {}
    errors: list[str] = []
    for name in tracked_files():
        if Path(name).suffix not in LEADERS:
            continue
        regions, bad = parse_regions((ROOT / name).read_text(errors="replace"), name)
        errors += bad
        for region in regions:
            lab = by_name.get(region.lab)
            if lab is None:
                errors.append(f"{name}:{region.begin}: no lab '{region.lab}' in labs/")
            elif name not in lab.files:
                errors.append(f"{name}:{region.begin}: labs/{lab.name}/lab.toml does not list {name} in its files")
        if regions:
            found[name] = regions
    if errors:
        raise LabError("\n".join(errors))
    return found


def student_text(text: str, path: str, strip: set[str]) -> str:
    """The file as the student edition has it: the regions of the labs in strip become their stubs."""
    regions, errors = parse_regions(text, path)
    if errors:
        raise LabError("\n".join(errors))
    lines = text.splitlines(keepends=True)
    for region in reversed(regions):
        if region.lab in strip:
            lines[region.begin - 1:region.end] = region.stub
    return "".join(lines)


def labs_to_strip(name: str | None) -> set[str]:
    """Exporting a lab strips its solutions and those of the labs after it in the course (they are
    next weeks' answers); the labs before it keep theirs. None: every lab (the whole course)."""
    labs = all_labs()
    if name is None:
        return {lab.name for lab in labs}
    chosen = find_lab(name)
    return {lab.name for lab in labs if (lab.order, lab.name) >= (chosen.order, chosen.name)}


def export(strip: set[str], dest: Path, untracked: bool = False) -> int:
    """Write the student edition to dest (which must not exist or be empty): every tracked file,
    the regions of the labs in strip replaced by their stubs, those labs' hidden files left out,
    and labs/edition.toml saying so. With strip empty and untracked it is a copy of the instructor's
    tree as it is now (new files too). Returns how many regions were replaced."""
    labs = all_labs()
    regions = tree_regions(labs)
    if dest.exists() and any(dest.iterdir()):
        raise LabError(f"{dest}: not empty (the student edition goes to a new directory)")
    hidden = {f"labs/{lab.name}/{name}" for lab in labs if lab.name in strip for name in lab.hidden}
    names = [name for name in tracked_files(untracked) if name not in hidden]
    replaced = 0
    for name in names:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        mine = [r for r in regions.get(name, []) if r.lab in strip]
        if mine:
            target.write_text(student_text((ROOT / name).read_text(), name, strip))
            shutil.copymode(ROOT / name, target)
            replaced += len(mine)
        else:
            shutil.copy2(ROOT / name, target, follow_symlinks=False)
    write_edition(dest, sorted(strip), names)
    return replaced


def write_edition(dest: Path, stripped: list[str], names: list[str]) -> None:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"     # a JSON string is a TOML string
    (dest / EDITION).write_text(
        "# Written by `ufos lab export`: the labs whose solutions this tree leaves to the student\n"
        "# (their project tests are skipped here, with the reason), and the files of the tree.\n"
        f"stripped = {toml_list(stripped)}\nfiles = {toml_list(names)}\n")
