"""The PDF page beside the grid: the page as printed, the selected cell's box outlined on it.

Pages are rendered off the GUI thread (readers/page_images.py, PDFium) and kept while the report
is open, a few at a time. Boxes are the cells' `region` (page, x0, top, x1, bottom in points from
the page's top left), so the outline stands where the reader found the value. Clicking a box on
the page selects its cell (`cellClicked`).
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

from .background import run_in_background

# Rendering resolution: sharp enough for digits at 100 % zoom on a laptop screen, ~30 ms a page.
RENDER_DPI = 110.0
_KEPT_PAGES = 6

Region = tuple[int, float, float, float, float]


def render_page(path: str, number: int, dpi: float = RENDER_DPI) -> QImage:
    """One page as a QImage (callable on any thread: QImage, unlike QPixmap, is thread-safe).

    PDFium renders in the child process that reads the window's PDFs (gkdesk.isolated_reading:
    a page that crashes it is a page not shown, not a window lost); its bitmap goes straight
    into the QImage: no numpy (the one-folder app leaves it out)."""
    from ..isolated_reading import render_page as render_bitmap

    bitmap = render_bitmap(path, number, dpi)
    formats = {"RGB": QImage.Format_RGB888, "RGBA": QImage.Format_RGBA8888, "RGBX": QImage.Format_RGBX8888,
               "BGR": QImage.Format_BGR888}
    fmt = formats.get(bitmap.mode)
    if fmt is None:
        raise ValueError(f"unexpected bitmap mode {bitmap.mode}")
    image = QImage(bitmap.data, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()  # own the bytes
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    return image


class PageView(QGraphicsView):
    """Shows one page of a PDF and outlines regions on it."""

    cellClicked = Signal(object)  # the CellAddr whose box was clicked
    pageShown = Signal(int)  # the page now shown (1-based)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor("#808080")))
        self._path: str | None = None
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._page: int | None = None
        self._scale = RENDER_DPI / 72.0
        self._boxes: list[tuple[Region, object]] = []  # every cell's region on the document's pages
        self._outline: QGraphicsRectItem | None = None
        self._wanted: tuple[int, Region | None] | None = None
        self._pending: set[int] = set()
        self._failed: dict[int, str] = {}  # pages that could not be rendered: why (not tried again)
        self.zoom = 1.0
        self._user_zoom = False  # until the reviewer zooms, a page fits the pane's width

    # ------------------------------------------------------------ document
    def set_document(self, path: str | None, boxes: list[tuple[Region, object]]) -> None:
        """A new PDF (None: nothing to show) and the regions of its cells, with their addresses."""
        self._path = path
        self._images.clear()
        self._pending.clear()
        self._failed.clear()
        self._boxes = list(boxes)
        self._page = None
        self._outline = None
        self.scene().clear()

    @property
    def page(self) -> int | None:
        return self._page

    def outline(self, region: Region | None) -> None:
        """Show the region's page with the region outlined and scrolled into view."""
        if region is None or self._path is None:
            if self._outline is not None:
                self._outline.setVisible(False)
            return
        self._wanted = (region[0], region)
        self._show(region[0])

    def show_page(self, number: int) -> None:
        self._wanted = (number, None)
        self._show(number)

    def rendered_rect(self, region: Region) -> QRectF:
        """The region in scene coordinates (pixels of the page as rendered)."""
        _, x0, top, x1, bottom = region
        s = self._scale
        return QRectF(x0 * s, top * s, (x1 - x0) * s, (bottom - top) * s)

    def outline_rect(self) -> QRectF | None:
        if self._outline is None or not self._outline.isVisible():
            return None
        return self._outline.rect()

    # ------------------------------------------------------------ rendering
    def failure(self, number: int) -> str:
        """Why page `number` could not be rendered ("" if it was, or was not tried)."""
        return self._failed.get(number, "")

    def _show(self, number: int) -> None:
        image = self._images.get(number)
        if image is None:
            if number in self._failed:
                self._show_failure(number)
            else:
                self._render(number)
            return
        self._images.move_to_end(number)
        if number != self._page:
            scene = self.scene()
            scene.clear()
            self._outline = None
            scene.addPixmap(QPixmap.fromImage(image))
            scene.setSceneRect(QRectF(image.rect()))
            self._page = number
            if not self._user_zoom:
                self._fit_width(image.width())
            self.pageShown.emit(number)
        wanted = self._wanted
        if wanted is not None and wanted[0] == number and wanted[1] is not None:
            rect = self.rendered_rect(wanted[1]).adjusted(-3, -3, 3, 3)
            if self._outline is None:
                pen = QPen(QColor("#d32f2f"))
                pen.setWidthF(2.5)
                pen.setCosmetic(True)
                self._outline = self.scene().addRect(rect, pen, QBrush(QColor(211, 47, 47, 40)))
                self._outline.setZValue(1)
            else:
                self._outline.setRect(rect)
                self._outline.setVisible(True)
            self.ensureVisible(rect, 60, 60)
        elif self._outline is not None:
            self._outline.setVisible(False)

    def _render(self, number: int) -> None:
        if number in self._pending or self._path is None:
            return
        self._pending.add(number)
        path = self._path

        def done(image: QImage) -> None:
            self._pending.discard(number)
            if path != self._path:
                return  # another document since
            self._images[number] = image
            while len(self._images) > _KEPT_PAGES:
                self._images.popitem(last=False)
            if self._wanted is not None and self._wanted[0] == number:
                self._show(number)

        def failed(exc) -> None:
            self._pending.discard(number)
            if path != self._path:
                return
            # A page that crashed its renderer (gkdesk.isolated_reading) or raised: said on the
            # page's place, and not rendered again for this document.
            self._failed[number] = str(exc) or repr(exc)
            if self._wanted is not None and self._wanted[0] == number:
                self._show(number)

        run_in_background(lambda progress: render_page(path, number), on_success=done, on_failure=failed, parent=self)

    def _show_failure(self, number: int) -> None:
        scene = self.scene()
        scene.clear()
        self._outline = None
        self._page = number
        text = self.tr("无法显示第 %1 页：%2").replace("%1", str(number)).replace("%2", self._failed[number])
        item = scene.addText(text)
        item.setDefaultTextColor(QColor("#ffffff"))
        item.setTextWidth(max(200, self.viewport().width() - 40))
        scene.setSceneRect(item.boundingRect())
        self.pageShown.emit(number)

    # ------------------------------------------------------------ interaction
    def _fit_width(self, pixels: int) -> None:
        room = self.viewport().width() - 4
        if pixels > 0 and room > 50:
            self._apply_zoom(min(1.0, room / pixels))

    def set_zoom(self, zoom: float) -> None:
        """The reviewer's zoom (Ctrl + wheel); kept for the following pages."""
        self._user_zoom = True
        self._apply_zoom(zoom)

    def _apply_zoom(self, zoom: float) -> None:
        self.zoom = max(0.25, min(4.0, zoom))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            self.set_zoom(self.zoom * (1.15 if event.angleDelta().y() > 0 else 1 / 1.15))
            event.accept()
            return
        super().wheelEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._page is None:
            return
        point = self.mapToScene(event.position().toPoint())
        addr = self.cell_at(self._page, point.x() / self._scale, point.y() / self._scale)
        if addr is not None:
            self.cellClicked.emit(addr)

    def cell_at(self, page: int, x: float, y: float):
        """The address of the smallest cell box on `page` holding the point (in PDF points)."""
        best = None
        for (p, x0, top, x1, bottom), addr in self._boxes:
            if p == page and x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1:
                area = (x1 - x0) * (bottom - top)
                if best is None or area < best[0]:
                    best = (area, addr)
        return None if best is None else best[1]
