"""A git repository of submissions with a history: one letter received, then corrected."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from build_hooks.settings import ROOT
from support.site import submission_tree

SEED = (ROOT / "submissions" / "2023" / "ban-dan-toc.md").read_text(encoding="utf-8")
RECEIVED, CORRECTED = "2023-12-20T09:00:00+07:00", "2024-01-05T10:00:00+07:00"


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Văn thư Sở", GIT_AUTHOR_EMAIL="vt@example.invalid",
               GIT_COMMITTER_NAME="Văn thư Sở", GIT_COMMITTER_EMAIL="vt@example.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def corrected_letter_repository(repo: Path) -> Path:
    """``repo`` with ``submissions/``: Ban Dân tộc's letter received on 20/12/2023, one word added on 05/01/2024."""
    git(repo, "init", "-q", "-b", "main")
    submission_tree(repo / "submissions", {"ban-dan-toc.md": SEED})
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Nhận văn bản của Ban Dân tộc", date=RECEIVED)
    corrected = SEED.replace("theo đó, Ban Dân tộc không được giao", "theo đó, Ban Dân tộc tỉnh không được giao")
    (repo / "submissions" / "2023" / "ban-dan-toc.md").write_text(corrected, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Sửa lỗi chép tay theo bản ký", date=CORRECTED)
    return repo
