"""An embedded preview player: QMediaPlayer + QAudioOutput + a QVideoSink painted by our own widget.

Why not QVideoWidget: it renders into a native child window, so ``grab()`` (screenshots) and offscreen tests see
nothing. Frames from the sink are painted with QPainter instead, and the sink is exposed so tests can wait for
``videoFrameChanged``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.playback import UrlProbe, probe_url
from vodgui.ui import a11y
from vodgui.ui.ffmpeg_log import quiet_ffmpeg
from vodgui.ui.format import human_duration
from vodgui.ui.ops import run_op
from vodgui.ui.style import Tone, set_tone

log = logging.getLogger(__name__)


class FrameView(QWidget):
    """Paints the latest video frame, letter-boxed on black; a hint when nothing is loaded.

    Signals:
        frame_painted(): a frame was drawn (useful to know a screenshot shows video).
    """

    frame_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: QVideoFrame | None = None
        self._image: QImage | None = None
        self.hint = ""
        self.setMinimumSize(QSize(208, 117))  # 16:9; small enough for the Playback page at 960x600
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_frame(self, frame: QVideoFrame) -> None:
        # Converting costs a copy: keep the (implicitly shared) frame and convert only when painting.
        self._frame = frame if frame.isValid() else None
        self._image = None
        self.update()

    def clear(self) -> None:
        self._frame = None
        self._image = None
        self.update()

    def current_image(self) -> QImage | None:
        if self._image is None and self._frame is not None:
            image = self._frame.toImage()
            self._image = None if image.isNull() else image
        return self._image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111315"))
        image = self.current_image()
        if image is None:
            painter.setPen(QColor("#9aa0a6"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
            painter.end()
            return
        size = image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(x, y, size.width(), size.height()), image)
        painter.end()
        self.frame_painted.emit()


class SeekSlider(QSlider):
    """A position slider where a click lands where clicked (QSlider alone only steps a page towards it).

    Signals:
        seek_requested(int): the user clicked or dragged to this value.
    """

    seek_requested = Signal(int)

    def value_at(self, x: float) -> int:
        """The slider value under the horizontal widget coordinate ``x``."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = max(1, groove.width() - handle.width())
        offset = int(x) - groove.x() - handle.width() // 2
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), max(0, min(offset, span)), span)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            value = self.value_at(event.position().x())
            self.setValue(value)
            self.seek_requested.emit(value)
        super().mousePressEvent(event)


class PlayerWidget(QWidget):
    """Preview of one playback URL with play/pause, seeking, volume, mute, a definition switcher, position and
    duration, and errors.

    Signals:
        duration_changed(int): the media's duration became known (milliseconds).
        error_shown(str): playback failed; the text shown in the widget.
        definition_changed(int): the user picked another rendition in the switcher (its index).
    """

    duration_changed = Signal(int)
    error_shown = Signal(str)
    definition_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        quiet_ffmpeg()  # keep FFmpeg from printing the signed stream URL on stderr
        self.audio = QAudioOutput(self)
        self.audio.setVolume(0.5)
        self.player.setAudioOutput(self.audio)
        self.video_sink = QVideoSink(self)
        self.player.setVideoSink(self.video_sink)
        self.frames_seen = 0

        self.view = FrameView(self)
        self.view.hint = self.tr("Select a stream and press Preview.")
        self.view.setToolTip(self.tr("Preview of the selected stream, fetched from its playback URL"))
        self.title_label = QLabel(self)
        self.title_label.setObjectName("previewTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)  # wraps rather than widening the page at the minimum window size
        self.play_button = QToolButton(self)
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play or pause"))
        a11y.name(self.play_button, self.tr("Play"))
        self.play_button.setEnabled(False)
        self.position = SeekSlider(Qt.Orientation.Horizontal, self)
        self.position.setObjectName("seekSlider")
        self.position.setToolTip(self.tr("Click or drag to seek"))
        a11y.name(self.position, self.tr("Position"), self.tr("Playback position in milliseconds; arrow keys seek"))
        self.position.setMinimumWidth(80)
        self.position.setEnabled(False)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setMinimumWidth(90)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mute_button = QToolButton(self)
        self.mute_button.setObjectName("muteButton")
        self.mute_button.setCheckable(True)
        self.mute_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.mute_button.setToolTip(self.tr("Mute"))
        a11y.name(self.mute_button, self.tr("Mute"))
        self.definition_combo = QComboBox(self)
        self.definition_combo.setObjectName("definitionCombo")
        self.definition_combo.setToolTip(self.tr("Definition and format: switch renditions at the same position"))
        a11y.name(self.definition_combo, self.tr("Definition"))
        # Wide enough for "OD · mp4 · 640x360" at ease, not for every label at the minimum window size.
        self.definition_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.definition_combo.setMinimumContentsLength(12)
        self.definition_combo.hide()
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(50)
        self.volume.setFixedWidth(80)
        self.volume.setToolTip(self.tr("Volume"))
        a11y.name(self.volume, self.tr("Volume"))
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("previewError")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        # The seek bar has a row of its own, the full width of the preview: beside the buttons, the time and the
        # volume it was a few dozen pixels at the default window size.
        controls = QVBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(2)
        controls.addWidget(self.position)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.time_label)
        buttons.addStretch(1)
        buttons.addWidget(self.mute_button)
        buttons.addWidget(self.volume)
        controls.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.definition_combo)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.error_label)
        self.setTabOrder(self.play_button, self.position)
        self.setTabOrder(self.position, self.definition_combo)
        self.setTabOrder(self.definition_combo, self.mute_button)
        self.setTabOrder(self.mute_button, self.volume)

        self.play_button.clicked.connect(self._on_play_clicked)
        self.position.sliderMoved.connect(self._on_slider_moved)
        self.position.seek_requested.connect(self._on_slider_moved)
        self.mute_button.toggled.connect(self._on_mute_toggled)
        self.definition_combo.activated.connect(self._on_definition_activated)
        self.volume.valueChanged.connect(self._on_volume_changed)
        self.player.durationChanged.connect(self._on_duration_changed)
        self.player.positionChanged.connect(self._on_position_changed)
        self.player.playbackStateChanged.connect(self._on_state_changed)
        self.player.mediaStatusChanged.connect(self._on_media_status)
        self.player.errorOccurred.connect(self._on_error)
        self.video_sink.videoFrameChanged.connect(self._on_frame)

    # -- API -------------------------------------------------------------------------------------------------
    @property
    def duration_ms(self) -> int:
        return int(self.player.duration())

    def open(self, url: str, title: str = "", *, autoplay: bool = True) -> None:
        """Load ``url`` (and start playing unless ``autoplay`` is False)."""
        self.player.stop()
        self.frames_seen = 0
        self.view.clear()
        self._show_error("")
        self.title_label.setText(title)
        self.position.setValue(0)
        self.time_label.setText("0:00 / 0:00")
        self.player.setSource(QUrl(url))
        self.play_button.setEnabled(True)
        self.position.setEnabled(True)
        if autoplay:
            self.player.play()

    def set_definitions(self, labels: list[str], current: int) -> None:
        """The renditions the switcher offers (e.g. "HD · m3u8 · 1280x720"); hidden when fewer than two."""
        self.definition_combo.blockSignals(True)
        self.definition_combo.clear()
        self.definition_combo.addItems(labels)
        self.definition_combo.setCurrentIndex(current)
        self.definition_combo.blockSignals(False)
        self.definition_combo.setVisible(len(labels) > 1)

    def switch(self, url: str, title: str = "") -> None:
        """Open another rendition of the same video at the current position, keeping play/pause."""
        position = self.player.position()
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.open(url, title, autoplay=playing)
        if position > 0:
            self.player.setPosition(position)

    def stop(self) -> None:
        """Stop and forget the source (the URL is a credential until it expires)."""
        self.player.stop()
        self.player.setSource(QUrl())
        self.view.clear()
        self.play_button.setEnabled(False)
        self.position.setEnabled(False)
        self.title_label.setText("")
        self.status.setText("")

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_play_clicked(self) -> None:
        self.toggle()

    def _on_slider_moved(self, value: int) -> None:
        self.player.setPosition(value)

    def _on_volume_changed(self, value: int) -> None:
        self.audio.setVolume(value / 100)

    def _on_mute_toggled(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self.mute_button.setIcon(self.style().standardIcon(icon))
        self.mute_button.setToolTip(self.tr("Unmute") if muted else self.tr("Mute"))

    def _on_definition_activated(self, index: int) -> None:
        self.definition_changed.emit(index)

    def _on_duration_changed(self, duration: int) -> None:
        self.position.setRange(0, max(0, duration))
        self._update_time(self.player.position())
        if duration > 0:
            self.duration_changed.emit(duration)

    def _on_position_changed(self, position: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(position)
        self._update_time(position)

    def _update_time(self, position: int) -> None:
        self.time_label.setText(f"{human_duration(position / 1000)} / {human_duration(self.duration_ms / 1000)}")

    def _on_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if state == QMediaPlayer.PlaybackState.PlayingState \
            else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        # The name says what pressing it does now (a screen reader hears the change: NameChanged).
        a11y.name(self.play_button, self.tr("Pause") if state == QMediaPlayer.PlaybackState.PlayingState
                  else self.tr("Play"))

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        texts = {
            QMediaPlayer.MediaStatus.LoadingMedia: self.tr("Loading…"),
            QMediaPlayer.MediaStatus.StalledMedia: self.tr("Waiting for data…"),
            QMediaPlayer.MediaStatus.BufferingMedia: self.tr("Buffering…"),
            QMediaPlayer.MediaStatus.EndOfMedia: self.tr("End of the stream."),
            QMediaPlayer.MediaStatus.InvalidMedia: self.tr("This stream cannot be played."),
        }
        self.status.setText(texts.get(status, ""))

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        message = self.tr("Cannot play this stream: {0}").format(text or error.name)
        log.warning("preview failed: %s", text)
        self._show_error(message)
        url = self.player.source().toString()
        if not url.startswith(("http://", "https://")):
            self.error_shown.emit(message)
            return
        # The backend only says "could not open"; ask the server what it says about the URL (off-thread).
        run_op(self, lambda: probe_url(url), lambda probe: self._on_probed(message, probe),
               lambda exc: self.error_shown.emit(message))

    def _on_probed(self, message: str, probe: UrlProbe) -> None:
        if probe.status is None:
            message += " " + self.tr("The server could not be reached: {0}").format(probe.reason)
        elif probe.status >= 400:
            message += " " + self.tr("The server answered HTTP {0} {1}.").format(probe.status, probe.reason)
            if probe.status == 403:
                message += " " + self.tr("The URL's auth_key has probably expired (or the URL was altered): get "
                                         "the play info again.")
        self._show_error(message)
        self.error_shown.emit(message)

    def _on_frame(self, frame: QVideoFrame) -> None:
        self.frames_seen += 1
        self.view.set_frame(frame)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
