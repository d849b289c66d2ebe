"""The grader of lab shell (labs/shell/README.md): msh, the student's shell, is fed a script on
its standard input and runs the project's own /bin programs (echo, cat, wc, sort, yes, head,
sleep, ps). `ufos grade shell` runs it, with lab util's tests as regression weight; so does
`pytest labs/shell/test_shell.py` (without them)."""
import pytest

from ufos.grading import run

LIMIT = 20_000_000        # instructions; the reference shell needs a tenth of this for the longest script


def msh(script: str, limit: int = LIMIT):
    """Run msh with script on its standard input: (status, stdout lines, stderr text)."""
    r = run(["msh"], stdin=script.encode(), max_instructions=limit)
    return r.status, r.stdout.decode(errors="replace").splitlines(), r.stderr.decode(errors="replace")


def quiet(err: str, what: str) -> None:
    assert err == "", f"{what}: msh wrote on its standard error: {err.strip()[:300]}"


@pytest.mark.points(5, hint="fork; in the child execvp(argv[0], argv); in the shell waitpid for the child")
def test_commands():
    """Commands run with their arguments, one after the other; cd changes the shell's directory."""
    status, out, err = msh("echo hello world\necho two;echo three\ncd /tmp\npwd\n")
    quiet(err, "echo and pwd")
    assert out == ["hello world", "two", "three", "/tmp"], f"expected hello world, two, three, /tmp; got {out}"
    assert status == 0, f"msh should exit with 0 after commands that succeeded, not {status}"


@pytest.mark.points(5, hint="the exit status is the last command's: WEXITSTATUS of what waitpid gave")
@pytest.mark.parent("test_commands")
def test_status_and_not_found():
    """An unknown command says so and the shell goes on; exit N and the end of input exit with
    the right status."""
    status, out, err = msh("nosuch arg\necho after\nexit 3\necho never\n")
    assert "nosuch: not found" in err, f"expected 'msh: nosuch: not found' on stderr, got {err.strip()[:200]!r}"
    assert out == ["after"] and status == 3, f"expected output ['after'] and status 3, got {out}, {status}"
    status, _, _ = msh("echo x\nfalse\n")
    assert status == 1, f"at the end of its input msh exits with the last command's status (1, from false), not {status}"


@pytest.mark.points(10, hint="in the child, before exec: open(FILE, O_WRONLY|O_CREAT|O_TRUNC), dup2 it onto 1, close it")
@pytest.mark.parent("test_commands")
def test_redirect_output():
    """> FILE writes the command's output to FILE, emptied first."""
    _status, out, err = msh("echo one two > /tmp/f\ncat /tmp/f\necho three >/tmp/f\ncat /tmp/f\n")
    quiet(err, "echo > FILE")
    assert out == ["one two", "three"], f"expected ['one two', 'three'] (the second > empties the file), got {out}"


@pytest.mark.points(5, hint=">> opens with O_APPEND instead of O_TRUNC")
@pytest.mark.parent("test_redirect_output")
def test_redirect_append():
    """>> FILE adds to the end of FILE."""
    _status, out, err = msh("echo a > /tmp/f\necho b >> /tmp/f\necho c>>/tmp/f\ncat /tmp/f\n")
    quiet(err, "echo >> FILE")
    assert out == ["a", "b", "c"], f"expected ['a', 'b', 'c'], got {out}"


@pytest.mark.points(10, hint="< FILE: open(FILE, O_RDONLY) and dup2 it onto 0, in the child")
@pytest.mark.parent("test_redirect_output")
def test_redirect_input():
    """< FILE is the command's standard input; a file that is not there is an error, not a crash."""
    _, out, err = msh("echo x y z > /tmp/f\nwc -w < /tmp/f\nsort -r </tmp/f > /tmp/g\ncat /tmp/g\n")
    quiet(err, "wc < FILE")
    assert out == ["3", "x y z"], f"expected ['3', 'x y z'], got {out}"
    _status, out, err = msh("cat < /nosuch\necho still here\n")
    assert "/nosuch" in err and out == ["still here"], \
        f"cat < /nosuch: expected an error naming /nosuch and the shell going on, got {out}, {err.strip()[:200]!r}"


@pytest.mark.points(10, hint="pipe(), then fork twice: dup2 the write end onto 1 in the first child, the read end onto 0 in the second")
@pytest.mark.parent("test_commands")
def test_pipe():
    """echo a b c | wc -w counts 3 words."""
    _status, out, err = msh("echo a b c | wc -w\necho after\n")
    quiet(err, "echo | wc")
    assert out == ["3", "after"], f"expected ['3', 'after'], got {out}"


@pytest.mark.points(10, hint="a loop over the commands: each one's stdin is the previous pipe's read end")
@pytest.mark.parent("test_pipe")
def test_long_pipeline():
    """Five commands in one pipeline, and one of eight."""
    _status, out, err = msh("printf b\\na\\nc\\na\\nb\\n | sort | uniq | sort -r | head -n 2\n"
                           "echo word | cat | cat | cat | cat | cat | cat | wc -c\n")
    quiet(err, "a long pipeline")
    assert out == ["c", "b", "5"], f"expected ['c', 'b', '5'], got {out}"


@pytest.mark.points(5, hint="redirections apply after the pipe's dup2: < in the first command, > in the last")
@pytest.mark.parent("test_long_pipeline")
def test_pipeline_with_redirections():
    _status, out, err = msh("printf 3\\n1\\n2\\n1\\n > /tmp/in\nsort < /tmp/in | uniq > /tmp/out\ncat /tmp/out\n")
    quiet(err, "sort < FILE | uniq > FILE")
    assert out == ["1", "2", "3"], f"expected ['1', '2', '3'], got {out}"


@pytest.mark.points(10, hint="close every pipe end the shell holds after forking: a reader sees end of file only when "
                             "every write end is closed, and yes stops only when every read end is")
@pytest.mark.parent("test_pipe")
def test_pipelines_end():
    """yes | head -n 2 ends (yes gets EPIPE once head is gone) and so does echo | cat (cat reads end
    of file): a shell that keeps a pipe end open waits forever, past the instruction limit."""
    _status, out, err = msh("yes | head -n 2\necho hi | cat\necho done\n")
    assert out == ["y", "y", "hi", "done"], f"expected ['y', 'y', 'hi', 'done'], got {out} (stderr: {err.strip()[:200]})"


@pytest.mark.points(5, hint="with &, add the pipeline to the job table and read the next line at once; do not wait for it")
@pytest.mark.parent("test_commands")
def test_background():
    """sleep 1 & returns at once: ps shows sleep running while the shell goes on; wait waits for it."""
    _status, out, err = msh("sleep 1 &\necho now\nps\nwait\necho done\n")
    quiet(err, "sleep 1 &")
    assert out[:1] == ["now"] and out[-1:] == ["done"], f"expected 'now' first and 'done' last, got {out}"
    assert any(line.endswith(" sleep 1") for line in out[1:-1]), \
        f"ps, run while sleep 1 & runs in the background, should list it: {out[1:-1]}"


@pytest.mark.points(5, hint="two jobs run at once: their output may come in either order, and wait waits for both")
@pytest.mark.parent("test_background")
def test_background_jobs_in_either_order():
    """echo one & echo two & wait; echo three: one and two in either order, then three."""
    _status, out, err = msh("echo one & echo two & wait\necho three\n")
    quiet(err, "echo & echo & wait")
    assert out in (["one", "two", "three"], ["two", "one", "three"]), \
        f"expected one and two (in either order), then three; got {out}"


@pytest.mark.points(5, hint="jobs lists the jobs still running, '[N] Running TEXT'; reap the ones that ended first")
@pytest.mark.parent("test_background")
def test_jobs():
    """jobs lists a running job, and no more once wait has waited for it."""
    _status, out, err = msh("sleep 1 &\njobs\nwait\njobs\necho end\n")
    quiet(err, "jobs")
    assert out == ["[1] Running sleep 1", "end"], f"expected ['[1] Running sleep 1', 'end'], got {out}"
