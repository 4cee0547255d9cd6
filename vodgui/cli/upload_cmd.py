"""``vodgui upload FILE... [--url URL]...``: queue files and upload them in the foreground, with a progress line
or JSON.

What a file becomes follows its extension: video and audio (CreateUploadVideo), images png/jpg/jpeg/gif
(CreateUploadImage, ``--image-type``), ``.m3u8`` playlists (the playlist and its segments as one package),
subtitles .srt/.vtt/... (attached media of type subtitle). ``--attached TYPE`` makes every FILE attached media of
that type; ``--url`` has VOD fetch a file from a web server (UploadMediaByURL).
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import replace
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
from vodgui.cli.duplicates import skip_uploaded
from vodgui.cli.profiles_cmd import add_transfer_arguments, transfer_overrides
from vodgui.cli.progress import ProgressBars
from vodgui.cli.waiting import WaitingNotice
from vodgui.core.errors import VodError
from vodgui.core.intake import scan
from vodgui.core.ledger import account_key
from vodgui.core.media_items import (
    BUSINESS_TYPES,
    IMAGE_TYPES,
    INTAKE_EXTENSIONS,
    KIND_URL,
    KIND_VIDEO,
    cover_item,
    file_item,
    kind_for_path,
    sidecar_subtitles,
    url_item,
    without_package_members,
)
from vodgui.core.profiles import Profile
from vodgui.core.transfer.context import ProfileSession
from vodgui.core.transfer.engine import TransferEngine, read_queue
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.transfer.record import CoverTarget, NewItem
from vodgui.core.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("upload", help="upload files to VOD",
                       description="Upload files (video, audio, images, M3U8 packages, subtitles and other attached "
                                   "media) or have VOD fetch URLs. A file whose earlier upload was interrupted "
                                   "resumes it.")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--url", action="append", default=[], metavar="URL",
                   help="have VOD fetch this http(s) URL (UploadMediaByURL); repeatable")
    p.add_argument("--attached", choices=BUSINESS_TYPES,
                   help="upload the FILEs as attached media of this type (CreateUploadAttachedMedia)")
    p.add_argument("--image-type", choices=IMAGE_TYPES, default="default",
                   help="ImageType for image files (png, jpg, jpeg, gif); default: default")
    p.add_argument("--with-subtitles", action="store_true",
                   help="also upload .srt/.vtt files next to each video with its name (clip.srt, clip.zh.vtt) as "
                        "subtitle media")
    p.add_argument("--cover-image", metavar="IMAGE",
                   help="upload this image (ImageType cover) and make it the cover of the videos of this command")
    p.add_argument("--profile", help="profile name (default: the default profile)")
    p.add_argument("--recursive", "-r", action="store_true", help="upload the media files inside folders")
    p.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    p.add_argument("--again", action="store_true",
                   help="upload files this profile's account already has (default: skip them, showing their id)")
    p.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    p.add_argument("--hold", action="store_true",
                   help="only queue the files, paused, and exit: the desktop app shows them paused (set their "
                        "details, press Start), or run them with 'vodgui queue resume ID'")
    p.add_argument("-v", "--verbose", action="store_true")
    meta = p.add_argument_group("video metadata")
    meta.add_argument("--title", help="title (default: the file name without extension)")
    meta.add_argument("--description")
    meta.add_argument("--tags", help="comma-separated, at most 16")
    meta.add_argument("--cate-id", type=int)
    meta.add_argument("--template-group-id")
    meta.add_argument("--workflow-id")
    meta.add_argument("--storage-location")
    meta.add_argument("--app-id")
    meta.add_argument("--cover-url")
    meta.add_argument("--callback-url", help="MessageCallback URL put into UserData")
    meta.add_argument("--user-data", help="UserData JSON object")
    add_transfer_arguments(p)
    p.set_defaults(func=run)


def metadata_from_args(args: argparse.Namespace) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for arg in ("title", "description", "template_group_id", "workflow_id", "storage_location", "app_id",
                "cover_url", "callback_url", "user_data", "cate_id"):
        value = getattr(args, arg, None)
        if value is not None:
            meta[arg] = value
    if args.tags:
        meta["tags"] = [t.strip() for t in args.tags.split(",") if t.strip()]
    return meta


def expand(paths: list[str], recursive: bool) -> tuple[list[str], list[dict[str, Any]]]:
    """Files to queue, and per-argument problems reported without queueing anything.

    A folder is walked the way the desktop app walks a dropped folder (:func:`vodgui.core.intake.scan`: name
    order, a folder's own files before its subfolders', hidden entries skipped) for what can be uploaded (video,
    audio, images, playlists, subtitles), leaving out the segments of the playlists it finds: they go up with
    their playlist. A file named twice is queued once.
    """
    files: list[str] = []
    problems: list[dict[str, Any]] = []
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            if not recursive:
                problems.append(_problem(raw, "IsADirectory",
                                         f"{raw} is a folder: pass the files, or use --recursive."))
                continue
            found = scan([path], extensions=INTAKE_EXTENSIONS)
            files.extend(without_package_members(f.path for f in found.files))
            problems.extend(_problem(p, "FileUnreadable", f"{p} cannot be read.") for p in found.unreadable)
        elif not os.path.exists(path):
            problems.append(_problem(raw, "FileNotFound", f"{raw} does not exist."))
        else:
            files.append(path)
    return list(dict.fromkeys(files)), problems


def _problem(path: str, code: str, message: str, kind: str | None = None) -> dict[str, Any]:
    return {"file": path, "job_id": None, "video_id": None, "state": "failed",
            "error": {"code": code, "message": message, "request_id": None}, "kind": kind or kind_for_path(path)}


def result_json(snap: JobSnapshot) -> dict[str, Any]:
    """One line of ``--json`` output. ``video_id`` is the media's id whatever its kind (VideoId, ImageId or
    MediaId); ``kind`` says which."""
    state = snap.state.value if snap.state in (JobState.DONE, JobState.CANCELLED, JobState.PAUSED) else "failed"
    return {"file": snap.path, "job_id": snap.job_id, "video_id": snap.media_id, "state": state,
            "title": snap.title, "size": snap.size,
            "error": snap.error.to_dict() if snap.error and state == "failed" else None,
            "note": snap.note.english() if snap.note else None, "kind": snap.kind.value}


def build_items(args: argparse.Namespace, files: list[str], profile: str,
                meta: dict[str, Any]) -> tuple[list[NewItem], list[dict[str, Any]]]:
    """The queue items this command asks for (paused: :func:`run_engine` starts them), and argument problems."""
    paused = JobState.PAUSED
    items: list[NewItem] = []
    problems: list[dict[str, Any]] = []
    taken = set(files)
    videos = [p for p in files if kind_for_path(p) == KIND_VIDEO] if args.with_subtitles and not args.attached \
        else []
    sidecars = sidecar_subtitles(videos)
    for path in files:
        if args.attached:
            items.append(file_item(path, profile, meta, business_type=args.attached, state=paused))
            continue
        items.append(file_item(path, profile, meta, image_type=args.image_type, state=paused))
        for sub in sidecars.get(path, []):
            if sub not in taken:
                taken.add(sub)
                items.append(file_item(sub, profile, {}, business_type="subtitle", state=paused))
    for url in args.url:
        try:
            items.append(url_item(url, profile, meta, state=paused))
        except VodError as err:
            problems.append(_problem(url, err.code, err.message, KIND_URL))
    return items, problems


def cli_sessions(ws: Workspace, overrides: dict[str, Any]) -> Callable[[str], ProfileSession]:
    """A session per profile for one command, with the command line's transfer options applied; the account is
    learned when a session is built, so the finished uploads can be recorded by account."""
    cache: dict[str, ProfileSession] = {}

    def sessions(name: str) -> ProfileSession:
        if name not in cache:
            profile: Profile = ws.profiles.require(name)
            if overrides:
                profile = replace(profile, transfer=profile.transfer.with_changes(**overrides))
            cache[name] = ws.sessions.build(profile)
            account_key(cache[name])
        return cache[name]

    return sessions


def run_engine(ws: Workspace, job_ids: list[int], *, overrides: dict[str, Any], progress: bool,
               restore: bool = True) -> list[JobSnapshot]:
    """Run the given queue items to an end in the foreground; Ctrl-C pauses them (resumable)."""
    sessions = cli_sessions(ws, overrides)
    first = sessions(ws.store.get(job_ids[0]).profile) if job_ids and ws.store.get(job_ids[0]) else None
    engine = TransferEngine.for_config(ws.store, sessions, first.transfer if first else None, auto_start=False)
    line = ProgressBars(job_ids, progress)
    engine.subscribe(line)
    engine.subscribe(WaitingNotice())
    engine.restore(resume=False, ids=job_ids)
    interrupted = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        interrupted.set()
        engine.pause(job_ids)

    old = signal.signal(signal.SIGINT, on_signal)
    old_term = signal.signal(signal.SIGTERM, on_signal)
    try:
        engine.resume(job_ids)
        engine.start_queue()
        while not engine.wait_idle(0.5) and engine.home_fault is None:
            pass
        if engine.home_fault is not None:
            raise engine.home_fault
        if interrupted.is_set():
            engine.wait_idle(30)
    finally:
        signal.signal(signal.SIGINT, old)
        signal.signal(signal.SIGTERM, old_term)
        line.close()
        engine.shutdown(pause=True)
    return [s for s in (engine.snapshot(i) for i in job_ids) if s]


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    if not args.files and not args.url:
        return fail("nothing to upload: pass files, or --url URL", 2)
    if args.cover_image and not os.path.isfile(args.cover_image):
        return fail(f"the cover image {args.cover_image} does not exist", 2)
    files, problems = expand(args.files, args.recursive)
    skipped: list[dict[str, Any]] = []
    held: list[JobSnapshot] = []
    try:
        with open_workspace(args.home) as ws:
            ws.lock.acquire()
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            profile = ws.profiles.require(name)
            meta = metadata_from_args(args)
            wanted, bad = build_items(args, files, profile.name, meta)
            problems += bad
            # An item with an unfinished upload in this profile resumes (same VideoId, same upload, same URL job).
            unfinished = {(r.path, r.profile, r.kind): r for r in ws.store.items()
                          if r.state not in (JobState.DONE, JobState.CANCELLED)}
            wanted, skipped = skip_uploaded(ws, profile, wanted, unfinished, again=args.again)
            job_ids: list[int] = []
            videos: list[int] = []
            new_items: list[NewItem] = []
            for item in wanted:
                rec = unfinished.get((item.path, profile.name, item.kind))
                if rec is not None:
                    job_ids.append(rec.id)
                    if rec.kind == KIND_VIDEO:
                        videos.append(rec.id)
                else:
                    new_items.append(item)
            if new_items:
                added = [r.id for r in ws.store.add_items(new_items)]
                job_ids += added
                videos += [i for i, item in zip(added, new_items, strict=True) if item.kind == KIND_VIDEO]
            if args.cover_image and videos:
                cover = cover_item(args.cover_image, profile.name, [CoverTarget(item_id=i) for i in videos],
                                   state=JobState.PAUSED)
                earlier = unfinished.get((cover.path, profile.name, cover.kind))
                if earlier is not None and earlier.details == cover.details:
                    job_ids.append(earlier.id)
                else:
                    job_ids += [r.id for r in ws.store.add_items([cover])]
            if args.hold:  # queued, paused: the app's Start or `queue resume ID` runs them
                wanted_ids = set(job_ids)
                held = [s for s in read_queue(ws.store) if s.job_id in wanted_ids]
                snaps = []
            else:
                snaps = run_engine(ws, job_ids, overrides=transfer_overrides(args),
                                   progress=not args.no_progress and not args.json) if job_ids else []
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    results = problems + skipped + [result_json(s) for s in snaps] + [{**result_json(s), "state": "held"}
                                                                      for s in held]
    for res in results:
        if args.json:
            print_json(res)
        elif res["state"] == "held":
            print(f"held    job {res['job_id']}  {res['file']}")
        elif res["state"] in ("done", "skipped"):
            skip = f"  ({res['note']})" if res["state"] == "skipped" else ""
            print(f"{res['state']:7} {res['video_id']}  {res['file']}{skip}")
        else:
            err = res.get("error") or {}
            rid = f" [RequestId {err.get('request_id')}]" if err.get("request_id") else ""
            print(f"{res['state']:7} {res['file']}: {err.get('code', '')} {err.get('message', '')}{rid}")
    return 0 if results and all(r["state"] in ("done", "skipped", "held") for r in results) else 1
