"""UI language. Source strings are Chinese (the default); English comes from resources/i18n/en.ts.

`scripts/build_translations.py` compiles en.ts to en.qm with pyside6-lrelease. The .qm is a
build product: when it is absent, or older than the .ts (not rebuilt after an edit), the .ts
is read directly, so English is complete either way.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .resources import i18n_dir


class TsTranslator(QTranslator):
    """Translations read straight from a Qt Linguist .ts file (no compiled .qm needed)."""

    def __init__(self, ts_path: Path, parent=None):
        super().__init__(parent)
        # (context, source) -> the translation, or its plural forms (one, other) for %n messages
        self._table: dict[tuple[str, str], str | tuple[str, ...]] = {}
        root = ET.parse(ts_path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = tuple(f.text or "" for f in node.iter("numerusform"))
                if forms and all(forms):
                    self._table[(name, source)] = forms
                elif node.text and node.text.strip():
                    self._table[(name, source)] = node.text

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt calls this
        found = self._table.get((context, source))
        if found is None:
            return None  # a null QString: "not mine", so Qt keeps looking (Qt's own texts)
        if isinstance(found, tuple):  # English plural rule; Qt replaces %n afterwards
            return found[0] if n == 1 or len(found) == 1 else found[1]
        return found

    def isEmpty(self) -> bool:
        return not self._table

    def __len__(self) -> int:
        return len(self._table)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject; pyside6-lupdate collects `translate("Context", "…")` calls."""
    return QCoreApplication.translate(context, text, disambiguation, n)


_installed: list[QTranslator] = []


def install_language(language: str) -> str:
    """Install the translators for `language` ("zh_CN" or "en"); returns the language in use."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        ui = _app_translator("en")
        if ui is None:
            language = "zh_CN"
        else:
            _installed.append(ui)
    if language == "zh_CN":
        qt = QTranslator(app)
        # Qt's own dialogs and buttons in Chinese ("查找范围：", "文件类型：", 是/否): PySide6 ships
        # the .qm; a bundled app may report another TranslationsPath than where the files are.
        if any(qt.load("qtbase_zh_CN", folder) for folder in _qt_translation_dirs(qt_dir)):
            _installed.append(qt)
        gaps = i18n_dir().parent / "qt_i18n" / "qtbase_gaps_zh_CN.ts"  # what qtbase_zh_CN leaves English
        if gaps.is_file():
            try:
                _installed.append(TsTranslator(gaps, app))  # installed last: asked first
            except ET.ParseError:
                pass
    for tr in _installed:
        app.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" else QLocale(QLocale.Language.English))
    return language


def _qt_translation_dirs(reported: str) -> list[str]:
    """Where Qt's own .qm files may be: Qt's reported path, then inside the PySide6 package."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found = [reported, str(package / "Qt" / "translations"), str(package / "translations")]
    return [d for i, d in enumerate(found) if d and d not in found[:i]]


def _app_translator(language: str) -> QTranslator | None:
    folder = i18n_dir()
    qm = folder / f"{language}.qm"
    ts = folder / f"{language}.ts"
    if qm.is_file() and not _older(qm, ts):
        tr = QTranslator(QCoreApplication.instance())
        if tr.load(str(qm)):
            return tr
    if ts.is_file():
        try:
            tr = TsTranslator(ts, QCoreApplication.instance())
        except ET.ParseError:
            return None
        return tr if len(tr) else None
    return None


def _older(built: Path, source: Path) -> bool:
    """The compiled file predates its source (a stale build would hide new translations)."""
    try:
        return built.stat().st_mtime < source.stat().st_mtime
    except OSError:
        return False
