"""The Log page: the app's own log, live, with a level filter and search, and a diagnostics bundle for support.

Lines come from the in-memory :class:`~vodgui.core.logbuffer.LogBuffer` (already redacted by its filter); a timer
fetches only the lines after the last one shown and appends them in one batch. Every line goes through
:func:`~vodgui.core.redact.redact` once more before it is shown, so a secret registered after it was logged is
still hidden; the result is kept per line (changing the level or the search re-filters 10,000 lines without
formatting them again) until another secret is registered.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal, qVersion
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.diagnostics import DiagnosticsResult, build_diagnostics, default_name
from vodgui.core.log_sessions import LogSession, read_sessions
from vodgui.core.logbuffer import LogLine
from vodgui.core.redact import redact, registered
from vodgui.ui import a11y
from vodgui.ui.context import AppContext
from vodgui.ui.ops import run_op
from vodgui.ui.style import Tone, tone_color

log = logging.getLogger(__name__)

POLL_MS = 300
#: Lines kept for re-filtering (the buffer keeps as many).
MAX_LINES = 10_000
#: Where the level name starts in a formatted line ("12:34:56.789 ").
_LEVEL_AT = 13
_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING, "ERROR": logging.ERROR,
           "CRITICAL": logging.CRITICAL}


class _Kept:
    """A line kept for re-filtering, with what filtering and showing it needs, worked out once."""

    __slots__ = ("haystack", "level", "line", "text", "text_secrets")

    def __init__(self, line: LogLine) -> None:
        self.line = line
        self.level = _LEVELS.get(line.level, logging.INFO)
        self.haystack = f"{line.name}: {line.message}".lower()
        self.text = ""
        #: The registered secrets ``text`` was redacted against (None: not formatted yet).
        self.text_secrets: frozenset[str] | None = None


def format_line(line: LogLine) -> str:
    """``12:34:56.789 WARNING  vodgui.core.vod: message`` (redacted again)."""
    stamp = time.strftime("%H:%M:%S", time.localtime(line.created))
    millis = int((line.created % 1) * 1000)
    return redact(f"{stamp}.{millis:03d} {line.level:<8} {line.name}: {line.message}")


class LevelHighlighter(QSyntaxHighlighter):
    """Colours warnings and errors, greys debug lines; continuation lines keep their record's colour."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._palette_key = -1
        self._level_names = list(_LEVELS)

    def _update_formats(self) -> None:
        """Level colours readable on the log's background in the palette in force (style.tone_color)."""
        palette = QGuiApplication.palette()
        if palette.cacheKey() == self._palette_key:
            return
        self._palette_key = palette.cacheKey()
        self._formats.clear()
        for level, tone in (("DEBUG", Tone.HINT), ("WARNING", Tone.WARNING), ("ERROR", Tone.ERROR),
                            ("CRITICAL", Tone.ERROR)):
            fmt = QTextCharFormat()
            fmt.setForeground(tone_color(tone, palette, [QPalette.ColorRole.Base]))
            if level == "CRITICAL":
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[level] = fmt

    def highlightBlock(self, text: str) -> None:
        head = text[_LEVEL_AT:_LEVEL_AT + 8].strip() if len(text) > _LEVEL_AT and text[2:3] == ":" else ""
        # A line that does not start a record (a traceback) keeps the colour of the record before it.
        state = self._level_names.index(head) if head in _LEVELS else self.previousBlockState()
        self.setCurrentBlockState(state)
        self._update_formats()
        if 0 <= state < len(self._level_names):
            fmt = self._formats.get(self._level_names[state])
            if fmt is not None:
                self.setFormat(0, len(text), fmt)


class LogPage(QWidget):
    """The app's log, live.

    Signals:
        lines_appended(int): this many new lines were shown.
        sessions_loaded(int): earlier sessions were read from the log files (how many).
        diagnostics_exported(str): the diagnostics zip was written to this path.
        diagnostics_failed(str): writing the diagnostics zip failed (the message).
    """

    lines_appended = Signal(int)
    sessions_loaded = Signal(int)
    diagnostics_exported = Signal(str)
    diagnostics_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._seq = 0
        self._lines: deque[_Kept] = deque(maxlen=MAX_LINES)
        self._secrets: frozenset[str] = frozenset()
        self._min_level = logging.INFO
        self._needle = ""
        self._shown = 0  # lines passing the filter (approximate once old lines fall out of the window)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._on_poll_timer)
        self.timer.start()
        self._on_poll_timer()

    def _build(self) -> None:
        self.session_box = QComboBox(self)
        self.session_box.addItem(self.tr("This session (live)"), -1)
        self.session_box.setToolTip(self.tr("Earlier sessions come from the log files: after a crash, the session "
                                            "that crashed is here"))
        a11y.name(self.session_box, self.tr("Session"))
        self.session_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.session_box.currentIndexChanged.connect(self._on_session_chosen)
        self._sessions: list[LogSession] = []
        self.level_box = QComboBox(self)
        for label, level in ((self.tr("Debug and above"), logging.DEBUG),
                             (self.tr("Info and above"), logging.INFO),
                             (self.tr("Warnings and errors"), logging.WARNING),
                             (self.tr("Errors only"), logging.ERROR)):
            self.level_box.addItem(label, level)
        self.level_box.setCurrentIndex(self.level_box.findData(logging.INFO))
        self.level_box.setToolTip(self.tr("Lowest level shown (DEBUG lines appear only if debug logging is on)"))
        self.level_box.currentIndexChanged.connect(self._on_level_changed)
        a11y.name(self.level_box, self.tr("Lowest level"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the log (RequestId, VideoId, file name…)"))
        self.search.setClearButtonEnabled(True)
        a11y.name(self.search, self.tr("Log search"))
        self.search.textChanged.connect(self._on_search_changed)
        self.open_button = QPushButton(self.tr("Open log folder"), self)
        self.open_button.setToolTip(self.tr("Show vodgui.log and its older copies in the file manager"))
        self.open_button.clicked.connect(self.open_log_folder)
        self.export_button = QPushButton(self.tr("Export diagnostics…"), self)
        self.export_button.setToolTip(self.tr("Save a zip for support: logs, settings, versions, failed requests. "
                                              "Secrets are removed."))
        self.export_button.clicked.connect(self._on_export_clicked)

        top = QHBoxLayout()
        top.addWidget(self.session_box)
        top.addWidget(self.level_box)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.export_button)

        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        # Wrapped: SDK lines are long, and a horizontal scroll that follows the cursor hides the line starts.
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setMaximumBlockCount(MAX_LINES * 4)  # tracebacks take several blocks per line
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setUndoRedoEnabled(False)
        self.view.setPlaceholderText(self.tr("Nothing logged yet."))
        a11y.name(self.view, self.tr("Log lines"))
        self.highlighter = LevelHighlighter(self.view.document())

        self.footer = QLabel(self)
        self.footer.setEnabled(False)
        self.jump_button = QPushButton(self.tr("Jump to latest"), self)
        self.jump_button.setFlat(True)
        self.jump_button.clicked.connect(self.scroll_to_end)
        self.jump_button.hide()
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        bottom = QHBoxLayout()
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.jump_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    # -- lines -----------------------------------------------------------------------------------------------
    def _accepts(self, kept: _Kept) -> bool:
        return kept.level >= self._min_level and (not self._needle or self._needle in kept.haystack)

    def _registered(self) -> frozenset[str]:
        """The registered secrets; the same object as long as they do not change (cached lines compare by it)."""
        now = registered()
        if now != self._secrets:
            self._secrets = now
        return self._secrets

    def _text(self, kept: _Kept, secrets: frozenset[str]) -> str:
        """The line formatted and redacted, from the cache unless a secret was registered since."""
        if kept.text_secrets is not secrets:
            kept.text = format_line(kept.line)
            kept.text_secrets = secrets
        return kept.text

    # -- earlier sessions ------------------------------------------------------------------------------------
    def load_sessions(self) -> None:
        """Read the log files (off the GUI thread) and offer their sessions, newest first."""
        folder = self.log_dir()
        run_op(self, lambda: read_sessions(folder), self._on_sessions_read)

    def _on_sessions_read(self, sessions: list[LogSession]) -> None:
        # The newest session in the files is this one: the live view shows it already.
        self._sessions = sessions[:-1] if sessions and self.log_file() else sessions
        self.session_box.blockSignals(True)
        while self.session_box.count() > 1:
            self.session_box.removeItem(1)
        for index in range(len(self._sessions) - 1, -1, -1):
            session = self._sessions[index]
            label = (self.tr("Session of {0} ({1} lines)").format(session.started, len(session.lines))
                     if session.started else self.tr("Older lines ({0})").format(len(session.lines)))
            self.session_box.addItem(label, index)
        self.session_box.blockSignals(False)
        self.sessions_loaded.emit(len(self._sessions))

    def viewing_earlier(self) -> bool:
        return int(self.session_box.currentData()) >= 0

    def _on_session_chosen(self, _index: int) -> None:
        self._refill()

    def _show_session(self) -> None:
        session = self._sessions[int(self.session_box.currentData())]
        texts = [line for line, level in zip(session.lines, session.levels(), strict=True)
                 if level >= self._min_level and (not self._needle or self._needle in line.lower())]
        self._shown = len(texts)
        self.view.setPlainText("\n".join(texts))
        self.view.verticalScrollBar().setValue(0)
        self.footer.setText(self.tr("{0} of {1} lines shown · session of {2}, from the log files").format(
            self._shown, len(session.lines), session.started or "?"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.load_sessions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.rehighlight()  # another theme: the level colours follow it
        super().changeEvent(event)

    def _on_poll_timer(self) -> None:
        new = self.ctx.log_buffer.since(self._seq)
        if not new:
            return
        self._seq = new[-1].seq
        kept = [_Kept(line) for line in new]
        self._lines.extend(kept)
        if self.viewing_earlier():
            return  # kept for when the live view is chosen again
        secrets = self._registered()
        shown = [self._text(k, secrets) for k in kept if self._accepts(k)]
        self._shown = min(len(self._lines), self._shown + len(shown))
        if shown:
            self._append(shown)
        self._update_footer()
        if shown:
            self.lines_appended.emit(len(shown))

    def _append(self, texts: list[str]) -> None:
        bar = self.view.verticalScrollBar()
        follow = self.following
        keep = bar.value()
        # One call per batch: a thousand lines a second stay one layout pass.
        self.view.appendPlainText("\n".join(texts))
        if follow:
            self.scroll_to_end()
        else:
            bar.setValue(keep)

    def _refill(self) -> None:
        if self.viewing_earlier():
            self._show_session()
            return
        # Formatting and redacting 10,000 lines takes a noticeable moment: each line is done once, and again only
        # when the set of registered secrets has changed since (a secret registered later must still be hidden).
        secrets = self._registered()
        texts = [self._text(kept, secrets) for kept in self._lines if self._accepts(kept)]
        self._shown = len(texts)
        self.view.setPlainText("\n".join(texts))
        self.scroll_to_end()
        self._update_footer()

    @property
    def following(self) -> bool:
        """True while the view sticks to the newest line (the user has not scrolled up)."""
        bar = self.view.verticalScrollBar()
        return bar.value() >= bar.maximum() - 2

    def scroll_to_end(self) -> None:
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.jump_button.hide()

    def text(self) -> str:
        """Everything the view shows (tests and "copy all")."""
        return self.view.toPlainText()

    def _on_scrolled(self, _value: int) -> None:
        self.jump_button.setVisible(not self.following)

    def _on_level_changed(self, _index: int) -> None:
        self._min_level = int(self.level_box.currentData())
        self._refill()

    def _on_search_changed(self, text: str) -> None:
        self._needle = text.strip().lower()
        self._refill()

    def _update_footer(self) -> None:
        self.footer.setText(self.tr("{0} of {1} lines shown · {2}").format(self._shown, len(self._lines),
                                                                           self.log_file() or self.tr("no log file")))

    # -- files -----------------------------------------------------------------------------------------------
    def log_file(self) -> str:
        return self.ctx.log_file or ""

    def log_dir(self) -> Path:
        return Path(self.ctx.log_file).parent if self.ctx.log_file else Path(self.ctx.workspace.dirs.logs)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_dir())))

    def _on_export_clicked(self) -> None:
        start = os.path.join(os.path.expanduser("~"), default_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export diagnostics"), start,
                                              self.tr("Zip archives (*.zip)"))
        if path:
            self.export_diagnostics(path if path.lower().endswith(".zip") else path + ".zip")

    def export_diagnostics(self, path: str) -> None:
        """Write the diagnostics zip to ``path`` off the GUI thread."""
        workspace = self.ctx.workspace
        log_file = self.ctx.log_file or str(self.log_dir() / "vodgui.log")
        extra = {"PySide6": PySide6.__version__, "Qt": qVersion()}
        self.export_button.setEnabled(False)
        self.footer.setText(self.tr("Writing diagnostics…"))
        run_op(self, lambda: build_diagnostics(workspace, log_file, path, extra), self._on_diagnostics_written,
               self._on_diagnostics_failed)

    def _on_diagnostics_written(self, result: DiagnosticsResult) -> None:
        self.export_button.setEnabled(True)
        self.footer.setText(self.tr("Diagnostics saved to {0}").format(result.path))
        self.diagnostics_exported.emit(str(result.path))

    def _on_diagnostics_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        message = redact(str(exc))
        self._update_footer()
        self.diagnostics_failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"),
                          self.tr("The diagnostics could not be written: {0}").format(message),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running
