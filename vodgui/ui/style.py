"""The look of the app on top of the platform's: a page list that reads as navigation, roomier rows, the theme
(the system's palette, or a light, dark or high-contrast one), and the few colours that carry a meaning (a check
that passed or failed, a warning, a hint).

Colours come from the palette. The meaningful ones are chosen for the palette in force: a variant made for light
or for dark backgrounds, then darkened or lightened until its contrast ratio against every surface it is drawn
on (window, base, alternate rows) is at least :data:`MIN_CONTRAST`, WCAG 2's level AA for text. Labels get
theirs through :func:`set_tone` (a ``tone`` property that the application style sheet colours), painted things
through :func:`tone_color` at paint time, so a theme change on Save reaches everything already on screen.
``tests/unit/ui/test_contrast.py`` measures the rendered pixels; ``tools/contrast_report.py`` prints the table.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

#: WCAG 2 contrast ratio for normal text (level AA).
MIN_CONTRAST = 4.5
#: Overrides the theme chosen in Settings (``system``, ``light``, ``dark``, ``high-contrast``): screenshots, tests.
THEME_ENV = "VODGUI_THEME"
#: The choices of Settings → Appearance, in menu order.
THEMES = ("system", "light", "dark", "high-contrast")


class Tone(StrEnum):
    """What a text or mark means; its colour depends on the palette."""

    #: Secondary text: hints, progress, technical details.
    HINT = "hint"
    #: A check that passed, a setting that is valid, a video that is ready.
    OK = "ok"
    #: Works, but should not stay that way (a root-account AccessKey); still processing.
    WARNING = "warning"
    #: An error, a check that failed, a value that is not valid.
    ERROR = "error"
    #: A verdict in bold (the Playback page's PlayAuth and player check).
    OK_VERDICT = "ok-verdict"
    ERROR_VERDICT = "error-verdict"
    #: Bold, in the palette's own text colour (the PlayAuth countdown).
    STRONG = "strong"


#: (for light backgrounds, for dark backgrounds): the starting points :func:`tone_color` adjusts.
_VARIANTS: dict[Tone, tuple[str, str]] = {
    Tone.OK: ("#2e7d32", "#81c995"),
    Tone.WARNING: ("#9a5b00", "#fdd663"),
    Tone.ERROR: ("#c62828", "#f28b82"),
}
_BOLD = {Tone.OK_VERDICT: Tone.OK, Tone.ERROR_VERDICT: Tone.ERROR}
_PLAIN = {Tone.STRONG}
#: The surfaces tone text is drawn on: pages and dialogs, fields and lists, alternate rows and banners.
SURFACES = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


# -- contrast (WCAG 2.x) -------------------------------------------------------------------------------------------
def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour (0 black ... 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 (same) ... 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def is_dark(color: QColor) -> bool:
    """True if white text reads better on ``color`` than black text."""
    return contrast_ratio(color, QColor("white")) > contrast_ratio(color, QColor("black"))


def composite(color: QColor, background: QColor) -> QColor:
    """``color`` (maybe translucent, as Qt's placeholder text is) as it shows over ``background``."""
    a = color.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(color.getRgbF()[:3], background.getRgbF()[:3],
                                                                    strict=True)))


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """On the way from ``a`` to ``b``, in 8-bit channels: what is measured is what gets painted."""
    return QColor(*(round((1 - t) * x + t * y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)))


def readable(color: QColor, backgrounds: Iterable[QColor], minimum: float = MIN_CONTRAST) -> QColor:
    """``color`` itself if it reaches ``minimum`` against every background, else the least change towards black
    or white (whichever the backgrounds allow) that does."""
    grounds = list(backgrounds)
    worst = lambda c: min(contrast_ratio(c, g) for g in grounds)  # noqa: E731
    if worst(color) >= minimum:
        return QColor(color)
    target = QColor("white") if worst(QColor("white")) > worst(QColor("black")) else QColor("black")
    low, high = 0.0, 1.0
    for _ in range(20):  # contrast grows monotonically along the way to black (or white)
        mid = (low + high) / 2
        low, high = (low, mid) if worst(_mix(color, target, mid)) >= minimum else (mid, high)
    return _mix(color, target, high)


# -- the meaningful colours ------------------------------------------------------------------------------------------
def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def tone_color(tone: Tone, palette: QPalette | None = None,
               roles: Iterable[QPalette.ColorRole] = SURFACES) -> QColor:
    """The colour of ``tone`` in ``palette`` (the application's by default), readable on each of ``roles``."""
    pal = _palette(palette)
    roles = tuple(roles)
    key = (tone, pal.cacheKey(), roles)
    color = _tone_cache.get(key)
    if color is None:
        if len(_tone_cache) > 256:
            _tone_cache.clear()
        color = _tone_cache[key] = _tone_color(tone, pal, roles)
    return QColor(color)


_tone_cache: dict[tuple[Tone, int, tuple[QPalette.ColorRole, ...]], QColor] = {}


def _tone_color(tone: Tone, pal: QPalette, roles: tuple[QPalette.ColorRole, ...]) -> QColor:
    grounds = [pal.color(QPalette.ColorGroup.Active, role) for role in roles]
    tone = _BOLD.get(tone, tone)
    if tone in _PLAIN:
        return pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    if tone is Tone.HINT:
        start = composite(pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText), grounds[0])
    else:
        light, dark = _VARIANTS[tone]
        start = QColor(dark if is_dark(grounds[0]) else light)
    return readable(start, grounds)


def bar_palette(palette: QPalette) -> QPalette:
    """``palette`` with the progress bar's fill (Highlight) adjusted so that its text (HighlightedText) reaches
    :data:`MIN_CONTRAST` on it; the unfilled part's text (Text on Base) too. Worked out once per palette: the queue
    asks for it for every bar it paints."""
    key = palette.cacheKey()
    pal = _bar_cache.get(key)
    if pal is None:
        if len(_bar_cache) > 64:
            _bar_cache.clear()
        pal = _bar_cache[key] = _bar_palette(palette)
    return QPalette(pal)


_bar_cache: dict[int, QPalette] = {}


def _bar_palette(palette: QPalette) -> QPalette:
    pal = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        fill = pal.color(group, QPalette.ColorRole.Highlight)
        text = pal.color(group, QPalette.ColorRole.HighlightedText)
        # Styles draw the fill as a gradient around Highlight (Fusion: up to ~20% lighter): what is readable on
        # Highlight itself may not be on the lightest or darkest band of it.
        wanted = MIN_CONTRAST
        adjusted = readable(fill, [text], wanted)
        while min(contrast_ratio(text, adjusted.lighter(125)), contrast_ratio(text, adjusted.darker(125))) \
                < MIN_CONTRAST and wanted < 21:
            wanted += 0.25
            adjusted = readable(fill, [text], wanted)
        pal.setColor(group, QPalette.ColorRole.Highlight, adjusted)
        base = pal.color(group, QPalette.ColorRole.Base)
        pal.setColor(group, QPalette.ColorRole.Text, readable(pal.color(group, QPalette.ColorRole.Text), [base]))
    return pal


def set_tone(widget: QWidget, tone: Tone | None) -> None:
    """Show ``widget``'s text in ``tone``'s colour (``None``: the palette's own), now and after theme changes."""
    value = tone.value if tone is not None else ""
    if widget.property("tone") == value and not widget.styleSheet():
        return
    widget.setStyleSheet("")  # a widget style sheet would hide the application's rule
    widget.setProperty("tone", value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def paint_error(widget: QWidget) -> None:
    """Show ``widget``'s text in the error colour."""
    set_tone(widget, Tone.ERROR)


def tone_rules(palette: QPalette | None = None) -> str:
    """The application style sheet's rules for :func:`set_tone`, in ``palette``'s colours."""
    rules = []
    for tone in Tone:
        color = "" if tone in _PLAIN else f" color: {tone_color(tone, palette).name()};"
        weight = " font-weight: 600;" if tone in _BOLD or tone in _PLAIN else ""
        rules.append(f'*[tone="{tone.value}"] {{{color}{weight} }}')
    return "\n".join(rules) + "\n"


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


# -- themes ------------------------------------------------------------------------------------------------------------
#: Role colours of the built-in themes (Active and Inactive; Disabled derives from them).
_THEME_COLORS: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        QPalette.ColorRole.Window: "#efefef", QPalette.ColorRole.WindowText: "#1a1a1a",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f5f5f5",
        QPalette.ColorRole.Text: "#1a1a1a", QPalette.ColorRole.Button: "#efefef",
        QPalette.ColorRole.ButtonText: "#1a1a1a", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#1f6fb2", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0b57d0", QPalette.ColorRole.LinkVisited: "#6a1b9a",
        QPalette.ColorRole.ToolTipBase: "#ffffdc", QPalette.ColorRole.ToolTipText: "#1a1a1a",
        QPalette.ColorRole.PlaceholderText: "#6b6b6b",
        QPalette.ColorRole.Light: "#ffffff", QPalette.ColorRole.Midlight: "#e3e3e3",
        QPalette.ColorRole.Mid: "#b8b8b8", QPalette.ColorRole.Dark: "#9f9f9f", QPalette.ColorRole.Shadow: "#767676",
    },
    "dark": {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181b", QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2d2e32",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2f63b0", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.ToolTipBase: "#2d2e32", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Light: "#4a4b50", QPalette.ColorRole.Midlight: "#3a3b40",
        QPalette.ColorRole.Mid: "#5f6368", QPalette.ColorRole.Dark: "#141517", QPalette.ColorRole.Shadow: "#000000",
    },
    # Black, white and yellow, as the platforms' high-contrast themes: every edge drawn in a visible colour.
    "high-contrast": {
        QPalette.ColorRole.Window: "#000000", QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000", QPalette.ColorRole.AlternateBase: "#141414",
        QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff", QPalette.ColorRole.BrightText: "#ffff00",
        QPalette.ColorRole.Highlight: "#ffff00", QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.Link: "#ffff00", QPalette.ColorRole.LinkVisited: "#ffb3ff",
        QPalette.ColorRole.ToolTipBase: "#000000", QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#c8c8c8",
        QPalette.ColorRole.Light: "#ffffff", QPalette.ColorRole.Midlight: "#ffffff",
        QPalette.ColorRole.Mid: "#ffffff", QPalette.ColorRole.Dark: "#ffffff", QPalette.ColorRole.Shadow: "#ffffff",
    },
}
#: High contrast: Fusion draws field and button outlines from the window colour, invisible on black.
_HIGH_CONTRAST_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView { border: 1px solid palette(window-text); }
QPushButton { border: 1px solid palette(window-text); border-radius: 3px; padding: 3px 6px; }
QPushButton:focus, QLineEdit:focus, QAbstractItemView:focus { border: 2px solid palette(highlight); }
QPushButton:disabled { border-color: palette(mid); color: #a0a0a0; }
"""
#: Dark themes: Fusion outlines a check box in a shade of the window colour, all but invisible on a dark one.
_CHECK_BOX_STYLE = """
QCheckBox::indicator { width: 0.9em; height: 0.9em; border: 1px solid EDGE; background: palette(base); }
QCheckBox::indicator:checked { background: palette(highlight); border: 2px solid EDGE; }
QCheckBox::indicator:disabled { border-color: palette(mid); }
"""


def theme_palette(theme: str) -> QPalette | None:
    """The palette of a built-in theme (``None`` for ``system`` or an unknown name)."""
    colors = _THEME_COLORS.get(theme)
    if colors is None:
        return None
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    text, window = QColor(colors[QPalette.ColorRole.Text]), QColor(colors[QPalette.ColorRole.Window])
    muted = readable(_mix(text, window, 0.5), [window, QColor(colors[QPalette.ColorRole.Base])], 3.0)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(colors[
        QPalette.ColorRole.Mid]))
    return palette


def chosen_theme(setting: str) -> str:
    """The theme in force: :data:`THEME_ENV` if set to a known theme, else ``setting``, else ``system``."""
    forced = os.environ.get(THEME_ENV, "").strip().lower()
    if forced in THEMES:
        return forced
    return setting if setting in THEMES else "system"


def apply_theme(app: QApplication, setting: str = "system") -> str:
    """Install the theme's palette (the system's for ``system``) and the style sheet in its colours; returns the
    theme applied. Every window follows at once (Qt sends PaletteChange; the style sheet re-polishes)."""
    theme = chosen_theme(setting)
    # An empty palette resolves to the platform's, which keeps following the system (Qt 6 resolves the
    # application palette against the platform theme's).
    install_palette(app, theme_palette(theme) or QPalette(), extra=_EXTRA_STYLE.get(theme, ""))
    return theme


_EXTRA_STYLE = {
    "dark": _CHECK_BOX_STYLE.replace("EDGE", "palette(placeholder-text)"),
    "high-contrast": _HIGH_CONTRAST_STYLE + _CHECK_BOX_STYLE.replace("EDGE", "palette(window-text)"),
}


def install_palette(app: QApplication, palette: QPalette, *, extra: str = "") -> None:
    """``palette`` on ``app`` and the style sheet (plus ``extra`` rules) with the tone colours chosen for it."""
    app.setPalette(palette)
    app.setStyleSheet(STYLE + extra + tone_rules(app.palette()))


def apply_style(app: QApplication, theme: str = "system") -> str:
    """The style sheet and the theme (kept under this name for the tools that call it)."""
    return apply_theme(app, theme)


class DotIconEngine(QIconEngine):
    """A filled circle in ``tone``'s colour, painted for the size and scale asked: a vector icon, no pixmap."""

    def __init__(self, tone: Tone) -> None:
        super().__init__()
        self.tone = tone

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height()) * 2 / 3  # a third of the cell left as air, as before (8 in 12)
        dot = QRectF(0, 0, side, side)
        dot.moveCenter(QRectF(rect).center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tone_color(self.tone))
        painter.drawEllipse(dot)
        painter.restore()

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def clone(self) -> QIconEngine:
        return DotIconEngine(self.tone)


# -- window sizes --------------------------------------------------------------------------------------------------
#: Room the window manager's frame and a panel take around a window, in device-independent pixels.
_FRAME = QSize(16, 48)


def fit_to_screen(widget: QWidget, default: QSize, minimum: QSize) -> None:
    """Size ``widget`` to ``default`` and set ``minimum``, both shrunk to the screen it opens on (at 200% a
    1920x1080 screen is 960x540 device-independent pixels: the default and even the minimum would not fit)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - _FRAME if screen is not None else default
    size = default.boundedTo(room)
    widget.setMinimumSize(minimum.boundedTo(size))
    widget.resize(size)
