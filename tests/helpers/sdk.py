"""Official-SDK clients pointed at a sandbox, for tests."""

from __future__ import annotations

import json
from typing import Any

import oss2
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest


def acs_client(info: dict[str, Any], access_key_id: str | None = None, secret: str | None = None,
               token: str | None = None) -> AcsClient:
    """An AcsClient for the sandbox's account key, or the given key (with an STS token if given)."""
    ak = access_key_id or info["access_key_id"]
    sk = secret or info["access_key_secret"]
    if token:
        return AcsClient(region_id=info["region"], credential=StsTokenCredential(ak, sk, token))
    return AcsClient(ak, sk, info["region"])


def call(client: AcsClient, request: RpcRequest, endpoint: str) -> dict[str, Any]:
    """Send a request to ``endpoint`` (``http://127.0.0.1:PORT``) and decode the JSON answer."""
    request.set_endpoint(endpoint)
    return dict(json.loads(client.do_action_with_exception(request)))


def oss_bucket(endpoint: str, bucket: str, access_key_id: str, secret: str, token: str | None = None,
               *, v4: bool = False, region: str = "cn-shanghai") -> oss2.Bucket:
    """An oss2 Bucket with STS (or plain) credentials, V1 or V4 signing."""
    if v4:
        provider = oss2.credentials.StaticCredentialsProvider(access_key_id, secret, token)
        return oss2.Bucket(oss2.ProviderAuthV4(provider), endpoint, bucket, region=region)
    auth = oss2.StsAuth(access_key_id, secret, token) if token else oss2.Auth(access_key_id, secret)
    return oss2.Bucket(auth, endpoint, bucket)
