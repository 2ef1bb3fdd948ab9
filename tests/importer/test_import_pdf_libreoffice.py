"""The Word fixtures exported to PDF by LibreOffice (the nearest thing to Word's own "Save as PDF" here):
automatic numbers followed by a tab, the motto and the date wrapped in narrow columns, a footnote in small
type at the foot of the page, the footer table running onto the next page. Skipped without ``soffice``."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from importer.letters import LETTERS
from importer.support import body_paragraphs, fold, frame, front_matter, import_letter
from support.site import BUILD_TODAY, run_cli, submission_tree

SOFFICE = shutil.which("soffice")
TEXT_BOX = "Số liệu năm 2023 là số ước thực hiện."
"""The fixture's text box is the least XML the importer reads; LibreOffice does not draw it."""
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("import-lo")
    tree = submission_tree(root / "submissions", {})
    letters = {name: build(root / f"{name}.docx") for name, build in LETTERS.items()}
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{root}/profile", "--convert-to", "pdf",
                    "--outdir", str(root), *[str(root / f"{name}.docx") for name in LETTERS]],
                   check=True, capture_output=True, timeout=180)
    out = {}
    for name, letter in letters.items():
        proc = import_letter(root / f"{name}.pdf", letter.agency, tree)
        out[name] = (letter, proc, tree / "2023" / f"{letter.agency}.md")
    return out, tree


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_libreoffice_pdf_imports_to_the_same_fields_and_paragraphs(exported, name):
    letter, proc, path = exported[0][name]
    assert path.is_file(), proc.stdout + proc.stderr
    assert frame(front_matter(path)) == letter.front
    text = "\n".join(body_paragraphs(path))
    at = 0
    for paragraph, _section in letter.body:
        if paragraph == TEXT_BOX:
            continue
        pos = text.find(fold(paragraph), at)
        assert pos >= 0, paragraph
        at = pos
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(exported[1]), str(path))
    assert check.returncode == 0, check.stdout + check.stderr


def test_footnote_follows_its_paragraph_and_auto_numbers_make_headings(exported):
    cong_van = exported[0]["cong-van"][2].read_text(encoding="utf-8")
    assert "đến doanh nghiệp. 1\n\nChú thích (1): Số liệu đến ngày 30/11/2023.\n" in cong_van
    numbered = exported[0]["auto-numbered"][1].stdout
    assert "Các mục: I, I.1, II, II.1, II.2, II.3, II.4, II.4.1 " in numbered
