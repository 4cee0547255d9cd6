"""RAM policy documents: grammar check and evaluation, as RAM and STS apply them.

Grammar (https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax): ``{"Version": "1",
"Statement": [{"Effect": "Allow"|"Deny", "Action"|"NotAction": str|[str], "Resource"|"NotResource": str|[str],
"Condition": {Operator: {Key: value|[values]}}}]}``. Element names and operators are case-sensitive; Action and
Resource values may use ``*`` and ``?``. Evaluation: an explicit Deny wins, otherwise any Allow, otherwise an
implicit deny.
"""

from __future__ import annotations

import ipaddress
import json
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

MAX_SESSION_POLICY_LENGTH = 2048

_STATEMENT_KEYS = {"Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "Sid"}
_STRING_OPS = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
               "StringLike", "StringNotLike"}
_OTHER_OPS = {"IpAddress", "NotIpAddress", "Bool", "DateEquals", "DateNotEquals", "DateLessThan",
              "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "NumericEquals",
              "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
              "NumericGreaterThanEquals"}
_ACTION_RE = re.compile(r"^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$")


class PolicyGrammarError(ValueError):
    """The document is not a valid RAM policy; the message says what is wrong."""


class Decision(Enum):
    ALLOW = "allow"
    DENY = "deny"
    IMPLICIT_DENY = "implicit"


@dataclass(frozen=True)
class RequestContext:
    """Condition keys available to policies."""

    source_ip: str = "127.0.0.1"
    current_time: str = ""
    secure_transport: bool = False

    def value(self, key: str) -> str | None:
        k = key.lower()
        if k == "acs:sourceip":
            return self.source_ip
        if k == "acs:currenttime":
            return self.current_time or None  # unknown time: no Date condition can hold
        if k == "acs:securetransport":
            return "true" if self.secure_transport else "false"
        return None


def _as_list(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    raise PolicyGrammarError(f"{what} must be a string or a non-empty list of strings")


def parse_policy(document: str | Mapping[str, Any], *, max_length: int | None = None) -> dict[str, Any]:
    """Parse and grammar-check a policy. Raises :class:`PolicyGrammarError` naming the fault."""
    if isinstance(document, str):
        if max_length is not None and len(document) > max_length:
            raise PolicyGrammarError(f"the policy is longer than {max_length} characters")
        try:
            doc = json.loads(document)
        except json.JSONDecodeError as exc:
            raise PolicyGrammarError(f"the policy is not valid JSON: {exc.msg} at position {exc.pos}") from None
    else:
        doc = dict(document)
    if not isinstance(doc, dict):
        raise PolicyGrammarError("the policy must be a JSON object")
    unknown = set(doc) - {"Version", "Statement"}
    if unknown:
        raise PolicyGrammarError(f"unknown policy element {sorted(unknown)[0]!r}")
    if doc.get("Version") != "1":
        raise PolicyGrammarError('the policy Version must be "1"')
    statements = doc.get("Statement")
    if not isinstance(statements, list) or not statements:
        raise PolicyGrammarError("Statement must be a non-empty list")
    for i, st in enumerate(statements):
        where = f"Statement[{i}]"
        if not isinstance(st, dict):
            raise PolicyGrammarError(f"{where} must be an object")
        extra = set(st) - _STATEMENT_KEYS
        if extra:
            raise PolicyGrammarError(f"{where} has an unknown element {sorted(extra)[0]!r}")
        if st.get("Effect") not in ("Allow", "Deny"):
            raise PolicyGrammarError(f'{where}.Effect must be "Allow" or "Deny"')
        if ("Action" in st) == ("NotAction" in st):
            raise PolicyGrammarError(f"{where} needs exactly one of Action and NotAction")
        actions = _as_list(st.get("Action", st.get("NotAction")), f"{where}.Action")
        for action in actions:
            if not _ACTION_RE.match(action):
                raise PolicyGrammarError(f"{where}.Action {action!r} is not of the form service:Name")
        if ("Resource" in st) == ("NotResource" in st):
            raise PolicyGrammarError(f"{where} needs exactly one of Resource and NotResource")
        _as_list(st.get("Resource", st.get("NotResource")), f"{where}.Resource")
        cond = st.get("Condition")
        if cond is not None:
            if not isinstance(cond, dict) or not cond:
                raise PolicyGrammarError(f"{where}.Condition must be a non-empty object")
            for op, block in cond.items():
                if op not in _STRING_OPS and op not in _OTHER_OPS:
                    raise PolicyGrammarError(f"{where}.Condition operator {op!r} is not supported")
                if not isinstance(block, dict) or not block:
                    raise PolicyGrammarError(f"{where}.Condition.{op} must be a non-empty object")
                for key, value in block.items():
                    if not isinstance(key, str):
                        raise PolicyGrammarError(f"{where}.Condition.{op} keys must be strings")
                    if isinstance(value, list):
                        if not value or not all(isinstance(v, str | int | float | bool) for v in value):
                            raise PolicyGrammarError(f"{where}.Condition.{op}.{key} has an invalid value")
                    elif not isinstance(value, str | int | float | bool):
                        raise PolicyGrammarError(f"{where}.Condition.{op}.{key} has an invalid value")
                    _check_condition_values(f"{where}.Condition.{op}.{key}", op,
                                            value if isinstance(value, list) else [value])
    return doc


def _check_condition_values(where: str, op: str, values: list[Any]) -> None:
    """Reject values that could never match, instead of letting the condition silently fail."""
    for v in values:
        if op in ("IpAddress", "NotIpAddress"):
            try:
                ipaddress.ip_network(str(v), strict=False)
            except ValueError:
                raise PolicyGrammarError(f"{where} value {v!r} is not an IP address or CIDR block") from None
        elif op.startswith("Date"):
            try:
                _parse_time(str(v))
            except ValueError:
                raise PolicyGrammarError(f"{where} value {v!r} is not an ISO 8601 time") from None


@lru_cache(maxsize=4096)
def _wildcard(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(f"^{regex}$", re.IGNORECASE | re.DOTALL if ignore_case else re.DOTALL)


def wildcard_match(pattern: str, value: str, *, ignore_case: bool = False) -> bool:
    """RAM wildcard matching: ``*`` is any run of characters, ``?`` exactly one."""
    return _wildcard(pattern, ignore_case).match(value) is not None


def _condition_holds(op: str, key: str, expected: Any, ctx: RequestContext) -> bool:
    actual = ctx.value(key)
    values = [str(v).lower() if isinstance(v, bool) else str(v) for v in (expected if isinstance(expected, list)
                                                                          else [expected])]
    if actual is None:
        return op.startswith(("StringNot", "NotIp", "NumericNot", "DateNot"))
    if op == "StringEquals":
        return actual in values
    if op == "StringNotEquals":
        return actual not in values
    if op == "StringEqualsIgnoreCase":
        return actual.lower() in [v.lower() for v in values]
    if op == "StringNotEqualsIgnoreCase":
        return actual.lower() not in [v.lower() for v in values]
    if op == "StringLike":
        return any(wildcard_match(v, actual) for v in values)
    if op == "StringNotLike":
        return not any(wildcard_match(v, actual) for v in values)
    if op in ("IpAddress", "NotIpAddress"):
        try:
            ip = ipaddress.ip_address(actual)
            inside = any(ip in ipaddress.ip_network(v, strict=False) for v in values)
        except ValueError:
            inside = False
        return inside if op == "IpAddress" else not inside
    if op == "Bool":
        return actual.lower() in [v.lower() for v in values]
    if op.startswith("Date"):
        cmp = _DATE_OPS[op[4:]]
        # Compare instants, not strings: RAM examples write local offsets ("2019-08-12T17:00:00+08:00").
        try:
            now = _parse_time(actual)
            return any(cmp(now, _parse_time(v)) for v in values)
        except ValueError:
            return False
    return False


_DATE_OPS: dict[str, Callable[[datetime, datetime], bool]] = {
    "Equals": operator.eq, "NotEquals": operator.ne, "LessThan": operator.lt, "LessThanEquals": operator.le,
    "GreaterThan": operator.gt, "GreaterThanEquals": operator.ge,
}


def _parse_time(text: str) -> datetime:
    """An ISO 8601 time; without an offset it is taken as UTC."""
    when = datetime.fromisoformat(text.strip())
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _statement_matches(st: Mapping[str, Any], action: str, resource: str, ctx: RequestContext) -> bool:
    if "Action" in st:
        if not any(wildcard_match(a, action, ignore_case=True) for a in _as_list(st["Action"], "Action")):
            return False
    elif any(wildcard_match(a, action, ignore_case=True) for a in _as_list(st["NotAction"], "NotAction")):
        return False
    if "Resource" in st:
        if not any(wildcard_match(r, resource) for r in _as_list(st["Resource"], "Resource")):
            return False
    elif any(wildcard_match(r, resource) for r in _as_list(st["NotResource"], "NotResource")):
        return False
    for op, block in (st.get("Condition") or {}).items():
        for key, expected in block.items():
            if not _condition_holds(op, key, expected, ctx):
                return False
    return True


def evaluate(policies: Sequence[Mapping[str, Any]], action: str, resource: str,
             ctx: RequestContext | None = None) -> Decision:
    """Evaluate a set of policies for one action on one resource."""
    ctx = ctx or RequestContext()
    allowed = False
    for policy in policies:
        for st in policy.get("Statement", []):
            if _statement_matches(st, action, resource, ctx):
                if st["Effect"] == "Deny":
                    return Decision.DENY
                allowed = True
    return Decision.ALLOW if allowed else Decision.IMPLICIT_DENY
