"""The Transfer panel's connection count (from the engine's events), adaptive switch and bandwidth schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import WAIT_MS, snap_for
from vodgui.core.transfer.events import JobState


def test_connection_count_follows_the_engine_events(qtbot: Any, page: Any, media: Path) -> None:
    panel = page.transfer
    assert "Connections: 0 in flight" in panel.connections.text()  # shown before anything runs
    page.ctx.engine.set_bandwidth_limit(150_000)  # slow enough to see requests in flight
    path = write_file(media / "clip.mp4", 200_000)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: "Connections: 0 in flight" not in panel.connections.text(), timeout=WAIT_MS)
    assert "adaptive" in panel.connections.text()
    qtbot.waitUntil(lambda: (s := snap_for(page, path)) is not None and s.state is JobState.DONE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Connections: 0 in flight" in panel.connections.text(), timeout=WAIT_MS)


def test_fixed_connections_apply_live_and_save(qtbot: Any, page: Any) -> None:
    panel = page.transfer
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        panel.adaptive.setChecked(False)
    conn = page.ctx.engine.connections()
    assert not conn.adaptive and conn.limit == panel.parts.value() * panel.files.value()
    assert not panel.max_connections.isEnabled()
    qtbot.waitUntil(lambda: "(fixed)" in panel.connections.text(), timeout=WAIT_MS)
    assert page.ctx.workspace.profiles.require("Sandbox").transfer.adaptive is False
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        panel.adaptive.setChecked(True)
        panel.max_connections.setValue(9)
    conn = page.ctx.engine.connections()
    assert conn.adaptive and conn.maximum == 9
    assert page.ctx.workspace.profiles.require("Sandbox").transfer.max_connections == 9


def test_schedule_applies_live_and_bad_input_names_the_step(qtbot: Any, page: Any) -> None:
    panel = page.transfer
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        panel.schedule.setText("00:00,3M 23:59,3M")
        panel.schedule.editingFinished.emit()
    assert page.ctx.engine.connections().bandwidth == 3 * 1024 * 1024
    assert page.ctx.workspace.profiles.require("Sandbox").transfer.bandwidth_schedule == "00:00,3M 23:59,3M"
    qtbot.waitUntil(lambda: "bandwidth limit now 3.1 MB/s" in panel.connections.text(), timeout=WAIT_MS)
    panel.schedule.setText("08:00,fast")
    panel.schedule.editingFinished.emit()
    assert "08:00,fast is not a bandwidth schedule step" in panel.status.text()
    assert page.ctx.engine.connections().bandwidth == 3 * 1024 * 1024  # the old schedule stays in force
