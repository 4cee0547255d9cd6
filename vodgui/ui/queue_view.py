"""The queue table: rows of the shared :class:`QueueModel`, a drop target for files and folders, and a hint when
the queue is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
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

from vodgui.ui import a11y
from vodgui.ui.progress_delegate import ProgressDelegate
from vodgui.ui.queue_model import Column

#: Columns always shown, with their narrowest width in average characters (State is widened to its longest
#: label in the current language). File and Error share what is left.
_ALWAYS = {Column.FILE: 14, Column.STATE: 10, Column.PROGRESS: 9, Column.ACCOUNT: 10, Column.ERROR: 12}
#: Shown, in this order, while the view is wide enough; their values are in the Details panel and tooltips too.
_OPTIONAL = ((Column.SIZE, 9), (Column.SPEED, 10), (Column.ETA, 6), (Column.VIDEO_ID, 18))
#: Extra room beyond the narrowest widths, by column: most to File and Error.
_SHARE = {Column.FILE: 0.5, Column.ERROR: 0.35, Column.PROGRESS: 0.1, Column.STATE: 0.05}


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
        paths_dropped_held(list): the same, dropped with Shift held: they wait in the queue until Start.
    """

    paths_dropped = Signal(list)
    paths_dropped_held = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drag_over = False
        self._loading = False
        self._fitted_width = -1
        self._pending_scroll: QPersistentModelIndex | None = None
        self.setObjectName("queueView")
        a11y.name(self, self.tr("Upload queue"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Columns are fitted to the width (see _fit_columns): the queue never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        self.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(Column.ERROR, _ElideRightDelegate(self))
        self.setItemDelegateForColumn(Column.ACCOUNT, _ElideRightDelegate(self))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        # The header paints each section with whether its column is selected (QHeaderView::initStyleOptionForIndex
        # asks QItemSelectionModel::isColumnSelected, which visits every row through the model): with 100,000 rows
        # selected, a repaint of the header took seconds. It highlights nothing here (rows are selected, not
        # columns), so it gets a selection model of its own that stays empty.
        self.horizontalHeader().setSelectionModel(QItemSelectionModel(model, self))
        model.rowsInserted.connect(self._on_rows_changed)
        model.rowsRemoved.connect(self._on_rows_changed)
        model.modelReset.connect(self._on_rows_changed)
        model.headerDataChanged.connect(self._on_headers_changed)
        self.fit_columns()

    # -- column widths ---------------------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Give every column a width so that together they fill the viewport exactly: File, State, Progress,
        Account and Error always; Size, Speed, ETA and VideoId while there is room (hidden, not cut, when not)."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        metrics, char = self.fontMetrics(), self.fontMetrics().averageCharWidth()
        pad = 16

        def header_width(column: Column) -> int:
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            return header.fontMetrics().horizontalAdvance(text) + pad + 8

        widths = {c: max(n * char + pad, header_width(c)) for c, n in _ALWAYS.items()}
        states = [str(model.data(model.index(r, Column.STATE)) or "") for r in range(min(model.rowCount(), 50))]
        widths[Column.STATE] = max([widths[Column.STATE]] + [metrics.horizontalAdvance(t) + pad for t in states])
        accounts = {str(model.data(model.index(r, Column.ACCOUNT)) or "") for r in range(min(model.rowCount(), 50))}
        widths[Column.ACCOUNT] = min(22 * char, max([widths[Column.ACCOUNT]]
                                                    + [metrics.horizontalAdvance(t) + pad for t in accounts]))
        available = max(0, self.viewport().width())
        used = sum(widths.values())
        for column, chars in _OPTIONAL:
            want = max(chars * char + pad, header_width(column))
            fits = used + want <= available * 0.8  # the optional ones never squeeze File and Error to nothing
            self.setColumnHidden(column, not fits)
            if fits:
                widths[column] = want
                used += want
        extra = max(0, available - used)
        for column, share in _SHARE.items():
            widths[column] += int(extra * share)
        widths[Column.FILE] += available - sum(widths.values())  # rounding: fill exactly
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, max(header.minimumSectionSize(), width))

    def _on_headers_changed(self, *_: object) -> None:
        self.fit_columns()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def scroll_to_row(self, row: int) -> None:
        """Bring ``row`` into view once the view has laid out its new rows (scrolling now could stop short)."""
        model = self.model()
        if model is not None:
            self._pending_scroll = QPersistentModelIndex(model.index(row, 0))
            self.scheduleDelayedItemsLayout()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        pending, self._pending_scroll = self._pending_scroll, None
        if pending is not None and pending.isValid():
            self.scrollTo(self.model().index(pending.row(), 0))
        # The vertical scroll bar comes and goes with the rows: the viewport's width changes with it.
        if self.model() is not None and self._fitted_width != self.viewport().width():
            self._fitted_width = self.viewport().width()
            self.fit_columns()

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
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.paths_dropped_held.emit(paths)
        else:
            self.paths_dropped.emit(paths)

    def _set_drag_over(self, value: bool) -> None:
        if value != self._drag_over:
            self._drag_over = value
            self.viewport().update()

    def set_loading(self, loading: bool) -> None:
        """While the queue of the last session loads, the empty view says so (not "drop videos here")."""
        if loading != self._loading:
            self._loading = loading
            self.viewport().update()

    def _on_rows_changed(self, *_: object) -> None:
        if self.model() is not None and self.model().rowCount() <= 1:
            self.viewport().update()  # the empty-queue hint appears or goes
        if self.model() is not None and self.model().rowCount() <= 50:
            self.fit_columns()  # State and Account widths follow the labels of the first rows

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
            detail = self.tr("Folders are searched for video and audio files, including subfolders. Hold Shift "
                             "while dropping to keep them in the queue until you press Start.")
            if self._loading:
                title = self.tr("Loading the queue of your last session…")
                detail = self.tr("Files you drop now are added once it is loaded.")
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            line = painter.fontMetrics().height()
            middle = area.center().y()
            painter.drawText(QRect(area.left(), middle - line - 4, area.width(), line + 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
            painter.setFont(self.font())
            painter.drawText(QRect(area.left() + 12, middle + 4, area.width() - 24, line * 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             detail)
        painter.end()

    def event(self, event: QEvent) -> bool:
        # The Menu key (or Shift+F10): the menu of the current row, at that row. Qt would place the event by the
        # view's frame while the page reads positions in the viewport, a header's height lower.
        if (isinstance(event, QContextMenuEvent) and event.reason() == QContextMenuEvent.Reason.Keyboard
                and self.currentIndex().isValid()):
            self.scrollTo(self.currentIndex())
            self.customContextMenuRequested.emit(self.visualRect(self.currentIndex()).center())
            return True
        # Space and Delete belong to the page's actions (pause/resume, remove), not to the view's own
        # selection toggling or keyboard search.
        if event.type() == QEvent.Type.ShortcutOverride:
            key = getattr(event, "key", lambda: None)()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Delete):
                event.ignore()
                return False
        return super().event(event)
