"""Old binary Word/WPS files: a clear message, and conversion with LibreOffice when it is there."""
import pytest

from gkdesk.errors import InputError
from gkdesk.readers import OldWordFormatError, convert_with_libreoffice, legacy, read_document
from gkdesk.reports import REPORT_SUFFIXES, load_report

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _old_doc(tmp_path, name="report.doc"):
    path = tmp_path / name
    path.write_bytes(OLE_HEADER + b"\0" * 600)
    return path


def test_doc_and_wps_are_offered_in_the_open_dialog():
    assert {".docx", ".html", ".htm", ".pdf", ".doc", ".wps"} <= set(REPORT_SUFFIXES)


@pytest.mark.parametrize("name", ["report.doc", "report.wps"])
def test_old_format_says_save_as_docx(tmp_path, monkeypatch, name):
    monkeypatch.setattr(legacy, "find_libreoffice", lambda: None)
    with pytest.raises(OldWordFormatError) as info:
        load_report(_old_doc(tmp_path, name))
    assert "另存为 .docx" in str(info.value)
    assert "LibreOffice" not in str(info.value)
    assert info.value.converter is None


def test_old_format_offers_libreoffice_when_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "find_libreoffice", lambda: "/opt/lo/soffice")
    with pytest.raises(OldWordFormatError) as info:
        load_report(_old_doc(tmp_path))
    assert "LibreOffice" in str(info.value)
    assert info.value.converter == "/opt/lo/soffice"


def test_docx_renamed_to_doc_is_read(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    path = tmp_path / "renamed.doc"
    document.save(str(path))
    assert read_document(path).text == "二、主动公开政府信息情况\n"


def test_docx_that_is_an_old_doc_inside(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "find_libreoffice", lambda: None)
    with pytest.raises(OldWordFormatError):
        load_report(_old_doc(tmp_path, "misnamed.docx"))


def test_conversion_without_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "find_libreoffice", lambda: None)
    with pytest.raises(InputError, match="LibreOffice"):
        convert_with_libreoffice(_old_doc(tmp_path))


def test_failed_conversion_is_a_clear_error(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "find_libreoffice", lambda: str(fake))
    with pytest.raises(InputError, match="未能转换"):
        convert_with_libreoffice(_old_doc(tmp_path), tmp_path / "out")


def test_calc_only_libreoffice_is_not_offered(tmp_path):
    program = tmp_path / "program"
    program.mkdir()
    (program / "soffice").write_text("")
    (program / "libsclo.so").write_text("")
    assert not legacy._has_writer(program / "soffice")
    (program / "libswlo.so").write_text("")
    assert legacy._has_writer(program / "soffice")


@pytest.mark.skipif(legacy.find_libreoffice() is None, reason="LibreOffice Writer not installed")
def test_conversion_with_libreoffice(tmp_path):
    import subprocess

    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    source = tmp_path / "source.docx"
    document.save(str(source))
    soffice = legacy.find_libreoffice()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    old = tmp_path / "source.doc"
    with pytest.raises(OldWordFormatError) as info:
        load_report(old)
    assert info.value.converter == soffice
    converted = convert_with_libreoffice(old, tmp_path / "converted")
    assert converted.parent == tmp_path / "converted" and converted.suffix == ".docx"
    assert "一、总体情况" in read_document(converted).text
