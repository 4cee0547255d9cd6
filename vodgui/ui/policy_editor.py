"""The STS session policy editor: presets, a JSON editor and a live grammar check that names the fault.

The service only answers ``InvalidParameter.PolicyGrammar``; checking here first says which statement or
action is wrong before anything is sent.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from vodgui.core.errors import VodError
from vodgui.core.profiles import POLICY_UPLOAD_AND_PLAYBACK, POLICY_UPLOAD_ONLY, check_policy_json
from vodgui.ui import a11y
from vodgui.ui.errors import describe_exception
from vodgui.ui.style import Tone, set_tone

PRESET_NONE = "none"
PRESET_UPLOAD = "upload"
PRESET_UPLOAD_PLAYBACK = "upload_playback"
PRESET_CUSTOM = "custom"

_PRESET_TEXT = {PRESET_NONE: "", PRESET_UPLOAD: POLICY_UPLOAD_ONLY, PRESET_UPLOAD_PLAYBACK: POLICY_UPLOAD_AND_PLAYBACK}


def compact(text: str) -> str:
    """The policy as sent to AssumeRole: compact JSON when it parses, else the text as typed (stripped)."""
    text = text.strip()
    if not text:
        return ""
    try:
        return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)
    except ValueError:
        return text


def pretty(text: str) -> str:
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False) if text.strip() else ""
    except ValueError:
        return text


def _parsed(text: str) -> Any:
    try:
        return json.loads(text) if text.strip() else None
    except ValueError:
        return ...  # never equal to a preset


class PolicyEditor(QWidget):
    """Preset chooser + JSON editor + grammar check.

    Signals:
        policy_changed(): the policy text changed (typed or from a preset).
    """

    policy_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("policyPreset")
        for key, label in ((PRESET_NONE, self.tr("None: the role's full permissions")),
                           (PRESET_UPLOAD, self.tr("Upload only")),
                           (PRESET_UPLOAD_PLAYBACK, self.tr("Upload and playback")),
                           (PRESET_CUSTOM, self.tr("Custom"))):
            self.preset_box.addItem(label, key)
        a11y.name(self.preset_box, self.tr("Session policy preset"))
        self.preset_box.setToolTip(self.tr("A session policy narrows what the STS token may do: the token gets "
                                           "the role's permissions intersected with this policy."))
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("policyEdit")
        a11y.name(self.edit, self.tr("Session policy JSON"))
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setPlaceholderText(self.tr("No session policy"))
        self.edit.setToolTip(self.tr('RAM policy JSON: {"Version": "1", "Statement": [...]}, at most 2048 '
                                     "characters"))
        self.edit.setMinimumHeight(120)
        self.status = QLabel(self)
        self.status.setObjectName("policyStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset_box)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)
        self._updating = False
        self.preset_box.currentIndexChanged.connect(self._on_preset_chosen)
        self.edit.textChanged.connect(self._on_text_changed)
        self._check()

    def policy(self) -> str:
        """The policy to store and send (compact JSON), or "" for none."""
        return compact(self.edit.toPlainText())

    def set_policy(self, text: str) -> None:
        self.edit.setPlainText(pretty(text))

    def preset(self) -> str:
        return str(self.preset_box.currentData())

    def error(self) -> VodError | None:
        """What is wrong with the policy (the grammar check's error), or None."""
        text = self.policy()
        if not text:
            return None
        try:
            check_policy_json(text)
        except VodError as err:
            return err
        return None

    def problem(self) -> str | None:
        """What is wrong with the policy, in the user's language, or None."""
        err = self.error()
        return describe_exception(err) if err is not None else None

    def _on_preset_chosen(self, _index: int) -> None:
        if self._updating:
            return
        key = self.preset()
        if key in _PRESET_TEXT:
            self._updating = True
            self.edit.setPlainText(pretty(_PRESET_TEXT[key]))
            self._updating = False
            self._check()
            self.policy_changed.emit()

    def _on_text_changed(self) -> None:
        if self._updating:
            return
        doc = _parsed(self.edit.toPlainText())
        key = next((k for k, v in _PRESET_TEXT.items() if _parsed(v) == doc), PRESET_CUSTOM)
        if key != self.preset():
            self._updating = True
            self.preset_box.setCurrentIndex(self.preset_box.findData(key))
            self._updating = False
        self._check()
        self.policy_changed.emit()

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            set_tone(self.status, Tone.ERROR)
            self.status.setText(self.tr("✗ Policy problem: {0}").format(problem))
        elif self.policy():
            set_tone(self.status, Tone.OK)
            self.status.setText(self.tr("✓ The policy is well-formed."))
        else:
            set_tone(self.status, Tone.HINT)
            self.status.setText(self.tr("No session policy: the token has all the permissions of the role."))
