"""The Playback page: get a PlayAuth for a video, see inside it, check it as the player would, explore GetPlayInfo,
preview a stream, and batch-check many videos.

Every call runs off the GUI thread (:func:`vodgui.ui.ops.run_op`); a newer request of the same kind makes the
answer of an older one stale, and stale answers are dropped. A video that is not playable yet (Uploading,
Transcoding) shows its status and can be watched until it is Normal, then the page carries on by itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.errors import VodError
from vodgui.core.playback import (
    AUTH_INFO_TIMEOUT_MAX,
    AUTH_INFO_TIMEOUT_MIN,
    DEFAULT_AUTH_INFO_TIMEOUT,
    FINAL_BAD_STATUSES,
    PlayAuthResult,
    PlayCheck,
    PlayInfo,
    Stream,
    check_with_target,
    get_play_auth,
    query_play_info,
    require_vod,
    split_video_ids,
    status_from_message,
)
from vodgui.core.playback_batch import player_target
from vodgui.core.playback_lab import check_vidsts, mts_hls_token, with_hls_token
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe_exception, details
from vodgui.ui.format import clock_time
from vodgui.ui.keyboard import tab_chain
from vodgui.ui.ops import run_op
from vodgui.ui.playauth_panels import CheckPanel, PlayAuthPanel, VideoMetaPanel
from vodgui.ui.playback_batch import BatchPanel, TargetFactory
from vodgui.ui.playback_lab_tabs import JwtPanel, MatrixPanel, UrlSignPanel
from vodgui.ui.player_widget import PlayerWidget
from vodgui.ui.playinfo_panel import PlayInfoPanel
from vodgui.ui.style import Tone, set_tone
from vodgui.ui.texts import join_sentences, media_status_text

log = logging.getLogger(__name__)

#: History rows looked at, and videos put in an empty list, when the page opens.
RECENT_SCAN = 500
RECENT_VIDEOS = 20
#: History kinds the page can play (images and attached media are not videos).
PLAYABLE_HISTORY_KINDS = frozenset({"video", "m3u8", "url"})


class PlaybackPage(QWidget):
    """The playback-authorization tester.

    Signals:
        play_auth_received(object): a :class:`PlayAuthResult` is shown.
        play_auth_failed(object): GetVideoPlayAuth failed (the exception).
        check_finished(object): a :class:`PlayCheck` verdict is shown.
        play_info_received(object): a :class:`PlayInfo` is shown.
        status_polled(str): "Watch until Normal" read this status.
        recent_loaded(int): the empty video list was filled with this many recent uploads from History.
    """

    play_auth_received = Signal(object)
    play_auth_failed = Signal(object)
    check_finished = Signal(object)
    sts_check_finished = Signal(object)
    play_info_received = Signal(object)
    status_polled = Signal(str)
    recent_loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._titles: dict[str, str] = {}  # VideoId -> title, for the videos History gave the list
        self.results: dict[str, PlayAuthResult] = {}
        self._seq: dict[str, int] = {}
        self._polling = False
        self._banner_kind = ""
        self._streams_from_check = False
        #: The renditions the preview's definition switcher offers (video streams of the last stream list).
        self._preview_streams: list[Stream] = []
        #: Why the current profile cannot test playback ("" when it can); see _on_profile_changed.
        self._problem = ""
        #: How often "Watch until Normal" asks GetVideoInfo (tests shorten it).
        self.watch_interval_ms = 3000

        self._build()
        self._restore_inputs()
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(400)
        self.save_timer.timeout.connect(self._on_save_inputs)
        for spin in (self.timeout_spin, self.jwt_panel.ttl_spin, self.urlsign_panel.ttl_spin):
            spin.valueChanged.connect(self.save_timer.start)
        self.urlsign_panel.type_combo.currentIndexChanged.connect(self.save_timer.start)
        self.jwt_panel.formats_edit.textChanged.connect(self.save_timer.start)
        self.watch_timer = QTimer(self)
        self.watch_timer.timeout.connect(self._on_watch_tick)
        ctx.hub.profile_selected.connect(self._on_profile_changed)
        ctx.hub.profiles_changed.connect(self._on_profile_changed)
        self._on_ids_changed()
        self._on_profile_changed()

    # -- construction ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.ids_edit = QPlainTextEdit(self)
        self.ids_edit.setObjectName("videoIds")
        self.ids_edit.setTabChangesFocus(True)
        self.ids_edit.setPlaceholderText(self.tr("Paste one or more VideoIds, separated any way you like"))
        self.ids_edit.setToolTip(self.tr("VideoIds: paste from the console, a spreadsheet or a log; commas, spaces "
                                         "and new lines all separate. History and the queue can send them here."))
        self.ids_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.count_label = QLabel(self)
        set_tone(self.count_label, Tone.HINT)
        self.video_combo = QComboBox(self)
        self.video_combo.setObjectName("videoCombo")
        self.video_combo.setMinimumContentsLength(34)
        self.video_combo.setToolTip(self.tr("The video the PlayAuth, check, play info and preview are for"))
        self.timeout_spin = QSpinBox(self)
        self.timeout_spin.setRange(AUTH_INFO_TIMEOUT_MIN, AUTH_INFO_TIMEOUT_MAX)
        self.timeout_spin.setValue(DEFAULT_AUTH_INFO_TIMEOUT)
        self.timeout_spin.setSingleStep(100)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.timeout_spin.setToolTip(self.tr("AuthInfoTimeout: how long the PlayAuth stays valid, 100–3000 "
                                             "seconds"))
        self.get_button = QPushButton(self.tr("Get PlayAuth"), self)
        self.get_button.setDefault(True)
        self.get_button.setToolTip(self.tr("Call GetVideoPlayAuth for the chosen video with the current profile"))
        self.check_button = QPushButton(self.tr("Check as the player would"), self)
        self.check_button.setToolTip(self.tr("Call GetPlayInfo the way the player SDK does: with the PlayAuth's "
                                             "own credentials and AuthInfo (gets a PlayAuth first if needed)"))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Video:"), self.video_combo)
        form.addRow(self.tr("AuthInfoTimeout:"), self.timeout_spin)
        ids_box = QVBoxLayout()
        ids_label = QLabel(self.tr("VideoIds:"), self)
        ids_label.setBuddy(self.ids_edit)
        head = QHBoxLayout()
        head.addWidget(ids_label)
        head.addStretch(1)
        head.addWidget(self.count_label)
        ids_box.addLayout(head)
        ids_box.addWidget(self.ids_edit)
        buttons = QVBoxLayout()
        buttons.addWidget(self.get_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(ids_box, 3)
        top.addSpacing(8)
        top.addLayout(form, 2)
        top.addSpacing(8)
        top.addLayout(buttons)

        self.banner = QFrame(self)
        self.banner.setObjectName("playbackBanner")
        self.banner.setStyleSheet("#playbackBanner { background: palette(alternate-base); border: 1px solid "
                                  "palette(mid); border-radius: 4px; }")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.watch_box = QCheckBox(self.tr("Watch until Normal"), self.banner)
        self.watch_box.setToolTip(self.tr("Ask GetVideoInfo every few seconds; as soon as the video is Normal, get "
                                          "the PlayAuth and check it"))
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 6, 8, 6)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.watch_box)
        self.banner.hide()

        self.playauth_panel = PlayAuthPanel(self)
        self.meta_panel = VideoMetaPanel(self)
        self.check_panel = CheckPanel(self)
        self.sts_panel = CheckPanel(self, self.tr("VidSts check"))
        self.sts_panel.setObjectName("stsPanel")
        self.sts_panel.setToolTip(self.tr("The player's other way in: an STS token + VideoId, GetPlayInfo signed "
                                          "with the token"))
        self.check_panel.setTitle(self.tr("VidAuth check (PlayAuth)"))
        verdicts = QHBoxLayout()
        verdicts.addWidget(self.check_panel, 1)
        verdicts.addWidget(self.sts_panel, 1)
        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.meta_panel)
        right_box.addLayout(verdicts, 1)
        right.setMinimumWidth(360)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.playauth_panel)
        upper.addWidget(right)
        # Even halves: the player check's verdict needs the width more than the PlayAuth tree does.
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        upper.setChildrenCollapsible(False)

        self.playinfo_panel = PlayInfoPanel(self)
        self.player = PlayerWidget(self)
        streams = QSplitter(Qt.Orientation.Horizontal, self)
        streams.addWidget(self.playinfo_panel)
        streams.addWidget(self.player)
        streams.setStretchFactor(0, 1)
        streams.setStretchFactor(1, 1)
        streams.setChildrenCollapsible(False)
        self.batch_panel = BatchPanel(self.video_ids, self._target_factory, self.playinfo_panel.query, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(streams, self.tr("Streams and preview"))
        self.tabs.addTab(self.batch_panel, self.tr("Batch check"))
        self.jwt_panel = JwtPanel(self.current_video, self._target_factory, self)
        self.urlsign_panel = UrlSignPanel(self._sandbox_fact("cdn_auth_key"), self)
        self.matrix_panel = MatrixPanel(self.current_video, self._target_factory, self)
        self.tabs.addTab(self.jwt_panel, self.tr("JWTPlayAuth"))
        self.tabs.addTab(self.urlsign_panel, self.tr("URL signing"))
        self.tabs.addTab(self.matrix_panel, self.tr("GetPlayInfo matrix"))
        self.tabs.setTabToolTip(0, self.tr("GetPlayInfo with every input, the streams, and an embedded player"))
        self.tabs.setTabToolTip(1, self.tr("Every VideoId × AuthInfoTimeout: PlayAuth, player check, streams; "
                                           "export CSV or JSON"))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        # Where the panels do not fit (200% on a 1920x1080 screen leaves 960x540), the page scrolls rather than
        # crushing them until their texts overlap.
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        order = [self.ids_edit, self.video_combo, self.timeout_spin, self.get_button, self.check_button,
                 self.watch_box, self.playauth_panel.field]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        tab_chain(self.check_button, self.banner, self.playauth_panel, self.meta_panel, self.check_panel,
                  self.sts_panel, self.tabs)  # a tab widget's tabs come before what they show

        self.ids_edit.textChanged.connect(self._on_ids_changed)
        self.video_combo.currentIndexChanged.connect(self._on_video_changed)
        self.get_button.clicked.connect(self._on_get_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.watch_box.toggled.connect(self._on_watch_toggled)
        self.playinfo_panel.play_info_requested.connect(self.get_play_info)
        self.playinfo_panel.preview_requested.connect(self.preview)
        self.player.definition_changed.connect(self._on_definition_changed)

    # -- the video list from History -------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.video_ids():
            self.load_recent()

    def load_recent(self) -> None:
        """Fill an empty video list with the current profile's recent uploads from History (off the GUI thread)."""
        store, profile = self.ctx.workspace.store, self.ctx.current_profile
        run_op(self, lambda: [r for r in store.history(RECENT_SCAN) if r.profile == profile
                              and r.kind in PLAYABLE_HISTORY_KINDS][:RECENT_VIDEOS], self._on_recent_loaded)

    def _on_recent_loaded(self, records: list[Any]) -> None:
        if self.video_ids() or not records:
            return  # the user typed or pasted meanwhile: theirs wins
        self._titles.update({r.video_id: r.title for r in records})
        self.ids_edit.setPlainText("\n".join(r.video_id for r in records))
        self.recent_loaded.emit(len(records))

    # -- API -------------------------------------------------------------------------------------------------
    def show_videos(self, video_ids: list[str]) -> None:
        """Put these VideoIds on the page (from History or the queue) and choose the first."""
        ids = split_video_ids(" ".join(video_ids))
        self.ids_edit.setPlainText("\n".join(ids))
        if ids:
            self.video_combo.setCurrentIndex(0)
        self.get_button.setFocus()

    def video_ids(self) -> list[str]:
        return split_video_ids(self.ids_edit.toPlainText())

    def current_video(self) -> str:
        return str(self.video_combo.currentData() or "")

    def get_play_auth(self, then_check: bool = False) -> None:
        """GetVideoPlayAuth for the chosen video (and, if asked, check it as the player once it arrives)."""
        video_id = self.current_video()
        if not video_id or not self._usable():
            return
        timeout = self.timeout_spin.value()
        factory = self._target_factory()
        self.playauth_panel.clear()
        self.playauth_panel.countdown.setText(self.tr("Getting a PlayAuth…"))
        if then_check:
            self.check_panel.show_pending()

        def work() -> PlayAuthResult:
            vod, _ = factory()
            return get_play_auth(vod, video_id, timeout)

        self._run("auth", work, lambda r: self._on_play_auth(r, then_check),
                  lambda exc: self._on_play_auth_failed(exc, then_check))

    def check_as_player(self) -> None:
        """Check the chosen video's PlayAuth as the player would (getting one first when there is none)."""
        video_id = self.current_video()
        if not video_id or not self._usable():
            return
        result = self.results.get(video_id)
        if result is None:
            self.get_play_auth(then_check=True)
            return
        factory = self._target_factory()
        self.check_panel.show_pending()

        def work() -> PlayCheck:
            vod, target = factory()
            return check_with_target(result.play_auth, video_id, target, vod=vod)

        self._run("check", work, self._on_check_done, self._on_check_failed)
        self.check_vidsts()

    def check_vidsts(self) -> None:
        """The VidSts verdict beside the VidAuth one: GetPlayInfo signed with the profile's STS token."""
        video_id = self.current_video()
        if not video_id or not self._usable():
            return
        factory = self._target_factory()
        self.sts_panel.show_pending()

        def work() -> PlayCheck:
            vod, _ = factory()
            return check_vidsts(vod, video_id)

        self._run("sts", work, self._on_sts_done, self._on_sts_failed)

    def _on_sts_done(self, check: PlayCheck) -> None:
        self.sts_panel.show_verdict(check)
        self.sts_check_finished.emit(check)

    def _on_sts_failed(self, exc: BaseException) -> None:
        self.sts_panel.show_verdict(PlayCheck(False, getattr(exc, "code", type(exc).__name__),
                                              describe_exception(exc), via="sts"))

    def get_play_info(self) -> None:
        """GetPlayInfo with the explorer's inputs (validated here first)."""
        video_id = self.current_video()
        if not video_id or not self._usable():
            return
        query = self.playinfo_panel.query()
        try:
            query.params()
        except VodError as err:
            self.playinfo_panel.show_error(describe_exception(err))
            return
        factory = self._target_factory()
        self.playinfo_panel.source_label.setText(self.tr("Asking GetPlayInfo…"))

        def work() -> PlayInfo:
            vod, _ = factory()
            return query_play_info(vod, video_id, query)

        self._run("info", work, self._on_play_info, self._on_play_info_failed)

    def preview(self, stream: Stream) -> None:
        """Play ``stream`` in the embedded player; the switcher offers the other renditions of the list."""
        self.tabs.setCurrentIndex(0)
        streams = [s for s in self.playinfo_panel.streams if s.stream_type != "audio" or s is stream]
        if stream not in streams:
            streams = [stream]
        self._preview_streams = streams
        if stream in self.playinfo_panel.streams:  # the table shows which stream plays
            self.playinfo_panel.table.selectRow(self.playinfo_panel.streams.index(stream))
        self.player.set_definitions([self._stream_title(s) for s in streams], streams.index(stream))
        self.player.open(self.stream_url(stream), self._stream_title(stream))

    def stream_url(self, stream: Stream) -> str:
        """The URL a player opens: an HLS standard-encrypted playlist carries the MtsHlsUriToken (on the
        built-in sandbox minted by its token service; elsewhere your own token service issues it)."""
        if stream.encrypt_type != "HLSEncryption":
            return stream.url
        entered = self.playinfo_panel.hls_token.text().strip()
        if entered:
            return with_hls_token(stream.url, entered)
        secret = self._sandbox_fact("hls_token_key")()
        if not secret:
            return stream.url
        return with_hls_token(stream.url, mts_hls_token(secret, self.current_video(), 3600))

    @staticmethod
    def _stream_title(stream: Stream) -> str:
        lock = "🔒" if stream.encrypt else ""
        return " · ".join(p for p in (stream.definition, stream.format, stream.resolution, lock) if p)

    def _sandbox_fact(self, name: str) -> Callable[[], str]:
        """A fact of the built-in sandbox (its CDN key, its HLS token key) when the profile is the sandbox's."""
        def get() -> str:
            profile = self.ctx.profile()
            if self.ctx.sandbox_info is None or profile is None or not profile.sandbox:
                return ""
            return str(self.ctx.sandbox_info().get(name) or "")
        return get

    def _on_definition_changed(self, index: int) -> None:
        if 0 <= index < len(self._preview_streams):
            stream = self._preview_streams[index]
            self.player.switch(self.stream_url(stream), self._stream_title(stream))

    def preview_row(self, row: int) -> None:
        if 0 <= row < len(self.playinfo_panel.streams):
            self.preview(self.playinfo_panel.streams[row])

    # -- remembered inputs -----------------------------------------------------------------------------------
    def inputs(self) -> dict[str, Any]:
        """The page's inputs worth keeping between sessions (no secrets: keys and tokens are never saved)."""
        return {"auth_info_timeout": self.timeout_spin.value(), "jwt_ttl": self.jwt_panel.ttl_spin.value(),
                "jwt_formats": self.jwt_panel.formats_edit.text(),
                "urlsign_type": self.urlsign_panel.type_combo.currentText(),
                "urlsign_ttl": self.urlsign_panel.ttl_spin.value()}

    def _restore_inputs(self) -> None:
        saved = self.ctx.settings.playback_inputs
        if isinstance(saved.get("auth_info_timeout"), int):
            self.timeout_spin.setValue(saved["auth_info_timeout"])
        if isinstance(saved.get("jwt_ttl"), int):
            self.jwt_panel.ttl_spin.setValue(saved["jwt_ttl"])
        if isinstance(saved.get("jwt_formats"), str):
            self.jwt_panel.formats_edit.setText(saved["jwt_formats"])
        if saved.get("urlsign_type") in ("A", "B", "C"):
            self.urlsign_panel.type_combo.setCurrentText(saved["urlsign_type"])
        if isinstance(saved.get("urlsign_ttl"), int):
            self.urlsign_panel.ttl_spin.setValue(saved["urlsign_ttl"])

    def _on_save_inputs(self) -> None:
        store, values = self.ctx.settings_store, self.inputs()
        run_op(self, lambda: store.update(playback_inputs=values), lambda _: None)

    # -- plumbing --------------------------------------------------------------------------------------------
    def _target_factory(self) -> TargetFactory:
        sessions, name = self.ctx.workspace.sessions, self.ctx.current_profile
        return lambda: player_target(sessions, name)

    def _run(self, kind: str, fn: Callable[[], Any], ok: Callable[[Any], None],
             failed: Callable[[BaseException], None]) -> None:
        seq = self._seq[kind] = self._seq.get(kind, 0) + 1

        def fresh(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                if self._seq.get(kind) == seq:
                    callback(value)
            return deliver

        run_op(self, fn, fresh(ok), fresh(failed))

    def _profile_problem(self) -> str:
        """Why the current profile cannot test playback ("" when it can). Reads the profiles file: called when
        the profile or the profiles change, and kept in ``self._problem``."""
        profile = self.ctx.profile()
        if profile is None:
            return self.tr("Choose or create a profile first.")
        if not profile.has_vod:
            return self.tr("Profile {0} gets upload credentials from an AppServer and holds no VOD key, so it "
                           "cannot call GetVideoPlayAuth or GetPlayInfo. Choose an AccessKey or STS profile to "
                           "test playback.").format(profile.name)
        return ""

    def _usable(self) -> bool:
        problem = self._problem
        if problem:
            self._show_banner(problem, watch=False, kind="profile")
        return not problem

    def _show_banner(self, text: str, *, watch: bool, kind: str = "status") -> None:
        self._banner_kind = kind
        self.banner_label.setText(text)
        self.watch_box.setVisible(watch)
        self.banner.show()

    def _hide_banner(self) -> None:
        self.banner.hide()
        if self.watch_box.isChecked():
            self.watch_box.setChecked(False)

    # -- results ---------------------------------------------------------------------------------------------
    def _on_play_auth(self, result: PlayAuthResult, then_check: bool) -> None:
        self.results[result.video_id] = result
        if result.video_id != self.current_video():
            return
        self._hide_banner()
        self.playauth_panel.show_result(result)
        self.meta_panel.show_meta(result.meta)
        self.check_panel.clear()
        self.play_auth_received.emit(result)
        if then_check:
            self.check_as_player()

    def _on_play_auth_failed(self, exc: BaseException, then_check: bool = False) -> None:
        technical = details(exc.code, exc.message, exc.request_id) if isinstance(exc, VodError) else ""
        self.playauth_panel.show_error(describe_exception(exc), technical)
        self.check_panel.clear()
        if then_check:
            # The player would fail the same way: its app server cannot get a PlayAuth either.
            check = PlayCheck.failed(exc, "none") if isinstance(exc, VodError) else PlayCheck(
                False, type(exc).__name__, describe_exception(exc), via="none")
            self.check_panel.show_verdict(check)
            self.check_finished.emit(check)
            self.check_vidsts()
        if isinstance(exc, VodError) and exc.code == "Forbidden.IllegalStatus":
            status = status_from_message(exc.message) or ""
            self.meta_panel.clear()
            self.meta_panel.show_status(status)
            self._status_banner(status)
        self.play_auth_failed.emit(exc)

    def _status_banner(self, status: str, checked_at: float | None = None) -> None:
        if status in FINAL_BAD_STATUSES:
            self._show_banner(self.tr("The video's status is {0}: it will not become playable by waiting. Check "
                                      "the media processing in the VOD console.").format(media_status_text(status)),
                              watch=False)
            return
        text = self.tr("The video is {0}. It can be played once its status is Normal.").format(
            media_status_text(status) or self.tr("not ready"))
        if checked_at is not None:
            text = join_sentences(text, self.tr("Last checked at {0}.").format(clock_time(checked_at)))
        self._show_banner(text, watch=True)

    def _on_check_done(self, check: PlayCheck) -> None:
        self.check_panel.show_verdict(check)
        if check.status:
            self.meta_panel.show_status(check.status)
        if check.ok and (not self.playinfo_panel.streams or self._streams_from_check):
            self.playinfo_panel.show_streams(list(check.streams), self.tr("Streams the player got in its check"))
            self._streams_from_check = True
        self.check_finished.emit(check)

    def _on_check_failed(self, exc: BaseException) -> None:
        # check_as_player reports service errors as verdicts; only the profile itself can fail here.
        self.check_panel.show_verdict(PlayCheck(False, getattr(exc, "code", type(exc).__name__),
                                                describe_exception(exc), via="none"))

    def _on_play_info(self, info: PlayInfo) -> None:
        self.playinfo_panel.show_streams(info.streams, self.tr("{0} stream(s) from GetPlayInfo with the profile's "
                                                               "key").format(len(info.streams)))
        self._streams_from_check = False
        self.play_info_received.emit(info)

    def _on_play_info_failed(self, exc: BaseException) -> None:
        text = describe_exception(exc)
        if isinstance(exc, VodError):
            text += "\n" + details(exc.code, exc.message, exc.request_id)
        self.playinfo_panel.show_error(text)

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_ids_changed(self) -> None:
        ids = self.video_ids()
        current = self.current_video()
        self.video_combo.blockSignals(True)
        self.video_combo.clear()
        for video_id in ids:
            title = self._titles.get(video_id)
            self.video_combo.addItem(f"{video_id} · {title}" if title else video_id, video_id)
        if current in ids:
            self.video_combo.setCurrentIndex(ids.index(current))
        self.video_combo.blockSignals(False)
        self.count_label.setText(self.tr("{0} video(s)").format(len(ids)) if ids else "")
        if self.current_video() != current:
            self._on_video_changed()
        self._update_buttons()

    def _on_video_changed(self) -> None:
        video_id = self.current_video()
        self._hide_banner()
        self.check_panel.clear()
        self.sts_panel.clear()
        self.playinfo_panel.clear()
        self.player.stop()
        self.player.set_definitions([], 0)
        result = self.results.get(video_id)
        if result is not None:
            self.playauth_panel.show_result(result)
            self.meta_panel.show_meta(result.meta)
        else:
            self.playauth_panel.clear()
            self.meta_panel.clear()
        self._update_buttons()

    def _on_profile_changed(self, *args: Any) -> None:
        self._problem = problem = self._profile_problem()
        if problem:
            self._show_banner(problem, watch=False, kind="profile")
        elif self._banner_kind == "profile":
            self.banner.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self.current_video()) and not self._problem
        for button in (self.get_button, self.check_button, self.playinfo_panel.get_button):
            button.setEnabled(ready)

    def _on_get_clicked(self) -> None:
        self.get_play_auth()

    def _on_check_clicked(self) -> None:
        self.check_as_player()

    def _on_watch_toggled(self, on: bool) -> None:
        if on:
            self.watch_timer.start(self.watch_interval_ms)
            self._on_watch_tick()
        else:
            self.watch_timer.stop()

    def _on_watch_tick(self) -> None:
        video_id = self.current_video()
        if self._polling or not video_id:
            return
        self._polling = True
        factory = self._target_factory()

        def work() -> str:
            vod, _ = factory()
            return require_vod(vod).get_video_info(video_id).status

        def done(status: str) -> None:
            self._polling = False
            if not self.watch_box.isChecked() or video_id != self.current_video():
                return
            self.meta_panel.show_status(status)
            self.status_polled.emit(status)
            if status == "Normal":
                self._hide_banner()
                self.get_play_auth(then_check=True)
            elif status in FINAL_BAD_STATUSES:
                self.watch_box.setChecked(False)
                self._status_banner(status)
            else:
                self._status_banner(status, time.time())

        def failed(exc: BaseException) -> None:
            self._polling = False
            self.watch_box.setChecked(False)
            self._show_banner(self.tr("Cannot watch the status: {0}").format(describe_exception(exc)), watch=False)

        run_op(self, work, done, failed)
