"""A screen reader's view over AT-SPI (run with the system python3: python3-gi and gir1.2-atspi-2.0).

    python3 tools/atspi/listen.py EVENTS.log TREE.tsv DUMP_AFTER_S QUIT_AFTER_S

Prints every announcement and accessible-name change the desktop's applications send to EVENTS.log, and after
DUMP_AFTER_S seconds writes the controls of their windows to TREE.tsv (role, name, description, showing,
focusable, path). tools/atspi/run.sh starts it beside the app.
"""

import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

CONTROLS = {"push button", "toggle button", "check box", "radio button", "text", "password text", "combo box",
            "spin button", "slider", "table", "tree table", "tree", "list", "page tab list", "entry", "menu item"}


def main() -> None:
    events_path, tree_path, dump_after, quit_after = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    Atspi.init()
    out = open(events_path, "w", buffering=1, encoding="utf-8")  # noqa: SIM115 - open while the loop runs
    start = time.time()

    def on_event(event: Atspi.Event) -> None:
        try:
            role, name = event.source.get_role_name(), event.source.get_name()
        except Exception as exc:  # an object gone meanwhile
            role, name = "?", f"({exc})"
        data = event.any_data if isinstance(event.any_data, str) else ""
        out.write(f"{time.time() - start:6.2f}\t{event.type}\tdetail1={event.detail1}\t{role}\t{name!r}\t{data!r}\n")

    listener = Atspi.EventListener.new(on_event)
    for kind in ("object:announcement", "object:property-change:accessible-name"):
        listener.register(kind)

    def dump() -> bool:
        rows: list[str] = []

        def walk(node: Atspi.Accessible, path: str) -> None:
            try:
                role, name = node.get_role_name(), node.get_name()
                states = node.get_state_set()
            except Exception:
                return
            if role in CONTROLS:
                showing = "showing" if states.contains(Atspi.StateType.SHOWING) else "hidden"
                focusable = "focusable" if states.contains(Atspi.StateType.FOCUSABLE) else ""
                rows.append("\t".join((role, name, node.get_description() or "", showing, focusable, path)))
                if role in ("table", "tree table", "list", "tree", "combo box"):
                    return  # its items: the view's name is what is checked here
            for i in range(min(node.get_child_count(), 300)):
                child = node.get_child_at_index(i)
                if child is not None:
                    walk(child, f"{path}/{role}")

        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None:
                walk(app, app.get_name())
        with open(tree_path, "w", encoding="utf-8") as f:
            f.write("".join(r + "\n" for r in rows))
        shown = [r for r in rows if r.split("\t")[3] == "showing"]
        unnamed = [r for r in shown if not r.split("\t")[1]]
        out.write(f"dump: {len(rows)} controls, {len(shown)} showing, {len(unnamed)} of those unnamed\n")
        return False

    GLib.timeout_add_seconds(dump_after, dump)
    GLib.timeout_add_seconds(quit_after, lambda: (Atspi.event_quit(), False)[1])
    Atspi.event_main()


if __name__ == "__main__":
    main()
