"""What every benchmark prints: tables of figures, beside the paper's where it has them, as text for
the terminal and Markdown for the report; and plots of them when matplotlib is installed (the
`plots` extra: pip install 'ufos[plots]')."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Table:
    title: str
    columns: list[str]                       # the first names the rows
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    plot: dict | None = None                 # how to draw it: {"kind": "bar"|"line", "x":..., "series": [...], "y": label}

    def add(self, *cells) -> None:
        self.rows.append(list(cells))

    def cells(self) -> list[list[str]]:
        return [self.columns] + [[cell_text(c) for c in row] for row in self.rows]

    def text(self) -> str:
        cells = self.cells()
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.columns))]
        lines = [self.title]
        for n, row in enumerate(cells):
            lines.append("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                           for i, (c, w) in enumerate(zip(row, widths))).rstrip())
            if n == 0:
                lines.append("  " + "  ".join("-" * w for w in widths))
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)

    def markdown(self) -> str:
        cells = self.cells()
        out = [f"### {self.title}", "", "| " + " | ".join(cells[0]) + " |",
               "|" + "|".join("---" if i == 0 else "---:" for i in range(len(cells[0]))) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        if self.notes:
            out += [""] + [f"- {note}" for note in self.notes]
        return "\n".join(out) + "\n"


def cell_text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def show(table: Table) -> None:
    print(table.text(), flush=True)
    print(flush=True)


def say(message: str) -> None:
    """Progress on stderr, so that a long benchmark is never silent and stdout stays the tables."""
    print(f"  … {message}", file=sys.stderr, flush=True)


def ratio(a, b) -> float | None:
    return a / b if a and b else None


def write_report(tables: list[Table], out: Path, preamble: str) -> list[Path]:
    """out/report.md, and out/fig-N.png and .svg for each table that says how to plot itself."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "report.md"]
    plots = draw(tables, out)
    body = [preamble]
    for table, images in zip(tables, plots):
        body.append(table.markdown())
        body += [f"![{table.title}]({image.name})\n" for image in images if image.suffix == ".png"]
    written[0].write_text("\n".join(body))
    return written + [p for images in plots for p in images]


def draw(tables: list[Table], out: Path) -> list[list[Path]]:
    """Plot each table that has a plot spec; [] for each when matplotlib is not installed."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        say("matplotlib is not installed: no plots (pip install 'ufos[plots]')")
        return [[] for _ in tables]
    result = []
    for n, table in enumerate(tables):
        spec = table.plot
        if not spec:
            result.append([])
            continue
        fig, ax = plt.subplots(figsize=(6.4, 4))
        labels = [str(row[0]) for row in table.rows]
        if spec["kind"] == "bar":
            width = 0.8 / len(spec["series"])
            for i, (name, column) in enumerate(spec["series"]):
                values = [row[column] or 0 for row in table.rows]
                ax.bar([x + i * width for x in range(len(labels))], values, width, label=name)
            ax.set_xticks([x + width * (len(spec["series"]) - 1) / 2 for x in range(len(labels))], labels)
        else:           # the paper's own figures dashed, in the colour of the policy they match
            colours = {}
            for name, column in spec["series"]:
                values = [float("nan") if row[column] is None else row[column] for row in table.rows]
                theirs = name.startswith("paper ")
                line, = ax.plot(labels, values, marker="o" if not theirs else ".", label=name,
                                linestyle="--" if theirs else "-", color=colours.get(name.removeprefix("paper ")))
                colours[name] = line.get_color()
        if spec.get("log"):
            ax.set_yscale("log")
        ax.set_xlabel(spec.get("x", table.columns[0]))
        ax.set_ylabel(spec["y"])
        ax.set_title(table.title, fontsize=10)
        ax.legend(fontsize=8)
        fig.tight_layout()
        stem = out / slug(table.title, n)
        images = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
        for image in images:
            fig.savefig(image)
        plt.close(fig)
        result.append(images)
    return result


def slug(title: str, n: int) -> str:
    """fig-4 for "Fig. 4 — ...", else table-N."""
    head = title.split("—")[0].strip().lower()
    return head.replace(". ", "-") if head.startswith("fig. ") else f"table-{n + 1}"
