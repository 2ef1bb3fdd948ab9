"""Each letter's history, from the repository it is kept in.

A letter enters the site through a merge into the published branch: the first
commit of that branch's first-parent history that adds the file is when the Sở
received it; every later commit there that changes it is a correction (its date,
its subject, its author). One ``git log`` call reads the history of every
letter; the text of each version is read only for letters that changed, so the
page can show what changed between two versions.

A build outside git, or from a shallow clone (CI's default checkout), cannot
know this: the history is then *unavailable*, said on the page, never guessed
and never a failed build. ``parse_log`` is pure and tested on text.
"""
from __future__ import annotations

import datetime as _dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

RECORD, UNIT = "\x1e", "\x1f"
LOG_FORMAT = f"{RECORD}%H{UNIT}%cs{UNIT}%an{UNIT}%s"
"""Commit id, committer date (when it landed), author name, subject; name-status lines follow."""


@dataclass(frozen=True)
class Change:
    """One commit that added or changed a letter."""

    commit: str
    date: _dt.date
    """Committer date: when the change landed on the published branch."""
    author: str
    subject: str
    path: str
    """The letter's path (relative to the repository) in this commit, for reading that version."""
    text: str | None = None
    """The file as this commit left it; None when not read (a letter that never changed)."""


@dataclass(frozen=True)
class LetterHistory:
    """What the repository says about one letter, oldest change first."""

    changes: tuple[Change, ...] = ()
    available: bool = True
    """False outside git or in a shallow clone: nothing is known, which is not "never changed"."""
    reason: str = ""
    """Why the history is unavailable (Vietnamese), for the page."""

    @property
    def received(self) -> Change | None:
        """The first commit that brought the letter: when it was received."""
        return self.changes[0] if self.changes else None

    @property
    def corrections(self) -> tuple[Change, ...]:
        """Every later commit that changed the letter, oldest first."""
        return self.changes[1:]


UNAVAILABLE_SHALLOW = "bản sao kho mã chỉ có lịch sử rút gọn (shallow clone)"
UNAVAILABLE_NO_GIT = "trang được dựng ngoài kho git"


@dataclass
class _Track:
    changes: list[Change] = field(default_factory=list)


def parse_log(text: str) -> dict[str, list[Change]]:
    """``git log --name-status -M --format=LOG_FORMAT`` (newest first) -> path now -> changes, oldest first.

    Renames are followed: a letter's changes before ``R100 old new`` are filed under its new name.
    """
    commits = []
    for record in text.split(RECORD)[1:]:
        head, _, names = record.partition("\n")
        commit, date, author, subject = head.split(UNIT, 3)
        statuses = [line.split("\t") for line in names.splitlines() if line.strip()]
        commits.append((commit, _dt.date.fromisoformat(date), author, subject, statuses))
    tracks: dict[str, _Track] = {}
    for commit, date, author, subject, statuses in reversed(commits):  # oldest first
        for status in statuses:
            kind, paths = status[0], status[1:]
            if kind.startswith("R") and len(paths) == 2:
                old, new = paths
                track = tracks.pop(old, _Track())
                tracks[new] = track
                track.changes.append(Change(commit, date, author, subject, new))
            elif kind.startswith("D") and paths:
                tracks.pop(paths[0], None)  # deleted: a letter added again later starts anew
            elif paths:
                tracks.setdefault(paths[-1], _Track()).changes.append(Change(commit, date, author, subject, paths[-1]))
    return {path: track.changes for path, track in tracks.items()}


def _git(cwd: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _relative(path: Path, root: Path) -> str | None:
    """``path`` relative to the repository's top, or None when it lies outside (a symlinked folder)."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def read_histories(folder: Path, files: list[Path]) -> dict[Path, LetterHistory]:
    """History of every letter in ``files`` (absolute paths under ``folder``), by absolute path."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_NO_GIT) for f in files}
    if (_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_SHALLOW) for f in files}
    root = Path(top.strip()).resolve()
    rel = _relative(folder, root)
    if rel is None:
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_NO_GIT) for f in files}
    log = _git(root, "-c", "core.quotepath=off", "log", "--first-parent", "-M", "--name-status",
               f"--format={LOG_FORMAT}", "--", rel or ".")
    tracks = parse_log(log or "")
    result = {}
    for file in files:
        changes = tracks.get(_relative(file, root) or "", [])
        if len(changes) > 1:  # read every version, for the differences between them
            changes = [Change(c.commit, c.date, c.author, c.subject, c.path, _git(root, "show", f"{c.commit}:{c.path}"))
                       for c in changes]
        result[file] = LetterHistory(tuple(changes))
    return result


def corpus_histories(corpus, folder: Path, base: Path) -> dict[str, LetterHistory]:
    """History of every letter of ``corpus`` (kept in ``folder``), keyed by the letter's shown path
    (``Submission.path``, relative to ``base`` where possible)."""
    subs = [sub for subs in corpus.submissions.values() for sub in subs]
    files = {sub.path: (Path(sub.path) if Path(sub.path).is_absolute() else base / sub.path).resolve() for sub in subs}
    found = read_histories(folder, list(files.values())) if files else {}
    return {shown: found[file] for shown, file in files.items()}
