"""Everyday GNU coreutils students type (userland/bin/NAME.c), run under the kernel from the shell
and compared with the host's GNU coreutils (LC_ALL=C) on the same files:

    md5sum sha1sum sha256sum   digests (digest.h, written from RFC 1321 and FIPS 180-4), -c, --tag
    base64                     encode, -d, -w COLS, -i
    timeout nohup nice nproc   running commands (run.h): GNU's statuses 124-127; ufos has no
                               priorities, so nice runs the command unchanged and nproc says 1
    hostname factor truncate   the node name (which ufos cannot change); prime factors up to
                               2^64 - 1; files cut or extended to a size
    free                       sysinfo(2) in procps's format (the numbers are ufos's own)
    du                         compared in apparent sizes (-b, --apparent-size), which the host
                               shares; ufos's st_blocks are the sizes in 512-byte units
    split                      the pieces' names and contents compared with the host's
    shuf                       random: its properties (a permutation; the same with the same
                               --random-source), and its messages compared

Each case runs one script in ufos (in /host = the test's tmp_path) and on the host (in tmp_path),
and compares the exit status, the output and the messages.
"""
from __future__ import annotations

import re
import time

import pytest

from tests.userland.test_more_tools import host_shell, shell


def same_as_host(script: str, tmp_path, tool: str, files: dict[str, bytes] = {}, host_only: str = ""):
    """SCRIPT run in ufos (in /host, a directory of FILES) and on the host (in a copy of it) gives
    the same results; the directories, tmp_path/ufos and tmp_path/gnu, are left to compare.
    HOST_ONLY: a line only the host's shell writes on standard error, left out."""
    for side in ("ufos", "gnu"):
        write_tree(tmp_path / side, files)
    ours = shell("cd /host && " + script, tmp_path / "ufos")
    gnu = host_shell(script, tmp_path / "gnu", tool)
    gnu = gnu[:2] + ("".join(line for line in gnu[2].splitlines(True) if line != host_only),)
    assert ours == gnu


def write_tree(directory, files: dict[str, bytes]) -> None:
    """Makes directory with FILES (names may have directories in them)."""
    for name, data in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(data)
    directory.mkdir(exist_ok=True)


# --- md5sum, sha1sum, sha256sum ------------------------------------------------------------------
# lengths around the padding's edges: 55 bytes leave room for the length in the last block, 56 not
SIZES = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 5000]


@pytest.mark.parametrize("tool", ["md5sum", "sha1sum", "sha256sum"])
def test_digests_as_gnu(tmp_path, tool):
    files = {f"f{n}": bytes((i * 7 + n) & 0xff for i in range(n)) for n in SIZES}
    names = " ".join(f"f{n}" for n in SIZES)
    same_as_host(f"{tool} {names}; {tool} -b f3 -t f1 --tag f55; echo abc | {tool}; "
                 f"printf xyz | {tool} - f0; {tool} missing f1; echo status $?", tmp_path, tool, files)


@pytest.mark.parametrize("tool", ["md5sum", "sha1sum", "sha256sum"])
def test_digests_check_as_gnu(tmp_path, tool):
    same_as_host(f"{tool} a b c > sums; {tool} --tag a b > tags; {tool} -c sums tags; echo $?; "
                 f"printf changed > b; printf 'junk\\n' >> sums; {tool} c >> sums; "
                 f"{tool} a | sed 's/  a/  gone/' >> sums; {tool} -c sums; echo $?; "
                 f"{tool} --quiet -c sums; echo $?; {tool} --status -c sums; echo $?; "
                 f"{tool} -c - < tags; echo $?; echo bad | {tool} -c; echo $?; "
                 f"{tool} -c a; echo $?; {tool} -c --warn --strict sums; echo $?", tmp_path, tool,
                 {"a": b"abc", "b": b"hello\n", "c": b"x" * 100})


# --- base64 ------------------------------------------------------------------------------------
B64_FILES = {"bytes": bytes(range(256)) * 3, "one": b"a", "two": b"ab", "empty": b"",
             "text": b"hello world\n" * 20, "wrapped": b"YWJj\nZA==\n", "padded": b"YQ==YQ==",
             "garbage": b"YW*Jj", "short": b"YWJ", "space": b"Y Q==", "bad": b"YWJjZA=", "alone": b"="}


@pytest.mark.parametrize("script", [
    "base64 bytes; base64 one; base64 two; base64 empty; base64 < text",
    "base64 -w 0 text; echo; base64 -w 3 two; base64 --wrap=10 bytes; base64 -w0 empty; base64 -w 76 text",
    "base64 text | base64 -d | cmp - text && base64 bytes | base64 --decode | cmp - bytes && echo same",
    "for f in wrapped padded garbage short space bad alone; do base64 -d $f; echo \" $?\"; done",
    "base64 -d -i garbage; echo \" $?\"; base64 --ignore-garbage -d space; echo \" $?\"",
    "base64 -w x; echo $?; base64 -w -1; echo $?; base64 one two; echo $?; base64 missing; echo $?",
])
def test_base64_as_gnu(tmp_path, script):
    same_as_host(script, tmp_path, "base64", B64_FILES)


# --- timeout, nohup, nice, nproc -----------------------------------------------------------------
def test_timeout_stops_a_command_in_time(tmp_path):
    """The command is signalled when the time is up (124), well before it would have ended."""
    start = time.monotonic()
    status, out, err = shell("timeout 0.5 sleep 30; echo $?; timeout 1m sh -c 'exit 3'; echo $?; "
                             "timeout 0 true; echo $?", tmp_path)
    assert (out, err) == ("124\n3\n0\n", "")
    assert time.monotonic() - start < 20


@pytest.mark.parametrize("script", [
    "timeout -s TERM 0.1 sleep 5; echo $?; timeout -s KILL 0.1 sleep 5; echo $?; "
    "timeout --preserve-status 0.1 sleep 5; echo $?; timeout -s 9 0.01m sleep 5; echo $?",
    "timeout -k 0.1 0.1 sh -c 'trap \"\" TERM; sleep 5'; echo $?; timeout -v 0.1 sleep 5; echo $?",
    "timeout 1 sh -c 'kill -INT $$'; echo $?; timeout 5 sh -c 'echo in; exit 7'; echo $?",
    "timeout 1 missing; echo $?; timeout 1 /; echo $?; timeout x sleep 1; echo $?; timeout; "
    "echo $?; timeout 1; echo $?; timeout -s FOO 1 true; echo $?; timeout 1.5x true; echo $?",
])
def test_timeout_as_gnu(tmp_path, script):
    # GNU's timeout KILLs itself after the command (status 137 either way), which dash reports
    same_as_host(script, tmp_path, "timeout", host_only="Killed\n")


@pytest.mark.parametrize("script", [
    "nohup; echo $?; nohup missing; echo $?; nohup sh -c 'echo out; echo err >&2; exit 3'; echo $?",
    "nohup sh -c 'kill -HUP $$; echo alive'; echo $?; nohup -- echo dashes",
    "nice missing; echo $?; nice /; echo $?; nice -n x true; echo $?; nice -n 5; echo $?; "
    "nice -n 3 sh -c 'exit 4'; echo $?; nice -7 echo old; nice --adjustment=2 echo long",
])
def test_nohup_and_nice_as_gnu(tmp_path, script):
    same_as_host(script, tmp_path, "nohup")


def test_nice_without_priorities_and_nproc(tmp_path):
    """ufos schedules every μprocess alike (niceness 0) and has one CPU."""
    assert shell("nice; nice -n 5 nice; nproc; nproc --all; nproc --ignore=3", tmp_path) == \
        (0, "0\n0\n1\n1\n1\n", "")
    same_as_host("nproc x; echo $?; nproc --ignore=x; echo $?", tmp_path, "nproc")


# --- hostname, factor, truncate ----------------------------------------------------------------
def test_hostname_is_the_node_name(tmp_path):
    # the host's hostname (not GNU's, and able to rename the host) is not run
    assert shell("hostname; uname -n; hostname new; echo $?", tmp_path) == \
        (0, "ufos\nufos\n1\n", "hostname: cannot set name to 'new': Function not implemented\n")


@pytest.mark.parametrize("script", [
    "factor 0 1 2 3 4 12 97 1000000007 18446744073709551615 600851475143 1234567890123456789",
    "factor 4294967296 999999999989 4294967291; echo '10 15\n  21' | factor",
    "factor x -- 3; echo $?; factor -1; echo $?; factor +7",
])
def test_factor_as_gnu(tmp_path, script):
    same_as_host(script, tmp_path, "factor")


SIZES_SHOWN = "; for f in *; do echo $f $(wc -c < $f); done"


@pytest.mark.parametrize("script", [
    "truncate -s 5K a; truncate -s +1k b; truncate -s 10 a b c" + SIZES_SHOWN,
    "truncate -s '<100' big; truncate -s '>100' small; truncate -s %3 seven; truncate -s /4 seven2; "
    "truncate -s -2000 big2; truncate -s -100 hundred; truncate -s 1KB new; truncate -s 2KiB kib"
    + SIZES_SHOWN,
    "truncate -c -s 5 missing; echo $?; truncate -r seven -s +5 r1; truncate --reference=big r2"
    + SIZES_SHOWN,
    "truncate; echo $?; truncate -s 10; echo $?; truncate -s x f; echo $?; truncate -s 5 no/f; "
    "echo $?; truncate -s 5 -r seven g; echo $?; truncate -s %0 seven; echo $?; truncate -r no f; echo $?",
])
def test_truncate_as_gnu(tmp_path, script):
    files = {"big": b"x" * 1000, "small": b"abc", "seven": b"1234567", "seven2": b"1234567",
             "big2": b"y" * 1000, "hundred": b"h" * 100}
    same_as_host(script, tmp_path, "truncate", files)


# --- free -----------------------------------------------------------------------------------------
def test_free_has_procps_format(tmp_path):
    """procps's header and columns; the numbers are ufos's: used = total - free (no buffers, cache
    or swap), available = free, in KiB, MiB (-m) or bytes (-b)."""
    status, out, err = shell("free; free -m -t; free -b; free -h", tmp_path)
    header = host_shell("free | head -n 1", tmp_path, "free")[1]
    assert status == 0 and err == ""
    lines = out.splitlines(True)
    assert [lines[i] for i in (0, 3, 7, 10)] == [header] * 4
    for mem, scale in ((lines[1], 1024), (lines[4], 1024 ** 2), (lines[8], 1)):
        assert re.fullmatch(r"Mem:" + r" +\d+" * 6 + "\n", mem)
        total, used, free, shared, cache, available = map(int, mem.split()[1:])
        assert total == used + free and cache == 0 and available == free > 0
    k_total, m_total, b_total = (int(lines[i].split()[1]) for i in (1, 4, 8))
    assert m_total == k_total // 1024 and b_total == k_total * 1024
    assert lines[2] == lines[5] == "Swap:              0           0           0\n"
    assert lines[6].startswith("Total:  ") and lines[12] == "Swap:             0B          0B          0B\n"
    assert re.fullmatch(r"Mem:( +\d+(\.\d)?[BKMG]i?){6}\n", lines[11])


# --- du -------------------------------------------------------------------------------------------
# the directories' sizes are 4096 for ufos (/host shows the host's) and the host alike
TREE = {"a": b"x" * 1000, "b": b"y" * 5000, "empty": b"", "d/e/x": b"1234567", "d/y": b"12"}


@pytest.mark.parametrize("script", [
    "du -b | sort; du -ab | sort",
    "du -a --apparent-size -h | sort; du -sb; du -s --apparent-size d a",
    "du -cb d a b; du -d 1 -b | sort; du --max-depth=0 -b d; du -b d/",
    "du -sa; echo $?; du missing; echo $?; du -d x; echo $?",
])
def test_du_apparent_sizes_as_gnu(tmp_path, script):
    same_as_host(script, tmp_path, "du", TREE)


def test_du_counts_blocks_as_ufos_gives_them(tmp_path):
    """st_blocks is the size in 512-byte units, rounded up; directories have 8 (4K)."""
    write_tree(tmp_path, TREE)
    status, out, err = shell("cd /host && du -a; du -sh; du -c -k a b empty", tmp_path)
    # a: 1000 bytes, 2 blocks, 1K; b: 5000, 10 blocks, 5K; d/e/x and d/y: 1 block each (512
    # bytes); d/e: 4K + 512 = 4.5K, rounded up to 5; d: 4K + 4.5K + 512 = 9K; .: 4 + 1 + 5 + 9
    walk, rest = out.splitlines()[:8], out.splitlines()[8:]
    assert sorted(walk) == sorted(["19\t.", "1\t./a", "5\t./b", "9\t./d", "5\t./d/e", "1\t./d/e/x",
                                   "1\t./d/y", "0\t./empty"])
    assert walk.index("5\t./d/e") < walk.index("9\t./d") < walk.index("19\t.")    # contents first
    assert rest == ["19K\t.", "1\ta", "5\tb", "0\tempty", "6\ttotal"]
    assert (status, err) == (0, "")


# --- split -----------------------------------------------------------------------------------------
PIECES = "; for f in $(ls | sort); do echo \"== $f\"; cat $f; done"


@pytest.mark.parametrize("script", [
    "split -l 3 in; split --lines=4 in p; split -b 7 in b; split --bytes=1K big k" + PIECES,
    "split in; split -d -l 2 in d; split -a 3 -l 5 in a; split - s < in" + PIECES,
    "seq 700 | split -l 1 - n; ls n* | tail -n 3; seq 120 | split -d -l 1 - d; ls d* | tail -n 3",
    "seq 30 | split -a 1 -l 1 - q; echo $?; : | split - e; ls; split -b 2KB big m; ls m*",
    "split -l 0 in; echo $?; split -b x in; echo $?; split in a b; echo $?; split missing; echo $?",
])
def test_split_as_gnu(tmp_path, script):
    files = {"in": b"".join(b"%d\n" % i for i in range(1, 11)), "big": b"abcdefghi\n" * 300}
    same_as_host(script, tmp_path, "split", files)


# --- shuf ------------------------------------------------------------------------------------------
def test_shuf_permutes(tmp_path):
    lines = [f"line {i}" for i in range(50)]
    write_tree(tmp_path, {"in": "".join(f"{line}\n" for line in lines).encode(), "seed": bytes(range(256)) * 8})
    status, out, err = shell("cd /host && shuf in; echo =; shuf -i 1-20; echo =; shuf -e a b c; echo =; "
                             "shuf -n 3 in; echo =; shuf -r -n 30 -e x y; echo =; "
                             "shuf --random-source=seed -i 1-40; shuf --random-source=seed -i 1-40 -o out; "
                             "cat out; echo =; printf 'no newline' | shuf; shuf -n 0 -i 1-5", tmp_path)
    whole, numbers, echoed, head, repeated, seeded, last = out.split("=\n")
    assert sorted(whole.splitlines()) == sorted(lines) and whole.splitlines() != lines
    assert sorted(numbers.split(), key=int) == [str(i) for i in range(1, 21)]
    assert sorted(echoed.split()) == ["a", "b", "c"]
    assert len(set(head.splitlines())) == 3 and set(head.splitlines()) <= set(lines)
    assert len(repeated.split()) == 30 and set(repeated.split()) == {"x", "y"}
    first, second = seeded.splitlines()[:40], seeded.splitlines()[40:]
    assert first == second and sorted(first, key=int) == [str(i) for i in range(1, 41)]
    assert (status, err, last) == (0, "", "no newline\n")


@pytest.mark.parametrize("script", [
    "shuf -i 5-1; echo $?; shuf -i 1-3 -e a; echo $?; shuf -n x; echo $?; shuf -i x; echo $?",
    "shuf a b; echo $?; shuf -e; echo $?; shuf -i 3-3; shuf -i 5-4; echo $?; shuf missing; echo $?",
    "shuf --random-source=empty -i 1-5; echo $?; shuf -i 1-3 extra; echo $?",
])
def test_shuf_messages_as_gnu(tmp_path, script):
    same_as_host(script, tmp_path, "shuf", {"empty": b""})
