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
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from build_hooks.settings import cache_dir


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
