"""The initial RAM disk: the root image the kernel is handed at boot, unpacked into the RAM root.

The kernel compiles nothing: its programs come to it as a cpio archive in the "newc" format (the
format of Linux's initramfs; the μFork prototype boots from one too), made by the userland
builder on the toolchain side (toolchain/userland.py). Each entry is a header of thirteen 8-digit
hex fields (inode, mode, uid, gid, links, mtime, size, four device numbers, the name's length, a
checksum), the name, then the data, each padded to 4 bytes; TRAILER!!! ends the archive. Entries
that share an inode number are hard links: one file, several names (/bin/[ is /bin/test); a
symbolic link's data is the path it holds.
"""
from __future__ import annotations

from stat import S_ISDIR, S_ISLNK, S_ISREG

from ufos.kernel.fs.ramfs import RamDir, RamFile, RamSymlink

MAGIC = b"070701"
HEADER = 6 + 13 * 8


class BadImage(ValueError):
    """The root image is not a newc cpio archive the kernel can unpack."""


def unpack(archive: bytes, root: RamDir) -> None:
    """Create every directory and file of the archive under root."""
    links: dict[int, RamFile] = {}          # inode number -> the file its names share
    pos = 0
    while True:
        if archive[pos:pos + 6] != MAGIC or pos + HEADER > len(archive):
            raise BadImage(f"no cpio (newc) header at byte {pos}")
        try:
            ino, mode, _uid, _gid, nlink, _mtime, size, *_devices, namesize, _check = (
                int(archive[at:at + 8], 16) for at in range(pos + 6, pos + HEADER, 8))
            name = archive[pos + HEADER:pos + HEADER + namesize].rstrip(b"\0").decode()
        except ValueError:                      # fields that are not hex, a name not UTF-8
            raise BadImage(f"a bad cpio (newc) header at byte {pos}") from None
        start = pos + HEADER + namesize + (-(HEADER + namesize) % 4)
        data = archive[start:start + size]
        if len(data) < size:
            raise BadImage(f"{name}: the archive ends inside it")
        pos = start + size + (-size % 4)
        if name == "TRAILER!!!":
            return
        parent, _, base = name.strip("/").rpartition("/")
        directory = lookup_dir(root, parent)
        if S_ISDIR(mode):
            if base not in directory.children:
                directory.add(base, RamDir())
        elif S_ISREG(mode):
            node = links.get(ino) if nlink > 1 else None
            if node is None:
                node = RamFile(data, mode=mode & 0o7777)
                if nlink > 1:
                    links[ino] = node
            elif data:
                node.write_at(0, data)          # newc: the last name of a hard link has the data
            directory.add(base, node)
        elif S_ISLNK(mode):                     # a symbolic link: its data is the path it holds
            directory.add(base, RamSymlink(data.decode("utf-8", "surrogateescape")))
        else:
            raise BadImage(f"{name}: only directories, regular files and symbolic links (mode {mode:o})")


def lookup_dir(root: RamDir, path: str) -> RamDir:
    node = root
    for part in filter(None, path.split("/")):
        node = node.children.get(part)
        if not isinstance(node, RamDir):
            raise BadImage(f"{path}: a file's directory comes after it in the archive, or is a file")
    return node
