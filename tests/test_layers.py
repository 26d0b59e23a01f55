"""The package's import graph has no circles, and no module imports a layer above its own:
data flows one way, sources -> database -> build -> queries -> analysis -> interfaces.

Every `import` and `from ... import` of a summitry module counts, at module level or inside a
function (a lazy import is still a dependency), except those under `if TYPE_CHECKING:`,
which never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path, src: Path) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _typing_only(tree: ast.Module) -> set[int]:
    """Ids of import nodes inside `if TYPE_CHECKING:` blocks."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for body in node.body for n in ast.walk(body)}
    return out


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    """Module -> the summitry modules it imports."""
    files = {_module_name(p, src): p for p in src.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _typing_only(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in files and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_planted_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_reads_lazy_and_relative_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from pkg import b\n")
    (pkg / "b.py").write_text("from . import a\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n")
    (pkg / "c.py").write_text("")
    graph = import_graph(tmp_path)
    assert graph["pkg.a"] == {"pkg.b"}
    assert graph["pkg.b"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.b"]]


def test_no_import_circles_in_the_package() -> None:
    found = cycles(import_graph())
    assert not found, "import circles: " + "; ".join(" <-> ".join(c) for c in found)


#: The layers, lowest first. A module belongs to the layer of the longest name here that is
#: itself or a package holding it. A module may import its own layer or any below.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("summitry.config", "summitry.errors", "summitry.schema", "summitry.model",
                    "summitry.checker.gazetteer_data")),
    ("sources", ("summitry.sources",)),
    ("database", ("summitry.db",)),
    ("build", ("summitry.builder",)),
    ("queries", ("summitry.query",)),
    ("analysis and checker", ("summitry.analysis", "summitry.checker")),
    ("interfaces", ("summitry.interfaces", "summitry")),
]


def layer_of(module: str) -> int:
    matches = [(len(prefix), rank) for rank, (_name, prefixes) in enumerate(LAYERS) for prefix in prefixes
               if module == prefix or module.startswith(prefix + ".")]
    assert matches, f"{module} is in no layer: add it to LAYERS"
    return max(matches)[1]


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [f"{a} ({LAYERS[layer_of(a)][0]}) imports {b} ({LAYERS[layer_of(b)][0]})"
            for a, targets in sorted(graph.items()) for b in sorted(targets) if layer_of(b) > layer_of(a)]


def test_every_module_imports_only_its_layer_or_below() -> None:
    upward = upward_imports(import_graph())
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def test_the_layer_check_sees_an_upward_import() -> None:
    assert upward_imports({"summitry.db": {"summitry.query", "summitry.schema"}}) == [
        "summitry.db (database) imports summitry.query (queries)"]
    assert layer_of("summitry.interfaces.check_cli") == len(LAYERS) - 1  # the checker's CLI is an interface
    assert layer_of("summitry.builder.official") > layer_of("summitry.sources.official.parse")


def test_the_folders_are_the_layers() -> None:
    """Outside the foundation's few modules and the database, every module sits in its layer's
    folder: sources/, builder/, query/, analysis/, checker/, interfaces/."""
    pkg = Path(__file__).parents[1] / "src" / "summitry"
    flat = {p.stem for p in pkg.glob("*.py")}
    folders = {p.name for p in pkg.iterdir() if (p / "__init__.py").exists()}
    assert flat == {"__init__", "config", "errors", "schema", "model", "db"}
    assert folders == {"sources", "builder", "query", "analysis", "checker", "interfaces"}
