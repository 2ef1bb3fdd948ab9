"""The shape of the code: stages import downward only, no import cycles, and only the adapter imports MkDocs.

The stage order is stated once, in the README's map (``README_MAP``): one line a package or
root module of ``build_hooks/``, earliest first. A module may import from its own stage and
from earlier ones; an import anywhere in a module counts, inside a function too (an import
put there to dodge a cycle is still a cycle).
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from build_hooks.settings import ROOT

ADAPTER = {"mkdocs_hooks", "mkdocs_serve"}
"""The adapter's modules: the only ones that may import MkDocs or Material."""
MAP_START, MAP_END = "<!-- stages: start -->", "<!-- stages: end -->"
"""The README block that lists the stages, in order."""
PACKAGE = ROOT / "build_hooks"


def read_stages(readme: str) -> list[str]:
    """The stages named by the README's map, earliest first: ``domain``, ``settings``, …"""
    block = readme.split(MAP_START, 1)[1].split(MAP_END, 1)[0]
    names = re.findall(r"^\s*([a-z_]+)(?:/|\.py)\s", block, flags=re.MULTILINE)
    return [name for name in names if name != "build_hooks"]


def module_names(root: Path = PACKAGE) -> dict[str, Path]:
    """``build_hooks.load.sections`` -> its file, for every module of the package."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project's modules ``path`` imports, wherever in the file the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("build_hooks"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("build_hooks")}
    return found


def stage_of(module: str) -> str:
    """``build_hooks.load.sections`` -> ``load``; ``build_hooks.settings`` -> ``settings``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def upward_imports(graph: dict[str, set[str]], order: list[str]) -> list[str]:
    """Every import of a later stage by an earlier one, as ``importer -> imported``."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                  if stage_of(a) and stage_of(b) and rank[stage_of(b)] > rank[stage_of(a)])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the project's modules it imports (a package's ``__init__`` counts as the package)."""
    modules = module_names(root)
    return {name: {t for t in imports_of(path, modules) if t in modules and t != name}
            for name, path in modules.items()}


STAGES = read_stages((ROOT / "README.md").read_text(encoding="utf-8"))
GRAPH = import_graph()


def test_the_readme_map_names_every_stage_once():
    on_disk = {stage_of(m) for m in GRAPH if stage_of(m) and stage_of(m) != "__init__"}
    assert len(STAGES) == len(set(STAGES)), STAGES
    assert set(STAGES) == on_disk, (set(STAGES) ^ on_disk)
    assert STAGES[0] == "domain" and STAGES[-1] == "mkdocs_hooks"


def test_stages_import_downward_only():
    assert upward_imports(GRAPH, STAGES) == []


def test_no_import_cycles():
    assert cycles(GRAPH) == []


def _broken_copy(folder: Path, module: str, extra: str) -> dict[str, set[str]]:
    """The import graph of a copy of the package in which ``module`` (a path under it) ends with ``extra``."""
    copy = folder / "build_hooks"
    for path in module_names().values():
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    broken = copy / module
    broken.write_text(broken.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return import_graph(copy)


def test_the_check_catches_an_upward_import(tmp_path):
    graph = _broken_copy(tmp_path, "domain/numbers.py", "\nfrom build_hooks.render.report import render_report\n")
    assert upward_imports(graph, STAGES) == ["build_hooks.domain.numbers -> build_hooks.render.report"]


def test_the_check_catches_a_cycle_dodged_inside_a_function(tmp_path):
    graph = _broken_copy(tmp_path, "letter_text/sanitize.py",
                         "\n\ndef _late():\n    from build_hooks.letter_text.convert import LetterRenderer\n")
    assert upward_imports(graph, STAGES) == []
    assert cycles(graph) == [["build_hooks.letter_text.convert", "build_hooks.letter_text.sanitize"]]


def test_only_the_adapter_imports_mkdocs():
    offenders = []
    for module, path in module_names().items():
        if module.rsplit(".", 1)[-1] in ADAPTER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [(module, n) for n in names if n.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_core_runs_with_mkdocs_unimportable():
    code = ("import sys; sys.modules['mkdocs'] = None\n"
            "from pathlib import Path\n"
            "from build_hooks.corpus.tree import load_corpus\nfrom build_hooks.site.plan import plan_pages\n"
            "c, p = load_corpus(Path('submissions'))\nprint(len(plan_pages(c)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 5
