"""Corporate networks against real local servers: a password-protected proxy, a proxy that is down, PAC, the
system's proxy variables, and TLS with a CA that only the operating system or a profile's CA file trusts."""

from __future__ import annotations

import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import oss2
import pytest

from tests.helpers.media import serving
from tests.helpers.proxy import forwarding_proxy
from tests.helpers.tls import make_ca, tls_front
from tests.helpers.workspace import write_file
from vodgui.core.connection_test import test_connection as run_connection_test
from vodgui.core.errors import VodError
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.vod import VideoMetadata
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer

PROFILE = "credential-accesskey"


def upload_one(ws: Workspace, tmp_path: Path, profile: str = PROFILE, size: int = 70_000) -> JobSnapshot:
    engine = TransferEngine(ws.store, ws.sessions)
    try:
        [job_id] = engine.add_files([str(write_file(tmp_path / f"n{time.monotonic_ns()}.mp4", size))], profile)
        assert engine.wait_idle(60)
        snap = engine.snapshot(job_id)
        assert snap is not None
        return snap
    finally:
        engine.shutdown()


def set_network(ws: Workspace, name: str = PROFILE, password: str | None = None, **changes: str) -> None:
    ws.profiles.update(name, lambda p: replace(p, **changes))
    if password is not None:
        ws.secrets.set(name, "proxy_password", password)
    ws.sessions.invalidate()


def test_proxy_password_from_the_keychain_is_sent(tmp_path, ws: Workspace) -> None:
    with forwarding_proxy(auth=("alice", "pa:ss@w/rd%1")) as proxy:
        set_network(ws, proxy_mode="manual", proxy_url=f"http://127.0.0.1:{proxy.port}", proxy_user="alice",
                    password="pa:ss@w/rd%1")
        snap = upload_one(ws, tmp_path)
    assert snap.state is JobState.DONE, snap.error
    assert proxy.refused == 0 and any("uploadId=" in path for _, path in proxy.seen)
    assert "pa:ss" not in ws.profiles.path.read_text(encoding="utf-8")


def test_a_proxy_refusing_the_credentials_is_named_at_once(tmp_path, ws: Workspace) -> None:
    with forwarding_proxy(auth=("alice", "right")) as proxy:
        set_network(ws, proxy_mode="manual", proxy_url=f"http://127.0.0.1:{proxy.port}", proxy_user="alice",
                    password="wrong-password-1")
        started = time.monotonic()
        snap = upload_one(ws, tmp_path)
        elapsed = time.monotonic() - started
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "ProxyAuthRequired"
    assert f"127.0.0.1:{proxy.port}" in snap.error.message and "<html" not in snap.error.message.lower()
    assert "wrong-password-1" not in snap.error.message
    assert proxy.attempts == 1, "a refused proxy login must not be retried"
    assert elapsed < 5, elapsed


def test_a_proxy_that_is_down_is_named(tmp_path, ws: Workspace, sandbox: SandboxServer) -> None:
    with forwarding_proxy() as proxy:
        port = proxy.port  # closed once the block ends: nothing listens there any more
    set_network(ws, proxy_mode="manual", proxy_url=f"http://127.0.0.1:{port}")
    profile = ws.profiles.require(PROFILE)
    result = run_connection_test(ws.sessions, profile)
    assert not result.ok
    error = result.steps[-1].error or {}
    assert error["code"] == "ProxyUnreachable" and f"127.0.0.1:{port}" in result.summary
    assert "connection refused" in result.summary


def test_the_bypass_list_and_none_go_direct(tmp_path, ws: Workspace) -> None:
    with forwarding_proxy() as proxy:
        set_network(ws, proxy_mode="manual", proxy_url=f"http://127.0.0.1:{proxy.port}", no_proxy="127.0.0.0/8")
        assert upload_one(ws, tmp_path).state is JobState.DONE
        set_network(ws, proxy_mode="none")
        assert upload_one(ws, tmp_path).state is JobState.DONE
    assert proxy.seen == []


class _PacHandler(BaseHTTPRequestHandler):
    body = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ns-proxy-autoconfig")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def test_a_pac_file_chooses_the_proxy(tmp_path, ws: Workspace, sandbox: SandboxServer) -> None:
    with forwarding_proxy() as proxy:
        script = (f'function FindProxyForURL(url, host) {{ if (url.indexOf("/_sandbox") >= 0) return "DIRECT"; '
                  f'return "PROXY 127.0.0.1:{proxy.port}; DIRECT"; }}').encode()
        handler = type("Pac", (_PacHandler,), {"body": script})
        with serving(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as pac:
            set_network(ws, proxy_mode="pac", proxy_url=f"http://127.0.0.1:{pac.server_address[1]}/proxy.pac")
            snap = upload_one(ws, tmp_path)
    assert snap.state is JobState.DONE, snap.error
    assert any("Action=CreateUploadVideo" in path for _, path in proxy.seen)
    assert any("uploadId=" in path for _, path in proxy.seen)


def test_system_mode_follows_the_environment_and_no_proxy(tmp_path, ws: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with forwarding_proxy() as proxy:
        for var in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
        set_network(ws, proxy_mode="system")
        assert upload_one(ws, tmp_path).state is JobState.DONE
        through = len(proxy.seen)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        set_network(ws, proxy_mode="system")  # a new session reads the settings again
        assert upload_one(ws, tmp_path).state is JobState.DONE
    assert through > 0 and len(proxy.seen) == through


# -- TLS -----------------------------------------------------------------------------------------------------
@pytest.fixture
def tls_sandbox(tmp_path, sandbox: SandboxServer):
    """The sandbox behind a TLS front whose certificate chains to a throwaway CA; the sandbox hands out the
    front's https:// address as the OSS endpoint, as VOD does."""
    ca = make_ca(tmp_path / "ca")
    with tls_front(ca, ("127.0.0.1", sandbox.port)) as front:
        plain = sandbox.context.url
        sandbox.context.url = front.url
        try:
            yield ca, front
        finally:
            sandbox.context.url = plain


def test_a_ca_file_on_the_profile_is_trusted_for_vod_and_oss(tmp_path, ws: Workspace, tls_sandbox,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ca, front = tls_sandbox
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    set_network(ws, vod_endpoint=front.url, ca_file=str(ca.ca_file), proxy_mode="none")
    snap = upload_one(ws, tmp_path)
    assert snap.state is JobState.DONE, snap.error
    # The same, with the SDK clients directly: a VOD call, then an OSS PUT with its credentials.
    session = ws.sessions(PROFILE)
    assert session.vod is not None
    ticket = session.vod.create_upload_video(VideoMetadata(), "direct.mp4", 5)
    assert ticket.address.endpoint.startswith("https://")
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret.reveal(),
                        ticket.auth.security_token.reveal())
    bucket = oss2.Bucket(auth, ticket.address.endpoint, ticket.address.bucket, session=session.oss_session)
    assert bucket.put_object(ticket.address.file_name, b"hello").status == 200


def test_without_the_ca_the_failure_names_host_and_issuer(tmp_path, ws: Workspace, tls_sandbox,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ca, front = tls_sandbox
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    set_network(ws, vod_endpoint=front.url, proxy_mode="none")
    started = time.monotonic()
    snap = upload_one(ws, tmp_path)
    assert time.monotonic() - started < 5
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "TlsUntrusted"
    assert "127.0.0.1" in snap.error.message and ca.name in snap.error.message
    assert "extra CA certificate" in snap.error.message


def test_a_ca_installed_in_the_system_needs_no_setting(tmp_path, ws: Workspace, tls_sandbox,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenSSL's system store, as truststore reads it on Linux: SSL_CERT_FILE stands for "IT installed the CA"."""
    ca, front = tls_sandbox
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.ca_file))
    set_network(ws, vod_endpoint=front.url, proxy_mode="none")
    snap = upload_one(ws, tmp_path)
    assert snap.state is JobState.DONE, snap.error


def test_tls_through_a_password_proxy(tmp_path, ws: Workspace, tls_sandbox) -> None:
    """CONNECT tunnels to an https endpoint through a proxy with credentials; a wrong password is a 407."""
    ca, front = tls_sandbox
    with forwarding_proxy(auth=("bob", "tunnel-secret-9")) as proxy:
        set_network(ws, vod_endpoint=front.url, ca_file=str(ca.ca_file), proxy_mode="manual",
                    proxy_url=f"http://127.0.0.1:{proxy.port}", proxy_user="bob", password="tunnel-secret-9")
        assert upload_one(ws, tmp_path).state is JobState.DONE
        assert any(method == "CONNECT" for method, _ in proxy.seen)
        set_network(ws, password="not-the-password-1")
        snap = upload_one(ws, tmp_path)
    assert snap.error is not None and snap.error.code == "ProxyAuthRequired"


def test_an_invalid_ca_file_is_a_config_error(tmp_path, ws: Workspace) -> None:
    bad = tmp_path / "not-a-cert.pem"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(VodError) as err:
        set_network(ws, ca_file=str(bad))
    assert err.value.code == "InvalidCAFile" and str(bad) in err.value.message


# -- AppServer -----------------------------------------------------------------------------------------------
class _WebPage(BaseHTTPRequestHandler):
    """Not an AppServer: a web server that answers every POST with an HTML page (a wrong URL prefix)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"<html><body>Welcome to the intranet</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("mode", ["credential", "sts"])
def test_appserver_connection_test_tells_the_causes_apart(ws: Workspace, mode: str) -> None:
    name = f"{mode}-appserver"
    good = ws.profiles.require(name)
    assert run_connection_test(ws.sessions, good).ok

    ws.secrets.set(name, "appserver_token", "not-the-token-123")
    wrong = run_connection_test(ws.sessions, good)
    assert not wrong.ok and (wrong.steps[-1].error or {})["code"] == "AppServerUnauthorized"

    ws.secrets.set(name, "appserver_token", "whatever-token-123")
    with forwarding_proxy() as closed:
        port = closed.port
    down = run_connection_test(ws.sessions, replace(good, appserver_url=f"http://127.0.0.1:{port}/vod"))
    assert not down.ok and (down.steps[-1].error or {})["code"] == "AppServerUnreachable"
    assert f"http://127.0.0.1:{port}/vod" in down.summary and "connection refused" in down.summary

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), _WebPage)) as web:
        url = f"http://127.0.0.1:{web.server_address[1]}"
        other = run_connection_test(ws.sessions, replace(good, appserver_url=url))
    assert not other.ok and (other.steps[-1].error or {})["code"] == "AppServerContractMismatch"
    assert url in other.summary and "prefix before /sts-token" in other.summary


# -- SOCKS5 --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("scheme", ["socks5", "socks5h"])
def test_uploads_through_a_socks5_proxy_with_a_login(tmp_path, ws: Workspace, scheme: str) -> None:
    from tests.helpers.socks import socks5_proxy

    with socks5_proxy(auth=("qa", "Socks-Pw-1357")) as proxy:
        set_network(ws, proxy_mode="manual", proxy_url=f"{scheme}://127.0.0.1:{proxy.port}", proxy_user="qa",
                    password="Socks-Pw-1357")
        snap = upload_one(ws, tmp_path)
        assert snap.state is JobState.DONE, snap.error
        assert proxy.seen and proxy.refused == 0  # VOD and OSS connections both went through it
        set_network(ws, password="not-it-2468")
        refused = upload_one(ws, tmp_path)
    assert refused.error is not None and refused.error.code == "ProxyAuthRequired"
    assert f"127.0.0.1:{proxy.port}" in refused.error.message and "not-it-2468" not in refused.error.message
    assert proxy.refused == 1, "a refused SOCKS login must not be retried"


def test_a_socks5_proxy_that_is_down_is_named(ws: Workspace) -> None:
    from tests.helpers.socks import socks5_proxy

    with socks5_proxy() as proxy:
        port = proxy.port
    set_network(ws, proxy_mode="manual", proxy_url=f"socks5://127.0.0.1:{port}")
    result = run_connection_test(ws.sessions, ws.profiles.require(PROFILE))
    assert not result.ok and (result.steps[-1].error or {})["code"] == "ProxyUnreachable"
    assert f"127.0.0.1:{port}" in result.summary
