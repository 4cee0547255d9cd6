"""PLACEHOLDER - being written. Interface contract below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vodgui.sandbox.service import SandboxContext


@dataclass
class ObjectMeta:
    bucket: str
    key: str
    size: int
    etag: str  # quoted, upper-case hex, e.g. '"5EB63BBBE01EEED093CB22BB8F5ACDC3"'
    crc64: int
    content_type: str
    last_modified: float
    path: Path


class OssModel:
    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx
        self._listeners: list[Callable[[ObjectMeta], None]] = []

    def ensure_bucket(self, name: str) -> None:
        pass

    def head(self, bucket: str, key: str) -> ObjectMeta | None:
        return None

    def add_listener(self, fn: Callable[[ObjectMeta], None]) -> None:
        self._listeners.append(fn)

    def view(self, bucket: str, key: str) -> dict[str, Any] | None:
        return None

    def reset(self) -> None:
        pass
