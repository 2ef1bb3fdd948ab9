"""Indicators, projects, trends and open data in the built site, on synthetic rounds over three years."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from openpyxl import load_workbook

from build_hooks.domain.numbers import parse_quantity
from build_hooks.publish.opendata import SCHEMA_DIR, ZIP_PATH
from build_hooks.render.indicators import with_unit
from support.site import build_site

pytestmark = pytest.mark.slow
BOM = b"\xef\xbb\xbf"


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(path), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def indicator_table(build, year: int) -> dict[tuple[str, str], list]:
    """Rows of a round's indicator table, keyed by (indicator name, unit), as lists of cells."""
    table = soup(build, f"{year}/chi-tieu/index.html").select_one(".indicator-table table")
    rows = {}
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td")
        rows[(text(cells[0]), text(cells[1]))] = cells
    return rows


def names(written_root: Path) -> tuple[dict, dict]:
    import yaml

    agencies = yaml.safe_load((written_root / "agencies.yml").read_text(encoding="utf-8"))
    indicators = {}
    for year_dir in sorted(written_root.glob("[0-9]*")):
        for ind in yaml.safe_load((year_dir / "round.yml").read_text(encoding="utf-8"))["indicators"]:
            indicators[ind["id"]] = ind["name"]
    return {k: v["name"] for k, v in agencies.items()}, indicators


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(BOM), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def test_every_figure_is_on_the_indicator_page_with_its_agency(three_year_site):
    root, written, build = three_year_site
    agency_names, indicator_names = names(root)
    for year, figures in written["figures"].items():
        rows = indicator_table(build, year)
        for fig in figures:
            cells = rows[(indicator_names[fig["id"]], fig["unit"])]
            shown = f"{with_unit(parse_quantity(fig['value']), fig['unit'])} — {agency_names[fig['agency']]}"
            assert shown in text(cells[2]), (year, fig)
            hrefs = [a["href"] for a in cells[2].find_all("a")]
            assert f"../co-quan/{fig['agency']}/" in hrefs


def test_vietnamese_number_format_on_the_page(three_year_site):
    _root, written, build = three_year_site
    page = build.page("2023/chi-tieu/index.html")
    capital = next(f for f in written["figures"][2023] if f["unit"] == "tỷ đồng")["value"]
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d)?", capital)
    assert f"{capital} tỷ đồng" in page


def test_target_status_column(three_year_site):
    root, written, build = three_year_site
    _agencies, indicator_names = names(root)
    for year, figures in written["figures"].items():
        rows = indicator_table(build, year)
        growth = next(f for f in figures if f["id"] == "tang-truong-gtgt-cong-nghiep")
        expected = "✓ Đạt" if parse_quantity(growth["value"]).low >= 8 else "✗ Chưa đạt"
        assert text(rows[(indicator_names["tang-truong-gtgt-cong-nghiep"], "%")][4]) == expected
        assert text(rows[(indicator_names["thu-hut-dau-tu"], "dự án")][4]) == "– Không có chỉ tiêu"


def test_acknowledged_conflict_shows_both_figures_and_the_note(three_year_site):
    root, written, build = three_year_site
    agency_names, indicator_names = names(root)
    for year, figures in written["figures"].items():
        both = [f for f in figures if f["id"] == "kcn-xu-ly-nuoc-thai"]
        assert len(both) == 2 and parse_quantity(both[0]["value"]) != parse_quantity(both[1]["value"])
        cell = text(indicator_table(build, year)[(indicator_names["kcn-xu-ly-nuoc-thai"], "%")][2])
        assert "⚠ Số liệu không thống nhất" in cell
        for fig in both:
            assert f"{with_unit(parse_quantity(fig['value']), '%')} — {agency_names[fig['agency']]}" in cell
        notices = [text(n) for n in soup(build, f"{year}/chi-tieu/index.html").select(".admonition.warning")]
        conflict = next(n for n in notices if n.startswith("Số liệu không thống nhất giữa các cơ quan"))
        assert "Sở Công Thương đã xem xét: Hai cơ quan tính theo hai cách khác nhau" in conflict
        for fig in both:
            assert f"2021/{fig['agency']}.md".replace("2021", str(year)) in conflict
    assert "indicator-conflict" not in build.output


def test_unacknowledged_conflict_fails_strict_naming_both_files(conflict_site):
    root, written, build = conflict_site
    assert build.returncode != 0
    both = [f for f in written["figures"][2024] if f["id"] == "kcn-xu-ly-nuoc-thai"]
    warnings = [line for line in build.output.splitlines() if "[indicator-conflict]" in line]
    assert len(warnings) == 1
    for fig in both:
        assert f"2024/{fig['agency']}.md" in warnings[0]
        assert str(fig["value"]) in warnings[0]
    assert "acknowledged_conflicts" in warnings[0]  # the hint says how to publish anyway
    # Under --strict, like every warning, it stops the build before the site is written.
    assert not build.site.exists()


def test_unacknowledged_conflict_shows_both_figures_when_not_strict(conflict_site, tmp_path):
    root, _written, _build = conflict_site
    build = build_site(root, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.output
    assert "[indicator-conflict]" in build.output
    cell = text(indicator_table(build, 2024)[(
        "Tỷ lệ khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường",
        "%")][2])
    assert cell.count(" — ") == 2 and "⚠ Số liệu không thống nhất" in cell


def test_csv_has_bom_and_every_figure_as_submitted(three_year_site):
    _root, written, build = three_year_site
    for year, figures in written["figures"].items():
        data = (build.site / f"{year}/du-lieu/indicators.csv").read_bytes()
        # As Excel reads it: the BOM selects UTF-8, so Vietnamese letters come out whole.
        assert data.decode("utf-8-sig").splitlines()[1].count("Tốc độ tăng trưởng giá trị gia tăng công nghiệp") == 1
        rows = read_csv(data)
        assert len(rows) == len(figures)
        for fig in figures:
            row = next(r for r in rows if (r["ma_chi_tieu"], r["don_vi"], r["ma_co_quan"])
                       == (fig["id"], fig["unit"], fig["agency"]))
            q = parse_quantity(fig["value"])
            assert row["gia_tri"] == str(fig["value"])
            assert row["loai_gia_tri"] == q.kind
            assert (float(row["gia_tri_thap"]) if row["gia_tri_thap"] else None) == q.low
            assert (float(row["gia_tri_cao"]) if row["gia_tri_cao"] else None) == q.high
            assert row["nam"] == str(year) and row["tep_nguon"].endswith(f"{year}/{fig['agency']}.md")
            assert row["ghi_chu"] == fig.get("note", "")
            assert row["xung_dot"] == ("1" if fig["id"] == "kcn-xu-ly-nuoc-thai" else "0")


def test_projects_csv_and_page(three_year_site):
    root, written, build = three_year_site
    agency_names, _ = names(root)
    for year, projects in written["projects"].items():
        rows = read_csv((build.site / f"{year}/du-lieu/projects.csv").read_bytes())
        assert sorted((r["ten_du_an"], r["ma_co_quan"], r["tinh_trang"], r["phu_luc"]) for r in rows) == sorted(
            (p["name"], p["agency"], p["status"], p["appendix"]) for p in projects)
        page = soup(build, f"{year}/du-an/index.html")
        tables = page.select("article table")
        listing = {text(tr.find_all("td")[1]): tr for tr in tables[1].select("tbody tr")}
        assert len(listing) == 6  # seven reports, one project reported twice
        merged = listing["Dự án minh họa số 1: Hạ tầng cụm công nghiệp"]
        sources = [p for p in projects if p["name"].upper().startswith(("DỰ ÁN MINH HỌA SỐ 1", "DU AN MINH HOA SO 1"))]
        for p in sources:
            assert agency_names[p["agency"]] in text(merged)
        counts = {text(tr.find_all("td")[0]): text(tr.find_all("td")[1]) for tr in tables[0].select("tbody tr")}
        assert counts.pop("Tổng cộng") == "6"
        assert sum(int(v) for v in counts.values()) == 6


def test_json_follows_its_schema_and_holds_every_figure(three_year_site):
    _root, written, build = three_year_site
    schema = json.loads((SCHEMA_DIR / "indicators.schema.json").read_text(encoding="utf-8"))
    sub_schema = json.loads((SCHEMA_DIR / "submissions.schema.json").read_text(encoding="utf-8"))
    for year, figures in written["figures"].items():
        doc = json.loads((build.site / f"{year}/du-lieu/indicators.json").read_bytes())
        Draft202012Validator(schema).validate(doc)
        assert (doc["schema_version"], doc["year"], doc["demo"]) == ("1.0.0", year, True)
        reports = {(i["id"], i["unit"], r["agency"]): r for i in doc["indicators"] for r in i["reports"]}
        assert len(reports) == len(figures)
        for fig in figures:
            value = reports[(fig["id"], fig["unit"], fig["agency"])]["value"]
            q = parse_quantity(fig["value"])
            expected = (str(fig["value"]), q.kind, q.low, q.high)
            assert (value["text"], value["kind"], value["low"], value["high"]) == expected
        subs = json.loads((build.site / f"{year}/du-lieu/submissions.json").read_bytes())
        Draft202012Validator(sub_schema).validate(subs)
        assert {s["agency"] for s in subs["submissions"]} == set(written["years"][year])
        for s in subs["submissions"]:
            assert set(s["sections_written"]) == {k for k in written["years"][year][s["agency"]] if k}


def test_workbook_holds_every_figure_as_numbers(three_year_site):
    _root, written, build = three_year_site
    for year, figures in written["figures"].items():
        book = load_workbook(build.site / f"{year}/du-lieu/bao-cao-{year}.xlsx", read_only=True)
        assert book.sheetnames == ["Chỉ tiêu", "Dự án", "Văn bản", "Giải thích"]
        header, *rows = list(book["Chỉ tiêu"].iter_rows(values_only=True))
        records = [dict(zip(header, row, strict=True)) for row in rows]
        assert len(records) == len(figures)
        for fig in figures:
            rec = next(r for r in records if (r["ma_chi_tieu"], r["don_vi"], r["ma_co_quan"])
                       == (fig["id"], fig["unit"], fig["agency"]))
            q = parse_quantity(fig["value"])
            assert rec["gia_tri"] == str(fig["value"]) and rec["gia_tri_thap"] == q.low and rec["gia_tri_cao"] == q.high
            assert rec["nam"] == year
        assert len(list(book["Dự án"].iter_rows())) == len(written["projects"][year]) + 1


def test_zip_holds_every_data_file_unchanged(three_year_site):
    _root, _written, build = three_year_site
    archive = zipfile.ZipFile(build.site / ZIP_PATH)
    names_in_zip = set(archive.namelist())
    for year in (2021, 2022, 2023):
        for name in ("indicators.csv", "indicators.json", "projects.csv", "submissions.json", f"bao-cao-{year}.xlsx"):
            assert archive.read(f"{year}/{name}") == (build.site / f"{year}/du-lieu/{name}").read_bytes()
            names_in_zip.remove(f"{year}/{name}")
    assert names_in_zip == {"schema/indicators.schema.json", "schema/submissions.schema.json"}


def test_data_page_links_every_file_and_describes_every_column(three_year_site):
    _root, _written, build = three_year_site
    page = soup(build, "du-lieu/index.html")
    targets = {a["href"] for a in page.select("article a[href]") if not a["href"].startswith("#")}
    for href in targets:
        target = build.site / "du-lieu" / href
        assert target.resolve().is_file() or (target / "index.html").is_file(), href
    assert sum(href.endswith(".xlsx") for href in targets) == 3
    assert sum(href.endswith(".docx") for href in targets) == sum(href.endswith(".pdf") for href in targets) == 3
    header = list(read_csv((build.site / "2023/du-lieu/indicators.csv").read_bytes())[0])
    described = [text(tr.find_all("td")[0]) for tr in page.select_one("h2#cot-indicators").find_next("table")
                 .select("tbody tr")]
    assert described == header
    header = list(read_csv((build.site / "2023/du-lieu/projects.csv").read_bytes())[0])
    described = [text(tr.find_all("td")[0]) for tr in page.select_one("h2#cot-projects").find_next("table")
                 .select("tbody tr")]
    assert described == header


def test_trend_pages_have_inline_svg_with_title_and_a_data_table(three_year_site):
    _root, written, build = three_year_site
    page = soup(build, "xu-huong/tang-truong-gtgt-cong-nghiep/index.html")
    figures = page.select("figure.trend-figure")
    assert len(figures) == 1
    svg = figures[0].find("svg")
    assert svg["role"] == "img" and svg.title and "Tốc độ tăng trưởng" in svg.title.get_text()
    # Text stays text, in Vietnamese, so it prints sharp and reads with the page's fonts.
    assert "Chỉ tiêu kế hoạch (8 - 9%)" in svg.get_text()
    table = figures[0].find_next_sibling("div", class_="trend-table").find("table")
    years = [text(tr.find_all("td")[0]) for tr in table.select("tbody tr")]
    assert years == ["Năm 2021", "Năm 2022", "Năm 2023"]
    for tr, year in zip(table.select("tbody tr"), (2021, 2022, 2023), strict=True):
        fig = next(f for f in written["figures"][year] if f["id"] == "tang-truong-gtgt-cong-nghiep")
        assert with_unit(parse_quantity(fig["value"]), "%") in text(tr.find_all("td")[1])
    investment = soup(build, "xu-huong/thu-hut-dau-tu/index.html")
    assert len(investment.select("figure.trend-figure svg title")) == 3  # one chart per unit
    assert len(investment.select("div.trend-table table")) == 3


def test_no_script_or_request_to_another_host(three_year_site):
    _root, _written, build = three_year_site
    pages = list(build.site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        doc = BeautifulSoup(html, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("image", "href")):
            for node in doc.find_all(tag):
                assert not re.match(r"^(https?:)?//", node.get(attr, "")), (path, node)
        for svg in doc.select("figure.trend-figure svg"):
            assert not svg.find("script") and "url(http" not in str(svg)


def test_navigation_has_year_tabs_with_indicator_pages_and_the_changes(three_year_site):
    _root, _written, build = three_year_site
    home = soup(build, "index.html")
    tabs = [text(a) for a in home.select(".md-tabs__link")]
    assert tabs[:4] == ["Trang chủ", "Năm 2023", "Năm 2022", "Năm 2021"]
    assert "Chỉ tiêu qua các năm" in tabs and "Dữ liệu mở" in tabs
    changes = text(soup(build, "2023/thay-doi/index.html").select_one("article"))
    assert "II.9. Chuyển đổi số trong doanh nghiệp công nghiệp" in changes
    assert "Tình hình xây dựng, ban hành chính sách phát triển công nghiệp" in changes
    assert "Tỷ lệ doanh nghiệp công nghiệp ứng dụng chuyển đổi số" in changes
    assert "không thay đổi" in text(soup(build, "2022/thay-doi/index.html").select_one("article"))
    assert not (build.site / "2021/thay-doi").exists()


def test_real_round_pages_and_files(real_site):
    rows = indicator_table(real_site, 2023)
    assert len(rows) == 9  # seven indicators, thu-hut-dau-tu in three units
    growth = rows[("Tốc độ tăng trưởng giá trị gia tăng công nghiệp", "%")]
    assert text(growth[3]) == "8 - 9%" and text(growth[4]) == "… Chưa có số liệu"
    assert "800 tỷ đồng" in text(rows[("Thu hút đầu tư vào Khu kinh tế Dung Quất và các Khu công nghiệp, "
                                      "các cụm công nghiệp", "tỷ đồng")][3])
    assert read_csv((real_site.site / "2023/du-lieu/indicators.csv").read_bytes()) == []
    subs = json.loads((real_site.site / "2023/du-lieu/submissions.json").read_bytes())
    assert [s["agency"] for s in subs["submissions"]] == ["ban-dan-toc"]
    assert subs["submissions"][0]["no_assigned_tasks"] is True and subs["demo"] is False
