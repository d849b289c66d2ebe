"""`ufos bench compartments`: what isolating a library costs, four ways (FlexCap's comparison).

The program is /bin/kv (userland/bin/kv): a key-value store whose hash routine is a library. It is
built four ways, one description file each:

    none           kv.toml          the library linked into the program: a plain call
    capabilities   kv-caps.toml     a compartment; the key crosses as a bounded __capability
    overlap        kv-overlap.toml  a compartment; the key is copied into the shared window
    pipe           kv-pipe.toml     purecap μprocesses: the library in a child, over two pipes

For each it measures, in modeled time (kernel/cost.py) and host time:
- a call of the library: `BENCH n` hashes a 16-byte key n times, so a call costs
  (run with n calls - run with none) / n; the overhead is that minus a plain call's;
- the application's throughput: a script of SETs and GETs (each hashes its key once), in
  requests per second, the program's start-up taken off;
- the engineering effort: lines of the description, lines of the glue that differ from the
  plain call's, and `__capability` annotations in the library — what a programmer writes.
"""
from __future__ import annotations

import difflib
import re
import time

from ufos.abi import userland_dir
from ufos.bench.report import Table, say, show
from ufos.kernel.cost import CLOCK_HZ

VARIANTS = [("none", "kv", "glue-none.c"), ("capabilities", "kv-caps", "glue-caps.c"),
            ("overlap", "kv-overlap", "glue-overlap.c"), ("pipe", "kv-pipe", "glue-pipe.c")]


def run(program: str, script: bytes, policy: str) -> tuple[float, float, int]:
    """Modeled seconds, host seconds and instructions of one run of /bin/PROGRAM on script."""
    from ufos.kernel.boot import Options
    from ufos.runner import boot
    k = boot(Options(policy=policy), stdin=script, capture=True)
    start = time.perf_counter()
    k.spawn(f"/bin/{program}", [program])
    status = k.run()
    host = time.perf_counter() - start
    if status:
        raise RuntimeError(f"/bin/{program} ended with status {status}: {k.output(2).decode(errors='replace')}")
    return k.cost.cycles() / CLOCK_HZ, host, k.cpu.sysreg("icount")


def per_call(program: str, calls: int, policy: str) -> dict:
    empty = run(program, b"BENCH 0\nQUIT\n", policy)
    full = run(program, f"BENCH {calls}\nQUIT\n".encode(), policy)
    return {"modeled_ns": (full[0] - empty[0]) / calls * 1e9, "host_us": (full[1] - empty[1]) / calls * 1e6,
            "instructions": (full[2] - empty[2]) / calls}


def throughput(program: str, requests: int, policy: str) -> dict:
    half = requests // 2
    script = "".join(f"SET key{i} value{i}\n" for i in range(half)) + "".join(f"GET key{i}\n" for i in range(half))
    empty = run(program, b"QUIT\n", policy)
    full = run(program, (script + "QUIT\n").encode(), policy)
    return {"modeled": 2 * half / (full[0] - empty[0]), "host": 2 * half / (full[1] - empty[1])}


def code_lines(text: str) -> list[str]:
    """The lines of C a programmer wrote: not blank, not a comment."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("//")]


def effort(description: str, glue: str) -> dict:
    """Lines a programmer writes to get this variant from the plain program (module docstring)."""
    if glue == "glue-none.c":
        return {"description": 0, "glue": 0, "annotations": 0}
    kv = userland_dir() / "bin" / "kv"
    toml = [line for line in (kv / f"{description}.toml").read_text().splitlines()
            if line.strip() and not line.strip().startswith("#")]
    base, mine = code_lines((kv / "glue-none.c").read_text()), code_lines((kv / glue).read_text())
    changed = sum(1 for d in difflib.ndiff(base, mine) if d[:1] in "+-")
    annotated = sum(text.count("__capability") for path in kv.glob("*.[ch]") if not path.name.startswith("glue-")
                    for text in [path.read_text()]) if "caps" in description else 0
    return {"description": len(toml), "glue": changed, "annotations": annotated}


def bench_compartments(calls: int, requests: int, policy: str) -> None:
    cost = Table(f"Cross-compartment call: one hash of a 16-byte key (BENCH {calls:,}; {policy})",
                 ["way", "instructions", "modeled ns", "overhead ns", "host µs", "× plain"])
    app = Table(f"kv throughput: {requests:,} SET/GET requests, start-up taken off ({policy})",
                ["way", "modeled req/s", "host req/s", "× plain (modeled)"])
    work = Table("Engineering effort: lines written to get each way from the plain program",
                 ["way", "description", "glue changed", "__capability annotations", "total"])
    plain = None
    for way, program, glue in VARIANTS:
        say(f"{way}: {calls:,} calls, then {requests:,} requests")
        c, t = per_call(program, calls, policy), throughput(program, requests, policy)
        plain = plain or (c, t)
        cost.add(way, c["instructions"], c["modeled_ns"], c["modeled_ns"] - plain[0]["modeled_ns"], c["host_us"],
                 c["modeled_ns"] / plain[0]["modeled_ns"])
        app.add(way, t["modeled"], t["host"], t["modeled"] / plain[1]["modeled"])
        e = effort(program, glue)
        work.add(way, e["description"], e["glue"], e["annotations"], sum(e.values()))
    cost.notes = ["modeled: cycles of a 2.5 GHz Morello (kernel/cost.py), the same on every machine; host: this "
                  "emulator here", "overhead: the call's cost minus a plain call's (the hash itself)"]
    work.notes = ["description: non-comment lines of the .toml; glue: lines of glue-WAY.c that differ from "
                  "glue-none.c; annotations: __capability in the library's sources"]
    for table in (cost, app, work):
        show(table)
