"""JWTPlayAuth: generated as the official toolkit does, decoded and checked claim by claim."""

from __future__ import annotations

import warnings

import jwt

from vodgui.core import jwt_playauth
from vodgui.core.playback_lab import jwt_query

KEY = "yzNgTUtAl6HAuosIA"
NOW = 1_790_000_000.0


def test_generated_token_has_the_documented_claims() -> None:
    token = jwt_playauth.generate("a" * 32, KEY, region="cn-shanghai", ttl=3600, now=NOW,
                                  play_content_info={"formats": "m3u8", "definition": "HD"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = jwt.decode(token, KEY, algorithms=["HS256"])
    assert claims == {"appId": "app-1000000", "videoId": "a" * 32, "currentTimeStamp": 1_790_000_000_000,
                      "expireTimeStamp": 1_790_003_600_000, "regionId": "cn-shanghai",
                      "playContentInfo": {"formats": "m3u8", "definition": "HD"}}
    assert jwt_query(claims).formats == "m3u8" and jwt_query(claims).definition == "HD"


def test_inspection_findings() -> None:
    token = jwt_playauth.generate("a" * 32, KEY, region="cn-shanghai", ttl=60, now=NOW)
    good = jwt_playauth.inspect(token, play_key=KEY, video_id="a" * 32, region="cn-shanghai", now=NOW)
    assert good is not None and good.ok and good.expires_at == NOW + 60
    findings = jwt_playauth.inspect(token, play_key="WrongKey123", video_id="b" * 32, region="cn-beijing",
                                    now=NOW + 120)
    assert findings is not None
    assert [code for code, _ in findings.findings] == ["jwt_signature", "jwt_expired", "jwt_other_video",
                                                       "jwt_other_region"]
    assert "60 s ago" in jwt_playauth.describe(*findings.findings[1])
    seconds = jwt.encode({"appId": "app-1000000", "videoId": "v", "currentTimeStamp": int(NOW),
                          "expireTimeStamp": int(NOW) + 60}, "k" * 32, algorithm="HS256")
    found = jwt_playauth.inspect(seconds, now=NOW)
    assert found is not None and [c for c, _ in found.findings] == ["jwt_seconds_not_ms"]
    assert jwt_playauth.inspect("not a jwt") is None
