from __future__ import annotations

from typing import Any


def test_first_run_opens_on_the_sandbox_profile(main_window: Any) -> None:
    box = main_window.profile_box
    assert box.count() >= 1
    assert box.currentData() == "Sandbox"
    assert main_window.ctx.current_profile == "Sandbox"
    assert main_window.profile_box.isVisible()
