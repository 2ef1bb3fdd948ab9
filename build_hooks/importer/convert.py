"""One letter from its source file to the submission text, with what was recognised and what was not."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem
from build_hooks.importer.body import Body, body_markdown, convert_body, located
from build_hooks.importer.coverage import Coverage, body_units, measure
from build_hooks.importer.document import Document, Paragraph, UnreadableInput
from build_hooks.importer.frame import Frame, read_frame
from build_hooks.importer.placement import place_headings, question_shapes
from build_hooks.importer.writer import front_matter
from build_hooks.rules.legacy_encoding import find_legacy

FORMATS = {".docx": "Word (.docx)", ".pdf": "PDF", ".txt": "văn bản thuần (.txt)"}
SKELETON_HINT = "[Gợi ý: viết nội dung mục {section} ở đây, thay cho dòng này.]"
"""The italic hint under each heading of the Word skeleton (``publish/skeleton_docx.py``): dropped on import."""
_HINT = re.compile(r"\[Gợi ý: viết nội dung mục [IVXLC]{1,6}(?:\.\d{1,3}){0,4} ở đây, thay cho dòng này\.\]")


def is_skeleton_hint(block) -> bool:
    """The skeleton's hint, exactly (so no other text can be dropped by looking like one)."""
    return isinstance(block, Paragraph) and _HINT.fullmatch(block.text.strip()) is not None


def body_blocks(doc: Document, frame: Frame) -> list:
    """The blocks between the letter's header and its signature, the skeleton's hints left out: what is
    converted, and what fidelity (``corpus/fidelity.py``) holds the transcription to."""
    return [b for b in doc.blocks[frame.body[0]:frame.body[1]] if not is_skeleton_hint(b)]


def read_document(path: Path, shown: str) -> Document:
    """Read a .docx, text-layer .pdf or .txt letter into the neutral document; ``UnreadableInput`` otherwise."""
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
        raise UnreadableInput(f"'{shown}' không phải văn bản UTF-8 ({exc.reason}). Lưu lại bằng UTF-8 rồi nhập lại."
                              ) from None
    except Exception as exc:  # noqa: BLE001 - any parser failure means the file cannot be read; say which
        raise UnreadableInput(f"Không đọc được '{shown}' như tệp {FORMATS.get(suffix, suffix)}: {exc}.") from exc
    raise UnreadableInput(f"'{shown}': chỉ nhập được tệp .docx, .pdf (có lớp chữ) hoặc .txt. Tệp .doc cũ: mở bằng "
                          "Word rồi lưu thành .docx.")


@dataclass(frozen=True)
class Imported:
    """A letter converted: the file's text, what was recognised, the body, the coverage count and the findings."""
    text: str
    """The submission file."""
    frame: Frame
    body: Body
    coverage: Coverage
    findings: tuple[Problem, ...]
    """What needs a hand, located in the written file (frame findings at line 1 with the source line named)."""
    trailing: int
    """Paragraphs after the signer's name that were not imported (an attachment, another document)."""
    units: tuple[tuple[int, str], ...] = ()
    """(source line, text) of every paragraph, item and cell of the body: what fidelity checks later."""


def convert(doc: Document, agency: str, year: int, out_path: str, outline=None) -> Imported:
    """Convert a read letter into a submission for ``agency`` and ``year``, written to ``out_path``.

    With the round's ``outline``, sections answered only by a no-task sentence go to ``no_assigned_tasks``."""
    frame = read_frame(doc)
    blocks = body_blocks(doc, frame)
    body = convert_body(blocks, doc.format)
    if outline is not None:  # titles without numbers, a) b) items naming a sub-section (importer/placement.py)
        body = place_headings(body, outline)
    text, starts = body_markdown(body)
    no_task, renumbered = [], []
    if outline is not None:  # a number Word counted on, under a title that is another section's
        from build_hooks.importer.titles import follow_titles

        text, renumbered = follow_titles(text, outline, out_path, 0)
    body = question_shapes(body, starts, text, outline)  # a heading only by its shape, under another title
    if outline is not None:  # sections answered only by "Không có nhiệm vụ được giao." (importer/no_task.py)
        from build_hooks.importer.no_task import no_task_sections
        from build_hooks.load.sections import split_body

        no_task = no_task_sections(split_body(text, 1, outline, out_path)[0])
    head, missing = front_matter(frame, agency, year, Path(doc.path).name, no_task)
    body_line = head.count("\n") + 2
    full = head + "\n" + text
    findings = [finding("import-missing", out_path, line, 1, key=key)
                for line, key in missing if not key.startswith("#")]
    findings += [finding("import-unrecognised", out_path, line, 1, source_line=key[1:])
                 for line, key in missing if key.startswith("#")]
    findings += located(body, starts, out_path, body_line)
    findings += [replace(f, line=f.line + body_line) for f in renumbered]
    trailing = [b for b in doc.blocks[frame.trailing[0]:frame.trailing[1]] if not isinstance(b, Paragraph)
                or b.text.strip()]
    if trailing:
        first = next((b.text.strip()[:60] for b in trailing if isinstance(b, Paragraph)), "")
        findings.append(finding("import-trailing", out_path, body_line + text.count("\n"), 1, count=len(trailing),
                                first=first))
    units = body_units(blocks)
    for line, unit in units:
        if (legacy := find_legacy(unit)) is not None:
            findings.append(finding("import-legacy", out_path, body_line, 1, source_line=line,
                                    encoding=legacy.encoding, text=unit[:40]))
    coverage = measure(units, text)
    for line, unit in coverage.missing:
        findings.append(finding("import-lost", out_path, body_line, 1, source_line=line, text=unit[:60]))
    return Imported(full, frame, body, coverage, tuple(findings), len(trailing), tuple(units))
