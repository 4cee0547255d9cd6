"""The details of videos that exist in VOD: read them (GetVideoInfos) and change them (UpdateVideoInfo).

One code path for a queue item (:meth:`vodgui.core.transfer.job.Job.apply_video_info`) and for the History page's
videos, which may have left the queue long ago. Outcomes are message codes (``note.metadata_updated`` /
``note.metadata_failed``), rendered by the front end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message
from vodgui.core.store import QueueStore
from vodgui.core.transfer.context import ProfileSession
from vodgui.core.vod import VideoInfo, video_info_params

log = logging.getLogger(__name__)

#: GetVideoInfos takes at most 20 VideoIds per call.
IDS_PER_CALL = 20


@dataclass(frozen=True)
class VideoRef:
    """A video in VOD and the profile (account) it is reached with."""

    profile: str
    video_id: str


@dataclass
class DetailsRead:
    """What GetVideoInfos said: each video's metadata (the fields UpdateVideoInfo changes) or why it is unknown."""

    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: dict[str, VodError] = field(default_factory=dict)


def metadata_of(info: VideoInfo) -> dict[str, Any]:
    """The editable metadata of a video as VOD reports it, in the queue's metadata form."""
    raw = info.raw
    tags = [t.strip() for t in str(raw.get("Tags") or "").split(",") if t.strip()]
    cate = str(raw.get("CateId") or "")
    return {"title": info.title, "description": str(raw.get("Description") or ""), "tags": tags,
            "cate_id": int(cate) if cate.isdigit() else None, "cover_url": info.cover_url}


def _no_access(profile: str) -> VodError:
    return VodError("NoVodAccess.Metadata", kind=ErrorKind.CONFIG, params={"profile": profile})


def update_video(session: ProfileSession, video_id: str, changes: Mapping[str, Any]) -> VodError | None:
    """UpdateVideoInfo with the fields of ``changes`` it can change; the error, or None when VOD took them."""
    params = video_info_params(dict(changes))
    if not params:
        return None
    try:
        if session.vod is None:
            raise _no_access(session.name)
        session.vod.update_video_info(video_id, params)
    except VodError as err:
        log.warning("UpdateVideoInfo for %s failed: %s", video_id, err)
        return err
    return None


def outcome(video_id: str, error: VodError | None) -> Message:
    """The note that says how saving a video's details went."""
    if error is None:
        return Message("note.metadata_updated", {"video_id": video_id})
    return Message("note.metadata_failed", {"video_id": video_id, "error": error.to_message().to_dict()})


def read_details(sessions: Callable[[str], ProfileSession], videos: Iterable[VideoRef]) -> DetailsRead:
    """The current details of ``videos`` (GetVideoInfos, 20 per call, per profile). Blocks: not on a GUI thread."""
    by_profile: dict[str, list[str]] = {}
    for ref in videos:
        by_profile.setdefault(ref.profile, []).append(ref.video_id)
    read = DetailsRead()
    for profile, ids in by_profile.items():
        for start in range(0, len(ids), IDS_PER_CALL):
            chunk = ids[start:start + IDS_PER_CALL]
            try:
                vod = sessions(profile).vod
                if vod is None:
                    raise _no_access(profile)
                infos, missing = vod.get_video_infos(chunk)
            except VodError as err:
                for video_id in chunk:
                    read.problems[video_id] = err
                continue
            for info in infos:
                read.metadata[info.video_id] = metadata_of(info)
            for video_id in missing:
                read.problems[video_id] = VodError("VideoNotInVod", params={"video_id": video_id},
                                                   kind=ErrorKind.NOT_FOUND)
    return read


def save_details(sessions: Callable[[str], ProfileSession], videos: Iterable[VideoRef], changes: Mapping[str, Any],
                 store: QueueStore | None = None) -> dict[str, VodError | None]:
    """UpdateVideoInfo for each video; VideoId -> its error, or None when VOD took the changes (:func:`outcome`
    makes the note). A new title goes into the upload history too (``store``), so the History page shows it.
    Blocks: not on a GUI thread."""
    results: dict[str, VodError | None] = {}
    title = changes.get("title")
    for ref in videos:
        try:
            error = update_video(sessions(ref.profile), ref.video_id, changes)
        except VodError as err:  # the profile is unusable (deleted, no secret in the keychain...)
            error = err
        results[ref.video_id] = error
        if error is None and title and store is not None:
            store.update_history_title(ref.video_id, str(title))
    return results
