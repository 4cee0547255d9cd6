"""Batch playback checks (VideoIds × AuthInfoTimeout) and their CSV / JSON exports.

Each video gets GetVideoPlayAuth, the player's check (:func:`~vodgui.core.playback.check_as_player`) and
GetPlayInfo with the profile's key. Exports never contain a usable secret unless ``show_secrets`` is given: the
PlayAuth is masked and playback URLs have their signatures masked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from vodgui.core.clock import Clock
from vodgui.core.csvexport import safe_cell, write_csv, write_rows
from vodgui.core.errors import VodError
from vodgui.core.playback import (
    PlayAuthResult,
    PlayCheck,
    PlayerTarget,
    PlayInfoQuery,
    Stream,
    check_with_target,
    get_play_auth,
    iso,
    query_play_info,
    split_video_ids,
    status_from_message,
)
from vodgui.core.session import SessionFactory
from vodgui.core.vod import VodApi


def player_target(sessions: SessionFactory, profile: str) -> tuple[VodApi | None, PlayerTarget]:
    """The profile's VOD client (None for AppServer upload-credential profiles) and where its player calls."""
    session = sessions(profile)
    effective, _ = sessions.effective(sessions.profiles.require(profile))
    return session.vod, PlayerTarget(effective.region, effective.vod_endpoint or None, session.conn)


def _error_dict(err: VodError | None) -> dict[str, Any] | None:
    if err is None:
        return None
    return {"code": err.code, "message": err.message, "request_id": err.request_id, "params": dict(err.params)}


@dataclass
class BatchResult:
    """Everything learned about one video at one AuthInfoTimeout."""

    video_id: str
    timeout: int
    play_auth: PlayAuthResult | None = None
    play_auth_error: VodError | None = None
    check: PlayCheck | None = None
    streams: list[Stream] = field(default_factory=list)
    play_info_error: VodError | None = None
    status: str = ""
    title: str = ""
    duration: float | None = None

    @property
    def play_auth_expires_at(self) -> float | None:
        return self.play_auth.expires_at if self.play_auth else None

    @property
    def issued(self) -> bool:
        return self.play_auth is not None

    @property
    def passed(self) -> bool:
        """The check passed (or, when no check was asked for, the PlayAuth was issued)."""
        return self.check.ok if self.check is not None else self.issued

    def to_dict(self, show_secrets: bool = False) -> dict[str, Any]:
        pa = self.play_auth
        return {
            "video_id": self.video_id,
            "auth_info_timeout": self.timeout,
            "title": self.title,
            "status": self.status or None,
            "duration": self.duration,
            "play_auth": (pa.play_auth.reveal() if show_secrets else pa.masked()) if pa else None,
            "play_auth_format": ("opaque" if pa.decoded.opaque else "legacy") if pa else None,
            "play_auth_expires_at": iso(self.play_auth_expires_at),
            "request_id": pa.request_id if pa else None,
            "play_auth_error": _error_dict(self.play_auth_error),
            "decoded": pa.decoded.to_dict(show_secrets) if pa else None,
            "check": self.check.to_dict() if self.check else None,
            "streams": [s.to_dict(show_secrets) for s in self.streams],
            "play_info_error": _error_dict(self.play_info_error),
        }


def check_video(vod: VodApi | None, video_id: str, timeout: int, target: PlayerTarget, *, check: bool = True,
                play_info: bool = True, query: PlayInfoQuery | None = None,
                clock: Clock | None = None) -> BatchResult:
    """GetVideoPlayAuth, then (if asked) the player's check and GetPlayInfo, for one video. Service errors are
    recorded in the result; only local mistakes (a bad timeout or query) raise."""
    result = BatchResult(video_id, timeout)
    try:
        result.play_auth = get_play_auth(vod, video_id, timeout, clock=clock)
    except VodError as err:
        if err.code in ("InvalidAuthInfoTimeout", "InvalidVideoId", "NoVodAccess", "NoVodAccess.ThisProfile"):
            raise
        result.play_auth_error = err
        result.status = (status_from_message(err.message) or "") if err.code == "Forbidden.IllegalStatus" else ""
        if check:
            # The player never gets that far: its app server cannot obtain a PlayAuth. That is the verdict.
            result.check = PlayCheck.failed(err, "none")
        return result
    meta = result.play_auth.meta
    result.status, result.title, result.duration = meta.status, meta.title, meta.duration
    q = query or PlayInfoQuery()
    if check:
        result.check = check_with_target(result.play_auth.play_auth, video_id, target, vod=vod, clock=clock)
        if result.check.status:
            result.status = result.check.status
    if play_info:
        try:
            result.streams = query_play_info(vod, video_id, q).streams
        except VodError as err:
            result.play_info_error = err
            if result.check is not None and result.check.ok:
                result.streams = list(result.check.streams)  # what the player got is still worth showing
    return result


def batch_check(vod: VodApi | None, video_ids: Iterable[str] | str, timeouts: int | Iterable[int],
                target: PlayerTarget, *, check: bool = True, play_info: bool = True,
                query: PlayInfoQuery | None = None, clock: Clock | None = None,
                on_result: Callable[[BatchResult], None] | None = None) -> list[BatchResult]:
    """:func:`check_video` for every VideoId × AuthInfoTimeout, in order; one result each."""
    ids = split_video_ids(video_ids) if isinstance(video_ids, str) else list(video_ids)
    values = [timeouts] if isinstance(timeouts, int) else list(timeouts)
    results = []
    for video_id in ids:
        for timeout in values:
            result = check_video(vod, video_id, timeout, target, check=check, play_info=play_info, query=query,
                                 clock=clock)
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results


# -- exports -----------------------------------------------------------------------------------------------------
CSV_FIELDS = ("video_id", "auth_info_timeout", "title", "status", "play_auth", "play_auth_expires_at",
              "play_auth_error", "check_ok", "check_code", "check_message", "check_request_id", "check_via",
              "streams", "stream_summary", "first_url", "first_url_expires_at")


def csv_row(result: BatchResult, show_secrets: bool = False) -> dict[str, str]:
    d = result.to_dict(show_secrets)
    check = d["check"] or {}
    streams = d["streams"]
    error = d["play_auth_error"] or {}
    summary = "; ".join(" ".join(p for p in (s["format"], s["definition"],
                                             f"{s['width']}x{s['height']}" if s["width"] else "") if p)
                        for s in streams)
    row = {
        "video_id": d["video_id"], "auth_info_timeout": d["auth_info_timeout"], "title": d["title"],
        "status": d["status"], "play_auth": d["play_auth"], "play_auth_expires_at": d["play_auth_expires_at"],
        "play_auth_error": f"{error['code']}: {error['message']}" if error else "",
        "check_ok": "" if not check else ("true" if check["ok"] else "false"), "check_code": check.get("code"),
        "check_message": check.get("message"), "check_request_id": check.get("request_id"),
        "check_via": check.get("via"), "streams": len(streams), "stream_summary": summary,
        "first_url": streams[0]["url"] if streams else "",
        "first_url_expires_at": streams[0]["url_expires_at"] if streams else "",
    }
    return {k: safe_cell(v) for k, v in row.items()}


def export_csv(results: Iterable[BatchResult], out: TextIO | str | Path, *, show_secrets: bool = False) -> None:
    """One row per result (UTF-8 with a BOM when writing a file, so spreadsheet apps read Chinese titles); cells
    that a spreadsheet would run as formulas are defused (:func:`~vodgui.core.csvexport.safe_cell`)."""
    rows = ([row[name] for name in CSV_FIELDS] for row in (csv_row(r, show_secrets) for r in results))
    if isinstance(out, (str, Path)):
        write_csv(out, CSV_FIELDS, rows)
    else:
        write_rows(out, CSV_FIELDS, rows)


def export_json(results: Iterable[BatchResult], out: TextIO | str | Path, *, show_secrets: bool = False) -> None:
    """A JSON array of :meth:`BatchResult.to_dict` objects."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as f:
            export_json(results, f, show_secrets=show_secrets)
        return
    json.dump([r.to_dict(show_secrets) for r in results], out, ensure_ascii=False, indent=2)
    out.write("\n")
