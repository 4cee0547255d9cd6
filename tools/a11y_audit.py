"""Count the controls a screen reader cannot name, and dump what it gets, for the main window and every dialog.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/a11y_audit.py [--lang en|zh_CN] [--dump FILE] [--all]

Builds the window on a private sandbox (tools/screenshots.py's ``demo_window``), opens every dialog
(tests/helpers/a11y.py's ``open_every_dialog``) and a confirmation box, and walks them as
tests/unit/ui/test_accessibility_walk.py does. Prints each unnamed operable control and, last, one JSON line:
``{"lang", "operable", "unnamed", "qt_internal"}``. ``--dump`` writes one line per operable control (role, name,
description, widget path): the list a screen reader user tabs and reads through; ``--all`` lists named ones too
on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from tests.helpers import a11y
    from tools.screenshots import demo_window
    from vodgui.ui import i18n
    from vodgui.ui.main_window import MainWindow

    i18n.install_translators(app, args.lang)
    with demo_window() as window:
        dialogs = a11y.open_every_dialog(window)
        roots = [window, *dialogs]
        found = a11y.controls(roots)
        found += a11y.walk_modal(lambda: MainWindow.ask_pause_on_quit(window, 2))
        internal = a11y.internal(roots)
        a11y.close_all(dialogs)
    unnamed = [c for c in found if not c.name]
    for c in found if args.all else unnamed:
        print(f"{'UNNAMED ' if not c.name else ''}{c.role:<12} {c.name!r:<40} {c.path}")
    if args.dump:
        args.dump.write_text("".join(f"{c.role}\t{c.name}\t{c.description}\t{c.path}\n" for c in found),
                             encoding="utf-8")
    print(json.dumps({"lang": args.lang, "operable": len(found), "unnamed": len(unnamed),
                      "qt_internal": len(internal)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
