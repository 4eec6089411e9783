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


def sample_working_copy(folder: Path) -> Path | None:
    """A copy of the sample in a writable folder (the installed one may be read-only), so that
    opening it and trying edits leaves the bundled file alone. An existing copy is kept, with
    the reviewer's edits in its sidecar, unless the bundled sample changed."""
    import shutil

    sample = sample_report()
    if sample is None:
        return None
    target = folder / sample.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != sample.read_bytes():
            shutil.copyfile(sample, target)
    except OSError:
        return sample  # no writable folder: open the bundled file itself
    return target
