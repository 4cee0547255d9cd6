"""Issue 18: state colours, error texts and progress-bar text reach 4.5:1 (WCAG 2 AA) in every palette.

Measured on rendered pixels (tests/helpers/contrast.py): labels through set_tone on each surface, the queue's
failed state and the progress bar's percentage on its filled and unfilled parts, the History dots and the Log
levels, in the built-in light, dark and high-contrast themes, Qt's default palette and two system palettes.
``python tools/contrast_report.py`` prints the same figures as a table.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette

from tests.helpers.contrast import PALETTES, measure_all, palette_installed
from vodgui.ui import style
from vodgui.ui.settings_dialog import SettingsDialog


@pytest.mark.parametrize("name", PALETTES)
def test_every_meaningful_colour_reaches_4_5_to_1(qapp: Any, name: str) -> None:
    measures = measure_all(qapp, name)
    assert len(measures) >= 30
    for m in measures:
        if m.what.startswith("history dot"):
            continue
        assert m.pixels > 30, f"{m.what} on {m.surface}: no text was drawn to measure"
    low = [f"{m.what} on {m.surface}: {m.ratio:.2f} ({m.color} on {m.background})" for m in measures
           if m.ratio < style.MIN_CONTRAST]
    assert not low, f"{name}: below {style.MIN_CONTRAST}:1: " + "; ".join(low)


def test_the_measure_fails_a_colour_that_is_too_light(qapp: Any) -> None:
    """The probe is not blind: Qt's own light palette draws the progress text below 4.5:1 on the filled part,
    which bar_palette exists to correct, and a pale label is caught."""
    with palette_installed(qapp, "system") as palette:
        fill = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.HighlightedText)
        assert style.contrast_ratio(fill, text) < style.MIN_CONTRAST
        bar = style.bar_palette(palette)
        assert style.contrast_ratio(bar.color(QPalette.ColorRole.Highlight), text) >= style.MIN_CONTRAST
        qapp.setStyleSheet(qapp.styleSheet() + '*[tone="error"] { color: #ff9a9a; }')
        from tests.helpers.contrast import measure_tones

        errors = [m for m in measure_tones() if m.what == "label error" and m.surface == "window"]
        assert errors and errors[0].ratio < 3


def test_readable_moves_a_colour_only_as_far_as_needed() -> None:
    from PySide6.QtGui import QColor

    white, black = QColor("white"), QColor("black")
    assert style.readable(QColor("#c62828"), [white]).name() == "#c62828"  # already 5.6:1
    pale = style.readable(QColor("#ff8080"), [white])
    assert style.MIN_CONTRAST <= style.contrast_ratio(pale, white) < style.MIN_CONTRAST + 0.2
    assert style.contrast_ratio(style.readable(QColor("#800000"), [black]), black) >= style.MIN_CONTRAST


def test_settings_appearance_applies_the_theme_on_save(qtbot: Any, ui_ctx: Any, qapp: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(style.THEME_ENV, raising=False)
    before_palette, before_sheet = QPalette(qapp.palette()), qapp.styleSheet()
    try:
        dialog = SettingsDialog(ui_ctx)
        qtbot.addWidget(dialog)
        assert [dialog.theme_box.itemData(i) for i in range(dialog.theme_box.count())] == list(style.THEMES)
        dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
        assert not style.is_dark(qapp.palette().color(QPalette.ColorRole.Window))  # nothing before Save
        dialog.save_button.click()
        assert ui_ctx.settings.theme == "dark"
        assert style.is_dark(qapp.palette().color(QPalette.ColorRole.Window))
        assert style.tone_color(style.Tone.ERROR).name() in qapp.styleSheet()
        # The override for screenshots wins over the setting.
        monkeypatch.setenv(style.THEME_ENV, "high-contrast")
        assert style.apply_theme(qapp, ui_ctx.settings.theme) == "high-contrast"
        assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    finally:
        qapp.setPalette(before_palette)
        qapp.setStyleSheet(before_sheet)


def test_a_theme_forced_by_the_environment_shows_in_settings(qtbot: Any, ui_ctx: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(style.THEME_ENV, "dark")
    dialog = SettingsDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.theme_box.currentData() == "dark" and not dialog.theme_box.isEnabled()
    assert style.THEME_ENV in dialog.theme_box.toolTip()
    assert dialog.values().theme == "system"  # the stored choice is left alone
