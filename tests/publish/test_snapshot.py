"""Archived snapshots: one round, reproducible to the byte, checked against their manifest."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_hooks.publish.manifest import MANIFEST_NAME
from build_hooks.publish.snapshot import (
    git_source,
    take_snapshot,
    taken_date,
    verify_zip,
)
from build_hooks.settings import ROOT  # noqa: E402


def _pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_same_commit_gives_a_byte_identical_zip(tmp_path):
    first = take_snapshot(2023, tmp_path / "a")
    second = take_snapshot(2023, tmp_path / "b")
    assert first.name == second.name == f"bao-cao-cong-nghiep-2023-{taken_date(git_source(ROOT).epoch)}.zip"
    assert first.parent.name == "2023"
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {infos[0].date_time}
    assert {i.external_attr for i in infos} == {0o100644 << 16}


def test_snapshot_holds_one_round_for_offline_reading(synthetic_snapshot):
    root = synthetic_snapshot.root
    assert root.name == synthetic_snapshot.zip.stem
    assert (root / "index.html").is_file() and (root / MANIFEST_NAME).is_file()
    assert (root / "2023" / "bao-cao-tong-hop.html").is_file()
    assert (root / "2023" / "bao-cao-tong-hop-ban-in.html").is_file()
    # The Sở's report to sign, as published with the site (issue 11).
    assert (root / "2023" / "du-lieu" / "bao-cao-so-cong-thuong-2023.docx").read_bytes()[:2] == b"PK"
    assert (root / "2023" / "du-lieu" / "bao-cao-so-cong-thuong-2023.pdf").read_bytes()[:5] == b"%PDF-"
    assert (root / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert not (root / "2022").exists() and not (root / "huong-dan").exists()
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and all(not d["location"].startswith("2022/") for d in index["docs"])
    letters = sorted(p.stem for p in (root / "2023" / "co-quan").glob("co-quan-*.html"))
    assert letters == sorted(synthetic_snapshot.written["years"][2023])


def test_every_page_carries_the_archive_banner_and_loads_nothing_from_another_host(synthetic_snapshot):
    root = synthetic_snapshot.root
    manifest = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
    pages = _pages(root)
    assert len(pages) > 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".archive-banner")
        assert banner is not None, page
        text = banner.get_text(" ", strip=True)
        assert "Bản lưu trữ" in text and manifest["source_commit"][:12] in text, page
        day = "/".join(reversed(manifest["taken"].split("-")))
        assert day in text, page
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                assert not url or not re.match(r"^([a-z]+:)?//", url), (page, url)
        for a in soup.select("nav a[href], article a[href]"):  # offline links point at files, not folders
            href = a["href"]
            if not re.match(r"^[a-z]+:", href) and not href.startswith("#"):
                target = href.split("?")[0].split("#")[0]
                assert re.search(r"\.(html|csv|json|xlsx|zip|docx|pdf)$", target), (page, href)
                if target and page.name != "404.html":  # 404.html is for servers, with root-absolute links
                    assert (page.parent / target).resolve().is_file(), (page, href)
    shim = (root / "assets" / "javascripts" / "iframe-worker.js").read_text(encoding="utf-8")
    assert "unpkg" not in "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "IFrameWorker" in shim


def test_manifest_lists_every_file_and_the_sources_with_their_hashes(synthetic_snapshot):
    root = synthetic_snapshot.root
    manifest = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {MANIFEST_NAME}
    assert {f["path"] for f in manifest["files"]} == on_disk
    for entry in manifest["files"]:
        data = (root / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["size"] == len(data)
    submissions = synthetic_snapshot.submissions
    assert [s["path"] for s in manifest["submissions"]] == sorted(
        f"2023/{p.name}" for p in (submissions / "2023").glob("*.md"))
    for entry in manifest["submissions"] + manifest["sources"]:
        assert entry["sha256"] == hashlib.sha256((submissions / entry["path"]).read_bytes()).hexdigest()
    assert {s["path"] for s in manifest["sources"]} == {"agencies.yml", "2023/round.yml"}
    assert manifest["year"] == 2023 and re.fullmatch(r"[0-9a-f]{40}", manifest["source_commit"])
    assert manifest["tools"]["mkdocs"] and manifest["tools"]["mkdocs-material"] and manifest["tools"]["python"]
    # No build time: MkDocs stamps sitemap.xml.gz with the day of SOURCE_DATE_EPOCH, the commit's time.
    header = (root / "sitemap.xml.gz").read_bytes()[:8]
    assert int.from_bytes(header[4:8], "little") == manifest["source_date_epoch"] // 86400 * 86400


def _rewrite(source: Path, target: Path, change) -> None:
    """Copy a zip entry by entry, letting ``change(name, data)`` return new data, or None to drop it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)


def _verify_cli(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_hooks", "verify", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_verify_accepts_the_zip_as_written(synthetic_snapshot):
    result, manifest = verify_zip(synthetic_snapshot.zip)
    assert result.ok and result.lines() == []
    proc = _verify_cli(synthetic_snapshot.zip)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("kind", ["changed", "missing", "added"])
def test_verify_names_the_file_altered_removed_or_added(synthetic_snapshot, tmp_path, kind):
    top = synthetic_snapshot.root.name
    target = f"{top}/2023/bao-cao-tong-hop.html"
    copy = tmp_path / synthetic_snapshot.zip.name

    def change(name, data):
        if name != target:
            return data
        return {"changed": data.replace(b"</body>", "<p>sửa</p></body>".encode()), "missing": None, "added": data}[kind]

    _rewrite(synthetic_snapshot.zip, copy, change)
    if kind == "added":
        with zipfile.ZipFile(copy, "a") as archive:
            archive.writestr(f"{top}/2023/them.html", b"<p>them</p>")
    expected = {"changed": "changed: 2023/bao-cao-tong-hop.html", "missing": "missing: 2023/bao-cao-tong-hop.html",
                "added": "added: 2023/them.html"}[kind]
    result, _manifest = verify_zip(copy)
    assert result.lines() == [expected]
    proc = _verify_cli(copy)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [expected]


def test_snapshot_of_a_round_that_does_not_exist_fails_cleanly(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "build_hooks", "snapshot", "1999", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "1999" in proc.stderr and not list(tmp_path.iterdir())
