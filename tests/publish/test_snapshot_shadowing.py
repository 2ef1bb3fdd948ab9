"""Issue 9, break 7: a snapshot that cannot be shadowed, a recorded SHA-256, and a signed manifest."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from build_hooks.publish.snapshot import (
    SnapshotError,
    checksum_path,
    sha256_file,
    sign_manifest,
    verify_signature,
    verify_zip,
    write_checksum,
)
from build_hooks.settings import ROOT


def _verify_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_hooks", "verify", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def _forge(source: Path, target: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]], change=None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, change(info.filename, data) if change else data)
        for info, data in extra:
            new.writestr(info, data)
    return target


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


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    for name in ("so", "other"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
                       check=True)
    return folder


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
