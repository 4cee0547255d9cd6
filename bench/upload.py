"""Upload throughput: this engine vs oss2.resumable_upload vs a serial part loop, on loopback and on an emulated WAN.

Starts the sandbox as a separate process (``python -m vodgui.sandbox``), generates a file (1 GiB by default) and
uploads it, in one run:

1. with vodgui's engine, default settings (auto part size, 4 parts in flight), through the full VOD flow
   (CreateUploadVideo, UploadAuth, multipart, CRC64 checks);
2. with ``oss2.resumable_upload``, the same part size and 4 threads;
3. with a serial part-by-part loop (init, upload_part one after another, complete): the official Python VOD
   upload SDK's strategy;

then again with the sandbox's WAN shaping (default 40 ms latency per request, 8 MB/s per connection). It prints
MB/s for each, the ratios the targets are stated in, and this client process's peak RSS.

Usage::

    python bench/upload.py                       # 1 GiB, loopback and WAN
    python bench/upload.py --size 256M --wan-size 256M
    python bench/upload.py --skip-wan

Targets (issue 3): engine >= 1.0x resumable_upload and >= 2x serial on loopback, >= 3x serial with WAN shaping;
client peak RSS <= 150 MB.
"""

from __future__ import annotations

import argparse
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
from vodgui.core.transfer.events import JobState
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


def run_engine(info: dict[str, Any], path: Path, home: Path) -> float:
    ws = Workspace(str(home), secrets=SecretStore(MemoryKeyring()))
    profile = Profile("bench", region=info["region"], vod_endpoint=info["vod_endpoint"],
                      sts_endpoint=info["sts_endpoint"], access_key_id=info["access_key_id"])
    ws.secrets.set("bench", "access_key_secret", info["access_key_secret"])
    ws.profiles.put(profile)
    engine = TransferEngine(ws.store, ws.sessions)
    start = time.perf_counter()
    [job_id] = engine.add_files([str(path)], "bench")
    engine.wait_idle()
    elapsed = time.perf_counter() - start
    snap = engine.snapshot(job_id)
    engine.shutdown()
    ws.close()
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


def measure(info: dict[str, Any], path: Path, work: Path, label: str) -> dict[str, float]:
    size = path.stat().st_size
    part_size = choose_part_size(size, TransferConfig())
    threads = TransferConfig().parts_in_flight
    results: dict[str, float] = {}
    for name, fn in (
        ("engine", lambda: run_engine(info, path, work / f"home-{label}")),
        ("resumable_upload", lambda: run_resumable(info, path, part_size, threads, work / f"ckpt-{label}")),
        ("serial", lambda: run_serial(info, path, part_size)),
    ):
        elapsed = fn()
        results[name] = size / elapsed / MB
        print(f"  {label:8} {name:17} {results[name]:8.1f} MB/s  ({elapsed:6.1f} s, part {part_size // MIB} MiB, "
              f"client peak RSS so far {peak_rss_mb():.0f} MB)", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="1G", help="file size for loopback runs (default 1G)")
    parser.add_argument("--wan-size", default=None, help="file size for WAN runs (default: --size)")
    parser.add_argument("--latency-ms", type=float, default=40.0)
    parser.add_argument("--bandwidth", type=float, default=8e6, help="bytes/s per connection on the WAN")
    parser.add_argument("--skip-wan", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vodgui-bench-") as tmp:
        work = Path(tmp)
        proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", data_dir=work / "sandbox")
        try:
            path = work / "bench.mp4"
            make_file(path, parse_size(args.size))
            print(f"file {path.stat().st_size / MIB:.0f} MiB; sandbox pid {proc.pid}", flush=True)
            loop = measure(info, path, work, "loopback")
            wan: dict[str, float] = {}
            if not args.skip_wan:
                if args.wan_size:
                    path.unlink()
                    make_file(path, parse_size(args.wan_size))
                SandboxControl(info["control_url"]).settings(latency_ms=args.latency_ms, bandwidth_bps=args.bandwidth)
                print(f"WAN shaping: {args.latency_ms:.0f} ms per request, {args.bandwidth / MB:.0f} MB/s per "
                      f"connection; file {path.stat().st_size / MIB:.0f} MiB", flush=True)
                wan = measure(info, path, work, "wan")
        finally:
            stop_sandbox(proc)
    print("\nsummary")
    print(f"  loopback: engine {loop['engine']:.1f} MB/s = {loop['engine'] / loop['resumable_upload']:.2f}x "
          f"resumable_upload (target >= 1.0), {loop['engine'] / loop['serial']:.2f}x serial (target >= 2)")
    if wan:
        print(f"  WAN:      engine {wan['engine']:.1f} MB/s = {wan['engine'] / wan['serial']:.2f}x serial "
              f"(target >= 3), {wan['engine'] / wan['resumable_upload']:.2f}x resumable_upload")
    print(f"  client peak RSS: {peak_rss_mb():.0f} MB (target <= 150)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
