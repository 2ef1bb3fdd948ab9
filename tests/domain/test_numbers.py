"""Vietnamese numbers: parsing and formatting give each other back."""
from hypothesis import given
from hypothesis import strategies as st

from build_hooks.domain.numbers import (
    format_number,
    format_quantity,
    parse_number,
    parse_quantity,
)


def test_decimal_comma_and_thousands_dot_round_trip():
    assert parse_number("1.234,5") == 1234.5
    assert format_number(1234.5) == "1.234,5"
    assert parse_number("9,5") == 9.5
    assert format_number(9.5) == "9,5"


def test_ambiguous_dot_with_three_digits_is_thousands():
    # Vietnamese documents never write a decimal point; "1.234" is one thousand two hundred and thirty-four.
    assert parse_number("1.234") == 1234
    assert format_number(1234) == "1.234"
    assert parse_number("1.234.567") == 1234567
    # A dot followed by other than three digits can only be a decimal point.
    assert parse_number("9.5") == 9.5
    assert parse_number("1,234.5") is None  # English grouping is not guessed


def test_float_noise_is_not_shown():
    assert format_number(0.1 + 0.2) == "0,3"
    assert format_number(-0.0001) == "0"


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=3))
def test_parse_of_format_is_identity(whole, decimals):
    x = whole / 10 ** decimals
    assert parse_number(format_number(x)) == x


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=999))
def test_format_of_canonical_text_is_identity(whole, frac):
    grouped = f"{whole:,}".replace(",", ".")
    text = grouped + (f",{frac:03d}".rstrip("0") if frac else "")
    assert format_number(parse_number(text)) == text


def test_quantities_round_trip_through_their_display():
    for text in ("8 - 9", "6,5 - 7", "> 63", "≥ 1.234,5", "92", "Đang xây dựng đề án"):
        q = parse_quantity(text)
        again = parse_quantity(format_quantity(q))
        assert (again.kind, again.low, again.high, again.op) == (q.kind, q.low, q.high, q.op)


# --- Vietnamese numbers ---------------------------------------------------------------------------

def test_vietnamese_numbers():
    assert parse_number("9,5") == 9.5
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1.234") == 1234
    assert parse_number("abc") is None
    assert format_number(1234.5) == "1.234,5" and format_number(9.5) == "9,5"
    assert parse_quantity("8 - 9").kind == "range" and parse_quantity("> 63").op == ">"

