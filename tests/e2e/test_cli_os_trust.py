"""A CA that IT installed in the operating system's store works with no setting, under the real host names.

The CLI runs in a private mount namespace (``unshare -m``; a normal user gets one in a user namespace, see
tests/helpers/namespaces.py) where a hosts file maps the region's VOD and STS names
to loopback and the system CA bundle (``/etc/ssl/certs/ca-certificates.crt``, what ``update-ca-certificates``
writes) also holds a CA made for this test. Nothing outside the namespace changes; no traffic leaves loopback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import REPO, TINY, json_lines
from tests.helpers.namespaces import namespaces_work, private_mount_command
from tests.helpers.tls import make_ca, tls_front
from tests.helpers.workspace import write_file
from vodgui.sandbox import SandboxServer

SYSTEM_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
VOD, STS = "vod.cn-shanghai.aliyuncs.com", "sts.cn-shanghai.aliyuncs.com"


pytestmark = pytest.mark.skipif(not (SYSTEM_BUNDLE.is_file() and namespaces_work()),
                                reason="needs unshare (root, or user namespaces) and a system CA bundle")


def test_a_ca_in_the_system_store_is_trusted_for_vod_sts_and_oss(tmp_path: Path, sandbox: SandboxServer,
                                                                  info: dict[str, Any],
                                                                  cli_env: dict[str, str]) -> None:
    sandbox.config.settings.min_part_size = 1024
    ca = make_ca(tmp_path / "ca", "Example Corp Inspection CA", (VOD, STS, "127.0.0.1"))
    hosts = tmp_path / "hosts"
    hosts.write_text(Path("/etc/hosts").read_text(encoding="utf-8") + f"\n127.0.0.1 {VOD} {STS}\n",
                     encoding="utf-8")
    bundle = tmp_path / "ca-certificates.crt"
    bundle.write_bytes(SYSTEM_BUNDLE.read_bytes() + b"\n" + ca.ca_file.read_bytes())

    def vodgui(*args: str, installed: bool, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        binds = {str(hosts): "/etc/hosts"}
        if installed:
            binds[str(bundle)] = str(SYSTEM_BUNDLE)
        env = {k: v for k, v in cli_env.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
                                                             "ALIBABA_CLOUD_CA_BUNDLE")}
        return subprocess.run(private_mount_command(binds, [sys.executable, "-m", "vodgui", *args]), input=stdin,
                              capture_output=True, text=True, env=env, timeout=120, cwd=REPO)

    with tls_front(ca, ("127.0.0.1", sandbox.port)) as front:
        port = front.server_address[1]
        plain = sandbox.context.url
        sandbox.context.url = front.url  # the OSS endpoint in UploadAddress: https, the same CA
        try:
            add = vodgui("profiles", "add", "corp", "--from-sandbox", "-", "--mode", "sts", "--vod-endpoint",
                         f"https://{VOD}:{port}", "--sts-endpoint", f"https://{STS}:{port}", "--proxy-mode", "none",
                         *TINY, installed=True, stdin=json.dumps(info) + "\n")
            assert add.returncode == 0, add.stderr
            video = write_file(tmp_path / "trusted.mp4", 70_000, seed=5)
            ok = vodgui("upload", str(video), "--profile", "corp", "--json", installed=True)
            assert ok.returncode == 0, ok.stderr[-2000:]
            assert json_lines(ok.stdout)[0]["state"] == "done"
            refused = vodgui("profiles", "test", "corp", installed=False)
        finally:
            sandbox.context.url = plain
    assert refused.returncode == 1
    assert f"The certificate of {STS} is not trusted: it was issued by \"Example Corp Inspection CA\"" in refused.stdout
    assert "install its CA certificate in the operating system" in refused.stdout
