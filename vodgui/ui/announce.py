"""Status changes a screen reader speaks: an upload done or failed, a PlayAuth expired, a check passed or failed.

Pages call :func:`announce` with the sentence they already show. It

* sends a ``QAccessibleAnnouncementEvent`` from the widget that changed (Qt 6.8+: an AT-SPI ``announcement`` on
  Linux, a UI Automation notification on Windows, an NSAccessibility announcement on macOS), polite, or
  assertive for failures, which interrupt;
* writes it to the main window's announcement label in the status bar (a ``QLabel``: its name is its text and Qt
  sends ``NameChanged`` when it changes, so the status bar is a live region a screen reader can also read back
  later, and sighted users see the same words);
* emits :attr:`Announcer.announced` (the log and tests listen).

The one place that decides how announcing works: pages never build accessibility events themselves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QWidget

from vodgui.core.media_items import display_name
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.ui.elided_label import ElidedLabel
from vodgui.ui.errors import describe_job_error
from vodgui.ui.texts import join_sentences

log = logging.getLogger(__name__)

LABEL_NAME = "announcement"


class Announcer(QObject):
    """Tells listeners what was announced.

    Signals:
        announced(str, bool): the text, and whether it was assertive (a failure).
    """

    announced = Signal(str, bool)


_announcer: Announcer | None = None


def announcer() -> Announcer:
    """The process's announcer (made on first use, in the GUI thread)."""
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announcement_event(source: QObject, text: str, urgent: bool = False) -> QAccessibleAnnouncementEvent:
    """The event :func:`announce` sends: ``text`` from ``source``, assertive when ``urgent``."""
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    return event


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window ``widget`` lives in (through dialogs' parents)."""
    while widget is not None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            return window
        widget = window.parentWidget()
    return None


def status_label(window: QMainWindow) -> QLabel:
    """The window's announcement label: the status bar's left side, made on first use."""
    label = window.findChild(QLabel, LABEL_NAME)
    if label is None:
        label = ElidedLabel(window, keep_chars=50)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # its text's width, or less
        label.setObjectName(LABEL_NAME)
        # Permanent: a temporary status-bar message (a notice without a tray) would hide a normal widget. At most
        # ~50 characters wide, so it never widens the window and leaves the message its room on the left (a long
        # failure is cut with "…"; the tooltip and the accessible name have it whole).
        label.setMaximumWidth(label.fontMetrics().averageCharWidth() * 50)
        window.statusBar().insertPermanentWidget(0, label)  # before the queue count
    return label


def announce(source: QWidget, text: str, *, urgent: bool = False) -> None:
    """Speak ``text`` (already translated) about ``source``; ``urgent`` for failures."""
    text = " ".join(text.split())
    if not text:
        return
    window = main_window_of(source)
    if window is not None:
        label = status_label(window)
        label.setText(text)
    QAccessible.updateAccessibility(announcement_event(source, text, urgent))
    log.debug("announced%s: %s", " (assertive)" if urgent else "", text)
    announcer().announced.emit(text, urgent)


class QueueAnnouncements(QObject):
    """Announces queue items that finish: "clip.mp4 uploaded", "clip.mp4 failed: <why>" (assertive). Items that
    end in the same flush are spoken as one sentence ("3 files uploaded"), so a big batch does not flood the
    screen reader. Items seen first in a final state (restored at start) are not announced.

    Signals: none.
    """

    def __init__(self, window: QMainWindow, bridge: QObject) -> None:
        super().__init__(window)
        self._window = window
        self._states: dict[int, JobState] = {}
        bridge.jobs_added.connect(self._on_added)  # type: ignore[attr-defined]
        bridge.jobs_changed.connect(self._on_changed)  # type: ignore[attr-defined]
        bridge.jobs_removed.connect(self._on_removed)  # type: ignore[attr-defined]

    def _on_added(self, snaps: list[JobSnapshot]) -> None:
        for snap in snaps:
            self._states.setdefault(snap.job_id, snap.state)

    def _on_removed(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            self._states.pop(job_id, None)

    def _on_changed(self, snaps: list[JobSnapshot]) -> None:
        done: list[JobSnapshot] = []
        failed: list[JobSnapshot] = []
        for snap in snaps:
            before = self._states.get(snap.job_id)
            self._states[snap.job_id] = snap.state
            if before is None or before is snap.state:
                continue
            if snap.state is JobState.DONE:
                done.append(snap)
            elif snap.state is JobState.FAILED:
                failed.append(snap)
        if failed:
            if len(failed) == 1:
                snap = failed[0]
                why = describe_job_error(snap.error) if snap.error is not None else ""
                text = self.tr("{0} failed: {1}").format(display_name(snap.kind, snap.path), why) if why \
                    else self.tr("{0} failed").format(display_name(snap.kind, snap.path))
            else:
                text = self.tr("%n file(s) failed to upload", "", len(failed))
            if done:
                text = join_sentences(text, self._done_text(done))
            announce(self._window, text, urgent=True)
        elif done:
            announce(self._window, self._done_text(done))

    def _done_text(self, done: list[JobSnapshot]) -> str:
        if len(done) == 1:
            return self.tr("{0} uploaded").format(display_name(done[0].kind, done[0].path))
        return self.tr("%n file(s) uploaded", "", len(done))
