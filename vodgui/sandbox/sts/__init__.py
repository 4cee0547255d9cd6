"""Sandbox STS (2015-04-01): AssumeRole and GetCallerIdentity."""

from vodgui.sandbox.sts.handlers import make_sts_product
from vodgui.sandbox.sts.models import StsModel

__all__ = ["StsModel", "make_sts_product"]
