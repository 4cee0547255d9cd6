"""``vodgui queue list|resume|cancel|remove``."""

from __future__ import annotations

import argparse
import os
import sys
import time

from vodgui.cli.common import error_text, fail, open_workspace, print_json, setup_logging, stop_builtin_sandbox
from vodgui.cli.upload_cmd import result_json, run_engine
from vodgui.core.errors import VodError
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("queue", help="inspect and control the upload queue (shared with the desktop app)")
    qsub = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    ls = qsub.add_parser("list", help="list queue items")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    res = qsub.add_parser("resume", help="run paused, failed or interrupted items to the end")
    res.add_argument("ids", nargs="*", type=int, metavar="ID")
    res.add_argument("--all", action="store_true", help="every unfinished item")
    res.add_argument("--json", action="store_true")
    res.add_argument("--no-progress", action="store_true")
    res.add_argument("-v", "--verbose", action="store_true")
    res.set_defaults(func=_resume)
    can = qsub.add_parser("cancel", help="cancel items (aborts their OSS multipart upload)")
    can.add_argument("ids", nargs="+", type=int, metavar="ID")
    can.set_defaults(func=_cancel)
    rm = qsub.add_parser("remove", help="remove finished, failed or cancelled items from the queue")
    rm.add_argument("ids", nargs="+", type=int, metavar="ID")
    rm.set_defaults(func=_remove)


def _list(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        items = ws.store.items()
    for r in items:
        if args.json:
            print_json({"job_id": r.id, "file": r.path, "profile": r.profile, "state": r.state,
                        "size": r.size, "bytes_done": r.bytes_done, "video_id": r.video_id,
                        "upload_id": r.upload_id, "note": r.note,
                        "error": {"code": r.error_code, "message": r.error_message,
                                  "request_id": r.error_request_id} if r.error_code else None, "kind": r.kind})
        else:
            pct = 100 * r.bytes_done / r.size if r.size else 0  # an upload by URL has no known size: 0 %
            err = f"  {r.error_code}: {r.error_message}" if r.error_code else ""
            print(f"{r.id:6} {r.state:10} {pct:5.1f}% {r.video_id or '-':32} {os.path.basename(r.path)}{err}")
    return 0


def _resume(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    try:
        with open_workspace() as ws:
            ws.lock.acquire()
            unfinished = [r for r in ws.store.items()
                          if r.state not in (JobState.DONE.value, JobState.CANCELLED.value)]
            if args.all:
                ids = [r.id for r in unfinished]
                if not ids:
                    print("nothing to resume: no item is paused, failed or interrupted", file=sys.stderr)
                    return 0
            else:
                known = {r.id for r in unfinished}
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
        with open_workspace() as ws:
            ws.lock.acquire()
            engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
            engine.restore(resume=False, ids=args.ids)
            engine.cancel(args.ids)
            deadline_ok = engine.wait_idle(60)
            for _ in range(600):
                snaps = [engine.snapshot(i) for i in args.ids]
                if all(s is None or s.state.terminal for s in snaps):
                    break
                time.sleep(0.1)
            engine.shutdown()
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    return 0 if deadline_ok else 1


def _remove(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        ws.lock.acquire()
        items = {r.id: r for r in ws.store.items()}
        busy = [i for i in args.ids if i in items and JobState(items[i].state).active]
        if busy:
            return fail(f"items {busy} are running; cancel them first", 2)
        ws.store.remove(args.ids)
    return 0
