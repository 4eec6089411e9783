"""Narrative claims: sentences of sections 一–六 that state table figures or their absence.

The text is read once per report (it does not change while a reviewer edits values).
Sentences are taken outside the recognized tables, squeezed (no white space, NFKC) so that
PDF line wrapping and spaced numbers (申请 54 件) do not matter. The claim grammar
(grammar.py) reads each into statements; here each statement is tied to the cells it is
about, with every reading the words allow (受理 N: 一, or 一 + 二). A statement about a
table subject that cannot be tied to cells is kept as unchecked, so that the reviewer sees
what was not verified.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..limits import MAX_NARRATIVE_CHARS
from ..model import CellAddr, Report
from ..schema import TableSpec, ValueKind, squeeze, table_spec
from .grammar import MONEY_UNITS, Meaning, Statement, lexicon, may_state, read_sentence
from .layout import claimable_t2_columns, per_spec, t3_layout
from .table_text import outside_pieces

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
T3_RESULT_KIND = "narrative.t3_result_kind"
T4_OUTCOME = "narrative.t4_outcome"
T2_FEE = "narrative.t2_fee"
UNCHECKED = "narrative.unchecked"


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
    # The range the words allow (40余件: 41–49), in the cells' unit (万元 for fees).
    low: float | None = None
    high: float | None = None
    firm: bool = True  # the subject is unambiguous: a contradiction is an error
    checked: bool = True  # False: about a table subject, not tied to cells ("未核对的表述")

    def allows(self, value: float) -> bool:
        low = self.stated if self.low is None else self.low
        high = self.stated if self.high is None else self.high
        tolerance = 1e-6 + (0.005 if self.rule == T2_FEE else 0.0)
        return low - tolerance <= value <= high + tolerance


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


# ---------------------------------------------------------------- sentence marks --------

# A line that opens a heading or list item: （一）… / 一、… / 1、… (a sentence never runs into it).
_HEADING_LINE = re.compile(
    r"^[ \t\u3000#*>]*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．](?!\d))",
    re.M,
)
_SENTENCE_PUNCTUATION = re.compile("[，,。；;！!？?]")
_SENTENCE_END = re.compile("[。!?]")
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")  # 1,123: a comma that is no clause break
_CLAUSE_END = re.compile("[,;:]")


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
    squeezed, index = squeeze(report.text[start:end])  # a piece at a time when long (schema._PIECE)
    squeezed, index = _without_table_markup(report.text[start:end], squeezed, index)
    stops = [m.end() for m in _SENTENCE_END.finditer(squeezed)]
    if squeezed and (not stops or stops[-1] != len(squeezed)):
        stops.append(len(squeezed))
    out = []
    pos = 0
    for stop in stops:
        out.append(Sentence(squeezed[pos:stop], index, pos, start, _section_at(report, start + index[pos])))
        pos = stop
    return out


# A markdown table's rule row (|---|:---:|) as squeeze leaves it: its pipes are gone.
_RULE_ROW = re.compile(r"[-:]*-{3,}[-:]*")
_DIGIT_PAIR = re.compile(r"\d(?=\d)")


def _without_table_markup(raw: str, squeezed: str, index: list[int]) -> tuple[str, list[int]]:
    """The squeezed text of raw without a markdown table's markup: a sentence a converter drew
    across a table's cells (`其中自然 | |\n|---|---|\n| 人申请 | 35 件`) reads whole again, and
    two cells' numbers (`| 28 | 1 |`) stay two (a comma between them), not one.
    (index: each squeezed character's offset in raw.)"""
    if "|" not in raw:
        return squeezed, index
    cuts = [(m.start(), m.end()) for m in _RULE_ROW.finditer(squeezed)]
    cuts += [(m.end(), m.end()) for m in _DIGIT_PAIR.finditer(squeezed)
             if "|" in raw[index[m.start()] : index[m.end()]]]
    if not cuts:
        return squeezed, index
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for a, b in sorted(cuts):
        if a < pos:
            continue
        parts.append(squeezed[pos:a])
        kept += index[pos:a]
        if 0 < a and b < len(squeezed) and squeezed[a - 1].isdigit() and squeezed[b].isdigit():
            parts.append(",")
            kept.append(index[b])
        pos = b
    parts.append(squeezed[pos:])
    kept += index[pos:]
    return "".join(parts), kept


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
    """Every narrative claim the report's text makes about its tables (unchecked ones too)."""
    version = report.format or "2021"
    specs = {tid: report.spec_for(tid) or table_spec(version, tid) for tid in ("t2", "t3", "t4")}
    lex = lexicon((specs["t2"], specs["t3"], specs["t4"]))
    tie = _Tie(specs)
    claims: list[Claim] = []
    table_specs = (specs["t2"], specs["t3"], specs["t4"])
    for sentence in narrative_sentences(report):
        if not may_state(sentence.text):
            continue  # no part of it states anything: its table text need not be looked for
        for part in _outside_tables(table_specs, sentence, report.text):
            for st in read_sentence(lex, part.text, report.year, part.section):
                claims += tie.claims(report, part, st)
    return claims


def _outside_tables(specs: tuple[TableSpec, ...], sentence: Sentence, text: str) -> list[Sentence]:
    """The sentence, or its parts outside table text left among the sentences (table_text.py)."""
    pieces = outside_pieces(specs, sentence.text, _line_starts(sentence, text))
    if pieces == [(0, len(sentence.text))]:
        return [sentence]
    return [Sentence(sentence.text[a:b], sentence.index, sentence.first + a, sentence.base, sentence.section)
            for a, b in pieces]


def _line_starts(sentence: Sentence, text: str) -> list[int]:
    """Where in sentence.text a line of the report's text begins (after its first line)."""
    start, end = sentence.span()
    lo, hi = sentence.first, sentence.first + len(sentence.text)
    out = []
    at = text.find("\n", start, end)
    while at >= 0:
        i = bisect_right(sentence.index, at - sentence.base, lo, hi) - sentence.first
        if 0 < i < len(sentence.text) and (not out or out[-1] != i):
            out.append(i)
        at = text.find("\n", at + 1, end)
    return out


def _phrase(report: Report, sentence: Sentence, start: int, stop: int) -> str:
    phrase = re.sub(r"\s+", "", report.text[sentence.offset(start) : sentence.offset(stop - 1) + 1])
    return phrase.rstrip("。，,;；:：!！?？")


class _Tie:
    """Ties grammar statements to cells of the report's table specs."""

    def __init__(self, specs: dict[str, TableSpec]):
        self.specs = specs
        self.t3 = _T3Rows.of(specs["t3"])

    def claims(self, report: Report, sentence: Sentence, st: Statement) -> list[Claim]:
        phrase = _phrase(report, sentence, st.start, st.end)

        def claim(rule, readings, stated=st.value, low=st.low, high=st.high):
            first, *others = readings
            return Claim(rule, phrase, stated, tuple(first), sentence.span(), tuple(map(tuple, others)), st.zero,
                         sentence.section, low, high, st.firm)

        unchecked = [Claim(UNCHECKED, phrase, st.value, (), sentence.span(), section=sentence.section, checked=False)]
        if not st.checked:
            return [] if st.zero else unchecked
        tied = getattr(self, "_" + st.table)(st, claim)
        if tied is None:
            return [] if st.zero else unchecked
        return tied

    # ------------------------------------------------------------ 表三
    def _t3(self, st: Statement, claim):
        rows = self.t3
        readings, rule = self._t3_rows(st)
        if readings is None:
            return None
        cols = rows.columns(st.columns)
        if cols is None:
            return None
        if st.zero:
            readings = readings[:1]  # 未收到申请: the new ones; carried-over ones may exist
        cells = [tuple(("t3", r, c) for r in reading for c in cols) for reading in readings]
        if cols != (rows.total_col,) and rule == T3_RECEIVED:
            rule = T3_APPLICANTS
        return [claim(rule, cells)]

    def _t3_rows(self, st: Statement):
        t3 = self.t3
        scope = [m for m in st.rows if m.target in (t3.carried_in_label, t3.carried_over_label)]
        kinds = [m for m in st.rows if t3.is_kind(m.target)]
        verbs = [m for m in st.rows if m not in scope and m not in kinds]
        if st.carry == "next" or any(m.target == t3.carried_over_label for m in scope):
            return [(t3.carried_over,)], T3_CARRIED_OVER
        if scope or st.carry == "prev":
            if verbs and not all(t3.resolve(m)[0] == (t3.received,) for m in verbs) or kinds:
                return None, ""  # 上年结转的申请已办结3件: a part of the carried-over ones
            return [(t3.carried_in,)], T3_CARRIED_IN
        if st.carry == "either":  # 结转2件: carried over (what is left) or carried in
            return [(t3.carried_over,), (t3.carried_in,)], T3_CARRIED_OVER
        if kinds:
            if any(m.target == t3.carried_in_label for m in st.context_rows):
                return None, ""
            rows = tuple(dict.fromkeys(r for m in kinds for r in t3.resolve(m)[0]))
            return [rows], T3_RESULT_KIND
        if not verbs and st.context_rows:
            verbs = [m for m in st.context_rows if not t3.is_kind(m.target)]
            if not verbs:
                return None, ""
        if not verbs:
            verbs = [t3.default]
        targets = {m.target for m in verbs}
        if len(targets) > 1:
            verbs = [v for v in verbs if v.target == t3.received_label] or verbs[:1]
        readings = t3.resolve(verbs[0])
        rule = {t3.received: T3_RECEIVED, t3.results_total: T3_RESULTS}.get(readings[0][0], T3_RECEIVED)
        return readings, rule

    # ------------------------------------------------------------ 表四
    def _t4(self, st: Statement, claim):
        spec = self.specs["t4"]
        targets = [t for t in st.subjects if t]
        if not targets:
            return None
        outcome = st.columns[0] if st.columns else "总计"
        groups = [(t, _t4_cells(spec, t, outcome)) for t in targets]
        if any(not cells for _, cells in groups):
            return None
        rule_of = {"行政复议": T4_REVIEW, "行政诉讼": T4_LITIGATION}
        if len(groups) == 1 or st.each or st.zero:
            return [claim(rule_of.get(t, T4_LITIGATION) if outcome == "总计" else T4_OUTCOME, [cells])
                    for t, cells in groups]
        union = tuple(dict.fromkeys(c for _, cells in groups for c in cells))
        return [claim(T4_BOTH if outcome == "总计" else T4_OUTCOME, [union])]

    # ------------------------------------------------------------ 表二
    def _t2(self, st: Statement, claim):
        spec = self.specs["t2"]
        rows = [i for t in st.subjects for i, r in enumerate(spec.rows) if r.label == t]
        if not rows:
            return None
        out = []
        for row in dict.fromkeys(rows):
            cols = spec.row_columns(row)
            money = [c for c, col in enumerate(cols) if col.kind == ValueKind.AMOUNT and "万元" in col.label]
            if st.unit == "" and not st.zero and money and len(money) == len(cols):  # 收费金额为0: no unit for none
                out.append(claim(T2_FEE, [(("t2", row, money[0]),)]))
                continue
            if st.unit in MONEY_UNITS:
                if not money or st.zero:
                    return None
                scale = 10_000 if st.unit == "元" else 1
                out.append(claim(T2_FEE, [(("t2", row, money[0]),)], low=st.low / scale, high=st.high / scale))
                continue
            if st.columns:
                named = [c for c, col in enumerate(cols) if col.label in st.columns]
                if not named:
                    return None  # 废止 in the 2019 form, which has no such column
                readings = [(("t2", row, c),) for c in named]
            elif st.zero:
                readings = [tuple(("t2", row, c) for c in range(len(cols)))]
            else:
                if st.work:
                    return None  # 清理规范性文件12件
                claimable = claimable_t2_columns(spec, row)
                if not claimable:
                    return None
                readings = [(("t2", row, c),) for c in claimable]
            out.append(claim(T2_PUBLISHED, readings))
        return out


def _t4_cells(spec: TableSpec, group: str, outcome: str) -> tuple[CellAddr, ...]:
    return tuple(("t4", 0, c) for c, col in enumerate(spec.columns) if group in col.path and col.label == outcome)


@dataclass(frozen=True)
class _T3Rows:
    """表三's rows and columns as the lexicon's targets name them."""

    spec: TableSpec
    received: int
    carried_in: int
    results_total: int
    carried_over: int
    total_col: int

    @classmethod
    def of(cls, spec: TableSpec) -> "_T3Rows":
        return _t3_rows(spec)

    @property
    def received_label(self) -> str:
        return self.spec.rows[self.received].label

    @property
    def carried_in_label(self) -> str:
        return self.spec.rows[self.carried_in].label

    @property
    def carried_over_label(self) -> str:
        return self.spec.rows[self.carried_over].label

    @property
    def default(self) -> Meaning:
        """申请 counted with no verb (申请数量为68件): as 收到, with its readings."""
        return next(
            Meaning(w.role, w.table, w.target, w.readings)
            for w in _narrative_words()
            if w.table == "t3" and w.role == "row" and w.target == self.received_label
        )

    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def rows_named(self, target: str) -> tuple[int, ...]:
        """The rows a target names: a row label, or the result rows of a group in their paths."""
        key = ("rows", target)
        if key not in self.memo:
            self.memo[key] = _rows_named(self.spec, target)
        return self.memo[key]

    def is_kind(self, target: str) -> bool:
        """A kind of result (予以公开, 不予公开 …), not the total of results."""
        rows = self.rows_named(target)
        return bool(rows) and all(self.spec.rows[r].result_leaf for r in rows)

    def resolve(self, m: Meaning) -> list[tuple[int, ...]]:
        key = ("resolve", m)
        if key not in self.memo:
            self.memo[key] = _resolve(self.spec, m)
        return list(self.memo[key])

    def columns(self, targets: tuple[str, ...]) -> tuple[int, ...] | None:
        if not targets:
            return (self.total_col,)
        cols: list[int] = []
        for t in targets:
            named = [c for c, col in enumerate(self.spec.columns) if col.label == t or t in col.path]
            if not named:
                return None
            cols += [c for c in named if c not in cols]
        return tuple(cols)


def _rows_named(spec: TableSpec, target: str) -> tuple[int, ...]:
    exact = tuple(i for i, r in enumerate(spec.rows) if r.label == target)
    if exact and not any(target in r.path for r in spec.rows):
        return exact
    return tuple(i for i, r in enumerate(spec.rows) if (r.label == target or target in r.path) and r.result_leaf)


def _resolve(spec: TableSpec, m: Meaning) -> tuple[tuple[int, ...], ...]:
    """The rows of each reading of a row meaning ("-" subtracts a group)."""
    out: list[tuple[int, ...]] = []
    for reading in ((m.target,),) + m.readings:
        rows: list[int] = []
        for target in reading:
            if target.startswith("-"):
                drop = set(_rows_named(spec, target[1:]))
                rows = [r for r in rows if r not in drop]
            else:
                rows += [r for r in _rows_named(spec, target) if r not in rows]
        if rows and tuple(rows) not in out:
            out.append(tuple(rows))
    return tuple(out)


@per_spec
def _t3_rows(spec: TableSpec) -> _T3Rows:
    layout = t3_layout(spec)
    return _T3Rows(spec, layout.received, layout.carried_in, layout.results_total, layout.carried_over,
                   layout.total_col)


def _narrative_words():
    from ..schema import NARRATIVE_WORDS

    return NARRATIVE_WORDS
