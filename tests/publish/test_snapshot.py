"""Archived snapshots: one round, reproducible to the byte, checked against their manifest."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_hooks.publish.manifest import MANIFEST_NAME
from build_hooks.publish.snapshot import (
    SnapshotError,
    checksum_path,
    git_source,
    sha256_file,
    sign_manifest,
    take_snapshot,
    taken_date,
    verify_signature,
    verify_zip,
    write_checksum,
)
from build_hooks.settings import ROOT


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


def _verify_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_hooks", "verify", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_verify_accepts_the_zip_as_written_but_says_its_origin_is_unproven(synthetic_snapshot):
    """Without a recorded .sha256 or a key, only the zip's own manifest was checked: exit 3, said plainly."""
    result, manifest = verify_zip(synthetic_snapshot.zip)
    assert result.ok and result.lines() == []
    assert not checksum_path(synthetic_snapshot.zip).exists()
    proc = _verify_cli(synthetic_snapshot.zip)
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == "" and "CHƯA CHỨNG MINH ĐƯỢC NGUỒN GỐC" in proc.stderr


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


# --- a snapshot that cannot be shadowed, a recorded SHA-256, a signed manifest (issue 9, break 7) ---

def _forge(source: Path, target: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]], change=None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, change(info.filename, data) if change else data)
        for info, data in extra:
            new.writestr(info, data)
    return target


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    for name in ("so", "other"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
                       check=True)
    return folder


def test_break_7_a_shadowed_page_is_rejected(synthetic_snapshot, tmp_path):
    """Rewrite a page inside the top folder and add the original at the root: verify said it matched."""
    top = synthetic_snapshot.root.name
    page = "2023/bao-cao-tong-hop.html"
    original = (synthetic_snapshot.root / page).read_bytes()
    forged = _forge(synthetic_snapshot.zip, tmp_path / "forged.zip", [(page, original)],
                    change=lambda n, d: d.replace(b"</body>", b"<p>gia mao</p></body>") if n == f"{top}/{page}" else d)
    with pytest.raises(SnapshotError, match="nằm ngoài thư mục gốc"):
        verify_zip(forged)
    proc = _verify_cli(str(forged))
    assert proc.returncode == 1 and "khớp với manifest" not in proc.stderr.replace("KHÔNG khớp", "")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name,message", [
    ("{top}/2023/bao-cao-tong-hop.html", "xuất hiện hai lần"),
    ("/etc/x.html", "đường dẫn tuyệt đối"),
    ("{top}/../x.html", "'..'"),
])
def test_duplicates_absolute_and_dotdot_entries_are_rejected(synthetic_snapshot, tmp_path, name, message):
    top = synthetic_snapshot.root.name
    entry = name.format(top=top)
    data = (synthetic_snapshot.root / "2023" / "bao-cao-tong-hop.html").read_bytes()
    forged = _forge(synthetic_snapshot.zip, tmp_path / "forged.zip", [(entry, data)])
    with pytest.raises(SnapshotError, match=message):
        verify_zip(forged)


def test_link_entries_are_rejected(synthetic_snapshot, tmp_path):
    info = zipfile.ZipInfo(f"{synthetic_snapshot.root.name}/lien-ket.html")
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    forged = _forge(synthetic_snapshot.zip, tmp_path / "forged.zip", [(info, b"../../etc/passwd")])
    with pytest.raises(SnapshotError, match="liên kết"):
        verify_zip(forged)


def test_the_zips_sha256_is_written_beside_it_and_checked(synthetic_snapshot, tmp_path):
    copy = tmp_path / synthetic_snapshot.zip.name
    shutil.copy(synthetic_snapshot.zip, copy)
    digest = write_checksum(copy)
    assert checksum_path(copy).read_text(encoding="ascii") == f"{digest}  {copy.name}\n"
    assert subprocess.run(["sha256sum", "-c", checksum_path(copy).name], cwd=tmp_path).returncode == 0
    ok = _verify_cli(str(copy))
    assert ok.returncode == 0 and f"SHA-256: {digest}" in ok.stderr
    # A consistent forgery (page and manifest rewritten together) no longer has the recorded hash.
    with zipfile.ZipFile(copy, "a") as archive:
        archive.comment = b"changed"
    assert sha256_file(copy) != digest
    bad = _verify_cli(str(copy))
    assert bad.returncode == 1 and "KHÔNG khớp với tệp zip" in bad.stderr


def test_signed_manifest_verifies_with_the_right_key_only(synthetic_snapshot, tmp_path, keys):
    copy = tmp_path / synthetic_snapshot.zip.name
    shutil.copy(synthetic_snapshot.zip, copy)
    signature = sign_manifest(copy, keys / "so")
    assert signature.read_text().startswith("-----BEGIN SSH SIGNATURE-----")
    verify_signature(copy, keys / "so.pub")
    assert _verify_cli(str(copy), "--key", str(keys / "so.pub")).returncode == 0
    with pytest.raises(SnapshotError, match="KHÔNG khớp"):
        verify_signature(copy, keys / "other.pub")
    assert _verify_cli(str(copy), "--key", str(keys / "other.pub")).returncode == 1


def test_a_rewritten_manifest_breaks_the_signature(synthetic_snapshot, tmp_path, keys):
    copy = tmp_path / synthetic_snapshot.zip.name
    shutil.copy(synthetic_snapshot.zip, copy)
    signature = sign_manifest(copy, keys / "so")
    forged = _forge(copy, tmp_path / "forged.zip", [],
                    change=lambda n, d: d.replace(b'"year"', b'"year" ') if n.endswith("/manifest.json") else d)
    shutil.copy(signature, forged.with_name(forged.name + ".manifest.sig"))
    with pytest.raises(SnapshotError, match="KHÔNG khớp"):
        verify_signature(forged, keys / "so.pub")


def test_snapshot_command_writes_checksum_and_signature(tmp_path, keys):
    from support.site import run_cli

    proc = run_cli("snapshot", "2023", "--out", str(tmp_path), "--sign", str(keys / "so"))
    assert proc.returncode == 0, proc.stderr
    path = Path(proc.stdout.strip())
    assert checksum_path(path).is_file() and path.with_name(path.name + ".manifest.sig").is_file()
    assert f"SHA-256: {sha256_file(path)}" in proc.stderr
    assert run_cli("verify", str(path), "--key", str(keys / "so.pub")).returncode == 0

