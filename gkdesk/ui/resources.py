"""Where the bundled files are: in the package when installed, beside it in a checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def sample_report() -> Path | None:
    """The bundled synthetic sample report."""
    folder = resources_dir() / "samples"
    found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    return found[0] if found else None
