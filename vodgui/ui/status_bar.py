"""A status bar whose message never runs under its permanent widgets."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget


class ElidingStatusBar(QStatusBar):
    """QStatusBar draws a temporary message without clipping it, so a long one (a notification, a long file name,
    Chinese at 200%) ran under the permanent labels on its right. This one elides it to the room left of them and
    keeps the whole message in the tooltip.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self.setToolTip)

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        right = self.width()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not isinstance(child, QSizeGrip):
                right = min(right, child.geometry().left())
        margin = self.style().pixelMetric(self.style().PixelMetric.PM_LayoutLeftMargin, None, self) or 6
        room = QRect(margin, 0, max(0, right - 2 * margin), self.height())
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(room, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine,
                         self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, room.width()))
        painter.end()
