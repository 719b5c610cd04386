"""The package's layers: imports go one way (articles ← indexing ← answering ← serving ← the
CLI), nothing but the CLI imports evaluation or bench, no module imports itself back through
others, and no module is over 400 lines. Read from the source, no import is run."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "assistant"
# The rank of each layer; a module may import its own layer and those below it. The shared
# vocabulary (settings, messages, schema, serialize) sits under everything.
LAYERS = {"base": 0, "articles": 1, "indexing": 2, "answering": 3, "serving": 4,
          "evaluation": 5, "bench": 5, "cli": 6}
BASE = {"settings", "messages", "schema", "serialize"}


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "cli"  # assistant/__init__.py
    if parts[1] in BASE:
        return "base"
    return parts[1] if parts[1] in LAYERS else "cli"  # cli, __main__


def _imports(path: Path) -> set[str]:
    """Every assistant module `path` imports, at its top or inside a function."""
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [f"{target}.{a.name}" for a in node.names] + [target]
        elif isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        else:
            continue
        for name in candidates:
            if name.startswith("assistant") and _exists(name):
                found.add(name)
                break
    return found - {module}


def _exists(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


GRAPH = {_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_never_go_up_a_layer(module: str) -> None:
    rank = LAYERS[_layer(module)]
    upward = [t for t in GRAPH[module] if LAYERS[_layer(t)] > rank]
    assert not upward, f"{module} ({_layer(module)}) imports {upward}"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_only_the_cli_imports_evaluation_and_bench(module: str) -> None:
    mine = _layer(module)
    for target in GRAPH[module]:
        if _layer(target) in ("evaluation", "bench") and _layer(target) != mine:
            assert mine == "cli", f"{module} imports {target}"


def test_no_module_imports_itself_back() -> None:
    cycles = []

    def visit(node: str, path: list[str], done: set[str]) -> None:
        for target in GRAPH[node]:
            target = target if target in GRAPH else target.rsplit(".", 1)[0]
            if target in path:
                cycles.append(path[path.index(target):] + [target])
            elif target not in done:
                visit(target, path + [target], done)
        done.add(node)

    done: set[str] = set()
    for module in GRAPH:
        if module not in done:
            visit(module, [module], done)
    # A package's __init__ re-exports its modules, which import siblings by their own path:
    # only cycles between modules count.
    real = [c for c in cycles if not any(m in c for m in _packages())]
    assert not real, real


def _packages() -> set[str]:
    return {_name(p) for p in PACKAGE.rglob("__init__.py")}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_modules_stay_under_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400
