"""Fault rules: make chosen requests fail, hang up or slow down, reproducibly.

A rule (JSON, through the control plane)::

    {"service": "oss", "op": "UploadPart",          # "*" matches anything; op is the Action / OSS operation
     "nth": [2, 5] | "every": 3 | "percent": 10 | "first": 2,   # which matching requests (default: all)
     "effect": "error" | "drop" | "delay" | "throttle",
     "status": 503, "code": "ServiceUnavailable", "message": "...",   # for "error"
     "drop_after": 0.5,     # for "drop": fraction of the request body read before hanging up
     "delay_ms": 200,       # for "delay"
     "limit": 10,           # fire at most this many times
     "seed": 1}             # for "percent": reproducible choice

``throttle`` answers the POP flow-control error (``Throttling.User``, 400) on RPC and OSS's
``503 TotalQpsLimitExceeded`` on OSS (a rule for any service, ``"*"``, answers the POP one).
"""

from __future__ import annotations

import itertools
import random
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

_EFFECTS = {"error", "drop", "delay", "throttle"}


@dataclass
class FaultRule:
    service: str = "*"
    op: str = "*"
    effect: str = "error"
    nth: list[int] | None = None
    every: int | None = None
    percent: float | None = None
    first: int | None = None
    status: int = 503
    code: str = "ServiceUnavailable"
    message: str = "The request has failed due to a temporary failure of the server."
    drop_after: float = 0.5
    delay_ms: float = 0.0
    limit: int | None = None
    seed: int | None = None
    id: int = 0
    seen: int = 0
    fired: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaultRule:
        allowed = {f for f in cls.__dataclass_fields__ if not f.startswith("_") and f not in ("id", "seen", "fired")}
        unknown = set(data) - allowed
        if unknown:
            raise ValueError(f"unknown fault rule field {sorted(unknown)[0]!r}")
        rule = cls(**data)
        if rule.effect not in _EFFECTS:
            raise ValueError(f"effect must be one of {sorted(_EFFECTS)}")
        if rule.percent is not None and not 0 <= rule.percent <= 100:
            raise ValueError("percent must be between 0 and 100")
        if rule.every is not None and rule.every < 1:
            raise ValueError("every must be at least 1")
        if rule.effect == "throttle" and "code" not in data:
            if rule.service == "oss":  # OSS's flow control (docs/protocols.md "Throttling")
                rule.code, rule.status = "TotalQpsLimitExceeded", 503
                rule.message = "Please reduce your request rate."
            else:
                rule.code, rule.status = "Throttling.User", 400
                rule.message = "Request was denied due to user flow control."
        rule._rng = random.Random(rule.seed)
        return rule

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}

    def _selects(self, n: int) -> bool:
        if self.nth is not None:
            return n in self.nth
        if self.every is not None:
            return n % self.every == 0
        if self.first is not None:
            return n <= self.first
        if self.percent is not None:
            return self._rng.random() * 100 < self.percent
        return True

    def matches(self, service: str, op: str) -> bool:
        return self.service in ("*", service) and self.op in ("*", op)


class FaultEngine:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._ids = itertools.count(1)

    def add(self, data: dict[str, Any]) -> FaultRule:
        rule = FaultRule.from_json(data)
        with self._lock:
            rule.id = next(self._ids)
            self._rules.append(rule)
        return rule

    def remove(self, rule_id: int | None = None) -> None:
        with self._lock:
            self._rules = [] if rule_id is None else [r for r in self._rules if r.id != rule_id]

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_json() for r in self._rules]

    def pick(self, service: str, op: str) -> FaultRule | None:
        """The first rule that fires for this request, counting every matching rule's ``seen``."""
        chosen: FaultRule | None = None
        with self._lock:
            for rule in self._rules:
                if not rule.matches(service, op):
                    continue
                rule.seen += 1
                if chosen is None and (rule.limit is None or rule.fired < rule.limit) and rule._selects(rule.seen):
                    rule.fired += 1
                    chosen = rule
        return chosen
