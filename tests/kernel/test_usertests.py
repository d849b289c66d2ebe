"""usertests (userland/bin/usertests): the kernel tested from the inside, under each fork policy.

usertests runs each of its tests in a child and prints `test NAME: OK` or `test NAME: FAILED
(why)`, then `ALL TESTS PASSED` (status 0) or `SOME TESTS FAILED: NAME...` (status 1). Its attacks
(SIGPROT for a capability fault, EFAULT for a bad system call buffer) are the kernel issue's.
"""
from __future__ import annotations

import pytest

from ufos.kernel.fork import POLICIES
from tests.helpers import run_bin

BUDGET = 100_000_000            # instructions: a whole run needs about 5 million


def usertests(*names: str, **options):
    """Boot, run /bin/usertests NAMES...; (status, stdout, stderr, kernel)."""
    r = run_bin(["usertests", *names], budget=BUDGET, **options)
    return r.status, r.stdout.decode(), r.stderr.decode(), r.kernel


def listed_names() -> list[str]:
    """The names of usertests' tests, as it lists them for an unknown one."""
    status, _out, err, _k = usertests("no-such-test")
    assert status == 1 and "usertests: no test 'no-such-test'" in err
    return err.split("the tests:")[1].split()


@pytest.mark.parametrize("policy", POLICIES)
def test_all_pass_under_every_fork_policy(policy):
    status, out, err, k = usertests(policy=policy, audit=policy == "copa")
    assert (status, out.splitlines()[-1]) == (0, "ALL TESTS PASSED"), out
    assert out.splitlines()[:-1] == [f"test {name}: OK" for name in listed_names()]
    assert "Traceback" not in err
    assert all(problems == [] for _, _, problems in k.audits)      # copa: the isolation audit too


def test_the_attacks_end_in_capability_faults():
    status, out, err, _k = usertests("capfaults", "stale", "attacks", "pipepointer")
    assert status == 0, out
    assert err.count("killed by SIGPROT") >= 9
    assert all(line.startswith("(expected) ufos: pid ") for line in err.splitlines()), err
    for fault in ("capability bounds fault", "capability tag fault: fetch", "capability sealed fault",
                  "needs PCC with System"):
        assert fault in err


def test_a_failing_test_is_reported_and_the_others_still_run():
    # with isolation off the kernel trusts the buffers it is given: the EFAULT tests must fail
    status, out, _err, _k = usertests("fork", "overlong", "pipe", isolation="off")
    assert status == 1
    assert out.splitlines() == [
        "test fork: OK",
        "test pipe: OK",
        "test overlong: FAILED (write of 100 bytes from an 8-byte buffer: EFAULT: wrong result)",
        "SOME TESTS FAILED: overlong",
    ]
