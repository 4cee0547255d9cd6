"""A small client for the sandbox's control plane (stdlib only), for tests, benches and QA scripts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import quote


class SandboxControlError(RuntimeError):
    pass


class SandboxControl:
    """Talks to ``<sandbox>/_sandbox``. ``base`` is the sandbox URL or its ``control_url``."""

    def __init__(self, base: str, timeout: float = 10.0) -> None:
        base = base.rstrip("/")
        self.url = base if base.endswith("/_sandbox") else base + "/_sandbox"
        self._timeout = timeout

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self._timeout) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise SandboxControlError(f"{method} {path}: {exc.code} {exc.read().decode(errors='replace')}") from None

    def info(self) -> dict[str, Any]:
        return dict(self._call("GET", "/info"))

    def reset(self) -> None:
        self._call("POST", "/reset")

    def clock(self, *, advance: float | None = None, offset: float | None = None,
              skew: float | None = None) -> dict[str, Any]:
        body = {k: v for k, v in (("advance", advance), ("offset", offset), ("skew", skew)) if v is not None}
        return dict(self._call("POST" if body else "GET", "/clock", body or None))

    def settings(self, **values: Any) -> dict[str, Any]:
        return dict(self._call("POST" if values else "GET", "/settings", values or None))

    def add_fault(self, **rule: Any) -> dict[str, Any]:
        return dict(self._call("POST", "/faults", rule)["added"][0])

    def faults(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/faults")["rules"])

    def remove_fault(self, rule_id: int) -> list[dict[str, Any]]:
        """Delete one rule; returns the rules left."""
        return list(self._call("DELETE", f"/faults/{int(rule_id)}")["rules"])

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def expire(self, kind: str = "upload", **scope: str) -> int:
        return int(self._call("POST", "/expire", {"kind": kind, **scope})["expired"])

    def log(self, since: int = 0) -> list[dict[str, Any]]:
        return list(self._call("GET", f"/log?since={since}")["entries"])

    def video(self, video_id: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/videos/{quote(video_id, safe='')}"))

    def object(self, bucket: str, key: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/objects/{quote(bucket, safe='')}/{quote(key, safe='/')}"))

    def url_job(self, job_id: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/urljobs/{quote(job_id, safe='')}"))
