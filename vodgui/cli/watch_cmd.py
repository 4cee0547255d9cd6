"""``vodgui watch DIR... --profile P [--template FILE] [--once]``: hot folders from the command line.

Complete files in the folders are uploaded once per account (the ledger): a file still growing, a ``.part`` or
hidden temporary file, or one another program still has open for writing waits. Runs until Ctrl-C (uploads in
flight pause and resume at the next start); ``--once`` scans, uploads what is complete, waits, and exits.

Every video it uploads is followed after Done (:class:`~vodgui.core.media_status.StatusFollower`, the checks
``vodgui history list`` and the History page make) until VOD says Normal or a failure (TranscodeFail, Blocked...),
and that final state is printed per file; ``--once`` waits for it, at most ``--follow-timeout`` seconds a video.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

from vodgui.cli.common import (
    error_text,
    fail,
    open_workspace,
    print_json,
    profile_name,
    setup_logging,
    stop_builtin_sandbox,
)
from vodgui.cli.profiles_cmd import add_transfer_arguments, transfer_overrides
from vodgui.cli.upload_cmd import cli_sessions, result_json
from vodgui.cli.waiting import WaitingNotice
from vodgui.core.errors import VodError
from vodgui.core.hotfolder import (
    DEFAULT_SETTLE,
    Decision,
    FileDecision,
    FolderState,
    FolderStatus,
    HotFolders,
    TemplateError,
    UploadGuard,
    WatchedFolder,
    WatchTemplate,
)
from vodgui.core.media_status import FOLLOW_TIMEOUT, NO_VOD_ACCESS, FollowResult, StatusFollower
from vodgui.core.profiles import Profile
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import Event, JobChanged, JobState
from vodgui.core.transfer.record import Kind

_TEMPLATE_FLAGS = ("title", "description", "tags", "cate_id", "template_group_id", "workflow_id",
                   "storage_location", "app_id")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("watch", help="upload the files that appear in folders (hot folders)",
                       description="Watch folders and upload each complete file once per account. Files still "
                                   "being written (growing, .part/.tmp/~ or hidden names, open for writing) "
                                   "wait; files this account already has are skipped, also after a restart.")
    p.add_argument("folders", nargs="+", metavar="DIR")
    p.epilog = ("Exit status: 0 when every upload finished (and every video followed ended Normal), 1 when an "
                "upload or a video failed (or a folder could not be checked), 3 when some video had not settled "
                "by --follow-timeout or its status cannot be read (check later with 'vodgui history list').")
    p.add_argument("--profile", help="profile name (default: the default profile)")
    p.add_argument("--template", metavar="FILE|JSON",
                   help="metadata template: a JSON file or object with title (a pattern: {stem} {name} {ext} "
                        "{folder} {date}), description, tags, cate_id, template_group_id, workflow_id, "
                        "storage_location, app_id; the options below override it")
    p.add_argument("--once", action="store_true", help="scan, upload what is complete, wait for it, exit")
    p.add_argument("--recursive", "-r", action="store_true", help="watch subfolders too")
    p.add_argument("--settle", type=float, default=DEFAULT_SETTLE, metavar="SECONDS",
                   help=f"how long a file's size and time must stay the same (default {DEFAULT_SETTLE:g})")
    p.add_argument("--follow-timeout", type=float, default=FOLLOW_TIMEOUT, metavar="SECONDS",
                   help="follow each uploaded video until VOD reports Normal or a failure (TranscodeFail, "
                        "Blocked...), at most this long (default %(default)g; 0: do not follow); --once waits "
                        "for it")
    p.add_argument("--json", action="store_true", help="one JSON object per file decided or finished")
    p.add_argument("-v", "--verbose", action="store_true")
    meta = p.add_argument_group("metadata (override the template)")
    meta.add_argument("--title", help="title pattern, e.g. '{folder} - {stem}' (default {stem})")
    meta.add_argument("--description")
    meta.add_argument("--tags", help="comma-separated, at most 16")
    meta.add_argument("--cate-id", type=int, help="category id (vodgui catalog categories)")
    meta.add_argument("--template-group-id", help="transcode template group (vodgui catalog templates)")
    meta.add_argument("--workflow-id")
    meta.add_argument("--storage-location")
    meta.add_argument("--app-id", help="VOD application (vodgui catalog apps)")
    add_transfer_arguments(p)
    p.set_defaults(func=run)


def load_template(args: argparse.Namespace) -> WatchTemplate:
    data: dict[str, Any] = {}
    if args.template:
        text = args.template
        if not text.lstrip().startswith("{"):
            try:
                text = Path(text).read_text(encoding="utf-8")
            except OSError as exc:
                raise TemplateError("TemplateUnreadable", f"{args.template}: {exc.strerror or exc}") from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise TemplateError("InvalidTemplate", f"not a JSON object ({exc})") from None
        if not isinstance(data, dict):
            raise TemplateError("InvalidTemplate", "the template must be a JSON object")
    for flag in _TEMPLATE_FLAGS:
        value = getattr(args, flag, None)
        if value is not None:
            data[flag] = value
    return WatchTemplate.from_json(data)


#: What a failure state found after the upload means (the CLI speaks English; the GUI has its own words).
_AFTER_UPLOAD = {"TranscodeFail": "VOD could not transcode it: check that the file is a playable video and the "
                                  "transcode template group",
                 "Blocked": "blocked by review or an administrator",
                 "UploadFail": "VOD reports that the upload failed",
                 "ProduceFail": "VOD reports that production failed",
                 "NotFound": "the video was deleted"}


class Reporter:
    """Prints each decision, each finished upload and each video's final state (from the engine's events and the
    status follower alone)."""

    def __init__(self, as_json: bool, follower: StatusFollower | None = None) -> None:
        self.as_json = as_json
        self.follower = follower
        self.ours: set[int] = set()
        self.finished: dict[int, dict[str, Any]] = {}
        #: VideoId -> the upload's line, for the videos handed to the follower.
        self.followed: dict[str, dict[str, Any]] = {}
        #: VideoId -> the final line printed for it.
        self.final: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def decision(self, d: FileDecision) -> None:
        if d.decision is Decision.QUEUED:
            with self._lock:
                if d.job_id is not None:
                    self.ours.add(d.job_id)
            self._print({"file": d.path, "state": "queued", "job_id": d.job_id, "video_id": None},
                        f"queued  {d.path}")
        else:
            note = "already uploaded to this account" if d.job_id is None else "in the queue already"
            self._print({"file": d.path, "state": "skipped", "job_id": d.job_id, "video_id": d.media_id,
                         "note": note, "same_content": d.same_content},
                        f"skipped {d.media_id or ''}  {d.path}  ({note})")

    def status(self, s: FolderStatus) -> None:
        if s.state is FolderState.ERROR:
            self._print({"folder": s.path, "state": "error", "error": {"code": s.error_code,
                                                                        "message": s.error_message}},
                        f"error   {s.path}: {s.error_code} {s.error_message}")
        elif s.state is FolderState.MISSING:
            self._print({"folder": s.path, "state": "missing"}, f"missing {s.path} (waiting for it)")

    def on_event(self, event: Event) -> None:
        if not isinstance(event, JobChanged):
            return
        snap = event.snapshot
        if snap.state not in (JobState.DONE, JobState.FAILED, JobState.CANCELLED):
            return
        with self._lock:
            if snap.job_id not in self.ours or snap.job_id in self.finished:
                return
            res = result_json(snap)
            self.finished[snap.job_id] = res
        if res["state"] == "done":
            self._print(res, f"done    {res['video_id']}  {res['file']}")
            if self.follower is not None and snap.kind is Kind.VIDEO and snap.media_id:
                with self._lock:
                    self.followed[snap.media_id] = res
                self.follower.add(snap.profile, snap.media_id)
        else:
            err = res.get("error") or {}
            self._print(res, f"{res['state']:7} {res['file']}: {err.get('code', '')} {err.get('message', '')}")

    def on_final(self, result: FollowResult) -> None:
        """A followed video settled, or following it was given up."""
        with self._lock:
            res = self.followed.get(result.video_id, {})
        base = {"file": res.get("file"), "job_id": res.get("job_id"), "video_id": result.video_id,
                "status": result.status}
        if result.settled:
            line = {**base, "state": "final", "failed": result.failed,
                    "code": result.status if result.failed else None}
            text = f"final   {result.video_id}  {base['file']}: {result.status}"
            if result.failed:
                text += f" (after the upload: {_AFTER_UPLOAD.get(result.status or '', 'the video will not play')})"
        elif result.problem is not None:
            problem = result.problem
            line = {**base, "state": "unsettled", "reason": {"code": problem.code, "message": problem.message}}
            why = "the profile has no VOD access of its own (AppServer)" if problem.code == NO_VOD_ACCESS \
                else f"{problem.code} {problem.message}".rstrip()
            text = f"unknown {result.video_id}  {base['file']}: its status cannot be read ({why})"
        else:
            line = {**base, "state": "unsettled", "waited": round(result.waited, 1),
                    "reason": {"code": "FollowTimeout", "message": "not settled within --follow-timeout"}}
            text = (f"waiting {result.video_id}  {base['file']}: still {result.status or 'unknown'} after "
                    f"{result.waited:.0f} s (--follow-timeout); 'vodgui history list' checks it again later")
        with self._lock:
            self.final[result.video_id] = line
        self._print(line, text)

    def _print(self, obj: dict[str, Any], text: str) -> None:
        with self._lock:
            if self.as_json:
                print_json(obj)
            else:
                print(text, flush=True)


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    try:
        template = load_template(args)
    except TemplateError as exc:
        return fail(f"{exc.code}: {exc.detail}", 2)
    roots = [os.path.abspath(d) for d in args.folders]
    for raw, root in zip(args.folders, roots, strict=True):
        if not os.path.isdir(root):
            return fail(f"{raw} is not a folder (create it, or check the path)", 2)
    if args.settle < 0:
        return fail("--settle must be 0 or more seconds", 2)
    if args.follow_timeout < 0:
        return fail("--follow-timeout must be 0 (do not follow) or more seconds", 2)
    try:
        with open_workspace(args.home) as ws:
            ws.lock.acquire()
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            profile = ws.profiles.require(name)
            return _watch(ws, profile, roots, template, args)
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()


def _watch(ws: Any, profile: Profile, roots: list[str], template: WatchTemplate, args: argparse.Namespace) -> int:
    sessions = cli_sessions(ws, transfer_overrides(args))
    session = sessions(profile.name)
    folders = [WatchedFolder(root, profile.name, template, args.recursive, args.settle) for root in roots]
    engine = TransferEngine.for_config(ws.store, sessions, session.transfer)
    follower: StatusFollower | None = None
    reporter = Reporter(args.json)
    if args.follow_timeout > 0:
        follower = StatusFollower(sessions, ws.store, reporter.on_final, timeout=args.follow_timeout)
        reporter.follower = follower
    engine.subscribe(reporter)
    engine.subscribe(WaitingNotice())
    # Uploads of these folders a killed or closed watch left unfinished resume (same VideoId, proven parts).
    unfinished = [r.id for r in ws.store.items()
                  if r.profile == profile.name and r.state not in (JobState.DONE, JobState.CANCELLED)
                  and any(f.contains(r.path) for f in folders)]
    reporter.ours.update(unfinished)
    engine.restore(resume=True, ids=unfinished)
    engine.resume(unfinished)
    guard = UploadGuard(sessions, ws.store.items)
    hot = HotFolders(engine.add, guard, on_decision=reporter.decision, on_status=reporter.status,
                     poll_interval=min(1.0, max(0.2, args.settle / 4)))
    hot.set_folders(folders)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    old = signal.signal(signal.SIGINT, on_signal)
    old_term = signal.signal(signal.SIGTERM, on_signal)
    if follower is not None:
        follower.start()
    try:
        if args.once:
            _once(hot, args.settle, stop)
            while not stop.is_set() and not engine.wait_idle(0.5) and engine.home_fault is None:
                pass
            # Then the videos to their final state (each at most --follow-timeout, so this ends).
            while follower is not None and not stop.is_set() and not follower.wait_idle(0.5) \
                    and engine.home_fault is None:
                pass
        else:
            hot.start()
            while not stop.wait(0.5) and engine.home_fault is None:
                pass
        if engine.home_fault is not None:
            raise engine.home_fault
    finally:
        signal.signal(signal.SIGINT, old)
        signal.signal(signal.SIGTERM, old_term)
        hot.stop()
        engine.shutdown(pause=True)
        if follower is not None:
            follower.stop()
    return _summary(reporter, hot, follower, args.follow_timeout)


def _summary(reporter: Reporter, hot: HotFolders, follower: StatusFollower | None, cap: float) -> int:
    """The exit status (see the command's epilog), with a word on stderr for what is not known yet."""
    failed = [r for r in reporter.finished.values() if r["state"] != "done"]
    failed += [r for r in reporter.final.values() if r.get("failed")]
    errors = [s for s in hot.statuses() if s.error_code]
    timed_out = [r for r in reporter.final.values() if r["state"] == "unsettled"
                 and r["reason"]["code"] == "FollowTimeout"]
    unknown = [r for r in reporter.final.values() if r["state"] == "unsettled"]
    left = follower.pending() if follower is not None else []
    if timed_out:
        fail(f"{len(timed_out)} video(s) had not reached a final state after --follow-timeout {cap:g} s (VOD is "
             "still processing them): run 'vodgui history list' later, or give a longer --follow-timeout")
    if left:
        fail(f"stopped before {len(left)} video(s) reached a final state; 'vodgui history list' checks them")
    if failed or errors:
        return 1
    return 3 if unknown else 0


def _once(hot: HotFolders, settle: float, stop: threading.Event) -> None:
    """Poll until every file seen at the start is decided or has had its settle time to prove complete."""
    deadline = time.monotonic() + settle + 2 * hot.poll_interval + 0.5
    hot.poll()
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(hot.poll_interval)
        hot.poll()
