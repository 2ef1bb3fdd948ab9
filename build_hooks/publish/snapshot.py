"""Archived snapshots: one round's site for reading from a USB stick, in a reproducible zip.

``take_snapshot`` builds the round with MkDocs in archive mode (see ``archive``):
``.html`` links, Material's offline search (its file:// worker shim is ours),
the archive banner. It then zips the site with a ``manifest.json``:

* the same commit and tools give the same bytes: every timestamp is the
  commit's (``SOURCE_DATE_EPOCH`` for MkDocs' sitemap, the zip entries' dates),
  entries are sorted, permissions fixed, and the pages hold no build time;
* the date the snapshot stands for is the commit's date in Vietnam (UTC+7),
  unless given explicitly, so that it too follows from the sources.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from build_hooks.publish.manifest import (
    MANIFEST_NAME,
    Verification,
    build_manifest,
    dump,
    tool_versions,
    verify,
)
from build_hooks.publish.reproducible_zip import zip_bytes
from build_hooks.publish.snapshot_mode import SnapshotMode
from build_hooks.settings import (
    ARCHIVE_ENV,
    OFFLINE_ENV,
    QUIET_MKDOCS_ENV,
    REGISTRY_FILE,
    ROOT,
    ROUND_FILE,
    SUBMISSIONS_ENV,
)

NAME_PREFIX = "bao-cao-cong-nghiep"
VIETNAM = timezone(timedelta(hours=7))
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest date a zip entry can carry


class SnapshotError(Exception):
    """A snapshot cannot be taken; the message says why (in Vietnamese)."""


@dataclass(frozen=True)
class Source:
    """The commit a snapshot is built from, its time, and whether the work tree differed from it."""
    commit: str
    epoch: int
    """Committer time of ``commit``, seconds since 1970 (UTC)."""
    dirty: bool


def git_source(repo: Path) -> Source:
    """The commit checked out in ``repo``, its time, and whether the tree differs from it."""
    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
        if proc.returncode != 0:
            raise SnapshotError(f"Không đọc được commit nguồn (git {' '.join(args)}): {proc.stderr.strip()}")
        return proc.stdout.strip()

    commit = git("rev-parse", "HEAD")
    return Source(commit, int(git("log", "-1", "--format=%ct", commit)), bool(git("status", "--porcelain")))


def taken_date(epoch: int) -> str:
    """The date a snapshot stands for: the commit's day in Vietnam time, ISO."""
    return datetime.fromtimestamp(epoch, VIETNAM).date().isoformat()


def snapshot_name(year: int, taken: str) -> str:
    """``bao-cao-cong-nghiep-2023-2024-01-05``: the zip's name and its top folder."""
    return f"{NAME_PREFIX}-{year}-{taken}"


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, keyed by its POSIX path relative to it."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def source_files(submissions: Path, year: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The registry and round file, and the round's letters, keyed by path under ``submissions/``."""
    folder = submissions / str(year)
    sources = {REGISTRY_FILE: (submissions / REGISTRY_FILE).read_bytes(),
               f"{year}/{ROUND_FILE}": (folder / ROUND_FILE).read_bytes()}
    letters = {f"{year}/{p.name}": p.read_bytes() for p in sorted(folder.glob("*.md"))}
    return sources, letters


def snapshot_zip(top: str, files: dict[str, bytes], epoch: int) -> bytes:
    """A zip of ``files`` under folder ``top``, every entry dated ``epoch`` (Vietnam time)."""
    stamp = datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), VIETNAM).timetuple()[:6]
    return zip_bytes(sorted((f"{top}/{path}", content) for path, content in files.items()), stamp)


def build_round_site(archive: SnapshotMode, submissions: Path, site: Path, epoch: int) -> None:
    """``mkdocs build --strict`` of the round in archive mode into ``site``."""
    env = dict(os.environ, **QUIET_MKDOCS_ENV, **{SUBMISSIONS_ENV: str(submissions)}, SOURCE_DATE_EPOCH=str(epoch))
    env[ARCHIVE_ENV] = archive.to_json()
    env[OFFLINE_ENV] = "true"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SnapshotError(f"mkdocs build thất bại:\n{proc.stdout}{proc.stderr}")


def take_snapshot(year: int, out: Path, submissions: Path | None = None, repo: Path = ROOT,
                  taken: str | None = None) -> Path:
    """Build the round of ``year`` and write ``out/<year>/<name>.zip``; returns the zip's path."""
    submissions = Path(submissions or repo / "submissions").resolve()
    if not (submissions / str(year) / ROUND_FILE).is_file():
        raise SnapshotError(f"Không có đợt báo cáo năm {year} trong {submissions}.")
    source = git_source(repo)
    taken = taken or taken_date(source.epoch)
    date.fromisoformat(taken)  # reject a malformed --date before building
    archive = SnapshotMode(year, taken, source.commit, source.dirty)
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        site = Path(tmp) / "site"
        build_round_site(archive, submissions, site, source.epoch)
        files = read_tree(site)
    sources, letters = source_files(submissions, year)
    info = {"year": year, "taken": taken, "source_commit": source.commit, "source_dirty": source.dirty,
            "source_date_epoch": source.epoch, "tools": tool_versions()}
    manifest = build_manifest(files, sources, letters, info)
    name = snapshot_name(year, taken)
    target = Path(out) / str(year) / f"{name}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(snapshot_zip(name, {**files, MANIFEST_NAME: dump(manifest)}, source.epoch))
    return target


def verify_zip(path: Path) -> tuple[Verification, dict]:
    """Check a snapshot zip against the manifest it carries."""
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        manifests = [n for n in names if n.count("/") == 1 and n.endswith("/" + MANIFEST_NAME)]
        if len(manifests) != 1:
            raise SnapshotError(f"{path}: không tìm thấy {MANIFEST_NAME} ở thư mục gốc của bản lưu trữ.")
        top = manifests[0].rsplit("/", 1)[0] + "/"
        manifest = json.loads(archive.read(manifests[0]).decode("utf-8"))
        files = {(n[len(top):] if n.startswith(top) else n): archive.read(n) for n in names if n != manifests[0]}
    return verify(manifest, files), manifest
