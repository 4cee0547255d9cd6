"""What a desktop notification is about, and the videos that fail after their upload.

A tray message can be clicked once, and only the last one shown: :class:`Notice` carries its :class:`Target`
(queue items, or History entries) so the window opens exactly those. :class:`LaterFailures` reads the History
page's status checks (the follow-up after Done) and reports the videos that were still processing when last seen
and are now failed (TranscodeFail, Blocked...): VOD sends no event for them, so nobody would learn of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView

from vodgui.core.media_status import FAILED, StatusReport, is_settled
from vodgui.ui.history_model import VIDEO_ID_ROLE, Category, HistoryModel
from vodgui.ui.history_page import HistoryPage


@dataclass(frozen=True)
class Target:
    """What clicking a notification opens: queue items (their rows on the Upload page) or History entries."""

    job_ids: tuple[int, ...] = ()
    video_ids: tuple[str, ...] = ()


#: A notification about nothing in particular: clicking it brings the window forward.
NO_TARGET = Target()


@dataclass(frozen=True)
class Notice:
    """One desktop notification as shown."""

    title: str
    text: str
    failed: bool
    target: Target = NO_TARGET


class LaterFailures(QObject):
    """Follows the History page's status checks and reports videos that failed after their upload.

    A video counts when its entry was not settled when the page loaded it (still transcoding, in review, never
    checked) and a check now says it failed: an old failure, or one asked about again ("Refresh status"), is not
    news. Survives the History page being built again (:meth:`attach` the new one).

    Signals:
        failed(list): the :class:`HistoryRow` s (with their new status) of the videos a check found failed.
    """

    failed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: VideoIds of the entries followed (not settled when last seen).
        self._following: set[str] = set()

    def attach(self, page: HistoryPage) -> None:
        """Follow ``page``'s rows and checks (the History page is built again after a language switch)."""
        model = page.model
        model.rowsInserted.connect(lambda _parent, first, last: self._follow(model, first, last))
        page.statuses_checked.connect(lambda report: self._on_checked(model, report))
        if model.rowCount():
            self._follow(model, 0, model.rowCount() - 1)

    def _follow(self, model: HistoryModel, first: int, last: int) -> None:
        for i in range(first, last + 1):
            row = model.row(i)
            if row.video_id and not is_settled(row.status):
                self._following.add(row.video_id)

    def _on_checked(self, model: HistoryModel, report: StatusReport) -> None:
        failed_ids: set[str] = set()
        for video_id, update in report.updates.items():
            if video_id not in self._following or not is_settled(update.status):
                continue
            self._following.discard(video_id)
            if update.status in FAILED:
                failed_ids.add(video_id)
        rows = [row for row in model.rows() if row.video_id in failed_ids] if failed_ids else []
        if rows:
            self.failed.emit(rows)


def show_history_entries(page: HistoryPage, video_ids: tuple[str, ...]) -> int:
    """Select the History entries of ``video_ids`` and scroll to the first; a search or status filter hiding one
    of them is cleared first. Returns how many were found (none while the page is still reading the history)."""

    def visible() -> dict[str, int]:
        found: dict[str, int] = {}
        for r in range(page.proxy.rowCount()):
            video_id = page.proxy.index(r, 0).data(VIDEO_ID_ROLE)
            if video_id in video_ids and video_id not in found:
                found[video_id] = r
        return found

    shown = visible()
    if len(shown) < len(set(video_ids)):
        page.search.clear()
        page.status_box.setCurrentIndex(max(0, page.status_box.findData(Category.ALL)))
        shown = visible()
    selection = QItemSelection()
    last = page.proxy.columnCount() - 1
    for r in shown.values():
        selection.select(page.proxy.index(r, 0), page.proxy.index(r, last))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().select(selection, flags)
    if shown:
        page.table.scrollTo(page.proxy.index(min(shown.values()), 0),
                            QAbstractItemView.ScrollHint.PositionAtCenter)
    return len(shown)
