"""What a reviewer may type into a cell, by the column's value kind.

Counts are whole numbers >= 0; 2019 本年增/减 may be negative; amounts (fees, purchase
sums) may have decimals. Full-width digits, signs and points are read as their ASCII
forms; thousands separators are allowed. An empty cell (or "/") is blank, not zero.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..schema import ValueKind
from .i18n import translate

ACCEPTABLE, INTERMEDIATE, INVALID = "acceptable", "intermediate", "invalid"
BLANK_MARKS = frozenset({"", "/", "—", "——", "无"})
MAX_DIGITS = 12  # larger figures are typing slips, not report values
MAX_DECIMALS = 4

_FULL = re.compile(r"^(?P<sign>[-+]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d*))?$")
_PARTIAL = re.compile(r"^[-+]?[\d,]*\.?\d*$")


@dataclass(frozen=True)
class Parsed:
    ok: bool
    value: int | float | None = None
    error: str = ""  # Chinese, for the status bar


def normalize_input(text: str) -> str:
    """NFKC (full-width digits, signs, points, commas), no spaces; 。 typed for a point."""
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return t.replace("。", ".").replace("−", "-")


def kind_hint(kind: ValueKind) -> str:
    if kind == ValueKind.AMOUNT:
        return translate("CellInput", "此格填写金额，可含小数，不能为负数。")
    if kind == ValueKind.SIGNED_COUNT:
        return translate("CellInput", "此格填写整数，可为负数。")
    return translate("CellInput", "此格只能填写不小于 0 的整数。")


def _not_number(text: str, kind: ValueKind) -> str:
    return translate("CellInput", "“%1”不是数字。").replace("%1", text) + kind_hint(kind)


def _negative(kind: ValueKind) -> str:
    return translate("CellInput", "此格不能为负数。") + kind_hint(kind)


def _decimal(kind: ValueKind) -> str:
    return translate("CellInput", "此格不能有小数。") + kind_hint(kind)


def _too_large() -> str:
    return translate("CellInput", "数值过大（超过 %1 位）。").replace("%1", str(MAX_DIGITS))


def _too_many_decimals() -> str:
    return translate("CellInput", "小数位数过多（最多 %1 位）。").replace("%1", str(MAX_DECIMALS))


def parse_input(text: str, kind: ValueKind) -> Parsed:
    """The value a finished entry stands for, or why it is refused."""
    t = normalize_input(text)
    if t in BLANK_MARKS:
        return Parsed(True, None)
    m = _FULL.match(t)
    if not m:
        return Parsed(False, error=_not_number(text.strip(), kind))
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    negative = m.group("sign") == "-"
    if len(digits.lstrip("0")) > MAX_DIGITS:
        return Parsed(False, error=_too_large())
    if negative and kind != ValueKind.SIGNED_COUNT:
        return Parsed(False, error=_negative(kind))
    if frac:
        if kind != ValueKind.AMOUNT:
            return Parsed(False, error=_decimal(kind))
        if len(frac) > MAX_DECIMALS:
            return Parsed(False, error=_too_many_decimals())
        value: int | float = float(f"{digits}.{frac}")
        if value.is_integer():
            value = int(value)
    else:
        value = int(digits)
    if negative:
        value = -value
    return Parsed(True, value)


def input_state(text: str, kind: ValueKind) -> tuple[str, str]:
    """For a validator while typing: (ACCEPTABLE | INTERMEDIATE | INVALID, message if invalid)."""
    t = normalize_input(text)
    if t in BLANK_MARKS:
        return ACCEPTABLE, ""
    if not _PARTIAL.match(t):
        return INVALID, translate("CellInput", "不能输入“%1”。").replace("%1", _offending(t)) + kind_hint(kind)
    if t[0] == "-" and kind != ValueKind.SIGNED_COUNT:
        return INVALID, _negative(kind)
    if "." in t and kind != ValueKind.AMOUNT:
        return INVALID, _decimal(kind)
    digits = t.lstrip("+-").split(".")[0].replace(",", "").lstrip("0")
    if len(digits) > MAX_DIGITS:
        return INVALID, _too_large()
    if "." in t and len(t.split(".", 1)[1]) > MAX_DECIMALS:
        return INVALID, _too_many_decimals()
    return (ACCEPTABLE if parse_input(t, kind).ok else INTERMEDIATE), ""


def _offending(t: str) -> str:
    for ch in t:
        if not (ch.isdigit() or ch in "-+.,"):
            return ch
    return t
