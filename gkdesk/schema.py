"""The official report format, both versions, as one declarative schema.

Every label of the official form is written here once. The parser (anchors), the checks
(relations), the review grids and the Excel writer (header paths, row paths) all read it.

Sources: 国办公开办函〔2021〕30号 (format "2021", report years 2021 onward) and
国办公开办函〔2019〕60号 试行格式 (format "2019", report years 2019 and 2020).
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import cache
from typing import Callable

from .traditional import TO_SIMPLIFIED

FORMATS = ("2021", "2019")
TABLE_IDS = ("t2", "t3", "t4")


def _same(text: str) -> str:
    return text


class ValueKind(str, Enum):
    COUNT = "count"  # whole number >= 0
    SIGNED_COUNT = "signed"  # whole number, may be negative (2019 本年增/减)
    AMOUNT = "amount"  # decimal >= 0 (fees, purchase sums)


@cache
def _norm_char(ch: str) -> str:
    if ch.isspace() or ch in "*\\`#|":
        return ""
    ch = TO_SIMPLIFIED.get(ch, ch)
    if ch in "“”„‟〝〞「」":
        return '"'
    if ch in "‘’":
        return "'"
    return unicodedata.normalize("NFKC", ch)


# Texts longer than this are mapped a piece at a time. Each character maps on its own, so the
# result is the same; but one str.translate over megabytes is one C call that holds the
# interpreter lock for ~90 ms of CPU (a 3-million-character line), and the window's thread,
# waiting for that lock while a report loads in the background, freezes for all of it.
_PIECE = 1 << 16


def normalize_label(text: str) -> str:
    """The comparison form of a label: simplified, NFKC, no white space, no markup, plain quotes."""
    if len(text) <= _PIECE:
        return text.translate(_NORMALIZED)
    return "".join([text[k : k + _PIECE].translate(_NORMALIZED) for k in range(0, len(text), _PIECE)])


class _CharTable(dict):
    """A str.translate table computed from _norm_char on first sight of each character."""

    def __init__(self, of_char):
        super().__init__()
        self._of_char = of_char

    def __missing__(self, code: int) -> str:
        value = self[code] = self._of_char(_norm_char(chr(code)))
        return value


_NORMALIZED = _CharTable(lambda n: n)
_LENGTHS = _CharTable(lambda n: chr(len(n)))  # how many characters one character normalizes to


def squeeze(text: str) -> tuple[str, list[int]]:
    """normalize_label(text) and, for each of its characters, the offset it came from.

    str.translate does the per-character work in C: a file of megabytes takes a fraction of a
    second, not seconds (the recognizer squeezes whole sections). A long text goes a piece at
    a time (see _PIECE): the same result, without one C call over all of it."""
    if len(text) <= _PIECE:
        return _squeeze_piece(text, 0)
    parts: list[str] = []
    index: list[int] = []
    for offset in range(0, len(text), _PIECE):
        part, part_index = _squeeze_piece(text[offset : offset + _PIECE], offset)
        parts.append(part)
        index += part_index
    return "".join(parts), index


def squeezed_offset(text: str, i: int) -> int:
    """squeeze(text)[1][i]: the offset in `text` of the character normalize_label(text)[i] came
    from, without the offsets of all the others (a table's header cue is looked up once in a
    section's first kilobytes)."""
    lengths = text.translate(_LENGTHS) if len(text) <= _PIECE else ""
    if not lengths or lengths.count("\x00") + lengths.count("\x01") != len(lengths):
        return squeeze(text)[1][i]  # a long text, or a character that normalizes to several
    # The i-th kept character (each kept character gives one).
    return next(itertools.islice(itertools.compress(itertools.count(), lengths.encode("latin-1")), i, None))


def _squeeze_piece(text: str, offset: int) -> tuple[str, list[int]]:
    """squeeze(text) with its offsets counted from `offset`."""
    squeezed = text.translate(_NORMALIZED)
    lengths = text.translate(_LENGTHS)
    if len(squeezed) == lengths.count("\x01"):
        # Every kept character gives one character (the usual case): keep the offsets of those.
        index = list(itertools.compress(range(offset, offset + len(text)), lengths.encode("latin-1")))
    else:
        index = [offset + i for i, n in enumerate(lengths) for _ in range(ord(n))]
    return squeezed, index


def _remembered_hash(self) -> int:
    """The hash of a schema object's fields, computed once per object: specs, rows and columns
    key the recognizer's caches, and hashing a TableSpec walks every row and column."""
    remembered = self.__dict__.get("_hash")
    if remembered is None:
        remembered = hash(tuple(getattr(self, f.name) for f in fields(self) if f.compare))
        object.__setattr__(self, "_hash", remembered)
    return remembered


def _state_without_hash(self) -> dict:
    """What pickle keeps: not the remembered hash (string hashes differ between processes)."""
    return {k: v for k, v in self.__dict__.items() if k != "_hash"}


@dataclass(frozen=True)
class Column:
    label: str
    kind: ValueKind = ValueKind.COUNT
    # Header groups above the label, outermost first (e.g. 行政诉讼 › 复议后起诉).
    path: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    # The official header label when it differs from `label` (e.g. 法人或其他组织·其他).
    short: str = ""
    # A change that cannot take away more than the row holds: the label of the column of the
    # same row its decrease is at most (2019 本年增/减 >= -上一年项目数量: no year ends with
    # fewer than no items).
    decrease_at_most: str = ""

    __hash__ = _remembered_hash
    __getstate__ = _state_without_hash

    @property
    def header_path(self) -> tuple[str, ...]:
        return self.path + (self.short or self.label,)


@dataclass(frozen=True)
class Row:
    label: str
    # Phrases (in normalize_label form) that identify this row in extracted text.
    anchors: tuple[str, ...]
    # Row-label groups to the left of the label, outermost first.
    path: tuple[str, ...] = ()
    # 表二 rows carry their group's columns; 表三/表四 rows use the table's columns.
    columns: tuple[Column, ...] = ()
    # 表三: a 办理结果 leaf (counts into （七）总计).
    result_leaf: bool = False

    __hash__ = _remembered_hash
    __getstate__ = _state_without_hash

    @property
    def label_path(self) -> tuple[str, ...]:
        return self.path + (self.label,)


@dataclass(frozen=True)
class Relation:
    """A linear 勾稽关系: sum(lhs cells) == sum(rhs cells)."""

    rule: str  # e.g. "t3.row_total"
    lhs: tuple[tuple[str, int, int], ...]
    rhs: tuple[tuple[str, int, int], ...]
    # What the relation says, in the form's words ("总计 = 六类申请人之和").
    description: str

    @property
    def cells(self) -> tuple[tuple[str, int, int], ...]:
        return self.lhs + self.rhs


@dataclass(frozen=True)
class TableSpec:
    id: str
    version: str  # "2021", "2019", or "" for a table both versions share (表四)
    number: str  # 表二
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = ()  # shared columns (表三, 表四)
    # Text printed in the header block (表三's 勾稽关系 note).
    note: str = ""
    # Heading of the row-label column where the form prints one (表二: 信息内容).
    label_header: str = ""
    # Header cue phrases that open the table in text (normalized form).
    cues: tuple[str, ...] = ()

    __hash__ = _remembered_hash
    __getstate__ = _state_without_hash

    def row_columns(self, row: int) -> tuple[Column, ...]:
        return self.rows[row].columns or self.columns

    def cell_count(self) -> int:
        return sum(len(self.row_columns(r)) for r in range(len(self.rows)))

    def addresses(self):
        for r in range(len(self.rows)):
            for c in range(len(self.row_columns(r))):
                yield (self.id, r, c)

    def row_index(self, label: str) -> int:
        for i, row in enumerate(self.rows):
            if row.label == label:
                return i
        raise KeyError(label)


@dataclass(frozen=True)
class FormatSpec:
    version: str
    name: str  # as people call it: 2021年格式, 2019年试行格式
    notice: str
    years: str
    tables: dict[str, TableSpec]
    relations: tuple[Relation, ...] = field(default=())

    def table(self, table_id: str) -> TableSpec:
        return self.tables[table_id]

    def cell_name(self, addr, word: Callable[[str], str] = _same) -> str:
        """The cell as the official form names it: 表三 （七）总计·自然人.

        `word` gives the words to show for each text of the schema (a translation)."""
        return f"{word(self.tables[addr[0]].number)} {self.cell_label(addr, word)}"

    def cell_label(self, addr, word: Callable[[str], str] = _same) -> str:
        """The cell's name within its table: （七）总计·自然人."""
        table_id, r, c = addr
        spec = self.tables[table_id]
        if table_id == "t4":
            return "·".join(map(word, spec.columns[c].header_path))
        col = spec.row_columns(r)[c]
        return f"{row_display(spec.rows[r], word)}·{word(col.short or col.label)}"


def row_display(row: Row, word: Callable[[str], str] = _same) -> str:
    """A row's label with enough of its group to be unambiguous (（三）不予公开 1.属于国家秘密)."""
    if row.label[:1].isdigit() and row.path:
        return f"{word(row.path[-1])} {word(row.label)}"
    return word(row.label) if row.label else ""


# ---------------------------------------------------------------- 表二 ----------------

_G1, _G5, _G6, _G8, _G9 = (f"第二十条第（{n}）项" for n in "一五六八九")
_T2_LABEL_HEADER = "信息内容"
_FEE_2021 = Column("本年收费金额（单位：万元）", ValueKind.AMOUNT)


def _cols(*labels: str, kind: ValueKind = ValueKind.COUNT) -> tuple[Column, ...]:
    return tuple(Column(label, kind) for label in labels)


_T2_2021_G1 = _cols("本年制发件数", "本年废止件数", "现行有效件数")
_T2_2021_DECISIONS = _cols("本年处理决定数量")

T2_2021 = TableSpec(
    id="t2",
    version="2021",
    number="表二",
    title="主动公开政府信息情况",
    label_header=_T2_LABEL_HEADER,
    cues=("第二十条", _T2_LABEL_HEADER, "本年制发件数"),
    rows=(
        Row("规章", ("规章",), (_G1,), _T2_2021_G1),
        Row("行政规范性文件", ("行政规范性文件", "规范性文件"), (_G1,), _T2_2021_G1),
        Row("行政许可", ("行政许可",), (_G5,), _T2_2021_DECISIONS),
        Row("行政处罚", ("行政处罚",), (_G6,), _T2_2021_DECISIONS),
        Row("行政强制", ("行政强制",), (_G6,), _T2_2021_DECISIONS),
        Row("行政事业性收费", ("行政事业性收费", "事业性收费"), (_G8,), (_FEE_2021,)),
    ),
)

_T2_2019_G1 = _cols("本年新制作数量", "本年新公开数量", "对外公开总数量")
_T2_2019_ITEMS = (
    Column("上一年项目数量"),
    Column("本年增/减", ValueKind.SIGNED_COUNT, aliases=("本年增减",), decrease_at_most="上一年项目数量"),
    Column("处理决定数量"),
)
_T2_2019_FEES = _T2_2019_ITEMS[:2]
_T2_2019_PURCHASE = (Column("采购项目数量"), Column("采购总金额", ValueKind.AMOUNT))

T2_2019 = TableSpec(
    id="t2",
    version="2019",
    number="表二",
    title="主动公开政府信息情况",
    label_header=_T2_LABEL_HEADER,
    cues=("第二十条", _T2_LABEL_HEADER, "本年新制作数量"),
    rows=(
        Row("规章", ("规章",), (_G1,), _T2_2019_G1),
        Row("规范性文件", ("规范性文件",), (_G1,), _T2_2019_G1),
        Row("行政许可", ("行政许可",), (_G5,), _T2_2019_ITEMS),
        Row("其他对外管理服务事项", ("其他对外管理服务事项", "对外管理服务"), (_G5,), _T2_2019_ITEMS),
        Row("行政处罚", ("行政处罚",), (_G6,), _T2_2019_ITEMS),
        Row("行政强制", ("行政强制",), (_G6,), _T2_2019_ITEMS),
        Row("行政事业性收费", ("行政事业性收费", "事业性收费"), (_G8,), _T2_2019_FEES),
        Row("政府集中采购", ("政府集中采购", "集中采购"), (_G9,), _T2_2019_PURCHASE),
    ),
)

# ---------------------------------------------------------------- 表三 ----------------

_APPLICANTS = "申请人情况"
_ORGS = "法人或其他组织"
T3_COLUMNS = (
    Column("自然人", path=(_APPLICANTS,)),
    Column("商业企业", path=(_APPLICANTS, _ORGS)),
    Column("科研机构", path=(_APPLICANTS, _ORGS)),
    Column("社会公益组织", path=(_APPLICANTS, _ORGS)),
    Column("法律服务机构", path=(_APPLICANTS, _ORGS)),
    Column("法人或其他组织·其他", path=(_APPLICANTS, _ORGS), short="其他"),
    Column("总计", path=(_APPLICANTS,)),
)
T3_TOTAL_COLUMN = 6

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

_T3_HEAD = (
    Row("一、本年新收政府信息公开申请数量", ("本年新收",)),
    Row("二、上年结转政府信息公开申请数量", ("上年结转",)),
    Row("（一）予以公开", ("予以公开",), (_RESULTS,), result_leaf=True),
    Row(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ("部分公开",),
        (_RESULTS,),
        result_leaf=True,
    ),
    Row("1.属于国家秘密", ("国家秘密",), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("2.其他法律行政法规禁止公开", ("法律行政法规禁止", "其他法律行政法规"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("3.危及“三安全一稳定”", ('三安全一稳定', "危及"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("4.保护第三方合法权益", ("第三方合法权益", "保护第三方"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("5.属于三类内部事务信息", ("三类内部事务", "内部事务信息"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("6.属于四类过程性信息", ("四类过程性", "过程性信息"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("7.属于行政执法案卷", ("行政执法案卷", "执法案卷"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("8.属于行政查询事项", ("行政查询事项", "查询事项"), (_RESULTS, _WITHHELD), result_leaf=True),
    Row("1.本机关不掌握相关政府信息", ("本机关不掌握", "不掌握相关"), (_RESULTS, _UNABLE), result_leaf=True),
    Row("2.没有现成信息需要另行制作", ("没有现成信息", "另行制作"), (_RESULTS, _UNABLE), result_leaf=True),
    Row("3.补正后申请内容仍不明确", ("补正后申请", "仍不明确"), (_RESULTS, _UNABLE), result_leaf=True),
    Row("1.信访举报投诉类申请", ("信访举报投诉", "信访举报"), (_RESULTS, _NOT_PROCESSED), result_leaf=True),
    Row("2.重复申请", ("重复申请",), (_RESULTS, _NOT_PROCESSED), result_leaf=True),
    Row("3.要求提供公开出版物", ("公开出版物",), (_RESULTS, _NOT_PROCESSED), result_leaf=True),
    Row("4.无正当理由大量反复申请", ("大量反复申请", "大量反复"), (_RESULTS, _NOT_PROCESSED), result_leaf=True),
    Row(
        "5.要求行政机关确认或重新出具已获取信息",
        ("确认或重新出具", "重新出具"),
        (_RESULTS, _NOT_PROCESSED),
        result_leaf=True,
    ),
)
_T3_TAIL = (
    Row("（七）总计", ("(七)总计", "七)总计"), (_RESULTS,)),
    Row("四、结转下年度继续办理", ("结转下年度",)),
)

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_T3_CUES = ("勾稽关系", "申请人情况", "自然人")

T3_2021 = TableSpec(
    id="t3",
    version="2021",
    number="表三",
    title="收到和处理政府信息公开申请情况",
    columns=T3_COLUMNS,
    note=T3_NOTE,
    cues=_T3_CUES,
    rows=_T3_HEAD
    + (
        Row(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ("逾期不补正",),
            (_RESULTS, _OTHER),
            result_leaf=True,
        ),
        Row(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ("收费通知", "缴纳费用"),
            (_RESULTS, _OTHER),
            result_leaf=True,
        ),
        Row("3.其他", ("3.其他",), (_RESULTS, _OTHER), result_leaf=True),
    )
    + _T3_TAIL,
)

T3_2019 = TableSpec(
    id="t3",
    version="2019",
    number="表三",
    title="收到和处理政府信息公开申请情况",
    columns=T3_COLUMNS,
    note=T3_NOTE,
    cues=_T3_CUES,
    rows=_T3_HEAD + (Row("（六）其他处理", ("其他处理",), (_RESULTS,), result_leaf=True),) + _T3_TAIL,
)

# ---------------------------------------------------------------- 表四 ----------------

_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_REVIEW = ("行政复议",)
_DIRECT = ("行政诉讼", "未经复议直接起诉")
_AFTER = ("行政诉讼", "复议后起诉")
T4_GROUPS = (_REVIEW, _DIRECT, _AFTER)
T4_GROUP_WIDTH = len(_OUTCOMES)

T4 = TableSpec(
    id="t4",
    version="",
    number="表四",
    title="政府信息公开行政复议、行政诉讼情况",
    cues=("未经复议直接起诉", "复议后起诉", "结果维持", "尚未审结"),
    columns=tuple(Column(label, path=group) for group in T4_GROUPS for label in _OUTCOMES),
    rows=(Row("", ()),),
)


# ---------------------------------------------------------------- relations ------------

def _t3_relations(spec: TableSpec) -> tuple[Relation, ...]:
    rels = []
    ncols = len(spec.columns)
    total_row = spec.row_index("（七）总计")
    carry_row = spec.row_index("四、结转下年度继续办理")
    leaves = [i for i, row in enumerate(spec.rows) if row.result_leaf]
    for r in range(len(spec.rows)):
        rels.append(
            Relation(
                "t3.row_total",
                (("t3", r, T3_TOTAL_COLUMN),),
                tuple(("t3", r, c) for c in range(T3_TOTAL_COLUMN)),
                "总计 = 自然人与五类法人或其他组织之和",
            )
        )
    for c in range(ncols):
        rels.append(
            Relation(
                "t3.results_total",
                (("t3", total_row, c),),
                tuple(("t3", r, c) for r in leaves),
                "（七）总计 = 各办理结果之和",
            )
        )
    for c in range(ncols):
        rels.append(
            Relation(
                "t3.balance",
                (("t3", 0, c), ("t3", 1, c)),
                (("t3", total_row, c), ("t3", carry_row, c)),
                "第一项加第二项之和 = 第三项加第四项之和",
            )
        )
    return tuple(rels)


def _t4_relations() -> tuple[Relation, ...]:
    rels = []
    for g in range(len(T4_GROUPS)):
        base = g * T4_GROUP_WIDTH
        rels.append(
            Relation(
                "t4.total",
                (("t4", 0, base + 4),),
                tuple(("t4", 0, base + k) for k in range(4)),
                "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            )
        )
    return tuple(rels)


@cache
def table_relations(spec: TableSpec) -> tuple[Relation, ...]:
    """The arithmetic relations of one table (表二 has none)."""
    if spec.id == "t3":
        return _t3_relations(spec)
    if spec.id == "t4":
        return _t4_relations()
    return ()


def _format(version: str, name: str, notice: str, years: str, t2: TableSpec, t3: TableSpec) -> FormatSpec:
    return FormatSpec(
        version=version,
        name=name,
        notice=notice,
        years=years,
        tables={"t2": t2, "t3": t3, "t4": T4},
        relations=table_relations(t3) + table_relations(T4),
    )


FORMAT_2021 = _format("2021", "2021年格式", "国办公开办函〔2021〕30号", "2021年起", T2_2021, T3_2021)
FORMAT_2019 = _format("2019", "2019年试行格式", "国办公开办函〔2019〕60号（试行）", "2019、2020年", T2_2019, T3_2019)
_BY_VERSION = {"2021": FORMAT_2021, "2019": FORMAT_2019}


def format_spec(version: str) -> FormatSpec:
    return _BY_VERSION[str(version)]


def expected_format_for_year(year: int | None) -> str | None:
    if year is None:
        return None
    return "2019" if year in (2019, 2020) else ("2021" if year >= 2021 else None)


def table_spec(version: str, table_id: str) -> TableSpec:
    """The spec for a table; 表三 may have its own version in mixed documents."""
    return _BY_VERSION[str(version)].tables[table_id]


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)+")


def label_prefix(label: str, length: int = 7) -> str:
    """The start of a label without its numbering ("1.", "（三）", "二、"), normalized."""
    return _NUMBERING.sub("", normalize_label(label))[:length]


# An ordinal in normalized text. 1. 1、 (1) （1） ⑴ ① 一、 (一) （一） are one ordinal: NFKC has
# already made ⑴ and （1） "(1)", ① "1" and １． "1.".
_CN_ORDINAL = "[一二三四五六七八九十]{1,3}"
_ORDINAL_AT_START = re.compile(rf"(?:\((\d{{1,2}}|{_CN_ORDINAL})\)|(\d{{1,2}}|{_CN_ORDINAL})[.、])")
# Before a label: the ordinal's last digit only where digits run into it (a flat text's
# "…0000372.没有现成信息": the 2 is the ordinal), a bare digit where ① was written.
_ORDINAL_AT_END = re.compile(rf"(?:\((\d{{1,2}}|{_CN_ORDINAL})\)|(\d|{_CN_ORDINAL})[.、]|(?<![\d.])(\d))$")


def ordinal_value(numeral: str) -> int | None:
    """1..99 from Arabic digits or a Chinese numeral (一, 十, 十二, 二十三)."""
    if numeral.isdigit():
        return int(numeral)
    digits = [CHINESE_DIGITS.find(ch) + 1 for ch in numeral]
    if not digits or 0 in digits:
        return None
    if 10 not in digits:
        return digits[0] if len(digits) == 1 else None
    tens, _, ones = numeral.partition("十")
    value = (CHINESE_DIGITS.find(tens) + 1 if tens else 1) * 10 + (CHINESE_DIGITS.find(ones) + 1 if ones else 0)
    return value if len(numeral) <= 3 and "十" not in ones else None


def split_ordinal(norm: str) -> tuple[int | None, str]:
    """A normalized label's ordinal (the last of those it starts with: 三、(一) is (一)) and the
    rest of it: "(2)部分公开" -> (2, "部分公开")."""
    number, at = None, 0
    while m := _ORDINAL_AT_START.match(norm, at):
        number, at = ordinal_value(m.group(1) or m.group(2)), m.end()
    return number, norm[at:]


def ordinal_before(norm: str, at: int) -> int | None:
    """The ordinal written right before offset `at` of normalized text, if any."""
    m = _ORDINAL_AT_END.search(norm, max(0, at - 6), at)
    if m is None:
        return None
    return ordinal_value(m.group(1) or m.group(2) or m.group(3))


@cache
def normalized_anchors(spec: TableSpec) -> tuple[tuple[str, ...], ...]:
    """Per row: its anchors, plus the start of its label when that is long enough to tell rows apart."""
    out = []
    for row in spec.rows:
        anchors = [normalize_label(a) for a in row.anchors]
        prefix = label_prefix(row.label)
        if len(prefix) >= 5 and not any(a in prefix or prefix in a for a in anchors):
            anchors.append(prefix)
        out.append(tuple(anchors))
    return tuple(out)


def column_kind(version: str, addr) -> ValueKind:
    table_id, r, c = addr
    return table_spec(version, table_id).row_columns(r)[c].kind


# ---------------------------------------------------------------- sections -------------

@dataclass(frozen=True)
class SectionSpec:
    number: str  # 一 … 六
    heading: str  # the official heading
    keywords: tuple[str, ...]  # phrases (normalized) that identify a heading line


SECTIONS = (
    SectionSpec("一", "一、总体情况", ("总体情况",)),
    SectionSpec("二", "二、主动公开政府信息情况", ("主动公开政府信息", "主动公开情况")),
    SectionSpec("三", "三、收到和处理政府信息公开申请情况", ("收到和处理", "公开申请情况", "依申请公开情况")),
    SectionSpec("四", "四、政府信息公开行政复议、行政诉讼情况", ("行政复议", "行政诉讼")),
    SectionSpec("五", "五、存在的主要问题及改进情况", ("存在的主要问题", "主要问题及改进", "问题及改进")),
    SectionSpec("六", "六、其他需要报告的事项", ("其他需要报告",)),
)
SECTION_OF_TABLE = {"t2": "二", "t3": "三", "t4": "四"}
CHINESE_DIGITS = "一二三四五六七八九十"


# ---------------------------------------------------------------- narrative lexicon ------
# How report narratives speak of the form's parts, written once here; the narrative grammar
# (gkdesk/checks/grammar.py) compiles it per table version. Gathered from the seeds and the
# narratives of real reports (the corpus generator's sentences are not a source).


@dataclass(frozen=True)
class Wording:
    """Words a narrative uses for one part of the form, named by the schema's own identities.

    `role` says which part of a statement the words fill:
      subject  – what is counted: 表三's 申请, 表二's rows, 表四's column groups (`target`: the
                 row label / the header word; "" for 表三 as a whole);
      row      – 表三 rows by what was done to an application (`target`: row label or a row
                 group of the rows' paths, a leading "-" subtracts a group: 办结 may leave out
                 （六）其他处理);
      column   – columns or column groups (`target`: column label or a word of their paths);
      outside  – things the tables do not count (信息处理费, 申请人): they mask shorter words.
    `readings`: further targets the same words may mean, each a tuple summed ("受理 N" may
    count the carried-over applications too: 一 + 二).
    """

    table: str
    role: str
    target: str
    words: tuple[str, ...]
    readings: tuple[tuple[str, ...], ...] = ()


_NEW = "一、本年新收政府信息公开申请数量"
_CARRIED = "二、上年结转政府信息公开申请数量"
_RESULTS_TOTAL = "（七）总计"
_LEFT = "四、结转下年度继续办理"

NARRATIVE_WORDS: tuple[Wording, ...] = (
    # ---- 表三: the subject, and the rows by what was done
    Wording("t3", "subject", "", ("政府信息公开申请", "信息公开申请", "依申请公开申请", "依申请公开事项", "依申请公开",
                                  "公开申请", "申请公开", "申请件", "申请")),
    Wording("t3", "row", _NEW, ("本年新收", "新收", "收到", "受理", "接收", "接到", "新增", "收悉", "提出", "提交"),
            readings=((_NEW, _CARRIED),)),
    Wording("t3", "row", _CARRIED, ("上年结转", "上年度结转", "上一年度结转", "上一年结转", "去年结转", "上年遗留",
                                    "上年度遗留", "上年转结", "上年度转结", "上一年度转结")),
    Wording("t3", "row", _LEFT, ("结转下年度继续办理", "结转下一年度继续办理", "结转下年度", "结转下一年度", "结转下年",
                                 "结转至下一年度", "结转至下年度", "结转至下年", "结转到下年度", "结转到下一年度",
                                 "结转至次年", "结转次年", "顺延到下年度", "顺延至下年度", "顺延至下一年度", "顺延到下一年度",
                                 "顺延至下年", "顺延到下年", "延期至下年度", "延期到下年度", "转入下年度", "转入下一年度",
                                 "转至下年度", "继续办理")),
    Wording("t3", "row", _RESULTS_TOTAL, ("办结", "答复", "办理完毕", "处理完毕", "办理完成", "已办理", "作出答复",
                                          "予以答复", "审结"),
            readings=(("三、本年度办理结果", "-（六）其他处理"),)),
    # 办理 / 处理 alone: what was received, or what was done with it.
    Wording("t3", "row", _NEW, ("办理", "处理"), readings=((_NEW, _CARRIED), (_RESULTS_TOTAL,))),
    Wording("t3", "row", "（一）予以公开", ("予以公开", "同意公开", "全部公开")),
    Wording("t3", "row", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("部分公开", "区分处理")),
    Wording("t3", "row", "（三）不予公开", ("不予公开",)),
    Wording("t3", "row", "（四）无法提供", ("无法提供", "信息不存在", "不掌握", "不存在该信息")),
    Wording("t3", "row", "（五）不予处理", ("不予处理",)),
    Wording("t3", "row", "（六）其他处理", ("其他处理",)),
    Wording("t3", "column", "自然人", ("自然人", "公民", "个人", "群众")),
    Wording("t3", "column", "法人或其他组织", ("法人或其他组织", "法人和其他组织", "法人及其他组织", "法人或者其他组织",
                                            "法人", "企业")),
    Wording("t3", "column", "商业企业", ("商业企业",)),
    Wording("t3", "column", "科研机构", ("科研机构",)),
    Wording("t3", "column", "社会公益组织", ("社会公益组织", "公益组织")),
    Wording("t3", "column", "法律服务机构", ("法律服务机构", "律师事务所")),
    Wording("t3", "outside", "", ("申请人", "申请表", "申请渠道", "申请方式", "申请材料", "依申请公开工作",
                                  "依申请公开指南", "不予受理", "不受理")),
    # Still being handled when the report was written: 结转 or not, the text does not say.
    Wording("t3", "outside", "", ("正在办理", "尚在办理", "仍在办理", "办理中", "正在处理", "处理中")),
    # ---- 表四: its column groups, and the outcomes
    Wording("t4", "subject", "行政复议", ("行政复议", "复议")),
    Wording("t4", "subject", "行政诉讼", ("行政诉讼", "诉讼", "行政应诉", "应诉", "起诉")),
    Wording("t4", "subject", "未经复议直接起诉", ("未经复议直接起诉", "未经复议直接提起行政诉讼", "直接起诉",
                                              "直接提起行政诉讼")),
    Wording("t4", "subject", "复议后起诉", ("复议后起诉", "复议后提起行政诉讼", "复议后提起诉讼")),
    Wording("t4", "column", "结果维持", ("结果维持", "维持")),
    Wording("t4", "column", "结果纠正", ("结果纠正", "纠正", "纠错", "被纠错", "撤销", "确认违法", "败诉")),
    Wording("t4", "column", "其他结果", ("其他结果",)),
    Wording("t4", "column", "尚未审结", ("尚未审结", "未审结", "在审", "正在审理", "审理中")),
    Wording("t4", "outside", "", ("纠错率", "败诉率", "发生率", "复议机关", "行政复议法", "行政诉讼法")),
    # ---- 表二: its rows (2021 and 2019 labels) and columns
    Wording("t2", "subject", "规章", ("规章", "政府规章")),
    Wording("t2", "subject", "行政规范性文件", ("行政规范性文件", "规范性文件")),
    Wording("t2", "subject", "规范性文件", ("行政规范性文件", "规范性文件")),
    Wording("t2", "subject", "行政许可", ("行政许可", "许可")),
    Wording("t2", "subject", "其他对外管理服务事项", ("其他对外管理服务事项", "对外管理服务事项")),
    Wording("t2", "subject", "行政处罚", ("行政处罚", "处罚")),
    Wording("t2", "subject", "行政强制", ("行政强制", "强制")),
    Wording("t2", "subject", "行政事业性收费", ("行政事业性收费", "事业性收费", "收费")),
    Wording("t2", "subject", "政府集中采购", ("政府集中采购", "集中采购", "政府集中采购项目", "集中采购项目")),
    Wording("t2", "column", "本年制发件数", ("本年制发", "制发", "印发", "出台", "新增", "新制定", "制定")),
    Wording("t2", "column", "本年废止件数", ("本年废止", "废止")),
    Wording("t2", "column", "现行有效件数", ("现行有效", "有效")),
    Wording("t2", "column", "本年新制作数量", ("本年新制作", "新制作", "制发", "印发", "出台", "新制定", "制定")),
    Wording("t2", "column", "本年新公开数量", ("本年新公开", "新公开", "新增")),
    Wording("t2", "column", "对外公开总数量", ("对外公开总数量", "对外公开总数", "现行有效")),
    Wording("t2", "column", "本年处理决定数量", ("处理决定", "决定")),
    Wording("t2", "column", "处理决定数量", ("处理决定", "决定")),
    Wording("t2", "column", "采购项目数量", ("政府集中采购项目", "集中采购项目", "采购项目数量", "采购项目")),
    # The amount's unit is the report's own (元 or 万元 in the cell): read, not compared.
    Wording("t2", "column", "采购总金额", ("采购总金额", "采购金额")),
    Wording("t2", "outside", "", ("信息处理费", "处理费", "信息公开收费", "依申请公开收费", "公开收费", "收费标准",
                                  "许可证", "规章制度", "行政强制措施")),
)
