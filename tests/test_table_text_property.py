"""Table text left among the narrative's sentences is not read as claims, however OCR misread it
(checks/table_text.py), and the narrative's own sentences keep their claims however their lines
wrap. Generated: header lines of the form's labels with characters misread, after a narrative
sentence with or without its full stop; narrative sentences wrapped at any width."""
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report  # noqa: E402
from test_claim_grammar_property import SETTINGS, _sentence, statements  # noqa: E402

from gkdesk.checks.claims import extract_claims  # noqa: E402
from gkdesk.schema import normalize_label, table_spec  # noqa: E402

YEAR = 2023
# What OCR puts for a character it cannot read: look-alikes, 未 for 末 (an absence word), and
# characters of other labels.
MISREADS = "美末未己已日曰土士天夫人入大太口曰申由甲田目且直起诉复议审结果"


def _header_labels(table_id: str) -> list[str]:
    """A table's column labels as its header rows print them: groups and leaves."""
    spec = table_spec("2021", table_id)
    labels: set[str] = set()
    for r in range(len(spec.rows)):
        for col in spec.row_columns(r):
            labels.update(normalize_label(x) for x in (col.label, *col.path))
    return sorted(x for x in labels if x)


@st.composite
def misread(draw, label: str, most: int) -> tuple[str, int]:
    """(the label with up to `most` characters misread or lost, how many): one at most in 4-7
    characters, two in 8+, never both of its first two; shorter labels as written."""
    if len(label) < 4:
        return label, 0
    chars = list(label)
    count = draw(st.integers(0, min(most, 1 if len(label) < 8 else 2)))
    spots = draw(st.lists(st.integers(0, len(label) - 1), min_size=count, max_size=count, unique=True))
    if {0, 1} <= set(spots):
        spots.remove(0)
    for i in sorted(spots, reverse=True):
        if draw(st.booleans()):
            chars[i] = draw(st.sampled_from(MISREADS))
        else:
            del chars[i]
    return "".join(chars), len(spots)


@st.composite
def header_lines(draw) -> str:
    """One to three lines of tab-separated header cells of one table, a character or two of
    each line misread."""
    labels = _header_labels(draw(st.sampled_from(["t2", "t3", "t4"])))
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        cells = draw(st.lists(st.sampled_from(labels), min_size=2, max_size=6))
        most = 2
        read = []
        for cell in cells:
            got, count = draw(misread(cell, most))
            most -= count
            read.append(got)
        lines.append("\t".join(read))
    return "\n".join(lines)


def _claims(text: str, section: str, t) -> list[tuple]:
    report = make_report(text=document(text, section, YEAR), year=YEAR, t2=t["t2"], t3=t["t3"], t4=t["t4"])
    return [(c.rule, c.stated, c.cells, c.zero) for c in extract_claims(report)]


@SETTINGS
@given(statements(), header_lines(), st.booleans(), st.data())
def test_misread_header_lines_after_a_sentence_give_no_claim(case, header, full_stop, data):
    t, section, clauses = case
    sentence = _sentence(data.draw, section, clauses, [v for _, v, _ in clauses])
    if not full_stop:  # OCR lost the sentence's full stop: the header line runs on in its sentence
        sentence = sentence.rstrip("。")
    assert _claims(sentence + "\n" + header, section, t) == _claims(sentence, section, t), header


@SETTINGS
@given(statements(), st.integers(8, 40), st.data())
def test_a_narrative_wrapped_at_any_width_keeps_its_claims(case, width, data):
    t, section, clauses = case
    sentence = _sentence(data.draw, section, clauses, [v for _, v, _ in clauses])
    wrapped = "\n".join(sentence[i : i + width] for i in range(0, len(sentence), width))
    assert _claims(wrapped, section, t) == _claims(sentence, section, t), wrapped
