"""Network settings, proxy passwords out of files, redaction of values (not words), titles VOD accepts."""

from __future__ import annotations

import json
import logging

import pytest

from tests.helpers.keyrings import MemoryKeyring
from vodgui.core.credentials import Secret
from vodgui.core.errors import VodError, from_oss_exception
from vodgui.core.keychain import SecretStore
from vodgui.core.network import (
    Network,
    NetworkSettings,
    check_appserver_url,
    split_proxy_url,
    with_credentials,
)
from vodgui.core.profiles import Profile, ProfileStore
from vodgui.core.redact import RedactingFilter, redact
from vodgui.core.vod import MAX_TITLE_BYTES, VideoMetadata, default_title


# -- redaction -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # aliyunsdkcore/client.py, when the server's string-to-sign equals ours: a wrong secret.
    "InvalidAccessKeySecret: The AccessKeySecret is incorrect. Please check your AccessKeyId and AccessKeySecret.",
    # POP services (the sandbox answers with the same texts).
    "MissingSecurityToken: SecurityToken is mandatory for this action.",
    "InvalidSecurityToken.Expired: Specified SecurityToken is expired.",
    # OSS (oss2 exceptions' str(): {'status': 403, ..., 'details': {'Code': ..., 'Message': ...}}).
    "{'status': 403, 'details': {'Code': 'InvalidSecurityToken', 'Message': 'The security token you provided is "
    "invalid.'}}",
    "SecurityTokenExpired: The security token you provided has expired.",
])
def test_error_texts_keep_their_words(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize("text, value", [
    ("AccessKeySecret: UYKe7ZbZXlPoNyPcXdt91NZAHYNPm2", "UYKe7ZbZXlPoNyPcXdt91NZAHYNPm2"),
    ('{"AccessKeySecret": "8sKqGx1N2wGv4b3bJYtPqW8hS5dZ"}', "8sKqGx1N2wGv4b3bJYtPqW8hS5dZ"),
    ("SecurityToken=CAIS3gF1q6Ft5B2yfSjIr5b", "CAIS3gF1q6Ft5B2yfSjIr5b"),
    ("proxy_password = hunter22hunter", "hunter22hunter"),
])
def test_named_secret_values_are_masked(text: str, value: str) -> None:
    assert value not in redact(text)


def test_url_userinfo_is_masked_wherever_a_url_is_printed() -> None:
    # oss2/api.py's DEBUG line, as it would print a proxies dict with credentials.
    line = ("Init oss service, endpoint: https://oss-cn-shanghai.aliyuncs.com, connect_timeout: 60, app_name: , "
            "proxies: {'http': 'http://alice:S3cr3t-Pw@10.0.0.5:3128', 'https': 'socks5h://bob:p%40ss@proxy:1080'}")
    out = redact(line)
    assert "S3cr3t-Pw" not in out and "p%40ss" not in out
    assert "http://alice:***@10.0.0.5:3128" in out and "socks5h://bob:***@proxy:1080" in out
    assert redact("see https://example.com:8443/path?a=b@c") == "see https://example.com:8443/path?a=b@c"


def test_third_party_debug_lines_are_redacted_at_the_source(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("oss2.api")
    logger.addFilter(RedactingFilter())
    try:
        with caplog.at_level(logging.DEBUG, logger="oss2.api"):
            logger.debug("Init Bucket: %s, proxies: %s", "b", {"https": "http://u:Pw-123456@127.0.0.1:1"})
    finally:
        logger.filters.clear()
    assert "Pw-123456" not in caplog.text and "u:***@127.0.0.1:1" in caplog.text


def test_a_proxy_error_from_oss2_keeps_no_password() -> None:
    import oss2
    import requests

    inner = requests.exceptions.ProxyError("Cannot connect to proxy http://u:Pw-7654321@127.0.0.1:9 refused")
    err = from_oss_exception(oss2.exceptions.RequestError(inner))
    assert "Pw-7654321" not in err.message and "Pw-7654321" not in str(err)


# -- proxy URLs and resolution -------------------------------------------------------------------------------
def test_proxy_url_credentials_split_and_join() -> None:
    assert split_proxy_url("http://qa%40corp:p%3Ass@proxy.corp:3128") == ("http://proxy.corp:3128", "qa@corp",
                                                                           "p:ss")
    assert with_credentials("http://proxy.corp:3128", "qa@corp", "p:ss") == "http://qa%40corp:p%3Ass@proxy.corp:3128"
    assert with_credentials("http://proxy.corp:3128", "", "x") == "http://proxy.corp:3128"


def test_manual_proxy_honours_its_bypass_list() -> None:
    net = Network(NetworkSettings("manual", "http://proxy.corp:3128", "qa", ".internal, 10.0.0.0/8, oss.example"),
                  Secret("pw-123456"))
    assert net.proxy_for("https://vod.cn-shanghai.aliyuncs.com/") == "http://qa:pw-123456@proxy.corp:3128"
    for url in ("https://a.b.internal/x", "http://10.2.3.4:80/", "https://oss.example/", "https://x.oss.example"):
        assert net.proxy_for(url) is None, url
    assert Network(NetworkSettings("none")).proxy_for("https://vod.cn-shanghai.aliyuncs.com/") is None


def test_system_mode_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("NO_PROXY", "aliyuncs.com")
    net = Network(NetworkSettings("system", proxy_user="qa"), Secret("pw-123456"))
    assert net.proxy_for("https://upload.example.com/") == "http://qa:pw-123456@proxy.corp:3128"
    assert net.proxy_for("https://vod.cn-shanghai.aliyuncs.com/") is None


def test_a_pac_file_on_disk(tmp_path) -> None:
    pac = tmp_path / "corp.pac"
    pac.write_text('function FindProxyForURL(url, host) { if (shExpMatch(host, "*.aliyuncs.com")) '
                   'return "PROXY proxy.corp:8080"; return "DIRECT"; }', encoding="utf-8")
    net = Network(NetworkSettings("pac", str(pac)))
    assert net.proxy_for("https://vod.cn-shanghai.aliyuncs.com/?Action=X") == "http://proxy.corp:8080"
    assert net.proxy_for("https://example.com/") is None


@pytest.mark.parametrize("url, ok", [
    ("https://appserver.example.com/vod", True), ("http://127.0.0.1:8080/_appserver", True),
    ("http://localhost:9000", True), ("http://[::1]:9000/x", True), ("http://example.com/", False),
    ("http://10.0.0.1/", False), ("ftp://example.com", False), ("https://", False),
])
def test_appserver_urls(url: str, ok: bool) -> None:
    if ok:
        check_appserver_url(url)
    else:
        with pytest.raises(VodError) as err:
            check_appserver_url(url)
        assert err.value.code == "InvalidAppServerURL"


def test_a_password_in_the_proxy_address_is_refused_by_validation() -> None:
    with pytest.raises(VodError) as err:
        NetworkSettings("manual", "http://u:pw@proxy:1").validate()
    assert err.value.code == "InlineProxyPassword"


# -- migration -----------------------------------------------------------------------------------------------
def test_inline_proxy_passwords_are_moved_to_the_keychain(tmp_path) -> None:
    store = ProfileStore(tmp_path)
    old = Profile("corp", access_key_id="LTAI5tExample").to_json()
    old["transfer"]["proxy"] = "http://alice:Old-Pass-42@proxy.corp:3128"
    plain = Profile("plain", access_key_id="LTAI5tExample").to_json()
    plain["transfer"]["proxy"] = ""
    store.path.write_text(json.dumps({"version": 1, "default": "corp", "profiles": [old, plain]}), encoding="utf-8")
    secrets = SecretStore(MemoryKeyring())
    assert store.migrate_proxy_passwords(secrets) == ["corp", "plain"]
    assert "Old-Pass-42" not in store.path.read_text(encoding="utf-8")
    corp = store.require("corp")
    assert (corp.proxy_mode, corp.proxy_url, corp.proxy_user) == ("manual", "http://proxy.corp:3128", "alice")
    assert secrets.get("corp", "proxy_password") == Secret("Old-Pass-42")
    assert store.require("plain").proxy_mode == "system"
    assert store.migrate_proxy_passwords(secrets) == []  # once


def test_migration_waits_for_a_keychain(tmp_path) -> None:
    from vodgui.core.keychain import KeychainUnavailable
    from vodgui.core.messages import Message

    class Broken(SecretStore):
        def set(self, profile: str, field: str, value: str) -> str:
            raise KeychainUnavailable(Message("keychain.none"))

    store = ProfileStore(tmp_path)
    old = Profile("corp", access_key_id="LTAI5tExample").to_json()
    old["transfer"]["proxy"] = "http://alice:Old-Pass-42@proxy.corp:3128"
    store.path.write_text(json.dumps({"version": 1, "default": "corp", "profiles": [old]}), encoding="utf-8")
    assert store.migrate_proxy_passwords(Broken(MemoryKeyring())) == []
    assert "Old-Pass-42" in store.path.read_text(encoding="utf-8")  # nothing lost; the next start tries again


# -- titles --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", ["会议记录" * 20, "a" * 200, "é" * 100, "x" + "中" * 60 + "🎬"])
def test_long_file_names_become_titles_vod_accepts(stem: str) -> None:
    name = f"{stem}.mp4"
    title = default_title(name)
    assert 0 < len(title.encode("utf-8")) <= MAX_TITLE_BYTES
    assert stem.startswith(title) or title in stem
    assert all(ord(c) <= 0xFFFF for c in title)
    meta = VideoMetadata()
    meta.validate(name)  # no LengthExceededMax
    params = meta.create_params(name, 10)
    assert params["Title"] == title and params["FileName"] == name
