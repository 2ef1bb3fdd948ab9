"""A letter's history on its page: received, each correction, and what it changed.

The difference shown is between the *visible* text of two versions: the lines a
reader sees (front-matter values and body), not YAML comments, delimiters or
blank lines; removed lines struck through, added lines marked.
"""
from __future__ import annotations

import difflib

from build_hooks.load.history import Change, LetterHistory
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.markup import SEARCH_EXCLUDE, esc

HISTORY_ANCHOR = "lich-su-van-ban"
NOT_SHOWN = object()
"""Histories not shown at all (as opposed to ``None``: this letter's history is unknown)."""
TAG = {"-": "del", "+": "ins"}


def visible_lines(text: str) -> list[str]:
    """The lines of a letter file a reader of its page sees: front-matter without its comments, then the body."""
    front, body = "", text
    if text.startswith("---"):
        head, sep, rest = text[3:].partition("\n---")
        if sep:
            front, body = head, rest.partition("\n")[2]
    kept = [line.strip() for line in front.splitlines() if line.strip() and not line.strip().startswith("#")]
    return kept + [line.strip() for line in body.splitlines() if line.strip()]


def text_changes(before: str, after: str) -> list[tuple[str, str]]:
    """``(sign, line)`` for every visible line removed (``-``) or added (``+``), in order."""
    a, b = visible_lines(before), visible_lines(after)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            out += [("-", line) for line in a[i1:i2]]
        if op in ("replace", "insert"):
            out += [("+", line) for line in b[j1:j2]]
    return out


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """One changed line as ``(op, words)`` runs: ``=`` kept, ``-`` removed, ``+`` added."""
    a, b = before.split(" "), after.split(" ")
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(b[j1:j2])))
    return runs


def _diff_html(before: str, after: str) -> str:
    """Changed lines; a line replaced by one line shows the words that changed inside it."""
    a, b = visible_lines(before), visible_lines(after)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for old, new in zip(a[i1:i2], b[j1:j2], strict=True):
                runs = " ".join(esc(t) if o == "=" else f"<{TAG[o]}>{esc(t)}</{TAG[o]}>"
                                for o, t in word_changes(old, new))
                out.append(f'<p class="hist-line hist-changed">{runs}</p>')
            continue
        if op in ("replace", "delete"):
            out += [f'<p class="hist-line hist-removed"><del>{esc(line)}</del></p>' for line in a[i1:i2]]
        if op in ("replace", "insert"):
            out += [f'<p class="hist-line hist-added"><ins>{esc(line)}</ins></p>' for line in b[j1:j2]]
    return "".join(out)


def _date(change: Change) -> str:
    return change.date.strftime("%d/%m/%Y")


def _item(label: str, change: Change, previous: Change | None) -> str:
    head = (f'<strong>{label}</strong> ngày {_date(change)}: {esc(change.subject)} '
            f'<span class="hist-author">({esc(change.author)})</span>')
    if previous is None or previous.text is None or change.text is None:
        return f"<li>{head}</li>"
    changes = text_changes(previous.text, change.text)
    if not changes:
        return f"<li>{head} <em>(phần hiển thị không đổi)</em></li>"
    return (f'<li>{head}<details class="hist-detail"><summary>Nội dung thay đổi (chữ bị xóa gạch ngang, '
            f'chữ thêm tô xanh)</summary><div class="hist-diff">{_diff_html(previous.text, change.text)}</div>'
            "</details></li>")


def render_history(history: LetterHistory | None, frags: Fragments) -> str:
    """The history section of a letter's page, as HTML; what it lists stays out of the search index."""
    return frags.heading(2, "Lịch sử văn bản", HISTORY_ANCHOR, SEARCH_EXCLUDE) + "\n" + frags.hidden(_history(history))


def _history(history: LetterHistory | None) -> str:
    if history is None or not history.available:
        reason = f": {history.reason}" if history is not None and history.reason else ""
        return f'<section class="history"><p>Lịch sử không có{esc(reason)}.</p></section>\n'
    if history.received is None:
        return ('<section class="history"><p>Lịch sử không có: văn bản chưa được đưa vào '
                "kho (chưa có commit nào).</p></section>\n")
    items = [_item("Nhận", history.received, None)]
    pairs = zip(history.changes, history.corrections, strict=False)  # each correction with the version before it
    items += [_item("Sửa", change, before) for before, change in pairs]
    return f'<section class="history"><ol>{"".join(items)}</ol></section>\n'
