"""Plain text and PDF lines: hard-wrapped lines rejoined, list items and headings kept apart."""
from __future__ import annotations

from build_hooks.importer.text_reader import text_document


def test_hard_wrapped_lines_are_rejoined_but_list_items_and_headings_are_not():
    doc = text_document("Theo đề nghị của Sở tại Công văn số\n\n3006/SCT-QLCN ngày 08/12/2023; qua rà\nsoát số 37-\n"
                        "CTr/TU./.\n- Mục một;\n- Mục hai.\nII. KẾT QUẢ\n", "x.txt", "txt")
    assert [b.text for b in doc.blocks] == [
        "Theo đề nghị của Sở tại Công văn số 3006/SCT-QLCN ngày 08/12/2023; qua rà soát số 37-CTr/TU./.",
        "- Mục một;", "- Mục hai.", "II. KẾT QUẢ"]

