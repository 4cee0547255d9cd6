"""The sandbox's catalog actions through the official SDK: GetCategories / AddCategory / ListAppInfo shapes,
paging and the errors a picker must explain."""

from __future__ import annotations

from typing import Any

from aliyunsdkvod.request.v20170321.AddCategoryRequest import AddCategoryRequest
from aliyunsdkvod.request.v20170321.GetCategoriesRequest import GetCategoriesRequest
from aliyunsdkvod.request.v20170321.ListAppInfoRequest import ListAppInfoRequest

from tests.helpers.vod import vod, vod_error
from vodgui.sandbox import SandboxServer


def get_categories(info: dict[str, Any], **params: Any) -> dict[str, Any]:
    req = GetCategoriesRequest()
    for name, value in params.items():
        req.add_query_param(name, value)
    return vod(info, req)


def add_category(name: str, parent: int | None = None, kind: str | None = None) -> AddCategoryRequest:
    req = AddCategoryRequest()
    req.set_CateName(name)
    if parent is not None:
        req.set_ParentId(parent)
    if kind is not None:
        req.set_Type(kind)
    return req


def test_seeded_categories_tree_and_paging(info: dict, sandbox: SandboxServer) -> None:
    root = get_categories(info, CateId=-1, SortBy="CreationTime:Asc")
    names = [c["CateName"] for c in root["SubCategories"]["Category"]]
    assert names == ["Movies", "News", "Sports"] and root["SubTotal"] == 3
    movies = root["SubCategories"]["Category"][0]
    assert movies["Level"] == 0 and movies["ParentId"] == -1 and movies["SubTotal"] == 1
    assert movies["Type"] == "default"
    child = get_categories(info, CateId=movies["CateId"])
    assert child["Category"]["CateName"] == "Movies"
    assert [c["CateName"] for c in child["SubCategories"]["Category"]] == ["Trailers"]
    material = get_categories(info, Type="material")
    assert [c["CateName"] for c in material["SubCategories"]["Category"]] == ["Stock footage"]
    page = get_categories(info, PageSize=2, PageNo=2, SortBy="CreationTime:Asc")
    assert [c["CateName"] for c in page["SubCategories"]["Category"]] == ["Sports"] and page["SubTotal"] == 3


def test_add_category_levels_and_errors(info: dict, sandbox: SandboxServer) -> None:
    top = vod(info, add_category("Shows"))["Category"]
    assert top["Level"] == 0 and top["ParentId"] == -1 and top["Type"] == "default"
    second = vod(info, add_category("Season 1", top["CateId"]))["Category"]
    third = vod(info, add_category("Episode 1", second["CateId"]))["Category"]
    assert (second["Level"], third["Level"]) == (1, 2)
    deep = vod_error(info, add_category("Too deep", third["CateId"]))
    assert deep.get_error_code() == "Forbidden.CategoryLevelExceeded" and deep.get_http_status() == 403
    orphan = vod_error(info, add_category("Orphan", 424242))
    assert orphan.get_error_code() == "InvalidCateId.NotFound" and orphan.get_http_status() == 404
    long_name = vod_error(info, add_category("分" * 22))  # 66 UTF-8 bytes
    assert long_name.get_error_code() == "LengthExceededMax"
    bad_type = vod_error(info, add_category("x", kind="movies"))
    assert bad_type.get_error_code() == "InvalidType"
    req = GetCategoriesRequest()
    req.set_CateId(424242)
    assert vod_error(info, req).get_error_code() == "InvalidCateId.NotFound"
    # A reset brings back the seeds only.
    sandbox.reset()
    assert get_categories(info)["SubTotal"] == 3


def test_list_app_info(info: dict, sandbox: SandboxServer) -> None:
    apps = vod(info, ListAppInfoRequest())
    assert apps["Total"] == 1
    [app] = apps["AppInfoList"]
    assert app["AppId"] == "app-1000000" and app["Type"] == "System" and app["Status"] == "Normal"
    req = ListAppInfoRequest()
    req.set_Status("Disable")
    assert vod(info, req)["AppInfoList"] == []
