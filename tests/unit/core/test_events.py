from __future__ import annotations

import pytest

from vodgui.core.transfer.events import IllegalTransition, JobState, check_transition


def test_done_is_final_and_cancelled_only_goes_back_to_the_queue() -> None:
    for final in (JobState.DONE, JobState.CANCELLED):
        for target in JobState:
            if target is not final and (final, target) != (JobState.CANCELLED, JobState.QUEUED):
                with pytest.raises(IllegalTransition):
                    check_transition(final, target)
    check_transition(JobState.CANCELLED, JobState.QUEUED)  # queued again by the user: a new attempt


def test_pause_keeps_the_upload_and_only_queues_again() -> None:
    check_transition(JobState.UPLOADING, JobState.PAUSED)
    check_transition(JobState.PAUSED, JobState.QUEUED)
    with pytest.raises(IllegalTransition):
        check_transition(JobState.PAUSED, JobState.UPLOADING)
    with pytest.raises(IllegalTransition):
        check_transition(JobState.QUEUED, JobState.DONE)
