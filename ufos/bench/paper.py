"""`ufos bench paper [--quick] [--out DIR]`: the μFork paper's evaluation (§5, Fig. 3-9) reproduced
in one run, under copa, coa, sync and classic side by side, printed beside the paper's numbers,
with what agrees and what does not, and written as a Markdown report with plots.

Every figure is measured in modeled time (kernel/cost.py): what a 2.5 GHz Morello would take for
the events the machine and the kernel count. That is the time to compare with the paper; host
time, printed beside it, measures this emulator. The mapping: μFork's CoPA, CoA and full copy
are the copa, coa and sync policies; CheriBSD, the paper's baseline, is classic (a page table per
μprocess, copy-on-write, a trap per system call and a TLB flush per switch).
"""
from __future__ import annotations

import time
from pathlib import Path

from ufos.bench import apps, fork
from ufos.bench.report import Table, cell_text, ratio, show, write_report

MB = 10**6
SETTINGS = {
    # forks per Fig. 8 measurement, Spawn loop, Context1 round trips, Redis DB sizes, FaaS window
    # (modeled ms) and float_operation's n, HTTP connections and requests
    "quick": dict(forks=5, spawns=200, rounds=2_000, sizes=[0, 100_000, MB, 10 * MB], window_ms=25, n=100,
                  connections=4, requests=200),
    "full": dict(forks=20, spawns=1000, rounds=20_000, sizes=[0, 100_000, MB, 10 * MB, 100 * MB], window_ms=100,
                 n=100, connections=16, requests=2000),
}


def bench_paper(policies, quick: bool, out: Path | None, settings: dict | None = None) -> list[Table]:
    """Run every figure (settings: SETTINGS["quick"] or ["full"], unless given), print each as it
    is done, then the findings; write the report and plots into out."""
    s = settings or SETTINGS["quick" if quick else "full"]
    started = time.perf_counter()
    tables: list[Table] = []
    steps = [
        lambda: apps.redis_figures(policies, s["sizes"]),
        lambda: [apps.faas_figure(policies, s["window_ms"], s["n"])],
        lambda: [apps.http_figure(policies, s["connections"], s["requests"])],
        lambda: [fork.fig8(policies, s["forks"]), fork.fig9(policies, s["spawns"], s["rounds"])],
    ]
    for step in steps:
        for table in step():
            show(table)
            tables.append(table)
    summary = findings(tables)
    print("Where the shape agrees with the paper, and where it does not")
    for line in summary:
        print(f"  - {line}")
    minutes = (time.perf_counter() - started) / 60
    print(f"\n({'quick' if quick else 'full'} run: {minutes:.1f} minutes of host time)")
    if out is not None:
        preamble = "\n".join([
            "# μFork's evaluation, reproduced by ufos", "",
            f"`ufos bench paper{' --quick' if quick else ''}`: {minutes:.1f} minutes of host time.", "",
            __doc__.split("\n\n", 1)[1].strip(), "",
            "## Where the shape agrees with the paper, and where it does not", "",
            *[f"- {line}" for line in summary], "", "## The figures", ""])
        written = write_report(tables, out, preamble)
        print(f"wrote {', '.join(str(p) for p in written)}")
    return tables


def column(table: Table, name: str) -> list:
    i = table.columns.index(name)
    return [row[i] for row in table.rows]


def find(tables: list[Table], prefix: str) -> Table | None:
    return next((t for t in tables if t.title.startswith(prefix)), None)


def findings(tables: list[Table]) -> list[str]:
    """What the measured shapes say against the paper's, each with the reason where they differ."""
    out = []
    f = cell_text
    fig4, fig5 = find(tables, "Fig. 4"), find(tables, "Fig. 5")
    if fig4 and {"copa", "sync"} <= set(fig4.columns) and len(fig4.rows) > 1:
        copa, sync = column(fig4, "copa"), column(fig4, "sync")
        out.append(f"Fig. 4: copa's fork latency stays nearly flat as the database grows ({f(copa[0])} → {f(copa[-1])} µs, "
                   f"{f(ratio(copa[-1], copa[0]))}×) while a full copy grows with it ({f(sync[0])} → {f(sync[-1])} µs, "
                   f"{f(ratio(sync[-1], sync[0]))}×); at the largest size sync is {f(ratio(sync[-1], copa[-1]))}× copa "
                   "(paper: up to 89×). Agrees: copa's fork only shares page-table entries and copies the capability "
                   "table; the rest is copied later, page by page, if at all.")
        if "coa" in fig4.columns:
            coa = column(fig4, "coa")
            out.append(f"Fig. 4: coa / copa at the largest size is {f(ratio(coa[-1], copa[-1]))}× (paper: up to 1.18×): "
                       "both share pages at fork; they differ in what the child copies afterwards.")
        if "classic" in fig4.columns:
            classic = column(fig4, "classic")
            out.append(f"Fig. 4: classic / copa is {f(ratio(classic[0], copa[0]))}× at the smallest size and "
                       f"{f(ratio(classic[-1], copa[-1]))}× at the largest (paper, CheriBSD / μFork: 4.7× to 10×). "
                       "Differs: ufos's classic is ufos's own kernel with a page table per μprocess, copy-on-write, "
                       "traps and TLB flushes, so it isolates the architectural differences the paper names; it "
                       "does not pay a monolithic kernel's process and VM-object bookkeeping, which is most of "
                       "CheriBSD's fork.")
    if fig5 and {"copa", "sync"} <= set(fig5.columns):
        last = fig5.rows[-1]
        mem = {p: last[fig5.columns.index(p)] for p in ("copa", "coa", "sync", "classic") if p in fig5.columns}
        out.append(f"Fig. 5: at {last[0]} the BGSAVE child copied {', '.join(f'{p} {f(v)} MB' for p, v in mem.items())} "
                   "(paper at 100 MB: CoPA 5.8, CoA 102, full 144, CheriBSD ~111). Agrees in order for copa ≪ coa ≤ sync: "
                   "the child reads the whole database but loads few capabilities, so copa copies only the pages "
                   "holding pointers it follows, coa every page it reads. Our child memory is what it copied, "
                   "not its whole proportional set; classic copies only what it writes, hence its small figure.")
    fig3 = find(tables, "Fig. 3")
    if fig3 and {"copa", "classic"} <= set(fig3.columns):
        copa, classic = column(fig3, "copa"), column(fig3, "classic")
        out.append(f"Fig. 3: save time classic / copa: {f(ratio(classic[1], copa[1]))}× at {fig3.rows[1][0]} and "
                   f"{f(ratio(classic[-1], copa[-1]))}× at {fig3.rows[-1][0]} (paper: 1.9× at 100 KB, 1.4× at 100 MB). "
                   "The save is dominated by writing the RDB file, the same work under every policy, so the "
                   "ratio tends to 1 as the database grows, as in the paper; the gap at small sizes is the fork.")
    fig6 = find(tables, "Fig. 6")
    if fig6:
        rows = {row[0]: row for row in fig6.rows}
        if "copa" in rows:
            out.append(f"Fig. 6: the zygote serves {f(rows['copa'][5])}× as many calls as cold start under copa: "
                       "a call forks a warm interpreter instead of executing one and parsing its library again.")
        if {"copa", "classic"} <= set(rows):
            out.append(f"Fig. 6: copa / classic zygote throughput is {f(ratio(rows['copa'][1], rows['classic'][1]))}× "
                       "(paper one core: 115/97 = 1.19×). The call itself dominates; what differs is fork and the "
                       "copies after it.")
    fig7 = find(tables, "Fig. 7")
    if fig7 and "copa k/s" in fig7.columns:
        copa = column(fig7, "copa k/s")
        out.append(f"Fig. 7: copa answers {f(copa[0])}k, {f(copa[1])}k and {f(copa[2])}k requests/s of modeled time with 1, 2 "
                   "and 3 workers (paper, single core: 48.2k, 52.6k, 57.4k). ufos has one core, so workers add no "
                   "compute; long-lived workers make fork latency irrelevant here, as the paper says.")
    fig8, fig9 = find(tables, "Fig. 8"), find(tables, "Fig. 9")
    if fig8:
        out += [f"Fig. 8: {note}" for note in fig8.notes if "paper 3.7×" in note]
        out.append("Fig. 8: copa's hello-world fork copies the capability table eagerly (the paper's GOT step); "
                   "classic copies nothing at fork and pays later, on the child's and the parent's first writes.")
    if fig9:
        out += [f"Fig. 9: {note}" for note in fig9.notes if "classic / copa" in note]
        out.append("Fig. 9: Context1 is where the single address space shows most: no trap and no TLB flush on each "
                   "system call and switch.")
    return out
