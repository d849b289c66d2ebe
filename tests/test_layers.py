"""The layers of ufos import downward only, read from the code's own imports (issue 11).

    front end   ufos.console, ufos.cli, ufos.runner, ufos.bench, ufos.fuzz, ufos.labs, ufos.grading,
                ufos.submissions, ufos.peers, ufos.__main__, ufos
      |  \\
    kernel   toolchain     ufos.kernel, ufos.toolchain: beside each other, never one under the other
      |  /
     abi                   ufos.abi: the executable format both load and write
      |
    machine                ufos.machine: imports nothing else of ufos

Every module of the package is read, not imported: each .py file with `ast` (every import
statement, those inside function bodies too), each Cython .pyx file with a regular expression
for its `import` and `cimport` lines. The front end may import anything; an import that a layer
may not make fails the first test, which names each such edge (module -> module).

The figures (modules per layer, cross-layer edges), for this tree or another checkout:

    python -m tests.test_layers [REPOSITORY]
"""
from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LAYERS = ("machine", "abi", "kernel", "toolchain", "front end")
MAY_IMPORT = {                               # besides itself
    "machine": set(),
    "abi": {"machine"},
    "kernel": {"machine", "abi"},
    "toolchain": {"machine", "abi"},
    "front end": {"machine", "abi", "kernel", "toolchain"},
}
PYX_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+c?import[ \t]+(.+)|c?import[ \t]+(.+))$",
                        re.MULTILINE)


def layer(module: str) -> str:
    for name in ("machine", "abi", "kernel", "toolchain"):
        if module == f"ufos.{name}" or module.startswith(f"ufos.{name}."):
            return name
    return "front end"


def modules(repo: Path) -> dict[str, Path]:
    """Every module of the ufos package under repo: dotted name -> its .py or .pyx file."""
    found = {}
    for path in sorted((repo / "ufos").rglob("*")):
        if path.suffix not in (".py", ".pyx") or "__pycache__" in path.parts:
            continue
        parts = path.relative_to(repo).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def absolute(name: str, level: int, module: str, is_package: bool) -> str:
    """The absolute name of `from .name import` (level dots) written in module."""
    if not level:
        return name
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imported(module: str, path: Path) -> set[tuple[str, str]]:
    """What module imports: {(from, alias)}; alias is "" for `import a.b`."""
    is_package = path.stem == "__init__"
    found = set()
    if path.suffix == ".py":
        for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
            if isinstance(node, ast.Import):
                found |= {(alias.name, "") for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = absolute(node.module or "", node.level, module, is_package)
                found |= {(base, alias.name) for alias in node.names}
    else:
        for m in PYX_IMPORT.finditer(path.read_text()):
            if m.group(1) is not None:
                dots = len(m.group(1)) - len(m.group(1).lstrip("."))
                base = absolute(m.group(1)[dots:], dots, module, is_package)
                names = m.group(2).strip().strip("()\\").split(",")
                found |= {(base, n.split()[0]) for n in names if n.split() and n.split()[0] != "*"}
                found.add((base, ""))
            else:
                found |= {(n.split()[0], "") for n in m.group(3).split(",") if n.split()}
    return found


def edges(repo: Path) -> tuple[dict[str, Path], set[tuple[str, str]]]:
    """The modules of ufos and the import edges between them: {(importer, imported)}."""
    mods = modules(repo)
    result = set()
    for module, path in mods.items():
        for base, alias in imported(module, path):
            target = f"{base}.{alias}" if alias and f"{base}.{alias}" in mods else base
            if (target == "ufos" or target.startswith("ufos.")) and target != module:
                result.add((module, target))
    return mods, result


def forbidden(all_edges) -> list[tuple[str, str]]:
    return sorted((a, b) for a, b in all_edges
                  if layer(a) != layer(b) and layer(b) not in MAY_IMPORT[layer(a)])


def layer_cycles(all_edges) -> list[list[str]]:
    """Every cycle of the graph of layers (an edge: some module of one imports a module of the other)."""
    graph = {name: set() for name in LAYERS}
    for a, b in all_edges:
        if layer(a) != layer(b):
            graph[layer(a)].add(layer(b))
    cycles = []

    def walk(path: list[str]) -> None:
        for nxt in sorted(graph[path[-1]]):
            if nxt == path[0]:
                cycles.append(path + [nxt])
            elif nxt not in path and LAYERS.index(nxt) > LAYERS.index(path[0]):
                walk(path + [nxt])          # each cycle once: from its first layer in LAYERS
    for start in LAYERS:
        walk([start])
    return cycles


def report(repo: Path = ROOT) -> str:
    """Modules per layer, cross-layer edges (per pair of layers, then each that is forbidden), cycles."""
    mods, all_edges = edges(repo)
    counts = Counter(layer(m) for m in mods)
    cross = Counter((layer(a), layer(b)) for a, b in all_edges if layer(a) != layer(b))
    lines = [f"{repo}: {len(mods)} modules, {len(all_edges)} import edges, "
             f"{sum(cross.values())} between layers",
             "modules per layer: " + ", ".join(f"{name} {counts[name]}" for name in LAYERS),
             "cross-layer edges:"]
    lines += [f"  {a} -> {b}: {n}" + ("" if b in MAY_IMPORT[a] else "   (forbidden)")
              for (a, b), n in sorted(cross.items(), key=lambda e: (LAYERS.index(e[0][0]), LAYERS.index(e[0][1])))]
    bad = forbidden(all_edges)
    lines.append(f"forbidden edges: {len(bad)}")
    lines += [f"  {a} -> {b}   ({layer(a)} -> {layer(b)})" for a, b in bad]
    cycles = layer_cycles(all_edges)
    lines.append(f"cycles between layers: {len(cycles)}")
    lines += ["  " + " -> ".join(c) for c in cycles]
    return "\n".join(lines)


# --- the tests ---------------------------------------------------------------------------------------
def test_each_layer_imports_only_the_layers_under_it():
    _mods, all_edges = edges(ROOT)
    bad = forbidden(all_edges)
    assert not bad, "imports against the layers:\n" + "\n".join(
        f"  {a} -> {b}   ({layer(a)} may not import {layer(b)})" for a, b in bad) + "\n\n" + report()


def test_no_import_cycle_between_layers():
    _mods, all_edges = edges(ROOT)
    cycles = layer_cycles(all_edges)
    assert not cycles, "cycles between layers:\n" + "\n".join(
        "  " + " -> ".join(c) for c in cycles) + "\n\n" + report()


def test_the_walker_sees_every_layer_and_imports_inside_functions(tmp_path):
    mods, all_edges = edges(ROOT)
    assert {layer(m) for m in mods} == set(LAYERS)
    assert any(path.suffix == ".pyx" for path in mods.values())
    package = tmp_path / "ufos"
    (package / "kernel").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "kernel" / "__init__.py").write_text("")
    (package / "kernel" / "a.py").write_text(
        "from . import b\n"
        "def f():\n    from ufos.toolchain.cc import compile_c\n    import ufos.console.run\n")
    (package / "kernel" / "b.py").write_text("")
    (package / "machine").mkdir()
    (package / "machine" / "c.pyx").write_text("from ufos.machine.d cimport X\ncimport ufos.abi\n")
    assert edges(tmp_path)[1] == {("ufos.kernel.a", "ufos.kernel.b"), ("ufos.kernel.a", "ufos.toolchain.cc"),
                                  ("ufos.kernel.a", "ufos.console.run"), ("ufos.machine.c", "ufos.machine.d"),
                                  ("ufos.machine.c", "ufos.abi")}
    assert forbidden(edges(tmp_path)[1]) == [("ufos.kernel.a", "ufos.console.run"),
                                             ("ufos.kernel.a", "ufos.toolchain.cc"),
                                             ("ufos.machine.c", "ufos.abi")]
    assert layer_cycles({("ufos.kernel.a", "ufos.toolchain.b"), ("ufos.toolchain.b", "ufos.kernel.c"),
                         ("ufos.cli", "ufos.kernel.a")}) == [["kernel", "toolchain", "kernel"]]


if __name__ == "__main__":
    print(report(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
