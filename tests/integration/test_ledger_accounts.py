"""The account a profile uploads to, as the ledger keys it: GetCallerIdentity for every mode and source that
signs VOD calls itself, the AppServer's URL otherwise; learned once per profile. (A token the service expired
early: tests/integration/test_engine_refresh.py.)"""

from __future__ import annotations

from typing import Any

from tests.helpers.workspace import ops
from vodgui.core.ledger import account_key
from vodgui.core.workspace import Workspace
from vodgui.sandbox.client import SandboxControl


def test_every_mode_and_source_has_an_account(ws: Workspace, info: dict[str, Any], control: SandboxControl) -> None:
    keys = {name: account_key(ws.sessions(name)) for name in
            ("credential-accesskey", "sts-accesskey", "sts-appserver", "credential-appserver")}
    same = f"acs:{info['account_id']}"
    assert keys["credential-accesskey"] == keys["sts-accesskey"] == keys["sts-appserver"] == same
    # The AppServer makes the VOD calls itself and hands out no credential: its URL stands for the account.
    assert keys["credential-appserver"] == "appserver:" + info["appserver_url"].rstrip("/")
    calls = len(ops(control.log(), "GetCallerIdentity"))
    assert {account_key(ws.sessions(name)) for name in keys if name != "credential-appserver"} == {same}
    assert len(ops(control.log(), "GetCallerIdentity")) == calls  # cached per profile

