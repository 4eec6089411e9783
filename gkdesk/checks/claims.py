"""Narrative claims: sentences of sections 一–六 that state table figures or their absence.

The text is read once per report (it does not change while a reviewer edits values).
Sentences are taken outside the recognized tables, squeezed (no white space, NFKC) so that
PDF line wrapping and spaced numbers (申请 54 件) do not matter, and cut into clauses.
Each wording is matched tightly: a keyword, a few allowed filler words, a number and a
unit. Anything looser (approximations like 40余件, comparisons with last year, another
year's figures, a count shared by two kinds) is left alone: a claim that cannot be tied to
a cell safely is no claim.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from operator import add
from dataclasses import dataclass
from functools import cache

from ..limits import MAX_NARRATIVE_CHARS
from ..model import CellAddr, Report
from ..schema import TableSpec, normalize_label, squeeze, table_spec
from .layout import claimable_t2_columns, t3_layout, t4_layout
from .numerals import NUMBER_PATTERN, parse_count

# Rule ids of narrative claims.
T3_RECEIVED = "narrative.t3_received"
T3_CARRIED_IN = "narrative.t3_carried_in"
T3_RESULTS = "narrative.t3_results"
T3_CARRIED_OVER = "narrative.t3_carried_over"
T3_APPLICANTS = "narrative.t3_applicants"
T4_REVIEW = "narrative.t4_review"
T4_LITIGATION = "narrative.t4_litigation"
T4_BOTH = "narrative.t4_review_litigation"
T2_PUBLISHED = "narrative.t2_published"


@dataclass(frozen=True)
class Claim:
    rule: str
    phrase: str  # the words that state it, as written (white space removed)
    stated: int
    cells: tuple[CellAddr, ...]  # the table quantity it states (their sum)
    span: tuple[int, int]  # the sentence, offsets in Report.text
    alternatives: tuple[tuple[CellAddr, ...], ...] = ()  # other readings that make it true
    zero: bool = False  # a statement of absence: every cell is 0
    section: str = ""


@dataclass
class Sentence:
    text: str  # squeezed
    # Where each character of `text` came from: Report.text offset base + index[first + i].
    # `index` is shared by all the sentences of a region (no per-sentence copy of it).
    index: list[int]
    first: int
    base: int
    section: str

    def offset(self, i: int) -> int:
        """Offset in Report.text of the character text[i]."""
        return self.base + self.index[self.first + i]

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        end = len(self.text) if end is None else end
        return self.offset(start), self.offset(end - 1) + 1


# ---------------------------------------------------------------- wording ----------------

_NUM = f"(?P<num>{NUMBER_PATTERN})"
_UNIT = "(?:件|条|个|份|宗|次|例)"
_CASE_UNIT = "(?:件|起|宗|个|次|例|案)"
_FILL = "(?:共|共计|合计|总计|总数|数量)?(?:为|是|达)?"
_OBJ = (
    "(?:各类|群众|公民、法人(?:或|和|及)其他组织(?:提出)?的?)?"
    "(?:政府信息公开|信息公开|依申请公开|政务公开)?的?申请(?!人)(?:件|书|表)?"
)
_RECEIVE = "(?<!未)(?<!予)(?<!不)(?:共|共计|累计|总共|合计|一共)?(?:收到|受理|接收|接到|新收)了?"
# 收到政府信息公开申请 42 件 / 收到 42 条依申请公开申请
_RECEIVED = (
    re.compile(f"{_RECEIVE}{_OBJ}{_FILL}{_NUM}{_UNIT}"),
    re.compile(f"{_RECEIVE}{_FILL}{_NUM}{_UNIT}的?{_OBJ}"),
)
_CARRIED_IN = re.compile(
    f"(?:上一?年度?|去年)(?:结转|转入|遗留)的?(?:政府信息公开|依申请公开)?(?:申请)?{_FILL}{_NUM}{_UNIT}"
)
_CARRIED_OVER = re.compile(
    f"(?:结转|转入|转至)(?:至|到)?(?:下一?年度?|次年度?)(?:继续办理|办理|处理)?的?(?:申请)?{_FILL}{_NUM}{_UNIT}"
)
_RESULTS = re.compile(
    f"(?<!未)(?:办结|答复|办理完毕|处理完毕)了?(?:政府信息公开|依申请公开)?(?:申请)?{_FILL}{_NUM}{_UNIT}"
)
_NO_APPLICATION = re.compile(
    "(?:未|没有|无)(?:收到|受理|接到|接收|新收)过?(?:任何)?(?:和处理|及处理|或处理)?[^,;\\d]{0,16}?申请(?!人)"
    "|(?:无|没有)(?:政府信息公开申请|信息公开申请|依申请公开)"
)
# Clauses that compare with another year or speak of processing before receiving.
_COMPARISON = re.compile("同比|较上年|较去年|比上年|比去年|与上年相比|环比|增长|下降|减少|增加")
_PROCESSING = re.compile("办结|答复|办理完毕|处理完毕")
# A part of the applications (by channel, by result, 其中…), not the whole count.
_PART = re.compile(
    "其中|通过|网上|网络|信函|当面|邮寄|传真|邮件|窗口|平台|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理"
)
_RESULT_MIXED = re.compile("收到|受理|新收|接收|接到|结转|转入")
# The body deciding reviews or suits (a 司法局 reports its own caseload), not being reviewed.
_REVIEWER = re.compile("受理|审理|办理|作出|审结|决定")
# What is done to regulations besides issuing them: such counts are not 表二's.
_RULE_WORK = re.compile("清理|废止|修订|修改|审查|备案|起草|征求意见|解读")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
# A negation that opens a statement of absence (尚未审结, 未经复议 are no such thing).
_NEGATION = re.compile(
    "(?<!尚)(?:未|没有|无)(?=收到|发生|出现|产生|接到|被|因|有|涉及|行政复议|行政诉讼|公开申请|政府信息公开|依申请公开)"
)
_CONTINUATION = re.compile("被|提起|也|亦|或|和|及|以及|行政")  # used with .match: at a clause's start
_DIGIT = re.compile(r"\d")
# A line that opens a heading or list item: （一）… / 一、… / 1、… (a sentence never runs into it).
_HEADING_LINE = re.compile(
    r"^[ \t\u3000#*>]*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．](?!\d))",
    re.M,
)
_SENTENCE_PUNCTUATION = re.compile("[，,。；;！!？?]")
_SENTENCE_END = re.compile("[。!?]")
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")  # 1,123: a comma that is no clause break
_CLAUSE_END = re.compile("[,;:]")


@cache
def _t2_pattern(spec: TableSpec) -> tuple[re.Pattern, dict[str, int]]:
    """表二 row names (labels and anchors of rows with a count a text may state) -> row."""
    words: dict[str, int] = {}
    for r, row in enumerate(spec.rows):
        if not claimable_t2_columns(spec, r):
            continue
        for word in (row.label, *row.anchors):
            words.setdefault(normalize_label(word), r)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # 行政处罚决定12件 counts decisions; 行政处罚信息120条 may count other items, so it is left alone.
    pattern = re.compile(f"(?P<key>{alternation})类?(?:决定)?(?:共|为)?{_NUM}(?:项|件|条|个|份|部)")
    return pattern, words


@cache
def _t4_patterns(spec: TableSpec) -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    groups = tuple(t4_layout(spec).totals)  # 行政复议, 行政诉讼
    keys = "|".join(map(re.escape, groups))
    single = re.compile(f"(?P<key>{keys})(?!后)(?:案件|案|申请)?(?:共|共计|合计)?(?:为|是)?{_NUM}{_CASE_UNIT}")
    first, second = (re.escape(g) for g in groups[:2])
    combined = re.compile(
        f"{first}(?:、|和|及|或|与|以及)(?:被提起|提起|被申请)?{second}(?:案件|案)?"
        f"(?P<each>各|均)?(?:共|共计|合计)?(?:为|是)?{_NUM}{_CASE_UNIT}"
    )
    return single, combined, groups


# ---------------------------------------------------------------- sentences -------------

def narrative_end(report: Report) -> int:
    """Where the narrative read for claims ends: MAX_NARRATIVE_CHARS after section 一 begins."""
    first = report.sections.get("一")
    begin = first.span[0] if first is not None else 0
    return min(len(report.text), begin + MAX_NARRATIVE_CHARS)


def narrative_sentences(report: Report) -> list[Sentence]:
    """Sentences of the report outside its tables, from section 一 on (up to narrative_end)."""
    text = report.text
    first = report.sections.get("一")
    begin = first.span[0] if first is not None else 0
    cuts = sorted(t.span for t in report.tables.values() if t.span is not None)
    regions = []
    pos = begin
    for start, end in cuts:
        if end <= pos:
            continue
        if start > pos:
            regions.append((pos, start))
        pos = max(pos, end)
    regions.append((pos, len(text)))
    stop = narrative_end(report)
    regions = [(a, min(b, stop)) for a, b in regions if a < stop]
    sentences = []
    for start, end in regions:
        cuts = [start]
        for m in _HEADING_LINE.finditer(text, start, end):
            cuts.append(m.start())
            line_end = text.find("\n", m.start(), end)
            line_end = end if line_end < 0 else line_end
            if not _SENTENCE_PUNCTUATION.search(text, m.start(), line_end):
                cuts.append(line_end)  # a heading alone on its line ends there
        cuts.append(end)
        for a, b in zip(cuts, cuts[1:]):
            if b > a:
                sentences += _split(report, a, b)
    return sentences


def _section_at(report: Report, offset: int) -> str:
    for number, section in report.sections.items():
        if section.span[0] <= offset < section.span[1]:
            return number
    return ""


def _split(report: Report, start: int, end: int) -> list[Sentence]:
    """The sentences of text[start:end]: each ends after 。!? (squeezed) or at the end.

    The ends are found by one regex pass (a file of megabytes has few of them or none, so
    nothing here loops over its characters in Python)."""
    squeezed, index = _squeeze_in_pieces(report.text[start:end])
    stops = [m.end() for m in _SENTENCE_END.finditer(squeezed)]
    if squeezed and (not stops or stops[-1] != len(squeezed)):
        stops.append(len(squeezed))
    out = []
    pos = 0
    for stop in stops:
        out.append(Sentence(squeezed[pos:stop], index, pos, start, _section_at(report, start + index[pos])))
        pos = stop
    return out


_SQUEEZE_PIECE = 1 << 18  # characters


def _squeeze_in_pieces(text: str) -> tuple[str, list[int]]:
    """squeeze(text), a piece at a time: the same result (it maps each character on its own),
    without one call over megabytes that holds the interpreter for a second (the window's
    thread waits on it while a report loads in the background)."""
    if len(text) <= _SQUEEZE_PIECE:
        return squeeze(text)
    parts: list[str] = []
    index: list[int] = []
    for offset in range(0, len(text), _SQUEEZE_PIECE):
        part, part_index = squeeze(text[offset : offset + _SQUEEZE_PIECE])
        parts.append(part)
        index.extend(map(add, part_index, repeat(offset)))
    return "".join(parts), index


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clauses of a squeezed sentence: cut at , ; : except the comma of 1,123."""
    out = []
    pos = 0
    for m in _CLAUSE_END.finditer(text):
        i = m.start()
        if not _THOUSANDS.match(text, i - 1):
            out.append((pos, i))
            pos = i + 1
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


# ---------------------------------------------------------------- claims ----------------

def extract_claims(report: Report) -> list[Claim]:
    """Every narrative claim the report's text makes about its tables."""
    version = report.format or "2021"
    specs = {tid: report.spec_for(tid) or table_spec(version, tid) for tid in ("t2", "t3", "t4")}
    claims: list[Claim] = []
    for sentence in narrative_sentences(report):
        if _other_year(sentence.text, report.year):
            continue
        claims += _SentenceReader(report, sentence, specs).claims()
    return claims


def _other_year(text: str, year: int | None) -> bool:
    if year is None:
        return False
    return any(int(y) != year for y in _YEAR.findall(text))


class _SentenceReader:
    def __init__(self, report: Report, sentence: Sentence, specs: dict[str, TableSpec]):
        self.report = report
        self.s = sentence
        self.specs = specs
        self.t3 = t3_layout(specs["t3"])
        self.out: list[Claim] = []
        # Asked once per sentence, not once per clause: a "sentence" of a broken file can be
        # megabytes long with a hundred thousand clauses.
        self.says = {w: w in sentence.text for w in ("申请", "提案", "公开", "主动公开")}

    def claims(self) -> list[Claim]:
        text = self.s.text
        last_rule = ""
        for a, b in _clauses(text):
            clause = text[a:b]
            if _COMPARISON.search(clause):
                last_rule = ""
                continue
            if "复议" in clause or "诉讼" in clause:
                self._t4_counts(a, clause)
                last_rule = ""
                continue
            last_rule = self._t3_claims(a, clause, last_rule)
            self._t2_claims(a, clause)
        self._t4_absence()
        return self.out

    # ------------------------------------------------------------ helpers
    def _add(self, rule, start, stop, stated, cells, alternatives=(), zero=False):
        """A claim stated by text[start:stop] of the sentence."""
        phrase = re.sub(r"\s+", "", self.report.text[self.s.offset(start) : self.s.offset(stop - 1) + 1])
        phrase = phrase.rstrip("。，,;；:：!！?？")
        self.out.append(
            Claim(rule, phrase, stated, tuple(cells), self.s.span(), tuple(alternatives), zero, self.s.section)
        )

    def _t3_cell(self, row: int, col: int | None = None) -> CellAddr:
        return ("t3", row, self.t3.total_col if col is None else col)

    # ------------------------------------------------------------ 表三
    def _t3_claims(self, a: int, clause: str, last_rule: str) -> str:
        t3 = self.t3
        about_applications = self.says["申请"] and not self.says["提案"]
        m = _first_match(_RECEIVED, clause)
        if m and not _PROCESSING.search(clause[: m.start()]) and self.says["公开"] and not _PART.search(clause):
            stated = parse_count(m.group("num"))
            if stated is not None:
                received = self._t3_cell(t3.received)
                both = (received, self._t3_cell(t3.carried_in))
                self._add(T3_RECEIVED, a + m.start(), a + m.end(), stated, (received,), alternatives=(both,))
                return T3_RECEIVED
        m = _NO_APPLICATION.search(clause)
        if m and "公开" in clause and "费" not in clause:
            self._add(T3_RECEIVED, a + m.start(), a + m.end(), 0, (self._t3_cell(t3.received),), zero=True)
            return T3_RECEIVED
        if not about_applications:
            return ""
        for pattern, rule, row in (
            (_CARRIED_IN, T3_CARRIED_IN, t3.carried_in),
            (_CARRIED_OVER, T3_CARRIED_OVER, t3.carried_over),
            (_RESULTS, T3_RESULTS, t3.results_total),
        ):
            m = pattern.search(clause)
            if m and rule == T3_RESULTS and (_PART.search(clause) or _RESULT_MIXED.search(clause)):
                return ""  # 上年结转的已办结3件, 其中予以公开答复20件: a part of the results
            if m:
                stated = parse_count(m.group("num"))
                if stated is not None:
                    self._add(rule, a + m.start(), a + m.end(), stated, (self._t3_cell(row),))
                    return rule
        if last_rule in (T3_RECEIVED, T3_APPLICANTS):
            for pattern, cols in self._applicant_patterns():
                m = pattern.search(clause)
                if m and (stated := parse_count(m.group("num"))) is not None:
                    cells = tuple(self._t3_cell(t3.received, c) for c in cols)
                    self._add(T3_APPLICANTS, a + m.start(), a + m.end(), stated, cells)
                    return T3_APPLICANTS
        return ""

    def _applicant_patterns(self):
        return _applicant_patterns(self.specs["t3"])

    # ------------------------------------------------------------ 表二
    def _t2_claims(self, a: int, clause: str) -> None:
        if not self.says["公开"] or not (self.s.section == "二" or self.says["主动公开"]):
            return
        spec = self.specs["t2"]
        pattern, words = _t2_pattern(spec)
        if _RULE_WORK.search(clause):
            return
        for m in pattern.finditer(clause):
            stated = parse_count(m.group("num"))
            if stated is None:
                continue
            row = words[m.group("key")]
            primary, *others = claimable_t2_columns(spec, row)
            alternatives = tuple((("t2", row, c),) for c in others)
            self._add(T2_PUBLISHED, a + m.start(), a + m.end(), stated, (("t2", row, primary),), alternatives)

    # ------------------------------------------------------------ 表四
    def _about_disclosure_cases(self) -> bool:
        """行政复议/诉讼 over information disclosure: said so, or in section 四."""
        return self.says["公开"] or self.s.section == "四"

    def _t4_counts(self, a: int, clause: str) -> None:
        if not self._about_disclosure_cases() or _REVIEWER.search(clause):
            return
        spec = self.specs["t4"]
        single, combined, groups = _t4_patterns(spec)
        totals = t4_layout(spec).totals
        taken: list[tuple[int, int]] = []
        for m in combined.finditer(clause):
            stated = parse_count(m.group("num"))
            if stated is None:
                continue
            taken.append(m.span())
            if m.group("each") or stated == 0:
                for g in groups:
                    self._add(_T4_RULE[g], a + m.start(), a + m.end(), stated, totals[g])
            else:
                self._add(T4_BOTH, a + m.start(), a + m.end(), stated, totals[groups[0]] + totals[groups[1]])
        for m in single.finditer(clause):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if re.search("(?:、|和|及|或|与)(?:被提起|提起|被申请)?$", clause[: m.start()]):
                continue  # the tail of a list whose count is shared
            stated = parse_count(m.group("num"))
            if stated is not None:
                self._add(_T4_RULE[m.group("key")], a + m.start(), a + m.end(), stated, totals[m.group("key")])

    def _t4_absence(self) -> None:
        """未收到…被申请行政复议或提起行政诉讼: the totals named after a negation are 0."""
        if not self._about_disclosure_cases():
            return
        text = self.s.text
        spec = self.specs["t4"]
        totals = t4_layout(spec).totals
        clauses = _clauses(text)
        clause_ends = [b for _, b in clauses]
        done: set[str] = set()
        for m in _NEGATION.finditer(text):
            k = bisect_right(clause_ends, m.start())
            end = clauses[k][1]
            j = k + 1
            while j < len(clauses):
                a, b = clauses[j]
                if _DIGIT.search(text, a, b) or not _CONTINUATION.match(text, a, b):
                    break
                end = b
                j += 1
            scope = text[m.start() : end]
            digit = re.search(r"\d", scope)
            if digit:
                scope = scope[: digit.start()]
            if re.search("以外|之外|除", scope):
                continue
            for group in totals:
                pos = scope.find(group)
                if pos < 0 or group in done:
                    continue
                done.add(group)
                self._add(_T4_RULE[group], m.start(), m.start() + len(scope), 0, totals[group], zero=True)


def _first_match(patterns, text: str):
    found = [m for m in (p.search(text) for p in patterns) if m]
    return min(found, key=lambda m: m.start()) if found else None


_T4_RULE = {"行政复议": T4_REVIEW, "行政诉讼": T4_LITIGATION}


@cache
def _applicant_patterns(spec: TableSpec):
    """自然人…N件 and 法人或其他组织…N件, with the labels of the schema's columns."""
    layout = t3_layout(spec)
    out = []
    tail = f"(?:提出|申请|提出申请)?的?(?:申请)?{_FILL}{_NUM}{_UNIT}"
    if layout.person_label:
        out.append((re.compile(re.escape(layout.person_label) + tail), layout.person_cols))
    if layout.org_label:
        # 法人或其他组织 is also written 法人和其他组织 / 法人及其他组织.
        org = re.escape(layout.org_label).replace("或", "(?:或|和|及)")
        out.append((re.compile(org + tail), layout.org_cols))
    return tuple(out)
