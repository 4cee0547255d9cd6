"""Sandbox transcoding bench: how long the worker takes from upload to Normal, per template group and scale.

Generates an H.264 + AAC clip with ffmpeg (6 s at 1280x720 by default), starts an in-process sandbox in "full"
transcoding mode, uploads the clip with the official SDKs (CreateUploadVideo + oss2) once per template group,
polls GetVideoInfo until Normal, and prints one line per run and, last, one JSON object with every figure.

Usage::

    python bench/transcode.py                       # 6 s 1280x720, scale 1.0 (LD 480p, SD 720p, HD 1080p)
    python bench/transcode.py --scale 0.125         # the tests' scale
    python bench/transcode.py --seconds 30 --size 1920x1080
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
import oss2
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfoRequest import GetVideoInfoRequest
from aliyunsdkvod.request.v20170321.ListTranscodeTemplateGroupRequest import ListTranscodeTemplateGroupRequest

from vodgui.sandbox import SandboxServer


def call(client: AcsClient, endpoint: str, request: Any) -> dict[str, Any]:
    request.set_endpoint(endpoint)
    return dict(json.loads(client.do_action_with_exception(request)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        clip = Path(tmp) / "clip.mp4"
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=size={args.size}:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                        "-t", str(args.seconds), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac",
                        "-shortest", str(clip)], check=True)
        settings = {"transcode_delay": 0.0, "transcode_duration": 0.0, "transcode_mode": "full",
                    "transcode_scale": args.scale, "transcode_workers": args.workers}
        with SandboxServer(settings=settings) as sandbox:
            info = sandbox.info()
            client = AcsClient(info["access_key_id"], info["access_key_secret"], info["region"])
            endpoint = info["vod_endpoint"]
            groups = call(client, endpoint, ListTranscodeTemplateGroupRequest())["TranscodeTemplateGroupList"]
            for group in groups:
                req = CreateUploadVideoRequest()
                req.set_Title("bench")
                req.set_FileName("clip.mp4")
                req.set_TemplateGroupId(group["TranscodeTemplateGroupId"])
                created = call(client, endpoint, req)
                address = json.loads(base64.b64decode(created["UploadAddress"]))
                auth = json.loads(base64.b64decode(created["UploadAuth"]))
                bucket = oss2.Bucket(oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"]),
                                     address["Endpoint"], address["Bucket"], is_cname=False)
                start = time.monotonic()
                bucket.put_object_from_file(address["FileName"], str(clip))
                uploaded = time.monotonic()
                status = ""
                while status not in ("Normal", "TranscodeFail"):
                    time.sleep(0.05)
                    info_req = GetVideoInfoRequest()
                    info_req.set_VideoId(created["VideoId"])
                    status = call(client, endpoint, info_req)["Video"]["Status"]
                done = time.monotonic()
                play = GetPlayInfoRequest()
                play.set_VideoId(created["VideoId"])
                play.add_query_param("ResultType", "Multiple")
                streams = call(client, endpoint, play)["PlayInfoList"]["PlayInfo"]
                row = {"group": group["Name"], "status": status, "upload_s": round(uploaded - start, 3),
                       "to_normal_s": round(done - uploaded, 3), "streams": len(streams),
                       "renditions": sorted(f"{s['Definition']}/{s['Format']} {s.get('Width')}x{s.get('Height')}"
                                            for s in streams)}
                print(f"{row['group']:36} {status:13} {row['to_normal_s']:7.2f} s  {len(streams)} streams",
                      flush=True)
                results.append(row)
    print(json.dumps({"clip": f"{args.seconds}s {args.size}", "scale": args.scale, "workers": args.workers,
                      "runs": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
