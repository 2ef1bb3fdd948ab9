"""The rule catalogue is the one place a rule is stated: every id emitted anywhere is in it.

The checks read the source (as yamllint's tests read its rule table): each call of
``finding(rule, path, line, column, [variant], **params)`` or
``Reader.fail(where, rule, [variant], **params)`` names a catalogue id and variant
with a literal string and supplies every field the variant's templates use; and
nothing outside the catalogue builds a ``Problem`` itself, so no severity or wording
is stated twice.
"""
from __future__ import annotations

import ast
import re
import string

import pytest

from build_hooks.domain.catalogue import CATALOGUE, RULES, finding
from build_hooks.rules.body import HTML_RULES
from build_hooks.settings import ROOT

SOURCES = sorted((ROOT / "build_hooks").rglob("*.py"))


def _calls():
    """(file, line, rule id node, variant node, keyword names, has **splat) of every emitting call."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            args = [*node.args, None, None, None, None, None]
            if name == "finding":
                rule, variant = args[0], args[4]
            elif name == "fail" and isinstance(func, ast.Attribute):
                rule, variant = args[1], args[2]
            else:
                continue
            keywords = {k.arg for k in node.keywords if k.arg}
            yield (path.relative_to(ROOT), node.lineno, rule, variant, keywords,
                   any(k.arg is None for k in node.keywords))


CALLS = list(_calls())
INDIRECT = {("build_hooks/rules/body.py", "HTML_RULES[found.kind]"),  # checked below
            ("build_hooks/load/reader.py", "rule"),  # Reader.fail passing its own argument on
            ("build_hooks/importer/body.py", "rule")}  # the importer's findings, recorded with ids checked below
"""The only calls whose rule id is not a literal: each is checked another way."""


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _variants(node, where: str) -> list[str]:
    """The variants a call can name: none (the default), a literal, or either branch of ``a if c else b``."""
    if node is None:
        return [""]
    if isinstance(node, ast.IfExp):
        return [*_variants(node.body, where), *_variants(node.orelse, where)]
    assert _literal(node) is not None, f"{where}: variant is not a literal string"
    return [_literal(node)]


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_the_scan_finds_the_emitting_calls():
    assert len(CALLS) > 60
    assert {str(c[0]) for c in CALLS} >= {"build_hooks/corpus/tree.py", "build_hooks/rules/body.py",
                                          "build_hooks/load/rounds.py", "build_hooks/aggregate/indicators.py"}


def test_every_emitted_rule_id_and_variant_is_in_the_catalogue():
    missing = []
    for path, line, rule_node, variant_node, keywords, splat in CALLS:
        rule = _literal(rule_node)
        if rule is None:
            assert (str(path), ast.unparse(rule_node)) in INDIRECT, f"{path}:{line}: rule id is not a literal string"
            continue
        if rule not in CATALOGUE:
            missing.append(f"{path}:{line}: {rule}")
            continue
        for variant in _variants(variant_node, f"{path}:{line}"):
            assert variant in CATALOGUE[rule].texts, f"{path}:{line}: {rule} has no variant '{variant}'"
            text = CATALOGUE[rule].texts[variant]
            needed = _fields(text.message) | _fields(text.hint) | _fields(text.fallback)
            assert splat or needed <= keywords, f"{path}:{line}: {rule} needs {needed - keywords}"
    assert missing == []
    assert set(HTML_RULES.values()) <= set(CATALOGUE)
    recorded = re.findall(r'"(import-[a-z-]+)"', (ROOT / "build_hooks" / "importer" / "body.py").read_text())
    assert recorded and set(recorded) <= set(CATALOGUE), set(recorded) - set(CATALOGUE)


def test_only_the_catalogue_makes_problems():
    offenders = []
    for path in SOURCES:
        if path.name == "catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Problem":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_text_of_every_rule_formats(rule):
    for variant, text in rule.texts.items():
        params = {f: "x" for f in _fields(text.message) | _fields(text.hint) | _fields(text.fallback)}
        problem = finding(rule.id, "a.md", 1, 1, variant, **params)
        assert problem.message and problem.severity == rule.severity
        assert "{" not in problem.message
    assert rule.what and rule.fix and rule.found_by


def test_a_missing_id_fails_loudly():
    with pytest.raises(KeyError):
        finding("no-such-rule", "a.md", 1, 1)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_found_by_names_files_that_report_the_rule(rule):
    """``found_by`` (the handbook's table of rules says where a rule is detected) is checked, not typed on
    trust: every file it names exists, and one of them names the rule id as a literal."""
    files = [ROOT / "build_hooks" / name.strip() for name in rule.found_by.split(",")]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    assert any(f'"{rule.id}"' in f.read_text(encoding="utf-8") for f in files), rule.found_by


def test_rule_ids_are_unique_and_documented():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.what and r.fix and r.severity in ("error", "warning") for r in RULES)

