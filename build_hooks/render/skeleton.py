"""The skeleton of a submission, so that an author only fills text in.

Every front-matter key of ``schema.FRONT_MATTER`` is written with its meaning as
a comment (required keys filled in, the others left empty or as commented
examples), then one heading per outline section, numbered the way Vietnamese
letters number them: ``# II. …``, ``## 4. …``, ``### 4.1. …``.
"""
from __future__ import annotations

import json

import yaml

from build_hooks.domain.model import Agency, Round
from build_hooks.load.schema import FRONT_MATTER, Field
from build_hooks.pages.markup import section_label

_INTRO = ("# Thông tin văn bản: điền sau dấu hai chấm; dòng bắt đầu bằng # là chú thích.\n"
          "# Khóa nào không dùng thì để trống. Xem trang \"Hướng dẫn nộp báo cáo\".\n")


WRITTEN_BY_IMPORT = ("original",)
"""Keys only ``import`` writes (the kept original's name and SHA-256): not offered to an author."""


def _comment(field: Field, filled: bool) -> str:
    required = " (bắt buộc)" if field.required else ""
    show = field.example and not filled and field.kind not in ("object", "object-list")
    example = f" Ví dụ: {field.example}" if show else ""
    return f"# {field.doc}{required}{example}"


def _value(field: Field, agency: Agency, rnd: Round) -> str:
    if field.name == "agency":
        return agency.id
    if field.name == "year":
        return str(rnd.year)
    if field.name == "recipient":
        return "Sở Công Thương"
    return ""


def _nested(field: Field) -> list[str]:
    """Commented example of an object or list of objects, to uncomment and fill."""
    lines = []
    for i, sub in enumerate(field.fields):
        lead = "  - " if field.kind == "object-list" and i == 0 else "    " if field.kind == "object-list" else "  "
        example = _yaml_scalar(sub.example or "…")
        lines.append(f"#{lead}{sub.name}: {example}  # {sub.doc}{' (bắt buộc)' if sub.required else ''}")
    return lines


def _yaml_scalar(text: str) -> str:
    """``text`` as it can be written after ``key:`` (quoted when YAML would misread it, e.g. ``%``)."""
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} or text.startswith('"'):
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def front_matter(agency: Agency, rnd: Round) -> str:
    """The front-matter of a new letter: every key with its meaning as a comment."""
    lines = ["---", _INTRO.rstrip("\n")]
    for field in FRONT_MATTER:
        if field.name in WRITTEN_BY_IMPORT:
            continue
        value = _value(field, agency, rnd)
        lines.append(f"{field.name}: {value}".rstrip() + f"  {_comment(field, bool(value))}")
        if field.fields:
            lines += _nested(field)
    lines.append("---")
    return "\n".join(lines) + "\n"


def headings(rnd: Round) -> str:
    """One heading per outline section, relative numbering, title as the outline prints it."""
    out = []
    for section in rnd.outline.sections:
        out.append(f"{'#' * min(6, section.depth)} {section_label(section.id)} {section.title}\n")
    return "\n".join(out)


def skeleton(agency: Agency, rnd: Round) -> str:
    """A new letter for ``agency`` in ``rnd``: front-matter and one heading per outline section."""
    return front_matter(agency, rnd) + "\n" + headings(rnd)
