"""The MkDocs adapter: the only module that imports MkDocs.

It translates MkDocs events into calls to the pure core and back:

* ``on_config``: load and check ``submissions/``; stop the build with every
  located problem if any is an error (before the site directory is touched);
  put the generated pages into the navigation.
* ``on_files``: add the generated pages as virtual files (``File.generated``);
  nothing is written into ``docs/``.
* ``on_serve``: watch the submissions folder when it lies outside the project.

State lives in ``_STATE`` and is reset in ``on_config``, because ``mkdocs serve``
keeps this module loaded between rebuilds.
"""
from __future__ import annotations

import datetime
import logging
import os
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # MkDocs imports hooks by path; make the package importable.
    sys.path.insert(0, str(_ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from build_hooks.corpus import load_corpus  # noqa: E402
from build_hooks.problems import has_errors  # noqa: E402
from build_hooks.site import plan_nav, plan_pages  # noqa: E402

log = logging.getLogger("mkdocs.hooks.report")
_STATE: dict = {}

SUBMISSIONS_ENV = "REPORT_SUBMISSIONS"
"""Environment variable naming another submissions folder (tests, demo, benchmarks)."""

TODAY_ENV = "REPORT_TODAY"
"""Environment variable fixing the build date (ISO ``yyyy-mm-dd``) for the date rules; default: today."""


def build_date() -> datetime.date | None:
    value = os.environ.get(TODAY_ENV)
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        raise PluginError(f"{TODAY_ENV}={value!r} không phải ngày yyyy-mm-dd.") from None


def submissions_dir(config) -> Path:
    root = Path(config.config_file_path).parent
    return Path(os.environ.get(SUBMISSIONS_ENV) or root / "submissions").resolve()


def on_config(config):
    _STATE.clear()
    root = Path(config.config_file_path).parent
    source = submissions_dir(config)
    corpus, problems = load_corpus(source, base=root, today=build_date())
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(p.is_error for p in problems)
    if config.strict and len(problems) > errors:  # strict mode would abort only after writing the site
        raise PluginError(f"{len(problems) - errors} cảnh báo trong dữ liệu báo cáo ({source}) ở chế độ --strict; "
                          "không tạo trang web. Sửa các cảnh báo nêu trên rồi chạy lại.")
    if errors or corpus is None:
        raise PluginError(f"{errors} lỗi trong dữ liệu báo cáo ({source}); không tạo trang web. "
                          "Sửa các lỗi nêu trên rồi chạy lại.")
    _STATE.update(corpus=corpus, source=source)
    config.nav = plan_nav(corpus, config.nav)
    config.extra["demo"] = any(r.demo for r in corpus.rounds)
    return config


def on_files(files, config):
    for page in plan_pages(_STATE["corpus"]):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} trùng với một trang được tạo tự động; hãy xóa hoặc đổi tên tệp đó.")
        files.append(File.generated(config, page.path, content=page.content))
    return files


def on_serve(server, config, builder):
    source = _STATE.get("source")
    if source is not None:
        server.watch(str(source))
    return server
