"""The PyInstaller spec and the sources agree: nothing gkdesk imports is left out of the bundle."""
import ast
import re

from conftest import ROOT

# Imported only by a command-line option that checks for it and says the app lacks it
# (`gkdesk export --csv`, see tests/test_export_frames.py): pandas would double the bundle.
# numpy: only the OCR of scanned PDFs (gkdesk[ocr], readers/ocr.py) imports it; a bundle built
# without OCR (the default) leaves numpy out, and opening a scan there says so.
# lxml: gkdesk.export.row_writer uses it only where openpyxl itself writes through lxml
# (row_writer.available()); the bundle leaves it out and openpyxl writes with its own writer.
OPTIONAL_IN_BUNDLE = {"pandas", "numpy", "lxml"}


def test_core_imports_nothing_the_bundle_excludes():
    """Every third-party module gkdesk imports must survive the spec's EXCLUDES."""
    spec = (ROOT / "packaging" / "gkdesk.spec").read_text(encoding="utf-8")
    excludes = set(re.findall(r'^\s+"([\w.]+)",', spec.split("EXCLUDES = [", 1)[1].split("]", 1)[0], re.M))
    assert {"pandas", "PySide6.QtNetwork"} <= excludes  # the list was read
    imported = set()
    for source in (ROOT / "gkdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)
    clash = {m for m in imported for e in excludes if m == e or m.startswith(e + ".")} - OPTIONAL_IN_BUNDLE
    assert clash == set()


def test_a_bundle_with_ocr_carries_rapidocrs_config_and_every_model_it_names():
    """packaging/ocr_bundle.py: config.yaml and the models it names go inside the package folder,
    where RapidOCR looks for them (beside its main module)."""
    import sys
    from pathlib import Path

    import pytest

    from gkdesk.readers.ocr import ocr_available

    if not ocr_available():
        pytest.skip("the OCR engine (rapidocr_onnxruntime, `pip install -e .[ocr]`) is not installed")
    sys.path.insert(0, str(ROOT / "packaging"))
    import ocr_bundle
    import yaml

    root = ocr_bundle.package_dir()
    datas = ocr_bundle.datas()
    placed = {str(Path(dest) / Path(src).name) for src, dest in datas}
    config = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    wanted = {"rapidocr_onnxruntime/config.yaml"} | {
        f"rapidocr_onnxruntime/{config[part]['model_path']}" for part in ("Det", "Cls", "Rec")
    }
    assert wanted <= placed
    assert all(Path(src).is_file() for src, _ in datas)
    spec = (ROOT / "packaging" / "gkdesk.spec").read_text(encoding="utf-8")
    assert "ocr_bundle.datas()" in spec and "ocr_bundle.hiddenimports()" in spec
