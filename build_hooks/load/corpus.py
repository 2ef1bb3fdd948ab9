"""Loading the whole ``submissions/`` tree: registry, rounds and every reply.

Every file under ``submissions/`` is either understood or reported; nothing is
skipped silently, so a stray ``.docx`` or a misnamed folder stops the build too.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

from build_hooks.domain.model import Corpus, Registry, Round, Submission
from build_hooks.domain.problems import Problem, error, has_errors, sorted_problems
from build_hooks.load.reader import did_you_mean
from build_hooks.load.registry import parse_registry
from build_hooks.load.rounds import parse_round
from build_hooks.load.submission import parse_submission
from build_hooks.rules.catalogue import file_too_large
from build_hooks.settings import REGISTRY_FILE, ROUND_FILE

YEAR_DIR = re.compile(r"^\d{4}$")
IGNORED = {"README.md", ".gitkeep"}


def display_path(path: Path, base: Path | None) -> str:
    """Path as the author sees it: relative to the repository when possible."""
    if base is not None:
        try:
            return os.path.relpath(path, base).replace(os.sep, "/")
        except ValueError:
            pass
    return str(path)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        return path.read_bytes().decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [error(shown, line, 1, "not-utf8", "Tệp không phải mã UTF-8.",
                            "Lưu lại tệp với bảng mã UTF-8 (Unicode).")]


def load_corpus(root: Path, base: Path | None = None, only: set[Path] | None = None,
                today: _dt.date | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Load everything under ``root``; ``only`` limits which submissions are parsed (for ``check PATH``).

    ``today`` is the build date the date rules compare with (None: the real today).
    """
    problems: list[Problem] = []
    root = Path(root)
    shown = lambda p: display_path(p, base)  # noqa: E731
    registry_path = root / REGISTRY_FILE
    if not registry_path.is_file():
        return None, [error(shown(registry_path), 0, 0, "missing-registry", "Không tìm thấy danh mục cơ quan.",
                            f"Tạo tệp {REGISTRY_FILE} trong thư mục submissions/.")]
    text, probs = read_text(registry_path, shown(registry_path))
    problems += probs
    registry, probs = parse_registry(text or "", shown(registry_path))
    problems += probs
    rounds: list[Round] = []
    submissions: dict[int, tuple[Submission, ...]] = {}
    for entry in sorted(root.iterdir()):
        if entry.name in IGNORED or entry.name == REGISTRY_FILE or entry.name.startswith("."):
            continue
        if entry.is_dir() and YEAR_DIR.match(entry.name):
            rnd, subs, probs = _load_round(entry, int(entry.name), registry, shown, only, today)
            problems += probs
            if rnd is not None:
                rounds.append(rnd)
                submissions[rnd.year] = subs
            continue
        problems.append(error(shown(entry), 0, 0, "unexpected-file",
                              f"'{entry.name}' không phải thư mục năm báo cáo hay danh mục cơ quan.",
                              "Bài nộp đặt trong submissions/<năm>/<mã-cơ-quan>.md."))
    if not rounds and not has_errors(problems):
        problems.append(error(shown(root), 0, 0, "no-round", "Chưa có đợt báo cáo nào.",
                              f"Tạo thư mục submissions/<năm>/ với tệp {ROUND_FILE}."))
    rounds.sort(key=lambda r: r.year, reverse=True)
    return Corpus(registry, tuple(rounds), submissions), sorted_problems(problems)


def _stray_hint(entry: Path, year: int) -> str:
    """A letter received as Word or PDF is imported, not published as is: say how."""
    if entry.suffix.lower() in (".docx", ".pdf", ".txt", ".doc"):
        return (f"Nhập văn bản vào định dạng bài nộp: python -m build_hooks import {entry.name} --agency <mã-cơ-quan> "
                f"--year {year}, rồi xóa tệp gốc khỏi submissions/.")
    return "Chuyển nội dung vào tệp <mã-cơ-quan>.md, hoặc xóa tệp này."


def _load_round(folder: Path, year: int, registry: Registry, shown, only, today=None):
    problems: list[Problem] = []
    round_path = folder / ROUND_FILE
    if not round_path.is_file():
        return None, (), [error(shown(round_path), 0, 0, "missing-round", f"Thư mục {year} thiếu tệp {ROUND_FILE}.",
                                "Sao chép round.yml của năm trước rồi sửa lại.")]
    text, problems = read_text(round_path, shown(round_path))
    rnd, probs = parse_round(text or "", shown(round_path), year, registry)
    problems += probs
    subs: list[Submission] = []
    for entry in sorted(folder.iterdir()):
        if entry.name in (ROUND_FILE, ".gitkeep") or entry.name.startswith("."):
            continue
        if not (entry.is_file() and entry.suffix == ".md"):
            problems.append(error(shown(entry), 1, 1, "unexpected-file",
                                  f"'{entry.name}' không phải bài nộp (.md) nên sẽ không được đăng.",
                                  _stray_hint(entry, year)))
            continue
        if only is not None and entry.resolve() not in only:
            continue
        if registry.get(entry.stem) is None:
            problems.append(error(shown(entry), 1, 1, "unknown-agency",
                                  f"Tên tệp '{entry.name}' không phải mã cơ quan trong danh mục.",
                                  did_you_mean(entry.stem, registry.ids())
                                  or "Đặt tên tệp theo mã cơ quan trong submissions/agencies.yml."))
            continue
        if (too_large := file_too_large(shown(entry), entry.stat().st_size)) is not None:
            problems.append(too_large)
            continue
        text, probs = read_text(entry, shown(entry))
        problems += probs
        if text is None:
            continue
        sub, probs = parse_submission(text, shown(entry), entry.stem, year, rnd, registry, today)
        problems += probs
        if sub is not None:
            subs.append(sub)
    subs.sort(key=lambda s: registry.order(s.agency))
    return rnd, tuple(subs), problems
