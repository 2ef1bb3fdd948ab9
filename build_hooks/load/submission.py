"""Reading one submission file into a ``Submission`` plus located problems."""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.domain.problems import Problem
from build_hooks.domain.text import nfc
from build_hooks.domain.wordchars import clean_headings, normalise_newlines
from build_hooks.load.context import Context
from build_hooks.load.frontmatter import read_letter
from build_hooks.load.reader import Reader, did_you_mean
from build_hooks.load.sections import split_body
from build_hooks.load.yamlsource import load_yaml, split_front_matter


def read_submission(text: str, path: str, agency_id: str, year: int, rnd: Round | None,
                    registry: Registry, today: _dt.date | None = None
                    ) -> tuple[Submission | None, list[Problem], Context]:
    """Parse ``text`` into a ``Submission``; ``agency_id`` and ``year`` come from the file's name and folder.

    Returns the structural problems (YAML, schema, headings) and the ``Context`` the content rules
    read (``rules.runner.check_submission`` runs them). ``today`` is the build date for the date
    rules (None: the real today).
    """
    raw = normalise_newlines(text.lstrip("\ufeff"))
    context = Context(path, raw, year, rnd, today)
    # Headings are read as the clerk meant them (Word's spaces, zero-width characters, Ⅲ): the
    # rule ``word-character`` points at each one in the raw text, and ``check --fix`` replaces them.
    return _parse(clean_headings(nfc(raw)), path, agency_id, year, rnd, registry, context)


def _parse(text: str, path: str, agency_id: str, year: int, rnd: Round | None, registry: Registry,
           context: Context) -> tuple[Submission | None, list[Problem], Context]:
    split = split_front_matter(text)
    if split is None and text.split("\n", 1)[0].rstrip() == "---":
        return None, [finding("missing-front-matter", path, 1, 1, "unclosed")], context
    if split is None:
        return None, [finding("missing-front-matter", path, 1, 1)], context
    yaml_text, yaml_line, body, body_line = split
    context = replace(context, yaml_text=yaml_text, yaml_line=yaml_line, body=body, body_line=body_line)
    doc, problems = load_yaml(yaml_text, path, yaml_line - 1, report_bidi=False)  # rule bidi-control
    if doc is None:
        return None, problems, context
    context = replace(context, doc=doc)
    reader = Reader(doc, path, problems)
    if reader.mapping(()) is None:
        return None, problems, context
    letter = read_letter(reader, rnd)
    if letter.agency is not None and letter.agency != agency_id:
        known = registry.get(letter.agency) is not None
        reader.fail(("agency",), "agency-mismatch", "" if known else "unknown", agency=letter.agency,
                    file_agency=agency_id, suggestion="" if known else did_you_mean(letter.agency, registry.ids()))
    if letter.year is not None and letter.year != year:
        reader.fail(("year",), "year-mismatch", year=letter.year, folder=year)
    if rnd is not None and rnd.project_statuses:
        for i, project in enumerate(letter.projects):
            if project.status not in rnd.project_statuses:
                reader.fail(("projects", i, "status"), "unknown-status", status=project.status,
                            suggestion=did_you_mean(project.status, rnd.project_statuses),
                            statuses=", ".join(rnd.project_statuses))
    parts, body_problems = split_body(body, body_line, rnd.outline, path) if rnd else ([], [])
    problems.extend(body_problems)
    submission = Submission(
        agency=agency_id, year=year, path=path, number=letter.number, kind=letter.kind, date=letter.date,
        subject=letter.subject,
        recipients=letter.recipients, signer=letter.signer, cc=letter.cc,
        no_assigned_tasks=letter.no_assigned_tasks, not_assigned=letter.not_assigned,
        indicators=letter.indicators, projects=letter.projects, parts=tuple(parts), body_line=body_line,
        original=letter.original,
    )
    return submission, problems, replace(context, submission=submission)
