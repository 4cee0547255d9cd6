"""State that must stay bounded and races that must end cleanly: expired credentials and SessionIds are
forgotten, callbacks stop with the sandbox, buckets are written once, an object gone under a GET answers 404,
one OSS request is parsed once, and playlists are probed from their start only."""

from __future__ import annotations

import dataclasses
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import oss2
import pytest

from tests.helpers.oss import upload
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.cdn import parse_range, sign_cdn_url
from vodgui.sandbox.clock import SandboxClock
from vodgui.sandbox.iam import EXPIRED_RETENTION_SECONDS, CredentialError, CredentialProblem
from vodgui.sandbox.oss import handlers
from vodgui.sandbox.oss.handlers import byte_range
from vodgui.sandbox.probe import probe
from vodgui.sandbox.rpc import RpcError
from vodgui.sandbox.vod.callbacks import CallbackDispatcher
from vodgui.sandbox.vod.validation import DictParams

YEAR = 365 * 24 * 3600


def _problem(sandbox: SandboxServer, access_key_id: str, token: str) -> CredentialProblem:
    with pytest.raises(CredentialError) as exc:
        sandbox.context.iam.resolve(access_key_id, token)
    return exc.value.problem


# -- a file body whose file is gone before the answer starts -------------------------------------------------
def test_an_object_file_gone_before_sending_answers_404(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"hello")
    model = sandbox.context.models["oss"]
    meta = model.head(up.bucket_name, up.key)
    with model._lock:  # as if the object were deleted between the lookup and the answer
        model._objects[(up.bucket_name, up.key)] = dataclasses.replace(meta, path=meta.path.with_name("gone.obj"))
    with pytest.raises(oss2.exceptions.NoSuchKey):
        up.bucket.get_object(up.key)
    entry = [e for e in sandbox.request_log.since() if e["op"] == "GetObject"][-1]
    assert (entry["status"], entry["code"]) == (404, "NoSuchKey")
    assert up.bucket.head_object(up.key).content_length == 5  # HEAD sends no body: nothing to open

    url = sign_cdn_url(sandbox.context, up.bucket_name, up.key, 60)
    with pytest.raises(urllib.error.HTTPError) as cdn:
        urllib.request.urlopen(url, timeout=10)
    assert cdn.value.code == 404
    assert cdn.value.headers["Content-Type"].startswith("text/plain")
    cdn.value.close()


# -- temporary credentials -----------------------------------------------------------------------------------
def test_expired_credentials_are_forgotten_only_after_the_retention(sandbox: SandboxServer) -> None:
    iam = sandbox.context.iam
    old = iam.issue("upload", 60, scope={"bucket": "b", "key": "k"})
    sandbox.clock.advance(61)
    assert _problem(sandbox, old.access_key_id, old.security_token) is CredentialProblem.TOKEN_EXPIRED
    sandbox.clock.advance(EXPIRED_RETENTION_SECONDS - 120)
    iam.issue("upload", 60, scope={"bucket": "b", "key": "k"})  # issuing prunes
    assert _problem(sandbox, old.access_key_id, old.security_token) is CredentialProblem.TOKEN_EXPIRED
    sandbox.clock.advance(3600)
    fresh = iam.issue("upload", 60, scope={"bucket": "b", "key": "k"})
    assert _problem(sandbox, old.access_key_id, old.security_token) is CredentialProblem.TOKEN_MALFORMED
    assert iam.resolve(fresh.access_key_id, fresh.security_token)[0] == fresh.access_key_secret


def test_forgotten_credentials_leave_the_store(tmp_path: Path) -> None:
    with SandboxServer(data_dir=tmp_path, seed="prune") as server:
        iam = server.context.iam
        old = iam.issue("playauth", 60, scope={"video_id": "v"})
        kept = iam.issue("playauth", EXPIRED_RETENTION_SECONDS * 2, scope={"video_id": "v"})
        assert old.access_key_id in server.context.store.load(iam.KIND)
        server.clock.advance(EXPIRED_RETENTION_SECONDS + 120)
        iam.issue("playauth", 60, scope={"video_id": "v"})
        stored = server.context.store.load(iam.KIND)
        assert old.access_key_id not in stored
        assert kept.access_key_id in stored


# -- UploadMediaByURL SessionIds -----------------------------------------------------------------------------
def test_session_ids_outside_the_window_are_forgotten(sandbox: SandboxServer) -> None:
    puller = sandbox.context.models["vod"].url_jobs

    def submit(session_id: str) -> None:  # a non-loopback URL: the job fails at once, without any network
        puller.submit(DictParams({"UploadURLs": "http://192.0.2.1/a.mp4", "SessionId": session_id}))

    submit("first")
    with pytest.raises(RpcError):
        submit("first")
    sandbox.clock.advance(601)
    submit("second")
    assert set(puller._sessions) == {"second"}
    submit("first")


# -- event callbacks -----------------------------------------------------------------------------------------
def test_a_closed_dispatcher_posts_nothing() -> None:
    dispatcher = CallbackDispatcher(SandboxClock())
    assert dispatcher.schedule("m", "http://127.0.0.1:9/cb", time.time() + 3600, {"EventType": "Later"})
    thread = dispatcher._thread
    assert thread is not None
    dispatcher.close()
    assert not thread.is_alive()
    assert dispatcher.schedule("m", "http://127.0.0.1:9/cb", 0, {"EventType": "Now"}) is False


def test_stopping_the_sandbox_stops_its_callbacks() -> None:
    with SandboxServer(seed="callbacks") as server:
        callbacks = server.context.models["vod"].callbacks
        assert callbacks.schedule("m", "http://127.0.0.1:9/cb", time.time() + 3600, {"EventType": "Later"})
    assert callbacks.schedule("m", "http://127.0.0.1:9/cb", 0, {"EventType": "Now"}) is False


# -- buckets -------------------------------------------------------------------------------------------------
def test_buckets_are_written_once_and_survive_a_reset_and_restart(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    name = "outin-" + "cd" * 16
    with SandboxServer(data_dir=tmp_path, seed="buckets") as first:
        oss = first.context.models["oss"]
        oss.ensure_bucket(name)
        writes: list[tuple[str, str]] = []
        real_put = first.context.store.put

        def put(kind: str, key: str, value: dict[str, Any]) -> None:
            writes.append((kind, key))
            real_put(kind, key, value)

        monkeypatch.setattr(first.context.store, "put", put)
        oss.ensure_bucket(name)
        create = first.context.models["vod"].create_upload_video({"Title": "t", "FileName": "a.mp4"})
        assert [w for w in writes if w[0] == "oss_bucket"] == []
        assert create["VideoId"]
        monkeypatch.undo()
        first.reset()
        assert oss.has_bucket(name)
    with SandboxServer(data_dir=tmp_path) as second:
        assert second.context.models["oss"].has_bucket(name)
        assert second.context.models["oss"].has_bucket(second.context.models["vod"].bucket)
        assert second.context.store.load("vod_media") == {}


# -- OSS request parsing -------------------------------------------------------------------------------------
def test_an_oss_request_is_parsed_once(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> None:
    up = upload(sandbox)
    calls: list[str] = []
    real = handlers.parse_target

    def counting(req: Any) -> handlers.Target:
        calls.append(req.method)
        return real(req)

    monkeypatch.setattr(handlers, "parse_target", counting)
    up.bucket.put_object(up.key, b"x")
    assert calls == ["PUT"]
    sandbox.faults.add({"service": "oss", "op": "GetObject", "effect": "error", "status": 503,
                        "code": "ServiceUnavailable"})
    with pytest.raises(oss2.exceptions.ServerError):
        up.bucket.get_object(up.key)
    assert calls == ["PUT", "GET"]  # classify and the fault's error_response share one parse


# -- Range syntax: one parser, each service's own rules ------------------------------------------------------
@pytest.mark.parametrize(("header", "expected"), [
    ("bytes= 5 - 9 ", (5, 9)), ("bytes=5-9", (5, 9)), ("bytes=-10", (90, 99)), ("bytes=²-", None),
    ("Bytes=5-9", None), ("bytes=5-9,20-30", (5, 9)),
])
def test_oss_range_syntax(header: str, expected: object) -> None:
    assert byte_range(header, 100, False) == expected


@pytest.mark.parametrize(("header", "expected"), [
    (" bytes = 5-9 ", (5, 9)), ("bytes=5 - 9", None), ("bytes=²-", None), ("Bytes=5-9", (5, 9)),
])
def test_cdn_range_syntax(header: str, expected: object) -> None:
    assert parse_range(header, 100) == expected


# -- probing -------------------------------------------------------------------------------------------------
def test_a_playlist_is_probed_from_its_start_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.m3u8"
    path.write_bytes(b"#EXTM3U\n#EXTINF:2.5,\nseg0.ts\n" + b"#" * (5 << 20) + b"\n#EXTINF:100,\nlate.ts\n")

    def whole_file(self: Path) -> bytes:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(Path, "read_bytes", whole_file)
    result = probe(path)
    assert result is not None and result.duration == 2.5
