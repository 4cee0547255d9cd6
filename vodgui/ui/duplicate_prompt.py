"""The "already uploaded" question: skip the file or upload it again, optionally for the rest of the batch."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from vodgui.core.intake import Duplicate


@dataclass(frozen=True)
class DuplicateDecision:
    """``upload``: upload the file again (False: skip it). ``remember``: give the same answer for the rest of
    the batch without asking."""

    upload: bool
    remember: bool = False


class DuplicatePrompt(QDialog):
    """Asks about one file the history says was uploaded before.

    Signals: the QDialog ones; read :attr:`decision` after it closes.
    """

    def __init__(self, duplicate: Duplicate, remaining: int, parent: QWidget | None = None,
                 profile: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Already uploaded"))
        self.decision = DuplicateDecision(upload=False)
        name = os.path.basename(duplicate.file.path)
        record = duplicate.entry
        when = QDateTime.fromSecsSinceEpoch(int(record.finished_at)).toString("yyyy-MM-dd HH:mm")
        account = self.tr("account {0} ({1})").format(record.account, record.region)
        if profile:
            account = self.tr("{0}, profile “{1}”").format(account, profile)
        heading = QLabel(self.tr("“{0}” was uploaded before to {1}.").format(name, account), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        if duplicate.same_content:
            why = self.tr("A file with the same size and the same content (CRC64 checksum) was uploaded to this "
                          "account on {0} as VideoId {1}, from {2}.").format(when, record.media_id, record.path)
        else:
            why = self.tr("This file, unchanged since then (same size and modification time), was uploaded to this "
                          "account on {0} as VideoId {1}.").format(when, record.media_id)
        body = QLabel(why + "\n\n" + self.tr("Uploading it again creates a second video in this account. Uploads "
                                             "to other accounts are not affected."), self)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remember = QCheckBox(self.tr("Do the same for the other {0} already uploaded files in this "
                                          "batch").format(remaining), self)
        self.remember.setVisible(remaining > 0)
        buttons = QDialogButtonBox(self)
        self.skip_button = QPushButton(self.tr("&Skip"), self)
        self.skip_button.setToolTip(self.tr("Leave this file out of the queue"))
        self.upload_button = QPushButton(self.tr("&Upload again"), self)
        self.upload_button.setToolTip(self.tr("Queue the file anyway; VOD gets a new video"))
        buttons.addButton(self.upload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setDefault(True)
        self.skip_button.clicked.connect(lambda: self._on_chosen(False))
        self.upload_button.clicked.connect(lambda: self._on_chosen(True))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(self.remember)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _on_chosen(self, upload: bool) -> None:
        self.decision = DuplicateDecision(upload, self.remember.isVisible() and self.remember.isChecked())
        self.done(QDialog.DialogCode.Accepted if upload else QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        # Escape or the window's close button: skip this file, and ask again for the next one.
        self.decision = DuplicateDecision(False, False)
        super().reject()
