"""The package's import graph, read from the code with ``ast``: one way, no circle, no hidden import.

Layers, lowest first; a module may import its own layer and those below:
errors -> (claim record, LaTeX front) -> lib -> checks -> claims -> verify -> reports -> the
``convproof`` facade. No import of a project module inside a function (the usual way to hide a
circle), and no module over the size limit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.layout import modules

MODULES = modules()
LAYERS = (
    ("convproof.derivations.errors",),
    (
        "convproof.derivations.claim",
        "convproof.derivations.outcome",
        "convproof.derivations.finding",
        "convproof.derivations.latex",
    ),
    ("convproof.derivations.lib",),
    ("convproof.derivations.checks",),
    ("convproof.derivations.claims",),
    ("convproof.verify",),
    ("convproof.reports",),
    ("convproof",),
)
MAX_LINES = 300


def layer(name: str) -> int:
    best = max(
        (
            (len(prefix), rank)
            for rank, prefixes in enumerate(LAYERS)
            for prefix in prefixes
            if name == prefix or name.startswith(prefix + ".")
        ),
    )
    return best[1]


def _target(node: ast.ImportFrom, name: str, path: Path) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _project_module(dotted: str) -> str | None:
    while dotted and dotted not in MODULES:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


def imports() -> list[tuple[str, str, int, bool]]:
    """(importer, imported, line, inside a function) for every import of a project module."""
    found = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        inner = {id(node) for f in functions for node in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _target(node, name, path)
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names
                ]
            else:
                continue
            for target in targets:
                module = _project_module(target)
                if module and module != name:
                    found.append((name, module, node.lineno, id(node) in inner))
    return found


IMPORTS = imports()


def test_the_graph_was_read():
    assert len(MODULES) > 80 and len(IMPORTS) > 150


def test_no_import_circle():
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for importer, imported, _, _ in IMPORTS:
        graph[importer].add(imported)
    # a package's __init__ importing its own submodules is how a package exposes them, not a circle
    # unless the submodule imports the package back; Tarjan's strongly connected components
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert circles == []


def test_no_project_import_inside_a_function():
    inner = [f"{a} imports {b} (line {line})" for a, b, line, inside in IMPORTS if inside]
    assert inner == []


def test_imports_go_one_way():
    upward = [f"{a} imports {b} (line {line})" for a, b, line, _ in IMPORTS if layer(b) > layer(a)]
    assert upward == []


def test_library_knows_no_claim_and_no_report():
    lib = [f"{a} imports {b}" for a, b, _, _ in IMPORTS if ".lib" in a and (".claims" in b or ".claim" == b[-6:])]
    assert lib == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it where it has two subjects"
