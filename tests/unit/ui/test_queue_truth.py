"""Issue 13: the queue tells the truth. 40 files dropped through real drag-and-drop events; the title and the
footer are sampled every 200 ms while they upload (with a pause and a resume in the middle) and checked against
the rows and the engine."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import drop_paths
from vodgui.core.transfer.events import JobState
from vodgui.ui.queue_model import FRACTION_ROLE, Column

FILES = 40
CONCURRENT = 3


def _number(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    return int(match.group(1)) if match else 0


def test_forty_dropped_files_title_and_footer_match_the_rows(qtbot: Any, main_window: Any, media: Path) -> None:
    window, page = main_window, main_window.upload_page
    engine = window.ctx.engine
    # Fixed connections: the concurrent-files setting is then a hard cap (adaptive connections, issue 14, let the
    # number of files grow with the connection gate).
    engine.set_connections(adaptive=False, parts_in_flight=2, max_connections=2 * CONCURRENT)
    engine.set_concurrent_files(CONCURRENT)
    engine.set_bandwidth_limit(900_000)  # about 4 s for the batch: many samples while it runs
    paths = [write_file(media / f"clip {n:02}.mp4", 60_000 + 1000 * n, seed=n) for n in range(FILES)]

    samples: list[dict[str, Any]] = []
    problems: list[str] = []
    shown: dict[int, float] = {}

    def sample() -> None:
        title, footer = window.windowTitle(), page.summary.text()
        model = page.model
        rows = model.snapshots()
        done_rows = sum(1 for s in rows if s.state is JobState.DONE)
        engine_done = sum(1 for s in engine.snapshots() if s.state is JobState.DONE)
        footer_done = _number(r"(\d+) done", footer) or _number(r"All done: (\d+)", footer)
        title_uploading = _number(r"(\d+) uploading", title)
        footer_uploading = _number(r"(\d+) uploading", footer)
        at = len(samples)
        if title_uploading > CONCURRENT or footer_uploading > CONCURRENT:
            problems.append(f"sample {at}: more uploading than {CONCURRENT}: {title!r} / {footer!r}")
        if footer_done != done_rows:
            problems.append(f"sample {at}: footer says {footer_done} done, {done_rows} rows are Done: {footer!r}")
        # The window follows the engine by at most one flush (200 ms): the rows are never ahead of the engine,
        # and never behind what the engine had two samples (400 ms) ago.
        if engine_done < done_rows or (len(samples) >= 2 and done_rows < samples[-2]["engine_done"]):
            problems.append(f"sample {at}: rows say {done_rows} done, the engine {engine_done}")
        for row in range(model.rowCount()):
            job_id = model.job_id(row)
            fraction = float(model.data(model.index(row, Column.PROGRESS), FRACTION_ROLE) or 0.0)
            if fraction + 1e-9 < shown.get(job_id, 0.0):
                problems.append(f"sample {at}: row {row} went back from {shown[job_id]:.3f} to {fraction:.3f}")
            shown[job_id] = fraction
        samples.append({"title": title, "footer": footer, "done": done_rows, "engine_done": engine_done})

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(sample)
    timer.start()
    try:
        entered, dropped = drop_paths(page.view, paths)
        assert entered and dropped
        qtbot.waitUntil(lambda: page.model.rowCount() == FILES, timeout=15_000)
        # Rows scroll into view: the last one added is visible.
        last = page.model.index(FILES - 1, 0)
        qtbot.waitUntil(lambda: page.view.viewport().rect().intersects(page.view.visualRect(last)), timeout=5_000)

        qtbot.waitUntil(lambda: sum(1 for s in page.model.snapshots() if s.state is JobState.DONE) >= 8,
                        timeout=30_000)
        page.select_jobs([s.job_id for s in page.model.snapshots()])
        page.act_pause.trigger()
        qtbot.waitUntil(lambda: not any(s.state.active or s.state is JobState.QUEUED
                                        for s in page.model.snapshots()), timeout=15_000)
        paused_footer = page.summary.text()
        assert re.search(r"\d+ paused", paused_footer) and "uploading" not in paused_footer
        assert "uploading" not in window.windowTitle()
        page.act_resume_all.trigger()
        qtbot.waitUntil(lambda: all(s.state is JobState.DONE for s in page.model.snapshots()), timeout=60_000)
        qtbot.wait(450)  # two more samples of the finished queue
    finally:
        timer.stop()
    assert not problems, "\n".join(problems[:20])
    assert len(samples) >= 15, f"only {len(samples)} samples"
    assert max(_number(r"(\d+) uploading", s["title"]) for s in samples) >= 2  # the batch did run in parallel
    assert page.summary.text() == f"All done: {FILES} items uploaded"
    assert "uploading" not in window.windowTitle()
    assert window.last_notice is not None and window.last_notice[0] == "Uploads finished"
    assert window.last_notice[1] == f"{FILES} files uploaded."


def test_intake_rejects_what_can_only_fail_with_one_summary(qtbot: Any, page: Any, media: Path) -> None:
    page.ctx.engine.auto_start = False  # the good file waits: only the intake is under test
    good = write_file(media / "good.mp4", 5_000, seed=1)
    empty = media / "empty.mp4"
    empty.write_bytes(b"")
    notes = media / "notes.txt"
    notes.write_text("not a video")
    folder = media / "docs"
    folder.mkdir()
    (folder / "readme.txt").write_text("nothing to upload here")
    gone = media / "gone.mp4"
    page.add_paths([str(good), str(empty), str(notes), str(folder), str(gone)])
    qtbot.waitUntil(lambda: "Not added" in page.message.text() and page.model.rowCount() == 1, timeout=10_000)
    qtbot.wait(300)  # one more flush: nothing else arrives
    assert [s.path for s in page.model.snapshots()] == [str(good)]
    text = page.message.text()
    assert text.startswith("Added 1 file to the queue.")
    assert "Not added, as 4 items could only fail:" in text
    tip = page.message.toolTip().splitlines()
    assert sorted(tip) == sorted(["empty.mp4: empty (0 bytes)",
                                  "notes.txt: not a video, audio or image file VOD takes",
                                  "docs: a folder with no video or audio files",
                                  "gone.mp4: no longer exists"])
    assert text.count("empty (0 bytes)") == 1  # each reason once


def test_details_of_a_video_in_vod_are_saved_with_update_video_info(qtbot: Any, page: Any, media: Path,
                                                                    control: Any) -> None:
    """While it uploads and after it is done, a video's title and tags are changed in VOD, with the result in the
    row; fields VOD only takes at creation are disabled and say why; a category that is not a number says so."""
    engine = page.ctx.engine
    engine.set_bandwidth_limit(40_000)
    path = write_file(media / "talk.mp4", 200_000, seed=3)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: bool(page.model.snapshots()) and page.model.snapshots()[0].media_id is not None,
                    timeout=15_000)
    snap = page.model.snapshots()[0]
    video_id = snap.media_id
    page.select_jobs([snap.job_id])
    form = page.details.form
    qtbot.waitUntil(lambda: form.isEnabled() and page.details.notice.isVisible(), timeout=5_000)
    assert "UpdateVideoInfo" in page.details.notice.text()
    assert not form.inputs["workflow_id"].isEnabled()
    assert "cannot be changed afterwards" in form.inputs["workflow_id"].toolTip()
    form.inputs["cate_id"].setText("abc")  # refused, with the reason, not silently dropped
    assert "positive number" in form._errors["cate_id"].text() and not page.details.apply_button.isEnabled()
    form.inputs["cate_id"].setText("")
    form.inputs["title"].setText("Keynote, final cut")
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: (n := page.model.snapshots()[0].note) is not None and n.code == "note.metadata_updated",
                    timeout=15_000)
    assert control.video(video_id)["title"] == "Keynote, final cut"
    assert "Saving the details in VOD for 1 video" in page.message.text()

    engine.set_bandwidth_limit(0)
    qtbot.waitUntil(lambda: page.model.snapshots()[0].state is JobState.DONE, timeout=30_000)
    page.select_jobs([snap.job_id])
    qtbot.waitUntil(form.isEnabled, timeout=5_000)
    form.inputs["tags"].setText("launch, 2026")
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: page.model.snapshots()[0].metadata.get("tags") == ["launch", "2026"], timeout=15_000)
    assert control.video(video_id)["tags"] in (["launch", "2026"], "launch,2026")
    state_tip = page.model.data(page.model.index(0, Column.STATE), 3)  # ToolTipRole
    assert f"Details saved in VOD (UpdateVideoInfo) for video {video_id}." == state_tip


def test_held_files_wait_for_start_and_take_their_details_with_them(qtbot: Any, page: Any, media: Path,
                                                                   control: Any) -> None:
    page.ctx.settings_store.update(hold_new_files=True)
    path = write_file(media / "held.mp4", 30_000, seed=4)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.snapshots()[0].state is JobState.PAUSED,
                    timeout=10_000)
    qtbot.wait(500)
    assert not [e for e in control.log() if e.get("op") == "CreateUploadVideo"]  # nothing created yet
    snap = page.model.snapshots()[0]
    page.select_jobs([snap.job_id])
    qtbot.waitUntil(page.details.form.isEnabled, timeout=5_000)
    page.details.form.inputs["title"].setText("Held back, then named")
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: page.model.snapshots()[0].metadata.get("title") == "Held back, then named",
                    timeout=10_000)
    assert page.act_start.isEnabled()
    page.act_start.trigger()
    qtbot.waitUntil(lambda: page.model.snapshots()[0].state is JobState.DONE, timeout=30_000)
    assert control.video(page.model.snapshots()[0].media_id)["title"] == "Held back, then named"


def test_the_duplicate_prompt_names_the_account_it_speaks_of(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from vodgui.core.intake import Duplicate, FoundFile
    from vodgui.core.ledger import LedgerEntry
    from vodgui.ui.duplicate_prompt import DuplicatePrompt

    entry = LedgerEntry("1234567890123456", "cn-shanghai", "/v/clip.mp4", 10, 1, "42", "vid123", "video", 1.7e9)
    prompt = DuplicatePrompt(Duplicate(FoundFile("/v/clip.mp4", 10, 1), entry), 0, None, "Production")
    qtbot.addWidget(prompt)
    texts = " ".join(label.text() for label in prompt.findChildren(QLabel))
    assert "account 1234567890123456 (cn-shanghai), profile “Production”" in texts
    assert "Uploads to other accounts are not affected." in texts


def test_language_applies_on_save_to_every_page_and_stored_errors(qtbot: Any, main_window: Any, media: Path,
                                                                   qapp: Any) -> None:
    import re as _re

    from vodgui.ui import i18n
    from vodgui.ui.settings_dialog import SettingsDialog

    window = main_window
    empty = media / "empty.mp4"
    empty.write_bytes(b"")
    [job_id] = window.ctx.engine.add_files([str(empty)], "Sandbox")  # fails: VOD refuses 0 bytes
    qtbot.waitUntil(lambda: (s := window.model.snapshot(job_id)) is not None and s.state is JobState.FAILED,
                    timeout=10_000)
    window.nav.setCurrentRow(1)
    cjk = _re.compile(r"[\u3400-\u9fff]")
    error_cell = lambda: str(window.model.data(window.model.index(0, Column.ERROR)))  # noqa: E731
    assert not cjk.search(error_cell())
    dialog = SettingsDialog(window.ctx, window)
    dialog.open()
    try:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
        assert window.nav.item(0).text() == "Upload"  # nothing before Save
        dialog.save_button.click()
        qtbot.waitUntil(lambda: window.nav.item(0).text() != "Upload", timeout=5_000)
        page = window.upload_page
        assert all(cjk.search(window.nav.item(i).text()) for i in range(4))
        assert cjk.search(page.act_add_files.text()) and cjk.search(page.summary.text())
        assert cjk.search(str(window.model.headerData(Column.ACCOUNT, Qt.Orientation.Horizontal)))
        assert cjk.search(error_cell())  # the stored error, rendered from its code in the new language
        assert cjk.search(window.history_page.findChildren(QPushButton)[0].text()
                          + window.log_page.findChildren(QPushButton)[0].text())
        assert window.nav.currentRow() == 1 and window.stack.currentWidget() is window.history_page
    finally:
        i18n.install_translators(qapp, "en")
        window.ctx.settings_store.update(language="en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Upload", timeout=5_000)
    assert not cjk.search(error_cell())


def test_the_category_is_picked_from_get_categories(qtbot: Any, page: Any, media: Path, control: Any) -> None:
    page.ctx.engine.auto_start = False
    path = write_file(media / "sports.mp4", 20_000, seed=5)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.select_jobs([page.model.snapshots()[0].job_id])
    form = page.details.form
    qtbot.waitUntil(lambda: form.isEnabled() and form.category_button.isVisible(), timeout=5_000)
    with qtbot.waitSignal(form.categories_listed, timeout=10_000) as listed:
        form.category_button.click()
    assert form.category_menu is not None
    labels = [a.text() for a in form.category_menu.actions()]
    assert listed.args[0] == len(labels) >= 2
    # The sandbox's seeded tree: a child is indented under its parent, each with its CateId.
    assert _re_match(r"Movies \((\d+)\)", labels[0]) and _re_match(r"    Trailers \((\d+)\)", labels[1])
    trailers = int(_re_match(r"    Trailers \((\d+)\)", labels[1]))
    form.category_menu.actions()[1].trigger()
    assert form.text("cate_id") == str(trailers) and page.details.apply_button.isEnabled()
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: page.model.snapshots()[0].metadata.get("cate_id") == trailers, timeout=10_000)
    page.ctx.engine.start_queue()
    qtbot.waitUntil(lambda: page.model.snapshots()[0].state is JobState.DONE, timeout=30_000)
    assert int(control.video(page.model.snapshots()[0].media_id)["cate_id"]) == trailers


def _re_match(pattern: str, text: str) -> str:
    match = re.fullmatch(pattern, text)
    assert match, (pattern, text)
    return match.group(1)
