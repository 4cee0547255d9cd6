"""A one-line label that cuts its text with "…" to the width it is given and keeps the whole text at hand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of text cut with "…" to the width it gets, the whole text in its tooltip and accessible name (a long
    title or cover URL must not take the room of the verdicts below it; a status line must not widen the window)."""

    def __init__(self, parent: QWidget | None = None, *, keep_chars: int = 0) -> None:
        """``keep_chars``: the width it keeps when room is short, in average characters (0: it may shrink to
        nothing; a status-bar label keeps its text's width up to that many characters)."""
        super().__init__(parent)
        self._full = ""
        self._keep = keep_chars
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.updateGeometry()  # the hints follow the whole text (the shown one may be cut to nothing yet)
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def sizeHint(self) -> QSize:
        # The whole text's width (the shown text may be cut), so a layout that honours hints gives it back.
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        keep = min(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * self._keep) if self._full else 0
        return QSize(keep, super().minimumSizeHint().height())

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 0)))
