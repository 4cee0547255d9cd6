"""Many tiny files: a fixed two files at once vs adaptive connections, against the sandbox, in one run.

Starts the sandbox as a separate process, writes ``--count`` files of ``--size`` bytes (default 2,000 x 1 KB) and
uploads them through vodgui's engine (CreateUploadVideo + one PUT per file, the full VOD flow) twice: with
``adaptive=False, concurrent_files=2`` (the old fixed behaviour), then with the defaults (adaptive, up to 16
connections). Prints files/s for both and the ratio (target: adaptive >= 3x fixed). Last line one JSON object::

    {"files": N, "fixed_files_per_s": X, "adaptive_files_per_s": Y, "ratio": R, "adaptive_max_limit": L}

Each file is a tiny MP4 by default (``--content mp4``: an ``ftyp`` and a ``moov`` with its ``mvhd``, padded with a
``free`` box to ``--size``), so the sandbox learns its duration from the box headers as it does for real clips.
``--content raw`` writes bytes no parser understands: the sandbox then runs ``ffprobe`` on every upload before it
answers the PUT (a process per file, ~100-250 ms of this machine's CPU), and that, not the client, is what such a
run measures (issue 14 note: 6.7 vs 8.9 files/s, the ffprobe processes saturating both cores).

Usage::

    python bench/small_files.py
    python bench/small_files.py --count 500 [--content raw]
"""

from __future__ import annotations

import argparse
import gc
import json
import struct
import tempfile
import time
import urllib.request
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


def reset(info: dict[str, Any]) -> None:
    """Forget every video, object and log entry of the sandbox (its control plane)."""
    req = urllib.request.Request(f"{info['control_url']}/reset", data=b"{}", method="POST")
    with urllib.request.urlopen(req, timeout=60) as resp:
        resp.read()
    gc.collect()


def tiny_mp4(size: int, seed: int) -> bytes:
    """A valid ISO BMFF file of ``size`` bytes (at least 144): ``ftyp``, ``moov``/``mvhd`` (1 s long), ``free``."""
    ftyp = struct.pack(">I4s4sI4s", 20, b"ftyp", b"isom", 512, b"isom")
    mvhd_payload = struct.pack(">B3xIIII", 0, 0, 0, 1000, 1000) + struct.pack(">IH10x", 0x10000, 0x100) \
        + bytes(36) + bytes(24) + struct.pack(">I", 2)
    mvhd = struct.pack(">I4s", 8 + len(mvhd_payload), b"mvhd") + mvhd_payload
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    head = ftyp + moov
    pad = max(8, size - len(head))
    filler = (seed.to_bytes(4, "big") * (pad // 4 + 1))[: pad - 8]
    return head + struct.pack(">I4s", pad, b"free") + filler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--size", type=int, default=1000, help="bytes per file (default 1000)")
    parser.add_argument("--sandbox-disk", action="store_true", help="the sandbox keeps its state on disk")
    parser.add_argument("--content", choices=("mp4", "raw"), default="mp4",
                        help="mp4: tiny valid MP4 files (default); raw: bytes only ffprobe can try (see above)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vodgui-small-") as tmp:
        work = Path(tmp)
        files = []
        for i in range(args.count):
            path = work / "files" / f"clip{i:05}.mp4"
            path.parent.mkdir(exist_ok=True)
            if args.content == "mp4":
                path.write_bytes(tiny_mp4(args.size, i))
            else:
                path.write_bytes(i.to_bytes(4, "big") * (args.size // 4) + b"x" * (args.size % 4))
            files.append(path)
        # State in memory (``--sandbox-disk`` keeps it in the sandbox's SQLite file: every media and object record
        # is then a write-through commit in the sandbox, whose cost grows with the records already there).
        proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", "transcode_mode=original",
                                   data_dir=work / "sandbox" if args.sandbox_disk else None)
        try:
            fixed, _ = run(info, files, work / "home-fixed", adaptive=False)
            print(f"fixed 2 files at once: {fixed:7.1f} files/s", flush=True)
            # Both modes start from the same state: an empty sandbox (the fixed run's 2,000 videos and objects
            # would otherwise make every later request of the sandbox, not of the client, slower).
            reset(info)
            adaptive, top = run(info, files, work / "home-adaptive", adaptive=True)
            print(f"adaptive:              {adaptive:7.1f} files/s (connection limit reached {top})", flush=True)
        finally:
            stop_sandbox(proc)
    ratio = adaptive / fixed
    print(f"adaptive = {ratio:.2f}x fixed (target >= 3); client peak RSS {peak_rss_mb():.0f} MB")
    print(json.dumps({"files": args.count, "content": args.content, "sandbox_disk": args.sandbox_disk,
                      "fixed_files_per_s": round(fixed, 1), "adaptive_files_per_s": round(adaptive, 1),
                      "ratio": round(ratio, 2), "adaptive_max_limit": top}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
