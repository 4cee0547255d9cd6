"""Arranging queue rows as an earlier run (or a crash) left them: through the store's one write path."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future
from typing import Any

from vodgui.core.store import PartRecord, QueueStore
from vodgui.core.transfer.events import JobState


def set_row(store: QueueStore, item_id: int, *, parts: Iterable[PartRecord] = (), **changes: Any) -> None:
    """Change fields of item ``item_id`` as a job would have written them (``state`` may be a string)."""
    rec = store.get(item_id)
    assert rec is not None, item_id
    if isinstance(changes.get("state"), str):
        changes["state"] = JobState(changes["state"])
    for name, value in changes.items():
        setattr(rec, name, value)
    store.save(rec, parts=parts)


class InlineExecutor(Executor):
    """Runs each task at submit time: deterministic part order, and backoff on a fake clock, for tests."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future
