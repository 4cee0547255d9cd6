"""The playback lab's tabs on the Playback page: JWTPlayAuth, URL signing, and the GetPlayInfo matrix.

Service calls run off the GUI thread (:func:`vodgui.ui.ops.run_op`); URL signing is pure computation. Codes from
the core (vodgui.core.urlsign, vodgui.core.jwt_playauth, vodgui.core.playback_lab) are rendered here through
``tr()``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.core import jwt_playauth, urlsign
from vodgui.core import playback_lab as lab
from vodgui.core.playback import PlayCheck, UrlProbe, decode_play_auth, probe_url
from vodgui.core.redact import mask
from vodgui.ui import a11y
from vodgui.ui.announce import announce
from vodgui.ui.errors import describe_exception
from vodgui.ui.ops import run_op
from vodgui.ui.playback_batch import TargetFactory
from vodgui.ui.style import Tone, set_tone


def _selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LabTexts(QWidget):
    """tr() renderings of the lab's codes (one place, so lupdate sees every literal)."""

    def url_verdict(self, code: str, p: dict[str, Any]) -> str:
        texts = {
            urlsign.OK: self.tr("Valid: the CDN serves it for {0} more seconds.").format(p.get("seconds_left")),
            urlsign.EXPIRED: self.tr("Expired {0} s ago: sign it again, or ask GetPlayInfo for a new URL with a "
                                     "longer AuthTimeout.").format(p.get("seconds")),
            urlsign.NOT_SIGNED: self.tr("The URL carries no signature (no auth_key, no type B/C path): sign it "
                                        "first."),
            urlsign.MALFORMED: self.tr("The {0} part of the signature is malformed: the URL was cut or "
                                       "edited.").format(p.get("field")),
            urlsign.BAD_SIGNATURE: self.tr("The signature does not match: the key is wrong, or the path, timestamp, "
                                           "rand or uid was changed after signing."),
            urlsign.WRONG_KEY: self.tr("The signature does not match this key, though nothing in the URL changed: "
                                       "it was signed with another key (primary or backup key?)."),
            urlsign.PATH_CHANGED: self.tr("The path changed after signing ({0} → {1}): a signature covers the "
                                          "exact path, URL encoding included.").format(p.get("issued"),
                                                                                        p.get("now")),
            urlsign.PARAMS_CHANGED: self.tr("{0} changed after signing: the signature covers them.").format(
                p.get("fields")),
            "url_wrong_type": self.tr("This is a type {0} URL but the domain uses type {1}: sign it with type "
                                      "{1}.").format(p.get("type"), p.get("expected")),
            "url_bad_type": self.tr("Unknown authentication type: use A, B or C."),
            "url_bad_key": self.tr("The key must be 1 to 128 printable characters without spaces (the CDN "
                                           "console's private key)."),
            "url_no_path": self.tr("The URL has no path to sign (e.g. http://host/video.mp4)."),
            "url_bad_uid_rand": self.tr("uid and rand must not contain '-' (it separates the auth_key fields)."),
        }
        return texts.get(code, code)

    def jwt_finding(self, code: str, p: dict[str, Any]) -> str:
        texts = {
            "jwt_malformed": self.tr("Not a well-formed JWT: it was cut or edited."),
            "jwt_alg": self.tr("Signed with {0}, but VOD expects HS256.").format(p.get("alg")),
            "jwt_missing_claims": self.tr("Claims missing: {0}.").format(p.get("claims")),
            "jwt_signature": self.tr("The signature does not match the app's PlayKey: signed with another key, or "
                                     "the PlayKey was changed (SetAppPlayKey) since."),
            "jwt_expired": self.tr("Expired {0} s ago: the app server must sign a new one.").format(
                p.get("seconds")),
            "jwt_seconds_not_ms": self.tr("{0} looks like seconds: JWTPlayAuth times are in "
                                          "milliseconds.").format(p.get("claim")),
            "jwt_issued_in_future": self.tr("Issued {0} s in the future: the app server's clock is ahead.").format(
                p.get("seconds")),
            "jwt_other_video": self.tr("Made for video {0}, not {1}.").format(p.get("claim"), p.get("video_id")),
            "jwt_other_region": self.tr("Made for region {0}, but the video is in {1}.").format(
                p.get("claim"), p.get("region")),
            "jwt_other_app": self.tr("Made for application {0}, not {1}.").format(p.get("claim"), p.get("app_id")),
            "VidSts.NoToken": self.tr("This profile signs with a long-term AccessKey, not an STS token: use an "
                                      "STS-mode profile to test VidSts."),
        }
        return texts.get(code, code)

    def explanation(self, code: str, p: dict[str, Any]) -> str:
        def shown(name: str) -> str:
            return str(p.get(name) or self.tr("(all)"))

        texts = {
            "none_stream": self.tr("No stream matches Formats={0} Definition={1} StreamType={2}: the template "
                                   "group made no such rendition (or it is not finished).").format(
                shown("formats"), shown("definition"), shown("stream_type")),
            "illegal_status": self.tr("The video is {0} (AuditStatus {1}): only Normal videos play. Wait for "
                                      "transcoding, or upload again if it failed.").format(
                shown("status"), shown("audit")),
            "private_encryption": self.tr("Only privately encrypted streams match: they play in the ApsaraVideo "
                                          "Player only. Ask with ResultType=Multiple to list them."),
            "not_found": self.tr("No such video (deleted, or in another account or region)."),
            "other": self.tr("The service refused the request ({0}).").format(p.get("code")),
        }
        return texts.get(code, code)


class JwtPanel(QWidget):
    """Make a JWTPlayAuth with the app's PlayKey, inspect any PlayAuth (JWT or legacy), check a JWT.

    Signals:
        checked(object): a JWT check finished (a PlayCheck).
    """

    checked = Signal(object)

    def __init__(self, video_id: Callable[[], str], targets: Callable[[], TargetFactory],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._video_id = video_id
        self._targets = targets
        self._texts = LabTexts(self)
        self._token = ""
        self.ttl_spin = QSpinBox(self)
        self.ttl_spin.setRange(60, 7 * 24 * 3600)
        self.ttl_spin.setValue(jwt_playauth.DEFAULT_TTL_SECONDS)
        self.ttl_spin.setSingleStep(3600)
        self.ttl_spin.setSuffix(self.tr(" s"))
        self.ttl_spin.setToolTip(self.tr("How long the JWTPlayAuth stays valid (the official toolkit uses 24 h)"))
        self.formats_edit = QLineEdit(self)
        self.formats_edit.setPlaceholderText("mp4,m3u8")
        self.formats_edit.setToolTip(self.tr("playContentInfo.formats: what the player may ask GetPlayInfo for"))
        self.make_button = QPushButton(self.tr("Make JWTPlayAuth"), self)
        self.make_button.setToolTip(self.tr("Sign a JWT with the app's PlayKey (GetAppPlayKey), as your app server "
                                            "would"))
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.setToolTip(self.tr("Verify the JWT as VOD does (PlayKey signature, expiry, claims) and "
                                             "get the streams its playContentInfo asks for"))
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("jwtField")
        self.token_edit.setPlaceholderText(self.tr("Make one, or paste any PlayAuth (JWT or legacy) to inspect it"))
        a11y.name(self.token_edit, self.tr("PlayAuth to inspect"))
        self.show_button = QToolButton(self)
        self.show_button.setText(self.tr("Show"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(self.tr("Show the PlayAuth in clear text"))
        self.copy_button = QToolButton(self)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the PlayAuth to the clipboard"))
        self.inspect_button = QPushButton(self.tr("Inspect"), self)
        self.inspect_button.setToolTip(self.tr("Decode the pasted PlayAuth; a JWT is verified with the PlayKey"))
        self.verdict = _selectable(QLabel(self))
        self.verdict.setObjectName("jwtVerdict")
        self.findings = _selectable(QLabel(self))
        self.findings.setObjectName("jwtFindings")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("jwtTree")
        a11y.name(self.tree, self.tr("JWT claims"), self.tr("Each claim of the PlayAuth and its value"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Claim"), self.tr("Value")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        form = QHBoxLayout()
        form.addWidget(a11y.label(QLabel(self.tr("Valid for:"), self), self.ttl_spin))
        form.addWidget(self.ttl_spin)
        form.addWidget(a11y.label(QLabel(self.tr("Formats:"), self), self.formats_edit))
        form.addWidget(self.formats_edit, 1)
        form.addWidget(self.make_button)
        form.addWidget(self.check_button)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.show_button)
        token_row.addWidget(self.copy_button)
        token_row.addWidget(self.inspect_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(token_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.findings)
        layout.addWidget(self.tree, 1)

        self.make_button.clicked.connect(self._on_make_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.inspect_button.clicked.connect(self._on_inspect_clicked)
        self.show_button.toggled.connect(self._on_show_toggled)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.token_edit.textEdited.connect(self._on_token_edited)

    # -- API -------------------------------------------------------------------------------------------------
    def token(self) -> str:
        return self._token

    def make(self) -> None:
        video_id = self._video_id()
        if not video_id:
            return
        ttl, formats, targets = self.ttl_spin.value(), self.formats_edit.text().strip(), self._targets()
        content = {"formats": formats or "mp4,m3u8", "authTimeout": 1800}
        self.verdict.setText(self.tr("Getting the PlayKey and signing…"))
        set_tone(self.verdict, Tone.HINT)

        def work() -> str:
            vod, _ = targets()
            return lab.make_jwt(vod, video_id, ttl, content).reveal()

        run_op(self, work, self._on_made, self._on_failed)

    def inspect(self) -> None:
        token = self._token.strip()
        if not token:
            return
        video_id, targets = self._video_id(), self._targets()
        if not jwt_playauth.looks_like_jwt(token):
            self._show_legacy(token)
            return

        def work() -> jwt_playauth.JwtInspection | None:
            vod, _ = targets()
            key = lab.get_play_key(vod, _claim_app(token))
            return jwt_playauth.inspect(token, play_key=key.reveal(), video_id=video_id or None,
                                        region=vod.region if vod is not None else None)

        run_op(self, work, self._show_inspection, self._on_failed)

    def check(self) -> None:
        token, video_id, targets = self._token.strip(), self._video_id(), self._targets()
        if not token or not video_id:
            return
        self.verdict.setText(self.tr("Checking…"))
        set_tone(self.verdict, Tone.HINT)

        def work() -> tuple[jwt_playauth.JwtInspection | None, PlayCheck]:
            vod, _ = targets()
            return lab.check_jwt(vod, token, video_id)

        run_op(self, work, self._on_checked, self._on_failed)

    # -- slots -----------------------------------------------------------------------------------------------
    def _on_make_clicked(self) -> None:
        self.make()

    def _on_check_clicked(self) -> None:
        self.check()

    def _on_inspect_clicked(self) -> None:
        self.inspect()

    def _on_token_edited(self, text: str) -> None:
        self._token = text.strip()

    def _on_show_toggled(self, shown: bool) -> None:
        self._show_token()

    def _on_copy_clicked(self) -> None:
        if self._token:
            QGuiApplication.clipboard().setText(self._token)

    def _on_made(self, token: str) -> None:
        self._token = token
        self._show_token()
        self.verdict.setText(self.tr("Signed with the app's PlayKey."))
        self.inspect()

    def _on_failed(self, exc: BaseException) -> None:
        self.verdict.setText(describe_exception(exc))
        set_tone(self.verdict, Tone.ERROR)

    def _on_checked(self, result: tuple[jwt_playauth.JwtInspection | None, PlayCheck]) -> None:
        inspection, check = result
        if inspection is not None:
            self._show_inspection(inspection)
        if check.ok:
            self.verdict.setText(self.tr("✓ Pass: VOD accepts this JWT; GetPlayInfo gives %n stream(s).", "",
                                         len(check.streams)))
            set_tone(self.verdict, Tone.OK_VERDICT)
        else:
            text = self._texts.jwt_finding(check.code, {}) if check.code.startswith("jwt_") else check.message
            self.verdict.setText(self.tr("✗ Fail: {0}").format(f"{check.code}: {text}" if text else check.code))
            set_tone(self.verdict, Tone.ERROR_VERDICT)
        announce(self, self.verdict.text(), urgent=not check.ok)
        self.checked.emit(check)

    # -- internals -------------------------------------------------------------------------------------------
    def _show_token(self) -> None:
        shown = self.show_button.isChecked()
        self.token_edit.setText(self._token if shown else mask(self._token, 12))
        self.token_edit.setCursorPosition(0)

    def _show_inspection(self, found: jwt_playauth.JwtInspection | None) -> None:
        self.tree.clear()
        if found is None:
            return
        header = QTreeWidgetItem(self.tree, [self.tr("Header"), ""])
        for key, value in found.header.items():
            QTreeWidgetItem(header, [str(key), str(value)])
        claims = QTreeWidgetItem(self.tree, [self.tr("Claims"), ""])
        for key, value in found.claims.items():
            text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
            if key in ("currentTimeStamp", "expireTimeStamp") and isinstance(value, (int, float)):
                text += "  (" + time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(value / 1000)) + ")"
            QTreeWidgetItem(claims, [str(key), text])
        self.tree.expandAll()
        if found.ok:
            self.findings.setText(self.tr("Signature, expiry and claims are fine (verified with the PlayKey)."))
            set_tone(self.findings, Tone.HINT)
        else:
            self.findings.setText("\n".join("• " + self._texts.jwt_finding(c, p) for c, p in found.findings))
            set_tone(self.findings, Tone.ERROR)

    def _show_legacy(self, token: str) -> None:
        self.tree.clear()
        decoded = decode_play_auth(token)
        if decoded.opaque:
            self.findings.setText(self.tr("Neither a JWT nor a legacy base64-JSON PlayAuth."))
            set_tone(self.findings, Tone.ERROR)
            return
        root = QTreeWidgetItem(self.tree, [self.tr("Legacy PlayAuth"), ""])
        for key, value in decoded.to_dict(show_secrets=False).items():
            QTreeWidgetItem(root, [str(key), str(value)])
        self.tree.expandAll()
        self.findings.setText(self.tr("A legacy PlayAuth from GetVideoPlayAuth (temporary credentials + AuthInfo)."))
        set_tone(self.findings, Tone.HINT)


def _claim_app(token: str) -> str:
    found = jwt_playauth.inspect(token)
    app = found.claims.get("appId") if found is not None else None
    return app if isinstance(app, str) and app else jwt_playauth.DEFAULT_APP_ID


class UrlSignPanel(QWidget):
    """Sign a CDN URL with type A, B or C; verify a URL and say why a CDN refuses it; try it on the CDN.

    Signals:
        probed(object): a signed URL was tried on the server (an UrlProbe).
    """

    probed = Signal(object)

    def __init__(self, sandbox_key: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sandbox_key = sandbox_key
        self._texts = LabTexts(self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("signUrl")
        self.url_edit.setPlaceholderText("http://cdn.example.com/video/clip.mp4")
        self.url_edit.setToolTip(self.tr("The URL to sign (an existing signature is replaced) or to verify"))
        self.type_combo = QComboBox(self)
        self.type_combo.addItems(list(urlsign.AUTH_TYPES))
        self.type_combo.setToolTip(self.tr("The authentication type configured on the play domain"))
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("signKey")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setToolTip(self.tr("The domain's private key (CDN console, URL signing)"))
        a11y.name(self.key_edit, self.tr("Private key"))
        self.sandbox_button = QToolButton(self)
        self.sandbox_button.setText(self.tr("Sandbox key"))
        self.sandbox_button.setToolTip(self.tr("Use the built-in sandbox's play-domain key"))
        self.ttl_spin = QSpinBox(self)
        self.ttl_spin.setRange(1, 31_536_000)
        self.ttl_spin.setValue(1800)
        self.ttl_spin.setSuffix(self.tr(" s"))
        self.ttl_spin.setToolTip(self.tr("Seconds until the signed URL expires (timestamp = now + this)"))
        self.uid_edit = QLineEdit("0", self)
        self.uid_edit.setToolTip(self.tr("Type A uid (normally 0)"))
        self.rand_edit = QLineEdit(self)
        self.rand_edit.setPlaceholderText(self.tr("random"))
        self.rand_edit.setToolTip(self.tr("Type A rand (empty: a random UUID without hyphens)"))
        self.sign_button = QPushButton(self.tr("Sign"), self)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.setToolTip(self.tr("Check the URL above with the key, as the CDN would"))
        self.try_button = QPushButton(self.tr("Try on the CDN"), self)
        self.try_button.setToolTip(self.tr("Request the first byte of the signed URL and show the HTTP answer"))
        self.signed_edit = QLineEdit(self)
        self.signed_edit.setObjectName("signedUrl")
        self.signed_edit.setReadOnly(True)
        a11y.name(self.signed_edit, self.tr("Signed URL"))
        self.issued_edit = QLineEdit(self)
        self.issued_edit.setPlaceholderText(self.tr("optional: the URL as it was issued, to say what changed"))
        self.domain_ttl_spin = QSpinBox(self)
        self.domain_ttl_spin.setRange(0, 31_536_000)
        self.domain_ttl_spin.setSuffix(self.tr(" s"))
        self.domain_ttl_spin.setToolTip(self.tr("The domain's own validity period, added to the URL's timestamp"))
        self.result = _selectable(QLabel(self))
        self.result.setObjectName("signResult")

        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.sandbox_button)
        a_row = QHBoxLayout()
        a_row.addWidget(a11y.label(QLabel(self.tr("uid:"), self), self.uid_edit))
        a_row.addWidget(self.uid_edit)
        a_row.addWidget(a11y.label(QLabel(self.tr("rand:"), self), self.rand_edit))
        a_row.addWidget(self.rand_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("URL:"), self.url_edit)
        form.addRow(self.tr("Type:"), self.type_combo)
        form.addRow(self.tr("Private key:"), key_row)
        form.addRow(self.tr("Expires in:"), self.ttl_spin)
        form.addRow(self.tr("Type A fields:"), a_row)
        form.addRow(self.tr("Issued URL:"), self.issued_edit)
        form.addRow(self.tr("Domain validity:"), self.domain_ttl_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.try_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.signed_edit)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self.sign_button.clicked.connect(self._on_sign_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.try_button.clicked.connect(self._on_try_clicked)
        self.sandbox_button.clicked.connect(self._on_sandbox_clicked)

    def sign(self) -> str:
        try:
            signed = urlsign.sign(self.url_edit.text().strip(), self.key_edit.text().strip(),
                                  self.type_combo.currentText(), int(time.time()) + self.ttl_spin.value(),
                                  uid=self.uid_edit.text().strip() or "0", rand=self.rand_edit.text().strip() or None)
        except urlsign.UrlSignError as err:
            self._say(self._texts.url_verdict(err.code, err.params), ok=False)
            return ""
        self.signed_edit.setText(signed)
        self.issued_edit.setText(signed)
        self._say(self.tr("Signed with type {0}; expires in {1} s.").format(self.type_combo.currentText(),
                                                                           self.ttl_spin.value()), ok=True)
        return signed

    def verify(self) -> urlsign.Verdict:
        url = self.url_edit.text().strip()
        verdict = urlsign.verify(url, self.key_edit.text().strip(), domain_ttl=self.domain_ttl_spin.value(),
                                 expected_type=self.type_combo.currentText(),
                                 issued=self.issued_edit.text().strip() if self.issued_edit.text() != url else "")
        self._say(self._texts.url_verdict(verdict.code, verdict.params), ok=verdict.ok)
        return verdict

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setText(text)
        set_tone(self.result, Tone.OK_VERDICT if ok else Tone.ERROR_VERDICT)

    def _on_sign_clicked(self) -> None:
        self.sign()

    def _on_verify_clicked(self) -> None:
        self.verify()

    def _on_sandbox_clicked(self) -> None:
        self.key_edit.setText(self._sandbox_key())

    def _on_try_clicked(self) -> None:
        url = self.signed_edit.text().strip() or self.url_edit.text().strip()
        if not url.startswith(("http://", "https://")):
            return
        self.result.setText(self.tr("Asking the server…"))
        run_op(self, lambda: probe_url(url), self._on_probe, lambda exc: self._say(describe_exception(exc), ok=False))

    def _on_probe(self, probe: UrlProbe) -> None:
        if probe.status is None:
            self._say(self.tr("The server could not be reached: {0}").format(probe.reason), ok=False)
        else:
            ok = probe.status in (200, 206)
            self._say(self.tr("The server answered HTTP {0} {1}.").format(probe.status, probe.reason), ok=ok)
        self.probed.emit(probe)


class MatrixPanel(QWidget):
    """GetPlayInfo for every Formats × Definition × StreamType × OutputType × ResultType, each answer explained.

    Signals:
        finished(object): the matrix ran (a list of MatrixCell).
    """

    finished = Signal(object)
    COLUMNS = 7

    def __init__(self, video_id: Callable[[], str], targets: Callable[[], TargetFactory],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._video_id = video_id
        self._targets = targets
        self._texts = LabTexts(self)
        self.cells: list[lab.MatrixCell] = []
        #: The values of each filter the matrix tries (GetPlayInfo's parameter names; "" = not sent).
        self.dimensions: dict[str, tuple[str, ...]] = {
            "formats": lab.MATRIX_FORMATS, "definitions": lab.MATRIX_DEFINITIONS,
            "stream_types": lab.MATRIX_STREAM_TYPES, "output_types": lab.MATRIX_OUTPUT_TYPES,
            "result_types": lab.MATRIX_RESULT_TYPES}
        self.run_button = QPushButton(self.tr("Run the matrix"), self)
        self.run_button.setToolTip(self.tr("Call GetPlayInfo once per combination with the profile's key"))
        self.only_refused = QComboBox(self)
        self.only_refused.addItems([self.tr("All answers"), self.tr("Streams only"), self.tr("Refusals only")])
        a11y.name(self.only_refused, self.tr("Answers shown"))
        self.summary = QLabel(self)
        set_tone(self.summary, Tone.HINT)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("matrixTable")
        a11y.name(self.table, self.tr("GetPlayInfo answers per combination"))
        self.table.setHorizontalHeaderLabels([self.tr("Formats"), self.tr("Definition"), self.tr("StreamType"),
                                              self.tr("OutputType"), self.tr("ResultType"), self.tr("Answer"),
                                              self.tr("Why")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        head = QHBoxLayout()
        head.addWidget(self.run_button)
        head.addWidget(self.only_refused)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.only_refused.currentIndexChanged.connect(self._on_filter_changed)

    def run(self) -> None:
        video_id, targets, dimensions = self._video_id(), self._targets(), dict(self.dimensions)
        if not video_id:
            return
        self.run_button.setEnabled(False)
        calls = 1
        for values in dimensions.values():
            calls *= len(values)
        self.summary.setText(self.tr("Asking GetPlayInfo {0} times…").format(calls))

        def work() -> list[lab.MatrixCell]:
            vod, _ = targets()
            return lab.play_info_matrix(vod, video_id, **dimensions)

        run_op(self, work, self._on_done, self._on_failed)

    def _on_run_clicked(self) -> None:
        self.run()

    def _on_filter_changed(self, index: int) -> None:
        self._fill()

    def _on_done(self, cells: list[lab.MatrixCell]) -> None:
        self.run_button.setEnabled(True)
        self.cells = cells
        ok = sum(c.ok for c in cells)
        self.summary.setText(self.tr("{0} combinations: {1} with streams, {2} refused.").format(
            len(cells), ok, len(cells) - ok))
        self._fill()
        self.finished.emit(cells)

    def _on_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(describe_exception(exc))

    def _fill(self) -> None:
        mode = self.only_refused.currentIndex()
        shown = [c for c in self.cells if mode == 0 or (mode == 1 and c.ok) or (mode == 2 and not c.ok)]
        self.table.setRowCount(len(shown))
        everything = self.tr("(all)")
        for row, cell in enumerate(shown):
            if cell.ok:
                answer = ", ".join(f"{s['definition']}/{s['format']}" for s in cell.streams)
                why = " ".join(f"{s['width']}x{s['height']}" for s in cell.streams if s["width"])
            else:
                answer = cell.code
                why = self._texts.explanation(cell.explain, cell.explain_params)
            values = [cell.formats or everything, cell.definition or everything, cell.stream_type or everything,
                      cell.output_type, cell.result_type, answer, why]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 5:
                    item.setForeground(Qt.GlobalColor.darkGreen if cell.ok else Qt.GlobalColor.darkRed)
                if column == 6:
                    item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
