"""The Playback page's result panels: the PlayAuth (masked, decoded, live expiry countdown), the video's metadata
and the player-check verdict. Views only: the page runs the calls and hands the results over."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.playback import PlayAuthResult, PlayCheck, VideoMeta
from vodgui.ui import a11y
from vodgui.ui.announce import announce
from vodgui.ui.elided_label import ElidedLabel
from vodgui.ui.errors import describe, details
from vodgui.ui.format import human_duration, local_time
from vodgui.ui.message_texts import render
from vodgui.ui.style import Tone, set_tone
from vodgui.ui.texts import join_sentences, media_status_text


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class PlayAuthPanel(QGroupBox):
    """The PlayAuth: masked with a Show toggle and Copy, its decoded fields, and a live AuthInfo countdown.

    Signals:
        expired(): the countdown reached the AuthInfo's ExpireTime.
    """

    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("PlayAuth"), parent)
        self.result: PlayAuthResult | None = None
        #: This computer's clock; tests replace it.
        self.now: Callable[[], float] = time.time
        self._expired_sent = False

        self.field = QLineEdit(self)
        self.field.setObjectName("playAuthField")
        self.field.setReadOnly(True)
        self.field.setPlaceholderText(self.tr("Press Get PlayAuth"))
        self.field.setToolTip(self.tr("The PlayAuth, masked: it carries temporary credentials"))
        self.show_button = QToolButton(self)
        self.show_button.setText(self.tr("Show"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(self.tr("Show the PlayAuth and the secrets inside it"))
        self.copy_button = QToolButton(self)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the full PlayAuth to the clipboard (for a player test page)"))
        self.copy_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.copy_button)

        self.countdown = QLabel(self)
        self.countdown.setObjectName("countdown")
        self.countdown.setToolTip(self.tr("Time left until the AuthInfo's ExpireTime, by this computer's clock"))
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.opaque_label = _selectable(QLabel(self))
        self.opaque_label.setObjectName("opaqueLabel")
        self.opaque_label.hide()
        self.error_label = _selectable(QLabel(self))
        self.error_label.setObjectName("playAuthError")
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.hide()
        self.error_details = _selectable(QLabel(self))
        set_tone(self.error_details, Tone.HINT)
        self.error_details.hide()

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("decodedTree")
        a11y.name(self.tree, self.tr("Decoded PlayAuth"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip(self.tr("The PlayAuth decoded (legacy base64-JSON format); secrets stay masked "
                                     "unless Show is on"))

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.countdown)
        layout.addWidget(self.bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.error_details)
        layout.addWidget(self.opaque_label)
        layout.addWidget(self.tree, 1)
        self.setTabOrder(self.field, self.show_button)
        self.setTabOrder(self.show_button, self.copy_button)
        self.setTabOrder(self.copy_button, self.tree)

        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._on_tick)
        self.show_button.toggled.connect(self._on_show_toggled)
        self.copy_button.clicked.connect(self._on_copy_clicked)

    # -- API -------------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.result = None
        self.timer.stop()
        self.field.clear()
        self.copy_button.setEnabled(False)
        self.countdown.clear()
        set_tone(self.countdown, None)
        self.bar.hide()
        self.tree.clear()
        self.opaque_label.hide()
        self.error_label.hide()
        self.error_details.hide()

    def show_result(self, result: PlayAuthResult) -> None:
        self.clear()
        self.result = result
        self._expired_sent = False
        self.copy_button.setEnabled(True)
        if result.decoded.opaque:
            self.opaque_label.setText(self.tr("Opaque: this PlayAuth is not in the legacy base64-JSON format, so "
                                              "vodgui cannot show what is inside ({0}). The player SDK can still "
                                              "use it; the check falls back to GetPlayInfo with the profile's "
                                              "key.").format(render(result.decoded.reason)))
            self.opaque_label.show()
        self._fill()
        self._on_tick()
        self.timer.start()

    def show_error(self, text: str, technical: str = "") -> None:
        self.clear()
        self.error_label.setText(text)
        self.error_label.show()
        self.error_details.setText(technical)
        self.error_details.setVisible(bool(technical))

    def error_text(self) -> str:
        return "\n".join(t for t in (self.error_label.text(), self.error_details.text()) if t)

    def countdown_text(self) -> str:
        return self.countdown.text()

    # -- internals -------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        result = self.result
        if result is None:
            return
        reveal = self.show_button.isChecked()
        self.field.setText(result.play_auth.reveal() if reveal else result.masked())
        self.field.setCursorPosition(0)
        self.tree.clear()
        data = result.decoded.to_dict(show_secrets=reveal)
        if result.decoded.opaque:
            data["reason"] = render(result.decoded.reason)  # the core's message, in the window's language
        self._add_items(self.tree.invisibleRootItem(), data)
        self.tree.expandAll()

    def _add_items(self, parent: QTreeWidgetItem, data: dict[str, Any]) -> None:
        for key, value in data.items():
            item = QTreeWidgetItem(parent, [str(key)])
            if isinstance(value, dict):
                self._add_items(item, value)
            else:
                text = "" if value is None else str(value)
                item.setText(1, text)
                item.setToolTip(1, text)

    def _on_show_toggled(self, checked: bool) -> None:
        self.show_button.setText(self.tr("Hide") if checked else self.tr("Show"))
        self._fill()

    def _on_copy_clicked(self) -> None:
        if self.result is not None:
            QGuiApplication.clipboard().setText(self.result.play_auth.reveal())

    def _on_tick(self) -> None:
        result = self.result
        if result is None:
            self.timer.stop()
            return
        expires_at = result.expires_at
        if expires_at is None:
            self.countdown.setText(self.tr("Expiry unknown"))
            return
        left = expires_at - self.now()
        when = local_time(expires_at)
        estimated = result.decoded.expires_at is None
        if left > 0:
            text = self.tr("AuthInfo expires in {0} (at {1})").format(human_duration(left + 0.499), when)
            if estimated:
                text = join_sentences(text, self.tr("— estimated from the AuthInfoTimeout"))
            self.countdown.setText(text)
            set_tone(self.countdown, Tone.STRONG)
            self.bar.setValue(int(1000 * left / max(1, result.timeout)))
            self.bar.show()
        else:
            self.countdown.setText(self.tr("AuthInfo expired {0} ago (at {1}): get a new PlayAuth.").format(
                human_duration(-left), when))
            set_tone(self.countdown, Tone.ERROR_VERDICT)
            self.bar.setValue(0)
            if not self._expired_sent:
                self._expired_sent = True
                announce(self, self.countdown.text())
                self.expired.emit()


class VideoMetaPanel(QGroupBox):
    """VideoMeta in two compact lines: title, duration and status; the cover URL (elided, whole in the tooltip).
    Compact so that the player-check verdicts next to it have the height at the default window size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Video"), parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        self.title_label = ElidedLabel(self)
        self.title_label.setObjectName("metaTitle")
        self.duration = QLabel(self)
        self.status = QLabel(self)
        self.status.setObjectName("metaStatus")
        self.cover = ElidedLabel(self)
        self.cover.setObjectName("coverUrl")
        self._labels = [QLabel(self) for _ in range(4)]
        title_label, duration_label, status_label, cover_label = self._labels
        for label, buddy in zip(self._labels, (self.title_label, self.duration, self.status, self.cover),
                                strict=True):
            label.setBuddy(buddy)
        grid.addWidget(title_label, 0, 0)
        grid.addWidget(self.title_label, 0, 1)
        grid.addWidget(duration_label, 0, 2)
        grid.addWidget(self.duration, 0, 3)
        grid.addWidget(status_label, 0, 4)
        grid.addWidget(self.status, 0, 5)
        grid.addWidget(cover_label, 1, 0)
        grid.addWidget(self.cover, 1, 1, 1, 5)
        grid.setColumnStretch(1, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("Title:"), self.tr("Duration:"), self.tr("Status:"),
                                              self.tr("Cover URL:")), strict=True):
            label.setText(text)

    def show_meta(self, meta: VideoMeta) -> None:
        self.setToolTip(meta.video_id)
        self.title_label.setText(meta.title)
        self.duration.setText(human_duration(meta.duration) if meta.duration is not None else "")
        self.show_status(meta.status)
        self.cover.setText(meta.cover_url or self.tr("(none)"))

    def show_status(self, status: str) -> None:
        self.status.setText(media_status_text(status))
        self.status.setToolTip(status)
        set_tone(self.status, Tone.OK_VERDICT if status == "Normal" else (None if not status else Tone.ERROR_VERDICT))

    def clear(self) -> None:
        for label in (self.title_label, self.duration, self.status, self.cover):
            label.clear()


class CheckPanel(QGroupBox):
    """The verdict of "Check as the player would": pass or fail, why, and the service's code and RequestId."""

    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(title or self.tr("Player check"), parent)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.explanation = _selectable(QLabel(self))
        self.technical = _selectable(QLabel(self))
        self.technical.setObjectName("checkDetails")
        set_tone(self.technical, Tone.HINT)
        self.via = _selectable(QLabel(self))
        set_tone(self.via, Tone.HINT)
        # The service's message and RequestId can be long: scroll rather than clip them in a short window.
        body = QWidget(self)
        body_box = QVBoxLayout(body)
        body_box.setContentsMargins(0, 0, 0, 0)
        for label in (self.explanation, self.technical, self.via):
            body_box.addWidget(label)
        body_box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        # Down only: a RequestId such as B4A4745B-1878-6EFF-870A-… has no line break Qt may use (a hyphen before a
        # digit), and wider than a narrow panel it made a sideways scroll bar, which took a line from the verdict.
        # Cut at the edge instead; the label stays selectable and its tooltip has it whole.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.technical.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(scroll, 1)
        self.clear()

    def clear(self) -> None:
        self.verdict.setText(self.tr("Not checked yet"))
        set_tone(self.verdict, Tone.HINT)
        for label in (self.explanation, self.technical, self.via):
            label.clear()

    def show_pending(self) -> None:
        self.clear()
        self.verdict.setText(self.tr("Checking…"))

    def show_verdict(self, check: PlayCheck) -> None:
        self.clear()
        if check.ok:
            self.verdict.setText(self.tr("✓ Pass: the player would get {0} stream(s)").format(len(check.streams)))
            set_tone(self.verdict, Tone.OK_VERDICT)
        else:
            self.verdict.setText(self.tr("✗ Fail: {0}").format(check.code))
            set_tone(self.verdict, Tone.ERROR_VERDICT)
            self.explanation.setText(self.explain(check))
            self.technical.setText(details(check.code, check.message, check.request_id))
        # Which check: the page shows two verdicts side by side (VidAuth and VidSts).
        announce(self, self.tr("{0}: {1}").format(self.title(), join_sentences(self.verdict.text(),
                                                                             self.explanation.text())),
                 urgent=not check.ok)
        if check.ok and check.request_id:
            self.technical.setText(self.tr("RequestId: {0}").format(check.request_id))
        self.via.setText({
            "playauth": self.tr("Checked the player's way: GetPlayInfo signed with the PlayAuth's own credentials, "
                                "sending its AuthInfo."),
            "profile": self.tr("The PlayAuth is not decodable: checked with GetPlayInfo and the profile's key."),
            "none": self.tr("There is no PlayAuth, so the player could not even start."),
            "sts": self.tr("Checked the VidSts way: GetPlayInfo signed with the profile's STS token."),
            "jwt": self.tr("Checked the JWTPlayAuth: its signature with the app's PlayKey, then GetPlayInfo."),
        }.get(check.via, ""))
        self.technical.setToolTip(self.technical.text())

    def explain(self, check: PlayCheck) -> str:
        if check.code == "Forbidden.IllegalStatus" and check.status:
            return self.tr("The video's status is {0}; only Normal videos can be played.").format(
                media_status_text(check.status))
        if check.code == "VidSts.NoToken":
            return self.tr("This profile signs with a long-term AccessKey, not an STS token: use an STS-mode "
                           "profile to test VidSts.")
        if check.code == "Forbidden.RAM":
            return self.tr("The profile is not allowed to call GetPlayInfo. Grant vod:GetPlayInfo to the user or "
                           "role (or to the STS session policy).")
        return describe(check.code, check.message, check.kind or "unknown", check.params)
