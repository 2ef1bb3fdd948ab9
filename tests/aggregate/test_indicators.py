"""Indicators, projects and outline changes, on the pure core (no site build)."""

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from build_hooks.aggregate.changes import diff_rounds
from build_hooks.aggregate.indicators import (
    CONFLICT,
    MET,
    NO_DATA,
    NO_TARGET,
    NOT_MET,
    conflict_problems,
    corpus_conflicts,
    rows_by_year,
    target_status,
    trends,
)
from build_hooks.aggregate.projects import (
    MIXED,
    merge_projects,
    project_key,
    status_counts,
)
from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.domain.numbers import Quantity, parse_quantity
from build_hooks.settings import SUBMISSIONS_DIR

Q = parse_quantity


@pytest.mark.parametrize("value, target, direction, expected", [
    # a single number: a floor when higher is better, a ceiling when lower is better
    ("92", "92", "higher", MET), ("91,9", "92", "higher", NOT_MET), ("100", "92", "higher", MET),
    ("5", "6", "lower", MET), ("6,1", "6", "lower", NOT_MET),
    # a range: met from its lower end up (exceeding growth is meeting it), or up to its top when lower is better
    ("8", "8 - 9", "higher", MET), ("8,6", "8 - 9", "higher", MET), ("10,1", "8 - 9", "higher", MET),
    ("7,9", "8 - 9", "higher", NOT_MET), ("9", "8 - 9", "lower", MET), ("9,1", "8 - 9", "lower", NOT_MET),
    # a bound says its own direction, strictness included
    ("63,5", "> 63", "higher", MET), ("63", "> 63", "higher", NOT_MET), ("63", ">= 63", "higher", MET),
    ("63", "≥ 63", "lower", MET), ("4", "< 5", "higher", MET), ("5", "< 5", "higher", NOT_MET),
    ("5", "<= 5", "higher", MET),
    # a reported range or bound meets the target only if every value it allows does
    ("8 - 9", "> 8,5", "higher", NOT_MET), ("8,6 - 9", "> 8,5", "higher", MET), ("> 63", "> 63", "higher", MET),
    (">= 63", "> 63", "higher", NOT_MET), ("> 450", "400", "higher", MET), ("< 5", "8 - 9", "higher", NO_DATA),
    # nothing to compare
    ("9,5", None, "higher", NO_TARGET), ("Đang xây dựng đề án", "8 - 9", "higher", NO_DATA),
    ("Đang xây dựng đề án", None, "higher", NO_TARGET),
    ("9,5", "khoảng một nửa", "higher", NO_TARGET),
])
def test_target_status(value, target, direction, expected):
    assert target_status(Q(value), Q(target) if target else None, direction) == expected


def test_no_value_is_no_data():
    assert target_status(None, Q("92")) == NO_DATA


@pytest.fixture(scope="module")
def three_years(tmp_path_factory):
    root = tmp_path_factory.mktemp("ind") / "submissions"
    written = write_round(root, 12, years=(2021, 2022, 2023), seed=11, conflicts=True, evolve=True)
    corpus, problems = load_corpus(root)
    assert not [p for p in problems if p.is_error], problems
    return root, written, corpus


def test_every_reported_figure_is_in_its_row(three_years):
    _root, written, corpus = three_years
    by_year = rows_by_year(corpus)
    for year, figures in written["figures"].items():
        rows = {row.key: row for row in by_year[year]}
        for fig in figures:
            row = rows[(fig["id"], fig["unit"])]
            reports = [r for r in row.figures if r.agency.id == fig["agency"]]
            assert len(reports) == 1
            assert reports[0].value.value.text == str(fig["value"]).strip()
            assert reports[0].value.value == Q(fig["value"])


def test_agreeing_figures_are_not_a_conflict_and_keep_both_sources(three_years):
    _root, written, corpus = three_years
    row = next(r for r in rows_by_year(corpus)[2022] if r.key == ("tang-truong-gtgt-cong-nghiep", "%"))
    assert len(row.figures) == 2 and not row.conflict
    assert row.figures[0].value.value.text != row.figures[1].value.value.text  # "7,2" and 7.2
    assert row.value.low == row.figures[1].value.value.low


def test_conflict_warns_naming_both_files_and_never_picks_one(three_years):
    _root, written, corpus = three_years
    by_year = rows_by_year(corpus)
    for rnd in corpus.rounds:
        row = next(r for r in by_year[rnd.year] if r.key == ("kcn-xu-ly-nuoc-thai", "%"))
        assert row.conflict and row.value is None and len(row.figures) == 2
        problems = conflict_problems(rnd, by_year[rnd.year])
        assert [p.rule for p in problems] == ["indicator-conflict"]
        first, second = (r.submission.path for r in row.figures)
        problem = problems[0]
        assert problem.severity == "warning"
        assert (problem.path, problem.line) == (first, row.figures[0].value.line)
        assert first in problem.message and f"{second}:{row.figures[1].value.line}" in problem.message
        assert row.status in (CONFLICT, MET, NOT_MET)
    assert len(corpus_conflicts(corpus)) == 3


def test_acknowledged_conflict_is_shown_but_not_warned(tmp_path):
    root = tmp_path / "submissions"
    write_round(root, 6, years=(2023,), seed=2, conflicts=True, acknowledge=True)
    corpus, problems = load_corpus(root)
    assert not problems
    row = next(r for r in rows_by_year(corpus)[2023] if r.key == ("kcn-xu-ly-nuoc-thai", "%"))
    assert row.conflict and row.acknowledged.note.startswith("Hai cơ quan")
    assert corpus_conflicts(corpus) == []


def test_stale_acknowledgement_is_a_warning(tmp_path):
    root = tmp_path / "submissions"
    write_round(root, 6, years=(2023,), seed=2, conflicts=False)
    round_file = root / "2023" / "round.yml"
    doc = yaml.safe_load(round_file.read_text(encoding="utf-8"))
    doc["acknowledged_conflicts"] = [{"indicator": "kcn-xu-ly-nuoc-thai", "unit": "%", "note": "cũ"}]
    round_file.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert not problems
    assert [p.rule for p in corpus_conflicts(corpus)] == ["stale-acknowledgement"]


def test_each_unit_is_its_own_row_in_round_order(three_years):
    _root, _written, corpus = three_years
    rows = rows_by_year(corpus)[2023]
    assert [r.unit for r in rows if r.definition.id == "thu-hut-dau-tu"] == ["dự án", "tỷ đồng", "triệu USD"]
    assert [r.definition.id for r in rows][-1] == "ty-le-doanh-nghiep-chuyen-doi-so"


def test_previous_year_and_change(three_years):
    _root, written, corpus = three_years
    by_year = rows_by_year(corpus)
    before = next(r for r in by_year[2022] if r.key == ("ty-trong-cn-dv-grdp", "%"))
    now = next(r for r in by_year[2023] if r.key == ("ty-trong-cn-dv-grdp", "%"))
    assert now.previous == before.value and now.previous_source == "nam-truoc"
    assert now.change == pytest.approx(now.value.low - before.value.low)
    stated = next(r for r in by_year[2023] if r.key == ("thu-hut-dau-tu", "dự án"))
    fig = next(f for f in written["figures"][2023] if f["id"] == "thu-hut-dau-tu" and f["unit"] == "dự án")
    assert stated.previous_source == "van-ban" and stated.previous.low == fig["previous"]


def test_trends_cover_every_round_oldest_first(three_years):
    _root, _written, corpus = three_years
    all_trends = trends(corpus)
    growth = next(t for t in all_trends if t.id == "tang-truong-gtgt-cong-nghiep")
    assert [p.year for p in growth.points] == [2021, 2022, 2023]
    new = next(t for t in all_trends if t.id == "ty-le-doanh-nghiep-chuyen-doi-so")
    assert [p.row is None for p in new.points] == [True, True, False]


def test_projects_merge_by_folded_name_and_count_by_status(three_years):
    _root, written, corpus = three_years
    rnd = corpus.round(2023)
    projects = merge_projects(corpus.submissions[2023], corpus.registry)
    assert len(projects) == len({project_key(p["name"]) for p in written["projects"][2023]}) == 6
    first = next(p for p in projects if p.name.startswith("Dự án minh họa số 1"))
    assert len(first.sources) == 2
    assert {s.report.name for s in first.sources} == {"Dự án minh họa số 1: Hạ tầng cụm công nghiệp",
                                                      "DU AN MINH HOA SO 1: HA TANG CUM CONG NGHIEP"}
    counts = dict(status_counts(rnd, projects))
    assert sum(counts.values()) == 6 and set(rnd.project_statuses) <= set(counts)
    assert MIXED not in counts


def test_outline_changes_are_matched_by_id(three_years):
    _root, _written, corpus = three_years
    c = diff_rounds(corpus.round(2022), corpus.round(2023))
    assert c.added_sections == ("II.9", "V.9")
    assert [s for s, _a, _b in c.retitled_sections] == ["II.8", "V.8"]
    assert c.added_indicators == ("ty-le-doanh-nghiep-chuyen-doi-so",) and not c.removed_indicators
    assert diff_rounds(corpus.round(2021), corpus.round(2022)).empty


def test_round_file_units_and_acknowledgements_are_checked(tmp_path):
    root = tmp_path / "submissions"
    write_round(root, 3, years=(2023,), seed=1)
    round_file = root / "2023" / "round.yml"
    doc = yaml.safe_load(round_file.read_text(encoding="utf-8"))
    doc["indicators"][0]["units"] = [{"unit": "%"}, {"unit": "%", "target": "1"}]
    doc["acknowledged_conflicts"] = [{"indicator": "khong-co", "unit": "%", "note": "x"}]
    round_file.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _corpus, problems = load_corpus(root)
    assert {p.rule for p in problems} == {"units-and-unit", "duplicate-unit", "unknown-indicator"}
    assert all(p.path.endswith("round.yml") and p.line > 0 for p in problems)


def test_real_round_keeps_the_plan_targets():
    corpus, problems = load_corpus(SUBMISSIONS_DIR)
    rnd = corpus.round(2023)
    targets = {i.id: [(u.unit, u.target.text if u.target else None) for u in i.units] for i in rnd.indicators}
    assert targets["tang-truong-gtgt-cong-nghiep"] == [("%", "8 - 9")]
    assert targets["ty-le-lao-dong-cn-xd-dv"] == [("%", "> 63")]
    assert targets["kcn-xu-ly-nuoc-thai"] == [("%", "92")]
    # The plan's investment figures are totals for 2021-2025: kept as notes, never as yearly targets.
    assert targets["thu-hut-dau-tu"] == [("dự án", None), ("tỷ đồng", None), ("triệu USD", None)]
    notes = " ".join(u.note for u in rnd.indicator("thu-hut-dau-tu").units)
    assert "5 - 6 tỷ USD" in notes and "800 tỷ đồng" in notes


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(finite, finite, finite)
def test_range_target_is_a_floor_or_a_ceiling(v, a, b):
    low, high = sorted((a, b))
    target = Quantity("x", low, high, "range")
    value = Quantity("v", v, v, "number")
    assert (target_status(value, target, "higher") == MET) == (v >= low)
    assert (target_status(value, target, "lower") == MET) == (v <= high)


@given(finite, finite, st.sampled_from([">", ">=", "<", "<="]), st.sampled_from(["higher", "lower"]))
def test_bound_target_follows_its_operator(v, t, op, direction):
    target = Quantity("x", t if op[0] == ">" else None, t if op[0] == "<" else None, "bound", op)
    expected = {">": v > t, ">=": v >= t, "<": v < t, "<=": v <= t}[op]
    assert (target_status(Quantity("v", v, v, "number"), target, direction) == MET) == expected


def test_disagreeing_project_statuses_are_counted_apart(tmp_path):
    root = tmp_path / "submissions"
    written = write_round(root, 6, years=(2023,), seed=3)
    twice = [p for p in written["projects"][2023] if project_key(p["name"]).startswith("du an minh hoa so 1")]
    second = root / "2023" / f"{twice[1]['agency']}.md"
    other = next(s for s in ("hoàn thành", "chậm tiến độ") if s != twice[0]["status"])
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace(f"status: {twice[1]['status']}", f"status: {other}", 1), encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert not problems
    projects = merge_projects(corpus.submissions[2023], corpus.registry)
    first = next(p for p in projects if p.key.startswith("du an minh hoa so 1"))
    assert first.status == MIXED and first.statuses == [twice[0]["status"], other]
    assert dict(status_counts(corpus.round(2023), projects))[MIXED] == 1
    from build_hooks.render.projects import render_projects

    page = render_projects(corpus.round(2023), projects)
    row = next(line for line in page.splitlines() if "Dự án minh họa số 1" in line)
    assert "⚠ ý kiến khác nhau" in row
    assert f"({twice[0]['status']})" in row and f"({other})" in row
    assert "| Ý kiến khác nhau | 1 |" in page
