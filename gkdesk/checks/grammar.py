"""The narrative's claim grammar: clauses, their words, and the statements they make.

A sentence (squeezed text) is read by one regex pass into tokens: quantities (a number, a
measure word, a qualifier), years and time words, and the words of the schema's lexicon
(schema.NARRATIVE_WORDS: subjects, rows, columns, things outside the tables) beside a few
function words (negation, comparison, 其中, conjunctions). The sentence is cut into clauses
at , ; : 。 and brackets; each quantity of a clause takes its slots from the words around it
(before it back to the previous quantity, then the words right after it), then from the
clause's head, then from the sentence so far (其中…, a breakdown, keeps the subject and the
row of the clause it breaks down). What a word means is resolved by the subject: 受理 is a
row of 表三 for applications and the reviewer's work for 行政复议.

The result is a list of `Statement`s, each a frame of slots, not yet tied to cells
(gkdesk/checks/claims.py does that with the table specs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..schema import NARRATIVE_WORDS, SECTION_OF_TABLE, TableSpec, normalize_label
from .numerals import DECIMAL_PATTERN, parse_number

# ---------------------------------------------------------------- function words ---------
# Words of the grammar, not of the form: the lexicon of the form is in gkdesk/schema.py.
NEGATION = ("均未", "均无", "从未", "未曾", "尚未", "没有", "不存在", "不涉及", "不承担", "不具有", "未", "无", "零")
COMPARISON = ("同比", "环比", "较上年", "较去年", "比上年", "比去年", "与上年相比", "较上一年", "与去年相比", "增长",
              "下降", "减少", "增加", "上升", "降低", "提高", "持平", "增幅", "降幅")
PART = ("其中", "包括", "包含", "含", "分别", "涉及", "内含")
EACH = ("各", "均", "分别")
CHANNEL = ("通过", "网上", "网络", "在线", "信函", "当面", "现场", "邮寄", "传真", "电子邮件", "邮件", "窗口", "平台",
           "来信", "来访", "电话", "快递", "邮政")
# What is done to regulations besides issuing them: such counts are no 表二 figure.
RULE_WORK = ("清理", "修订", "修改", "审查", "备案", "起草", "征求意见", "解读", "审核", "评估", "梳理", "宣传")
# What a count after a comparison says it comes to (同比增长一倍，达68件).
REACH = ("达到", "达")
# Words that make a subject a part the tables do not count: 逾期答复 (late answers), 违规公开.
SUBSET = ("逾期", "超期", "超时", "超过法定期限", "违法", "违规", "不当", "错误", "不及时", "不规范", "拖延", "泄密",
          "泄露", "应公开", "应当公开", "应予公开")  # 应公开而不予公开: withheld wrongly, a part
CONJUNCTION = ("以及", "及", "和", "与", "、", "或", "并", "或者")
DISCLOSURE = ("政府信息公开", "信息公开", "政务公开")
TIME_PREV = ("上一年度", "上年度", "上一年", "上年", "去年", "前一年")
TIME_NEXT = ("下一年度", "下年度", "下一年", "下年", "次年度", "次年", "明年", "来年")
TIME_THIS = ("本年度", "本年内", "本年", "今年", "全年", "年内", "当年", "年度内")
CARRY = ("结转", "转结", "顺延", "延期", "转入", "转至")  # 转结: the inverted spelling many reports use
SETTLED = ("均已结案", "均已审结", "已全部审结", "已全部结案", "全部审结", "全部结案")
FILLER = ("共计", "共", "累计", "合计", "总共", "一共", "总计", "共有")
APPROX_BEFORE = {"约": "about", "大约": "about", "大概": "about", "近": "near", "将近": "near", "接近": "near",
                 "超过": "over", "逾": "over", "超": "over", "不到": "under", "不足": "under"}
APPROX_AFTER = {"左右": "about", "以上": "atleast", "以下": "under", "以内": "under", "之多": "over"}
# Verbs of the body that decides reviews and suits (a 司法局 reporting its own caseload).
REVIEWER = ("受理", "审理", "办理", "审结", "办结", "作出", "处理", "决定")
# A noun right after a 表二 subject makes the subject its modifier: 行政许可信息 (items
# published), 许可证, 规范性文件库 count other things than the table.
MODIFIED_BY = ("类信息", "信息", "类", "证", "事项", "清单", "目录", "库", "公示", "栏目", "专栏", "结果", "制度", "办法",
               "标准", "流程", "案卷", "工作", "专项", "申请")
# Words that continue a negated clause into the next one (未收到…复议，提起行政诉讼的情况).
CONTINUATION = ("被", "提起", "也", "亦", "或", "和", "及", "以及", "行政")

UNITS = ("万元", "元", "人次", "件", "条", "起", "次", "个", "项", "宗", "例", "案", "份", "部", "篇")
COUNT_UNITS = {
    "t3": frozenset(("件", "条", "个", "份", "宗", "次", "例", "人次")),
    "t4": frozenset("件起宗个次例案"),
    "t2": frozenset("件条个项份部篇宗次起"),
}
MONEY_UNITS = frozenset(("万元", "元"))

# What may follow 申请 the noun (申请54件, 申请数量, 申请的, 申请中); anything else makes it a verb.
_NOUN_FOLLOWERS = frozenset('数件共总的中为是达已均全事情合累计分占有超逾不将接大结转予在,.;:。!?()、"和及与或并,共零〇一二两三四五六七八九十百千万约近')

# Token kinds.
QTY, YEAR, WORD = "qty", "year", "word"

# Never from inside a run of digits or numerals: where a run is no quantity, starting again at
# each of its characters is quadratic (a 25,000-digit run took 30 s); what a run's tail could
# say, its whole says first.
_NUMBER = f"(?<![\\d零〇一二两三四五六七八九十百千万])(?P<num>{DECIMAL_PATTERN})"
_UNIT = "(?P<unit>" + "|".join(UNITS) + ")"
_YEAR = r"(?P<year>(?:19|20)\d{2})年(?:度)?"
# 0 with no measure word after 为 / 是 (行政复议和行政诉讼均为0): a statement of none.
_BARE_ZERO = "(?<=[为是])(?P<bare>0|零)(?![\\d.万千百十%]|,\\d)"
_COUNT_OR_NEGATION = (
    "(?:\\d|[零〇一二两三四五六七八九十百千万])[余多]?(?:" + "|".join(UNITS) + ")|" + "|".join(NEGATION) + "|均已|全部"
)
_WORTH_READING = re.compile(_COUNT_OR_NEGATION + "|" + _BARE_ZERO)
# _WORTH_READING without what follows a bare zero: it finds a match in a text wherever
# _WORTH_READING finds one in a part of it (the part may end right after the 0).
_WORTH_READING_IN_A_PART = re.compile(_COUNT_OR_NEGATION + "|(?<=[为是])(?:0|零)")
_CLAUSE_CUT = re.compile(r"[,;:。!?()\[\]【】<>《》]")
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
_COUNT_AHEAD = re.compile(f"(?:约|近|共|共计)?{DECIMAL_PATTERN}[余多]?(?:" + "|".join(UNITS) + ")")


@dataclass(frozen=True)
class Meaning:
    role: str  # subject / row / column / outside, or a function word's kind
    table: str = ""
    target: str = ""
    readings: tuple[tuple[str, ...], ...] = ()


@dataclass
class Token:
    kind: str
    start: int
    end: int
    text: str
    meanings: tuple[Meaning, ...] = ()
    value: int | float | None = None
    unit: str = ""
    low: float | None = None
    high: float | None = None

    keys: frozenset = frozenset()  # role and (role, table) of each meaning, for has()

    def mean(self, meanings: tuple[Meaning, ...]) -> "Token":
        self.meanings = meanings
        self.keys = _keys(meanings)
        return self

    def has(self, role: str, table: str | None = None) -> bool:
        return (role if table is None else (role, table)) in self.keys

    def of(self, role: str, table: str | None = None) -> list[Meaning]:
        return [m for m in self.meanings if m.role == role and (table is None or m.table == table)]


def _keys(meanings: tuple[Meaning, ...]) -> frozenset:
    return frozenset([m.role for m in meanings] + [(m.role, m.table) for m in meanings])


@dataclass
class Statement:
    """One quantity (or one negation) of a clause with the slots the grammar gave it."""

    table: str  # t2 / t3 / t4
    start: int  # the words that state it, offsets in the squeezed sentence
    end: int
    value: int | float  # 0 for a statement of absence
    low: float
    high: float
    unit: str = ""
    zero: bool = False
    subjects: tuple[str, ...] = ()  # 表二 row / 表四 group targets ("" = 表三)
    each: bool = False  # 行政复议、行政诉讼各1件
    rows: tuple[Meaning, ...] = ()  # 表三 row meanings (joined)
    columns: tuple[str, ...] = ()  # column targets
    carry: str = ""  # "prev" / "next" / "either" for a 结转 word, "" for none
    work: bool = False  # a 表二 count of cleaning up, revising, … (not issuing)
    firm: bool = True  # the subject is unambiguous
    context_rows: tuple[Meaning, ...] = ()  # the row a breakdown (其中…) breaks down
    channel: bool = False  # counted by the way it came (网上, 信函): a share unless it is the only count
    checked: bool = True  # False: about a table subject, but not something the tables state


# ---------------------------------------------------------------- the lexer --------------

@dataclass
class Lexicon:
    pattern: re.Pattern
    words: dict[str, tuple[tuple[Meaning, ...], frozenset]]  # word -> its meanings, their keys


_LEXICONS: dict[tuple[int, ...], tuple[tuple[TableSpec, ...], Lexicon]] = {}


def lexicon(specs: tuple[TableSpec, ...]) -> Lexicon:
    """The lexicon of these specs, built once (cached by the spec objects: hashing whole specs
    for every report would cost more than reading its narrative)."""
    key = tuple(map(id, specs))
    hit = _LEXICONS.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], specs)):
        hit = _LEXICONS[key] = (specs, _build_lexicon(specs))
    return hit[1]


def _build_lexicon(specs: tuple[TableSpec, ...]) -> Lexicon:
    """The token regex for the given table specs: their words from the schema's lexicon, the
    anchors of 表三's result rows, and the function words."""
    words: dict[str, list[Meaning]] = {}

    def add(word: str, meaning: Meaning) -> None:
        word = normalize_label(word)
        if word and meaning not in words.setdefault(word, []):
            words[word].append(meaning)

    by_table = {s.id: s for s in specs}
    absent: list[tuple[str, str]] = []
    for w in NARRATIVE_WORDS:
        spec = by_table.get(w.table)
        if spec is None:
            continue
        if w.target and not _exists(spec, w.role, w.target):
            if w.role == "column":
                absent += [(word, w.table) for word in w.words]
            continue
        for word in w.words:
            add(word, Meaning(w.role, w.table, w.target, w.readings))
    # A column of the other version's form (废止 in a 2019 report) is no figure of this one:
    # a count of it is about the table's subject, but nothing here to check it against.
    for word, table in absent:
        if normalize_label(word) not in words:
            add(word, Meaning("outside", table))
    t3 = by_table.get("t3")
    if t3 is not None:
        for row in t3.rows:
            if row.result_leaf:
                for anchor in row.anchors:
                    if not re.search(r"\d", anchor):
                        add(anchor, Meaning("row", "t3", row.label))
        # A kind of result (予以公开, 无法提供 …) names applications even with no noun for them.
        lexicon_words = {normalize_label(x) for w in NARRATIVE_WORDS if w.table == "t3" and w.role == "row"
                         for x in w.words}
        for word, meanings in list(words.items()):
            if word in lexicon_words and any(m.role == "row" and m.table == "t3" and _names_results(t3, m.target)
                                             for m in meanings):
                add(word, Meaning("kind", "t3"))  # the lexicon's words, not the rows' anchors (收费通知)
    for role, group in (
        ("neg", NEGATION), ("cmp", COMPARISON), ("part", PART), ("each", EACH), ("chan", CHANNEL),
        ("work", RULE_WORK), ("subset", SUBSET), ("reach", REACH), ("conj", CONJUNCTION), ("disc", DISCLOSURE), ("prev", TIME_PREV),
        ("next", TIME_NEXT), ("this", TIME_THIS), ("carry", CARRY), ("approx", tuple(APPROX_BEFORE)), ("fill", FILLER), ("settled", SETTLED),
    ):
        for word in group:
            add(word, Meaning(role))
    alternation = trie_pattern(list(words))
    # A year before a quantity (2023年 is no count); a quantity before a word (零件 is 0 件).
    pattern = re.compile(f"{_YEAR}|{_NUMBER}(?P<more>余|多)?{_UNIT}|{_BARE_ZERO}|(?P<word>{alternation})")
    return Lexicon(pattern, {k: (tuple(v), _keys(tuple(v))) for k, v in words.items()})


def _names_results(spec: TableSpec, target: str) -> bool:
    """Whether a 表三 row target names only 办理结果 leaf rows (a kind of result)."""
    rows = [r for r in spec.rows if r.label == target or target in r.path]
    return bool(rows) and all(r.result_leaf for r in rows)


def trie_pattern(words: list[str]) -> str:
    """One regex for many literal words, as a prefix tree: the regex engine then tries a
    character once per position instead of once per word (a plain alternation of hundreds of
    words costs milliseconds per report). The longest word at a position wins."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(trie)


def _lexicon_words(table: str, role: str):
    return [w for w in NARRATIVE_WORDS if w.table == table and w.role == role]


def _exists(spec: TableSpec, role: str, target: str) -> bool:
    """Whether `target` names a part of this spec (a 2019 column does not exist in 2021)."""
    if role == "row" or (role == "subject" and spec.id == "t2"):
        return any(target == r.label or target in r.path for r in spec.rows)
    if role == "subject" and spec.id == "t4":
        return any(target in c.path for c in spec.columns)
    if role == "column":
        cols = [c for r in range(len(spec.rows)) for c in spec.row_columns(r)]
        return any(target == c.label or target == c.short or target in c.path for c in cols)
    return True


# Items of a 分别 list (a real one names a handful; a hostile one must not cost items × words).
_MAX_LISTED = 32


def _slot(t: Token) -> str:
    """The slot a word fills in a clause ("" for function words): subject, row, column or carry."""
    if t.kind != WORD:
        return ""
    for slot in ("subject", "row", "column", "carry"):
        if t.has(slot):
            return slot
    return ""


def _list_items(toks: list[Token], k: int) -> list[Token] | None:
    """The last run of k words of one slot joined by 、和及与 (规章、规范性文件), or None."""
    for slot in ("subject", "row", "column"):
        run: list[Token] = []
        for t in reversed(toks):
            if t.has("conj") and run:
                continue
            if t.has(slot) and not t.has("outside"):
                run.append(t)
                if len(run) == k:
                    break
                continue
            if run:
                break
        if len(run) == k:
            return run[::-1]
    return None


def tokens(lex: Lexicon, text: str) -> list[Token]:
    out: list[Token] = []
    for m in lex.pattern.finditer(text):
        if m.group("year"):
            out.append(Token(YEAR, m.start(), m.end(), m.group(), value=int(m.group("year"))))
        elif m.group("word"):
            meanings, keys = lex.words[m.group()]
            out.append(Token(WORD, m.start(), m.end(), m.group(), meanings, keys=keys))
        elif m.group("bare"):
            out.append(Token(QTY, m.start(), m.end(), m.group(), value=0, low=0.0, high=0.0))
        else:
            value = parse_number(m.group("num"))
            if value is None or (m.start() > 0 and text[m.start() - 1] in '.%第"') or text[m.end() : m.end() + 1] == '"':
                continue  # 第二十条 is an ordinal, “三个…” a name
            unit = m.group("unit")
            if m.group("num").endswith("万") and unit in MONEY_UNITS:
                if unit == "万元":
                    continue
                value, unit = value / 10_000, "万元"  # 88万元 read as 88万 + 元
            token = Token(QTY, m.start(), m.end(), m.group(), value=value, unit=unit)
            _qualify(token, m.group("more"), out, text)
            out.append(token)
    return out


def _qualify(token: Token, more: str | None, before: list[Token], text: str) -> None:
    """The range an approximate quantity allows: 40余件 (40, 50), 约40件 [32, 48], 3件以上 [3, ∞)."""
    n = float(token.value)
    how = None
    if more:
        how = "more"
    prev = before[-1] if before else None
    if prev is not None and prev.end == token.start and prev.has("approx"):
        how = APPROX_BEFORE[prev.text]
    after = text[token.end : token.end + 2]
    for word, kind in APPROX_AFTER.items():
        if after.startswith(word):
            how = kind
            token.end += len(word)
    if how is None:
        token.low = token.high = n
    elif how == "more":
        digits = str(int(n)) if n.is_integer() else ""
        zeros = len(digits) - len(digits.rstrip("0")) if digits else 0
        token.low, token.high = n + (1 if n.is_integer() else 0), n + max(10 ** zeros, 10) - 1
    elif how == "over":
        token.low, token.high = n, float("inf")
    elif how == "atleast":
        token.low, token.high = n, float("inf")
    elif how == "under":
        token.low, token.high = 0.0, n
    elif how == "near":
        token.low, token.high = n * 0.8, n
    else:  # about
        token.low, token.high = n * 0.8, n * 1.2


# ---------------------------------------------------------------- clauses -----------------

def clauses(text: str) -> list[tuple[int, int]]:
    """Clauses of a squeezed sentence: cut at , ; : 。 and brackets, except the comma of 1,123."""
    out = []
    pos = 0
    for m in _CLAUSE_CUT.finditer(text):
        i = m.start()
        if text[i] == "," and _THOUSANDS.match(text, i - 1):
            continue
        if text[i] == ":" and _COUNT_AHEAD.match(text, i + 1):
            continue  # 申请:68件: the count of what the colon introduces
        if i > pos:
            out.append((pos, i))
        pos = i + 1
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@dataclass
class _Context:
    """What the sentence has said so far, for the clauses after it."""

    table: str = ""
    subjects: tuple[str, ...] = ()
    rows: tuple[Meaning, ...] = ()
    firm: bool = True
    other_year: bool = False
    clause_subjects: tuple[str, ...] = ()  # every subject the last clause with counts stated
    breakdown: bool = False  # a clause so far broke a count down (其中…): channels after it are parts
    compared: tuple | None = None  # the subject the last clause compared with last year, stating no count


def may_state(text: str) -> bool:
    """False when no part of `text` states anything (read_sentence of every part is empty):
    no count and no negation in it (most sentences)."""
    return _WORTH_READING_IN_A_PART.search(text) is not None


def read_sentence(lex: Lexicon, text: str, year: int | None, section: str) -> list[Statement]:
    """The statements of one squeezed sentence."""
    if not _WORTH_READING.search(text):
        return []  # no count and no negation: nothing to state (most sentences)
    toks = tokens(lex, text)
    if not any(t.kind == QTY or t.has("neg") for t in toks):
        return []
    disclosure = "公开" in text or section == "四"
    publication = section == "二" or any(w in text for w in ("公开", "发布", "公布", "更新"))
    reader = _Reader(text, year, disclosure, publication, section)
    toks = reader._drop_verbal_applications(toks)
    cuts = clauses(text)
    by_clause: list[list[Token]] = [[] for _ in cuts]
    k = 0
    for t in toks:
        while k < len(cuts) - 1 and t.start >= cuts[k][1]:
            k += 1
        if cuts and cuts[k][0] <= t.start < cuts[k][1]:
            by_clause[k].append(t)
    named = [t for t in toks if t.has("subject") and not t.has("outside")]
    reader.sentence_subject = reader._subject(named[:1])
    for i, ctoks in enumerate(by_clause):
        reader.clause(ctoks, by_clause, cuts, i)
    counts = [st for st in reader.out if st.table == "t3" and not st.zero]
    if len(counts) > 1:
        for st in counts:
            if st.channel:
                st.checked = False  # 网上申请105件，快递17件，合计122件: shares by channel beside other counts
    return reader.out


class _Named:
    """_Reader._subject of the tokens seen so far, kept as tokens are added (no re-reading of
    the clause's beginning at every negation: a clause of many of them stays linear)."""

    def __init__(self, reader: "_Reader"):
        self.reader = reader
        self.last = ""
        self.targets: dict[str, dict[str, None]] = {}

    def add(self, t: Token) -> None:
        subs = t.of("subject") if t.kind == WORD else []
        if not subs or t.has("outside") or (subs[0].table == "t2" and self.reader._modified(t)):
            return
        self.last = subs[0].table
        for sub in subs:
            self.targets.setdefault(sub.table, {})[sub.target] = None

    def subject(self):
        if not self.last:
            return None
        return self.last, tuple(self.targets[self.last])


class _Reader:
    def __init__(self, text: str, year: int | None, disclosure: bool, publication: bool, section: str = ""):
        self.text = text
        self.section = section  # the report's section the sentence stands in
        self.year = year
        self.disclosure = disclosure
        self.publication = publication
        self.ctx = _Context()
        self.out: list[Statement] = []
        self.sentence_subject = None  # the first subject the sentence names

    # ------------------------------------------------------------ one clause
    def clause(self, toks: list[Token], by_clause: list[list[Token]], cuts, i: int) -> None:
        if not toks:
            return
        self._scope_years(toks)
        qs = [i for i, t in enumerate(toks) if t.kind == QTY]
        head = toks[: qs[0]] if qs else toks
        head_subject = self._subject(head)
        clause_disclosure = any(t.has("disc") or t.has("subject", "t3") for t in toks)
        part = any(t.has("part") for t in head)
        head_reviewer = any(t.text in REVIEWER for t in head if t.meanings)
        self.ctx.breakdown = self.ctx.breakdown or any(t.has("part") for t in toks)
        made = len(self.out)
        listed = self._respectively(toks, qs, by_clause[i - 1] if i else [])
        k = 0
        taken = -1  # the last token the previous quantity took after it
        for n, qi in enumerate(qs):
            for t in toks[k:qi]:  # the year in force where the quantity stands
                if t.has("scope"):
                    self.ctx.other_year = t.meanings[0].target == "other"
                elif t.kind == WORD and t.text.startswith(TIME_THIS):
                    self.ctx.other_year = False  # 本年新收, 本年制发: this year's
            k = qi
            q = toks[qi]
            if n in listed:  # 规章、规范性文件分别制发1件、3件: the n-th item of the list
                self._quantity(q, listed[n], [], False, head_subject, part, clause_disclosure, False)
                continue
            before = toks[max(qs[n - 1] + 1 if n else 0, taken + 1) : qi]
            after, taken = self._after(toks, qi, qs[n + 1] if n + 1 < len(qs) else len(toks), before)
            self._quantity(q, before, after, n > 0, head_subject, part, clause_disclosure, head_reviewer)
        for t in toks[k:]:
            if t.has("scope"):
                self.ctx.other_year = t.meanings[0].target == "other"
        if any(t.has("neg") for t in toks):
            self._negations(toks, by_clause, cuts, i + 1)
        else:
            self._settled(toks)
        # What this clause leaves for the next ones: its subject, the row its head names.
        stated = self.out[made:]
        if stated and stated[-1].table == "t4":
            self.ctx.clause_subjects = tuple(dict.fromkeys(x for st in stated if st.table == "t4" for x in st.subjects))
        subject = (stated[-1].table, stated[-1].subjects) if stated else self._subject(toks)
        if subject is not None and subject[0]:
            if subject[0] != self.ctx.table or subject[1] != self.ctx.subjects:
                self.ctx.rows, self.ctx.firm = (), True
            self.ctx.table, self.ctx.subjects = subject
        if stated and stated[-1].table == "t3" and not stated[-1].zero:
            self.ctx.rows = stated[-1].rows or stated[-1].context_rows
        else:
            rows = tuple(m for t in head for m in t.of("row", "t3"))
            if rows and self.ctx.table == "t3":
                self.ctx.rows = rows
        if self.ctx.table == "t4" and any(t.text in REVIEWER for t in head):
            self.ctx.firm = False
        # 申请同比增长一倍，达68件: the next clause's bare count is what this one compared.
        compared = not stated and subject is not None and any(t.has("cmp") for t in toks)
        self.ctx.compared = subject if compared else None

    @staticmethod
    def _after(toks: list[Token], qi: int, stop: int, before: list[Token]) -> tuple[list[Token], int]:
        """The words after a quantity that are its own (up to 、 or the next quantity), and the
        index of the last word it took from there.

        A word after the quantity is its own only when the words before it lack that kind
        (70件申请: the noun after; 维持1件纠正1件: 纠正 is the next one's): 其中1起维持、1起尚未审结
        reads each outcome after its count, 予以公开30件部分公开10件 each before it."""
        have = {_slot(t) for t in before} - {""}
        after: list[Token] = []
        taken = -1
        for j in range(qi + 1, stop):
            t = toks[j]
            if t.text == "、":
                break
            slot = _slot(t)
            if slot and slot in have:
                continue
            after.append(t)
            if slot:
                taken = j
        return after, taken

    def _respectively(self, toks: list[Token], qs: list[int], previous: list[Token]) -> dict[int, list[Token]]:
        """分别 between a list of k items and k quantities: the words of each quantity (the n-th
        item with the words shared by all), by the position of the quantity after 分别.

        The list is the last run of items of one slot (subjects, rows or columns) before 分别,
        in this clause or the one before it (行政复议和行政诉讼案件，分别为2件和1件)."""
        at = next((j for j, t in enumerate(toks) if t.text == "分别"), None)
        if at is None:
            return {}
        after = [n for n, qi in enumerate(qs) if qi > at]
        if not 2 <= len(after) <= _MAX_LISTED:
            return {}
        # Quantities with words of their own between them (分别为维持1件、纠正1件) need no list.
        if any(_slot(t) for t in toks[qs[after[0]] + 1 : qs[after[-1]]]):
            return {}
        for source in (toks[:at], previous + toks[:at]):
            items = _list_items(source, len(after))
            if items is not None:
                break
        else:
            return {}
        shared = [t for t in source + toks[at : qs[after[0]]]
                  if t.meanings and t.kind != QTY and not t.has("conj") and all(t is not x for x in items)]
        return {n: [items[m]] + shared for m, n in enumerate(after)}

    def _drop_verbal_applications(self, toks: list[Token]) -> list[Token]:
        """申请 with an object is the verb (申请行政复议, 申请竣工验收备案), not an application."""
        out = []
        for i, t in enumerate(toks):
            if t.has("subject", "t3") and t.text.endswith("申请"):
                prev = toks[i - 1] if i else None
                if prev is not None and prev.end == t.start and prev.has("subject", "t2"):
                    continue  # 行政许可申请: an application for a licence, not for information
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is not None and nxt.start == t.end and nxt.has("subject", "t4"):
                    continue
                follow = self.text[t.end : t.end + 1]
                if t.text == "申请" and follow and not (follow in _NOUN_FOLLOWERS or follow.isdigit()):
                    continue
            out.append(t)
        return out

    def _scope_years(self, toks: list[Token]) -> None:
        """A year (or 本年/上年) that is not part of a 结转 phrase sets the scope of what follows."""
        for i, t in enumerate(toks):
            if t.kind == YEAR:
                if i and toks[i - 1].has("carry") and t.start - toks[i - 1].end <= 1:
                    continue
                t.mean((Meaning("scope", target="other" if self.year and t.value != self.year else "this"),))
            elif t.has("this"):
                t.mean((Meaning("scope", target="this"),))

    def _subject(self, toks: list[Token]):
        """(table, subject targets) of the last table the tokens name (the noun nearest the
        quantity: 因政府信息公开申请引发的行政复议36起 counts reviews); None if none."""
        found = []
        for t in toks:
            subs = t.of("subject")
            if not subs or t.has("outside") or (subs[0].table == "t2" and self._modified(t)):
                continue
            found.append(subs)
        if not found:
            return None
        table = found[-1][0].table
        targets = [s.target for subs in found for s in subs if s.table == table]
        return table, tuple(dict.fromkeys(targets))

    def _modified(self, t: Token) -> bool:
        return self.text.startswith(MODIFIED_BY, t.end)

    # ------------------------------------------------------------ a quantity
    def _quantity(self, q, before, after, use_head, head_subject, part, clause_disclosure, head_reviewer) -> None:
        """One quantity's statement from the words around it; the clause's head (its words before
        the first quantity) speaks for the later ones through what was read of it once per clause
        (its subject, whether it names the reviewer's work), never by re-reading it per quantity."""
        local = before + after
        if any(t.has("cmp") for t in before) or self._other_year(before):
            return
        if any(t.has("neg") for t in before[-3:]):
            return  # 未办结 3 件: the ones not done, no table figure
        own = [t for t in local if t.meanings and not t.has("conj") and not t.has("scope") and not t.has("fill")]
        subject = self._subject(local) or (head_subject if use_head else None)
        inherited = subject is None
        if inherited:
            subject = head_subject or ((self.ctx.table, self.ctx.subjects) if self.ctx.table else None)
        if subject is None and self.sentence_subject is not None:
            # 结转下年度继续办理2件，共收到申请9件: the subject named later in the sentence
            table = self.sentence_subject[0]
            if any(t.has("row", table) or t.has("column", table) or (table == "t3" and t.has("carry")) for t in local):
                subject = self.sentence_subject
        if subject is None and any(t.has("kind", "t3") for t in local) and not any(t.has("outside") for t in local):
            subject = ("t3", ())  # 予以公开30件: a kind of result is said of applications only
        if (
            subject is None
            and self.section == SECTION_OF_TABLE["t3"]
            and any(t.has("row", "t3") or t.has("column", "t3") or t.has("carry") for t in local)
            and not any(t.has("outside") or t.of("subject") for t in local)  # 新收行政许可申请: a licence's
        ):
            subject = ("t3", ())  # 本年度共受理12件，办结12件 under 三、收到和处理…申请情况: of applications
        if subject is None:
            return
        table, targets = subject
        if table != "t3" and any(t.kind == WORD and t.text.startswith(TIME_PREV) for t in before):
            return  # 上年度结转的行政复议案件1件: last year's case (上年结转 is a row of 表三 only)
        words = [t for t in local if t.meanings]
        mentions = [t for t in own if t.has("subject", table) or t.has("row", table) or t.has("column", table)
                    or t.has("carry") or t.has("outside", table)]
        if not mentions and not (inherited and self.ctx.compared == subject and any(t.has("reach") for t in before)):
            return  # a quantity with no word of its own is about something else
        worded = [t for t in before if t.meanings and not t.has("scope") and not t.has("conj")]
        said = [t for t in after if t.meanings]
        start = worded[0].start if worded else q.start
        end = max([q.end] + [t.end for t in said])
        st = Statement(table, start, end, q.value, q.low, q.high, q.unit)
        st.subjects = targets
        st.each = any(t.has("each") for t in local)
        st.firm = self.ctx.firm if inherited else True
        bare = q.unit == ""  # 均为0
        # Words outside this table's figures (申请人 says nothing against a count of reviews).
        outside = any(t.has("outside", table) or t.has("subset") for t in local)
        if bare and (outside or any(t.has("cmp") for t in local)):
            return  # 纠错率为0: a rate, nothing to tie or to list
        unit_ok = bare or q.unit in COUNT_UNITS[table] or (table == "t2" and q.unit in MONEY_UNITS)
        if outside or not unit_ok:
            st.checked = False
        if table == "t3":
            self._t3_slots(st, local, words, part)
        elif table == "t4":
            self._t4_slots(st, local, words, clause_disclosure, use_head and head_reviewer)
        else:
            self._t2_slots(st, local, words, part or any(t.has("part") for t in local))
        self.out.append(st)

    def _other_year(self, before) -> bool:
        if any(t.has("prev") for t in before):
            return True  # 上年收到…: last year's figure
        return self.ctx.other_year

    def _rows(self, toks, table="t3") -> tuple[Meaning, ...]:
        return tuple(m for t in toks for m in t.of("row", table))

    def _t3_slots(self, st: Statement, local, words, part) -> None:
        rows = self._rows(local)
        carry = [t for t in local if t.has("carry")]
        if carry:
            st.carry = self._carry_direction(local)
        elif any(t.has("next") for t in local):
            st.carry = "next"  # 转下一年办理2件: of 表三's figures only what is carried over is next year's
        st.rows = rows
        st.columns = tuple(m.target for t in local for m in t.of("column", "t3"))
        if st.columns or not any(t.has("subject", "t3") for t in local):
            st.context_rows = self.ctx.rows  # 其中自然人申请35件: the row of the clause broken down
        if any(t.has("chan") for t in local):
            st.firm = False
            st.channel = True
            if part or self.ctx.breakdown or any(t.has("part") for t in local):
                st.checked = False  # 其中通过网上申请12件，信函申请3件: channels, not in the tables

    def _carry_direction(self, toks) -> str:
        for t in toks:
            if t.has("next"):
                return "next"
            if t.has("prev"):
                return "prev"
            if t.kind == YEAR and self.year and t.value != self.year:  # 2023年度结转至2024年: the other year
                return "next" if t.value > self.year else "prev"
        return "either"  # 结转2件: carried in or carried over, both readings are tried

    def _t4_slots(self, st: Statement, local, words, clause_disclosure, head_reviewer: bool) -> None:
        st.columns = tuple(m.target for t in local for m in t.of("column", "t4"))
        if not self.disclosure:
            st.checked = False
        if head_reviewer or any(t.text in REVIEWER for t in words):
            st.firm = False
            if not clause_disclosure:
                st.checked = False  # 本局办理行政复议案件120件: the reviewer's own caseload

    def _t2_slots(self, st: Statement, local, words, part: bool) -> None:
        st.columns = tuple(m.target for t in local for m in t.of("column", "t2"))
        st.work = any(t.has("work") for t in local)
        whole = next((x for x in reversed(self.out) if x.table == "t2"), None)
        if part and st.columns and whole is not None and whole.subjects == st.subjects and whole.columns in ((), st.columns):
            # 新增规章18件（含新制定4件，修改14件）: a share of the figure just stated, not its cell;
            # 规章13件（含新制定5件…）: the figure names no column, and 制发 may count amendments
            st.checked = False
        if not self.publication and not st.columns:
            st.checked = False
        if any(t.text == "收费" for t in local):
            st.firm = False  # 收费 alone may be the 信息处理费

    # ------------------------------------------------------------ negations
    def _negations(self, toks, by_clause, cuts, first_later: int) -> None:
        named = _Named(self)  # the subject named before each negation, kept as the clause is read
        for i, t in enumerate(toks):
            if not t.has("neg") or t.has("outside"):
                named.add(t)
                continue
            scope = []
            for j in range(i + 1, len(toks)):  # by index: a slice would copy the rest per negation
                u = toks[j]
                if u.has("neg"):
                    break
                scope.append(u)
            if any(u.kind == QTY for u in scope):
                continue  # a count follows: the quantity states it
            if len(scope) == len(toks) - i - 1:  # the negation runs to the clause's end
                for j in range(first_later, len(cuts)):
                    ctoks, cspan = by_clause[j], cuts[j]
                    ctext = self.text[cspan[0] : cspan[1]]
                    if any(u.kind == QTY or u.has("neg") for u in ctoks) or not ctext.startswith(CONTINUATION):
                        break
                    scope += ctoks
            end = scope[-1].end if scope else t.end
            if re.search("以外|之外|除", self.text[t.start : end]):
                continue
            self._zero(t, scope, end, named)
        self._settled(toks)

    def _settled(self, toks) -> None:
        """均已结案: none of the cases just counted is pending (尚未审结 is 0)."""
        settled = next((t for t in toks if t.has("settled")), None)
        if settled is None or any(t.kind == QTY for t in toks) or self.ctx.table != "t4" or not self.disclosure:
            return
        st = Statement("t4", settled.start, settled.end, 0, 0.0, 0.0, zero=True)
        st.subjects = self.ctx.clause_subjects or self.ctx.subjects
        st.columns = tuple(w.target for w in _lexicon_words("t4", "column") if w.words[0] == "尚未审结")
        self.out.append(st)

    def _zero(self, neg: Token, scope: list[Token], end: int, before: "_Named") -> None:
        words = [u for u in scope if u.meanings]
        if any(u.has("subset") for u in words):
            return  # 无超期答复: none answered late, not none answered
        if any(u.has("outside") for u in words) and not any(u.has("subject") for u in words if not u.has("outside")):
            return
        subjects = self._subject(words)
        if subjects is None and any(u.has("column") or u.has("row") for u in words):
            subjects = before.subject()  # 行政复议案件均未被纠错
        implied = subjects is None and any(u.has("kind", "t3") for u in words)
        if implied:
            subjects = ("t3", ())  # 未发生不予公开的情况: a kind of result is said of applications only
        if subjects is None:
            if not self.ctx.table or not any(u.has("column", self.ctx.table) or u.has("row", self.ctx.table)
                                             for u in words):
                return
            subjects = (self.ctx.table, self.ctx.subjects)
        table, targets = subjects
        if table == "t4" and not self.disclosure:
            return
        if table == "t2" and any(u.has("outside") for u in words):
            return
        st = Statement(table, neg.start, end, 0, 0.0, 0.0, zero=True)
        st.subjects = targets
        st.rows = self._rows(words)
        st.columns = tuple(m.target for u in words for m in u.of("column", table))
        if any(u.has("carry") for u in words):
            st.carry = self._carry_direction(words)
            if st.carry == "either":
                st.firm = False  # 无结转: carried in, carried over, or both
        if table == "t4" and any(u.text in REVIEWER for u in words if not u.has("subject")):
            st.firm = False
        if table == "t2" and any(u.text == "收费" for u in words):
            st.firm = False
        if implied:
            st.firm = False  # no noun for the applications: a reviewer looks, no error
        self.out.append(st)
