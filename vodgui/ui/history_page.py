"""The History page: every finished upload, its VideoId and the media status VOD reports for it.

Statuses are polled with GetVideoInfos (batched per profile, at most 20 ids per call) on a pool thread every
``AppSettings.history_poll_seconds`` until a video is settled (Normal, or a failure state); the status is
stored with the history, so it shows at once the next time. Profiles that cannot read video information are
explained once, in a banner and in the rows' tooltips, and not asked again until "Refresh status".
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.csvexport import write_csv
from vodgui.core.media_status import NO_VOD_ACCESS, ProfileProblem, StatusReport, check_statuses, is_settled
from vodgui.core.store import HistoryRecord
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.video_details import VideoRef
from vodgui.ui import a11y
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe
from vodgui.ui.format import clock_time, iso_time
from vodgui.ui.history_model import (
    VIDEO_ID_ROLE,
    Category,
    Column,
    HistoryFilter,
    HistoryModel,
    HistoryRow,
)
from vodgui.ui.ops import run_op
from vodgui.ui.video_details_dialog import VideoDetailsDialog

log = logging.getLogger(__name__)

#: History kinds whose details UpdateVideoInfo changes.
EDITABLE_KINDS = frozenset({"video", "m3u8", "url"})
CSV_COLUMNS = ("video_id", "title", "file", "size", "finished_at", "profile", "status", "status_checked_at")


class HistoryPage(QWidget):
    """Finished uploads with their media status.

    Signals:
        loaded(int): the history was (re)read from the store; the number of new rows.
        statuses_checked(object): a status check finished (a :class:`StatusReport`).
        csv_exported(str): the CSV file was written to this path.
    """

    loaded = Signal(int)
    statuses_checked = Signal(object)
    csv_exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = HistoryModel(self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        #: profile -> why its videos cannot be checked (until "Refresh status").
        self._blocked: dict[str, str] = {}
        self._loading = False
        self._reload_again = False
        #: How many newest entries the queued reload reads (None: all).
        self._reload_limit: int | None = 0
        self._checking = False
        self._check_again: set[str] = set()
        #: The last details editor opened (tests drive it).
        self.details_dialog: VideoDetailsDialog | None = None
        #: New, unsettled rows not checked yet (read while another read was queued).
        self._fresh: list[str] = []
        self._last_check: float | None = None
        #: Every tick of the poll timer (tests wait on it).
        self.ticks = 0
        self.poll_timer = QTimer(self)
        self.poll_timer.timeout.connect(self._on_poll_timer)
        self._on_settings_changed()
        self._build()
        self.poll_timer.start()
        ctx.bridge.jobs_changed.connect(self._on_jobs_changed)
        ctx.hub.settings_changed.connect(self._on_settings_changed)
        self.reload()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by title, file or VideoId"))
        self.search.setClearButtonEnabled(True)
        a11y.name(self.search, self.tr("Video filter"))
        self.search.textChanged.connect(self._on_search_changed)
        self.status_box = QComboBox(self)
        for label, value in ((self.tr("All statuses"), Category.ALL), (self.tr("Ready"), Category.READY),
                             (self.tr("Processing"), Category.PROCESSING), (self.tr("Failed"), Category.FAILED),
                             (self.tr("Unknown"), Category.UNKNOWN)):
            self.status_box.addItem(label, value)
        self.status_box.setToolTip(self.tr("Show only videos in this media status"))
        a11y.name(self.status_box, self.tr("Media status"))
        self.status_box.currentIndexChanged.connect(self._on_status_filter_changed)
        self.refresh_button = QPushButton(self.tr("Refresh status"), self)
        self.refresh_button.setToolTip(self.tr("Ask VOD again for the status of the selected videos (all shown "
                                               "videos when none is selected)"))
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.playback_button = QPushButton(self.tr("Open in Playback"), self)
        self.playback_button.setToolTip(self.tr("Test playback of the selected videos"))
        self.playback_button.clicked.connect(self.open_in_playback)
        self.edit_button = QPushButton(self.tr("Edit details…"), self)
        self.edit_button.setToolTip(self.tr("Change the title, description, tags, category or cover of the selected "
                                            "videos in VOD (UpdateVideoInfo)"))
        self.edit_button.clicked.connect(self.edit_details)
        self.copy_button = QPushButton(self.tr("Copy VideoId"), self)
        self.copy_button.setToolTip(self.tr("Copy the selected VideoIds, one per line (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_video_ids)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("Save the rows shown as a CSV file (opens in Excel)"))
        self.export_button.clicked.connect(self._on_export_clicked)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_box, 1)
        top.addStretch(1)
        for button in (self.refresh_button, self.edit_button, self.playback_button, self.copy_button,
                       self.export_button):
            top.addWidget(button)

        self.banner = QLabel(self)
        self.banner.setObjectName("historyBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("#historyBanner { background: palette(alternate-base); border: 1px solid "
                                  "palette(mid); border-radius: 4px; padding: 6px 8px; }")
        self.banner.hide()

        self.table = QTableView(self)
        a11y.name(self.table, self.tr("Uploaded videos"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.FINISHED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        digits = self.table.fontMetrics().horizontalAdvance("0123456789abcdef" * 2)
        for column, width in ((Column.FILE, 170), (Column.VIDEO_ID, digits + 24), (Column.SIZE, 80),
                              (Column.FINISHED, 130), (Column.PROFILE, 120), (Column.STATUS, 150)):
            self.table.setColumnWidth(column, width)
        # The file name is usually the title; it stays searchable, in the title's tooltip and in the CSV.
        self.table.setColumnHidden(Column.FILE, True)
        self.table.installEventFilter(self)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        self.table.doubleClicked.connect(self._on_row_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        copy = QAction(self.tr("Copy VideoId"), self.table)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.triggered.connect(self.copy_video_ids)
        self.table.addAction(copy)
        self.copy_action = copy

        self.empty = QLabel(self.tr("Finished uploads appear here, with their VideoId and the status VOD "
                                    "reports for them."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)

        self.footer = QLabel(self)
        self.footer.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.model.rowsInserted.connect(self._update_empty)
        self._update_empty()
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_video_id)  # once the header has laid out its sections
        return super().eventFilter(watched, event)

    def _fit_video_id(self) -> None:
        """In a narrow window (200% on a 1920x1080 screen) the stretched Title was left a letter wide: the
        VideoId column gives way first, down to 10 characters (elided; Copy VideoId copies it whole)."""
        metrics = self.table.fontMetrics()
        full = metrics.horizontalAdvance("0123456789abcdef" * 2) + 24
        others = sum(self.table.columnWidth(c) for c in Column
                     if c not in (Column.TITLE, Column.VIDEO_ID) and not self.table.isColumnHidden(c))
        room = self.table.viewport().width() - others - metrics.horizontalAdvance("M" * 14)
        width = max(metrics.horizontalAdvance("0" * 10) + 24, min(full, room))
        if width != self.table.columnWidth(Column.VIDEO_ID):
            self.table.setColumnWidth(Column.VIDEO_ID, width)

    def reload(self, newest: int | None = None) -> None:
        """Read the history from the store (off the GUI thread) and add the rows not shown yet.

        ``newest`` limits the read to that many of the most recent entries (enough after a few uploads finish).
        """
        if self._loading:
            self._reload_again = True
            self._reload_limit = None if newest is None or self._reload_limit is None \
                else self._reload_limit + newest
            return
        self._loading = True
        store = self.ctx.workspace.store
        run_op(self, lambda: store.history(newest), self._on_history_loaded, self._on_history_failed)

    def _on_history_loaded(self, records: list[HistoryRecord]) -> None:
        self._loading = False
        self._fresh += [r.video_id for r in records if not self.model.has(r.id)
                        and not is_settled(r.media_status) and r.profile not in self._blocked]
        added = self.model.merge(records)
        for profile, problem in self._blocked.items():
            self.model.set_problem(profile, problem)
        self._update_footer()
        self.loaded.emit(added)
        if self._reload_again:
            self._reload_again = False
            limit, self._reload_limit = self._reload_limit, 0
            self.reload(limit)
        elif self._fresh:
            # Only the new rows now; the others keep their pace on the timer.
            fresh, self._fresh = self._fresh, []
            self.check_now(fresh)

    def _on_history_failed(self, exc: BaseException) -> None:
        self._loading = False
        log.error("could not read the upload history: %s", exc)
        self.footer.setText(self.tr("The history could not be read: {0}").format(exc))

    def _on_jobs_changed(self, snapshots: list[JobSnapshot]) -> None:
        done = sum(1 for s in snapshots if s.state is JobState.DONE)
        if done:
            # The engine writes the history row before it reports DONE; a margin covers rows that finished while
            # the previous read was running.
            self.reload(newest=done + 50)

    # -- status checks ---------------------------------------------------------------------------------------
    def pending(self) -> dict[str, list[str]]:
        """profile -> VideoIds that still need polling (not settled, profile not blocked)."""
        wanted: dict[str, list[str]] = {}
        for row in self.model.rows():
            if not row.settled and row.video_id and row.record.profile not in self._blocked:
                wanted.setdefault(row.record.profile, []).append(row.video_id)
        return wanted

    def _on_poll_timer(self) -> None:
        self.ticks += 1
        self.check_now()

    def check_now(self, video_ids: Iterable[str] | None = None) -> None:
        """Check the pending rows now, or exactly ``video_ids`` (settled or not, blocked profiles included)."""
        explicit = set(video_ids) if video_ids is not None else None
        if self._checking:
            if explicit:
                self._check_again |= explicit
            return
        if explicit is None:
            wanted = self.pending()
        else:
            wanted = {}
            for row in self.model.rows():
                if row.video_id in explicit:
                    wanted.setdefault(row.record.profile, []).append(row.video_id)
        if not wanted:
            self._update_footer()
            return
        self._checking = True
        self._update_footer()
        sessions = self.ctx.workspace.sessions
        store = self.ctx.workspace.store
        run_op(self, lambda: check_statuses(sessions, store, wanted),
               lambda report: self._on_statuses_checked(wanted, report), self._on_check_failed)

    def _on_statuses_checked(self, wanted: dict[str, list[str]], report: StatusReport) -> None:
        self._checking = False
        self._last_check = time.time()
        self.model.apply(report.updates)
        for profile, problem in report.problems.items():
            text = self._explain(profile, problem)
            if problem.transient:
                # Keep polling; the rows say why their status is old.
                self.model.set_problem(profile, text, set(wanted.get(profile, [])))
            else:
                self._blocked[profile] = text
                self.model.set_problem(profile, text)
        self._update_banner()
        self._update_footer()
        self.statuses_checked.emit(report)
        if self._check_again:
            again, self._check_again = self._check_again, set()
            self.check_now(again)

    def _on_check_failed(self, exc: BaseException) -> None:
        self._checking = False
        log.error("status check failed: %s", exc)
        self._update_footer()

    def _explain(self, profile: str, problem: ProfileProblem) -> str:
        if problem.code == NO_VOD_ACCESS:
            reason = self.tr("it gets upload credentials from an AppServer and has no VOD access of its own, so "
                             "vodgui cannot read the status. Check it in the VOD console.")
        elif problem.kind == "permission":
            reason = self.tr("its key or role may upload but not read video information ({0}). Allow "
                             "vod:GetVideoInfos to see the status here.").format(problem.code)
        elif problem.transient:
            reason = self.tr("the last check failed and will be retried: {0}").format(
                describe(problem.code, problem.message, problem.kind, problem.params))
        else:
            reason = describe(problem.code, problem.message, problem.kind, problem.params)
        rid = self.tr(" (RequestId {0})").format(problem.request_id) if problem.request_id else ""
        return self.tr("Profile “{0}”: {1}{2}").format(profile, reason, rid)

    def _on_refresh_clicked(self) -> None:
        ids = self.selected_video_ids() or self.visible_video_ids()
        self._blocked.clear()
        self.model.clear_problems()
        self._update_banner()
        self.check_now(ids)

    def _on_settings_changed(self) -> None:
        seconds = max(1, int(self.ctx.settings.history_poll_seconds or 10))
        self.poll_timer.setInterval(seconds * 1000)

    # -- actions ---------------------------------------------------------------------------------------------
    def _selected_rows(self) -> list[HistoryRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def selected_video_ids(self) -> list[str]:
        return [row.video_id for row in self._selected_rows() if row.video_id]

    def visible_rows(self) -> list[HistoryRow]:
        """The rows the filter lets through, in the order shown."""
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def visible_video_ids(self) -> list[str]:
        return [row.video_id for row in self.visible_rows() if row.video_id]

    def copy_video_ids(self) -> None:
        ids = self.selected_video_ids()
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self.footer.setText(self.tr("Copied {0} VideoId(s).").format(len(ids)))

    def open_in_playback(self) -> None:
        ids = self.selected_video_ids()
        if ids:
            self.ctx.hub.open_in_playback.emit(ids)

    def editable_rows(self) -> list[HistoryRow]:
        """The selected rows whose details UpdateVideoInfo can change (videos; not images or attached media)."""
        return [row for row in self._selected_rows() if row.video_id and row.record.kind in EDITABLE_KINDS]

    def edit_details(self) -> VideoDetailsDialog | None:
        """Open the details editor for the selected videos (one or several); their new titles show here."""
        rows = self.editable_rows()
        if not rows:
            return None
        videos = list({row.video_id: VideoRef(row.record.profile, row.video_id) for row in rows}.values())
        dialog = VideoDetailsDialog(self.ctx, videos, {row.video_id: row.record.title for row in rows}, self)
        dialog.saved.connect(lambda results: self._on_details_saved(dialog, results))
        dialog.finished.connect(dialog.deleteLater)
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _on_details_saved(self, dialog: VideoDetailsDialog, results: dict[str, Any]) -> None:
        title = dialog.form.values().get("title")
        saved = [video_id for video_id, error in results.items() if error is None]
        if title:
            self.model.set_titles({video_id: str(title) for video_id in saved})
        failed = len(results) - len(saved)
        self.footer.setText(self.tr("Details saved in VOD for %n video(s).", "", len(saved))
                            + (" " + self.tr("Not saved for %n (see the dialog).", "", failed) if failed else ""))

    def _on_row_double_clicked(self, index: QModelIndex) -> None:
        video_id = index.data(VIDEO_ID_ROLE)
        if video_id:
            self.ctx.hub.open_in_playback.emit([video_id])

    def _on_context_menu(self, pos: QPoint) -> None:
        if not self.selected_video_ids():
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(self.tr("Open in Playback"), self.open_in_playback)
        if self.editable_rows():
            menu.addAction(self.tr("Edit details…"), self.edit_details)
        menu.addAction(self.tr("Refresh status"), lambda: self.check_now(self.selected_video_ids()))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for column in Column:
            if column == Column.TITLE:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _on_export_clicked(self) -> None:
        name = datetime.now().strftime("vodgui-history-%Y%m%d.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history"), name,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        """Write the rows shown (filter applied, in the order shown) to ``path``, off the GUI thread."""
        rows = [(row.video_id, row.record.title, row.record.path, row.record.size, iso_time(row.record.finished_at),
                 row.record.profile, row.status or "",
                 iso_time(row.record.status_checked_at) if row.record.status_checked_at else "")
                for row in self.visible_rows()]
        self.export_button.setEnabled(False)
        # UTF-8 with a BOM, so Excel opens Chinese titles correctly; formula-like cells are defused.
        run_op(self, lambda: write_csv(path, CSV_COLUMNS, rows), self._on_csv_written, self._on_csv_failed)

    def _on_csv_written(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.footer.setText(self.tr("Saved {0}").format(path))
        self.csv_exported.emit(path)

    def _on_csv_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Export failed"),
                            self.tr("The CSV file could not be written: {0}").format(exc))

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_footer()

    def _on_status_filter_changed(self, _index: int) -> None:
        self.proxy.set_category(str(self.status_box.currentData()))
        self._update_footer()

    # -- presentation ----------------------------------------------------------------------------------------
    def _update_empty(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(bool(self.editable_rows()))
        self.playback_button.setEnabled(has)
        self.copy_button.setEnabled(has)

    def _update_banner(self) -> None:
        profiles = {row.record.profile for row in self.model.rows()}
        lines = [text for profile, text in sorted(self._blocked.items()) if profile in profiles]
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _update_footer(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        parts = [self.tr("{0} videos").format(total) if shown == total
                 else self.tr("{0} of {1} videos shown").format(shown, total)]
        waiting = sum(len(ids) for ids in self.pending().values())
        if self._checking:
            parts.append(self.tr("checking status…"))
        elif waiting:
            parts.append(self.tr("{0} still processing; checked every {1} s").format(
                waiting, max(1, self.poll_timer.interval() // 1000)))
        if self._last_check is not None:
            parts.append(self.tr("last check {0}").format(clock_time(self._last_check)))
        self.footer.setText(" · ".join(parts))
