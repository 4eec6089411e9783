"""The narrative's sentence and clause split: regex passes that give exactly what the
character-by-character definition gives (kept here as the reference), on real reports and
on text built to hit every edge (no end mark, marks in a row, full-width marks, characters
that normalize to several, pieces of a long region)."""
import random

import pytest

from conftest import ROOT, shared_path
from gkdesk.checks import claims
from gkdesk.checks.claims import extract_claims, narrative_sentences
from gkdesk.parsing import parse_text, read_report
from gkdesk import schema
from gkdesk.schema import squeeze

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


def reference_split(text: str, start: int, end: int) -> list[tuple[str, list[int]]]:
    """The definition: a sentence ends after each of 。!? of the squeezed text, and at its end."""
    squeezed, index = squeeze(text[start:end])
    out, pos = [], 0
    for i, ch in enumerate(squeezed):
        if ch in "。!?" or i == len(squeezed) - 1:
            out.append((squeezed[pos : i + 1], [start + k for k in index[pos : i + 1]]))
            pos = i + 1
    return out


def reference_clauses(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for i, ch in enumerate(text):
        if ch in ",;:" and not claims._THOUSANDS.match(text, i - 1):
            out.append((pos, i))
            pos = i + 1
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def assert_split_as_defined(report) -> int:
    found = narrative_sentences(report)
    expected = []
    for a, b in _regions(report):  # the regions it splits, split by the definition
        expected += reference_split(report.text, a, b)
    assert [s.text for s in found] == [t for t, _ in expected]
    for sentence, (text, offsets) in zip(found, expected):
        assert [sentence.offset(i) for i in range(len(text))] == offsets
        assert sentence.span() == (offsets[0], offsets[-1] + 1)
    return len(found)


def _regions(report):
    """The cuts narrative_sentences splits (outside tables, at heading lines), via its own helpers."""
    captured = []
    real = claims._split
    try:
        claims._split = lambda r, a, b: captured.append((a, b)) or []
        narrative_sentences(report)
    finally:
        claims._split = real
    return captured


def test_sample_report_splits_as_defined():
    assert assert_split_as_defined(read_report(SAMPLE)) > 20


def test_seed_reports_split_as_defined():
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        assert assert_split_as_defined(read_report(path)) > 10, path.name


EDGE_PIECES = [
    "本年度共收到政府信息公开申请", "42", "件", "。", "！", "？", "!", "?", "，", ",", "；", ";", "：", ":",
    " ", "\u3000", "\n", "1,123", "㈠", "⑴", "Ａ", "１２", "‼", "⁉", "﹗", "未收到", "行政复议", "2023年",
]


@pytest.mark.parametrize("seed", range(40))
def test_random_text_splits_as_defined(seed):
    rng = random.Random(seed)
    body = "".join(rng.choice(EDGE_PIECES) for _ in range(rng.randint(0, 400)))
    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n" + body
    report = parse_text(text)
    assert_split_as_defined(report)
    for sentence in narrative_sentences(report):
        assert claims._clauses(sentence.text) == reference_clauses(sentence.text)


def test_clauses_as_defined_on_commas_of_thousands():
    for text in ("1,123件,2件", ",1,000;", "a:b,,c", "", "1,1234,5", "12,345,678件"):
        assert claims._clauses(text) == reference_clauses(text)


def test_a_long_region_is_split_in_pieces_with_the_same_sentences(monkeypatch):
    text = SAMPLE.read_text(encoding="utf-8")
    report = read_report(SAMPLE)
    whole = [(s.text, s.span(), s.section) for s in narrative_sentences(report)]
    monkeypatch.setattr(schema, "_PIECE", 101)  # squeeze cuts the region in pieces
    pieces = [(s.text, s.span(), s.section) for s in narrative_sentences(report)]
    assert pieces == whole and len(text) > 20 * 101
    assert extract_claims(report)  # and the claims read off them
