"""UploadMediaByURL + GetURLUploadInfos through the official SDK: the sandbox pulls from a loopback HTTP server."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aliyunsdkvod.request.v20170321.GetURLUploadInfosRequest import GetURLUploadInfosRequest
from aliyunsdkvod.request.v20170321.UploadMediaByURLRequest import UploadMediaByURLRequest

from tests.helpers.vod import sample, video_info, vod, vod_error
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl, SandboxControlError


def clip() -> bytes:
    """The served file: a real MP4 (the life cycle transcodes, and a file that is not media ends TranscodeFail)."""
    return sample("clip.mp4").read_bytes()



class _Source(BaseHTTPRequestHandler):
    """Routes: /media/<name> serves CLIP (Content-Type video/mp4 unless ?type=...), /status/<code>, /empty.mp4,
    /gated.mp4 (waits for the server's gate), /redirect (to a non-loopback host), POST anything (a callback)."""

    server: _SourceServer

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"nope", "text/plain")
        elif path == "/empty.mp4":
            self._send(200, b"", "video/mp4")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://media.example.com/clip.mp4")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/gated.mp4":
            self.server.gate.wait(10)
            self._send(200, clip(), "video/mp4")
        elif path.startswith("/media/"):
            ctype = query.split("=", 1)[1].replace("%2F", "/") if query.startswith("type=") else "video/mp4"
            self._send(200, clip(), ctype)
        else:
            self._send(404, b"", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.events.append(json.loads(body))
        self._send(200, b"", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _SourceServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Source)
        self.gate = threading.Event()
        self.events: list[dict[str, Any]] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture
def source() -> Iterator[_SourceServer]:
    server = _SourceServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.gate.set()
    server.shutdown()
    server.server_close()


def _submit(info: dict[str, Any], *urls: str, encode: bool = True, **params: str) -> list[dict[str, str]]:
    req = UploadMediaByURLRequest()
    req.set_UploadURLs(",".join(quote(u, safe="") if encode else u for u in urls))
    for name, value in params.items():
        req.add_query_param(name, value)
    return list(vod(info, req)["UploadJobs"])


def _infos(info: dict[str, Any], job_ids: list[str] | None = None, urls: list[str] | None = None) -> dict[str, Any]:
    req = GetURLUploadInfosRequest()
    if job_ids is not None:
        req.set_JobIds(",".join(job_ids))
    if urls is not None:
        req.set_UploadURLs(",".join(quote(u, safe="") for u in urls))
    return vod(info, req)


def _job(info: dict[str, Any], job_id: str) -> dict[str, Any]:
    [job] = _infos(info, [job_id])["URLUploadInfoList"]
    return dict(job)


def _wait(predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            assert value, "condition not met before the deadline"
            return value
        time.sleep(0.02)


def _finished(info: dict[str, Any], job_id: str) -> dict[str, Any]:
    return dict(_wait(lambda: (j := _job(info, job_id))["Status"] in ("SUCCESS", "FAIL") and j))


def _refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed when the block ends: nothing listens there


def test_url_upload_creates_a_video_that_reaches_normal(sandbox: SandboxServer, info: dict[str, Any],
                                                        source: _SourceServer) -> None:
    url = source.url("/media/holiday%20clip.mp4")
    metadata = [{"SourceURL": url, "Title": "holiday", "Description": "pulled", "Tags": "a,b", "CateId": 7,
                 "CoverURL": "https://img.example.com/c.png"}]
    [job] = _submit(info, url, UploadMetadatas=json.dumps(metadata), UserData='{"Extend":{"k":"v"}}')
    assert set(job) == {"JobId", "SourceURL"}
    assert job["SourceURL"] == url
    assert len(job["JobId"]) == 32

    done = _finished(info, job["JobId"])
    assert done["Status"] == "SUCCESS", done
    assert (done["UploadURL"], done["FileSize"]) == (url, str(len(clip())))
    assert (done["ErrorCode"], done["ErrorMessage"]) == ("200", "Success")
    assert done["CreationTime"] <= done["CompleteTime"]
    assert json.loads(done["UserData"]) == {"Extend": {"k": "v"}}

    video = _wait(lambda: (v := video_info(info, done["MediaId"]))["Status"] == "Normal" and v)
    assert (video["Title"], video["Description"], video["Tags"], video["CateId"]) == ("holiday", "pulled", "a,b", 7)
    assert (video["Size"], video["CoverURL"]) == (len(clip()), "https://img.example.com/c.png")
    view = sandbox.context.models["vod"].view(done["MediaId"])
    assert view["file_name"] == "holiday clip.mp4"
    assert sandbox.context.models["oss"].view(view["bucket"], view["key"])["size"] == len(clip())

    by_url = _infos(info, urls=[url])
    assert [j["JobId"] for j in by_url["URLUploadInfoList"]] == [job["JobId"]]
    control = SandboxControl(sandbox.url)
    assert control.url_job(job["JobId"])["media_id"] == done["MediaId"]
    with pytest.raises(SandboxControlError, match="404"):
        control.url_job("0" * 32)


def test_several_urls_plain_or_encoded_and_without_metadata(info: dict[str, Any], source: _SourceServer) -> None:
    urls = [source.url("/media/a.mp4"), source.url("/media/b.MP3")]
    jobs = _submit(info, *urls, encode=False)
    assert [j["SourceURL"] for j in jobs] == urls
    for job in jobs:
        done = _finished(info, job["JobId"])
        assert done["Status"] == "SUCCESS", done
    titles = sorted(video_info(info, _job(info, j["JobId"])["MediaId"])["Title"] for j in jobs)
    assert titles == ["a.mp4", "b.MP3"]


def test_extension_from_metadata_or_content_type(sandbox: SandboxServer, info: dict[str, Any],
                                                 source: _SourceServer) -> None:
    by_type = source.url("/media/stream?type=video%2Fquicktime")
    by_meta = source.url("/media/download")
    meta = [{"SourceURL": by_meta, "Title": "t", "FileExtension": "flv"}]
    jobs = _submit(info, by_type, by_meta, UploadMetadatas=json.dumps(meta))
    keys = []
    for job in jobs:
        done = _finished(info, job["JobId"])
        assert done["Status"] == "SUCCESS", done
        keys.append(sandbox.context.models["vod"].view(done["MediaId"])["key"])
    assert [k.rsplit(".", 1)[1] for k in keys] == ["mov", "flv"]


def test_status_moves_through_pending_downloading_uploading(sandbox: SandboxServer, info: dict[str, Any],
                                                            source: _SourceServer) -> None:
    settings = sandbox.config.settings
    settings.url_pull_delay = 60  # read live by the puller: hold the job, look, then release it
    [job] = _submit(info, source.url("/gated.mp4"))
    job_id = job["JobId"]
    first = _job(info, job_id)
    assert first["Status"] == "PENDING"
    assert "MediaId" not in first and "CompleteTime" not in first and "ErrorCode" not in first

    settings.url_pull_delay = 0
    _wait(lambda: _job(info, job_id)["Status"] == "DOWNLOADING")  # the source holds the body back
    settings.url_pull_delay = 60
    source.gate.set()
    uploading = _wait(lambda: (j := _job(info, job_id))["Status"] == "UPLOADING" and j)
    assert uploading["FileSize"] == str(len(clip()))
    assert "CompleteTime" not in uploading

    settings.url_pull_delay = 0
    done = _finished(info, job_id)
    assert done["Status"] == "SUCCESS"
    assert video_info(info, done["MediaId"])["Status"] == "Normal"


@pytest.mark.parametrize(("path", "code", "message"), [
    ("/status/404", "URLInvalidError", "HTTP 404"),
    ("/status/503", "URLInvalidError", "HTTP 503"),
    ("/empty.mp4", "URLInvalidError", "empty"),
    ("/redirect", "URLInvalidError", "only pulls loopback"),
    ("/media/notes.txt", "InvalidFileName.Extension", "txt"),
    ("/media/blob?type=text%2Fplain", "InvalidFileName.Extension", "text/plain"),
])
def test_failing_sources(info: dict[str, Any], source: _SourceServer, path: str, code: str, message: str) -> None:
    [job] = _submit(info, source.url(path))
    done = _finished(info, job["JobId"])
    assert (done["Status"], done["ErrorCode"]) == ("FAIL", code), done
    assert message in done["ErrorMessage"]
    assert "MediaId" not in done
    assert "CompleteTime" in done


def test_refused_connection_and_non_loopback_hosts(info: dict[str, Any]) -> None:
    refused = f"http://127.0.0.1:{_refused_port()}/clip.mp4"
    outside = "https://media.example.com/clip.mp4"
    jobs = _submit(info, refused, outside)
    first, second = (_finished(info, j["JobId"]) for j in jobs)
    assert (first["Status"], first["ErrorCode"]) == ("FAIL", "URLInvalidError")
    assert "connection refused" in first["ErrorMessage"]
    assert first["ErrorMessage"].startswith("download video failed by the url, please check it")
    assert (second["Status"], second["ErrorCode"]) == ("FAIL", "URLInvalidError")
    assert "media.example.com" in second["ErrorMessage"] and "loopback" in second["ErrorMessage"]


def test_size_limit(sandbox: SandboxServer, info: dict[str, Any], source: _SourceServer) -> None:
    sandbox.config.settings.url_pull_max_bytes = 1000
    [job] = _submit(info, source.url("/media/big.mp4"))
    done = _finished(info, job["JobId"])
    assert (done["Status"], done["ErrorCode"]) == ("FAIL", "URLInvalidError")
    assert "exceeds the limit of 1000 bytes" in done["ErrorMessage"]


def test_the_download_becomes_the_object_without_leftovers(sandbox: SandboxServer, info: dict[str, Any],
                                                          source: _SourceServer) -> None:
    [job] = _submit(info, source.url("/media/a.mp4"))
    done = _finished(info, job["JobId"])
    assert done["Status"] == "SUCCESS", done
    view = sandbox.context.models["vod"].view(done["MediaId"])
    assert sandbox.context.models["oss"].view(view["bucket"], view["key"])["md5"] == hashlib.md5(clip()).hexdigest()
    sandbox.config.settings.url_pull_max_bytes = 1000
    [big] = _submit(info, source.url("/media/b.mp4"))
    assert _finished(info, big["JobId"])["Status"] == "FAIL"
    blob_dir = sandbox.context.store.blob_dir
    assert list((blob_dir / "oss" / "tmp").glob("*")) == []  # neither a failed nor a stored download is left
    assert not (blob_dir / "urlpull").exists()


def test_upload_by_url_complete_callback(info: dict[str, Any], source: _SourceServer) -> None:
    callback = source.url("/events")
    user_data = json.dumps({"MessageCallback": {"CallbackURL": callback}, "Extend": {"n": 1}})
    [ok] = _submit(info, source.url("/media/ok.mp4"), UserData=user_data)
    [bad] = _submit(info, source.url("/status/404"), UserData=user_data)
    _wait(lambda: len([e for e in source.events if e["EventType"] == "UploadByURLComplete"]) == 2)
    events = {e["JobId"]: e for e in source.events if e["EventType"] == "UploadByURLComplete"}
    assert events[ok["JobId"]]["Status"] == "success"
    assert events[ok["JobId"]]["VideoId"] == _job(info, ok["JobId"])["MediaId"]
    assert json.loads(events[ok["JobId"]]["Extend"]) == {"n": 1}
    assert (events[bad["JobId"]]["Status"], events[bad["JobId"]]["ErrorCode"]) == ("fail", "URLInvalidError")
    assert any(e["EventType"] == "FileUploadComplete" for e in source.events)  # the video's own event


def _submit_error(info: dict[str, Any], **params: str) -> tuple[int, str]:
    req = UploadMediaByURLRequest()
    for name, value in params.items():
        req.add_query_param(name, value)
    err = vod_error(info, req)
    return err.get_http_status(), err.get_error_code()


def test_upload_media_by_url_parameter_errors(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    url = "http://127.0.0.1:9/a.mp4"
    assert _submit_error(info) == (400, "MissingUploadURLs")
    assert _submit_error(info, UploadURLs=",".join([url] * 21)) == (400, "InvalidParameter.UploadURLs")
    for bad in ("not a url", "ftp://127.0.0.1/a.mp4", "/relative.mp4"):
        assert _submit_error(info, UploadURLs=bad) == (400, "InvalidParameter.UploadURLs"), bad
    for bad_meta in ("not json", "[1]", '[{"Title": "no source"}]'):
        assert _submit_error(info, UploadURLs=url, UploadMetadatas=bad_meta) == (
            400, "InvalidParameter.UploadMetadatas"), bad_meta
    emoji = json.dumps([{"SourceURL": url, "Title": "party \U0001F389"}])
    assert _submit_error(info, UploadURLs=url, UploadMetadatas=emoji) == (400, "IllegalCharacters")
    long_title = json.dumps([{"SourceURL": url, "Title": "x" * 129}])
    assert _submit_error(info, UploadURLs=url, UploadMetadatas=long_title) == (400, "LengthExceededMax")
    assert _submit_error(info, UploadURLs=url, TemplateGroupId="0" * 32) == (404, "InvalidTemplateGroupId.NotFound")
    assert _submit_error(info, UploadURLs=url, AppId="app-2") == (404, "InvalidAppId.NotFound")
    assert _submit_error(info, UploadURLs=url, UserData="[]") == (400, "InvalidUserData")
    assert _submit_error(info, UploadURLs=url, SessionId="bad session") == (400, "InvalidSessionId")
    assert not _infos(info, urls=[url])["URLUploadInfoList"]  # nothing was queued by a refused request

    sandbox.config.settings.url_pull_delay = 60  # keep the accepted jobs queued: their outcome is not the point
    assert _submit(info, url, SessionId="batch-1")
    assert _submit_error(info, UploadURLs=url, SessionId="batch-1") == (400, "InvalidSessionId.Duplicate")
    sandbox.clock.advance(601)
    assert _submit(info, url, SessionId="batch-1")


def test_get_url_upload_infos_queries(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.config.settings.url_pull_delay = 60
    url = "http://127.0.0.1:9/a.mp4"
    first, second = _submit(info, url), _submit(info, url)
    answer = _infos(info, [first[0]["JobId"], "f" * 32])
    assert [j["JobId"] for j in answer["URLUploadInfoList"]] == [first[0]["JobId"]]
    assert answer["NonExists"] == ["f" * 32]
    by_url = _infos(info, urls=[url, "http://127.0.0.1:9/other.mp4"])
    assert [j["JobId"] for j in by_url["URLUploadInfoList"]] == [second[0]["JobId"], first[0]["JobId"]]
    assert by_url["NonExists"] == ["http://127.0.0.1:9/other.mp4"]
    both = _infos(info, job_ids=[second[0]["JobId"]], urls=["http://127.0.0.1:9/other.mp4"])
    assert [j["JobId"] for j in both["URLUploadInfoList"]] == [second[0]["JobId"]]  # JobIds wins

    assert vod_error(info, GetURLUploadInfosRequest()).get_error_code() == "MissingJobIds"
    too_many = GetURLUploadInfosRequest()
    too_many.set_JobIds(",".join(f"{i:032x}" for i in range(11)))
    err = vod_error(info, too_many)
    assert (err.get_http_status(), err.get_error_code()) == (400, "InvalidParameter.JobIds")


def test_jobs_survive_a_restart(tmp_path: Path, source: _SourceServer) -> None:
    with SandboxServer(data_dir=tmp_path, seed="url-restart",
                       settings={"transcode_delay": 0.0, "transcode_duration": 0.0}) as first:
        info = first.info()
        [done] = _submit(info, source.url("/media/kept.mp4"))
        finished = _finished(info, done["JobId"])
        first.config.settings.url_pull_delay = 60
        [waiting] = _submit(info, source.url("/media/later.mp4"))
    with SandboxServer(data_dir=tmp_path, settings={"url_pull_delay": 0.0}) as second:
        info = second.info()
        assert _job(info, done["JobId"]) == finished
        again = _finished(info, waiting["JobId"])  # an interrupted job is pulled again after the restart
        assert again["Status"] == "SUCCESS", again
