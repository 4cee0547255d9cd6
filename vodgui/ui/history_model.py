"""The History page's table: finished uploads with their media status, and the filter in front of it."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon

from vodgui.core.media_status import FAILED, NORMAL, NOT_FOUND, PROCESSING, StatusUpdate, is_settled
from vodgui.core.store import HistoryRecord
from vodgui.ui.format import human_size, local_time
from vodgui.ui.style import DotIconEngine, Tone

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    FILE = 1
    VIDEO_ID = 2
    SIZE = 3
    FINISHED = 4
    PROFILE = 5
    STATUS = 6


class Category:
    """Status filter choices."""

    ALL = "all"
    READY = "ready"
    PROCESSING = "processing"
    FAILED = "failed"
    UNKNOWN = "unknown"


VIDEO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The raw VOD status (``"Transcoding"``) or None.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 4
ROW_ROLE = Qt.ItemDataRole.UserRole + 5


#: Short words for VOD's media statuses, marked for lupdate and translated in :func:`status_label`.
_STATUS_LABELS = {
    "Uploading": QT_TRANSLATE_NOOP("HistoryModel", "Uploading"),
    "UploadSucc": QT_TRANSLATE_NOOP("HistoryModel", "Uploaded"),
    "Transcoding": QT_TRANSLATE_NOOP("HistoryModel", "Transcoding"),
    "Checking": QT_TRANSLATE_NOOP("HistoryModel", "In review"),
    NORMAL: QT_TRANSLATE_NOOP("HistoryModel", "Ready"),
    "Blocked": QT_TRANSLATE_NOOP("HistoryModel", "Blocked"),
    "UploadFail": QT_TRANSLATE_NOOP("HistoryModel", "Upload failed"),
    "TranscodeFail": QT_TRANSLATE_NOOP("HistoryModel", "Transcoding failed"),
    "ProduceFail": QT_TRANSLATE_NOOP("HistoryModel", "Production failed"),
    NOT_FOUND: QT_TRANSLATE_NOOP("HistoryModel", "Deleted"),
}

_STATUS_EXPLANATIONS = {
    "Uploading": QT_TRANSLATE_NOOP("HistoryModel", "VOD has not received the whole file yet."),
    "UploadSucc": QT_TRANSLATE_NOOP("HistoryModel", "VOD has the file; transcoding has not started yet."),
    "Transcoding": QT_TRANSLATE_NOOP("HistoryModel", "VOD is transcoding the video."),
    "Checking": QT_TRANSLATE_NOOP("HistoryModel", "The video is being reviewed."),
    NORMAL: QT_TRANSLATE_NOOP("HistoryModel", "The video is ready to play."),
    "Blocked": QT_TRANSLATE_NOOP("HistoryModel", "The video was blocked (review or an administrator)."),
    "UploadFail": QT_TRANSLATE_NOOP("HistoryModel", "VOD reports that the upload failed."),
    "TranscodeFail": QT_TRANSLATE_NOOP("HistoryModel",
                                       "Transcoding failed: check the file and the transcoding template."),
    "ProduceFail": QT_TRANSLATE_NOOP("HistoryModel", "Production failed."),
    NOT_FOUND: QT_TRANSLATE_NOOP("HistoryModel", "VOD has no video with this VideoId any more: it was deleted."),
}


def status_label(status: str | None) -> str:
    """Short words for a VOD status (the raw value stays in the tooltip)."""
    if not status:
        return "—"
    label = _STATUS_LABELS.get(status)
    return QCoreApplication.translate("HistoryModel", label) if label else status


def status_explanation(status: str | None) -> str:
    text = _STATUS_EXPLANATIONS.get(status or "")
    return QCoreApplication.translate("HistoryModel", text) if text else ""


def category_of(status: str | None) -> str:
    if status == NORMAL:
        return Category.READY
    if status in FAILED:
        return Category.FAILED
    if status in PROCESSING:
        return Category.PROCESSING
    return Category.UNKNOWN


DOT_TONES = {Category.READY: Tone.OK, Category.PROCESSING: Tone.WARNING, Category.FAILED: Tone.ERROR,
             Category.UNKNOWN: Tone.HINT}
_dots: dict[str, QIcon] = {}


def status_icon(category: str) -> QIcon:
    """A small coloured dot, one per category: drawn at the size and device pixel ratio asked for (crisp at any
    scale), in the palette's colour for its tone (style.tone_color) at the time it is drawn."""
    icon = _dots.get(category)
    if icon is None:
        icon = _dots[category] = QIcon(DotIconEngine(DOT_TONES[category]))
    return icon


@dataclass(frozen=True)
class HistoryRow:
    """One finished upload as the table shows it."""

    record: HistoryRecord
    #: Why this row's status cannot be read right now ("" when it can).
    problem: str = ""

    @property
    def video_id(self) -> str:
        return self.record.video_id

    @property
    def status(self) -> str | None:
        return self.record.media_status

    @property
    def settled(self) -> bool:
        return is_settled(self.status)

    @property
    def file_name(self) -> str:
        return os.path.basename(self.record.path) or self.record.path


class HistoryModel(QAbstractTableModel):
    """Finished uploads, newest first as loaded; a proxy sorts and filters."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._by_video: dict[str, list[int]] = {}
        self._ids: set[int] = set()

    # -- Qt model API -----------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.TITLE: QCoreApplication.translate("HistoryModel", "Title"),
            Column.FILE: QCoreApplication.translate("HistoryModel", "File"),
            Column.VIDEO_ID: QCoreApplication.translate("HistoryModel", "VideoId"),
            Column.SIZE: QCoreApplication.translate("HistoryModel", "Size"),
            Column.FINISHED: QCoreApplication.translate("HistoryModel", "Finished"),
            Column.PROFILE: QCoreApplication.translate("HistoryModel", "Profile"),
            Column.STATUS: QCoreApplication.translate("HistoryModel", "Status"),
        }.get(Column(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        rec = row.record
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == VIDEO_ID_ROLE:
            return rec.video_id
        if role == STATUS_ROLE:
            return rec.media_status
        if role == CATEGORY_ROLE:
            return category_of(rec.media_status)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if col == Column.SIZE:
                return rec.size
            if col == Column.FINISHED:
                return rec.finished_at
            display = self._display(row, col)
            return display.lower() if isinstance(display, str) else display
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS:
            return status_icon(category_of(rec.media_status))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: HistoryRow, col: Column) -> str:
        rec = row.record
        if col == Column.TITLE:
            return rec.title
        if col == Column.FILE:
            return row.file_name
        if col == Column.VIDEO_ID:
            return rec.video_id
        if col == Column.SIZE:
            return human_size(rec.size)
        if col == Column.FINISHED:
            return local_time(rec.finished_at, seconds=False)
        if col == Column.PROFILE:
            return rec.profile
        # VOD's own status names (what the console and the API say); the friendly words are the tooltip.
        # NotFound is ours, not VOD's: it keeps its words.
        if rec.media_status and rec.media_status != NOT_FOUND:
            return rec.media_status
        return status_label(rec.media_status)

    def _tooltip(self, row: HistoryRow, col: Column) -> str | None:
        rec = row.record
        if col == Column.FILE:
            return rec.path
        if col == Column.TITLE:
            return QCoreApplication.translate("HistoryModel", "{0}\nFile: {1}").format(rec.title, rec.path)
        if col == Column.SIZE:
            return QCoreApplication.translate("HistoryModel", "{0} bytes").format(f"{rec.size:,}")
        if col != Column.STATUS:
            return None
        lines = []
        if rec.media_status:
            lines.append(status_label(rec.media_status))
            lines.append(QCoreApplication.translate("HistoryModel", "VOD status: {0}").format(rec.media_status))
            explanation = status_explanation(rec.media_status)
            if explanation:
                lines.append(explanation)
            if rec.status_checked_at:
                lines.append(QCoreApplication.translate("HistoryModel", "Checked {0}").format(
                    local_time(rec.status_checked_at, seconds=False)))
        if row.problem:
            lines.append(row.problem)
        elif not rec.media_status:
            lines.append(QCoreApplication.translate("HistoryModel", "Not checked yet."))
        return "\n".join(lines)

    # -- changes ---------------------------------------------------------------------------------------------
    def rows(self) -> list[HistoryRow]:
        return list(self._rows)

    def row(self, index: int) -> HistoryRow:
        return self._rows[index]

    def has(self, history_id: int) -> bool:
        return history_id in self._ids

    def merge(self, records: list[HistoryRecord]) -> int:
        """Add the records not shown yet (by history id); returns how many were added."""
        new = [r for r in records if r.id not in self._ids]
        if not new:
            return 0
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, record in enumerate(new):
            self._rows.append(HistoryRow(record))
            self._ids.add(record.id)
            self._by_video.setdefault(record.video_id, []).append(first + offset)
        self.endInsertRows()
        return len(new)

    def apply(self, updates: dict[str, StatusUpdate]) -> None:
        """Set the statuses a check returned, clearing each updated row's problem."""
        for video_id, update in updates.items():
            for i in self._by_video.get(video_id, []):
                rec = self._rows[i].record
                duration = update.duration if update.duration is not None else rec.duration
                self._rows[i] = HistoryRow(replace(rec, media_status=update.status, duration=duration,
                                                   status_checked_at=update.checked_at))
                self._changed(i)

    def set_titles(self, titles: dict[str, str]) -> None:
        """Titles changed in VOD (UpdateVideoInfo from the History page)."""
        for video_id, title in titles.items():
            for i in self._by_video.get(video_id, []):
                row = self._rows[i]
                self._rows[i] = replace(row, record=replace(row.record, title=title))
                self._changed(i)

    def set_problem(self, profile: str, problem: str, video_ids: set[str] | None = None) -> None:
        """Explain why ``profile``'s rows (or only ``video_ids`` among them) cannot be checked."""
        for i, row in enumerate(self._rows):
            if row.record.profile == profile and (video_ids is None or row.video_id in video_ids) \
                    and row.problem != problem:
                self._rows[i] = replace(row, problem=problem)
                self._changed(i)

    def clear_problems(self) -> None:
        for i, row in enumerate(self._rows):
            if row.problem:
                self._rows[i] = replace(row, problem="")
                self._changed(i)

    def _changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(Column) - 1))


class HistoryFilter(QSortFilterProxyModel):
    """Text across title, file and VideoId; plus a status category."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._category = Category.ALL
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: str) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, HistoryModel) or source_row >= model.rowCount():
            return True
        row = model.row(source_row)
        if self._category != Category.ALL and category_of(row.status) != self._category:
            return False
        if not self._text:
            return True
        haystack = f"{row.record.title}\n{row.record.path}\n{row.video_id}".lower()
        return all(word in haystack for word in self._text.split())
