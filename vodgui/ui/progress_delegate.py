"""Paints the Progress column as a native progress bar from the model's fraction, its percentage readable on
both parts of the bar in any palette."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.ui.queue_model import FRACTION_ROLE, SNAPSHOT_ROLE
from vodgui.ui.style import bar_palette

_Index = QModelIndex | QPersistentModelIndex
_STEPS = 1000


class ProgressDelegate(QStyledItemDelegate):
    """Draws a progress bar with the percentage in it; nothing for items that have not started.

    Signals: none.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The row's background and selection first, so the bar sits on the same surface as the other cells.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        snap: JobSnapshot | None = index.data(SNAPSHOT_ROLE)
        fraction = float(index.data(FRACTION_ROLE) or 0.0)
        if snap is None or (fraction <= 0 and not snap.state.active and snap.state is not JobState.DONE):
            return  # queued, cancelled before starting...: an empty bar per row would only add noise
        bar = QStyleOptionProgressBar()
        if widget is not None:
            bar.initFrom(widget)
        rect = opt.rect
        height = min(rect.height() - 6, max(14, opt.fontMetrics.height() + 2))
        bar.rect = rect.adjusted(4, 0, -4, 0)
        bar.rect.setTop(rect.top() + (rect.height() - height) // 2)
        bar.rect.setHeight(height)
        bar.minimum = 0
        bar.maximum = _STEPS
        bar.progress = round(max(0.0, min(1.0, fraction)) * _STEPS)
        # The percentage is drawn here, not by the style: styles pick its colours differently (Fusion under a
        # style sheet draws it in Text over the fill too); here it is HighlightedText on the fill and Text beside,
        # each readable on its part of the bar (style.bar_palette).
        bar.textVisible = False
        if not snap.progress_known:
            # An upload by URL: VOD moves the bytes and says nothing about how far it is. A busy bar, no number.
            bar.maximum = bar.progress = 0
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = bar_palette(opt.palette)
        painter.save()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        if snap.progress_known:
            contents = style.subElementRect(QStyle.SubElement.SE_ProgressBarContents, bar, widget)
            filled = QRect(contents.left(), bar.rect.top(), round(contents.width() * bar.progress / _STEPS),
                           bar.rect.height())
            text = f"{fraction * 100:.0f}%"
            painter.setFont(opt.font)
            for clip, role in ((QRegion(filled), QPalette.ColorRole.HighlightedText),
                               (QRegion(bar.rect).subtracted(QRegion(filled)), QPalette.ColorRole.Text)):
                painter.setClipRegion(clip)
                painter.setPen(bar.palette.color(role))
                painter.drawText(bar.rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
