"""A logging handler that keeps the last records in memory for the Log page (redacted like every handler)."""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from vodgui.core.redact import RedactingFilter


@dataclass(frozen=True)
class LogLine:
    seq: int
    created: float
    level: str
    name: str
    message: str


class LogBuffer(logging.Handler):
    def __init__(self, capacity: int = 10_000) -> None:
        super().__init__(logging.DEBUG)
        self.addFilter(RedactingFilter())
        self._lines: deque[LogLine] = deque(maxlen=capacity)
        self._seq = 0
        self._lock2 = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_text:
            text += "\n" + record.exc_text
        with self._lock2:
            self._seq += 1
            self._lines.append(LogLine(self._seq, record.created, record.levelname, record.name, text))

    def since(self, seq: int) -> list[LogLine]:
        with self._lock2:
            return [line for line in self._lines if line.seq > seq]
