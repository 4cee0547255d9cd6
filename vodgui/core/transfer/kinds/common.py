"""Helpers shared by the job kinds: the VOD client check, a bounded parallel runner, uploader hooks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from typing import TYPE_CHECKING, TypeVar

from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.store import PartRecord

if TYPE_CHECKING:
    from vodgui.core.transfer.job import JobRunner
    from vodgui.core.vod import VodApi

T = TypeVar("T")


def require_vod(job: JobRunner, what: str) -> VodApi:
    """The profile's VOD client. A profile that gets upload credentials from an AppServer has none: the AppServer
    contract knows only CreateUploadVideo and RefreshUploadVideo."""
    vod = job.session.vod
    if vod is None:
        raise VodError("AppServerUnsupported", f"Profile {job.session.name!r} gets its upload credentials from an "
                       f"AppServer, whose contract covers videos only (create and refresh upload video): {what} "
                       "cannot go through it. Use a profile in STS mode or with an AccessKey for this item.",
                       kind=ErrorKind.CONFIG)
    return vod


def run_parallel(executor: Executor, tasks: list[Callable[[], T]], window: int, failed: threading.Event,
                 stop: threading.Event) -> list[T]:
    """Run ``tasks`` at most ``window`` at a time; results in task order.

    The first real failure sets ``failed`` (so the tasks still running stop at their next read) and is raised
    once they have; a pause or cancel (``stop``) raises :class:`Cancelled`.
    """
    results: dict[int, T] = {}
    pending: dict[Future[T], int] = {}
    queue = list(enumerate(tasks))
    error: BaseException | None = None
    while queue or pending:
        while queue and len(pending) < max(1, window) and error is None and not stop.is_set():
            number, task = queue.pop(0)
            pending[executor.submit(task)] = number
        if not pending:
            break
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for fut in done:
            number = pending.pop(fut)
            exc = fut.exception()
            if exc is None:
                results[number] = fut.result()
            elif error is None or (isinstance(error, Cancelled) and not isinstance(exc, Cancelled)):
                error = exc
                if not isinstance(exc, Cancelled):
                    failed.set()
    if error is not None:
        raise error
    if stop.is_set():
        raise Cancelled("interrupted")
    return [results[i] for i in range(len(tasks))]


class ProgressHooks:
    """Uploader hooks for objects that are not the item's one multipart upload (segments, the index): progress
    and retries go to the job; there is no upload id to remember."""

    def __init__(self, job: JobRunner) -> None:
        self._job = job

    def upload_started(self, upload_id: str, part_size: int) -> None:
        pass

    def upload_discarded(self, reason: str) -> None:
        pass

    def part_done(self, part: PartRecord) -> None:
        pass

    def progress(self, delta: int) -> None:
        self._job.progress(delta)

    def completing(self) -> None:
        pass

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        self._job.retrying(what, error, attempt, delay)
