"""Update notices: a bar at the top of the window that asks once whether to look for new versions, and later says
"vodgui X.Y is available" with the release notes and a download link. It never downloads or installs anything.

Nothing is asked or fetched while the built-in sandbox is the only profile (a first run): the question comes with
the first real account. A check runs off the GUI thread, at most once a day (:class:`UpdateScheduler`); a feed that
fails a check is logged by the core and shown nowhere, so a broken mirror never nags.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from vodgui.core.update_check import CheckResult, Outcome, UpdateScheduler, feed_url
from vodgui.core.update_feed import Refusal, current_platform, preferred_kinds
from vodgui.ui.context import AppContext
from vodgui.ui.i18n import resolve_language
from vodgui.ui.ops import run_op

log = logging.getLogger(__name__)

# How often the bar asks the scheduler whether a day has passed (a window left open for days still checks).
POLL_MS = 3600 * 1000
# Release notes longer than this are cut in the bar (the whole text is the tooltip).
NOTES_CHARS = 280


class UpdateBar(QFrame):
    """The question, then the notices. Hidden when it has nothing to say.

    Signals:
        check_finished(object): a check ran (its CheckResult), whether or not a notice followed.
    """

    check_finished = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("updateBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.scheduler = UpdateScheduler(ctx.workspace.dirs.data)
        # Opens a download link (tests replace it: no browser in a test).
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.primary = QPushButton(self)
        self.secondary = QPushButton(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.primary, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.secondary, 0, Qt.AlignmentFlag.AlignVCenter)
        self.primary.clicked.connect(self._on_primary)
        self.secondary.clicked.connect(self._on_secondary)
        self._mode = ""  # "", "ask" or "notice"
        self._result: CheckResult | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check_if_due)
        self._timer.start()
        ctx.hub.settings_changed.connect(self._on_settings_changed)
        ctx.hub.profiles_changed.connect(self._maybe_ask)
        self.hide()
        self._maybe_ask()
        self.check_if_due()

    # -- when to ask, when to check --------------------------------------------------------------------------
    def _has_real_profile(self) -> bool:
        return any(not p.sandbox for p in self.ctx.workspace.profiles.list())

    def _maybe_ask(self) -> None:
        if self._mode == "" and self.ctx.settings.update_checks is None and self._has_real_profile():
            self._show("ask")

    def check_if_due(self) -> None:
        """Start a check off the GUI thread if the user allowed checks and the last one is a day old."""
        settings = self.ctx.settings
        if settings.update_checks is not True or not self.scheduler.due():
            return
        url = feed_url(settings.update_feed_url)
        run_op(self, lambda: self.scheduler.run_if_due(allowed=True, url=url), self._on_checked)

    def _on_checked(self, result: CheckResult | None) -> None:
        if result is None:
            return
        if self.scheduler.should_notify(result) and self._mode != "ask":
            self._result = result
            self._show("notice")
        self.check_finished.emit(result)

    def _on_settings_changed(self) -> None:
        if self._mode == "ask" and self.ctx.settings.update_checks is not None:
            self._show("")  # answered in Settings
        if self.ctx.settings.update_checks is False and self._mode == "notice":
            self._show("")
        self.check_if_due()

    # -- what the bar shows ----------------------------------------------------------------------------------
    def _show(self, mode: str) -> None:
        self._mode = mode
        self._retranslate()
        self.setVisible(bool(mode))

    def _retranslate(self) -> None:
        if self._mode == "ask":
            self.text.setText(self.tr("<b>Look for new versions of vodgui once a day?</b> vodgui reads a signed "
                                      "release feed and tells you when a new version is out. It never downloads "
                                      "or installs anything by itself. You can change this in Settings."))
            self.primary.setText(self.tr("Check daily"))
            self.secondary.setText(self.tr("No, thanks"))
        elif self._mode == "notice" and self._result is not None and self._result.release is not None:
            release = self._result.release
            zh = resolve_language(self.ctx.settings.language) == "zh_CN"
            notes = (release.notes_zh_cn if zh and release.notes_zh_cn else release.notes).strip()
            short = notes if len(notes) <= NOTES_CHARS else notes[:NOTES_CHARS].rstrip() + "…"
            title = self.tr("vodgui {0} is available").format(escape(release.version))
            detail = self.tr("You have {0}; released {1}.").format(escape(self._result.installed),
                                                                   escape(release.date))
            body = f"<b>{title}</b> · {detail}"
            if short:
                body += "<br>" + escape(short).replace("\n", "<br>")
            self.text.setText(body)
            self.text.setToolTip(notes if short != notes else "")
            self.primary.setText(self.tr("Download…"))
            self.primary.setToolTip(release.download_url(current_platform(), preferred_kinds()))
            self.secondary.setText(self.tr("Not now"))
            self.secondary.setToolTip(self.tr("Hide this notice until a newer version comes out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def notice_text(self) -> str:
        return self.text.text() if self._mode == "notice" else ""

    def asking(self) -> bool:
        return self._mode == "ask"

    # -- answers ---------------------------------------------------------------------------------------------
    def _on_primary(self) -> None:
        if self._mode == "ask":
            self._answer(True)
        elif self._mode == "notice" and self._result is not None and self._result.release is not None:
            url = self._result.release.download_url(current_platform(), preferred_kinds())
            if url:
                self.open_url(url)

    def _on_secondary(self) -> None:
        if self._mode == "ask":
            self._answer(False)
        elif self._mode == "notice" and self._result is not None and self._result.release is not None:
            self.scheduler.dismiss(self._result.release.version)
            self._show("")

    def _answer(self, allowed: bool) -> None:
        log.info("update checks %s by the user", "allowed" if allowed else "declined")
        self._show("")
        self.ctx.settings_store.update(update_checks=allowed)
        self.ctx.hub.settings_changed.emit()


def describe_result(result: CheckResult) -> str:
    """One sentence for a check the user started (Settings' "Check now"); automatic checks stay silent."""
    if result.outcome is Outcome.AVAILABLE and result.release is not None:
        return QCoreApplication.translate("UpdateCheck", "vodgui {0} is available.").format(result.release.version)
    if result.outcome is Outcome.CURRENT:
        return QCoreApplication.translate("UpdateCheck", "vodgui {0} is the newest release.").format(result.installed)
    reasons = {
        Refusal.UNSIGNED.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: it is not signed."),
        Refusal.BAD_SIGNATURE.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: its signature is not from the vodgui release key."),
        Refusal.MALFORMED.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: it is not a feed this version can read."),
        Refusal.DOWNGRADE.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: it offers an older version than this one."),
        Refusal.TOO_LARGE.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: it is far larger than a feed can be."),
        Refusal.TRUNCATED.value: QCoreApplication.translate(
            "UpdateCheck", "The release feed was refused: it arrived incomplete."),
        "untrusted_certificate": QCoreApplication.translate(
            "UpdateCheck", "The release feed's certificate is not trusted by this computer. Ask IT to install the "
                           "company's CA certificate in the system."),
        "bad_url": QCoreApplication.translate(
            "UpdateCheck", "The release feed address must start with https:// or http://."),
        "http_error": QCoreApplication.translate(
            "UpdateCheck", "The release feed could not be read: the server answered with an error. Check the "
                           "address."),
    }
    return reasons.get(result.reason) or QCoreApplication.translate(
        "UpdateCheck", "The release feed could not be reached. Check the address and the network.")
