"""The account's catalog for pickers: categories (GetCategories / AddCategory), transcoding template groups
(ListTranscodeTemplateGroup) and applications (ListAppInfo), fetched with a profile's VOD client and cached.

VOD has no API that lists workflows or storage locations (the 2017-03-21 SDK has SubmitWorkflowJob and
AddVodStorageForApp, no List*): those stay free fields, checked by :func:`check_workflow_id` and
:func:`check_storage_location` so a typo is caught before an upload is created.

The cache is one JSON file per profile in the data folder (``catalog/<profile>.json``); pickers show it at once
and refresh on request. Blocking calls: run them off the GUI thread.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aliyunsdkvod.request.v20170321.AddCategoryRequest import AddCategoryRequest
from aliyunsdkvod.request.v20170321.GetCategoriesRequest import GetCategoriesRequest
from aliyunsdkvod.request.v20170321.ListAppInfoRequest import ListAppInfoRequest

from vodgui.core.errors import config_error
from vodgui.core.paths import atomic_write_json
from vodgui.core.playback import require_vod
from vodgui.core.playback_lab import template_groups
from vodgui.core.vod import VodApi

ROOT = -1
PAGE = 100
#: Categories have three levels; a tree walk stops there whatever the service says.
MAX_DEPTH = 3
_WORKFLOW = re.compile(r"^[0-9a-f]{32}$")
_STORAGE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}\.oss-[a-z0-9-]+\.aliyuncs\.com$")


@dataclass(frozen=True)
class CategoryEntry:
    cate_id: int
    name: str
    parent_id: int
    level: int
    type: str = "default"
    #: "Movies / Trailers": the names from the top, for a flat picker.
    path: str = ""


@dataclass(frozen=True)
class TemplateGroupEntry:
    group_id: str
    name: str
    is_default: bool


@dataclass(frozen=True)
class AppEntry:
    app_id: str
    name: str
    type: str
    status: str


@dataclass
class Catalog:
    categories: list[CategoryEntry] = field(default_factory=list)
    template_groups: list[TemplateGroupEntry] = field(default_factory=list)
    apps: list[AppEntry] = field(default_factory=list)
    fetched_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"categories": [asdict(c) for c in self.categories],
                "template_groups": [asdict(t) for t in self.template_groups],
                "apps": [asdict(a) for a in self.apps], "fetched_at": self.fetched_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalog:
        return cls([CategoryEntry(**c) for c in data.get("categories", [])],
                   [TemplateGroupEntry(**t) for t in data.get("template_groups", [])],
                   [AppEntry(**a) for a in data.get("apps", [])], data.get("fetched_at"))


def _sub_list(data: dict[str, Any]) -> list[dict[str, Any]]:
    subs = data.get("SubCategories") or {}
    raw = subs.get("Category") if isinstance(subs, dict) else subs
    return [c for c in raw or [] if isinstance(c, dict)]


def categories(vod: VodApi | None, *, kind: str = "default") -> list[CategoryEntry]:
    """Every category of ``kind``, parents before children, each with its full path."""
    api = require_vod(vod)
    found: list[CategoryEntry] = []

    def walk(parent: int, prefix: str, depth: int) -> None:
        page = 1
        while True:
            data = api.call(GetCategoriesRequest, {"CateId": parent, "PageNo": page, "PageSize": PAGE,
                                                   "SortBy": "CreationTime:Asc", "Type": kind})
            subs = _sub_list(data)
            for raw in subs:
                name = str(raw.get("CateName") or "")
                entry = CategoryEntry(int(raw["CateId"]), name, int(raw.get("ParentId", parent)),
                                      int(raw.get("Level", depth)), str(raw.get("Type") or kind),
                                      f"{prefix} / {name}" if prefix else name)
                found.append(entry)
                if depth + 1 < MAX_DEPTH and int(raw.get("SubTotal") or 0) > 0:
                    walk(entry.cate_id, entry.path, depth + 1)
            total = int(data.get("SubTotal") or 0)
            if not subs or page * PAGE >= total:
                return
            page += 1

    walk(ROOT, "", 0)
    return found


def add_category(vod: VodApi | None, name: str, parent_id: int | None = None, *,
                 kind: str = "default") -> CategoryEntry:
    data = require_vod(vod).call(AddCategoryRequest, {"CateName": name, "ParentId": parent_id or ROOT,
                                                      "Type": kind})
    raw = data.get("Category") or {}
    return CategoryEntry(int(raw["CateId"]), str(raw.get("CateName") or name), int(raw.get("ParentId", ROOT)),
                         int(raw.get("Level", 0)), str(raw.get("Type") or kind), str(raw.get("CateName") or name))


def transcode_groups(vod: VodApi | None) -> list[TemplateGroupEntry]:
    return [TemplateGroupEntry(g.group_id, g.name, g.is_default) for g in template_groups(vod)]


def apps(vod: VodApi | None) -> list[AppEntry]:
    api = require_vod(vod)
    found: list[AppEntry] = []
    page = 1
    while True:
        data = api.call(ListAppInfoRequest, {"PageNo": page, "PageSize": PAGE})
        raw = data.get("AppInfoList") or []
        if isinstance(raw, dict):
            raw = raw.get("AppInfo") or []
        found += [AppEntry(str(a.get("AppId") or ""), str(a.get("AppName") or ""), str(a.get("Type") or ""),
                           str(a.get("Status") or "")) for a in raw if isinstance(a, dict)]
        if not raw or page * PAGE >= int(data.get("Total") or 0):
            return found
        page += 1


def fetch(vod: VodApi | None) -> Catalog:
    """The whole catalog (several calls)."""
    return Catalog(categories(vod), transcode_groups(vod), apps(vod), time.time())


class CatalogCache:
    """The last catalog fetched for each profile."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "catalog"

    def _path(self, profile: str) -> Path:
        safe = re.sub(r"[^\w.-]", "_", profile) or "_"
        return self.root / f"{safe}.json"

    def load(self, profile: str) -> Catalog | None:
        try:
            return Catalog.from_json(json.loads(self._path(profile).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def save(self, profile: str, catalog: Catalog) -> None:
        atomic_write_json(self._path(profile), catalog.to_json())

    def refresh(self, profile: str, vod: VodApi | None) -> Catalog:
        catalog = fetch(vod)
        self.save(profile, catalog)
        return catalog


def check_workflow_id(value: str) -> str:
    """A workflow id as the console shows it (32 lower-case hex digits), or ''."""
    value = value.strip()
    if value and not _WORKFLOW.match(value):
        raise config_error("InvalidWorkflowId")
    return value


def check_storage_location(value: str) -> str:
    """A storage location as the console shows it (``outin-....oss-<region>.aliyuncs.com``), or ''."""
    value = value.strip()
    if value and not _STORAGE.match(value):
        raise config_error("InvalidStorageLocation")
    return value
