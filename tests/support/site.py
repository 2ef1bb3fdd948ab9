"""Building sites, submission trees and the command line in subprocesses, as a maintainer would."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from build_hooks.settings import QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV


@dataclass
class Build:
    returncode: int
    output: str
    """stdout and stderr of ``mkdocs build``, together."""
    site: Path

    def page(self, path: str) -> str:
        """HTML of a built page, e.g. ``2023/bao-cao-tong-hop/index.html``."""
        return (self.site / path).read_text(encoding="utf-8")


def build_site(submissions: Path | None, site: Path, strict: bool = True, config: Path | None = None,
               env: dict | None = None) -> Build:
    """Run ``mkdocs build`` in a subprocess, as a maintainer would, on ``submissions``."""
    args, extra = _build_args(submissions, site, strict, config, env)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=dict(os.environ, **extra),
                          capture_output=True, text=True)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def build_sites(builds: list[tuple[Path, Path]], strict: bool = True, env: dict | None = None) -> list[Build]:
    """``build_site`` of each ``(submissions, site)``, all in one subprocess (``support.build_many``): for
    many builds that stop early, where starting Python and importing MkDocs would be most of the time."""
    runs = [_build_args(submissions, site, strict, None, env) for submissions, site in builds]
    proc = subprocess.run([sys.executable, "-m", "support.build_many"], cwd=ROOT, input=json.dumps(runs),
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "tests") + os.pathsep + str(ROOT)),
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return [Build(code, output, site) for (code, output), (_, site) in zip(json.loads(proc.stdout), builds,
                                                                          strict=True)]


def _build_args(submissions: Path | None, site: Path, strict: bool, config: Path | None,
                env: dict | None) -> tuple[list[str], dict[str, str]]:
    """The arguments of ``mkdocs`` and the variables added to its environment."""
    extra = {**QUIET_MKDOCS_ENV, **(env or {})}
    if submissions is not None:
        extra[SUBMISSIONS_ENV] = str(submissions)
    args = ["build", "-f", str(config or ROOT / "mkdocs.yml"), "-d", str(site)]
    return args + (["--strict"] if strict else []), extra


BUILD_TODAY = "2024-01-15"
"""Build date the checker's tests use, so that "a date after the build date" is testable."""


def submission_tree(root: Path, files: dict) -> Path:
    """A tiny ``submissions/`` tree: the real registry and 2023 round plus ``files``.

    ``files`` maps a name under 2023/ to its text or bytes.
    """
    import shutil

    (root / "2023").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "submissions" / "agencies.yml", root / "agencies.yml")
    shutil.copy(ROOT / "submissions" / "2023" / "round.yml", root / "2023" / "round.yml")
    for name, content in files.items():
        target = root / "2023" / name
        target.parent.mkdir(parents=True, exist_ok=True)  # ``originals/<agency>.pdf``
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m build_hooks ARGS`` in a subprocess, as an author or CI would run it."""
    environ = dict(os.environ, **QUIET_MKDOCS_ENV, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "build_hooks", *args], cwd=cwd or ROOT, env=environ,
                          capture_output=True, text=True)


def config_with_pages(folder: Path, pages: dict[str, str]) -> Path:
    """A copy of ``mkdocs.yml`` in ``folder`` whose docs are the project's plus ``pages`` (path -> Markdown).

    For a test that needs a hand-written page the repository does not have; the theme, the hooks and
    the watched folder stay the project's own.
    """
    import shutil

    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = (config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
              .replace("  - build_hooks/mkdocs_hooks.py", f"  - {ROOT / 'build_hooks' / 'mkdocs_hooks.py'}")
              .replace("  - submissions\n", f"  - {ROOT / 'submissions'}\n"))
    target = folder / "mkdocs.yml"
    target.write_text(config + f"docs_dir: {docs}\n", encoding="utf-8")
    return target
