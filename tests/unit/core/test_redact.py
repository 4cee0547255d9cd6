"""The redactor's patterns, on the exact shapes the SDKs and services print (no registration needed)."""

from __future__ import annotations

import logging

import pytest

from vodgui.core.logbuffer import LogBuffer
from vodgui.core.redact import RedactingFilter, mask, redact, register

TOKEN = "CAIS" + "Ab3dEf9hIj/Kl+Mn0pQr=StUvWxYz" * 8
SECRET = "UYKe7ZbZXlPoNyPcXdt91NZAHYNPm2MMLfUwiSfxhp24"
SIG = "IQ0i8GMbYua6bzTOQrngHTmhtPM="


def _clean(text: str, *needles: str) -> str:
    out = redact(text)
    for needle in needles:
        assert needle not in out, f"{needle[:12]}… survived in {out!r}"
    return out


def test_oss2_send_request_line_with_single_quoted_headers() -> None:
    # oss2.http DEBUG: "Send request, method: ..., headers: {...}" (a Python dict repr).
    line = ("Send request, method: PUT, url: http://127.0.0.1:1/b/k.mp4, params: {'partNumber': '1'}, headers: "
            f"{{'User-Agent': 'aliyun-sdk-python/2.19.1', 'x-oss-security-token': '{TOKEN}', "
            f"'date': 'Sun, 22 Nov 2026 08:21:19 GMT', 'authorization': 'OSS STS.3Xvi1rjVNua2Uap0I2Mc:{SIG}'}}, "
            "timeout: 10, proxies: None")
    out = _clean(line, TOKEN, TOKEN[4:40], SIG, "STS.3Xvi1rjVNua2Uap0I2Mc:")
    assert "'authorization': 'OSS ***'" in out
    assert "'x-oss-security-token': '" in out
    assert out.endswith("timeout: 10, proxies: None")  # the rest of the line survives


def test_oss2_string_to_sign_bytes_repr_keeps_the_resource() -> None:
    line = (f"Make signature: string to be signed = b'PUT\\n\\n\\nSun, 22 Nov 2026 GMT\\nx-oss-security-token:{TOKEN}"
            "\\n/bucket/sv/a.mp4?partNumber=1&uploadId=700F'")
    out = _clean(line, TOKEN, TOKEN[8:40])
    assert "\\n/bucket/sv/a.mp4?partNumber=1" in out


@pytest.mark.parametrize("header", [
    '"Authorization": "OSS STS.abcdefgh:{sig}"',
    "'authorization': 'OSS STS.abcdefgh:{sig}'",
    "Authorization: OSS STS.abcdefgh:{sig}",
    "'authorization': 'OSS4-HMAC-SHA256 Credential=STS.abcdefgh/20260101/cn-shanghai/oss/aliyun_v4_request, "
    "AdditionalHeaders=host, Signature={sig}'",
    "'authorization': 'OSS2 AccessKeyId:STS.abcdefgh,Signature:{sig}'",
    "Authorization: ACS3-HMAC-SHA256 Credential=STS.abcdefgh,SignedHeaders=host;x-acs-date,Signature={sig}",
    "{'Authorization': 'Bearer {sig}', 'Accept': 'application/json'}",
])
def test_authorization_headers_in_every_quoting(header: str) -> None:
    sig = "0f" * 32
    out = _clean(header.replace("{sig}", sig), sig, "STS.abcdefgh")
    assert "***" in out


def test_sdk_bodies_json_xml_and_params() -> None:
    body = (f'b\'{{"RequestId": "3F43FB15", "Credentials": {{"AccessKeyId": "STS.V0qe", "AccessKeySecret": '
            f'"{SECRET}", "SecurityToken": "{TOKEN}", "Expiration": "2026-11-22T09:00:00Z"}}}}\'')
    out = _clean(body, SECRET, TOKEN)
    assert '"RequestId": "3F43FB15"' in out and '"Expiration": "2026-11-22T09:00:00Z"' in out
    xml = f"<AccessKeySecret>{SECRET}</AccessKeySecret><SecurityToken>{TOKEN}</SecurityToken>"
    _clean(xml, SECRET, TOKEN)
    params = f"Params: {{'Title': 'a', 'SecurityToken': '{TOKEN}', 'Action': 'CreateUploadVideo'}}"
    assert "'Action': 'CreateUploadVideo'" in _clean(params, TOKEN)
    # A secret with no digit nor +/=% in it (about one STS secret in two hundred) is masked when quoted too.
    letters = "qWeRtYuIoPaSdFgHjKlZxCvBnMqWeRtY"
    _clean(f'{{"AccessKeyId": "STS.V0qe", "AccessKeySecret": "{letters}"}}', letters)
    _clean(f"{{'AccessKeySecret': '{letters}', 'SecurityToken': '{letters}'}}", letters)
    blob = "eyJTZWN1cml0eVRva2VuIjogIkNBSVNhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5eiJ9"
    _clean(f'{{"VideoId": "v1", "UploadAuth": "{blob}"}}', blob)
    _clean(f"UploadAuth={blob}", blob)
    _clean(f"'PlayAuth': '{blob}'", blob)


def test_string_to_sign_with_a_percent_encoded_token() -> None:
    encoded = TOKEN.replace("/", "%252F").replace("+", "%252B").replace("=", "%253D")
    message = ("Specified signature is not matched with our calculation. server string to sign is:GET&%2F&"
               f"AccessKeyId%3DSTS.abc%26Action%3DGetVideoInfos%26SecurityToken%3D{encoded}%26Version%3D2017")
    out = _clean(message, encoded, encoded[4:30])
    assert out.endswith("%26Version%3D2017")


def test_query_string_signatures_and_cdn_auth_keys() -> None:
    url = f"http://vod.cn-shanghai.aliyuncs.com/?AccessKeyId=LTAI&SecurityToken={TOKEN}&Signature=abc%2Bdef%3D"
    _clean(url, TOKEN, "abc%2Bdef")
    cdn = "https://cdn.example.com/v.mp4?auth_key=1700000000-0-0-0123456789abcdef0123456789abcdef"
    _clean(cdn, "0123456789abcdef0123456789abcdef")


def test_registered_secrets_are_masked_wherever_they_appear() -> None:
    secret = "RegisteredSecretValue1234567890"
    register(secret)
    out = redact(f"f-string leak: {secret}!")
    assert secret not in out and mask(secret) in out
    assert redact(out) == out  # idempotent: a second pass changes nothing


def test_plain_text_is_left_alone() -> None:
    text = ("Uploaded a.mp4 as VideoId 36c22c128aab1db86aa790cdc28143d3 (RequestId E6D246E1-8C28-1AC5-550E-"
            "939D41ADA96E); SignatureDoesNotMatch explained; 中文标题")
    assert redact(text) == text


def test_filter_redacts_messages_args_and_tracebacks() -> None:
    buffer = LogBuffer()
    logger = logging.getLogger("test.redact.filter")
    logger.propagate = False
    logger.addHandler(buffer)
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("headers: %s", {"x-oss-security-token": TOKEN})
        try:
            raise RuntimeError(f"AccessKeySecret={SECRET}")
        except RuntimeError:
            logger.exception("call failed")
    finally:
        logger.removeHandler(buffer)
        logger.propagate = True
    text = "\n".join(line.message for line in buffer.since(0))
    assert TOKEN not in text and SECRET not in text
    assert "call failed" in text and "RuntimeError" in text


def test_filter_survives_a_broken_format_string() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s %s", (TOKEN,), None)
    assert RedactingFilter().filter(record)
    assert TOKEN not in record.getMessage()


def test_registered_secrets_are_masked_percent_encoded_too() -> None:
    token = "CAISpercent+encoded/token=="
    register(token)
    once = "CAISpercent%2Bencoded%2Ftoken%3D%3D"
    twice = once.replace("%", "%25")
    out = redact(f"SignatureNonce%3D1%26Token%3D{once}%26X%3D{twice}%26")
    assert once not in out and twice not in out and "encoded" not in out
