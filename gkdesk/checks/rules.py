"""Short Chinese names of the rules, for lists, the review window and Excel."""
from __future__ import annotations

from ..findings import ERROR

_TITLES = {
    "t3.row_total": "表三 总计 = 各类申请人之和",
    "t3.results_total": "表三 （七）总计 = 各办理结果之和",
    "t3.balance": "表三 一加二 = 三加四",
    "t4.total": "表四 总计 = 四项结果之和",
    "t2.nonneg": "表二 数值应为非负整数",
    "t3.nonneg": "表三 数值应为非负整数",
    "t4.nonneg": "表四 数值应为非负整数",
    "across.t3_carry": "上年结转 = 上年报告结转下年度",
    "across.t2_effective": "现行有效件数与上年报告",
    "across.t2_items": "上一年项目数量与上年报告",
    "narrative.t3_received": "正文：收到申请数",
    "narrative.t3_carried_in": "正文：上年结转数",
    "narrative.t3_results": "正文：办结数",
    "narrative.t3_carried_over": "正文：结转下年度数",
    "narrative.t3_applicants": "正文：申请人分类数",
    "narrative.t4_review": "正文：行政复议",
    "narrative.t4_litigation": "正文：行政诉讼",
    "narrative.t4_review_litigation": "正文：行政复议和行政诉讼",
    "narrative.t2_published": "正文：主动公开数量",
    "narrative.inconsistent_text": "正文前后不一致",
    "structure.section_missing": "缺少部分",
    "structure.table_missing": "缺少表格",
    "structure.row_missing": "缺少表格行",
    "structure.format_version": "格式版本与年度不符",
    "structure.title_year": "标题年度与统计期限不符",
    "structure.year_unknown": "未识别报告年度",
    "structure.blank": "空白单元格",
    "structure.non_numeric": "非数值内容",
    "structure.narrative_cut": "正文过长未全部核对",
}

_KIND_TITLES = {"arithmetic": "勾稽关系", "narrative": "正文与表格", "structure": "结构"}


def rule_title(rule: str) -> str:
    """The short Chinese name of a rule (the rule id itself when it is unknown)."""
    return _TITLES.get(rule, rule)


def kind_title(kind: str) -> str:
    return _KIND_TITLES.get(kind, kind)


def severity_title(severity: str) -> str:
    return "错误" if severity == ERROR else "警告"
