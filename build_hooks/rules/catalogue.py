"""Content rules of a submission, one function each, registered in one table.

The loaders (``yamlsource``, ``frontmatter``, ``sections``, ``corpus``) already
report what stops them from understanding a file. The rules here look at a file
that was understood (or at its raw text) for what must not be published:
text not in NFC, text in a legacy 8-bit encoding, HTML, impossible or
out-of-range dates, unreadable numbers, headings whose title contradicts the
outline, empty sections.

Each rule takes a ``Context`` and yields problems; it never prints and never
raises for bad content. ``RULES`` (and ``CATALOGUE``, by id) lists every rule id
the checker can report, including those the loaders report, with what it means
and how to fix it: the guide page's table of errors is generated from it, and
tests hold the README's rule table and the malformed corpus to it.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator

from build_hooks.domain.dates import DateError, PartialDate, parse_date
from build_hooks.domain.model import Round, Submission
from build_hooks.domain.numbers import format_number, parse_quantity
from build_hooks.domain.problems import ERROR, WARNING, Problem, error, warning
from build_hooks.domain.text import fold
from build_hooks.load.sections import heading_number, iter_headings
from build_hooks.load.yamlsource import YamlDoc
from build_hooks.rules.legacy_encoding import find_legacy, may_contain_legacy
from build_hooks.rules.raw_html import find_html, line_col

MAX_BYTES = 1024 * 1024
"""Largest accepted submission (1 MiB): a letter is a few pages; more is a paste gone wrong."""


@dataclass(frozen=True)
class Context:
    """What the rules may look at for one submission."""

    path: str
    raw: str
    """The file as decoded, before any normalisation."""
    year: int
    rnd: Round | None = None
    today: _dt.date | None = None
    """The build date; dates after it are reported. None: the real today."""
    yaml_text: str = ""
    yaml_line: int = 0
    """Line of the first front-matter line in the file (0 when there is no front-matter)."""
    doc: YamlDoc | None = None
    body: str = ""
    body_line: int = 0
    submission: Submission | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    what: str
    """What the problem is, in Vietnamese (for the guide)."""
    fix: str
    """How to fix it, in Vietnamese (for the guide)."""
    check: Callable[[Context], Iterator[Problem]] | None = field(default=None, compare=False)
    """The rule function, or None when a loader reports this id."""


# --- file-level rules ---------------------------------------------------------------------------

def not_nfc(ctx: Context) -> Iterator[Problem]:
    """Text must be stored in Unicode NFC.

    good: ``Quảng`` written with the precomposed ``ả`` (U+1EA3)
    bad:  ``Quảng`` written as ``a`` + combining hook (U+0309), as macOS or some editors save it
    """
    if unicodedata.is_normalized("NFC", ctx.raw):
        return
    for number, line in enumerate(ctx.raw.splitlines(), start=1):
        if not unicodedata.is_normalized("NFC", line):
            yield error(ctx.path, number, _first_unnormalised(line) + 1, "not-nfc",
                        "Dòng này có chữ không ở dạng Unicode dựng sẵn (NFC); chữ trông giống nhưng khác mã.",
                        "Chạy 'python -m build_hooks check --fix <tệp>' để chuẩn hóa; lệnh chỉ đổi cách mã hóa chữ.")


def _first_unnormalised(line: str) -> int:
    start = 0
    for i, ch in enumerate(line):
        if not unicodedata.combining(ch):
            start = i
        # Normalisation never looks further back than 32 marks (Unicode's stream-safe limit is 30).
        if not unicodedata.is_normalized("NFC", line[max(start, i - 32):i + 1]):
            return start
    return 0


def legacy_encoding(ctx: Context) -> Iterator[Problem]:
    """Text typed in TCVN3 (ABC) or VNI fonts and pasted as Latin-1 symbols.

    good: ``Quảng Ngãi``
    bad:  ``Qu¶ng Ng·i`` (TCVN3), ``Quaûng Ngaõi`` (VNI)
    """
    if not may_contain_legacy(ctx.raw):
        return
    for number, line in enumerate(ctx.raw.splitlines(), start=1):
        if (found := find_legacy(line)) is not None:
            yield error(ctx.path, number, found.column + 1, "legacy-encoding",
                        f"Chữ '{found.word}' có vẻ được gõ bằng bảng mã cũ {found.encoding}, không phải Unicode.",
                        f"Mở văn bản gốc, chuyển mã bằng Unikey (Công cụ chuyển mã, nguồn {found.encoding}, "
                        "đích Unicode) rồi dán lại.")


def yaml_tab(ctx: Context) -> Iterator[Problem]:
    """YAML is indented with spaces; a tab in the front-matter is refused.

    good: ``signer:\\n  name: …`` (two spaces)
    bad:  ``signer:\\n\\tname: …``
    """
    for i, line in enumerate(ctx.yaml_text.splitlines()):
        if (col := line.find("\t")) >= 0:
            yield error(ctx.path, ctx.yaml_line + i, col + 1, "yaml-tab",
                        "Phần thông tin văn bản (YAML) có ký tự tab.",
                        "Thay tab bằng dấu cách (thụt lề hai dấu cách).")


# --- front-matter rules ------------------------------------------------------------------------

def date_range(ctx: Context) -> Iterator[Problem]:
    """The letter's date lies within the round's year and the next, and not after the build date.

    good: ``date: 15/12/2023`` in the 2023 round
    bad:  ``date: 15/12/2021`` (before the round), a date after today
    """
    if ctx.doc is None or not isinstance(ctx.doc.value, dict) or not isinstance(ctx.doc.value.get("date"), str):
        return
    try:
        date = parse_date(ctx.doc.value["date"])
    except DateError:
        return  # reported as bad-date by frontmatter
    line, col = ctx.doc.where(("date",))
    if not ctx.year <= date.year <= ctx.year + 1:
        yield error(ctx.path, line, col, "date-out-of-round",
                    f"Ngày văn bản {date.short()} nằm ngoài năm báo cáo {ctx.year} và năm {ctx.year + 1}.",
                    "Kiểm tra lại năm của ngày văn bản, hoặc thư mục năm của tệp.")
    today = ctx.today or _dt.date.today()
    if _after(date, today):
        yield error(ctx.path, line, col, "future-date",
                    f"Ngày văn bản {date.short()} ở sau ngày hôm nay ({today:%d/%m/%Y}).",
                    "Ghi ngày ký văn bản; nếu chưa ký, ghi tháng/năm (mm/yyyy) hoặc bỏ khóa date.")


def _after(date: PartialDate, today: _dt.date) -> bool:
    if date.day is None:
        return (date.year, date.month) > (today.year, today.month)
    return date.to_date() > today


_NUMBER_LIKE = re.compile(r"^[\s\d.,+\-–<>=≥≤%]*\d[\s\d.,+\-–<>=≥≤%]*$")
QUANTITY_KEYS = ("value", "target", "previous")


_THOUSANDS_LOOKALIKE = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


def bad_number(ctx: Context) -> Iterator[Problem]:
    """An indicator figure written with digits must read as a Vietnamese or plain decimal.

    good: ``"9,5"``, ``"1.234,5"``, ``9.5``, ``"1.234"`` (1234), ``"8 - 9"``, ``"> 63"``, ``"khoảng 5 tỷ USD"``
    bad:  ``"1,234.5"`` (English thousands), ``"9,5%"``, ``"9.5.1"``, and ``1.234`` without quotes,
    which YAML reads as one point two three four although a Vietnamese reader means 1234
    """
    items = ctx.doc.value.get("indicators") if ctx.doc and isinstance(ctx.doc.value, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        for key in QUANTITY_KEYS:
            value, where = item.get(key), ("indicators", i, key)
            if isinstance(value, str) and _NUMBER_LIKE.match(value) and not parse_quantity(value).is_numeric:
                line, col = ctx.doc.where(where)
                yield error(ctx.path, line, col, "bad-number",
                            f"Không đọc được số '{value}' ({key}).",
                            "Viết số kiểu Việt Nam: dấu phẩy thập phân, dấu chấm phân cách hàng nghìn (\"1.234,5\"); "
                            "khoảng \"8 - 9\"; ghi đơn vị (%) ở khóa unit.")
            elif isinstance(value, float) and _THOUSANDS_LOOKALIKE.fullmatch(written := _as_written(ctx, where)):
                line, col = ctx.doc.where(where)
                yield error(ctx.path, line, col, "bad-number",
                            f"Số {written} ({key}) không có dấu ngoặc kép nên bị đọc là số thập phân "
                            f"{format_number(value)} chứ không phải {written.replace('.', '')}.",
                            f"Nếu là {written.replace('.', '')}, viết \"{written}\" (trong ngoặc kép); "
                            f"nếu là số thập phân, viết \"{written.replace('.', ',')}\".")


def _as_written(ctx: Context, where: tuple) -> str:
    """The plain scalar at ``where`` as it is written in the front-matter."""
    line, col = ctx.doc.where(where)
    lines = ctx.yaml_text.splitlines()
    index = line - ctx.yaml_line
    if not 0 <= index < len(lines):
        return ""
    m = re.match(r"[^\s#,\]}]+", lines[index][col - 1:])
    return m[0] if m else ""


# --- body rules ---------------------------------------------------------------------------------

_HTML_MESSAGES = {
    "html": ("raw-html", "Có mã HTML '{text}' trong nội dung; chỉ dùng Markdown thường.",
             "Xóa thẻ HTML; dùng Markdown: **đậm**, *nghiêng*, bảng '| … |'. Muốn hiện nguyên văn, đặt trong `…`."),
    "link": ("unsafe-link", "Liên kết '{text}' dùng giao thức không được phép (javascript:, data:, …).",
             "Chỉ liên kết tới địa chỉ http:// hoặc https://."),
    "attribute": ("html-attribute", "Khối thuộc tính '{text}' đặt thuộc tính HTML cho nội dung.",
                  "Xóa phần {…}; định dạng do trang web lo."),
}


def raw_html(ctx: Context) -> Iterator[Problem]:
    """The body is plain Markdown: no HTML, no ``javascript:`` links, no ``{onclick=…}`` attributes.

    good: ``**Kết quả**`` and `` `<b>` `` (shown as code)
    bad:  ``<script>…``, ``<b>``, ``<!-- … -->``, ``[x](javascript:…)``, ``Đoạn văn {onclick="…"}``
    """
    for found in find_html(ctx.body):
        line, col = line_col(ctx.body, found.offset)
        rule, message, hint = _HTML_MESSAGES[found.kind]
        shown = found.text if len(found.text) <= 60 else found.text[:57] + "…"
        yield error(ctx.path, ctx.body_line + line, col + 1, rule, message.format(text=shown.replace("\n", " ")),
                    hint)


def _numbered_headings(ctx: Context):
    """The parts opened by a numbered heading that maps to an outline section."""
    if ctx.submission is None:
        return
    for part in ctx.submission.parts:
        if part.heading is not None and part.section_id:
            yield part


TITLE_SIMILARITY = 0.6
"""Below this ratio (and not a shortening) a heading's title is said to differ clearly from the outline."""


def heading_title(ctx: Context) -> Iterator[Problem]:
    """A numbered heading's title may be shortened or left out, but not name another section.

    good: ``## 4.1. Huy động và sử dụng hiệu quả nguồn nhân lực`` (shortened), ``## 4.1.``
    bad:  ``## 4.1. Khai thác tài nguyên, khoáng sản`` (that is II.5.1)
    """
    if ctx.rnd is None:
        return
    for part in _numbered_headings(ctx):
        number = heading_number(part.heading.text)
        section = ctx.rnd.outline.get(part.section_id)
        if number is None or section is None or _same_title(number.title, section.title):
            continue
        yield warning(ctx.path, part.heading.line, part.heading.level + 2, "heading-title",
                      f"Tên mục '{number.title}' khác tên mục {section.id} trong đề cương: '{section.title}'.",
                      "Kiểm tra số mục; có thể ghi tên mục rút gọn hoặc bỏ trống tên, nhưng không ghi tên mục khác.")


def _same_title(written: str, expected: str) -> bool:
    a = " ".join(re.findall(r"\w+", fold(written)))
    b = " ".join(re.findall(r"\w+", fold(expected)))
    if not a or b.startswith(a) or a.startswith(b):
        return True
    if difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY:
        return True
    words = a.split()
    return sum(w in b.split() for w in words) / len(words) >= 0.8


def empty_section(ctx: Context) -> Iterator[Problem]:
    """A numbered heading with nothing under it (no text, no sub-section) is probably unfinished.

    good: ``## 4.1. …`` followed by a paragraph, or by ``### …`` sub-headings with text
    bad:  ``## 4.1. …`` immediately followed by ``## 4.2. …``; ``##`` with no title
    """
    if ctx.submission is None:
        return
    parts = ctx.submission.parts
    for i, part in enumerate(parts):
        if part.heading is None or part.has_text:
            continue
        following = parts[i + 1] if i + 1 < len(parts) else None
        nested = following is not None and following.base_level > part.heading.level or (
            following is not None and following.heading is None and following.section_id == part.section_id)
        if nested:
            continue
        yield warning(ctx.path, part.heading.line, part.heading.level + 2, "empty-section",
                      f"Mục {part.section_id} không có nội dung.",
                      "Viết nội dung dưới tiêu đề; nếu không được giao nhiệm vụ, ghi số mục vào no_assigned_tasks "
                      "và xóa tiêu đề.")
    lines = ctx.body.splitlines()
    for index, level, text in iter_headings(lines):
        if not text.strip():
            yield warning(ctx.path, ctx.body_line + index, 1, "empty-heading", "Tiêu đề trống (chỉ có dấu #).",
                          "Ghi tên tiêu đề sau các dấu #, hoặc xóa dòng này.")


def file_too_large(path: str, size: int) -> Problem | None:
    """A submission is a letter of a few pages; above ``MAX_BYTES`` something else was pasted."""
    if size <= MAX_BYTES:
        return None
    return error(path, 1, 1, "file-too-large", f"Tệp nặng {size / 1048576:.1f} MiB, quá giới hạn 1 MiB.",
                 "Bài nộp chỉ chứa chữ; xóa hình ảnh hoặc dữ liệu dán nhầm, số liệu lớn gửi kèm riêng.")


def _reported_by_loader(rule_id: str, severity: str, what: str, fix: str) -> Rule:
    return Rule(rule_id, severity, what, fix)


RULES: tuple[Rule, ...] = (
    # Reported while reading files and YAML (corpus, yamlsource, submission).
    _reported_by_loader("not-utf8", ERROR, "Tệp không lưu bằng mã UTF-8.", "Lưu lại tệp với bảng mã UTF-8 (Unicode)."),
    _reported_by_loader("file-too-large", ERROR, "Tệp lớn hơn 1 MiB.", "Bài nộp chỉ chứa chữ; xóa hình ảnh hay dữ liệu dán nhầm."),
    _reported_by_loader("unknown-agency", ERROR, "Tên tệp không phải mã cơ quan trong danh mục.",
            "Đặt tên tệp <mã-cơ-quan>.md theo submissions/agencies.yml."),
    _reported_by_loader("unexpected-file", ERROR, "Tệp lạ trong thư mục bài nộp (không phải .md).",
            "Chuyển nội dung vào tệp <mã-cơ-quan>.md hoặc xóa tệp."),
    _reported_by_loader("missing-front-matter", ERROR, "Tệp không bắt đầu bằng phần thông tin văn bản giữa hai dòng ---.",
            "Dòng đầu tiên của tệp phải là ---; lấy mẫu bằng lệnh new."),
    Rule("not-nfc", ERROR, "Chữ không ở dạng Unicode dựng sẵn (NFC).", "Chạy check --fix để chuẩn hóa.", not_nfc),
    Rule("legacy-encoding", ERROR, "Chữ gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI, ví dụ 'Qu¶ng Ng·i'.",
         "Chuyển mã sang Unicode bằng Unikey rồi dán lại.", legacy_encoding),
    Rule("yaml-tab", ERROR, "Có ký tự tab trong phần thông tin văn bản.", "Thụt lề bằng dấu cách.", yaml_tab),
    _reported_by_loader("yaml-syntax", ERROR, "Phần thông tin văn bản sai cú pháp YAML.",
            "Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng được báo."),
    _reported_by_loader("duplicate-key", ERROR, "Một khóa được viết hai lần.", "Giữ một dòng, gộp hai giá trị."),
    _reported_by_loader("yaml-anchor", ERROR, "Dùng neo YAML (&tên).", "Viết đầy đủ từng giá trị."),
    _reported_by_loader("yaml-alias", ERROR, "Dùng bí danh YAML (*tên).", "Viết đầy đủ từng giá trị."),
    _reported_by_loader("yaml-tag", ERROR, "Dùng thẻ YAML (!tên).", "Xóa thẻ, ghi giá trị như văn bản thường."),
    # Reported by frontmatter / submission.
    _reported_by_loader("unknown-key", ERROR, "Khóa không có trong định dạng (thường do gõ nhầm).", "Sửa theo gợi ý 'Có phải ý bạn là'."),
    _reported_by_loader("missing-key", ERROR, "Thiếu khóa bắt buộc (agency, year, …).", "Thêm khóa còn thiếu."),
    _reported_by_loader("wrong-type", ERROR, "Giá trị sai kiểu (danh sách thay cho chữ, …).", "Viết theo ví dụ của khóa đó."),
    _reported_by_loader("agency-mismatch", ERROR, "Khóa agency khác tên tệp.", "Sửa agency hoặc đổi tên tệp."),
    _reported_by_loader("year-mismatch", ERROR, "Khóa year khác thư mục năm.", "Sửa year hoặc chuyển tệp sang đúng thư mục."),
    _reported_by_loader("bad-date", ERROR, "Ngày không đọc được hoặc không tồn tại (30/02/2023).",
            "Viết dd/mm/yyyy, mm/yyyy nếu để trống ngày, hoặc yyyy-mm-dd."),
    Rule("date-out-of-round", ERROR, "Ngày văn bản nằm ngoài năm báo cáo và năm sau đó.",
         "Kiểm tra năm của ngày văn bản.", date_range),
    Rule("future-date", ERROR, "Ngày văn bản ở sau ngày dựng trang.", "Ghi ngày ký; chưa ký thì ghi mm/yyyy.",
         date_range),
    Rule("bad-number", ERROR, "Số liệu chỉ tiêu viết bằng chữ số nhưng không đọc được (\"1,234.5\", \"9,5%\"), "
         "hoặc 1.234 không có ngoặc kép (bị đọc là 1,234).",
         "Dấu phẩy thập phân, dấu chấm hàng nghìn: \"1.234,5\"; đơn vị ghi ở khóa unit.", bad_number),
    _reported_by_loader("unknown-indicator", ERROR, "Mã chỉ tiêu không có trong đợt báo cáo.",
            "Lấy mã trong danh sách chỉ tiêu của round.yml."),
    _reported_by_loader("unknown-status", ERROR, "Tình trạng dự án không có trong danh sách của đợt báo cáo.",
            "Dùng một tình trạng trong danh sách."),
    # Reported by sections (headings).
    _reported_by_loader("unknown-section", ERROR, "Số mục ở tiêu đề không có trong đề cương.", "Sửa số mục theo đề cương."),
    _reported_by_loader("duplicate-section", ERROR, "Một mục được viết hai lần.", "Gộp nội dung vào một chỗ."),
    _reported_by_loader("orphan-number", ERROR, "Tiêu đề số tương đối (## 4.) không nằm dưới mục La Mã nào.",
            "Đặt dưới '# II. …' hoặc ghi số đầy đủ '## II.4.'."),
    _reported_by_loader("misplaced-section", ERROR, "Số mục không khớp tiêu đề cha (### 1. dưới ## 4.).",
            "Ghi 4.1. hoặc sửa số dấu #."),
    _reported_by_loader("heading-closes-section", WARNING,
            "Tiêu đề không số cùng cấp với mục có số phía trên (### Kết quả sau ### 4.1.) kết thúc mục đó; "
            "nội dung bên dưới chuyển sang mục cha.",
            "Dùng tiêu đề sâu hơn một cấp (#### Kết quả) để nội dung vẫn thuộc mục."),
    Rule("heading-title", WARNING, "Tên mục ở tiêu đề khác hẳn tên mục cùng số trong đề cương.",
         "Kiểm tra số mục; tên có thể rút gọn hoặc bỏ trống.", heading_title),
    Rule("empty-section", WARNING, "Tiêu đề mục không có nội dung nào.", "Viết nội dung hoặc xóa tiêu đề.", empty_section),
    Rule("empty-heading", WARNING, "Tiêu đề trống (chỉ có dấu #).", "Ghi tên tiêu đề hoặc xóa dòng.", empty_section),
    Rule("raw-html", ERROR, "Có mã HTML trong nội dung (<script>, <b>, <!-- -->, …).",
         "Chỉ dùng Markdown thường.", raw_html),
    Rule("unsafe-link", ERROR, "Liên kết javascript:, data:, vbscript: hoặc file:.", "Chỉ dùng http(s)://.", raw_html),
    Rule("html-attribute", ERROR, "Khối thuộc tính {…} đặt thuộc tính HTML (onclick, style, …).",
         "Xóa phần {…}.", raw_html),
)

CATALOGUE: dict[str, Rule] = {rule.id: rule for rule in RULES}


def check(ctx: Context) -> list[Problem]:
    """Run every rule function once over ``ctx``."""
    seen: set = set()
    problems: list[Problem] = []
    for rule in RULES:
        if rule.check is None or rule.check in seen:
            continue
        seen.add(rule.check)
        problems.extend(rule.check(ctx))
    return problems
