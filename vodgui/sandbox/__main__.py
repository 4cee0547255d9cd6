"""``python -m vodgui.sandbox [--port N] [--data-dir DIR] [--seed S] [--set NAME=VALUE]``.

The same as ``vodgui sandbox`` (:mod:`vodgui.sandbox.cli`) without importing the rest of the app: prints the
connection facts as one JSON line on stdout, then serves until SIGTERM or SIGINT. Benches and end-to-end tests
start it as a subprocess and read that line.
"""

from __future__ import annotations

from vodgui.sandbox.cli import run

if __name__ == "__main__":
    raise SystemExit(run())
