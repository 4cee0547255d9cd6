"""Local HLS packages: an M3U8 playlist and the files it names, checked and rewritten for upload.

VOD stores a package as the playlist (the object ``FileName`` of CreateUploadVideo) plus its segments under the
upload address's ``ObjectPrefix``, all in one folder. So, like the official upload SDK (AliyunVodUploader), every
URI in the playlist is rewritten to the file's base name, and each file is uploaded as ``ObjectPrefix + name``.

Everything that would make the package unplayable on the server is found before anything is sent: segments
that are missing, unreadable or not files, remote (absolute URL) segments, two different files with the same
name, a master playlist. One :class:`VodError` lists every problem.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message

#: OSS PutObject limit: segments go up in one request each.
MAX_SEGMENT_SIZE = 5 * 1024 ** 3
PLAYLIST_EXTENSIONS = frozenset({"m3u8"})

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_URI_ATTR = re.compile(r'URI="([^"]*)"')


@dataclass(frozen=True)
class Segment:
    """One file of a package.

    Attributes:
        name: the object name under the prefix (the file's base name, percent-decoded).
        path: the local file (absolute).
    """

    name: str
    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Package:
    """A checked playlist: the rewritten index and the files to upload with it (each once, in playlist order)."""

    playlist: str
    index: bytes
    segments: tuple[Segment, ...]
    mtime_ns: int

    @property
    def total_size(self) -> int:
        return len(self.index) + sum(s.size for s in self.segments)


def is_playlist(path: str) -> bool:
    return os.path.splitext(path)[1].lower().lstrip(".") in PLAYLIST_EXTENSIONS


def _is_remote(uri: str) -> bool:
    return bool(_SCHEME.match(uri)) and not _DRIVE.match(uri)


def _base_name(uri: str) -> str:
    return re.split(r"[\\/]", uri.split("?", 1)[0].split("#", 1)[0])[-1]


# What a problem is about, as words a front end renders.
_SEGMENT = Message("hls.segment").to_dict()
_KEY_FILE = Message("hls.key_file").to_dict()
_INIT_SEGMENT = Message("hls.init_segment").to_dict()


class _Reader:
    """Collects the files of one playlist and every problem found on the way."""

    def __init__(self, playlist: str) -> None:
        self.playlist = playlist
        self.folder = os.path.dirname(playlist)
        #: Each problem as a message (``Message.to_dict()``), rendered by the front end.
        self.problems: list[dict[str, Any]] = []
        self.by_name: dict[str, Segment] = {}

    def problem(self, code: str, **params: Any) -> None:
        self.problems.append(Message(code, params).to_dict())

    def take(self, uri: str, what: dict[str, Any]) -> str | None:
        """The name that replaces ``uri`` in the playlist, or None when the file cannot be used."""
        if _is_remote(uri):
            self.problem("hls.remote", what=what, uri=uri)
            return None
        written = _base_name(uri)
        name = unquote(written)
        path = os.path.normpath(os.path.join(self.folder, uri.split("?", 1)[0]))
        if not os.path.lexists(path) and "%" in uri:
            path = os.path.normpath(os.path.join(self.folder, unquote(uri.split("?", 1)[0])))
        segment = self._check(uri, path, name, what)
        if segment is None:
            return None
        known = self.by_name.get(name)
        if known is not None and os.path.normcase(known.path) != os.path.normcase(segment.path):
            self.problem("hls.same_name", uri=uri, other=known.path, name=name)
            return None
        self.by_name.setdefault(name, segment)
        return written

    def _check(self, uri: str, path: str, name: str, what: dict[str, Any]) -> Segment | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            self.problem("hls.missing", what=what, uri=uri, path=path)
            return None
        except OSError as exc:
            self.problem("hls.unreadable", what=what, uri=uri, reason=str(exc.strerror))
            return None
        if not stat.S_ISREG(st.st_mode):
            self.problem("hls.not_a_file", what=what, uri=uri)
            return None
        try:
            with open(path, "rb") as f:
                f.read(1)
        except OSError as exc:
            self.problem("hls.unreadable", what=what, uri=uri, reason=str(exc.strerror))
            return None
        if st.st_size > MAX_SEGMENT_SIZE:
            self.problem("hls.too_large", what=what, uri=uri)
            return None
        if not name:
            self.problem("hls.no_name", what=what, uri=uri)
            return None
        return Segment(name, path, st.st_size, st.st_mtime_ns)


def _attr_line(line: str, reader: _Reader, what: dict[str, Any], remote_ok: bool) -> str:
    """A tag line with a ``URI="..."`` attribute (#EXT-X-KEY, #EXT-X-MAP): a local file is uploaded too."""
    match = _URI_ATTR.search(line)
    if match is None:
        return line
    uri = match.group(1)
    if not uri or uri.startswith("data:") or (remote_ok and _is_remote(uri)):
        return line  # a key server or inline data stays as it is
    name = reader.take(uri, what)
    return line if name is None else line[:match.start(1)] + name + line[match.end(1):]


def read_package(playlist: str) -> Package:
    """Check ``playlist`` and everything it names; rewrite it to relative names.

    Raises:
        VodError: ``InvalidPlaylist`` (kind FILE) listing every problem, or the playlist's own read error.
    """
    playlist = os.path.abspath(playlist)
    shown = os.path.basename(playlist)
    try:
        st = os.stat(playlist)
        with open(playlist, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise VodError("FileNotFound", params={"name": shown, "path": playlist},
                       kind=ErrorKind.FILE) from None
    except IsADirectoryError:
        raise VodError("IsADirectory", params={"name": shown}, kind=ErrorKind.FILE) from None
    except OSError as exc:
        raise VodError("FileUnreadable", params={"name": shown, "reason": str(exc.strerror)},
                       kind=ErrorKind.FILE) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise VodError("InvalidPlaylist.NotText", params={"name": shown}, kind=ErrorKind.FILE) from None
    lines = text.splitlines()
    if not any(line.strip() for line in lines) or lines[0].strip() != "#EXTM3U":
        raise VodError("InvalidPlaylist.NoHeader", params={"name": shown}, kind=ErrorKind.FILE)
    reader = _Reader(playlist)
    out: list[str] = []
    uris = 0
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#EXT-X-STREAM-INF") or stripped.startswith("#EXT-X-I-FRAME-STREAM-INF"):
            reader.problem("hls.master")
            break
        if stripped.startswith("#EXT-X-KEY") or stripped.startswith("#EXT-X-SESSION-KEY"):
            out.append(_attr_line(line, reader, _KEY_FILE, remote_ok=True))
        elif stripped.startswith("#EXT-X-MAP"):
            out.append(_attr_line(line, reader, _INIT_SEGMENT, remote_ok=False))
        elif not stripped or stripped.startswith("#"):
            out.append(line)
        else:
            uris += 1
            name = reader.take(stripped, _SEGMENT)
            out.append(line if name is None else name)
    if not uris and not reader.problems:
        reader.problem("hls.no_segments")
    if reader.problems:
        raise VodError("InvalidPlaylist", params={"name": shown, "count": len(reader.problems),
                                                  "problems": list(reader.problems)},
                       kind=ErrorKind.FILE, details={"problems": list(reader.problems)})
    newline = "\r\n" if "\r\n" in text else "\n"
    index = (newline.join(out) + newline).encode("utf-8")
    return Package(playlist, index, tuple(reader.by_name.values()), st.st_mtime_ns)


def referenced_paths(playlist: str) -> set[str]:
    """The local files a playlist names, whether they exist or not (never raises): a folder walk leaves them out,
    so the segments of a package are not queued as videos of their own."""
    try:
        with open(playlist, "rb") as f:
            text = f.read().decode("utf-8-sig", errors="replace")
    except OSError:
        return set()
    folder = os.path.dirname(os.path.abspath(playlist))
    found: set[str] = set()
    for line in text.splitlines():
        stripped = line.strip()
        uri = ""
        if stripped.startswith("#"):
            match = _URI_ATTR.search(stripped)
            uri = match.group(1) if match and stripped.startswith(("#EXT-X-KEY", "#EXT-X-MAP")) else ""
        elif stripped:
            uri = stripped
        if uri and not _is_remote(uri):
            for candidate in {uri, unquote(uri)}:
                found.add(os.path.normpath(os.path.join(folder, candidate.split("?", 1)[0])))
    return found
