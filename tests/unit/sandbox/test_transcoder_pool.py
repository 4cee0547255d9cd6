"""The transcoding worker pool is bounded: a fixed number of threads, and a queue that refuses when full."""

from __future__ import annotations

import threading
import time

from vodgui.sandbox.vod.transcode import Job, Transcoder


def test_queue_limit_refuses_and_a_crash_is_reported() -> None:
    release = threading.Event()
    started = threading.Event()
    done: list[str] = []
    crashed: list[tuple[str, str]] = []

    def handler(job: Job) -> None:
        if job.media_id == "boom":
            raise RuntimeError("bug")
        started.set()
        release.wait(10)
        done.append(job.media_id)

    pool = Transcoder(lambda: 1, lambda: 1, handler, lambda job, why: crashed.append((job.media_id, why)))
    try:
        assert pool.submit(Job("first", 0))
        assert started.wait(10)  # the only worker is busy with "first"
        assert pool.submit(Job("second", 0))  # waits in the queue (limit 1)
        assert not pool.submit(Job("third", 0))  # the queue is full: refused at once
        assert pool.stats() == {"workers": 1, "queued": 1, "running": 1}
        release.set()
        deadline = time.monotonic() + 10
        while len(done) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool.submit(Job("boom", 0))
        while not crashed and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        release.set()
        pool.close()
    assert done == ["first", "second"]
    # A handler's bug is reported (the video ends TranscodeFail) and the worker lives on.
    assert crashed == [("boom", "internal error: RuntimeError")]
    assert not pool.submit(Job("late", 0))  # a closed pool takes nothing
