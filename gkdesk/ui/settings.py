"""The window's settings: typed defaults in one place, stored with QSettings."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "gkdesk"
APPLICATION = "gkdesk"
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Defaults:
    language: str = "zh_CN"
    window_width: int = 1440  # clipped to the screen's available area
    window_height: int = 900
    recent_limit: int = 10
    source_font_points: int = 11
    # Fonts that render Chinese well, in order of preference; the first installed one is used.
    ui_fonts: tuple[str, ...] = (
        "Microsoft YaHei UI",  # Windows 10/11
        "Microsoft YaHei",
        "Noto Sans CJK SC",  # Linux, UOS, Kylin
        "Source Han Sans SC",
        "WenQuanYi Micro Hei",
        "PingFang SC",
        "Noto Sans SC",
    )


DEFAULTS = Defaults()


class Settings:
    """Typed access to QSettings; pass a QSettings (e.g. an .ini in a temp folder) in tests."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def at(cls, ini_path: str | Path) -> "Settings":
        return cls(QSettings(str(ini_path), QSettings.Format.IniFormat))

    # ------------------------------------------------------------ language
    @property
    def language(self) -> str:
        value = str(self.store.value("ui/language", DEFAULTS.language))
        return value if value in LANGUAGES else DEFAULTS.language

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value if value in LANGUAGES else DEFAULTS.language)

    # ------------------------------------------------------------ zoom of the grids and the source text
    ZOOM_RANGE = (50, 250)

    @property
    def zoom(self) -> int:
        """Percent of the normal size (100)."""
        try:
            value = int(self.store.value("view/zoom", 100))
        except (TypeError, ValueError):
            return 100
        return min(max(value, self.ZOOM_RANGE[0]), self.ZOOM_RANGE[1])

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("view/zoom", min(max(int(value), self.ZOOM_RANGE[0]), self.ZOOM_RANGE[1]))

    # ------------------------------------------------------------ recent files and folders
    def recent(self) -> list[str]:
        value = self.store.value("recent/paths", [])  # defaults everywhere: no None from QVariant
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.recent() if p != path]
        items.insert(0, path)
        self.store.setValue("recent/paths", items[: DEFAULTS.recent_limit])

    def clear_recent(self) -> None:
        self.store.remove("recent/paths")

    # ------------------------------------------------------------ window geometry
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry", QByteArray())
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state", QByteArray())
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self.store.value(f"window/{name}", QByteArray())
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_splitter_state(self, name: str, state: QByteArray) -> None:
        self.store.setValue(f"window/{name}", state)

    def sync(self) -> None:
        self.store.sync()
