"""Results kept between builds of one process, so a rebuild redoes only what an edit changed.

``mkdocs serve`` rebuilds the site on every saved letter and keeps the Python process
alive; parsing 2,000 letters and rendering their pages again costs seconds when one
changed. Two kinds of memo, both for pure functions:

* ``remembered``: by value. A parse depends on the file's text, the name it is shown
  by, the folder's year, the round and registry texts and the build date; those are
  the key, and the same key gives back the very same (frozen) objects.
* ``Identity``: by the identity of such objects. Since unchanged files give back the
  same objects, what is made from them (a letter's page, a status row) is found by
  ``id``; the objects are kept with the result, so an id can never name another object.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

LIMIT = 50_000
"""Entries kept: every letter of several rounds of 2,000 agencies; above it the memo starts afresh."""
_MEMO: dict[tuple, tuple] = {}


def remembered(key: tuple, parse: Callable[..., tuple[T, list]], *args) -> tuple[T, list]:
    """``parse(*args)``, or what it returned for ``key`` before; the problem list is a fresh copy each time.

    ``key`` must hold everything the result depends on; ``args`` are only how to compute it.
    """
    hit = _MEMO.get(key)
    if hit is None:
        if len(_MEMO) >= LIMIT:
            _MEMO.clear()
        value, problems = parse(*args)
        hit = _MEMO[key] = (value, tuple(problems))
    return hit[0], list(hit[1])


def forget() -> None:
    """Drop every memo (tests that measure a cold build)."""
    _MEMO.clear()
    for memo in Identity.all:
        memo.entries.clear()


class Identity:
    """Results by the identity of the objects they were made from, plus plain values."""

    all: list[Identity] = []

    def __init__(self) -> None:
        self.entries: dict[tuple, tuple[tuple, object]] = {}
        Identity.all.append(self)

    def get(self, objects: tuple, values: tuple, make: Callable[[], T]) -> T:
        """``make()``, or what it gave before for these very ``objects`` and equal ``values``."""
        key = (*map(id, objects), *values)
        hit = self.entries.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], objects, strict=True)):
            return hit[1]
        if len(self.entries) >= LIMIT:
            self.entries.clear()
        result = make()
        self.entries[key] = (objects, result)
        return result
