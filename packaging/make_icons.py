"""Render resources/icons/gkdesk.svg to gkdesk.png (window icon, Linux) and gkdesk.ico (Windows exe).

Run after changing the SVG: `.venv/bin/python packaging/make_icons.py`. The outputs are committed,
so a build needs neither this script nor Pillow.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def render(svg: Path, size: int) -> Image.Image:
    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    from io import BytesIO

    return Image.open(BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "gkdesk.svg"
    big = render(svg, 256)
    big.save(ICONS / "gkdesk.png")
    # Each ICO size rendered from the vector, not scaled down from 256 px, so small sizes stay sharp.
    frames = [render(svg, s) for s in ICO_SIZES]
    frames[-1].save(ICONS / "gkdesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    print(f"wrote {ICONS / 'gkdesk.png'} and {ICONS / 'gkdesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
