"""Run a command in a private mount namespace, as root or as a normal user, to bind-mount test files over system
ones (a hosts file over /etc/hosts to give a loopback server a real hostname, a CA bundle over the OS trust store).

``unshare --mount`` needs CAP_SYS_ADMIN: as root it is enough; a normal user (CI runs the suite as one, in a fresh
Debian root) gets the capability inside a new user namespace that maps their uid to root
(``unshare --user --map-root-user --mount``). Files the test wrote stay readable there; the mounts vanish with the
process.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping, Sequence


def private_mount_command(binds: Mapping[str, str], argv: Sequence[str]) -> list[str]:
    """A command line that bind-mounts each ``{source: target}`` in a private mount namespace, then runs ``argv``
    (in place of the shell, so its exit status and signals are the command's own)."""
    prefix = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    mounts = " && ".join(f"mount --bind {shlex.quote(src)} {shlex.quote(dst)}" for src, dst in binds.items())
    script = f"{mounts} && exec {shlex.join(argv)}" if mounts else f"exec {shlex.join(argv)}"
    return [*prefix, "sh", "-c", script]


def namespaces_work() -> bool:
    """Whether :func:`private_mount_command` works here (POSIX, ``unshare``, root or user namespaces)."""
    if os.name != "posix" or not shutil.which("unshare"):
        return False
    return subprocess.run(private_mount_command({"/etc/hosts": "/etc/hosts"}, ["true"]),
                          capture_output=True, timeout=20).returncode == 0
