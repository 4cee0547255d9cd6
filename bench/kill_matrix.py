"""The kill matrix: random ``kill -9`` of ``vodgui upload`` mid-transfer under faults, then recovery; every object
checked against its file.

Each run uses a fresh home and one of the four profiles (upload-credential or STS mode, AccessKey or AppServer
source), uploads one to three files with small parts and a bandwidth cap while the sandbox drops connections,
answers 503 bursts, throttles VOD and OSS, and expires upload credentials and STS tokens every few seconds. The CLI
is killed with SIGKILL once or twice at random points, then recovered by ``vodgui queue resume --all`` or by
running the same command again (chosen at random; a recovery may itself be killed). Finally the command is run
once more after success: it must not create a video.

Counted per run (all must be 0):

* corrupt: a file whose object is missing or differs from it (size or MD5);
* crc: the object's CRC64 differs from the file's, or from the CRC64 vodgui recorded in its ledger;
* extra_ids: VideoIds created (CreateUploadVideo answered 200, directly or by the AppServer) beyond one per file,
  re-running after success included;
* stuck: files of the run without a finished upload at the end (a queue item not ``done``, or no VideoId).

Usage: ``python bench/kill_matrix.py [--runs 20] [--seed 1] [--size 600k]``. Prints one row per run, then the
totals; the last line is one JSON object. Exit status 1 if any total is not 0.

The CLI subprocesses keep their secrets in the tests' file keyring (``tests.helpers.keyrings.FileKeyring``): the
matrix runs from a source checkout, against the sandbox only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import ROOT, make_file, parse_size, start_sandbox, stop_sandbox

from vodgui.core.integrity import crc64_file
from vodgui.sandbox.client import SandboxControl

PROFILES = (("cred", "credential", "accesskey"), ("sts", "sts", "accesskey"), ("app", "credential", "appserver"),
            ("appsts", "sts", "appserver"))
CREATES = ("CreateUploadVideo", "create-upload-video")
PART = 32 * 1024


@dataclass
class Run:
    n: int
    profile: str
    files: int
    faults: str
    kills: int = 0
    recovered_by: str = ""
    corrupt: int = 0
    crc: int = 0
    extra_ids: int = 0
    stuck: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Expirer(threading.Thread):
    """Expires every upload credential and STS token every ``period`` seconds while a run goes on."""

    def __init__(self, control: SandboxControl, period: float) -> None:
        super().__init__(daemon=True)
        self.control = control
        self.period = period
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.wait(self.period):
            for kind in ("upload", "sts"):
                try:
                    self.control.expire(kind)
                except Exception:
                    pass


def add_faults(control: SandboxControl, rng: random.Random) -> str:
    """A random mix of drops, 503 bursts and throttling; every rule is limited, so recovery can finish."""
    names = []
    seed = rng.randrange(1 << 30)
    if rng.random() < 0.8:
        control.add_fault(service="oss", op="UploadPart", effect="drop", percent=rng.choice([3, 6, 10]), seed=seed,
                          drop_after=rng.random(), limit=rng.randint(3, 12))
        names.append("drop")
    if rng.random() < 0.7:
        start = rng.randint(2, 15)
        control.add_fault(service="oss", op="UploadPart", effect="error", status=503, code="ServiceUnavailable",
                          nth=list(range(start, start + rng.randint(2, 4))))
        names.append("503")
    if rng.random() < 0.7:
        control.add_fault(service="vod", op=rng.choice(["CreateUploadVideo", "RefreshUploadVideo"]),
                          effect="throttle", first=rng.randint(2, 6))
        control.add_fault(service="oss", op="UploadPart", effect="throttle", percent=5, seed=seed + 1,
                          limit=rng.randint(3, 8))
        names.append("throttle")
    if rng.random() < 0.3:
        control.add_fault(service="oss", op="CompleteMultipartUpload", effect="drop", first=1, drop_after=1.0)
        names.append("complete-drop")
    return "+".join(names) or "none"


class Cli:
    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.env = env
        self.work = work
        self.count = 0

    def run(self, *args: str, stdin: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vodgui", *args], input=stdin, capture_output=True, text=True,
                              env=self.env, cwd=ROOT, timeout=timeout)

    def run_and_kill(self, args: list[str], control: SandboxControl, after_parts: int, max_wait: float) -> bool:
        """Run ``vodgui ARGS``; SIGKILL it once ``after_parts`` more parts were stored or ``max_wait`` s passed.
        True if it was killed (False: it ended first)."""
        self.count += 1
        start = len(control.log())
        with open(self.work / f"cli{self.count}.err", "wb") as err:
            proc = subprocess.Popen([sys.executable, "-m", "vodgui", *args], env=self.env, cwd=ROOT,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + max_wait
        try:
            while proc.poll() is None and time.monotonic() < deadline:
                log = control.log()[start:]
                if sum(1 for e in log if e.get("op") == "UploadPart" and e.get("status") == 200) >= after_parts:
                    break
                time.sleep(0.05)
            if proc.poll() is not None:
                return False
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            return True
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)


def check(run: Run, files: list[Path], home: Path, control: SandboxControl, results: dict[str, str],
          cli: Cli) -> None:
    ledger: dict[str, str] = {}
    db = home / "data" / "ledger.sqlite3"
    if db.exists():
        con = sqlite3.connect(db)
        ledger = {m: str(c) for m, c in con.execute("SELECT media_id, crc64 FROM uploads")}
        con.close()
    unfinished: set[str] = set()
    for path in files:
        video_id = results.get(str(path))
        if not video_id:  # failed or lost: counted as stuck below
            unfinished.add(str(path))
            run.notes.append(f"{path.name}: no VideoId")
            continue
        try:
            video = control.video(video_id)
            obj = control.object(video["bucket"], video["key"])
        except Exception as exc:
            run.corrupt += 1
            run.notes.append(f"{path.name}: object missing ({exc})")
            continue
        data = path.read_bytes()
        if int(obj.get("size", -1)) != len(data) or str(obj.get("md5", "")).lower() != hashlib.md5(data).hexdigest():
            run.corrupt += 1
            run.notes.append(f"{path.name}: object differs")
        want = crc64_file(str(path))
        if int(obj["crc64"]) != want or ledger.get(video_id) not in (str(want), None):
            run.crc += 1
            run.notes.append(f"{path.name}: CRC64 mismatch")
    log = control.log()
    creates = [e for e in log if e.get("op") in CREATES and e.get("status") == 200]
    run.extra_ids = max(0, len(creates) - len(files))
    if run.extra_ids:
        (cli.work / "sandbox-log.json").write_text(json.dumps(log, indent=1))
        run.notes.append(f"{len(creates)} videos created for {len(files)} files; log in {cli.work}")
    queue = [json.loads(line) for line in cli.run("queue", "list", "--json").stdout.splitlines() if line.strip()]
    run.stuck = len(unfinished | {q["file"] for q in queue if q["state"] != "done"})


def one_run(n: int, rng: random.Random, info: dict[str, Any], control: SandboxControl, size: int,
            top: Path) -> Run:
    name, mode, source = PROFILES[n % len(PROFILES)]
    work = top / f"run{n:02d}"
    work.mkdir()
    home = work / "home"
    env = dict(os.environ, VODGUI_HOME=str(home), PYTHON_KEYRING_BACKEND="tests.helpers.keyrings.FileKeyring",
               VODGUI_TEST_KEYRING_FILE=str(work / "keyring.json"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), NO_PROXY="127.0.0.1")
    cli = Cli(env, work)
    res = cli.run("profiles", "add", name, "--from-sandbox", "-", "--mode", mode, "--source", source, "--part-size",
                  str(PART), "--min-part-size", "1024", "--retry-delay", "0.2", "--parallel-parts", "3",
                  stdin=json.dumps(info) + "\n")
    if res.returncode != 0:
        raise SystemExit(f"profiles add failed: {res.stderr}")
    files = [make_file(work / f"clip{i}.mp4", int(size * rng.uniform(0.5, 1.5))) for i in range(rng.randint(1, 3))]
    control.reset()
    control.settings(min_part_size=1024, upload_auth_ttl=rng.choice([4, 8, 3000]))
    run = Run(n, name, len(files), add_faults(control, rng))
    expirer = Expirer(control, rng.uniform(2.0, 5.0))
    expirer.start()
    started = time.monotonic()
    command = ["upload", *map(str, files), "--profile", name, "--json", "--bandwidth-limit", str(rng.choice(
        [400_000, 800_000, 1_500_000]))]
    parts = sum(-(-f.stat().st_size // PART) for f in files)
    try:
        for _ in range(rng.randint(1, 2)):
            if cli.run_and_kill(command, control, rng.randint(1, max(1, parts - 1)), rng.uniform(1.0, 6.0)):
                run.kills += 1
        # Recovery, which may be killed once more, then run to the end.
        how = rng.choice(["resume", "rerun"])
        run.recovered_by = how
        again = ["queue", "resume", "--all", "--json"] if how == "resume" else command
        if rng.random() < 0.4 and cli.run_and_kill(again, control, rng.randint(1, max(1, parts // 2)),
                                                   rng.uniform(1.0, 4.0)):
            run.kills += 1
        final = cli.run(*again)
        if how == "resume":  # whatever resume did not cover (killed before it was queued) needs the command
            final = cli.run(*command)
        results = {}
        for line in final.stdout.splitlines():
            if line.startswith("{"):
                obj = json.loads(line)
                if obj.get("video_id") and obj["state"] in ("done", "skipped"):
                    results[obj["file"]] = obj["video_id"]
        # Re-running after success must not create anything.
        rerun = cli.run(*command)
        for line in rerun.stdout.splitlines():
            if line.startswith("{"):
                obj = json.loads(line)
                if obj["state"] != "skipped":
                    run.notes.append(f"re-run after success: {Path(obj['file']).name} {obj['state']}")
        if final.returncode != 0:
            run.notes.append(f"recovery exit {final.returncode}: {final.stderr.strip()[-300:]}")
    finally:
        expirer.halt.set()
        expirer.join(10)
    control.clear_faults()
    check(run, files, home, control, results, cli)
    run.seconds = round(time.monotonic() - started, 1)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", default="600k", help="typical file size (each file is 0.5x-1.5x of it)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (homes, CLI stderr)")
    parser.add_argument("--only", type=int, nargs="+", help="run only these run numbers (each run has its own seed)")
    args = parser.parse_args()
    size = parse_size(args.size)
    proc, info = start_sandbox("transcode_delay=0", "transcode_duration=0", "min_part_size=1024")
    control = SandboxControl(info["control_url"])
    top = Path(tempfile.mkdtemp(prefix="vodgui-kill-matrix-"))
    runs: list[Run] = []
    header = f"{'run':>3} {'profile':7} {'files':>5} {'kills':>5} {'recovery':8} {'corrupt':>7} {'crc':>3} " \
             f"{'extra_ids':>9} {'stuck':>5} {'s':>5}  faults"
    print(header, flush=True)
    try:
        for n in (args.only if args.only is not None else range(args.runs)):
            run = one_run(n, random.Random(f"{args.seed}:{n}"), info, control, size, top)
            runs.append(run)
            print(f"{run.n:3d} {run.profile:7} {run.files:5d} {run.kills:5d} {run.recovered_by:8} {run.corrupt:7d} "
                  f"{run.crc:3d} {run.extra_ids:9d} {run.stuck:5d} {run.seconds:5.1f}  {run.faults}", flush=True)
            for note in run.notes:
                print(f"      {note}", flush=True)
    finally:
        stop_sandbox(proc)
        if not args.keep:
            import shutil

            shutil.rmtree(top, ignore_errors=True)
        else:
            print(f"work folder: {top}", file=sys.stderr)
    totals = {k: sum(getattr(r, k) for r in runs) for k in ("corrupt", "crc", "extra_ids", "stuck")}
    summary = {"runs": len(runs), "kills": sum(r.kills for r in runs), **totals,
               "by_profile": {p[0]: sum(1 for r in runs if r.profile == p[0]) for p in PROFILES},
               "recovered_by": {h: sum(1 for r in runs if r.recovered_by == h) for h in ("resume", "rerun")},
               "notes": sum(len(r.notes) for r in runs), "seconds": round(sum(r.seconds for r in runs), 1)}
    print(f"{'':3} {'total':7} {sum(r.files for r in runs):5d} {summary['kills']:5d} {'':8} {totals['corrupt']:7d} "
          f"{totals['crc']:3d} {totals['extra_ids']:9d} {totals['stuck']:5d}")
    print(json.dumps(summary))
    return 0 if not any(totals.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
