"""/bin/sed (userland/bin/sed.c) run under the kernel and compared with the host's GNU sed.

A case is (arguments, input): ours and the host's sed run on the same arguments and standard
input, and their stdout and exit status must be equal. The host's sed runs with --posix (GNU
extensions off) for POSIX_CASES, and without it for GNU_CASES, where ours does what GNU sed does
by default, where POSIX leaves it open or forbids it or where --posix changes GNU sed itself:
N on the last line writes the pattern space (POSIX: it quits without writing it), the one-line
"a text", "q STATUS", "$a\\" with no text, w /dev/stdout (under --posix a file of its own, whose
lines come out of order), \\| in a BRE. Bad scripts are compared without --posix too, where GNU
sed checks more (s/a/\\1/).

Each run boots a machine (about 0.1 s), so the default suite runs about 60, covering each command
and rule once; the MORE_ cases (pytest -m slow) add more combinations.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.userland.test_coreutils import boot, run

WORDS = b"one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n"
NO_NEWLINE = b"alpha\nbeta\ngamma"                                  # the last line has no newline
TEXT = b"hello world\n\tTabbed \\ line\nfoo/bar/baz\n\nabcabc\nend $\naaa bbb\n"
BYTES = bytes(range(256)) + b"\n" + b"x" * 150 + b"\n"               # for l: escapes and folding
PAIRS = b"a\na\nb\nc\nc\nc\nd\n"
CONTINUED = b"one \\\ntwo \\\nthree\nfour\n"                         # lines continued by a backslash

POSIX_CASES = [
    # addresses
    (["-n", "3p;$p"], WORDS), (["4,2d"], WORDS), (["/o/!d"], WORDS),
    (["-n", "/e/,/e/p"], WORDS), (["-n", "2,/o/p"], WORDS), (["-n", "\\;e\\;n;p"], WORDS + b"e;n\n"),
    (["-n", "$!N;3,4p;5,/x/{=}"], WORDS),                      # ranges from lines that N skipped
    # classic scripts
    (["1!G;h;$!d"], WORDS),                                      # tac
    ([":a;N;$!ba;s/\\n/ /g"], WORDS),                            # join every line
    (["$!N;/^\\(.*\\)\\n\\1$/!P;D"], PAIRS),                     # uniq
    (["-e", ":a", "-e", "/\\\\$/N;s/\\\\\\n//;ta"], CONTINUED),  # join the lines ending in \\
    # commands
    (["="], NO_NEWLINE), (["y,a\\,b,\\n\\\\X,"], b"a,b,c\n"), (["2i\\\ninserted\\\n  two lines"], WORDS[:20]),
    (["2a\\\nappended\n2N"], NO_NEWLINE), (["2,3c\\\nchanged\n/ten/,$c\\\nlast"], WORDS),
    (["-n", "l"], BYTES), (["n;d"], WORDS), (["-n", "H;${x;s/\\n/,/g;p}"], WORDS), (["2{p;q}"], WORDS),
    (["1h;$g"], NO_NEWLINE), (["s/o/0/;ta;s/$/ no/;b;:a;s/$/ yes/"], WORDS),
    (["-n", "/e/{/n/{p;p};/v/p}"], WORDS), (["#n\n# comment\n/o/p # another"], WORDS),
    # s
    (["s/e/E/2g"], b"eeeee\nee\n"), (["s/\\(.\\)\\(.\\)/\\2\\1/;s/[aeiou]/\\&/g;s/.*/[&]/"], TEXT),
    (["s|/|\\||g"], TEXT), (["s/a*/x/g"], b"abc\nbaaac\nxyz\n"), (["s/ /\\n/g;s/$/\\\nnext/"], TEXT),
    (["-n", "/o/{s//0/gp}"], WORDS), (["-E", "s/(o|e)+/<&>/g"], WORDS),
    (["s/[^/]*\\//<&>/;s/[[:punct:]/]/_/g;s/\\t/T/;s/ /\\t/;y/e\\t/\\tE/"], TEXT),  # [/], \\t (GNU's too)
]

GNU_CASES = [
    (["N;N;s/\\n/,/g"], WORDS), (["$!N;N"], NO_NEWLINE),               # N on the last line
    (["-e", "1i\\  indented", "-e", "2a appended", "-e", "$a\\"], NO_NEWLINE), (["q5"], WORDS),
    (["$!N;q"], NO_NEWLINE),                         # q writes the newline the last line lacks
    (["s/o/0/w /dev/stdout"], WORDS),                # GNU's --posix makes /dev/stdout a file of its own
    (["s/\\bt/T/g;s/\\w\\>/&./g;s/\\s*$/!/"], b"tt t tat\nat  \n"),   # glibc's escapes (not --posix)
    # GNU's addresses, s flags, case conversion and commands
    (["-n", "0,/o/p;0~3="], WORDS), (["-n", "/t/,+1p;4,~3="], WORDS), (["1~3d;/X/I,/E/Is/^/>/"], WORDS),
    (["N;s/^/>/Mg;s/O/0/Ig"], WORDS), (["s/\\(.\\)\\(.*\\)/\\U\\1\\E\\2 \\u\\L&X \\L\\u&/"], WORDS),
    (["s/t/T/;T;s/$/ (t)/"], WORDS), (["-e", "3{a queued", "-e", "Q5}"], WORDS), (["-n", "2{z;l;F};$!N;W /dev/stdout"], WORDS),
]

# pytest -m slow
MORE_POSIX_CASES = [
    (["-n", "--", "1p", "-"], WORDS), (["-n", "2,4!p"], WORDS), (["-e", "1d", "-e", "s/e/E/"], WORDS),
    (["-n", "s/o/0/p"], WORDS), (["#n\n/o/p"], WORDS), (["# comment\np # another"], WORDS[:8]),
    (["-n", "$p"], WORDS), (["2d"], WORDS), (["2,4d"], WORDS),
    (["-n", "/e/p"], WORDS),
    (["-n", "/two/,/four/p"], WORDS), (["-n", "/f/,3p"], WORDS), (["-n", "\\,o,p"], WORDS),
    (["-n", "$!{$!p}"], NO_NEWLINE), (["/^$/d"], TEXT), (["-n", "$="], WORDS),
    (["y/abcdefghij/ABCDEFGHIJ/"], TEXT), (["$!c\\\nX"], NO_NEWLINE), (["l;d"], TEXT),
    (["-n", "h;n;G;p"], WORDS), (["x;1d;$G"], NO_NEWLINE), (["3q"], WORDS), (["-n", "$!N;P"], WORDS),
    (["s/o/0/"], WORDS), (["s/o/0/g"], TEXT), (["s/e/E/2"], WORDS), (["s/.*/[&]/"], TEXT),
    (["s/x*/-/g"], b"abc\n"), (["s/b*/x/2"], b"abc\n"), (["s/e/E/;s//3/"], WORDS),
    (["-n", "/x/,/y/p"], WORDS), (["-n", "/one/,/one/p"], WORDS), (["-n", "7,/e/p"], WORDS),
    (["-n", "2,5{p;n;n;n;n}"], WORDS), (["-n", "$!{$!{p}}"], WORDS), (["s/\\//|/2"], TEXT),
    (["-n", "/a/,$p"], TEXT), (["$d"], NO_NEWLINE), (["G"], WORDS[:8]), (["x"], NO_NEWLINE),
    (["D"], WORDS), (["-n", "P"], b"a\nb"), (["s/./(&)/3g"], WORDS), (["s/^/> /;s/$/ </"], TEXT),
    (["y/\\n/ /"], WORDS), (["1d;n;d"], WORDS), (["-n", "2{n;p}"], WORDS), (["$!d;=;l"], NO_NEWLINE),
    (["s/[[:upper:]]/\\n/g;l"], TEXT), (["s/\\n//"], WORDS), (["-n", "/\\n/p;N;/\\n/p"], WORDS),
    (["s/\\(b*\\)\\(c*\\)/[\\2\\1]/g"], b"abcbc\n"), (["i\\\n\\ lead"], WORDS[:4]),
    (["3,$c\\\nEND"], WORDS), (["$!N;2,$c\\\nEND"], b"a\nb\n"), (["2,5c\\\nEND"], b"a\nb\n"),
    (["-n", "/two/,4{=;p}"], WORDS), (["h;s/.*/-/;x;G"], WORDS[:8]),
]

MORE_GNU_CASES = [
    (["-n", "N;N;p"], WORDS), (["2a appended"], WORDS[:12]), (["p"], NO_NEWLINE),
    (["-e", "a\\", "-e", "hello"], WORDS[:8]),                # GNU's --posix: "incomplete command"
    (["s/\\(a\\)\\|b/\\1x/g"], b"ab\n"),                          # \\| (GNU's, off with --posix)
    (["1a\\\nf\\to"], WORDS[:8]),                                     # \\t in a text (even with --posix)
    (["-n", "0,/e/p"], WORDS), (["-n", "2,~4p;5,+1s/^/+/p;3,~3="], WORDS), (["1,~1d;9,~0d"], WORDS),
    (["2~0d;0~4s/$/!/"], WORDS), (["s/\\(x*\\)o/\\u\\1o/;s/e/\\Ub\\uc\\ld/;s/i/\\U&\\n&/"], WORDS),
    (["-n", "/O/I,/E/Ip;1,+p;2,~p;3~p"], WORDS), (["s/x/y/;ta;s/$/-/;:a;T;s/^/!/"], b"x\nz\n"), (["N;N;s/e$/E/M2"], WORDS),
    (["--quiet", "--regexp-extended", "--expression=/(o|e)$/p", "--exp", "1p"], WORDS), (["-n", "$!N;/^t/MP"], WORDS), (["$Q3"], NO_NEWLINE), (["2Q;a\\\nlater"], WORDS), (["3,5z"], WORDS),
]

# GNU's extensions that ours leaves out: errors
NOT_SUPPORTED = [["e echo"], ["s/a/b/e"], ["R /etc/passwd"], ["v"], ["l 5"]]


def host_sed(args, stdin: bytes, posix: bool):
    if shutil.which("sed") is None or b"GNU" not in subprocess.run(["sed", "--version"],
                                                                    capture_output=True).stdout:
        pytest.skip("the host has no GNU sed to compare with")
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(["sed", *(["--posix"] if posix else []), *args], input=stdin,
                          capture_output=True, env=env, timeout=30)


def compare(args, stdin, posix=True):
    ours = run("sed", args, stdin)
    theirs = host_sed(args, stdin, posix)
    assert (ours.stdout, ours.status) == (theirs.stdout, theirs.returncode), \
        f"sed {args}: stderr {ours.stderr!r}; host's stderr {theirs.stderr!r}"
    return ours


def ids(cases):
    return [" ".join(args) for args, _stdin in cases]


@pytest.mark.parametrize("args,stdin", POSIX_CASES, ids=ids(POSIX_CASES))
def test_same_as_gnu_sed_posix(args, stdin):
    compare(args, stdin)


@pytest.mark.parametrize("args,stdin", GNU_CASES, ids=ids(GNU_CASES))
def test_same_as_gnu_sed(args, stdin):
    compare(args, stdin, posix=False)


@pytest.mark.slow
@pytest.mark.parametrize("args,stdin", MORE_POSIX_CASES, ids=ids(MORE_POSIX_CASES))
def test_more_same_as_gnu_sed_posix(args, stdin):
    compare(args, stdin)


@pytest.mark.slow
@pytest.mark.parametrize("args,stdin", MORE_GNU_CASES, ids=ids(MORE_GNU_CASES))
def test_more_same_as_gnu_sed(args, stdin):
    compare(args, stdin, posix=False)


@pytest.mark.slow
@pytest.mark.parametrize("args", NOT_SUPPORTED, ids=" ".join)
def test_gnu_extensions_left_out_are_errors(args):
    ours = run("sed", args, WORDS)
    assert ours.status == 1 and ours.stdout == b"" and ours.stderr.startswith(b"sed: ")


BAD_SCRIPTS = ["s/a/b/x", "p;k", "{p", "p}", "b nowhere", "s/\\(a/b/", "y/abc/xy/", "0p", "0,5p"]
MORE_BAD_SCRIPTS = ["s/a/\\1/", "2!!p", "1,p", "/abc", "s/a/b/gg", "3q;1,2q", ":", "a", "s/a", "y/a/"]


def bad_script_problems(scripts):
    """The scripts that ours does not refuse as the host does. Without --posix, where GNU sed
    checks more (s/a/\\1/); GNU's status for a missing label is 4."""
    problems = []
    for script in scripts:
        ours = run("sed", [script], WORDS)
        theirs = host_sed([script], WORDS, posix=False)
        if not (ours.status == 1 and theirs.returncode in (1, 4) and ours.stdout == b""
                and ours.stderr.startswith(b"sed: ") and ours.stderr.endswith(b"\n")):
            problems.append((script, ours.status, ours.stdout, ours.stderr))
    return problems


def test_bad_scripts_are_errors_with_a_position():
    assert not bad_script_problems(BAD_SCRIPTS)
    assert run("sed", ["s/a/b"], WORDS).stderr == b"sed: -e expression #1, char 5: unterminated `s' command\n"
    assert run("sed", ["-e", "p", "-e", "k"], WORDS).stderr == \
        b"sed: -e expression #2, char 1: unknown command: `k'\n"


@pytest.mark.slow
def test_more_bad_scripts():
    assert not bad_script_problems(MORE_BAD_SCRIPTS)


def test_usage():
    for args in ([], ["-Z", "p"]):
        ours = run("sed", args, WORDS)
        assert ours.status == 1 and ours.stdout == b"" and ours.stderr


def test_classic_pipeline_numbers_lines():
    numbered = run("sed", ["="], TEXT).stdout
    ours = run("sed", ["N;s/\\n/ /"], numbered)
    assert ours.stdout == host_sed(["N;s/\\n/ /"], host_sed(["="], TEXT, True).stdout, True).stdout
    assert ours.stdout.startswith(b"1 hello world\n2 \tTabbed")


def test_long_lines():
    line = b"ab" * 50_000 + b"\n"                                  # 100 KB
    ours = run("sed", ["s/b$/END/;s/a/A/2;$!N;y/b/c/"], line * 2)
    assert ours.stdout == host_sed(["s/b$/END/;s/a/A/2;$!N;y/b/c/"], line * 2, True).stdout
    assert len(ours.stdout) == 200_004


def test_replacing_every_match_of_a_long_line_takes_linear_time():
    short = run("sed", ["s/a/X/g"], b"ab" * 2000 + b"\n")
    long = run("sed", ["s/a/X/g"], b"ab" * 8000 + b"\n", budget=1_000_000_000)
    assert long.stdout == b"Xb" * 8000 + b"\n"
    assert long.instructions < 6 * short.instructions          # 4 times the line: about 4 times the work


# --- files, with /host = the test's tmp_path --------------------------------------------------

def compare_with_files(tmp_path: Path, args, stdin=b"", outputs=(), scripts=()):
    """Ours on /host/NAME, the host's on NAME (in tmp_path): stdout, status, written files. The
    script files named in scripts are given to the host with their /host/ paths made relative."""
    status, out, err = boot("sed", args, tmp_path, stdin=stdin)
    written = {name: (tmp_path / name).read_bytes() for name in outputs}
    for name in scripts:
        (tmp_path / name).write_bytes((tmp_path / name).read_bytes().replace(b"/host/", b""))
    theirs = subprocess.run(["sed", "--posix", *[a.replace("/host/", "") for a in args]], input=stdin,
                            cwd=tmp_path, capture_output=True, env={"LC_ALL": "C"})
    assert (out.replace(b"/host/", b""), status) == (theirs.stdout, theirs.returncode), (args, err)
    for name in outputs:
        assert written[name] == (tmp_path / name).read_bytes(), name
    return status, out, err


def test_files_in_order_and_missing_ones(tmp_path):
    (tmp_path / "a").write_bytes(b"1\n2")                      # no newline before the next file
    (tmp_path / "b").write_bytes(b"3\n4\n")
    status, _out, err = compare_with_files(tmp_path, ["-n", "p;$=", "/host/a", "/host/nope", "/host/b",
                                                      "/host/gone"])
    assert status == 2 and err.count(b"sed: can't read /host/") == 2
    # a's last line has no newline, which is written only if more output follows (or at q)
    compare_with_files(tmp_path, ["2h;$!d;G", "/host/a", "-", "/host/b"], stdin=b"in\n")
    compare_with_files(tmp_path, ["-n", "2{p;q}", "/host/a", "/host/b"])
    (tmp_path / "dir").mkdir()
    status, _out, err = compare_with_files(tmp_path, ["p", "/host/b", "/host/dir", "/host/a"])
    assert status == 4 and err == b"sed: read error on /host/dir: Is a directory\n"  # and sed stops


def test_w_files_are_created_at_the_start_and_written(tmp_path):
    (tmp_path / "old").write_bytes(b"was here\n")
    compare_with_files(tmp_path, ["-n", "/e/w /host/out\n/o/s/o/0/w /host/zeros\n$w /host/old"], WORDS,
                       outputs=("out", "zeros", "old"))
    compare_with_files(tmp_path, ["-n", "/nothing/w /host/empty"], WORDS, outputs=("empty",))
    assert (tmp_path / "empty").read_bytes() == b""


def test_r_and_script_files(tmp_path):
    (tmp_path / "insert").write_bytes(b"inserted\nno newline")
    script = (b"# a script file\n/two/r /host/insert\n/four/{\n  s/f/F/\n  a\\\nafter four\n}\n"
              b"$r /host/missing\n")
    (tmp_path / "script").write_bytes(script)
    compare_with_files(tmp_path, ["-f", "/host/script"], WORDS, scripts=["script"])
    (tmp_path / "script").write_bytes(script)
    compare_with_files(tmp_path, ["-n", "-e", "1p", "-f", "/host/script", "-e", "3p"], WORDS[:30],
                       scripts=["script"])
    (tmp_path / "bad").write_bytes(b"p\np\ns/x/\n")
    status, out, err = boot("sed", ["-f", "/host/bad"], tmp_path, stdin=WORDS)
    assert (status, out, err) == (1, b"", b"sed: file /host/bad line 3: unterminated `s' command\n")
    status, out, err = boot("sed", ["-f", "/host/nothing"], tmp_path, stdin=WORDS)
    assert status == 1 and out == b"" and b"/host/nothing" in err


# --- -s and -i (GNU's): each file its own stream, edited in place ------------------------------

def compare_in_place(tmp_path: Path, args, files: dict[str, bytes], kept=()):
    """Ours with args on /host/NAME for each of files, then the host's on fresh copies: the same
    stdout, status, edited files and the backups named in kept (GNU sed without --posix: -i and
    -s are its extensions)."""
    ours_dir, theirs_dir = tmp_path / "ours", tmp_path / "theirs"
    for d in (ours_dir, theirs_dir):
        d.mkdir()
        for name, data in files.items():
            (d / name).write_bytes(data)
            (d / name).chmod(0o640)
    status, out, err = boot("sed", [a.replace("/host/", "/host/ours/") for a in args], tmp_path)
    theirs = subprocess.run(["sed", *[a.replace("/host/", "") for a in args]], cwd=theirs_dir,
                            capture_output=True, env={"LC_ALL": "C"})
    assert (out, status) == (theirs.stdout, theirs.returncode), (args, err, theirs.stderr)
    for name in [*files, *kept]:
        assert (ours_dir / name).read_bytes() == (theirs_dir / name).read_bytes(), name
    assert sorted(p.name for p in ours_dir.iterdir()) == sorted(p.name for p in theirs_dir.iterdir())
    for name in files:
        if (ours_dir / name).is_file():
            assert (ours_dir / name).stat().st_mode & 0o777 == 0o640, name      # the mode is kept
    return status, out, err


def test_separate_files(tmp_path):
    """-s: line numbers, $ and ranges start again with each file; the hold space goes on."""
    files = {"a": b"1\n2\n3\n", "b": b"4\n5"}
    for i, script in enumerate(["1p;$=", "/2/,/4/p;1h;${x;p}", "2,3p"]):
        (tmp_path / str(i)).mkdir()
        compare_in_place(tmp_path / str(i), ["-s", "-n", script, "/host/a", "/host/b"], files)


def test_in_place_edits_each_file(tmp_path):
    files = {"a": b"one\ntwo\nthree\n", "b": b"four\nfive", "c": b""}
    status, out, _err = compare_in_place(tmp_path, ["-i", "s/o/0/g;1i\\\nfirst\n$a last", "/host/a", "/host/b",
                                                    "/host/c"], files)
    assert (status, out) == (0, b"")
    assert (tmp_path / "ours" / "a").read_bytes() == b"first\n0ne\ntw0\nthree\nlast\n"


def test_in_place_with_a_backup_suffix(tmp_path):
    compare_in_place(tmp_path, ["-i.orig", "-n", "2p", "/host/a", "/host/b"],
                     {"a": b"1\n2\n3\n", "b": b"x\ny\n"}, kept=("a.orig", "b.orig"))


def test_in_place_backup_names_with_a_star(tmp_path):
    compare_in_place(tmp_path, ["-iold_*", "s/^/>/", "/host/a"], {"a": b"1\n"}, kept=("old_a",))


def test_in_place_by_its_long_name(tmp_path):
    compare_in_place(tmp_path, ["--in-place=.bak", "--expression=s/^/>/", "/host/a"], {"a": b"2\n"},
                     kept=("a.bak",))


def test_in_place_q_ends_the_file_and_sed(tmp_path):
    """q keeps what was written: the rest of the file is gone, the next files are not touched."""
    compare_in_place(tmp_path, ["-i", "2q", "/host/a", "/host/b"], {"a": b"1\n2\n3\n", "b": b"4\n5\n6\n"})


def test_in_place_w_and_p_go_to_the_file(tmp_path):
    compare_in_place(tmp_path, ["-i", "-e", "p", "-e", "w /host/copy", "/host/a"], {"a": b"x\ny\n"},
                     kept=("copy",))


def test_in_place_needs_files_and_stops_at_one_not_regular(tmp_path):
    """As GNU sed 4.9: a missing file is skipped (status 2), a directory stops sed (4) before the
    files after it; -i without files is an error."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "a").write_bytes(b"x\n")
    (tmp_path / "b").write_bytes(b"y\n")
    status, out, err = boot("sed", ["-i", "p", "/host/missing", "/host/a", "/host/dir", "/host/b"], tmp_path)
    assert (status, out) == (4, b"")
    assert err == (b"sed: can't read /host/missing: No such file or directory\n"
                   b"sed: couldn't edit /host/dir: not a regular file\n")
    assert (tmp_path / "a").read_bytes() == b"x\nx\n" and (tmp_path / "b").read_bytes() == b"y\n"
    assert boot("sed", ["-i", "p"], tmp_path, stdin=b"x\n") == (4, b"", b"sed: no input files\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "dir"]     # no temporary file left
