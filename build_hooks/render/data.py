"""The "Dữ liệu mở" page: every round's files, the whole-site archive, and what every column means."""
from __future__ import annotations

from build_hooks.domain.model import Corpus
from build_hooks.pages import paths
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import link, md, table
from build_hooks.publish.exports import file_name, site_path
from build_hooks.publish.opendata import (
    FILE_DESCRIPTIONS,
    INDICATOR_COLUMNS,
    PROJECT_COLUMNS,
    ROUND_FILES,
    SCHEMA_FILES,
    SCHEMA_VERSION,
    SUBMISSION_COLUMNS,
    ZIP_PATH,
    workbook_name,
)


def render_data_page(corpus: Corpus, pdf: bool = True) -> str:
    """The page "Dữ liệu mở": every data file with a link and a description of every column."""
    page = paths.DATA
    out = [f"# {md(heading('data'))}\n",
           "Số liệu của từng đợt báo cáo được công bố dưới dạng tệp máy đọc được, tạo cùng lúc với trang web "
           "từ chính các văn bản đã nhận, nên luôn khớp với các trang. Được tự do sử dụng lại; khi trích dẫn, "
           "ghi nguồn: Sở Công Thương tỉnh Quảng Ngãi.\n",
           f"**Tải toàn bộ:** {link('bao-cao-cong-nghiep-quang-ngai.zip', paths.rel(page, ZIP_PATH))} "
           "(mọi năm và các lược đồ JSON).\n"]
    if any(r.demo for r in corpus.rounds):
        out.append("*Các đợt đánh dấu \"minh họa\" dùng dữ liệu tạo tự động (trường `demo` là `true`).*\n")
    rows = []
    for rnd in corpus.rounds:
        files = [link(name, paths.rel(page, paths.data_file(rnd.year, name))) for name in ROUND_FILES]
        files.append(link(workbook_name(rnd.year), paths.rel(page, paths.data_file(rnd.year, workbook_name(rnd.year)))))
        for fmt in ("docx", "pdf") if pdf else ("docx",):
            files.append(link(file_name(rnd.year, fmt), paths.rel(page, site_path(rnd.year, fmt))))
        rows.append([f"Năm {rnd.year}" + (" (minh họa)" if rnd.demo else ""), ", ".join(files)])
    out.append("## Tệp theo năm\n")
    out.append(table(["Đợt báo cáo", "Tệp"], rows))
    out.append("\n" + table(["Tệp", "Nội dung"], [[f"`{n}`", md(d)] for n, d in FILE_DESCRIPTIONS.items()]
                            + [["`bao-cao-<năm>.xlsx`", "Sổ Excel gồm các trang Chỉ tiêu, Dự án, Văn bản và "
                                "Giải thích (ý nghĩa các cột)."],
                               ["`bao-cao-so-cong-thuong-<năm>.docx`, `.pdf`",
                                "Báo cáo của Sở Công Thương gửi UBND tỉnh, trình bày theo Nghị định 30/2020/NĐ-CP, "
                                "sẵn sàng để ký (không nằm trong tệp zip dữ liệu)."]]))
    out.append("\n## Định dạng\n")
    out.append("- CSV: mã UTF-8 có BOM (Excel mở đúng tiếng Việt), phân cách bằng dấu phẩy, dòng đầu là tên cột. "
               "Cột `gia_tri` giữ nguyên cách ghi của văn bản (dấu phẩy thập phân: `9,5`); các cột "
               "`gia_tri_thap`, `gia_tri_cao` là số cho máy đọc (dấu chấm thập phân: `9.5`).")
    schemas = ", ".join(link(name, paths.rel(page, paths.schema_file(name))) for name in SCHEMA_FILES)
    out.append(f"- JSON: mã UTF-8, theo lược đồ JSON Schema phiên bản {SCHEMA_VERSION} ({schemas}); trường "
               "`schema_version` cho biết phiên bản. Đổi tên hoặc bỏ một trường sẽ tăng số phiên bản chính.")
    out.append("- Excel (.xlsx): số được lưu dạng số, Excel hiển thị theo thiết lập vùng của máy.\n")
    for title, name, columns in (("Cột của indicators.csv (trang Chỉ tiêu)", "indicators", INDICATOR_COLUMNS),
                                 ("Cột của projects.csv (trang Dự án)", "projects", PROJECT_COLUMNS),
                                 ("Cột của trang Văn bản trong sổ Excel", "submissions", SUBMISSION_COLUMNS)):
        out.append(f"## {title} {{#cot-{name}}}\n")
        out.append(table(["Cột", "Ý nghĩa"], [[f"`{col}`", md(doc)] for col, doc in columns]))
    return "\n".join(out)
