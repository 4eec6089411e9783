"""Property-based attacks on decoding, recognition and checks (issue 8, item 1).

For any text, any bytes, any mutated report: a Report with sound provenance (see
tests/fuzz/properties.py for the exact property) or a clear InputError, never anything else.
"""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import strategies as gen
from fuzz.mutations import apply, encode_mixed
from fuzz.properties import assert_clear_error, assert_file_opens_soundly, assert_findings_sound, assert_report_sound
from fuzz.seeds import seed_texts
from gkdesk.checks import check_report
from gkdesk.decoding import decode_bytes
from gkdesk.errors import InputError
from gkdesk.parsing import parse_text
from gkdesk.parsing.sections import _squeezed_by_chunks
from gkdesk.reports import REPORT_SUFFIXES
from gkdesk.schema import _norm_char, squeeze

# Bounded: the whole robustness suite stays well under two minutes in CI. For a longer hunt:
# GKDESK_ROBUST_SCALE=20 python -m pytest tests/test_robust_parser.py
SCALE = float(os.environ.get("GKDESK_ROBUST_SCALE", "1"))
# One example takes milliseconds; one that takes 20 s has found a hang (a search without bound).
HANG = timedelta(seconds=20)
FAST = settings(max_examples=int(150 * SCALE), deadline=HANG, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=int(60 * SCALE), deadline=HANG, suppress_health_check=[HealthCheck.too_slow])


def parse_and_check(text: str) -> None:
    report = parse_text(text)
    assert_report_sound(report, text)
    assert_findings_sound(report, check_report(report))


@pytest.mark.parametrize("k", range(len(seed_texts())))
def test_unmutated_seed_reports_are_sound(k):
    text = seed_texts()[k]
    report = parse_text(text)
    assert report.tables, "a seed report must have tables, or the mutations start from nothing"
    assert_report_sound(report, text)
    assert_findings_sound(report, check_report(report))


@FAST
@given(st.text(max_size=3000))
def test_any_text_gives_a_sound_report(text):
    parse_and_check(text)


@FAST
@given(gen.report_like_text)
def test_text_made_of_report_words_gives_a_sound_report(text):
    parse_and_check(text)


@FAST
@given(gen.seed_text, gen.mutations)
def test_mutated_reports_give_sound_reports(text, ops):
    parse_and_check(apply(text, ops))


@FAST
@given(st.binary(max_size=4000))
def test_any_bytes_decode_or_are_refused_clearly(data):
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert_clear_error(exc)
        return
    assert "\r" not in decoded.text and not decoded.text.startswith("\ufeff")
    parse_and_check(decoded.text)


@SLOW
@given(gen.seed_text, gen.mutations, gen.cuts, gen.encodings)
def test_mutated_reports_in_mixed_encodings_decode_or_are_refused(text, ops, cuts, encodings):
    data = encode_mixed(apply(text, ops), cuts, encodings)
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert_clear_error(exc)
        return
    parse_and_check(decoded.text)


@SLOW
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.tuples(gen.seed_text, gen.mutations, gen.cuts, gen.encodings).map(
            lambda a: encode_mixed(apply(a[0], a[1]), a[2], a[3])
        ),
    ),
    st.sampled_from(REPORT_SUFFIXES + (".dat", "")),
)
def test_any_file_under_any_name_opens_or_is_refused_clearly(data, suffix):
    """Files renamed to .txt, .docx, .pdf, .html ...: a report or a clear message."""
    assert_file_opens_soundly(data, f"报告{suffix}")


def _squeeze_by_definition(text: str) -> tuple[str, list[int]]:
    chars, index = [], []
    for i, ch in enumerate(text):
        n = _norm_char(ch)
        chars.append(n)
        index.extend([i] * len(n))
    return "".join(chars), index


_label_chars = st.text(
    alphabet=st.one_of(st.sampled_from("表三 \t\n\u3000*|#`\\“”‘’㈠①½ｱ１２國開發ﬁ\u00a0"), st.characters()), max_size=200
)


@FAST
@given(_label_chars)
def test_fast_squeeze_is_the_per_character_definition(text):
    assert squeeze(text) == _squeeze_by_definition(text)


@FAST
@given(_label_chars, st.integers(min_value=1, max_value=64))
def test_chunked_squeeze_maps_every_offset_back(text, chunk):
    import gkdesk.parsing.sections as sections

    original, sections._CHUNK = sections._CHUNK, chunk
    try:
        squeezed, offset_of = _squeezed_by_chunks(text)
    finally:
        sections._CHUNK = original
    expected, index = squeeze(text)
    assert squeezed == expected
    assert [offset_of(i) for i in range(len(squeezed))] == index


@FAST
@given(
    gen.seed_text,
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]),
    st.floats(min_value=0.05, max_value=1.0),
)
def test_a_file_cut_short_anywhere_reads_as_a_prefix_of_its_text(text, encoding, fraction):
    """An interrupted copy or download: the part that is there, even cut inside a character."""
    data = text.encode(encoding)
    full = decode_bytes(data)
    part = data[: max(200, int(len(data) * fraction))]
    cut = decode_bytes(part)
    assert cut.encoding == full.encoding
    # Everything that is there, less at most the one character cut in half.
    there = part.decode(full.encoding, errors="ignore").replace("\r\n", "\n").replace("\r", "\n")
    assert cut.text == there.removeprefix("\ufeff") and full.text.startswith(cut.text)
    parse_and_check(cut.text)
