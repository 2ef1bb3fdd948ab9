"""``schema``: the generated JSON Schema of the front-matter agrees with the checker."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_hooks.load.yamlsource import split_front_matter
from build_hooks.publish.json_schema import render_schema, render_schema_text
from build_hooks.settings import ROOT
from support.site import run_cli

CASES = ROOT / "tests" / "cases"


def _front(path: Path) -> dict:
    return yaml.safe_load(split_front_matter(path.read_text(encoding="utf-8"))[0])


def test_schema_copy_equals_generated():
    assert (ROOT / "schemas" / "front-matter.schema.json").read_text(encoding="utf-8") == render_schema_text()
    proc = run_cli("schema")
    assert proc.returncode == 0 and json.loads(proc.stdout) == render_schema()
    assert run_cli("schema", "--check").returncode == 0


def test_schema_accepts_what_the_checker_accepts():
    validator = jsonschema.Draft202012Validator(render_schema())
    for path in [ROOT / "submissions" / "2023" / "ban-dan-toc.md", *sorted((CASES / "good").glob("*.md"))]:
        front = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in _front(path).items()}
        assert list(validator.iter_errors(front)) == [], path


@pytest.mark.parametrize("case", ["unknown-key", "missing-key", "wrong-type-year", "wrong-type-signer",
                                  "missing-key-indicator-unit", "bad-date-unreadable"])
def test_schema_rejects_what_the_checker_rejects_for_types_and_keys(case):
    validator = jsonschema.Draft202012Validator(render_schema())
    assert list(validator.iter_errors(_front(CASES / "bad" / f"{case}.md")))

