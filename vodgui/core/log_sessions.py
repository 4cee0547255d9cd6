"""Earlier sessions from the log files: what the Log page shows after a crash.

vodgui.log (and its rotated copies vodgui.log.1 ... .5, oldest last) holds every session's lines, each session
starting with the line ``vodgui X starting; home ...`` that :mod:`vodgui.app` writes first. Reading them is file I/O:
front ends call :func:`read_sessions` off their GUI thread. Lines are redacted again on reading (a secret
registered since they were written is still hidden).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from vodgui.core.redact import redact

#: The first line of a session (vodgui.app's start-up line).
_START = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)[,.]\d+ INFO vodgui\.app: vodgui \S+ starting")
#: "2026-12-04 20:01:02,123 WARNING name: message" -> level name.
_LEVEL = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[,.]\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")
_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING, "ERROR": logging.ERROR,
           "CRITICAL": logging.CRITICAL}
#: Sessions and lines kept: enough to look at a crash, bounded so a huge log cannot stall the page.
MAX_SESSIONS = 30
MAX_LINES = 20_000


@dataclass
class LogSession:
    """One run of the program as its log lines tell it.

    Attributes:
        started: local start time as written ("2026-12-04 20:01:02"), "" for lines before the first start line.
        lines: the lines, oldest first; a traceback's lines follow their record's line.
    """

    started: str
    lines: list[str] = field(default_factory=list)

    def levels(self) -> list[int]:
        """The level of each line (continuation lines take the level of the record they belong to)."""
        out, current = [], logging.INFO
        for line in self.lines:
            match = _LEVEL.match(line)
            if match:
                current = _LEVELS[match.group(1)]
            out.append(current)
        return out


def log_files(log_dir: str | Path, name: str = "vodgui.log") -> list[Path]:
    """The log file and its rotated copies, oldest first."""
    folder = Path(log_dir)
    rotated = sorted((p for p in folder.glob(f"{name}.*") if p.suffix[1:].isdigit()),
                     key=lambda p: int(p.suffix[1:]), reverse=True)
    current = folder / name
    return rotated + ([current] if current.exists() else [])


def read_sessions(log_dir: str | Path) -> list[LogSession]:
    """The sessions in the log files, oldest first (the last one is usually the running program)."""
    sessions: list[LogSession] = []
    session: LogSession | None = None
    for path in log_files(log_dir):
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for raw in f:
                    line = redact(raw.rstrip("\n"))
                    match = _START.match(line)
                    if match or session is None:
                        session = LogSession(match.group(1) if match else "")
                        sessions.append(session)
                    session.lines.append(line)
        except OSError:
            continue  # rotated away while reading: what is left still helps
    sessions = sessions[-MAX_SESSIONS:]
    for s in sessions:
        del s.lines[:-MAX_LINES]
    return sessions

