"""``vodgui diagnostics [ZIP]``: the support bundle the desktop app's Log page saves, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vodgui.cli.common import open_workspace, setup_logging
from vodgui.core.diagnostics import build_diagnostics, default_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("diagnostics", help="write a zip for support: logs, settings, versions, failed requests "
                       "(secrets removed)")
    p.add_argument("output", nargs="?", help="the zip to write (default: vodgui-diagnostics-DATE.zip here)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    setup_logging()
    out = Path(args.output or default_name()).resolve()
    with open_workspace(args.home) as ws:
        result = build_diagnostics(ws, None, out)
    print(str(result.path))
    print(f"{len(result.members)} files, {len(result.request_ids)} request ids", file=sys.stderr)
    return 0
