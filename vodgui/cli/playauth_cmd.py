"""``vodgui playauth VIDEO_ID...``: issue PlayAuths, optionally check them as the player would, list the streams.

Exit status: 0 when every check passed (with ``--check``) or every PlayAuth was issued (without); 1 otherwise;
2 for a usage or profile problem (nothing was checked).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

from vodgui.cli.common import (
    error_text,
    fail,
    open_workspace,
    print_json,
    profile_name,
    setup_logging,
    stop_builtin_sandbox,
)
from vodgui.core import jwt_playauth
from vodgui.core.errors import VodError
from vodgui.core.playback import (
    AUTH_INFO_TIMEOUT_MAX,
    AUTH_INFO_TIMEOUT_MIN,
    DEFAULT_AUTH_INFO_TIMEOUT,
    OUTPUT_TYPES,
    RESULT_TYPES,
    PlayInfoQuery,
    require_vod,
    split_video_ids,
    validate_auth_info_timeout,
)
from vodgui.core.playback_batch import BatchResult, batch_check, export_csv, export_json, player_target
from vodgui.core.playback_lab import check_jwt, make_jwt, wait_settled
from vodgui.core.redact import mask


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "playauth", help="get PlayAuths and check them as the player would",
        description="Get a PlayAuth (GetVideoPlayAuth) for each video and show its expiry, the video's status and "
                    "its streams (GetPlayInfo). With --check, also call GetPlayInfo the way the player SDK does, "
                    "with the PlayAuth's own credentials, and report pass or fail with the service's code.")
    p.add_argument("video_ids", nargs="+", metavar="VIDEO_ID",
                   help="one or more VideoIds (commas or spaces inside one argument are fine)")
    p.add_argument("--profile", help="profile name (default: the default profile)")
    p.add_argument("--timeout", type=int, default=None, metavar="S",
                   help=f"AuthInfoTimeout in seconds, {AUTH_INFO_TIMEOUT_MIN}-{AUTH_INFO_TIMEOUT_MAX} "
                        f"(default {DEFAULT_AUTH_INFO_TIMEOUT})")
    p.add_argument("--check", action="store_true", help="check each PlayAuth as the player would")
    p.add_argument("--jwt", action="store_true",
                   help="make a JWTPlayAuth instead, signed with the app's PlayKey (GetAppPlayKey) as an app "
                        "server does; --timeout is then its validity in seconds (default 86400)")
    p.add_argument("--wait", type=float, default=0, metavar="S",
                   help="first wait up to S seconds for each video's transcoding to finish")
    p.add_argument("--json", action="store_true", help="one JSON object per video on stdout")
    p.add_argument("--show-secrets", action="store_true",
                   help="print PlayAuths, their keys and full playback URLs (masked by default)")
    p.add_argument("--csv", metavar="FILE", help="also write the results as CSV")
    p.add_argument("--json-file", metavar="FILE", help="also write the results as a JSON array")
    p.add_argument("-v", "--verbose", action="store_true")
    q = p.add_argument_group("GetPlayInfo")
    q.add_argument("--formats", default="", help="comma list: mp4,m3u8,mp3,mpd (default: all)")
    q.add_argument("--definition", default="", help="comma list: FD,LD,SD,HD,OD,2K,4K,SQ,HQ,AUTO (default: all)")
    q.add_argument("--stream-type", default="", choices=("", "video", "audio"), help="video or audio (default: both)")
    q.add_argument("--output-type", default="", choices=("", *OUTPUT_TYPES), help="cdn (default) or oss")
    q.add_argument("--auth-timeout", type=int, default=None, metavar="S", help="validity of the playback URLs")
    q.add_argument("--result-type", default="", choices=("", *RESULT_TYPES))
    q.add_argument("--play-config", default="", metavar="JSON", help='e.g. {"PlayDomain": "vod.example.com"}')
    q.add_argument("--no-streams", action="store_true", help="skip GetPlayInfo with the profile's key")
    p.set_defaults(func=run)


def _when(ts: float | None) -> str:
    if ts is None:
        return "unknown"
    left = ts - time.time()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(ts))
    return f"{stamp} (in {left:.0f} s)" if left >= 0 else f"{stamp} ({-left:.0f} s ago)"


def print_text(result: BatchResult, show_secrets: bool) -> None:
    d = result.to_dict(show_secrets)
    head = [result.video_id, d["status"] or "", repr(d["title"]) if d["title"] else "",
            f"{d['duration']:.1f} s" if d["duration"] is not None else ""]
    print("  ".join(h for h in head if h))
    if result.play_auth is not None:
        fmt = "opaque format" if result.play_auth.decoded.opaque else "decoded"
        print(f"  PlayAuth   {d['play_auth']}  ({fmt})")
        print(f"  expires    {_when(result.play_auth_expires_at)}")
    elif result.play_auth_error is not None:
        print(f"  PlayAuth   not issued: {error_text(result.play_auth_error)}")
    if result.check is not None:
        c = result.check
        via = {"playauth": "as the player, with the PlayAuth's credentials",
               "profile": "with the profile's key (PlayAuth not decodable)", "none": "no request"}.get(c.via, c.via)
        rid = f" [RequestId {c.request_id}]" if c.request_id else ""
        if c.ok:
            print(f"  check      PASS  ({via}){rid}")
        else:
            status = f" (status {c.status})" if c.status else ""
            print(f"  check      FAIL  {c.code}: {c.message}{status}{rid}")
    for s in d["streams"]:
        size = f"{s['size'] / 1e6:.2f} MB" if s["size"] else ""
        rate = f"{s['bitrate']:.0f} kbps" if s["bitrate"] else ""
        res = f"{s['width']}x{s['height']}" if s["width"] else ""
        parts = [s["format"], s["definition"], res, rate, size, "encrypted" if s["encrypt"] else ""]
        print(f"  stream     {'  '.join(p for p in parts if p)}  URL expires {s['url_expires_at'] or 'unknown'}")
        print(f"             {s['url']}")
    if result.play_info_error is not None:
        print(f"  streams    GetPlayInfo failed: {error_text(result.play_info_error)}")


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    if not args.verbose:
        # The SDK logs every service error at ERROR; each one is already part of this command's report.
        logging.getLogger("aliyunsdkcore.client").setLevel(logging.CRITICAL)
    video_ids = split_video_ids(" ".join(args.video_ids))
    if not video_ids:
        return fail("no VideoId given", 2)
    if args.jwt:
        return run_jwt(args, video_ids)
    if args.timeout is None:
        args.timeout = DEFAULT_AUTH_INFO_TIMEOUT
    try:
        validate_auth_info_timeout(args.timeout)
        query = PlayInfoQuery(args.formats, args.definition, args.stream_type, args.output_type, args.auth_timeout,
                              args.result_type, args.play_config)
        query.params()
    except VodError as err:
        return fail(err.message, 2)
    if args.show_secrets and sys.stderr.isatty():
        print("vodgui: --show-secrets: the output contains live credentials", file=sys.stderr)
    printed: list[BatchResult] = []

    def emit(result: BatchResult) -> None:
        printed.append(result)
        if args.json:
            print_json(result.to_dict(args.show_secrets))
        else:
            print_text(result, args.show_secrets)
            sys.stdout.flush()

    try:
        with open_workspace(args.home) as ws:
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            vod, target = player_target(ws.sessions, name)
            require_vod(vod, name)
            if args.wait > 0:
                for video_id in video_ids:
                    wait_settled(vod, video_id, args.wait)
            batch_check(vod, video_ids, args.timeout, target, check=args.check, play_info=not args.no_streams,
                        query=query, on_result=emit)
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    try:
        if args.csv:
            export_csv(printed, args.csv, show_secrets=args.show_secrets)
        if args.json_file:
            export_json(printed, args.json_file, show_secrets=args.show_secrets)
    except OSError as exc:
        return fail(f"cannot write the export: {exc}", 2)
    return 0 if printed and all(r.passed for r in printed) else 1



def run_jwt(args: argparse.Namespace, video_ids: list[str]) -> int:
    """``--jwt``: a JWTPlayAuth per video, decoded; with ``--check``, verified as VOD would and its streams."""
    ttl = args.timeout if args.timeout is not None else jwt_playauth.DEFAULT_TTL_SECONDS
    if ttl < 1:
        return fail("--timeout must be at least 1 second", 2)
    query = PlayInfoQuery(args.formats, args.definition, args.stream_type)
    try:
        query.params()
    except VodError as err:
        return fail(err.message, 2)
    content = {k: v for k, v in {"formats": args.formats, "definition": args.definition.upper(),
                                 "streamType": args.stream_type, "authTimeout": args.auth_timeout}.items() if v}
    passed = True
    try:
        with open_workspace() as ws:
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            vod, _ = player_target(ws.sessions, name)
            api = require_vod(vod, name)
            for video_id in video_ids:
                if args.wait > 0:
                    wait_settled(api, video_id, args.wait)
                token = make_jwt(api, video_id, ttl, content or None).reveal()
                inspection = jwt_playauth.inspect(token)
                assert inspection is not None
                out: dict[str, object] = {"video_id": video_id, "format": "jwt",
                                          "play_auth": token if args.show_secrets else mask(token, 12),
                                          "claims": inspection.claims, "expires_at": inspection.expires_at}
                if args.check:
                    checked, check = check_jwt(api, token, video_id)
                    out["check"] = check.to_dict()
                    out["findings"] = [{"code": c, "text": jwt_playauth.describe(c, p)}
                                       for c, p in (checked.findings if checked else [])]
                    out["streams"] = [s.to_dict(args.show_secrets) for s in check.streams]
                    passed = passed and check.ok
                if args.json:
                    print_json(out)
                else:
                    print(f"{video_id}  JWTPlayAuth  expires {_when(inspection.expires_at)}")
                    print(f"  token      {out['play_auth']}")
                    for claim, value in inspection.claims.items():
                        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
                        print(f"  {claim:16} {shown}")
                    if args.check:
                        c = out["check"]
                        assert isinstance(c, dict)
                        verdict = "PASS" if c["ok"] else f"FAIL {c['code']}: {c['message']}"
                        print(f"  check      {verdict}")
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    return 0 if passed else 1
