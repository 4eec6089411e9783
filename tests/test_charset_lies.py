"""Charset lies (issue 15): a page declaring one charset but written in another is read in the
one that gives Chinese, with a note saying so; an honest declaration is kept without a note."""
from __future__ import annotations

import pytest

from fuzz import hostile
from gkdesk.readers.html_reader import CHARSET_MISMATCH
from gkdesk.reports import load_report


@pytest.mark.parametrize("declared,written", [("iso-8859-1", "gb18030"), ("windows-1252", "gbk"), ("iso-8859-1", "utf-8"), ("koi8-r", "gb18030")])
def test_the_decoding_that_gives_chinese_is_used_and_noted(tmp_path, declared, written):
    report = load_report(hostile.charset_lie(tmp_path, declared, written))
    notes = [n for n in report.notes if n.code == CHARSET_MISMATCH]
    assert len(notes) == 1 and "声明" in notes[0].message
    assert "政府信息公开" in report.text and report.tables.get("t3") is not None


@pytest.mark.parametrize("charset", ["gb18030", "utf-8"])
def test_an_honest_declaration_is_kept(tmp_path, charset):
    report = load_report(hostile.charset_lie(tmp_path, charset, charset))
    assert not [n for n in report.notes if n.code == CHARSET_MISMATCH] and "政府信息公开" in report.text


def test_a_latin_page_declared_latin_stays_latin(tmp_path):
    page = tmp_path / "latin.html"
    page.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Café rapport annuel 2023 été</p></body></html>'.encode("latin-1"))
    report = load_report(page)
    assert "Café" in report.text and not [n for n in report.notes if n.code == CHARSET_MISMATCH]
