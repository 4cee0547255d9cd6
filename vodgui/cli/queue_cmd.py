"""``vodgui queue list|resume|cancel|remove``."""

from __future__ import annotations

import argparse
import json
import os
import sys

from vodgui.cli.common import error_text, fail, open_workspace, print_json, setup_logging, stop_builtin_sandbox
from vodgui.cli.upload_cmd import result_json, run_engine
from vodgui.core.errors import VodError
from vodgui.core.transfer.bandwidth import BandwidthSchedule
from vodgui.core.transfer.engine import LIMIT_KEY, TransferEngine, list_queue, stored_schedule
from vodgui.core.transfer.events import JobState


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("queue", help="inspect and control the upload queue (shared with the desktop app)")
    qsub = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    ls = qsub.add_parser("list", help="list queue items")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    res = qsub.add_parser("resume", help="run paused, failed or interrupted items to the end (a cancelled item, "
                                         "given by ID, starts again)")
    res.add_argument("ids", nargs="*", type=int, metavar="ID")
    res.add_argument("--all", action="store_true", help="every unfinished item")
    res.add_argument("--json", action="store_true")
    res.add_argument("--no-progress", action="store_true")
    res.add_argument("-v", "--verbose", action="store_true")
    res.set_defaults(func=_resume)
    can = qsub.add_parser("cancel", help="cancel items (aborts their OSS multipart upload and deletes the "
                                         "placeholder video, image or attached media they created in VOD)")
    can.add_argument("ids", nargs="+", type=int, metavar="ID")
    can.set_defaults(func=_cancel)
    rm = qsub.add_parser("remove", help="remove finished, failed or cancelled items from the queue")
    rm.add_argument("ids", nargs="+", type=int, metavar="ID")
    rm.set_defaults(func=_remove)
    lim = qsub.add_parser("limit", help="bandwidth limit for the whole queue, now and by time of day; running "
                                        "uploads (the app's, another terminal's) follow it within seconds")
    lim.add_argument("schedule", nargs="?", metavar="SCHEDULE",
                     help='a rate ("4M", "512k", "off") or time-of-day steps ("08:00,4M 18:00,off"); '
                          "without it: show the limit in force")
    lim.add_argument("--json", action="store_true")
    lim.set_defaults(func=_limit)


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args.home) as ws:
        lines = list_queue(ws.store)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out: list[str] = []
    for line in lines:
        if args.json:
            out.append(encode({
                "job_id": line.job_id, "file": line.path, "profile": line.profile, "state": line.state.value,
                "size": line.size, "confirmed_bytes": line.confirmed, "video_id": line.media_id,
                "note": line.note.english() if line.note else None,
                "error": line.error.to_dict() if line.error else None, "kind": line.kind.value}))
        else:
            pct = 100 * line.fraction  # an upload by URL has no known size: 0 %
            err = f"  {line.error.code}: {line.error.message}" if line.error else ""
            out.append(f"{line.job_id:6} {line.state.value:10} {pct:5.1f}% {line.media_id or '-':32} "
                       f"{os.path.basename(line.path)}{err}")
        if len(out) == 5000:  # in blocks: a write per line would cost more than everything else
            sys.stdout.write("\n".join(out) + "\n")
            out.clear()
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
    return 0


def _resume(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    try:
        with open_workspace(args.home) as ws:
            ws.lock.acquire()
            unfinished = [r for r in ws.store.items() if r.state not in (JobState.DONE, JobState.CANCELLED)]
            if args.all:
                ids = [r.id for r in unfinished]
                if not ids:
                    print("nothing to resume: no item is paused, failed or interrupted", file=sys.stderr)
                    return 0
            else:  # by ID, a cancelled item may be queued again: a new attempt from the first byte
                known = {r.id for r in ws.store.items() if r.state is not JobState.DONE}
                missing = [i for i in args.ids if i not in known]
                if missing or not args.ids:
                    return fail("give unfinished item IDs or --all (see 'vodgui queue list')"
                                + (f"; not resumable: {missing}" if missing else ""), 2)
                ids = list(args.ids)
            snaps = run_engine(ws, ids, overrides={}, progress=not args.no_progress and not args.json) \
                if ids else []
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    for snap in snaps:
        res = result_json(snap)
        if args.json:
            print_json(res)
        else:
            print(f"{res['state']:7} {res['video_id'] or '-'}  {res['file']}")
    return 0 if all(s.state is JobState.DONE for s in snaps) else 1


def _cancel(args: argparse.Namespace) -> int:
    setup_logging()
    try:
        with open_workspace(args.home) as ws:
            ws.lock.acquire()
            engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
            engine.restore(resume=False, ids=args.ids)
            engine.cancel(args.ids)
            deadline_ok = engine.wait_idle(60)
            engine.shutdown()
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    return 0 if deadline_ok else 1


def _limit(args: argparse.Namespace) -> int:
    """Store the queue's schedule (no lock: the process that uploads reads it while it runs)."""
    with open_workspace(args.home) as ws:
        if args.schedule is not None:
            try:
                ws.store.set_meta(LIMIT_KEY, BandwidthSchedule.parse(args.schedule).text)
            except VodError as err:
                return fail(error_text(err), 2)
        schedule = stored_schedule(ws.store)
    text = schedule.text if schedule is not None else "off"
    rate = schedule.rate_now() if schedule is not None else 0
    if args.json:
        print_json({"schedule": text, "bytes_per_second_now": rate})
    else:
        print(f"bandwidth schedule: {text}; now: {f'{rate / 1048576:.2f} MiB/s' if rate else 'unlimited'}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    with open_workspace(args.home) as ws:
        ws.lock.acquire()
        items = {r.id: r for r in ws.store.items()}
        busy = [i for i in args.ids if i in items and items[i].state.active]
        if busy:
            return fail(f"items {busy} are running; cancel them first", 2)
        ws.store.remove(args.ids)
    return 0
