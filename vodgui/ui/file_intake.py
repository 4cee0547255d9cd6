"""From dropped or picked paths to queue items, without freezing the window.

One batch at a time: walk folders and check the history off the GUI thread, ask about files uploaded before,
then queue everything in one ``engine.add`` call on the ordered worker.

Each file becomes the kind of item its extension says (video, image, HLS package, subtitles). The segments of a
playlist in the batch are not queued on their own: they go up with the playlist, in one row. Subtitle files next
to a video with its name (``clip.srt``, ``clip.zh.vtt``) are offered for upload with it, once per batch.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from vodgui.core.errors import VodError
from vodgui.core.intake import Duplicate, FoundFile, Rejected, ScanResult, dropped_kind, find_uploaded, scan
from vodgui.core.media_items import (
    INTAKE_EXTENSIONS,
    KIND_VIDEO,
    file_item,
    kind_for_path,
    sidecar_subtitles,
    without_package_members,
)
from vodgui.ui.collector import many_long_lived, short_switches
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
    subtitles: int = 0
    #: What was given but can only fail (0 bytes, not media, unreadable, gone, a folder without media).
    rejected: list[Rejected] = field(default_factory=list)
    #: The batch's items wait, paused, until Start (the setting, or this batch's own choice).
    held: bool = False


@dataclass(frozen=True)
class SubtitleOffer:
    """Subtitle files found next to a video of the batch."""

    video: str
    subtitles: tuple[str, ...]


@dataclass
class _Scanned:
    result: ScanResult
    fresh: list[FoundFile]
    duplicates: list[Duplicate]
    already_queued: int
    offers: list[SubtitleOffer] = field(default_factory=list)


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
                 parent: QObject | None = None,
                 ask_subtitles: Callable[[list[SubtitleOffer]], bool] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ops = ops
        self._ask = ask
        self._ask_subtitles = ask_subtitles or (lambda offers: False)
        self._defaults = defaults
        self._waiting = waiting
        self._batches: deque[tuple[list[str], bool | None]] = deque()
        self._busy = False
        self._ready = True
        self._profile = ""
        self._hold = False
        self._report = BatchReport()

    @property
    def profile(self) -> str:
        """The profile the batch being handled uploads with."""
        return self._profile

    def add(self, paths: list[str], hold: bool | None = None) -> None:
        """Queue ``paths`` (files and folders); batches are handled in the order they arrive. ``hold``: this batch
        waits, paused, until Start (True) or starts at once (False); None follows the "hold new files" setting."""
        if paths:
            self._batches.append((list(paths), hold))
            if not self._busy and self._ready:
                self._next()

    def set_ready(self, ready: bool) -> None:
        """Batches wait while not ready (the queue they are checked against is still loading), then go in order."""
        self._ready = ready
        if ready and not self._busy and self._batches:
            self._next()

    def _next(self) -> None:
        if not self._batches:
            self._busy = False
            self.status_changed.emit("")
            return
        self._busy = True
        paths, hold = self._batches.popleft()
        self._profile = self.ctx.current_profile
        self._hold = self.ctx.settings.hold_new_files if hold is None else hold
        self._report = BatchReport(held=self._hold)
        if not self._profile:
            self._report.error = self.tr("Choose or create a profile first: new files upload with the current "
                                         "profile.")
            self._finish()
            return
        self.status_changed.emit(self.tr("Looking for video and audio files…"))
        settings_store, sessions, waiting = self.ctx.settings_store, self.ctx.workspace.sessions, self._waiting()
        profile = self._profile

        def work() -> _Scanned:
            with short_switches():  # a walk of 100,000 files is pure Python: the window still repaints meanwhile
                return scanned()

        def scanned() -> _Scanned:
            result = scan(paths, all_files=settings_store.load().all_files, extensions=INTAKE_EXTENSIONS)
            keep = set(without_package_members([f.path for f in result.files]))
            files = [f for f in result.files if f.path in keep]
            videos = [f.path for f in files if kind_for_path(f.path) == KIND_VIDEO]
            sidecars = sidecar_subtitles(videos)
            offered = {p for subs in sidecars.values() for p in subs}
            files = [f for f in files if f.path not in offered]  # offered with their video, not queued alone
            offers = [SubtitleOffer(video, tuple(p for p in subs if p not in waiting))
                      for video, subs in sidecars.items()]
            fresh = [f for f in files if f.path not in waiting]
            ledger = sessions(profile).ledger  # keyed by the account this profile uploads to
            try:
                if ledger is not None:
                    ledger.account()  # learned now (once per profile), so finished uploads are recorded by account
                duplicates = find_uploaded(ledger, fresh, dropped_kind) if ledger is not None else []
            except VodError as err:  # the account cannot be learned now (offline): queue without asking
                log.warning("could not check for earlier uploads: %s", err)
                duplicates = []
            return _Scanned(result, fresh, duplicates, len(files) - len(fresh), [o for o in offers if o.subtitles])

        run_op(self, work, self._on_scanned, self._on_failed)

    def _on_scanned(self, scanned: _Scanned) -> None:
        report = self._report
        report.ignored = scanned.result.ignored
        report.unreadable = scanned.result.unreadable
        report.rejected = scanned.result.rejected
        for rejected in report.rejected:
            log.info("not queued: %s (%s)", rejected.path, rejected.reason)
        report.already_queued = scanned.already_queued
        asked = {d.file.path for d in scanned.duplicates}
        # Queue the files nobody needs to be asked about right away; questions come after.
        meta = dict(self._defaults(self._profile))
        fresh = [f for f in scanned.fresh if f.path not in asked]
        report.added += len(fresh)
        self._queue(fresh, meta)
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
        report.added += len(again)
        self._queue(again, meta)
        if scanned.offers and self._ask_subtitles(scanned.offers):
            subtitles = [p for offer in scanned.offers for p in offer.subtitles]
            report.subtitles = len(subtitles)
            self._queue(subtitles, {}, business_type="subtitle")
        self._ops.submit(lambda: None, lambda _r: self._finish())

    def _queue(self, files: Sequence[FoundFile | str], meta: dict[str, Any], business_type: str | None = None) -> None:
        """Add ``files`` to the queue with the batch's profile, in order with the rest of the batch. A file the walk
        found keeps the size and mtime it read (100,000 files are not read twice)."""
        if not files:
            return
        profile, engine, start = self._profile, self.ctx.engine, not self._hold

        def add() -> None:  # 100,000 items take a while to build: not on the GUI thread
            with many_long_lived(len(files)), short_switches():  # items made one at a time as they are written
                engine.add((file_item(f, profile, dict(meta), business_type=business_type) if isinstance(f, str)
                            else file_item(f.path, profile, dict(meta), business_type=business_type,
                                           stat=(f.size, f.mtime_ns)) for f in files), start=start)

        self._ops.submit(add)

    def _on_failed(self, exc: BaseException) -> None:
        log.error("adding files failed: %s", exc)
        self._report.error = describe_exception(exc)
        self._finish()

    def _finish(self) -> None:
        self.batch_finished.emit(self._report)
        self._next()
