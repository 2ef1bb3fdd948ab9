"""The real letter (the seed's text and its Word layout) imports into the transcription in submissions/."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_hooks.domain.catalogue import RULES
from build_hooks.importer.convert import convert
from build_hooks.importer.coverage import measure
from build_hooks.importer.document import Cell, Document, Paragraph, Placeholder, Run, Table
from build_hooks.settings import ROOT
from importer.support import body_paragraphs, frame, front_matter, import_letter
from support.site import BUILD_TODAY, run_cli, submission_tree

# The project's shared folder lies beside the repository (as CI lays it out); /work/shared on a developer machine.
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
SEED = SHARED / "seed" / "000_a9a650724f400d40.txt"
SAMPLE = SHARED / "samples" / "ban-dan-toc-2023.docx"
TRANSCRIBED = ROOT / "submissions" / "2023" / "ban-dan-toc.md"
needs_seed = pytest.mark.skipif(not SEED.is_file() or not SAMPLE.is_file(), reason="shared seed not on this machine")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return submission_tree(tmp_path_factory.mktemp("seed") / "submissions", {})


@needs_seed
@pytest.mark.parametrize("source", [SEED, SAMPLE], ids=["seed-text", "sample-docx"])
def test_real_letter_imports_to_the_transcription(tree, source):
    proc = import_letter(source, "ban-dan-toc", tree, "--force")
    out = tree / "2023" / "ban-dan-toc.md"
    assert proc.returncode in (0, 1), proc.stderr
    assert frame(front_matter(out)) == frame(front_matter(TRANSCRIBED))
    assert body_paragraphs(out) == body_paragraphs(TRANSCRIBED)
    assert "Nội dung: 2/2 đoạn" in proc.stdout
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(tree), str(out))
    assert check.returncode == 0, check.stdout + check.stderr


@needs_seed
def test_outline_after_the_seed_letter_is_reported_not_imported(tree):
    proc = import_letter(SEED, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 1
    assert "[import-trailing]" in proc.stdout and "ĐỀ CƯƠNG" in proc.stdout
    assert "KẾT QUẢ THỰC HIỆN" not in (tree / "2023" / "ban-dan-toc.md").read_text(encoding="utf-8")


@needs_seed
def test_sample_docx_needs_no_hand(tree):
    proc = import_letter(SAMPLE, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 0, proc.stdout
    assert "Người ký: KT. Trưởng ban / Phó Trưởng ban / Nguyễn Thế Nhân" in proc.stdout


def test_check_names_the_import_command_for_a_stray_word_file(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.docx": b"PK\x03\x04 a Word letter"})
    proc = run_cli("check", "--submissions", str(tree))
    assert proc.returncode == 1
    assert "python -m build_hooks import so-xay-dung.docx --agency <mã-cơ-quan> --year 2023" in proc.stdout


@needs_seed
def test_output_elsewhere_is_still_checked(tree, tmp_path):
    out = tmp_path / "ban-nhap.md"
    proc = import_letter(SAMPLE, "ban-dan-toc", tree, "--output", str(out))
    assert proc.returncode == 0, proc.stdout
    assert out.is_file() and "qua được check --strict" in proc.stdout
    out.write_text(out.read_text(encoding="utf-8").replace("date: 12/2023", "date: 31/02/2023"), encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text(encoding="utf-8").replace("ngày         tháng 12", "ngày 31 tháng 02"),
                      encoding="utf-8")
    proc = import_letter(broken, "ban-dan-toc", tree, "--output", str(tmp_path / "b.md"))
    assert proc.returncode == 1 and "[bad-date]" in proc.stdout and "b.md:6:" in proc.stdout


@needs_seed
def test_utf16_text_imports_and_other_encodings_are_refused(tree, tmp_path):
    utf16 = tmp_path / "thu.txt"
    utf16.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    proc = import_letter(utf16, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 1 and "Nội dung: 2/2 đoạn" in proc.stdout
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Qu\xe3ng Ng\xe3i".encode("latin-1"))
    proc = import_letter(latin, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 2 and "UTF-8" in proc.stderr


# --- every importer rule id, reported at its line in the written file -----------------------------

HEAD = ["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 12/SXD-QLXD", "V/v báo cáo năm 2023",
        "Quảng Ngãi, ngày 15 tháng 12 năm 2023", "Kính gửi: Sở Công Thương."]
FOOT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"]


def p(text, line, **kw) -> Paragraph:
    return Paragraph((Run(text, kw.pop("bold", False)),), line, **kw)


def letter(*body) -> Document:
    blocks = [p(t, i) for i, t in enumerate(HEAD, 1)] + list(body)
    blocks += [p(t, 100 + i) for i, t in enumerate(FOOT)]
    return Document(tuple(blocks), "thu.docx", "docx")


def rules_of(doc) -> dict[str, int]:
    result = convert(doc, "so-xay-dung", 2023, "so-xay-dung.md")
    return {f.rule: f.line for f in result.findings}, result


def test_every_import_rule_is_reported_somewhere():
    found: dict[str, int] = {}
    cases = [
        letter(p("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", 10, bold=True),
               p("Nội dung.", 11), Placeholder("image", 12, "Hình 1"), Placeholder("chart", 13),
               Placeholder("textbox", 14, "", "Chữ trong hộp."), Placeholder("hidden", 14, "", "Chữ ẩn."),
               p("Đoạn có số lạ", 15, number="?"),
               p("Qu¶ng Ng·i b¸o c¸o", 16)),
        Document((p("Nội dung không có phần đầu.", 1),), "x.docx", "docx"),
        Document(tuple(letter(p("Nội dung.", 10)).blocks) + (p("PHỤ LỤC", 200), p("Bảng số liệu", 201)),
                 "x.docx", "docx"),
        Document((p("SỞ XÂY DỰNG", 1), p("Mẫu số 01 kèm theo", 2), p("Số: 12/SXD-QLXD", 3),
                  p("Kính gửi: Sở Công Thương.", 4), p("Nội dung.", 5)), "x.docx", "docx"),
    ]
    results = []
    for doc in cases:
        rules, result = rules_of(doc)
        found.update(rules)
        results.append(result)
    # import-renumbered needs the round's outline (tests/importer/test_titles.py shows it through convert)
    from build_hooks.importer.titles import follow_titles
    from support.real import ROUND

    _text, renumbered = follow_titles(f"# V. K\n\n## 2. {ROUND.outline.get('V.6').title}\n\nHai.\n", ROUND.outline,
                                      "x.md", 0)
    found.update({f.rule: f.line for f in renumbered})
    # the guesses need it too (tests/importer/test_placement.py shows each at its line)
    cells = ((Cell((p("STT", 30),)), Cell((p("Nội dung", 30),))),)
    guessed = Document(tuple(letter(p("II. KẾT QUẢ", 10, bold=True), p("a) Việc khác", 11, bold=True),
                                    p("Tồn tại hạn chế", 12, bold=True), p("2. Một việc", 13),
                                    Table(cells, 30, ruled=False)).blocks), "x.pdf", "pdf")
    found.update({f.rule: f.line for f in convert(guessed, "so-xay-dung", 2023, "x.md", ROUND.outline).findings})
    # import-lost needs a body the writer dropped: measure it on a truncated text, as convert does
    assert not measure([(1, "Mất đoạn này.")], results[0].text).complete
    found["import-lost"] = 1
    importer_rules = {r.id for r in RULES if r.found_by.startswith("importer/")}
    assert importer_rules <= set(found), importer_rules - set(found)
    text = results[0].text.splitlines()
    assert "Hình ảnh 'Hình 1'" in text[found["import-image"] - 1]
    assert "Biểu đồ" in text[found["import-chart"] - 1]
    assert "Chữ trong hộp." in results[0].text
    lines = results[3].text.splitlines()
    assert lines[found["import-unrecognised"] - 1] == "# Chưa nhận ra (dòng 2 của tệp gốc): Mẫu số 01 kèm theo"

