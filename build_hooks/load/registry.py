"""Reading ``submissions/agencies.yml``: who may submit, in which order."""
from __future__ import annotations

import re

from build_hooks.domain.model import Agency, Registry
from build_hooks.domain.problems import Problem
from build_hooks.load.reader import Reader
from build_hooks.load.yamlsource import load_yaml
from build_hooks.rules.catalogue import finding

AGENCY_KEYS = ("name", "code", "header", "parent", "place", "group", "reviewers")
GROUPS = ("so-nganh", "dia-phuong", "khac")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULT_PARENT = "UBND TỈNH QUẢNG NGÃI"


def parse_registry(text: str, path: str) -> tuple[Registry, list[Problem]]:
    """Read ``agencies.yml`` into a ``Registry``, recording every problem with its position."""
    doc, problems = load_yaml(text, path)
    if doc is None:
        return Registry((), path), problems
    reader = Reader(doc, path, problems)
    root = reader.mapping(())
    agencies: list[Agency] = []
    for agency_id in root or {}:
        where = (agency_id,)
        if not SLUG.match(agency_id):
            reader.fail(where, "bad-agency-id", on_key=True, agency=agency_id)
            continue
        if reader.mapping(where) is None:
            continue
        reader.unknown_keys(where, AGENCY_KEYS)
        name = reader.text(where + ("name",), required=True)
        code = reader.text(where + ("code",), required=True)
        group = reader.text(where + ("group",)) or "khac"
        if group not in GROUPS:
            reader.fail(where + ("group",), "bad-value", "group", value=group, allowed=", ".join(GROUPS))
        parent = reader.text(where + ("parent",))
        if name and code:
            agencies.append(Agency(
                id=agency_id, name=name, code=code,
                header=reader.text(where + ("header",)) or name.upper(),
                parent=DEFAULT_PARENT if parent is None else parent,
                place=reader.text(where + ("place",)) or "Quảng Ngãi",
                group=group,
                reviewers=reader.text_list(where + ("reviewers",)),
                line=doc.where(where, prefer_key=True)[0],
            ))
    if root is not None and not agencies and not problems:
        problems.append(finding("empty-registry", path, 1, 1))
    return Registry(tuple(agencies), path), problems
