"""Small typed readers shared by every loader: each returns a value and problems.

A loader asks ``reader.text(path)`` and gets the value or None plus a located
problem, so that one bad value never hides the others in the same file.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem
from build_hooks.domain.text import nfc
from build_hooks.load.yamlsource import YamlDoc


def did_you_mean(word: str, choices, n: int = 1) -> str:
    """"Có phải ý bạn là '…'?" for the closest choice, or empty when nothing is close."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=n, cutoff=0.6)
    return f"Có phải ý bạn là '{close[0]}'?" if close else ""


def kind_name(value: object) -> str:
    """The Vietnamese name of a YAML value's kind, for messages about a wrong type."""
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
        """The raw value at ``where``, or None when any step is missing."""
        value = self.doc.value
        for step in where:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def fail(self, where: tuple, rule: str, variant: str = "", on_key: bool = False, **params) -> None:
        """Record the catalogue's problem ``rule`` at the value (or, with ``on_key``, the key) ``where``."""
        line, col = self.doc.where(where, prefer_key=on_key)
        self.problems.append(finding(rule, self.path, line, col, variant, **params))

    def mapping(self, where: tuple, required: bool = True) -> dict | None:
        """The table at ``where``; a ``wrong-type`` problem when it is something else."""
        value = self.get(where)
        if isinstance(value, dict):
            return value
        if value is None and not required:
            return None
        label = ".".join(str(w) for w in where) or "tệp"
        self.fail(where, "wrong-type", "mapping", key=label, actual=kind_name(value))
        return None

    def text(self, where: tuple, required: bool = False) -> str | None:
        """The text at ``where`` in NFC; ``missing-key`` when required and absent, ``wrong-type`` when not text."""
        value = self.get(where)
        if value is None:
            if required:
                self.fail(where[:-1], "missing-key", on_key=True, key=where[-1])
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, "wrong-type", "text", key=where[-1], actual=kind_name(value))
            return None
        return nfc(str(value)).strip()

    def text_list(self, where: tuple, allow_single: bool = True) -> tuple[str, ...]:
        """A list of texts at ``where`` (a single text counts as one item when ``allow_single``)."""
        value = self.get(where)
        if value is None:
            return ()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and allow_single:
            return (nfc(str(value)).strip(),)
        if not isinstance(value, list):
            self.fail(where, "wrong-type", "list", key=where[-1], actual=kind_name(value))
            return ()
        items = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.fail(where + (i,), "wrong-type", "list-item", number=i + 1, key=where[-1])
                continue
            items.append(nfc(str(item)).strip())
        return tuple(items)

    def unknown_keys(self, where: tuple, allowed) -> None:
        """Report every key of the table at ``where`` that is not ``allowed``, with a did-you-mean."""
        value = self.get(where)
        if not isinstance(value, dict):
            return
        for key in value:
            if key not in allowed:
                self.fail(where + (key,), "unknown-key", on_key=True, key=key, suggestion=did_you_mean(key, allowed),
                          allowed=", ".join(allowed))
