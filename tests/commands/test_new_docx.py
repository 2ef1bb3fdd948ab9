"""``new AGENCY --format docx``: the Word skeleton an agency fills in; filled with one sentence per section,
it imports with every sentence in its section and exit 0."""
from __future__ import annotations

from copy import deepcopy

from bs4 import BeautifulSoup
from docx import Document
from docx.text.paragraph import Paragraph
from importer.support import fold

from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.benchmark_import import sign_skeleton
from build_hooks.importer.convert import SKELETON_HINT
from support.site import BUILD_TODAY, build_site, run_cli, submission_tree


def _skeleton(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    out = tmp_path / "mau.docx"
    proc = run_cli("new", "so-xay-dung", "--format", "docx", "--output", str(out), "--submissions", str(tree))
    assert proc.returncode == 0, proc.stderr
    return tree, out


def test_the_skeleton_has_a_heading_styled_numbered_heading_and_an_italic_hint_per_outline_section(tmp_path):
    tree, out = _skeleton(tmp_path)
    rnd = load_corpus(tree, base=tree)[0].round(2023)
    paragraphs = Document(str(out)).paragraphs
    headings = [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert [p.text for p in headings] == [
        f"{s.id.partition('.')[2] or s.id}. {s.title}" for s in rnd.outline.sections]
    assert [int(p.style.name.split()[-1]) for p in headings] == [min(6, s.depth) for s in rnd.outline.sections]
    hints = [p for p in paragraphs if p.text.startswith("[Gợi ý")]
    assert [p.text for p in hints] == [SKELETON_HINT.format(section=s.id) for s in rnd.outline.sections]
    assert all(r.italic for p in hints for r in p.runs)
    assert not list((tree / "2023").glob("*.md"))  # nothing written into the submissions


def test_the_skeleton_filled_with_one_sentence_per_section_imports_clean_with_each_in_its_section(tmp_path):
    tree, out = _skeleton(tmp_path)
    doc = Document(str(out))
    sentences = {}
    for i, p in enumerate(p for p in doc.paragraphs if p.text.startswith("[Gợi ý")):
        section = p.text.split("mục ", 1)[1].split(" ", 1)[0]
        sentences[section] = f"Sở Xây dựng đã thực hiện nội dung của mục {section} theo kế hoạch được giao."
        if i % 2:  # every other hint is left in place by the clerk, the sentence written below it
            copy = deepcopy(p._p)
            p._p.addnext(copy)
            p = Paragraph(copy, p._parent)
        p.runs[0].text, p.runs[0].italic = sentences[section], None
    sign_skeleton(doc)  # what the clerk fills in besides the body: the date, the title and name of the signer
    doc.save(str(tmp_path / "da-dien.docx"))
    proc = run_cli("import", str(tmp_path / "da-dien.docx"), "--submissions", str(tree), "--today", BUILD_TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Không còn gì cần sửa" in proc.stdout
    sub = next(s for s in load_corpus(tree, base=tree)[0].submissions[2023] if s.agency == "so-xay-dung")
    for section, sentence in sentences.items():
        assert any(fold(sentence) in fold(p.markdown) for p in sub.parts if p.section_id == section), section
    assert "Gợi ý" not in (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")


def test_the_guide_page_offers_the_skeleton_of_every_agency_of_the_open_round(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    rnd = load_corpus(tree, base=tree)[0].round(2023)
    build = build_site(tree, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = tmp_path / "site" / "huong-dan" / "nop-bao-cao" / "index.html"
    links = {a.get_text(): a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
             .find_all("a") if a.get("href", "").endswith(".docx")}
    assert len(links) == len(rnd.expected)
    doc = Document(str((page.parent / links["Sở Xây dựng"]).resolve()))
    assert sum(p.style.name.startswith("Heading") for p in doc.paragraphs) == len(rnd.outline.sections)
    assert "SỞ XÂY DỰNG" in doc.tables[0].rows[0].cells[0].text and "/SXD-" in doc.tables[0].rows[0].cells[0].text
