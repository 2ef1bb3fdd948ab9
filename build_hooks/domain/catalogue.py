"""The rule catalogue: every problem id the project can report, stated once.

Modelled on yamllint's rule table: each ``Rule`` holds its id, its severity,
what it means and how to fix it (for the guide page and the handbook's table),
and the Vietnamese text of every located message it produces, as templates.
Code that finds a problem never writes its severity or its wording: it calls
``finding(rule_id, path, line, column, **params)`` (or ``Reader.fail``) and the
catalogue supplies the rest. So the guide, the checker's output and the tests
cannot drift apart, and ``tests/domain/test_catalogue.py`` fails on any id that
a module emits but this table lacks.

A rule with several situations (``wrong-type`` for a list, a table, a number…)
names each one as a *variant*; ``""`` is the default.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_hooks.domain.model import REGISTRY_FILE, ROUND_FILE
from build_hooks.domain.problems import ERROR, WARNING, Problem

MAX_BYTES = 1024 * 1024
"""Largest accepted submission (1 MiB): a letter is a few pages; more is a paste gone wrong."""


@dataclass(frozen=True)
class Text:
    """One located message of a rule, as ``str.format`` templates."""

    message: str
    hint: str = ""
    """How to fix it. When it formats to nothing (an empty ``{suggestion}``), ``fallback`` is used."""
    fallback: str = ""


@dataclass(frozen=True)
class Rule:
    """One problem id with its severity, its guide text and every located message it produces."""
    id: str
    """Stable id, e.g. ``unknown-key``: what tests, tools and the guide match on."""
    severity: str
    """``error`` stops the build; ``warning`` fails only ``--strict``."""
    what: str
    """What the problem is, in general (the guide's table)."""
    fix: str
    """How to fix it, in general (the guide's table)."""
    found_by: str
    """Where it is detected, for the handbook's table of rules (``handbook/checking.md``)."""
    texts: dict[str, Text] = field(default_factory=dict)
    """Located messages by variant; ``""`` is the default."""
    guide: bool = True
    """Listed in the agencies' guide; False for the build's own settings, which only maintainers set."""


def _rule(rule_id: str, severity: str, what: str, fix: str, found_by: str, guide: bool = True, **texts: Text) -> Rule:
    return Rule(rule_id, severity, what, fix, found_by, {k.replace("_", "-") if k != "default" else "": v
                                                         for k, v in texts.items()}, guide)


_PLACEHOLDER = "{what}{name} ở đoạn {source_line} của tệp gốc không chuyển được thành chữ."
_PLACEHOLDER_HINT = "Ghi lại bằng lời hoặc bằng bảng nội dung của nó, rồi xóa dòng đánh dấu."

RULES: tuple[Rule, ...] = (
    # --- the tree and its files (corpus/tree.py) ---------------------------------------------
    _rule("missing-registry", ERROR, "Không có danh mục cơ quan.", f"Tạo tệp {REGISTRY_FILE} trong submissions/.",
          "corpus/tree.py",
          default=Text("Không tìm thấy danh mục cơ quan.", f"Tạo tệp {REGISTRY_FILE} trong thư mục submissions/.")),
    _rule("empty-registry", ERROR, "Danh mục cơ quan không có cơ quan nào.", "Thêm ít nhất một cơ quan.",
          "load/registry.py", default=Text("Danh mục cơ quan trống.", "Thêm ít nhất một cơ quan.")),
    _rule("no-round", ERROR, "Chưa có đợt báo cáo nào.", f"Tạo thư mục submissions/<năm>/ với tệp {ROUND_FILE}.",
          "corpus/tree.py",
          default=Text("Chưa có đợt báo cáo nào.", f"Tạo thư mục submissions/<năm>/ với tệp {ROUND_FILE}.")),
    _rule("missing-round", ERROR, f"Thư mục năm không có tệp {ROUND_FILE}.",
          "Sao chép round.yml của năm trước rồi sửa lại.", "corpus/tree.py",
          default=Text(f"Thư mục {{year}} thiếu tệp {ROUND_FILE}.", "Sao chép round.yml của năm trước rồi sửa lại.")),
    _rule("not-utf8", ERROR, "Tệp không lưu bằng mã UTF-8.", "Lưu lại tệp với bảng mã UTF-8 (Unicode).",
          "corpus/tree.py", default=Text("Tệp không phải mã UTF-8.", "Lưu lại tệp với bảng mã UTF-8 (Unicode).")),
    _rule("file-too-large", ERROR, "Tệp lớn hơn 1 MiB.",
          "Bài nộp chỉ chứa chữ; xóa hình ảnh hoặc dữ liệu dán nhầm, số liệu lớn gửi kèm riêng.", "rules/encoding.py",
          default=Text("Tệp nặng {size_mib} MiB, quá giới hạn 1 MiB.",
                       "Bài nộp chỉ chứa chữ; xóa hình ảnh hoặc dữ liệu dán nhầm, số liệu lớn gửi kèm riêng.")),
    _rule("unknown-agency", ERROR, "Tên tệp (hoặc mã trong round.yml) không phải mã cơ quan trong danh mục.",
          "Đặt tên tệp <mã-cơ-quan>.md theo submissions/agencies.yml.", "corpus/tree.py, load/rounds.py",
          default=Text("Tên tệp '{name}' không phải mã cơ quan trong danh mục.", "{suggestion}",
                       "Đặt tên tệp theo mã cơ quan trong submissions/agencies.yml."),
          expected=Text("Cơ quan '{agency}' không có trong danh mục cơ quan.", "{suggestion}",
                        "Thêm cơ quan vào submissions/agencies.yml.")),
    _rule("symlink", ERROR, "Tệp trong thư mục bài nộp là liên kết tượng trưng (symlink), không phải tệp thật.",
          "Thay liên kết bằng chính nội dung văn bản (một tệp thường).", "corpus/tree.py",
          default=Text("'{name}' là liên kết tượng trưng (symlink), không phải tệp thật.",
                       "Thay liên kết bằng chính nội dung văn bản (một tệp thường).")),
    _rule("unexpected-file", ERROR, "Tệp lạ trong thư mục bài nộp (không phải .md).",
          "Chuyển nội dung vào tệp <mã-cơ-quan>.md hoặc xóa tệp.", "corpus/tree.py",
          top=Text("'{name}' không phải thư mục năm báo cáo hay danh mục cơ quan.",
                   "Bài nộp đặt trong submissions/<năm>/<mã-cơ-quan>.md."),
          year=Text("Thư mục '{name}' trông như năm nhưng không viết bằng chữ số thường 0–9 ({codes}).",
                    "Đổi tên thư mục thành năm viết bằng chữ số 0–9 (gõ lại trên bàn phím), ví dụ 2024."),
          default=Text("'{name}' không phải bài nộp (.md) nên sẽ không được đăng.",
                       "Chuyển nội dung vào tệp <mã-cơ-quan>.md, hoặc xóa tệp này."),
          received=Text("'{name}' không phải bài nộp (.md) nên sẽ không được đăng.",
                        "Nhập văn bản vào định dạng bài nộp: python -m build_hooks import {name} --agency <mã-cơ-quan> "
                        "--year {year}, rồi xóa tệp gốc khỏi submissions/.")),
    _rule("missing-front-matter", ERROR, "Tệp không bắt đầu bằng phần thông tin văn bản giữa hai dòng ---.",
          "Dòng đầu tiên của tệp phải là ---; lấy mẫu bằng lệnh new.", "load/submission.py",
          default=Text("Tệp không bắt đầu bằng phần thông tin văn bản (front-matter) giữa hai dòng '---'.",
                       "Dòng đầu tiên của tệp phải là '---'; xem mẫu bằng lệnh 'python -m build_hooks new'."),
          unclosed=Text("Phần thông tin văn bản mở bằng dòng '---' nhưng không có dòng '---' đóng lại.",
                        "Thêm một dòng chỉ có '---' sau dòng thông tin cuối cùng (trước nội dung văn bản).")),
    _rule("original-missing", ERROR, "Bài nộp ghi văn bản gốc (original) nhưng không có tệp đó trong originals/.",
          "Đặt lại tệp gốc như đã nhận, hoặc nhập lại văn bản bằng lệnh import.", "corpus/originals.py",
          default=Text("Không có tệp gốc '{name}' trong {folder}.",
                       "Đặt lại tệp gốc như đã nhận vào {folder}, hoặc nhập lại văn bản bằng lệnh import --force."),
          orphan=Text("Tệp gốc '{name}' không có bài nộp nào ghi nó (khóa original).",
                      "Nhập văn bản bằng lệnh import, hoặc xóa tệp này.")),
    _rule("original-changed", ERROR, "Tệp gốc không còn đúng như khi nhận: mã băm SHA-256 khác với mã đã ghi.",
          "Khôi phục tệp gốc như đã nhận; tệp gốc không bao giờ được sửa.", "corpus/originals.py",
          default=Text("Tệp gốc '{name}' đã bị thay đổi: SHA-256 là {actual}, bài nộp ghi {recorded}.",
                       "Khôi phục tệp gốc như đã nhận (git checkout); nếu cơ quan gửi văn bản mới, nhập lại "
                       "bằng lệnh import --force.")),
    _rule("original-too-large", ERROR, "Tệp gốc lớn hơn 20 MiB.",
          "Giữ văn bản gốc nhỏ hơn 20 MiB; phụ lục lớn lưu ở nơi khác.", "corpus/originals.py",
          default=Text("Tệp gốc '{name}' nặng {size_mib} MiB, quá giới hạn 20 MiB.",
                       "Giữ văn bản gốc nhỏ hơn 20 MiB; phụ lục lớn lưu ở nơi khác.")),
    _rule("signature-broken", ERROR, "Chữ ký số trong văn bản gốc không còn nguyên vẹn (tệp bị sửa sau khi ký).",
          "Đề nghị cơ quan gửi lại văn bản điện tử đã ký; không dùng tệp đã bị sửa.", "corpus/signatures.py",
          default=Text("Chữ ký số của {who} không còn nguyên vẹn: nội dung đã bị sửa sau khi ký.",
                       "Đề nghị cơ quan gửi lại văn bản điện tử đã ký số; không dùng tệp đã bị sửa."),
          unreadable=Text("Không đọc được chữ ký số của văn bản gốc ({reason}).",
                          "Đề nghị cơ quan gửi lại văn bản điện tử đã ký số.")),
    _rule("original-text-missing", ERROR, "Một đoạn, mục liệt kê hoặc ô bảng của văn bản gốc không có trong bài nộp.",
          "Chép lại đúng đoạn đó từ văn bản gốc vào bài nộp, đúng chỗ.", "corpus/fidelity.py",
          default=Text("Bài nộp thiếu đoạn {source_line} của văn bản gốc {name}: “{text}”.",
                       "Chép lại đúng đoạn đó từ văn bản gốc vào bài nộp, đúng thứ tự; không bỏ bớt nội dung "
                       "của văn bản đã ký."),
          unreadable=Text("Không đọc lại được văn bản gốc {name} để đối chiếu: {reason}",
                          "Kiểm tra tệp gốc; nhập lại văn bản bằng lệnh import --force nếu cần.")),
    # --- encoding (rules/encoding.py) -----------------------------------------------------------
    _rule("not-nfc", ERROR, "Chữ không ở dạng Unicode dựng sẵn (NFC).", "Chạy check --fix để chuẩn hóa.",
          "rules/encoding.py",
          default=Text("Dòng này có chữ không ở dạng Unicode dựng sẵn (NFC); chữ trông giống nhưng khác mã.",
                       "Chạy 'python -m build_hooks check --fix <tệp>' để chuẩn hóa; lệnh chỉ đổi cách mã hóa chữ.")),
    _rule("legacy-encoding", ERROR, "Chữ gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI, ví dụ 'Qu¶ng Ng·i'.",
          "Chuyển mã sang Unicode bằng Unikey rồi dán lại.", "rules/encoding.py, rules/legacy_encoding.py",
          default=Text("Chữ '{word}' có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode.",
                       "Mở văn bản gốc, chuyển mã bằng Unikey (Công cụ chuyển mã, nguồn {encoding}, đích Unicode) "
                       "rồi dán lại.")),
    _rule("bidi-control", ERROR, "Có ký tự điều khiển chiều chữ (U+202A–U+202E, U+2066–U+2069) làm đảo chữ hiển thị.",
          "Xóa ký tự đó.", "rules/encoding.py, load/yamlsource.py",
          default=Text("Có {char}: ký tự này đảo thứ tự chữ hiển thị.",
                       "Xóa ký tự này (thường dán từ nơi khác); văn bản tiếng Việt không cần nó.")),
    _rule("odd-line-break", ERROR, "Có ký tự ngắt dòng lạ (U+2028, U+2029, U+0085, ngắt trang…): chương trình này "
          "xuống dòng ở đó, chương trình khác thì không.", "Thay bằng một lần xuống dòng bình thường (Enter).",
          "rules/encoding.py",
          default=Text("Có ký tự ngắt dòng lạ ({code}).",
                       "Xóa ký tự này và xuống dòng bằng phím Enter (thường dán từ Word hoặc PDF).")),
    _rule("word-character", WARNING, "Tiêu đề có ký tự vô hình của Word (dấu cách không ngắt, ký tự rộng 0) "
          "hoặc ký tự số La Mã (Ⅲ); đã đọc như ký tự thường.", "Chạy check --fix để thay.", "rules/encoding.py",
          default=Text("Tiêu đề có {char}, thường do dán từ Word; đã đọc như ký tự thường.",
                       "Chạy 'python -m build_hooks check --fix <tệp>' để thay bằng ký tự thường.")),
    # --- YAML (load/yamlsource.py, rules/encoding.py) ---------------------------------------------
    _rule("yaml-tab", ERROR, "Có ký tự tab trong phần thông tin văn bản.", "Thụt lề bằng dấu cách.",
          "rules/encoding.py",
          default=Text("Phần thông tin văn bản (YAML) có ký tự tab.",
                       "Thay tab bằng dấu cách (thụt lề hai dấu cách).")),
    _rule("yaml-syntax", ERROR, "Phần thông tin văn bản sai cú pháp YAML.",
          "Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng được báo.", "load/yamlsource.py",
          default=Text("Lỗi cú pháp YAML: {reason}",
                       "Kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng tab) và dấu ngoặc kép."),
          tab=Text("Lỗi cú pháp YAML: {reason}", "YAML không cho phép ký tự tab; hãy thụt lề bằng dấu cách."),
          curly=Text("Lỗi cú pháp YAML: {reason}",
                     "Dòng này có dấu ngoặc cong {quotes} (Word tự đổi ngoặc thẳng thành ngoặc cong); YAML chỉ "
                     "hiểu ngoặc thẳng \" và '. Thay bằng ngoặc thẳng."),
          reader=Text("Lỗi YAML: {reason}", "Xóa ký tự điều khiển hoặc ký tự lạ trong phần đầu tệp.")),
    _rule("duplicate-key", ERROR, "Một khóa được viết hai lần.", "Giữ một dòng, gộp hai giá trị.",
          "load/yamlsource.py", default=Text("Khóa '{key}' bị lặp (đã có ở dòng {first}).",
                                             "Mỗi khóa chỉ viết một lần; gộp hai giá trị lại.")),
    _rule("yaml-anchor", ERROR, "Dùng neo YAML (&tên).", "Viết đầy đủ từng giá trị.", "load/yamlsource.py",
          default=Text("Không dùng neo YAML (&{anchor}).", "Xóa &tên; mỗi giá trị viết đầy đủ.")),
    _rule("yaml-alias", ERROR, "Dùng bí danh YAML (*tên).", "Viết đầy đủ từng giá trị.", "load/yamlsource.py",
          default=Text("Không dùng bí danh YAML (*{anchor}).", "Viết lại giá trị đầy đủ thay cho *tên.")),
    _rule("yaml-tag", ERROR, "Dùng thẻ YAML (!tên).", "Xóa thẻ, ghi giá trị như văn bản thường.", "load/yamlsource.py",
          default=Text("Không dùng thẻ YAML ({tag}).", "Xóa thẻ bắt đầu bằng '!'; ghi giá trị như văn bản thường.")),
    _rule("yaml-merge", ERROR, "Dùng khóa gộp YAML (<<).", "Viết đầy đủ từng khóa.", "load/yamlsource.py",
          default=Text("Không dùng khóa gộp YAML (<<).", "Xóa dòng '<<: …' và viết đầy đủ từng khóa cần có.")),
    _rule("yaml-depth", ERROR, "Phần thông tin văn bản lồng nhau quá sâu.", "Viết theo mẫu, không lồng thêm cấp.",
          "load/yamlsource.py",
          default=Text("Phần thông tin văn bản lồng nhau quá {depth} cấp; định dạng không cần sâu như vậy.",
                       "Viết lại theo mẫu (python -m build_hooks new …); bỏ các cấp ngoặc hoặc thụt lề thừa.")),
    # --- keys and values (load/reader.py, load/frontmatter.py, load/rounds.py, load/registry.py) -----
    _rule("unknown-key", ERROR, "Khóa không có trong định dạng (thường do gõ nhầm).",
          "Sửa theo gợi ý 'Có phải ý bạn là'.", "load/reader.py",
          default=Text("Khóa '{key}' không có trong định dạng.", "{suggestion}", "Các khóa được dùng: {allowed}.")),
    _rule("missing-key", ERROR, "Thiếu khóa bắt buộc (agency, year, …).", "Thêm khóa còn thiếu.",
          "load/reader.py, load/frontmatter.py, load/rounds.py",
          default=Text("Thiếu khóa bắt buộc '{key}'.", "Thêm dòng '{key}: …'."),
          year=Text("Thiếu khóa bắt buộc 'year'.", "Thêm dòng 'year: <năm báo cáo>'."),
          outline=Text("Đợt báo cáo thiếu đề cương ('outline').", "Liệt kê các mục: '- id: I'.")),
    _rule("wrong-type", ERROR, "Giá trị sai kiểu (danh sách thay cho chữ, …).", "Viết theo ví dụ của khóa đó.",
          "load/reader.py, load/frontmatter.py, load/rounds.py",
          mapping=Text("'{key}' phải là một bảng khóa (key: value), không phải {actual}.",
                       "Viết mỗi khóa trên một dòng, dạng 'khóa: giá trị'."),
          text=Text("'{key}' phải là chuỗi chữ, không phải {actual}.", "Đặt giá trị trong dấu ngoặc kép nếu cần."),
          list=Text("'{key}' phải là danh sách, không phải {actual}.", "Viết mỗi mục trên một dòng bắt đầu bằng '- '."),
          list_item=Text("Mục thứ {number} của '{key}' phải là chuỗi chữ.",
                         "Đặt mục trong dấu ngoặc kép nếu nó có dấu hai chấm."),
          year=Text("'year' phải là số năm, không phải '{actual}'.", "Ví dụ: year: 2023."),
          no_assigned_tasks=Text("'no_assigned_tasks' phải là true hoặc danh sách số mục.",
                                 "Ví dụ: no_assigned_tasks: [II.7, II.8]."),
          items=Text("'{key}' phải là danh sách.", "Mỗi mục bắt đầu bằng '- {first_key}: …'."),
          quantity=Text("'{key}' phải là số hoặc chữ.", "Ví dụ: \"9,5\".")),
    _rule("agency-mismatch", ERROR, "Khóa agency khác tên tệp.", "Sửa agency hoặc đổi tên tệp.", "load/submission.py",
          default=Text("Khóa agency là '{agency}' nhưng tên tệp là '{file_agency}'.",
                       "Đổi thành 'agency: {file_agency}', hoặc đổi tên tệp thành {agency}.md."),
          unknown=Text("Khóa agency là '{agency}' nhưng tên tệp là '{file_agency}'.", "{suggestion}")),
    _rule("year-mismatch", ERROR, "Khóa year khác thư mục năm.", "Sửa year hoặc chuyển tệp sang đúng thư mục.",
          "load/submission.py, load/rounds.py",
          default=Text("Năm báo cáo là {year} nhưng tệp nằm trong thư mục {folder}.",
                       "Ghi 'year: {folder}' hoặc chuyển tệp sang thư mục submissions/{year}/."),
          round=Text("Năm của đợt báo cáo là '{year}' nhưng thư mục là {folder}.", "Ghi 'year: {folder}'.")),
    _rule("bad-date", ERROR, "Ngày không đọc được hoặc không tồn tại (30/02/2023).",
          "Viết dd/mm/yyyy, mm/yyyy nếu để trống ngày, hoặc yyyy-mm-dd.", "load/frontmatter.py, load/rounds.py",
          default=Text("Ngày văn bản không hợp lệ: {reason}.",
                       "Viết dd/mm/yyyy (08/12/2023), mm/yyyy nếu để trống ngày (12/2023), hoặc yyyy-mm-dd."),
          round=Text("Ngày không hợp lệ: {reason}.", "Viết dd/mm/yyyy, ví dụ 08/12/2023.")),
    _rule("date-out-of-round", ERROR, "Ngày văn bản nằm ngoài năm báo cáo và năm sau đó.",
          "Kiểm tra năm của ngày văn bản.", "rules/values.py",
          default=Text("Ngày văn bản {date} nằm ngoài năm báo cáo {year} và năm {next_year}.",
                       "Kiểm tra lại năm của ngày văn bản, hoặc thư mục năm của tệp.")),
    _rule("future-date", ERROR, "Ngày văn bản ở sau ngày dựng trang.", "Ghi ngày ký; chưa ký thì ghi mm/yyyy.",
          "rules/values.py",
          default=Text("Ngày văn bản {date} ở sau ngày hôm nay ({today}).",
                       "Ghi ngày ký văn bản; nếu chưa ký, ghi tháng/năm (mm/yyyy) hoặc bỏ khóa date.")),
    _rule("bad-number", ERROR, "Số liệu chỉ tiêu viết bằng chữ số nhưng không đọc được (\"1,234.5\", \"9,5%\"), "
          "hoặc 1.234 không có ngoặc kép (bị đọc là 1,234).",
          "Dấu phẩy thập phân, dấu chấm hàng nghìn: \"1.234,5\"; đơn vị ghi ở khóa unit.", "rules/values.py",
          default=Text("Không đọc được số '{value}' ({key}).",
                       "Viết số kiểu Việt Nam: dấu phẩy thập phân, dấu chấm phân cách hàng nghìn (\"1.234,5\"); "
                       "khoảng \"8 - 9\"; ghi đơn vị (%) ở khóa unit."),
          unquoted=Text("Số {written} ({key}) không có dấu ngoặc kép nên bị đọc là số thập phân {as_decimal} "
                        "chứ không phải {as_integer}.",
                        "Nếu là {as_integer}, viết \"{written}\" (trong ngoặc kép); nếu là số thập phân, viết "
                        "\"{with_comma}\".")),
    _rule("unknown-kind", ERROR, "Loại văn bản (kind) không có trong Nghị định 30/2020.",
          "Ghi Công văn, Báo cáo, Tờ trình, Kế hoạch, … hoặc bỏ khóa kind (mặc định Công văn).", "load/frontmatter.py",
          default=Text("'{kind}' không phải tên loại văn bản theo Nghị định 30/2020.", "{suggestion}",
                       "Ví dụ: Công văn, Báo cáo, Tờ trình, Kế hoạch.")),
    _rule("unknown-indicator", ERROR, "Mã chỉ tiêu không có trong đợt báo cáo.",
          "Lấy mã trong danh sách chỉ tiêu của round.yml.", "load/frontmatter.py, load/rounds.py",
          default=Text("Chỉ tiêu '{indicator}' không có trong đợt báo cáo {year}.", "{suggestion}",
                       "Xem danh sách chỉ tiêu trong round.yml."),
          acknowledged=Text("Chỉ tiêu '{indicator}' không có trong đợt báo cáo.", "{suggestion}",
                            "Ghi mã chỉ tiêu như trong danh sách 'indicators'.")),
    _rule("unknown-status", ERROR, "Tình trạng dự án không có trong danh sách của đợt báo cáo.",
          "Dùng một tình trạng trong danh sách.", "load/submission.py",
          default=Text("Tình trạng '{status}' không hợp lệ.", "{suggestion}", "Dùng một trong: {statuses}.")),
    _rule("original-name", ERROR, "Khóa original ghi sai tên tệp gốc hoặc mã băm SHA-256.",
          "Tên tệp gốc là <mã-cơ-quan>.pdf, .docx hoặc .txt; mã băm gồm 64 chữ số hệ 16.", "load/frontmatter.py",
          default=Text("Tệp gốc '{name}' phải mang tên {agency}.pdf, {agency}.docx hoặc {agency}.txt.",
                       "Lệnh import ghi khóa này; đừng sửa tay."),
          sha256=Text("Mã băm SHA-256 của tệp gốc phải gồm 64 chữ số hệ 16.",
                      "Lệnh import ghi khóa này; đừng sửa tay.")),
    # --- the registry and the round file (load/registry.py, load/rounds.py) ------------------------------
    _rule("bad-agency-id", ERROR, "Mã cơ quan trong danh mục không hợp lệ.",
          "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang.", "load/registry.py",
          default=Text("Mã cơ quan '{agency}' không hợp lệ.",
                       "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ 'ban-dan-toc'.")),
    _rule("bad-value", ERROR, "Giá trị không thuộc danh sách được phép (nhóm cơ quan, hướng của chỉ tiêu, tài khoản).",
          "Dùng một giá trị trong danh sách được nêu.", "load/registry.py, load/rounds.py",
          group=Text("Nhóm '{value}' không hợp lệ.", "Dùng: {allowed}"),
          login=Text("'{value}' không phải tên tài khoản GitHub.",
                     "Ghi tên đăng nhập GitHub (chữ, số, dấu gạch ngang), ví dụ 'nguyen-van-a'."),
          direction=Text("Hướng '{value}' không hợp lệ.", "Dùng higher hoặc lower.")),
    _rule("bad-section-id", ERROR, "Số mục trong đề cương không hợp lệ.", "Viết như I, II.4, II.4.1.",
          "load/rounds.py", default=Text("Số mục '{section}' không hợp lệ.", "Viết như I, II.4, II.4.1.")),
    _rule("orphan-section", ERROR, "Mục trong đề cương đứng trước mục cha của nó.", "Khai báo mục cha trước.",
          "load/rounds.py", default=Text("Mục {section} đứng trước hoặc không có mục cha {parent}.",
                                         "Khai báo mục cha trước.")),
    _rule("bad-mirror", ERROR, "'mirror' chỉ tới mục không có mục con.", "Ghi số mục La Mã có mục con, ví dụ II.",
          "load/rounds.py",
          default=Text("Mục '{section}' không có mục con để lặp lại.", "Ghi số mục La Mã, ví dụ II.")),
    _rule("units-and-unit", ERROR, "Chỉ tiêu khai báo cả 'unit'/'target' và 'units'.",
          "Ghi đơn vị và chỉ tiêu kế hoạch của từng đơn vị trong 'units'.", "load/rounds.py",
          default=Text("Chỉ tiêu '{indicator}' khai báo cả 'unit'/'target' và 'units'.",
                       "Khi chỉ tiêu có nhiều đơn vị, ghi đơn vị và chỉ tiêu kế hoạch của từng đơn vị trong 'units'.")),
    _rule("duplicate-unit", ERROR, "Một đơn vị của chỉ tiêu được khai báo hai lần.", "Xóa một dòng.", "load/rounds.py",
          default=Text("Đơn vị '{unit}' được khai báo hai lần.", "Xóa một dòng.")),
    # --- headings and sections (load/sections.py, load/rounds.py) ----------------------------------
    _rule("unknown-section", ERROR, "Số mục ở tiêu đề (hoặc no_assigned_tasks) không có trong đề cương.",
          "Sửa số mục theo đề cương.", "load/sections.py, load/frontmatter.py",
          default=Text("Mục {section} không có trong đề cương.", "{suggestion}", "Các mục của đề cương: {sections}."),
          not_assigned=Text("Mục '{section}' không có trong đề cương.", "{suggestion}",
                            "Ghi số mục đầy đủ, ví dụ II.4.1.")),
    _rule("duplicate-section", ERROR, "Một mục được viết (hoặc khai báo trong đề cương) hai lần.",
          "Gộp nội dung vào một chỗ.", "load/sections.py, load/rounds.py",
          default=Text("Mục {section} đã có ở dòng {first}.", "Gộp nội dung hai lần viết mục này vào một chỗ."),
          outline=Text("Mục {section} được khai báo hai lần.", "Xóa một dòng.")),
    _rule("orphan-number", ERROR, "Tiêu đề số tương đối (## 4.) không nằm dưới mục La Mã nào.",
          "Đặt dưới '# II. …' hoặc ghi số đầy đủ '## II.4.'.", "load/sections.py",
          default=Text("Tiêu đề '{number}.' không nằm dưới mục La Mã nào nên không biết thuộc mục nào.",
                       "Đặt nó dưới một tiêu đề như '# II. …', hoặc ghi số đầy đủ như '## II.{number}.'")),
    _rule("misplaced-section", ERROR, "Số mục không khớp tiêu đề cha (### 1. dưới ## 4.).",
          "Ghi 4.1. hoặc sửa số dấu #.", "load/sections.py",
          default=Text("Mục {section} nằm dưới tiêu đề của mục {parent} nhưng không phải mục con của nó.",
                       "Kiểm tra số mục, hoặc số dấu # của tiêu đề (mục con cần nhiều dấu # hơn mục cha).")),
    _rule("heading-closes-section", WARNING, "Tiêu đề không số cùng cấp với mục có số phía trên (### Kết quả sau "
          "### 4.1.) kết thúc mục đó; nội dung bên dưới chuyển sang mục cha.",
          "Dùng tiêu đề sâu hơn một cấp (#### Kết quả) để nội dung vẫn thuộc mục.", "load/sections.py",
          default=Text("Tiêu đề '{text}' cùng cấp với mục {closed} phía trên nên kết thúc mục đó; nội dung bên dưới "
                       "được xếp vào {where}, không thuộc mục {closed}.",
                       "Nếu nội dung vẫn thuộc mục {closed}, dùng tiêu đề sâu hơn một cấp: '{deeper} {text}'.")),
    # --- the body (rules/body.py, rules/raw_html.py) ----------------------------------------------
    _rule("heading-title", WARNING, "Tên mục ở tiêu đề khác hẳn tên mục cùng số trong đề cương.",
          "Kiểm tra số mục; tên có thể rút gọn hoặc bỏ trống.", "rules/body.py",
          default=Text("Tên mục '{title}' khác tên mục {section} trong đề cương: '{expected}'.",
                       "Kiểm tra số mục; có thể ghi tên mục rút gọn hoặc bỏ trống tên, nhưng không ghi tên mục khác.")),
    _rule("empty-section", WARNING, "Tiêu đề mục không có nội dung nào.", "Viết nội dung hoặc xóa tiêu đề.",
          "rules/body.py",
          default=Text("Mục {section} không có nội dung.",
                       "Viết nội dung dưới tiêu đề; nếu không được giao nhiệm vụ, ghi số mục vào no_assigned_tasks "
                       "và xóa tiêu đề.")),
    _rule("empty-heading", WARNING, "Tiêu đề trống (chỉ có dấu #).", "Ghi tên tiêu đề hoặc xóa dòng.", "rules/body.py",
          default=Text("Tiêu đề trống (chỉ có dấu #).", "Ghi tên tiêu đề sau các dấu #, hoặc xóa dòng này.")),
    _rule("table-cells", ERROR, "Dòng bảng nhiều ô hơn số cột của dòng tiêu đề; ô thừa không hiện.",
          "Thêm cột ở dòng tiêu đề hoặc gộp ô.", "rules/body.py",
          default=Text("Dòng bảng có {cells} ô, nhiều hơn {columns} cột của dòng tiêu đề; ô thừa sẽ không hiện "
                       "trên trang.",
                       "Thêm cột vào dòng tiêu đề và dòng '|---|', hoặc gộp nội dung ô thừa vào ô khác.")),
    _rule("markdown-runs", ERROR, "Một đoạn văn có hàng trăm dấu '[' hoặc '<' liền nhau (thường do dán nhầm): dựng "
          "trang sẽ rất chậm.", "Xóa các dấu thừa hoặc tách đoạn.", "rules/body.py",
          bracket=Text("Đoạn văn này có {count} dấu '[' (tối đa {limit} trong một đoạn): trình dựng trang sẽ "
                       "chạy rất lâu.", "Đây thường là văn bản dán nhầm: xóa các dấu '[' thừa, hoặc tách thành "
                       "nhiều đoạn (cách nhau một dòng trống)."),
          tag=Text("Văn bản có {count} chỗ '<' liền trước chữ cái (tối đa {limit}); từ chỗ này trở đi trình dựng "
                   "trang sẽ chạy rất lâu.", "Đây thường là văn bản dán nhầm: xóa các dấu '<' thừa, hoặc viết "
                   "'< ' (có dấu cách) khi muốn nói 'nhỏ hơn'.")),
    _rule("raw-html", ERROR, "Có mã HTML trong nội dung (<script>, <b>, <!-- -->, …).", "Chỉ dùng Markdown thường.",
          "rules/body.py, rules/raw_html.py",
          default=Text("Có mã HTML '{text}' trong nội dung; chỉ dùng Markdown thường.",
                       "Xóa thẻ HTML; dùng Markdown: **đậm**, *nghiêng*, bảng '| … |'. Muốn hiện nguyên văn, "
                       "đặt trong `…`.")),
    _rule("unsafe-link", ERROR, "Liên kết javascript:, data:, vbscript: hoặc file:.", "Chỉ dùng http(s)://.",
          "rules/body.py, rules/raw_html.py",
          default=Text("Liên kết '{text}' dùng giao thức không được phép (javascript:, data:, …).",
                       "Chỉ liên kết tới địa chỉ http:// hoặc https://.")),
    _rule("html-attribute", ERROR, "Khối thuộc tính {…} đặt thuộc tính HTML (onclick, style, …).", "Xóa phần {…}.",
          "rules/body.py, rules/raw_html.py",
          default=Text("Khối thuộc tính '{text}' đặt thuộc tính HTML cho nội dung.",
                       "Xóa phần {{…}}; định dạng do trang web lo.")),
    # --- the whole round (aggregate/indicators.py): only the site build sees these -------------------
    _rule("indicator-conflict", WARNING, "Hai bài nộp ghi hai số khác nhau cho cùng chỉ tiêu, đơn vị và năm.",
          "Thống nhất số liệu, hoặc ghi nhận trong 'acknowledged_conflicts' của round.yml.", "aggregate/indicators.py",
          default=Text("Chỉ tiêu '{indicator}' ({unit}) năm {year}: {letter} ghi {value}, "
                       "{other_letter}:{other_line} ghi {other_value}.",
                       "Thống nhất số liệu với hai cơ quan; nếu cả hai số đều được công bố, ghi nhận trong "
                       "'acknowledged_conflicts' của {round_path}.")),
    _rule("stale-acknowledgement", WARNING, "Ghi nhận số liệu khác nhau không còn khớp với số liệu nào.",
          "Xóa mục đó khỏi 'acknowledged_conflicts'.", "aggregate/indicators.py",
          default=Text("Không còn số liệu khác nhau cho chỉ tiêu '{indicator}' ({unit}).",
                       "Xóa mục này khỏi 'acknowledged_conflicts'.")),
    # --- the importer (python -m build_hooks import): about the source letter, located in the file it
    # wrote; tests/importer shows each (no malformed .md can) ---------------------------------------------
    _rule("import-image", WARNING, "Văn bản gốc có hình ảnh: không chuyển được thành chữ.",
          "Mô tả bằng lời hoặc chép số liệu trong hình thành bảng, rồi xóa dòng đánh dấu.", "importer/body.py",
          default=Text(_PLACEHOLDER, _PLACEHOLDER_HINT)),
    _rule("import-chart", WARNING, "Văn bản gốc có biểu đồ: không chuyển được thành chữ.",
          "Chép số liệu của biểu đồ thành bảng, rồi xóa dòng đánh dấu.", "importer/body.py",
          default=Text(_PLACEHOLDER, _PLACEHOLDER_HINT)),
    _rule("import-textbox", WARNING, "Văn bản gốc có hộp văn bản (text box): chữ trong đó được chép ra nhưng có thể "
          "sai chỗ.", "Đặt đoạn chữ vào đúng chỗ, rồi xóa dòng đánh dấu.", "importer/body.py",
          default=Text(_PLACEHOLDER, _PLACEHOLDER_HINT)),
    _rule("import-numbering", WARNING, "Không tính được số tự động của một đoạn trong Word.",
          "Ghi số mục vào đầu tiêu đề theo văn bản in.", "importer/body.py",
          default=Text("Không đọc được số tự động của đoạn {source_line} trong tệp gốc.",
                       "Ghi số mục vào đầu đoạn (ví dụ 4.1.) theo văn bản in.")),
    _rule("import-missing", WARNING, "Không nhận ra một thông tin của văn bản (số, ngày, trích yếu, người ký, …).",
          "Điền khóa đó theo văn bản in.", "importer/convert.py",
          default=Text("Không nhận ra '{key}' trong tệp gốc.", "Điền '{key}' theo văn bản in.")),
    _rule("import-unrecognised", WARNING, "Một dòng ở phần đầu hoặc phần cuối văn bản không nhận ra.",
          "Đưa nội dung vào thông tin văn bản hoặc phần nội dung nếu cần.", "importer/convert.py",
          default=Text("Dòng {source_line} ở phần đầu hoặc cuối văn bản gốc không nhận ra được (chép ở dòng chú "
                       "thích này).", "Đưa nội dung vào khóa phù hợp hoặc vào phần nội dung, rồi xóa dòng chú thích.")),
    _rule("import-trailing", WARNING, "Sau chữ ký còn nội dung (phụ lục, văn bản khác) không được nhập.",
          "Nếu là một phần của văn bản, chép vào cuối nội dung.", "importer/convert.py",
          default=Text("Sau chữ ký còn {count} đoạn (bắt đầu '{first}'), có lẽ là phụ lục hoặc văn bản khác: không "
                       "được nhập.", "Nếu là một phần của văn bản, chép vào cuối nội dung.")),
    _rule("import-lost", WARNING, "Một đoạn của văn bản gốc không có trong tệp đã nhập.", "Chép đoạn đó vào đúng chỗ.",
          "importer/convert.py",
          default=Text("Đoạn {source_line} của tệp gốc không có trong tệp đã nhập: '{text}'.",
                       "Chép đoạn này vào đúng chỗ.")),
    _rule("import-legacy", WARNING, "Lớp chữ của văn bản gốc dùng bảng mã cũ TCVN3/VNI.",
          "Xuất lại PDF từ tệp Word dùng phông Unicode, hoặc nhập từ tệp Word.", "importer/convert.py",
          default=Text("Đoạn {source_line} của tệp gốc gõ bằng bảng mã cũ ({encoding}): '{text}'.",
                       "Chuyển mã sang Unicode (Unikey) hoặc nhập từ tệp Word gốc.")),
    _rule("import-renumbered", WARNING, "Số của một tiêu đề khác tên mục; tên trùng đúng một mục khác nên được "
          "đánh lại số theo tên.", "Kiểm tra tiêu đề đã đánh lại số.", "importer/titles.py",
          default=Text("Tiêu đề số {written} mang đúng tên mục {target} ('{title}'), không phải tên mục {section}: "
                       "đã đánh lại số thành mục {target}.",
                       "Word đánh số liên tiếp; đối chiếu với văn bản gốc. Nếu đúng là mục {section}, sửa lại số.")),
    _rule("import-guessed-heading", WARNING, "Bộ nhập đoán một dòng là tiêu đề mục (không có số, hoặc chỉ vì "
          "bắt đầu bằng số).", "Đối chiếu với văn bản gốc; sửa số mục, hoặc bỏ dấu # nếu không phải tiêu đề.",
          "importer/placement.py",
          default=Text("Dòng '{text}' (đoạn {source_line} của tệp gốc) được coi là tiêu đề chỉ vì bắt đầu bằng số: "
                       "không in đậm, không có kiểu Heading, và tên không khớp tên mục cùng số trong đề cương.",
                       "Nếu đúng là tiêu đề, sửa số hoặc tên theo đề cương; nếu là một ý trong đoạn văn, xóa các "
                       "dấu # ở đầu dòng."),
          title=Text("Dòng '{text}' (đoạn {source_line} của tệp gốc) không có số nhưng trùng đúng tên mục {section}: "
                     "đã coi là tiêu đề mục {section}.",
                     "Đối chiếu với văn bản gốc; nếu đây không phải tiêu đề mục {section}, xóa dấu # và số "
                     "{section}. ở đầu dòng.")),
    _rule("import-lettered", WARNING, "Ý a), b) đứng ngay dưới một mục có mục con: bộ nhập đặt nó vào mục con "
          "mà nó nhắc đúng tên, hoặc để nguyên chỗ.", "Kiểm tra ý đó thuộc mục con nào.", "importer/placement.py",
          default=Text("Ý {item} '{text}' (đoạn {source_line} của tệp gốc) đứng ngay dưới mục {section}, mục có các "
                       "mục con {children}, nhưng không nhắc đúng tên mục con nào: để nguyên chỗ, nay thuộc {now}.",
                       "Nếu ý này thuộc một mục con, thêm tiêu đề có số của mục con đó (ví dụ '{example}') ngay trước "
                       "ý."),
          moved=Text("Ý {item} (đoạn {source_line} của tệp gốc) nhắc đúng tên mục {section} ('{title}'): đã đặt vào "
                     "mục {section}.",
                     "Đối chiếu với văn bản gốc; nếu ý này không thuộc mục {section}, xóa phần bộ nhập đã thêm: số "
                     "'{section}.' ở đầu tiêu đề, hoặc cả dòng tiêu đề đặt trước ý.")),
    _rule("import-guessed-table", WARNING, "Một bảng trong PDF không có đường kẻ ô: các cột được đoán theo khoảng "
          "cách giữa chữ.", "Đối chiếu từng ô với văn bản gốc.", "importer/body.py",
          default=Text("Bảng ở đoạn {source_line} của tệp gốc không có đường kẻ ô: {rows} dòng, {columns} cột được "
                       "đoán theo khoảng cách giữa chữ.",
                       "Đối chiếu từng ô với văn bản gốc; sửa ô bị ghép hoặc tách sai.")),
    _rule("import-hidden", WARNING, "Văn bản Word gốc có chữ ẩn (Hidden): không in ra, nhưng được chép ra để xem.",
          "Đối chiếu với bản in: giữ nếu là nội dung của văn bản, xóa nếu không.", "importer/body.py",
          default=Text("Đoạn {source_line} của tệp gốc có chữ ẩn (Word: Hidden) '{text}': được chép ra ngay sau "
                       "đoạn đó, có dòng đánh dấu.",
                       "Đối chiếu với bản in: nếu chữ này không có trên văn bản đã ký, xóa nó; rồi xóa dòng "
                       "đánh dấu.")),
    # --- the build's own settings (settings.py) ------------------------------------------------
    _rule("bad-option", ERROR, "Một biến môi trường của bản dựng có giá trị không hợp lệ.",
          "Sửa hoặc bỏ biến đó (xem settings.BuildOptions).", "settings.py", guide=False,
          default=Text("{variable}={value!r} không hợp lệ: {expected}.", "Sửa hoặc bỏ biến {variable}."),
          date=Text("{variable}={value!r} không phải ngày yyyy-mm-dd.", "Ví dụ: {variable}=2024-01-15."),
          archive=Text("{variable} không đọc được như một bản lưu trữ ({error}).",
                       "Biến này do python -m build_hooks snapshot đặt; đừng tự đặt.")),
)

CATALOGUE: dict[str, Rule] = {rule.id: rule for rule in RULES}
"""The rules by id."""


def finding(rule_id: str, path: str, line: int, column: int, variant: str = "", **params) -> Problem:
    """The located problem ``rule_id`` reports, worded and graded by the catalogue.

    An id or variant missing from the catalogue raises ``KeyError``: that is a bug in
    the code that reports it, never a property of the data, and the catalogue test
    finds it statically before it can happen.
    """
    rule = CATALOGUE[rule_id]
    text = rule.texts[variant]
    hint = text.hint.format(**params) or text.fallback.format(**params)
    return Problem(path, line, column, rule_id, rule.severity, text.message.format(**params), hint)
