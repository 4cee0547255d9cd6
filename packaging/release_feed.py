"""Release keys and the signed release feed (the format is documented in vodgui/core/update_feed.py).

    python packaging/release_feed.py keygen ~/keys/vodgui-release.key    # once; prints the public key
    python packaging/release_feed.py feed --key ~/keys/vodgui-release.key --out dist/release ARTIFACT...
    python packaging/release_feed.py sign --key ~/keys/vodgui-release.key dist/release/SHA256SUMS
    python packaging/release_feed.py verify dist/release/SHA256SUMS   # FILE.sig against the shipped release keys

``feed`` writes ``latest.json`` (version and notes from vodgui and CHANGELOG.md, one asset per artifact with its
size and SHA-256, URLs relative to the feed) and ``latest.json.sig``, then verifies what it wrote. A private key is
never read from or written into the repository. The public key must be in ``RELEASE_PUBLIC_KEYS`` for installed
apps to believe the feed (a throwaway key's feed is believed only with ``VODGUI_UPDATE_PUBLIC_KEY``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

import changelog  # noqa: E402

import vodgui  # noqa: E402
from vodgui.core.update_feed import (  # noqa: E402
    MAX_TEXT,
    RELEASE_PUBLIC_KEYS,
    SCHEMA,
    FeedRefused,
    load_public_key,
    parse_release,
    public_key_text,
    sign,
    verify_signature,
)

#: Artifact file names (as the build scripts write them) -> (platform, kind).
_ARTIFACTS = [
    (re.compile(r"^vodgui_[\d.]+_(?P<arch>amd64|arm64)\.deb$"), "deb"),
    (re.compile(r"^vodgui-[\d.]+-\d+\.(?P<arch>x86_64|aarch64)\.rpm$"), "rpm"),
    (re.compile(r"^vodgui-[\d.]+-linux-(?P<arch>x86_64|aarch64)\.tar\.gz$"), "tar.gz"),
    (re.compile(r"^vodgui-[\d.]+-windows-(?P<arch>x64|arm64)-setup\.exe$"), "exe"),
    (re.compile(r"^vodgui-[\d.]+-macos-(?P<arch>arm64|x86_64)\.dmg$"), "dmg"),
]
_OS = {"deb": "linux", "rpm": "linux", "tar.gz": "linux", "exe": "windows", "dmg": "macos"}
_ARCH = {"amd64": "x86_64", "arm64": "aarch64"}


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO)


def classify(name: str) -> tuple[str, str]:
    for pattern, kind in _ARTIFACTS:
        match = pattern.match(name)
        if match:
            arch = match["arch"]
            if _OS[kind] == "linux":
                arch = _ARCH.get(arch, arch)
            return f"{_OS[kind]}-{arch}", kind
    raise SystemExit(f"release_feed: {name}: not a vodgui artifact name this tool knows")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_key(path: Path) -> Ed25519PrivateKey:
    if _inside_repo(path):
        raise SystemExit(f"release_feed: {path} is inside the repository; keep release keys elsewhere")
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"release_feed: {path} is not an Ed25519 private key")
    return key


def fit_notes(notes: str, page_url: str, limit: int) -> str:
    """``notes`` cut at a line to fit ``limit`` characters (the app refuses a longer feed), ending with where the
    rest is. A long Unreleased section must not make a feed the app refuses."""
    if len(notes) <= limit:
        return notes
    tail = f"\n\n… the full list: {page_url or 'CHANGELOG.md'}"
    cut = notes[: limit - len(tail)]
    return cut[: cut.rfind("\n")].rstrip() + tail


def build_feed(artifacts: list[Path], version: str, date: str, page_url: str, notes_zh: str = "") -> bytes:
    assets: list[dict[str, Any]] = []
    for path in artifacts:
        platform, kind = classify(path.name)
        assets.append({"platform": platform, "kind": kind, "name": path.name, "url": path.name,
                       "size": path.stat().st_size, "sha256": sha256_of(path)})
    feed: dict[str, Any] = {"schema": SCHEMA, "name": "vodgui", "version": version, "date": date,
                            "notes": fit_notes(changelog.notes(version), page_url, MAX_TEXT)}
    if notes_zh:
        feed["notes_zh_CN"] = fit_notes(notes_zh, page_url, MAX_TEXT)
    if page_url:
        feed["url"] = page_url
    feed["assets"] = assets
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def cmd_keygen(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if _inside_repo(path):
        raise SystemExit(f"release_feed: {path} is inside the repository; keep release keys elsewhere")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    print(public_key_text(key))
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    key = load_key(Path(args.key))
    version = args.version or vodgui.__version__
    date = args.date or dt.datetime.now(dt.UTC).date().isoformat()
    notes_zh = Path(args.notes_zh_file).read_text(encoding="utf-8").strip() if args.notes_zh_file else ""
    feed = build_feed([Path(a) for a in args.artifacts], version, date, args.page_url, notes_zh)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    signature = sign(feed, key)
    (out / "latest.json").write_bytes(feed)
    (out / "latest.json.sig").write_bytes(signature)
    # Read back what was written, exactly as the app will.
    public = public_key_text(key)
    verify_signature((out / "latest.json").read_bytes(), (out / "latest.json.sig").read_bytes(),
                     [load_public_key(public)])
    release = parse_release(feed, "https://mirror.invalid/vodgui/latest.json")
    print(f"release_feed: {out / 'latest.json'}: vodgui {release.version}, {len(release.assets)} assets, "
          f"signed by {public}")
    if public not in RELEASE_PUBLIC_KEYS:
        print("release_feed: note: this key is not a release key; installed apps refuse this feed unless "
              "VODGUI_UPDATE_PUBLIC_KEY names it", file=sys.stderr)
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    key = load_key(Path(args.key))
    for name in args.files:
        Path(name + ".sig").write_bytes(sign(Path(name).read_bytes(), key))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Check FILE.sig like the app checks a feed (a mirror checking SHA256SUMS before serving the files)."""
    keys = [load_public_key(args.public_key)] if args.public_key else [load_public_key(k) for k in
                                                                        RELEASE_PUBLIC_KEYS]
    status = 0
    for name in args.files:
        try:
            verify_signature(Path(name).read_bytes(), Path(name + ".sig").read_bytes(), keys)
            print(f"{name}: signature OK")
        except (OSError, FeedRefused) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release_feed.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    kg = sub.add_parser("keygen", help="create an Ed25519 release key (mode 0600) and print its public key")
    kg.add_argument("path")
    kg.set_defaults(func=cmd_keygen)
    fd = sub.add_parser("feed", help="write latest.json and latest.json.sig for these artifacts")
    fd.add_argument("--key", required=True, help="the Ed25519 private key (PEM, outside the repository)")
    fd.add_argument("--out", required=True, help="folder for latest.json and latest.json.sig")
    fd.add_argument("--version", default="", help="default: vodgui.__version__")
    fd.add_argument("--date", default="", help="YYYY-MM-DD; default: today (UTC)")
    fd.add_argument("--page-url", default="", help="the release page (default: links go to the assets)")
    fd.add_argument("--notes-zh-file", default="", help="the release notes in Simplified Chinese (plain text)")
    fd.add_argument("artifacts", nargs="+")
    fd.set_defaults(func=cmd_feed)
    sg = sub.add_parser("sign", help="write FILE.sig (the detached signature) for each FILE")
    sg.add_argument("--key", required=True)
    sg.add_argument("files", nargs="+")
    sg.set_defaults(func=cmd_sign)
    vf = sub.add_parser("verify", help="check FILE.sig for each FILE against the release keys")
    vf.add_argument("--public-key", default="", help="base64 Ed25519 public key (default: the shipped ones)")
    vf.add_argument("files", nargs="+")
    vf.set_defaults(func=cmd_verify)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
