"""How a value is written for a reviewer: in finding messages, on the terminal and in the grid.

One rule everywhere:

- Blank (None) is never written as 0. It becomes `blank`, which the caller chooses for its
  place: the grid leaves the cell empty (""), a message says 空白, the terminal （空）.
- Whole numbers are written as digits, also when they arrive as floats: 3.0 -> "3".
- Other numbers (amounts such as 万元) get at most DECIMALS decimals, trailing zeros dropped,
  never an exponent: 0.1 + 0.2 -> "0.3", 1234567.5 -> "1234567.5", 2.50 -> "2.5". Sums of
  floats carry noise far below that; no figure of a report has more decimals.
- No thousands separators: none of the places that show numbers used them, and the reviewer
  compares the figures with the report's text digit by digit.
"""
from __future__ import annotations

DECIMALS = 6


def format_number(value: int | float | None, blank: str = "") -> str:
    """`value` written as the rule above says; `blank` for None."""
    if value is None:
        return blank
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(value)
