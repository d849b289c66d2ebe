"""docs/isa.md is generated from ufos/machine/isa.py and must be kept up to date."""
import subprocess
import sys

from tests.helpers import ROOT


def test_isa_md_is_up_to_date():
    generated = subprocess.run([sys.executable, "-m", "ufos.machine.isa", "--markdown"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout
    assert (ROOT / "docs" / "isa.md").read_text() == generated, \
        "docs/isa.md is stale: run `python -m ufos.machine.isa --markdown > docs/isa.md`"
