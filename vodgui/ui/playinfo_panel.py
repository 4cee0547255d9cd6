"""The GetPlayInfo explorer: every optional input of GetPlayInfo, validated as typed, and the streams it returns."""

from __future__ import annotations

import json
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.playback import OSS_MAX_AUTH_TIMEOUT, PlayInfoQuery, Stream
from vodgui.ui import a11y
from vodgui.ui.format import human_duration, human_size, local_time
from vodgui.ui.style import Tone, set_tone, tone_color

COLUMNS = ("format", "definition", "resolution", "bitrate", "size", "duration", "encryption", "url_expires", "url")


class PlayInfoPanel(QWidget):
    """Inputs for GetPlayInfo and the streams table.

    Signals:
        play_info_requested(): the user asked for the play info.
        preview_requested(object): preview this :class:`Stream`.
    """

    play_info_requested = Signal()
    preview_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.streams: list[Stream] = []
        self.formats = QLineEdit(self)
        self.formats.setPlaceholderText(self.tr("all"))
        self.formats.setToolTip(self.tr("Formats: comma list of mp4, m3u8, mp3, mpd. Empty asks for all."))
        self.definition = QLineEdit(self)
        self.definition.setPlaceholderText(self.tr("all"))
        self.definition.setToolTip(self.tr("Definition: comma list of FD, LD, SD, HD, OD, 2K, 4K, SQ, HQ, AUTO. "
                                           "Empty asks for all."))
        self.stream_type = QComboBox(self)
        for text, value in ((self.tr("video and audio"), ""), (self.tr("video"), "video"),
                            (self.tr("audio"), "audio")):
            self.stream_type.addItem(text, value)
        self.stream_type.setToolTip(self.tr("StreamType"))
        # Its longest item need not set the page's minimum width (the minimum window size must not scroll sideways).
        self.stream_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stream_type.setMinimumContentsLength(8)
        self.output_type = QComboBox(self)
        for text, value in (("cdn", "cdn"), ("oss", "oss")):
            self.output_type.addItem(text, value)
        self.output_type.setToolTip(self.tr("OutputType: cdn gives CDN URLs signed with auth_key; oss gives "
                                            "presigned OSS URLs (mp4 only)"))
        self.auth_timeout = QSpinBox(self)
        self.auth_timeout.setRange(0, OSS_MAX_AUTH_TIMEOUT)
        self.auth_timeout.setSpecialValueText(self.tr("default"))
        self.auth_timeout.setSuffix(self.tr(" s"))
        self.auth_timeout.setToolTip(self.tr("AuthTimeout: how long the playback URLs stay valid. 'default' "
                                             "leaves it to the service (CDN URL signing default, 3600 s for OSS)."))
        self.result_type = QComboBox(self)
        for text, value in (("Single", ""), ("Multiple", "Multiple")):
            self.result_type.addItem(text, value)
        self.result_type.setToolTip(self.tr("ResultType: Single gives one stream per definition; Multiple all"))
        self.play_config = QLineEdit(self)
        self.play_config.setObjectName("playConfig")
        self.play_config.setPlaceholderText('{"PlayDomain": "vod.example.com"}')
        self.play_config.setToolTip(self.tr("PlayConfig: a JSON object, e.g. a PlayDomain to sign URLs for"))
        self.hls_token = QLineEdit(self)
        self.hls_token.setObjectName("hlsToken")
        self.hls_token.setPlaceholderText(self.tr("for HLS standard encryption; the built-in sandbox mints one"))
        self.hls_token.setToolTip(self.tr("MtsHlsUriToken from your token service: the preview appends it to an "
                                          "encrypted playlist's URL, and the CDN passes it on to the key URI"))
        self.get_button = QPushButton(self.tr("Get play info"), self)
        self.get_button.setToolTip(self.tr("Call GetPlayInfo with the profile's key and these inputs"))

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        cells = ((self.tr("Formats:"), self.formats), (self.tr("Definition:"), self.definition),
                 (self.tr("StreamType:"), self.stream_type), (self.tr("OutputType:"), self.output_type),
                 (self.tr("AuthTimeout:"), self.auth_timeout), (self.tr("ResultType:"), self.result_type))
        for i, (text, widget) in enumerate(cells):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        pc_label = QLabel(self.tr("PlayConfig:"), self)
        pc_label.setBuddy(self.play_config)
        grid.addWidget(pc_label, 2, 0)
        grid.addWidget(self.play_config, 2, 1, 1, 3)
        grid.addWidget(self.get_button, 2, 5)
        token_label = QLabel(self.tr("MtsHlsUriToken:"), self)
        token_label.setBuddy(self.hls_token)
        grid.addWidget(token_label, 3, 0)
        grid.addWidget(self.hls_token, 3, 1, 1, 3)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)  # wraps rather than widening the page at the minimum window size
        set_tone(self.source_label, Tone.HINT)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("playInfoError")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("streamsTable")
        a11y.name(self.table, self.tr("Streams"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Format"), self.tr("Definition"), self.tr("Resolution"), self.tr("Bitrate"), self.tr("Size"),
            self.tr("Duration"), self.tr("Encryption"), self.tr("URL expires"), self.tr("URL")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("Double-click a stream to preview it"))

        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setToolTip(self.tr("Play the selected stream below"))
        self.preview_button.setEnabled(False)
        self.copy_url_button = QPushButton(self.tr("Copy URL"), self)
        self.copy_url_button.setToolTip(self.tr("Copy the selected stream's full playback URL (a credential until "
                                                "it expires)"))
        self.copy_url_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.source_label, 1)
        buttons.addWidget(self.copy_url_button)
        buttons.addWidget(self.preview_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        order = [self.formats, self.definition, self.stream_type, self.output_type, self.auth_timeout,
                 self.result_type, self.play_config, self.get_button, self.hls_token, self.table, self.copy_url_button,
                 self.preview_button]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self.get_button.clicked.connect(self.play_info_requested)
        self.play_config.textChanged.connect(self._on_play_config_changed)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.cellDoubleClicked.connect(self._on_cell_double_clicked)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.copy_url_button.clicked.connect(self._on_copy_url_clicked)

    # -- API -------------------------------------------------------------------------------------------------
    def query(self) -> PlayInfoQuery:
        """The inputs as a query (validated when the call is made, by :meth:`PlayInfoQuery.params`)."""
        return PlayInfoQuery(self.formats.text(), self.definition.text(), str(self.stream_type.currentData()),
                             str(self.output_type.currentData()), self.auth_timeout.value() or None,
                             str(self.result_type.currentData()), self.play_config.text())

    def show_streams(self, streams: list[Stream], source: str) -> None:
        self.error_label.hide()
        self.streams = list(streams)
        self.source_label.setText(source)
        self.table.setRowCount(len(streams))
        for row, s in enumerate(streams):
            values = [s.format, s.definition, s.resolution,
                      self.tr("{0:.0f} kbps").format(s.bitrate) if s.bitrate else "", human_size(s.size),
                      human_duration(s.duration) if s.duration is not None else "",
                      (s.encrypt_type or self.tr("encrypted")) if s.encrypt else self.tr("none"),
                      local_time(s.url_expires_at, short=True) if s.url_expires_at else self.tr("unknown"),
                      s.display_url()]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(local_time(s.url_expires_at) if col == 7 and s.url_expires_at else value)
                self.table.setItem(row, col, item)
        if streams:
            self.table.selectRow(0)
        self._on_selection_changed()

    def show_error(self, text: str) -> None:
        self.clear()
        self.error_label.setText(text)
        self.error_label.show()

    def clear(self) -> None:
        self.streams = []
        self.table.setRowCount(0)
        self.source_label.clear()
        self.error_label.hide()
        self._on_selection_changed()

    def selected_stream(self) -> Stream | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.streams[min(rows)] if rows and min(rows) < len(self.streams) else None

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_play_config_changed(self, text: str) -> None:
        problem = ""
        if text.strip():
            try:
                if not isinstance(json.loads(text), dict):
                    problem = self.tr("PlayConfig must be a JSON object.")
            except ValueError as exc:
                problem = self.tr("PlayConfig is not valid JSON: {0}").format(exc)
        error = tone_color(Tone.ERROR).name()
        self.play_config.setStyleSheet(f"QLineEdit {{ border: 1px solid {error}; }}" if problem else "")
        self.play_config.setToolTip(problem or self.tr("PlayConfig: a JSON object, e.g. a PlayDomain to sign "
                                                       "URLs for"))
        self.get_button.setEnabled(not problem)

    def _on_selection_changed(self) -> None:
        stream = self.selected_stream()
        self.preview_button.setEnabled(stream is not None)
        self.copy_url_button.setEnabled(stream is not None)

    def _on_cell_double_clicked(self, row: int, column: int) -> None:
        if 0 <= row < len(self.streams):
            self.preview_requested.emit(self.streams[row])

    def _on_preview_clicked(self) -> None:
        stream = self.selected_stream()
        if stream is not None:
            self.preview_requested.emit(stream)

    def _on_copy_url_clicked(self) -> None:
        stream = self.selected_stream()
        if stream is not None:
            QGuiApplication.clipboard().setText(stream.url)
