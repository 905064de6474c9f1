"""The house rules, checked on the tree itself: the arrows between modules run one way, and no
file of app grows past 400 lines nor a function past 60.

Every import counts, including those under TYPE_CHECKING and inside functions: a circle hidden
in a function is still a circle a reader has to untangle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest


def import_cycles() -> list[list[str]]:
    """The strongly connected groups of two or more of app's modules (Tarjan's algorithm)."""
    graph = grimp.build_graph("app", cache_dir=None)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in edges.get(module, []):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def test_no_import_cycles_among_the_apps_modules() -> None:
    assert import_cycles() == []


def test_the_cycle_finder_finds_a_circle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import app.b\n"
    )
    (package / "b.py").write_text("def f():\n    import app.a\n")
    (package / "c.py").write_text("import app.a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in __import__("sys").modules if m == "app" or m.startswith("app.")]:
        monkeypatch.delitem(__import__("sys").modules, name)
    assert import_cycles() == [["app.a", "app.b"]]


MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
APP = Path(__file__).resolve().parents[1] / "app"


def long_files_and_functions(root: Path = APP) -> list[str]:
    """Files of app over 400 lines and functions over 60, as `path (lines)` or `path:line name`."""
    found = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root.parent)
        if text.count("\n") > MAX_FILE_LINES:
            found.append(f"{where} ({text.count(chr(10))} lines)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_file_over_400_lines_and_no_function_over_60() -> None:
    assert long_files_and_functions() == []


def test_the_size_check_finds_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(61))
    (tmp_path / "long.py").write_text(f"def f() -> None:\n{body}\n", encoding="utf-8")
    assert long_files_and_functions(tmp_path) == [f"{tmp_path.name}/long.py:1 f (62 lines)"]
