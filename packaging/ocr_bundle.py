"""What the one-folder application needs to read scans (gkdesk[ocr], readers/ocr.py).

Imported by packaging/gkdesk.spec when the build asks for OCR (GKDESK_BUNDLE_OCR=1, set by
`packaging/build_linux.sh --ocr`). RapidOCR finds its config.yaml beside its own modules and
the ONNX models the config names relative to it, so both go into the bundle at the same place
inside the package; ONNX Runtime's and OpenCV's libraries come through PyInstaller's own hooks
for them. Nothing here downloads anything: the models are the ones the installed wheel carries.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = "rapidocr_onnxruntime"
# Parts of the OCR stack gkdesk never runs: ONNX Runtime's model tools (they import torch,
# sympy, onnx). OpenCV's Python submodules stay: its __init__ loads them.
EXCLUDES = [
    "onnxruntime.tools",
    "onnxruntime.transformers",
    "onnxruntime.quantization",
    "onnxruntime.training",
    "onnxruntime.backend",
    "matplotlib",
    "torch",
    "sympy",
]


# The OCR stack itself: kept out of a bundle built without OCR even when the build environment
# has it installed (PyInstaller follows readers/ocr.py's imports inside its functions).
STACK = ["rapidocr_onnxruntime", "onnxruntime", "cv2", "shapely", "pyclipper", "numpy"]


def wanted() -> bool:
    import os

    return os.environ.get("GKDESK_BUNDLE_OCR", "") == "1"


def package_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"GKDESK_BUNDLE_OCR=1 but {PACKAGE} is not installed in the build environment (pip install -e .[ocr])")
    return Path(spec.origin).parent


def model_files(root: Path | None = None) -> list[Path]:
    """config.yaml and every model file it names, each checked to exist."""
    import yaml

    root = root or package_dir()
    config = root / "config.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    files = [config]
    for part in ("Det", "Cls", "Rec"):
        path = root / settings[part]["model_path"]
        if not path.is_file():
            raise SystemExit(f"{PACKAGE}: the model {path} named in its config.yaml is missing")
        files.append(path)
    keys = settings["Rec"].get("rec_keys_path")
    if keys:
        files.append(root / keys)
    return files


def datas(root: Path | None = None) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for the config and models: inside the package, where
    RapidOCR looks for them."""
    root = root or package_dir()
    return [(str(f), str(Path(PACKAGE) / f.parent.relative_to(root))) for f in model_files(root)]


def hiddenimports() -> list[str]:
    from PyInstaller.utils.hooks import collect_submodules

    return collect_submodules(PACKAGE) + ["onnxruntime", "cv2", "numpy", "pyclipper", "shapely", "yaml"]
