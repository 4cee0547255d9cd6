"""GUI responsiveness with a big queue: 10,000 queued items behind 4 slow running uploads.

Starts the sandbox as a separate process (``python -m vodgui.sandbox``) with a per-connection bandwidth cap so
uploads stay active, opens the real main window offscreen, and:

1. queues 4 large files (they start uploading, slowly);
2. adds a folder of 10,000 small generated files through the Upload page (the path a drop takes: walk and
   history check off the GUI thread, one ``engine.add``), timing it until the 10,000 rows are in the model;
3. lets progress flow for ``--seconds`` while a 5 ms QTimer measures the GUI thread's event-loop stalls (the
   largest gap between two ticks).

It prints the add time, the largest stall during the add and while progress flows, and this process's peak RSS.
Then (unless --no-reopen) it starts the app again on the same queue in a new process, times the load and a
select-all, pause, start and cancel of every row (largest stall of each), and prints that process's peak RSS.

Usage::

    QT_QPA_PLATFORM=offscreen python bench/ui_latency.py
    python bench/ui_latency.py --files 10000 --seconds 20 --in-process   # the built-in sandbox, as in the app

Targets (issue 4): largest stall <= 50 ms while progress flows; adding 10,000 files <= 2 s; peak RSS <= 400 MB.
Issue 14 (``--items 100000``): adding 100,000 <= 10 s, largest stall <= 50 ms (while adding and while progress
flows), peak RSS <= 400 MB, ``vodgui queue list --json`` <= 2 s. Like the app, it freezes the objects that exist
once the window is up (``vodgui.ui.collector``; ``--no-freeze-gc`` leaves that out). The last line is one JSON
object.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import MemoryKeyring, make_file, peak_rss_mb, start_sandbox, stop_sandbox
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from vodgui.core.keychain import SecretStore
from vodgui.core.profiles import SANDBOX_PROFILE, with_transfer
from vodgui.core.transfer.config import KiB, MiB
from vodgui.core.transfer.events import JobState
from vodgui.core.workspace import Workspace
from vodgui.ui.collector import freeze_long_lived


class StallMeter:
    """A 5 ms timer on the GUI thread; the largest gap between ticks is the longest the loop was blocked."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self._last = 0.0
        self.last_tick = 0.0
        self.samples: list[tuple[float, str, list[str]]] = []

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = 0.0
        self.timer.start()

    def _on_tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now
        self.last_tick = time.perf_counter()

    def explain(self, late_ms: float = 40.0) -> None:
        """Diagnostics: a thread that, whenever the next tick is more than ``late_ms`` late, notes where the GUI
        thread and the other busy threads are (printed by :meth:`print_explained`)."""
        import threading
        import traceback

        main = threading.main_thread().ident

        def where(frame: Any) -> str:
            return " < ".join(f"{os.path.basename(f.f_code.co_filename)}:{line}/{f.f_code.co_name}"
                              for f, line in list(traceback.walk_stack(frame))[:6])

        def watch() -> None:
            while True:
                time.sleep(0.005)
                late = (time.perf_counter() - self.last_tick) * 1000
                try:
                    active = self.timer.isActive()
                except RuntimeError:  # the app is closing
                    return
                if active and self.last_tick and late > late_ms:
                    frames = sys._current_frames()
                    others = [where(f) for ident, f in frames.items() if ident not in (main, threading.get_ident())]
                    self.samples.append((late, where(frames.get(main)),
                                         [o for o in others if "wait" not in o and "select" not in o][:3]))

        threading.Thread(target=watch, daemon=True).start()

    def print_explained(self) -> None:
        worst: dict[str, tuple[float, list[str]]] = {}
        for late, gui, others in self.samples:
            if late > worst.get(gui, (0.0, []))[0]:
                worst[gui] = (late, others)
        for gui, (late, others) in sorted(worst.items(), key=lambda kv: -kv[1][0])[:25]:
            print(f"{late:6.0f} ms late; GUI thread: {gui}")
            for other in others:
                print(f"          other: {other}")

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {"max_ms": gaps[-1], "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[0],
                "ticks": len(gaps)}


class GcPauses:
    """The longest garbage collection (it holds the GIL: every thread, the GUI's too, waits for it)."""

    def __init__(self) -> None:
        self.largest_ms = 0.0
        self._start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.largest_ms = max(self.largest_ms, (time.perf_counter() - self._start) * 1000)

    def stop(self) -> None:
        gc.callbacks.remove(self._on_gc)


def spin_until(cond: Any, timeout: float, step_ms: int = 5) -> bool:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        loop = QEventLoop()
        QTimer.singleShot(step_ms, loop.quit)
        loop.exec()
    return True


def make_files(folder: Path, count: int, big: int, big_size: int) -> tuple[list[Path], Path]:
    folder.mkdir(parents=True)
    bigs = []
    for n in range(big):
        bigs.append(make_file(folder / f"large-{n}.mp4", big_size))
    many = folder / "many"
    per_folder = 250
    for n in range(count):
        sub = many / f"shoot-{n // per_folder:03d}"
        if n % per_folder == 0:
            sub.mkdir(parents=True)
        (sub / f"clip-{n:05d}.mp4").write_bytes(n.to_bytes(4, "big") * 256)
    return bigs, many


def open_window(ctx: Any, no_freeze_gc: bool) -> tuple[Any, Any, float]:
    """The main window, shown and painted; and how long that took."""
    from vodgui.ui.main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(ctx)
    window.ask_pause_on_quit = lambda running: True  # type: ignore[method-assign]
    window.show()
    QApplication.processEvents()
    shown = time.perf_counter() - start
    spin_until(lambda: False, 0.2)
    if not no_freeze_gc:
        freeze_long_lived()  # as vodgui.app does once the window is up
    return window, window.upload_page, shown


def load_queue(window: Any, rows: int, meter: StallMeter) -> dict[str, float]:
    """Load the queue as the app does after its window is up; time until ``rows`` rows are in, and the largest
    stall meanwhile."""
    page = window.upload_page
    meter.start()
    start = time.perf_counter()
    page.load_queue(resume=True)
    if not spin_until(lambda: window.model.rowCount() >= rows and page.queue_loaded, 300, step_ms=1):
        raise SystemExit(f"only {window.model.rowCount()} of {rows} rows came back")
    rows_s = time.perf_counter() - start
    spin_until(lambda: False, 0.5)
    stall = meter.stop()
    return {"rows_s": rows_s, "max_ms": stall["max_ms"]}


def mass_actions(window: Any, page: Any, meter: StallMeter) -> list[tuple[str, float, float, float]]:
    """Select every row, then pause, start and cancel them from the toolbar; time each until every row shows it
    (the footer's counts), and the largest stall meanwhile."""
    model = window.model
    page.confirm = lambda *_: True  # the Cancel… confirmation, answered yes
    phases = [
        ("select_all", page.view.selectAll, lambda c: page.act_pause.isEnabled()),
        ("pause_all", page.pause_selected, lambda c: not (c.uploading or c.waiting)),
        ("start_all", page.start_selected, lambda c: not c.paused),
        ("cancel_all", page.cancel_selected, lambda c: not (c.uploading or c.waiting or c.paused)),
    ]
    results = []
    for name, action, settled in phases:
        meter.start()
        start = time.perf_counter()
        action()
        if not spin_until(lambda s=settled: s(model.counts()), 600, step_ms=1):
            raise SystemExit(f"{name} did not settle: {model.state_counts()}")
        seconds = time.perf_counter() - start
        spin_until(lambda: False, 0.5)
        results.append((name, seconds, meter.stop()["max_ms"], peak_rss_mb()))
    return results


def reopen(home: Path, sandbox_info: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """Run :func:`reopened_app` in a new process; its figures."""
    import json
    import subprocess

    cmd = [sys.executable, __file__, "--reopen-home", str(home), "--sandbox-info", json.dumps(sandbox_info),
           "--rows", str(args.files + 4), "--limit", str(args.limit)]
    cmd += ["--profile-mass"] if args.profile_mass else []
    cmd += ["--why-stalls"] if args.why_stalls else []
    cmd += ["--no-freeze-gc"] if args.no_freeze_gc else []
    child = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=3600)
    lines = child.stdout.strip().splitlines()
    print("\n".join(lines[:-1]))
    if child.returncode or not lines:
        raise SystemExit(f"the reopened app failed (exit status {child.returncode})")
    return dict(json.loads(lines[-1]))


def reopened_app(app: QApplication, args: argparse.Namespace) -> int:
    """The app started again on the queue the first part left: time the load, then select every row and pause,
    start and cancel them. Prints the figures, the last line as JSON."""
    import json

    from vodgui.app import build_context

    info = json.loads(args.sandbox_info)
    ws = Workspace(args.reopen_home, secrets=SecretStore(MemoryKeyring()))
    ctx = build_context(ws, lambda: info)
    ctx.engine.set_concurrent_files(4)
    ctx.engine.set_bandwidth_limit(args.limit)
    window, page, shown = open_window(ctx, args.no_freeze_gc)
    meter = StallMeter()
    if args.why_stalls:
        meter.explain()
    try:
        loaded = load_queue(window, args.rows, meter)
        print(f"reopened with {args.rows} items: the window is up in {shown:.2f} s, every row in "
              f"{loaded['rows_s']:.2f} s; largest stall meanwhile {loaded['max_ms']:.1f} ms (target <= 50 ms); "
              f"peak RSS so far {peak_rss_mb():.0f} MB")
        figures: dict[str, Any] = {"restart_window_s": round(shown, 2), "restart_rows_s": round(loaded["rows_s"], 2),
                                   "restart_max_stall_ms": round(loaded["max_ms"], 1)}
        gc_pauses = GcPauses()
        profiler = None
        if args.profile_mass:
            import cProfile

            profiler = cProfile.Profile()  # this thread only: the GUI's
            profiler.enable()
        for name, seconds, stall, rss in mass_actions(window, page, meter):
            print(f"{name} of {window.model.rowCount()} rows: {seconds:.2f} s until every row shows it; largest "
                  f"stall meanwhile {stall:.1f} ms (target <= 50 ms); peak RSS so far {rss:.0f} MB")
            figures[f"{name}_s"] = round(seconds, 2)
            figures[f"{name}_max_stall_ms"] = round(stall, 1)
        gc_pauses.stop()
        print(f"largest garbage-collector pause while every row was paused, started and cancelled: "
              f"{gc_pauses.largest_ms:.1f} ms")
        if args.why_stalls:
            meter.print_explained()
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        rss = peak_rss_mb()
        print(f"peak RSS of the reopened app: {rss:.0f} MB (target <= 400 MB)")
        figures["reopened_peak_rss_mb"] = round(rss)
        print(json.dumps(figures), flush=True)
    finally:
        window.close()
        ctx.bridge.stop()
        ctx.engine.shutdown(pause=True, timeout=20)
        ws.close()
        app.processEvents()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", "--items", dest="files", type=int, default=10_000,
                        help="small files to add (default 10,000; issue 14 asks for --items 100000)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to watch progress (default 20)")
    parser.add_argument("--bandwidth", type=int, default=128_000,
                        help="sandbox bytes/s per connection, keeps uploads active (default 128000)")
    parser.add_argument("--limit", type=int, default=1_500_000,
                        help="the app's own bandwidth limit in bytes/s (default 1500000): it meters bytes as they "
                             "are read, so progress moves smoothly instead of in whole parts; 0 = none")
    parser.add_argument("--no-freeze-gc", action="store_true",
                        help="leave out the gc.freeze() the app does once its window is up and the queue loaded "
                             "(vodgui.ui.collector); the intake's own freeze after a big batch stays")
    parser.add_argument("--no-reopen", action="store_true",
                        help="leave out starting the app again on the same queue (a new process), then selecting "
                             "every row and pausing, starting and cancelling them")
    parser.add_argument("--profile-mass", action="store_true",
                        help="print where the GUI thread spent its time while every row was paused, started and "
                             "cancelled (cProfile)")
    parser.add_argument("--why-stalls", action="store_true",
                        help="print where the threads were when the GUI thread was late (in the reopened app)")
    parser.add_argument("--reopen-home", help=argparse.SUPPRESS)  # the child process of the reopen phase
    parser.add_argument("--sandbox-info", help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true",
                        help="print where the GUI thread spent its time during the add (cProfile)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the sandbox inside this process, as the desktop app's built-in one")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    if args.reopen_home:
        return reopened_app(app, args)
    from vodgui.app import build_context

    work = Path(tempfile.mkdtemp(prefix="vodgui-ui-bench-"))
    big_size = 16 * MiB
    print(f"generating {args.files} small files and 4 x {big_size // MiB} MiB in {work} ...", flush=True)
    bigs, many = make_files(work / "media", args.files, 4, big_size)
    proc = server = None
    if args.in_process:
        from vodgui.sandbox import SandboxServer

        server = SandboxServer(settings={"transcode_delay": 0.0, "transcode_duration": 0.0,
                                         "bandwidth_bps": float(args.bandwidth)}).start()
        info_fn = server.info
    else:
        proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", f"bandwidth_bps={args.bandwidth}")
        info_fn = lambda: info  # noqa: E731

    ws = Workspace(str(work / "home"), secrets=SecretStore(MemoryKeyring()))
    ctx = build_context(ws, info_fn)
    profile = ws.profiles.require(SANDBOX_PROFILE)
    # Parts of 128 KiB at 128 KB/s per connection: each of the 16 connections finishes a part about every
    # second, so progress keeps flowing (bigger parts sit in socket buffers, then jump).
    ws.profiles.put(with_transfer(profile, concurrent_files=4, part_size=128 * KiB, parts_in_flight=4))
    ws.sessions.invalidate()
    ctx.engine.set_concurrent_files(4)
    ctx.engine.set_bandwidth_limit(args.limit)
    window, page, _shown = open_window(ctx, args.no_freeze_gc)
    meter = StallMeter()
    load_queue(window, 0, meter)
    try:
        page.add_paths([str(p) for p in bigs])
        if not spin_until(lambda: sum(1 for s in window.model.snapshots() if s.state is JobState.UPLOADING) == 4
                          and all(s.bytes_done > 0 for s in window.model.snapshots()), 60):
            raise SystemExit("the 4 large uploads did not start")

        gc_pauses = GcPauses()
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        first_row: list[float] = []
        window.model.rowsInserted.connect(lambda *_: first_row or first_row.append(time.perf_counter()))
        meter.start()
        start = time.perf_counter()
        page.add_paths([str(many)])
        if not spin_until(lambda: window.model.rowCount() == args.files + 4, 120, step_ms=1):
            raise SystemExit(f"only {window.model.rowCount()} rows arrived")
        add_seconds = time.perf_counter() - start
        first_seconds = first_row[0] - start
        spin_until(lambda: False, 0.5)  # let the follow-up work (summary, title) run inside the measurement
        add_stall = meter.stop()
        gc_pauses.stop()
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

        before = {s.job_id: s.bytes_done for s in window.model.snapshots() if s.state.active}
        updates = [0]
        window.model.dataChanged.connect(lambda *_: updates.__setitem__(0, updates[0] + 1))
        meter.start()
        spin_until(lambda: False, args.seconds, step_ms=50)
        flow = meter.stop()
        active = [s for s in window.model.snapshots() if s.state.active]
        moved = sum(s.bytes_done - before.get(s.job_id, 0) for s in active)
        rss = peak_rss_mb()
        add_target = 2.0 if args.files <= 10_000 else 10.0  # issue 4: 10,000 in 2 s; issue 14: 100,000 in 10 s
        print(f"queue: {window.model.rowCount()} items, {len(active)} uploading during the watch "
              f"({moved / args.seconds / 1000:.0f} KB/s together, {updates[0]} model updates)")
        print(f"add {args.files} files from a folder: {add_seconds:.2f} s (target <= {add_target:g} s; the first "
              f"rows after {first_seconds:.2f} s: walk, history check, queue writes); "
              f"largest stall meanwhile {add_stall['max_ms']:.1f} ms (largest garbage-collector pause "
              f"{gc_pauses.largest_ms:.1f} ms, on any thread)")
        print(f"largest event-loop stall while progress flows for {args.seconds:.0f} s: {flow['max_ms']:.1f} ms "
              f"(p99 {flow['p99_ms']:.1f} ms over {flow['ticks']:.0f} ticks; target <= 50 ms)")
        print(f"peak RSS: {rss:.0f} MB (target <= 400 MB)")
        ok = add_seconds <= add_target and rss <= 400
        stalls = [flow["max_ms"], add_stall["max_ms"]]
        ctx.engine.shutdown(pause=True, timeout=20)
        # `vodgui queue list --json` of this queue, as a separate process (issue 14: <= 2 s for 100,000 items)
        import subprocess

        started = time.perf_counter()
        listed = subprocess.run([sys.executable, "-m", "vodgui", "--home", str(work / "home"), "queue", "list",
                                 "--json"], capture_output=True, text=True, timeout=300)
        list_seconds = time.perf_counter() - started
        rows = listed.stdout.count("\n")
        print(f"vodgui queue list --json: {rows} lines in {list_seconds:.2f} s (target <= 2 s for 100,000)")
        figures: dict[str, Any] = {
            "items": args.files, "add_s": round(add_seconds, 2), "add_first_rows_s": round(first_seconds, 2),
            "add_max_stall_ms": round(add_stall["max_ms"], 1), "flow_max_stall_ms": round(flow["max_ms"], 1)}
        ok = ok and max(stalls) <= 50 and list_seconds <= 2
        print("issue targets (add, stalls while adding and while progress flows, RSS, queue list): "
              + ("all met" if ok else "TARGET MISSED"))
        if not args.no_reopen:
            # Beyond the targets, held to the same 50 ms and 400 MB: quit and start again on the same queue,
            # in a new process as a user would (its own memory too); the window should not freeze while the queue
            # loads, nor while every row is paused, started and cancelled.
            reopened = reopen(work / "home", info_fn(), args)
            figures.update(reopened)
            worst = max(v for k, v in reopened.items() if k.endswith("_max_stall_ms"))
            beyond = worst <= 50 and reopened["reopened_peak_rss_mb"] <= 400
            print(f"reopened app, loading and mass actions: largest stall {worst:.1f} ms, peak RSS "
                  f"{reopened['reopened_peak_rss_mb']} MB: " + ("within 50 ms and 400 MB" if beyond
                                                               else "OVER 50 ms or 400 MB"))
        import json

        figures.update(peak_rss_mb=round(rss), queue_list_json_s=round(list_seconds, 2), queue_list_rows=rows)
        print(json.dumps(figures))
    finally:
        window.close()
        ctx.bridge.stop()
        ctx.engine.shutdown(pause=True, timeout=20)
        ws.close()
        if proc is not None:
            stop_sandbox(proc)
        if server is not None:
            server.stop()
        app.processEvents()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
