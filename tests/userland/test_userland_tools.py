"""The ufos-specific programs of /bin that make fork visible (forkdemo, pmap) and xv6's classics
(pingpong, primes), each run under the kernel from /bin as a user would run them.

forkdemo's child reads four pages, writes four, loads the pointers of four and leaves four alone;
what each fork policy copies for it is the point of the μFork paper: sync copies everything at
fork, coa copies a page on any access, copa only on a write or a pointer load, and classic copies
on writes without ever moving a pointer.
"""
from __future__ import annotations

import pytest

from tests.helpers import BUDGET, run_bin
from ufos.runner import run_image
from ufos.toolchain.driver import Source, build_executable


def run(argv: list[str], **options):
    """Boot and run /bin/ARGV[0] ARGV[1:]; (status, stdout, stderr) as text."""
    r = run_bin(argv, **options)
    return r.status, r.stdout.decode(), r.stderr.decode()


def forkdemo_steps(policy: str) -> tuple[dict[str, tuple[int, int]], str]:
    """forkdemo's table under policy: {step: (pages copied, pointers relocated)}, and its text."""
    status, out, err = run(["forkdemo"], policy=policy)
    assert (status, err) == (0, ""), out
    steps = {}
    for line in out.splitlines():
        words = line.split()
        if len(words) > 2 and words[-1].lstrip("+-").isdigit() and words[-2].lstrip("+-").isdigit():
            steps[" ".join(words[:2])] = (int(words[-2]), int(words[-1]))
    assert list(steps) == ["at fork,", "read data", "wrote to", "loaded the", "left pages"], out
    return steps, out


def test_forkdemo_copa_copies_only_written_pages_and_pages_whose_pointers_are_loaded():
    steps, out = forkdemo_steps("copa")
    assert steps["read data"] == (0, 0)
    assert steps["wrote to"] == (4, 4) and steps["loaded the"] == (4, 4)
    assert steps["left pages"] == (0, 0)
    assert "the pointer moved into the child's slot" in out


def test_forkdemo_coa_copies_on_any_access():
    steps, _out = forkdemo_steps("coa")
    assert steps["read data"] == steps["wrote to"] == steps["loaded the"] == (4, 4)
    assert steps["left pages"] == (0, 0)


def test_forkdemo_sync_copies_everything_at_fork():
    steps, _out = forkdemo_steps("sync")
    copa, _ = forkdemo_steps("copa")
    assert all(steps[s] == (0, 0) for s in ("read data", "wrote to", "loaded the", "left pages"))
    assert steps["at fork,"][0] >= copa["at fork,"][0] + 16         # the 16 pages at least


def test_forkdemo_classic_copies_writes_and_moves_no_pointer():
    steps, out = forkdemo_steps("classic")
    assert steps["wrote to"] == (4, 0)
    assert steps["read data"] == steps["loaded the"] == steps["left pages"] == (0, 0)
    assert steps["at fork,"][1] == 0
    assert "the same address" in out


def test_forkdemo_takes_no_arguments():
    status, _out, err = run(["forkdemo", "x"])
    assert status == 1 and err == "usage: forkdemo\n"


# A μprocess with two pages of pointers its forked child never touches; the parent runs pmap on
# the child while the child waits.
POINTERS_LEFT_ALONE = Source("pointers.c", r"""
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int target;
static int *table[512] = {&target};            /* 8 KiB of pointers in .data */

int main(void)
{
    for (int i = 1; i < 512; i++)
        table[i] = &target;
    char pid[16];
    pid_t child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    snprintf(pid, sizeof pid, "%d", (int)child);
    pid_t shown = fork();
    if (shown == 0) {
        execl("/bin/pmap", "pmap", pid, (char *)NULL);
        _exit(127);
    }
    waitpid(shown, NULL, 0);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
""")


def pmap_total(policy: str) -> dict[str, int]:
    """pmap's total line for a forked child that is still running, as {column: count}."""
    r = run_image(build_executable(POINTERS_LEFT_ALONE), ["pointers"], policy=policy, max_instructions=BUDGET)
    status, out, err = r.status, r.stdout.decode(), r.stderr.decode()
    assert status == 0, err
    lines = out.splitlines()
    header = lines[2].split()
    total = next(line for line in lines if line.startswith("total")).split()[1:]
    assert lines[1].startswith("slot 0x") and lines[1].endswith(f"fork policy {policy}")
    return dict(zip(header[-len(total):], map(int, total)))


@pytest.mark.parametrize("policy", ["copa", "sync", "classic"])
def test_pmap_shows_what_a_forked_child_still_shares(policy):
    total = pmap_total(policy)
    assert total["pages"] == total["untouched"] + total["own"] + total["shared"]
    if policy == "sync":            # everything was copied at fork
        assert total["shared"] == 0 and total["unmoved"] == 0
    else:                           # pages nobody wrote since the fork are still shared
        assert total["shared"] > 0
    # pointers not moved yet: copa shares pages whose pointers still point into the parent; classic
    # never moves pointers (the child runs at the parent's addresses)
    assert (total["unmoved"] > 0) == (policy == "copa")


def test_pmap_lists_pages_and_reports_mistakes():
    status, out, _err = run(["pmap", "-p", "self"])
    assert status == 0 and out.startswith("1: pmap -p self\n")
    assert "   start            end rights region   pages" in out and " private " in out
    assert run(["pmap", "99"])[::2] == (1, "pmap: /proc/99/status: no such process\n")
    assert run(["pmap"])[::2] == (1, "usage: pmap [-p] PID\n")
    assert run(["pmap", "-x", "1"])[0] == 1


def test_pingpong_and_primes_from_the_shell():
    status, out, err = run(["sh", "-c", "pingpong | wc -l; primes 50 | tail -n 1; primes 1"])
    assert status == 1
    assert out.split() == ["6", "prime", "47"]
    assert err == "usage: primes [N]   (N >= 2)\n"
    assert run(["pingpong", "x"])[::2] == (1, "usage: pingpong\n")
