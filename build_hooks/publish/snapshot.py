"""Archived snapshots: one round's site for reading from a USB stick, in a reproducible zip.

``take_snapshot`` builds the round with MkDocs in archive mode (see ``archive``):
``.html`` links, Material's offline search (its file:// worker shim is ours),
the archive banner. It then zips the site with a ``manifest.json``:

* the same commit and tools give the same bytes: every timestamp is the
  commit's (``SOURCE_DATE_EPOCH`` for MkDocs' sitemap, the zip entries' dates),
  entries are sorted, permissions fixed, and the pages hold no build time;
* the date the snapshot stands for is the commit's date in Vietnam (UTC+7),
  unless given explicitly, so that it too follows from the sources.

The zip's own SHA-256 is written beside it (``<zip>.sha256``, the format of
``sha256sum``) for the Sở to quote in the transfer letter; ``--sign KEY`` adds a
detached OpenSSH signature of the manifest (``<zip>.manifest.sig``, made with
``ssh-keygen -Y sign``), which ``verify --key KEY.pub`` checks. OpenSSH's
signatures were chosen over a Python library: the tool is on every Linux, macOS
and Windows 10+ machine, an Ed25519 key is one ``ssh-keygen -t ed25519`` away,
and an IT officer can check a signature without this project's code.

``verify`` reads only a well-formed archive: one top folder, no duplicate
names, no absolute or ``..`` paths, no links; otherwise a forged page could be
added at the root (or twice) where ``unzip`` writes it and a reader opens it,
while the copy under the top folder still matched the manifest.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from build_hooks.domain.model import ORIGINALS_DIR, REGISTRY_FILE, ROUND_FILE
from build_hooks.publish.manifest import (
    MANIFEST_NAME,
    Verification,
    build_manifest,
    dump,
    tool_versions,
    verify,
)
from build_hooks.publish.reproducible_zip import zip_bytes
from build_hooks.settings import (
    ARCHIVE_ENV,
    OFFLINE_ENV,
    QUIET_MKDOCS_ENV,
    ROOT,
    SUBMISSIONS_ENV,
    SnapshotMode,
)

NAME_PREFIX = "bao-cao-cong-nghiep"
SIGNATURE_NAMESPACE = "bao-cao-cong-nghiep-snapshot"
"""``ssh-keygen -Y`` namespace: a signature made for this purpose is not valid for another."""
SIGNER = "so-cong-thuong"
"""Principal written in the temporary allowed-signers file when checking with one public key."""
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
    originals = folder / ORIGINALS_DIR  # the letters as received, bytes unchanged (corpus/originals.py)
    letters |= {f"{year}/{ORIGINALS_DIR}/{p.name}": p.read_bytes() for p in sorted(originals.glob("*"))
                if p.is_file() and not p.is_symlink()}
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


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks: what the Sở quotes in the transfer letter."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksum_path(zip_path: Path) -> Path:
    """Where the zip's SHA-256 is written: ``<zip>.sha256`` beside it."""
    return zip_path.with_name(zip_path.name + ".sha256")


def signature_path(zip_path: Path) -> Path:
    """Where the manifest's detached signature is written: ``<zip>.manifest.sig`` beside it."""
    return zip_path.with_name(zip_path.name + ".manifest.sig")


def write_checksum(zip_path: Path) -> str:
    """Write ``<zip>.sha256`` (``sha256sum -c`` reads it) and return the hex digest."""
    value = sha256_file(zip_path)
    checksum_path(zip_path).write_text(f"{value}  {zip_path.name}\n", encoding="ascii")
    return value


def _ssh_keygen(args: list[str], data: bytes) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["ssh-keygen", *args], input=data, capture_output=True)
    except FileNotFoundError:
        raise SnapshotError("Không tìm thấy ssh-keygen (OpenSSH); cài OpenSSH để ký hoặc kiểm tra chữ ký.") from None


def read_manifest_bytes(zip_path: Path) -> bytes:
    """The manifest as stored, after the entries are checked (one top folder, no duplicates, no links)."""
    with zipfile.ZipFile(zip_path) as archive:
        top = _check_entries(archive.infolist(), zip_path)
        return archive.read(top + MANIFEST_NAME)


def sign_manifest(zip_path: Path, key: Path) -> Path:
    """Detached OpenSSH signature of the zip's manifest, written to ``<zip>.manifest.sig``."""
    proc = _ssh_keygen(["-Y", "sign", "-q", "-f", str(key), "-n", SIGNATURE_NAMESPACE], read_manifest_bytes(zip_path))
    if proc.returncode != 0:
        raise SnapshotError(f"Không ký được manifest bằng khóa {key}: {proc.stderr.decode(errors='replace').strip()}")
    target = signature_path(zip_path)
    target.write_bytes(proc.stdout)
    return target


def verify_signature(zip_path: Path, public_key: Path, signature: Path | None = None) -> None:
    """Raise ``SnapshotError`` unless the manifest's signature was made with ``public_key``'s private key."""
    signature = signature or signature_path(zip_path)
    if not signature.is_file():
        raise SnapshotError(f"Không có tệp chữ ký {signature}.")
    key_line = public_key.read_text(encoding="utf-8").strip().splitlines()[0]
    with tempfile.TemporaryDirectory(prefix="verify-") as tmp:
        allowed = Path(tmp) / "allowed_signers"
        allowed.write_text(f'{SIGNER} namespaces="{SIGNATURE_NAMESPACE}" {key_line}\n', encoding="utf-8")
        proc = _ssh_keygen(["-Y", "verify", "-f", str(allowed), "-I", SIGNER, "-n", SIGNATURE_NAMESPACE,
                            "-s", str(signature)], read_manifest_bytes(zip_path))
    if proc.returncode != 0:
        raise SnapshotError(f"Chữ ký {signature} KHÔNG khớp với manifest và khóa công khai {public_key}.")


_LINK_TYPES = {0o120000}
_FILE_TYPE = 0o170000


def _check_entries(infos: list[zipfile.ZipInfo], path: Path) -> str:
    """The top folder of a well-formed snapshot; ``SnapshotError`` naming every malformed entry otherwise."""
    problems, seen = [], set()
    manifests = [i.filename for i in infos if i.filename.count("/") == 1 and i.filename.endswith("/" + MANIFEST_NAME)]
    top = manifests[0].split("/", 1)[0] + "/" if len(manifests) == 1 else None
    if top is None:
        raise SnapshotError(f"{path}: không tìm thấy đúng một {MANIFEST_NAME} ở thư mục gốc của bản lưu trữ.")
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if name in seen:
            problems.append(f"mục '{name}' xuất hiện hai lần")
        seen.add(name)
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
            problems.append(f"mục '{name}' có đường dẫn tuyệt đối hoặc '..'")
        elif not name.startswith(top):
            problems.append(f"mục '{name}' nằm ngoài thư mục gốc {top}")
        if info.create_system == 3 and (info.external_attr >> 16) & _FILE_TYPE in _LINK_TYPES:
            problems.append(f"mục '{name}' là liên kết (symlink)")
    if problems:
        raise SnapshotError(f"{path}: bản lưu trữ không đúng cấu trúc: " + "; ".join(problems) + ".")
    return top


def verify_zip(path: Path) -> tuple[Verification, dict]:
    """Check a snapshot zip's structure, then its files against the manifest it carries."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        top = _check_entries(infos, path)
        manifest = json.loads(archive.read(top + MANIFEST_NAME).decode("utf-8"))
        files = {i.filename[len(top):]: archive.read(i) for i in infos
                 if not i.is_dir() and i.filename != top + MANIFEST_NAME}
    return verify(manifest, files), manifest
