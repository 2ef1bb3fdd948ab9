"""The ``import`` command: a letter received as Word, PDF or text, written in the submission format.

It writes ``submissions/<year>/<agency>.md``, checks the result as ``check --strict``
would, and prints what it recognised and every line that still needs a hand.
Exit 0: clean; 1: written but needs edits; 2: the input cannot be read (or bad usage).
"""
from __future__ import annotations

import datetime
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from build_hooks.settings import SUBMISSIONS_DIR


def _pick_year(args, corpus, frame_date: str) -> int | None:
    if args.year:
        return args.year
    year = int(frame_date[-4:]) if frame_date[-4:].isdigit() else None
    if year is not None and corpus.round(year) is not None:
        return year
    return corpus.rounds[0].year if corpus.rounds else year


def _shown(path: Path) -> str:
    """The path as the checker prints it (relative to the current folder when inside it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _sections(corpus, agency: str, year: int) -> list[str]:
    """Outline sections the written file maps its headings to (empty when it could not be loaded)."""
    subs = corpus.submissions.get(year, ()) if corpus is not None else ()
    return next(([p.section_id for p in s.parts if p.heading is not None] for s in subs if s.agency == agency), [])


def _check(target: Path, submissions: Path, agency: str, year: int, today) -> tuple[list, list[str]]:
    """The checker's problems with the written file, as ``check --strict`` reports them.

    A file written elsewhere (``--output``) is checked in a copy of the registry and round, and
    its problems are reported at the written path."""
    import dataclasses
    import shutil
    import tempfile

    from build_hooks.corpus.tree import load_corpus
    from build_hooks.domain.model import REGISTRY_FILE, ROUND_FILE

    if target.resolve().is_relative_to(submissions.resolve()):
        corpus, problems = load_corpus(submissions, base=Path.cwd(), only={target.resolve()}, today=today)
        return [p for p in problems if Path(p.path).resolve() == target.resolve()], _sections(corpus, agency, year)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        (tree / str(year)).mkdir()
        shutil.copy(submissions / REGISTRY_FILE, tree / REGISTRY_FILE)
        if (submissions / str(year) / ROUND_FILE).is_file():
            shutil.copy(submissions / str(year) / ROUND_FILE, tree / str(year) / ROUND_FILE)
        copy = tree / str(year) / f"{agency}.md"
        shutil.copy(target, copy)
        corpus, problems = load_corpus(tree, base=tree, only={copy.resolve()}, today=today)
        return ([dataclasses.replace(p, path=_shown(target)) for p in problems
                 if Path(tree / p.path).resolve() == copy.resolve()], _sections(corpus, agency, year))


def _summary(imported, fmt: str, seconds: float, sections: list[str]) -> list[str]:
    f = imported.frame
    signer = " / ".join([*f.authorities, f.title, f.name]) if f.name else "—"
    headings = ", ".join(imported.body.sections)
    shown_sections = (", ".join(sections) + f" (tiêu đề {headings})") if sections else (
        f"tiêu đề {headings} chưa khớp đề cương" if headings else "không có tiêu đề đánh số")
    cov = imported.coverage
    shown_seconds = f"{seconds:.2f}".replace(".", ",")
    lines = [f"Định dạng: {fmt}; thời gian: {shown_seconds} s",
             f"Loại văn bản: {f.kind}", f"Số: {f.number or '—'}", f"Ngày: {f.date or '—'}",
             f"Trích yếu: {f.subject or '—'}", f"Kính gửi: {'; '.join(f.recipients) or '—'}",
             f"Người ký: {signer}", f"Nơi nhận: {len(f.cc)} dòng" + (f" ({'; '.join(f.cc)})" if f.cc else ""),
             f"Các mục: {shown_sections}", f"Nội dung: {cov.found}/{cov.total} đoạn"]
    if imported.trailing:
        lines.append(f"Sau chữ ký: {imported.trailing} đoạn không nhập (xem cảnh báo import-trailing)")
    return lines


@dataclass
class Row:
    """One letter of a batch, as the summary table shows it."""
    source: str
    agency: str = "—"
    year: str = "—"
    kept: str = "—"
    todo: str = "—"
    status: int = 2
    note: str = ""


def _letters(paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The letters named, each with the name the summary shows: files as given, folders by their .docx/.pdf/.txt
    files (sorted, named from the folder); and the names that are neither."""
    from build_hooks.importer.convert import FORMATS

    found, missing = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted((p, str(p.relative_to(path))) for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in FORMATS
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            found.append((path, path.name))
        else:
            missing.append(name)
    return found, missing


def _unrecognised(frame, registry, closest) -> str:
    shown = " / ".join(frame.issuer) or "không có"
    near = ", ".join(f"{i} ({registry.get(i).name})" for i in closest)
    return (f"không nhận ra cơ quan gửi (tiêu đề: {shown}; số: {frame.number or '—'}). "
            f"Gần nhất trong danh mục: {near}. Không ghi gì; nhập riêng tệp này với --agency.")


def read_one(source: Path):
    """``(document or why it cannot be read, seconds)``: the costly, independent part of an import, which a
    batch runs in parallel (``read_all``)."""
    from build_hooks.importer.convert import read_document
    from build_hooks.importer.document import UnreadableInput

    started = time.perf_counter()
    try:
        doc = read_document(source, str(source))
    except UnreadableInput as exc:
        doc = exc
    return doc, time.perf_counter() - started


def read_all(sources: list[Path]) -> list:
    """``read_one`` of every source, in order: in a process per core for a batch (pdfplumber takes about a
    second a PDF letter, all in Python), in this process for one or two letters."""
    import os

    workers = min(os.cpu_count() or 1, len(sources))
    if workers < 2 or len(sources) < 3:
        return [read_one(source) for source in sources]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(read_one, sources))


def _import_one(source: Path, label: str, read, args, corpus, submissions: Path, today,
                written: dict) -> tuple[Row, list[str]]:
    """Import one letter ``read`` by ``read_one``; the row of the summary and the lines to print (everything
    when alone)."""
    from build_hooks.domain.problems import sorted_problems
    from build_hooks.importer.agency import recognise
    from build_hooks.importer.convert import FORMATS, convert
    from build_hooks.importer.document import UnreadableInput
    from build_hooks.importer.frame import read_frame

    row = Row(label)
    doc, read_seconds = read
    started = time.perf_counter() - read_seconds
    if isinstance(doc, UnreadableInput):
        row.note = str(doc)
        return row, [f"import: {doc}"]
    frame = read_frame(doc)
    agency, how = args.agency, ""
    if agency is None:
        found = recognise(frame, corpus.registry)
        if found.agency is None:
            row.note = _unrecognised(frame, corpus.registry, found.closest)
            return row, [f"import: {source}: {row.note}"]
        agency, how = found.agency, found.how
    row.agency = agency
    year = _pick_year(args, corpus, frame.date)
    if year is None:
        row.note = "không biết năm báo cáo; ghi --year."
        return row, [f"import: {row.note}"]
    row.year = str(year)
    target = Path(args.output) if args.output else submissions / str(year) / f"{agency}.md"
    round_ = corpus.round(year)
    imported = convert(doc, agency, year, _shown(target), round_.outline if round_ is not None else None)
    seconds = time.perf_counter() - started
    if target.resolve() in written:
        row.note = f"cùng cơ quan và năm với {written[target.resolve()]} trong lượt này; không ghi."
        return row, [f"import: {source}: {row.note}"]
    if target.exists() and not args.force:
        row.note = f"{_shown(target)} đã có; không ghi đè (dùng --force nếu thật sự muốn)."
        return row, [f"import: {target} đã có; không ghi đè (dùng --force nếu thật sự muốn)."]
    target.parent.mkdir(parents=True, exist_ok=True)
    text, kept = _keep_original(source, target, agency, submissions, imported)
    target.write_text(text, encoding="utf-8")
    written[target.resolve()] = row.source
    checked, sections = _check(target, submissions, agency, year, today)
    out = [f"Đã nhập {source} → {_shown(target)}"]
    if how:
        out.append(f"  Cơ quan: {agency} — {corpus.registry.get(agency).name} (nhận ra theo {how})")
    out.append(f"  {kept}")
    out += ["  " + line for line in _summary(imported, FORMATS.get(source.suffix.lower(), source.suffix),
                                             seconds, sections)]
    todo = sorted_problems(list(imported.findings) + checked)
    row.kept = f"{imported.coverage.found}/{imported.coverage.total}"
    row.todo = str(len(todo))
    if not todo:
        row.status = 0
        return row, [*out, "Không còn gì cần sửa: tệp qua được check --strict."]
    row.status = 1
    return row, [*out, f"Cần xem lại ({len(todo)}):", *("  " + p.format() for p in todo)]


def _keep_original(source: Path, target: Path, agency: str, submissions: Path, imported) -> tuple[str, str]:
    """Copy the letter as received to ``<year>/originals/<agency><suffix>``, its SHA-256 into the front-matter,
    and what was read from it into the fidelity cache (the check that follows then does not read it again).

    Only a file written into the submissions tree keeps its original, and only up to
    ``ORIGINAL_MAX_BYTES``. Returns the submission's text and a line for the summary."""
    import hashlib

    from build_hooks.corpus.fidelity import remember_units
    from build_hooks.domain.model import ORIGINAL_MAX_BYTES, ORIGINAL_SUFFIXES, ORIGINALS_DIR

    text = imported.text

    suffix = source.suffix.lower()
    if not target.resolve().is_relative_to(submissions.resolve()) or suffix not in ORIGINAL_SUFFIXES:
        return text, "Bản gốc: không lưu (tệp ghi ngoài thư mục bài nộp)."
    data = source.read_bytes()
    if len(data) > ORIGINAL_MAX_BYTES:
        return text, (f"Bản gốc: không lưu vì nặng {len(data) / 1024 / 1024:.1f} MiB, quá giới hạn "
                      f"{ORIGINAL_MAX_BYTES // 1024 // 1024} MiB.".replace(".", ",", 1))
    folder = target.parent / ORIGINALS_DIR
    folder.mkdir(exist_ok=True)
    for old in folder.glob(f"{agency}.*"):  # a new letter replaces the previous original (import --force)
        old.unlink()
    kept = folder / f"{agency}{suffix}"
    kept.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    remember_units(digest, imported.units)
    head, sep, rest = text.partition("\n---\n")
    block = f"\noriginal:\n  file: {kept.name}\n  sha256: {digest}"
    return head + block + sep + rest, f"Bản gốc: {_shown(kept)} (SHA-256 {digest})"


RESULT = {0: "đã ghi, không còn gì cần sửa", 1: "đã ghi, cần xem lại", 2: "không nhập"}


def summary_table(rows: list[Row]) -> list[str]:
    """The batch's summary in Vietnamese: one line per letter, columns aligned."""
    head = ("Tệp", "Cơ quan", "Năm", "Đoạn giữ", "Cần xem", "Kết quả")
    cells = [head] + [(r.source, r.agency, r.year, r.kept, r.todo, RESULT[r.status]) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    counts = [sum(r.status == s for r in rows) for s in (0, 1, 2)]
    lines.append(f"{len(rows)} tệp: {counts[0]} không còn gì cần sửa, {counts[1]} cần xem lại, "
                 f"{counts[2]} không nhập.")
    return lines


def cmd_import(args) -> int:
    """Import .docx, text-layer .pdf or .txt letters (files or folders) into submissions/<year>/<agency>.md;
    with ``--report YEAR``, the Sở's report finished in Word back into its file."""
    if args.report is not None:  # the Sở's own report, back from Word
        from build_hooks.commands.import_report import cmd_import_report

        if len(args.path) != 1:
            print("import --report: chỉ nhập một tệp .docx (báo cáo của Sở).", file=sys.stderr)
            return 2
        return cmd_import_report(args)
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.load.reader import did_you_mean

    sources, missing = _letters(args.path)
    for name in missing:
        print(f"import: không có tệp hay thư mục '{name}'.", file=sys.stderr)
    if missing or not sources:
        if not missing:
            print("import: không thấy tệp .docx, .pdf hay .txt nào để nhập.", file=sys.stderr)
        return 2
    single = len(sources) == 1 and not Path(args.path[0]).is_dir()
    if not single and (args.agency or args.year or args.output):
        print("import: --agency, --year và --output chỉ dùng khi nhập một tệp; với nhiều tệp, cơ quan và năm "
              "được nhận ra từ từng văn bản.", file=sys.stderr)
        return 2
    submissions = Path(args.submissions)
    corpus, _problems = load_corpus(submissions, base=Path.cwd())
    if corpus is None:
        print(f"import: không đọc được danh mục cơ quan trong '{submissions}'.", file=sys.stderr)
        return 2
    if args.agency is not None and corpus.registry.get(args.agency) is None:
        hint = did_you_mean(args.agency, corpus.registry.ids())
        print(f"import: '{args.agency}' không phải mã cơ quan trong danh mục. {hint}".rstrip(), file=sys.stderr)
        return 2
    today = datetime.date.fromisoformat(args.today) if args.today else None
    rows, written = [], {}
    for (source, label), read in zip(sources, read_all([source for source, _label in sources]), strict=True):
        row, lines = _import_one(source, label, read, args, corpus, submissions, today, written)
        rows.append(row)
        if single:
            stream = sys.stderr if row.status == 2 else sys.stdout
            print("\n".join(lines), file=stream)
        elif row.status == 2:
            print("\n".join(lines))
        elif row.status == 1:
            print("\n".join([lines[0], *lines[next(i for i, x in enumerate(lines) if x.startswith("Cần xem lại")):]]))
    if not single:
        print("\n".join(["", "Tổng hợp lượt nhập:", *summary_table(rows)]))
    return max(r.status for r in rows)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    c = sub.add_parser("import", help=cmd_import.__doc__)
    c.add_argument("path", nargs="+", help="letters (.docx, .pdf with a text layer, .txt) or folders of them")
    c.add_argument("--agency", help="agency id from submissions/agencies.yml (default: recognised from the "
                   "letter's header and number; one file only)")
    c.add_argument("--report", type=int, metavar="YEAR",
                   help="an edited export of the Sở's report, back into submissions/YEAR/_bao-cao-so-cong-thuong.md")
    c.add_argument("--year", type=int, help="round (default: the letter's year if it has a round, else the "
                   "newest; one file only)")
    c.add_argument("--output", help="write here instead of submissions/<year>/<agency>.md (one file only)")
    c.add_argument("--force", action="store_true", help="overwrite an existing file")
    c.add_argument("--submissions", default=str(SUBMISSIONS_DIR), help="the submissions folder")
    c.add_argument("--today", help="build date yyyy-mm-dd for the date rules (default: today)")
    c.set_defaults(func=cmd_import)
