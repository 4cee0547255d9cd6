"""The CLI behind a password-protected proxy, AppServer URLs that would send the token in clear, root keys."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.conftest import TINY, add_profile, json_lines
from tests.helpers.proxy import forwarding_proxy
from tests.helpers.workspace import write_file
from vodgui.sandbox import SandboxServer

PASSWORD = "Corp-Proxy-Pa55word"


def files_containing(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_proxy_password_goes_to_the_keychain_only(tmp_path, sandbox: SandboxServer, info: dict,
                                                  cli_env: dict[str, str], vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    home = Path(cli_env["VODGUI_HOME"])
    with forwarding_proxy(auth=("qa", PASSWORD)) as proxy:
        add = add_profile(vodgui, info, "p", "--proxy", f"http://qa:{PASSWORD}@127.0.0.1:{proxy.port}", *TINY)
        video = write_file(tmp_path / "corp.mp4", 70_000, seed=3)
        up = vodgui("upload", str(video), "--profile", "p", "--json", "-v")
        assert up.returncode == 0, up.stderr[-3000:]
        assert json_lines(up.stdout)[0]["state"] == "done"
        assert any("uploadId=" in path for _, path in proxy.seen) and proxy.refused == 0
        assert "Init Bucket" in up.stderr  # oss2's DEBUG line is there, with its proxy masked
        diag = vodgui("diagnostics", str(tmp_path / "diag.zip"))
        assert diag.returncode == 0, diag.stderr
    for res in (add, up, diag):
        assert PASSWORD not in res.stdout and PASSWORD not in res.stderr
    assert files_containing(home, PASSWORD.encode()) == []
    with zipfile.ZipFile(tmp_path / "diag.zip") as zf:
        assert zf.namelist() and all(PASSWORD.encode() not in zf.read(name) for name in zf.namelist())
        network = json.loads(zf.read("network.json"))
        assert network["profiles"]["p"]["proxy_mode"] == "manual"
    keyring = json.loads(Path(cli_env["VODGUI_TEST_KEYRING_FILE"]).read_text(encoding="utf-8"))
    assert PASSWORD in json.dumps(keyring)
    profile = json_lines(vodgui("profiles", "list", "--json").stdout)[0]
    assert profile["proxy_url"] == f"http://127.0.0.1:{proxy.port}" and profile["proxy_user"] == "qa"


def test_a_wrong_proxy_password_fails_fast_and_says_so(tmp_path, sandbox: SandboxServer, info: dict,
                                                       vodgui: Callable[..., Any]) -> None:
    with forwarding_proxy(auth=("qa", PASSWORD)) as proxy:
        add_profile(vodgui, info, "p", "--proxy", f"http://qa:wrong-1234@127.0.0.1:{proxy.port}", *TINY)
        res = vodgui("profiles", "test", "p")
        assert proxy.attempts == 1
    assert res.returncode == 1
    assert f"The proxy 127.0.0.1:{proxy.port} refused the user name or password" in res.stdout
    assert "<html" not in res.stdout.lower() and "wrong-1234" not in res.stdout + res.stderr


def test_appserver_url_must_be_https_unless_loopback(sandbox: SandboxServer, info: dict,
                                                     vodgui: Callable[..., Any]) -> None:
    refused = vodgui("profiles", "add", "x", "--source", "appserver", "--appserver-url", "http://example.com/",
                     "--secret-stdin", stdin="a-token-123456\n")
    assert refused.returncode == 2
    assert "must start with https://" in refused.stderr and "127.0.0.1" in refused.stderr
    assert "x" not in {p["name"] for p in json_lines(vodgui("profiles", "list", "--json").stdout)}
    accepted = add_profile(vodgui, info, "x", "--source", "appserver", "--appserver-url", info["appserver_url"])
    assert info["appserver_url"].startswith("http://127.0.0.1:") and "saved" in accepted.stderr
    assert vodgui("profiles", "test", "x").returncode == 0


def test_profiles_test_warns_about_a_root_account_key(sandbox: SandboxServer, info: dict,
                                                      vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "root", "--mode", "credential")
    add_profile(vodgui, info, "ram", "--mode", "sts")
    root = vodgui("profiles", "test", "root")
    assert root.returncode == 0, root.stdout
    assert "WARNING: This AccessKey belongs to the root account" in root.stdout
    assert "upload-only policy" in root.stdout and "RAM user" in root.stdout
    ram = vodgui("profiles", "test", "ram")
    assert ram.returncode == 0 and "WARNING" not in ram.stdout
    as_json = json.loads(vodgui("profiles", "test", "root", "--json").stdout)
    assert [w["code"] for w in as_json["warnings"]] == ["RootAccessKey"]
