"""`ufos lab list | show LAB | export LAB DIR | gradescope LAB ZIP`: the course's labs, their
handouts, the student edition of the tree, and Gradescope's autograder. What a lab is and how its
solutions are marked: ufos/labs.py.

    ufos lab list                     a lab a line: its name, title and points, in course order
    ufos lab show util                the handout, rendered for the terminal
    ufos lab export util ~/util       the student edition: util's solutions (and the later labs')
                                      replaced by their stubs; `--all` for every lab
    ufos lab gradescope util util.zip  the autograder zip to upload to Gradescope: setup.sh and
                                      run_autograder (labs/gradescope/) and this tree, as it is
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from ufos.labs import LabError, all_labs, export, find_lab, labs_dir, labs_to_strip


def show(text: str) -> str:
    """The handout for a terminal: Markdown coloured by pygments (a dependency of ufos); as it is
    when the output is not a terminal, so that `ufos lab show util > util.md` keeps the Markdown."""
    if not sys.stdout.isatty():
        return text
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import MarkdownLexer
    return highlight(text, MarkdownLexer(), TerminalFormatter())


def gradescope_zip(lab: str, out: Path) -> int:
    """Gradescope's autograder zip: setup.sh and run_autograder at its top (Gradescope looks for
    them there), LAB (the lab's name), and ufos/, the instructor's tree as it is now (solutions,
    hidden tests: Gradescope never shows the zip to students). Returns how many files it holds."""
    find_lab(lab)
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        export(set(), Path(tmp), untracked=True)
        for script in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(script)
            info.external_attr = 0o100755 << 16             # executable once unzipped
            z.writestr(info, (labs_dir() / "gradescope" / script).read_bytes(), zipfile.ZIP_DEFLATED)
        z.writestr("LAB", lab + "\n")
        for path in sorted(Path(tmp).rglob("*")):
            if path.is_file():
                z.write(path, "ufos/" + path.relative_to(tmp).as_posix())
        return len(z.namelist())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ufos lab", description="the labs of the course (labs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="a lab a line: its name, title and points")
    show_parser = commands.add_parser("show", help="print a lab's handout")
    show_parser.add_argument("lab")
    export_parser = commands.add_parser("export", help="write the student edition of the tree to DIR")
    export_parser.add_argument("lab", nargs="?", help="the lab: its solutions and later labs' become stubs")
    export_parser.add_argument("dir", type=Path)
    export_parser.add_argument("--all", action="store_true", help="strip every lab's solutions (the whole course)")
    zip_parser = commands.add_parser("gradescope", help="write Gradescope's autograder zip for LAB")
    zip_parser.add_argument("lab")
    zip_parser.add_argument("zip", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            labs = all_labs()
            width = max((len(lab.name) for lab in labs), default=0)     # the titles in one column
            for lab in labs:
                print(f"{lab.name:<{width}} {lab.title}  ({lab.points} points)")
        elif args.command == "show":
            print(show(find_lab(args.lab).handout.read_text()), end="")
        elif args.command == "gradescope":
            files = gradescope_zip(args.lab, args.zip)
            print(f"ufos lab gradescope: {args.zip}: the autograder of lab {args.lab} ({files} files); "
                  f"upload it as docs/instructors.md says")
        else:
            if args.all == (args.lab is not None):
                parser.error("export takes a LAB or --all")
            strip = labs_to_strip(None if args.all else args.lab)
            replaced = export(strip, args.dir)
            print(f"ufos lab export: {args.dir}: the student edition of {', '.join(sorted(strip))} "
                  f"({replaced} solution regions replaced by their stubs)")
    except LabError as e:
        print(f"ufos lab: {e}", file=sys.stderr)
        return 1
    except OSError as e:                # a DIR or ZIP that cannot be written
        print(f"ufos lab: {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    return 0
