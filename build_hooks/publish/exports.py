"""The Sở's report files of a round (DOCX, PDF): names, where the site publishes them, and their cache.

Laying out the PDF takes seconds for a large round and python-docx a second for
40 letters, and the site is rebuilt on every edit, so both are kept in the build
cache (``build_hooks.cache``) by what they are made from: the same content gives
back the same bytes without WeasyPrint or python-docx.
"""
from __future__ import annotations

from functools import cache, partial
from pathlib import Path

from build_hooks.cache import cached_bytes, code_key, package_key
from build_hooks.domain.model import Corpus
from build_hooks.letter_text.convert import CONVERTING_DISTRIBUTIONS, LetterRenderer
from build_hooks.pages import paths
from build_hooks.publish.opendata import DataFile
from build_hooks.publish.report_document import ReportDocument, build_document
from build_hooks.settings import EXPORT_CACHE

FORMATS = ("docx", "pdf")
DOCX_MODULE = "build_hooks.publish.docx_export"
PDF_MODULE = "build_hooks.publish.pdf_export"


def file_name(year: int, fmt: str) -> str:
    """``bao-cao-so-cong-thuong-2023.docx``."""
    return f"bao-cao-so-cong-thuong-{year}.{fmt}"


def site_path(year: int, fmt: str) -> str:
    """Where the site publishes it, beside the round's open data."""
    return paths.data_file(year, file_name(year, fmt))


def downloads(page: str, year: int, pdf: bool = True, label: str = "Báo cáo của Sở để ký") -> str:
    """Links to the Sở's report files, relative to ``page`` (Markdown)."""
    formats = (("Word (.docx)", "docx"), ("PDF", "pdf")) if pdf else (("Word (.docx)", "docx"),)
    links = " · ".join(f"[{label}]({paths.rel(page, site_path(year, fmt))})" for label, fmt in formats)
    return f"{label}: {links}"


def export_bytes(doc: ReportDocument, fmt: str, cache: Path | None | bool = True) -> bytes:
    """The report document in ``fmt`` (``docx`` or ``pdf``), from the build cache when unchanged.

    ``cache``: a folder, True for the build cache's (``settings.cache_dir``), None for no cache.
    """
    if fmt == "docx":
        return cached_docx(doc, cache)
    if fmt == "pdf":
        return cached_pdf(doc, cache)
    raise ValueError(fmt)


def cached_docx(doc: ReportDocument, cache: Path | None | bool = True) -> bytes:
    """The DOCX of ``doc``; python-docx takes a second for 40 letters, so it is kept by content."""
    def make() -> bytes:
        from build_hooks.publish.docx_export import docx_bytes

        return docx_bytes(doc)

    if cache is None:
        return make()
    key = code_key(DOCX_MODULE, distributions=("python-docx",)) + repr(doc)
    return cached_bytes(EXPORT_CACHE, key, make, None if cache is True else Path(cache))


def cached_pdf(doc: ReportDocument, cache: Path | None | bool = True) -> bytes:
    """The PDF of ``doc``, kept by content: WeasyPrint is the slowest step of a build."""
    from build_hooks.publish.pdf_export import pdf_bytes, report_html

    if cache is None:
        return pdf_bytes(doc)
    key = code_key(PDF_MODULE, distributions=("weasyprint",)) + report_html(doc)
    return cached_bytes(EXPORT_CACHE, key, lambda: pdf_bytes(doc), None if cache is True else Path(cache))


def document_files(corpus: Corpus, pdf: bool = True, letters: LetterRenderer | None = None) -> list[DataFile]:
    """The DOCX (and PDF) of every round, as files the site publishes.

    Kept first by what the document is made from (``source_key``): an unchanged round does not
    even build the document (5 s at 2,000 letters, where the cached files themselves cost nothing).
    """
    files = []
    for rnd in corpus.rounds:
        source = source_key(corpus, rnd.year)
        document = cache(partial(build_document, corpus, rnd.year, letters))  # built at most once, if needed
        for fmt in FORMATS if pdf else ("docx",):
            data = cached_bytes(EXPORT_CACHE, f"{fmt}\0{source}",
                                lambda fmt=fmt, document=document: export_bytes(document(), fmt))
            files.append(DataFile(site_path(rnd.year, fmt), data))
    return files


def source_key(corpus: Corpus, year: int) -> str:
    """Everything round ``year``'s document is made from: our code, the registry, the round and its letters."""
    return "\0".join((package_key(CONVERTING_DISTRIBUTIONS), repr(corpus.registry), repr(corpus.round(year)),
                      repr(corpus.submissions.get(year, ())), repr(corpus.reports.get(year))))
