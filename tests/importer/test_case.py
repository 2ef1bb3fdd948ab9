"""Printed capitals read in the case of the outline."""
from __future__ import annotations

from build_hooks.importer.case import name, position


def test_printed_capitals_become_the_formats_case():
    assert position("KT. TRƯỞNG BAN") == "KT. Trưởng ban"
    assert position("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert position("TM. ỦY BAN NHÂN DÂN") == "TM. Ủy ban nhân dân"
    assert position("TM. UBND TỈNH QUẢNG NGÃI") == "TM. UBND tỉnh Quảng Ngãi"
    assert position("Phó Giám đốc") == "Phó Giám đốc"
    assert name("NGUYỄN THẾ NHÂN") == "Nguyễn Thế Nhân"

