"""Sandbox OSS ingest bench: how fast a separate sandbox process takes a multipart upload, and its peak RSS.

Starts ``python -m vodgui.sandbox`` as a subprocess (it prints its info JSON line), writes a random file (1 GiB
by default) to a temporary folder, asks VOD for an upload address and credentials (CreateUploadVideo with the
sandbox's account key, as a real client does), uploads through oss2 with parallel parts, then prints MB/s and
the sandbox's peak RSS (``VmHWM`` from ``/proc/<pid>/status``).

Usage::

    python bench/sandbox_ingest.py                     # 1 GiB, 16 MiB parts, 4 threads, resumable_upload
    python bench/sandbox_ingest.py --size 256M --mode parts

Target on the 2-core reference machine: >= 150 MB/s and sandbox RSS <= 150 MB. The client and the sandbox share
those two cores, so the CPU line matters as much as the MB/s: "other processes" above ~1 s means something else
was running and the MB/s figure is not representative. The sandbox computes CRC-64 with anycrc (several GB/s; crcmod,
which oss2 uses, manages about 0.4 GB/s). ``--tmp-dir /dev/shm`` takes the disk out of the picture.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import oss2
from _common import MIB, make_file, parse_size, peak_rss_mb, start_sandbox, stop_sandbox
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest

from vodgui.sandbox.client import SandboxControl


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (Linux), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def busy_cpu_seconds() -> float:
    """CPU time all processes spent busy so far (Linux ``/proc/stat``), to see what else ran meanwhile."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def upload_target(info: dict[str, Any], size: int) -> tuple[oss2.Bucket, str]:
    """CreateUploadVideo with the account key; returns an oss2 Bucket with the UploadAuth and the object key."""
    client = AcsClient(info["access_key_id"], info["access_key_secret"], info["region"])
    req = CreateUploadVideoRequest()
    req.set_Title("sandbox ingest bench")
    req.set_FileName("bench.mp4")
    req.set_FileSize(size)
    req.set_endpoint(info["vod_endpoint"].split("://", 1)[1])
    reply = json.loads(client.do_action_with_exception(req))
    address = json.loads(base64.b64decode(reply["UploadAddress"]))
    auth = json.loads(base64.b64decode(reply["UploadAuth"]))
    sts = oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"])
    session = oss2.Session(pool_size=16)
    return oss2.Bucket(sts, address["Endpoint"], address["Bucket"], session=session), address["FileName"]


def upload_parts(bucket: oss2.Bucket, key: str, path: Path, part_size: int, threads: int) -> None:
    """init / upload_part x N in a thread pool / complete (each part read from the file by offset)."""
    size = path.stat().st_size
    upload_id = bucket.init_multipart_upload(key).upload_id
    offsets = list(range(0, size, part_size))

    def one(index: int) -> oss2.models.PartInfo:
        start = offsets[index]
        length = min(part_size, size - start)
        with open(path, "rb") as f:
            f.seek(start)
            result = bucket.upload_part(key, upload_id, index + 1, oss2.utils.SizedFileAdapter(f, length))
        return oss2.models.PartInfo(index + 1, result.etag, size=length, part_crc=result.crc)

    with ThreadPoolExecutor(threads) as pool:
        parts = list(pool.map(one, range(len(offsets))))
    bucket.complete_multipart_upload(key, upload_id, parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", default="1G", help="file size, e.g. 1G, 256M (default 1G)")
    parser.add_argument("--part-size", default="16M", help="part size (default 16M)")
    parser.add_argument("--threads", type=int, default=4, help="parallel parts (default 4)")
    parser.add_argument("--mode", choices=("resumable", "parts"), default="resumable",
                        help="oss2.resumable_upload (default) or init/upload_part/complete in a thread pool")
    parser.add_argument("--tmp-dir", default=None,
                        help="where the source file and the sandbox data go (default: the system temp dir)")
    args = parser.parse_args(argv)
    size, part_size = parse_size(args.size), parse_size(args.part_size)

    with tempfile.TemporaryDirectory(prefix="vodgui-bench-", dir=args.tmp_dir) as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "source.bin"
        print(f"writing {size / MIB:.0f} MiB of random data to {source} ...", flush=True)
        make_file(source, size)
        proc, info = start_sandbox(data_dir=tmp / "sandbox")
        peak = {"rss": 0.0}
        stop = threading.Event()

        def sample() -> None:  # VmHWM is already a peak; sampling only keeps the figure if the process dies
            while not stop.wait(0.2):
                peak["rss"] = max(peak["rss"], peak_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            bucket, key = upload_target(info, size)
            rss_before = peak_rss_mb(proc.pid)
            server_cpu, client_cpu = cpu_seconds(proc.pid), sum(os.times()[:2])
            all_cpu = busy_cpu_seconds()
            started = time.perf_counter()
            if args.mode == "resumable":
                store = oss2.ResumableStore(root=str(tmp), dir="checkpoints")
                oss2.resumable_upload(bucket, key, str(source), store=store, multipart_threshold=part_size,
                                      part_size=part_size, num_threads=args.threads)
            else:
                upload_parts(bucket, key, source, part_size, args.threads)
            elapsed = time.perf_counter() - started
            finished_at = time.time()
            server_cpu = cpu_seconds(proc.pid) - server_cpu
            client_cpu = sum(os.times()[:2]) - client_cpu
            other_cpu = busy_cpu_seconds() - all_cpu - server_cpu - client_cpu
            head = bucket.head_object(key)
            if head.content_length != size:
                raise SystemExit(f"object size {head.content_length} != {size}")
            peak["rss"] = max(peak["rss"], peak_rss_mb(proc.pid))
            log = SandboxControl(info["control_url"], timeout=30).log()
            parts_ms = sorted(e["ms"] for e in log if e.get("op") == "UploadPart")
            completes = [e for e in log if e.get("op") == "CompleteMultipartUpload"]
            complete_ms = [e["ms"] for e in completes]
            # The sandbox logs on its logical clock, which equals the real clock unless someone advanced it.
            tail = finished_at - (completes[-1]["time"] + completes[-1]["ms"] / 1000) if completes else 0.0
        finally:
            stop.set()
            stop_sandbox(proc, timeout=30)
        print(f"mode={args.mode} size={size / MIB:.0f} MiB part={part_size / MIB:.0f} MiB threads={args.threads}")
        print(f"elapsed {elapsed:.2f} s  ->  {size / elapsed / 1e6:.1f} MB/s ({size / elapsed / MIB:.1f} MiB/s)")
        print(f"sandbox peak RSS (VmHWM): {peak['rss']:.1f} MB (after start-up: {rss_before:.1f} MB)")
        print(f"client peak RSS: {peak_rss_mb():.1f} MB")
        cores = os.cpu_count() or 1
        print(f"CPU during the upload: sandbox {server_cpu:.2f} s, client {client_cpu:.2f} s, kernel threads and "
              f"other processes {other_cpu:.2f} s (of {cores * elapsed:.2f} core-seconds on {cores} cores)")
        if parts_ms:
            print(f"UploadPart: {len(parts_ms)} requests, median {parts_ms[len(parts_ms) // 2]:.0f} ms, "
                  f"max {parts_ms[-1]:.0f} ms; CompleteMultipartUpload: {complete_ms} ms")
            print(f"client work after the sandbox answered Complete (oss2's pure-Python CRC combine): {tail:.2f} s")
        print(f"object: ETag {head.etag}  CRC64 {head.server_crc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
