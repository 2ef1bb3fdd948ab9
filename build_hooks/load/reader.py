"""Small typed readers shared by every loader: each returns a value and problems.

A loader asks ``reader.text(path)`` and gets the value or None plus a located
problem, so that one bad value never hides the others in the same file.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from build_hooks.domain.problems import Problem, error
from build_hooks.domain.text import nfc
from build_hooks.load.yamlsource import YamlDoc


def did_you_mean(word: str, choices, n: int = 1) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=n, cutoff=0.6)
    return f"Có phải ý bạn là '{close[0]}'?" if close else ""


def kind_name(value: object) -> str:
    if isinstance(value, bool):
        return "đúng/sai"
    if isinstance(value, (int, float)):
        return "số"
    if isinstance(value, str):
        return "chuỗi"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "bảng khóa"
    return "rỗng"


@dataclass
class Reader:
    """Reads typed values out of a ``YamlDoc`` and records located problems."""

    doc: YamlDoc
    path: str
    problems: list[Problem] = field(default_factory=list)

    def get(self, where: tuple) -> object:
        value = self.doc.value
        for step in where:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def fail(self, where: tuple, rule: str, message: str, hint: str = "", on_key: bool = False) -> None:
        line, col = self.doc.where(where, prefer_key=on_key)
        self.problems.append(error(self.path, line, col, rule, message, hint))

    def mapping(self, where: tuple, required: bool = True) -> dict | None:
        value = self.get(where)
        if isinstance(value, dict):
            return value
        if value is None and not required:
            return None
        label = ".".join(str(w) for w in where) or "tệp"
        self.fail(where, "wrong-type", f"'{label}' phải là một bảng khóa (key: value), không phải {kind_name(value)}.",
                  "Viết mỗi khóa trên một dòng, dạng 'khóa: giá trị'.")
        return None

    def text(self, where: tuple, required: bool = False) -> str | None:
        value = self.get(where)
        if value is None:
            if required:
                self.fail(where[:-1], "missing-key", f"Thiếu khóa bắt buộc '{where[-1]}'.",
                          f"Thêm dòng '{where[-1]}: …'.", on_key=True)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, "wrong-type", f"'{where[-1]}' phải là chuỗi chữ, không phải {kind_name(value)}.",
                      "Đặt giá trị trong dấu ngoặc kép nếu cần.")
            return None
        return nfc(str(value)).strip()

    def text_list(self, where: tuple, allow_single: bool = True) -> tuple[str, ...]:
        value = self.get(where)
        if value is None:
            return ()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and allow_single:
            return (nfc(str(value)).strip(),)
        if not isinstance(value, list):
            self.fail(where, "wrong-type", f"'{where[-1]}' phải là danh sách, không phải {kind_name(value)}.",
                      "Viết mỗi mục trên một dòng bắt đầu bằng '- '.")
            return ()
        items = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.fail(where + (i,), "wrong-type", f"Mục thứ {i + 1} của '{where[-1]}' phải là chuỗi chữ.",
                          "Đặt mục trong dấu ngoặc kép nếu nó có dấu hai chấm.")
                continue
            items.append(nfc(str(item)).strip())
        return tuple(items)

    def unknown_keys(self, where: tuple, allowed) -> None:
        value = self.get(where)
        if not isinstance(value, dict):
            return
        for key in value:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or "Các khóa được dùng: " + ", ".join(allowed) + "."
                self.fail(where + (key,), "unknown-key", f"Khóa '{key}' không có trong định dạng.", hint, on_key=True)
