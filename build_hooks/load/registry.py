"""Reading ``submissions/agencies.yml``: who may submit, in which order."""
from __future__ import annotations

import re

from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import AGENCY_GROUPS, Agency, Registry
from build_hooks.domain.problems import Problem
from build_hooks.load.reader import Reader
from build_hooks.load.yamlsource import load_yaml

AGENCY_KEYS = ("name", "code", "header", "parent", "place", "group", "reviewers", "members")
MAINTAINERS_KEY = "maintainers"
"""Top-level key (not an agency): the GitHub logins that maintain the site (see ``commands.guard``)."""
LOGIN = re.compile(r"^@?(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}|[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9_.-]+)$")
"""A GitHub login (letters, digits, hyphens), or ``org/team``. The guard compares the pull request
author's login with these; a team is kept (it documents who maintains) but matches no login, because
resolving team membership would need a token the pull-request workflow does not have."""
GROUPS = tuple(AGENCY_GROUPS)
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
    maintainers = _logins(reader, (MAINTAINERS_KEY,)) if MAINTAINERS_KEY in (root or {}) else ()
    for agency_id in root or {}:
        if agency_id == MAINTAINERS_KEY:
            continue
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
                members=_logins(reader, where + ("members",)),
                line=doc.where(where, prefer_key=True)[0],
            ))
    if root is not None and not agencies and not problems:
        problems.append(finding("empty-registry", path, 1, 1))
    return Registry(tuple(agencies), path, maintainers), problems


def _logins(reader: Reader, where: tuple) -> tuple[str, ...]:
    """GitHub logins listed at ``where``, lower case without ``@``; a malformed one is reported."""
    logins = reader.text_list(where)
    for i, login in enumerate(logins):
        if not LOGIN.match(login):
            reader.fail(where + (i,), "bad-value", "login", value=login)
    return tuple(login.lstrip("@").lower() for login in logins if LOGIN.match(login))
