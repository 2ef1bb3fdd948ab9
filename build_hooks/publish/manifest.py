"""The manifest of an archived snapshot, and checking a zip against it.

``manifest.json`` sits at the top of the snapshot folder, beside ``index.html``.
It lists every other file with its SHA-256 and size, the source commit, the
tool versions that built it, and the submissions it was built from with their
own hashes, so that a copy found on a shared drive years later can be checked
(``python -m build_hooks verify ZIP``) and traced back to its sources.
"""
from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass, field
from importlib import metadata

MANIFEST_NAME = "manifest.json"
FORMAT = "bao-cao-cong-nghiep/snapshot"
FORMAT_VERSION = 1
TOOLS = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "PyYAML", "Jinja2", "Pygments")
"""Packages whose version can change the built pages."""


def digest(data: bytes) -> dict:
    """SHA-256 and size of some bytes: what the manifest records of every file."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def tool_versions() -> dict[str, str]:
    """Versions of the tools that built a snapshot, so a rebuild can be reproduced."""
    versions = {"python": platform.python_version()}
    for name in TOOLS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_manifest(files: dict[str, bytes], sources: dict[str, bytes], submissions: dict[str, bytes],
                   info: dict) -> dict:
    """The manifest of ``files`` (path in the snapshot -> bytes).

    ``sources`` are the registry and round files, ``submissions`` the letters,
    both keyed by their path under ``submissions/``; ``info`` holds the year,
    date taken, commit and tool versions.
    """
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **info,
        "sources": [{"path": p, **digest(sources[p])} for p in sorted(sources)],
        "submissions": [{"path": p, **digest(submissions[p])} for p in sorted(submissions)],
        "files": [{"path": p, **digest(files[p])} for p in sorted(files)],
    }


def dump(manifest: dict) -> bytes:
    """The manifest as UTF-8 JSON bytes, in a fixed layout so snapshots are byte-identical."""
    return (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


@dataclass
class Verification:
    """What differs between a snapshot's files and its manifest."""

    added: list[str] = field(default_factory=list)
    """In the snapshot, not in the manifest."""
    missing: list[str] = field(default_factory=list)
    """In the manifest, not in the snapshot."""
    changed: list[str] = field(default_factory=list)
    """In both, with another hash or size."""

    @property
    def ok(self) -> bool:
        """True when nothing was added, missing or changed."""
        return not (self.added or self.missing or self.changed)

    def lines(self) -> list[str]:
        """One line per difference, ``changed: path``, sorted by kind then path."""
        return ([f"added: {p}" for p in self.added] + [f"missing: {p}" for p in self.missing]
                + [f"changed: {p}" for p in self.changed])


def verify(manifest: dict, files: dict[str, bytes]) -> Verification:
    """Compare ``files`` (path -> bytes, the manifest itself excluded) with ``manifest``."""
    listed = {entry["path"]: entry for entry in manifest.get("files", [])}
    result = Verification()
    for path in sorted(set(files) | set(listed)):
        if path not in listed:
            result.added.append(path)
        elif path not in files:
            result.missing.append(path)
        elif digest(files[path]) != {"sha256": listed[path]["sha256"], "size": listed[path]["size"]}:
            result.changed.append(path)
    return result
