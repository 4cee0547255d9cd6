"""The Log page, and the secret scan: no secret reaches the log files, the buffer, the page or the diagnostics."""

from __future__ import annotations

import logging
import logging.handlers
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import add_sandbox_profiles
from tests.unit.ui.upload_helpers import wait_finished
from vodgui.core.credentials import UploadAuth
from vodgui.core.logbuffer import LogBuffer
from vodgui.core.transfer.events import JobState
from vodgui.sandbox import SandboxServer
from vodgui.ui.log_page import LogPage

log = logging.getLogger("vodgui.test.logpage")


@pytest.fixture
def buffer_logger(ui_ctx: Any) -> Iterator[logging.Logger]:
    """A logger feeding only the context's buffer (no global logging setup)."""
    logger = logging.getLogger("vodgui.test.logpage.only")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(ui_ctx.log_buffer)
    yield logger
    logger.removeHandler(ui_ctx.log_buffer)


def make_page(qtbot: Any, ctx: Any) -> LogPage:
    page = LogPage(ctx)
    page.timer.setInterval(30)
    qtbot.addWidget(page)
    page.resize(900, 300)
    page.show()
    return page


def test_lines_appear_filtered_by_level_and_search(qtbot: Any, ui_ctx: Any, buffer_logger: logging.Logger) -> None:
    page = make_page(qtbot, ui_ctx)
    buffer_logger.debug("debug detail")
    buffer_logger.info("uploaded clip.mp4 as VideoId 0123abcd")
    buffer_logger.warning("retrying UploadPart 3")
    try:
        raise ValueError("boom")
    except ValueError:
        buffer_logger.exception("job 7 failed (RequestId 5F2A-77)")
    qtbot.waitUntil(lambda: "job 7 failed" in page.text(), timeout=3000)
    text = page.text()
    assert "debug detail" not in text  # Info and above by default
    assert "VideoId 0123abcd" in text and "retrying UploadPart 3" in text
    assert "ValueError: boom" in text  # the traceback comes with its record
    assert " WARNING  vodgui.test.logpage.only: retrying" in text

    page.level_box.setCurrentIndex(page.level_box.findData(logging.DEBUG))
    assert "debug detail" in page.text()
    page.level_box.setCurrentIndex(page.level_box.findData(logging.ERROR))
    assert page.text().count("\n") >= 1 and "retrying" not in page.text() and "job 7 failed" in page.text()
    page.level_box.setCurrentIndex(page.level_box.findData(logging.INFO))
    page.search.setText("videoid 0123")
    assert page.text().strip().endswith("uploaded clip.mp4 as VideoId 0123abcd")
    assert "retrying" not in page.text()
    page.search.clear()
    assert "retrying" in page.text()


def test_auto_scroll_unless_the_user_scrolled_up(qtbot: Any, ui_ctx: Any, buffer_logger: logging.Logger) -> None:
    page = make_page(qtbot, ui_ctx)
    for i in range(200):
        buffer_logger.info("line %d", i)
    qtbot.waitUntil(lambda: "line 199" in page.text(), timeout=3000)
    bar = page.view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum() and page.following

    bar.setValue(10)  # the user scrolls up to read
    assert not page.following and page.jump_button.isVisibleTo(page)
    with qtbot.waitSignal(page.lines_appended, timeout=3000):
        buffer_logger.info("line while reading")
    assert bar.value() == 10  # not yanked to the bottom

    page.jump_button.click()
    assert page.following
    with qtbot.waitSignal(page.lines_appended, timeout=3000):
        buffer_logger.info("line after jumping")
    assert bar.value() == bar.maximum()


def test_page_redacts_what_the_buffer_shows(qtbot: Any, ui_ctx: Any, buffer_logger: logging.Logger) -> None:
    token = "CAIS" + "Zq9" * 40
    page = make_page(qtbot, ui_ctx)
    buffer_logger.info("headers: {'x-oss-security-token': '%s'}", token)
    qtbot.waitUntil(lambda: "x-oss-security-token" in page.text(), timeout=3000)
    assert token[:20] not in page.text()


def test_export_diagnostics_from_the_page(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    log_dir = Path(ui_ctx.workspace.dirs.logs)
    (log_dir / "vodgui.log").write_text("2026-01-02 03:04:05,678 INFO vodgui: started\n", encoding="utf-8")
    ui_ctx.log_file = str(log_dir / "vodgui.log")
    page = make_page(qtbot, ui_ctx)
    out = tmp_path / "diag.zip"
    with qtbot.waitSignal(page.diagnostics_exported, timeout=10000) as blocker:
        page.export_diagnostics(str(out))
    assert blocker.args == [str(out)]
    assert page.export_button.isEnabled()
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        versions = zf.read("versions.json").decode()
    assert "logs/vodgui.log" in names and "queue.json" in names
    assert '"PySide6"' in versions and '"Qt"' in versions


def test_export_failure_is_reported(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    page = make_page(qtbot, ui_ctx)
    with qtbot.waitSignal(page.diagnostics_failed, timeout=10000):
        page.export_diagnostics(str(tmp_path / "no" / "such" / "dir" / "d.zip"))
    assert page.export_button.isEnabled()


# -- the secret scan ---------------------------------------------------------------------------------------------
@pytest.fixture
def app_logging(ui_ctx: Any) -> Iterator[str]:
    """Logging exactly as app.py sets it up, with the SDKs and urllib3 at DEBUG; undone afterwards."""
    from vodgui.app import setup_logging

    root = logging.getLogger()
    saved_level, saved_handlers = root.level, list(root.handlers)
    noisy = ("oss2", "urllib3", "aliyunsdkcore")
    saved_levels = {name: logging.getLogger(name).level for name in noisy}
    path = setup_logging(str(ui_ctx.workspace.dirs.logs), ui_ctx.log_buffer)
    ui_ctx.log_file = path
    for name in noisy:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield path
    for handler in list(root.handlers):
        if handler not in saved_handlers:
            root.removeHandler(handler)
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                handler.close()
    root.setLevel(saved_level)
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


def _fragments(secret: str) -> list[str]:
    """The whole secret and 16-character pieces of its start, middle and end: a partial leak is a leak too."""
    n = len(secret)
    if n < 24:
        return [secret]
    return [secret, secret[:16], secret[n // 2 - 8:n // 2 + 8], secret[-16:]]


def test_no_secret_reaches_logs_buffer_page_or_diagnostics(
        qtbot: Any, ui_ctx: Any, app_logging: str, sandbox: SandboxServer, control: Any, info: dict[str, Any],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blobs: list[str] = []
    decode = UploadAuth.decode.__func__  # type: ignore[attr-defined]

    def spy(cls: type[UploadAuth], blob: str, now: float) -> UploadAuth:
        blobs.append(blob)
        return decode(cls, blob, now)  # type: ignore[no-any-return]

    monkeypatch.setattr(UploadAuth, "decode", classmethod(spy))
    add_sandbox_profiles(ui_ctx, info)
    wrong_secret = "WrongSecret" + "k7Pq" * 6
    ui_ctx.workspace.secrets.set("credential-accesskey", "access_key_secret", wrong_secret)
    ui_ctx.workspace.sessions.invalidate()
    page = LogPage(ui_ctx)
    qtbot.addWidget(page)
    page.level_box.setCurrentIndex(page.level_box.findData(logging.DEBUG))

    files = [str(write_file(tmp_path / f"clip{i}.mp4", 40 * 1024, seed=i)) for i in range(5)]
    engine = ui_ctx.engine
    jobs = (engine.add_files(files[:1], "Sandbox") + engine.add_files(files[1:2], "sts-accesskey")
            + engine.add_files(files[2:3], "sts-appserver") + engine.add_files(files[3:4], "credential-accesskey"))
    states = [snap.state for snap in wait_finished(qtbot, engine, jobs, timeout=30000)]
    assert states == [JobState.DONE, JobState.DONE, JobState.DONE, JobState.FAILED]

    # A signature mismatch whose message quotes the string-to-sign with the live SecurityToken in it, as the
    # service answers when the client canonicalised differently: the SDK logs it at ERROR, verbatim.
    sts_tokens = [c.security_token for c in sandbox.context.iam._temp.values() if c.kind == "sts"]
    assert sts_tokens
    string_to_sign = ("POST&%2F&AccessKeyId%3DSTS.probe%26Action%3DCreateUploadVideo%26SecurityToken%3D"
                      + "%26SecurityToken%3D".join(sts_tokens) + "%26Version%3D2017-03-21")
    control.add_fault(service="vod", op="CreateUploadVideo", effect="error", status=400,
                      code="SignatureDoesNotMatch", limit=1,
                      message="Specified signature is not matched with our calculation. server string to sign is:"
                      + string_to_sign)
    [mismatch] = engine.add_files(files[4:], "sts-accesskey")
    [failed] = wait_finished(qtbot, engine, [mismatch], timeout=30000)
    assert failed.state is JobState.FAILED and failed.error is not None
    assert failed.error.code == "SignatureDoesNotMatch" and failed.error.request_id

    out = tmp_path / "diagnostics.zip"
    with qtbot.waitSignal(page.diagnostics_exported, timeout=20000):
        page.export_diagnostics(str(out))
    page.timer.setInterval(10)
    qtbot.waitUntil(lambda: page._seq == ui_ctx.log_buffer.since(0)[-1].seq, timeout=5000)

    texts: dict[str, str] = {"LogBuffer": "\n".join(line.message for line in ui_ctx.log_buffer.since(0)),
                             "Log page": page.text()}
    for path in sorted(Path(app_logging).parent.glob("vodgui.log*")):
        texts[f"file {path.name}"] = path.read_text(encoding="utf-8")
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            texts[f"zip {name}"] = zf.read(name).decode("utf-8")
        assert failed.error.request_id in zf.read("request_ids.json").decode()

    # The scan is only meaningful if the dangerous lines were really logged.
    everything = "\n".join(texts.values())
    for expected in ("x-oss-security-token", "'authorization': 'OSS ", "Response-body", "string to sign is:",
                     "InvalidAccessKeySecret", "SecurityToken"):
        assert expected in everything, expected
    assert blobs, "no UploadAuth was decoded"

    secrets: dict[str, str] = {
        "account AccessKey secret": info["access_key_secret"],
        "RAM user AccessKey secret": info["ram_user"]["access_key_secret"],
        "AppServer token": info["appserver_token"],
        "wrong secret": wrong_secret,
    }
    for cred in sandbox.context.iam._temp.values():
        secrets[f"{cred.kind} AccessKeySecret {cred.access_key_id}"] = cred.access_key_secret
        secrets[f"{cred.kind} SecurityToken {cred.access_key_id}"] = cred.security_token
    for i, blob in enumerate(blobs):
        secrets[f"UploadAuth #{i}"] = blob
    assert sum(1 for k in secrets if k.startswith("upload SecurityToken")) >= 3  # one per finished upload
    leaks = [f"{what} in {where}" for what, secret in secrets.items() for where, text in texts.items()
             if any(fragment in text for fragment in _fragments(secret))]
    assert not leaks, leaks


def test_log_buffer_alone_redacts_at_the_source() -> None:
    buffer = LogBuffer()
    logger = logging.getLogger("vodgui.test.logpage.source")
    logger.propagate = False
    logger.addHandler(buffer)
    try:
        logger.error("AssumeRole body: {\"AccessKeySecret\": \"%s\"}", "S3cretValueThatIsLongEnough12345")
    finally:
        logger.removeHandler(buffer)
    assert "S3cretValueThatIsLongEnough12345" not in buffer.since(0)[-1].message
    log.debug("done")


def test_earlier_sessions_are_read_from_the_log_files(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    """After a crash the crashed session is in the app: the Log page offers each earlier session of vodgui.log and
    its rotated copies, with the level filter and search, secrets still hidden."""
    logs = tmp_path / "logs"
    logs.mkdir()
    from vodgui.core.redact import register

    secret = "Sup3rSecretValueNobodySees0xyz"
    register(secret)
    (logs / "vodgui.log.1").write_text(
        "2026-12-01 09:00:00,001 INFO vodgui.app: vodgui 1.0 starting; home /h\n"
        "2026-12-01 09:00:01,000 INFO vodgui.core.transfer.job: job 1 clip.mp4: queued -> preparing\n", "utf-8")
    (logs / "vodgui.log").write_text(
        "2026-12-02 10:00:00,001 INFO vodgui.app: vodgui 1.0 starting; home /h\n"
        "2026-12-02 10:00:05,000 ERROR vodgui.core.transfer.job: job 7 crash.mp4 crashed\n"
        "Traceback (most recent call last):\n"
        f"ValueError: bad key {secret}\n"
        "2026-12-02 10:00:06,000 INFO vodgui.core.transfer.job: job 7 crash.mp4: uploading\n"
        "2026-12-03 11:00:00,001 INFO vodgui.app: vodgui 1.0 starting; home /h\n"
        "2026-12-03 11:00:00,500 INFO vodgui.ui: this session\n", "utf-8")
    ui_ctx.log_file = str(logs / "vodgui.log")
    page = make_page(qtbot, ui_ctx)
    with qtbot.waitSignal(page.sessions_loaded, timeout=5_000) as loaded:
        page.load_sessions()
    assert loaded.args == [2]  # the newest session in the files is the live one
    labels = [page.session_box.itemText(i) for i in range(page.session_box.count())]
    assert labels[1].startswith("Session of 2026-12-02 10:00:00") and labels[2].startswith("Session of 2026-12-01")
    page.session_box.setCurrentIndex(1)
    text = page.text()
    assert "job 7 crash.mp4 crashed" in text and "Traceback" in text and secret not in text
    page.level_box.setCurrentIndex(page.level_box.findData(logging.ERROR))
    assert page.text().splitlines()[0].endswith("crashed") and "uploading" not in page.text()
    assert "Traceback" in page.text()  # a traceback belongs to its record
    page.level_box.setCurrentIndex(page.level_box.findData(logging.INFO))
    page.search.setText("uploading")
    assert page.text().splitlines() == ["2026-12-02 10:00:06,000 INFO vodgui.core.transfer.job: job 7 crash.mp4: "
                                        "uploading"]
    page.session_box.setCurrentIndex(0)  # back to the live view
    assert "crash.mp4" not in page.text()
