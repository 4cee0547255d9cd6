"""Batch check on the Playback page: every VideoId × AuthInfoTimeout gets a PlayAuth, the player's check and its
streams, one call chain per row off the GUI thread; the results export to CSV or JSON (secrets masked)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.errors import VodError
from vodgui.core.playback import PlayerTarget, PlayInfoQuery, validate_auth_info_timeout
from vodgui.core.playback_batch import BatchResult, check_video, export_csv, export_json
from vodgui.core.vod import VodApi
from vodgui.ui import a11y
from vodgui.ui.errors import describe_exception, our_text
from vodgui.ui.format import local_time
from vodgui.ui.ops import run_op
from vodgui.ui.style import Tone, set_tone
from vodgui.ui.texts import media_status_text

#: Runs on a pool thread: the profile's VOD client and where the player calls.
TargetFactory = Callable[[], tuple[VodApi | None, PlayerTarget]]


class BatchPanel(QWidget):
    """VideoIds × AuthInfoTimeout → a result table, with CSV / JSON export.

    Signals:
        result_added(object): one :class:`BatchResult` arrived.
        finished(list): the batch ended (all rows, or stopped); the results so far.
        exported(str): an export was written to this path.
    """

    result_added = Signal(object)
    finished = Signal(list)
    exported = Signal(str)

    def __init__(self, ids: Callable[[], list[str]], targets: Callable[[], TargetFactory],
                 query: Callable[[], PlayInfoQuery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids = ids
        self._targets = targets
        self._query = query
        self.results: list[BatchResult] = []
        self._todo: list[tuple[str, int]] = []
        self._running = False

        self.timeouts = QLineEdit("100", self)
        self.timeouts.setObjectName("batchTimeouts")
        self.timeouts.setToolTip(self.tr("One or more AuthInfoTimeout values (100–3000 s), e.g. 100, 3000: every "
                                         "video is checked with each"))
        timeouts_label = QLabel(self.tr("AuthInfoTimeout values:"), self)
        timeouts_label.setBuddy(self.timeouts)
        self.run_button = QPushButton(self.tr("Run batch check"), self)
        self.run_button.setToolTip(self.tr("For every VideoId above: get a PlayAuth, check it as the player "
                                           "would, and list its streams"))
        self.export_csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_csv_button.setToolTip(self.tr("One row per video and timeout; secrets masked"))
        self.export_json_button = QPushButton(self.tr("Export JSON…"), self)
        self.export_json_button.setToolTip(self.tr("Everything shown here, with streams; secrets masked"))
        self.include_secrets = QCheckBox(self.tr("Include secrets"), self)
        self.include_secrets.setToolTip(self.tr("Write the full PlayAuths and playback URLs into the export. "
                                                "Anyone with the file can play the videos until they expire."))
        for b in (self.export_csv_button, self.export_json_button):
            b.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(timeouts_label)
        top.addWidget(self.timeouts)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.include_secrets)
        top.addWidget(self.export_csv_button)
        top.addWidget(self.export_json_button)

        self.progress = QLabel(self)
        self.progress.setObjectName("batchProgress")
        set_tone(self.progress, Tone.HINT)
        self.progress.setWordWrap(True)
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("batchTable")
        a11y.name(self.table, self.tr("Batch check results"))
        self.table.setHorizontalHeaderLabels([
            self.tr("VideoId"), self.tr("Timeout"), self.tr("Title"), self.tr("Status"), self.tr("PlayAuth expires"),
            self.tr("Check"), self.tr("Code"), self.tr("Message"), self.tr("Streams")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        order: list[QWidget] = [self.timeouts, self.run_button, self.include_secrets, self.export_csv_button,
                                self.export_json_button, self.table]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self.run_button.clicked.connect(self._on_run_clicked)
        self.export_csv_button.clicked.connect(self._on_export_csv_clicked)
        self.export_json_button.clicked.connect(self._on_export_json_clicked)

    # -- API -------------------------------------------------------------------------------------------------
    def parse_timeouts(self) -> list[int]:
        """The AuthInfoTimeout values typed; raises VodError naming a bad one."""
        values = []
        for token in [t for t in re.split(r"[^0-9]+", self.timeouts.text()) if t]:
            values.append(validate_auth_info_timeout(int(token)))
        return values or [100]

    def start(self) -> bool:
        """Run the batch for the page's VideoIds; False (with the reason shown) if it cannot start."""
        if self._running:
            return False
        ids = self._ids()
        try:
            timeouts = self.parse_timeouts()
            self._query().params()
        except VodError as err:
            self.progress.setText(describe_exception(err))
            set_tone(self.progress, Tone.ERROR)
            return False
        if not ids:
            self.progress.setText(self.tr("Paste one or more VideoIds above first."))
            return False
        self.results = []
        self.table.setRowCount(0)
        self._todo = [(video_id, t) for video_id in ids for t in timeouts]
        self._total = len(self._todo)
        self._running = True
        self.run_button.setText(self.tr("Stop"))
        set_tone(self.progress, Tone.HINT)
        self._next()
        return True

    def stop(self) -> None:
        """Finish the row in flight, then stop."""
        self._todo = []

    def export(self, path: str, fmt: str) -> None:
        """Write the results to ``path`` as ``csv`` or ``json``."""
        show = self.include_secrets.isChecked()
        if fmt == "csv":
            export_csv(self.results, path, show_secrets=show)
        else:
            export_json(self.results, path, show_secrets=show)
        self.progress.setText(self.tr("Exported {0} row(s) to {1}").format(len(self.results), path))
        self.exported.emit(path)

    # -- running ---------------------------------------------------------------------------------------------
    def _next(self) -> None:
        if not self._todo:
            self._finish()
            return
        video_id, timeout = self._todo.pop(0)
        self.progress.setText(self.tr("Checking {0} with AuthInfoTimeout {1} s… ({2} of {3})").format(
            video_id, timeout, len(self.results) + 1, self._total))
        target_factory, query = self._targets(), self._query()

        def work() -> BatchResult:
            vod, target = target_factory()
            return check_video(vod, video_id, timeout, target, query=query)

        run_op(self, work, self._on_result, self._on_failure)

    def _on_result(self, result: BatchResult) -> None:
        self.results.append(result)
        self._add_row(result)
        self.result_added.emit(result)
        self._next()

    def _on_failure(self, exc: BaseException) -> None:
        self._todo = []
        self.progress.setText(describe_exception(exc))
        set_tone(self.progress, Tone.ERROR)
        self._finish(error=True)

    def _finish(self, error: bool = False) -> None:
        self._running = False
        self.run_button.setText(self.tr("Run batch check"))
        for b in (self.export_csv_button, self.export_json_button):
            b.setEnabled(bool(self.results))
        if not error:
            passed = sum(r.passed for r in self.results)
            self.progress.setText(self.tr("{0} of {1} passed.").format(passed, len(self.results)))
        self.finished.emit(list(self.results))

    def _add_row(self, r: BatchResult) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        check = r.check
        error = r.play_auth_error
        code = check.code if check is not None else (error.code if error else "")
        if check is not None:
            message = our_text(check.code, check.params) or check.message
        else:
            message = (our_text(error.code, error.params) or error.message) if error else ""
        verdict = "" if check is None else (self.tr("pass") if check.ok else self.tr("fail"))
        values: list[Any] = [r.video_id, str(r.timeout), r.title, media_status_text(r.status),
                             local_time(r.play_auth_expires_at) if r.play_auth_expires_at else "", verdict, code,
                             message, str(len(r.streams))]
        for col, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            item.setToolTip(r.status if col == 3 else str(value))
            if col == 5 and check is not None:
                item.setForeground(Qt.GlobalColor.darkGreen if check.ok else Qt.GlobalColor.darkRed)
            self.table.setItem(row, col, item)

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_run_clicked(self) -> None:
        if self._running:
            self.stop()
        else:
            self.start()

    def _on_export_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "playback-check.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self._export_guarded(path, "csv")

    def _on_export_json_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export JSON"), "playback-check.json",
                                              self.tr("JSON files (*.json)"))
        if path:
            self._export_guarded(path, "json")

    def _export_guarded(self, path: str, fmt: str) -> None:
        try:
            self.export(path, fmt)
        except OSError as exc:
            self.progress.setText(self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc))
            set_tone(self.progress, Tone.ERROR)
