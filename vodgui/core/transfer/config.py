"""Transfer settings (per profile, editable in the GUI and on the command line)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from vodgui.core.errors import config_error
from vodgui.core.retry import RetryPolicy

KiB = 1024
MiB = 1024 * KiB
OSS_MIN_PART_SIZE = 100 * KiB
OSS_MAX_PARTS = 10_000
OSS_MAX_PART_SIZE = 5 * 1024 * MiB


@dataclass(frozen=True)
class TransferConfig:
    """How files are moved.

    Attributes:
        part_size: bytes per part; 0 chooses automatically (``default_part_size``, grown so a file needs at
            most 10,000 parts).
        multipart_threshold: files smaller than this go in a single PUT.
        parts_in_flight: requests in flight at the start (adaptive) or always (fixed).
        concurrent_files: files uploading at the same time at the start (adaptive) or always (fixed).
        adaptive: grow and shrink the requests in flight (parts, and files at once for small files) by measured
            throughput, errors and throttling, up to ``max_connections`` (:mod:`vodgui.core.transfer.adaptive`).
        max_connections: the most requests in flight at once when adaptive.
        bandwidth_schedule: a time-of-day limit (``"08:00,4M 18:00,off"``); when set it replaces
            ``bandwidth_limit`` (:mod:`vodgui.core.transfer.bandwidth`).
        retries / retry_delay / retry_max_delay: per request, exponential backoff with jitter.
        throttle_patience: seconds a request keeps retrying while the service throttles (longer than for
            network errors; see :mod:`vodgui.core.retry`).
        bandwidth_limit: bytes per second for all uploads together; 0 is unlimited.
        min_part_size: the service's minimum; lowered only to rehearse with tiny parts against the sandbox.
    """

    part_size: int = 0
    default_part_size: int = 8 * MiB
    multipart_threshold: int = 8 * MiB
    parts_in_flight: int = 4
    concurrent_files: int = 2
    adaptive: bool = True
    max_connections: int = 16
    bandwidth_schedule: str = ""
    retries: int = 3
    retry_delay: float = 2.0
    retry_max_delay: float = 30.0
    throttle_patience: float = 300.0
    bandwidth_limit: int = 0
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    min_part_size: int = OSS_MIN_PART_SIZE

    @property
    def put_threshold(self) -> int:
        """Files up to this size go in a single PUT. An explicit part size smaller than the multipart threshold
        means the user wants parts for files above it."""
        return min(self.multipart_threshold, self.part_size) if self.part_size else self.multipart_threshold

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(self.retries, self.retry_delay, self.retry_max_delay,
                           throttle_patience=self.throttle_patience, throttle_base_delay=self.retry_delay / 2)

    def validate(self) -> TransferConfig:
        if self.part_size and not self.min_part_size <= self.part_size <= OSS_MAX_PART_SIZE:
            raise config_error("InvalidPartSize", params={"low_kib": self.min_part_size // KiB,
                                                          "value": self.part_size})
        if not 1 <= self.parts_in_flight <= 32:
            raise config_error("InvalidParallelParts", params={"low": 1, "high": 32})
        if not 1 <= self.concurrent_files <= 16:
            raise config_error("InvalidConcurrentFiles", params={"low": 1, "high": 16})
        if not 0 <= self.retries <= 20:
            raise config_error("InvalidRetries", params={"low": 0, "high": 20})
        if not 0 <= self.throttle_patience <= 3600:
            raise config_error("InvalidThrottlePatience", params={"low": 0, "high": 3600})
        if self.retry_delay < 0 or self.retry_max_delay < 0:
            raise config_error("InvalidRetryDelay")
        if self.bandwidth_limit < 0:
            raise config_error("InvalidBandwidthLimit")
        if not 1 <= self.max_connections <= 64:
            raise config_error("InvalidMaxConnections", params={"low": 1, "high": 64})
        if self.bandwidth_schedule:
            from vodgui.core.transfer.bandwidth import BandwidthSchedule

            BandwidthSchedule.parse(self.bandwidth_schedule)
        return self

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> TransferConfig:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})

    def with_changes(self, **changes: Any) -> TransferConfig:
        return replace(self, **changes)
