"""Run a sandbox as its own process: ``python -m vodgui.sandbox [--port N] [--data-dir DIR] [--seed S]``.

Prints the connection facts (:meth:`SandboxServer.info`) as one JSON line on stdout, then serves until SIGTERM or
SIGINT. Benches and end-to-end tests start it as a subprocess and read that line; ``vodgui sandbox`` wraps
:func:`run`.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

from vodgui.sandbox.server import SandboxServer


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, not {text!r}")
    return name, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m vodgui.sandbox",
                                     description="Offline loopback VOD + STS + OSS service for vodgui.")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--data-dir", default=None, help="keep state and objects here across restarts")
    parser.add_argument("--seed", default=None, help="make generated keys and IDs reproducible")
    parser.add_argument("--set", dest="settings", action="append", type=_setting, default=[], metavar="NAME=VALUE",
                        help="override a setting, e.g. --set min_part_size=1024 (repeatable)")
    parser.add_argument("--log-level", default="WARNING", help="Python logging level (default WARNING)")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Start a sandbox, print its info as one JSON line, serve until SIGTERM/SIGINT. Returns the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings: dict[str, Any] = dict(args.settings)
    try:
        server = SandboxServer(args.host, args.port, args.data_dir, seed=args.seed, settings=settings or None)
    except (KeyError, ValueError) as exc:
        print(f"vodgui sandbox: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    server.start()
    try:
        print(json.dumps(server.info()), flush=True)
        # A bounded wait keeps the main thread responsive to signals on every platform.
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
