"""Update notices from a signed feed served on 127.0.0.1: what is announced, what is refused (with its log line),
and how often the app asks."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.feeds import FeedServer, ThrowawayKey, asset, feed_bytes, feed_server
from vodgui.core.update_check import CheckResult, Outcome, UpdateScheduler, check_feed
from vodgui.core.update_feed import MAX_FEED_BYTES, load_public_key

INSTALLED = "1.2.0"


@pytest.fixture(scope="module")
def key() -> ThrowawayKey:
    return ThrowawayKey()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as s:
        yield s


def check(url: str, key: ThrowawayKey) -> CheckResult:
    return check_feed(url, installed=INSTALLED, keys=[load_public_key(key.public_text)], timeout=10)


def refused_line(caplog: pytest.LogCaptureFixture) -> str:
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_valid_newer_release_is_announced(server: FeedServer, key: ThrowawayKey,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "vodgui.core.update_check")
    feed = feed_bytes("1.3.0", url="")
    url = server.publish(feed, key.sign(feed))
    result = check(url, key)
    assert result.outcome is Outcome.AVAILABLE
    assert result.release is not None and result.release.version == "1.3.0"
    assert result.release.notes.startswith("Faster uploads.")
    deb = result.release.assets_for("linux-x86_64")[0]
    # Relative asset URLs resolve against the feed: a mirror copying the directory keeps working links.
    assert deb.url == server.url("/vodgui_1.3.0_amd64.deb")
    assert result.release.download_url("linux-x86_64") == deb.url
    assert "update available: vodgui 1.3.0 (installed 1.2.0)" in caplog.text
    assert result.to_json("linux-x86_64")["assets"][0]["sha256"] == deb.sha256


def test_the_same_version_is_current_and_not_announced(server: FeedServer, key: ThrowawayKey) -> None:
    feed = feed_bytes(INSTALLED)
    result = check(server.publish(feed, key.sign(feed)), key)
    assert result.outcome is Outcome.CURRENT


def test_a_signature_from_another_key_is_refused(server: FeedServer, key: ThrowawayKey,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes("1.3.0")
    result = check(server.publish(feed, ThrowawayKey().sign(feed)), key)
    assert (result.outcome, result.reason, result.release) == (Outcome.REFUSED, "bad_signature", None)
    assert refused_line(caplog).startswith("update feed refused (bad_signature): no trusted release key")


def test_a_tampered_asset_hash_is_refused(server: FeedServer, key: ThrowawayKey,
                                          caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes("1.3.0")
    signature = key.sign(feed)
    honest = json.loads(feed)["assets"][0]["sha256"]
    tampered = feed.replace(honest.encode(), ("0" * 64).encode())
    assert tampered != feed
    result = check(server.publish(tampered, signature), key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "bad_signature")
    assert "update feed refused (bad_signature)" in refused_line(caplog)


def test_an_unsigned_feed_is_refused(server: FeedServer, key: ThrowawayKey,
                                     caplog: pytest.LogCaptureFixture) -> None:
    url = server.publish(feed_bytes("1.3.0"), None)
    result = check(url, key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "unsigned")
    assert refused_line(caplog) == f"update feed refused (unsigned): no signature at {url}.sig (HTTP 404)"


def test_an_older_version_is_refused_as_a_downgrade(server: FeedServer, key: ThrowawayKey,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes("1.1.9")
    result = check(server.publish(feed, key.sign(feed)), key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "downgrade")
    assert refused_line(caplog) == ("update feed refused (downgrade): the feed offers 1.1.9, older than the "
                                    "installed 1.2.0")


def test_a_feed_cut_short_in_transit_is_refused(server: FeedServer, key: ThrowawayKey,
                                                caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes("1.3.0")
    half = feed[: len(feed) // 2]
    url = server.publish(half, key.sign(feed), announce=len(feed))
    result = check(url, key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "truncated")
    assert refused_line(caplog) == f"update feed refused (truncated): {url} ended after {len(half)} of " \
                                   f"{len(feed)} bytes"


def test_a_truncated_feed_signed_as_is_is_refused_as_malformed(server: FeedServer, key: ThrowawayKey,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    half = feed_bytes("1.3.0")[:200]
    result = check(server.publish(half, key.sign(half)), key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "malformed")
    assert refused_line(caplog).startswith("update feed refused (malformed): not JSON")


@pytest.mark.parametrize(("change", "detail"), [
    ({"version": "1.3"}, None),  # two parts are fine: not refused
    ({"version": "v1.3.0"}, "version 'v1.3.0' is not like 1.2.3"),
    ({"schema": 2}, "schema 2, this version reads 1"),
    ({"assets": []}, "no assets"),
    ({"assets": [dict(asset(), sha256="xyz")]}, "assets[0]: sha256 'xyz' is not valid"),
    ({"assets": [dict(asset(), size=-1)]}, "assets[0]: size -1 is not a positive integer"),
    ({"assets": [dict(asset(), url="javascript:alert(1)")]}, "URL 'javascript:alert(1)' is not http(s)"),
    ({"date": "yesterday"}, "date 'yesterday' is not YYYY-MM-DD"),
])
def test_signed_but_malformed_feeds_are_refused(server: FeedServer, key: ThrowawayKey, change: dict[str, object],
                                                detail: str | None, caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes(**{"version": "1.3.0", **change})
    result = check(server.publish(feed, key.sign(feed)), key)
    if detail is None:
        assert result.outcome is Outcome.AVAILABLE
        return
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "malformed")
    assert refused_line(caplog) == f"update feed refused (malformed): {detail}"


def test_a_50_mb_feed_is_refused_without_reading_it(server: FeedServer, key: ThrowawayKey,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    big = b" " * (50 * 1024 * 1024)
    url = server.publish(big, key.sign(big))
    result = check(url, key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "too_large")
    assert refused_line(caplog) == (f"update feed refused (too_large): {url} announces {len(big)} bytes; "
                                    f"the limit is {MAX_FEED_BYTES}")


def test_a_50_mb_feed_without_a_length_is_refused_after_the_limit(server: FeedServer, key: ThrowawayKey,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    url = server.publish(b"", key.sign(b"x"), stream=50 * 1024 * 1024)
    result = check(url, key)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, "too_large")
    assert refused_line(caplog) == f"update feed refused (too_large): {url} is larger than {MAX_FEED_BYTES} bytes"
    assert server.requests == ["/latest.json"]  # not even the signature was asked for


def test_an_unreachable_feed_fails_with_a_log_line(key: ThrowawayKey, caplog: pytest.LogCaptureFixture) -> None:
    with feed_server() as gone:
        url = gone.url()
    result = check(url, key)
    assert (result.outcome, result.reason) == (Outcome.FAILED, "unreachable")
    assert refused_line(caplog).startswith(f"update check failed (unreachable): {url}")


def test_only_http_feeds_are_fetched(key: ThrowawayKey) -> None:
    result = check("file:///etc/passwd", key)
    assert (result.outcome, result.reason) == (Outcome.FAILED, "bad_url")


class FakeClock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def now(self) -> float:
        return self.t

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float, interrupt: object = None) -> bool:
        self.t += seconds
        return False


def test_the_check_runs_at_most_once_a_day(tmp_path: Path, server: FeedServer, key: ThrowawayKey) -> None:
    feed = feed_bytes("1.3.0")
    url = server.publish(feed, key.sign(feed))
    clock = FakeClock()
    scheduler = UpdateScheduler(tmp_path, clock=clock, check=lambda u: check(u, key))
    first = scheduler.run_if_due(allowed=True, url=url)
    assert first is not None and first.outcome is Outcome.AVAILABLE
    for _ in range(5):  # an hourly timer, or restarts, within the day
        clock.t += 3600
        assert scheduler.run_if_due(allowed=True, url=url) is None
    assert server.requests == ["/latest.json", "/latest.json.sig"]
    clock.t = 1_800_000_000.0 + 24 * 3600
    assert scheduler.run_if_due(allowed=True, url=url) is not None
    assert len(server.requests) == 4
    # The state survives a restart: a new scheduler over the same folder agrees.
    again = UpdateScheduler(tmp_path, clock=clock, check=lambda u: check(u, key))
    assert again.run_if_due(allowed=True, url=url) is None
    assert again.load().latest_version == "1.3.0"


def test_a_failed_check_also_waits_a_day(tmp_path: Path, key: ThrowawayKey) -> None:
    calls: list[str] = []

    def failing(url: str) -> CheckResult:
        calls.append(url)
        return CheckResult(Outcome.FAILED, url, INSTALLED, reason="unreachable", detail="down")

    clock = FakeClock()
    scheduler = UpdateScheduler(tmp_path, clock=clock, check=failing)
    scheduler.run_if_due(allowed=True, url="http://127.0.0.1:9/latest.json")
    clock.t += 23 * 3600
    scheduler.run_if_due(allowed=True, url="http://127.0.0.1:9/latest.json")
    assert len(calls) == 1


@pytest.mark.parametrize("allowed", [None, False])
def test_nothing_is_fetched_unless_the_user_allowed_it(tmp_path: Path, server: FeedServer, key: ThrowawayKey,
                                                       allowed: bool | None) -> None:
    feed = feed_bytes("1.3.0")
    url = server.publish(feed, key.sign(feed))
    scheduler = UpdateScheduler(tmp_path, clock=FakeClock(), check=lambda u: check(u, key))
    assert scheduler.run_if_due(allowed=allowed, url=url) is None
    assert server.requests == []


def test_a_dismissed_version_is_not_announced_again(tmp_path: Path, server: FeedServer, key: ThrowawayKey) -> None:
    feed = feed_bytes("1.3.0")
    url = server.publish(feed, key.sign(feed))
    clock = FakeClock()
    scheduler = UpdateScheduler(tmp_path, clock=clock, check=lambda u: check(u, key))
    result = scheduler.run_if_due(allowed=True, url=url)
    assert scheduler.should_notify(result)
    scheduler.dismiss("1.3.0")
    assert not scheduler.should_notify(result)
    newer = feed_bytes("1.4.0")
    server.publish(newer, key.sign(newer))
    clock.t += 24 * 3600
    assert scheduler.should_notify(scheduler.run_if_due(allowed=True, url=url))


def test_feed_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    from vodgui.core.update_check import DEFAULT_FEED_URL, feed_url

    monkeypatch.delenv("VODGUI_UPDATE_FEED", raising=False)
    assert feed_url("") == DEFAULT_FEED_URL
    assert feed_url("https://mirror.corp/vodgui/latest.json") == "https://mirror.corp/vodgui/latest.json"
    monkeypatch.setenv("VODGUI_UPDATE_FEED", "https://env.corp/latest.json")
    assert feed_url("https://mirror.corp/vodgui/latest.json") == "https://env.corp/latest.json"


@pytest.mark.parametrize(("os_release", "first"), [
    ('ID=debian\nVERSION_ID="12"\n', "deb"),
    ('ID=ubuntu\nID_LIKE=debian\n', "deb"),
    ('ID=fedora\nVERSION_ID=41\n', "rpm"),
    ('ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n', "rpm"),
    ('ID=alinux\nID_LIKE="rhel fedora centos anolis"\n', "rpm"),
    ("ID=arch\n", "tar.gz"),
    ("", "tar.gz"),
])
def test_the_download_link_is_the_package_this_system_installs(os_release: str, first: str) -> None:
    from vodgui.core.update_feed import parse_release, preferred_kinds

    kinds = preferred_kinds(os_release)
    assert kinds[0] == first
    feed = feed_bytes("1.3.0", url="", assets=[asset("vodgui_1.3.0_amd64.deb"),
                                               asset("vodgui-1.3.0-1.x86_64.rpm", kind="rpm"),
                                               asset("vodgui-1.3.0-linux-x86_64.tar.gz", kind="tar.gz"),
                                               asset("vodgui-1.3.0-macos-arm64.dmg", "macos-arm64", "dmg")])
    release = parse_release(feed, "https://mirror.corp/vodgui/latest.json")
    link = release.download_url("linux-x86_64", kinds)
    assert link == f"https://mirror.corp/vodgui/{release.assets_for('linux-x86_64', kinds)[0].name}"
    assert release.assets_for("linux-x86_64", kinds)[0].kind == first
    assert len(release.assets_for("linux-x86_64", kinds)) == 3


def test_an_old_signed_feed_replayed_after_a_newer_one_is_refused(tmp_path: Path, server: FeedServer,
                                                                  key: ThrowawayKey,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    newer, older = feed_bytes("1.4.0"), feed_bytes("1.3.0")
    url = server.publish(newer, key.sign(newer))
    clock = FakeClock()
    scheduler = UpdateScheduler(tmp_path, clock=clock, check=lambda u: check(u, key))
    assert scheduler.should_notify(scheduler.run_if_due(allowed=True, url=url))
    server.publish(older, key.sign(older))  # validly signed, newer than installed, but older than 1.4.0
    clock.t += 24 * 3600
    replayed = scheduler.run_if_due(allowed=True, url=url)
    assert replayed is not None and (replayed.outcome, replayed.reason) == (Outcome.REFUSED, "downgrade")
    assert not scheduler.should_notify(replayed)
    assert scheduler.load().latest_version == "1.4.0"
    assert "update feed refused (downgrade): the feed offers 1.3.0, older than 1.4.0 announced before" in caplog.text
