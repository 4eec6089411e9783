"""One number formatter for messages, the terminal and the grid (gkdesk.numbers)."""
from gkdesk.numbers import format_number


def test_blank_is_the_callers_mark_and_never_zero():
    assert format_number(None) == ""
    assert format_number(None, blank="空白") == "空白"
    assert format_number(0) == "0"
    assert format_number(0.0, blank="空白") == "0"


def test_whole_numbers_are_digits_whatever_their_type():
    assert [format_number(v) for v in (0, 7, 1286, -3, 2.0, -4.0, 1e7, 123456789012)] == [
        "0", "7", "1286", "-3", "2", "-4", "10000000", "123456789012"
    ]


def test_amounts_keep_their_decimals_without_float_noise_or_exponent():
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(0.35) == "0.35"
    assert format_number(2.50) == "2.5"
    assert format_number(1234567.5) == "1234567.5"  # %g wrote 1.23457e+06
    assert format_number(1e7 + 0.5) == "10000000.5"
    assert format_number(12.345678) == "12.345678"  # %g dropped digits: 12.3457
    assert format_number(0.0001) == "0.0001"
    assert format_number(-2.75) == "-2.75"


def test_noise_around_zero_is_zero_not_minus_zero():
    assert format_number(-1e-12) == "0"
    assert format_number(0.1 + 0.2 - 0.3) == "0"


def test_no_thousands_separators():
    assert format_number(1234567) == "1234567"
    assert format_number(1234.5) == "1234.5"


def test_every_place_that_shows_numbers_uses_it():
    """The checks' messages, `gkdesk extract` and the grid all write 1234567.5 the same way."""
    from gkdesk.messages import render
    from gkdesk.textview import _fmt

    assert render(1234567.5) == _fmt(1234567.5) == format_number(1234567.5) == "1234567.5"
    assert render(None) == "空白" and _fmt(None) == "（空）"
