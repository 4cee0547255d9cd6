"""Change the details of videos that exist in VOD, from the History page: title, description, tags, category
(the catalog picker) and cover, for one video or several at once, with UpdateVideoInfo.

The form is the queue's Details form (:class:`~vodgui.ui.metadata_editor.MetadataForm`) showing only what
UpdateVideoInfo changes; reading and saving go through :mod:`vodgui.core.video_details`, the code path a queue
item's edit takes, on a pool thread. Each video's result is listed (saved, or the error with its code).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.errors import VodError
from vodgui.core.media_items import cover_items
from vodgui.core.video_details import DetailsRead, VideoRef, outcome, read_details, save_details
from vodgui.core.vod import UPDATABLE_FIELDS
from vodgui.ui import a11y
from vodgui.ui.announce import announce
from vodgui.ui.catalog_menu import attach_catalog_pickers
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe_exception, details
from vodgui.ui.i18n import Retranslator
from vodgui.ui.media_prompts import MediaPrompts
from vodgui.ui.message_texts import render
from vodgui.ui.metadata_editor import MetadataForm
from vodgui.ui.ops import run_op


class VideoDetailsDialog(QDialog):
    """Edit ``videos`` in VOD. ``titles`` names them in the results (VideoId -> title).

    Tests replace :meth:`choose_cover_image`.

    Signals:
        loaded(): the current details were read (the form shows them).
        saved(dict): UpdateVideoInfo ran for every video: VideoId -> its VodError, or None when it was saved.
        cover_queued(int): a cover image was queued for this many videos.
    """

    loaded = Signal()
    saved = Signal(dict)
    cover_queued = Signal(int)

    def __init__(self, ctx: AppContext, videos: list[VideoRef], titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.videos = list(videos)
        self.titles = dict(titles)
        self._saving = False
        self._read = DetailsRead()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = MetadataForm(self)
        self.form.show_only(UPDATABLE_FIELDS)
        self.form.edited.connect(self._update_buttons)
        profiles = {v.profile for v in self.videos}
        self.catalog_menus = attach_catalog_pickers(self.form.inputs, ctx, lambda: sorted(profiles)[0], self)
        self.status = QLabel(self)
        self.status.setObjectName("videoDetailsStatus")
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setObjectName("videoDetailsResults")
        self.results.setWordWrap(True)
        self.results.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.cover_button = QPushButton(self)
        self.cover_button.clicked.connect(self._on_cover_clicked)
        self.buttons.addButton(self.cover_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        Retranslator(self, self.retranslate)  # open while the language changes: its words change too
        self.resize(560, self.sizeHint().height())
        self.form.setEnabled(False)
        self._update_buttons()
        self._load()

    def retranslate(self) -> None:
        """The dialog's words in the current language (what it shows of VOD stays)."""
        self.form.retranslate()
        count = len(self.videos)
        self.setWindowTitle(self.tr("Edit %n video(s) in VOD", "", count))
        if count == 1:
            video_id = self.videos[0].video_id
            self.intro.setText(self.tr("“{0}” ({1}). Changed fields are saved in VOD with UpdateVideoInfo.").format(
                self.titles.get(video_id) or video_id, video_id))
        else:
            self.intro.setText(self.tr("%n videos. Only the fields you change are saved, in every one of them, with "
                                       "UpdateVideoInfo; a field that differs between them shows empty.", "", count))
        a11y.name(self.results, self.tr("Result for each video"))
        self.apply_button.setText(self.tr("&Save in VOD"))
        self.cover_button.setText(self.tr("Choose cover &image…"))
        self.cover_button.setToolTip(self.tr("Upload an image (through the queue) and make it the cover of these "
                                             "videos once it is uploaded"))

    # -- reading ---------------------------------------------------------------------------------------------
    def _load(self) -> None:
        self.status.setText(self.tr("Reading the current details from VOD…"))
        sessions, videos = self.ctx.workspace.sessions, self.videos
        run_op(self, lambda: read_details(sessions, videos), self._on_read, self._on_read_failed)

    def _on_read(self, read: DetailsRead) -> None:
        self._read = read
        self.form.load([read.metadata[v.video_id] for v in self.videos if v.video_id in read.metadata] or [{}])
        self.form.setEnabled(True)
        reading = self.status.text() == self.tr("Reading the current details from VOD…")
        if read.problems:
            lines = [self.tr("{0}: {1}").format(video_id, describe_exception(err))
                     for video_id, err in read.problems.items()]
            self.status.setText(self.tr("The current details of %n video(s) could not be read; the fields show the "
                                        "others'.", "", len(read.problems)) + " " + " ".join(lines))
        elif reading:  # (a cover chosen meanwhile keeps its line)
            self.status.setText("")
        self._update_buttons()
        self.loaded.emit()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.form.setEnabled(True)
        self.status.setText(self.tr("The current details could not be read: {0}").format(describe_exception(exc)))
        self._update_buttons()
        self.loaded.emit()

    # -- saving ----------------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(not self._saving and self.form.isEnabled() and self.form.is_dirty()
                                     and self.form.is_valid())
        self.cover_button.setEnabled(not self._saving)

    def apply(self) -> None:
        """Save the changed fields in every video (off the GUI thread); the results are listed per video."""
        changes = self.form.changes()
        if not changes or not self.form.is_valid() or self._saving:
            return
        self._saving = True
        self._update_buttons()
        self.status.setText(self.tr("Saving in VOD…"))
        sessions, videos, store = self.ctx.workspace.sessions, self.videos, self.ctx.workspace.store
        run_op(self, lambda: save_details(sessions, videos, changes, store),
               lambda results: self._on_saved(changes, results), self._on_save_failed)

    def _on_saved(self, changes: dict[str, Any], results: dict[str, VodError | None]) -> None:
        self._saving = False
        self.results.clear()
        failed = 0
        for video in self.videos:
            error = results.get(video.video_id)
            name = self.titles.get(video.video_id) or video.video_id
            if error is None:
                text = self.tr("✓ {0}: {1}").format(name, render(outcome(video.video_id, None)))
            else:
                failed += 1
                text = self.tr("✗ {0}: {1}").format(name, describe_exception(error))
            item = QListWidgetItem(text, self.results)
            item.setData(Qt.ItemDataRole.UserRole, video.video_id)
            # The failure's code, the service's words and RequestId, for a ticket (the line above is the sentence).
            item.setToolTip(text if error is None
                            else text + "\n" + details(error.code, error.message, error.request_id))
        self.results.setMinimumHeight(self.results.fontMetrics().lineSpacing() * min(8, 2 * len(self.videos) + 1))
        self.results.show()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        saved = len(self.videos) - failed
        self.status.setText(self.tr("Saved in VOD: %n video(s).", "", saved)
                            + (" " + self.tr("Not saved: %n (see below).", "", failed) if failed else ""))
        announce(self, self.status.text(), urgent=bool(failed))
        # What is shown now is what VOD has: the fields are clean again.
        self.form.load([{**self._read.metadata.get(v.video_id, {}), **changes} for v in self.videos])
        self._update_buttons()
        self.saved.emit(results)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.status.setText(self.tr("Nothing was saved: {0}").format(describe_exception(exc)))
        announce(self, self.status.text(), urgent=True)
        self._update_buttons()

    # -- cover -----------------------------------------------------------------------------------------------
    def choose_cover_image(self) -> str:
        """The image file chosen as the cover, or "" (tests replace this method)."""
        return MediaPrompts().choose_image(self, os.path.expanduser("~"))

    def _on_cover_clicked(self) -> None:
        path = self.choose_cover_image()
        if not path:
            return
        try:
            items = cover_items(path, [(0, v.profile, v.video_id) for v in self.videos])
        except VodError as err:
            self.status.setText(describe_exception(err))
            return
        engine = self.ctx.engine
        count = len(self.videos)
        run_op(self, lambda: engine.add(items), lambda _ids: self.cover_queued.emit(count),
               lambda exc: self.status.setText(describe_exception(exc)))
        self.status.setText(self.tr("Uploading the cover image {0} in the queue (Upload page); it becomes the cover "
                                    "of %n video(s) when it is done.", "", count).format(os.path.basename(path)))
