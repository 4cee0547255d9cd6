"""Render the SVG icon to a PNG of the given size (for the hicolor theme)."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

app = QGuiApplication(sys.argv[:1])
src, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
image = QImage(size, size, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
QSvgRenderer(src).render(painter)
painter.end()
if not image.save(out):
    raise SystemExit(f"could not write {out}")
