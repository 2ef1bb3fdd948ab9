"""Reading one submission file into a ``Submission`` plus located problems."""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.domain.problems import Problem, error
from build_hooks.domain.text import nfc
from build_hooks.load.frontmatter import read_letter
from build_hooks.load.reader import Reader, did_you_mean
from build_hooks.load.sections import split_body
from build_hooks.load.yamlsource import load_yaml, split_front_matter
from build_hooks.rules import catalogue as rules


def parse_submission(text: str, path: str, agency_id: str, year: int, rnd: Round | None,
                     registry: Registry, today: _dt.date | None = None) -> tuple[Submission | None, list[Problem]]:
    """Parse and check ``text``; ``agency_id`` and ``year`` come from the file's name and folder.

    ``today`` is the build date for the date rules (None: the real today).
    """
    raw = text.lstrip("\ufeff")
    context = rules.Context(path, raw, year, rnd, today)
    submission, problems, context = _parse(nfc(raw), path, agency_id, year, rnd, registry, context)
    return submission, problems + rules.check(context)


def _parse(text: str, path: str, agency_id: str, year: int, rnd: Round | None, registry: Registry,
           context: rules.Context) -> tuple[Submission | None, list[Problem], rules.Context]:
    split = split_front_matter(text)
    if split is None:
        return None, [error(path, 1, 1, "missing-front-matter",
                            "Tệp không bắt đầu bằng phần thông tin văn bản (front-matter) giữa hai dòng '---'.",
                            "Dòng đầu tiên của tệp phải là '---'; xem mẫu bằng lệnh 'python -m build_hooks new'.")], context
    yaml_text, yaml_line, body, body_line = split
    context = replace(context, yaml_text=yaml_text, yaml_line=yaml_line, body=body, body_line=body_line)
    doc, problems = load_yaml(yaml_text, path, yaml_line - 1)
    if doc is None:
        return None, problems, context
    context = replace(context, doc=doc)
    reader = Reader(doc, path, problems)
    if reader.mapping(()) is None:
        return None, problems, context
    letter = read_letter(reader, rnd)
    if letter.agency is not None and letter.agency != agency_id:
        hint = (f"Đổi thành 'agency: {agency_id}', hoặc đổi tên tệp thành {letter.agency}.md."
                if registry.get(letter.agency) else did_you_mean(letter.agency, registry.ids()) or "")
        reader.fail(("agency",), "agency-mismatch",
                    f"Khóa agency là '{letter.agency}' nhưng tên tệp là '{agency_id}'.", hint)
    if letter.year is not None and letter.year != year:
        reader.fail(("year",), "year-mismatch", f"Năm báo cáo là {letter.year} nhưng tệp nằm trong thư mục {year}.",
                    f"Ghi 'year: {year}' hoặc chuyển tệp sang thư mục submissions/{letter.year}/.")
    if rnd is not None and rnd.project_statuses:
        for i, project in enumerate(letter.projects):
            if project.status not in rnd.project_statuses:
                reader.fail(("projects", i, "status"), "unknown-status", f"Tình trạng '{project.status}' không hợp lệ.",
                            did_you_mean(project.status, rnd.project_statuses)
                            or "Dùng một trong: " + ", ".join(rnd.project_statuses) + ".")
    parts, body_problems = split_body(body, body_line, rnd.outline, path) if rnd else ([], [])
    problems.extend(body_problems)
    submission = Submission(
        agency=agency_id, year=year, path=path, number=letter.number, kind=letter.kind, date=letter.date,
        subject=letter.subject,
        recipients=letter.recipients, signer=letter.signer, cc=letter.cc,
        no_assigned_tasks=letter.no_assigned_tasks, not_assigned=letter.not_assigned,
        indicators=letter.indicators, projects=letter.projects, parts=tuple(parts), body_line=body_line,
    )
    return submission, problems, replace(context, submission=submission)
