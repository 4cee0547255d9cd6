"""``vodgui catalog categories|templates|apps [--profile P] [--json] [--cached]`` and
``vodgui catalog add-category NAME [--parent ID]``: what the account offers for an upload's metadata (the same
lists the desktop app's pickers show, from the same cache)."""

from __future__ import annotations

import argparse
import logging
from dataclasses import asdict
from typing import Any

from vodgui.cli.common import (
    error_text,
    fail,
    open_workspace,
    print_json,
    profile_name,
    setup_logging,
    stop_builtin_sandbox,
)
from vodgui.core import catalog as cat
from vodgui.core.errors import VodError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("catalog", help="list the account's categories, transcode template groups and apps",
                       description="List what the profile's account offers for an upload's metadata: categories "
                                   "(GetCategories), transcode template groups (ListTranscodeTemplateGroup) and "
                                   "applications (ListAppInfo). Workflows and storage locations have no list API.")
    p.add_argument("what", choices=("categories", "templates", "apps", "add-category"))
    p.add_argument("name", nargs="?", help="add-category: the new category's name")
    p.add_argument("--parent", type=int, help="add-category: the parent category id (default: a top category)")
    p.add_argument("--profile", help="profile name (default: the default profile)")
    p.add_argument("--json", action="store_true", help="one JSON object per entry")
    p.add_argument("--cached", action="store_true", help="what was fetched last time, without calling VOD")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    if not args.verbose:
        logging.getLogger("aliyunsdkcore.client").setLevel(logging.CRITICAL)
    if args.what == "add-category" and not args.name:
        return fail("add-category needs the category's name", 2)
    try:
        with open_workspace(args.home) as ws:
            name = profile_name(ws, args.profile)
            if name is None:
                return 2
            cache = cat.CatalogCache(ws.dirs.data)
            if args.cached:
                catalog = cache.load(name)
                if catalog is None:
                    return fail(f"nothing cached for {name}: run without --cached first", 1)
            else:
                vod = ws.sessions(name).vod
                if args.what == "add-category":
                    entry = cat.add_category(vod, args.name, args.parent)
                    _print(args, [asdict(entry)], lambda e: f"{e['cate_id']}  {e['name']}")
                    cache.refresh(name, vod)
                    return 0
                catalog = cache.refresh(name, vod)
    except VodError as err:
        return fail(error_text(err), 2)
    finally:
        stop_builtin_sandbox()
    if args.what == "categories":
        _print(args, [asdict(c) for c in catalog.categories], lambda e: f"{e['cate_id']:>12}  {e['path']}")
    elif args.what == "templates":
        _print(args, [asdict(t) for t in catalog.template_groups],
               lambda e: f"{e['group_id']}  {e['name']}{'  (default)' if e['is_default'] else ''}")
    else:
        _print(args, [asdict(a) for a in catalog.apps], lambda e: f"{e['app_id']}  {e['name']}  {e['status']}")
    return 0


def _print(args: argparse.Namespace, entries: list[dict[str, Any]], text: Any) -> None:
    for entry in entries:
        if args.json:
            print_json(entry)
        else:
            print(text(entry))
