"""Finding messages as catalogue key + arguments: the Chinese text unchanged, English from en.ts."""
import random
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, SHARED
from gkdesk.checks import check_report, findings_to_json
from gkdesk.findings import ERROR, STRUCTURE, Finding
from gkdesk.model import Cell, ParseNote
from gkdesk.messages import CATALOGUE, CellRef, Joined, Message, RowRef, Word, render, say
from gkdesk.parsing import parse_text
from message_text import CJK, chinese_outside, quotes_of
from report_factory import render as render_report
from report_factory import values_for

TS = ROOT / "resources" / "i18n" / "en.ts"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def english_tables() -> dict[str, dict[str, str]]:
    """{context: {source: translation}} of the finished translations in en.ts."""
    out: dict[str, dict[str, str]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        table = out.setdefault(context.findtext("name"), {})
        for message in context.iter("message"):
            node = message.find("translation")
            if node is not None and node.get("type") is None and node.text:
                table[message.findtext("source")] = node.text
    return out


def in_english(message: Message) -> str:
    tables = english_tables()
    findings, schema = tables["findings"], tables["schema"]
    return render(message, lambda t: findings.get(t, t), lambda w: schema.get(w, w))


def keys_of(arg) -> set[str]:
    """The catalogue keys a message uses: its own, its separators, its arguments' (blank too)."""
    if arg is None:
        return {"blank"}
    if isinstance(arg, Message):
        return {arg.key}.union(*(keys_of(a) for a in arg.args.values()))
    if isinstance(arg, Joined):
        return {arg.sep}.union(*(keys_of(a) for a in arg.items))
    return set()


def faulty_reports():
    """Reports with planted faults of every kind, most with a previous-year report."""
    for version in ("2021", "2019"):
        values = values_for(version, seed=3)
        values["t3"][0][6] += 5  # a row total that does not add up
        narrative = {
            "一": "本年度共收到政府信息公开申请 999 件。",
            "三": "结转下年度继续办理的申请 77 件。",
            "四": "本年度未发生政府信息公开行政复议和行政诉讼。",
        }
        text = render_report(version, values, narrative=narrative).replace("六、其他需要报告的事项", "")
        report = parse_text(text, "utf-8", f"faulty-{version}.txt")
        previous = parse("2021" if version == "2021" else "2019", values_for(version, seed=5))
        previous.year = report.year - 1 if version == "2021" else None
        report.set_value(("t3", 2, 0), -2)  # a negative count
        report.set_value(("t3", 3, 1), 2.5)  # a count with decimals
        report.set_value(("t3", 1, 6), None)  # a blank in a relation
        report.set_value(("t4", 0, 4), None)  # a blank total
        for c in range(10, 14):
            report.set_value(("t4", 0, c), None)  # a total whose parts are all blank
        for r in range(6, 12):
            report.set_value(("t3", r, 1), None)  # blanks in many rows
        if version == "2019":
            report.set_value(("t2", 2, 1), 2.5)  # 本年增/减 with decimals
            report.set_value(("t2", 7, 1), -1.5)  # a purchase amount below 0
        else:
            report.set_value(("t2", 5, 0), -1.5)  # a fee amount below 0
        yield report, previous
    yield parse("2019", values_for("2019"), year=2023), None  # the 2019 format for a 2023 report

    values = values_for("2021")
    values["t3"][0][0] += 3  # one wrong cell: the culprit of two broken relations
    values["t4"][0] += 1  # five single-cell repairs would do: ambiguous
    report = parse("2021", values)
    report.tables["t2"].cells[0][0] = Cell(None, "若干")  # not a number (the relations are in 表三/表四)
    yield report, None

    values = values_for("2021")
    report = parse("2021", values)
    table = report.tables["t3"]
    row = max(range(len(table.cells)), key=lambda r: sum(values["t3"][r]) if table.spec.rows[r].result_leaf else -1)
    table.cells[row] = [Cell(None) for _ in table.cells[row]]  # a row the recognizer did not find
    table.missing_rows = [row]
    yield report, None

    values = values_for("2021")
    narrative = {"一": "本年度共收到政府信息公开申请 10 件。", "五": "本年度共收到政府信息公开申请 12 件。"}
    report = parse("2021", values, narrative=narrative)
    for c in range(7):
        report.set_value(("t3", 0, c), None)  # the text states two figures for a blank cell
    del report.tables["t4"]
    report.tables["t3"].missing_rows = [5]
    report.tables["t2"] = parse("2019", values_for("2019")).tables["t2"]  # two format versions
    report.year = None
    report.title_year, report.period_year = 2022, 2023
    yield report, None

    values = values_for("2021")
    narrative = {
        "一": "本年度共收到政府信息公开申请约 9000 件。",  # approximate, far off
        "二": "现行有效行政规范性文件 393 件，收费 88 万元。",  # an open row; 收费 may be another fee
        "三": "本年度办结政府信息公开申请 9999 件，结转下年度继续办理的申请 77 件。",
        "五": "全年办理行政复议案件 120 件。",  # not tied to cells
    }
    report = parse("2021", values, narrative=narrative)
    report.tables["t2"].cells[1] = [Cell(None) for _ in range(3)]
    report.notes.append(ParseNote("ambiguous_split", "数字连写", "t2", 1, candidates=((7, 7, 132470), (7, 713, 2470))))
    report.tables["t3"].cells[24][6].inferred = True  # a recognizer's guess
    yield report, None

    report = parse("2021", values_for("2021"))
    cell = report.tables["t3"].cells[0][0]
    cell.value += 5
    cell.inferred = True  # a figure OCR was unsure of, breaking the sums it is in
    yield report, None


def parse(version, values, **kwargs):
    return parse_text(render_report(version, values, **kwargs), "utf-8", f"planted-{version}.txt")


def corpus_reports(limit: int = 24):
    """Corpus documents with a few cells changed at random (a fixed seed)."""
    folder = SHARED / "corpus" / "gen"
    if not folder.exists():
        return
    from gkdesk.reports import load_report

    paths = sorted(p for p in folder.glob("*.txt"))[::3][:limit]
    for i, path in enumerate(paths):
        report = load_report(path)
        rng = random.Random(i)
        addrs = [(t, r, c) for t, table in report.tables.items() for r, row in enumerate(table.cells) for c in range(len(row))]
        for addr in rng.sample(addrs, min(3, len(addrs))):
            report.set_value(addr, rng.choice([None, 0.1 + 0.2, -1, (report.value(addr) or 0) + 4]))
        previous = load_report(path)
        if report.year:
            previous.year = report.year - 1
            for addr in rng.sample(addrs, min(4, len(addrs))):
                previous.set_value(addr, (previous.value(addr) or 0) + 2)
        yield report, previous


def all_findings():
    out = []
    for report, previous in [*faulty_reports(), *corpus_reports()]:
        out += check_report(report, previous)
    return out


@pytest.fixture(scope="module")
def findings():
    return all_findings()


# ---------------------------------------------------------------- Chinese, as before

def test_the_planted_faults_use_every_message_of_the_catalogue():
    used = set()
    for report, previous in faulty_reports():
        for f in check_report(report, previous):
            used |= keys_of(f.structured())
    assert set(CATALOGUE) - used == {"verbatim"}  # a finding made with a free text


def test_chinese_text_is_the_message_and_json_keeps_its_shape(findings):
    for f in findings:
        assert f.message_key in CATALOGUE
        assert f.message == render(f.structured())
        assert set(f.to_json()) <= {"rule", "kind", "severity", "cells", "message", "span", "expected", "culprit"}
    assert any(f.culprit is not None and "。最可能的错误：" in f.message for f in findings)


def test_messages_read_exactly_as_the_checks_wrote_them():
    cell = CellRef("2021", ("t3", 23, 0))
    assert say("arith.should_be", cell=cell, value=5, basis=Word("各办理结果之和"), expected=0.1 + 0.2).text() == (
        "表三 （七）总计·自然人 为 5，按各办理结果之和应为 0.3"
    )
    assert say("is", name=CellRef("2021", ("t3", 4, 6), table=False), value=None).text() == "（三）不予公开 1.属于国家秘密·总计 为 空白"
    rows = Joined("sep.semicolon", (RowRef("2021", "t3", 4), RowRef("2021", "t3", 0)))
    assert say("structure.rows_missing", table=Word("表三"), rows=rows).text() == (
        "表三 未找到以下行：（三）不予公开 1.属于国家秘密；一、本年新收政府信息公开申请数量。这些单元格按空白处理"
    )


def test_a_free_text_finding_keeps_its_message_and_notes_keep_the_structure():
    f = Finding("x", STRUCTURE, ERROR, [], "自由文本")
    assert (f.message_key, f.structured().text()) == ("", "自由文本")
    f = Finding("x", STRUCTURE, ERROR, [], say("structure.year_unknown"))
    f.add_note(say("arith.repair", cell=CellRef("2021", ("t4", 0, 4)), value=3))
    assert f.message == "未能从标题或统计期限识别报告年度，无法核对格式版本和年度。表四 行政复议·总计 应为 3"
    assert f.message_key == "with_note" and f.message_args["message"].key == "structure.year_unknown"


def test_unknown_keys_are_refused():
    with pytest.raises(KeyError):
        say("no.such.message")


def test_a_translation_naming_a_missing_argument_falls_back_to_chinese():
    message = say("arith.repair", cell=CellRef("2021", ("t4", 0, 4)), value=3)
    broken = render(message, lambda t: "{cell} must be {wrong}" if "应为" in t else t)
    assert broken == "表四 行政复议·总计 应为 3"


def test_every_catalogue_key_is_used_and_every_used_key_exists():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gkdesk").rglob("*.py") if p.name != "messages.py")
    said = set(re.findall(r"""(?:say|joined)\(\s*["']([\w.]+)["']""", sources))
    assert said and said - set(CATALOGUE) == set()
    unused = {key for key in CATALOGUE if f'"{key}"' not in sources}
    assert unused - {"blank"} == set()  # the word for blank is used by gkdesk.messages itself


# ---------------------------------------------------------------- English, from en.ts

def test_every_template_has_an_english_translation_with_the_same_arguments():
    findings = english_tables()["findings"]
    for key, template in CATALOGUE.items():
        assert template in findings, f"{key}: run scripts/build_translations.py --update and translate"
        english = findings[template]
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(template)), key
        assert not CJK.search(english), key


def test_every_finding_reads_in_english_but_for_quoted_source_text(findings):
    assert findings
    for f in findings:
        message = f.structured()
        english = in_english(message)
        assert "{" not in english, english
        assert chinese_outside(english, quotes_of(message)) == [], english


def test_findings_json_is_what_it_was(findings):
    """The JSON of the findings holds the Chinese message only (truth-format.md)."""
    for obj, f in zip(findings_to_json(findings), findings):
        assert obj["message"] == f.message
        assert "message_key" not in obj and "message_args" not in obj
