"""Transfer settings of the current profile, next to the queue: applied live where the engine allows it and
saved into the profile."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.errors import VodError
from vodgui.core.profiles import with_transfer
from vodgui.core.transfer.config import MiB, TransferConfig
from vodgui.core.transfer.events import Connections
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe_exception
from vodgui.ui.format import human_size
from vodgui.ui.ops import OrderedLane

log = logging.getLogger(__name__)

MB = 1_000_000  # the speed column uses decimal units too
SAVE_DELAY_MS = 400


class TransferPanel(QWidget):
    """Parallel parts, files at once, part size, retries, adaptive connections and the bandwidth limit (or
    schedule) of the current profile, and the engine's connection count as its events report it.

    Files at once and the bandwidth limit take effect immediately for running uploads; the others apply to
    uploads that start after the change (the profile's session is rebuilt).

    Signals:
        saved(str): the profile with this name was saved with new transfer settings.
    """

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._profile = ""
        self._pending: dict[str, Any] = {}
        self._saves = OrderedLane("vodgui-transfer-save")
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

        self.files = QSpinBox(self)
        self.files.setRange(1, 16)
        self.files.setToolTip(self.tr("How many files upload at the same time. Applies immediately."))
        self.parts = QSpinBox(self)
        self.parts.setRange(1, 32)
        self.parts.setToolTip(self.tr("How many parts of one file upload in parallel. Applies to uploads that "
                                      "start after the change."))
        self.part_size = QSpinBox(self)
        self.part_size.setRange(0, 5 * 1024)
        self.part_size.setSuffix(self.tr(" MiB"))
        self.part_size.setSpecialValueText(self.tr("Automatic"))
        self.part_size.setToolTip(self.tr("Size of each part of a multipart upload. Automatic picks 8 MiB, larger "
                                          "for very large files (OSS allows at most 10,000 parts)."))
        self.retries = QSpinBox(self)
        self.retries.setRange(0, 20)
        self.retries.setToolTip(self.tr("How often a failed request is retried, with growing pauses, before "
                                        "the item fails."))
        self.bandwidth = QDoubleSpinBox(self)
        self.bandwidth.setRange(0, 10_000)
        self.bandwidth.setDecimals(1)
        self.bandwidth.setSingleStep(0.5)
        self.bandwidth.setSuffix(self.tr(" MB/s"))
        self.bandwidth.setSpecialValueText(self.tr("Unlimited"))
        self.bandwidth.setToolTip(self.tr("Upper limit for all uploads together; 0 means unlimited. Applies "
                                          "immediately."))
        self.adaptive = QCheckBox(self.tr("&Adapt connections to the link"), self)
        self.adaptive.setObjectName("transfer_adaptive")
        self.adaptive.setToolTip(self.tr("Measure throughput and open more connections while it rises; fewer "
                                         "after errors or throttling. Off: parallel parts × files at once, fixed. "
                                         "Applies immediately."))
        self.adaptive.toggled.connect(lambda _on: self._on_value_changed("adaptive"))
        self.max_connections = QSpinBox(self)
        self.max_connections.setRange(1, 64)
        self.max_connections.setToolTip(self.tr("The most connections the adaptive mode opens at once. Applies "
                                                "immediately."))
        self.schedule = QLineEdit(self)
        self.schedule.setObjectName("transfer_schedule")
        self.schedule.setPlaceholderText(self.tr("e.g. 08:00,4M 18:00,off"))
        self.schedule.setToolTip(self.tr("A bandwidth limit by time of day: from 08:00 4 MiB/s, from 18:00 "
                                         "unlimited. Replaces the limit above while set. Applies immediately."))
        self.schedule.editingFinished.connect(self._on_schedule_edited)
        self.connections = QLabel(self)
        self.connections.setObjectName("transferConnections")
        self.connections.setWordWrap(True)
        fields = (("concurrent_files", self.files), ("parts_in_flight", self.parts), ("part_size", self.part_size),
                  ("retries", self.retries), ("bandwidth_limit", self.bandwidth),
                  ("max_connections", self.max_connections))
        for name, box in fields:
            box.setKeyboardTracking(False)  # typing "150" is one change, not three
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.setObjectName(f"transfer_{name}")
            box.valueChanged.connect(lambda _v, n=name: self._on_value_changed(n))

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        note = QLabel(self.tr("Files at once, connections, the bandwidth limit and the schedule change running "
                              "uploads too. Parallel parts, part size and retries apply to uploads that start "
                              "afterwards."), self)
        note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("transferStatus")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("&Files at once:"), self.files), (self.tr("&Parallel parts:"), self.parts),
            (self.tr("Part si&ze:"), self.part_size), (self.tr("&Retries:"), self.retries),
            (self.tr("&Bandwidth limit:"), self.bandwidth), (self.tr("Bandwidth &schedule:"), self.schedule),
            (self.tr("&Maximum connections:"), self.max_connections))
        for label, widget in rows:
            form.addRow(label, widget)
        form.insertRow(2, self.adaptive)  # the whole row: its text is longer than a label column
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.connections)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for first, second in zip((self.files, self.parts, self.part_size, self.retries),
                                 (self.parts, self.part_size, self.retries, self.bandwidth)):
            self.setTabOrder(first, second)

        ctx.bridge.connections_changed.connect(self._on_connections_changed)
        self._on_connections_changed(ctx.engine.connections())
        ctx.hub.profile_selected.connect(self._on_profile_selected)
        ctx.hub.profiles_changed.connect(self._on_profiles_changed)
        self.load(ctx.current_profile, apply_live=False)

    # -- loading ---------------------------------------------------------------------------------------------
    def load(self, name: str, *, apply_live: bool = True) -> None:
        """Show profile ``name``'s settings; ``apply_live`` also hands its live settings to the engine."""
        if self._pending and self._profile and self._profile != name:
            self.save_now()
        profile = self.ctx.workspace.profiles.get(name) if name else None
        self._profile = profile.name if profile else ""
        cfg = profile.transfer if profile else TransferConfig()
        self._loading = True
        self.files.setValue(cfg.concurrent_files)
        self.parts.setValue(cfg.parts_in_flight)
        self.part_size.setValue(round(cfg.part_size / MiB))
        self.retries.setValue(cfg.retries)
        self.bandwidth.setValue(cfg.bandwidth_limit / MB)
        self.adaptive.setChecked(cfg.adaptive)
        self.max_connections.setValue(cfg.max_connections)
        self.max_connections.setEnabled(cfg.adaptive)
        self.schedule.setText(cfg.bandwidth_schedule)
        self._loading = False
        self.setEnabled(profile is not None)
        self.heading.setText(self.tr("Transfer settings of profile “{0}”").format(name) if profile
                             else self.tr("No profile selected"))
        self.status.clear()
        if profile is not None and apply_live:
            self.ctx.engine.set_concurrent_files(cfg.concurrent_files)
            self.ctx.engine.set_bandwidth_limit(cfg.bandwidth_limit)
            if cfg.bandwidth_schedule:
                self.ctx.engine.set_bandwidth_schedule(cfg.bandwidth_schedule)
            self.ctx.engine.set_connections(adaptive=cfg.adaptive, parts_in_flight=cfg.parts_in_flight,
                                            max_connections=cfg.max_connections)

    def _on_profile_selected(self, name: str) -> None:
        self.load(name)

    def _on_profiles_changed(self) -> None:
        if not self._pending:
            self.load(self.ctx.current_profile, apply_live=False)

    # -- changes ---------------------------------------------------------------------------------------------
    def _value(self, name: str) -> int:
        if name == "concurrent_files":
            return self.files.value()
        if name == "parts_in_flight":
            return self.parts.value()
        if name == "part_size":
            return self.part_size.value() * MiB
        if name == "retries":
            return self.retries.value()
        if name == "adaptive":
            return self.adaptive.isChecked()
        if name == "max_connections":
            return self.max_connections.value()
        return round(self.bandwidth.value() * MB)

    def _on_value_changed(self, name: str) -> None:
        if self._loading or not self._profile:
            return
        value = self._value(name)
        if name == "concurrent_files":
            self.ctx.engine.set_concurrent_files(value)
        elif name == "bandwidth_limit":
            self.ctx.engine.set_bandwidth_limit(value)
        elif name in ("adaptive", "max_connections"):
            self.max_connections.setEnabled(self.adaptive.isChecked())
            self.ctx.engine.set_connections(adaptive=self.adaptive.isChecked(), parts_in_flight=self.parts.value(),
                                            max_connections=self.max_connections.value())
        self._pending[name] = value
        self._save_timer.start()

    def _on_schedule_edited(self) -> None:
        if self._loading or not self._profile:
            return
        text = " ".join(self.schedule.text().split())
        try:
            if text:
                self.ctx.engine.set_bandwidth_schedule(text)
            else:
                self.ctx.engine.set_bandwidth_limit(self._value("bandwidth_limit"))
        except VodError as err:
            self.status.setText(describe_exception(err))
            return
        self._pending["bandwidth_schedule"] = text
        self._save_timer.start()

    def _on_connections_changed(self, conn: Connections) -> None:
        """The engine's Connections event: requests in flight now and the limit (never read from internals)."""
        if conn.adaptive:
            text = self.tr("Connections: {0} in flight, limit {1} (adaptive, at most {2})").format(
                conn.active, conn.limit, conn.maximum)
        else:
            text = self.tr("Connections: {0} in flight, limit {1} (fixed)").format(conn.active, conn.limit)
        if conn.bandwidth:
            text += " · " + self.tr("bandwidth limit now {0}/s").format(human_size(conn.bandwidth))
        self.connections.setText(text)

    def save_now(self) -> None:
        """Write pending changes into the profile (off the GUI thread) and rebuild its session."""
        self._save_timer.stop()
        if not self._pending or not self._profile:
            return
        name, changes = self._profile, dict(self._pending)
        self._pending.clear()
        workspace = self.ctx.workspace

        def save() -> str:
            # Only the fields changed here, onto the profile as stored now: an edit saved meanwhile elsewhere (the
            # profile editor, another save of this panel) is kept.
            workspace.profiles.update(name, lambda profile: with_transfer(profile, **changes))
            workspace.sessions.invalidate(name)
            return name

        # In order: two quick saves of the same field must not land the wrong way round.
        self._saves.run(self, save, self._on_saved, self._on_save_failed)

    def _on_saved(self, name: str) -> None:
        self.status.setText(self.tr("Saved in profile “{0}”.").format(name))
        self.saved.emit(name)

    def _on_save_failed(self, exc: BaseException) -> None:
        log.warning("saving transfer settings failed: %s", exc)
        self.status.setText(self.tr("The settings could not be saved: {0}").format(describe_exception(exc)))
