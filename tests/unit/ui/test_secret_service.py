"""The keychain path against a real Secret Service: gnome-keyring on a private D-Bus session.

The daemons get a private HOME, XDG directories and bus; the code under test runs in a child interpreter that
alone sees ``DBUS_SESSION_BUS_ADDRESS``, so nothing leaks into other tests. ``secret-tool`` then reads the secret
back through the same service, and no file under the private HOME contains it in plain text.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BINARIES = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool")
SECRET = "s3cr3t-AccessKey-Secret-\u4e2d\u6587"

CHILD = r"""
import json, sys
import keyring.backends.SecretService
from vodgui.core.keychain import SecretStore
from vodgui.ui.profile_dialog import backend_name

store = SecretStore(keyring.backends.SecretService.Keyring())
secret = sys.argv[1]
out = {"problem": store.problem(), "name": backend_name(store.backend)}
out["label"] = store.set("Production", "access_key_secret", secret)
out["read"] = store.get("Production", "access_key_secret").reveal()
store.set("Old name", "appserver_token", "token-" + secret)
store.rename("Old name", "New name")
out["renamed"] = store.get("New name", "appserver_token").reveal()
out["old_gone"] = store.get("Old name", "appserver_token") is None
store.delete("New name", "appserver_token")
out["deleted"] = store.get("New name", "appserver_token") is None
print(json.dumps(out))
"""


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An unlocked gnome-keyring Secret Service on a private session bus; yields the environment to use it."""
    missing = [b for b in BINARIES if shutil.which(b) is None]
    if missing:
        pytest.skip(f"Secret Service test needs {', '.join(missing)} (apt: dbus, gnome-keyring, libsecret-tools)")
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for d in (home, runtime):
        d.mkdir()
        d.chmod(0o700)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache")}
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                            f"--address=unix:path={runtime / 'bus'}"], stdout=subprocess.PIPE, env=env)
    daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        assert env["DBUS_SESSION_BUS_ADDRESS"], "dbus-daemon printed no address"
        # --unlock reads the login keyring's password on stdin and creates the keyring if needed.
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        assert daemon.stdin is not None
        daemon.stdin.write(b"test-password")
        daemon.stdin.close()
        # Wait for the service to own its name; asking earlier would D-Bus-activate a second, locked daemon.
        deadline = time.monotonic() + 20
        while True:
            reply = subprocess.run(
                ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                 "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"],
                env=env, capture_output=True, text=True, timeout=10)
            if "boolean true" in reply.stdout:
                break
            if daemon.poll() is not None or time.monotonic() > deadline:
                err = daemon.stderr.read().decode(errors="replace") if daemon.stderr else ""
                pytest.fail(f"gnome-keyring-daemon did not start the Secret Service: {err}")
            time.sleep(0.05)  # polling a condition, not waiting for a fixed time
        yield env
    finally:
        if daemon is not None:
            _stop(daemon)
        _stop(bus)


@pytest.mark.secret_service
@pytest.mark.timeout(60)
def test_secret_store_keeps_secrets_in_a_real_secret_service(secret_service: dict[str, str]) -> None:
    env = dict(secret_service, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", CHILD, SECRET], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=45)
    assert child.returncode == 0, child.stderr
    out = json.loads(child.stdout.strip().splitlines()[-1])
    assert out["problem"] is None
    assert out["name"] == "SecretService Keyring"  # what the profile editor shows: "Stored in SecretService…"
    assert out["label"].endswith("(keyring.backends.SecretService.Keyring)")
    assert out["read"] == SECRET
    assert out["renamed"] == "token-" + SECRET and out["old_gone"] and out["deleted"]

    # The same item, read by libsecret's own client: it is in the keychain, under vodgui's service/username.
    lookup = subprocess.run(["secret-tool", "lookup", "service", "vodgui", "username", "Production:access_key_secret"],
                            env=secret_service, capture_output=True, timeout=20)
    assert lookup.returncode == 0, lookup.stderr
    assert lookup.stdout.decode("utf-8") == SECRET

    # And not in a file: the keyring on disk is encrypted, nothing else holds the secret.
    home = Path(secret_service["HOME"])
    assert list((home / ".local" / "share" / "keyrings").glob("*.keyring"))
    needle = SECRET.encode("utf-8")
    leaks = [p for p in home.rglob("*") if p.is_file() and needle in p.read_bytes()]
    assert leaks == []
