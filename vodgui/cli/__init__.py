"""The command line: ``vodgui`` (the app), ``vodgui sandbox``, ``vodgui profiles``, ``vodgui upload``,
``vodgui queue``, ``vodgui playauth``, ``vodgui playinfo``, ``vodgui urlsign``, ``vodgui update``,
``vodgui diagnostics``,
``vodgui watch``, ``vodgui catalog``, ``vodgui history``. The same core and profiles as the desktop app."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from vodgui.core.home_faults import home_fault
from vodgui.core.paths import app_dirs


def build_parser() -> argparse.ArgumentParser:
    from vodgui.cli import (
        catalog_cmd,
        diagnostics_cmd,
        history_cmd,
        playauth_cmd,
        playinfo_cmd,
        profiles_cmd,
        queue_cmd,
        update_cmd,
        upload_cmd,
        urlsign_cmd,
        watch_cmd,
    )
    from vodgui.sandbox import cli as sandbox_cli

    parser = argparse.ArgumentParser(
        prog="vodgui",
        description="Upload to Alibaba Cloud ApsaraVideo VOD and test playback authorization. Without a command "
                    "the desktop app starts.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--verbose", action="store_true",
                        help="with --version: also Python, Qt and the checksum backend (what a bug report needs)")
    parser.add_argument("--smoke", action="store_true",
                        help="start the app on the built-in sandbox, upload, play back, and exit 0 if all worked")
    parser.add_argument("--home", default=None, help="use this folder for config, data and logs (like VODGUI_HOME)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sb = sub.add_parser("sandbox", help="run the offline VOD + STS + OSS sandbox in the foreground",
                        description="Run the sandbox; prints one JSON line with its endpoints and keys.")
    sandbox_cli.add_arguments(sb)
    sb.set_defaults(func=lambda args: sandbox_cli.run_from_args(args))
    profiles_cmd.register(sub)
    upload_cmd.register(sub)
    queue_cmd.register(sub)
    playauth_cmd.register(sub)
    playinfo_cmd.register(sub)
    urlsign_cmd.register(sub)
    update_cmd.register(sub)
    diagnostics_cmd.register(sub)
    watch_cmd.register(sub)
    catalog_cmd.register(sub)
    history_cmd.register(sub)
    return parser


def desktop_files(argv: list[str], commands: set[str]) -> list[str] | None:
    """``vodgui [--home DIR] FILE...`` (the desktop file's ``Exec=vodgui %F``: a file manager's "Open with"):
    the files to queue in the app, or None when ``argv`` names a command (or nothing)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--home")
    pre.add_argument("--smoke", action="store_true")
    _known, rest = pre.parse_known_args(argv)
    if not rest or rest[0] in commands or rest[0].startswith("-"):
        return None
    return rest


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    commands = {name for action in parser._subparsers._group_actions  # type: ignore[union-attr]
                for name in getattr(action, "choices", None) or {}}
    files = desktop_files(argv, commands)
    if files is not None:
        if any(f.startswith("-") for f in files):
            parser.error("options go before the files to open")
        args = parser.parse_args([a for a in argv if a not in files])
        from vodgui.app import run_app

        return run_app(smoke=args.smoke, home=args.home, files=files)
    args = parser.parse_args(argv)
    if args.version:
        from vodgui.cli.version import version_lines

        print("\n".join(version_lines(verbose=args.verbose)))
        return 0
    func = getattr(args, "func", None)
    if func is None:
        from vodgui.app import run_app

        return run_app(smoke=args.smoke, home=args.home)
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (OSError, sqlite3.Error) as exc:
        # A full or read-only home: say which folder and what to free, not a traceback.
        fault = home_fault(exc, app_dirs(args.home))
        if fault is None:
            raise
        print(f"vodgui: {fault.message}", file=sys.stderr)
        return 2
