from __future__ import annotations

import base64
import json
import logging

import pytest

from vodgui.core.credentials import Secret, UploadAddress, UploadAuth, parse_utc
from vodgui.core.errors import VodError
from vodgui.core.redact import RedactingFilter, mask, redact


def b64(obj: object) -> str:
    return base64.b64encode(json.dumps(obj).encode()).decode()


AUTH = {"AccessKeyId": "STS.abc", "AccessKeySecret": "secret-value-123456", "SecurityToken": "CAIS" + "x" * 60,
        "Expiration": "3000", "ExpireUTCTime": "2026-11-22T08:00:00Z", "Region": "cn-shanghai"}


def test_upload_address_decodes_and_names_missing_fields() -> None:
    addr = UploadAddress.decode(b64({"Endpoint": "https://oss-cn-shanghai.aliyuncs.com", "Bucket": "outin-1",
                                     "FileName": "sv/a/b.mp4"}))
    assert (addr.endpoint, addr.bucket, addr.file_name) == ("https://oss-cn-shanghai.aliyuncs.com", "outin-1",
                                                             "sv/a/b.mp4")
    assert UploadAddress.decode(addr.encode()) == addr
    with pytest.raises(VodError, match="has no Bucket"):
        UploadAddress.decode(b64({"Endpoint": "x", "FileName": "y"}))
    with pytest.raises(VodError, match="not base64-encoded JSON"):
        UploadAddress.decode("%%%not-base64")


def test_upload_auth_prefers_expire_utc_time_and_falls_back_to_expiration() -> None:
    auth = UploadAuth.decode(b64(AUTH), now=0)
    assert auth.expires_at == parse_utc("2026-11-22T08:00:00Z")
    no_utc = dict(AUTH)
    del no_utc["ExpireUTCTime"]
    assert UploadAuth.decode(b64(no_utc), now=1000.0).expires_at == 4000.0
    missing = dict(AUTH)
    del missing["SecurityToken"]
    with pytest.raises(VodError, match="has no SecurityToken"):
        UploadAuth.decode(b64(missing), now=0)


def test_secrets_never_print_and_are_redacted_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    auth = UploadAuth.decode(b64(AUTH), now=0)
    assert "secret-value" not in repr(auth) and "CAIS" not in repr(auth)
    assert f"{auth.access_key_secret}" == "***"
    s = Secret("another-long-secret")
    assert "another-long-secret" not in redact("token is another-long-secret here")
    assert mask("LTAI5tABCDEFGH") == "LTAI…(14)"
    # A server error quoting a percent-encoded SecurityToken inside its string-to-sign:
    assert "CAISzzzzzzzzzzzzzzzzzzzz" not in redact("sts is:POST&%2F&SecurityToken%3DCAISzzzzzzzzzzzzzzzzzzzz%26")
    logger = logging.getLogger("aliyunsdkcore.client.test")
    handler_filter = RedactingFilter()
    record = logger.makeRecord("x", logging.ERROR, __file__, 1, "failed with %s", (s.reveal(),), None)
    handler_filter.filter(record)
    assert "another-long-secret" not in record.getMessage()
