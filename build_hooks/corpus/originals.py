"""The originals: each letter as received, kept beside its transcription, bytes unchanged.

``submissions/<year>/originals/<agency>.<pdf|docx|txt>`` holds the file the agency sent (the signed
PDF is the record with legal force); the letter's front-matter records its name and SHA-256
(``original:``, written by ``import``). Every load hashes the file again: a changed, missing, too
large or unclaimed original is an error at its path. Its text is compared with the transcription
(``fidelity.py``) and a PDF's signatures are read (``signatures.py``).
"""
from __future__ import annotations

import dataclasses
import hashlib
from functools import lru_cache
from pathlib import Path

from build_hooks.corpus.fidelity import check_fidelity
from build_hooks.corpus.signatures import signatures_of, trust_roots
from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import ORIGINAL_MAX_BYTES, ORIGINAL_SUFFIXES, ORIGINALS_DIR, Registry, Submission
from build_hooks.domain.problems import Problem


def sha256_of(path: Path) -> str:
    """The file's SHA-256, read in blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=4096)
def _remembered_digest(path: str, size: int, mtime: int, ctime: int, inode: int) -> str:
    return sha256_of(Path(path))


def _digest(path: Path) -> str:
    """Hashed again only when the file's size or times changed (``mkdocs serve`` reloads on every edit)."""
    stat = path.stat()
    return _remembered_digest(str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def check_originals(folder: Path, subs: list[Submission], registry: Registry, shown, whole: bool
                    ) -> tuple[list[Submission], list[Problem]]:
    """The round's submissions with their originals found on disk, and the problems of the ``originals/`` folder.

    ``whole``: every letter of the round was loaded, so an original no letter claims can be named."""
    problems: list[Problem] = []
    here = folder / ORIGINALS_DIR
    roots = trust_roots(folder.parent) if here.is_dir() else ()
    shown_folder = shown(here) + "/"
    out = []
    for sub in subs:
        original = sub.original
        if original is None:
            out.append(sub)
            continue
        path = here / original.name
        if path.is_symlink() or not path.is_file():
            problems.append(finding("original-missing", sub.path, 1, 1, name=original.name, folder=shown_folder))
            out.append(sub)
            continue
        size = path.stat().st_size
        if size > ORIGINAL_MAX_BYTES:
            problems.append(finding("original-too-large", shown(path), 1, 1, name=original.name,
                                    size_mib=f"{size / 1024 / 1024:.1f}".replace(".", ",")))
            out.append(sub)
            continue
        actual = _digest(path)
        if actual != original.sha256:
            problems.append(finding("original-changed", shown(path), 1, 1, name=original.name, actual=actual,
                                    recorded=original.sha256))
            out.append(sub)
            continue
        problems += check_fidelity(path, actual, folder / f"{sub.agency}.md", sub.path, sub.body_line)
        signatures = ()
        if path.suffix.lower() == ".pdf":
            signatures, probs = signatures_of(path, actual, shown(path), roots)
            problems += probs
        out.append(dataclasses.replace(sub, original=dataclasses.replace(
            original, disk=str(path.resolve()), size=size, signatures=signatures)))
    if here.is_dir():
        claimed = {s.original.name for s in subs if s.original is not None}
        for entry in sorted(here.iterdir()):
            if entry.is_symlink():
                problems.append(finding("symlink", shown(entry), 1, 1, name=entry.name))
            elif (not entry.is_file() or entry.suffix.lower() not in ORIGINAL_SUFFIXES
                  or registry.get(entry.stem) is None):
                problems.append(finding("unexpected-file", shown(entry), 1, 1, name=entry.name))
            elif whole and entry.name not in claimed:
                problems.append(finding("original-missing", shown(entry), 1, 1, "orphan", name=entry.name))
    return out, problems
