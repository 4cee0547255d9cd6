"""Sandbox VOD (2017-03-21): media, upload credentials, playback."""

from vodgui.sandbox.vod.handlers import make_vod_product
from vodgui.sandbox.vod.models import VodModel

__all__ = ["VodModel", "make_vod_product"]
