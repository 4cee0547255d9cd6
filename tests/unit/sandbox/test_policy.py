"""RAM policy documents: the grammar check names each fault; evaluation is Deny > Allow > implicit deny."""

from __future__ import annotations

import json
from typing import Any

import pytest

from vodgui.sandbox.policy import (
    Decision,
    PolicyGrammarError,
    RequestContext,
    evaluate,
    parse_policy,
    wildcard_match,
)


def doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "1", "Statement": list(statements)}


def allow(action: Any = "vod:*", resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: Any = "vod:*", resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


# -- grammar -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("document", [
    doc(allow()),
    doc(allow(["vod:CreateUploadVideo", "vod:RefreshUploadVideo"])),
    doc(allow("*")),
    doc({"Effect": "Deny", "NotAction": "vod:Get*", "NotResource": ["acs:vod:*:*:video/x"]}),
    doc(allow(Condition={"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "192.168.1.1"]}})),
    doc(allow(Condition={"Bool": {"acs:SecureTransport": True}})),
    doc(allow(Condition={"DateLessThan": {"acs:CurrentTime": "2019-08-12T17:00:00+08:00"}})),
    doc(allow(Condition={"StringLike": {"vod:Title": "demo*"}}), {"Sid": "two", **deny("vod:Delete*")}),
])
def test_good_documents_parse(document: dict[str, Any]) -> None:
    assert parse_policy(json.dumps(document)) == document
    assert parse_policy(document) == document  # a mapping is accepted as well as text


@pytest.mark.parametrize(("document", "fault"), [
    ("{", "not valid JSON"),
    ("[]", "must be a JSON object"),
    ({"Statement": [allow()]}, 'Version must be "1"'),
    ({"Version": 1, "Statement": [allow()]}, 'Version must be "1"'),
    ({"Version": "1", "Statement": [allow()], "Extra": 1}, "unknown policy element 'Extra'"),
    ({"Version": "1"}, "Statement must be a non-empty list"),
    ({"Version": "1", "Statement": allow()}, "Statement must be a non-empty list"),
    (doc("Allow"), "Statement[0] must be an object"),
    (doc(allow(), {**allow(), "Effect": "allow"}), 'Statement[1].Effect must be "Allow" or "Deny"'),
    (doc({"Effect": "Allow", "Resource": "*"}), "Statement[0] needs exactly one of Action and NotAction"),
    (doc({**allow(), "NotAction": "vod:x"}), "Statement[0] needs exactly one of Action and NotAction"),
    (doc(allow("GetPlayInfo")), "Statement[0].Action 'GetPlayInfo' is not of the form service:Name"),
    (doc(allow("vod:Get Play")), "is not of the form service:Name"),
    (doc(allow([])), "Statement[0].Action must be a string or a non-empty list of strings"),
    (doc(allow([1])), "Statement[0].Action must be a string or a non-empty list of strings"),
    (doc({"Effect": "Allow", "Action": "vod:*"}),
     "Statement[0] needs exactly one of Resource and NotResource"),
    (doc(allow(resource=[])), "Statement[0].Resource must be a string or a non-empty list"),
    (doc(allow(Principal="x", Foo=1)), "Statement[0] has an unknown element 'Foo'"),
    (doc(allow(Condition={})), "Statement[0].Condition must be a non-empty object"),
    (doc(allow(Condition={"IpAddresses": {"acs:SourceIp": "1.2.3.4"}})),
     "Condition operator 'IpAddresses' is not supported"),
    (doc(allow(Condition={"IpAddress": "1.2.3.4"})), "Condition.IpAddress must be a non-empty object"),
    (doc(allow(Condition={"IpAddress": {"acs:SourceIp": {"a": 1}}})), "acs:SourceIp has an invalid value"),
    (doc(allow(Condition={"IpAddress": {"acs:SourceIp": "300.1.1.1"}})),
     "'300.1.1.1' is not an IP address or CIDR block"),
    (doc(allow(Condition={"DateLessThan": {"acs:CurrentTime": "next tuesday"}})),
     "'next tuesday' is not an ISO 8601 time"),
])
def test_bad_documents_name_their_fault(document: Any, fault: str) -> None:
    text = document if isinstance(document, str) else json.dumps(document)
    with pytest.raises(PolicyGrammarError) as err:
        parse_policy(text)
    assert fault in str(err.value)


def test_length_limit_is_checked_before_parsing() -> None:
    text = json.dumps(doc(allow())) + " " * 3000
    with pytest.raises(PolicyGrammarError, match="longer than 2048 characters"):
        parse_policy(text, max_length=2048)
    assert parse_policy(text)  # no limit by default (attached policies are not session policies)


def test_element_names_are_case_sensitive() -> None:
    with pytest.raises(PolicyGrammarError, match="unknown element 'effect'"):
        parse_policy(json.dumps(doc({"effect": "Allow", "Action": "vod:*", "Resource": "*"})))


# -- evaluation ----------------------------------------------------------------------------------------------
def test_allow_deny_and_implicit_deny() -> None:
    policies = [doc(allow("vod:Get*")), doc(deny("vod:GetPlayInfo"))]
    assert evaluate(policies, "vod:GetVideoInfo", "*") is Decision.ALLOW
    assert evaluate(policies, "vod:GetPlayInfo", "*") is Decision.DENY
    assert evaluate(policies, "vod:CreateUploadVideo", "*") is Decision.IMPLICIT_DENY
    assert evaluate([], "vod:GetVideoInfo", "*") is Decision.IMPLICIT_DENY


def test_deny_wins_whatever_the_order() -> None:
    assert evaluate([doc(deny(), allow())], "vod:GetPlayInfo", "*") is Decision.DENY
    assert evaluate([doc(allow()), doc(deny())], "vod:GetPlayInfo", "*") is Decision.DENY


def test_not_action_and_not_resource() -> None:
    policy = doc({"Effect": "Allow", "NotAction": ["vod:Delete*"], "Resource": "*"})
    assert evaluate([policy], "vod:GetPlayInfo", "*") is Decision.ALLOW
    assert evaluate([policy], "vod:DeleteVideo", "*") is Decision.IMPLICIT_DENY
    scoped = doc({"Effect": "Allow", "Action": "sts:AssumeRole", "NotResource": "acs:ram::1:role/admin*"})
    assert evaluate([scoped], "sts:AssumeRole", "acs:ram::1:role/uploader") is Decision.ALLOW
    assert evaluate([scoped], "sts:AssumeRole", "acs:ram::1:role/administrator") is Decision.IMPLICIT_DENY


def test_resource_matching_is_case_sensitive_action_matching_is_not() -> None:
    policy = doc(allow("VOD:getPLAYinfo", "acs:ram::1:role/uploader"))
    assert evaluate([policy], "vod:GetPlayInfo", "acs:ram::1:role/uploader") is Decision.ALLOW
    assert evaluate([policy], "vod:GetPlayInfo", "acs:ram::1:role/Uploader") is Decision.IMPLICIT_DENY


@pytest.mark.parametrize(("pattern", "value", "matches"), [
    ("*", "anything at all", True),
    ("vod:*", "vod:GetPlayInfo", True),
    ("vod:*", "sts:AssumeRole", False),
    ("vod:Get*Info", "vod:GetPlayInfo", True),
    ("vod:Get*Info", "vod:GetPlayInfos", False),
    ("vod:Get?layInfo", "vod:GetPlayInfo", True),
    ("vod:Get?layInfo", "vod:GetPPlayInfo", False),
    ("vod:GetPlayInfo", "vod:GetPlayInfo", True),
    ("a.b", "axb", False),  # regex metacharacters are literal
    ("acs:ram::1:role/*", "acs:ram::1:role/x/y", True),
])
def test_wildcards(pattern: str, value: str, matches: bool) -> None:
    assert wildcard_match(pattern, value) is matches


@pytest.mark.parametrize(("condition", "ctx", "allowed"), [
    ({"IpAddress": {"acs:SourceIp": "127.0.0.0/8"}}, RequestContext(source_ip="127.0.0.1"), True),
    ({"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "192.168.0.1"]}}, RequestContext(source_ip="192.168.0.1"),
     True),
    ({"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}, RequestContext(source_ip="127.0.0.1"), False),
    ({"NotIpAddress": {"acs:SourceIp": "10.0.0.0/8"}}, RequestContext(source_ip="127.0.0.1"), True),
    ({"Bool": {"acs:SecureTransport": True}}, RequestContext(secure_transport=False), False),
    ({"Bool": {"acs:SecureTransport": "false"}}, RequestContext(secure_transport=False), True),
    ({"StringEquals": {"acs:SourceIp": "127.0.0.1"}}, RequestContext(source_ip="127.0.0.1"), True),
    ({"StringNotEquals": {"acs:SourceIp": "127.0.0.1"}}, RequestContext(source_ip="127.0.0.1"), False),
    ({"StringLike": {"acs:SourceIp": "127.*"}}, RequestContext(source_ip="127.0.0.1"), True),
    ({"StringEqualsIgnoreCase": {"acs:SecureTransport": "FALSE"}}, RequestContext(), True),
    # Instants are compared, whatever the offset: 09:00Z is 17:00+08:00.
    ({"DateLessThan": {"acs:CurrentTime": "2030-01-01T17:00:00+08:00"}},
     RequestContext(current_time="2030-01-01T08:59:59Z"), True),
    ({"DateLessThan": {"acs:CurrentTime": "2030-01-01T17:00:00+08:00"}},
     RequestContext(current_time="2030-01-01T09:00:00Z"), False),
    ({"DateGreaterThanEquals": {"acs:CurrentTime": "2030-01-01T09:00:00Z"}},
     RequestContext(current_time="2030-01-01T09:00:00Z"), True),
    # Unknown time or key: a positive condition cannot hold, a negated one does.
    ({"DateLessThan": {"acs:CurrentTime": "2999-01-01T00:00:00Z"}}, RequestContext(), False),
    ({"StringEquals": {"vod:NoSuchKey": "x"}}, RequestContext(), False),
    ({"StringNotEquals": {"vod:NoSuchKey": "x"}}, RequestContext(), True),
])
def test_conditions(condition: dict[str, Any], ctx: RequestContext, allowed: bool) -> None:
    policy = parse_policy(doc(allow(Condition=condition)))
    expected = Decision.ALLOW if allowed else Decision.IMPLICIT_DENY
    assert evaluate([policy], "vod:GetPlayInfo", "*", ctx) is expected


def test_all_conditions_of_a_statement_must_hold() -> None:
    policy = doc(allow(Condition={"IpAddress": {"acs:SourceIp": "127.0.0.0/8"},
                                  "Bool": {"acs:SecureTransport": "true"}}))
    assert evaluate([policy], "vod:GetPlayInfo", "*", RequestContext()) is Decision.IMPLICIT_DENY
    assert evaluate([policy], "vod:GetPlayInfo", "*",
                    RequestContext(secure_transport=True)) is Decision.ALLOW


def test_conditional_deny_only_applies_when_it_holds() -> None:
    policies = [doc(allow(), deny(Condition={"NotIpAddress": {"acs:SourceIp": "192.168.0.0/16"}}))]
    inside, outside = RequestContext(source_ip="192.168.3.4"), RequestContext(source_ip="127.0.0.1")
    assert evaluate(policies, "vod:GetPlayInfo", "*", inside) is Decision.ALLOW
    assert evaluate(policies, "vod:GetPlayInfo", "*", outside) is Decision.DENY
