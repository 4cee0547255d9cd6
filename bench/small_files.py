"""Many tiny files: a fixed two files at once vs adaptive connections, against the sandbox, in one run.

Starts the sandbox as a separate process, writes ``--count`` files of ``--size`` bytes (default 2,000 x 1 KB) and
uploads them through vodgui's engine (CreateUploadVideo + one PUT per file, the full VOD flow) twice: with
``adaptive=False, concurrent_files=2`` (the old fixed behaviour), then with the defaults (adaptive, up to 16
connections). Prints files/s for both and the ratio (target: adaptive >= 3x fixed). Last line one JSON object::

    {"files": N, "fixed_files_per_s": X, "adaptive_files_per_s": Y, "ratio": R, "adaptive_max_limit": L}

Usage::

    python bench/small_files.py
    python bench/small_files.py --count 500
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import MemoryKeyring, peak_rss_mb, start_sandbox, stop_sandbox

from vodgui.core.keychain import SecretStore
from vodgui.core.profiles import Profile
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import Connections, JobState
from vodgui.core.workspace import Workspace


class MaxLimit:
    def __init__(self) -> None:
        self.limit = 0

    def on_event(self, event: Any) -> None:
        if isinstance(event, Connections):
            self.limit = max(self.limit, event.limit)


def run(info: dict[str, Any], files: list[Path], home: Path, *, adaptive: bool) -> tuple[float, int]:
    ws = Workspace(str(home), secrets=SecretStore(MemoryKeyring()))
    profile = Profile("bench", region=info["region"], vod_endpoint=info["vod_endpoint"],
                      sts_endpoint=info["sts_endpoint"], access_key_id=info["access_key_id"])
    ws.secrets.set("bench", "access_key_secret", info["access_key_secret"])
    ws.profiles.put(profile)
    transfer = profile.transfer.with_changes(adaptive=adaptive, concurrent_files=2)
    engine = TransferEngine.for_config(ws.store, ws.sessions, transfer)
    seen = MaxLimit()
    engine.subscribe(seen)
    start = time.perf_counter()
    ids = engine.add_files([str(f) for f in files], "bench")
    engine.wait_idle()
    elapsed = time.perf_counter() - start
    done = sum(1 for i in ids if (s := engine.snapshot(i)) is not None and s.state is JobState.DONE)
    engine.shutdown()
    ws.close()
    if done != len(files):
        raise SystemExit(f"only {done} of {len(files)} files uploaded")
    return len(files) / elapsed, seen.limit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--size", type=int, default=1000, help="bytes per file (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vodgui-small-") as tmp:
        work = Path(tmp)
        files = []
        for i in range(args.count):
            path = work / "files" / f"clip{i:05}.mp4"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(i.to_bytes(4, "big") * (args.size // 4) + b"x" * (args.size % 4))
            files.append(path)
        proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", "transcode_mode=original",
                                   data_dir=work / "sandbox")
        try:
            fixed, _ = run(info, files, work / "home-fixed", adaptive=False)
            print(f"fixed 2 files at once: {fixed:7.1f} files/s", flush=True)
            adaptive, top = run(info, files, work / "home-adaptive", adaptive=True)
            print(f"adaptive:              {adaptive:7.1f} files/s (connection limit reached {top})", flush=True)
        finally:
            stop_sandbox(proc)
    ratio = adaptive / fixed
    print(f"adaptive = {ratio:.2f}x fixed (target >= 3); client peak RSS {peak_rss_mb():.0f} MB")
    print(json.dumps({"files": args.count, "fixed_files_per_s": round(fixed, 1),
                      "adaptive_files_per_s": round(adaptive, 1), "ratio": round(ratio, 2),
                      "adaptive_max_limit": top}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
