"""The "Add URL…" dialog: addresses VOD fetches itself (UploadMediaByURL), one per line."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from vodgui.core.errors import VodError
from vodgui.core.media_items import check_url
from vodgui.ui import a11y
from vodgui.ui.i18n import Retranslator
from vodgui.ui.style import paint_error


class AddUrlDialog(QDialog):
    """Asks for http(s) URLs; OK only when every non-empty line is one.

    Signals: the QDialog ones (``accepted`` with :meth:`urls` ready).
    """

    def __init__(self, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("urlEdit")
        self.edit.setPlaceholderText("https://example.com/videos/clip.mp4")
        self.edit.setTabChangesFocus(True)
        self.edit.textChanged.connect(self._on_changed)
        self.error = QLabel(self)
        self.error.setObjectName("urlError")
        self.error.setWordWrap(True)
        paint_error(self.error)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 260)
        self.retranslate()
        Retranslator(self, self.retranslate)  # open while the language changes: its words change too

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add URLs"))
        self.intro.setText(self.tr("VOD downloads each file from its web address itself (upload by URL), with "
                                   "profile “{0}”. One http:// or https:// address per line; the address should end "
                                   "in the file name, e.g. https://example.com/videos/clip.mp4.").format(self._profile))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add to queue"))
        a11y.name(self.edit, self.tr("URLs, one per line"))
        self._on_changed()

    def lines(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def urls(self) -> list[str]:
        """The valid addresses, each once, in the order typed."""
        found: list[str] = []
        for line in self.lines():
            try:
                url = check_url(line)
            except VodError:
                continue
            if url not in found:
                found.append(url)
        return found

    def _on_changed(self) -> None:
        bad = []
        for line in self.lines():
            try:
                check_url(line)
            except VodError:
                bad.append(line)
        if bad:
            shown = ", ".join(bad[:3]) + ("…" if len(bad) > 3 else "")
            self.error.setText(self.tr("Not an http:// or https:// address: {0}").format(shown))
        self.error.setVisible(bool(bad))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.lines()) and not bad)
