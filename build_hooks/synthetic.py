"""Synthetic rounds for tests, benchmarks and the labelled demo.

Never writes under the repository's ``submissions/``: real documents and
invented ones must not mix. Every round it writes says ``demo: true``, so every
page built from it carries the "Dữ liệu minh họa" notice.
"""
from __future__ import annotations

import random
from pathlib import Path

import yaml

from .rounds import ROUND_FILE

REAL_ROOT = Path(__file__).resolve().parent.parent / "submissions"

WORDS = ("công nghiệp đầu tư hạ tầng doanh nghiệp khu kinh tế Dung Quất cụm công nghiệp lao động năng suất "
         "môi trường nước thải tuyên truyền chính sách hỗ trợ khởi nghiệp nguồn vốn ngân sách dự án tiến độ "
         "đào tạo nhân lực khoa học công nghệ chuyển đổi số xuất khẩu").split()


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def _paragraph(rng: random.Random, tag: str) -> str:
    return f"{tag}: " + " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


def load_real_round(year: int = 2023) -> dict:
    """The outline and indicators of a real round, reused so synthetic letters match real headings."""
    return yaml.safe_load((REAL_ROOT / str(year) / ROUND_FILE).read_text(encoding="utf-8"))


def write_round(root: Path, agencies: int, years=(2023,), seed: int = 1, unexpected: int = 1) -> dict:
    """Write a synthetic ``submissions/`` tree under ``root``; returns what it wrote, for assertions.

    Agency ``i`` answers in absolute numbering when ``i`` is even, relative when odd;
    every fifth agency answers "no assigned tasks"; the last ``unexpected`` agencies
    answer without being on the expected list; one expected agency never answers.
    """
    rng = random.Random(seed)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    registry = {}
    for i in range(agencies):
        registry[f"co-quan-{i:04d}"] = {"name": f"Cơ quan minh họa số {i}", "code": f"CQ{i}",
                                       "group": ("so-nganh", "dia-phuong", "khac")[i % 3]}
    (root / "agencies.yml").write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    base = load_real_round(2023)
    written: dict = {"agencies": list(registry), "years": {}}
    ids = list(registry)
    for year in years:
        folder = root / str(year)
        folder.mkdir(exist_ok=True)
        expected = ids[: max(1, len(ids) - unexpected)]
        rnd = dict(base, year=year, demo=True, expected=expected,
                   title=f"Báo cáo minh họa năm {year}", deadline=f"20/12/{year}")
        (folder / ROUND_FILE).write_text(yaml.safe_dump(rnd, allow_unicode=True, sort_keys=False), encoding="utf-8")
        letters = {}
        for i, agency_id in enumerate(ids):
            if i == 1 and len(ids) > 2:
                continue  # one expected agency that never answers
            text, sections = _letter(rng, agency_id, year, i, base)
            (folder / f"{agency_id}.md").write_text(text, encoding="utf-8")
            letters[agency_id] = sections
        written["years"][year] = letters
    return written


def _letter(rng: random.Random, agency_id: str, year: int, i: int, base: dict) -> tuple[str, dict]:
    front = {"agency": agency_id, "year": year, "number": f"{100 + i}/CQ{i}-VP", "date": f"{10 + i % 15:02d}/12/{year}",
             "subject": f"báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp năm {year}",
             "recipient": "Sở Công Thương", "signer": {"name": f"Người ký {i}", "title": "Phó Giám đốc",
                                                         "on_behalf": "KT. Giám đốc"},
             "cc": ["Như trên", "Lưu: VT"]}
    tag = f"{agency_id}-{year}"
    sections: dict[str | None, list[str]] = {None: [f"Mở đầu {tag} " + _sentence(rng)]}
    if i % 5 == 4:
        front["no_assigned_tasks"] = True
        body = sections[None][0] + "\n"
        return _join(front, body), sections
    front["indicators"] = [{"id": "tang-truong-gtgt-cong-nghiep", "value": f"{8 + i % 3},{i % 10}", "unit": "%"}]
    outline = [s["id"] for s in base["outline"]]
    titles = {s["id"]: " ".join(s["title"].split()[:6]) for s in base["outline"]}  # shortened, as authors do
    chosen = [s for s in outline if "." in s and rng.random() < 0.3] or ["II.1"]
    if i % 3 == 0:
        front["no_assigned_tasks"] = ["II.7"]
        chosen = [s for s in chosen if not s.startswith("II.7")]
    relative = i % 2 == 1
    lines = [sections[None][0], ""]
    opened: set[str] = set()
    for sid in sorted(chosen, key=outline.index):
        root, _, rest = sid.partition(".")
        depth = sid.count(".") + 1
        if relative:
            if root not in opened:
                lines += [f"# {root}. {titles[root]}", ""]
                opened.add(root)
            if depth == 3 and sid.rsplit(".", 1)[0] not in opened:
                parent = sid.rsplit(".", 1)[0]
                lines += [f"## {parent.partition('.')[2]}. {titles[parent]}", ""]
                opened.add(parent)
            lines += [f"{'#' * depth} {rest}. {titles[sid]}", ""]
            opened.add(sid)
        else:
            lines += [f"{'#' * depth} {sid}. {titles[sid]}", ""]
        para = [_paragraph(rng, f"{tag} {sid} đoạn {k}") for k in range(rng.randint(1, 2))]
        items = [f"{tag} {sid} ý {k}" for k in range(2)]
        block = para[:1] + ["", *(f"- {item}" for item in items), ""] + para[1:]
        if rng.random() < 0.3:
            block += ["", f"{'#' * min(6, depth + 1)} Tiêu đề phụ {tag} {sid}", "", f"{tag} {sid} sau tiêu đề phụ."]
        if rng.random() < 0.3:
            block += ["", "| Nội dung | Kết quả |", "|---|---|", f"| {tag} {sid} ô A | {tag} {sid} ô B |"]
        lines += block + [""]
        sections[sid] = para + items
    return _join(front, "\n".join(lines)), sections


def _join(front: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
