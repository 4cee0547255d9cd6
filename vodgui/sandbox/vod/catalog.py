"""The account's catalog: media categories (GetCategories, AddCategory) and VOD applications (ListAppInfo).

Shapes follow the API references (docs/protocols.md, "Catalog"):

- a category has ``CateId``, ``CateName`` (at most 64 UTF-8 bytes), ``ParentId`` (-1 for a level-1 category),
  ``Level`` (0, 1, 2: three levels at most) and ``Type`` (``default`` for audio/video/image, ``material`` for
  short-video material); GetCategories answers the category asked for (``CateId``; -1 or none: the root) with
  one page of its direct children (``SubCategories.Category``, each with its own ``SubTotal``), PageSize at most
  100, sorted by creation time (``SortBy`` ``CreationTime:Desc``, the default, or ``:Asc``);
- ListAppInfo lists the applications (the sandbox has the system default one) with ``Total``.

Every account is seeded with a few categories so pickers have something to show. UNCONFIRMED: the error codes
for an unknown category or parent and for a fourth level are not published; the sandbox answers
``InvalidCateId.NotFound`` (404) and ``Forbidden.CategoryLevelExceeded`` (403).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.rpc import Handler, RpcContext, RpcError, invalid
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import validation as v

STORE_KIND = "vod-category"
ROOT = -1
MAX_NAME_BYTES = 64
MAX_LEVEL = 2
TYPES = ("default", "material")
#: (name, parent index or None, type) of the categories every account starts with.
SEED = (("Movies", None, "default"), ("News", None, "default"), ("Sports", None, "default"),
        ("Trailers", 0, "default"), ("Highlights", 2, "default"), ("Stock footage", None, "material"))
FIRST_ID = 1000001


def category_not_found() -> RpcError:
    return RpcError(404, "InvalidCateId.NotFound", "The specified CateId does not exist.")


def level_exceeded() -> RpcError:
    return RpcError(403, "Forbidden.CategoryLevelExceeded", "A category can have at most 3 levels.")


@dataclass
class Category:
    cate_id: int
    name: str
    parent_id: int
    level: int
    type: str
    created_at: float

    def to_json(self) -> dict[str, Any]:
        return {"CateId": self.cate_id, "CateName": self.name, "ParentId": self.parent_id, "Level": self.level,
                "Type": self.type}


class Categories:
    """The categories of one sandbox (state and rules; no HTTP)."""

    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._items: dict[int, Category] = {}
        stored = ctx.store.load(STORE_KIND)
        if stored:
            for data in stored.values():
                cat = Category(**data)
                self._items[cat.cate_id] = cat
        else:
            self._seed()

    def _seed(self) -> None:
        now = self._ctx.clock.now()
        ids: list[int] = []
        for i, (name, parent, kind) in enumerate(SEED):
            parent_id = ROOT if parent is None else ids[parent]
            level = 0 if parent is None else self._items[parent_id].level + 1
            cat = Category(FIRST_ID + i, name, parent_id, level, kind, now + i / 1000)
            ids.append(cat.cate_id)
            self._put(cat)

    def _put(self, cat: Category) -> None:
        self._items[cat.cate_id] = cat
        self._ctx.store.put(STORE_KIND, str(cat.cate_id), asdict(cat))

    def reset(self) -> None:
        with self._lock:
            self._items.clear()
            self._seed()

    def get(self, cate_id: int) -> Category | None:
        with self._lock:
            return self._items.get(cate_id)

    def add(self, name: str, parent_id: int, kind: str) -> Category:
        v.check_text("CateName", name, MAX_NAME_BYTES)
        with self._lock:
            level = 0
            if parent_id != ROOT:
                parent = self._items.get(parent_id)
                if parent is None:
                    raise category_not_found()
                if parent.level >= MAX_LEVEL:
                    raise level_exceeded()
                level, kind = parent.level + 1, parent.type
            cat = Category(max(self._items, default=FIRST_ID - 1) + 1, name, parent_id, level, kind,
                           self._ctx.clock.now())
            self._put(cat)
            return cat

    def children(self, parent_id: int, kind: str | None) -> list[Category]:
        with self._lock:
            return [c for c in self._items.values()
                    if c.parent_id == parent_id and (kind is None or c.type == kind)]


def catalog_actions(ctx: SandboxContext, categories: Categories) -> dict[str, Handler]:
    def _type(rpc: RpcContext) -> str | None:
        kind = rpc.get("Type")
        if kind is not None and kind not in TYPES:
            raise invalid("Type")
        return kind

    def get_categories(rpc: RpcContext) -> dict[str, Any]:
        cate_id = rpc.int_param("CateId", ROOT)
        page_no = rpc.int_param("PageNo", 1, lo=1) or 1
        page_size = rpc.int_param("PageSize", 10, lo=1, hi=100) or 10
        sort_by = rpc.get("SortBy") or "CreationTime:Desc"
        if sort_by not in ("CreationTime:Desc", "CreationTime:Asc"):
            raise invalid("SortBy")
        kind = _type(rpc) or "default"  # UNCONFIRMED: that an absent Type means "default", not both
        assert cate_id is not None
        if cate_id == ROOT:
            category: dict[str, Any] = {"CateId": ROOT, "CateName": "", "ParentId": 0, "Level": -1,
                                        "Type": kind}
        else:
            found = categories.get(cate_id)
            if found is None:
                raise category_not_found()
            category = found.to_json()
        subs = sorted(categories.children(cate_id, kind), key=lambda c: (c.created_at, c.cate_id),
                      reverse=sort_by.endswith("Desc"))
        page = subs[(page_no - 1) * page_size:page_no * page_size]
        return {"Category": category, "SubTotal": len(subs),
                "SubCategories": {"Category": [
                    {**c.to_json(), "SubTotal": len(categories.children(c.cate_id, None))} for c in page]}}

    def add_category(rpc: RpcContext) -> dict[str, Any]:
        name = rpc.require("CateName")
        parent_id = rpc.int_param("ParentId", ROOT)
        assert parent_id is not None
        cat = categories.add(name, parent_id if parent_id > 0 else ROOT, _type(rpc) or "default")
        return {"Category": cat.to_json()}

    def list_app_info(rpc: RpcContext) -> dict[str, Any]:
        status = rpc.get("Status")
        if status is not None and status not in ("Normal", "Disable"):
            raise invalid("Status")
        page_no = rpc.int_param("PageNo", 1, lo=1) or 1
        page_size = rpc.int_param("PageSize", 10, lo=1, hi=100) or 10
        created = iso_utc(0)
        apps = [{"AppId": v.DEFAULT_APP_ID, "AppName": "Default", "Type": "System", "Status": "Normal",
                 "Description": "The default application", "CreationTime": created,
                 "ModificationTime": created, "RegionId": ctx.config.region}]
        apps = [a for a in apps if status is None or a["Status"] == status]
        return {"AppInfoList": apps[(page_no - 1) * page_size:page_no * page_size], "Total": len(apps)}

    return {"GetCategories": get_categories, "AddCategory": add_category, "ListAppInfo": list_app_info}
