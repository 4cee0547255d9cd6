from __future__ import annotations

import pytest

from vodgui.core.transfer.events import IllegalTransition, JobState, check_transition


def test_done_and_cancelled_are_final() -> None:
    for final in (JobState.DONE, JobState.CANCELLED):
        for target in JobState:
            if target is not final:
                with pytest.raises(IllegalTransition):
                    check_transition(final, target)


def test_pause_keeps_the_upload_and_only_queues_again() -> None:
    check_transition(JobState.UPLOADING, JobState.PAUSED)
    check_transition(JobState.PAUSED, JobState.QUEUED)
    with pytest.raises(IllegalTransition):
        check_transition(JobState.PAUSED, JobState.UPLOADING)
    with pytest.raises(IllegalTransition):
        check_transition(JobState.QUEUED, JobState.DONE)
