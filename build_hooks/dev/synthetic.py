"""Synthetic rounds for tests, benchmarks and the labelled demo.

Never writes under the repository's ``submissions/``: real documents and
invented ones must not mix. Every round it writes says ``demo: true``, so every
page built from it carries the "Dữ liệu minh họa" notice.
"""
from __future__ import annotations

import random
from pathlib import Path

import yaml

from build_hooks.domain.model import AGENCY_GROUPS, REGISTRY_FILE, REPORT_ISSUER, ROUND_FILE
from build_hooks.settings import SUBMISSIONS_DIR

REAL_ROOT = SUBMISSIONS_DIR

WORDS = ("công nghiệp đầu tư hạ tầng doanh nghiệp khu kinh tế Dung Quất cụm công nghiệp lao động năng suất "
         "môi trường nước thải tuyên truyền chính sách hỗ trợ khởi nghiệp nguồn vốn ngân sách dự án tiến độ "
         "đào tạo nhân lực khoa học công nghệ chuyển đổi số xuất khẩu").split()


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def _paragraph(rng: random.Random, tag: str) -> str:
    return f"{tag}: " + " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


NEWEST_YEAR = 2023
"""The newest synthetic round: the year of the real round whose outline it reuses."""


def recent_years(count: int, newest: int = NEWEST_YEAR) -> tuple[int, ...]:
    """``count`` consecutive round years ending with ``newest``, oldest first."""
    return tuple(range(newest - count + 1, newest + 1))


def load_real_round(year: int = NEWEST_YEAR) -> dict:
    """The outline and indicators of a real round, reused so synthetic letters match real headings."""
    return yaml.safe_load((REAL_ROOT / str(year) / ROUND_FILE).read_text(encoding="utf-8"))


def write_round(root: Path, agencies: int, years=(2023,), seed: int = 1, unexpected: int = 1,
                conflicts: bool = False, acknowledge: bool = False, evolve: bool = False,
                same_level_notes: bool = False) -> dict:
    """Write a synthetic ``submissions/`` tree under ``root``; returns what it wrote, for assertions.

    The result maps ``["years"][year][agency_id][section_id or None]`` to the text of
    every paragraph, list item and table cell written there: the ground truth that
    tests compare the built pages with.

    Agency ``i`` answers in absolute numbering when ``i`` is even, relative when odd;
    every fifth agency answers "no assigned tasks"; the last ``unexpected`` agencies
    answer without being on the expected list; one expected agency never answers.

    Indicators and projects (``written["figures"]``, ``written["projects"]``): each
    indicator and unit is reported by one agency, the first also by a second one
    with the same value written another way (agreement, not conflict); with
    ``conflicts`` a second agency reports a different ``kcn-xu-ly-nuoc-thai`` every
    year, which the round acknowledges when ``acknowledge``. With ``evolve`` the
    newest round's outline gains a section (II.9) and an indicator and retitles II.8.

    Some sections end with an unnumbered note heading: one level deeper (inside the section), or,
    with ``same_level_notes``, at the section's own level, which closes it (and draws a
    ``heading-closes-section`` warning, so such a tree builds only without ``--strict``).
    Every letter ends with its closing formula (``./.``), which belongs to no section.
    """
    rng = random.Random(seed)
    root = Path(root)
    if root.resolve() == REAL_ROOT.resolve():
        raise ValueError(f"{root}: synthetic letters never go into the repository's own submissions/")
    root.mkdir(parents=True, exist_ok=True)
    registry = {}
    for i in range(agencies):
        registry[f"co-quan-{i:04d}"] = {"name": f"Cơ quan minh họa số {i}", "code": f"CQ{i}",
                                       "group": tuple(AGENCY_GROUPS)[i % 3]}
    written: dict = {"agencies": list(registry), "years": {}, "figures": {}, "projects": {}}
    ids = list(registry)
    # the Sở that compiles the round: the letter head of its report (``draft``, ``export``); it answers nothing
    registry[REPORT_ISSUER] = {"name": "Sở Công Thương", "code": "SCT", "header": "SỞ CÔNG THƯƠNG", "group": "so-nganh"}
    (root / REGISTRY_FILE).write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    base = load_real_round(2023)
    for year in years:
        folder = root / str(year)
        folder.mkdir(exist_ok=True)
        expected = ids[: max(1, len(ids) - unexpected)]
        rnd = dict(base, year=year, demo=True, expected=expected,
                   title=f"Báo cáo minh họa năm {year}", deadline=f"20/12/{year}")
        rnd["report"] = {"number": "/BC-SCT", "date": f"12/{year}", "subject": f"Tình hình minh họa năm {year}",
                         "recipient": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                         "signer": {"on_behalf": "KT. Giám đốc", "title": "Phó Giám đốc", "name": "Người ký minh họa"},
                         "cc": ["Như trên", "Lưu: VT, QLCN"]}
        if evolve and year == max(years) and len(years) > 1:
            rnd = _evolve(rnd)
        answering = [a for i, a in enumerate(ids) if not (i == 1 and len(ids) > 2) and i % 5 != 4]
        rng = random.Random(f"{seed}-{year}")
        extras, figures, projects = _figures(rng, year, years, answering, rnd, conflicts, seed)
        if conflicts and acknowledge:
            rnd["acknowledged_conflicts"] = [{"indicator": "kcn-xu-ly-nuoc-thai", "unit": "%",
                                              "note": "Hai cơ quan tính theo hai cách khác nhau (minh họa)."}]
        written["figures"][year], written["projects"][year] = figures, projects
        (folder / ROUND_FILE).write_text(yaml.safe_dump(rnd, allow_unicode=True, sort_keys=False), encoding="utf-8")
        letters = {}
        for i, agency_id in enumerate(ids):
            if i == 1 and len(ids) > 2:
                continue  # one expected agency that never answers
            text, sections = _letter(rng, agency_id, year, i, base, extras.get(agency_id, {}), same_level_notes)
            (folder / f"{agency_id}.md").write_text(text, encoding="utf-8")
            letters[agency_id] = sections
        written["years"][year] = letters
    return written


def _letter(rng: random.Random, agency_id: str, year: int, i: int, base: dict,
            extra: dict | None = None, same_level_notes: bool = False) -> tuple[str, dict]:
    front = {"agency": agency_id, "year": year, "number": f"{100 + i}/CQ{i}-VP", "date": f"{10 + i % 15:02d}/12/{year}",
             "subject": f"báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp năm {year}",
             "recipient": "Sở Công Thương", "signer": {"name": f"Người ký {i}", "title": "Phó Giám đốc",
                                                         "on_behalf": "KT. Giám đốc"},
             "cc": ["Như trên", "Lưu: VT"]}
    tag = f"{agency_id}-{year}"
    sections: dict[str | None, list[str]] = {None: [f"Mở đầu {tag} " + _sentence(rng)]}
    closing = f"{tag} báo cáo để Sở Công Thương tổng hợp./."
    if i % 5 == 4:
        front["no_assigned_tasks"] = True
        sections[None].append(closing)
        body = sections[None][0] + "\n\n" + closing + "\n"
        return _join(front, body), sections
    front.update(extra or {})
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
        texts = para + items
        if rng.random() < 0.3:
            block += ["", f"{'#' * min(6, depth + 1)} Tiêu đề phụ {tag} {sid}", "", f"{tag} {sid} sau tiêu đề phụ."]
            texts.append(f"{tag} {sid} sau tiêu đề phụ.")
        if rng.random() < 0.3:
            block += ["", "| Nội dung | Kết quả |", "|---|---|", f"| {tag} {sid} ô A | {tag} {sid} ô B |"]
            texts += [f"{tag} {sid} ô A", f"{tag} {sid} ô B"]
        lines += block + [""]
        sections[sid] = texts
        if depth == 2 and rng.random() < 0.4:
            note = f"{tag} ghi chú sau {sid}."
            if same_level_notes:
                # An unnumbered heading at the section's own level closes it: what follows
                # belongs to the enclosing numbered heading (or to no section at all).
                lines += [f"## Ghi chú thêm {tag} {sid}", "", note, ""]
                sections.setdefault(root if relative else None, []).append(note)
            else:
                lines += [f"### Ghi chú thêm {tag} {sid}", "", note, ""]
                sections[sid].append(note)
    sections.setdefault(None, []).append(closing)
    return _join(front, "\n".join(lines + ["", closing])), sections


def _join(front: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


# --- Indicators and projects (section I.1 and II.7) ----------------------------------------

PROJECT_KINDS = ("Hạ tầng cụm công nghiệp", "Nhà máy chế biến nông sản", "Đường giao thông khu công nghiệp",
                 "Trạm xử lý nước thải tập trung", "Nhà máy cơ khí", "Kho bãi logistics")


def _figure_values(rng: random.Random, year: int) -> list[tuple[str, str, object, str]]:
    """(indicator, unit, value as an agency would write it, note) for one synthetic year."""
    growth = rng.choice((7.2, 8.0, 8.6, 9.4, 10.1))
    return [
        ("tang-truong-gtgt-cong-nghiep", "%", _vn(growth), "Số ước thực hiện"),
        ("ty-trong-cn-dv-grdp", "%", _vn(rng.choice((68.5, 69.0, 69.4, 70.2))), ""),
        ("ty-le-lao-dong-cn-xd-dv", "%", _vn(rng.choice((61.8, 63.0, 63.5, 64.2))), ""),
        ("tang-nang-suat-lao-dong-cn", "%", rng.choice(("6 - 6,5", "6,5 - 7", "7 - 7,5")), "Khoảng ước tính"),
        ("kcn-xu-ly-nuoc-thai", "%", rng.choice((80, 85.7, 92, 100)), ""),
        ("thu-hut-dau-tu", "dự án", rng.randint(8, 30), ""),
        ("thu-hut-dau-tu", "tỷ đồng", _vn(rng.randint(1000, 25000) + rng.randint(0, 9) / 10, thousands=True), ""),
        ("thu-hut-dau-tu", "triệu USD", rng.choice(("> 450", "1.250", "980,5")), "Vốn đăng ký"),
        ("cum-lien-ket-nganh", "cụm", rng.choice(("Đang xây dựng đề án", "Đã hình thành 1 cụm liên kết")), ""),
    ]


def _vn(x: float, thousands: bool = False) -> str:
    """Write ``x`` as a Vietnamese document would: ``9,5``, ``1.234,5``."""
    whole, _, frac = f"{x:.10g}".partition(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + frac if frac else "")


def _figures(rng: random.Random, year: int, years, answering: list[str], rnd: dict, conflicts: bool, seed: int = 1):
    """Front-matter ``indicators``/``projects`` per agency, and the flat lists of what was written."""
    extras: dict[str, dict] = {}
    figures: list[dict] = []
    projects: list[dict] = []
    if not answering:
        return extras, figures, projects

    def add(agency: str, key: str, item: dict) -> None:
        extras.setdefault(agency, {}).setdefault(key, []).append(item)
        (figures if key == "indicators" else projects).append(dict(item, agency=agency))

    defined = {i["id"] for i in rnd["indicators"]}
    values = [v for v in _figure_values(rng, year) if v[0] in defined]
    if "ty-le-doanh-nghiep-chuyen-doi-so" in defined:
        values.append(("ty-le-doanh-nghiep-chuyen-doi-so", "%", _vn(rng.choice((18.5, 22.0, 31.4))), ""))
    for k, (iid, unit, value, note) in enumerate(values):
        item = {"id": iid, "value": value, "unit": unit}
        if note:
            item["note"] = note
        if iid == "thu-hut-dau-tu" and unit == "dự án" and year != min(years):
            # Last year's figure as last year's letter gave it (its values are drawn first from its own seed).
            before = _figure_values(random.Random(f"{seed}-{year - 1}"), year - 1)
            item["previous"] = next(v for i, u, v, _n in before if (i, u) == (iid, unit))
        add(answering[k % len(answering)], "indicators", item)
    # The same figure from a second agency, written differently: the same value, no conflict.
    first = dict(extras[answering[0]]["indicators"][0])
    first["value"] = float(str(first["value"]).replace(",", "."))
    first.pop("note", None)
    add(answering[-1], "indicators", first)
    if conflicts and len(answering) > 2:
        wastewater = next(f for f in figures if f["id"] == "kcn-xu-ly-nuoc-thai")
        other = next(a for a in answering[1:] if a != wastewater["agency"])
        add(other, "indicators", {"id": "kcn-xu-ly-nuoc-thai", "value": _vn(float(wastewater["value"]) - 7.5),
                                  "unit": "%", "note": "Theo số liệu quan trắc"})
    statuses = rnd.get("project_statuses") or ["đang triển khai"]
    for k, kind in enumerate(PROJECT_KINDS):
        name = f"Dự án minh họa số {k + 1}: {kind}"
        item = {"name": name, "appendix": str(2 + k % 2), "status": rng.choice(statuses)}
        if k % 3 == 0:
            item["note"] = f"Ghi chú tiến độ năm {year}"
        add(answering[(k + 1) % len(answering)], "projects", item)
        if k == 0 and len(answering) > 1:
            # The same project from another agency, in capitals without tones: merged by name.
            from build_hooks.domain.text import fold

            add(answering[(k + 2) % len(answering)], "projects",
                {"name": fold(name).upper(), "appendix": item["appendix"], "status": item["status"]})
    return extras, figures, projects


def _evolve(rnd: dict) -> dict:
    """A newer outline: II.8 retitled, a new section II.9, a new indicator (matched by id with the old ones)."""
    outline = []
    for section in rnd["outline"]:
        section = dict(section)
        if section["id"] == "II.8":
            section["title"] = "Tình hình xây dựng, ban hành chính sách phát triển công nghiệp"
            outline += [section, {"id": "II.9", "title": "Chuyển đổi số trong doanh nghiệp công nghiệp"}]
            continue
        outline.append(section)
    indicators = list(rnd["indicators"]) + [{"id": "ty-le-doanh-nghiep-chuyen-doi-so",
                                             "name": "Tỷ lệ doanh nghiệp công nghiệp ứng dụng chuyển đổi số",
                                             "unit": "%", "target": ">= 30"}]
    return dict(rnd, outline=outline, indicators=indicators)
