"""``vodgui sandbox``: run the sandbox in the foreground and print its connection facts as one JSON line."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from types import FrameType

from vodgui.sandbox.server import SandboxServer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default: a free port)")
    parser.add_argument("--data-dir", default=None,
                        help="keep videos, objects and keys here across restarts (default: in memory)")
    parser.add_argument("--seed", default=None, help="make generated keys and IDs reproducible")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a setting, e.g. --set upload_auth_ttl=60 --set min_part_size=1024")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request on stderr")


def run_from_args(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings: dict[str, str] = {}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"vodgui sandbox: --set expects NAME=VALUE, got {item!r}", file=sys.stderr)
            return 2
        settings[name.strip()] = value.strip()
    try:
        server = SandboxServer(port=args.port, data_dir=args.data_dir, seed=args.seed, settings=settings or None)
    except KeyError as exc:
        print(f"vodgui sandbox: unknown setting {exc.args[0]!r}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"vodgui sandbox: {exc}", file=sys.stderr)
        return 2
    try:
        server.start()
    except OSError as exc:
        print(f"vodgui sandbox: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}. "
              "Choose another --port or stop the program using it.", file=sys.stderr)
        return 1
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    print(json.dumps(server.info()), flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vodgui sandbox", description=__doc__)
    add_arguments(parser)
    return run_from_args(parser.parse_args(argv))
