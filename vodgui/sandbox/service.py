"""What every sandbox service shares: the instance context and the service protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from vodgui.sandbox.clock import SandboxClock
from vodgui.sandbox.config import SandboxConfig, Settings
from vodgui.sandbox.http import Request, RequestLog, Response
from vodgui.sandbox.iam import Iam
from vodgui.sandbox.ids import IdGenerator
from vodgui.sandbox.state import StateStore

if TYPE_CHECKING:
    from vodgui.sandbox.faults import FaultEngine


@dataclass
class SandboxContext:
    """Everything one sandbox instance owns; passed to each service (no module globals)."""

    config: SandboxConfig
    clock: SandboxClock
    ids: IdGenerator
    store: StateStore
    iam: Iam
    log: RequestLog
    faults: FaultEngine
    #: ``http://127.0.0.1:PORT``, set once the socket is bound.
    url: str = ""
    #: The service models by name ("oss", "vod", "sts"), set by the wiring; for the control plane and tests.
    models: dict[str, Any] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.config.settings

    @property
    def host(self) -> str:
        return self.url.split("://", 1)[-1]


class Service(Protocol):
    """A service mounted on the sandbox's single port."""

    def wants(self, req: Request) -> bool:
        """True if this service answers ``req`` (checked in mount order)."""

    def classify(self, req: Request) -> tuple[str, str]:
        """``(service, operation)`` for fault rules and the request log, without authenticating."""

    def handle(self, req: Request) -> Response:
        """Answer the request. Raise :class:`~vodgui.sandbox.http.ConnectionDropped` to hang up."""

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        """An error in this service's wire format (used for injected faults and internal errors)."""

    def reset(self) -> None:
        """Forget all state (control plane reset)."""
