"""The main window: a profile switcher that is always visible, five pages, overall progress in the title, tray
notifications (a batch ended, a hot folder's file, a video that failed after its upload) that open what they are
about, and a safe quit (running uploads are paused, never lost)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vodgui import __version__
from vodgui.core.profiles import SANDBOX_PROFILE
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.resources import resource_path
from vodgui.ui import a11y
from vodgui.ui.announce import QueueAnnouncements
from vodgui.ui.context import AppContext
from vodgui.ui.dialogs import ask
from vodgui.ui.elided_label import ElidedLabel
from vodgui.ui.history_model import HistoryRow, status_explanation, status_label
from vodgui.ui.history_page import HistoryPage
from vodgui.ui.i18n import Retranslator
from vodgui.ui.keyboard import KeyboardMap, ShortcutsDialog
from vodgui.ui.log_page import LogPage
from vodgui.ui.notifications import NO_TARGET, LaterFailures, Notice, Target, show_history_entries
from vodgui.ui.playback_page import PlaybackPage
from vodgui.ui.queue_model import QueueModel
from vodgui.ui.status_bar import ElidingStatusBar
from vodgui.ui.style import fit_to_screen
from vodgui.ui.update_notice import UpdateBar
from vodgui.ui.upload_page import UploadPage
from vodgui.ui.watch_page import WatchPage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The window.

    Signals:
        notice_shown(Notice): a desktop notification was shown (tray message, or the status bar without a tray).
    """

    notice_shown = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._queue_loading = False  # the last session's queue is being loaded (see UploadPage.load_queue)
        self.ctx = ctx
        #: What the last notification shown is about (a tray message is clicked only while it is the last one).
        self.notice: Notice | None = None
        self.later_failures = LaterFailures(self)
        self.later_failures.failed.connect(self._on_failed_later)
        self.setWindowIcon(QIcon(str(resource_path("icons", "vodgui.svg"))))
        # The default and the minimum shrink to the screen: at 200% a 1920x1080 screen has room for 960x540.
        fit_to_screen(self, QSize(1180, 720), QSize(960, 600))
        self.setStatusBar(ElidingStatusBar(self))
        self.model = QueueModel(self)
        ctx.bridge.jobs_added.connect(self.model.add)
        ctx.bridge.jobs_removed.connect(self.model.remove)
        ctx.bridge.jobs_changed.connect(self.model.update)
        ctx.bridge.progress_changed.connect(self.model.set_progress)

        self._build_toolbar()
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(140)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget(self)
        self._build_pages()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.update_bar = UpdateBar(ctx, central)
        column.addWidget(self.update_bar)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip("vodgui")
            self.tray.show()
            self.tray.messageClicked.connect(self._on_notification_clicked)
        # Items queued or started since the queue was last idle: what the end-of-batch notice speaks of.
        self._batch: set[int] = set()
        ctx.bridge.jobs_added.connect(self._on_jobs_seen)
        ctx.bridge.jobs_changed.connect(self._on_jobs_seen)
        # Counts are read right after the rows changed, in the same flush: the title never disagrees with them.
        ctx.bridge.flushed.connect(self._update_title)
        self.announcements = QueueAnnouncements(self, ctx.bridge)
        ctx.hub.open_in_playback.connect(self._on_open_in_playback)
        ctx.hub.profiles_changed.connect(self._reload_profiles)
        # The menu bar, the pages' shortcuts and the Keyboard shortcuts dialog (F1).
        self.keys = KeyboardMap(self)
        self.keys.build()
        self.nav.currentRowChanged.connect(self.keys.show_page_menu)
        self.upload_page.view.setFocus()  # the queue has the keyboard when the window opens
        self.last_notice: tuple[str, str] | None = None
        Retranslator(self, self.retranslate)
        self._reload_profiles()
        self._update_title()

    def _build_pages(self) -> None:
        """The pages, their texts in the current language (built again after a language change, except the Watch
        page, whose folder watcher runs on)."""
        self.upload_page = UploadPage(self.ctx, self.model, self)
        self.upload_page.queue_loading.connect(self._on_queue_loading)
        self.history_page = HistoryPage(self.ctx, self)
        self.later_failures.attach(self.history_page)
        self.playback_page = PlaybackPage(self.ctx, self)
        self.log_page = LogPage(self.ctx, self)
        if not hasattr(self, "watch_page"):
            self.watch_page = WatchPage(self.ctx, self)
            self.watch_page.notify.connect(
                lambda title, text, failed, job_id: self.notify(title, text, failed, Target(job_ids=(job_id,))))
        self.upload_page.action_triggered.connect(lambda: self.show_page(0))
        self.nav.setToolTip(self.tr("Pages (Ctrl+1 to Ctrl+5)"))
        a11y.name(self.nav, self.tr("Pages"))
        self.nav.clear()
        for index, (page, title) in enumerate(zip((self.upload_page, self.history_page, self.playback_page,
                                                   self.log_page, self.watch_page), self.page_titles())):
            QListWidgetItem(title, self.nav)
            self.stack.insertWidget(index, page)

    def page_titles(self) -> list[str]:
        return [self.tr("Upload"), self.tr("History"), self.tr("Playback"), self.tr("Log"), self.tr("Watch")]

    def show_page(self, index: int) -> None:
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    # -- language --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every page in the new language at once. The pages are built again (their state lives in the context,
        the engine and the stores); the queue keeps its rows and the selection."""
        row = max(0, self.nav.currentRow())
        selected = [s.job_id for s in self.upload_page.selected()]
        old = [self.upload_page, self.history_page, self.playback_page, self.log_page]
        self.playback_page.player.stop()
        self.nav.blockSignals(True)
        for page in old:
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self._build_pages()
        self.nav.blockSignals(False)
        self.nav.setCurrentRow(row)
        self.stack.setCurrentIndex(row)
        self.upload_page.select_jobs(selected)
        self.removeToolBar(self.profile_bar)
        self.profile_bar.deleteLater()
        self._build_toolbar()
        self.keys.build()
        self.model.retranslate()
        self._reload_profiles()
        self.upload_page._update_summary()
        self._update_title()

    # -- toolbar and profiles --------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Profile"), self)
        self.profile_bar = bar
        bar.setMovable(False)
        bar.setObjectName("profileBar")
        a11y.name_toolbar(bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        holder = QWidget(bar)
        row = QHBoxLayout(holder)
        row.setContentsMargins(6, 2, 6, 2)
        label = QLabel(self.tr("Profile:"), holder)
        self.profile_box = QComboBox(holder)
        self.profile_box.setMinimumWidth(220)
        self.profile_box.setToolTip(self.tr("The account uploads and playback checks use. Switch at any time; "
                                            "running uploads keep their own profile."))
        label.setBuddy(self.profile_box)
        self.profile_box.currentIndexChanged.connect(self._on_profile_chosen)
        self.mode_label = ElidedLabel(holder)  # shares the row with the menus: cut with "…" in a narrow window
        self.mode_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.mode_label.setObjectName("modeLabel")
        edit = QToolButton(holder)
        edit.setText(self.tr("Edit…"))
        edit.setToolTip(self.tr("Edit the current profile, test its connection"))
        edit.clicked.connect(self.edit_profile)
        add = QToolButton(holder)
        add.setText(self.tr("New profile…"))
        add.setToolTip(self.tr("Add an account: AccessKey in the keychain, or your team's AppServer"))
        add.clicked.connect(self.new_profile)
        settings = QToolButton(holder)
        settings.setText(self.tr("Settings…"))
        settings.setToolTip(self.tr("Language, resuming after a restart, notifications"))
        settings.clicked.connect(self.open_settings)
        for w in (label, self.profile_box, self.mode_label, edit, add):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(settings)
        bar.addWidget(holder)

    def _reload_profiles(self) -> None:
        profiles = self.ctx.workspace.profiles.list()
        current = self.ctx.current_profile or self.ctx.settings.last_profile or SANDBOX_PROFILE
        names = [p.name for p in profiles]
        if current not in names and names:
            current = names[0]
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        self.model.set_sandbox_profiles(p.name for p in profiles if p.sandbox)
        for p in profiles:
            label = self.tr("{0} — offline, nothing leaves this computer").format(p.name) if p.sandbox else p.name
            self.profile_box.addItem(label, p.name)
            if p.sandbox:
                self.profile_box.setItemData(self.profile_box.count() - 1, self.tr(
                    "The built-in sandbox: a VOD, STS and OSS on this computer for trying vodgui out. Nothing is "
                    "uploaded to Alibaba Cloud."), Qt.ItemDataRole.ToolTipRole)
        if current in names:
            self.profile_box.setCurrentIndex(names.index(current))
        self.profile_box.blockSignals(False)
        if current:
            self.ctx.select_profile(current)
        self._show_mode()

    def _on_profile_chosen(self, index: int) -> None:
        name = self.profile_box.itemData(index)
        if name:
            self.ctx.select_profile(str(name))
            self._show_mode()

    def _show_mode(self) -> None:
        profile = self.ctx.profile()
        if profile is None:
            self.mode_label.setText("")
            return
        mode = self.tr("Upload credential") if profile.mode == "credential" else self.tr("STS")
        source = self.tr("AppServer") if profile.source == "appserver" else self.tr("AccessKey")
        where = self.tr("offline sandbox") if profile.sandbox else profile.region
        self.mode_label.setText(f"  {mode} · {source} · {where}")

    def edit_profile(self) -> None:
        from vodgui.ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.ctx, self.ctx.current_profile or None, self)
        dialog.open()

    def new_profile(self) -> None:
        from vodgui.ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.ctx, None, self)
        dialog.open()

    def choose_profile(self) -> None:
        self.profile_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_shortcuts(self) -> None:
        """The Keyboard shortcuts dialog (F1)."""
        dialog = ShortcutsDialog(self.keys, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_settings(self) -> None:
        from vodgui.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).open()

    def open_files(self, paths: list[str]) -> None:
        """Files from the command line or another launch ("Open with vodgui"): queue them as if dropped, and come
        to the front."""
        if paths:
            self.nav.setCurrentRow(0)
            self.upload_page.add_paths(paths)
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def _on_open_in_playback(self, video_ids: list[str]) -> None:
        self.nav.setCurrentRow(2)
        self.playback_page.show_videos(video_ids)

    # -- progress in the title, notifications ----------------------------------------------------------------
    def _on_jobs_seen(self, snaps: list[JobSnapshot]) -> None:
        for snap in snaps:
            if snap.state is JobState.QUEUED or snap.state.active:
                self._batch.add(snap.job_id)

    def _on_queue_loading(self, loading: bool) -> None:
        self._queue_loading = loading
        self._update_title()

    def _update_title(self) -> None:
        """Title, tray tooltip and status bar from the queue's rows as this flush left them."""
        counts = self.model.counts()
        if counts.busy:
            pct = 100 * counts.bytes_done / counts.bytes_total if counts.bytes_total else 0
            parts = [self.tr("%n uploading", "", counts.uploading)]
            if counts.waiting:
                parts.append(self.tr("%n waiting", "", counts.waiting))
            title = f"vodgui — {pct:.0f}% · {' · '.join(parts)}"
            self.status.setText(self.tr("%n item(s) left to upload", "", counts.uploading + counts.waiting))
        else:
            title = f"vodgui {__version__}"
            self.status.setText(self.tr("Loading the queue…") if self._queue_loading
                                else self.tr("%n item(s) in the queue", "", counts.rows))
        self.setWindowTitle(title)
        if self.tray is not None:
            self.tray.setToolTip(title)
        if not counts.busy and self._batch:
            snapshot, paused = self.model.snapshot, JobState.PAUSED
            if counts.paused and any((s := snapshot(i)) is not None and s.state is paused for i in self._batch):
                return  # paused, not finished: the batch goes on when they are resumed (read at each flush: the
                # first of 100,000 paused items answers it)
            snaps = [s for s in (self.model.snapshot(i) for i in self._batch) if s is not None]
            self._batch = set()
            done = [s.job_id for s in snaps if s.state is JobState.DONE]
            failed = [s.job_id for s in snaps if s.state is JobState.FAILED]
            # Clicking the notice shows the rows it speaks of: the failed ones when some failed.
            self._batch_finished(len(done), len(failed), Target(job_ids=tuple(failed or done)))

    def _batch_finished(self, done: int, failed: int, target: Target = NO_TARGET) -> None:
        """The queue is idle again: say what became of the items of this batch (older items do not count)."""
        if not self.ctx.settings.notify or not (done or failed):
            return
        if failed:
            title = self.tr("Uploads finished with errors")
            text = self.tr("%n file(s) of this batch failed.", "", failed)
            if done:
                text += " " + self.tr("%n file(s) uploaded.", "", done)
        else:
            title, text = self.tr("Uploads finished"), self.tr("%n file(s) uploaded.", "", done)
        self.last_notice = (title, text)
        self.notify(title, text, bool(failed), target)

    def _on_failed_later(self, rows: list[HistoryRow]) -> None:
        """Videos that failed after their upload (the History page's follow-up checks found it)."""
        if len(rows) == 1:
            row = rows[0]
            title = self.tr("A video failed after its upload")
            text = self.tr("“{0}” will not play. {1}").format(
                row.record.title or row.file_name, status_explanation(row.status) or status_label(row.status))
        else:
            title = self.tr("%n video(s) failed after their upload", "", len(rows))
            text = self.tr("%n video(s) will not play: {0}", "", len(rows)).format(
                ", ".join(f"“{r.record.title or r.file_name}” ({status_label(r.status)})" for r in rows[:3])
                + (", …" if len(rows) > 3 else ""))
        self.notify(title, text, True, Target(video_ids=tuple(r.video_id for r in rows)))

    def notify(self, title: str, text: str, failed: bool, target: Target = NO_TARGET) -> None:
        """A desktop notification (tray message; the status bar without a tray); none while the window has the
        focus and nothing went wrong. Clicking it opens what it is about (:meth:`open_target`)."""
        if not self.ctx.settings.notify or (not failed and self.isActiveWindow()):
            return
        self.notice = Notice(title, text, failed, target)
        icon = QSystemTrayIcon.MessageIcon.Warning if failed else QSystemTrayIcon.MessageIcon.Information
        if self.tray is not None:
            self.tray.showMessage(title, text, icon, 8000)
        else:
            self.statusBar().showMessage(self.tr("{0}: {1}").format(title, text), 15000)
        self.notice_shown.emit(self.notice)

    def _on_notification_clicked(self) -> None:
        self.open_target(self.notice.target if self.notice is not None else NO_TARGET)

    def open_target(self, target: Target) -> None:
        """Bring the window forward on what a notification is about: the queue rows of ``target.job_ids`` (Upload
        page) or the History entries of ``target.video_ids``."""
        self.open_files([])
        if target.video_ids:
            page = self.history_page
            self.nav.setCurrentRow(self.stack.indexOf(page))
            if not show_history_entries(page, target.video_ids):
                # Just built again (a language switch): the entries are selected once the page has read them.
                def on_loaded(_added: int) -> None:
                    if show_history_entries(page, target.video_ids):
                        page.loaded.disconnect(on_loaded)

                page.loaded.connect(on_loaded)
        elif target.job_ids:
            page = self.upload_page
            self.nav.setCurrentRow(self.stack.indexOf(page))
            page.select_jobs(target.job_ids)
            rows = [r for r in (self.model.row_of(j) for j in target.job_ids) if r is not None]
            if rows:
                page.view.scrollTo(self.model.index(min(rows), 0))

    # -- quitting --------------------------------------------------------------------------------------------
    def ask_pause_on_quit(self, running: int) -> bool:
        """Ask before quitting with uploads running (tests replace this)."""
        return ask(self, self.tr("Uploads are running"),
                   self.tr("%n upload(s) running. Pause them and quit? They continue where they stopped the "
                           "next time you open vodgui.", "", running),
                   self.tr("Pause and quit"), QMessageBox.StandardButton.Cancel)

    def closeEvent(self, event: QCloseEvent) -> None:
        running = [s for s in self.ctx.engine.snapshots() if s.state.active]
        if running and not self.ask_pause_on_quit(len(running)):
            event.ignore()
            return
        # suspend, not pause: the next start resumes them when Settings say so (a user's pause is kept).
        self.ctx.engine.suspend([s.job_id for s in running])
        self.watch_page.stop()
        event.accept()
