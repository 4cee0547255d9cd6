"""``vodgui profiles add|list|remove|test``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vodgui.cli.common import error_text, fail, open_workspace, print_json, read_secret, setup_logging
from vodgui.core.acceleration import ACCELERATE_ENDPOINTS, DEFAULT_ACCELERATE_ENDPOINT
from vodgui.core.connection_test import test_connection
from vodgui.core.errors import VodError
from vodgui.core.network import PROXY_MODES, split_proxy_url
from vodgui.core.profiles import POLICY_UPLOAD_AND_PLAYBACK, POLICY_UPLOAD_ONLY, Profile
from vodgui.core.redact import register as register_secret
from vodgui.core.transfer.config import TransferConfig

POLICY_PRESETS = {"upload": POLICY_UPLOAD_ONLY, "upload+playback": POLICY_UPLOAD_AND_PLAYBACK}


def add_transfer_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("transfer settings")
    g.add_argument("--part-size", type=int, help="bytes per part (0 = automatic)")
    g.add_argument("--parallel-parts", type=int, help="parts in flight per file (default 4)")
    g.add_argument("--concurrent-files", type=int, help="files at once (default 2)")
    g.add_argument("--retries", type=int, help="retries per request (default 3)")
    g.add_argument("--retry-delay", type=float, help="first retry delay in seconds (default 2)")
    g.add_argument("--throttle-patience", type=float,
                   help="seconds a request keeps retrying while the service throttles (default 300)")
    g.add_argument("--bandwidth-limit", type=int, help="bytes per second for all uploads (0 = unlimited)")
    g.add_argument("--min-part-size", type=int, help=argparse.SUPPRESS)  # sandbox rehearsals with tiny parts


def transfer_overrides(args: argparse.Namespace) -> dict[str, Any]:
    mapping = {"part_size": "part_size", "parallel_parts": "parts_in_flight", "concurrent_files": "concurrent_files",
               "retries": "retries", "retry_delay": "retry_delay", "bandwidth_limit": "bandwidth_limit",
               "min_part_size": "min_part_size", "throttle_patience": "throttle_patience"}
    return {field: getattr(args, arg) for arg, field in mapping.items() if getattr(args, arg, None) is not None}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("profiles", help="manage named profiles (secrets go to the system keychain)")
    psub = p.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)

    add = psub.add_parser("add", help="create or replace a profile")
    add.add_argument("name")
    add.add_argument("--from-sandbox", metavar="JSON_FILE_OR_-",
                     help="the JSON line printed by 'vodgui sandbox' (a file, or - for stdin)")
    add.add_argument("--mode", choices=("credential", "sts"), default="credential",
                     help="credential: per-video upload credentials; sts: AssumeRole temporary token")
    add.add_argument("--source", choices=("accesskey", "appserver"), default="accesskey",
                     help="an AccessKey kept in the keychain, or your team's AppServer")
    add.add_argument("--region", default=None)
    add.add_argument("--access-key-id")
    add.add_argument("--secret-stdin", action="store_true", help="read the AccessKey secret / token from stdin")
    add.add_argument("--secret-env", metavar="VAR", help="read the AccessKey secret / token from $VAR")
    add.add_argument("--role-arn")
    add.add_argument("--session-name", default=None)
    add.add_argument("--duration", type=int, default=None, help="DurationSeconds, 900-3600")
    add.add_argument("--policy", help="session policy JSON, @file, or a preset: upload, upload+playback")
    add.add_argument("--appserver-url")
    add.add_argument("--vod-endpoint")
    add.add_argument("--sts-endpoint")
    add.add_argument("--default", action="store_true", help="make it the default profile")
    net = add.add_argument_group("network (every connection of the profile: VOD, STS, OSS, AppServer)")
    net.add_argument("--proxy-mode", choices=PROXY_MODES,
                     help="system (default: the OS settings and environment, NO_PROXY, PAC/WPAD), none, manual "
                          "(--proxy) or pac (--pac-url)")
    net.add_argument("--proxy", metavar="URL", help="http://, https:// or socks5://[user[:password]@]host:port "
                     "(implies --proxy-mode manual); a password goes to the keychain, never to the profile file")
    net.add_argument("--proxy-user", help="user name for the proxy (its password: --proxy-password-env)")
    net.add_argument("--proxy-password-env", metavar="VAR", help="read the proxy password from $VAR")
    net.add_argument("--no-proxy", metavar="HOSTS", help="manual mode: comma-separated hosts, domains or networks "
                     "reached directly")
    net.add_argument("--pac-url", metavar="URL", help="a PAC file's URL or path (implies --proxy-mode pac)")
    net.add_argument("--ca-file", metavar="PEM", help="CA certificates trusted in addition to the operating "
                     "system's (e.g. your company's TLS inspection CA)")
    accel = add.add_argument_group("upload acceleration (billed; Alibaba Cloud enables it for the account first)")
    accel.add_argument("--accelerate", action="store_true",
                       help="send uploads through OSS transfer acceleration (AccelerateConfig in UserData)")
    accel.add_argument("--accelerate-endpoint", metavar="URL",
                       help=f"the accelerate endpoint (default {DEFAULT_ACCELERATE_ENDPOINT}; outside mainland "
                            f"China: {ACCELERATE_ENDPOINTS[1]})")
    add_transfer_arguments(add)
    add.set_defaults(func=_add)

    ls = psub.add_parser("list", help="list profiles")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    rm = psub.add_parser("remove", help="delete a profile and its keychain secret")
    rm.add_argument("name")
    rm.set_defaults(func=_remove)

    test = psub.add_parser("test", help="make a real call with the profile and explain any failure")
    test.add_argument("name")
    test.add_argument("--json", action="store_true")
    test.set_defaults(func=_test)


def _policy(value: str | None) -> str:
    if not value:
        return ""
    if value in POLICY_PRESETS:
        return POLICY_PRESETS[value]
    if value.startswith("@"):
        return Path(value[1:]).read_text(encoding="utf-8")
    return value


def _add(args: argparse.Namespace) -> int:
    setup_logging()
    secret: str | None = None
    values: dict[str, Any] = {"name": args.name, "mode": args.mode, "source": args.source}
    if args.from_sandbox:
        raw = sys.stdin.read() if args.from_sandbox == "-" else Path(args.from_sandbox).read_text(encoding="utf-8")
        lines = [ln for ln in raw.splitlines() if ln.strip().startswith("{")]
        if not lines:
            return fail("--from-sandbox: no JSON line found (pass what 'vodgui sandbox' printed)", 2)
        info = json.loads(lines[0])
        values.update(region=info["region"], vod_endpoint=info["vod_endpoint"], sts_endpoint=info["sts_endpoint"],
                      appserver_url=info["appserver_url"])
        if args.source == "appserver":
            secret = info["appserver_token"]
        elif args.mode == "sts":
            values.update(access_key_id=info["ram_user"]["access_key_id"], role_arn=info["role_arn"])
            secret = info["ram_user"]["access_key_secret"]
        else:
            values.update(access_key_id=info["access_key_id"])
            secret = info["access_key_secret"]
    for arg, field in (("region", "region"), ("access_key_id", "access_key_id"), ("role_arn", "role_arn"),
                       ("session_name", "role_session_name"), ("duration", "duration_seconds"),
                       ("appserver_url", "appserver_url"), ("vod_endpoint", "vod_endpoint"),
                       ("sts_endpoint", "sts_endpoint")):
        if getattr(args, arg) is not None:
            values[field] = getattr(args, arg)
    if args.policy is not None:
        values["policy"] = _policy(args.policy)
    values["accelerate"] = args.accelerate
    if args.accelerate_endpoint is not None:
        values["accelerate_endpoint"] = args.accelerate_endpoint
    values["transfer"] = TransferConfig(**transfer_overrides(args))
    proxy_password = _network_values(args, values)
    profile = Profile(**values)
    what = "AppServer token" if profile.source == "appserver" else "AccessKey secret"
    if secret is None or args.secret_stdin or args.secret_env:
        secret = read_secret(f"{what} for {profile.name}: ", stdin=args.secret_stdin, env=args.secret_env)
    if not secret:
        return fail(f"no {what} given: use --secret-stdin, --secret-env VAR, or run in a terminal to be asked", 2)
    with open_workspace(args.home) as ws:
        try:
            profile.validate()
            field = profile.needs_secret
            assert field is not None
            where = ws.secrets.set(profile.name, field, secret)
            if proxy_password:
                ws.secrets.set(profile.name, "proxy_password", proxy_password)
            else:
                ws.secrets.delete(profile.name, "proxy_password")  # a replaced profile keeps no stale password
            ws.profiles.put(profile)
            if args.default:
                ws.profiles.set_default(profile.name)
        except VodError as err:
            return fail(error_text(err), 2)
    print(f"profile {profile.name!r} saved ({profile.mode} mode, {profile.source}); {what} stored in {where}",
          file=sys.stderr)
    return 0


def _network_values(args: argparse.Namespace, values: dict[str, Any]) -> str:
    """Fill the profile's network fields from the arguments; return the proxy password ("" if none)."""
    password = ""
    if args.proxy:
        bare, user, password = split_proxy_url(args.proxy)
        values.update(proxy_mode="manual", proxy_url=bare, proxy_user=user)
    if args.pac_url:
        values.update(proxy_mode="pac", proxy_url=args.pac_url)
    if args.proxy_mode:
        values["proxy_mode"] = args.proxy_mode
    if args.proxy_user:
        values["proxy_user"] = args.proxy_user
    if args.no_proxy is not None:
        values["no_proxy"] = args.no_proxy
    if args.ca_file:
        values["ca_file"] = str(Path(args.ca_file).expanduser().resolve())
    if args.proxy_password_env:
        password = read_secret("", stdin=False, env=args.proxy_password_env) or ""
    register_secret(password)  # from here on, no log line or message shows it
    return password


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args.home) as ws:
        profiles = ws.profiles.list()
        default = ws.profiles.default
    if args.json:
        for p in profiles:
            data = p.to_json()
            data["default"] = p.name == default
            print_json(data)
        return 0
    if not profiles:
        print("no profiles yet: 'vodgui profiles add NAME ...'", file=sys.stderr)
    for p in profiles:
        star = "*" if p.name == default else " "
        where = "built-in sandbox" if p.sandbox else (p.appserver_url if p.source == "appserver"
                                                      else p.access_key_id)
        accel = "  (accelerated)" if p.accelerate else ""
        print(f"{star} {p.name:20} {p.region:14} {p.mode:10} {p.source:9} {where}{accel}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    setup_logging()
    with open_workspace(args.home) as ws:
        if ws.profiles.get(args.name) is None:
            return fail(f"no profile named {args.name!r}", 2)
        ws.delete_profile(args.name)  # a keychain it cannot reach is logged, not fatal: the profile is gone
    return 0


def _test(args: argparse.Namespace) -> int:
    setup_logging()
    from vodgui.cli.common import stop_builtin_sandbox

    with open_workspace(args.home) as ws:
        try:
            profile = ws.profiles.require(args.name)
            result = test_connection(ws.sessions, profile)
        except VodError as err:
            return fail(error_text(err), 2)
        finally:
            stop_builtin_sandbox()
    if args.json:
        print_json(result.to_json())
    else:
        print(("OK: " if result.ok else "FAILED: ") + result.summary)
        for step in result.steps:
            print(f"  {'ok ' if step.ok else 'ERR'} {step.name}: {step.detail}")
        for warning in result.warnings:
            print(f"WARNING: {warning.english()}")
    return 0 if result.ok else 1
