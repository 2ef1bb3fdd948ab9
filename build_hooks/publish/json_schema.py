"""A JSON Schema (draft 2020-12) of the front-matter, generated from ``schema.FRONT_MATTER``.

Editors (VS Code's YAML extension, for instance) can use it to complete and
check keys while an author types. It describes what the checker accepts: the
checker stays the authority for what the schema cannot say (a date that does
not exist, an indicator id not in the round, the file name).
"""
from __future__ import annotations

import json

import yaml

from build_hooks.domain.dates import DAY_MONTH_YEAR, ISO_DATE, MONTH_YEAR
from build_hooks.load.schema import FRONT_MATTER, Field
from build_hooks.load.yamlsource import plain_yaml

SCHEMA_ID = "https://github.com/so-cong-thuong-quang-ngai/bao-cao-cong-nghiep/schemas/front-matter.schema.json"
PATH = "schemas/front-matter.schema.json"
"""Where the repository keeps its copy (a test holds it equal to ``render_schema()``)."""

_TEXT = {"type": ["string", "number"]}
_TEXT_LIST = {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}]}
# The forms ``dates.parse_date`` reads (it also rejects days that do not exist, which a pattern cannot).
_DATE_FORMS = "|".join(rx.pattern.strip("^$") for rx in (DAY_MONTH_YEAR, MONTH_YEAR, ISO_DATE))
_DATE = {"type": "string", "pattern": r"^\s*(" + _DATE_FORMS + r")\s*$"}
KIND_SCHEMAS = {
    "text": _TEXT,
    "integer": {"type": "integer"},
    "date": _DATE,
    "text-or-list": _TEXT_LIST,
    "text-list": _TEXT_LIST,
    "tasks": {"anyOf": [{"type": "boolean"}, {"type": "null"},
                        {"type": "array", "items": {"type": "string", "pattern": r"^[IVX]+(\.\d+)*\.?$"}}]},
    "quantity": _TEXT,
}


def _object(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def field_schema(field: Field) -> dict:
    """The JSON Schema of one front-matter field, from the same ``Field`` the checker uses."""
    if field.kind == "object":
        schema = _object(field.fields)
    elif field.kind == "object-list":
        schema = {"type": "array", "items": _object(field.fields)}
    else:
        schema = dict(KIND_SCHEMAS[field.kind])
    if field.choices:
        schema = {"enum": list(field.choices)}
    schema["description"] = field.doc
    if field.example and field.kind not in ("object", "object-list"):
        schema["examples"] = [_example(field.example)]
    if not field.required:  # an empty key ("date:") is allowed and means "not given"
        schema = {"anyOf": [schema, {"type": "null"}], "description": field.doc}
    return schema


def _example(text: str) -> object:
    """The example as YAML reads it (``2023`` is a number, ``"9,5"`` a string)."""
    try:
        return plain_yaml(text)
    except yaml.YAMLError:
        return text


def render_schema() -> dict:
    """The front-matter's JSON Schema (draft 2020-12), generated from ``schema.FRONT_MATTER``."""
    schema = _object(FRONT_MATTER)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Thông tin văn bản (front-matter) của bài nộp báo cáo phát triển công nghiệp", **schema}


def render_schema_text() -> str:
    """The schema as the committed file's text (stable key order, trailing newline)."""
    return json.dumps(render_schema(), ensure_ascii=False, indent=2) + "\n"
