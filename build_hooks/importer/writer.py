"""The submission file: front-matter from the recognised frame, then the body."""
from __future__ import annotations

import json

import yaml

from build_hooks.importer.frame import Frame
from build_hooks.load.schema import DEFAULT_KIND

MISSING = "  # Chưa nhận ra trong tệp gốc: điền theo văn bản."


def scalar(text: str) -> str:
    """``text`` as YAML reads it back unchanged (quoted when needed: ``Lưu: VT``, ``%``, ``12/2023`` stays)."""
    try:
        if text and yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _text_or_list(key: str, values: tuple[str, ...], indent: str = "") -> list[str]:
    if len(values) == 1:
        return [f"{indent}{key}: {scalar(values[0])}"]
    return [f"{indent}{key}:"] + [f"{indent}  - {scalar(v)}" for v in values]


def front_matter(frame: Frame, agency: str, year: int, source: str,
                 no_task=()) -> tuple[str, list[tuple[int, str]]]:
    """The front-matter text, and (line, key) of every key the frame did not give (``#n`` for the comment
    holding the unrecognised line n of the source)."""
    lines = ["---", f"# Nhập từ tệp '{source}' bằng python -m build_hooks import; đối chiếu với văn bản gốc.",
             f"agency: {agency}", f"year: {year}"]
    missing: list[tuple[int, str]] = []

    def key(name: str, value: str) -> None:
        if value:
            lines.append(f"{name}: {scalar(value)}")
        else:
            lines.append(f"{name}:{MISSING}")
            missing.append((len(lines), name))

    if frame.kind != DEFAULT_KIND:
        lines.append(f"kind: {frame.kind}")
    key("number", frame.number)
    key("date", frame.date)
    key("subject", frame.subject)
    if frame.recipients:
        lines += _text_or_list("recipient", frame.recipients)
    elif frame.kind == DEFAULT_KIND:
        key("recipient", "")
    if frame.name and frame.title:
        lines += ["signer:", f"  name: {scalar(frame.name)}", f"  title: {scalar(frame.title)}"]
        if frame.authorities:
            lines += _text_or_list("on_behalf", frame.authorities, "  ")
    else:
        lines.append(f"signer:{MISSING}")
        missing.append((len(lines), "signer"))
    if frame.cc:
        lines += ["cc:"] + [f"  - {scalar(c)}" for c in frame.cc]
    if no_task:  # the agency's sentence stays in the body, under its heading
        lines += ["no_assigned_tasks:"] + [f"  - {section}" for section in no_task]
    for source_line, text in frame.unrecognised:
        lines.append(f"# Chưa nhận ra (dòng {source_line} của tệp gốc): {' '.join(text.split())}")
        missing.append((len(lines), f"#{source_line}"))
    lines.append("---")
    return "\n".join(lines) + "\n", missing
