"""The offline sandbox: a loopback VOD + STS + OSS service that the official SDKs talk to.

It never imports Qt nor :mod:`vodgui.core`; clients reach it only through its URL, as they reach the cloud.
"""

from vodgui.sandbox.config import SandboxConfig, Settings
from vodgui.sandbox.server import SandboxServer

__all__ = ["SandboxConfig", "SandboxServer", "Settings"]
