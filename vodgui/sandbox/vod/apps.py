"""Per-application settings of VOD: the PlayKey of JWTPlayAuth (GetAppPlayKey / SetAppPlayKey) and the
transcoding template groups (ListTranscodeTemplateGroup / GetTranscodeTemplateGroup).

A JWTPlayAuth is an HS256 JWT that the customer's app server signs with the application's PlayKey (claims
``appId``, ``videoId``, ``currentTimeStamp``/``expireTimeStamp`` in milliseconds, ``regionId``,
``playContentInfo``); the player SDK (>= 7.10) hands it to VOD, which verifies it with the same key. How the
player presents it on the wire is not public (UNCONFIRMED), so the sandbox only keeps the key; clients verify
JWTs themselves with the key from GetAppPlayKey (docs/protocols.md, "JWTPlayAuth").
"""

from __future__ import annotations

import re
import threading
from typing import Any

from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.rpc import Handler, RpcContext
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.models import PLAY_KEY_KIND as STORE_KIND
from vodgui.sandbox.vod.models import VodModel

#: GetAppPlayKey docs: "only upper- and lower-case letters and digits, 8 to 20 characters".
_PLAY_KEY = re.compile(r"^[A-Za-z0-9]{8,20}$")


class PlayKeys:
    """The PlayKey of each application, created on first use and kept in the state store."""

    def __init__(self, ctx: SandboxContext, records: dict[str, dict[str, Any]]) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        #: The model's dict (loaded from the store at start, emptied by a reset).
        self._records = records

    def get(self, app_id: str) -> dict[str, Any]:
        with self._lock:
            record = self._records.get(app_id)
            if record is None:
                now = iso_utc(self._ctx.clock.now())
                record = {"AppId": app_id, "PlayKey": self._ctx.ids.alnum(17), "CreationTime": now,
                          "ModificationTime": now}
                self._records[app_id] = record
                self._ctx.store.put(STORE_KIND, app_id, record)
            return dict(record)

    def set(self, app_id: str, play_key: str) -> None:
        if not _PLAY_KEY.match(play_key):
            raise errors.play_key_invalid()
        record = self.get(app_id)
        with self._lock:
            record.update(PlayKey=play_key, ModificationTime=iso_utc(self._ctx.clock.now()))
            self._records[app_id] = record
            self._ctx.store.put(STORE_KIND, app_id, record)


def app_actions(ctx: SandboxContext, model: VodModel) -> dict[str, Handler]:
    keys = PlayKeys(ctx, model.play_keys)

    def get_app_play_key(rpc: RpcContext) -> dict[str, Any]:
        return {"AppPlayKey": keys.get(v.check_app_id(rpc))}

    def set_app_play_key(rpc: RpcContext) -> dict[str, Any]:
        keys.set(v.check_app_id(rpc), rpc.require("PlayKey"))
        return {}

    def list_template_groups(rpc: RpcContext) -> dict[str, Any]:
        v.check_app_id(rpc)
        groups = [g.to_json(model.default_template_group_id) for g in model.template_groups.values()]
        for group in groups:
            group.pop("TranscodeTemplateList")  # the list answer gives the groups only
        return {"TranscodeTemplateGroupList": groups}

    def get_template_group(rpc: RpcContext) -> dict[str, Any]:
        group = model.template_groups.get(rpc.require("TranscodeTemplateGroupId"))
        if group is None:
            raise errors.template_group_not_found()
        return {"TranscodeTemplateGroup": group.to_json(model.default_template_group_id)}

    return {"GetAppPlayKey": get_app_play_key, "SetAppPlayKey": set_app_play_key,
            "ListTranscodeTemplateGroup": list_template_groups, "GetTranscodeTemplateGroup": get_template_group}
