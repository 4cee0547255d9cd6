"""A big batch of queue items is made without garbage collections, and its objects leave the collector's walks."""

from __future__ import annotations

import gc

import pytest

from vodgui.ui.collector import BIG_BATCH, many_long_lived


def test_a_big_batch_is_made_without_collections_and_frozen() -> None:
    before = gc.get_freeze_count()
    try:
        with many_long_lived(10):  # a small batch changes nothing
            assert gc.isenabled()
        assert gc.get_freeze_count() == before
        with many_long_lived(BIG_BATCH):
            assert not gc.isenabled()
            with many_long_lived(BIG_BATCH):  # another batch at the same time (another thread)
                pass
            assert not gc.isenabled()  # still off until the first batch is done too
            kept = [[n] for n in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
        with pytest.raises(RuntimeError), many_long_lived(BIG_BATCH):
            raise RuntimeError("the add failed")
        assert gc.isenabled()  # collections come back whatever happened
    finally:
        gc.unfreeze()
        gc.enable()


def test_short_switches_while_a_batch_runs_then_the_interval_comes_back() -> None:
    import sys
    import threading

    from vodgui.ui.collector import BATCH_SWITCH_INTERVAL, short_switches

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.004)
        with short_switches():
            assert sys.getswitchinterval() == pytest.approx(BATCH_SWITCH_INTERVAL)
            inside = threading.Event()
            leave = threading.Event()

            def other() -> None:  # another batch at the same time, on another thread, ending first
                with short_switches():
                    inside.set()
                    leave.wait(5)

            thread = threading.Thread(target=other)
            thread.start()
            assert inside.wait(5)
            leave.set()
            thread.join(5)
            assert sys.getswitchinterval() == pytest.approx(BATCH_SWITCH_INTERVAL)  # still short: ours runs
        assert sys.getswitchinterval() == pytest.approx(0.004)
        with pytest.raises(RuntimeError), short_switches():
            raise RuntimeError("the walk failed")
        assert sys.getswitchinterval() == pytest.approx(0.004)  # back whatever happened
    finally:
        sys.setswitchinterval(before)
