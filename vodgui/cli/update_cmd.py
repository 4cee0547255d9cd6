"""``vodgui update check``: ask the release feed whether a newer vodgui exists (the app's check, on demand)."""

from __future__ import annotations

import argparse

from vodgui.cli.common import fail, print_json, setup_logging
from vodgui.core.paths import app_dirs
from vodgui.core.settings import SettingsStore
from vodgui.core.update_check import FEED_ENV, Outcome, check_feed, feed_url
from vodgui.core.update_feed import current_platform, preferred_kinds


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("update", help="check for a newer release (never downloads or installs anything)")
    usub = p.add_subparsers(dest="update_command", metavar="ACTION", required=True)
    chk = usub.add_parser("check", help="read the signed release feed and say whether a newer version exists",
                          description="Read the release feed, verify its Ed25519 signature and compare versions. "
                                      f"The feed: --feed, else ${FEED_ENV}, else the app's setting, else the "
                                      "project's. Exit status 0 when the feed was verified (newer or not), "
                                      "1 when it was refused or could not be read.")
    chk.add_argument("--feed", metavar="URL", help="the feed's URL (an internal mirror, for example)")
    chk.add_argument("--json", action="store_true", help="print one JSON object")
    chk.add_argument("-v", "--verbose", action="store_true")
    chk.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    setup_logging(args.verbose)
    url = args.feed or feed_url(SettingsStore(app_dirs(args.home).config).load().update_feed_url)
    result = check_feed(url)
    if args.json:
        print_json(result.to_json())
    elif result.outcome is Outcome.AVAILABLE and result.release is not None:
        release = result.release
        print(f"vodgui {release.version} is available (installed {result.installed}), released {release.date}.")
        if release.notes:
            print(release.notes)
        link = release.download_url(current_platform(), preferred_kinds())
        if link:
            print(f"Download: {link}")
    elif result.outcome is Outcome.CURRENT:
        print(f"vodgui {result.installed} is the newest release.")
    else:
        what = "refused" if result.outcome is Outcome.REFUSED else "could not be read"
        return fail(f"the update feed {what} ({result.reason}): {result.detail}")
    return 0 if result.outcome in (Outcome.AVAILABLE, Outcome.CURRENT) else 1
