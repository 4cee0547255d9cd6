"""Sandbox OSS: path-style object storage with multipart uploads, as oss2 speaks it."""

from vodgui.sandbox.oss.handlers import OssService
from vodgui.sandbox.oss.models import ObjectMeta, OssModel

__all__ = ["ObjectMeta", "OssModel", "OssService"]
