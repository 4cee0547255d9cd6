"""Shows a "Test connection" run: a verdict sentence that names the cause and the fix, then each step."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vodgui.core.connection_test import OWN_MESSAGE, ConnectionTestResult, Step
from vodgui.ui.announce import announce
from vodgui.ui.errors import describe, describe_exception, our_text
from vodgui.ui.message_texts import render
from vodgui.ui.style import Tone, set_tone, tone_color
from vodgui.ui.texts import join_sentences


class ConnectionTestPanel(QWidget):
    """A "Test connection" button with the verdict and the steps under it.

    Signals:
        test_requested(): the user asked for a test (the owner runs it and calls :meth:`show_result`).
    """

    test_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self.tr("Test connection"), self)
        self.button.setObjectName("testConnection")
        self.button.setAutoDefault(False)
        self.button.setToolTip(self.tr("Check the values in this dialog against the service without saving "
                                       "them: the key, the role, the permissions, the network and the clock."))
        self.button.clicked.connect(self.test_requested)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        set_tone(self.warning, Tone.WARNING)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.hide()
        self.steps = QLabel(self)
        self.steps.setObjectName("steps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.warning)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        self.result: ConnectionTestResult | None = None
        self.show_idle()

    # -- states ----------------------------------------------------------------------------------------------
    def show_idle(self) -> None:
        self.button.setEnabled(True)
        set_tone(self.verdict, None)
        self.verdict.setText(self.tr("Not tested yet. The test uses the values in this dialog, saved or not."))
        self.warning.hide()
        self.steps.clear()

    def set_running(self) -> None:
        self.result = None
        self.button.setEnabled(False)
        set_tone(self.verdict, None)
        self.verdict.setText(self.tr("Testing…"))
        self.warning.hide()
        self.steps.clear()

    def show_result(self, result: ConnectionTestResult) -> None:
        self.result = result
        self.button.setEnabled(True)
        set_tone(self.verdict, Tone.OK if result.ok else Tone.ERROR)
        self.verdict.setText(("✓ " if result.ok else "✗ ") + self.verdict_text(result))
        warnings = [render(w) for w in result.warnings]
        self.warning.setText("\n".join("⚠ " + w for w in warnings))
        self.warning.setVisible(bool(warnings))
        self.steps.setText(self._steps_html(result))
        announce(self, self.verdict.text(), urgent=not result.ok)

    def show_failure(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        set_tone(self.verdict, Tone.ERROR)
        self.verdict.setText("✗ " + describe_exception(exc))
        announce(self, self.verdict.text(), urgent=True)
        self.warning.hide()
        self.steps.clear()

    # -- text ------------------------------------------------------------------------------------------------
    def verdict_text(self, result: ConnectionTestResult) -> str:
        """One sentence: the cause and the fix."""
        if result.ok:
            text = self.tr("Connection works: this profile can upload.")
            if any(s.error for s in result.steps):
                text = join_sentences(text, self.tr("It may not read video information (GetVideoInfo), so the "
                                                    "History and Playback pages cannot check its videos."))
            return text
        error: dict[str, Any] = next((s.error for s in reversed(result.steps) if s.error), {})
        code = str(error.get("code", ""))
        message = str(error.get("message", ""))
        params = error.get("params") or {}
        kind = result.kind or str(error.get("kind", "unknown"))
        if code in OWN_MESSAGE:  # names the proxy, the host or the AppServer, and what to do
            return describe(code, message, kind, params)
        if code == "MissingSecret":
            return self.tr("Enter the secret first: nothing is stored in the keychain for this profile yet.")
        if code == "AppServerUnauthorized":
            return self.tr("Wrong AppServer token: the AppServer refused it. Enter the token again.")
        if kind == "role" and code == "NoPermission":
            return self.tr("This RAM user may not assume the role. Allow it sts:AssumeRole on the role, and make "
                           "the role's trust policy trust it.")
        sentences = {
            "auth_key_id": self.tr("Wrong AccessKey ID: the service does not know this key, or it is disabled. "
                                   "Check the ID in the RAM console."),
            "auth_secret": self.tr("Wrong AccessKey secret: the key ID is known, but the signature does not "
                                   "match. Enter the secret again."),
            "permission": self.tr("No permission: the key is valid but may not upload to VOD. Allow "
                                  "vod:CreateUploadVideo and vod:RefreshUploadVideo in its RAM policy (and in "
                                  "the session policy, if there is one)."),
            "role": self.tr("Role not found: no role with this RoleArn exists, or it cannot be assumed. Copy "
                            "the RoleArn from the RAM console and check the role's trust policy."),
            "network": self.tr("Network problem: the service could not be reached. Check the endpoint, the "
                               "proxy and the network connection."),
            "clock_skew": self.tr("Clock skew: this computer's clock is more than 15 minutes off. Correct the "
                                  "date and time, then test again."),
            "config": self.tr("The profile is not complete: {0}").format(describe(code, message, kind, params)),
        }
        return sentences.get(kind) or describe(code, message, kind, params)

    @staticmethod
    def _detail(step: Step) -> str:
        """What a step found, in the user's language; a failed step: our message, or the service's
        ``code: message`` as it was sent."""
        if step.ok and step.found is not None:
            return render(step.found)
        error = step.error or {}
        code, message = str(error.get("code", "")), str(error.get("message", ""))
        return our_text(code, error.get("params")) or f"{code}: {message}"

    def _steps_html(self, result: ConnectionTestResult) -> str:
        names = {
            "profile": self.tr("Profile"),
            "AccessKey": self.tr("AccessKey"),
            "AssumeRole": self.tr("AssumeRole"),
            "AppServer": self.tr("AppServer"),
            "VOD upload": self.tr("VOD upload permission"),
            "VOD": self.tr("VOD access"),
        }
        rows = []
        for step in result.steps:
            color = tone_color(Tone.OK if step.ok else Tone.ERROR).name()
            mark = f'<span style="color:{color}">{"✓" if step.ok else "✗"}</span>'
            detail = self._detail(step)
            request_id = (step.error or {}).get("request_id")
            if request_id and not step.ok:
                detail += self.tr(" (RequestId {0})").format(request_id)
            name = html.escape(names.get(step.name, step.name))
            rows.append(f"<tr><td>{mark}&nbsp;</td><td>"
                        + self.tr("<b>{0}</b>: {1}").format(name, html.escape(detail)) + "</td></tr>")
        return f"<table cellspacing='3'>{''.join(rows)}</table>" if rows else ""
