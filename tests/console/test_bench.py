"""The benchmarks run and print their figures (their speed is measured, never asserted)."""
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
