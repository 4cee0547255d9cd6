from __future__ import annotations

import json

import pytest

from vodgui.core.errors import VodError
from vodgui.core.profiles import POLICY_UPLOAD_ONLY, Profile, ProfileStore, check_policy_json


def test_profiles_round_trip_without_secrets(tmp_path) -> None:
    store = ProfileStore(tmp_path)
    store.put(Profile("prod", mode="sts", access_key_id="LTAI5tXXXXXXXXXXXXXXXXXX",
                      role_arn="acs:ram::1234567890123456:role/uploader", policy=POLICY_UPLOAD_ONLY))
    store.ensure_sandbox()
    names = [p.name for p in store.list()]
    assert names == ["prod", "Sandbox"]
    assert store.default == "prod"
    text = (tmp_path / "profiles.json").read_text()
    assert "secret" not in json.loads(text)["profiles"][0]
    assert store.require("prod").role().role_arn.endswith("role/uploader")
    with pytest.raises(VodError, match="no profile named 'nope'"):
        store.require("nope")


@pytest.mark.parametrize(("changes", "message"), [
    ({"role_arn": "arn:aws:iam::1:role/x"}, "RoleArn"),
    ({"duration_seconds": 100}, "DurationSeconds must be between 900 and 3600"),
    ({"role_session_name": "a"}, "RoleSessionName must be 2-64"),
    ({"access_key_id": ""}, "Enter the AccessKey ID"),
    ({"region": "Shanghai"}, "region id"),
])
def test_invalid_profiles_say_what_to_fix(changes: dict, message: str) -> None:
    base = dict(name="p", mode="sts", access_key_id="LTAI5tXXXXXXXXXXXXXXXXXX",
                role_arn="acs:ram::1234567890123456:role/uploader")
    base.update(changes)
    with pytest.raises(VodError, match=message):
        Profile(**base).validate()


def test_policy_check_names_the_fault() -> None:
    check_policy_json(POLICY_UPLOAD_ONLY)
    with pytest.raises(VodError, match="not valid JSON"):
        check_policy_json("{")
    with pytest.raises(VodError, match='"Version": "1"'):
        check_policy_json('{"Statement": []}')
    with pytest.raises(VodError, match="not like vod:CreateUploadVideo"):
        check_policy_json('{"Version":"1","Statement":[{"Effect":"Allow","Action":"upload","Resource":"*"}]}')
