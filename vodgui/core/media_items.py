"""What kind of upload a file (or URL) becomes, and the queue items for each kind.

Kinds (the ``kind`` column of a queue item; the job runner dispatches on it):

* ``video``: CreateUploadVideo + one object (the original path);
* ``image``: CreateUploadImage (details: ``image_type`` default|cover; ``cover_for``: the videos
  whose CoverURL the image becomes once uploaded);
* ``attached``: CreateUploadAttachedMedia (details: ``business_type`` watermark|subtitle|material,
  ``media_ext``);
* ``m3u8``: an HLS package, a playlist and its segments under one VideoId (see :mod:`vodgui.core.hls`);
* ``url``: UploadMediaByURL; VOD fetches the file itself (details: ``job_id`` once submitted).

GIF is both an image and a video format for VOD; a ``.gif`` becomes an image unless the caller says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.hls import is_playlist, read_package, referenced_paths
from vodgui.core.messages import Message
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import (
    AttachedDetails,
    CoverTarget,
    Details,
    ImageDetails,
    Kind,
    M3u8Details,
    NewItem,
    UrlDetails,
    default_details,
)
from vodgui.core.vod import MEDIA_EXTENSIONS, extension_of, shown_extension

KIND_VIDEO = Kind.VIDEO
KIND_IMAGE = Kind.IMAGE
KIND_ATTACHED = Kind.ATTACHED
KIND_M3U8 = Kind.M3U8
KIND_URL = Kind.URL
KINDS = tuple(Kind)

IMAGE_TYPES = ("default", "cover")
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif"})
#: Image formats VOD does not take: such a file is treated as an image so its error names the image formats.
OTHER_IMAGE_EXTENSIONS = frozenset({"bmp", "webp", "tif", "tiff", "heic", "heif", "avif", "svg", "ico"})
BUSINESS_TYPES = ("watermark", "subtitle", "material")
#: CreateUploadAttachedMedia: the extensions VOD accepts per BusinessType (API reference, MediaExt).
ATTACHED_EXTENSIONS: dict[str, frozenset[str]] = {
    "watermark": frozenset({"png", "gif", "apng", "mov"}),
    "subtitle": frozenset({"srt", "ass", "stl", "ttml", "vtt"}),
    "material": frozenset({"jpg", "gif", "png", "mp4", "mat", "zip"}),
}
SUBTITLE_EXTENSIONS = ATTACHED_EXTENSIONS["subtitle"]
#: Subtitles offered for upload next to a video with the same stem (``clip.srt``, ``clip.zh.vtt``).
SIDECAR_SUBTITLES = frozenset({"srt", "vtt"})
#: What a folder walk picks up: video and audio, images, playlists, subtitles.
INTAKE_EXTENSIONS = MEDIA_EXTENSIONS | IMAGE_EXTENSIONS | SUBTITLE_EXTENSIONS


def kind_for_path(path: str) -> Kind:
    """The kind a file becomes when nobody says otherwise."""
    ext = extension_of(path)
    if is_playlist(path):
        return KIND_M3U8
    if ext in IMAGE_EXTENSIONS or ext in OTHER_IMAGE_EXTENSIONS:
        return KIND_IMAGE
    if ext in SUBTITLE_EXTENSIONS:
        return KIND_ATTACHED
    return KIND_VIDEO


def check_image(path: str, image_type: str = "default") -> str:
    """The ImageExt for ``path``. Raises a FILE error naming the supported extensions."""
    ext = extension_of(path)
    if image_type not in IMAGE_TYPES:
        raise VodError("InvalidImageType", params={"allowed": list(IMAGE_TYPES), "value": repr(image_type)},
                       kind=ErrorKind.CONFIG)
    if ext not in IMAGE_EXTENSIONS:
        raise VodError("InvalidImageExt", params={"ext": shown_extension(ext), "supported": sorted(IMAGE_EXTENSIONS)},
                       kind=ErrorKind.FILE)
    return ext


def check_attached(path: str, business_type: str) -> str:
    """The MediaExt for ``path`` as attached media of ``business_type``. Raises a FILE/CONFIG error."""
    allowed = ATTACHED_EXTENSIONS.get(business_type)
    if allowed is None:
        raise VodError("InvalidBusinessType", params={"allowed": list(BUSINESS_TYPES), "value": repr(business_type)},
                       kind=ErrorKind.CONFIG)
    ext = extension_of(path)
    if ext not in allowed:
        raise VodError("InvalidMediaExt", params={"ext": shown_extension(ext), "business_type": business_type,
                                                  "supported": sorted(allowed)}, kind=ErrorKind.FILE)
    return ext


def check_url(url: str) -> str:
    """``url`` stripped, if VOD can fetch it (http or https with a host). Raises ``InvalidURL``."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise VodError("InvalidURL", params={"url": url or Message("file.empty_url").to_dict()},
                       kind=ErrorKind.CONFIG)
    return url


def url_file_name(url: str) -> str:
    """The file name at the end of a URL's path (``clip.mp4``), or the host when there is none."""
    parts = urlsplit(url)
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    return name or parts.netloc


def display_name(kind: Kind, path: str) -> str:
    """What a queue row calls its item: the file name, or the file name at the end of a URL."""
    return url_file_name(path) if kind == KIND_URL else os.path.basename(path)


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
        return st.st_size, st.st_mtime_ns
    except OSError:
        return 0, 0  # reported as FileNotFound when the job runs; the item is kept


def file_item(path: str, profile: str, metadata: dict[str, Any] | None = None, *, kind: Kind | str | None = None,
              image_type: str = "default", business_type: str | None = None,
              cover_for: Iterable[CoverTarget] = (), state: JobState = JobState.QUEUED,
              stat: tuple[int, int] | None = None) -> NewItem:
    """A queue item for a local file. ``business_type`` makes it attached media of that type; otherwise the kind
    follows the extension (a subtitle file becomes attached media of type subtitle). ``stat``: the file's size
    and mtime (ns) when the caller has just read them (a folder walk), else they are read now.

    Extension problems are not raised here: the job reports them (one failed row, like any other file problem).
    """
    path = os.path.abspath(path)
    if business_type is not None:
        kind = Kind.ATTACHED
    chosen = Kind(kind) if kind is not None else kind_for_path(path)
    size, mtime = _stat(path) if stat is None else stat
    details: Details = default_details(Kind.VIDEO)
    if chosen is Kind.IMAGE:
        details = ImageDetails(image_type=image_type, cover_for=tuple(cover_for))
    elif chosen is Kind.ATTACHED:
        details = AttachedDetails(business_type=business_type or "subtitle")
    elif chosen is Kind.M3U8:
        details = M3u8Details()
        try:
            package = read_package(path)
        except VodError:
            pass  # the job lists the problems before anything is sent
        else:
            size = package.total_size
            details = M3u8Details(segments=len(package.segments))
    return NewItem(path, profile, size, mtime, dict(metadata or {}), kind=chosen, state=state, details=details)


def url_item(url: str, profile: str, metadata: dict[str, Any] | None = None, *,
             state: JobState = JobState.QUEUED) -> NewItem:
    """A queue item for UploadMediaByURL. Raises ``InvalidURL`` for an address VOD cannot fetch."""
    return NewItem(check_url(url), profile, 0, 0, dict(metadata or {}), kind=Kind.URL, state=state,
                   details=UrlDetails())


def cover_item(path: str, profile: str, targets: Iterable[CoverTarget], *,
               state: JobState = JobState.QUEUED) -> NewItem:
    """An image (ImageType cover) that becomes the CoverURL of ``targets`` once uploaded.

    A target with ``video_id`` (a video that exists) gets UpdateVideoInfo; one with ``item_id`` (a queued video)
    gets the URL in its metadata before CreateUploadVideo.
    """
    return file_item(path, profile, kind=Kind.IMAGE, image_type="cover", cover_for=targets, state=state)


def takes_cover(kind: Kind, video_id: str | None) -> bool:
    """Whether a cover image can be set for this item: a video (or package) queued or uploaded, or a video
    uploaded by URL (before it is done, the URL job has no VideoId to give a cover to)."""
    return kind in (KIND_VIDEO, KIND_M3U8) or (kind == KIND_URL and bool(video_id))


def cover_items(path: str, videos: Iterable[tuple[int, str, str | None]]) -> list[NewItem]:
    """The cover image items for ``videos`` ((queue item, profile, VideoId or None) each): one image per profile,
    since an image belongs to the account of the profile that uploads it. Raises for an unsupported image."""
    check_image(path, "cover")
    by_profile: dict[str, list[CoverTarget]] = {}
    for item_id, profile, video_id in videos:
        by_profile.setdefault(profile, []).append(CoverTarget(video_id=video_id) if video_id
                                                  else CoverTarget(item_id=item_id))
    return [cover_item(path, profile, targets) for profile, targets in by_profile.items()]


def find_subtitles(video_path: str) -> list[str]:
    """Subtitle files next to a video with the same stem: ``clip.srt``, ``clip.zh.vtt`` for ``clip.mp4``."""
    path = os.path.abspath(video_path)
    return sidecar_subtitles([path]).get(path, [])


def sidecar_subtitles(video_paths: Iterable[str]) -> dict[str, list[str]]:
    """:func:`find_subtitles` for many videos, listing each folder once (a drop of 10,000 files stays fast). A
    subtitle goes to the video with the longest matching stem (``clip.part2.en.srt`` to ``clip.part2.mp4``)."""
    by_folder: dict[str, dict[str, str]] = {}
    for path in video_paths:
        folder, name = os.path.split(os.path.abspath(path))
        by_folder.setdefault(folder, {})[os.path.splitext(name)[0]] = path
    found: dict[str, list[str]] = {}
    for folder, stems in by_folder.items():
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for entry in entries:
            base, ext = os.path.splitext(entry)
            if ext.lower().lstrip(".") not in SIDECAR_SUBTITLES:
                continue
            pieces = base.split(".")
            for n in range(len(pieces), 0, -1):  # clip.zh -> clip.zh, clip: the longest video stem wins
                video = stems.get(".".join(pieces[:n]))
                if video is not None:
                    path = os.path.join(folder, entry)
                    if os.path.isfile(path):
                        found.setdefault(video, []).append(path)
                    break
    return found


def without_package_members(paths: Iterable[str]) -> list[str]:
    """``paths`` without the files that a playlist among them names (its segments go up with the playlist)."""
    paths = list(paths)
    members: set[str] = set()
    for path in paths:
        if is_playlist(path):
            members |= {os.path.normcase(p) for p in referenced_paths(path)}
    if not members:
        return paths
    return [p for p in paths if os.path.normcase(os.path.normpath(p)) not in members]
