"""Hot folders: watched folders whose finished files are queued by themselves, once per account.

A folder has a profile and a metadata :class:`WatchTemplate`. A file in it is queued when it is complete:

* its name is not a temporary one (hidden, ``.part``, ``.tmp``, ``.crdownload``, ``~``...: :func:`is_temporary`);
* its extension is one VOD takes (video, audio, images, playlists, subtitles);
* its size and mtime stayed the same for the settle time, seen on at least two polls (a clock skewed share
  cannot make a growing file look old);
* no process has it open for writing, where the OS can tell (Linux: ``/proc/*/fdinfo``; elsewhere the settle
  time alone decides).

It is not queued when the queue holds an unfinished upload of the same path for the profile (it resumes) or
the ledger (:mod:`vodgui.core.ledger`) says the profile's account has it: by path, size and mtime, or by content
for a moved, renamed or copied file. The ledger outlives the app, so a folder re-scanned at the next start
(or by ``vodgui watch`` again after a crash) queues nothing twice.

Events come from the ``watchdog`` library; a poll thread turns them into decisions, and re-scans each folder
now and then so an event lost on a network share delays a file, never drops it. Nothing here imports Qt: the
GUI and ``vodgui watch`` share it.
"""

from __future__ import annotations

import enum
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.ledger import account_key, ledger_kind
from vodgui.core.media_items import INTAKE_EXTENSIONS, file_item, kind_for_path
from vodgui.core.paths import atomic_write_json
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import NewItem
from vodgui.core.vod import extension_of

log = logging.getLogger(__name__)

#: Names of files still being written by browsers, editors, rsync, NLEs and copy tools.
TEMP_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".!qb", ".swp", ".filepart",
                 "~")
DEFAULT_SETTLE = 5.0
POLL_INTERVAL = 1.0
RESCAN_INTERVAL = 60.0
#: What a title pattern may name.
TITLE_FIELDS = ("stem", "name", "ext", "folder", "date")
#: The title fields as a user types them: "{stem} {name} ...".
TITLE_HELP = " ".join("{" + f + "}" for f in TITLE_FIELDS)
_FIELD = re.compile(r"\{([^{}]*)\}")


def is_temporary(path: str) -> bool:
    """Whether ``path`` names a file that is still being written (or an editor's scratch file)."""
    base = os.path.basename(path)
    low = base.lower()
    return base.startswith((".", "~$")) or low.endswith(TEMP_SUFFIXES)


def wanted_file(path: str) -> bool:
    """A file a hot folder uploads: not temporary, of a kind VOD takes."""
    return not is_temporary(path) and extension_of(path) in INTAKE_EXTENSIONS


def open_for_writing(path: str) -> bool:
    """Whether a process (of this user: others' are hidden) has ``path`` open for writing. Linux only; False
    where the OS cannot tell."""
    proc = Path("/proc")
    if not (proc / "self" / "fdinfo").is_dir():
        return False
    try:
        target = os.stat(path)
    except OSError:
        return False
    for pid in os.listdir(proc):
        if not pid.isdigit():
            continue
        fd_dir = proc / pid / "fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                st = os.stat(fd_dir / fd)
                if st.st_ino != target.st_ino or st.st_dev != target.st_dev:
                    continue
                info = (proc / pid / "fdinfo" / fd).read_text()
            except OSError:
                continue
            flags = next((int(line.split()[1], 8) for line in info.splitlines() if line.startswith("flags:")), 0)
            if flags & 0o3:  # O_WRONLY or O_RDWR
                return True
    return False


class TemplateError(ValueError):
    """A template field that cannot work; ``code`` names it for the front ends."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class WatchTemplate:
    """The metadata each file of a folder gets.

    ``title`` is a pattern: ``{stem}`` (file name without extension), ``{name}``, ``{ext}``, ``{folder}`` (the
    file's folder name), ``{date}`` (today, YYYY-MM-DD).
    """

    title: str = "{stem}"
    description: str = ""
    tags: tuple[str, ...] = ()
    cate_id: int | None = None
    template_group_id: str = ""
    workflow_id: str = ""
    storage_location: str = ""
    app_id: str = ""

    def check(self) -> WatchTemplate:
        """Raise :class:`TemplateError` for a title pattern naming an unknown field, or too many tags."""
        for name in _FIELD.findall(self.title):
            if name not in TITLE_FIELDS:
                raise TemplateError("InvalidTitlePattern", f"{{{name}}} is not a title field; use {TITLE_HELP}")
        if len(self.tags) > 16:
            raise TemplateError("TagsExceededMax", "at most 16 tags")
        return self

    def title_for(self, path: str, today: str | None = None) -> str:
        base = os.path.basename(path)
        stem, dot, ext = base.rpartition(".")
        if not dot:
            stem, ext = base, ""
        values = {"stem": stem, "name": base, "ext": ext, "folder": os.path.basename(os.path.dirname(path)),
                  "date": today or datetime.now().strftime("%Y-%m-%d")}
        return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), self.title).strip() or stem

    def metadata(self, path: str) -> dict[str, Any]:
        """The queue item metadata for ``path`` (the keys ``vodgui upload`` uses)."""
        meta: dict[str, Any] = {"title": self.title_for(path)}
        for key in ("description", "template_group_id", "workflow_id", "storage_location", "app_id"):
            if getattr(self, key):
                meta[key] = getattr(self, key)
        if self.tags:
            meta["tags"] = list(self.tags)
        if self.cate_id is not None:
            meta["cate_id"] = self.cate_id
        return meta

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WatchTemplate:
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            raise TemplateError("UnknownTemplateField",
                                f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
        values = dict(data)
        tags = values.get("tags", ())
        if isinstance(tags, str):
            tags = [t.strip() for t in tags.split(",") if t.strip()]
        values["tags"] = tuple(str(t) for t in tags)
        if values.get("cate_id") not in (None, ""):
            try:
                values["cate_id"] = int(values["cate_id"])
            except (TypeError, ValueError):
                raise TemplateError("InvalidCateId", "cate_id must be a number (vodgui catalog categories)") from None
        else:
            values["cate_id"] = None
        return cls(**values).check()


@dataclass(frozen=True)
class WatchedFolder:
    """One hot folder. ``settle``: seconds a file's size and mtime must stay the same."""

    path: str
    profile: str
    template: WatchTemplate = field(default_factory=WatchTemplate)
    recursive: bool = False
    settle: float = DEFAULT_SETTLE
    enabled: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "profile": self.profile, "template": self.template.to_json(),
                "recursive": self.recursive, "settle": self.settle, "enabled": self.enabled}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WatchedFolder:
        return cls(path=str(data["path"]), profile=str(data["profile"]),
                   template=WatchTemplate.from_json(data.get("template") or {}),
                   recursive=bool(data.get("recursive", False)), settle=float(data.get("settle", DEFAULT_SETTLE)),
                   enabled=bool(data.get("enabled", True)))

    def contains(self, path: str) -> bool:
        parent = os.path.dirname(path)
        root = os.path.abspath(self.path)
        if self.recursive:
            return parent == root or parent.startswith(root + os.sep)
        return parent == root


class HotFolderStore:
    """The GUI's hot folders, in ``hotfolders.json`` in the config folder."""

    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / "hotfolders.json"

    def load(self) -> list[WatchedFolder]:
        import json

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except ValueError:
            log.warning("%s is not valid JSON: no hot folders loaded", self.path)
            return []
        folders = []
        for entry in data.get("folders", []):
            try:
                folders.append(WatchedFolder.from_json(entry))
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("a hot folder in %s is skipped: %s", self.path, exc)
        return folders

    def save(self, folders: Iterable[WatchedFolder]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(self.path, {"folders": [f.to_json() for f in folders]})


class FolderState(enum.Enum):
    WATCHING = "watching"
    MISSING = "missing"  # the folder does not exist (an unplugged drive): checked again on each re-scan
    ERROR = "error"  # the profile cannot be used (no secret, network down when the account is learned)
    STOPPED = "stopped"


@dataclass(frozen=True)
class FolderStatus:
    """What a front end shows for one folder. ``error_code``/``error_params``: why it is in ERROR."""

    path: str
    profile: str
    state: FolderState
    settling: int = 0
    queued: int = 0
    skipped: int = 0
    last_file: str = ""
    error_code: str = ""
    error_message: str = ""


class Decision(enum.Enum):
    QUEUED = "queued"
    SKIPPED = "skipped"  # the account has it (ledger) or the queue is uploading it


@dataclass(frozen=True)
class FileDecision:
    """What became of a complete file. A skipped one with a ``job_id`` is still in the queue (unfinished);
    without one, the account has it (``media_id``)."""

    folder: WatchedFolder
    path: str
    decision: Decision
    media_id: str | None = None
    job_id: int | None = None
    same_content: bool = False


@dataclass
class _Seen:
    sig: tuple[int, int]
    first_seen: float
    #: When a writer was last seen holding the file: the settle time counts from then.
    writer_seen: float | None = None


class UploadGuard:
    """Whether a complete file is already taken care of for a profile: an unfinished queue item of the same
    path, or the ledger of the profile's account."""

    def __init__(self, sessions: Callable[[str], Any], queue_items: Callable[[], Iterable[Any]]) -> None:
        self._sessions = sessions
        self.queue_items = queue_items

    def known(self, profile: str, path: str, st: os.stat_result, queue: Iterable[Any]) -> FileDecision | None:
        """None when ``path`` should be queued; else why not (``queue``: the queue's records). Raises VodError
        when the profile cannot tell (no secret, the account cannot be learned)."""
        folder = WatchedFolder(os.path.dirname(path), profile)
        for rec in queue:
            if rec.path == path and rec.profile == profile and rec.state is not JobState.CANCELLED:
                if rec.state is not JobState.DONE:
                    return FileDecision(folder, path, Decision.SKIPPED, rec.media_id, rec.id)
                if (rec.size, rec.mtime_ns) == (st.st_size, st.st_mtime_ns):  # done (a ledger-less profile too)
                    return FileDecision(folder, path, Decision.SKIPPED, rec.media_id)
        session = self._sessions(profile)
        if session.ledger is None:
            return None
        # Learned before the first upload (once per session), so the finished upload is recorded by account.
        account_key(session)
        kind = ledger_kind(kind_for_path(path))
        entry = session.ledger.find(path, st.st_size, st.st_mtime_ns, kind=kind)
        if entry is None:
            return None
        return FileDecision(folder, path, Decision.SKIPPED, entry.media_id, None, entry.same_content)


class HotFolders:
    """The watcher: watchdog events and periodic re-scans in, queue items out.

    Args:
        enqueue: queues new items, returns their job ids (``TransferEngine.add``).
        guard: :class:`UploadGuard`.
        on_decision: called (on the poll thread) for each queued or skipped file.
        on_status: called (on the poll thread) when a folder's status changes.
        clock: wall-clock seconds (mtimes are compared with it).
        writing: :func:`open_for_writing` (tests swap it).
    """

    def __init__(self, enqueue: Callable[[list[NewItem]], list[int]], guard: UploadGuard, *,
                 on_decision: Callable[[FileDecision], None] | None = None,
                 on_status: Callable[[FolderStatus], None] | None = None,
                 clock: Callable[[], float] = time.time, writing: Callable[[str], bool] = open_for_writing,
                 poll_interval: float = POLL_INTERVAL, rescan_interval: float = RESCAN_INTERVAL) -> None:
        self._enqueue = enqueue
        self._guard = guard
        self._on_decision = on_decision or (lambda d: None)
        self._on_status = on_status or (lambda s: None)
        self._clock = clock
        self._writing = writing
        self.poll_interval = poll_interval
        self.rescan_interval = rescan_interval
        self._lock = threading.RLock()
        self._folders: dict[str, WatchedFolder] = {}
        self._status: dict[str, FolderStatus] = {}
        self._pending: dict[str, set[str]] = {}  # folder key -> paths to look at
        self._seen: dict[str, _Seen] = {}
        self._handled: dict[tuple[str, str], tuple[int, int]] = {}  # (profile, path) -> sig decided
        self._last_scan: dict[str, float] = {}
        self._observer: Any = None
        self._watches: dict[str, Any] = {}
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()

    # -- folders ---------------------------------------------------------------------------------------------
    @staticmethod
    def key(folder: WatchedFolder) -> str:
        return os.path.abspath(folder.path)

    def folders(self) -> list[WatchedFolder]:
        with self._lock:
            return list(self._folders.values())

    def statuses(self) -> list[FolderStatus]:
        with self._lock:
            return [self._status[k] for k in self._folders if k in self._status]

    def set_folders(self, folders: Iterable[WatchedFolder]) -> None:
        """Watch exactly ``folders`` (the enabled ones); a folder changed or added is scanned again."""
        wanted = {self.key(f): f for f in folders if f.enabled}
        started: list[FolderStatus] = []
        with self._lock:
            for key in list(self._folders):
                if key not in wanted:
                    self._unwatch(key)
                    del self._folders[key]
                    self._pending.pop(key, None)
                    self._status.pop(key, None)
            for key, folder in wanted.items():
                if self._folders.get(key) != folder:
                    self._unwatch(key)
                    self._folders[key] = folder
                    self._status[key] = FolderStatus(key, folder.profile, FolderState.WATCHING)
                    started.append(self._status[key])
                    self._last_scan.pop(key, None)
                    self._watch(key)
        for status in started:  # said at once: an empty folder has no file to change its status later
            self._on_status(status)
        self._wake.set()

    def _watch(self, key: str) -> None:
        if self._observer is None or not os.path.isdir(key):
            return
        handler = _Handler(self, key)
        try:
            self._watches[key] = self._observer.schedule(handler, key, recursive=self._folders[key].recursive)
        except OSError as exc:  # inotify watch limit, permissions: the re-scans still find the files
            log.warning("cannot watch %s for changes (%s); it is re-scanned every %d s", key, exc,
                        int(self.rescan_interval))

    def _unwatch(self, key: str) -> None:
        watch = self._watches.pop(key, None)
        if watch is not None and self._observer is not None:
            try:
                self._observer.unschedule(watch)
            except (KeyError, ValueError, OSError):
                pass

    # -- events ----------------------------------------------------------------------------------------------
    def notice(self, key: str, path: str) -> None:
        """A file event (from watchdog): look at ``path`` on the next poll."""
        with self._lock:
            if key in self._folders and self._folders[key].contains(path):
                self._pending.setdefault(key, set()).add(path)
        self._wake.set()

    def scan(self, key: str) -> None:
        """Look at every file of the folder (start, re-scan, folder back after it was missing)."""
        with self._lock:
            folder = self._folders.get(key)
        if folder is None:
            return
        self._last_scan[key] = self._clock()
        if not os.path.isdir(key):
            self._set_status(key, state=FolderState.MISSING)
            return
        if self._status.get(key) and self._status[key].state is FolderState.MISSING:
            self._set_status(key, state=FolderState.WATCHING)
            self._watch(key)
        found = list(_walk(key, folder.recursive))
        with self._lock:
            self._pending.setdefault(key, set()).update(found)

    # -- decisions -------------------------------------------------------------------------------------------
    def poll(self) -> list[FileDecision]:
        """One round: re-scan folders that are due, then decide on the pending files. Returns the decisions."""
        now = self._clock()
        for key in list(self._folders):
            if now - self._last_scan.get(key, float("-inf")) >= self.rescan_interval:
                self.scan(key)
        decisions: list[FileDecision] = []
        for key in list(self._folders):
            with self._lock:
                folder = self._folders.get(key)
                paths = sorted(self._pending.get(key, ()))
            if folder is None:
                continue
            ready: list[tuple[str, os.stat_result]] = []
            settling = 0
            for path in paths:
                verdict = self._look(folder, path, now)
                if verdict is None:
                    settling += 1
                    continue
                self._drop_pending(key, path)
                if isinstance(verdict, os.stat_result):
                    ready.append((path, verdict))
            try:
                decisions += self._decide(folder, ready)
            except VodError as err:
                self._set_status(key, state=FolderState.ERROR, error_code=err.code, error_message=err.message,
                                 settling=settling)
                with self._lock:
                    self._pending.setdefault(key, set()).update(p for p, _ in ready)
                continue
            status = self._status.get(key)
            if status is not None and status.state is FolderState.ERROR:
                self._set_status(key, state=FolderState.WATCHING, error_code="", error_message="")
            self._set_status(key, settling=settling)
        return decisions

    def _drop_pending(self, key: str, path: str) -> None:
        with self._lock:
            self._pending.get(key, set()).discard(path)

    def _look(self, folder: WatchedFolder, path: str, now: float) -> os.stat_result | bool | None:
        """False: not for upload (gone, temporary, unsupported, decided before); None: not complete yet;
        a stat: complete."""
        if not wanted_file(path):
            return False
        try:
            st = os.stat(path)
        except OSError:
            self._seen.pop(path, None)
            return False
        if not os.path.isfile(path):
            return False
        sig = (st.st_size, st.st_mtime_ns)
        if self._handled.get((folder.profile, path)) == sig:
            return False
        seen = self._seen.get(path)
        if seen is None or seen.sig != sig:
            self._seen[path] = _Seen(sig, now)
            return None
        quiet = max(now - st.st_mtime, now - seen.first_seen)
        if seen.writer_seen is not None:
            quiet = min(quiet, now - seen.writer_seen)
        if st.st_size == 0 or quiet < folder.settle:
            return None
        if self._writing(path):
            seen.writer_seen = now
            return None
        del self._seen[path]
        return st

    def _decide(self, folder: WatchedFolder, ready: list[tuple[str, os.stat_result]]) -> list[FileDecision]:
        decisions: list[FileDecision] = []
        new: list[tuple[str, os.stat_result]] = []
        if not ready:
            return decisions
        queue = list(self._guard.queue_items())
        for path, st in ready:
            known = self._guard.known(folder.profile, path, st, queue)
            if known is None:
                new.append((path, st))
            else:
                decisions.append(replace(known, folder=folder))
        if new:
            items = [file_item(path, folder.profile, folder.template.metadata(path)) for path, _ in new]
            job_ids = self._enqueue(items)
            decisions += [FileDecision(folder, path, Decision.QUEUED, None, job_id)
                          for (path, _), job_id in zip(new, job_ids, strict=True)]
        key = self.key(folder)
        sigs = dict(ready)
        for decision in decisions:
            st = sigs[decision.path]
            self._handled[(folder.profile, decision.path)] = (st.st_size, st.st_mtime_ns)
            status = self._status.get(key)
            if status is not None:
                bump = {"queued": status.queued + 1} if decision.decision is Decision.QUEUED else {
                    "skipped": status.skipped + 1}
                self._set_status(key, last_file=decision.path, **bump)
            self._on_decision(decision)
        return decisions

    def _set_status(self, key: str, **changes: Any) -> None:
        with self._lock:
            status = self._status.get(key)
            if status is None:
                return
            new = replace(status, **changes)
            if new == status:
                return
            self._status[key] = new
        self._on_status(new)

    # -- running ---------------------------------------------------------------------------------------------
    def start(self, *, observe: bool = True) -> None:
        """Start the poll thread (and the watchdog observer unless ``observe`` is False)."""
        if observe and self._observer is None:
            from watchdog.observers import Observer

            self._observer = Observer()
            self._observer.daemon = True
            self._observer.start()
            with self._lock:
                for key in self._folders:
                    self._watch(key)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="hot-folders", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll()
            except Exception:  # a bug must not end watching silently: log it and go on
                log.exception("hot folder poll failed")
            self._wake.wait(self.poll_interval)
            self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(10)
            self._observer = None
            self._watches.clear()
        with self._lock:
            for key in self._status:
                self._status[key] = replace(self._status[key], state=FolderState.STOPPED)


class _Handler:
    """watchdog's handler interface (``dispatch``), without subclassing its classes at import time."""

    def __init__(self, owner: HotFolders, key: str) -> None:
        self._owner = owner
        self._key = key

    def dispatch(self, event: Any) -> None:
        kind = event.event_type
        if kind in ("deleted", "opened", "closed_no_write"):
            return
        path = os.fsdecode(event.dest_path if kind == "moved" else event.src_path)
        if event.is_directory:
            if kind in ("created", "moved"):
                for found in _walk(path, True):
                    self._owner.notice(self._key, found)
            return
        self._owner.notice(self._key, path)


def _walk(root: str, recursive: bool) -> Iterator[str]:
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_file():
                yield os.path.abspath(entry.path)
            elif recursive and entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, True)
        except OSError:
            continue


def folder_error(exc: BaseException) -> tuple[str, str]:
    """(code, message) of why a folder's profile cannot be used."""
    if isinstance(exc, VodError):
        return exc.code, exc.message
    return type(exc).__name__, str(exc) or ErrorKind.UNKNOWN.value
