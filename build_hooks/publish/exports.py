"""The Sở's report files of a round (DOCX, PDF): names, where the site publishes them, and a PDF cache.

Laying out the PDF takes seconds for a large round, and the site is rebuilt on
every edit, so PDFs are kept by the hash of the HTML they are made from: the same
content gives back the same bytes without WeasyPrint.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import metadata
from pathlib import Path

from build_hooks.domain.model import Corpus
from build_hooks.publish.docx_export import docx_bytes
from build_hooks.publish.opendata import DataFile
from build_hooks.publish.report_document import ReportDocument, build_document
from build_hooks.render.letter_html import LetterRenderer
from build_hooks.settings import EXPORT_CACHE_DIR
from build_hooks.site import paths

FORMATS = ("docx", "pdf")


def file_name(year: int, fmt: str) -> str:
    """``bao-cao-so-cong-thuong-2023.docx``."""
    return f"bao-cao-so-cong-thuong-{year}.{fmt}"


def site_path(year: int, fmt: str) -> str:
    """Where the site publishes it, beside the round's open data."""
    return paths.data_file(year, file_name(year, fmt))


def export_bytes(doc: ReportDocument, fmt: str, cache: Path | None = EXPORT_CACHE_DIR) -> bytes:
    """The report document in ``fmt`` (``docx`` or ``pdf``); PDFs come from the cache when unchanged."""
    if fmt == "docx":
        return docx_bytes(doc)
    if fmt == "pdf":
        return cached_pdf(doc, cache)
    raise ValueError(fmt)


def cached_pdf(doc: ReportDocument, cache: Path | None) -> bytes:
    """The PDF of ``doc``, cached by content hash: WeasyPrint is the slowest step of a build."""
    from build_hooks.publish.pdf_export import pdf_bytes, report_html

    if cache is None:
        return pdf_bytes(doc)
    # The engine's version is part of the key; read from its metadata, since importing it loads Pango (0.5 s).
    key = hashlib.sha256((metadata.version("weasyprint") + report_html(doc)).encode("utf-8")).hexdigest()
    path = Path(cache) / f"{key}.pdf"
    if path.is_file():
        return path.read_bytes()
    data = pdf_bytes(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)  # atomic: concurrent builds never read half a file
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return data


def document_files(corpus: Corpus, pdf: bool = True, letters: LetterRenderer | None = None) -> list[DataFile]:
    """The DOCX (and PDF) of every round, as files the site publishes."""
    files = []
    for rnd in corpus.rounds:
        doc = build_document(corpus, rnd.year, letters)
        for fmt in FORMATS if pdf else ("docx",):
            files.append(DataFile(site_path(rnd.year, fmt), export_bytes(doc, fmt)))
    return files
