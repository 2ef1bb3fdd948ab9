"""Word letters built at test time import into submissions that pass check --strict, build, and keep every paragraph
under its outline section."""
from __future__ import annotations

from pathlib import Path

import pytest

from importer.letters import LETTERS
from importer.support import (
    body_paragraphs,
    fold,
    frame,
    front_matter,
    import_letter,
    sections_in_order,
    sections_of_text,
)
from support.session import once
from support.site import BUILD_TODAY, build_site, run_cli, submission_tree


def _imported(root: Path):
    tree = submission_tree(root / "submissions", {})
    results = {}
    for name, build in LETTERS.items():
        source = root / f"{name}.docx"
        letter = build(source)
        proc = import_letter(source, letter.agency, tree)
        results[name] = (letter, proc, tree / "2023" / f"{letter.agency}.md")
    site = build_site(tree, root / "site", env={"REPORT_TODAY": BUILD_TODAY})
    return results, tree, site


@pytest.fixture(scope="session")
def imported(tmp_path_factory, worker_id):
    """Every fixture letter built, imported into one submissions tree, and the site built once."""
    return once(tmp_path_factory, worker_id, "import-docx", _imported)


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_front_matter_is_recognised(imported, name):
    letter, proc, path = imported[0][name]
    assert path.is_file(), proc.stdout + proc.stderr
    assert frame(front_matter(path)) == letter.front


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_result_passes_strict_check(imported, name):
    letter, proc, path = imported[0][name]
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(imported[1]), str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert proc.returncode == (1 if letter.rules else 0), proc.stdout + proc.stderr
    for rule in letter.rules:
        assert f"[{rule}]" in proc.stdout


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_command_counts_every_paragraph(imported, name):
    letter, proc, path = imported[0][name]
    assert "Đã nhập" in proc.stdout
    counted = [line for line in proc.stdout.splitlines() if "đoạn" in line and "Nội dung" in line][0]
    found, total = counted.split(":")[1].split()[0].split("/")
    assert found == total and int(total) >= len(letter.body)
    sections = sorted({section for _text, section in letter.body if section})
    listed = next(line for line in proc.stdout.splitlines() if "Các mục:" in line)
    assert all(f" {s}," in listed or f" {s} (" in listed for s in sections), listed


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_every_source_paragraph_is_in_the_file_in_order(imported, name):
    letter, _proc, path = imported[0][name]
    paragraphs = "\n".join(body_paragraphs(path))
    at = 0
    for text, _section in letter.body:
        pos = paragraphs.find(fold(text), at)
        assert pos >= 0, text
        at = pos


def test_site_builds(imported):
    site = imported[2]
    assert site.returncode == 0, site.output[-3000:]


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_every_source_paragraph_is_on_the_letter_page_under_its_section(imported, name):
    letter, _proc, _path = imported[0][name]
    site = imported[2]
    placed = sections_of_text(site.page(f"2023/co-quan/{letter.agency}/index.html"))
    got = sections_in_order(placed, [text for text, _ in letter.body])
    assert list(zip([t for t, _ in letter.body], got, strict=True)) == letter.body


def test_named_kind_is_printed_under_the_header(imported):
    html = imported[2].page("2023/co-quan/ubnd-binh-son/index.html")
    assert '<p class="cv-kind-name"><strong>BÁO CÁO</strong></p>' in html
    assert "V/v" not in html.split('class="cv-kind"')[0].split('class="cv-number"')[1]
    assert "TM. ỦY BAN NHÂN DÂN" in html and "KT. CHỦ TỊCH" in html


def test_cong_van_keeps_subject_under_the_number(imported):
    html = imported[2].page("2023/co-quan/so-xay-dung/index.html")
    assert 'class="cv-subject">V/v báo cáo tình hình' in html and "cv-kind" not in html


def test_refuses_to_overwrite_without_force(imported, tmp_path):
    letter, _proc, path = imported[0]["cong-van"]
    source = tmp_path / "cong-van.docx"  # the same bytes again: the original kept by the first import
    source.write_bytes((path.parent / "originals" / f"{letter.agency}.docx").read_bytes())
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\nSửa tay.\n", encoding="utf-8")
    proc = import_letter(source, letter.agency, imported[1])
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert path.read_text(encoding="utf-8").endswith("Sửa tay.\n")
    assert import_letter(source, letter.agency, imported[1], "--force").returncode == 0
    assert path.read_text(encoding="utf-8") == before


def test_guide_explains_importing_a_word_letter(imported):
    html = imported[2].page("huong-dan/nop-bao-cao/index.html")
    assert 'id="nop-bang-tep-word"' in html or "Nộp bằng tệp Word</h2>" in html
    assert "python -m build_hooks import" in html and "OCR" in html
    assert "một trong: Công văn, Báo cáo, Tờ trình" in html  # the kind key, from the schema


# --- what Word hides in its XML is read as text ---------------------------------------------------

def test_word_text_in_tracked_changes_content_controls_hyperlinks_and_nested_tables_is_read(tmp_path):
    import docx
    from docx.oxml import parse_xml

    from build_hooks.importer.docx_reader import read_docx

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d = docx.Document()
    para = d.add_paragraph("Trước ")
    para._p.append(parse_xml(f'<w:ins xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:t xml:space="preserve">chèn </w:t>'
                             '</w:r></w:ins>'))
    para._p.append(parse_xml(f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>xóa</w:delText></w:r>'
                             '</w:del>'))
    para._p.append(parse_xml(f'<w:hyperlink xmlns:w="{w}"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>'))
    d.element.body.insert(1, parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>Trong khối điều khiển'
                                       '</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    inner = d.add_table(rows=1, cols=1).cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "lồng A", "lồng B"
    d.save(tmp_path / "odd.docx")
    blocks = read_docx(tmp_path / "odd.docx", "odd.docx").blocks
    assert [b.text for b in blocks[:2]] == ["Trước chèn liên kết", "Trong khối điều khiển"]
    assert [[c.text for c in row] for row in blocks[2].rows] == [["lồng A lồng B"]]

