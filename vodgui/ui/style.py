"""A light touch of style on top of the platform's: a page list that reads as navigation, roomier rows.
Colours come from the palette, so dark themes keep working."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
QListWidget#nav {
    background: palette(window);
    border-right: 1px solid palette(mid);
    padding-top: 8px;
    font-size: 10.5pt;
}
QListWidget#nav::item {
    padding: 9px 14px;
    border-radius: 4px;
    margin: 1px 6px;
}
QListWidget#nav::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QToolBar#profileBar {
    border-bottom: 1px solid palette(mid);
    spacing: 6px;
}
QLabel#modeLabel {
    color: palette(placeholder-text);
}
"""


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE)
