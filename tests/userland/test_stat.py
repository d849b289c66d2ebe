"""/bin/stat, compared with the host's GNU stat doing the same.

As in test_symlinks.py, a case is a shell script run under ufos in a fresh /tmp/w and by the host's
sh in a fresh directory with GNU's tools (LC_ALL=C, TZ=UTC: ufos's zone). What the two systems can
agree on (names, sizes, types, modes, link counts, quoting, escapes, errors) must be the same; what
they cannot (inode and device numbers, block counts, times, owners) is put in a common form first,
and checked under ufos against the kernel's own answer.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from tests.helpers import run_bin
from tests.userland.test_symlinks import WORK, gnu, ours

# f "hi\n", e empty, x executable, s with the set-id and sticky bits, d a directory with d/sub;
# fl -> f, dl -> d, dang -> nonexist; and names that need quoting
SETUP = ("echo hi > f && : > e && echo '#!/bin/sh' > x && chmod 755 x && : > s && chmod 7644 s && "
         "mkdir -p d/sub && chmod 1777 d/sub && ln -s f fl && ln -s d dl && ln -s nonexist dang && "
         "echo q > 'a b' && : > \"it's\" && : > 'x\\y' && : > 'new\nline' && : > '$v' && ln -s 'a b' 'l k'\n")

TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}"


def normal(text: str) -> str:
    """What cannot agree, in one form: the default layout's block count, device, inode, owners and
    times; a directory's size (the host's file system chooses it); GNU's "statx" (ufos has stat)."""
    text = text.replace("cannot statx", "cannot stat")
    text = re.sub(r"Blocks: \d+ +IO Block: \d+ +", "Blocks: B IO Block: O ", text)
    text = re.sub(r"Size: \d+ +(\tBlocks: B IO Block: O directory)", r"Size: D\1", text)
    text = re.sub(r"Device: \d+,\d+\tInode: \d+ +", "Device: M,N\tInode: I ", text)
    text = re.sub(r"Uid: \( *\d+/ *\S+\)   Gid: \( *\d+/ *\S+\)", "Uid: U Gid: G", text)
    text = re.sub(rf"^(Access|Modify|Change|  Birth| Birth): ({TIME}|-)$", r"\1: T", text, flags=re.M)
    return text


def each(*commands: str) -> str:
    """The commands one after another, each followed by its exit status (not its text, which
    would need quoting again)."""
    return "".join(f'{c}; echo "[$?]"\n' for c in commands)


def same_as_gnu(script: str, tmp_path: Path):
    """Standard output, standard error and exit status, in one text for a readable difference."""
    script = SETUP + script
    mine, theirs = ours(script), gnu(f"export TZ=UTC\n{script}", tmp_path)
    assert "\n".join([normal(mine[1]), "-- stderr:", normal(mine[2]), f"-- status {mine[0]}"]) == \
        "\n".join([normal(theirs[1]), "-- stderr:", normal(theirs[2]), f"-- status {theirs[0]}"])


def ufos(script: str):
    """The script under ufos (after SETUP): its output, and the kernel, to check values against."""
    r = run_bin(["sh", "-c", f"mkdir {WORK} && cd {WORK} && {SETUP}{script}"], share="/tmp")
    assert r.status == 0, r.stderr
    return r.stdout.decode(), r.kernel


# --- what both systems say alike -----------------------------------------------------------------
def test_default_layout(tmp_path):
    """GNU's lines: File (a link's target shown, no quotes), Size, the type in words, Links,
    Access with the mode in octal and as ls shows it."""
    same_as_gnu(each("stat f e x s d d/sub fl dang dl 'a b' 'l k'", "stat -L fl dl"), tmp_path)


def test_format_directives_that_agree(tmp_path):
    same_as_gnu(each("stat -c '%n|%N|%s|%F|%a|%A|%f|%h' f e x s fl dang 'a b' 'l k'",
                     "stat -c '%n %F %a %A %f %h' d d/sub dl", "stat -c '%n %B %t %T %Hr %Lr %r %R' f",
                     "stat -L -c '%n|%N|%F|%s' fl", "stat -c '' f", "stat -c 'plain text' f e"), tmp_path)


def test_flags_width_and_precision(tmp_path):
    """Each kind of value keeps the printf flags that make sense for it, as GNU: a string only "-"
    (and the width and precision), an octal or hex number "#", a size "+" and " "."""
    same_as_gnu(each("stat -c '[%10n][%-10n][%.1n][%010s][%+5s][% s][%-5s|][%#a][%04a][%-6a|][%#f][%#5f]' f",
                     "stat -c '[%+5h][%+a][%05A][%12.4F][%-14A|][%.3a][%08.3s]' x",
                     "stat -c '[%.0h][%5.0h][%-3h|]' s"), tmp_path)


def test_N_quotes_as_a_shell_would_read_it(tmp_path):
    """'a b', "it's" (an ' with nothing else to fear: double quotes), 'x\\y', and a newline, tab or
    other control character in $'...' (with GNU's quirks); the default layout shows names as they are."""
    same_as_gnu(each(": > \"$(printf 'q\\047\\tx\\001')\" && : > \"$(printf '\\tq\\047x')\"", "stat -c %N * .", "stat -c '%N' -- fl 'l k'", "stat * | grep File:"), tmp_path)


def test_printf_interprets_escapes_and_adds_no_newline(tmp_path):
    same_as_gnu(each("stat --printf='%n\\t%s\\n' f e", "stat --printf='\\101\\x42\\x4a\\0103\\a\\e\\\\\\\"|' f | od -c",
                     "stat --printf='\\q\\c|' f", "stat --printf='end\\' f", "stat --printf='%n' f e",
                     "stat -c '%n\\t\\n' f", "stat --format='%n' f", "stat -c %n --printf='%s\\n' f"), tmp_path)


def test_unknown_and_invalid_directives(tmp_path):
    """An unknown letter is "?" (and %H or %L not before d or r is one); "%%" and a "%" at the end
    are "%"; flags before a "%" are an invalid directive, which ends stat at once."""
    same_as_gnu(each("stat -c '%q|%-10q|%Hx|%Ln|%%|%' f", "stat -c '%5%' f e", "stat -c 'a%-5' f e",
                     "stat --printf='[%5%]' f"), tmp_path)


def test_terse(tmp_path):
    """-t: name, size, blocks, raw mode, uid, gid, device, inode, links, major, minor, times,
    I/O size. Blocks, device, inode, times and owners differ, so compare the rest."""
    fields = "| while read n s b f u g D i h t T X Y Z W o; do echo $n $s $f $h $t $T; done"
    same_as_gnu(each(f"stat -t f e x fl d/sub {fields}", f"stat -L -t fl {fields}", "stat -t nope f >/dev/null"),
                tmp_path)


def test_errors_in_gnus_words(tmp_path):
    """A file that cannot be examined is a message and status 1, and the others are still shown."""
    same_as_gnu(each("stat -c %n nope f d/nope/x", "stat -L -c %n dang fl", "stat -c %n f/x", "stat",
                     "stat -c", "stat -x f", "stat --bogus f", "stat --format f",
                     "stat --deref --form=%F fl", "stat --ter fl | wc -w", "stat -c %n 'no pe' 'it'\\''s'"), tmp_path)


def test_dash_is_standard_input(tmp_path):
    same_as_gnu(each("stat -c '%n %s %F' - < f", "stat -c '%n %F' - < d", "echo x | stat -c '%n %F %A' -",
                     "stat -c '%n %F %A' /dev/null /dev/zero"), tmp_path)


# --- what only ufos can say: checked against its kernel ----------------------------------------------
def test_values_are_the_kernels():
    out, k = ufos("stat -c '%n|%i|%h|%d|%D|%s|%b|%B|%o|%u|%U|%g|%G|%X|%.9Y|%Z' f d fl 'a b'; stat -L -c %i fl")
    lines = out.splitlines()
    for line, name in zip(lines, ["f", "d", "fl", "a b"]):
        st = k.fs.lookup(f"{WORK}/{name}", follow=False).stat()
        shown, ino, nlink, dev, dev_hex, size, blocks, bsize, iosize, uid, user, gid, group, x, y, z = line.split("|")
        assert (shown, int(ino), int(nlink), int(dev), int(dev_hex, 16), int(size)) == \
            (name, st.ino, st.nlink, st.dev, st.dev, st.size)
        assert (int(blocks), bsize, iosize) == ((st.size + 511) // 512, "512", "4096")
        assert (uid, user, gid, group) == ("0", "root", "0", "root")
        sec, ns = divmod(st.mtime_ns, 10**9)
        assert (x, y, z) == (str(sec), f"{sec}.{ns:09d}", str(sec))       # ufos keeps one time
    assert lines[4] == str(k.fs.lookup(f"{WORK}/f").stat().ino)             # -L: what fl names


def test_human_times_are_the_local_time_to_the_nanosecond():
    out, k = ufos("stat -c '%x|%y|%z|%w|%W|%.3Y|%-15.3Y|%16.3Y|%Y' f; TZ=EST5 stat -c '%y' f; stat f")
    lines = out.splitlines()
    st = k.fs.lookup(f"{WORK}/f").stat()
    sec, ns = divmod(st.mtime_ns, 10**9)
    utc = datetime.datetime.fromtimestamp(sec, datetime.timezone.utc)
    human = utc.strftime("%Y-%m-%d %H:%M:%S") + f".{ns:09d} +0000"
    three = f"{sec}.{ns // 10**6:03d}"
    assert lines[0].split("|") == [human, human, human, "-", "0", three, three.ljust(15), three.rjust(16), str(sec)]
    est = utc - datetime.timedelta(hours=5)
    assert lines[1] == est.strftime("%Y-%m-%d %H:%M:%S") + f".{ns:09d} -0500"
    assert lines[-4:] == [f"Access: {human}", f"Modify: {human}", f"Change: {human}", " Birth: -"]


def test_seconds_with_a_fraction_as_gnu_pads_them():
    """%.NY is printf's %f of the seconds, as GNU: the width counts the point and the fraction,
    "0" pads the seconds, "-" pads after the fraction, more than 9 digits are zeros. (The host's
    GNU stat gives these same forms: its values are another file's.)"""
    out, k = ufos("stat -c '%.Y|%.12Y|%020.3Y|%+.2Y|%-20.3Y|%-25.12Y|% .1Y|%1.3Y|%5.0Y|%-12.0Y' f")
    sec, ns = divmod(k.fs.lookup(f"{WORK}/f").stat().mtime_ns, 10**9)
    ms = ns // 10**6
    assert out.rstrip("\n").split("|") == [
        f"{sec}.{ns:09d}", f"{sec}.{ns:09d}000", f"{sec:016d}.{ms:03d}", f"+{sec}.{ns // 10**7:02d}",
        f"{sec}.{ms:03d}".ljust(20), f"{sec}.{ns:09d}000".ljust(25), f" {sec}.{ns // 10**8}", f"{sec}.{ms:03d}",
        str(sec), str(sec).ljust(12)]


def test_m_is_the_mount_point():
    """/host is its own file system (another st_dev); the rest are the root's. A link is in its own
    directory's, unless -L."""
    out, _ = ufos("ln -s /host hl && stat -c '%m' f d/sub / /host /host/. hl && stat -L -c '[%6m]' hl")
    assert out.splitlines() == ["/", "/", "/", "/host", "/host", "/", "[ /host]"]


def test_device_files_show_their_device_type():
    out, k = ufos("stat /dev/tty | sed -n 3p; stat -c '%F %t %T %Hr %Lr %r %R' /dev/tty")
    rdev = k.fs.lookup("/dev/tty").stat().rdev
    major, minor = (rdev >> 8) & 0xfff, (rdev & 0xff) | ((rdev >> 12) & ~0xff)
    line, fields = out.splitlines()
    assert re.fullmatch(rf"Device: \d+,\d+\tInode: \d+ +Links: 1 +Device type: {major},{minor}", line)
    assert fields == f"character special file {major:x} {minor:x} {major} {minor} {rdev} {rdev:x}"


def test_f_says_there_is_no_file_system_information():
    r = run_bin(["stat", "-f", "/", "/nope"])
    assert r.status == 1 and r.stdout == b""
    assert r.stderr.decode().splitlines() == [
        "stat: cannot read file system information for '/': Function not implemented",
        "stat: cannot read file system information for '/nope': No such file or directory"]
