"""uname, what system this is (POSIX sys/utsname.h): the kernel's name, the machine's name, the
release (the ufos package's version), a version string and the hardware. The caller hands a
pointer to a struct utsname of Linux's layout (userland/include/sys/utsname.h): six strings of
65 bytes; the kernel checks the whole struct (Store, its bounds, the caller's slot), then writes
it once, so a bad pointer is EFAULT and leaves memory as it was.
"""
from __future__ import annotations

from importlib import metadata

from ufos.kernel.uaccess import Args

FIELD = 65                       # each string with its '\0' (Linux's __NEW_UTS_LEN + 1)
SYSNAME = "ufos"
NODENAME = "ufos"                # the machine's name: ufos has no sethostname
VERSION = "#1 uFork single address space"
MACHINE = "morello"              # the emulated CPU: a CHERI machine modelled on Arm Morello
DOMAINNAME = "(none)"            # Linux's sixth field, as Linux says when none is set


def release() -> str:
    """The installed ufos package's version (pyproject.toml), as Linux gives its kernel's."""
    try:
        return metadata.version("ufos")
    except metadata.PackageNotFoundError:        # run from a source tree that is not installed
        return "unknown"


def utsname() -> bytes:
    """struct utsname: each string cut to 64 bytes and padded with '\\0' to 65."""
    fields = (SYSNAME, NODENAME, release(), VERSION, MACHINE, DOMAINNAME)
    return b"".join(f.encode()[:FIELD - 1].ljust(FIELD, b"\0") for f in fields)


def sys_uname(k, p, a: Args):
    a.write(0, utsname())                        # checked as a whole before any byte is written
    return 0
