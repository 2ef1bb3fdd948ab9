"""The status words are a published contract: the JSON Schemas list exactly the words the code uses."""
from __future__ import annotations

import json

from build_hooks.domain.statuses import COVERAGE, TARGET_STATUSES
from build_hooks.settings import JSON_SCHEMA_DIR


def test_published_schemas_list_exactly_the_status_words():
    submissions = json.loads((JSON_SCHEMA_DIR / "submissions.schema.json").read_text(encoding="utf-8"))
    indicators = json.loads((JSON_SCHEMA_DIR / "indicators.schema.json").read_text(encoding="utf-8"))
    assert f'"enum": {json.dumps(list(COVERAGE))}' in json.dumps(submissions)
    assert f'"enum": {json.dumps(list(TARGET_STATUSES), ensure_ascii=False)}' in json.dumps(indicators,
                                                                                             ensure_ascii=False)
