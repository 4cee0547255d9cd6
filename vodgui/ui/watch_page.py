"""The Watch page: hot folders, each with its profile and metadata template, and what each is doing.

The watcher itself (:class:`vodgui.core.hotfolder.HotFolders`) runs on its own thread; its status and decisions
reach this page through queued signals. Files it queues go into the app's one engine, so they show on the
Upload page like dropped files.

Signals:
    WatchPage.notify(str, str, bool, int): (title, text, failed, job id) for a desktop notification.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.hotfolder import (
    Decision,
    FileDecision,
    FolderState,
    FolderStatus,
    HotFolders,
    HotFolderStore,
    UploadGuard,
    WatchedFolder,
)
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.ui import a11y
from vodgui.ui.context import AppContext
from vodgui.ui.dialogs import ask
from vodgui.ui.errors import describe
from vodgui.ui.i18n import Retranslator

log = logging.getLogger(__name__)

COLUMNS = 7
FOLDER, PROFILE, STATUS, WAITING, QUEUED, SKIPPED, LAST = range(COLUMNS)


class _Relay(QObject):
    """Carries the watcher thread's callbacks to the GUI thread (queued connections)."""

    status_changed = Signal(object)
    decided = Signal(object)


class WatchPage(QWidget):
    """Hot folders and their status.

    Signals:
        notify(str, str, bool, int): a hot folder's file finished (False) or failed (True): title, text, and the
            queue item's job id.
        folders_changed(): the list of folders was saved.
    """

    notify = Signal(str, str, bool, int)
    folders_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = HotFolderStore(ctx.workspace.dirs.config)
        self.folders: list[WatchedFolder] = self.store.load()
        self._status: dict[str, FolderStatus] = {}
        #: job id -> file of uploads a hot folder queued (for notifications).
        self._ours: dict[int, str] = {}
        self._relay = _Relay(self)
        self._relay.status_changed.connect(self._on_status_changed)
        self._relay.decided.connect(self._on_decided)
        self.watcher = HotFolders(ctx.engine.add, UploadGuard(ctx.workspace.sessions, ctx.workspace.store.items),
                                  on_decision=self._relay.decided.emit, on_status=self._relay.status_changed.emit)
        self._running = False
        self._build()
        Retranslator(self, self.retranslate)
        ctx.bridge.jobs_changed.connect(self._on_jobs_changed)
        self._apply()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_folder)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button = QPushButton(self)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FOLDER, QHeaderView.ResizeMode.Stretch)
        for col in (PROFILE, STATUS, WAITING, QUEUED, SKIPPED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LAST, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(LAST, 160)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyHint")

        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        self._set_texts()

    def _set_texts(self) -> None:
        """Every fixed text in the current language (the rows' texts come from :meth:`_render`)."""
        self.intro.setText(self.tr("Files saved into these folders are uploaded once they are complete, once per "
                                   "account. Files still being written, hidden files and temporary names (.part, "
                                   ".tmp, ~) wait."))
        self.add_button.setText(self.tr("Add folder…"))
        self.add_button.setToolTip(self.tr("Watch a folder: choose its profile and the metadata its files get"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected folder's profile, template or settle time"))
        self.toggle_button.setToolTip(self.tr("Stop or start watching the selected folder"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Stop watching the selected folder (its files stay where they are)"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Folder"), self.tr("Profile"), self.tr("Status"), self.tr("Waiting"), self.tr("Queued"),
            self.tr("Skipped"), self.tr("Last file")])
        a11y.name(self.table, self.tr("Watched folders"))
        self.empty.setText(self.tr("No folder is watched. Add the folder your editors export into."))

    # -- language --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The page's texts in the current language; the folders, their status and the watcher stay as they are.

        Unlike the other pages this one is not built again after a language switch: its watcher runs on."""
        self._set_texts()
        self._render()

    # -- folders ---------------------------------------------------------------------------------------------
    def _apply(self) -> None:
        """Save the folders, hand them to the watcher, and start or stop it."""
        self.watcher.set_folders(self.folders)
        active = any(f.enabled for f in self.folders)
        if active and not self._running:
            self.watcher.start()
            self._running = True
        self._render()

    def _save(self) -> None:
        self.store.save(self.folders)
        self._apply()
        self.folders_changed.emit()

    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add_folder(self) -> None:
        from vodgui.ui.watch_dialog import WatchFolderDialog

        dialog = WatchFolderDialog(self.ctx, None, self)
        dialog.accepted_folder.connect(self._on_folder_added)
        dialog.open()

    def edit_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        from vodgui.ui.watch_dialog import WatchFolderDialog

        dialog = WatchFolderDialog(self.ctx, self.folders[index], self)
        dialog.accepted_folder.connect(lambda folder, i=index: self._on_folder_edited(i, folder))
        dialog.open()

    def _on_folder_added(self, folder: WatchedFolder) -> None:
        self.set_folder(folder)

    def _on_folder_edited(self, index: int, folder: WatchedFolder) -> None:
        if 0 <= index < len(self.folders):
            self.folders[index] = folder
            self._save()

    def set_folder(self, folder: WatchedFolder) -> None:
        """Watch ``folder`` (replacing a folder with the same path)."""
        key = os.path.abspath(folder.path)
        self.folders = [f for f in self.folders if os.path.abspath(f.path) != key] + [folder]
        self._save()

    def toggle_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        folder = self.folders[index]
        from dataclasses import replace

        self.folders[index] = replace(folder, enabled=not folder.enabled)
        self._save()
        self.table.selectRow(index)

    def remove_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        folder = self.folders[index]
        if not ask(self, self.tr("Stop watching"),
                   self.tr("Stop watching {0}? Files already queued keep uploading.").format(folder.path),
                   self.tr("Stop watching"), QMessageBox.StandardButton.Cancel):
            return
        del self.folders[index]
        self._save()

    def stop(self) -> None:
        """Stop the watcher thread (the app is closing)."""
        if self._running:
            self.watcher.stop()
            self._running = False

    # -- status ----------------------------------------------------------------------------------------------
    def _on_status_changed(self, status: FolderStatus) -> None:
        self._status[status.path] = status
        self._render()

    def _on_decided(self, decision: FileDecision) -> None:
        if decision.decision is Decision.QUEUED and decision.job_id is not None:
            self._ours[decision.job_id] = decision.path

    def _on_jobs_changed(self, snapshots: list[JobSnapshot]) -> None:
        for snap in snapshots:
            path = self._ours.get(snap.job_id)
            if path is None or snap.state not in (JobState.DONE, JobState.FAILED):
                continue
            del self._ours[snap.job_id]
            name = os.path.basename(path)
            if snap.state is JobState.DONE:
                self.notify.emit(self.tr("Hot folder upload finished"),
                                 self.tr("{0} is uploaded ({1}).").format(name, snap.media_id or ""), False,
                                 snap.job_id)
            else:
                reason = describe(snap.error.code, snap.error.message, snap.error.kind, snap.error.params) \
                    if snap.error else ""
                self.notify.emit(self.tr("Hot folder upload failed"),
                                 self.tr("{0} failed: {1}").format(name, reason), True, snap.job_id)

    def state_text(self, folder: WatchedFolder, status: FolderStatus | None) -> str:
        if not folder.enabled:
            return self.tr("Paused")
        if status is None:
            return self.tr("Starting")
        if status.state is FolderState.MISSING:
            return self.tr("Folder not found: waiting for it")
        if status.state is FolderState.ERROR:
            return self.tr("Cannot check the account: {0}").format(describe(status.error_code, status.error_message))
        if status.state is FolderState.STOPPED:
            return self.tr("Stopped")
        if status.settling:
            return self.tr("Watching · %n file(s) being written", "", status.settling)
        return self.tr("Watching")

    def _render(self) -> None:
        selected = self.selected_index()
        self.table.setRowCount(len(self.folders))
        for row, folder in enumerate(self.folders):
            status = self._status.get(os.path.abspath(folder.path))
            label = folder.path + (self.tr("  (with subfolders)") if folder.recursive else "")
            values: list[Any] = [label, folder.profile, self.state_text(folder, status),
                                 status.settling if status else 0, status.queued if status else 0,
                                 status.skipped if status else 0,
                                 os.path.basename(status.last_file) if status and status.last_file else ""]
            for col, value in enumerate(values):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, col, item)
                item.setText(str(value))
                if col in (WAITING, QUEUED, SKIPPED):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.item(row, FOLDER).setToolTip(folder.path)
            self.table.item(row, STATUS).setToolTip(self.table.item(row, STATUS).text())
        if selected is not None and selected < len(self.folders):
            self.table.selectRow(selected)
        self.empty.setVisible(not self.folders)
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.selected_index()
        has = index is not None
        for button in (self.edit_button, self.toggle_button, self.remove_button):
            button.setEnabled(has)
        paused = index is not None and index < len(self.folders) and not self.folders[index].enabled
        self.toggle_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
