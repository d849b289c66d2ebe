"""Fixtures of the userland tests."""
import pytest

from tests.helpers import bin_image


@pytest.fixture(scope="session")
def sh_image():
    """The shell (/bin/sh, from userland/bin/sh), compiled once per session (per xdist worker)."""
    return bin_image("sh")
