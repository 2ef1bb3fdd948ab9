"""The ownership guard: one pull request changes one agency's letter, and nothing else.

An agency's officer must not be able to change another agency's report, and a
change to code, configuration, the registry or a round must not ride along with
a submission (it would be reviewed as "just a letter"). ``judge`` sorts the
changed paths into groups and says which files to move to another pull request.
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field

from build_hooks.settings import ROOT

SUBMISSION = re.compile(r"^submissions/(?P<year>\d{4})/(?P<agency>[^/]+)\.md$")


@dataclass(frozen=True)
class Verdict:
    submissions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Changed submission files per agency id."""
    other: tuple[str, ...] = ()
    """Changed files that are not submissions: code, configuration, registry, rounds."""
    messages: tuple[str, ...] = ()
    """Why the pull request must be split, in Vietnamese; empty when it may proceed."""

    @property
    def ok(self) -> bool:
        return not self.messages


def classify(paths: list[str]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    by_agency: dict[str, list[str]] = {}
    other = []
    for path in sorted(set(paths)):
        if m := SUBMISSION.match(path):
            by_agency.setdefault(m["agency"], []).append(path)
        else:
            other.append(path)
    return {k: tuple(v) for k, v in by_agency.items()}, tuple(other)


def judge(paths: list[str]) -> Verdict:
    """Decide on the changed ``paths`` (repository-relative, ``/``-separated)."""
    submissions, other = classify(paths)
    messages = []
    if len(submissions) > 1:
        groups = "; ".join(f"{agency}: {', '.join(files)}" for agency, files in submissions.items())
        keep = next(iter(submissions))
        move = [f for agency, files in submissions.items() if agency != keep for f in files]
        messages.append(f"Pull request sửa bài nộp của {len(submissions)} cơ quan ({groups}). "
                        f"Mỗi pull request chỉ sửa bài của một cơ quan: giữ {keep}, chuyển sang pull request khác: "
                        + ", ".join(move) + ".")
    if submissions and other:
        messages.append("Pull request vừa sửa bài nộp vừa sửa mã nguồn, cấu hình, danh mục cơ quan hoặc đợt báo cáo. "
                        "Tách các tệp sau sang một pull request riêng: " + ", ".join(other) + ".")
    return Verdict(submissions, other, tuple(messages))


def changed_files(base: str, cwd=None) -> list[str]:
    """Files changed on this branch since it left ``base`` (``git diff base...HEAD``), renames as delete + add."""
    out = subprocess.run(["git", "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD"], cwd=cwd,
                         capture_output=True, text=True, check=True).stdout
    return [p for p in out.split("\0") if p]


def cmd_guard(args) -> int:
    """Fail when a pull request mixes agencies, or a submission with anything else."""

    try:
        paths = args.files if args.files is not None else changed_files(args.base, cwd=ROOT)
    except subprocess.CalledProcessError as exc:
        print(f"guard: không so sánh được với '{args.base}': {exc.stderr.strip()}", file=sys.stderr)
        return 2
    verdict = judge(paths)
    for path in paths:
        print(f"  {path}", file=sys.stderr)
    for message in verdict.messages:
        print(f"::error title=guard::{message}" if args.format == "github" else f"guard: lỗi: {message}")
    if verdict.ok:
        agencies = ", ".join(verdict.submissions) or "không có bài nộp"
        print(f"guard: {len(paths)} tệp thay đổi ({agencies}); hợp lệ.", file=sys.stderr)
    return 0 if verdict.ok else 1


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    g = sub.add_parser("guard", help=cmd_guard.__doc__)
    g.add_argument("--base", default="origin/main", help="the branch the pull request targets")
    g.add_argument("--files", nargs="*", help="judge these paths instead of asking git")
    g.add_argument("--format", choices=("text", "github"), default="text")
    g.set_defaults(func=cmd_guard)
