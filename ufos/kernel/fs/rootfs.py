"""The root file system a boot starts with:

    /bin /etc   what the root image holds (initrd.py): the userland programs, compiled on the
                toolchain side (toolchain/userland.py), and their configuration files
    /tmp        writable scratch space
    /dev        console, tty, null, zero, urandom; fd, stdin, stdout, stderr: the opener's own
                descriptors (fdesc.py)
    /proc       the μprocesses (procfs.py)
    /host       a directory of the host (hostfs.py), made when the guest first writes there
"""
from __future__ import annotations

from ufos.kernel import tty
from ufos.kernel.fs import VFS
from ufos.kernel.fs.fdesc import DescriptorDir, DescriptorName
from ufos.kernel.fs.hostfs import HostRoot
from ufos.kernel.fs.initrd import unpack
from ufos.kernel.fs.procfs import ProcRoot
from ufos.kernel.fs.ramfs import RamDir


def build_root(k, initrd: bytes) -> VFS:
    """The tree: the root image unpacked into a RAM root, with the kernel's own file systems
    mounted on it."""
    root = RamDir()
    unpack(initrd, root)
    for name in ("tmp", "dev", "proc", "host"):
        if name not in root.children:
            root.add(name, RamDir())
    dev = RamDir()
    for name, node in (("console", k.console), ("tty", k.console), ("null", tty.NullDevice()),
                       ("zero", tty.ZeroDevice()), ("urandom", tty.RandomDevice()),
                       ("fd", RamDir()), ("stdin", DescriptorName(k, 0)),
                       ("stdout", DescriptorName(k, 1)), ("stderr", DescriptorName(k, 2))):
        dev.add(name, node)
    fs = VFS(root)
    fs.mount("/dev", dev)
    fs.mount("/dev/fd", DescriptorDir(k))       # mounted, as the BSDs' fdescfs: no rmdir, no rename
    fs.mount("/proc", ProcRoot(k))
    fs.mount("/host", HostRoot(k.options.share))
    return fs
