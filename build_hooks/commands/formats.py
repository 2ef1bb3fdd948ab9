"""Output formats of ``check``: one line per problem, GitHub annotations, or JSON.

Detection never formats; these functions only turn sorted problems into text.
"""
from __future__ import annotations

import json
from typing import Iterable

from build_hooks.domain.problems import Problem

FORMATS = ("text", "github", "json")


def as_text(problems: Iterable[Problem]) -> str:
    """One ``path:line:col: severity: message (hint) [rule]`` line per problem, for people."""
    return "".join(p.format() + "\n" for p in problems)


def _escape_data(text: str) -> str:
    # Workflow-command escaping, as @actions/core does it.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem) -> str:
    """``::error file=…,line=…,col=…,title=…::message (hint)``: shown on the pull request's diff."""
    props = [f"file={_escape_property(p.path)}"]
    if p.line:
        props.append(f"line={p.line}")
    if p.column:
        props.append(f"col={p.column}")
    props.append(f"title={_escape_property(p.rule)}")
    hint = f" ({p.hint})" if p.hint else ""
    return f"::{p.severity} {','.join(props)}::{_escape_data(p.message + hint + ' [' + p.rule + ']')}"


def as_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions annotations, so problems appear on the pull request's diff."""
    return "".join(github_annotation(p) + "\n" for p in problems)


def as_json(problems: Iterable[Problem]) -> str:
    """A versioned JSON list for tools (editors, dashboards)."""
    items = [{"path": p.path, "line": p.line, "column": p.column, "rule": p.rule, "severity": p.severity,
              "message": p.message, "hint": p.hint} for p in problems]
    return json.dumps({"version": 1, "problems": items}, ensure_ascii=False, indent=2) + "\n"


def render(problems: list[Problem], fmt: str) -> str:
    """The problems in the output format ``fmt`` (one of ``FORMATS``)."""
    return {"text": as_text, "github": as_github, "json": as_json}[fmt](problems)
