"""Job runners for the kinds of queue item other than ``video``.

Each runner gets the item's :class:`~vodgui.core.transfer.job.JobRunner` (already in PREPARING) and drives it to
DONE through the same callbacks, or raises: :class:`~vodgui.core.errors.Cancelled` for pause/cancel, a
:class:`~vodgui.core.errors.VodError` for a failure. So the queue, the GUI, the CLI and the JSON output see one
state machine and one set of events whatever the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vodgui.core.errors import VodError
from vodgui.core.media_items import KIND_ATTACHED, KIND_IMAGE, KIND_M3U8, KIND_URL
from vodgui.core.transfer.kinds.m3u8 import run_m3u8
from vodgui.core.transfer.kinds.media import run_media
from vodgui.core.transfer.kinds.url import run_url

if TYPE_CHECKING:
    from vodgui.core.transfer.job import JobRunner

RUNNERS: dict[str, Callable[[JobRunner], None]] = {
    KIND_IMAGE: run_media,
    KIND_ATTACHED: run_media,
    KIND_M3U8: run_m3u8,
    KIND_URL: run_url,
}


def run_kind(job: JobRunner) -> None:
    runner = RUNNERS.get(job.item.kind)
    if runner is None:
        raise VodError("UnknownItemKind", f"This queue item is of kind {job.item.kind!r}, which this version of "
                       "vodgui cannot upload. Remove it, or update vodgui.")
    runner(job)
