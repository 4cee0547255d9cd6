"""From dropped or picked paths to queue items, without freezing the window.

One batch at a time: walk folders and check the history off the GUI thread, ask about files uploaded before,
then queue everything in one ``engine.add`` call on the ordered worker.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from vodgui.core.intake import Duplicate, FoundFile, ScanResult, find_uploaded, scan
from vodgui.core.store import NewItem
from vodgui.ui.context import AppContext
from vodgui.ui.duplicate_prompt import DuplicateDecision
from vodgui.ui.errors import describe_exception
from vodgui.ui.ops import run_op
from vodgui.ui.serial_ops import SerialOps

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    """What became of one batch of dropped or picked paths."""

    added: int = 0
    skipped_uploaded: int = 0
    already_queued: int = 0
    ignored: int = 0
    unreadable: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class _Scanned:
    result: ScanResult
    fresh: list[FoundFile]
    duplicates: list[Duplicate]
    already_queued: int


class FileIntake(QObject):
    """Queues files and folders for the current profile.

    Args:
        ctx: the app context (engine, store, settings, current profile).
        ops: the ordered worker that runs ``engine.add``.
        ask: decides about one already uploaded file: ``ask(duplicate, others_left) -> DuplicateDecision``.
        defaults: metadata for new files of a profile.
        waiting: paths already waiting in the queue (they are not queued twice).

    Signals:
        status_changed(str): what is happening now ("" when idle).
        batch_finished(object): a :class:`BatchReport` once the batch's items are in the queue.
    """

    status_changed = Signal(str)
    batch_finished = Signal(object)

    def __init__(self, ctx: AppContext, ops: SerialOps, ask: Callable[[Duplicate, int], DuplicateDecision],
                 defaults: Callable[[str], dict[str, Any]], waiting: Callable[[], set[str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ops = ops
        self._ask = ask
        self._defaults = defaults
        self._waiting = waiting
        self._batches: deque[list[str]] = deque()
        self._busy = False
        self._profile = ""
        self._report = BatchReport()

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._batches)

    def add(self, paths: list[str]) -> None:
        """Queue ``paths`` (files and folders); batches are handled in the order they arrive."""
        if paths:
            self._batches.append(list(paths))
            if not self._busy:
                self._next()

    def _next(self) -> None:
        if not self._batches:
            self._busy = False
            self.status_changed.emit("")
            return
        self._busy = True
        paths = self._batches.popleft()
        self._profile = self.ctx.current_profile
        self._report = BatchReport()
        if not self._profile:
            self._report.error = self.tr("Choose or create a profile first: new files upload with the current "
                                         "profile.")
            self._finish()
            return
        self.status_changed.emit(self.tr("Looking for video and audio files…"))
        settings_store, store, waiting = self.ctx.settings_store, self.ctx.workspace.store, self._waiting()

        def work() -> _Scanned:
            result = scan(paths, all_files=settings_store.load().all_files)
            fresh = [f for f in result.files if f.path not in waiting]
            return _Scanned(result, fresh, find_uploaded(store, fresh), len(result.files) - len(fresh))

        run_op(self, work, self._on_scanned, self._on_failed)

    def _on_scanned(self, scanned: _Scanned) -> None:
        report = self._report
        report.ignored = scanned.result.ignored
        report.unreadable = scanned.result.unreadable
        report.already_queued = scanned.already_queued
        asked = {d.file.path for d in scanned.duplicates}
        # Queue the files nobody needs to be asked about right away; questions come after.
        self._queue([f for f in scanned.fresh if f.path not in asked])
        again: list[FoundFile] = []
        remembered: bool | None = None
        for number, duplicate in enumerate(scanned.duplicates):
            if remembered is None:
                decision = self._ask(duplicate, len(scanned.duplicates) - number - 1)
                upload = decision.upload
                if decision.remember:
                    remembered = decision.upload
            else:
                upload = remembered
            if upload:
                again.append(duplicate.file)
            else:
                report.skipped_uploaded += 1
        self._queue(again)
        self._ops.submit(lambda: None, lambda _r: self._finish())

    def _queue(self, files: list[FoundFile]) -> None:
        if not files:
            return
        profile, engine = self._profile, self.ctx.engine
        meta = dict(self._defaults(profile))
        self._report.added += len(files)

        def add() -> None:  # 10,000 items take a while to build: not on the GUI thread
            engine.add([NewItem(f.path, profile, f.size, f.mtime_ns, dict(meta)) for f in files])

        self._ops.submit(add)

    def _on_failed(self, exc: BaseException) -> None:
        log.error("adding files failed: %s", exc)
        self._report.error = describe_exception(exc)
        self._finish()

    def _finish(self) -> None:
        self.batch_finished.emit(self._report)
        self._next()
