"""The core stays free of MkDocs: only the adapter may import it."""
from __future__ import annotations

import ast
import subprocess
import sys

from build_hooks.settings import ROOT

ADAPTER = "mkdocs_hooks.py"


def test_core_modules_do_not_import_mkdocs():
    offenders = []
    for path in sorted((ROOT / "build_hooks").rglob("*.py")):
        if path.name == ADAPTER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [(path.name, n) for n in names if n.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_core_runs_with_mkdocs_unimportable():
    code = ("import sys; sys.modules['mkdocs'] = None\n"
            "from pathlib import Path\n"
            "from build_hooks.load.corpus import load_corpus\nfrom build_hooks.site.plan import plan_pages\n"
            "c, p = load_corpus(Path('submissions'))\nprint(len(plan_pages(c)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 5
