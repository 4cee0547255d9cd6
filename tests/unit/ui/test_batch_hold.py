"""Hold one batch until Start, or start it now, whatever the "hold new files" setting says: Shift while dropping,
and the Add files… button's menu (the file dialogs are the system's, so the choice is made before they open)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QToolButton

from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import WAIT_MS, drop_paths, snap_for, wait_state
from vodgui.core.transfer.events import JobState
from vodgui.sandbox.client import SandboxControl

S = JobState


def _creates(control: SandboxControl) -> list[dict[str, Any]]:
    return [e for e in control.log() if e.get("op") == "CreateUploadVideo"]


def test_shift_drop_holds_that_batch_only(qtbot: Any, page: Any, media: Path, control: SandboxControl) -> None:
    assert not page.ctx.settings.hold_new_files
    (media / "held").mkdir()
    held = [write_file(media / "held" / f"{n}.mp4", 20_000, seed=n) for n in range(2)]
    _, dropped = drop_paths(page.view, [media / "held"], Qt.KeyboardModifier.ShiftModifier)
    assert dropped
    for path in held:
        wait_state(qtbot, page, path, S.PAUSED)
    qtbot.waitUntil(lambda: "paused, until you press Start" in page.message.text(), timeout=WAIT_MS)
    assert "Added 2 files to the queue" in page.message.text()
    assert not _creates(control)  # nothing exists in VOD for them yet

    plain = write_file(media / "plain.mp4", 20_000, seed=9)
    drop_paths(page.view, [plain])
    wait_state(qtbot, page, plain, S.DONE)
    assert page.message.text().startswith("Added 1 file to the queue.")
    assert all(snap_for(page, p).state is S.PAUSED for p in held)  # the held batch still waits

    page.select_jobs([snap_for(page, p).job_id for p in held])
    qtbot.waitUntil(page.act_start.isEnabled)
    page.act_start.trigger()
    for path in held:
        wait_state(qtbot, page, path, S.DONE)


def test_the_add_menu_holds_or_starts_a_batch_against_the_setting(qtbot: Any, page: Any, media: Path,
                                                                  monkeypatch: Any) -> None:
    page.ctx.settings_store.update(hold_new_files=True)
    now = write_file(media / "now.mp4", 20_000, seed=1)
    folder = media / "later"
    folder.mkdir()
    later = write_file(folder / "later.mov", 20_000, seed=2)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a: ([str(now)], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(folder)))

    toolbar_button = next(b for b in page.findChildren(QToolButton) if b.defaultAction() is page.act_add_files)
    assert toolbar_button.menu() is page.add_menu
    assert page.add_menu.actions()[:2] == [page.act_add_files_held, page.act_add_folder_held]

    page.act_add_files_now.trigger()  # the setting holds new files; this batch starts anyway
    wait_state(qtbot, page, now, S.DONE)
    page.act_add_folder.trigger()  # the plain button follows the setting: held
    wait_state(qtbot, page, later, S.PAUSED)
    assert "until you press Start" in page.message.text()

    page.ctx.settings_store.update(hold_new_files=False)
    again = write_file(folder / "again.mp4", 20_000, seed=3)
    page.act_add_folder_held.trigger()  # the setting starts new files; this batch waits
    wait_state(qtbot, page, again, S.PAUSED)
    assert snap_for(page, later).state is S.PAUSED
