"""Numbers as narrative text writes them: 42, 1,123, 一, 两, 十二, 二十三, 一百零五, 两千."""
from __future__ import annotations

from ..limits import MAX_NUMBER_DIGITS

# A regex fragment matching one written number (Arabic with optional thousands
# separators, or Chinese numerals). Text is NFKC-normalized first, so digits are ASCII.
NUMBER_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|[零〇一二两三四五六七八九十百千万]+)"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(text: str) -> int | None:
    """The value of a Chinese numeral (一百零五 -> 105), or None if it is not well formed."""
    if not text:
        return None
    total = 0  # completed 万 groups
    section = 0  # the part below 万
    digit: int | None = None
    last_unit = 10_000  # units must fall within a section (千 before 百 before 十)
    for ch in text:
        if ch in _DIGITS:
            if _DIGITS[ch] == 0:
                continue  # 零 only holds a place (一百零五)
            if digit is not None:
                return None  # two digits in a row (二三) is not one number
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        elif ch == "万":
            section += digit or 0
            if section == 0 or total:
                return None
            total = section * 10_000
            section, digit, last_unit = 0, None, 10_000
        else:
            return None
    return total + section + (digit or 0)


# A number with decimals (fees: 0.35万元), or Arabic digits scaled by 万 (1.2万件).
DECIMAL_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?万?|[零〇一二两三四五六七八九十百千万]+)"


def parse_number(text: str) -> int | float | None:
    """A number matched by DECIMAL_PATTERN (1,123 / 0.35 / 1.2万 / 一百零五), else None."""
    if not text:
        return None
    if not text[0].isdigit():
        return chinese_to_int(text)
    scale = 1
    if text.endswith("万"):
        text, scale = text[:-1], 10_000
    digits = text.replace(",", "")
    if len(digits) > MAX_NUMBER_DIGITS + 4:
        return None
    value = float(digits) * scale if "." in digits else int(digits) * scale
    return int(value) if isinstance(value, float) and value.is_integer() and scale > 1 else value


def parse_count(text: str) -> int | None:
    """A number matched by NUMBER_PATTERN as an int (None if malformed)."""
    if not text:
        return None
    if text[0].isdigit():
        digits = text.replace(",", "")
        return int(digits) if len(digits) <= MAX_NUMBER_DIGITS else None  # no report figure is longer
    return chinese_to_int(text)
