"""One letter from its source file to the submission text, with what was recognised and what was not."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_hooks.domain.problems import Problem, warning
from build_hooks.importer.body import Body, body_markdown, convert_body, located
from build_hooks.importer.coverage import Coverage, body_units, measure
from build_hooks.importer.document import Document, Paragraph
from build_hooks.importer.frame import Frame, read_frame
from build_hooks.importer.writer import front_matter
from build_hooks.rules.legacy_encoding import find_legacy

FORMATS = {".docx": "Word (.docx)", ".pdf": "PDF", ".txt": "văn bản thuần (.txt)"}


class UnreadableInput(Exception):
    """The source cannot be read at all (not a document, or a scanned PDF without text); message in Vietnamese."""


def read_document(path: Path, shown: str) -> Document:
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            from build_hooks.importer.docx_reader import read_docx
            return read_docx(path, shown)
        if suffix == ".pdf":
            from build_hooks.importer.pdf_reader import read_pdf
            return read_pdf(path, shown)
        if suffix in (".txt", ".text"):
            from build_hooks.importer.text_reader import read_text
            return read_text(path, shown)
    except UnreadableInput:
        raise
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"'{shown}' không phải văn bản UTF-8 ({exc.reason}). Lưu lại bằng UTF-8 rồi nhập lại.")
    except Exception as exc:  # noqa: BLE001 - any parser failure means the file cannot be read; say which
        raise UnreadableInput(f"Không đọc được '{shown}' như tệp {FORMATS.get(suffix, suffix)}: {exc}.") from exc
    raise UnreadableInput(f"'{shown}': chỉ nhập được tệp .docx, .pdf (có lớp chữ) hoặc .txt. Tệp .doc cũ: mở bằng "
                          "Word rồi lưu thành .docx.")


@dataclass(frozen=True)
class Imported:
    text: str
    """The submission file."""
    frame: Frame
    body: Body
    coverage: Coverage
    findings: tuple[Problem, ...]
    """What needs a hand, located in the written file (frame findings at line 1 with the source line named)."""
    trailing: int
    """Paragraphs after the signer's name that were not imported (an attachment, another document)."""


def convert(doc: Document, agency: str, year: int, out_path: str) -> Imported:
    frame = read_frame(doc)
    blocks = doc.blocks[frame.body[0]:frame.body[1]]
    body = convert_body(blocks, doc.format)
    head, missing = front_matter(frame, agency, year, Path(doc.path).name)
    text, starts = body_markdown(body)
    body_line = head.count("\n") + 2
    full = head + "\n" + text
    findings = [warning(out_path, line, 1, "import-missing", f"Không nhận ra '{key}' trong tệp gốc.",
                        f"Điền '{key}' theo văn bản in.") for line, key in missing if not key.startswith("#")]
    findings += [warning(out_path, line, 1, "import-unrecognised",
                         f"Dòng {key[1:]} ở phần đầu hoặc cuối văn bản gốc không nhận ra được "
                         "(chép ở dòng chú thích này).",
                         "Đưa nội dung vào khóa phù hợp hoặc vào phần nội dung, rồi xóa dòng chú thích.")
                 for line, key in missing if key.startswith("#")]
    findings += [Problem(out_path, 1, 1, p.rule, p.severity,
                         p.message.rstrip(".") + f" (dòng/đoạn {p.line} của tệp gốc).", p.hint)
                 for p in frame.findings + doc.findings]
    findings += located(body, starts, out_path, body_line)
    trailing = [b for b in doc.blocks[frame.trailing[0]:frame.trailing[1]] if not isinstance(b, Paragraph)
                or b.text.strip()]
    if trailing:
        first = next((b.text.strip()[:60] for b in trailing if isinstance(b, Paragraph)), "")
        findings.append(warning(out_path, body_line + text.count("\n"), 1, "import-trailing",
                                f"Sau chữ ký còn {len(trailing)} đoạn (bắt đầu '{first}'), có lẽ là phụ lục hoặc văn "
                                "bản khác: không được nhập.", "Nếu là một phần của văn bản, chép vào cuối nội dung."))
    units = body_units(blocks)
    for line, unit in units:
        if (legacy := find_legacy(unit)) is not None:
            findings.append(warning(out_path, body_line, 1, "import-legacy",
                                    f"Đoạn {line} của tệp gốc gõ bằng bảng mã cũ ({legacy.encoding}): "
                                    f"'{unit[:40]}'.", "Chuyển mã sang Unicode (Unikey) hoặc nhập từ tệp Word gốc."))
    coverage = measure(units, text)
    for line, unit in coverage.missing:
        findings.append(warning(out_path, body_line, 1, "import-lost",
                                f"Đoạn {line} của tệp gốc không có trong tệp đã nhập: '{unit[:60]}'.",
                                "Chép đoạn này vào đúng chỗ."))
    return Imported(full, frame, body, coverage, tuple(findings), len(trailing))
