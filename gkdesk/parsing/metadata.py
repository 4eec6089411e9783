"""Agency, report year and statistics period from the title and opening lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = re.compile(r"政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?年\s*度?\s*报\s*告")
_YEAR_BEFORE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*$")
_PERIOD = re.compile(r"统计期限?(?:为|是)?\s*(?:自|从)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_HEAD_CHARS = 800


@dataclass
class Metadata:
    agency: str = ""
    title_year: int | None = None
    period_year: int | None = None
    title_span: tuple[int, int] | None = None

    @property
    def year(self) -> int | None:
        return self.title_year or self.period_year


def _clean(s: str) -> str:
    s = re.sub(r"[#*\s\u3000]+", "", s)
    return s.strip("：:，,。-—_")


def read_metadata(text: str) -> Metadata:
    meta = Metadata()
    head = text[: max(_HEAD_CHARS, 1)]
    m = _TITLE.search(head)
    if m:
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        ym = _YEAR_BEFORE.search(before)
        if ym:
            meta.title_year = int(ym.group("year"))
            agency = before[: ym.start()]
        else:
            agency = before
        agency = _clean(agency)
        if not agency:
            # The agency often stands alone on the line above the title.
            prev_end = line_start - 1
            while prev_end > 0:
                prev_start = text.rfind("\n", 0, prev_end) + 1
                line = text[prev_start:prev_end]
                candidate = _clean(line)
                if candidate:
                    if len(candidate) <= 40 and "。" not in candidate:
                        # The title may be cut after its year: "某局 2021 年度" / "政府信息公开…".
                        ym = _YEAR_BEFORE.search(line.rstrip())
                        if ym and meta.title_year is None:
                            meta.title_year = int(ym.group("year"))
                            candidate = _clean(line[: ym.start()])
                        agency = candidate
                    break
                prev_end = prev_start - 1
        meta.agency = agency
        line_end = text.find("\n", m.end())
        meta.title_span = (line_start, line_end if line_end >= 0 else len(text))
    pm = _PERIOD.search(text[:4000])
    if pm:
        meta.period_year = int(pm.group("year"))
    if meta.title_year is None and meta.period_year is None:
        ym = _ANY_YEAR.search(head)
        if ym:
            meta.period_year = int(ym.group(1))
    return meta
