"""The PAdES signatures of a kept original PDF: who signed, when, whether the bytes are unchanged since,
and whether the certificate chains to a root the Sở trusts.

Validation is offline (pyHanko, ``allow_fetching=False``; no revocation check). Trust comes only from
the roots the Sở installs in ``trust-roots/`` beside ``submissions/`` (PEM or DER, ``.pem``, ``.crt``,
``.cer``, ``.der``; a maintainer's change, as the guard treats any file outside the letters): never from
the system's store. Without a root, trust is unknown and shown as "chưa xác minh được nguồn gốc chứng
thư", never as valid. A signature whose bytes changed is an error (``signature-broken``).
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path

from build_hooks.cache import cached_bytes, package_key
from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import Signature
from build_hooks.domain.problems import Problem

TRUST_ROOTS_DIR = "trust-roots"
"""Beside ``submissions/``: the root certificates the Sở trusts (the government CA's, installed by the Sở)."""
ROOT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
SIGNATURE_CACHE = "signatures"


def trust_roots(submissions: Path) -> tuple[bytes, ...]:
    """The configured roots' bytes, in name order (empty when the folder is absent)."""
    folder = submissions.parent / TRUST_ROOTS_DIR
    if not folder.is_dir():
        return ()
    return tuple(p.read_bytes() for p in sorted(folder.iterdir())
                 if p.is_file() and not p.is_symlink() and p.suffix.lower() in ROOT_SUFFIXES)


def _when(moment: datetime.datetime | None) -> str:
    return moment.astimezone(datetime.timezone.utc).isoformat() if moment is not None else ""


@lru_cache(maxsize=1024)
def _validate(path: str, sha256: str, roots: tuple[bytes, ...]) -> tuple[tuple[Signature, ...], str]:
    """(signatures, reason the file could not be read), kept on disk by the file's hash, the roots, our code
    and pyHanko's version (pyHanko alone takes a second to import)."""
    key = "\0".join(("signatures", package_key(("pyhanko", "pyhanko-certvalidator")), sha256,
                     *(hashlib.sha256(r).hexdigest() for r in roots)))
    stored = json.loads(cached_bytes(SIGNATURE_CACHE, key, lambda: json.dumps(_encode(_validate_now(path, roots)))
                                     .encode()))
    return tuple(Signature(**s) for s in stored["signatures"]), stored["reason"]


def _encode(result: tuple[tuple[Signature, ...], str]) -> dict:
    return {"signatures": [dataclasses.asdict(s) for s in result[0]], "reason": result[1]}


def outside_event_loop(call):
    """``call()``, in a thread of its own when this one runs an asyncio loop.

    pyHanko's synchronous API runs its coroutines with ``asyncio.run``, which refuses to start inside a
    running loop (a host that embeds the build in an async program, or a browser driver in the same
    process): the signature would then go unread."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()


def _validate_now(path: str, roots: tuple[bytes, ...]) -> tuple[tuple[Signature, ...], str]:
    """(signatures, reason the file could not be read), validated now.

    pyHanko is imported here, not at the top: it costs a second, and only a signed original needs it."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    quiet = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [log.level for log in quiet]
    for log in quiet:  # pyHanko logs a traceback for every certificate it cannot chain: the result says it
        log.setLevel(logging.CRITICAL + 1)
    try:
        return outside_event_loop(lambda: _read(path, roots, PdfFileReader, validate_pdf_signature,
                                                ValidationContext))
    finally:
        for log, level in zip(quiet, levels, strict=True):
            log.setLevel(level)


def _read(path: str, roots: tuple[bytes, ...], PdfFileReader, validate_pdf_signature, ValidationContext
          ) -> tuple[tuple[Signature, ...], str]:
    try:
        certs = [_certificate(data) for data in roots]
        with open(path, "rb") as f:
            reader = PdfFileReader(f, strict=False)
            if reader.encrypted:
                return (), "encrypted"
            out = []
            for sig in reader.embedded_signatures:
                status = validate_pdf_signature(sig, ValidationContext(trust_roots=certs, allow_fetching=False))
                subject = status.signing_cert.subject.native
                when = status.signer_reported_dt or sig.self_reported_timestamp
                out.append(Signature(str(subject.get("common_name", "")), str(subject.get("organization_name", "")),
                                     _when(when), bool(status.intact and status.valid),
                                     bool(status.trusted) if certs else None))
            return tuple(out), ""
    except Exception as exc:  # a hostile or damaged PDF must never stop the check
        return (), type(exc).__name__


def _certificate(data: bytes):
    from asn1crypto import pem, x509

    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return x509.Certificate.load(data)


def signatures_of(path: Path, sha256: str, shown: str, roots: tuple[bytes, ...]
                  ) -> tuple[tuple[Signature, ...], list[Problem]]:
    """The PDF's signatures and a ``signature-broken`` error for each whose bytes changed since signing."""
    if b"/ByteRange" not in path.read_bytes():  # no signature dictionary: skip pyHanko's start-up
        return (), []
    signatures, reason = _validate(str(path), sha256, roots)
    problems = [finding("signature-broken", shown, 1, 1,
                        who=(s.signer or "?") + (f" ({s.organisation})" if s.organisation else ""))
                for s in signatures if not s.intact]
    if reason:
        problems.append(finding("signature-broken", shown, 1, 1, "unreadable", reason=reason))
    return signatures, problems


def describe(signature: Signature) -> str:
    """One signature in Vietnamese, as the letter page and ``check`` show it."""
    who = signature.signer + (f" ({signature.organisation})" if signature.organisation else "")
    when = f"ký lúc {signature.signed_at}" if signature.signed_at else "không ghi thời điểm ký"
    intact = ("nội dung không đổi từ khi ký" if signature.intact
              else "LỖI: nội dung đã bị sửa sau khi ký, chữ ký không còn giá trị")
    trust = {True: "chứng thư thuộc chuỗi tin cậy do Sở cấu hình",
             False: "chứng thư KHÔNG thuộc chuỗi tin cậy do Sở cấu hình",
             None: "chưa xác minh được nguồn gốc chứng thư"}[signature.trusted]
    return f"{who}, {when}; {intact}; {trust}"
