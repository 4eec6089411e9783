"""Writing single cells safely: text never becomes a formula, numbers stay numbers.

openpyxl turns any string that starts with "=" into a formula, and Excel re-evaluates a
text cell starting with = + - @ when someone edits it; a report's agency name or a
message must never do either. Characters XML cannot hold are dropped from visible text.
"""
from __future__ import annotations

import re

# Leading characters spreadsheet programs read as the start of a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text without characters an .xlsx file cannot contain (form feeds from PDFs, lone surrogates)."""
    return _ILLEGAL_XML.sub("", text)


def inert_text(text: str) -> str:
    """Text a spreadsheet opening a CSV shows as text: a leading formula character gets a quote
    before it (OWASP's neutralization), as the .xlsx export's quote prefix does in a workbook."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def put_text(cell, text: str) -> None:
    """Store `text` as a string cell; a formula-looking one gets Excel's quote prefix."""
    text = clean_text(text)
    cell.value = text
    cell.data_type = "s"  # openpyxl made it "f" if it starts with "="
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def put_value(cell, value) -> None:
    """A number as a number, None as an empty cell, anything else as safe text."""
    if value is None:
        cell.value = None
    elif isinstance(value, bool):  # bool is an int subclass; never a table value
        put_text(cell, str(value))
    elif isinstance(value, (int, float)):
        cell.value = value
    else:
        put_text(cell, str(value))
