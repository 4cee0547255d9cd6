"""DraftSessionFactory: the secrets "Test connection" uses for a profile that is being edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.keyrings import MemoryKeyring
from vodgui.core.errors import VodError
from vodgui.core.keychain import SecretStore
from vodgui.core.profiles import Profile
from vodgui.core.session import DraftSessionFactory
from vodgui.core.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace(str(tmp_path), secrets=SecretStore(MemoryKeyring()), sandbox_info=lambda: {
        "region": "cn-shanghai", "vod_endpoint": "http://v", "sts_endpoint": "http://s", "appserver_url": "http://a",
        "access_key_id": "LTAIroot", "access_key_secret": "root-secret", "appserver_token": "tok",
        "ram_user": {"access_key_id": "LTAIuser", "access_key_secret": "user-secret"}, "role_arn": "acs:ram::1:role/r"})
    ws.secrets.set("Old", "access_key_secret", "stored-secret")
    return ws


def test_a_typed_secret_wins(ws: Workspace) -> None:
    draft = DraftSessionFactory(ws.sessions, {"access_key_secret": "typed"}, stored_name="Old")
    _, secrets = draft.effective(Profile("Old", access_key_id="LTAIx"))
    assert secrets["access_key_secret"].reveal() == "typed"


def test_the_stored_secret_is_found_under_the_name_before_the_edit(ws: Workspace) -> None:
    draft = DraftSessionFactory(ws.sessions, {"access_key_secret": ""}, stored_name="Old")
    profile, secrets = draft.effective(Profile("Renamed", access_key_id="LTAIx"))
    assert profile.name == "Renamed"
    assert secrets["access_key_secret"].reveal() == "stored-secret"


def test_no_secret_anywhere_is_a_config_error(ws: Workspace) -> None:
    draft = DraftSessionFactory(ws.sessions, {}, stored_name=None)
    with pytest.raises(VodError) as err:
        draft.effective(Profile("New", access_key_id="LTAIx"))
    assert err.value.code == "MissingSecret"


def test_the_sandbox_profile_still_resolves_from_the_running_sandbox(ws: Workspace) -> None:
    draft = DraftSessionFactory(ws.sessions)
    profile, secrets = draft.effective(Profile("Sandbox", mode="sts", sandbox=True))
    assert profile.access_key_id == "LTAIuser" and secrets["access_key_secret"].reveal() == "user-secret"
    with pytest.raises(TypeError):
        draft("Sandbox")
