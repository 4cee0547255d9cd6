"""Event notifications (HTTP callbacks) for UserData.MessageCallback.CallbackURL.

Events are due at logical times (upload completion, end of "transcoding"); one daemon thread per sandbox,
started on first use, posts them once the logical clock has reached them. Delivery is best-effort with a short
timeout and no retry, and only to loopback URLs: the sandbox is an offline service and must never reach out to
the network. Pending events live in memory only (a restart drops them), like in-flight notifications on the
real service.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from vodgui.sandbox.clock import SandboxClock
from vodgui.sandbox.http import is_loopback_host

log = logging.getLogger("vodgui.sandbox.vod.callbacks")

_POLL_SECONDS = 0.2
_TIMEOUT_SECONDS = 3.0
#: The thread ends after this long without pending events (a later event starts a new one).
_IDLE_EXIT_SECONDS = 30.0


def is_loopback_url(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname or "")  # hostname is lower-cased: LOCALHOST counts


def callback_target(user_data: dict[str, Any]) -> tuple[str, dict[str, str]] | None:
    """Where a media's events go: ``(CallbackURL, extra body fields)`` from its UserData, or None when it names no
    HTTP callback. The extra fields are ``Extend`` (UserData.Extend as a JSON string) when given."""
    callback = user_data.get("MessageCallback") or {}
    if not isinstance(callback, dict):
        return None
    url = callback.get("CallbackURL")
    if not isinstance(url, str) or str(callback.get("CallbackType", "http")).lower() != "http":
        return None
    extend = user_data.get("Extend")
    extra = {"Extend": json.dumps(extend, ensure_ascii=False)} if extend is not None else {}
    return url, extra


@dataclass(order=True)
class _Event:
    due: float
    seq: int
    media_id: str = field(compare=False)
    url: str = field(compare=False)
    body: dict[str, Any] = field(compare=False)


class CallbackDispatcher:
    """Posts due events to their callback URLs from a background daemon thread."""

    def __init__(self, clock: SandboxClock) -> None:
        self._clock = clock
        self._cond = threading.Condition()
        self._events: list[_Event] = []
        self._seq = 0
        self._thread: threading.Thread | None = None
        self._closed = False
        #: Every delivery attempt, for tests and the control plane: (event type, url, HTTP status or error).
        self.delivered: list[tuple[str, str, str]] = []

    def schedule(self, media_id: str, url: str, due: float, body: dict[str, Any]) -> bool:
        """Queue ``body`` for ``url`` at logical time ``due``; False (and nothing queued) if not loopback."""
        if not is_loopback_url(url):
            log.info("not sending %s to non-loopback callback %s", body.get("EventType"), url)
            return False
        with self._cond:
            if self._closed:
                return False
            self._seq += 1
            self._events.append(_Event(due, self._seq, media_id, url, body))
            self._events.sort()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="vodgui-sandbox-callbacks",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()
        return True

    def cancel(self, media_id: str) -> None:
        with self._cond:
            self._events = [e for e in self._events if e.media_id != media_id]

    def reset(self) -> None:
        with self._cond:
            self._events.clear()
            self.delivered.clear()

    def close(self) -> None:
        """The sandbox stops: drop pending events and wait for a delivery in progress, so that nothing is posted
        once this returns (unless a receiver outlasts the delivery timeout)."""
        with self._cond:
            self._closed = True
            self._events.clear()
            thread = self._thread
            self._cond.notify_all()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=_TIMEOUT_SECONDS + 1)

    def _next_due(self) -> _Event | None:
        """The next due event, or None (and the thread is forgotten) after a long idle spell."""
        idle_since = time.monotonic()
        with self._cond:
            while True:
                if self._closed:
                    self._thread = None
                    return None
                if self._events and self._events[0].due <= self._clock.now():
                    return self._events.pop(0)
                if self._events:
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > _IDLE_EXIT_SECONDS:
                    self._thread = None
                    return None
                # Poll: the logical clock can jump forward without anyone telling this thread.
                self._cond.wait(_POLL_SECONDS)

    def _run(self) -> None:
        while (event := self._next_due()) is not None:
            self._post(event)

    def _post(self, event: _Event) -> None:
        data = json.dumps(event.body, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(event.url, data=data, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "User-Agent": "vodgui-sandbox-vod-callback"})
        # Loopback only: never let an environment proxy intercept the callback.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(req, timeout=_TIMEOUT_SECONDS) as resp:
                outcome = str(resp.status)
        except Exception as exc:  # best-effort: a dead receiver must not kill the thread
            outcome = f"error: {exc}"
        log.debug("callback %s -> %s: %s", event.body.get("EventType"), event.url, outcome)
        with self._cond:
            self.delivered.append((str(event.body.get("EventType")), event.url, outcome))
            del self.delivered[:-1000]
