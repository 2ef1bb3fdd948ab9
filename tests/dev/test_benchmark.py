"""``python -m build_hooks synthetic`` and ``benchmark``: a labelled tree, and a table of figures."""
from __future__ import annotations

import yaml

from build_hooks.dev.benchmark import Size
from build_hooks.settings import SUBMISSIONS_DIR
from support.site import run_cli


def test_synthetic_writes_a_labelled_tree_and_never_over_data(tmp_path):
    result = run_cli("synthetic", str(tmp_path / "tree"), "--agencies", "7", "--years", "3")
    assert result.returncode == 0, result.stderr
    years = sorted(p.name for p in (tmp_path / "tree").iterdir() if p.is_dir())
    assert years == ["2021", "2022", "2023"]
    for year in years:
        rnd = yaml.safe_load((tmp_path / "tree" / year / "round.yml").read_text(encoding="utf-8"))
        assert rnd["demo"] is True  # every page built from it says "Dữ liệu minh họa"
    assert len(list((tmp_path / "tree" / "2023").glob("*.md"))) == 6  # one expected agency never answers
    again = run_cli("synthetic", str(tmp_path / "tree"))
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr
    real = run_cli("synthetic", str(SUBMISSIONS_DIR))
    assert real.returncode == 2


def test_sizes_are_agencies_times_years():
    assert Size.parse("40x10") == Size(40, 10) and Size.parse("2000") == Size(2000, 1)


def test_benchmark_prints_the_builds_and_the_ratios(tmp_path):
    result = run_cli("benchmark", "--sizes", "3", "--repeat", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["bản", "dựng"]
    rows = {line[:34].strip(): line[34:].split() for line in lines[1:] if line[:34].strip()}
    assert set(rows) == {"kho dữ liệu (submissions/)", "3 cơ quan × 1 năm, lần đầu", "3 cơ quan × 1 năm, lần sau",
                         "3 cơ quan × 1 năm, Material thuần"}
    for label, figures in rows.items():
        pages, seconds, mib, site, index = figures[:5]
        assert int(pages) > 0 and float(seconds) > 0 and float(site) > 0 and float(index) > 0, label
    assert "tỉ lệ thời gian lần đầu" in result.stdout and "lần sau" in result.stdout
    assert "trung vị của 2 lần" in result.stdout


def test_benchmark_import_prints_a_rounds_letters_imported_clean():
    result = run_cli("benchmark-import", "--no-pdf", "--letters", "36")
    assert result.returncode == 0, result.stdout + result.stderr
    head, docx, summary, pdf = result.stdout.splitlines()
    assert head.startswith("import: 36 thư (mẫu Word của từng cơ quan đợt 2023, ")  # the round expects fewer:
    assert "cho bản sao của đợt ấy năm 2024" in head  # the rest write for a copy of it a year later
    count = 36
    assert docx.strip().startswith("Word (.docx): ") and "s/thư" in docx and "mã thoát 0" in docx
    assert summary.strip() == f"{count} tệp: {count} không còn gì cần sửa, 0 cần xem lại, 0 không nhập."
    assert pdf.strip() == "PDF: bỏ qua"
