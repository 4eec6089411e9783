"""Word's automatic numbering (一、 （一） 1.) written out, as the reader of the document sees it.

Headings such as 一、总体情况 are often list paragraphs whose number is not in the text at
all but in numbering.xml; without it the section finder would see bare headings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_CN_DIGITS = "零一二三四五六七八九"
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_PERIOD = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return _CN_DIGITS[0] if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    out = ""
    units = ((1000, "千"), (100, "百"), (10, "十"))
    rest = n
    zero_pending = False
    for value, unit in units:
        digit, rest = divmod(rest, value)
        if digit:
            if zero_pending:
                out += "零"
                zero_pending = False
            out += ("" if (unit == "十" and digit == 1 and not out) else _CN_DIGITS[digit]) + unit
        elif out:
            zero_pending = True
    if rest:
        if zero_pending:
            out += "零"
        out += _CN_DIGITS[rest]
    return out


def _letters(n: int, upper: bool) -> str:
    base = ord("A" if upper else "a")
    n = max(n, 1)
    count = (n - 1) // 26 + 1
    return chr(base + (n - 1) % 26) * count


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def _from_table(chars: str, n: int) -> str:
    return chars[n - 1] if 0 < n <= len(chars) else str(n)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_number(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n, True)
    if fmt == "lowerLetter":
        return _letters(n, False)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _from_table(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _from_table(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _from_table(_PERIOD, n)
    if fmt == "ideographTraditional":
        return _from_table(_IDEOGRAPH_TRADITIONAL, n)
    if fmt == "ideographZodiac":
        return _from_table(_ZODIAC, n)
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab, space, nothing
    legal: bool = False  # isLgl: every counter in decimal


@dataclass
class Numbering:
    """numbering.xml: levels per list instance, and counters as paragraphs are read in order."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number text of the next paragraph in list `num_id` at level `ilvl`."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level restarts the levels below it
        if level.fmt == "bullet":
            return ""  # bullet glyphs come from symbol fonts; they carry no number
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lvl = levels.get(k, Level())
                n = counts.get(k, lvl.start)
                fmt = "decimal" if level.legal and k != ilvl else lvl.fmt
                text = text.replace(token, format_number(n, fmt))
        if not text:
            return ""
        return text + ("" if level.suffix == "nothing" else " ")


def read_numbering(root, w: str) -> Numbering:
    """Parse numbering.xml (an ElementTree root); `w` is the WordprocessingML namespace in braces."""
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.findall(f"{w}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in an.findall(f"{w}lvl"):
            ilvl = _int(lvl.get(f"{w}ilvl"), 0)
            level = Level()
            start = lvl.find(f"{w}start")
            if start is not None:
                level.start = _int(start.get(f"{w}val"), 1)
            fmt = lvl.find(f"{w}numFmt")
            if fmt is not None:
                level.fmt = fmt.get(f"{w}val") or "decimal"
            text = lvl.find(f"{w}lvlText")
            level.text = (text.get(f"{w}val") or "") if text is not None else ""
            suff = lvl.find(f"{w}suff")
            if suff is not None:
                level.suffix = suff.get(f"{w}val") or "tab"
            level.legal = lvl.find(f"{w}isLgl") is not None
            levels[ilvl] = level
        abstract[an.get(f"{w}abstractNumId") or ""] = levels
    numbering = Numbering()
    for num in root.findall(f"{w}num"):
        ref = num.find(f"{w}abstractNumId")
        if ref is None:
            continue
        base = abstract.get(ref.get(f"{w}val") or "", {})
        levels = {k: Level(v.start, v.fmt, v.text, v.suffix, v.legal) for k, v in base.items()}
        for override in num.findall(f"{w}lvlOverride"):
            ilvl = _int(override.get(f"{w}ilvl"), 0)
            start = override.find(f"{w}startOverride")
            if start is not None and ilvl in levels:
                levels[ilvl].start = _int(start.get(f"{w}val"), 1)
        numbering.levels[num.get(f"{w}numId") or ""] = levels
    return numbering


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
