"""The root image: the userland builder packs /bin and /etc into a cpio (newc) archive, the kernel
unpacks it. Both halves, a real cpio reading ours, and the kernel refusing what is not one."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from ufos.kernel.fs.initrd import BadImage, unpack
from ufos.kernel.fs.ramfs import RamDir
from ufos.toolchain.userland import ALIASES, Cpio, root_archive, userland_programs


def tree(root: RamDir, prefix: str = "") -> dict[str, object]:
    out = {}
    for name, node in root.children.items():
        if isinstance(node, RamDir):
            out[prefix + name + "/"] = None
            out |= tree(node, prefix + name + "/")
        else:
            out[prefix + name] = node
    return out


def test_the_root_image_holds_every_program_and_etc_and_the_kernel_unpacks_it():
    root = RamDir()
    unpack(root_archive(), root)
    files = tree(root)
    assert {f"bin/{name}" for name in userland_programs()} | {f"bin/{a}" for a in ALIASES} <= set(files)
    assert files["etc/motd"].data.startswith(b"Welcome to ufos")
    assert files["bin/sh"].data[:4] == b"\x7fELF" and files["bin/sh"].mode == 0o755
    assert files["bin/["] is files["bin/test"]               # a hard link: one file, two names
    assert files["bin/poweroff"] is files["bin/halt"]


@pytest.mark.skipif(shutil.which("cpio") is None, reason="the host has no cpio (Debian: apt install cpio)")
def test_a_real_cpio_reads_the_root_image():
    listing = subprocess.run(["cpio", "-it", "--quiet"], input=root_archive(), capture_output=True, check=True)
    names = set(listing.stdout.decode().split())
    assert {"bin", "bin/sh", "bin/[", "etc/motd"} <= names


def test_links_directories_and_the_trailer_round_trip():
    archive = Cpio()
    archive.directory("a")
    archive.file("a/one", b"1234567", 0o640, ["a/two"])
    archive.file("top", b"", 0o600)
    root = RamDir()
    unpack(archive.finish(), root)
    files = tree(root)
    assert set(files) == {"a/", "a/one", "a/two", "top"}
    assert files["a/one"] is files["a/two"] and bytes(files["a/one"].data) == b"1234567"
    assert files["a/one"].mode == 0o640 and files["top"].mode == 0o600


@pytest.mark.parametrize("archive, problem", [
    (b"", "no cpio"),
    (b"070707" + bytes(200), "no cpio"),                        # the old binary format
    (root_archive.__doc__.encode(), "no cpio"),
    (b"070701" + b"zz" * 52 + bytes(8), "bad cpio"),              # fields that are not hex
    (root_archive()[:5000], "ends inside"),                         # truncated in /bin's first file
])
def test_what_is_not_a_newc_archive_is_refused_with_a_reason(archive, problem):
    with pytest.raises(BadImage, match=problem):
        unpack(archive, RamDir())


def test_a_file_before_its_directory_is_refused():
    archive = Cpio()
    archive.file("missing/file", b"x", 0o644)
    with pytest.raises(BadImage, match="missing"):
        unpack(archive.finish(), RamDir())


@pytest.mark.skipif(shutil.which("cpio") is None, reason="the host has no cpio")
def test_a_symbolic_link_in_an_archive_made_by_the_real_cpio_is_unpacked(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "file").write_bytes(b"data")
    (tmp_path / "d" / "link").symlink_to("file")
    made = subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"], input=b"d\nd/file\nd/link\n", cwd=tmp_path,
                          capture_output=True, check=True).stdout
    root = RamDir()
    unpack(made, root)
    link = root.children["d"].children["link"]
    assert (link.kind, link.target) == ("link", "file")
