"""The Upload page: the queue, what can be done with its items, their metadata and the transfer settings.

Every engine call that writes the queue database runs on one ordered worker (:class:`SerialOps`), folder walks
and checksums on the thread pool: the GUI thread only paints and decides.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core import catalog
from vodgui.core.errors import VodError
from vodgui.core.intake import (
    REJECT_EMPTY,
    REJECT_MISSING,
    REJECT_NO_MEDIA,
    REJECT_UNREADABLE,
    REJECT_UNSUPPORTED,
    Duplicate,
)
from vodgui.core.media_items import (
    IMAGE_EXTENSIONS,
    INTAKE_EXTENSIONS,
    KIND_ATTACHED,
    KIND_IMAGE,
    KIND_M3U8,
    KIND_URL,
    KIND_VIDEO,
    cover_items,
    url_item,
)
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.upload_defaults import UploadDefaultsStore, clean_defaults
from vodgui.ui import a11y
from vodgui.ui.add_url_dialog import AddUrlDialog
from vodgui.ui.catalog_menu import attach_catalog_pickers
from vodgui.ui.collector import many_long_lived, short_switches
from vodgui.ui.context import AppContext
from vodgui.ui.dialogs import ask
from vodgui.ui.duplicate_prompt import DuplicateDecision, DuplicatePrompt
from vodgui.ui.errors import describe_exception
from vodgui.ui.file_intake import BatchReport, FileIntake, SubtitleOffer
from vodgui.ui.keyboard import focus_first, tab_chain
from vodgui.ui.media_prompts import MediaPrompts
from vodgui.ui.metadata_editor import DefaultsDialog, MetadataPanel, exists_in_vod
from vodgui.ui.queue_model import QueueModel
from vodgui.ui.queue_view import QueueView
from vodgui.ui.serial_ops import SerialOps
from vodgui.ui.texts import join_sentences
from vodgui.ui.transfer_panel import TransferPanel

_S = JobState
_RESUMABLE = (_S.PAUSED, _S.FAILED, _S.CANCELLED)
_PAUSABLE = (_S.QUEUED, _S.PREPARING, _S.UPLOADING, _S.COMPLETING)
#: Failures a retry cannot mend: the file itself is the problem (the row says what to do instead).
_NO_RETRY = frozenset({"EmptyFile", "InvalidFileName.Extension", "NotAFile"})


def retry_helps(snap: JobSnapshot) -> bool:
    return snap.error is None or snap.error.code not in _NO_RETRY
#: Kinds whose id is a VideoId the Playback page can check (images and attached media are not played).
PLAYABLE_KINDS = frozenset({KIND_VIDEO, KIND_M3U8, KIND_URL})


#: Mass actions (pause, start, cancel… of a big selection) are applied this many items at a time.
MASS_STEP = 5000
#: Selections of this many rows are read after the event loop's next turn (see UploadPage._on_selection_changed).
BIG_SELECTION = 5000
_STATE = operator.attrgetter("state")
_MEDIA_ID = operator.attrgetter("media_id")
_JOB_ID = operator.attrgetter("job_id")


def _ids(snaps: Iterable[JobSnapshot], states: Iterable[JobState] | None = None) -> list[int]:
    wanted = None if states is None else set(states)
    return [s.job_id for s in snaps if wanted is None or s.state in wanted]


class UploadPage(QWidget):
    """The queue with its toolbar, the Details and Transfer side panels, and the footer.

    Tests drive the questions through :meth:`ask_duplicate` and :meth:`confirm`, which they may replace.

    Signals:
        action_triggered(): one of its actions was triggered (the window brings the page forward, so a shortcut
            pressed on another page acts where the user sees it).
        queue_loading(bool): the queue of the last session started (True) or finished (False) loading.
    """

    action_triggered = Signal()
    queue_loading = Signal(bool)

    def __init__(self, ctx: AppContext, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.ops = SerialOps(self)
        self._last_dir = os.path.expanduser("~")
        self._selected: set[int] = set()
        #: The queue of the last session is loaded and its rows are in the model (see :meth:`load_queue`).
        self.queue_loaded = True
        self._restored = True
        self.defaults_store = UploadDefaultsStore(ctx.workspace.dirs.config)
        self._defaults = self.defaults_store.load_all()

        self.view = QueueView(self)
        self.view.setModel(model)
        self.details = MetadataPanel(self)
        self.catalog_menus = attach_catalog_pickers(self.details.form.inputs, ctx, lambda: ctx.current_profile, self)
        self.transfer = TransferPanel(ctx, self)
        self.side = QTabWidget(self)
        self.side.setDocumentMode(True)
        self.side.addTab(self.details, self.tr("Details"))
        self.side.addTab(self.transfer, self.tr("Transfer"))
        self.side.setTabToolTip(0, self.tr("Title, description, tags and other metadata of the selected items"))
        self.side.setTabToolTip(1, self.tr("Parallel uploads, part size, retries and the bandwidth limit of the "
                                           "current profile"))
        self.side.setMinimumWidth(300)
        self.intake = FileIntake(ctx, self.ops, lambda dup, left: self.ask_duplicate(dup, left),
                                 lambda profile: self._defaults.get(profile, {}), self._waiting_paths, self,
                                 ask_subtitles=lambda offers: self.ask_subtitles(offers))

        self._build_actions()
        toolbar = self._build_toolbar()
        self.banner = self._build_banner()
        self.summary = QLabel(self)
        self.summary.setObjectName("queueSummary")
        self.message = QLabel(self)
        self.message.setObjectName("intakeMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer = QHBoxLayout()
        footer.setContentsMargins(4, 0, 0, 0)
        footer.addWidget(self.summary)
        for act in (self.act_resume_all, self.act_clear):
            button = QToolButton(self)
            button.setObjectName("footerButton")
            button.setDefaultAction(act)
            button.setAutoRaise(True)
            footer.addWidget(button)
        footer.addWidget(self.message, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([800, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        tab_chain(toolbar, self.banner, self.view, self.side, *self.findChildren(QToolButton, "footerButton"))

        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(100)
        self._selection_timer.timeout.connect(self._refresh_selection)
        self._selection_read = QTimer(self)
        self._selection_read.setSingleShot(True)
        self._selection_read.setInterval(0)
        self._selection_read.timeout.connect(self._read_selection)
        self._actions_pending: list[JobSnapshot] = []
        self._actions_timer = QTimer(self)
        self._actions_timer.setSingleShot(True)
        self._actions_timer.setInterval(0)
        self._actions_timer.timeout.connect(self._apply_pending_actions)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(15_000)
        self._message_timer.timeout.connect(self.message.clear)

        self.view.paths_dropped.connect(self.add_paths)
        self.view.paths_dropped_held.connect(lambda paths: self.add_paths(paths, hold=True))
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.doubleClicked.connect(self._on_row_activated)
        self.view.activated.connect(self.show_details)  # Enter: edit the selection's details
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ctx.bridge.jobs_added.connect(self._on_jobs_added)
        ctx.bridge.jobs_changed.connect(self._on_jobs_changed)
        ctx.bridge.jobs_removed.connect(self._on_jobs_removed)
        # The footer is counted from the rows right after this flush changed them (never from an older state).
        ctx.bridge.flushed.connect(self._update_summary)
        ctx.bridge.flushed.connect(self._check_loaded)
        self.details.apply_requested.connect(self._on_apply_metadata)
        self.details.defaults_requested.connect(self.edit_defaults)
        self.details.cover_requested.connect(self.choose_cover)
        self.details.form.set_category_source(self._list_categories)
        self.intake.status_changed.connect(self._on_intake_status)
        self.intake.batch_finished.connect(self._on_batch_finished)
        self.ops.failed.connect(self._on_engine_call_failed)
        self._update_actions()
        self._update_summary()

    # -- building --------------------------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot: Callable[[], None],
                shortcut: QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None = None,
                icon: QStyle.StandardPixmap | None = None, *, on_view: bool = False) -> QAction:
        act = QAction(text, self)
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            seq = QKeySequence(shortcut)
            act.setShortcut(seq)
            tip = self.tr("{0} ({1})").format(tip, seq.toString(QKeySequence.SequenceFormat.NativeText))
            # Space, Delete, Ctrl+C act on the queue only while it has the focus, never in a text field.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if on_view
                                   else Qt.ShortcutContext.WindowShortcut)
        act.setToolTip(tip)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: self._run_action(slot))
        (self.view if on_view else self).addAction(act)
        return act

    def _run_action(self, slot: Callable[[], None]) -> None:
        self.action_triggered.emit()
        slot()

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_add_files = self._action(self.tr("Add files…"), self.tr("Choose video or audio files to upload"),
                                          self.add_files_dialog, QKeySequence.StandardKey.Open, sp.SP_FileIcon)
        self.act_add_folder = self._action(self.tr("Add folder…"), self.tr("Upload every video and audio file in "
                                                                          "a folder and its subfolders"),
                                           self.add_folder_dialog, "Ctrl+Shift+O", sp.SP_DirIcon)
        # The same for one batch, whatever the "hold new files" setting says (the file dialogs are the system's:
        # the choice is made before they open).
        self.act_add_files_held = self._action(
            self.tr("Add files, held until Start…"),
            self.tr("Choose files; they wait in the queue, paused, so you can set their details before Start"),
            lambda: self.add_files_dialog(hold=True))
        self.act_add_folder_held = self._action(
            self.tr("Add folder, held until Start…"),
            self.tr("Choose a folder; its files wait in the queue, paused, so you can set their details before Start"),
            lambda: self.add_folder_dialog(hold=True))
        self.act_add_files_now = self._action(
            self.tr("Add files and start now…"),
            self.tr("Choose files; they start uploading at once, even when new files are held (Settings)"),
            lambda: self.add_files_dialog(hold=False))
        self.act_add_folder_now = self._action(
            self.tr("Add folder and start now…"),
            self.tr("Choose a folder; its files start uploading at once, even when new files are held (Settings)"),
            lambda: self.add_folder_dialog(hold=False))
        self.act_add_url = self._action(self.tr("Add URL…"), self.tr("Have VOD fetch files from web addresses "
                                                                     "(upload by URL)"),
                                        self.add_urls_dialog, "Ctrl+Shift+U", sp.SP_DriveNetIcon)
        self.act_start = self._action(self.tr("Start"), self.tr("Start or resume the selected paused or failed "
                                                                "items"), self.start_selected, "Ctrl+S",
                                      sp.SP_MediaPlay)
        self.act_pause = self._action(self.tr("Pause"), self.tr("Pause the selected items; they continue where "
                                                                "they stopped"), self.pause_selected, "Ctrl+P",
                                      sp.SP_MediaPause)
        self.act_toggle = self._action(self.tr("Pause or resume"), self.tr("Pause the selection, or resume it "
                                                                           "when it is paused"),
                                       self.toggle_selected, Qt.Key.Key_Space, on_view=True)
        self.act_retry = self._action(self.tr("Retry"), self.tr("Try the selected failed items again, keeping "
                                                                "the parts already uploaded"),
                                      self.retry_selected, "Ctrl+R", sp.SP_BrowserReload)
        self.act_cancel = self._action(self.tr("Cancel…"), self.tr("Stop the selected uploads for good and "
                                                                   "discard what was sent"),
                                       self.cancel_selected, "Shift+Del", sp.SP_DialogCancelButton, on_view=True)
        self.act_remove = self._action(self.tr("Remove"), self.tr("Remove the selected items from the queue "
                                                                  "(finished uploads stay in the history)"),
                                       self.remove_selected, QKeySequence.StandardKey.Delete, sp.SP_TrashIcon,
                                       on_view=True)
        self.act_copy = self._action(self.tr("Copy VideoId"), self.tr("Copy the VideoIds of the selected items"),
                                     self.copy_video_ids, QKeySequence.StandardKey.Copy, on_view=True)
        self.act_play = self._action(self.tr("Open in Playback"), self.tr("Check playback of the selected "
                                                                          "uploaded videos"),
                                     self.open_in_playback, "Ctrl+Shift+P", sp.SP_MediaSeekForward)
        self.act_resume_all = self._action(self.tr("Resume all"), self.tr("Resume every paused item"),
                                           self.resume_all, "Ctrl+Shift+S")
        self.act_clear = self._action(self.tr("Clear finished"), self.tr("Remove finished and cancelled items "
                                                                         "from the queue (the History page keeps "
                                                                         "them)"), self.clear_finished)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Queue"), self)
        bar.setObjectName("queueToolbar")
        a11y.name_toolbar(bar)
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for group in ((self.act_add_files, self.act_add_folder, self.act_add_url),
                      (self.act_start, self.act_pause, self.act_retry, self.act_cancel, self.act_remove),
                      (self.act_copy, self.act_play)):
            if bar.actions():
                bar.addSeparator()
            bar.addActions(group)
        for act in bar.actions():
            button = bar.widgetForAction(act)
            if isinstance(button, QToolButton) and act.icon().isNull():
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            if isinstance(button, QToolButton):  # reachable with Tab; a click leaves the focus in the queue
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.add_menu = QMenu(self)
        self.add_menu.addActions([self.act_add_files_held, self.act_add_folder_held])
        self.add_menu.addSeparator()
        self.add_menu.addActions([self.act_add_files_now, self.act_add_folder_now])
        button = bar.widgetForAction(self.act_add_files)
        if isinstance(button, QToolButton):  # Add files… with a menu: add this batch held, or started now
            button.setMenu(self.add_menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return bar

    def _build_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("resumeBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 6, 6)
        self.banner_text = QLabel(banner)
        self.banner_text.setWordWrap(True)
        resume = QPushButton(self.tr("Resume all"), banner)
        resume.setToolTip(self.act_resume_all.toolTip())
        resume.clicked.connect(self.resume_all)
        dismiss = QPushButton(self.tr("Not now"), banner)
        dismiss.setToolTip(self.tr("Keep them paused; start them later with Start or Resume all"))
        dismiss.clicked.connect(banner.hide)
        row.addWidget(self.banner_text, 1)
        row.addWidget(resume)
        row.addWidget(dismiss)
        banner.hide()
        return banner

    def load_queue(self, resume: bool) -> None:
        """Load the queue the last session left (after a start or a crash), off the GUI thread: 100,000 items take
        seconds to make, and their rows come in chunks meanwhile. Files dropped before it is loaded wait for it (they
        are checked against its rows). ``resume``: what was running or waiting starts again by itself."""
        self.queue_loaded = False
        self.intake.set_ready(False)
        self.view.set_loading(True)
        self._update_summary()
        self.queue_loading.emit(True)
        engine = self.ctx.engine

        def restore() -> int:
            with many_long_lived(), short_switches():
                return sum(1 for s in engine.restore(resume=resume) if s.state is _S.PAUSED)

        self.ops.submit(restore, self._on_queue_restored, lambda _exc: self._on_queue_restored(0))

    def _on_queue_restored(self, paused: int) -> None:
        if paused and not self.ctx.settings.auto_resume:
            self.banner_text.setText(self.tr("{0} unfinished uploads from your last session are paused. "
                                             "They continue where they stopped.").format(paused))
            self.banner.show()
        self._restored = True
        self._check_loaded()

    def _check_loaded(self) -> None:
        """Loaded once the engine has made the items and the bridge has handed on all of their rows."""
        if self.queue_loaded or not self._restored or self.ctx.bridge.rows_pending():
            return
        self.queue_loaded = True
        self.view.set_loading(False)
        self._update_summary()
        self.queue_loading.emit(False)
        self.intake.set_ready(True)

    # -- selection -------------------------------------------------------------------------------------------
    def selected(self) -> list[JobSnapshot]:
        """Snapshots of the selected rows, in queue order."""
        # From the selection's ranges, not selectedRows(): with 100,000 rows selected that asks the model for its
        # column count once per row (seconds); a select-all is one range.
        return self.model.snapshots_in((span.top(), span.bottom()) for span in self.view.selectionModel().selection())

    def select_jobs(self, job_ids: Iterable[int]) -> None:
        """Select these items (and nothing else)."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for job_id in job_ids:
            row = self.model.row_of(job_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(selection, flags)

    def _on_selection_changed(self, *_: Any) -> None:
        # A big selection (select all of 100,000 rows) is read in a turn of the event loop of its own, after Qt has
        # repainted the rows, and once for a burst of changes; a small one at once (the actions follow the click).
        rows = sum(span.height() for span in self.view.selectionModel().selection())
        if rows >= BIG_SELECTION:
            self._selection_read.start()
        else:
            self._read_selection()

    def _read_selection(self) -> None:
        self._selection_read.stop()
        snaps = self.selected()
        self._selected = set(map(_JOB_ID, snaps))
        self.details.set_items(snaps)
        self._actions_for(snaps)

    def _actions_for(self, snaps: list[JobSnapshot]) -> None:
        """The actions' states for these selected rows: for a big selection in a turn of the event loop of its own
        (the Details panel and the actions each read 100,000 rows in ~20 ms; one after the other they held the
        window for twice that, more while uploads compete for the interpreter)."""
        self._actions_timer.stop()
        if len(snaps) >= BIG_SELECTION:
            self._actions_pending = snaps
            self._actions_timer.start()
        else:
            self._update_actions(snaps)

    def _apply_pending_actions(self) -> None:
        snaps, self._actions_pending = self._actions_pending, []
        self._update_actions(snaps)

    def _update_actions(self, snaps: list[JobSnapshot] | None = None) -> None:
        snaps = self.selected() if snaps is None else snaps
        # Read for up to 100,000 selected rows at each refresh: passes in C (map, attrgetter) where they can be.
        states = set(map(_STATE, snaps))
        failed = [s for s in snaps if s.state is _S.FAILED] if _S.FAILED in states else []
        can_start = bool(states & set(_RESUMABLE))
        can_pause = bool(states & set(_PAUSABLE))
        self.act_start.setEnabled(can_start)
        self.act_pause.setEnabled(can_pause)
        self.act_toggle.setEnabled(can_start or can_pause)
        self.act_retry.setEnabled(any(retry_helps(s) for s in failed))
        self.act_cancel.setEnabled(any(not s.terminal for s in states))
        self.act_remove.setEnabled(bool(snaps))
        with_id = any(map(_MEDIA_ID, snaps))
        self.act_copy.setEnabled(with_id)
        self.act_play.setEnabled(with_id and _S.DONE in states and any(
            s.media_id and s.state is _S.DONE and s.kind in PLAYABLE_KINDS for s in snaps))

    # -- engine events ---------------------------------------------------------------------------------------
    def _on_jobs_added(self, snaps: list[JobSnapshot]) -> None:
        if not self.queue_loaded:
            return  # the last session's rows: the view stays at the top
        last = max((s.job_id for s in snaps), default=None)
        if last is not None:  # new rows come into view (at the bottom of a long queue they would go unnoticed)
            row = self.model.row_of(last)
            if row is not None:
                self.view.scroll_to_row(row)

    def _on_jobs_changed(self, snaps: list[JobSnapshot]) -> None:
        # Coalesced: with thousands of rows selected, once per flush would be too often; a refresh reads every
        # selected row, so a bigger selection is refreshed less often (100,000 rows: once a second).
        if (self._selected and not self._selection_timer.isActive()
                and any(s.job_id in self._selected for s in snaps)):
            self._selection_timer.setInterval(min(1000, 100 + len(self._selected) // 100))
            self._selection_timer.start()

    def _refresh_selection(self) -> None:
        current = self.selected()  # in row order already
        self.details.refresh(current)
        self._actions_for(current)

    def _on_jobs_removed(self, job_ids: list[int]) -> None:
        if self._selected & set(job_ids):
            self._on_selection_changed()

    def _update_summary(self) -> None:
        c = self.model.counts()
        if c.done and not (c.busy or c.paused or c.failed):
            parts = [self.tr("All done: %n item(s) uploaded", "", c.done)]
        else:
            parts = [text for n, text in (
                (c.uploading, self.tr("%n uploading", "", c.uploading)),
                (c.waiting, self.tr("%n waiting", "", c.waiting)),
                (c.paused, self.tr("%n paused", "", c.paused)),
                (c.failed, self.tr("%n failed", "", c.failed)),
                (c.done, self.tr("%n done", "", c.done))) if n]
        if c.cancelled:
            parts.append(self.tr("%n cancelled", "", c.cancelled))
        if not self.queue_loaded:
            parts.insert(0, self.tr("Loading the queue…"))
        self.summary.setText(" · ".join(parts) if parts else self.tr("The queue is empty"))
        self.act_resume_all.setEnabled(bool(c.paused))
        self.act_clear.setEnabled(bool(c.done or c.cancelled))
        if not c.paused:
            self.banner.hide()

    # -- adding ----------------------------------------------------------------------------------------------
    def add_paths(self, paths: list[str], hold: bool | None = None) -> None:
        """Queue files and folders (folders recursively) for the current profile. ``hold``: the batch waits,
        paused, until Start (True) or starts now (False); None follows the "hold new files" setting."""
        self.intake.add([str(p) for p in paths], hold)

    def add_files_dialog(self, hold: bool | None = None) -> None:
        patterns = " ".join(f"*.{ext}" for ext in sorted(INTAKE_EXTENSIONS))
        images = " ".join(f"*.{ext}" for ext in sorted(IMAGE_EXTENSIONS))
        filters = ";;".join((self.tr("Media files ({0})").format(patterns), self.tr("Images ({0})").format(images),
                             self.tr("HLS playlists (*.m3u8)"), self.tr("All files (*)")))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files to the queue"), self._last_dir, filters)
        if paths:
            self._last_dir = os.path.dirname(paths[0])
            self.add_paths(paths, hold)

    def add_folder_dialog(self, hold: bool | None = None) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the queue"), self._last_dir)
        if folder:
            self._last_dir = folder
            self.add_paths([folder], hold)

    def add_urls_dialog(self) -> None:
        urls = self.ask_urls()
        if urls:
            self.add_urls(urls)

    def ask_urls(self) -> list[str]:
        """The addresses to add, from the Add URL dialog (tests replace this method)."""
        dialog = AddUrlDialog(self.ctx.current_profile or "", self)
        accepted = dialog.exec() == AddUrlDialog.DialogCode.Accepted
        urls = dialog.urls() if accepted else []
        dialog.deleteLater()
        return urls

    def add_urls(self, urls: list[str]) -> None:
        """Queue uploads by URL for the current profile (with its defaults for new files)."""
        profile = self.ctx.current_profile
        if not profile:
            self._show(self.tr("Choose or create a profile first: new files upload with the current profile."))
            return
        meta, engine = dict(self._defaults.get(profile, {})), self.ctx.engine
        waiting = self._waiting_paths()
        fresh = [u for u in dict.fromkeys(urls) if u not in waiting]
        if fresh:
            self._engine(lambda: engine.add([url_item(u, profile, dict(meta)) for u in fresh]))
        text = (self.tr("Added 1 URL to the queue.") if len(fresh) == 1
                else self.tr("Added {0} URLs to the queue.").format(len(fresh)))
        if len(fresh) < len(urls):
            text += " " + self.tr("Already in the queue: %n file(s).", "", len(urls) - len(fresh))
        self._show(text)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self._message_timer.start()

    def ask_subtitles(self, offers: list[SubtitleOffer]) -> bool:
        """Upload the subtitle files found next to added videos too? (tests replace this method)"""
        return MediaPrompts().ask_subtitles(self, offers)

    def choose_cover_image(self) -> str:
        """The image file chosen as a cover, or "" (tests replace this method)."""
        path = MediaPrompts().choose_image(self, self._last_dir)
        if path:
            self._last_dir = os.path.dirname(path)
        return path

    def choose_cover(self, job_ids: list[int]) -> None:
        """Upload a chosen image (ImageType cover) and make it the cover of these videos once it is uploaded."""
        snaps = [s for s in (self.model.snapshot(i) for i in job_ids) if s is not None]
        if not snaps:
            return
        path = self.choose_cover_image()
        if not path:
            return
        try:
            items = cover_items(path, [(s.job_id, s.profile, s.media_id) for s in snaps])
        except VodError as err:
            self._show(describe_exception(err))
            return
        engine = self.ctx.engine
        self._engine(lambda: engine.add(items))
        self._show(self.tr("Uploading the cover image {0}; it becomes the cover of %n video(s) when it is done.", "",
                           len(snaps)).format(os.path.basename(path)))

    def _waiting_paths(self) -> set[str]:
        return {s.path for s in self.model.snapshots() if not s.state.terminal}

    def ask_duplicate(self, duplicate: Duplicate, remaining: int) -> DuplicateDecision:
        """Skip or upload again a file uploaded before (tests replace this method)."""
        prompt = DuplicatePrompt(duplicate, remaining, self, self.intake.profile)
        prompt.exec()
        decision = prompt.decision
        prompt.deleteLater()
        return decision

    def _on_intake_status(self, text: str) -> None:
        if text:
            self._message_timer.stop()
            self.message.setText(text)

    def _on_batch_finished(self, report: BatchReport) -> None:
        lines = []
        if report.error:
            lines.append(report.error)
        if report.added and report.held:
            lines.append(self.tr("Added %n file(s) to the queue; they wait, paused, until you press Start.", "",
                                 report.added))
        elif report.added:
            lines.append(self.tr("Added %n file(s) to the queue.", "", report.added))
        if report.subtitles:
            lines.append(self.tr("Added %n subtitle file(s).", "", report.subtitles))
        if report.skipped_uploaded:
            lines.append(self.tr("Skipped %n file(s) uploaded before to this account.", "", report.skipped_uploaded))
        if report.already_queued:
            lines.append(self.tr("Already in the queue: %n file(s).", "", report.already_queued))
        if report.ignored:
            lines.append(self.tr("Left out %n file(s) in folders that are not video or audio (Settings can allow "
                                 "all files).", "", report.ignored))
        listing = [self.tr("{0}: {1}").format(os.path.basename(r.path) or r.path, self.reject_reason(r.reason))
                   for r in report.rejected]
        if listing:
            shown = "; ".join(listing[:3]) + ("; …" if len(listing) > 3 else "")
            lines.append(self.tr("Not added, as %n item(s) could only fail:", "", len(listing)) + " " + shown)
        if not lines:
            lines.append(self.tr("No video or audio files were found."))
        self._show(join_sentences(*lines))
        # Every rejected file, and why, in one place (the line above may have to shorten the list).
        self.message.setToolTip("\n".join(listing))

    def reject_reason(self, reason: str) -> str:
        """Why intake left a path out, in words."""
        texts = {
            REJECT_UNSUPPORTED: self.tr("not a video, audio or image file VOD takes"),
            REJECT_EMPTY: self.tr("empty (0 bytes)"),
            REJECT_UNREADABLE: self.tr("cannot be read (check its permissions)"),
            REJECT_MISSING: self.tr("no longer exists"),
            REJECT_NO_MEDIA: self.tr("a folder with no video or audio files"),
        }
        return texts.get(reason, reason)

    # -- actions ---------------------------------------------------------------------------------------------
    def _engine(self, call: Callable[[], Any]) -> None:
        """Run an engine call on the ordered worker."""
        self.ops.submit(call)

    def _engine_each(self, call: Callable[[list[int]], Any], ids: list[int]) -> None:
        """Apply ``call`` to the items ``ids`` on the ordered worker, in steps of :data:`MASS_STEP`. Pausing 100,000
        items is a long Python loop, run so that the window still repaints: short GIL switches, and no collection
        over a growing heap of new snapshots (a full one took ~100 ms); after each step what it made is swept and
        frozen (see vodgui.ui.collector), so no collection walks more than one step's objects."""
        def run() -> None:
            with short_switches():
                for start in range(0, len(ids), MASS_STEP):
                    step = ids[start:start + MASS_STEP]
                    with many_long_lived(len(step), sweep=True):
                        call(step)

        self.ops.submit(run)

    def _on_engine_call_failed(self, exc: BaseException) -> None:
        self._show(describe_exception(exc))

    def start_selected(self) -> None:
        ids = _ids(self.selected(), _RESUMABLE)
        if ids:
            self._engine_each(self.ctx.engine.resume, ids)

    def pause_selected(self) -> None:
        ids = _ids(self.selected(), _PAUSABLE)
        if ids:
            self._engine_each(self.ctx.engine.pause, ids)

    def toggle_selected(self) -> None:
        """Space: pause what runs or waits; otherwise resume what is paused or failed."""
        if self.act_pause.isEnabled():
            self.pause_selected()
        else:
            self.start_selected()

    def retry_selected(self) -> None:
        ids = [s.job_id for s in self.selected() if s.state is _S.FAILED and retry_helps(s)]
        if ids:
            self._engine_each(self.ctx.engine.retry, ids)

    def cancel_selected(self) -> None:
        snaps = [s for s in self.selected() if not s.state.terminal]
        ids = [s.job_id for s in snaps]
        if not ids:
            return
        text = self.tr("Cancel %n upload(s)? What was sent is discarded.", "", len(ids))
        made = [s.kind for s in snaps if s.media_id]  # what exists in VOD for them, and is deleted with them
        videos = sum(1 for kind in made if kind in (KIND_VIDEO, KIND_M3U8))
        images = made.count(KIND_IMAGE)
        attached = made.count(KIND_ATTACHED)
        if videos:
            text += " " + self.tr("The placeholder video VOD made for it is deleted (DeleteVideo): %n video(s).", "",
                                  videos)
        if images:
            text += " " + self.tr("The image VOD made for it is deleted (DeleteImage): %n image(s).", "", images)
        if attached:
            text += " " + self.tr("The attached media VOD made for it is deleted (DeleteAttachedMedia): %n file(s).",
                                  "", attached)
        text += " " + self.tr("You can queue a cancelled item again with Start; it starts from the beginning.")
        if not self.confirm(self.tr("Cancel uploads"), text, self.tr("Cancel uploads")):
            return
        self._engine_each(self.ctx.engine.cancel, ids)

    def remove_selected(self) -> None:
        snaps = self.selected()
        if not snaps:
            return
        running = sum(1 for s in snaps if s.state.active)
        if running and not self.confirm(
                self.tr("Remove items"),
                self.tr("{0} of the selected items are uploading. Removing them cancels their uploads.")
                .format(running), self.tr("Remove")):
            return
        ids = [s.job_id for s in snaps]
        self._engine_each(self.ctx.engine.remove, ids)

    def copy_video_ids(self) -> None:
        ids = [s.media_id for s in self.selected() if s.media_id]
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self._show(self.tr("Copied %n VideoId(s).", "", len(ids)))

    def open_in_playback(self) -> None:
        ids = [s.media_id for s in self.selected() if s.media_id and s.state is _S.DONE and s.kind in PLAYABLE_KINDS]
        if ids:
            self.ctx.hub.open_in_playback.emit(ids)

    def resume_all(self) -> None:
        self.banner.hide()
        ids = _ids(self.model.snapshots(), (_S.PAUSED,))
        if ids:
            self._engine_each(self.ctx.engine.resume, ids)

    def clear_finished(self) -> None:
        ids = _ids(self.model.snapshots(), (_S.DONE, _S.CANCELLED))
        if ids:
            self._engine_each(self.ctx.engine.remove, ids)

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be undone (tests replace this method)."""
        return ask(self, title, text, action, self.tr("Keep"), destructive=True)

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        if not self.view.indexAt(pos).isValid():
            menu.addActions([self.act_add_files, self.act_add_folder, self.act_add_url])
        else:
            menu.addActions([self.act_start, self.act_pause, self.act_retry, self.act_cancel])
            menu.addSeparator()
            menu.addActions([self.act_copy, self.act_play])
            menu.addSeparator()
            menu.addAction(self.act_remove)
        menu.popup(self.view.viewport().mapToGlobal(pos))
        menu.aboutToHide.connect(menu.deleteLater)

    def _on_row_activated(self, *_: Any) -> None:
        self.side.setCurrentWidget(self.details)

    def show_details(self, *_: Any) -> None:
        """The Details panel, the focus on its first field (keyboard: Enter in the queue, Alt+Return)."""
        self.side.setCurrentWidget(self.details)
        focus_first(self.details)

    def show_transfer(self) -> None:
        """The Transfer panel, the focus on its first control (Ctrl+T)."""
        self.side.setCurrentWidget(self.transfer)
        focus_first(self.transfer)

    # -- metadata --------------------------------------------------------------------------------------------
    def _on_apply_metadata(self, job_ids: list[int], changes: dict[str, Any]) -> None:
        self._engine_each(lambda step: self.ctx.engine.update_metadata(step, changes), list(job_ids))
        in_vod = [i for i in job_ids if (snap := self.model.snapshot(i)) is not None and exists_in_vod(snap)]
        if in_vod:
            self._show(self.tr("Saving the details in VOD for %n video(s)…", "", len(in_vod)))

    def _list_categories(self) -> list[tuple[int, str, int]]:
        """The account's categories, parents before children (GetCategories, off the GUI thread): of the selected
        items' profile, else the current one."""
        snaps = [s for s in (self.model.snapshot(i) for i in self._selected) if s is not None]
        profile = snaps[0].profile if snaps else self.ctx.current_profile
        vod = self.ctx.workspace.sessions(profile).vod
        if vod is None:
            raise VodError("NoVodAccess.Metadata", params={"profile": profile})
        return [(c.cate_id, c.name, c.path.count(" / ")) for c in catalog.categories(vod)]

    def edit_defaults(self) -> None:
        profile = self.ctx.current_profile
        if not profile:
            return
        dialog = DefaultsDialog(profile, self._defaults.get(profile, {}), self)
        dialog.catalog_menus = attach_catalog_pickers(dialog.form.inputs, self.ctx, lambda: profile, dialog)
        dialog.accepted.connect(lambda: self._on_defaults_saved(profile, dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_defaults_saved(self, profile: str, values: dict[str, Any]) -> None:
        self._defaults[profile] = clean_defaults(values)
        store, saved = self.defaults_store, dict(self._defaults[profile])
        self.ops.submit(lambda: store.put(profile, saved))
