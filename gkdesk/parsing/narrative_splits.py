"""Rows of digits run together that the relations leave open, decided by the report's own words.

表二 has no relations: `行政规范性文件8855698` splits as 8/8/55698, 88/55/698, 885/5/698, …
When the narrative states the row's figures (集中公开现行有效行政规范性文件698件，本年度制发88件),
the one split that agrees with every such statement is taken, marked inferred, with a note
naming the sentence. A statement the split cannot be checked against decides nothing; two
splits that both agree leave the row open as it was.
"""
from __future__ import annotations

from ..checks.claims import extract_claims
from ..model import Cell, ParseNote, Report

NOTE = "网页平铺文本中本行数字连写在一起，表格勾稽关系不能确定拆法，按报告正文所述数字拆分：{phrases}"
SETTLED = "narrative_split"


def settle_by_narrative(report: Report) -> None:
    """Decide the open rows (ambiguous_split notes with candidates) the narrative tells apart."""
    open_notes = [
        n for n in report.notes
        if n.code == "ambiguous_split" and n.candidates and n.table in report.tables and n.row is not None
    ]
    if not open_notes:
        return
    claims = [c for c in extract_claims(report) if c.checked and c.firm and c.cells and not c.alternatives]
    for note in open_notes:
        table = report.tables[note.table]
        about = [c for c in claims if all(t == note.table and r == note.row for t, r, _ in c.cells)]
        if not about:
            continue
        fitting = [
            cand for cand in note.candidates
            if all(c.allows(sum(cand[col] or 0 for _, _, col in c.cells)) for c in about)
        ]
        if len(fitting) != 1 or len(note.candidates) < 2:
            continue
        phrases = "；".join(dict.fromkeys(c.phrase for c in about))
        raw = report.text[note.span[0] : note.span[1]] if note.span else ""
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
