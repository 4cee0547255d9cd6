"""The kinds of queue item, each a class behind one protocol: prepare -> transfer -> finalize.

A kind gets the run's :class:`~vodgui.core.transfer.context.JobContext` and reports facts through its port; what
each step produces it returns, and the next step receives. The job drives the steps, the state machine and the
clean-up; a kind never imports the job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from vodgui.core.messages import Message
from vodgui.core.transfer.context import JobContext
from vodgui.core.transfer.record import Kind


@dataclass(frozen=True)
class Outcome:
    """How a job ended well: for the history, the ledger and the final row."""

    title: str
    crc64: int | None
    note: Message | None = None
    #: For media without a transcoding life cycle (images, attached media): final at once.
    media_status: str | None = None
    #: Learnt only at the end (an upload by URL: VOD says the media id and size once it has the file).
    media_id: str | None = None
    size: int | None = None


class JobKind(Protocol):
    """One kind of upload. Each step may raise VodError (failure) or Cancelled (pause/cancel)."""

    def prepare(self, ctx: JobContext) -> Any:
        """Local checks, then the media id and credentials (committed through the port at once)."""

    def transfer(self, ctx: JobContext, prepared: Any) -> Any:
        """Move the bytes (or let VOD fetch them)."""

    def finalize(self, ctx: JobContext, transferred: Any) -> Outcome:
        """What is left after the bytes are stored (covers, checks); the outcome."""

    def abort_idle(self, ctx: JobContext) -> None:
        """Cancel of an item that is not running: abort what it left on the server, if anything can."""


def kind_for(kind: Kind) -> JobKind:
    from vodgui.core.transfer.kinds.m3u8 import M3u8Kind
    from vodgui.core.transfer.kinds.media import MediaKind
    from vodgui.core.transfer.kinds.url import UrlKind
    from vodgui.core.transfer.kinds.video import VideoKind

    runners: dict[Kind, JobKind] = {Kind.VIDEO: VideoKind(), Kind.IMAGE: MediaKind(), Kind.ATTACHED: MediaKind(),
                                    Kind.M3U8: M3u8Kind(), Kind.URL: UrlKind()}
    return runners[kind]
