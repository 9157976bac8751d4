"""The code's shape: packages import each other without cycles, modules stay small, and the
coder's functions are short enough to read as one rule each."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline

PACKAGE = Path(dateline.__file__).parent
#: Longest function (lines, with its docstring) in the event coder.
CODER_FUNCTION_LINES = 60
MODULE_LINES = 500


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str | None:
    """The package or top-level module a module belongs to (``dateline.coding.rules.base`` ->
    ``coding``), None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _runtime_imports(path: Path) -> set[str]:
    """Modules of dateline imported at module level (not under ``if TYPE_CHECKING``, not inside
    functions, which import lazily on purpose)."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("dateline"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("dateline"):
                continue
            if node.module is None:  # "from .. import syntax": the names are modules (or attributes)
                found.update(n for n in (f"{target}.{a.name}" for a in node.names) if _is_module(n))
            else:
                found.add(target)
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        source = _unit(_module(path))
        for target in map(_unit, _runtime_imports(path)):
            if source and target and source != target:
                edges.setdefault(source, set()).add(target)
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt, [*path, nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_no_import_cycle_between_packages() -> None:
    edges = _graph()
    assert "actors" in edges["coref"] and "syntax" in edges["coding"]  # the graph sees real imports
    assert _cycle(edges) is None, " -> ".join(_cycle(edges) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None


def test_coreference_and_quotes_do_not_import_the_coder() -> None:
    edges = _graph()
    assert "coding" not in edges.get("coref", set()) and "coding" not in edges.get("quoting", set())


def test_coder_functions_are_short() -> None:
    longest = max(
        (node.end_lineno - node.lineno + 1, f"{path.name}:{node.name}")
        for path in (PACKAGE / "coding").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.end_lineno is not None
    )
    assert longest[0] < CODER_FUNCTION_LINES, longest


def test_modules_are_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert max(sizes.values()) < MODULE_LINES, max(sizes, key=lambda n: sizes[n])
