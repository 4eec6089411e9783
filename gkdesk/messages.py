"""Finding messages as data: a catalogue key and its arguments, worded in Chinese here.

The checks build a `Message` (`say("arith.should_be", cell=..., value=...)`) instead of a
finished sentence. Its Chinese text (`message.text()`) is what the CLI, the JSON and the
Excel export show. The window words the same message in its own language: it translates
the catalogue template (Qt context "findings", the Chinese template as the source text)
and the words of the official form (context "schema") and fills in the same arguments.

Templates name their arguments in braces: {cell}, {value}. An argument is one of
- a number (int, float or None): written by gkdesk.numbers.format_number, None as 空白;
- Word: words of the official form (a schema label, title, heading): translated;
- Quote: words of the report itself (a sentence, a cell's text): never translated;
- CellRef / RowRef: a cell or row named as the form names it, from translated words;
- Joined: several arguments with a separator from the catalogue;
- another Message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Union

from .numbers import format_number
from .schema import format_spec, row_display, table_spec

# The Chinese templates, each written once. Keys: <check>.<what it says>.
CATALOGUE: dict[str, str] = {
    # ---- pieces shared by several messages
    "blank": "空白",
    "sep.enum": "、",
    "sep.comma": "，",
    "sep.semicolon": "；",
    "sep.plus": "加",
    "sep.dot": "·",
    "verbatim": "{text}",
    "with_note": "{message}。{note}",
    "is": "{name} 为 {value}",
    "quote": "“{text}”",
    # ---- arithmetic (勾稽关系 and value kinds)
    "arith.total_blank": "{cell} 未填写（空白，按 0 计），按{basis}应为 {expected}",
    "arith.parts_blank": "{cell} 为 {value}，但构成它的各单元格（{parts}）均为空白",
    "arith.should_be": "{cell} 为 {value}，按{basis}应为 {expected}",
    "arith.sides_differ": "{group}：{lhs_terms}之和为 {lhs}，{rhs_terms}之和为 {rhs}，两者应相等（{relation}）",
    "arith.column_group": "{table} {column}列",
    "arith.term": "{name}（{value}）",
    "arith.culprit": "最可能的错误：{repair}",
    "arith.repairs": "有 {count} 种只改一个单元格的修正都能使{table}的勾稽关系成立（{repairs}），无法确定是哪一格出错",
    "arith.repair": "{cell} 应为 {value}",
    "arith.inferred": "其中有数值是识别推定的（已标注），可能是识别有误而非报告错误，请对照原文核对",
    "arith.unread": "其中有单元格未能从原文识别（按空白计），可能是识别遗漏而非报告错误，请对照原文补全后再核对",
    "value.bad": "{cell} 为 {value}，{problem}",
    "value.count": "应为不小于 0 的整数",
    "value.signed": "应为整数",
    "value.amount": "金额不应为负数",
    # ---- narrative claims
    "narrative.zero": "正文称“{phrase}”，但{shown}",
    "narrative.count": "正文称“{phrase}”（{stated}），但{shown}，{verdict}",
    "narrative.differs": "与正文不符",
    "narrative.differs_all": "均与正文不符",
    "narrative.sum": "{cells} 与 {last}之和",
    "narrative.sum_many": "{cells} 等 {count} 格之和",
    "narrative.count_about": "正文称“{phrase}”，但{shown}，{verdict}",
    "narrative.open_rows": "{cells} 的数字连写可有多种拆分",
    "narrative.guessed": "表中相关数值为识别推定，请对照原文核对",
    "narrative.loose": "正文的说法可有多种理解，请核对",
    "narrative.unchecked": "未核对的表述：“{phrase}”含有与表格相关的数字，但未能对应到表格中的格",
    "narrative.inconsistent": "正文前后说法不一：{quotes}；表格中{cells}未填写或未识别，无法判断哪一处正确",
    # ---- the previous year's report
    "across.previous": "上年报告",
    "across.previous_year": "上年（{year} 年）报告",
    "across.carry": "{cell} 为 {value}，而{previous} {row}·{column} 为 {previous_value}，两者应相等",
    "across.effective": (
        "{cell} 为 {value}；{previous}现行有效 {before} 件，本年制发 {issued} 件、废止 {repealed} 件，"
        "现行有效件数{bound}"
    ),
    "across.at_most": "不应超过 {limit}",
    "across.at_least": "不应少于 {limit}",
    "across.items": "{cell} 为 {value}，按{previous}（{base} {previous_value}，{change} {previous_change}）应为 {expected}",
    # ---- structure
    "structure.sections_missing": "未找到以下部分：{sections}",
    "structure.table_missing": "未找到{table}（{title}），无法核对其数据",
    "structure.rows_missing": "{table} 未找到以下行：{rows}。这些单元格按空白处理",
    "structure.year_unknown": "未能从标题或统计期限识别报告年度，无法核对格式版本和年度",
    "structure.format_name": "{name}（{notice}）",
    "structure.format_for_year": "{year} 年度报告应使用{expected}，但{table}按{actual}填写",
    "structure.formats_differ": "{t2}按{v2}填写，{t3}按{v3}填写，两表格式版本不一致",
    "structure.title_year": "标题中的年度（{title_year} 年）与统计期限（{period_year} 年）不一致",
    "structure.non_numeric": "{cell} 的内容“{raw}”不是数值，核对时按 0 计算",
    "structure.blank": (
        "{table} 有 {count} 个单元格空白或为“/”等符号：{cells}。空白不等于 0，核对时按 0 计算，请确认"
    ),
    "structure.row_cells": "{row}（{columns}）",
    "structure.more_rows": "{rows} 等 {count} 行",
}


@dataclass(frozen=True)
class Word:
    """Words of the official form, as the schema writes them (translated in context "schema")."""

    text: str


@dataclass(frozen=True)
class Quote:
    """Words of the report itself: shown as they are in every language."""

    text: str


@dataclass(frozen=True)
class CellRef:
    """A cell named as the form of `version` names it: 表三 （七）总计·自然人 (no 表三 with table=False)."""

    version: str
    addr: tuple[str, int, int]
    table: bool = True


@dataclass(frozen=True)
class RowRef:
    """A row of a table named as the form names it: （三）不予公开 1.属于国家秘密."""

    version: str
    table_id: str
    row: int


@dataclass(frozen=True)
class Joined:
    """Arguments written one after another, `sep` (a catalogue key) between them."""

    sep: str
    items: tuple


@dataclass
class Message:
    key: str  # a CATALOGUE key
    args: dict[str, "Arg"] = field(default_factory=dict)

    def text(self) -> str:
        """The message in Chinese, as the CLI, the JSON and the Excel export show it."""
        return render(self)


Arg = Union[int, float, None, Word, Quote, CellRef, RowRef, Joined, Message]


def say(key: str, **args: Arg) -> Message:
    """A catalogue message with its arguments (the key must exist)."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Message(key, args)


def joined(sep: str, items) -> Joined:
    return Joined(sep, tuple(items))


def _same(text: str) -> str:
    return text


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(arg: Arg, template: Callable[[str], str] = _same, word: Callable[[str], str] = _same) -> str:
    """An argument (or a whole Message) as text.

    `template` maps a Chinese catalogue template to the one to use, `word` a schema text to
    the words to use; both keep the Chinese by default. A translated template that names an
    argument the message does not have is not used: the Chinese template is.
    """
    if isinstance(arg, Message):
        source = CATALOGUE[arg.key]
        text = template(source) or source
        if any(name not in arg.args for name in _PLACEHOLDER.findall(text)):
            text = source
        return _PLACEHOLDER.sub(lambda m: render(arg.args[m.group(1)], template, word), text)
    if arg is None or isinstance(arg, (int, float)):
        return format_number(arg, blank=render(say("blank"), template, word))
    if isinstance(arg, Word):
        return word(arg.text) if arg.text else ""
    if isinstance(arg, Quote):
        return arg.text
    if isinstance(arg, CellRef):
        spec = format_spec(arg.version)
        return spec.cell_name(arg.addr, word) if arg.table else spec.cell_label(arg.addr, word)
    if isinstance(arg, RowRef):
        return row_display(table_spec(arg.version, arg.table_id).rows[arg.row], word)
    if isinstance(arg, Joined):
        sep = render(say(arg.sep), template, word)
        return sep.join(render(item, template, word) for item in arg.items)
    raise TypeError(f"not a message argument: {arg!r}")
