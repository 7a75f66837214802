"""The layout shows the pipeline: reading -> model -> pages -> build, each
package importing only the layers below it, and no module importing itself
back through others (read from the source, as an import would see it)."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
BASE = {"generator", "generator.errors", "generator.parallel"}
# A package, and the packages below it that it may import.
LAYERS = {
    "generator.model": {"generator.model"},
    "generator.reading": {"generator.reading", "generator.model"},
    "generator.pages": {"generator.pages", "generator.model"},
    "generator.build": {"generator.build", "generator.pages", "generator.model"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, top_level_only: bool) -> set[str]:
    """generator modules `path` imports (not those under `if TYPE_CHECKING`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    nodes = tree.body if top_level_only else ast.walk(tree)
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for child in node.body for n in ast.walk(child)}
    for node in nodes:
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found |= {f"{node.module}.{a.name}" if _is_module(f"{node.module}.{a.name}") else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
    return found


def _is_module(name: str) -> bool:
    path = GENERATOR.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _layer(module: str) -> str | None:
    return next((layer for layer in LAYERS if module == layer or module.startswith(layer + ".")), None)


def sources() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(GENERATOR.rglob("*.py"))}


def test_each_package_imports_only_the_layers_below_it():
    wrong = []
    for name, path in sources().items():
        layer = _layer(name)
        if layer is None:
            continue         # cli, check, serve: the commands, which use everything
        for target in imports(path, top_level_only=False):
            if target not in BASE and _layer(target) not in LAYERS[layer]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_module_imports_itself_back():
    graph = {name: {t for t in imports(path, top_level_only=True) if t in sources()} for name, path in sources().items()}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in done:
                visit(nxt, trail + [nxt])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    assert cycles == []
