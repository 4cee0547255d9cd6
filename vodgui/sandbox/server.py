"""The sandbox server: one loopback port serving VOD + STS (POP RPC), OSS, the CDN, the AppServer and the
control plane.

Routing by path: ``/_sandbox/...`` control plane, ``/_appserver/...`` reference AppServer, ``/_cdn/...``
signed playback URLs, ``/`` with an ``Action`` the POP RPC front door, anything else OSS path-style
(``/<bucket>/<key>``). Bucket names cannot start with ``_``, so the prefixes never clash with OSS.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

from vodgui import __version__
from vodgui.sandbox.clock import SandboxClock
from vodgui.sandbox.config import SandboxConfig
from vodgui.sandbox.faults import FaultEngine, FaultRule
from vodgui.sandbox.http import (
    BodyReader,
    ClientGone,
    ConnectionDropped,
    FileBody,
    Request,
    RequestLog,
    Response,
    SharedLink,
    Throttle,
    is_loopback_host,
)
from vodgui.sandbox.iam import Iam
from vodgui.sandbox.ids import IdGenerator
from vodgui.sandbox.oss.handlers import OssService, accelerate_host
from vodgui.sandbox.service import SandboxContext, Service
from vodgui.sandbox.state import StateStore
from vodgui.sandbox.vod.models import storage_bucket

log = logging.getLogger("vodgui.sandbox")

_SEND_CHUNK = 1 << 20


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AliyunOSS"  # what OSS answers in the Server header; harmless for the POP services
    sys_version = ""
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)
        self._throttle = Throttle(lambda: self.server.sandbox.context.settings.bandwidth_bps,
                                  self.server.sandbox.link)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError, ClientGone):
            self.close_connection = True

    def _dispatch(self) -> None:
        self.server.sandbox.serve(self)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _dispatch


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(addr, _Handler)

    def track(self, conn: socket.socket, *, add: bool) -> None:
        with self._conns_lock:
            if add:
                self._conns.add(conn)
            else:
                self._conns.discard(conn)

    def close_all(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SandboxServer:
    """A loopback VOD + STS + OSS service.

    Args:
        host: loopback address to bind (anything else is refused: the sandbox holds well-known keys).
        port: 0 picks a free port.
        data_dir: keep state and objects there across restarts; ``None`` keeps everything in a temporary
            folder removed by :meth:`stop`.
        config: identities and settings; by default generated (and with ``data_dir`` persisted there).
        seed: makes generated keys and IDs reproducible.
        settings: overrides for :class:`~vodgui.sandbox.config.Settings` (e.g. ``{"min_part_size": 1024}``).
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, data_dir: str | Path | None = None,
                 config: SandboxConfig | None = None, seed: str | None = None,
                 settings: dict[str, Any] | None = None) -> None:
        if not is_loopback_host(host):  # exactly "localhost", or a loopback address
            raise ValueError(f"the sandbox only binds loopback addresses, not {host!r}")
        self._host = host
        self._port = port
        data_path = Path(data_dir) if data_dir is not None else None
        config = config or SandboxConfig.load_or_create(data_path, seed)
        if settings:
            config.settings.update(settings)
        store = StateStore(data_path)
        counter = int(store.load("meta").get("ids", {}).get("counter", 0))
        ids = IdGenerator(f"ids:{config.seed}" if config.seed is not None else None, counter)
        clock = SandboxClock()
        clock.set_offset(float(store.load("meta").get("clock", {}).get("offset", 0.0)))
        iam = Iam(config, store, ids, clock)
        self.context = SandboxContext(config, clock, ids, store, iam, RequestLog(), FaultEngine())
        settings_now = self.context.config
        #: The emulated link every connection shares (``link_bps``, ``latency_ms``, ``loss_rate``).
        self.link = SharedLink(lambda: settings_now.settings.link_bps, lambda: settings_now.settings.latency_ms,
                               lambda: settings_now.settings.loss_rate)
        self._services: list[Service] = []
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def shaped(self) -> bool:
        """True while link emulation shapes request and response bodies."""
        st = self.context.settings
        return st.bandwidth_bps > 0 or st.link_bps > 0 or st.loss_rate > 0

    # -- life cycle ------------------------------------------------------------------------------------------
    def start(self) -> SandboxServer:
        from vodgui.sandbox.wiring import build_services

        self._httpd = _HttpServer((self._host, self._port), self)
        host, port = self._httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        self.context.url = f"http://{host}:{port}"
        self._services = build_services(self.context, self.info, self.reset)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name=f"vodgui-sandbox-{port}", daemon=True)
        self._thread.start()
        log.info("sandbox listening on %s", self.context.url)
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._save_meta()
        httpd.shutdown()
        httpd.close_all()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for model in self.context.models.values():  # background work (URL pulls) stops before the store closes
            close = getattr(model, "close", None)
            if callable(close):
                close()
        self.context.store.close()

    def __enter__(self) -> SandboxServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if not self.context.url:
            raise RuntimeError("the sandbox is not started")
        return self.context.url

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    @property
    def clock(self) -> SandboxClock:
        return self.context.clock

    @property
    def config(self) -> SandboxConfig:
        return self.context.config

    @property
    def faults(self) -> FaultEngine:
        return self.context.faults

    @property
    def request_log(self) -> RequestLog:
        return self.context.log

    def info(self) -> dict[str, Any]:
        """The connection facts a client needs (what ``vodgui sandbox`` prints)."""
        cfg = self.context.config
        user_key = cfg.user_keys[0]
        return {
            "vod_endpoint": self.url,
            "sts_endpoint": self.url,
            "oss_endpoint": self.url,
            # The OSS transfer-acceleration endpoint, as a profile names it: reached only where the name maps to
            # this computer (a hosts file); acceleration itself is the ``transfer_acceleration`` setting.
            "oss_accelerate_endpoint": f"http://oss-accelerate.aliyuncs.com:{self.port}",
            "storage_bucket": storage_bucket(cfg.account_id),
            "region": cfg.region,
            "account_id": cfg.account_id,
            "access_key_id": cfg.account_keys[0].access_key_id,
            "access_key_secret": cfg.account_keys[0].access_key_secret,
            "ram_user": {
                "name": user_key.owner,
                "access_key_id": user_key.access_key_id,
                "access_key_secret": user_key.access_key_secret,
            },
            "role_arn": cfg.role_arn(cfg.roles[0]),
            "appserver_url": f"{self.url}/_appserver",
            "appserver_token": cfg.appserver_token,
            "control_url": f"{self.url}/_sandbox",
            # The play domain's URL-signing key and the HLS token service's key: QA signs URLs and mints
            # MtsHlsUriTokens with them as the customer's own servers would.
            "cdn_auth_key": cfg.settings.cdn_auth_key,
            "hls_token_key": cfg.settings.hls_token_key,
            "version": __version__,
            "pid": os.getpid(),
        }

    def reset(self) -> None:
        """Forget every video, object, upload, token, fault and log entry; keep identities and settings."""
        with self._lock:
            for service in self._services:
                service.reset()
            self.context.iam.reset()
            self.context.faults.remove()
            self.context.log.clear()
            self.context.clock.reset()
            self.context.store.clear()

    def _save_meta(self) -> None:
        store = self.context.store
        store.put("meta", "ids", {"counter": self.context.ids.counter})
        store.put("meta", "clock", {"offset": self.context.clock.offset})

    # -- request handling ------------------------------------------------------------------------------------
    def _route(self, req: Request) -> Service:
        if accelerate_host(req) is not None:  # the OSS accelerate endpoint names are OSS's alone, whatever the path
            return next(s for s in self._services if isinstance(s, OssService))
        for service in self._services:
            if service.wants(req):
                return service
        raise LookupError(req.target)  # the OSS service wants everything else; never reached

    def serve(self, handler: _Handler) -> None:
        started = time.monotonic()
        ctx = self.context
        length = int(handler.headers.get("Content-Length") or 0)
        body = BodyReader(handler.rfile, length,  # type: ignore[arg-type]
                           handler._throttle if self.shaped else None)
        req = Request(handler.command, handler.path, handler.headers, body, handler.client_address[0])
        service = self._route(req)
        svc_name, op = service.classify(req)
        req.request_id = ctx.ids.oss_request_id() if svc_name == "oss" else ctx.ids.request_id()
        entry: dict[str, Any] = {"time": ctx.clock.now(), "service": svc_name, "op": op,
                                 "method": req.method, "path": req.raw_path[:300], "request_id": req.request_id}
        fault: FaultRule | None = None if svc_name == "control" else ctx.faults.pick(svc_name, op)
        resp: Response | None = None
        try:
            if ctx.settings.latency_ms > 0 and svc_name != "control":
                jitter = ctx.settings.jitter_ms * random.random()
                time.sleep((ctx.settings.latency_ms + jitter) / 1000)
            if fault is not None:
                entry["fault"] = fault.effect
                resp = self._apply_fault(service, req, fault)
            if resp is None:
                resp = service.handle(req)
        except ConnectionDropped:
            resp = None
        except ClientGone:
            handler.close_connection = True
            entry.update(status=0, error="client went away")
            self._finish_log(entry, req, started)
            return
        except Exception as exc:  # a bug in the sandbox: answer 500 in the service's format, keep serving
            log.error("sandbox error on %s %s:\n%s", req.method, req.target, traceback.format_exc())
            resp = service.error_response(req, 500, "InternalError",
                                          f"The request processing has failed due to some unknown error. ({exc})")
        if resp is None:
            entry.update(status=0, dropped=True)
            self._finish_log(entry, req, started)
            self._hang_up(handler)
            return
        if req.body.remaining:
            # Answered before reading the whole body (an early error): drain it so keep-alive stays in sync,
            # unless it is large, then close instead.
            if req.body.remaining <= 8 << 20:
                try:
                    req.body.drain()
                except (ClientGone, OSError):
                    resp.close = True
            else:
                resp.close = True
        resp, file = self._open_body(service, req, resp)
        try:
            entry["status"] = resp.status
            self._finish_log(entry, req, started)
            self._write(handler, req, resp, file)
        finally:
            if file is not None:
                file.close()

    def _finish_log(self, entry: dict[str, Any], req: Request, started: float) -> None:
        entry.update(req.log)
        entry.pop("body_sha256", None)
        entry["bytes_in"] = req.body.length - req.body.remaining
        entry["ms"] = round((time.monotonic() - started) * 1000, 2)
        self.context.log.append(entry)

    def _apply_fault(self, service: Service, req: Request, fault: FaultRule) -> Response | None:
        if fault.effect == "delay":
            time.sleep(fault.delay_ms / 1000)
            return None
        if fault.effect == "drop":
            req.body.read_some(int(req.body.remaining * max(0.0, min(1.0, fault.drop_after))))
            raise ConnectionDropped
        req.log["code"] = fault.code
        return service.error_response(req, fault.status, fault.code, fault.message)

    @staticmethod
    def _hang_up(handler: _Handler) -> None:
        handler.close_connection = True
        conn = handler.connection
        try:
            # RST rather than FIN: the client sees "connection reset", as with a real network failure.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    @staticmethod
    def _sends_body(req: Request, resp: Response) -> bool:
        return req.method != "HEAD" and resp.status not in (204, 304)

    def _open_body(self, service: Service, req: Request, resp: Response) -> tuple[Response, BinaryIO | None]:
        """Open a file body before anything is sent: once the status line is out, an object deleted or replaced
        meanwhile could only end in a dropped connection. An open file keeps its bytes (a new object version is
        a new file), and a file already gone answers the service's own 404 instead."""
        body = resp.body
        if not isinstance(body, FileBody) or not self._sends_body(req, resp):
            return resp, None
        try:
            return resp, open(body.path, "rb")  # closed by serve() once written
        except OSError:
            req.log["code"] = "NoSuchKey"
            return service.error_response(req, 404, "NoSuchKey", "The specified key does not exist."), None

    def _write(self, handler: _Handler, req: Request, resp: Response, file: BinaryIO | None) -> None:
        body = resp.body
        length = body.length if isinstance(body, FileBody) else len(body)
        handler.send_response_only(resp.status)
        handler.send_header("Date", handler.date_time_string())
        handler.send_header("Server", "AliyunOSS" if resp.header("x-oss-request-id") else "Tengine")
        explicit_length = resp.header("Content-Length")
        for name, value in resp.headers:
            handler.send_header(name, value)
        if explicit_length is None:
            handler.send_header("Content-Length", str(length))
        if resp.close or handler.close_connection:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        else:
            handler.send_header("Connection", "keep-alive")
        handler.end_headers()
        if not self._sends_body(req, resp):
            handler.wfile.flush()
            return
        shaped = self.shaped
        if isinstance(body, FileBody):
            assert file is not None  # opened by _open_body
            if not shaped:
                handler.wfile.flush()
                handler.connection.sendfile(file, body.start, body.length)
                return
            file.seek(body.start)
            left = body.length
            while left > 0:
                chunk = file.read(min(64 * 1024, left))
                if not chunk:
                    break
                handler._throttle.consume(len(chunk))
                handler.wfile.write(chunk)
                left -= len(chunk)
        elif shaped:
            for i in range(0, len(body), 64 * 1024):
                chunk = body[i:i + 64 * 1024]
                handler._throttle.consume(len(chunk))
                handler.wfile.write(chunk)
        else:
            handler.wfile.write(body)
        handler.wfile.flush()
