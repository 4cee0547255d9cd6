"""A light touch of style on top of the platform's: a page list that reads as navigation, roomier rows.
Colours come from the palette, so dark themes keep working; the few fixed ones (a verdict's green and red) are
defined here, once, for every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: A check that passed, a setting that is valid.
OK_COLOR = "#2e7d32"
#: An error, a check that failed, a value that is not valid.
ERROR_COLOR = "#c62828"
#: The preview player's error text.
PLAYER_ERROR_COLOR = "#b3261e"
#: Inline field errors set through the palette (dialogs whose labels keep the platform's style sheet).
ERROR_PALETTE_COLOR = Qt.GlobalColor.red

#: Works, but should not stay that way (a root-account AccessKey).
WARNING_COLOR = "#b26a00"

OK_STYLE = f"color: {OK_COLOR};"
WARNING_STYLE = f"color: {WARNING_COLOR};"
ERROR_STYLE = f"color: {ERROR_COLOR};"
#: Secondary text: hints, progress, technical details.
HINT_STYLE = "color: palette(placeholder-text);"
#: A verdict in bold (the Playback page's PlayAuth and player check).
OK_VERDICT_STYLE = f"{OK_STYLE} font-weight: 600;"
ERROR_VERDICT_STYLE = f"{ERROR_STYLE} font-weight: 600;"
PLAYER_ERROR_STYLE = f"color: {PLAYER_ERROR_COLOR};"


def paint_error(widget: QWidget) -> None:
    """Show ``widget``'s text in the error colour by its palette."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_PALETTE_COLOR)
    widget.setPalette(palette)

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
