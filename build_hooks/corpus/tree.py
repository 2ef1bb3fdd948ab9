"""Loading the whole ``submissions/`` tree: registry, rounds and every reply.

Every file under ``submissions/`` is either understood or reported; nothing is
skipped silently, so a stray ``.docx`` or a misnamed folder stops the build too.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from functools import lru_cache, partial
from pathlib import Path

from build_hooks.cache import StoredResults, package_key
from build_hooks.corpus.originals import check_originals
from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import (
    ORIGINALS_DIR,
    REGISTRY_FILE,
    REPORT_FILE,
    REPORT_ISSUER,
    ROUND_FILE,
    YEAR_FOLDER,
    Corpus,
    Registry,
    Round,
    Submission,
)
from build_hooks.domain.problems import Problem, has_errors, sorted_problems
from build_hooks.load.reader import did_you_mean
from build_hooks.load.registry import parse_registry
from build_hooks.load.rounds import parse_round
from build_hooks.memo import remembered
from build_hooks.rules.encoding import file_too_large
from build_hooks.rules.runner import check_submission
from build_hooks.settings import PARSED_CACHE

YEAR_DIR = re.compile(rf"^{YEAR_FOLDER}$")
IGNORED = {"README.md", ".gitkeep"}


@lru_cache(maxsize=65536)  # relpath is slow, and a rebuild under `mkdocs serve` names 2,000 letters again
def display_path(path: Path, base: Path | None) -> str:
    """Path as the author sees it: relative to the repository when possible."""
    if base is not None:
        try:
            return os.path.relpath(path, base).replace(os.sep, "/")
        except ValueError:
            pass
    return str(path)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A file's text as UTF-8, or a located ``not-utf8`` problem instead of an exception."""
    try:
        return path.read_bytes().decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [finding("not-utf8", shown, line, 1)]


def load_corpus(root: Path, base: Path | None = None, only: set[Path] | None = None,
                today: _dt.date | None = None, stored: bool = False) -> tuple[Corpus | None, list[Problem]]:
    """Load everything under ``root``; ``only`` limits which submissions are parsed (for ``check PATH``).

    ``today`` is the build date the date rules compare with (None: the real today). ``stored``: keep
    parsed letters in the build cache for the next process (``cache.StoredResults``; the site build).
    """
    problems: list[Problem] = []
    root = Path(root)
    shown = lambda p: display_path(p, base)  # noqa: E731
    registry_path = root / REGISTRY_FILE
    if not registry_path.is_file():
        return None, [finding("missing-registry", shown(registry_path), 0, 0)]
    text, probs = read_text(registry_path, shown(registry_path))
    problems += probs
    registry_key = ("registry", text or "", shown(registry_path))
    registry, probs = remembered(registry_key, parse_registry, text or "", shown(registry_path))
    problems += probs
    rounds: list[Round] = []
    submissions: dict[int, tuple[Submission, ...]] = {}
    reports: dict[int, Submission] = {}
    for entry in sorted(root.iterdir()):
        if entry.is_symlink():
            problems.append(symlink_problem(shown(entry), entry.name))
            continue
        if entry.name in IGNORED or entry.name == REGISTRY_FILE or entry.name.startswith("."):
            continue
        if entry.is_dir() and YEAR_DIR.match(entry.name):
            rnd, subs, report, probs = _load_round(entry, int(entry.name), registry, shown, only, today, registry_key,
                                           stored and only is None)
            problems += probs
            if rnd is not None:
                rounds.append(rnd)
                submissions[rnd.year] = subs
                if report is not None:
                    reports[rnd.year] = report
            continue
        looks_like_year = entry.is_dir() and len(entry.name) == 4 and entry.name.isdecimal()
        problems.append(finding("unexpected-file", shown(entry), 0, 0, "year" if looks_like_year else "top",
                                name=entry.name, codes=" ".join(f"U+{ord(c):04X}" for c in entry.name)))
    if not rounds and not has_errors(problems):
        problems.append(finding("no-round", shown(root), 0, 0))
    rounds.sort(key=lambda r: r.year, reverse=True)
    return Corpus(registry, tuple(rounds), submissions, reports), sorted_problems(problems)


PARSE_DISTRIBUTIONS = ("PyYAML", "Markdown")
"""Libraries whose version can change a parse: the YAML reader, Python-Markdown's fence and HTML patterns."""

RECEIVED_SUFFIXES = (".docx", ".pdf", ".txt", ".doc")
"""Letters as they arrive by email: imported into the submission format, never published as they are."""


def symlink_problem(path: str, name: str) -> Problem:
    """A link under ``submissions/`` would publish whatever it points to (another file, a test case)."""
    return finding("symlink", path, 1, 1, name=name)


def _load_round(folder: Path, year: int, registry: Registry, shown, only, today=None, registry_key=(),
                stored: bool = False):
    """One round and its letters; parses are remembered by their inputs (``memo``, and ``stored`` on disk)."""
    problems: list[Problem] = []
    round_path = folder / ROUND_FILE
    if not round_path.is_file():
        return None, (), None, [finding("missing-round", shown(round_path), 0, 0, year=year)]
    text, problems = read_text(round_path, shown(round_path))
    round_key = ("round", text or "", shown(round_path), year, registry_key)
    rnd, probs = remembered(round_key, parse_round, text or "", shown(round_path), year, registry)
    problems += probs
    today = today or _dt.date.today()
    disk = None
    if stored:
        context = "\0".join((package_key(PARSE_DISTRIBUTIONS), repr(round_key), str(today)))
        disk = StoredResults(PARSED_CACHE, str(year), context)
    subs: list[Submission] = []
    report: Submission | None = None
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            problems.append(symlink_problem(shown(entry), entry.name))
            continue
        if entry.name in (ROUND_FILE, ".gitkeep") or entry.name.startswith("."):
            continue
        if entry.name == ORIGINALS_DIR and entry.is_dir():  # the letters as received (corpus/originals.py)
            continue
        if not (entry.is_file() and entry.suffix == ".md"):
            received = entry.suffix.lower() in RECEIVED_SUFFIXES  # a letter as emailed: say how to import it
            problems.append(finding("unexpected-file", shown(entry), 1, 1, "received" if received else "",
                                    name=entry.name, year=year))
            continue
        if only is not None and entry.resolve() not in only:
            continue
        # The Sở's own report is read and checked as a letter of the Sở (its letter head, its signer).
        agency_id = REPORT_ISSUER if entry.name == REPORT_FILE else entry.stem
        if registry.get(agency_id) is None and entry.name == REPORT_FILE:  # the Sở's report needs its letter head
            problems.append(finding("unknown-agency", shown(entry), 1, 1, "expected", agency=REPORT_ISSUER,
                                    suggestion=""))
            continue
        if registry.get(agency_id) is None:
            problems.append(finding("unknown-agency", shown(entry), 1, 1, name=entry.name,
                                    suggestion=did_you_mean(entry.stem, registry.ids())))
            continue
        stat = entry.stat()
        if (too_large := file_too_large(shown(entry), stat.st_size)) is not None:
            problems.append(too_large)
            continue
        # Read again only a file whose size or times changed (``mkdocs serve`` reloads 2,000 letters per edit).
        stamp = ("text", str(entry), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        text, probs = remembered(stamp, read_text, entry, shown(entry))
        problems += probs
        if text is None:
            continue
        key = ("letter", text, shown(entry), agency_id, year, round_key, today)
        parse = partial(check_submission, text, shown(entry), agency_id, year, rnd, registry, today)
        if disk is None:
            sub, probs = remembered(key, parse)
        else:
            stored_key = "\0".join((text, shown(entry), agency_id))  # the rest is the disk's context
            sub, probs = remembered(key, partial(disk.get, stored_key, parse))
            disk.keep(stored_key, (sub, probs))
        problems += probs
        if sub is not None and entry.name == REPORT_FILE:
            report = sub
        elif sub is not None:
            subs.append(sub)
    subs, probs = check_originals(folder, subs, registry, shown, only is None)
    problems += probs
    subs.sort(key=lambda s: registry.order(s.agency))
    if disk is not None:
        disk.save()
    return rnd, tuple(subs), report, problems
