"""The diagnostics bundle: what it holds, and that nothing secret gets in."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.queue import set_row
from vodgui import __version__
from vodgui.core.diagnostics import (
    build_diagnostics,
    default_name,
    log_files,
    request_ids_in_log,
    scrub,
    scrubbed_config,
)
from vodgui.core.keychain import SecretStore
from vodgui.core.profiles import Profile
from vodgui.core.redact import register
from vodgui.core.transfer.events import JobError
from vodgui.core.transfer.record import NewItem
from vodgui.core.workspace import Workspace

SECRET = "DiagSecretRegistered0123456789abcdef"
TOKEN = "CAIS" + "tOkEn" * 30
RID_QUEUE = "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"
RID_LOG = "11111111-2222-3333-4444-555555555555"
RID_OSS = "5C3D9175B6FC201293AD4890"
RID_INFO = "99999999-8888-7777-6666-555555555555"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    register(SECRET)
    ws = Workspace(str(tmp_path / "home"), secrets=SecretStore(MemoryKeyring()))
    ws.profiles.put(Profile("prod", region="cn-shanghai", access_key_id="LTAI5tExampleKeyId"))
    logs = ws.dirs.logs
    (logs / "vodgui.log").write_text(
        "2026-01-02 03:04:05,678 INFO vodgui: started\n"
        f"2026-01-02 03:04:06,000 INFO vodgui.core.vod: call ok (RequestId {RID_INFO})\n"
        f"2026-01-02 03:04:07,000 ERROR vodgui.core.transfer.job: job 1 failed: SignatureDoesNotMatch "
        f"(RequestId {RID_LOG})\n"
        "Traceback (most recent call last):\n"
        f"  oss2.exceptions.ServerError: {{'status': 403, 'request-id': '{RID_OSS}'}}\n"
        f"2026-01-02 03:04:08,000 DEBUG oss2.http: headers: {{'x-oss-security-token': '{TOKEN}'}}\n",
        encoding="utf-8")
    (logs / "vodgui.log.1").write_text(f"2026-01-01 00:00:00,000 INFO vodgui: old line leaking {SECRET}\n",
                                       encoding="utf-8")
    (logs / "unrelated.txt").write_text("not a log", encoding="utf-8")
    [a, b, c] = [r.id for r in ws.store.add_items([NewItem("/v/a.mp4", "prod", 10), NewItem("/v/b.mp4", "prod", 20),
                                                   NewItem("/v/c.mp4", "prod", 30)])]
    set_row(ws.store, a, state="failed", error=JobError(
        "SignatureDoesNotMatch", f"server string to sign is:...SecurityToken%3D{TOKEN}%26", RID_QUEUE, "auth_secret"))
    set_row(ws.store, b, state="done", media_id="v" * 32)
    set_row(ws.store, c, state="paused")
    yield ws
    ws.close()


def _read(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()}


def test_bundle_holds_logs_settings_versions_queue_and_request_ids(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "diag.zip"
    result = build_diagnostics(workspace, str(workspace.dirs.logs / "vodgui.log"), out,
                               {"PySide6": "6.12.0", "Qt": "6.12.0"})
    assert result.path == out
    members = _read(out)
    assert set(members) == {"versions.json", "network.json", "config/profiles.json", "queue.json", "logs/vodgui.log",
                            "logs/vodgui.log.1", "request_ids.json", "README.txt"}
    assert sorted(result.members) == sorted(members)

    versions = json.loads(members["versions.json"])
    for key in ("vodgui", "python", "os", "oss2", "aliyun-python-sdk-core", "aliyun-python-sdk-vod",
                "aliyun-python-sdk-sts", "keyring", "keyring backend", "PySide6", "Qt"):
        assert versions.get(key), key
    assert versions["vodgui"] == __version__
    assert "MemoryKeyring" in versions["keyring backend"]

    queue = json.loads(members["queue.json"])
    assert queue["states"] == {"done": 1, "failed": 1, "paused": 1}
    assert queue["error_codes"] == {"SignatureDoesNotMatch": 1}
    [failed] = queue["failed_items"]
    assert failed["file"] == "a.mp4" and failed["request_id"] == RID_QUEUE and "/v/" not in json.dumps(failed)

    requests = json.loads(members["request_ids.json"])
    ids = [r["request_id"] for r in requests]
    assert ids[0] == RID_QUEUE  # the queue's failures first
    assert RID_LOG in ids and RID_OSS in ids
    assert RID_INFO not in ids  # an INFO line is not a failure
    assert requests[0]["code"] == "SignatureDoesNotMatch"
    assert {r.request_id for r in result.request_ids} == set(ids)

    assert "ERROR vodgui.core.transfer.job" in members["logs/vodgui.log"]
    assert "request_ids.json" in members["README.txt"]
    assert not list(tmp_path.glob(".vodgui-diagnostics-*"))  # the temporary file was renamed


def test_nothing_secret_gets_in(workspace: Workspace, tmp_path: Path) -> None:
    # A settings file with a secret-looking key, as a future bug (or a hand edit) might write one.
    settings = {"language": "zh_CN", "appserver_token": "Tok3nValueThatShouldNeverBeHere", "nested":
                {"access_key_secret": "AnotherSecretValue12345678"}, "history_poll_seconds": 10}
    (workspace.dirs.config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    out = tmp_path / "diag.zip"
    build_diagnostics(workspace, "", out)
    members = _read(out)
    everything = "\n".join(members.values())
    for secret in (SECRET, TOKEN[4:40], "Tok3nValueThatShouldNeverBeHere", "AnotherSecretValue12345678"):
        assert secret not in everything, secret
    copied = json.loads(members["config/settings.json"])
    assert copied["appserver_token"] == "***" and copied["nested"]["access_key_secret"] == "***"
    assert copied["language"] == "zh_CN" and copied["history_poll_seconds"] == 10
    assert "LTAI5tExampleKeyId" in members["config/profiles.json"]  # an AccessKey ID is not a secret


def test_log_files_are_found_oldest_first(tmp_path: Path) -> None:
    for name in ("vodgui.log", "vodgui.log.2", "vodgui.log.10", "vodgui.log.1", "other.log"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in log_files(tmp_path)] == ["vodgui.log.10", "vodgui.log.2", "vodgui.log.1", "vodgui.log"]
    assert log_files(tmp_path / "missing") == []


def test_request_ids_come_from_failure_lines_and_their_tracebacks() -> None:
    lines = [
        "2026-01-02 03:04:05,678 WARNING vodgui.retry: retrying after Throttling (RequestId AAAAAAAA-1111-2222)\n",
        "  x-oss-request-id: BBBBBBBBBBBBBBBBBBBBBBBB\n",
        "2026-01-02 03:04:06,000 INFO vodgui: ok RequestId CCCCCCCC-3333-4444\n",
        "  continuation of an info line req-id:DDDDDDDDDDDDDDDDDDDDDDDD\n",
    ]
    found = request_ids_in_log(lines, "vodgui.log")
    assert [r.request_id for r in found] == ["AAAAAAAA-1111-2222", "BBBBBBBBBBBBBBBBBBBBBBBB"]
    assert found[1].source == "vodgui.log:2"


def test_scrub_and_config_fallbacks(tmp_path: Path) -> None:
    assert scrub({"a": [{"password": "p4ssw0rd-long"}], "appserver_url": "https://x", "n": 3}) == {
        "a": [{"password": "***"}], "appserver_url": "https://x", "n": 3}
    assert scrubbed_config(tmp_path / "missing.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text(f"{{not json, token: {TOKEN}", encoding="utf-8")
    text = scrubbed_config(broken)
    assert text is not None and TOKEN[4:40] not in text
    assert default_name(0).startswith("vodgui-diagnostics-") and default_name(0).endswith(".zip")


def test_failure_leaves_no_partial_file(workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vodgui.core.diagnostics as diagnostics

    def broken(*_: object, **__: object) -> dict[str, str]:
        raise RuntimeError("versions exploded")

    monkeypatch.setattr(diagnostics, "collect_versions", broken)
    out = tmp_path / "diag.zip"
    with pytest.raises(RuntimeError):
        build_diagnostics(workspace, "", out)
    assert not out.exists() and not list(tmp_path.glob(".vodgui-diagnostics-*"))


def test_versions_fall_back_to_the_module_when_metadata_is_missing() -> None:
    from vodgui.core.diagnostics import package_versions

    versions = package_versions({"no-such-distribution-xyz": "json", "another-missing-xyz": "no_such_module_xyz"})
    assert versions["no-such-distribution-xyz"] != "not installed"  # json has __version__ (or "unknown")
    assert versions["another-missing-xyz"] == "not installed"
