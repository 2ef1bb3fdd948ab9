"""A Word fixture printed to PDF as a text-layer PDF would arrive: its content as HTML, printed by Chromium.

The HTML is written from the .docx with python-docx alone (not with the importer),
laying header and footer tables out in two borderless columns as Word prints them.
"""
from __future__ import annotations

import html
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', serif; font-size: 13pt; }
p { margin: 0 0 4pt; text-align: justify; }
table.frame { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
table.frame td { vertical-align: top; padding: 0; font-size: 12pt; }
table.frame td:first-child { width: 40%; } table.frame td:last-child { width: 60%; }
table.grid { border-collapse: collapse; margin: 6pt 0; }
table.grid td { border: 1px solid #000; padding: 2pt 18pt; vertical-align: top; }
"""


def _paragraph(p) -> str:
    runs = []
    for r in p.runs:
        text = html.escape(r.text)
        if r.bold:
            text = f"<b>{text}</b>"
        if r.italic:
            text = f"<i>{text}</i>"
        runs.append(text)
    style = ' style="text-align:center"' if p.alignment == WD_ALIGN_PARAGRAPH.CENTER else ""
    inner = "".join(runs) or "&nbsp;"
    if p.style.name.startswith("Heading"):
        inner = f"<b>{inner}</b>"
    return f"<p{style}>{inner}</p>"


def docx_html(path: Path) -> str:
    d = Document(str(path))
    out = [f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    for item in d.iter_inner_content():
        if hasattr(item, "rows"):
            frame = len(item.columns) == 2
            out.append(f'<table class="{"frame" if frame else "grid"}">')
            for row in item.rows:
                seen = []
                cells = []
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.append(cell._tc)
                    cells.append("<td>" + "".join(_paragraph(p) for p in cell.paragraphs) + "</td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
        else:
            out.append(_paragraph(item))
    return "\n".join(out) + "</body></html>"


RUNNING_HEADER = ('<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">'
                  'Sở Xây dựng, báo cáo năm 2023 &nbsp; <span class="pageNumber"></span></div>')
PAGE_FOOTER = '<div style="font-size:9pt;width:100%;text-align:center"><span class="pageNumber"></span></div>'


def print_pdf(browser, docx_path: Path | None, pdf_path: Path, content: str | None = None,
              furniture: bool = False) -> Path:
    """Print the .docx (or the HTML ``content``) to ``pdf_path`` with the session's Chromium; ``furniture``
    adds a running header and a page number on every page."""
    page = browser.new_page()
    try:
        page.set_content(content if content is not None else docx_html(docx_path))
        extra = {"display_header_footer": True, "header_template": RUNNING_HEADER,
                 "footer_template": PAGE_FOOTER} if furniture else {}
        page.pdf(path=str(pdf_path), prefer_css_page_size=True, print_background=False, **extra)
    finally:
        page.close()
    return pdf_path
