"""Which agency sent a letter: the registry's header lines, joined across lines, and the code in the number."""
from __future__ import annotations

import pytest

from build_hooks.importer.agency import number_codes, recognise
from build_hooks.importer.frame import Frame
from build_hooks.load.registry import parse_registry
from build_hooks.settings import ROOT

REGISTRY, _ = parse_registry((ROOT / "submissions" / "agencies.yml").read_text(encoding="utf-8"), "agencies.yml")


@pytest.mark.parametrize(("issuer", "number", "agency", "how"), [
    (("UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG"), "1234/SXD-QLXD", "so-xay-dung", "tiêu đề và mã số"),
    (("ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"), "/BC-UBND", "ubnd-binh-son", "tiêu đề và mã số"),  # a shared code
    (("ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH"), "", "ubnd-son-tinh", "tiêu đề"),  # no number at all
    (("UBND TỈNH QUẢNG NGÃI", "BAN DÂN TỘC"), "/BDT-CSDT", "ban-dan-toc", "tiêu đề và mã số"),
    (("UBND TỈNH QUẢNG NGÃI", "SỞ XD"), "17/SXD-VP", "so-xay-dung", "mã số"),  # an abbreviated header
])
def test_the_issuer_is_recognised(issuer, number, agency, how):
    found = recognise(Frame(issuer=issuer, number=number), REGISTRY)
    assert (found.agency, found.how) == (agency, how)


def test_a_shared_code_without_a_header_decides_nothing_and_names_the_closest():
    found = recognise(Frame(issuer=("ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠM"), number="/BC-UBND"), REGISTRY)
    assert found.agency is None
    assert found.closest[0] == "ubnd-binh-son"


def test_number_codes():
    assert number_codes("1234/SXD-QLXD") == {"SXD", "QLXD"}
    assert number_codes("/BC-UBND") == {"BC", "UBND"}
    assert number_codes("") == set()
