"""The queue table: rows of the shared :class:`QueueModel`, a drop target for files and folders, and a hint when
the queue is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QMimeData, QRect, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from vodgui.ui.progress_delegate import ProgressDelegate
from vodgui.ui.queue_model import Column

#: Starting widths in average characters; the Error column takes what is left.
_WIDTH_CHARS = {Column.FILE: 30, Column.SIZE: 9, Column.STATE: 11, Column.PROGRESS: 12, Column.SPEED: 10,
                Column.ETA: 6, Column.VIDEO_ID: 18}


class _ElideRightDelegate(QStyledItemDelegate):
    """Error messages read from the start: cut them at the end, not in the middle like file names.

    Signals: none.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


def local_paths(mime: QMimeData | None) -> list[str]:
    """The local files and folders in a drag (URLs from other programs that are not local are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class QueueView(QTableView):
    """The upload queue as a table.

    Drag-and-drop is accepted on the viewport for local files and folders (the view never drags rows itself).
    Long file names are elided in the middle, where names differ least often at the ends.

    Signals:
        paths_dropped(list): local paths (files and folders) dropped on the view.
    """

    paths_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drag_over = False
        self.setObjectName("queueView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed row heights: the view never measures 10,000 rows to lay them out.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        self.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(Column.ERROR, _ElideRightDelegate(self))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        model.rowsInserted.connect(self._on_rows_changed)
        model.rowsRemoved.connect(self._on_rows_changed)
        model.modelReset.connect(self._on_rows_changed)
        char = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        for column, chars in _WIDTH_CHARS.items():
            header.resizeSection(column, chars * char + 16)

    # -- drag and drop ---------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            self._set_drag_over(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drag_over(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drag_over(False)
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.paths_dropped.emit(paths)

    def _set_drag_over(self, value: bool) -> None:
        if value != self._drag_over:
            self._drag_over = value
            self.viewport().update()

    def _on_rows_changed(self, *_: object) -> None:
        if self.model() is not None and self.model().rowCount() <= 1:
            self.viewport().update()  # the empty-queue hint appears or goes

    # -- painting --------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        empty = self.model() is None or self.model().rowCount() == 0
        if not (empty or self._drag_over):
            return
        painter = QPainter(self.viewport())
        area = self.viewport().rect()
        if self._drag_over:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(area.adjusted(3, 3, -4, -4), 6, 6)
        if empty:
            shortcut = QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText)
            title = self.tr("Drop videos here or press {0}").format(shortcut or "Ctrl+O")
            detail = self.tr("Folders are searched for video and audio files, including subfolders.")
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            line = painter.fontMetrics().height()
            middle = area.center().y()
            painter.drawText(QRect(area.left(), middle - line - 4, area.width(), line + 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
            painter.setFont(self.font())
            painter.drawText(QRect(area.left(), middle + 4, area.width(), line * 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, detail)
        painter.end()

    def event(self, event: QEvent) -> bool:
        # Space and Delete belong to the page's actions (pause/resume, remove), not to the view's own
        # selection toggling or keyboard search.
        if event.type() == QEvent.Type.ShortcutOverride:
            key = getattr(event, "key", lambda: None)()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Delete):
                event.ignore()
                return False
        return super().event(event)
