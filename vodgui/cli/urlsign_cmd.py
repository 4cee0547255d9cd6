"""``vodgui urlsign URL``: sign a CDN URL with authentication type A, B or C, or verify one and say why it fails.

Exit status: 0 signed / valid; 1 the URL is refused (the reason on stdout); 2 a usage problem.
"""

from __future__ import annotations

import argparse
import os
import time

from vodgui.cli.common import fail, open_workspace, print_json, read_secret, stop_builtin_sandbox
from vodgui.core import urlsign


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "urlsign", help="sign or verify CDN URLs (URL authentication types A, B, C)",
        description="Sign a CDN URL as your signing server would (the CDN console's private key and type), or "
                    "check a URL with --verify and get the reason a CDN would refuse it: expired, wrong key, "
                    "changed path, tampered uid/rand, wrong type.")
    p.add_argument("url", metavar="URL")
    p.add_argument("--type", default="A", choices=("A", "B", "C", "a", "b", "c"),
                   help="authentication type to sign with (default A); with --verify: the domain's type")
    key = p.add_argument_group("private key (never on the command line)")
    key.add_argument("--key-env", metavar="VAR", help="read the key from this environment variable")
    key.add_argument("--key-stdin", action="store_true", help="read the key from the first line of stdin")
    key.add_argument("--sandbox", action="store_true", help="use the built-in sandbox's play-domain key")
    p.add_argument("--ttl", type=int, default=1800, metavar="S",
                   help="seconds until the signed URL expires (default 1800; the timestamp is now + S)")
    p.add_argument("--uid", default="0", help="type A uid (default 0)")
    p.add_argument("--rand", default=None, help="type A rand (default: a random UUID without hyphens)")
    p.add_argument("--verify", action="store_true", help="check URL instead of signing it")
    p.add_argument("--issued", metavar="URL", help="with --verify: the URL as it was signed, to say what changed")
    p.add_argument("--domain-ttl", type=int, default=0, metavar="S",
                   help="with --verify: the domain's own validity period added to the timestamp (default 0)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(func=run)


def _key(args: argparse.Namespace) -> str | None:
    if args.sandbox:
        try:
            with open_workspace() as ws:
                info = ws.sessions.sandbox_info() if ws.sessions.sandbox_info else {}
            return str(info.get("cdn_auth_key") or "") or None
        finally:
            stop_builtin_sandbox()
    if not args.key_env and not args.key_stdin and os.environ.get("VODGUI_CDN_KEY"):
        return os.environ["VODGUI_CDN_KEY"].strip()
    return read_secret("CDN private key: ", stdin=args.key_stdin, env=args.key_env)


def run(args: argparse.Namespace) -> int:
    key = _key(args)
    if not key:
        return fail("no key: pass --key-env VAR, --key-stdin, --sandbox, or set VODGUI_CDN_KEY", 2)
    auth_type = args.type.upper()
    if args.verify:
        verdict = urlsign.verify(args.url, key, domain_ttl=args.domain_ttl, expected_type=auth_type,
                                 issued=args.issued or "")
        text = urlsign.describe(verdict.code, verdict.params)
        if args.json:
            print_json({**verdict.to_dict(), "text": text})
        else:
            print(f"{'VALID' if verdict.ok else 'REFUSED'}  type {verdict.auth_type or '-'}  {text}")
        return 0 if verdict.ok else 1
    try:
        signed = urlsign.sign(args.url, key, auth_type, int(time.time()) + args.ttl, uid=args.uid, rand=args.rand)
    except urlsign.UrlSignError as err:
        return fail(urlsign.describe(err.code, err.params), 2)
    if args.json:
        print_json({"type": auth_type, "url": signed, "expires_at": int(time.time()) + args.ttl})
    else:
        print(signed)
    return 0
