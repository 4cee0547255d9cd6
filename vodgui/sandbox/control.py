"""The control plane, under ``/_sandbox/``: reset, clock, settings, faults, credential expiry, the request log
and read-only views of videos and objects. JSON in, JSON out; loopback only, like the whole sandbox.

=======  =========================  ===============================================================
Method   Path                       Body / effect
=======  =========================  ===============================================================
GET      /_sandbox/info             connection facts (same as ``vodgui sandbox`` prints)
POST     /_sandbox/reset            forget videos, objects, uploads, tokens, faults, log, clock
GET      /_sandbox/clock            ``{"now", "offset", "skew"}``
POST     /_sandbox/clock            ``{"advance": s}`` | ``{"offset": s}`` | ``{"skew": s}``
GET      /_sandbox/settings         current :class:`~vodgui.sandbox.config.Settings`
POST     /_sandbox/settings         partial update, e.g. ``{"upload_auth_ttl": 5, "latency_ms": 40}``; link
                                    emulation: ``link_bps`` (shared), ``bandwidth_bps`` (per
                                    connection), ``latency_ms``, ``jitter_ms``, ``loss_rate``
GET      /_sandbox/faults           the rules, with how often each matched and fired
POST     /_sandbox/faults           one rule (see :mod:`vodgui.sandbox.faults`) or ``{"rules": [...]}``
DELETE   /_sandbox/faults[/ID]      remove one rule or all
POST     /_sandbox/expire           ``{"kind": "upload"|"sts"|"playauth", ...scope}``: expire them now
GET      /_sandbox/log?since=N      request log entries after sequence number N
GET      /_sandbox/videos/ID        a video as the sandbox sees it (status, object, streams...)
GET      /_sandbox/urljobs/ID       an UploadMediaByURL job (status, error, media id...)
GET      /_sandbox/objects/B/K      an object's size, ETag, CRC64, MD5
=======  =========================  ===============================================================
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.service import SandboxContext

PREFIX = "/_sandbox"


class ControlError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class ControlService:
    def __init__(self, ctx: SandboxContext, info: Callable[[], dict[str, Any]], reset: Callable[[], None],
                 video_view: Callable[[str], dict[str, Any] | None],
                 object_view: Callable[[str, str], dict[str, Any] | None],
                 url_job_view: Callable[[str], dict[str, Any] | None]) -> None:
        self._ctx = ctx
        self._info = info
        self._reset = reset
        self._video_view = video_view
        self._object_view = object_view
        self._url_job_view = url_job_view

    def wants(self, req: Request) -> bool:
        return req.raw_path == PREFIX or req.raw_path.startswith(PREFIX + "/")

    def classify(self, req: Request) -> tuple[str, str]:
        return "control", req.raw_path[len(PREFIX):].strip("/").split("/", 1)[0] or "index"

    def reset(self) -> None:
        pass

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        return _json(status, {"error": code, "message": message})

    def handle(self, req: Request) -> Response:
        try:
            return self._handle(req)
        except ControlError as exc:
            return _json(exc.status, {"error": str(exc)})
        except (KeyError, ValueError, TypeError) as exc:
            return _json(400, {"error": f"bad request: {exc}"})

    def _body(self, req: Request) -> dict[str, Any]:
        raw = req.body.read(1 << 20)
        if not raw.strip():
            return {}
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ControlError(400, "the body must be a JSON object")
        return data

    def _handle(self, req: Request) -> Response:
        parts = [unquote(p) for p in req.raw_path[len(PREFIX):].strip("/").split("/")] if req.raw_path != PREFIX \
            else [""]
        head, rest = parts[0], parts[1:]
        ctx = self._ctx
        method = req.method
        if head in ("", "info") and method == "GET":
            return _json(200, self._info())
        if head == "reset" and method == "POST":
            self._reset()
            return _json(200, {"ok": True})
        if head == "clock":
            if method == "POST":
                body = self._body(req)
                if "advance" in body:
                    ctx.clock.advance(float(body["advance"]))
                if "offset" in body:
                    ctx.clock.set_offset(float(body["offset"]))
                if "skew" in body:
                    ctx.clock.set_skew(float(body["skew"]))
            return _json(200, {"now": ctx.clock.now(), "offset": ctx.clock.offset, "skew": ctx.clock.skew})
        if head == "settings":
            if method == "POST":
                try:
                    ctx.settings.update(self._body(req))
                except KeyError as exc:
                    raise ControlError(400, f"unknown setting {exc.args[0]!r}") from None
            return _json(200, dict(vars(ctx.settings)))
        if head == "faults":
            if method == "POST":
                body = self._body(req)
                rules = body.get("rules", [body])
                added = [ctx.faults.add(r).to_json() for r in rules]
                return _json(200, {"added": added})
            if method == "DELETE":
                ctx.faults.remove(int(rest[0]) if rest and rest[0] else None)
            return _json(200, {"rules": ctx.faults.list()})
        if head == "expire" and method == "POST":
            body = self._body(req)
            kind = str(body.pop("kind", "upload"))
            count = ctx.iam.expire_matching(kind, **{k: str(v) for k, v in body.items()})
            return _json(200, {"expired": count})
        if head == "log" and method == "GET":
            since = int(req.query_dict().get("since", "0") or 0)
            return _json(200, {"entries": ctx.log.since(since)})
        if head == "videos" and rest and method == "GET":
            view = self._video_view(rest[0])
            if view is None:
                raise ControlError(404, f"no video {rest[0]}")
            return _json(200, view)
        if head == "urljobs" and rest and method == "GET":
            view = self._url_job_view(rest[0])
            if view is None:
                raise ControlError(404, f"no URL upload job {rest[0]}")
            return _json(200, view)
        if head == "objects" and len(rest) >= 2 and method == "GET":
            view = self._object_view(rest[0], "/".join(rest[1:]))
            if view is None:
                raise ControlError(404, "no such object")
            return _json(200, view)
        raise ControlError(404, f"no control endpoint {method} {req.raw_path}")


def _json(status: int, body: dict[str, Any]) -> Response:
    return Response(status, [("Content-Type", "application/json")], json.dumps(body).encode())
