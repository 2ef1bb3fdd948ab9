"""The malformed corpus: every rule, and combinations, with the exact (line, column, rule).

Each case in ``tests/cases/bad`` is one submission; ``tests/cases/expected.yml``
says what the checker must report. The same cases then go through
``mkdocs build --strict``, which must fail without writing a site.
"""
from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from support.site import BUILD_TODAY, build_site, submission_tree

from build_hooks.load.corpus import load_corpus
from build_hooks.rules.catalogue import CATALOGUE, IMPORT_RULES, MAX_BYTES
from build_hooks.settings import ROOT

CASES = ROOT / "tests" / "cases"
EXPECTED: dict = yaml.safe_load((CASES / "expected.yml").read_text(encoding="utf-8"))
GOOD = sorted(p.stem for p in (CASES / "good").glob("*.md"))
TODAY = datetime.date.fromisoformat(BUILD_TODAY)


def case_files(name: str) -> dict:
    spec = EXPECTED[name]
    target = spec.get("file", "so-xay-dung.md")
    base = (CASES / "good" / "base.md").read_text(encoding="utf-8")
    if spec.get("generate") == "large":
        filler = ("Đoạn văn dán nhầm rất dài. " * 40 + "\n\n") * (MAX_BYTES // 1000 + 10)
        return {target: base + filler}
    if spec.get("generate") == "docx":
        return {target: b"PK\x03\x04 not really a document"}
    return {target: (CASES / "bad" / f"{name}.md").read_bytes()}


@pytest.fixture(scope="session")
def trees(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("malformed")
    return {name: submission_tree(root / name / "submissions", case_files(name)) for name in EXPECTED}


def found(tree: Path) -> list[str]:
    _corpus, problems = load_corpus(tree, base=tree, today=TODAY)
    return [f"{p.line}:{p.column} {p.rule}" for p in problems]


def test_corpus_is_large_and_every_case_has_a_file():
    assert len(EXPECTED) >= 40
    for name, spec in EXPECTED.items():
        assert spec.get("generate") or (CASES / "bad" / f"{name}.md").is_file(), name
    assert {p.stem for p in (CASES / "bad").glob("*.md")} <= set(EXPECTED)


def test_every_rule_has_a_malformed_case():
    covered = {item.split()[1] for spec in EXPECTED.values() for item in spec["problems"]}
    checker_rules = set(CATALOGUE) - {r.id for r in IMPORT_RULES}  # the importer's: tests/importer
    assert checker_rules <= covered, checker_rules - covered


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checker_reports_exact_location_and_rule(trees, name):
    assert found(trees[name]) == EXPECTED[name]["problems"]


@pytest.mark.parametrize("name", GOOD)
def test_good_cases_are_accepted(tmp_path, name):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": (CASES / "good" / f"{name}.md").read_bytes()})
    assert found(tree) == []


@pytest.fixture(scope="session")
def malformed_builds(trees) -> dict:
    """``mkdocs build --strict`` of every malformed tree, four at a time (each aborts in on_config)."""
    def build(name):
        return name, build_site(trees[name], trees[name].parent / "site", env={"REPORT_TODAY": BUILD_TODAY})

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(build, sorted(trees)))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_mkdocs_build_fails_and_writes_no_site(malformed_builds, name):
    build = malformed_builds[name]
    assert build.returncode != 0
    assert not build.site.exists()
    assert "Traceback" not in build.output
    for item in EXPECTED[name]["problems"]:
        line_col, rule = item.split()
        assert f":{line_col}: " in build.output and f"[{rule}]" in build.output, build.output


@pytest.mark.slow
def test_code_shown_as_code_builds_and_is_escaped(tmp_path):
    tree = submission_tree(tmp_path / "submissions",
                           {"so-xay-dung.md": (CASES / "good" / "html-in-code.md").read_bytes()})
    build = build_site(tree, tmp_path / "site", env={"REPORT_TODAY": BUILD_TODAY})
    assert build.returncode == 0, build.output
    page = build.page("2023/co-quan/so-xay-dung/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.slow
def test_warnings_stop_only_strict_builds(trees, tmp_path):
    tree = trees["heading-title"]
    build = build_site(tree, tmp_path / "site", strict=False, env={"REPORT_TODAY": BUILD_TODAY})
    assert build.returncode == 0, build.output
    assert "[heading-title]" in build.output and (tmp_path / "site" / "index.html").is_file()


def test_a_bad_build_date_stops_the_build(trees, tmp_path):
    build = build_site(trees["heading-title"], tmp_path / "site", env={"REPORT_TODAY": "15/01/2024"})
    assert build.returncode != 0 and "REPORT_TODAY='15/01/2024'" in build.output
    assert not (tmp_path / "site").exists()
