"""The numbers the kernel and the C programs must agree on: system calls, errno values, signals,
open flags, file modes.

They are defined once, in the C headers of userland/include (Linux's generic values, see
docs/abi.md), and read from there when the kernel starts, so the two sides cannot drift apart —
like xv6's kernel/syscall.h, which the kernel and user programs both include.

    from ufos.kernel import uapi
    uapi.E.EFAULT == 14, uapi.SIG.SIGPROT == 34, uapi.SYS.write == 64, uapi.O.O_CREAT == 0o100
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from ufos.abi import include_dir

_DEFINE = re.compile(r"^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+\(?(-?(?:0[xX][0-9a-fA-F]+|[0-9]+))\)?\s*(?:/\*.*)?$")


def _c_integer(text: str) -> int:
    """A C integer literal: 0x.. hex, 0.. octal, else decimal (with an optional minus sign)."""
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    if text[:2].lower() == "0x":
        return sign * int(text, 16)
    if len(text) > 1 and text.startswith("0"):
        return sign * int(text, 8)
    return sign * int(text)


def defines(header: str, prefix: str, strip: bool = False) -> dict[str, int]:
    """The integer #defines of a header whose names start with prefix (e.g. "E" in errno.h)."""
    out = {}
    for line in (include_dir() / header).read_text().splitlines():
        m = _DEFINE.match(line.strip())
        if m and m.group(1).startswith(prefix):
            out[m.group(1)[len(prefix):] if strip else m.group(1)] = _c_integer(m.group(2))
    return out


E = SimpleNamespace(**defines("errno.h", "E"))                     # E.ENOENT
SIG = SimpleNamespace(**defines("signal.h", "SIG"))                # SIG.SIGINT, SIG.SIG_BLOCK
SA = SimpleNamespace(**defines("signal.h", "SA_"))                 # SA.SA_RESTORER
SI = SimpleNamespace(**{name: value for prefix in ("SI_", "CLD_", "SEGV_", "BUS_", "ILL_", "TRAP_",
                                                   "PROT_CHERI_", "SS_", "MINSIGSTKSZ")
                        for name, value in defines("signal.h", prefix).items()})  # SI.CLD_EXITED
SYS = SimpleNamespace(**defines("sys/syscall.h", "SYS_", strip=True))   # SYS.write
O = SimpleNamespace(**defines("fcntl.h", "O_"), **defines("fcntl.h", "AT_"),
                    **defines("fcntl.h", "F_"), **defines("fcntl.h", "FD_"))
S = SimpleNamespace(**defines("sys/stat.h", "S_"))                 # S.S_IFDIR
W = SimpleNamespace(**defines("sys/wait.h", "W"))                  # W.WNOHANG
MAP = SimpleNamespace(**defines("sys/mman.h", "MAP_"), **defines("sys/mman.h", "PROT_"),
                      **defines("sys/mman.h", "MS_"))
POLL = SimpleNamespace(**defines("poll.h", "POLL"))
DT = SimpleNamespace(**defines("dirent.h", "DT_"))

ERRNO_NAMES = {v: k for k, v in vars(E).items()}
SIGNAL_NAMES = {v: k for k, v in vars(SIG).items() if not k.startswith("SIG_") and k not in
                ("SIGIOT", "SIGPOLL", "SIGSTKSZ")}
SYSCALL_NAMES = {v: k for k, v in vars(SYS).items()}
NSIG = 65                      # signals 1..64


def signal_number(name: str) -> int | None:
    """'INT', 'SIGINT' or '2' -> 2 (None if there is no such signal)."""
    if name.isdigit():
        n = int(name)
        return n if 0 < n < NSIG else None
    name = name.upper()
    return getattr(SIG, name if name.startswith("SIG") else "SIG" + name, None)


class SyscallError(Exception):
    """Raised anywhere below a system call to make it fail with this errno."""

    def __init__(self, errno: int, why: str = ""):
        super().__init__(f"{ERRNO_NAMES.get(errno, errno)}{': ' + why if why else ''}")
        self.errno = errno
