"""``export YEAR --document request|reminder``: the round's request with its đề cương, and the reminder
to exactly the agencies that have not answered, read back from the DOCX and the PDF."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from build_hooks.corpus.tree import load_corpus
from build_hooks.pages.markup import section_label
from support.blocks import norm
from support.round_of_replies import write_round
from support.site import run_cli

ANSWERED = {"so-ke-hoach-va-dau-tu", "so-xay-dung", "ban-dan-toc"}


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("round-letters")
    tree = write_round(root)
    files = {}
    for document in ("request", "reminder"):
        for fmt in ("docx", "pdf"):
            files[document, fmt] = root / f"{document}.{fmt}"
            proc = run_cli("export", "2023", "--submissions", str(tree), "--document", document, "--format", fmt,
                           "-o", str(files[document, fmt]))
            assert proc.returncode == 0, proc.stderr
    corpus, _ = load_corpus(tree)
    return {"files": files, "corpus": corpus}


def docx_lines(path: Path) -> list[str]:
    word = Document(str(path))
    head = [norm(p.text) for t in word.tables[:1] for cell in t.rows[0].cells for p in cell.paragraphs]
    return head + [norm(p.text) for p in word.paragraphs if p.text.strip()]


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return norm(" ".join(page.extract_text() or "" for page in pdf.pages))


def test_the_request_holds_its_number_and_every_outline_title(letters):
    rnd = letters["corpus"].round(2023)
    lines = docx_lines(letters["files"]["request", "docx"])
    assert "Số: 3006/SCT-QLCN" in lines
    assert "Quảng Ngãi, ngày 08 tháng 12 năm 2023" in lines
    assert any(line.startswith("V/v báo cáo tình hình triển khai") for line in lines)
    assert "ĐỀ CƯƠNG BÁO CÁO" in lines
    for section in rnd.outline.sections:
        assert norm(f"{section_label(section.id)} {section.title}") in lines, section.id
    printed = pdf_text(letters["files"]["request", "pdf"])
    assert "3006/SCT-QLCN" in printed
    for section in rnd.outline.sections:
        assert norm(section.title) in printed, section.id
    # the đề cương comes after the signature, as an attachment
    assert printed.index("Nơi nhận:") < printed.index("ĐỀ CƯƠNG BÁO CÁO") < printed.index("I. KẾT QUẢ")


def test_the_reminder_names_exactly_the_agencies_that_have_not_answered(letters):
    corpus = letters["corpus"]
    rnd = corpus.round(2023)
    late = [corpus.registry.get(a).name for a in rnd.expected if a not in ANSWERED]
    lines = docx_lines(letters["files"]["reminder", "docx"])
    start = lines.index("Kính gửi:") + 1
    named = []
    for line in lines[start:]:
        if not line.startswith("- "):
            break
        named.append(line[2:].rstrip(";."))
    assert named == late
    text = "\n".join(lines) + pdf_text(letters["files"]["reminder", "pdf"])
    for agency in ANSWERED:
        assert corpus.registry.get(agency).name not in text
    assert any(line.startswith("V/v đôn đốc báo cáo") for line in lines)
    assert "ĐỀ CƯƠNG BÁO CÁO" not in lines
