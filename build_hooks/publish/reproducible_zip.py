"""The one zip writer: the same input gives the same bytes.

The open-data archive, the workbook and snapshots are all compared by hash
(the manifest, the Sở's transfer letter, tests), so every zip we write has its
entries in a fixed order, one fixed date, Unix regular-file permissions and one compression
level, whatever the machine, its clock or its umask.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterable

EARLIEST = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can carry, used when no date is asked for."""


def zip_bytes(members: Iterable[tuple[str, bytes]], date_time: tuple[int, ...] = EARLIEST) -> bytes:
    """A zip of ``(name, content)`` members in the order given, each dated ``date_time``, mode 0644.

    The order is the caller's: sorted for archives, the original order for an .xlsx rewritten in place.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=date_time[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are read the same everywhere
            info.external_attr = 0o100644 << 16
            archive.writestr(info, content, compresslevel=9)
    return buffer.getvalue()
