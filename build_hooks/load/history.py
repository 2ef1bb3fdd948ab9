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

git's output is read with ``-z``: every field ends with NUL, the one byte a commit
cannot hold (git refuses it in a message, a name or a path), so a subject full of
control characters is only a subject. Anything that still does not read as a
commit (a date that is not a date, a missing field) is skipped and named in the
build log, never a crash.
"""
from __future__ import annotations

import datetime as _dt
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

LOG_FORMAT = "%H%x00%cs%x00%an%x00%s"
"""Commit id, committer date (when it landed), author name, subject; with ``-z`` each ends in NUL and
the name-status fields follow, NUL-terminated too."""
LOG_ARGS = ("-c", "core.quotepath=off", "log", "-z", "--first-parent", "-M", "--name-status",
            f"--format={LOG_FORMAT}")

_COMMIT = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_STATUS = re.compile(r"[ACDMRTUXB][0-9]{0,3}")
"""A name-status letter (with a rename's or copy's score): never 40 hex digits, so never a commit id."""


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
    skipped: tuple[str, ...] = ()
    """Commits of the repository's log that did not read as commits, left out (the build log names them)."""

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


def parse_log(text: str) -> tuple[dict[str, list[Change]], list[str]]:
    """``git log -z --name-status -M --format=LOG_FORMAT`` (newest first) -> (path now -> changes, oldest
    first; the ids of commits skipped because they did not read as a commit).

    Renames are followed: a letter's changes before ``R100 old new`` are filed under its new name.
    """
    fields = text.split("\0")
    commits, skipped = [], []
    i = 0
    while i + 3 < len(fields):
        commit, date, author, subject = fields[i:i + 4]
        i += 4
        statuses = []
        while i < len(fields) and _STATUS.fullmatch(fields[i].lstrip("\n")):
            kind = fields[i].lstrip("\n")
            count = 2 if kind[0] in "RC" else 1
            statuses.append([kind, *fields[i + 1:i + 1 + count]])
            i += 1 + count
        commit = commit.lstrip("\n")
        try:
            day = _dt.date.fromisoformat(date)
        except ValueError:
            day = None
        if not _COMMIT.fullmatch(commit) or day is None:
            skipped.append(commit[:40])
            while i < len(fields) and not _COMMIT.fullmatch(fields[i].lstrip("\n")):
                i += 1  # find the next commit
            continue
        commits.append((commit, day, author, subject, statuses))
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
    return {path: track.changes for path, track in tracks.items()}, skipped


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
    """History of every letter in ``files`` (absolute paths under ``folder``), by absolute path.

    Commits that did not read as commits are left out of every letter's history (``skipped``).
    """
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_NO_GIT) for f in files}
    if (_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_SHALLOW) for f in files}
    root = Path(top.strip()).resolve()
    rel = _relative(folder, root)
    if rel is None:
        return {f: LetterHistory(available=False, reason=UNAVAILABLE_NO_GIT) for f in files}
    log = _git(root, *LOG_ARGS, "--", rel or ".")
    tracks, skipped = parse_log(log or "")
    result = {}
    for file in files:
        changes = tracks.get(_relative(file, root) or "", [])
        if len(changes) > 1:  # read every version, for the differences between them
            changes = [Change(c.commit, c.date, c.author, c.subject, c.path, _git(root, "show", f"{c.commit}:{c.path}"))
                       for c in changes]
        result[file] = LetterHistory(tuple(changes), skipped=tuple(skipped))
    return result


def corpus_histories(corpus, folder: Path, base: Path) -> dict[str, LetterHistory]:
    """History of every letter of ``corpus`` (kept in ``folder``), keyed by the letter's shown path
    (``Submission.path``, relative to ``base`` where possible)."""
    subs = [sub for subs in corpus.submissions.values() for sub in subs]
    files = {sub.path: (Path(sub.path) if Path(sub.path).is_absolute() else base / sub.path).resolve() for sub in subs}
    found = read_histories(folder, list(files.values())) if files else {}
    return {shown: found[file] for shown, file in files.items()}
