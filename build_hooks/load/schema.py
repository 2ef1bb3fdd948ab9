"""The submission front-matter, as data.

One table serves the checker (``frontmatter.py``), the JSON Schema export and
the guide page for agencies, so the three can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One front-matter key: its kind, whether it is required, and its Vietnamese documentation and example."""
    name: str
    kind: str
    """``text``, ``integer``, ``date``, ``text-or-list``, ``text-list``, ``tasks``, ``object``, ``object-list``,
    ``quantity``."""
    required: bool
    doc: str
    """What it means, in Vietnamese, for the guide page."""
    example: str = ""
    fields: tuple["Field", ...] = ()
    """Keys of the object (or of each item of the list)."""
    choices: tuple[str, ...] = ()
    """The only values a ``text`` key may take, when it is a closed list (``kind``)."""


SIGNER = (
    Field("name", "text", True, "Họ và tên người ký, không ghi học hàm, học vị.", "Nguyễn Thế Nhân"),
    Field("title", "text", True, "Chức vụ của người ký.", "Phó Trưởng ban"),
    Field("on_behalf", "text-or-list", False,
          "Quyền hạn ký khi ký thay: TM., KT., TL., TUQ., Q.; hai dòng thì ghi danh sách "
          "(TM. Ủy ban nhân dân, KT. Chủ tịch).", "KT. Trưởng ban"),
)

INDICATOR = (
    Field("id", "text", True, "Mã chỉ tiêu, lấy trong danh sách chỉ tiêu của đợt báo cáo.",
          "tang-truong-gtgt-cong-nghiep"),
    Field("value", "quantity", True, "Giá trị thực hiện: số (9,5), khoảng (8 - 9) hoặc chữ.", '"9,5"'),
    Field("unit", "text", True, "Đơn vị tính.", "%"),
    Field("target", "quantity", False, "Chỉ tiêu kế hoạch, nếu văn bản có ghi.", '"8 - 9"'),
    Field("previous", "quantity", False, "Giá trị cùng kỳ năm trước.", '"8,1"'),
    Field("note", "text", False, "Ghi chú, nguồn số liệu.", "Số ước thực hiện"),
)

PROJECT = (
    Field("name", "text", True, "Tên dự án như trong phụ lục.", "Nhà máy …"),
    Field("appendix", "text", True, "Phụ lục của Quyết định 998/QĐ-UBND: 2 hoặc 3.", "2"),
    Field("status", "text", True, "Tình trạng, theo danh sách của đợt báo cáo.", "đang triển khai"),
    Field("note", "text", False, "Ghi chú về tiến độ.", ""),
)

ORIGINAL = (
    Field("file", "text", True, "Tên tệp gốc trong thư mục originals/ của năm: <mã-cơ-quan>.pdf, .docx hoặc .txt.",
          "ban-dan-toc.pdf"),
    Field("sha256", "text", True, "Mã băm SHA-256 của tệp gốc (64 chữ số hệ 16), do lệnh import ghi.",
          "3f5a…"),
)

DEFAULT_KIND = "Công văn"
KINDS = (
    "Công văn", "Báo cáo", "Tờ trình", "Kế hoạch", "Thông báo", "Chương trình", "Phương án", "Đề án", "Dự án",
    "Hướng dẫn", "Quyết định", "Nghị quyết", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Biên bản",
    "Hợp đồng", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu",
    "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
)
"""Kinds of administrative document as Nghị định 30/2020 names them (Điều 7); a reply is usually the first two."""

FRONT_MATTER = (
    Field("agency", "text", True, "Mã cơ quan trong danh mục; trùng với tên tệp.", "ban-dan-toc"),
    Field("year", "integer", True, "Năm báo cáo; trùng với tên thư mục.", "2023"),
    Field("kind", "text", False,
          "Loại văn bản theo Nghị định 30/2020: Công văn (mặc định, trích yếu ghi sau V/v) hoặc Báo cáo, Tờ trình, "
          "… (tên loại in đậm, giữa trang, trích yếu dưới tên loại).", "Báo cáo", choices=KINDS),
    Field("number", "text", False, "Số và ký hiệu văn bản như in, có thể để trống phần số.", "/BDT-CSDT"),
    Field("date", "date", False, "Ngày văn bản: dd/mm/yyyy, hoặc mm/yyyy nếu để trống ngày.", "12/2023"),
    Field("subject", "text", False, "Trích yếu nội dung (công văn: sau chữ V/v; loại khác: dòng dưới tên loại).",
          "báo cáo tình hình …"),
    Field("recipient", "text-or-list", False, "Nơi gửi (Kính gửi): một hoặc nhiều cơ quan.", "Sở Công Thương"),
    Field("signer", "object", False, "Người ký.", "", SIGNER),
    Field("cc", "text-list", False, "Nơi nhận, mỗi dòng một nơi, kể cả dòng Lưu.", "- Như trên"),
    Field("no_assigned_tasks", "tasks", False,
          "true nếu cơ quan không được giao nhiệm vụ nào; hoặc danh sách các mục không được giao.", "true"),
    Field("indicators", "object-list", False, "Các chỉ tiêu của mục I.1 mà cơ quan báo cáo.", "", INDICATOR),
    Field("projects", "object-list", False, "Các dự án của mục II.7 (Phụ lục 2, 3).", "", PROJECT),
    Field("original", "object", False,
          "Văn bản gốc như đã nhận (PDF có chữ ký số, Word hoặc văn bản), lưu cạnh bài nộp; do lệnh import ghi.", "",
          ORIGINAL),
)


REPORT_SIGNER = (
    Field("on_behalf", "text-or-list", False,
          "Quyền hạn ký (TM., KT., TL., TUQ., Q.), một hoặc hai dòng; để trống nếu người đứng đầu ký.",
          "KT. GIÁM ĐỐC"),
    Field("title", "text", False, "Chức vụ người ký; để trống để ghi tay.", "PHÓ GIÁM ĐỐC"),
    Field("name", "text", False, "Họ và tên người ký; để trống để ghi tay.", ""),
)

REPORT = (
    Field("kind", "text", False, "Tên loại văn bản, mặc định BÁO CÁO.", "BÁO CÁO"),
    Field("number", "text", False, "Số và ký hiệu như in; để trống phần số để ghi tay khi phát hành.", "/BC-SCT"),
    Field("date", "date", False, "Ngày báo cáo: dd/mm/yyyy, hoặc mm/yyyy nếu để trống ngày.", "12/2023"),
    Field("subject", "text", False, "Trích yếu nội dung, không lặp lại tên loại văn bản.",
          "Tình hình triển khai thực hiện …"),
    Field("recipient", "text-or-list", False, "Kính gửi: một hoặc nhiều cơ quan.", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    Field("signer", "object", False, "Người ký: quyền hạn ký, chức vụ, họ tên; mục nào chưa biết thì để trống.", "",
          REPORT_SIGNER),
    Field("cc", "text-list", False, "Nơi nhận, mỗi dòng một nơi, kết thúc bằng dòng Lưu.", "- Như trên"),
)
"""The ``report`` block of a round file: the Sở's own report, checked like a letter's front-matter."""


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The keys of a list of fields, in order: what ``unknown_keys`` accepts and suggests."""
    return tuple(f.name for f in fields)
