"""Under the README's serve command (``mkdocs serve --dirty``) every served page equals a clean build's.

The rebuilds are partial (``site.incremental``, ``plan_letters_first``, the downloads
written by a background process), so this runs a real server and puts it through a
sequence of edits: change a letter, add one, rename one, delete one, change the round
file. After each edit it waits for the change to show; at the end it builds the same
tree from scratch and compares every page, the search index and every download.
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest

from build_hooks.dev.preview import fetch, serving, wait_for
from build_hooks.dev.synthetic import write_round
from build_hooks.pages import paths
from build_hooks.settings import PDF_ENV, TODAY_ENV
from support.site import BUILD_TODAY, build_site

ENV = {PDF_ENV: "0", TODAY_ENV: BUILD_TODAY}
"""No PDF: laying it out would only slow the test; the DOCX goes through the same background writer."""

_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
"""``mkdocs serve`` sets the site's address to its own, which pages name in this link."""


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _letter(root, year, agency_id):
    return root / str(year) / f"{agency_id}.md"


@pytest.mark.parametrize("agencies", [6, 64], ids=["letters-in-nav", "letters-out-of-nav"])
def test_served_site_equals_a_clean_build_after_every_kind_of_edit(tmp_path, agencies):
    root = tmp_path / "submissions"
    written = write_round(root, agencies, seed=agencies)
    year = 2023
    answered = sorted(p.stem for p in (root / str(year)).glob("*.md"))
    silent = [a for a in written["agencies"] if a not in answered]
    edited, renamed, deleted = answered[1], answered[2], answered[3]
    letter_url = lambda base, agency: base + paths.page_url(paths.agency(year, agency))  # noqa: E731

    (tmp_path / "tmp").mkdir()
    env = dict(ENV, TMPDIR=str(tmp_path / "tmp"))
    with serving(root, tmp_path / "cache", env=env, log=tmp_path / "serve.log") as base:
        # 1. change a letter's text: its page first, then the report
        path = _letter(root, year, edited)
        path.write_text(path.read_text(encoding="utf-8").replace("đoạn 0:", "đoạn 0: sửa-lần-một", 1),
                        encoding="utf-8")
        wait_for(letter_url(base, edited), lambda body: "sửa-lần-một" in body, timeout=60)
        wait_for(base + paths.page_url(paths.report(year)), lambda body: "sửa-lần-một" in body, timeout=60)

        # 2. add a letter from an agency that had not answered
        new = silent[0]
        text = _letter(root, year, answered[0]).read_text(encoding="utf-8")
        _letter(root, year, new).write_text(text.replace(f"agency: {answered[0]}", f"agency: {new}")
                                            .replace("Mở đầu", "Mở đầu thư-mới", 1), encoding="utf-8")
        wait_for(letter_url(base, new), lambda body: "thư-mới" in body, timeout=60)

        # 3. rename a letter (a misfiled letter moved to its agency's name)
        target = silent[1] if len(silent) > 1 else answered[4]
        if target == answered[4]:
            _letter(root, year, target).unlink()
        text = _letter(root, year, renamed).read_text(encoding="utf-8")
        _letter(root, year, renamed).unlink()
        _letter(root, year, target).write_text(text.replace(f"agency: {renamed}", f"agency: {target}"),
                                               encoding="utf-8")
        wait_for(letter_url(base, target), lambda body: "Mở đầu" in body, timeout=60)
        deadline = time.monotonic() + 60
        while _status(letter_url(base, renamed)) != 404 and time.monotonic() < deadline:
            time.sleep(0.1)

        # 4. delete a letter
        _letter(root, year, deleted).unlink()
        deadline = time.monotonic() + 60
        while _status(letter_url(base, deleted)) != 404 and time.monotonic() < deadline:
            time.sleep(0.1)

        # 5. change the round file: every page's shape may change
        round_file = root / str(year) / "round.yml"
        round_file.write_text(round_file.read_text(encoding="utf-8")
                              .replace("Báo cáo minh họa năm", "Báo cáo minh họa (đã sửa) năm"), encoding="utf-8")
        wait_for(base + paths.page_url(paths.report(year)), lambda body: "(đã sửa)" in body, timeout=60)

        # then the clean build of the same tree, and the served folder once the server settles
        clean = build_site(root, tmp_path / "clean", strict=False, env=ENV)
        assert clean.returncode == 0, clean.output
        (served,) = (tmp_path / "tmp").glob("mkdocs_*")  # the folder `mkdocs serve` serves from

        deadline = time.monotonic() + 90
        while (wrong := _differences(clean.site, served)) and time.monotonic() < deadline:
            time.sleep(0.5)  # the second build and the downloads follow the first
        assert wrong == [], (wrong, (tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:])
        for gone in (renamed, deleted):
            assert _status(letter_url(base, gone)) == 404
        assert "sửa-lần-một" in fetch(letter_url(base, edited))


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def _differences(clean, served) -> list[str]:
    """Files missing, extra or different in ``served``; pages compared without the serve-only canonical link."""
    want, got = _files(clean), _files(served)
    wrong = sorted(set(want) ^ set(got))
    for rel in set(want) & set(got):
        if rel.endswith(".html"):
            same = _page_lines(want[rel]) == _page_lines(got[rel])
        elif rel == "search/search_index.json":
            same = json.loads(want[rel]) == json.loads(got[rel])
        elif rel.startswith("sitemap.xml"):
            same = True  # it names the server's own address
        else:
            same = want[rel] == got[rel]
        if not same:
            wrong.append(rel)
    return wrong


def _page_lines(html: bytes) -> list[str]:
    text = _CANONICAL.sub("", html.decode("utf-8"))
    return [line for line in text.splitlines() if line.strip()]


def test_the_serve_commands_are_the_incremental_one():
    from build_hooks.dev.preview import SERVE
    from build_hooks.settings import ROOT

    assert "$(BIN)/" + " ".join(SERVE) in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '"serve", "--dirty"' in (ROOT / "build_hooks" / "commands" / "demo.py").read_text(encoding="utf-8")
