"""Upload throughput: this engine vs oss2.resumable_upload vs a serial part loop, on loopback and two emulated links.

Starts the sandbox as a separate process (``python -m vodgui.sandbox``), generates a file and uploads it, in one run:

1. with vodgui's engine, default settings (auto part size, adaptive connections starting at 8 — 4 parts x 2
   files, what the fixed mode keeps — and moving between 1 and 16), through the full VOD flow (CreateUploadVideo,
   UploadAuth, multipart, CRC64 checks);
2. with ``oss2.resumable_upload``, the same part size and 4 threads;
3. with a serial part-by-part loop (init, upload_part one after another, complete): the official Python VOD
   upload SDK's strategy;

on three links set through the sandbox's control plane: ``loopback`` (no shaping); ``link64`` (64 MB/s shared by
all connections, 8 MB/s per connection, 40 ms round trip); ``link16`` (16 MB/s shared, 8 MB/s per connection,
40 ms). It prints MB/s for each, the engine's connection count as it moved, the client's CPU seconds per GiB for
the engine and the client's peak RSS. The last line is one JSON object::

    {"loopback": {"engine": MBps, "resumable": MBps, "serial": MBps}, "link64": {...}, "link16": {...},
     "engine_cpu_s_per_gib": N, "client_peak_rss_mb": N}

Usage::

    python bench/upload.py                                  # 512 MiB loopback, 256 MiB on the links
    python bench/upload.py --size 256M --link-size 128M --links link16

Targets (issue 14): loopback engine >= 2.0x serial; link64 engine >= 85% of 64 MB/s and >= 1.5x resumable;
link16 engine >= 85% of 16 MB/s; client peak RSS <= 150 MB.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import oss2
from _common import MB, MIB, MemoryKeyring, make_file, parse_size, peak_rss_mb, start_sandbox, stop_sandbox

from vodgui.core.clock import SystemClock
from vodgui.core.credentials import AccessKey, Secret
from vodgui.core.keychain import SecretStore
from vodgui.core.pop import ConnectionOptions, StaticSigner
from vodgui.core.profiles import Profile
from vodgui.core.retry import RetryPolicy
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import Connections, JobState
from vodgui.core.transfer.parts import choose_part_size, plan_parts
from vodgui.core.vod import VideoMetadata, VodApi
from vodgui.core.workspace import Workspace
from vodgui.sandbox.client import SandboxControl


def upload_ticket(info: dict[str, Any], path: Path) -> tuple[oss2.Bucket, str]:
    """CreateUploadVideo with the account key, as a client of the official SDKs would."""
    signer = StaticSigner(AccessKey(info["access_key_id"], Secret(info["access_key_secret"])))
    vod = VodApi(info["region"], info["vod_endpoint"], signer, ConnectionOptions(), RetryPolicy(), SystemClock())
    ticket = vod.create_upload_video(VideoMetadata(title="bench"), str(path), path.stat().st_size)
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret.reveal(),
                        ticket.auth.security_token.reveal())
    bucket = oss2.Bucket(auth, ticket.address.endpoint, ticket.address.bucket, enable_crc=True,
                         session=oss2.Session(pool_size=8))
    return bucket, ticket.address.file_name


class GateLog:
    """Collects the engine's Connections events (what the GUI and the CLI show)."""

    def __init__(self) -> None:
        self.limits: list[int] = []

    def on_event(self, event: Any) -> None:
        if isinstance(event, Connections) and (not self.limits or self.limits[-1] != event.limit):
            self.limits.append(event.limit)


def run_engine(info: dict[str, Any], path: Path, home: Path, cpu: list[float]) -> float:
    ws = Workspace(str(home), secrets=SecretStore(MemoryKeyring()))
    profile = Profile("bench", region=info["region"], vod_endpoint=info["vod_endpoint"],
                      sts_endpoint=info["sts_endpoint"], access_key_id=info["access_key_id"])
    ws.secrets.set("bench", "access_key_secret", info["access_key_secret"])
    ws.profiles.put(profile)
    engine = TransferEngine.for_config(ws.store, ws.sessions, profile.transfer)
    gates = GateLog()
    engine.subscribe(gates)
    start = time.perf_counter()
    cpu_start = time.process_time()
    [job_id] = engine.add_files([str(path)], "bench")
    engine.wait_idle()
    elapsed = time.perf_counter() - start
    cpu.append(time.process_time() - cpu_start)
    snap = engine.snapshot(job_id)
    engine.shutdown()
    ws.close()
    print(f"    engine connection limit over time: {gates.limits}", flush=True)
    if snap is None or snap.state is not JobState.DONE:
        raise SystemExit(f"engine upload failed: {snap}")
    return elapsed


def run_resumable(info: dict[str, Any], path: Path, part_size: int, threads: int, store_dir: Path) -> float:
    bucket, key = upload_ticket(info, path)
    start = time.perf_counter()
    oss2.resumable_upload(bucket, key, str(path), store=oss2.ResumableStore(root=str(store_dir)),
                          multipart_threshold=part_size, part_size=part_size, num_threads=threads)
    return time.perf_counter() - start


def run_serial(info: dict[str, Any], path: Path, part_size: int) -> float:
    bucket, key = upload_ticket(info, path)
    size = path.stat().st_size
    start = time.perf_counter()
    upload_id = bucket.init_multipart_upload(key).upload_id
    parts = []
    with open(path, "rb") as f:
        for plan in plan_parts(size, part_size):
            f.seek(plan.offset)
            result = bucket.upload_part(key, upload_id, plan.number, oss2.SizedFileAdapter(f, plan.size))
            parts.append(oss2.models.PartInfo(plan.number, result.etag, size=plan.size, part_crc=result.crc))
    bucket.complete_multipart_upload(key, upload_id, parts)
    return time.perf_counter() - start


def measure(info: dict[str, Any], path: Path, work: Path, label: str, cpu: list[float]) -> dict[str, float]:
    size = path.stat().st_size
    part_size = choose_part_size(size, TransferConfig())
    threads = 4
    results: dict[str, float] = {}
    for name, fn in (
        ("engine", lambda: run_engine(info, path, work / f"home-{label}", cpu)),
        ("resumable", lambda: run_resumable(info, path, part_size, threads, work / f"ckpt-{label}")),
        ("serial", lambda: run_serial(info, path, part_size)),
    ):
        elapsed = fn()
        results[name] = round(size / elapsed / MB, 1)
        print(f"  {label:8} {name:10} {results[name]:8.1f} MB/s  ({elapsed:6.1f} s, part {part_size // MIB} MiB, "
              f"client peak RSS so far {peak_rss_mb():.0f} MB)", flush=True)
    return results


LINKS = {
    "loopback": {"link_bps": 0, "bandwidth_bps": 0, "latency_ms": 0},
    "link64": {"link_bps": 64e6, "bandwidth_bps": 8e6, "latency_ms": 40},
    "link16": {"link_bps": 16e6, "bandwidth_bps": 8e6, "latency_ms": 40},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="512M", help="file size for the loopback runs (default 512M)")
    parser.add_argument("--link-size", default="256M", help="file size for the emulated links (default 256M)")
    parser.add_argument("--links", default="loopback,link64,link16", help="which links to run (comma-separated)")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.links.split(",") if name.strip()]

    out: dict[str, Any] = {}
    cpu: list[float] = []
    moved = 0
    with tempfile.TemporaryDirectory(prefix="vodgui-bench-") as tmp:
        work = Path(tmp)
        proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", "transcode_mode=original",
                                   data_dir=work / "sandbox")
        try:
            control = SandboxControl(info["control_url"])
            path = work / "bench.mp4"
            current = -1
            for name in wanted:
                size = parse_size(args.size if name == "loopback" else args.link_size)
                if size != current:
                    make_file(path, size)
                    current = size
                control.settings(**LINKS[name])
                print(f"{name}: {LINKS[name]}; file {size / MIB:.0f} MiB; sandbox pid {proc.pid}", flush=True)
                out[name] = measure(info, path, work, name, cpu)
                moved += size
        finally:
            stop_sandbox(proc)
    out["engine_cpu_s_per_gib"] = round(sum(cpu) / (moved / (1 << 30)), 2) if moved else None
    out["client_peak_rss_mb"] = round(peak_rss_mb(), 1)
    print("\nsummary")
    if "loopback" in out:
        lo = out["loopback"]
        print(f"  loopback: engine {lo['engine']:.1f} MB/s = {lo['engine'] / lo['serial']:.2f}x serial (target >= 2.0)")
    for name, cap in (("link64", 64.0), ("link16", 16.0)):
        if name in out:
            r = out[name]
            print(f"  {name}: engine {r['engine']:.1f} MB/s = {100 * r['engine'] / cap:.0f}% of {cap:.0f} MB/s "
                  f"(target >= 85%), {r['engine'] / r['resumable']:.2f}x resumable")
    print(f"  engine CPU: {out['engine_cpu_s_per_gib']} s/GiB; client peak RSS: {out['client_peak_rss_mb']} MB "
          f"(target <= 150)")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
