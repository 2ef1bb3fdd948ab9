"""Open data: every round's figures as CSV, JSON and an Excel workbook, and a zip of the whole site's.

Pure functions that return bytes; the MkDocs adapter only adds them to the site.
Columns are described once, in ``INDICATOR_COLUMNS``/``PROJECT_COLUMNS``/
``SUBMISSION_COLUMNS``, and that one table gives the CSV header, the workbook's
explanation sheet and the "Dữ liệu mở" page. The JSON files follow versioned
JSON Schemas kept as data in ``build_hooks/schemas/``.

Output is deterministic: no build date anywhere, fixed timestamps in the zip and
the workbook, so unchanged data gives unchanged files.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass

from build_hooks.aggregate.by_section import section_cells
from build_hooks.aggregate.indicators import IndicatorRow
from build_hooks.aggregate.projects import Project
from build_hooks.cache import cached_bytes, code_key
from build_hooks.domain.model import Corpus, Round, Submission
from build_hooks.domain.numbers import Quantity
from build_hooks.pages import paths
from build_hooks.publish.reproducible_zip import zip_bytes
from build_hooks.settings import JSON_SCHEMA_DIR, WORKBOOK_CACHE

SCHEMA_DIR = JSON_SCHEMA_DIR
SCHEMA_VERSION = "1.0.0"
"""Version of both JSON formats (semantic: a removed or renamed field is a new major version)."""
SCHEMA_FILES = ("indicators.schema.json", "submissions.schema.json")
ZIP_PATH = "du-lieu/bao-cao-cong-nghiep-quang-ngai.zip"
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and garbles Vietnamese."""

INDICATOR_COLUMNS = (
    ("nam", "Năm báo cáo."),
    ("ma_chi_tieu", "Mã chỉ tiêu, như trong danh sách chỉ tiêu của đợt báo cáo (round.yml)."),
    ("ten_chi_tieu", "Tên chỉ tiêu."),
    ("don_vi", "Đơn vị tính. Một chỉ tiêu báo cáo theo nhiều đơn vị có một dòng cho mỗi đơn vị."),
    ("gia_tri", "Giá trị đúng như cơ quan ghi trong văn bản (dấu phẩy thập phân: 9,5; khoảng: 8 - 9; cận: > 63)."),
    ("loai_gia_tri", "Dạng của giá trị: number (số), range (khoảng), bound (cận), text (chữ)."),
    ("gia_tri_thap", "Giá trị (hoặc cận dưới) dạng số cho máy đọc, dấu chấm thập phân; trống nếu không có."),
    ("gia_tri_cao", "Giá trị (hoặc cận trên) dạng số cho máy đọc, dấu chấm thập phân; trống nếu không có."),
    ("phep_so_sanh", "Với giá trị dạng cận: >, >=, < hoặc <=."),
    ("chi_tieu_ke_hoach", "Chỉ tiêu kế hoạch dùng để đánh giá, như ghi (8 - 9, > 63, 92); trống nếu không có."),
    ("danh_gia", "Đánh giá: dat (đạt), chua-dat (chưa đạt), khong-co-chi-tieu, chua-co-so-lieu."),
    ("nam_truoc", "Giá trị năm trước do cơ quan ghi trong văn bản, nếu có."),
    ("xung_dot", "1 nếu cơ quan khác báo cáo số liệu khác cho cùng chỉ tiêu, đơn vị và năm; 0 nếu không."),
    ("ma_co_quan", "Mã cơ quan báo cáo (tên tệp văn bản)."),
    ("ten_co_quan", "Tên cơ quan báo cáo."),
    ("tep_nguon", "Tệp văn bản nguồn trong kho dữ liệu."),
    ("dong", "Dòng của số liệu trong tệp nguồn."),
    ("ghi_chu", "Ghi chú của cơ quan về số liệu."),
)
PROJECT_COLUMNS = (
    ("nam", "Năm báo cáo."),
    ("ma_du_an", "Khóa gộp dự án: tên viết thường, bỏ dấu; các dòng cùng khóa là cùng một dự án."),
    ("ten_du_an", "Tên dự án như cơ quan ghi."),
    ("phu_luc", "Phụ lục của Quyết định 998/QĐ-UBND (2 hoặc 3)."),
    ("tinh_trang", "Tình trạng do cơ quan báo cáo, theo danh sách của đợt báo cáo."),
    ("ma_co_quan", "Mã cơ quan báo cáo."),
    ("ten_co_quan", "Tên cơ quan báo cáo."),
    ("tep_nguon", "Tệp văn bản nguồn."),
    ("dong", "Dòng của dự án trong tệp nguồn."),
    ("ghi_chu", "Ghi chú về tiến độ."),
)
SUBMISSION_COLUMNS = (
    ("nam", "Năm báo cáo."),
    ("ma_co_quan", "Mã cơ quan."),
    ("ten_co_quan", "Tên cơ quan."),
    ("tep_nguon", "Tệp văn bản."),
    ("so_van_ban", "Số và ký hiệu văn bản như in (có thể để trống phần số)."),
    ("ngay", "Ngày văn bản: yyyy-mm-dd, hoặc yyyy-mm nếu văn bản để trống ngày."),
    ("trich_yeu", "Trích yếu (V/v)."),
    ("duoc_de_nghi", "1 nếu cơ quan có trong danh sách được đề nghị báo cáo."),
    ("khong_duoc_giao_nhiem_vu", "1 nếu cơ quan báo cáo không được giao nhiệm vụ nào."),
    ("muc_co_noi_dung", "Các mục của đề cương có nội dung, cách nhau bởi dấu chấm phẩy."),
    ("muc_khong_duoc_giao", "Các mục cơ quan ghi không được giao, cách nhau bởi dấu chấm phẩy."),
    ("so_chi_tieu", "Số chỉ tiêu cơ quan báo cáo."),
    ("so_du_an", "Số dự án cơ quan báo cáo."),
)
ROUND_FILES = ("indicators.csv", "indicators.json", "projects.csv", "submissions.json")
FILE_DESCRIPTIONS = {
    "indicators.csv": "Mỗi dòng là một số liệu chỉ tiêu một cơ quan báo cáo.",
    "indicators.json": "Các chỉ tiêu của đợt báo cáo, chỉ tiêu kế hoạch, đánh giá và mọi số liệu được báo cáo.",
    "projects.csv": "Mỗi dòng là một dự án (mục II.7) một cơ quan báo cáo.",
    "submissions.json": "Thông tin từng văn bản và các mục của đề cương văn bản có nội dung.",
}


def workbook_name(year: int) -> str:
    """The round's workbook file name, ``bao-cao-<year>.xlsx``."""
    return f"bao-cao-{year}.xlsx"


@dataclass(frozen=True)
class DataFile:
    """A data file published with the site: its docs-relative path and its bytes."""
    path: str
    """Docs-relative path: ``2023/du-lieu/indicators.csv``."""
    content: bytes


# --- values --------------------------------------------------------------------------------

def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def quantity_json(q: Quantity | None) -> dict | None:
    """A figure as JSON: the text as written and its machine reading (kind, low, high, operator)."""
    if q is None:
        return None
    return {"text": q.text, "kind": q.kind, "low": q.low, "high": q.high, "op": q.op or None}


def _reports(rows: list[IndicatorRow]):
    for row in rows:
        for report in row.figures:
            yield row, report


def indicator_records(rows: list[IndicatorRow]) -> list[dict]:
    """One record per reported figure, keyed by ``INDICATOR_COLUMNS``; numbers stay numbers."""
    records = []
    for row, r in _reports(rows):
        v = r.value.value
        records.append({
            "nam": row.year, "ma_chi_tieu": row.definition.id, "ten_chi_tieu": row.definition.name,
            "don_vi": row.unit, "gia_tri": v.text, "loai_gia_tri": v.kind, "gia_tri_thap": v.low,
            "gia_tri_cao": v.high, "phep_so_sanh": v.op, "chi_tieu_ke_hoach": r.target.text if r.target else "",
            "danh_gia": r.status, "nam_truoc": r.value.previous.text if r.value.previous else "",
            "xung_dot": int(row.conflict), "ma_co_quan": r.agency.id, "ten_co_quan": r.agency.name,
            "tep_nguon": r.submission.path, "dong": r.value.line, "ghi_chu": r.value.note,
        })
    return records


def project_records(year: int, projects: list[Project]) -> list[dict]:
    """One record per project and source agency, for ``projects.csv`` and the workbook."""
    return [{"nam": year, "ma_du_an": p.key, "ten_du_an": s.report.name, "phu_luc": s.report.appendix,
             "tinh_trang": s.report.status, "ma_co_quan": s.agency.id, "ten_co_quan": s.agency.name,
             "tep_nguon": s.submission.path, "dong": s.report.line, "ghi_chu": s.report.note}
            for p in projects for s in p.sources]


def submission_records(rnd: Round, submissions, corpus: Corpus) -> list[dict]:
    """One record per letter of the round (who, number, date, sections written), for ``submissions.json``."""
    expected = set(rnd.expected)
    records = []
    for sub in submissions:
        written = sub.written_sections()
        records.append({
            "nam": rnd.year, "ma_co_quan": sub.agency, "ten_co_quan": corpus.registry.get(sub.agency).name,
            "tep_nguon": sub.path, "so_van_ban": sub.number, "ngay": sub.date.iso() if sub.date else "",
            "trich_yeu": sub.subject, "duoc_de_nghi": int(sub.agency in expected),
            "khong_duoc_giao_nhiem_vu": int(sub.no_assigned_tasks), "muc_co_noi_dung": ";".join(written),
            "muc_khong_duoc_giao": ";".join(sub.not_assigned), "so_chi_tieu": len(sub.indicators),
            "so_du_an": len(sub.projects),
        })
    return records


# --- formats -------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with one of these as a formula (OWASP, CSV injection)."""
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*")


def csv_text(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(columns, records: list[dict]) -> bytes:
    """CSV, UTF-8 with BOM, comma-separated, CRLF line ends (RFC 4180), machine numbers with a dot.

    Text that a spreadsheet would read as a formula (``=HYPERLINK(…)``) starts with ``'`` (``csv_text``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _doc in columns])
    for record in records:
        writer.writerow([_num(v) if isinstance(v, float) else csv_text(v)
                         for v in (record[name] for name, _doc in columns)])
    return buffer.getvalue().encode(CSV_ENCODING)


def indicators_json(rnd: Round, rows: list[IndicatorRow]) -> bytes:
    """The round's figures as ``indicators.json``, following ``indicators.schema.json``."""
    doc = {
        "schema": "indicators", "schema_version": SCHEMA_VERSION, "year": rnd.year, "demo": rnd.demo,
        "indicators": [{
            "id": row.definition.id, "name": row.definition.name, "unit": row.unit,
            "direction": row.definition.direction, "target": quantity_json(row.target),
            "target_note": row.target_note, "status": row.status, "conflict": row.conflict,
            "acknowledged_note": row.acknowledged.note if row.acknowledged else None,
            "previous": quantity_json(row.previous), "previous_source": row.previous_source or None,
            "reports": [{
                "agency": r.agency.id, "agency_name": r.agency.name, "file": r.submission.path,
                "line": r.value.line, "value": quantity_json(r.value.value),
                "previous": quantity_json(r.value.previous), "target": quantity_json(r.target),
                "status": r.status, "note": r.value.note,
            } for r in row.figures],
        } for row in rows],
    }
    return _json(doc)


def submissions_json(rnd: Round, submissions, corpus: Corpus) -> bytes:
    """The round's letters as ``submissions.json``, following ``submissions.schema.json``."""
    expected = set(rnd.expected)
    doc = {
        "schema": "submissions", "schema_version": SCHEMA_VERSION, "year": rnd.year, "demo": rnd.demo,
        "round": {"title": rnd.title, "request": rnd.request.cite() if rnd.request.number else "",
                  "deadline": rnd.deadline.iso() if rnd.deadline else None,
                  "sections": [{"id": s.id, "title": s.title} for s in rnd.outline.sections]},
        "submissions": [_submission(rnd, sub, corpus, expected) for sub in submissions],
    }
    return _json(doc)


def _submission(rnd: Round, sub: Submission, corpus: Corpus, expected: set[str]) -> dict:
    return {
        "agency": sub.agency, "agency_name": corpus.registry.get(sub.agency).name, "file": sub.path,
        "number": sub.number, "date": sub.date.iso() if sub.date else None, "subject": sub.subject,
        "signer": ({"name": sub.signer.name, "title": sub.signer.title, "on_behalf": "; ".join(sub.signer.on_behalf)}
                   if sub.signer else None),
        "expected": sub.agency in expected, "no_assigned_tasks": sub.no_assigned_tasks,
        "not_assigned": list(sub.not_assigned), "sections_written": sub.written_sections(),
        "sections": section_cells(rnd, sub),
        "indicators": len(sub.indicators), "projects": len(sub.projects),
    }


def _json(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(sheets: list[tuple[str, tuple, list[dict]]]) -> bytes:
    """A workbook with one sheet per table and a last sheet explaining every column.

    Numbers are written as numbers (Excel shows them in the reader's locale, so a
    Vietnamese Excel shows ``9,5``); the header row is frozen and filterable. Every text
    cell is a string cell: openpyxl would store ``=HYPERLINK(…)`` from a letter as a formula
    (and ``#N/A`` as an error value). Kept in the build cache by content: importing openpyxl
    alone costs more than rendering a small round's pages.
    """
    key = code_key(__name__, distributions=("openpyxl",)) + repr(sheets)
    return cached_bytes(WORKBOOK_CACHE, key, lambda: _workbook(sheets))


def _workbook(sheets: list[tuple[str, tuple, list[dict]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, columns, records in sheets:
        sheet = book.create_sheet(title)
        sheet.append([name for name, _doc in columns])
        for record in records:
            sheet.append([record[name] for name, _doc in columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    notes = book.create_sheet("Giải thích")
    notes.append(["Bảng", "Cột", "Ý nghĩa"])
    for title, columns, _records in sheets:
        for name, doc in columns:
            notes.append([title, name, doc])
    _fixed_dates(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _fixed_dates(book) -> None:
    from datetime import datetime

    fixed = datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "Sở Công Thương tỉnh Quảng Ngãi"


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (an .xlsx is one) with fixed timestamps, so the same content gives the same bytes.

    openpyxl stamps the save time into ``docProps/core.xml`` whatever the workbook says; it is reset here.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    members = []
    for info in source.infolist():
        content = source.read(info)
        if info.filename == "docProps/core.xml":
            content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
        members.append((info.filename, content))
    return zip_bytes(members)


# --- the site's files ----------------------------------------------------------------------

def round_files(rnd: Round, submissions, corpus: Corpus, rows: list[IndicatorRow],
                projects: list[Project]) -> list[DataFile]:
    """Every data file of one round: CSV, JSON and the workbook."""
    ind = indicator_records(rows)
    proj = project_records(rnd.year, projects)
    subs = submission_records(rnd, submissions, corpus)
    year = rnd.year
    return [
        DataFile(paths.data_file(year, "indicators.csv"), to_csv(INDICATOR_COLUMNS, ind)),
        DataFile(paths.data_file(year, "indicators.json"), indicators_json(rnd, rows)),
        DataFile(paths.data_file(year, "projects.csv"), to_csv(PROJECT_COLUMNS, proj)),
        DataFile(paths.data_file(year, "submissions.json"), submissions_json(rnd, submissions, corpus)),
        DataFile(paths.data_file(year, workbook_name(year)),
                 to_xlsx([("Chỉ tiêu", INDICATOR_COLUMNS, ind), ("Dự án", PROJECT_COLUMNS, proj),
                          ("Văn bản", SUBMISSION_COLUMNS, subs)])),
    ]


def schema_files() -> list[DataFile]:
    """The JSON Schemas of the data files, published under ``du-lieu/schema/``."""
    return [DataFile(paths.schema_file(name), (SCHEMA_DIR / name).read_bytes()) for name in SCHEMA_FILES]


def site_zip(files: list[DataFile]) -> DataFile:
    """Everything in one archive, by year: ``2023/indicators.csv``, ``schema/indicators.schema.json``."""
    members = [(f.path.replace("/du-lieu/", "/").removeprefix("du-lieu/"), f.content) for f in files]
    return DataFile(ZIP_PATH, zip_bytes(sorted(members)))

