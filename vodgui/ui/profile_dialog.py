"""The profile editor: account, authorization mode and credential source, the secret (keychain only), the STS
role and session policy, endpoints and proxy, and "Test connection" on the values as typed.

Keychain calls can block (a locked Secret Service waits for the user), so every keychain and profile-file write
runs through :func:`~vodgui.ui.ops.run_op`; the dialog stays responsive and shows "Saving…" meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.acceleration import ACCELERATE_ENDPOINTS, DEFAULT_ACCELERATE_ENDPOINT
from vodgui.core.connection_test import ConnectionTestResult, test_connection
from vodgui.core.errors import VodError, config_error
from vodgui.core.keychain import FIELDS, KeychainUnavailable
from vodgui.core.messages import Message
from vodgui.core.network import split_proxy_url
from vodgui.core.profiles import SANDBOX_PROFILE, Profile, secret_name
from vodgui.core.session import DraftSessionFactory
from vodgui.core.sts import MAX_DURATION, MIN_DURATION, RoleSettings, default_sts_endpoint
from vodgui.core.vod import default_vod_endpoint
from vodgui.ui import a11y
from vodgui.ui.connection_panel import ConnectionTestPanel
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe_exception
from vodgui.ui.message_texts import render
from vodgui.ui.ops import run_op
from vodgui.ui.policy_editor import PolicyEditor
from vodgui.ui.style import Tone, set_tone

#: Regions offered in the editable region box (any other region id can be typed).
REGIONS = ("cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1", "ap-southeast-5", "ap-south-1",
           "ap-northeast-1", "eu-central-1", "eu-west-1", "us-west-1", "us-east-1")

#: Which field to focus for a validation error code.
_FOCUS = {"InvalidProfileName": "name_edit", "DuplicateProfileName": "name_edit", "InvalidRegion": "region_box",
          "MissingAccessKeyId": "key_id_edit", "InvalidAppServerURL": "appserver_url_edit",
          "InvalidRoleArn": "role_arn_edit", "InvalidRoleSessionName": "session_name_edit",
          "InvalidDurationSeconds": "duration_spin", "InvalidPolicy": "policy_editor", "InvalidProxy": "proxy_edit",
          "InlineProxyPassword": "proxy_edit", "InvalidPacURL": "proxy_edit", "InvalidCAFile": "ca_file_edit",
          "MissingSecret": "secret_edit"}


class _MissingSecret(Exception):
    """A profile would be saved without a secret in the keychain."""


def backend_name(backend: Any) -> str:
    """A short, readable keychain name ("SecretService Keyring")."""
    return str(getattr(backend, "name", "") or type(backend).__name__)


class ProfileDialog(QDialog):
    """Create or edit a profile (``profile_name`` None creates one).

    Signals:
        saved(str): the profile was saved under this name.
        deleted(str): the profile was deleted.
    """

    saved = Signal(str)
    deleted = Signal(str)

    def __init__(self, ctx: AppContext, profile_name: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._original = ctx.workspace.profiles.get(profile_name) if profile_name else None
        self._old_name = self._original.name if self._original else None
        self.is_sandbox = bool(self._original and self._original.sandbox)
        #: Keychain facts, filled off-thread: the problem (None = usable), its name, which fields are stored.
        #: Why the keychain cannot hold secrets (the core's message), or None.
        self.keychain_problem: Message | None = None
        self.keychain_name = ""
        self.stored: dict[str, bool] | None = None
        #: Where the last save put the secret ("SecretService Keyring"), for the status bar and tests.
        self.saved_backend: str | None = None
        self._build()
        self._load(self._original or Profile(""))
        self._on_region_changed(self.region_box.currentText())
        self._on_kind_changed()
        if self.is_sandbox:
            self.setWindowTitle(self.tr("Built-in sandbox profile"))
        elif self._original:
            self.setWindowTitle(self.tr("Edit profile {0}").format(self._original.name))
        else:
            self.setWindowTitle(self.tr("New profile"))
        if not self.is_sandbox:
            self._check_keychain()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.sandbox_note = QLabel(self.tr(
            "This is the built-in sandbox profile. Its keys, role, AppServer and endpoints come from the sandbox "
            "running inside vodgui, so they cannot be edited here. Choose the mode and the source to rehearse "
            "each way of uploading."), self)
        self.sandbox_note.setObjectName("sandboxNote")
        self.sandbox_note.setWordWrap(True)
        self.sandbox_note.setVisible(self.is_sandbox)

        account = QGroupBox(self.tr("Account"), self)
        self.account_form = form = QFormLayout(account)
        self.name_edit = QLineEdit(account)
        self.name_edit.setToolTip(self.tr("A name for this account, shown in the profile switcher"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Production"))
        self.region_box = QComboBox(account)
        self.region_box.setEditable(True)
        self.region_box.addItems(REGIONS)
        self.region_box.setToolTip(self.tr("The VOD region of your videos (a region id like cn-shanghai)"))
        self.mode_box = QComboBox(account)
        self.mode_box.addItem(self.tr("Upload credential"), "credential")
        self.mode_box.addItem(self.tr("STS"), "sts")
        self.mode_box.setToolTip(self.tr("How uploads are authorized"))
        self.mode_hint = self._hint(account)
        self.source_box = QComboBox(account)
        self.source_box.addItem(self.tr("AccessKey in the keychain"), "accesskey")
        self.source_box.addItem(self.tr("AppServer URL and token"), "appserver")
        self.source_box.setToolTip(self.tr("Where the credentials come from"))
        self.source_hint = self._hint(account)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Region:"), self.region_box)
        form.addRow(a11y.label(QLabel(self.tr("&Mode:"), account), self.mode_box),
                    self._with_hint(self.mode_box, self.mode_hint))
        form.addRow(a11y.label(QLabel(self.tr("&Source:"), account), self.source_box),
                    self._with_hint(self.source_box, self.source_hint))

        self.cred_group = QGroupBox(self.tr("Credentials"), self)
        self.cred_form = form = QFormLayout(self.cred_group)
        self.key_id_edit = QLineEdit(self.cred_group)
        self.key_id_edit.setToolTip(self.tr("The AccessKey ID (LTAI…) of the account or RAM user"))
        self.secret_edit = QLineEdit(self.cred_group)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setToolTip(self.tr("Kept only in the system keychain, never in the profile file"))
        self.appserver_url_edit = QLineEdit(self.cred_group)
        self.appserver_url_edit.setPlaceholderText("https://appserver.example.com/vod")
        self.appserver_url_edit.setToolTip(self.tr("Your team's AppServer, which hands out upload credentials or "
                                                   "STS tokens"))
        self.token_edit = QLineEdit(self.cred_group)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setToolTip(self.tr("The token the AppServer expects; kept only in the system keychain"))
        self.keychain_label = QLabel(self.tr("Checking the keychain…"), self.cred_group)
        self.keychain_label.setObjectName("keychainStatus")
        self.keychain_label.setWordWrap(True)
        form.addRow(self.tr("AccessKey &ID:"), self.key_id_edit)
        form.addRow(self.tr("AccessKey s&ecret:"), self.secret_edit)
        form.addRow(self.tr("AppServer &URL:"), self.appserver_url_edit)
        form.addRow(self.tr("AppServer &token:"), self.token_edit)
        form.addRow("", self.keychain_label)

        self.role_group = QGroupBox(self.tr("STS role"), self)
        self.role_form = form = QFormLayout(self.role_group)
        self.role_arn_edit = QLineEdit(self.role_group)
        self.role_arn_edit.setPlaceholderText("acs:ram::<account id>:role/<role name>")
        self.role_arn_edit.setToolTip(self.tr("The RAM role to assume; copy its ARN from the RAM console"))
        self.session_name_edit = QLineEdit(self.role_group)
        self.session_name_edit.setToolTip(self.tr("RoleSessionName: 2-64 letters, digits, '.', '@', '_' or '-'; "
                                                  "it appears in the audit log"))
        self.duration_spin = QSpinBox(self.role_group)
        self.duration_spin.setRange(MIN_DURATION, MAX_DURATION)
        self.duration_spin.setSingleStep(300)
        self.duration_spin.setSuffix(self.tr(" s"))
        self.duration_spin.setToolTip(self.tr("DurationSeconds: how long each token is valid (900-3600); vodgui "
                                              "renews it before it expires"))
        self.policy_editor = PolicyEditor(self.role_group)
        form.addRow(self.tr("Role&Arn:"), self.role_arn_edit)
        form.addRow(self.tr("Session na&me:"), self.session_name_edit)
        form.addRow(self.tr("&Duration:"), self.duration_spin)
        policy_label = QLabel(self.tr("Session &policy:"), self.role_group)
        policy_label.setBuddy(self.policy_editor.preset_box)
        form.addRow(policy_label)
        form.addRow(self.policy_editor)

        self.net_group = QGroupBox(self.tr("Network"), self)
        self.net_form = form = QFormLayout(self.net_group)
        self.vod_endpoint_edit = QLineEdit(self.net_group)
        self.vod_endpoint_edit.setToolTip(self.tr("Leave empty for the region's public VOD endpoint"))
        self.sts_endpoint_edit = QLineEdit(self.net_group)
        self.sts_endpoint_edit.setToolTip(self.tr("Leave empty for the region's STS endpoint"))
        self.proxy_mode_box = QComboBox(self.net_group)
        self.proxy_mode_box.addItem(self.tr("System settings"), "system")
        self.proxy_mode_box.addItem(self.tr("No proxy"), "none")
        self.proxy_mode_box.addItem(self.tr("Manual"), "manual")
        self.proxy_mode_box.addItem(self.tr("PAC file"), "pac")
        self.proxy_mode_box.setToolTip(self.tr(
            "System settings: the operating system's proxy and its automatic configuration (PAC/WPAD), "
            "NO_PROXY honoured. The choice applies to every connection of this profile: VOD, STS, OSS, AppServer."))
        self.proxy_edit = QLineEdit(self.net_group)
        self.proxy_user_edit = QLineEdit(self.net_group)
        self.proxy_user_edit.setPlaceholderText(self.tr("none"))
        self.proxy_user_edit.setToolTip(self.tr("Only if the proxy asks for a login"))
        self.proxy_password_edit = QLineEdit(self.net_group)
        self.proxy_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password_edit.setToolTip(self.tr("Kept only in the system keychain, never in the profile file"))
        self.no_proxy_edit = QLineEdit(self.net_group)
        self.no_proxy_edit.setPlaceholderText(self.tr("e.g. .corp.example.com, 10.0.0.0/8"))
        self.no_proxy_edit.setToolTip(self.tr("Hosts, domains and networks reached without the proxy, "
                                              "separated by commas"))
        self.ca_file_edit = QLineEdit(self.net_group)
        self.ca_file_edit.setPlaceholderText(self.tr("none: the system's trusted certificates"))
        self.ca_file_edit.setToolTip(self.tr(
            "A PEM file with a CA certificate to trust in addition to the operating system's, e.g. the one your "
            "company uses to inspect HTTPS. Certificates are always verified."))
        self.ca_button = QPushButton(self.tr("Browse…"), self.net_group)
        self.ca_button.setAutoDefault(False)
        ca_row = QWidget(self.net_group)
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file_edit, 1)
        ca_layout.addWidget(self.ca_button)
        self.ca_row = ca_row
        form.addRow(self.tr("&VOD endpoint:"), self.vod_endpoint_edit)
        form.addRow(self.tr("S&TS endpoint:"), self.sts_endpoint_edit)
        form.addRow(self.tr("Pro&xy:"), self.proxy_mode_box)
        form.addRow(self.tr("Proxy address:"), self.proxy_edit)
        form.addRow(self.tr("Proxy user:"), self.proxy_user_edit)
        form.addRow(self.tr("Proxy password:"), self.proxy_password_edit)
        form.addRow(self.tr("Bypass proxy for:"), self.no_proxy_edit)
        form.addRow(a11y.label(QLabel(self.tr("Extra CA certificate:"), self.net_group), self.ca_file_edit), ca_row)

        self.accel_group = QGroupBox(self.tr("Upload acceleration"), self)
        accel_form = QFormLayout(self.accel_group)
        self.accelerate_check = QCheckBox(self.tr("Send uploads through OSS transfer &acceleration"),
                                          self.accel_group)
        self.accelerate_check.setToolTip(self.tr(
            "Each upload asks VOD for acceleration (AccelerateConfig in its UserData) and sends the file to the "
            "accelerate endpoint instead of the region's. Faster over long distances, but billed as upload "
            "acceleration per GB. Alibaba Cloud must first enable it for the account and its storage bucket "
            "(a ticket); until then uploads fail with a message saying so."))
        self.accelerate_endpoint_box = QComboBox(self.accel_group)
        self.accelerate_endpoint_box.setEditable(True)
        self.accelerate_endpoint_box.addItems(ACCELERATE_ENDPOINTS)
        self.accelerate_endpoint_box.setToolTip(self.tr(
            "oss-accelerate.aliyuncs.com: global; oss-accelerate-overseas.aliyuncs.com: for uploads from outside "
            "mainland China"))
        self.accelerate_hint = self._hint(self.accel_group)
        self.accelerate_hint.setText(self.tr(
            "Billed per GB as upload acceleration. Alibaba Cloud enables it for the account first (a ticket)."))
        accel_form.addRow(self.accelerate_check)
        accel_form.addRow(self.tr("Acceleration &endpoint:"), self.accelerate_endpoint_box)
        accel_form.addRow("", self.accelerate_hint)
        self.accelerate_check.toggled.connect(self.accelerate_endpoint_box.setEnabled)
        self.accelerate_endpoint_box.setEnabled(False)

        test_group = QGroupBox(self.tr("Connection"), self)
        self.test_panel = ConnectionTestPanel(test_group)
        QVBoxLayout(test_group).addWidget(self.test_panel)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setAutoDefault(False)
        self.delete_button.setToolTip(self.tr("Delete this profile and its secret in the keychain"))
        self.delete_button.setVisible(self._original is not None and not self.is_sandbox)

        left = QVBoxLayout()
        left.addWidget(account)
        left.addWidget(self.cred_group)
        left.addWidget(self.net_group)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.role_group, 1)
        right.addWidget(self.accel_group)
        right.addWidget(test_group)
        right.addStretch(0)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sandbox_note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._align_labels(self.account_form, self.cred_form, self.net_form)
        # Wrapped hints do not count in a minimum size hint: below this height the mode and source hints are cut.
        self.setMinimumSize(960, 640)
        self.resize(1000, 680)

        for first, second in zip(self._tab_chain(), self._tab_chain()[1:]):
            QWidget.setTabOrder(first, second)
        self.mode_box.currentIndexChanged.connect(self._on_kind_changed)
        self.source_box.currentIndexChanged.connect(self._on_kind_changed)
        self.region_box.currentTextChanged.connect(self._on_region_changed)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._on_delete)
        self.test_panel.test_requested.connect(self._on_test)
        self.proxy_mode_box.currentIndexChanged.connect(self._on_proxy_mode_changed)
        self.ca_button.clicked.connect(self._on_browse_ca)
        self.proxy_edit.editingFinished.connect(self._on_proxy_edited)

    def _tab_chain(self) -> list[QWidget]:
        return [self.name_edit, self.region_box, self.mode_box, self.source_box, self.key_id_edit,
                self.secret_edit, self.appserver_url_edit, self.token_edit, self.vod_endpoint_edit,
                self.sts_endpoint_edit, self.proxy_mode_box, self.proxy_edit, self.proxy_user_edit,
                self.proxy_password_edit, self.no_proxy_edit, self.ca_file_edit, self.ca_button, self.role_arn_edit,
                self.session_name_edit, self.duration_spin, self.policy_editor.preset_box, self.policy_editor.edit,
                self.accelerate_check, self.accelerate_endpoint_box, self.test_panel.button, self.save_button]

    def _with_hint(self, field: QWidget, hint: QLabel) -> QWidget:
        holder = QWidget(field.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(hint)
        return holder

    @staticmethod
    def _align_labels(*forms: QFormLayout) -> None:
        """One label column width across stacked forms, so their fields line up."""
        labels: list[QWidget] = []
        for form in forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    labels.append(widget)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _hint(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        set_tone(label, Tone.HINT)
        return label

    # -- values ----------------------------------------------------------------------------------------------
    def _load(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.region_box.setCurrentText(profile.region)
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(profile.mode)))
        self.source_box.setCurrentIndex(max(0, self.source_box.findData(profile.source)))
        self.key_id_edit.setText(profile.access_key_id)
        self.appserver_url_edit.setText(profile.appserver_url)
        self.role_arn_edit.setText(profile.role_arn)
        self.session_name_edit.setText(profile.role_session_name)
        self.duration_spin.setValue(profile.duration_seconds)
        self.policy_editor.set_policy(profile.policy)
        self.vod_endpoint_edit.setText(profile.vod_endpoint)
        self.sts_endpoint_edit.setText(profile.sts_endpoint)
        self.proxy_mode_box.setCurrentIndex(max(0, self.proxy_mode_box.findData(profile.proxy_mode)))
        self.proxy_edit.setText(profile.proxy_url)
        self.proxy_user_edit.setText(profile.proxy_user)
        self.no_proxy_edit.setText(profile.no_proxy)
        self.ca_file_edit.setText(profile.ca_file)
        self.accelerate_check.setChecked(profile.accelerate)
        self.accelerate_endpoint_box.setCurrentText(profile.accelerate_endpoint or DEFAULT_ACCELERATE_ENDPOINT)
        if self.is_sandbox:
            info = self.ctx.sandbox_info() if self.ctx.sandbox_info else {}
            self.region_box.setCurrentText(str(info.get("region", profile.region)))
            self.vod_endpoint_edit.setText(str(info.get("vod_endpoint", "")))
            self.sts_endpoint_edit.setText(str(info.get("sts_endpoint", "")))
            self.role_arn_edit.setText(str(info.get("role_arn", "")))
            # The sandbox answers acceleration on its own port (the name must map to this computer: hosts file).
            self.accelerate_endpoint_box.setCurrentText(str(info.get("oss_accelerate_endpoint", "")))
            for widget in (self.name_edit, self.vod_endpoint_edit, self.sts_endpoint_edit, self.role_arn_edit):
                widget.setReadOnly(True)
            self.accelerate_endpoint_box.lineEdit().setReadOnly(True)
            self.region_box.setEnabled(False)

    def mode(self) -> str:
        return str(self.mode_box.currentData())

    def proxy_mode(self) -> str:
        return str(self.proxy_mode_box.currentData())

    def typed_secrets(self) -> dict[str, str]:
        """What the user typed into the secret fields, by keychain field (empty fields left out)."""
        typed = {}
        field = self.secret_field()
        if field and self.typed_secret():
            typed[field] = self.typed_secret()
        if not self.is_sandbox and self.proxy_password_edit.text():
            typed["proxy_password"] = self.proxy_password_edit.text()
        return typed

    def source(self) -> str:
        return str(self.source_box.currentData())

    def secret_field(self) -> str | None:
        return None if self.is_sandbox else ("access_key_secret" if self.source() == "accesskey"
                                             else "appserver_token")

    def typed_secret(self) -> str:
        return (self.secret_edit if self.source() == "accesskey" else self.token_edit).text()

    def edits(self) -> Callable[[Profile], Profile]:
        """The dialog's fields as a change to apply onto a profile: what the dialog edits is taken from it, the rest
        (the transfer settings) from the profile it is applied to. Safe to call off the GUI
        thread (the values are read now)."""
        values: dict[str, Any] = {
            "mode": self.mode(), "source": self.source(), "role_session_name": self.session_name_edit.text().strip(),
            "duration_seconds": self.duration_spin.value(), "policy": self.policy_editor.policy(),
            "accelerate": self.accelerate_check.isChecked()}
        if self.is_sandbox:
            return lambda base: replace(base, **values)
        values.update(
            name=self.name_edit.text().strip(), region=self.region_box.currentText().strip(),
            access_key_id=self.key_id_edit.text().strip(), appserver_url=self.appserver_url_edit.text().strip(),
            role_arn=self.role_arn_edit.text().strip(), vod_endpoint=self.vod_endpoint_edit.text().strip(),
            sts_endpoint=self.sts_endpoint_edit.text().strip(), sandbox=False,
            proxy_mode=self.proxy_mode(), proxy_url=self.proxy_edit.text().strip(),
            proxy_user=self.proxy_user_edit.text().strip(), no_proxy=self.no_proxy_edit.text().strip(),
            ca_file=self.ca_file_edit.text().strip(), accelerate_endpoint=self._accelerate_endpoint())
        return lambda base: replace(base, **values)

    def _accelerate_endpoint(self) -> str:
        """The endpoint field as the profile stores it: empty for OSS's default (the global endpoint)."""
        text = self.accelerate_endpoint_box.currentText().strip()
        return "" if text.rstrip("/") == DEFAULT_ACCELERATE_ENDPOINT else text

    def profile(self) -> Profile:
        """The profile as the dialog shows it now (not validated, not saved)."""
        return self.edits()(self._original or Profile(""))

    def _validated(self) -> Profile:
        """The profile, or a VodError (config) naming the first wrong field."""
        profile = self.profile()
        if self.mode() == "sts" and self.source() == "accesskey":
            problem = self.policy_editor.error()
            if problem is not None:
                raise problem
        if self.is_sandbox:
            if self.mode() == "sts" and self.source() == "accesskey":  # the role itself comes from the sandbox
                RoleSettings(self.role_arn_edit.text(), profile.role_session_name, profile.duration_seconds).validate()
            return profile.validate()
        if profile.name != self._old_name and self.ctx.workspace.profiles.get(profile.name) is not None:
            raise config_error("DuplicateProfileName", params={"name": profile.name})
        profile.validate()
        if self.typed_secret() and self.keychain_problem:
            raise KeychainUnavailable(self.keychain_problem)
        return profile

    # -- showing and hiding ----------------------------------------------------------------------------------
    def _on_kind_changed(self, _index: int = 0) -> None:
        mode, source = self.mode(), self.source()
        accesskey = source == "accesskey"
        if mode == "credential":
            self.mode_hint.setText(self.tr("VOD issues a credential for each video. Simple: the key only needs "
                                           "VOD upload permission."))
        else:
            self.mode_hint.setText(self.tr("vodgui calls the VOD API with a temporary STS token. Needs a RAM role "
                                           "and, optionally, a session policy."))
        if self.is_sandbox:
            self.source_hint.setText(self.tr("The sandbox's own AccessKey signs the calls (its RAM user's, in STS "
                                             "mode).") if accesskey else
                                     self.tr("The sandbox's built-in AppServer hands out the credentials."))
        elif accesskey:
            self.source_hint.setText(self.tr("Your AccessKey ID is kept in the profile and the secret in the "
                                             "system keychain."))
        else:
            self.source_hint.setText(self.tr("Your team's AppServer hands out the credentials; you keep only its "
                                             "URL and a token."))
        sandbox = self.is_sandbox
        self.cred_group.setVisible(not sandbox)
        for widget, shown in ((self.key_id_edit, accesskey), (self.secret_edit, accesskey),
                              (self.appserver_url_edit, not accesskey), (self.token_edit, not accesskey)):
            self.cred_form.setRowVisible(widget, shown)
        self.role_group.setVisible(mode == "sts" and accesskey)
        self.net_form.setRowVisible(self.vod_endpoint_edit, not (mode == "credential" and not accesskey))
        self.net_form.setRowVisible(self.sts_endpoint_edit, accesskey)
        self.net_form.setRowVisible(self.proxy_mode_box, not sandbox)
        self.net_form.setRowVisible(self.ca_row, not sandbox)
        self._on_proxy_mode_changed()
        self._show_keychain()

    def _on_proxy_mode_changed(self, _index: int = 0) -> None:
        mode = self.proxy_mode()
        shown = not self.is_sandbox
        self.net_form.setRowVisible(self.proxy_edit, shown and mode in ("manual", "pac"))
        self.net_form.setRowVisible(self.proxy_user_edit, shown and mode != "none")
        self.net_form.setRowVisible(self.proxy_password_edit, shown and mode != "none")
        self.net_form.setRowVisible(self.no_proxy_edit, shown and mode == "manual")
        label = self.net_form.labelForField(self.proxy_edit)
        if isinstance(label, QLabel):
            label.setText(self.tr("PAC address:") if mode == "pac" else self.tr("Proxy address:"))
        if mode == "pac":
            self.proxy_edit.setPlaceholderText("http://wpad.example.com/wpad.dat")
            self.proxy_edit.setToolTip(self.tr("The address (or file path) of the proxy auto-configuration file"))
        else:
            self.proxy_edit.setPlaceholderText("http://proxy.example.com:3128")
            self.proxy_edit.setToolTip(self.tr("http://, https:// or socks5://host:port, without the password"))

    def _on_proxy_edited(self) -> None:
        """A pasted ``http://user:password@host:port``: the user and password go to their fields (the password
        to the keychain on save), the address keeps only the host."""
        bare, user, password = split_proxy_url(self.proxy_edit.text())
        if self.proxy_mode() == "manual" and password:
            self.proxy_edit.setText(bare)
            self.proxy_user_edit.setText(user)
            self.proxy_password_edit.setText(password)

    def _on_browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Extra CA certificate"), self.ca_file_edit.text(),
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file_edit.setText(path)

    def _on_region_changed(self, region: str) -> None:
        region = region.strip() or "cn-shanghai"
        self.vod_endpoint_edit.setPlaceholderText(self.tr("default: {0}").format(default_vod_endpoint(region)))
        self.sts_endpoint_edit.setPlaceholderText(self.tr("default: {0}").format(default_sts_endpoint(region)))

    # -- keychain --------------------------------------------------------------------------------------------
    def _check_keychain(self) -> None:
        store = self.ctx.workspace.secrets
        old = self._old_name

        def probe() -> tuple[Message | None, str, dict[str, bool]]:
            problem = store.problem()
            name = backend_name(store.backend)
            stored: dict[str, bool] = {}
            if problem is None and old:
                stored = {field: store.get(old, field) is not None for field in FIELDS}
            return problem, name, stored

        run_op(self, probe, self._on_keychain_checked, self._on_keychain_failed)

    def _on_keychain_checked(self, facts: tuple[Message | None, str, dict[str, bool]]) -> None:
        self.keychain_problem, self.keychain_name, self.stored = facts
        self._show_keychain()

    def _on_keychain_failed(self, exc: BaseException) -> None:
        self.keychain_problem = exc.reason if isinstance(exc, KeychainUnavailable) else \
            Message("keychain.unreadable", {"error": f"{type(exc).__name__}: {exc}"})
        self.stored = {}
        self._show_keychain()

    def _show_keychain(self) -> None:
        field = self.secret_field()
        if field is None or (self.stored is None and self.keychain_problem is None):
            return
        edit = self.secret_edit if field == "access_key_secret" else self.token_edit
        if self.keychain_problem:
            set_tone(self.keychain_label, Tone.ERROR)
            self.keychain_label.setText(self.tr(
                "✗ No usable keychain: {0}. vodgui keeps secrets only in the system keychain, never in a file, so "
                "it cannot save this secret. Start or unlock your keychain (GNOME Keyring, KWallet).").format(
                render(self.keychain_problem)))
            edit.setPlaceholderText(self.tr("cannot be stored: no keychain"))
            return
        set_tone(self.keychain_label, Tone.HINT)
        if (self.stored or {}).get("proxy_password"):
            self.proxy_password_edit.setPlaceholderText(self.tr("unchanged (stored in the keychain)"))
        if (self.stored or {}).get(field):
            self.keychain_label.setText(self.tr("Stored in {0}. Leave the field empty to keep it.").format(
                self.keychain_name))
            edit.setPlaceholderText(self.tr("unchanged (stored in the keychain)"))
        else:
            self.keychain_label.setText(self.tr("Will be stored in {0}, never in the profile file.").format(
                self.keychain_name))
            edit.setPlaceholderText("")

    # -- test connection -------------------------------------------------------------------------------------
    def _on_test(self) -> None:
        profile = self.profile()
        sessions = DraftSessionFactory(self.ctx.workspace.sessions, self.typed_secrets(),
                                       stored_name=self._old_name)
        self.test_panel.set_running()
        run_op(self, lambda: test_connection(sessions, profile), self._on_test_done, self.test_panel.show_failure)

    def _on_test_done(self, result: ConnectionTestResult) -> None:
        self.test_panel.show_result(result)

    # -- save and delete -------------------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.save_button, self.delete_button, self.test_panel.button):
            widget.setEnabled(not busy)
        if busy:
            set_tone(self.error_label, Tone.HINT)
            self._show_error(text)
        else:
            set_tone(self.error_label, Tone.ERROR)

    def _on_save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            profile = self._validated()
        except VodError as err:
            self._fail(err)
            return
        field, typed, old, edits = self.secret_field(), self.typed_secret(), self._old_name, self.edits()
        proxy_password = self.proxy_password_edit.text()
        secrets, profiles = self.ctx.workspace.secrets, self.ctx.workspace.profiles

        def save() -> str | None:
            label = None
            if field is not None:
                if old and old != profile.name:
                    secrets.rename(old, profile.name)
                if typed:
                    label = secrets.set(profile.name, field, typed)
                elif secrets.get(profile.name, field) is None:
                    raise _MissingSecret()
                if proxy_password and profile.proxy_password_used:
                    secrets.set(profile.name, "proxy_password", proxy_password)
                elif not profile.proxy_password_used:
                    secrets.delete(profile.name, "proxy_password")
            if old is None:
                profiles.put(profile)
            else:
                # Onto the profile as stored now, not as it was when the dialog opened: transfer settings saved
                # meanwhile (the Transfer panel) are kept.
                profiles.update(old, edits)
            return label

        self._set_busy(True, self.tr("Saving…"))
        run_op(self, save, lambda label: self._on_saved(profile.name, label), self._on_save_failed)

    def _on_saved(self, name: str, label: str | None) -> None:
        self._set_busy(False)
        self._show_error("")
        self.saved_backend = label.split(" (", 1)[0] if label else None
        self.ctx.workspace.sessions.invalidate()
        self.ctx.select_profile(name)  # before profiles_changed, so the switcher lands on it
        self.ctx.hub.profiles_changed.emit()
        self.saved.emit(name)
        if self.saved_backend:
            self._status(self.tr("Profile {0} saved; its secret is stored in {1}.").format(name, self.saved_backend))
        else:
            self._status(self.tr("Profile {0} saved.").format(name))
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, _MissingSecret):
            self._fail(config_error("MissingSecret", params={"secret": secret_name(self.secret_field() or ""),
                                                             "profile": self.profile().name}))
        elif isinstance(exc, VodError):
            self._fail(exc)
        else:
            self._show_error(describe_exception(exc))

    def _fail(self, err: VodError) -> None:
        if isinstance(err, KeychainUnavailable):
            self.keychain_problem = self.keychain_problem or err.reason
            self._show_keychain()
            text = self.tr("Not saved: there is no usable keychain, and vodgui never writes secrets to a file. "
                           "Start or unlock your keychain (GNOME Keyring, KWallet), then save again.")
        elif err.code == "MissingSecret":
            what = self.tr("AccessKey secret") if self.source() == "accesskey" else self.tr("AppServer token")
            text = self.tr("Enter the {0}: it is kept in the system keychain, never in the profile file.").format(
                what)
        else:
            text = describe_exception(err)
        self._show_error(text)
        name = _FOCUS.get(err.code) or _FOCUS.get(err.code.split(".", 1)[0])
        if err.code == "MissingSecret" and self.source() == "appserver":
            name = "token_edit"
        target = getattr(self, name, None) if name else None
        if isinstance(target, QWidget):
            target.setFocus()

    def confirm_delete(self, name: str) -> bool:
        """Ask before deleting (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("Delete profile"), self.tr(
            "Delete the profile {0} and its secret in the keychain? Uploads queued with it cannot continue.").format(
            name))
        return answer == QMessageBox.StandardButton.Yes

    def _on_delete(self) -> None:
        name = self._old_name
        if not name or self.is_sandbox or not self.confirm_delete(name):
            return
        workspace = self.ctx.workspace
        self._set_busy(True, self.tr("Deleting…"))
        run_op(self, lambda: workspace.delete_profile(name), lambda _: self._on_deleted(name), self._on_save_failed)

    def _on_deleted(self, name: str) -> None:
        self._set_busy(False)
        self.ctx.workspace.sessions.invalidate()
        if self.ctx.current_profile == name:
            remaining = [p.name for p in self.ctx.workspace.profiles.list()]
            fallback = SANDBOX_PROFILE if SANDBOX_PROFILE in remaining else (remaining[0] if remaining else "")
            self.ctx.select_profile(fallback)
        self.ctx.hub.profiles_changed.emit()
        self.deleted.emit(name)
        self._status(self.tr("Profile {0} deleted.").format(name))
        self.accept()

    def _status(self, text: str) -> None:
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)
