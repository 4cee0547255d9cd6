"""``vodgui history list [--failed] [--json] [--no-check]``: finished uploads and what became of them.

VOD sends no event when a video fails after its upload (TranscodeFail, Blocked...), so every upload is followed:
before listing, the videos whose status is not settled yet are checked (GetVideoInfos, 20 per call, per
profile) and the answers stored, so the desktop app's History page shows the same. ``--failed`` lists only
those that ended in a failure state, with the state as their code.
"""

from __future__ import annotations

import argparse
import logging
from datetime import UTC, datetime
from typing import Any

from vodgui.cli.common import fail, open_workspace, print_json, setup_logging, stop_builtin_sandbox
from vodgui.core.media_status import FAILED, check_statuses, is_settled
from vodgui.core.store import HistoryRecord


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="finished uploads and their status (transcoding, failures)",
                       description="List finished uploads with their VOD status, checking the ones still in "
                                   "progress first.")
    p.add_argument("action", choices=("list",))
    p.add_argument("--failed", action="store_true", help="only videos that ended in a failure (TranscodeFail...)")
    p.add_argument("--profile", help="only uploads of this profile")
    p.add_argument("--json", action="store_true", help="one JSON object per upload")
    p.add_argument("--no-check", action="store_true", help="do not ask VOD; show the last known status")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=run)


def _iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry(rec: HistoryRecord) -> dict[str, Any]:
    failed = rec.media_status in FAILED
    return {"video_id": rec.video_id, "file": rec.path, "title": rec.title, "kind": rec.kind,
            "profile": rec.profile, "size": rec.size, "finished_at": _iso(rec.finished_at),
            "status": rec.media_status, "status_checked_at": _iso(rec.status_checked_at), "failed": failed,
            "code": rec.media_status if failed else None}


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    if not args.verbose:
        logging.getLogger("aliyunsdkcore.client").setLevel(logging.CRITICAL)
    problems: dict[str, Any] = {}
    try:
        with open_workspace(args.home) as ws:
            records = [r for r in ws.store.history() if not args.profile or r.profile == args.profile]
            if not args.no_check:
                wanted: dict[str, list[str]] = {}
                for rec in records:
                    if rec.video_id and rec.kind == "video" and not is_settled(rec.media_status):
                        wanted.setdefault(rec.profile, []).append(rec.video_id)
                if wanted:
                    report = check_statuses(ws.sessions, ws.store, wanted)
                    problems = report.problems
                    records = [r for r in ws.store.history() if not args.profile or r.profile == args.profile]
    finally:
        stop_builtin_sandbox()
    for profile, problem in problems.items():
        fail(f"the videos of {profile} could not be checked: {problem.code} {problem.message}".rstrip())
    shown = [entry(r) for r in records if not args.failed or r.media_status in FAILED]
    for item in shown:
        if args.json:
            print_json(item)
        else:
            print(f"{item['finished_at']}  {item['video_id']}  {(item['status'] or '?'):13}  {item['file']}")
    return 0
