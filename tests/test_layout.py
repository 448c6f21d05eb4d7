"""The shape of the code: no module imports, even lazily, a module that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = Path(ROOT) / "nvlint"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names if alias.name.startswith("nvlint"))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("nvlint"):
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    edges.add(submodule if submodule in modules else node.module)
        graph[name] = {edge for edge in edges if edge in modules and edge != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for edge in sorted(graph[module]):
            if edge not in index:
                visit(edge)
                low[module] = min(low[module], low[edge])
            elif edge in stack:
                low[module] = min(low[module], index[edge])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_recognisers_do_not_import_file_readers():
    graph = import_graph()
    assert [
        (m, sorted(e for e in edges if e.startswith("nvlint.sources")))
        for m, edges in graph.items()
        if m.startswith("nvlint.tools") and any(e.startswith("nvlint.sources") for e in edges)
    ] == []


def test_the_readme_map_matches_the_packages():
    """`How nvlint is built` names every package of nvlint, and every module it names exists."""
    import re

    readme = (Path(ROOT) / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How nvlint is built", 1)[1].split("\n## ", 1)[0]
    packages = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and any(p.glob("*.py")))
    assert [p for p in packages if f"nvlint/{p}/" not in section] == []
    named = set(re.findall(r"nvlint/[\w/]+\.py", section))
    assert sorted(path for path in named if not (Path(ROOT) / path).exists()) == []
    for package in packages:  # a module named in a package's line: `plan.py` in the `nvlint/check/` line
        for line in section.split("\n- **")[1:]:
            if line.startswith(f"`nvlint/{package}/`"):
                modules = re.findall(r"`(\w+)\.py`", line)
                missing = [m for m in modules if not list((PACKAGE / package).rglob(f"{m}.py"))]
                assert missing == [], (package, missing)
