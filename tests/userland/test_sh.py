"""The ufos shell (userland/bin/sh): every script in tests/userland/sh/ run by the host's /bin/sh (dash) and
by ufos's sh, which must print the same stdout and exit with the same status.

    tests/userland/sh/NAME.sh    a script exercising one feature area
    tests/userland/sh/NAME.in    its standard input (optional)

Every script runs under the kernel (`ufos.runner.run_image`), booted afresh. A script whose
first lines include `# needs: kernel` uses programs of /bin, pipes, files or fork, and runs as
`sh -c SCRIPT`. The others use only the shell itself (parsing, expansion, builtins, functions:
what needs no system call beyond read and write), and run twice: as `sh -c SCRIPT` and with the
script on sh's standard input.

stderr is compared only for a script whose first lines include `# compare: stderr` (its
messages must be dash's, word for word: "sh: 4: cd: can't cd to /x"); a capability fault
(SIGPROT) in the shell always fails.

Run one script:  pytest tests/userland/test_sh.py -k quoting
"""
from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pytest

from ufos.runner import run_image

SCRIPTS = Path(__file__).resolve().parent / "sh"
BUDGET = 400_000_000        # instructions: a runaway loop fails in seconds
ENV = ["PATH=/bin", "HOME=/", "LC_ALL=C"]
SIGPROT = 34


def has_header(script: Path, header: str) -> bool:
    head = script.read_text().splitlines()[:5]
    return any(line.strip() == header for line in head)


def needs_kernel(script: Path) -> bool:
    return has_header(script, "# needs: kernel")


def _cases():
    for script in sorted(SCRIPTS.glob("*.sh")):
        if needs_kernel(script):
            yield pytest.param(script, "kernel", id=f"{script.stem}-kernel")
        else:
            yield pytest.param(script, "-c", id=f"{script.stem}-c")
            if not script.with_suffix(".in").exists():
                yield pytest.param(script, "stdin", id=f"{script.stem}-stdin")


def run_host(text: str, stdin: bytes, mode: str, tmp_path: Path):
    env = dict(e.split("=", 1) for e in ENV)
    env["PATH"] = "/bin:/usr/bin"
    if mode == "stdin":
        args, stdin = ["sh"], text.encode() + stdin
    else:
        args = ["sh", "-c", text]
    r = subprocess.run(args, executable="/bin/sh", input=stdin, capture_output=True, env=env,
                       cwd=tmp_path, timeout=60)
    return r.returncode, r.stdout, r.stderr


def run_ufos(image, text: str, stdin: bytes, mode: str):
    if mode == "stdin":
        argv, stdin = ["sh"], text.encode() + stdin
    else:
        argv = ["sh", "-c", text]
    r = run_image(image, argv, ENV, stdin, max_instructions=BUDGET)
    return r.status, r.stdout, r.stderr


def _diff(expected: bytes, actual: bytes) -> str:
    lines = difflib.unified_diff(expected.decode(errors="replace").splitlines(keepends=True),
                                 actual.decode(errors="replace").splitlines(keepends=True),
                                 "dash (expected)", "ufos sh")
    return "".join(lines)[:4000]


@pytest.mark.parametrize("script,mode", list(_cases()))
def test_script(sh_image, script: Path, mode: str, tmp_path):
    text = script.read_text()
    stdin_file = script.with_suffix(".in")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    host_status, host_out, host_err = run_host(text, stdin, mode, tmp_path)
    status, out, err = run_ufos(sh_image, text, stdin, mode)
    problems = []
    if status == 128 + SIGPROT:
        problems.append("the shell died of a capability fault (SIGPROT)")
    if out != host_out:
        problems.append("stdout differs:\n" + _diff(host_out, out))
    if status != host_status:
        problems.append(f"exit status {status}, dash's {host_status}")
    if has_header(script, "# compare: stderr") and err != host_err:
        problems.append("stderr differs:\n" + _diff(host_err, err))
    assert not problems, "\n".join(problems) + "\n--- ufos stderr ---\n" + err.decode(errors="replace")[-2000:]


def test_interactive(sh_image):
    """sh -i: a prompt with the working directory on stderr before each command (and "> " to go
    on), "[1] PID" for a background job, `jobs`, and exit with exit's status."""
    script = b"echo hi\ncd /tmp\nsleep 1 &\njobs\nif true\nthen echo multi\nfi\nwait\nexit 4\n"
    r = run_image(sh_image, ["sh", "-i"], ENV, script, max_instructions=BUDGET)
    err = r.stderr.decode()
    assert r.stdout == b"hi\n[1]   Running                  sleep 1\nmulti\n"
    assert r.status == 4
    assert err.startswith("ufos:/$ ufos:/$ ufos:/tmp$ [1] ")
    assert "ufos:/tmp$ > > ufos:/tmp$ " in err


def test_syntax_error_exits_2(sh_image):
    """A syntax error ends a non-interactive shell with status 2 and a message naming the line,
    before any command of the bad line runs; the lines before it have run."""
    r = run_image(sh_image, ["sh", "-c", "echo before\necho no; if then"], ENV, b"",
                         max_instructions=BUDGET)
    assert (r.status, r.stdout) == (2, b"before\n")
    assert b"sh: 2: Syntax error" in r.stderr


@pytest.mark.parametrize("script", [
    "x='eval \"$x\"'; eval \"$x\"; echo not reached",
    "echo '. /tmp/self' >/tmp/self; . /tmp/self; echo not reached",
], ids=["eval", "dot"])
def test_runaway_nesting_is_a_mistake_not_a_fault(sh_image, script):
    """Text that runs itself without end (eval of itself, a . file that reads itself) would
    overflow the stack: dash dies of a segfault, so there is no reference to compare with. The
    shell stops it with a mistake (status 2) instead of a capability fault."""
    r = run_image(sh_image, ["sh", "-c", script], ENV, b"", max_instructions=BUDGET)
    assert (r.status, r.stdout) == (2, b""), r.stderr[-500:]
    assert r.stderr.endswith(b"Maximum nesting depth reached\n"), r.stderr[-500:]


def test_ps4_with_a_command_substitution(sh_image):
    """set -x with PS4='$(cmd) ': the commands of the substitution are not traced themselves, or
    each would expand PS4 again, forking without end (dash's PS4 takes no $(...) at all)."""
    r = run_image(sh_image, ["sh", "-c", 'PS4="$(echo X) "; set -x; echo a; echo b'], ENV, b"",
                  max_instructions=BUDGET)
    assert (r.status, r.stdout, r.stderr) == (0, b"a\nb\n", b"X echo a\nX echo b\n")


def test_lineno_and_ppid(sh_image):
    """$LINENO is the line of the command being run (in a function too: lines of the script), and
    $PPID the shell's parent's pid. The host's dash (Debian) has LINENO compiled out, so these are
    checked against POSIX's words instead: a child sh's $PPID is the $$ of the shell that ran it."""
    script = ("echo $LINENO\n"
              "f() {\n"
              "  echo \"in f $LINENO\"\n"
              "}\n"
              "if true; then\n"
              "  echo $LINENO; f\n"
              "fi\n"
              "LINENO=set; echo $LINENO\n"
              "test \"$(sh -c 'echo $PPID')\" = $$ && echo child ppid ok\n"
              "outer=$PPID; (test \"$PPID\" = \"$outer\" && echo a subshell keeps PPID)\n")
    r = run_image(sh_image, ["sh", "-c", script], ENV, b"", max_instructions=BUDGET)
    assert r.stdout.decode().splitlines() == [
        "1", "6", "in f 3", "set", "child ppid ok", "a subshell keeps PPID"], r.stderr


def test_ulimit_reports_the_kernels_limits(sh_image):
    """ulimit -n and -s are the kernel's descriptor table and stack (prlimit64); they are fixed,
    so setting another value fails (status 2) and leaves them."""
    from ufos.kernel.file import MAX_FDS
    from ufos.kernel.vm import STACK_SIZE

    script = "ulimit -n; ulimit -Hs; ulimit -c; ulimit -n 10; echo \"set: $?\"; ulimit -n"
    r = run_image(sh_image, ["sh", "-c", script], ENV, b"", max_instructions=BUDGET)
    assert r.stdout.decode().splitlines() == [str(MAX_FDS), str(STACK_SIZE // 1024), "0", "set: 2",
                                              str(MAX_FDS)]
    assert b"ulimit: error setting limit (Operation not permitted)" in r.stderr


def test_times_reports_the_childrens_cpu_time(sh_image):
    """times prints the shell's user and system time, then its children's: a subshell that ran
    a loop counts there once the shell has waited for it, and not before (as dash: ticks of 10 ms)."""
    loop = "(i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done)"
    r = run_image(sh_image, ["sh", "-c", f"times; {loop}; times"], ENV, b"", max_instructions=BUDGET)
    lines = r.stdout.decode().splitlines()
    assert r.status == 0 and len(lines) == 4
    assert lines[1] == "0m0.000000s 0m0.000000s"                # no child yet
    children_user = lines[3].split()[0]
    assert children_user.startswith("0m") and children_user != "0m0.000000s"
