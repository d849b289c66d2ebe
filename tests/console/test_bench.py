"""The benchmarks run and print their figures (their speed is measured, never asserted)."""
import shutil

import pytest

from ufos import cli


def test_bench_cpu_runs_its_program_to_the_end(capsys):
    assert cli.main(["bench", "cpu", "--iterations", "1000", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "25,007" in out and "MIPS" in out        # 25 instructions per iteration, plus set-up


def test_bench_relocate_reports_both_cases(capsys):
    assert cli.main(["bench", "relocate", "--pages", "16"]) == 0
    out = capsys.readouterr().out
    assert "no capabilities" in out and "256 capabilities per page" in out


def test_bench_cc_compiles_and_runs_every_kernel(capsys):
    assert cli.main(["bench", "cc"]) == 0
    out = capsys.readouterr().out
    assert "17984 primes" in out and "sorted 124 16777146" in out and "status" not in out


def test_bench_fork_prints_fig8_fig9_and_the_size_curve_for_every_policy(capsys):
    assert cli.main(["bench", "fork", "--sizes", "0,1", "--forks", "2", "--spawn", "5", "--rounds", "10"]) == 0
    out = capsys.readouterr().out
    for title in ("Fig. 8", "Fig. 9", "as the μprocess grows"):
        assert title in out
    fig8 = out.split("Fig. 8")[1].split("\n\n")[0]
    for policy in ("copa", "coa", "sync", "classic"):
        assert f"\n  {policy} " in fig8
    assert "paper 3.7×" in fig8


TINY = dict(forks=2, spawns=5, rounds=10, sizes=[0, 100_000], window_ms=2, n=10, connections=2, requests=6)


def test_bench_paper_runs_every_figure_and_writes_its_report_and_plots(tmp_path, capsys):
    from ufos.bench.paper import bench_paper
    tables = bench_paper(["copa", "classic"], quick=True, out=tmp_path, settings=TINY)
    titles = [t.title.split(" —")[0] for t in tables]
    for figure in ("Fig. 3", "Fig. 4", "Fig. 5", "Fig. 6", "Fig. 7", "Fig. 8", "Fig. 9"):
        assert figure in titles
    out = capsys.readouterr().out
    assert "Where the shape agrees with the paper" in out and "BGSAVE FAILED" not in out
    report = (tmp_path / "report.md").read_text()
    assert "### Fig. 4" in report and "## Where the shape agrees" in report
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(pngs) >= 7 and len(list(tmp_path.glob("*.svg"))) == len(pngs)
    assert f"]({pngs[0]})" in report


@pytest.mark.skipif(not shutil.which("redis-benchmark"), reason="redis-benchmark (Debian's redis-tools) is not installed")
def test_bench_redis_measures_ours_and_the_real_server_with_and_without_pipelining(capsys):
    assert cli.main(["bench", "redis", "--requests", "2000", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert "best of 2" in out
    work = {}
    for test in ("SET", "GET", "SET -P 16", "GET -P 16"):
        row = next(line.strip() for line in out.splitlines() if line.strip().startswith(test + "  "))
        cells = row[len(test):].split()
        ours, real, ratio = (float(cell.replace(",", "")) for cell in cells[:3])
        assert ours > 0 and real > 0 and abs(ratio - ours / real) < 0.01
        work[test] = [float(cell.replace(",", "")) for cell in cells[-2:]]     # instructions, modeled rate
    # the machine's own work per request: a GET runs hundreds of instructions, and pipelining
    # sixteen to a read spreads the system calls, so each request costs less
    assert all(200 < instructions < 20_000 and modeled > 10_000 for instructions, modeled in work.values())
    assert work["GET -P 16"][0] < work["GET"][0] and work["GET -P 16"][1] > work["GET"][1]


def test_bench_redis_and_http_refuse_zero_runs(capsys):
    for what in ("redis", "http"):
        with pytest.raises(SystemExit):
            cli.main(["bench", what, "--runs", "0"])
        assert "--runs must be at least 1" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk (Debian's wrk) is not installed")
def test_bench_http_measures_one_and_two_workers(capsys):
    assert cli.main(["bench", "http", "--seconds", "1", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    for workers in (1, 2):
        row = next(line for line in out.splitlines() if f"/bin/httpd -w {workers}" in line)
        assert float(row.split()[3].replace(",", "")) > 0
        instructions, modeled = (float(cell.replace(",", "")) for cell in row.split()[-2:])
        assert 500 < instructions < 50_000 and modeled > 10_000
