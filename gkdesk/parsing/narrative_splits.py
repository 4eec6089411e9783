"""Rows of digits run together that the relations leave open, decided by the report's own words.

表二 has no relations: `行政规范性文件8855698` splits as 8/8/55698, 88/55/698, 885/5/698, …
When the narrative states the row's figures (集中公开现行有效行政规范性文件698件，本年度制发88件),
the splits that agree with every such statement are kept: one left decides the row; several
left still decide the cells they all agree on (`行政处罚12303` with 行政处罚3项: the 3, not
where 123 splits), the others stay open with the fewer alternatives. Each cell so read is
marked inferred, with a note naming the sentence. A statement with several readings (行政处罚
may be the 上一年项目数量 or the 处理决定数量 of the 2019 form) keeps every split some reading
allows; a statement the row cannot be checked against, or that no split agrees with (the
narrative contradicts the table: the checks report it), decides nothing.
"""
from __future__ import annotations

from ..checks.claims import Claim, extract_claims
from ..model import Cell, ParseNote, Report

NOTE = "网页平铺文本中本行数字连写在一起，表格勾稽关系不能确定拆法，按报告正文所述数字拆分：{phrases}"
AGREED_NOTE = "网页平铺文本中本行数字连写在一起，本行仍有几种拆法，与报告正文所述（{phrases}）相符的拆法此格都是这个值，请对照原文核对"
SETTLED = "narrative_split"


def _readings_in_row(claim: Claim, table: str, row: int) -> list[tuple]:
    return [cells for cells in (claim.cells,) + claim.alternatives if all(t == table and r == row for t, r, _ in cells)]


def _fits(candidate: tuple, claim: Claim, table: str, row: int) -> bool:
    """Some reading of the claim allows the split (a reading outside the row cannot refute it)."""
    for cells in (claim.cells,) + claim.alternatives:
        if not all(t == table and r == row for t, r, _ in cells):
            return True
        if claim.allows(sum(candidate[col] or 0 for _, _, col in cells)):
            return True
    return False


def settle_by_narrative(report: Report) -> None:
    """Decide the open rows (ambiguous_split notes with candidates), or the cells of them, that
    the narrative tells apart."""
    open_notes = [
        n for n in report.notes
        if n.code == "ambiguous_split" and n.candidates and n.table in report.tables and n.row is not None
    ]
    if not open_notes:
        return
    claims = [c for c in extract_claims(report) if c.checked and c.firm and c.cells]
    for note in open_notes:
        table = report.tables[note.table]
        about = [c for c in claims if _readings_in_row(c, note.table, note.row)]
        if not about or len(note.candidates) < 2:
            continue
        fitting, used = list(note.candidates), []
        for claim in about:
            kept = [cand for cand in fitting if _fits(cand, claim, note.table, note.row)]
            if kept:  # a statement no split agrees with contradicts the table: it decides nothing
                fitting, used = kept, used + [claim]
        if len(fitting) == len(note.candidates):
            continue
        phrases = "；".join(dict.fromkeys(c.phrase for c in used))
        raw = report.text[note.span[0] : note.span[1]] if note.span else ""
        if len(fitting) == 1:
            table.cells[note.row] = [
                Cell(v, raw if v is not None else "", note.span if v is not None else None, 0.6, True,
                     NOTE.format(phrases=phrases))
                for v in fitting[0]
            ]
            report.notes.remove(note)
            shown = "、".join("空" if v is None else str(v) for v in fitting[0])
            report.notes.append(ParseNote(
                SETTLED,
                f"{table.spec.number}“{table.spec.rows[note.row].label}”一行的数字连写，勾稽关系不能确定拆法，"
                f"按正文所述（{phrases}）拆为：{shown}，请对照原文核对",
                note.table, note.row, note.span,
            ))
            continue
        _narrow(report, note, fitting, phrases, raw)


def _narrow(report: Report, note: ParseNote, fitting: list[tuple], phrases: str, raw: str) -> None:
    """Several splits agree with the narrative: the cells they all agree on are read (marked),
    the others stay open, the note listing only the splits left."""
    table = report.tables[note.table]
    row = table.cells[note.row]
    for col in range(len(row)):
        values = {cand[col] for cand in fitting}
        if len(values) == 1 and row[col].value is None and row[col].span is None:
            (v,) = values
            if v is not None:
                row[col] = Cell(v, raw, note.span, 0.4, True, AGREED_NOTE.format(phrases=phrases))
    listed = "；".join("、".join("空" if v is None else str(v) for v in cand) for cand in fitting[:3])
    more = " 等" if len(fitting) > 3 else ""
    label = table.spec.rows[note.row].label
    report.notes[report.notes.index(note)] = ParseNote(
        note.code,
        f"{table.spec.number}“{label}”一行的数字连写在一起（{raw}），按正文所述（{phrases}）仍可拆为：{listed}{more}，"
        "无法确定，请对照原文填写",
        note.table, note.row, span=note.span, candidates=tuple(fitting),
    )
