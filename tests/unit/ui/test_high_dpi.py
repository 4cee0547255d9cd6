"""Issue 18, high DPI: what a small screen or a high scale factor must not break (200% on a 1920x1080 screen
leaves 960x540 device-independent pixels). ``tools/screenshots_a11y.py`` renders the pages at QT_SCALE_FACTOR=2."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from vodgui.ui import style
from vodgui.ui.history_model import DOT_TONES, status_icon


def test_the_window_fits_the_screen_it_opens_on(main_window: Any) -> None:
    room = main_window.screen().availableGeometry().size()
    assert main_window.width() <= room.width() and main_window.height() <= room.height()
    assert main_window.minimumWidth() <= main_window.width()
    assert main_window.minimumHeight() <= main_window.height()


def test_fit_to_screen_keeps_the_default_where_there_is_room(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    style.fit_to_screen(widget, QSize(300, 200), QSize(200, 100))
    assert (widget.width(), widget.height()) == (300, 200)
    assert (widget.minimumWidth(), widget.minimumHeight()) == (200, 100)
    huge = QSize(100_000, 100_000)
    style.fit_to_screen(widget, huge, huge)
    room = (QGuiApplication.primaryScreen().availableGeometry().size() - QSize(16, 48))
    assert widget.width() == room.width() and widget.minimumHeight() == room.height()


def test_the_history_dots_are_drawn_for_the_scale_asked(qapp: Any) -> None:
    for category, tone in DOT_TONES.items():
        for scale in (1.0, 1.5, 2.0, 3.0):
            pixmap = status_icon(category).pixmap(QSize(12, 12), scale)
            assert pixmap.width() == round(12 * scale) and pixmap.devicePixelRatio() == scale
            middle = pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2)
            assert middle.name() == style.tone_color(tone).name()


def test_a_long_status_message_stops_before_the_permanent_labels(main_window: Any, qtbot: Any) -> None:
    bar = main_window.statusBar()
    main_window.status.setText("12 items in the queue")
    qtbot.wait(50)
    label = main_window.status.geometry()
    before = bar.grab(QRect(label)).toImage()
    message = "A video failed after its upload: " + "“Interview with the team (long cut)” " * 8
    bar.showMessage(message)
    qtbot.wait(50)
    assert main_window.status.geometry() == label
    assert bar.grab(QRect(label)).toImage() == before  # nothing drawn over the label
    assert bar.toolTip() == message


def test_the_playback_page_scrolls_where_its_panels_do_not_fit(main_window: Any, qtbot: Any) -> None:
    page = main_window.playback_page
    main_window.nav.setCurrentRow(main_window.stack.indexOf(page))
    main_window.setMinimumSize(QSize(200, 200))
    main_window.resize(700, 420)
    qtbot.waitUntil(lambda: page.scroll.verticalScrollBar().maximum() > 0, timeout=3000)
    body = page.scroll.widget()
    assert body.height() >= body.minimumSizeHint().height()  # the panels keep their room; the page scrolls


def test_history_keeps_room_for_titles_in_a_narrow_window(main_window: Any, qtbot: Any) -> None:
    from tests.unit.ui.test_history_page import seed
    from vodgui.ui.history_model import Column

    page = main_window.history_page
    seed(main_window.ctx.workspace.store, "a41c09e7d2b84f5e9c3a1b7d6e2f8c90", "Product launch 2026 — keynote")
    page.reload()
    main_window.nav.setCurrentRow(main_window.stack.indexOf(page))
    qtbot.waitUntil(lambda: page.table.isVisible(), timeout=3000)
    wide = page.table.fontMetrics().horizontalAdvance("0123456789abcdef" * 2) + 24  # the whole VideoId
    main_window.setMinimumSize(QSize(200, 200))
    main_window.resize(944, 492)  # 200% on a 1920x1080 screen
    title = page.table.fontMetrics().horizontalAdvance("M" * 12)
    qtbot.waitUntil(lambda: page.table.columnWidth(Column.TITLE) >= title, timeout=3000)
    assert page.table.columnWidth(Column.VIDEO_ID) < wide
