"""The profile editor against the real sandbox: create each mode x source, the keychain, Test connection
verdicts, the policy editor, the built-in sandbox profile, rename and delete."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring.backends.fail
import pytest
import shiboken6
from PySide6.QtCore import Qt

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.workspace import COMBOS, profile_from_info, write_file
from tests.unit.ui.conftest import add_sandbox_profiles
from vodgui.core.keychain import SecretStore
from vodgui.core.messages import Message
from vodgui.core.profiles import POLICY_UPLOAD_ONLY
from vodgui.core.transfer.events import JobState
from vodgui.ui.policy_editor import PRESET_CUSTOM, PRESET_NONE, PRESET_UPLOAD, PRESET_UPLOAD_PLAYBACK
from vodgui.ui.profile_dialog import ProfileDialog

Opener = Callable[..., ProfileDialog]


@pytest.fixture
def open_dialog(qtbot: Any, ui_ctx: Any) -> Iterator[Opener]:
    """Open a ProfileDialog like the window does, wait for its keychain check; close leftovers after."""
    dialogs: list[ProfileDialog] = []

    def opener(name: str | None = None, parent: Any = None) -> ProfileDialog:
        dialog = ProfileDialog(ui_ctx, name, parent)
        dialog.confirm_delete = lambda _name: True  # type: ignore[method-assign]
        dialogs.append(dialog)
        dialog.open()
        if not dialog.is_sandbox:
            qtbot.waitUntil(lambda: dialog.stored is not None or dialog.keychain_problem is not None)
        return dialog

    yield opener
    for dialog in dialogs:
        if shiboken6.isValid(dialog):
            dialog.close()


def choose(box: Any, data: str) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def type_into(qtbot: Any, edit: Any, text: str) -> None:
    edit.clear()
    if text:
        qtbot.keyClicks(edit, text)


def fill(qtbot: Any, d: ProfileDialog, name: str, mode: str, source: str, info: dict[str, Any], *,
         secret: str | None = None, **fields: str) -> None:
    """Type a profile for the sandbox into the dialog, as a user would."""
    profile, _field, default_secret = profile_from_info(name, info, mode, source)
    type_into(qtbot, d.name_edit, name)
    d.region_box.setCurrentText(info["region"])
    choose(d.mode_box, mode)
    choose(d.source_box, source)
    values = {"vod_endpoint_edit": profile.vod_endpoint, "sts_endpoint_edit": profile.sts_endpoint}
    if source == "accesskey":
        values.update(key_id_edit=profile.access_key_id, secret_edit=default_secret)
        if mode == "sts":
            values.update(role_arn_edit=profile.role_arn)
    else:
        values.update(appserver_url_edit=profile.appserver_url, token_edit=default_secret)
    if secret is not None:
        values["secret_edit" if source == "accesskey" else "token_edit"] = secret
    values.update(fields)
    for attr, text in values.items():
        type_into(qtbot, getattr(d, attr), text)


def save(qtbot: Any, d: ProfileDialog) -> None:
    with qtbot.waitSignal(d.saved, timeout=10_000):
        qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)


def save_fails(qtbot: Any, d: ProfileDialog) -> str:
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.save_button.isEnabled() and d.error_label.isVisible()
                    and d.error_label.text() != d.tr("Saving…"))
    return d.error_label.text()


def run_test(qtbot: Any, d: ProfileDialog) -> Any:
    qtbot.mouseClick(d.test_panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.test_panel.result is not None, timeout=20_000)
    return d.test_panel.result


# -- creating profiles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("mode", "source"), COMBOS)
def test_create_each_mode_and_source_then_upload(qtbot: Any, ui_ctx: Any, open_dialog: Opener, info: dict,
                                                 keyring_backend: MemoryKeyring, tmp_path: Path, mode: str,
                                                 source: str) -> None:
    name = f"My {mode} {source}"
    d = open_dialog()
    assert d.windowTitle() == "New profile"
    assert not d.delete_button.isVisible()
    fill(qtbot, d, name, mode, source, info)
    assert d.role_group.isVisible() == (mode == "sts" and source == "accesskey")
    assert d.key_id_edit.isVisible() == (source == "accesskey")
    assert d.token_edit.isVisible() == (source == "appserver")
    save(qtbot, d)

    _, field, secret = profile_from_info(name, info, mode, source)
    assert keyring_backend.data[("vodgui", f"{name}:{field}")] == secret
    stored = ui_ctx.workspace.profiles.path.read_text(encoding="utf-8")
    assert secret not in stored
    profile = ui_ctx.workspace.profiles.require(name)
    assert (profile.mode, profile.source, profile.sandbox) == (mode, source, False)
    assert ui_ctx.current_profile == name
    assert d.saved_backend == MemoryKeyring.name

    path = write_file(tmp_path / "clip.mp4", 40 * 1024, seed=3)
    [job_id] = ui_ctx.engine.add_files([str(path)], name)
    assert ui_ctx.engine.wait_idle(60)
    snap = ui_ctx.engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap
    assert snap.media_id


def test_enter_saves_and_escape_cancels(qtbot: Any, ui_ctx: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "Keyboard", "credential", "accesskey", info)
    with qtbot.waitSignal(d.saved, timeout=10_000):
        qtbot.keyClick(d.key_id_edit, Qt.Key.Key_Return)
    assert ui_ctx.workspace.profiles.get("Keyboard") is not None

    d = open_dialog("Keyboard")
    type_into(qtbot, d.name_edit, "Renamed by mistake")
    with qtbot.waitSignal(d.rejected, timeout=5_000):
        qtbot.keyClick(d.name_edit, Qt.Key.Key_Escape)
    assert ui_ctx.workspace.profiles.get("Renamed by mistake") is None


def test_validation_messages_are_shown_inline(qtbot: Any, ui_ctx: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "Half done", "credential", "accesskey", info, key_id_edit="")
    assert save_fails(qtbot, d) == "Enter the AccessKey ID."
    type_into(qtbot, d.key_id_edit, info["access_key_id"])
    type_into(qtbot, d.secret_edit, "")
    assert "Enter the AccessKey secret" in save_fails(qtbot, d)
    fill(qtbot, d, "Sandbox", "credential", "accesskey", info)
    assert save_fails(qtbot, d) == "A profile named Sandbox already exists."
    fill(qtbot, d, "STS", "sts", "accesskey", info, role_arn_edit="arn:not-a-role")
    assert "RoleArn 'arn:not-a-role' is not of the form" in save_fails(qtbot, d)
    choose(d.proxy_mode_box, "manual")
    fill(qtbot, d, "Proxy", "credential", "accesskey", info, proxy_edit="proxy.example.com:8080")
    assert "The proxy must look like http://host:port" in save_fails(qtbot, d)
    choose(d.source_box, "appserver")
    choose(d.proxy_mode_box, "none")
    fill(qtbot, d, "Clear", "credential", "appserver", info, appserver_url_edit="http://example.com/vod")
    assert "must start with https://" in save_fails(qtbot, d)
    assert d.focusWidget() is d.appserver_url_edit
    assert d.isVisible()
    assert [p.name for p in ui_ctx.workspace.profiles.list()] == ["Sandbox"]


def test_save_runs_off_the_gui_thread(qtbot: Any, ui_ctx: Any, open_dialog: Opener, info: dict) -> None:
    """A keychain that blocks (a locked Secret Service asking for a password) must not freeze the dialog."""
    release = threading.Event()

    class SlowKeyring(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            release.wait(10)
            super().set_password(service, username, password)

    backend = SlowKeyring()
    ui_ctx.workspace.secrets = ui_ctx.workspace.sessions.secrets = SecretStore(backend)
    d = open_dialog()
    fill(qtbot, d, "Slow keychain", "credential", "accesskey", info)
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert not d.save_button.isEnabled()
    assert d.error_label.text() == "Saving…"
    qtbot.wait(50)  # the event loop keeps running while the keychain is busy
    assert d.isVisible() and ui_ctx.workspace.profiles.get("Slow keychain") is None
    with qtbot.waitSignal(d.saved, timeout=10_000):
        release.set()
    assert backend.data[("vodgui", "Slow keychain:access_key_secret")] == info["access_key_secret"]


# -- editing, renaming, deleting -----------------------------------------------------------------------------
def test_edit_keeps_the_stored_secret_and_rename_moves_it(qtbot: Any, main_window: Any, ui_ctx: Any,
                                                          open_dialog: Opener, info: dict,
                                                          keyring_backend: MemoryKeyring) -> None:
    add_sandbox_profiles(ui_ctx, info)
    d = open_dialog("credential-accesskey", main_window)
    assert d.windowTitle() == "Edit profile credential-accesskey"
    assert d.secret_edit.text() == ""
    assert d.keychain_label.text() == f"Stored in {MemoryKeyring.name}. Leave the field empty to keep it."
    assert run_test(qtbot, d).ok  # the stored secret is used when the field is empty
    type_into(qtbot, d.name_edit, "Main account")
    assert run_test(qtbot, d).ok  # still found under the old name before saving
    save(qtbot, d)

    assert ("vodgui", "credential-accesskey:access_key_secret") not in keyring_backend.data
    assert keyring_backend.data[("vodgui", "Main account:access_key_secret")] == info["access_key_secret"]
    names = [p.name for p in ui_ctx.workspace.profiles.list()]
    assert "Main account" in names and "credential-accesskey" not in names
    assert ui_ctx.current_profile == "Main account"
    assert main_window.profile_box.currentData() == "Main account"
    assert main_window.statusBar().currentMessage() == "Profile Main account saved."


def test_new_secret_replaces_the_stored_one(qtbot: Any, main_window: Any, ui_ctx: Any, open_dialog: Opener,
                                            info: dict, keyring_backend: MemoryKeyring) -> None:
    add_sandbox_profiles(ui_ctx, info)
    keyring_backend.data[("vodgui", "sts-appserver:appserver_token")] = "an old token"
    d = open_dialog("sts-appserver", main_window)
    assert not run_test(qtbot, d).ok
    type_into(qtbot, d.token_edit, info["appserver_token"])
    assert run_test(qtbot, d).ok
    save(qtbot, d)
    assert keyring_backend.data[("vodgui", "sts-appserver:appserver_token")] == info["appserver_token"]
    assert main_window.statusBar().currentMessage() == \
        f"Profile sts-appserver saved; its secret is stored in {MemoryKeyring.name}."


def test_delete_removes_the_profile_and_its_secret(qtbot: Any, main_window: Any, ui_ctx: Any, open_dialog: Opener,
                                                   info: dict, keyring_backend: MemoryKeyring) -> None:
    add_sandbox_profiles(ui_ctx, info)
    ui_ctx.select_profile("sts-accesskey")
    d = open_dialog("sts-accesskey", main_window)
    assert d.delete_button.isVisible()
    with qtbot.waitSignal(d.deleted, timeout=10_000):
        qtbot.mouseClick(d.delete_button, Qt.MouseButton.LeftButton)
    assert ui_ctx.workspace.profiles.get("sts-accesskey") is None
    assert not [k for k in keyring_backend.data if k[1].startswith("sts-accesskey:")]
    assert ui_ctx.current_profile == "Sandbox"
    assert main_window.profile_box.currentData() == "Sandbox"
    assert main_window.profile_box.findData("sts-accesskey") == -1


# -- keychain ------------------------------------------------------------------------------------------------
def test_unusable_keychain_is_said_and_the_secret_is_not_saved(qtbot: Any, ui_ctx: Any, open_dialog: Opener,
                                                               info: dict) -> None:
    ui_ctx.workspace.secrets = ui_ctx.workspace.sessions.secrets = SecretStore(keyring.backends.fail.Keyring())
    d = open_dialog()
    assert d.keychain_problem == Message("keychain.none")
    assert d.keychain_label.text().startswith("✗ No usable keychain: no keychain is available.")
    assert "never in a file" in d.keychain_label.text()
    fill(qtbot, d, "No keychain", "credential", "accesskey", info)
    assert save_fails(qtbot, d).startswith("Not saved: there is no usable keychain")
    assert ui_ctx.workspace.profiles.get("No keychain") is None
    assert "access_key_secret" not in ui_ctx.workspace.profiles.path.read_text(encoding="utf-8")
    # Test connection still works with the typed secret: it never needs the keychain.
    assert run_test(qtbot, d).ok


# -- Test connection verdicts --------------------------------------------------------------------------------
UPLOAD_FORBIDDEN_POLICY = json.dumps({"Version": "1", "Statement": [
    {"Effect": "Allow", "Action": "vod:GetPlayInfo", "Resource": "*"}]})

VERDICTS: list[tuple[str, str, str, dict[str, str], str | None, str]] = [
    # (id, mode, source, field overrides, expected kind, verdict starts with)
    ("success", "credential", "accesskey", {}, None, "✓ Connection works: this profile can upload."),
    ("sts-success", "sts", "accesskey", {}, None, "✓ Connection works: this profile can upload."),
    ("appserver-success", "sts", "appserver", {}, None, "✓ Connection works"),
    ("wrong-key-id", "credential", "accesskey", {"key_id_edit": "LTAI5tWrongWrongWrong1"}, "auth_key_id",
     "✗ Wrong AccessKey ID"),
    ("wrong-secret", "sts", "accesskey", {"secret_edit": "not-the-secret"}, "auth_secret",
     "✗ Wrong AccessKey secret"),
    ("wrong-token", "credential", "appserver", {"token_edit": "not-the-token"}, "auth_secret",
     "✗ Wrong AppServer token"),
    ("role-not-found", "sts", "accesskey", {"role_arn_edit": "{account}:role/nosuchrole"}, "role",
     "✗ Role not found"),
    ("network", "sts", "accesskey", {"vod_endpoint_edit": "http://127.0.0.1:9",
                                     "sts_endpoint_edit": "http://127.0.0.1:9"}, "network", "✗ Network problem"),
]


@pytest.mark.parametrize(("mode", "source", "fields", "kind", "verdict"), [v[1:] for v in VERDICTS],
                         ids=[v[0] for v in VERDICTS])
def test_connection_verdicts(qtbot: Any, open_dialog: Opener, info: dict, mode: str, source: str,
                             fields: dict[str, str], kind: str | None, verdict: str) -> None:
    d = open_dialog()
    account = info["role_arn"].split(":role/")[0]
    fill(qtbot, d, "Draft", mode, source, info, **{k: v.format(account=account) for k, v in fields.items()})
    result = run_test(qtbot, d)
    assert result.kind == kind
    assert d.test_panel.verdict.text().startswith(verdict)
    assert d.test_panel.steps.text()  # each step is listed
    assert d.isVisible() and d.ctx.workspace.profiles.get("Draft") is None  # nothing was saved


def test_connection_without_upload_permission(qtbot: Any, open_dialog: Opener, info: dict) -> None:
    # A RAM user whose only policy is sts:AssumeRole, used directly: valid key, no VOD permission.
    d = open_dialog()
    fill(qtbot, d, "RAM user", "credential", "accesskey", info, key_id_edit=info["ram_user"]["access_key_id"],
         secret_edit=info["ram_user"]["access_key_secret"])
    result = run_test(qtbot, d)
    assert result.kind == "permission"
    assert d.test_panel.verdict.text().startswith("✗ No permission: the key is valid but may not upload to VOD.")
    assert "Forbidden.RAM" in d.test_panel.steps.text()

    # The role allows everything, but the session policy allows only playback.
    fill(qtbot, d, "Narrow policy", "sts", "accesskey", info)
    d.policy_editor.set_policy(UPLOAD_FORBIDDEN_POLICY)
    result = run_test(qtbot, d)
    assert [s.name for s in result.steps] == ["AccessKey", "AssumeRole", "VOD upload"]
    assert d.test_panel.verdict.text().startswith("✗ No permission")

    # Upload only: reading video info is refused, which is fine for uploading.
    choose(d.policy_editor.preset_box, PRESET_UPLOAD)
    result = run_test(qtbot, d)
    assert result.ok
    assert "may not read video information" in d.test_panel.verdict.text()


def test_connection_role_not_assumable_by_root(qtbot: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "Root STS", "sts", "accesskey", info, key_id_edit=info["access_key_id"],
         secret_edit=info["access_key_secret"])
    result = run_test(qtbot, d)
    assert result.kind == "role"
    assert d.test_panel.verdict.text().startswith("✗ This RAM user may not assume the role.")


def test_connection_clock_skew(qtbot: Any, open_dialog: Opener, info: dict, control: Any) -> None:
    d = open_dialog()
    fill(qtbot, d, "Skewed", "credential", "accesskey", info)
    control.clock(skew=1200)
    try:
        result = run_test(qtbot, d)
    finally:
        control.clock(skew=0)
    assert result.kind == "clock_skew"
    assert d.test_panel.verdict.text().startswith("✗ Clock skew: this computer's clock is more than 15 minutes")


def test_connection_needs_a_secret(qtbot: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "No secret yet", "credential", "accesskey", info, secret="")
    result = run_test(qtbot, d)
    assert not result.ok
    assert d.test_panel.verdict.text() == ("✗ Enter the secret first: nothing is stored in the keychain for this "
                                           "profile yet.")


# -- session policy editor -----------------------------------------------------------------------------------
def test_policy_presets_and_grammar_check(qtbot: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "Policy", "sts", "accesskey", info)
    editor = d.policy_editor
    assert editor.preset() == PRESET_NONE and editor.policy() == ""
    assert editor.status.text() == "No session policy: the token has all the permissions of the role."

    choose(editor.preset_box, PRESET_UPLOAD)
    assert json.loads(editor.policy()) == json.loads(POLICY_UPLOAD_ONLY)
    assert editor.status.text() == "✓ The policy is well-formed."
    choose(editor.preset_box, PRESET_UPLOAD_PLAYBACK)
    assert "vod:GetPlayInfo" in json.loads(editor.policy())["Statement"][0]["Action"]

    type_into(qtbot, editor.edit, '{"Version": "1", "Statement": [')
    assert editor.preset() == PRESET_CUSTOM
    assert editor.status.text().startswith("✗ Policy problem: The policy is not valid JSON:")
    type_into(qtbot, editor.edit, '{"Version": "1", "Statement": [{"Effect": "Allow", '
                                  '"Action": "vod CreateUploadVideo", "Resource": "*"}]}')
    assert editor.status.text() == ("✗ Policy problem: Statement 1: action 'vod CreateUploadVideo' is not like "
                                    "vod:CreateUploadVideo.")
    assert "Statement 1: action" in save_fails(qtbot, d)
    type_into(qtbot, editor.edit, '{"Version": "1", "Statement": [{"Action": "vod:*", "Resource": "*"}]}')
    assert editor.status.text() == '✗ Policy problem: Statement 1: Effect must be "Allow" or "Deny".'
    type_into(qtbot, editor.edit, POLICY_UPLOAD_ONLY)  # typing a preset's text selects the preset
    assert editor.preset() == PRESET_UPLOAD
    choose(editor.preset_box, PRESET_NONE)
    assert editor.edit.toPlainText() == ""

    choose(editor.preset_box, PRESET_UPLOAD)
    save(qtbot, d)
    stored = d.ctx.workspace.profiles.require("Policy").policy
    assert json.loads(stored) == json.loads(POLICY_UPLOAD_ONLY) and "\n" not in stored  # compact on disk


# -- the built-in sandbox profile ----------------------------------------------------------------------------
def test_sandbox_profile_is_read_only_but_mode_and_source_can_change(qtbot: Any, ui_ctx: Any,
                                                                    open_dialog: Opener, info: dict) -> None:
    d = open_dialog("Sandbox")
    assert d.is_sandbox and d.sandbox_note.isVisible()
    assert d.windowTitle() == "Built-in sandbox profile"
    assert d.name_edit.isReadOnly() and not d.region_box.isEnabled()
    assert not d.cred_group.isVisible() and not d.delete_button.isVisible()
    assert d.vod_endpoint_edit.text() == info["vod_endpoint"] and d.vod_endpoint_edit.isReadOnly()
    for mode, source in COMBOS:
        choose(d.mode_box, mode)
        choose(d.source_box, source)
        assert d.role_group.isVisible() == (mode == "sts" and source == "accesskey")
        if d.role_group.isVisible():
            assert d.role_arn_edit.text() == info["role_arn"] and d.role_arn_edit.isReadOnly()
        result = run_test(qtbot, d)
        assert result.ok, (mode, source, result.to_json())
    save(qtbot, d)
    profile = ui_ctx.workspace.profiles.require("Sandbox")
    assert (profile.mode, profile.source, profile.sandbox) == ("sts", "appserver", True)
    assert profile.access_key_id == "" and profile.role_arn == ""  # facts stay with the running sandbox


def test_sandbox_role_settings_are_checked(qtbot: Any, ui_ctx: Any, open_dialog: Opener) -> None:
    d = open_dialog("Sandbox")
    choose(d.mode_box, "sts")
    choose(d.source_box, "accesskey")
    type_into(qtbot, d.session_name_edit, "x")
    assert save_fails(qtbot, d).startswith("RoleSessionName must be 2-64 characters")
    type_into(qtbot, d.session_name_edit, "rehearsal")
    choose(d.policy_editor.preset_box, PRESET_UPLOAD)
    save(qtbot, d)
    profile = ui_ctx.workspace.profiles.require("Sandbox")
    assert (profile.mode, profile.role_session_name) == ("sts", "rehearsal")
    assert json.loads(profile.policy) == json.loads(POLICY_UPLOAD_ONLY)


def test_proxy_password_is_saved_to_the_keychain_and_tested(qtbot: Any, ui_ctx: Any, open_dialog: Opener,
                                                            info: dict) -> None:
    from tests.helpers.proxy import forwarding_proxy

    with forwarding_proxy(auth=("qa", "Proxy-Pw-2468")) as proxy:
        d = open_dialog()
        choose(d.proxy_mode_box, "manual")
        assert d.proxy_edit.isVisible() and d.no_proxy_edit.isVisible()
        fill(qtbot, d, "Corp", "sts", "accesskey", info)
        # Pasted with the credentials, as a proxy address is often handed out: they move to their fields.
        type_into(qtbot, d.proxy_edit, f"http://qa:wrong-pass-1@127.0.0.1:{proxy.port}")
        d.proxy_edit.editingFinished.emit()
        assert d.proxy_edit.text() == f"http://127.0.0.1:{proxy.port}" and d.proxy_user_edit.text() == "qa"
        result = run_test(qtbot, d)
        assert not result.ok and f"The proxy 127.0.0.1:{proxy.port} refused" in d.test_panel.verdict.text()
        type_into(qtbot, d.proxy_password_edit, "Proxy-Pw-2468")
        assert run_test(qtbot, d).ok
        assert not d.test_panel.warning.isVisible()  # a RAM user's key: no root warning
        save(qtbot, d)
    profiles = ui_ctx.workspace.profiles
    assert "Proxy-Pw-2468" not in profiles.path.read_text(encoding="utf-8")
    assert profiles.require("Corp").proxy_user == "qa"
    assert ui_ctx.workspace.secrets.get("Corp", "proxy_password").reveal() == "Proxy-Pw-2468"


def test_root_account_key_is_warned_about(qtbot: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    fill(qtbot, d, "Root", "credential", "accesskey", info)
    assert run_test(qtbot, d).ok
    assert d.test_panel.warning.isVisible()
    assert "root account" in d.test_panel.warning.text() and "RAM user" in d.test_panel.warning.text()


def test_system_proxy_is_the_default_and_hides_manual_fields(qtbot: Any, open_dialog: Opener) -> None:
    d = open_dialog()
    assert d.proxy_mode() == "system"
    assert not d.proxy_edit.isVisible() and not d.no_proxy_edit.isVisible() and d.ca_file_edit.isVisible()
    choose(d.proxy_mode_box, "pac")
    assert d.proxy_edit.isVisible() and not d.no_proxy_edit.isVisible()
    choose(d.proxy_mode_box, "none")
    assert not d.proxy_user_edit.isVisible() and not d.proxy_password_edit.isVisible()


def test_upload_acceleration_switch(qtbot: Any, ui_ctx: Any, open_dialog: Opener, info: dict) -> None:
    d = open_dialog()
    assert not d.accelerate_check.isChecked() and not d.accelerate_endpoint_box.isEnabled()
    assert "billed" in d.accelerate_check.toolTip() and "enable it for the account" in d.accelerate_check.toolTip()
    fill(qtbot, d, "Far away", "credential", "accesskey", info)
    qtbot.mouseClick(d.accelerate_check, Qt.MouseButton.LeftButton)
    assert d.accelerate_endpoint_box.isEnabled()
    d.accelerate_endpoint_box.setCurrentText("oss-accelerate.aliyuncs.com")  # no scheme: refused, named
    assert "is not a URL like https://oss-accelerate.aliyuncs.com" in save_fails(qtbot, d)
    d.accelerate_endpoint_box.setCurrentIndex(1)
    save(qtbot, d)
    profile = ui_ctx.workspace.profiles.require("Far away")
    assert profile.accelerate and profile.accelerate_endpoint == "https://oss-accelerate-overseas.aliyuncs.com"

    again = open_dialog("Far away")
    assert again.accelerate_check.isChecked()
    assert again.accelerate_endpoint_box.currentText() == "https://oss-accelerate-overseas.aliyuncs.com"
    again.accelerate_endpoint_box.setCurrentIndex(0)  # the global endpoint: stored as the default
    qtbot.mouseClick(again.accelerate_check, Qt.MouseButton.LeftButton)
    save(qtbot, again)
    profile = ui_ctx.workspace.profiles.require("Far away")
    assert not profile.accelerate and profile.accelerate_endpoint == ""

    sandbox = open_dialog("Sandbox")  # the sandbox answers on its own port; the endpoint is not editable
    assert sandbox.accelerate_endpoint_box.currentText() == info["oss_accelerate_endpoint"]
    assert sandbox.accelerate_endpoint_box.lineEdit().isReadOnly()
