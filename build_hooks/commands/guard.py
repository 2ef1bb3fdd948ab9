"""The ownership guard: who may change what, judged from the target branch's registry.

An agency's officer must not be able to change another agency's report, and a
change to code, configuration, the registry or a round must not ride along with
a submission (it would be reviewed as "just a letter"). So:

* the registry on the *base* branch (never the pull request's own copy, which it
  could edit) names each agency's ``members`` and the site's ``maintainers``;
* ``--author LOGIN`` (the pull request's author) may change an agency's letter
  only as its member or a maintainer; deleting a letter, and any change outside
  ``submissions/<year>/<agency>.md`` (registry, round, code, workflows), needs a
  maintainer;
* one pull request changes one agency's letters, and letters never ride along
  with other files;
* under ``submissions/`` only regular files with names ``[a-z0-9-]+.md`` (plus
  the registry and round files) are accepted: a symlink would publish whatever
  it points to, and an odd name could forge a workflow annotation.

The pull-request workflow runs this module from a second checkout of the base
branch, so a pull request cannot change the judge. Everything printed is escaped
(control characters shown as ``\\xNN``; annotations as GitHub requires).
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from build_hooks.domain.model import REGISTRY_FILE, REPORT_FILE, ROUND_FILE, YEAR_FOLDER
from build_hooks.settings import ROOT

SUBMISSION = re.compile(rf"^submissions/(?P<year>{YEAR_FOLDER})/(?P<agency>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
ORIGINAL = re.compile(rf"^submissions/(?P<year>{YEAR_FOLDER})/originals/(?P<agency>[a-z0-9]+(?:-[a-z0-9]+)*)"
                      r"\.(?:pdf|docx|txt)$")
"""The letter as received (``corpus/originals.py``): the agency's file like its letter, judged the same way."""
DATA_FILES = re.compile(rf"^submissions/(?:{re.escape(REGISTRY_FILE)}"
                        rf"|{YEAR_FOLDER}/(?:{re.escape(ROUND_FILE)}|{re.escape(REPORT_FILE)}))$")
"""The registry, the rounds and the Sở's own reports: maintainers' files, never an agency's."""
_UNICODE_YEAR = re.compile(r"^submissions/(\d{4})/")
"""A year folder in digits other than ASCII (full-width ２０２３): named as such by the guard."""


def letter_file(path: str) -> re.Match | None:
    """The agency a letter or its kept original belongs to, as a match with ``agency``; None for other paths."""
    return SUBMISSION.match(path) or ORIGINAL.match(path)
REGULAR_MODES = {"100644", "100755"}
SYMLINK_MODE = "120000"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Change:
    """One changed path as ``git diff --raw`` reports it (renames as delete + add)."""

    path: str
    status: str = "M"
    """``A`` added, ``M`` modified, ``D`` deleted, ``T`` type changed."""
    mode: str = "100644"
    """Mode after the change (before it, for a deletion): ``120000`` is a symlink, ``160000`` a submodule."""


@dataclass(frozen=True)
class Verdict:
    """What a pull request changes, and whether one pull request may change it all."""
    submissions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Changed submission files per agency id."""
    other: tuple[str, ...] = ()
    """Changed files that are not submissions: code, configuration, registry, rounds."""
    messages: tuple[str, ...] = ()
    """Why the pull request is refused, in Vietnamese; empty when it may proceed."""

    @property
    def ok(self) -> bool:
        """True when the pull request may be merged as it is."""
        return not self.messages


@dataclass(frozen=True)
class Access:
    """Who acts for whom, from the base branch's registry."""

    maintainers: frozenset[str] = frozenset()
    members: dict[str, frozenset[str]] = field(default_factory=dict)
    """Agency id -> logins (lower case)."""


def shown(path: str) -> str:
    """``path`` safe to print on one line: control characters as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", path)


def escape_data(text: str) -> str:
    """Workflow-command data escaping, as ``@actions/core`` does it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def classify(paths: list[str]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Split changed paths into submissions by agency and everything else."""
    by_agency: dict[str, list[str]] = {}
    other = []
    for path in sorted(set(paths)):
        if m := letter_file(path):
            by_agency.setdefault(m["agency"], []).append(path)
        else:
            other.append(path)
    return {k: tuple(v) for k, v in by_agency.items()}, tuple(other)


def _files_problems(changes: list[Change]) -> list[str]:
    messages = []
    for change in changes:
        if not change.path.startswith("submissions/"):
            if _CONTROL.search(change.path):
                messages.append(f"Tên tệp '{shown(change.path)}' có ký tự điều khiển; đổi tên tệp.")
            continue
        if change.status != "D" and change.mode not in REGULAR_MODES:
            kind = ("liên kết tượng trưng (symlink)" if change.mode == SYMLINK_MODE
                    else f"không phải tệp thường ({change.mode})")
            messages.append(f"'{shown(change.path)}' là {kind}; trong submissions/ chỉ nhận tệp thường. "
                            "Thay bằng chính nội dung văn bản.")
        elif (m := _UNICODE_YEAR.match(change.path)) and not m[1].isascii():
            messages.append(f"Thư mục năm trong '{shown(change.path)}' không viết bằng chữ số thường 0–9 "
                            f"({' '.join(f'U+{ord(c):04X}' for c in m[1])}); đổi tên thư mục thành năm viết bằng "
                            "chữ số 0–9, ví dụ submissions/2024/.")
        elif not letter_file(change.path) and not DATA_FILES.match(change.path):
            messages.append(f"Tên tệp '{shown(change.path)}' không hợp lệ: bài nộp là "
                            "submissions/<năm>/<mã-cơ-quan>.md, mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang.")
    return messages


def judge(paths_or_changes: list, author: str | None = None, access: Access | None = None) -> Verdict:
    """Decide on the changed paths (repository-relative, ``/``-separated) or ``Change`` records.

    Without ``author`` only the shape of the change is judged (one agency, nothing alongside,
    regular files with proper names); with it, also who may make it (``access``).
    """
    changes = [c if isinstance(c, Change) else Change(c) for c in paths_or_changes]
    paths = [c.path for c in changes]
    submissions, other = classify(paths)
    messages = _files_problems(changes)
    if len(submissions) > 1:
        groups = "; ".join(f"{agency}: {', '.join(files)}" for agency, files in submissions.items())
        keep = next(iter(submissions))
        move = [f for agency, files in submissions.items() if agency != keep for f in files]
        messages.append(f"Pull request sửa bài nộp của {len(submissions)} cơ quan ({groups}). "
                        f"Mỗi pull request chỉ sửa bài của một cơ quan: giữ {keep}, chuyển sang pull request khác: "
                        + ", ".join(move) + ".")
    if submissions and other:
        messages.append("Pull request vừa sửa bài nộp vừa sửa mã nguồn, cấu hình, danh mục cơ quan hoặc đợt báo cáo. "
                        "Tách các tệp sau sang một pull request riêng: " + ", ".join(map(shown, other)) + ".")
    if author is not None:
        messages += _who_problems(changes, author.lower(), access or Access())
    return Verdict(submissions, other, tuple(messages))


def _who_problems(changes: list[Change], author: str, access: Access) -> list[str]:
    if author in access.maintainers:
        return []
    messages = []
    other = [shown(c.path) for c in changes if not letter_file(c.path)]
    if other:
        messages.append(f"Tài khoản {author} không phải người quản trị trang nên không được sửa: "
                        + ", ".join(other) + ". Người quản trị (khóa maintainers trong submissions/agencies.yml) "
                        "sẽ làm việc này.")
    for change in changes:
        if not (m := letter_file(change.path)):
            continue
        agency = m["agency"]
        if author not in access.members.get(agency, frozenset()):
            messages.append(f"Tài khoản {author} không thuộc cơ quan {agency} (khóa members của cơ quan trong "
                            f"submissions/agencies.yml) nên không được sửa {change.path}.")
        elif change.status == "D":
            messages.append(f"Chỉ người quản trị trang được xóa bài nộp đã đăng ({change.path}); "
                            "muốn thay văn bản, hãy sửa nội dung tệp.")
    return messages


def _git(cwd, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def changed(base: str, cwd=None) -> list[Change]:
    """Changes on this branch since it left ``base`` (``git diff --raw base...HEAD``), renames as delete + add."""
    out = _git(cwd, "diff", "--raw", "--no-renames", "-z", f"{base}...HEAD")
    fields = out.split("\0")
    result = []
    for head, path in zip(fields[0::2], fields[1::2], strict=False):
        if not head.startswith(":"):
            continue
        old_mode, new_mode, _old, _new, status = head[1:].split()
        result.append(Change(path, status[0], old_mode if status[0] == "D" else new_mode))
    return result


def changed_files(base: str, cwd=None) -> list[str]:
    """Paths changed on this branch since it left ``base``."""
    return [c.path for c in changed(base, cwd)]


def base_access(base: str, cwd=None) -> Access:
    """Members and maintainers from the registry as it is on ``base`` (the pull request cannot edit that)."""
    from build_hooks.load.registry import parse_registry

    text = _git(cwd, "show", f"{base}:submissions/{REGISTRY_FILE}")
    registry, _problems = parse_registry(text, f"{base}:submissions/{REGISTRY_FILE}")
    return Access(frozenset(registry.maintainers), {a.id: frozenset(a.members) for a in registry.agencies})


def cmd_guard(args) -> int:
    """Fail when a pull request changes what its author may not, mixes agencies, or mixes a letter with code."""
    repo = Path(args.repo)
    try:
        changes = [Change(p) for p in args.files] if args.files is not None else changed(args.base, cwd=repo)
        access = base_access(args.base, cwd=repo) if args.author is not None else None
    except subprocess.CalledProcessError as exc:
        print(f"guard: không so sánh được với '{shown(args.base)}': {shown(exc.stderr.strip())}", file=sys.stderr)
        return 2
    verdict = judge(changes, args.author, access)
    for change in changes:
        print(f"  {change.status} {shown(change.path)}", file=sys.stderr)
    for message in verdict.messages:
        print(f"::error title=guard::{escape_data(message)}" if args.format == "github" else f"guard: lỗi: {message}")
    if args.author is None:
        print("guard: không kiểm tra người gửi (không có --author).", file=sys.stderr)
    if verdict.ok:
        agencies = ", ".join(verdict.submissions) or "không có bài nộp"
        who = f" của {shown(args.author)}" if args.author else ""
        print(f"guard: {len(changes)} tệp thay đổi{who} ({agencies}); hợp lệ.", file=sys.stderr)
    return 0 if verdict.ok else 1


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    g = sub.add_parser("guard", help=cmd_guard.__doc__)
    g.add_argument("--base", default="origin/main", help="the branch the pull request targets")
    g.add_argument("--author", help="GitHub login of the pull request's author (checked against the base registry)")
    g.add_argument("--repo", default=str(ROOT), help="the checkout of the pull request (default: this repository)")
    g.add_argument("--files", nargs="*", help="judge these paths instead of asking git")
    g.add_argument("--format", choices=("text", "github"), default="text")
    g.set_defaults(func=cmd_guard)
