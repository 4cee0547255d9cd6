"""``vodgui update check`` against feeds on 127.0.0.1, and the release tool that writes and signs those feeds."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import REPO
from tests.helpers.feeds import FeedServer, ThrowawayKey, feed_bytes, feed_server
from vodgui import __version__
from vodgui.core.update_feed import current_platform, preferred_kinds

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def key() -> ThrowawayKey:
    return ThrowawayKey()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as s:
        yield s


@pytest.fixture
def trusting(cli_env: dict[str, str], key: ThrowawayKey) -> dict[str, str]:
    cli_env["VODGUI_UPDATE_PUBLIC_KEY"] = key.public_text
    cli_env.pop("VODGUI_UPDATE_FEED", None)
    return cli_env


def test_a_newer_release_is_reported_as_json(vodgui: Run, trusting: dict[str, str], server: FeedServer,
                                             key: ThrowawayKey) -> None:
    feed = feed_bytes("99.0.0")
    url = server.publish(feed, key.sign(feed))
    res = vodgui("update", "check", "--feed", url, "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["outcome"] == "available"
    assert (out["version"], out["installed"], out["feed"]) == ("99.0.0", __version__, url)
    assert out["download_url"] == "https://example.invalid/releases/v99.0.0"
    human = vodgui("update", "check", "--feed", url)
    assert human.stdout.startswith(f"vodgui 99.0.0 is available (installed {__version__}), released 2026-12-04.")
    assert "Download: https://example.invalid/releases/v99.0.0" in human.stdout


def test_the_feed_comes_from_the_environment_for_a_mirror(vodgui: Run, trusting: dict[str, str],
                                                          server: FeedServer, key: ThrowawayKey) -> None:
    feed = feed_bytes(__version__)
    trusting["VODGUI_UPDATE_FEED"] = server.publish(feed, key.sign(feed), path="/mirror/vodgui/latest.json")
    res = vodgui("update", "check")
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"vodgui {__version__} is the newest release.\n"
    assert server.requests == ["/mirror/vodgui/latest.json", "/mirror/vodgui/latest.json.sig"]


def test_a_feed_signed_by_another_key_is_refused(vodgui: Run, trusting: dict[str, str], server: FeedServer) -> None:
    feed = feed_bytes("99.0.0")
    url = server.publish(feed, ThrowawayKey().sign(feed))
    res = vodgui("update", "check", "--feed", url, "--json")
    assert res.returncode == 1
    out = json.loads(res.stdout)
    assert (out["outcome"], out["reason"]) == ("refused", "bad_signature")
    assert "version" not in out  # nothing from an unverified feed is repeated
    assert "WARNING vodgui.core.update_check: update feed refused (bad_signature)" in res.stderr


def test_the_shipped_key_refuses_a_throwaway_signature(vodgui: Run, cli_env: dict[str, str], server: FeedServer,
                                                       key: ThrowawayKey) -> None:
    cli_env.pop("VODGUI_UPDATE_PUBLIC_KEY", None)
    feed = feed_bytes("99.0.0")
    res = vodgui("update", "check", "--feed", server.publish(feed, key.sign(feed)))
    assert res.returncode == 1
    assert "vodgui: the update feed refused (bad_signature)" in res.stderr


def _release_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "packaging" / "release_feed.py"), *args],
                          capture_output=True, text=True, timeout=60, cwd=REPO)


def test_the_release_tool_signs_a_feed_the_app_believes(tmp_path: Path, vodgui: Run, cli_env: dict[str, str]) -> None:
    keygen = _release_tool("keygen", str(tmp_path / "throwaway.key"))
    assert keygen.returncode == 0, keygen.stderr
    assert (tmp_path / "throwaway.key").stat().st_mode & 0o777 == 0o600
    artifacts = tmp_path / "dist"
    artifacts.mkdir()
    names = ["vodgui_99.0.0_amd64.deb", "vodgui-99.0.0-1.x86_64.rpm", "vodgui-99.0.0-linux-x86_64.tar.gz",
             "vodgui-99.0.0-windows-x64-setup.exe", "vodgui-99.0.0-macos-arm64.dmg"]
    for i, name in enumerate(names):
        (artifacts / name).write_bytes(f"artifact {i}".encode() * (i + 1))
    release = tmp_path / "release"
    (tmp_path / "notes-zh.txt").write_text("更快的上传。\n", encoding="utf-8")
    made = _release_tool("feed", "--key", str(tmp_path / "throwaway.key"), "--out", str(release),
                         "--version", "99.0.0", "--date", "2026-12-24", "--notes-zh-file",
                         str(tmp_path / "notes-zh.txt"), *[str(artifacts / n) for n in names])
    assert made.returncode == 0, made.stderr
    assert "this key is not a release key" in made.stderr
    feed = json.loads((release / "latest.json").read_text())
    assert {(a["platform"], a["kind"]) for a in feed["assets"]} == {
        ("linux-x86_64", "deb"), ("linux-x86_64", "rpm"), ("linux-x86_64", "tar.gz"), ("windows-x64", "exe"),
        ("macos-arm64", "dmg")}
    for a in feed["assets"]:
        assert a["sha256"] == hashlib.sha256((artifacts / a["name"]).read_bytes()).hexdigest()
    assert feed["notes"]  # from CHANGELOG.md's Unreleased section

    with feed_server() as server:
        server.publish((release / "latest.json").read_bytes(), (release / "latest.json.sig").read_bytes())
        cli_env["VODGUI_UPDATE_PUBLIC_KEY"] = keygen.stdout.strip()
        res = vodgui("update", "check", "--feed", server.url(), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert (out["outcome"], out["version"], out["date"]) == ("available", "99.0.0", "2026-12-24")
    assert out["notes_zh_CN"] == "更快的上传。"
    mine = [a["name"] for a in feed["assets"] if a["platform"] == current_platform()]
    # This machine's assets, its own package kind first, links resolved against the feed.
    assert sorted(a["name"] for a in out["assets"]) == sorted(mine)
    assert all(a["url"] == server.url(f"/{a['name']}") for a in out["assets"])
    assert out["download_url"] == out["assets"][0]["url"]
    assert out["assets"][0]["kind"] == preferred_kinds()[0]


def test_the_release_tool_keeps_keys_out_of_the_repository() -> None:
    res = _release_tool("keygen", str(REPO / "packaging" / "oops.key"))
    assert res.returncode != 0
    assert "inside the repository" in res.stderr
    assert not (REPO / "packaging" / "oops.key").exists()


def test_a_mirror_behind_a_company_ca_is_trusted_once_the_system_trusts_it(
        tmp_path: Path, vodgui: Run, trusting: dict[str, str], server: FeedServer, key: ThrowawayKey) -> None:
    from tests.helpers.tls import make_ca, tls_front

    feed = feed_bytes("99.0.0")
    server.publish(feed, key.sign(feed))
    ca = make_ca(tmp_path / "ca", "Example Corp Inspection CA")
    for var in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "ALIBABA_CLOUD_CA_BUNDLE"):
        trusting.pop(var, None)
    with tls_front(ca, ("127.0.0.1", server.port)) as front:
        url = f"{front.url}/latest.json"
        untrusted = vodgui("update", "check", "--feed", url, "--json")
        trusting["REQUESTS_CA_BUNDLE"] = str(ca.ca_file)  # added to the OS store, as for every connection
        trusted = vodgui("update", "check", "--feed", url, "--json")
    assert untrusted.returncode == 1
    assert json.loads(untrusted.stdout)["reason"] == "untrusted_certificate"
    assert "update check failed (untrusted_certificate)" in untrusted.stderr
    assert trusted.returncode == 0, trusted.stderr
    assert json.loads(trusted.stdout)["version"] == "99.0.0"
