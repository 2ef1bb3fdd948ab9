"""Snapshot mode of a build: one round, for offline reading, with the archive banner.

``python -m build_hooks snapshot`` runs ``mkdocs build`` with ``REPORT_ARCHIVE``
set to the JSON of a ``SnapshotMode``; the MkDocs adapter reads it back here and
builds only that round. Kept apart from ``snapshot`` (which runs the build and
writes the zip) so that the adapter imports nothing that runs processes.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from build_hooks.domain.model import Corpus


@dataclass(frozen=True)
class SnapshotMode:
    """What an archived snapshot stands for: the round, the date taken and the source commit."""
    year: int
    """The round archived."""
    taken: str
    """Date the snapshot stands for, ISO ``yyyy-mm-dd`` (by default the source commit's date)."""
    commit: str
    """Source commit (``git rev-parse HEAD``)."""
    dirty: bool = False
    """True when the working tree differed from the commit: the commit alone does not reproduce it."""

    def to_json(self) -> str:
        """The value of ``REPORT_ARCHIVE`` for the build."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "SnapshotMode":
        """Read back the value of ``REPORT_ARCHIVE``."""
        data = json.loads(text)
        return cls(int(data["year"]), str(data["taken"]), str(data["commit"]), bool(data.get("dirty", False)))

    def taken_vi(self) -> str:
        """``05/01/2024``: the date as Vietnamese documents write it."""
        return date.fromisoformat(self.taken).strftime("%d/%m/%Y")

    def template_data(self) -> dict:
        """What ``overrides/partials/archive-banner.html`` shows (``config.extra.archive``)."""
        return {"year": self.year, "date": self.taken, "date_vi": self.taken_vi(), "commit": self.commit,
                "dirty": self.dirty}


def only_round(corpus: Corpus, year: int) -> Corpus | None:
    """The corpus reduced to the round of ``year``; None when there is no such round."""
    rnd = corpus.round(year)
    if rnd is None:
        return None
    return Corpus(corpus.registry, (rnd,), {year: corpus.submissions.get(year, ())})
