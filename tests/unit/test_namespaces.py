"""The private-mount-namespace helper works for whoever runs the suite (root here, a normal user in CI's Debian
root): a hosts file bind-mounted over /etc/hosts makes a made-up name resolve to loopback for the command only."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.helpers.namespaces import private_mount_command


def test_a_bound_hosts_file_resolves_a_name_only_inside(tmp_path: Path) -> None:
    name = "vod.cn-shanghai.aliyuncs.test"  # .test is reserved: it never resolves outside
    hosts = tmp_path / "hosts"
    hosts.write_text(f"127.0.0.1 localhost\n127.0.0.1 {name}\n")
    probe = [sys.executable, "-c", f"import socket; print(socket.gethostbyname({name!r}))"]
    result = subprocess.run(private_mount_command({str(hosts): "/etc/hosts"}, probe), capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "127.0.0.1"
    try:
        outside = socket.gethostbyname(name)
    except OSError:
        outside = None
    assert outside != "127.0.0.1"  # the mount stayed in the child's namespace
