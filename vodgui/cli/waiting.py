"""Telling a CLI user why an upload is waiting: the service throttles (not a failure)."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from vodgui.core.messages import english
from vodgui.core.retry import WAITING_THROTTLED
from vodgui.core.transfer.events import Event, Retrying


class WaitingNotice:
    """Prints one stderr line when a job starts waiting out throttling (not one per retry)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._lock = threading.Lock()
        self._told: set[int] = set()

    def on_event(self, event: Event) -> None:
        if not isinstance(event, Retrying) or event.error.kind != "throttled":
            return
        with self._lock:
            if event.job_id in self._told:
                return
            self._told.add(event.job_id)
        text = english(WAITING_THROTTLED, {"code": event.error.code, "delay": round(event.delay, 1)})
        self._stream.write(f"job {event.job_id}: {text}\n")
        self._stream.flush()
