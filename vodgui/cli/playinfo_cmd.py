"""``vodgui playinfo VIDEO_ID``: GetPlayInfo with the profile's key, or with ``--matrix`` every combination of
Formats x Definition x StreamType x OutputType x ResultType with the service's answer, explained.

Exit status: 0 when GetPlayInfo answered streams (with --matrix: when the matrix ran); 1 when it refused;
2 for a usage or profile problem.
"""

from __future__ import annotations

import argparse
import logging

from vodgui.cli.common import (
    error_text,
    fail,
    open_workspace,
    print_json,
    profile_name,
    setup_logging,
    stop_builtin_sandbox,
)
from vodgui.core import playback_lab as lab
from vodgui.core.errors import VodError
from vodgui.core.playback import PlayInfoQuery, query_play_info, require_vod
from vodgui.core.playback_batch import player_target
from vodgui.core.vod import VodApi


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("playinfo", help="GetPlayInfo, or its whole matrix of filters",
                       description="Call GetPlayInfo for a video with the profile's key. With --matrix, call it "
                                   "for every combination of the filters and show each answer: the streams, or the "
                                   "error code with a plain explanation.")
    p.add_argument("video_id", metavar="VIDEO_ID")
    p.add_argument("--profile", help="profile name (default: the default profile)")
    p.add_argument("--matrix", action="store_true", help="every combination of the filters below")
    p.add_argument("--formats", default=None, help="comma list (matrix default: all, mp4, m3u8)")
    p.add_argument("--definitions", default=None, help="comma list (matrix default: all, LD, SD, HD, OD)")
    p.add_argument("--stream-types", default=None, help="comma list (matrix default: all, video, audio)")
    p.add_argument("--output-types", default=None, help="comma list (matrix default: cdn, oss)")
    p.add_argument("--result-types", default=None, help="comma list (matrix default: Single, Multiple)")
    p.add_argument("--wait", type=float, default=0, metavar="S",
                   help="first wait up to S seconds for transcoding to finish (Normal or TranscodeFail)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=run)


def _dimension(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return default
    items = tuple(v.strip() for v in value.split(","))
    return tuple("" if v in ("", "all", "*") else v for v in items)


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    if not args.verbose:
        logging.getLogger("aliyunsdkcore.client").setLevel(logging.CRITICAL)
    try:
        with open_workspace() as ws:
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            vod, _ = player_target(ws.sessions, name)
            api = require_vod(vod, name)
            if args.wait > 0:
                lab.wait_settled(api, args.video_id, args.wait)
            if not args.matrix:
                return _single(api, args)
            cells = lab.play_info_matrix(
                api, args.video_id,
                formats=_dimension(args.formats, lab.MATRIX_FORMATS),
                definitions=_dimension(args.definitions, lab.MATRIX_DEFINITIONS),
                stream_types=_dimension(args.stream_types, lab.MATRIX_STREAM_TYPES),
                output_types=_dimension(args.output_types, lab.MATRIX_OUTPUT_TYPES),
                result_types=_dimension(args.result_types, lab.MATRIX_RESULT_TYPES))
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    if args.json:
        rows = []
        for cell in cells:
            row = cell.to_dict()
            row["explanation"] = lab.explain_text(cell.explain, cell.explain_params) if cell.explain else None
            rows.append(row)
        print_json({"video_id": args.video_id, "cells": rows,
                    "ok": sum(c.ok for c in cells), "refused": sum(not c.ok for c in cells)})
        return 0
    for cell in cells:
        head = (f"{cell.formats or 'all':5} {cell.definition or 'all':4} {cell.stream_type or 'all':5} "
                f"{cell.output_type:3} {cell.result_type:8}")
        if cell.ok:
            listed = ", ".join(f"{s['definition']}/{s['format']}" + (f" {s['width']}x{s['height']}" if s["width"]
                               else "") for s in cell.streams)
            print(f"{head}  OK      {listed}")
        else:
            print(f"{head}  {cell.code}: {lab.explain_text(cell.explain, cell.explain_params)}")
    return 0


def _single(api: VodApi, args: argparse.Namespace) -> int:
    first = _dimension(args.formats, ("",))[0], _dimension(args.definitions, ("",))[0]
    query = PlayInfoQuery(first[0], first[1], _dimension(args.stream_types, ("",))[0],
                          _dimension(args.output_types, ("",))[0], None, _dimension(args.result_types, ("",))[0])
    try:
        info = query_play_info(api, args.video_id, query)
    except VodError as err:
        explain, params = lab.explain_error(err.code, err.message, {"formats": query.formats,
                                            "definition": query.definition, "stream_type": query.stream_type})
        text = lab.explain_text(explain, params)
        if args.json:
            print_json({"video_id": args.video_id, "ok": False, "code": err.code, "message": err.message,
                        "explanation": text, "request_id": err.request_id})
        else:
            print(f"{err.code}: {text}")
        return 1
    if args.json:
        print_json({"video_id": args.video_id, "ok": True, "status": info.status,
                    "streams": [s.to_dict() for s in info.streams]})
    else:
        for s in info.streams:
            print(f"{s.definition:3} {s.format:5} {s.resolution:10} {s.bitrate or 0:8.0f} kbps "
                  f"{'encrypted ' + s.encrypt_type if s.encrypt else ''}")
    return 0
