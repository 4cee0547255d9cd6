"""``vodgui upload`` of a file the profile's account already has: skipped, with the existing id (the ledger)."""

from __future__ import annotations

import os
from typing import Any

from vodgui.core.ledger import account_key, ledger_kind
from vodgui.core.media_items import KIND_URL
from vodgui.core.profiles import Profile
from vodgui.core.store import ItemRecord, NewItem
from vodgui.core.workspace import Workspace

SKIPPED_NOTE = "already uploaded to this account; --again uploads it anyway"


def skip_uploaded(ws: Workspace, profile: Profile, wanted: list[NewItem],
                  unfinished: dict[tuple[str, str, str], ItemRecord], *,
                  again: bool) -> tuple[list[NewItem], list[dict[str, Any]]]:
    """``wanted`` without the files the ledger says this profile's account already has, and one ``skipped``
    result for each of those. Items with an unfinished upload are kept (they resume), as are URLs.

    The account is learned here (GetCallerIdentity, once per profile) even with ``again``, so the upload can be
    recorded when it finishes.
    """
    session = ws.sessions.build(profile)
    account_key(session)
    if again or session.ledger is None:
        return wanted, []
    keep: list[NewItem] = []
    skipped: list[dict[str, Any]] = []
    for item in wanted:
        if item.kind == KIND_URL or (item.path, profile.name, item.kind) in unfinished:
            keep.append(item)
            continue
        try:
            st = os.stat(item.path)
        except OSError:
            keep.append(item)  # the job reports it
            continue
        entry = session.ledger.find(item.path, st.st_size, st.st_mtime_ns, kind=ledger_kind(item.kind, item.extra))
        if entry is None:
            keep.append(item)
            continue
        skipped.append({"file": item.path, "job_id": None, "video_id": entry.media_id, "state": "skipped",
                        "title": None, "size": st.st_size, "error": None, "note": SKIPPED_NOTE,
                        "kind": item.kind, "same_content": entry.same_content})
    return keep, skipped
