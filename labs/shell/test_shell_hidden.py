"""Lab shell's hidden test (lab.toml `hidden`): not in the student edition, graded by the
instructor (`ufos grade shell` in the instructor's tree, a class, or Gradescope, where it shows
after the due date)."""
import pytest
from test_shell import (
    msh,  # the grader beside this file (pytest puts its folder on sys.path)
)


@pytest.mark.points(5, hint="before each line, waitpid(-1, &status, WNOHANG) until it returns 0: a finished job not "
                            "waited for is a zombie, and keeps its μprocess")
@pytest.mark.parent("test_background")
def test_finished_jobs_are_reaped():
    """80 short background jobs one after the other: a shell that never reaps them runs out of
    μprocesses (ufos has 64) long before the end."""
    _status, out, err = msh("true &\n" * 80 + "wait\necho ok\n")
    assert err == "" and out == ["ok"], f"expected only 'ok', got {out} (stderr: {err.strip()[:200]})"
