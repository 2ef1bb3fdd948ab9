"""Projects of section II.7 (appendices 2 and 3 of Quyết định 998/QĐ-UBND), merged across letters.

The same project reported by two agencies is one project: names are matched
case- and diacritic-insensitively (``Nhà máy Thép`` = ``nha may thep``), and every
source is kept so the page can show who said what.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_hooks.domain.model import Agency, ProjectReport, Registry, Round, Submission
from build_hooks.domain.text import fold, sort_key

MIXED = "ý kiến khác nhau"
"""Counted apart when the agencies reporting one project give different statuses."""


@dataclass(frozen=True)
class ProjectSource:
    """One agency's mention of a project, kept so the merged project can cite every source."""
    agency: Agency
    submission: Submission
    report: ProjectReport


@dataclass(frozen=True)
class Project:
    """One project of the round, with every agency's report of it."""

    key: str
    """The folded name it is matched on."""
    sources: tuple[ProjectSource, ...]

    @property
    def name(self) -> str:
        """The name as the first agency (registry order) wrote it."""
        return self.sources[0].report.name

    @property
    def appendices(self) -> list[str]:
        """Every appendix the sources name, each once, in the order first named."""
        return list(dict.fromkeys(s.report.appendix for s in self.sources))

    @property
    def statuses(self) -> list[str]:
        """Every status the sources give, each once, in the order first given."""
        return list(dict.fromkeys(s.report.status for s in self.sources))

    @property
    def status(self) -> str:
        """The status, or ``MIXED`` when the sources disagree."""
        statuses = self.statuses
        return statuses[0] if len(statuses) == 1 else MIXED


def project_key(name: str) -> str:
    """``Nhà máy  Thép Hòa Phát`` and ``nha may thep hoa phat`` give the same key."""
    return re.sub(r"\s+", " ", fold(name)).strip()


def merge_projects(submissions, registry: Registry) -> list[Project]:
    """Projects in appendix order, then by Vietnamese name; sources in registry order."""
    grouped: dict[str, list[ProjectSource]] = {}
    for sub in submissions:
        agency = registry.get(sub.agency)
        for report in sub.projects:
            grouped.setdefault(project_key(report.name), []).append(ProjectSource(agency, sub, report))
    projects = [Project(key, tuple(sources)) for key, sources in grouped.items()]
    projects.sort(key=lambda p: (p.appendices[0], sort_key(p.name)))
    return projects


def status_counts(rnd: Round, projects: list[Project]) -> list[tuple[str, int]]:
    """How many projects are in each status the round defines (plus disagreements, if any)."""
    counts = {status: 0 for status in rnd.project_statuses}
    for project in projects:
        counts[project.status] = counts.get(project.status, 0) + 1
    return [(status, n) for status, n in counts.items() if n or status in rnd.project_statuses]
