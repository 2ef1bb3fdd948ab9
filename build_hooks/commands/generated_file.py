"""Files generated from the data and committed (CODEOWNERS, the JSON Schema): write them, or check they are current."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.settings import ROOT


def write_or_compare(path: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``path`` if it differs; with ``check``, only report the difference (exit status 1)."""
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if check:
        if current != text:
            print(f"{path.relative_to(ROOT)} khác với bản được tạo; chạy lại lệnh không có --check.", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Đã ghi {path.relative_to(ROOT)}", file=sys.stderr)
    return 0
