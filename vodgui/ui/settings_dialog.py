"""Application settings: language and theme (applied on Save), resuming after a restart, folder filtering,
notifications, how often the History page polls, and update notices (daily check, the release feed, "Check now").

Choosing a language installs its translator immediately and this dialog retranslates itself; widgets built
before (the main window's pages) pick it up where they handle ``LanguageChange``, the rest on the next start.
Cancel puts the previous language back.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.settings import AppSettings
from vodgui.core.update_check import DEFAULT_FEED_URL, FEED_ENV, CheckResult, check_feed, feed_url
from vodgui.ui.context import AppContext
from vodgui.ui.i18n import LANGUAGES, install_translators
from vodgui.ui.ops import run_op
from vodgui.ui.style import THEME_ENV, THEMES, Tone, apply_theme, chosen_theme, set_tone
from vodgui.ui.update_notice import describe_result

MIN_POLL_SECONDS = 2
MAX_POLL_SECONDS = 600


class SettingsDialog(QDialog):
    """Edit :class:`~vodgui.core.settings.AppSettings`; Save writes them and emits ``hub.settings_changed``.

    Signals:
        language_applied(str): a language was installed (the resolved code, "en" or "zh_CN").
    """

    language_applied = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._initial: AppSettings = ctx.settings
        self._applied_language = self._initial.language

        self.language_box = QComboBox(self)
        self.language_box.addItem("", "")  # "System default", set in _retranslate
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)  # each language in its own words, never translated
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)
        set_tone(self.restart_note, Tone.HINT)
        self.restart_note.hide()
        self.theme_box = QComboBox(self)
        for theme in THEMES:
            self.theme_box.addItem("", theme)  # names set in _retranslate
        self.auto_resume_box = QCheckBox(self)
        self.all_files_box = QCheckBox(self)
        self.hold_box = QCheckBox(self)
        self.notify_box = QCheckBox(self)
        self.poll_spin = QSpinBox(self)
        self.poll_spin.setRange(MIN_POLL_SECONDS, MAX_POLL_SECONDS)

        self.general = QGroupBox(self)
        form = QFormLayout(self.general)
        self.language_label = QLabel(self.general)
        self.language_label.setBuddy(self.language_box)
        form.addRow(self.language_label, self.language_box)
        form.addRow("", self.restart_note)
        self.theme_label = QLabel(self.general)
        self.theme_label.setBuddy(self.theme_box)
        form.addRow(self.theme_label, self.theme_box)
        self.uploads = QGroupBox(self)
        upload_form = QFormLayout(self.uploads)
        upload_form.addRow(self.auto_resume_box)
        upload_form.addRow(self.all_files_box)
        upload_form.addRow(self.hold_box)
        upload_form.addRow(self.notify_box)
        self.poll_label = QLabel(self.uploads)
        self.poll_label.setBuddy(self.poll_spin)
        upload_form.addRow(self.poll_label, self.poll_spin)

        self.update_box = QCheckBox(self)
        self.feed_edit = QLineEdit(self)
        self.feed_edit.setPlaceholderText(DEFAULT_FEED_URL)
        self.feed_note = QLabel(self)
        self.feed_note.setWordWrap(True)
        set_tone(self.feed_note, Tone.HINT)
        self.check_button = QPushButton(self)
        self.check_result = QLabel(self)
        self.check_result.setWordWrap(True)
        self.updates = QGroupBox(self)
        update_form = QFormLayout(self.updates)
        update_form.addRow(self.update_box)
        self.feed_label = QLabel(self.updates)
        self.feed_label.setBuddy(self.feed_edit)
        update_form.addRow(self.feed_label, self.feed_edit)
        update_form.addRow("", self.feed_note)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_result, 1)
        update_form.addRow("", check_row)
        self.check_button.clicked.connect(self._on_check_now)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addWidget(self.uploads)
        layout.addWidget(self.updates)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._load(self._initial)
        self._retranslate()
        self.setMinimumWidth(460)
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _load(self, settings: AppSettings) -> None:
        index = self.language_box.findData(settings.language)
        self.language_box.setCurrentIndex(max(0, index))
        forced_theme = os.environ.get(THEME_ENV, "").strip().lower() in THEMES
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(chosen_theme(settings.theme))))
        self.theme_box.setEnabled(not forced_theme)
        self.auto_resume_box.setChecked(settings.auto_resume)
        self.all_files_box.setChecked(settings.all_files)
        self.hold_box.setChecked(settings.hold_new_files)
        self.notify_box.setChecked(settings.notify)
        self.poll_spin.setValue(settings.history_poll_seconds)
        self.update_box.setChecked(settings.update_checks is True)
        self.feed_edit.setText(settings.update_feed_url)
        forced = os.environ.get(FEED_ENV, "").strip()
        self.feed_edit.setEnabled(not forced)
        if forced:
            self.feed_edit.setText(forced)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.general.setTitle(self.tr("General"))
        self.uploads.setTitle(self.tr("Uploads"))
        self.language_label.setText(self.tr("&Language:"))
        self.language_box.setItemText(0, self.tr("System default"))
        self.language_box.setToolTip(self.tr("The language of vodgui's windows"))
        self.restart_note.setText(self.tr("The new language applies to every window when you press Save."))
        self.theme_label.setText(self.tr("&Appearance:"))
        for index, name in enumerate((self.tr("System"), self.tr("Light"), self.tr("Dark"),
                                      self.tr("High contrast"))):
            self.theme_box.setItemText(index, name)
        self.theme_box.setToolTip(self.tr("Colours of vodgui's windows: the system's, or light, dark or high "
                                          "contrast. Applies when you press Save."))
        if not self.theme_box.isEnabled():
            self.theme_box.setToolTip(self.tr("Set by the {0} environment variable.").format(THEME_ENV))
        self.auto_resume_box.setText(self.tr("&Resume unfinished uploads automatically after a restart"))
        self.auto_resume_box.setToolTip(self.tr("Otherwise they wait, paused, until you resume them"))
        self.all_files_box.setText(self.tr("Accept &all file types when adding folders"))
        self.all_files_box.setToolTip(self.tr("Otherwise only video and audio files VOD accepts are added"))
        self.hold_box.setText(self.tr("&Hold new files until I press Start"))
        self.hold_box.setToolTip(self.tr("Added files wait, paused, so their title and other details can be set "
                                         "before anything is created in VOD"))
        self.notify_box.setText(self.tr("&Notify when a batch of uploads finishes or fails"))
        self.poll_label.setText(self.tr("&History refresh:"))
        self.poll_spin.setSuffix(self.tr(" s"))
        self.poll_spin.setToolTip(self.tr("How often the History page asks VOD for the status of recent videos"))
        self.updates.setTitle(self.tr("Updates"))
        self.update_box.setText(self.tr("Look for new &versions once a day"))
        self.update_box.setToolTip(self.tr("vodgui reads a signed release feed and shows a notice with a download "
                                           "link. It never downloads or installs anything by itself."))
        self.feed_label.setText(self.tr("Release &feed:"))
        self.feed_edit.setToolTip(self.tr("Leave empty for vodgui's own releases, or enter your company's mirror "
                                          "of them"))
        if os.environ.get(FEED_ENV, "").strip():
            self.feed_note.setText(self.tr("Set by the {0} environment variable.").format(FEED_ENV))
        else:
            self.feed_note.setText(self.tr("A mirror serves the same signed files; vodgui refuses a feed that is "
                                           "not signed by the release key."))
        self.check_button.setText(self.tr("Check &now"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The wrapped notes need the height they take at this width (the form asks for less): nothing clipped.
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def values(self) -> AppSettings:
        settings = self.ctx.settings
        settings.language = self.language()
        if self.theme_box.isEnabled():
            settings.theme = str(self.theme_box.currentData())
        settings.auto_resume = self.auto_resume_box.isChecked()
        settings.all_files = self.all_files_box.isChecked()
        settings.hold_new_files = self.hold_box.isChecked()
        settings.notify = self.notify_box.isChecked()
        settings.history_poll_seconds = self.poll_spin.value()
        # Saving the dialog answers the question only if the box was ticked or had been answered before.
        if settings.update_checks is not None or self.update_box.isChecked():
            settings.update_checks = self.update_box.isChecked()
        if self.feed_edit.isEnabled():
            settings.update_feed_url = self.feed_edit.text().strip()
        return settings

    def _feed_error(self) -> str:
        url = self.feed_edit.text().strip()
        parts = urlsplit(url)
        if url and (parts.scheme not in ("http", "https") or not parts.netloc):
            return self.tr("The release feed address must start with https:// or http://.")
        return ""

    def _on_check_now(self) -> None:
        error = self._feed_error()
        if error:
            self._show_check(error, failed=True)
            return
        url = feed_url(self.feed_edit.text() if self.feed_edit.isEnabled() else "")
        self.check_button.setEnabled(False)
        self._show_check(self.tr("Checking…"), failed=False)
        run_op(self, lambda: check_feed(url), self._on_checked)

    def _on_checked(self, result: CheckResult) -> None:
        self.check_button.setEnabled(True)
        self._show_check(describe_result(result), failed=result.outcome.value in ("refused", "failed"))

    def _show_check(self, text: str, *, failed: bool) -> None:
        self.check_result.setText(text)
        set_tone(self.check_result, Tone.ERROR if failed else None)

    def _apply_language(self, choice: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        resolved = install_translators(app, choice)
        self._applied_language = choice
        self.language_applied.emit(resolved)

    def _on_language_chosen(self, _index: int) -> None:
        # Nothing changes before Save: Cancel leaves everything as it was.
        self.restart_note.setVisible(self.language() != self._initial.language)

    def _on_save(self) -> None:
        error = self._feed_error()
        if error:
            self._show_check(error, failed=True)
            self.feed_edit.setFocus()
            return
        theme_before = self._initial.theme
        self.ctx.settings_store.save(self.values())
        app = QApplication.instance()
        if self.ctx.settings.theme != theme_before and isinstance(app, QApplication):
            apply_theme(app, self.ctx.settings.theme)  # every window follows the new palette
        if self.language() != self._applied_language:
            self._apply_language(self.language())  # every window retranslates itself (LanguageChange)
        self._initial = self.ctx.settings
        self.ctx.hub.settings_changed.emit()
        self.accept()

    def reject(self) -> None:
        if self._applied_language != self._initial.language:
            self._apply_language(self._initial.language)
        super().reject()
