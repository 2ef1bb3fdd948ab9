"""The Sở's own report of a round ("Báo cáo của Sở Công Thương"): the document it signs and sends.

Written by the clerk in ``submissions/<year>/_bao-cao-so-cong-thuong.md`` (first drafted by
``python -m build_hooks draft YEAR``) and drawn in the same ND30 frame as every letter. The
compilation of the agencies' contributions it is drafted from stays on its own page.
"""
from __future__ import annotations

from build_hooks.domain.model import Agency, Round, Submission
from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import esc, md
from build_hooks.render.letter import render_document


def render_issued_report(rnd: Round, issuer: Agency, report: Submission, frags: Fragments,
                         letters: LetterRenderer, directory_urls: bool = True) -> str:
    """The report page: a link to the working compilation, then the document in its frame."""
    page = paths.issued_report(rnd.year)
    compilation = esc(paths.href(page, paths.report(rnd.year), directory_urls))
    note = (f'<p><em>Văn bản của Sở Công Thương gửi Ủy ban nhân dân tỉnh, tổng hợp từ '
            f'<a href="{compilation}">ý kiến các cơ quan</a>.</em></p>')
    body = render_document(rnd, issuer, report, frags, letters)
    source = f"<p><em>Tệp nguồn: <code>{esc(report.path)}</code></em></p>"
    return (f"# {md(heading('issued-report', year=rnd.year))}\n"
            + frags.place("\n".join((note, body, source))))
