"""Files the build makes slowly, kept by the hash of what they are made from.

The site is rebuilt on every edit under ``mkdocs serve`` and on every publish;
most of what it makes does not change between two builds. Laying out the PDF,
writing the DOCX and drawing the charts cost seconds where rendering the pages
costs a fraction, so their bytes are kept in the build cache folder
(``settings.cache_dir``: ``.cache/`` or ``REPORT_CACHE``) under a key made of
everything they depend on: the input, the version of the library that makes
them and the source of our own module that drives it. The same key gives back
the same bytes without importing the library; a changed input, library or
module gives a new key. Deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from build_hooks.settings import cache_dir

T = TypeVar("T")


@cache
def code_key(*modules: str, distributions: tuple[str, ...] = ()) -> str:
    """A key for "the code that makes it": the source of ``modules`` and the versions of ``distributions``.

    Versions come from package metadata, since importing the engine is what the cache avoids
    (WeasyPrint loads Pango, Matplotlib its font cache).
    """
    digest = hashlib.sha256()
    for name in modules:  # found, not imported: importing the module would import its engine
        digest.update(name.encode() + b"\0" + Path(importlib.util.find_spec(name).origin).read_bytes())
    for dist in distributions:
        digest.update(f"{dist}=={metadata.version(dist)}\0".encode())
    return digest.hexdigest()


@cache
def package_key(distributions: tuple[str, ...] = ()) -> str:
    """A key for "all of our code": the source of every module of ``build_hooks``, and ``distributions``' versions.

    For what passes through too many of our modules to name them (the Sở's report is made by the
    loader's model, the aggregation, the letter renderer, the sanitiser and the document builder).
    Reading the sources costs milliseconds; any edit to any module makes a new key.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in distributions:
        digest.update(f"{dist}=={metadata.version(dist)}\0".encode())
    return digest.hexdigest()


def cached_bytes(kind: str, key: str, make: Callable[[], bytes], folder: Path | None = None) -> bytes:
    """``make()``, or the bytes it gave last time for ``key``; ``kind`` names the cache's folder.

    A read-only checkout still builds, only slower: failing to write the cache is not an error.
    """
    path = (folder or cache_dir(kind)) / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        write_atomic(path, data)
    except OSError:
        pass
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: concurrent builds and a server never read half a file.

    The temporary file is hidden (a leading dot), so neither MkDocs nor a web server ever serves it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _ModelUnpickler(pickle.Unpickler):
    """Builds only our model's classes and plain values: a tampered cache file cannot run code."""

    SAFE = {("datetime", "date"), ("decimal", "Decimal"), ("builtins", "frozenset"), ("builtins", "set"),
            ("builtins", "tuple"), ("builtins", "list"), ("builtins", "dict")}

    def find_class(self, module: str, name: str):
        if module.startswith("build_hooks.domain.") or (module, name) in self.SAFE:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not allowed in the build cache: {module}.{name}")


class StoredResults:
    """Results of a pure function kept on disk from one build process to the next.

    ``mkdocs build`` starts a new process each time, so the in-process memo (``memo``) never
    helps it: parsing and checking 2,000 letters cost it 2 s, converting their text more.
    One file per ``name`` in the cache folder ``kind`` holds the results by the digest of
    their inputs, valid for one ``context`` (the code that makes them, and whatever every
    input shares, such as the round and the registry). ``save`` keeps only the results this
    build used, so deleted letters leave the file. Values are plain text or our model's
    frozen dataclasses, read back by an unpickler that builds nothing else (``letter_text.convert``
    keeps converted passages, ``corpus.tree`` parsed letters).
    """

    def __init__(self, kind: str, name: str, context: str, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir(kind)) / f"{name}.pickle"
        self.context = hashlib.sha256(context.encode("utf-8")).hexdigest()
        self.entries: dict[str, object] = {}
        self.used: dict[str, object] = {}
        try:
            with self.path.open("rb") as stored:
                context_, entries = _ModelUnpickler(stored).load()
            if context_ == self.context and isinstance(entries, dict):
                self.entries = entries
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # no file, another version's or a damaged one: start afresh

    def get(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, or its result stored for ``key`` (a text holding every input not in the context)."""
        digest = self._digest(key)
        value = self.entries[digest] if digest in self.entries else make()
        self.used[digest] = value
        return value

    def keep(self, key: str, value: object) -> None:
        """Keep ``value`` for ``key`` though it came from elsewhere (the in-process memo)."""
        self.used[self._digest(key)] = value

    @staticmethod
    def _digest(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def save(self) -> None:
        """Write what this build used, if it differs from what was read; a read-only checkout skips it."""
        if self.used.keys() == self.entries.keys():
            return
        try:
            write_atomic(self.path, pickle.dumps((self.context, self.used), protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError):
            pass
