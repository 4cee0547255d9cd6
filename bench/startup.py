"""Time from launch to the main window being shown, for the source install and the frozen bundle, and the bundle
size.

The app prints ``VODGUI_SHOWN <epoch>`` from its first event-loop turn after ``show()`` when
``VODGUI_REPORT_SHOWN=quit`` is set, then quits; this script measures from just before it spawns the process.
Each variant runs once to warm the disk cache, then ``--runs`` times; the median is reported.

Usage::

    python bench/startup.py                       # source (python -m vodgui) and dist/vodgui/vodgui if built
    python bench/startup.py --frozen path/to/vodgui --runs 7

Target (issue 6): <= 3 s frozen on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def launch_once(cmd: list[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="vodgui-startup-") as home:
        env = dict(os.environ, VODGUI_HOME=home, VODGUI_REPORT_SHOWN="quit", QT_QPA_PLATFORM="offscreen",
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        start = time.time()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
        for line in proc.stdout.splitlines():
            if line.startswith("VODGUI_SHOWN "):
                return float(line.split()[1]) - start
        raise SystemExit(f"{cmd[0]} did not report its window (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def measure(label: str, cmd: list[str], runs: int) -> float:
    launch_once(cmd)  # warm the page cache
    times = [launch_once(cmd) for _ in range(runs)]
    median = statistics.median(times)
    print(f"{label:8} median {median:.2f} s  (min {min(times):.2f}, max {max(times):.2f}, {runs} runs)", flush=True)
    return median


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frozen", default=str(ROOT / "dist" / "vodgui" / "vodgui"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    measure("source", [sys.executable, "-m", "vodgui"], args.runs)
    frozen = Path(args.frozen)
    if frozen.exists():
        measure("frozen", [str(frozen)], args.runs)
        size = dir_size(frozen.parent)
        print(f"bundle   {size / 1e6:.0f} MB in {frozen.parent}")
        dist = frozen.parent.parent
        for pkg in [*sorted(dist.glob("vodgui*.deb")), *sorted(dist.glob("vodgui*.tar.gz"))]:
            print(f"         {pkg.name}: {pkg.stat().st_size / 1e6:.0f} MB")
    else:
        print(f"frozen   not built ({frozen}); run bash packaging/build-linux.sh")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
