"""Driving the Upload page in tests: drops, row lookups, waiting for states."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.ui.queue_model import Column

WAIT_MS = 15_000


def held(page: Any) -> None:
    """New items wait in the queue instead of starting (to act on them before they run)."""
    page.ctx.engine.auto_start = False


def wait_finished(qtbot: Any, engine: Any, job_ids: Iterable[int], timeout: int = WAIT_MS) -> list[JobSnapshot]:
    """Run the event loop until every job is DONE or FAILED; their snapshots, in order."""
    ids = list(job_ids)
    qtbot.waitUntil(lambda: all(engine.snapshot(j).state in (JobState.DONE, JobState.FAILED) for j in ids),
                    timeout=timeout)
    return [engine.snapshot(j) for j in ids]


def drag_event(cls: type, pos: QPointF, mime: QMimeData) -> Any:
    """A drag enter/move event; PySide6 6.12 takes a QPointF (QPoint is deprecated), 6.11 only a QPoint."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return cls(pos, *args)
    except TypeError:
        return cls(pos.toPoint(), *args)


def drop_paths(view: Any, paths: list[Path],
               mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> tuple[bool, bool]:
    """Drag ``paths`` onto the view's viewport and drop them (with ``mods`` held at the drop); (enter accepted,
    drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    viewport = view.viewport()
    pos = QPointF(viewport.rect().center())
    action = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    enter = drag_event(QDragEnterEvent, pos, mime)
    QApplication.sendEvent(viewport, enter)
    move = drag_event(QDragMoveEvent, pos, mime)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return enter.isAccepted(), drop.isAccepted()


def snap_for(page: Any, path: Path | str) -> JobSnapshot | None:
    return next((s for s in page.model.snapshots() if s.path == str(path)), None)


def state_of(page: Any, path: Path | str) -> JobState | None:
    snap = snap_for(page, path)
    return snap.state if snap else None


def wait_state(qtbot: Any, page: Any, path: Path | str, *states: JobState, timeout: int = WAIT_MS) -> JobSnapshot:
    qtbot.waitUntil(lambda: state_of(page, path) in states, timeout=timeout)
    snap = snap_for(page, path)
    assert snap is not None
    return snap


def cell(page: Any, path: Path | str, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    snap = snap_for(page, path)
    assert snap is not None
    row = page.model.row_of(snap.job_id)
    return page.model.data(page.model.index(row, column), role)


def select(page: Any, *paths: Path | str) -> None:
    ids = []
    for path in paths:
        snap = snap_for(page, path)
        assert snap is not None, path
        ids.append(snap.job_id)
    page.select_jobs(ids)
