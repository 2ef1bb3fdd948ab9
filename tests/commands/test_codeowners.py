"""``codeowners``: the generated CODEOWNERS file."""
from __future__ import annotations

from build_hooks.commands.codeowners import FALLBACK_OWNER, render_codeowners
from build_hooks.domain.model import Agency, Registry
from support.site import run_cli


def test_codeowners_file_equals_generated():
    proc = run_cli("codeowners", "--check")
    assert proc.returncode == 0, proc.stderr


def test_codeowners_uses_reviewers_and_falls_back_to_the_it_officer():
    registry = Registry((Agency("so-a", "Sở A", "SA", "SỞ A", reviewers=("nguyen-van-a", "@so-a/bao-cao")),
                         Agency("so-b", "Sở B", "SB", "SỞ B")))
    lines = [line for line in render_codeowners(registry).splitlines() if line and not line.startswith("#")]
    assert lines == [f"*  {FALLBACK_OWNER}", "/submissions/*/so-a.md  @nguyen-van-a @so-a/bao-cao",
                     f"/submissions/*/so-b.md  {FALLBACK_OWNER}",
                     f"/submissions/*/_bao-cao-so-cong-thuong.md  {FALLBACK_OWNER}"]  # the Sở's report: last

