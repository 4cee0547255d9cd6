"""Measure rendered text contrast (WCAG 2) from pixels: shared by tests/unit/ui/test_contrast.py and
tools/contrast_report.py.

Text is rendered without antialiasing, so a glyph's pixels have exactly the colour it was painted in; each row of a
measured rectangle has one background colour (the most common one in the row: a flat surface or a vertical
gradient, as Fusion's progress bar), and every other pixel of the row is text drawn on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.transfer.record import Kind, VideoDetails
from vodgui.ui import style
from vodgui.ui.history_model import DOT_TONES, status_icon
from vodgui.ui.log_page import LevelHighlighter
from vodgui.ui.queue_model import Column, QueueModel
from vodgui.ui.queue_view import QueueView

#: Palettes as a system may hand them over (the built-in themes are measured through Settings' own names).
SYSTEM_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    # KDE's Breeze Dark.
    "breeze-dark": {QPalette.ColorRole.Window: "#202326", QPalette.ColorRole.WindowText: "#fcfcfc",
                    QPalette.ColorRole.Base: "#141618", QPalette.ColorRole.AlternateBase: "#1d1f22",
                    QPalette.ColorRole.Text: "#fcfcfc", QPalette.ColorRole.Button: "#292c30",
                    QPalette.ColorRole.ButtonText: "#fcfcfc", QPalette.ColorRole.Highlight: "#3daee9",
                    QPalette.ColorRole.HighlightedText: "#fcfcfc", QPalette.ColorRole.PlaceholderText: "#a1a9b1"},
    # Windows' "High Contrast White" (Desert-like).
    "hc-white": {QPalette.ColorRole.Window: "#ffffff", QPalette.ColorRole.WindowText: "#000000",
                 QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#ffffff",
                 QPalette.ColorRole.Text: "#000000", QPalette.ColorRole.Button: "#ffffff",
                 QPalette.ColorRole.ButtonText: "#000000", QPalette.ColorRole.Highlight: "#37006e",
                 QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#600000"},
}
#: Every palette measured: the app's themes, Qt's own default (what "system" is offscreen) and two system ones.
PALETTES = ("system", "light", "dark", "high-contrast", *SYSTEM_PALETTES)


@dataclass(frozen=True)
class Measure:
    what: str
    surface: str
    ratio: float
    pixels: int
    color: str
    background: str


def _rgb(image: QImage, x: int, y: int) -> int:
    return image.pixel(x, y) & 0xFFFFFF


def text_contrast(image: QImage, rect: QRect) -> tuple[float, int, str, str]:
    """(lowest ratio, text pixels measured, text colour and background at the lowest) inside ``rect``."""
    worst, count, worst_fg, worst_bg = 99.0, 0, "", ""
    rect = rect.intersected(image.rect())
    for y in range(rect.top(), rect.bottom() + 1):
        row = [_rgb(image, x, y) for x in range(rect.left(), rect.right() + 1)]
        background, _ = Counter(row).most_common(1)[0]
        bg = QColor(background)
        for pixel in set(row) - {background}:
            ratio = style.contrast_ratio(QColor(pixel), bg)
            count += row.count(pixel)
            if ratio < worst:
                worst, worst_fg, worst_bg = ratio, QColor(pixel).name(), bg.name()
    return worst, count, worst_fg, worst_bg


@contextmanager
def palette_installed(app: QApplication, name: str) -> Iterator[QPalette]:
    """``name``'s palette and style sheet on ``app`` as the app installs them; the previous ones afterwards."""
    before_palette, before_sheet = QPalette(app.palette()), app.styleSheet()
    try:
        if name in SYSTEM_PALETTES:
            palette = QPalette(app.style().standardPalette())
            for role, value in SYSTEM_PALETTES[name].items():
                palette.setColor(role, QColor(value))
            style.install_palette(app, palette)
        else:
            style.apply_theme(app, name)
        app.processEvents()
        yield app.palette()
    finally:
        app.setPalette(before_palette)
        app.setStyleSheet(before_sheet)


def _mono(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    font.setPointSize(max(font.pointSize(), 11))
    widget.setFont(font)


_SURFACE_NAMES = {QPalette.ColorRole.Window: "window", QPalette.ColorRole.Base: "base",
                  QPalette.ColorRole.AlternateBase: "alternate-base"}


def measure_tones() -> list[Measure]:
    """Each tone as a label (set_tone) on a window, a base and an alternate-base surface."""
    out = []
    for role, surface in _SURFACE_NAMES.items():
        host = QWidget()
        host.setAutoFillBackground(True)
        host.setBackgroundRole(role)
        box = QVBoxLayout(host)
        labels = {}
        for tone in style.Tone:
            label = QLabel(f"{tone.value}: Failed 失败 0123456789 ✗", host)
            _mono(label)
            style.set_tone(label, tone)
            box.addWidget(label)
            labels[tone] = label
        host.resize(QSize(420, host.sizeHint().height()))
        host.show()
        QApplication.processEvents()
        image = host.grab().toImage()
        scale = image.devicePixelRatio()
        for tone, label in labels.items():
            g = label.geometry()
            rect = QRect(int(g.x() * scale), int(g.y() * scale), int(g.width() * scale), int(g.height() * scale))
            ratio, count, fg, bg = text_contrast(image, rect)
            out.append(Measure(f"label {tone.value}", surface, ratio, count, fg, bg))
        host.close()
        host.deleteLater()
    return out


def _snap(job_id: int, state: JobState, done: int) -> JobSnapshot:
    return JobSnapshot(job_id, Kind.VIDEO, f"/videos/clip {job_id}.mp4", 1000, "Sandbox", state, f"clip {job_id}",
                       VideoDetails(), done)


def measure_queue() -> list[Measure]:
    """The queue view: a failed row's State text on a plain and an alternate row; the progress bar's text on
    its unfilled (10%) and its filled part (90%)."""
    model = QueueModel()
    view = QueueView()
    _mono(view)
    view.setModel(model)
    model.add([_snap(1, JobState.FAILED, 0), _snap(2, JobState.FAILED, 0), _snap(3, JobState.UPLOADING, 100),
               _snap(4, JobState.UPLOADING, 900)])
    view.resize(900, 240)
    view.setColumnWidth(Column.PROGRESS, 220)
    view.show()
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    scale = image.devicePixelRatio()

    def cell(row: int, column: int, inset: float = 0.0) -> QRect:
        r = view.visualRect(model.index(row, column))
        dx = int(r.width() * inset)
        return QRect(int((r.x() + dx) * scale), int((r.y() + 4) * scale), int((r.width() - 2 * dx) * scale),
                     int((r.height() - 8) * scale))

    out = []
    for row, surface in ((0, "base"), (1, "alternate-base")):
        out.append(Measure("queue state Failed", surface, *text_contrast(image, cell(row, Column.STATE))))
    # The percentage is centred: the middle third of the bar holds it, all on one part of the bar.
    out.append(Measure("progress text 10%", "bar unfilled", *text_contrast(image, cell(2, Column.PROGRESS, 0.35))))
    out.append(Measure("progress text 90%", "bar filled", *text_contrast(image, cell(3, Column.PROGRESS, 0.35))))
    view.close()
    view.deleteLater()
    return out


def measure_dots(palette: QPalette) -> list[Measure]:
    """The History page's status dots: the dot's colour against the row backgrounds."""
    out = []
    for category, tone in DOT_TONES.items():
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            image = QImage(24, 24, QImage.Format.Format_RGB32)
            bg = palette.color(role)
            image.fill(bg)
            painter = QPainter(image)
            status_icon(category).paint(painter, QRect(0, 0, 24, 24))
            painter.end()
            dot = image.pixelColor(12, 12)
            out.append(Measure(f"history dot {category} ({tone.value})", _SURFACE_NAMES[role],
                               style.contrast_ratio(dot, bg), 1, dot.name(), bg.name()))
    return out


def measure_log() -> list[Measure]:
    """The Log page's level colours on the log's background."""
    editor = QPlainTextEdit()
    _mono(editor)
    levels = ("DEBUG", "WARNING", "ERROR", "CRITICAL")
    editor.setPlainText("\n".join(f"12:00:00.000 {lvl:<8} vodgui.core.vod: something 失败" for lvl in levels))
    editor.highlighter = LevelHighlighter(editor.document())  # type: ignore[attr-defined]
    editor.resize(700, 200)
    editor.show()
    QApplication.processEvents()
    image = editor.viewport().grab().toImage()
    scale = image.devicePixelRatio()
    out = []
    block = editor.document().firstBlock()
    for level in levels:
        g = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).toRect()
        rect = QRect(int(g.x() * scale), int(g.y() * scale), int(g.width() * scale), int(g.height() * scale))
        out.append(Measure(f"log {level}", "base", *text_contrast(image, rect)))
        block = block.next()
    editor.close()
    editor.deleteLater()
    return out


def measure_all(app: QApplication, name: str) -> list[Measure]:
    with palette_installed(app, name) as palette:
        return measure_tones() + measure_queue() + measure_dots(palette) + measure_log()
