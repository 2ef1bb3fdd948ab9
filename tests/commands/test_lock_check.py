"""lock-check: a lock names only hash-pinned packages of the index, so pip can fetch or run nothing else."""
from __future__ import annotations

import subprocess
import sys

import pytest

from build_hooks.commands.lock_check import lock_problems
from build_hooks.settings import ROOT

HASH = "--hash=sha256:" + "0" * 64
HOSTILE = {
    "local-wheel": f"./evil-1.0-py3-none-any.whl {HASH}",
    "absolute-wheel": f"/tmp/evil-1.0-py3-none-any.whl {HASH}",
    "file-url": f"evil @ file:///tmp/evil-1.0-py3-none-any.whl {HASH}",
    "https-url": f"evil @ https://example.invalid/evil-1.0-py3-none-any.whl {HASH}",
    "vcs": f"evil @ git+https://example.invalid/evil.git {HASH}",
    "find-links": "--find-links ./wheels",
    "find-links-short": "-f wheels/",
    "index-url": "--index-url https://example.invalid/simple",
    "extra-index": "--extra-index-url https://example.invalid/simple",
    "trusted-host": "--trusted-host example.invalid",
    "editable": "-e .",
    "nested-requirements": "-r other.txt",
    "constraints": "-c other.txt",
    "no-hash": "evil==1.0",
    "range": f"evil>=1.0 {HASH}",
    "continued-path": f"evil==1.0 \\\n    {HASH} \\\n    ./evil.whl",
    "marker-url": f"evil==1.0 ; python_version >= '3' @ file:///x {HASH}",
}


def test_the_projects_own_lock_passes():
    assert lock_problems((ROOT / "requirements.lock").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("form", sorted(HOSTILE))
def test_anything_but_a_hash_pinned_index_package_is_refused_at_its_line(form):
    lock = f"# comment\nmkdocs==1.6.1 \\\n    {HASH}\n{HOSTILE[form]}\n"
    problems = lock_problems(lock, "requirements.lock")
    assert len(problems) == 1 and problems[0].startswith("requirements.lock:4: "), problems


def test_it_runs_with_python_isolated_before_anything_is_installed(tmp_path):
    """``python -I`` with no project on the path: the standard library is all it needs."""
    bad = tmp_path / "requirements.lock"
    bad.write_text(HOSTILE["local-wheel"] + "\n", encoding="utf-8")
    script = ROOT / "build_hooks" / "commands" / "lock_check.py"
    ok = subprocess.run([sys.executable, "-I", str(script), str(ROOT / "requirements.lock")], cwd=tmp_path,
                        capture_output=True, text=True)
    refused = subprocess.run([sys.executable, "-I", str(script), str(bad)], cwd=tmp_path, capture_output=True,
                             text=True)
    assert ok.returncode == 0, ok.stderr
    assert refused.returncode == 1 and f"{bad}:1:" in refused.stderr
