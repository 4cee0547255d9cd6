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
