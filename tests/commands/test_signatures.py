"""PAdES signatures of a kept original, with a certificate chain made at test time: the signer, the signing
time and the integrity on the letter page and in ``check``; a file altered after signing is an error; trust
only against the roots the Sở configures (``trust-roots/`` beside ``submissions/``)."""
from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from importer import letters
from importer.support import import_letter

from support.site import BUILD_TODAY, build_site, run_cli, submission_tree

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
SIGNER, ORG = "Nguyễn Văn An", "Sở Xây dựng tỉnh Quảng Ngãi"


def _name(cn, org):
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def _certificate(subject, issuer, public_key, issuer_key, ca: bool):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    now = datetime.datetime.now(datetime.timezone.utc)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                          encipher_only=False, decipher_only=False)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(usage, critical=True).sign(issuer_key, hashes.SHA256()))


def _root(cn):
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1())
    return _certificate(_name(cn, "Ban Cơ yếu (thử)"), _name(cn, "Ban Cơ yếu (thử)"), key.public_key(), key, True), key


def _sign(pdf: bytes, root, root_key) -> bytes:
    import io

    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(_name(SIGNER, ORG), root.subject, key.public_key(), root_key, False)
    der = serialization.Encoding.DER
    signer = signers.SimpleSigner(
        signing_cert=x509.Certificate.load(cert.public_bytes(der)),
        signing_key=keys.PrivateKeyInfo.load(key.private_bytes(der, serialization.PrivateFormat.PKCS8,
                                                                serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([x509.Certificate.load(root.public_bytes(der))]))
    from build_hooks.corpus.signatures import outside_event_loop

    out = outside_event_loop(lambda: signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                                                      signers.PdfSignatureMetadata(field_name="Sig1"), signer=signer))
    return out.getvalue()


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A LibreOffice PDF of a letter signed by a certificate of a root made here, the same file with one
    byte changed inside the signed range, the root, and another root that signed nothing."""
    from cryptography.hazmat.primitives import serialization
    folder = tmp_path_factory.mktemp("signed")
    letters.cong_van(folder / "cong-van.docx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "cong-van.docx")], check=True, capture_output=True,
                   timeout=180)
    root, root_key = _root("Root CA thử")
    data = _sign((folder / "cong-van.pdf").read_bytes(), root, root_key)
    altered = bytearray(data)
    at = altered.index(b"stream", 1000) + 200  # inside the first content stream: covered by the signature
    altered[at] ^= 1
    pem = serialization.Encoding.PEM
    return {"signed": data, "altered": bytes(altered), "root": root.public_bytes(pem),
            "other": _root("Root khác")[0].public_bytes(pem)}


def _import(tmp_path, data: bytes, roots: dict | None = None):
    tree = submission_tree(tmp_path / "submissions", {})
    (tmp_path / "cong-van.pdf").write_bytes(data)
    if roots:
        (tmp_path / "trust-roots").mkdir()
        for name, pem in roots.items():
            (tmp_path / "trust-roots" / name).write_bytes(pem)
    import_letter(tmp_path / "cong-van.pdf", "so-xay-dung", tree)
    assert (tree / "2023" / "originals" / "so-xay-dung.pdf").read_bytes() == data
    return tree, run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY)


def test_a_signed_pdf_shows_its_signer_time_and_integrity_and_unknown_trust_without_roots(tmp_path, signed):
    _, proc = _import(tmp_path, signed["signed"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = next(x for x in proc.stderr.splitlines() if SIGNER in x)
    assert ORG in line and "ký lúc 20" in line and "nội dung không đổi từ khi ký" in line
    assert "chưa xác minh được nguồn gốc chứng thư" in line and "tin cậy" not in line


def test_trust_is_shown_against_the_configured_roots_only(tmp_path, signed):
    _, proc = _import(tmp_path / "a", signed["signed"], {"root.pem": signed["root"]})
    assert "chứng thư thuộc chuỗi tin cậy do Sở cấu hình" in proc.stderr
    _, proc = _import(tmp_path / "b", signed["signed"], {"other.pem": signed["other"]})
    assert proc.returncode == 0 and "chứng thư KHÔNG thuộc chuỗi tin cậy do Sở cấu hình" in proc.stderr


def test_the_same_file_altered_after_signing_is_an_error(tmp_path, signed):
    _, proc = _import(tmp_path, signed["altered"], {"root.pem": signed["root"]})
    assert proc.returncode == 1
    assert "[signature-broken]" in proc.stdout and f"Chữ ký số của {SIGNER} ({ORG}) không còn nguyên vẹn" in proc.stdout


def test_the_letter_page_shows_each_signature(tmp_path, signed):
    tree, _ = _import(tmp_path, signed["signed"])
    build = build_site(tree, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((tmp_path / "site" / "2023" / "co-quan" / "so-xay-dung" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    item = page.select_one(".cv-signatures li").get_text()
    assert SIGNER in item and "nội dung không đổi từ khi ký" in item and "chưa xác minh được nguồn gốc" in item


def test_signatures_are_read_inside_a_running_event_loop():
    """A browser driver (Playwright's sync API) keeps an asyncio loop running in the test process; pyHanko's
    synchronous calls must still work there."""
    import asyncio
    import threading

    from build_hooks.corpus.signatures import outside_event_loop

    async def inside() -> int:
        return outside_event_loop(lambda: asyncio.run(asyncio.sleep(0, result=7)))

    result = {}
    thread = threading.Thread(target=lambda: result.update(value=asyncio.run(inside())))  # a thread of its own:
    thread.start()  # this one may already run the browser driver's loop
    thread.join()
    assert result == {"value": 7}
