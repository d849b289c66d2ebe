"""/bin/kv, the compartments demonstration (userland/bin/kv, docs/compartments.md), as a user
sees it: the four builds of one key-value store - kv (no compartments), kv-caps (method 1: the
hash library gets a capability to the key), kv-overlap (method 2: a shared window) and kv-pipe
(purecap μprocesses over pipes) - store and hash alike under every fork policy, and the
compromised library's hunt for main's secret ("HASH !evil...") leaks it only in kv.
"""
import re
import tomllib

import pytest

from tests.helpers import BUDGET, ROOT
from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.kernel.uapi import SIG
from ufos.runner import boot

KV = ROOT / "userland" / "bin" / "kv"
VARIANTS = ("kv", "kv-caps", "kv-overlap", "kv-pipe")
SIGPROT = SIG.SIGPROT
# "capability bounds fault: load at ADDR via REG VALUE [PERMS,BASE-TOP]": what the kernel says on
# the program's standard error when a capability fault kills it
BOUNDS_FAULT = re.compile(r"killed by SIGPROT: capability bounds fault: load at (0x[0-9a-f]+) via (\w+) "
                          r"0x[0-9a-f]+ \[\w*,(0x[0-9a-f]+)-(0x[0-9a-f]+)\]")


def fnv1a(key: bytes) -> int:
    h = 0xcbf29ce484222325
    for byte in key:
        h = ((h ^ byte) * 0x100000001b3) % 2**64
    return h


def run_kv(variant: str, commands: str, policy: str = "copa"):
    """/bin/VARIANT fed commands on stdin: (status, stdout, stderr) as text."""
    k = boot(Options(policy=policy, max_instructions=BUDGET), stdin=commands.encode(), capture=True)
    k.spawn(f"/bin/{variant}", [variant])
    status = k.run()
    return status, k.output(1).decode(), k.output(2).decode()


def leaked(hash_line: str) -> bytes:
    """The 8 bytes the attack packed into a "hash" line."""
    return int(hash_line.split()[1], 16).to_bytes(8, "little")


SESSION = ("SET a 1\nGET a\nGET b\nSET a two words\nGET a\nHASH a\nHASH the-quick-brown-fox\n"
           "HASH hello world\nBENCH 10\nFOO\nGET\n\nSET long " + "x" * 600 + "\nQUIT\nGET a\n")
EXPECTED = ("OK\n1\n(nil)\nOK\ntwo words\n"
            f"hash {fnv1a(b'a'):016x}\nhash {fnv1a(b'the-quick-brown-fox'):016x}\n"
            "ERR unknown command or wrong arguments: HASH\n"
            f"bench 10 {10 * fnv1a(b'0123456789abcdef') % 2**64:016x}\n"
            "ERR unknown command or wrong arguments: FOO\nERR unknown command or wrong arguments: GET\n"
            "ERR empty command\nERR line too long\n")


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_build_stores_and_hashes_alike(variant, policy):
    assert run_kv(variant, SESSION, policy) == (0, EXPECTED, "")


def test_without_compartments_the_library_leaks_the_secret():
    status, out, err = run_kv("kv", "SET k v\nHASH !evil\nGET k\n")
    lines = out.splitlines()
    assert status == 0 and err == ""
    assert lines[0] == "OK" and lines[2] == "v"
    assert leaked(lines[1]) == b"opensesa"        # "SECRET=opensesame", read past the key


def test_a_capability_to_the_key_stops_the_attack_at_its_end():
    status, out, err = run_kv("kv-caps", "SET k v\nHASH !evil\nGET k\n")
    assert status == 128 + SIGPROT and out == "OK\n"
    address, register, base, top = BOUNDS_FAULT.search(err).groups()
    assert re.fullmatch(r"c\d+", register)                  # the key's capability, not DDC
    assert int(top, 16) - int(base, 16) == len("!evil")    # bounded to exactly the key
    assert address == top                                   # the first byte past it


def test_an_overlapping_window_lets_the_attack_read_it_all_and_no_further():
    status, out, err = run_kv("kv-overlap", "SET k v\nHASH !evil\nGET k\n")
    assert status == 128 + SIGPROT and out == "OK\n"
    address, register, base, top = BOUNDS_FAULT.search(err).groups()
    assert register == "ddc" and address == top            # the end of the library's window


def test_an_overlapping_window_exposes_what_main_left_in_it():
    """The shared window is a ring of the keys main hashed: once it wraps, the older keys lie
    above the newest, and the attack reads them (here one that held a password)."""
    size = tomllib.loads((KV / "kv-overlap.toml").read_text())["shared"]
    fillers = (size - 24) // 400                  # then a last key that leaves 4 bytes: "!evil" wraps
    last = "SECRET=hunter22".ljust(size - 4 - 400 * fillers, "y")
    commands = f"HASH {'x' * 400}\n" * fillers + f"HASH {last}\nHASH !evil\n"
    status, out, err = run_kv("kv-overlap", commands)
    assert status == 0 and leaked(out.splitlines()[-1]) == b"hunter22"


def test_a_library_in_its_own_uprocess_dies_alone():
    status, out, err = run_kv("kv-pipe", "SET k v\nHASH !evil\nGET k\n")
    assert status == 1 and out == "OK\n"
    assert BOUNDS_FAULT.search(err) and "kv: the hash library died: " in err
