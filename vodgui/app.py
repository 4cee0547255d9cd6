"""The desktop app's composition root: the only module that knows the UI, the core and the sandbox together."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from typing import Any

from vodgui import __version__
from vodgui.core.keychain import SecretStore
from vodgui.core.logbuffer import LogBuffer
from vodgui.core.redact import RedactingFilter, install_log_filter
from vodgui.core.settings import SettingsStore
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.workspace import Workspace

log = logging.getLogger("vodgui")


def headless() -> bool:
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def setup_logging(log_dir: str, buffer: LogBuffer) -> str:
    """Rotating log file plus the in-memory buffer for the Log page; both redact secrets."""
    os.makedirs(log_dir, exist_ok=True)
    path = os.path.join(log_dir, "vodgui.log")
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler.addFilter(RedactingFilter())
    for handler in list(root.handlers):
        if isinstance(handler, (logging.handlers.RotatingFileHandler, LogBuffer)):
            root.removeHandler(handler)
    root.addHandler(file_handler)
    root.addHandler(buffer)
    install_log_filter(root)
    # aliyunsdkcore logs every service error at ERROR, expected ones too (Test connection's NotFound probes).
    # vodgui reports the failures that matter itself; keep the SDK's lines, one level quieter.
    sdk = logging.getLogger("aliyunsdkcore.client")
    if not any(isinstance(f, _Demote) for f in sdk.filters):
        sdk.addFilter(_Demote())
    return path


class _Demote(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def route_qt_messages() -> None:
    """Send Qt's own messages (multimedia/FFmpeg included, which quote stream URLs with their auth_key) through
    Python logging, so they are redacted and appear on the Log page instead of raw on stderr."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: Any, context: Any, message: str) -> None:
        category = getattr(context, "category", None) or "qt"
        qt_log.log(levels.get(kind, logging.INFO), "[%s] %s", category, message)

    qInstallMessageHandler(handler)


def build_context(workspace: Workspace, sandbox_info: Callable[[], dict[str, Any]] | None,
                  *, log_buffer: LogBuffer | None = None, log_file: str = "") -> Any:
    """Everything the window needs, without showing anything (tests build windows from this)."""
    from vodgui.ui.bridge import EngineBridge
    from vodgui.ui.context import AppContext

    settings_store = SettingsStore(workspace.dirs.config)
    workspace.sessions.sandbox_info = sandbox_info
    if sandbox_info is not None:
        workspace.profiles.ensure_sandbox()
    profile = workspace.profiles.get(settings_store.load().last_profile) or workspace.profiles.get(
        workspace.profiles.default or "")
    transfer = profile.transfer if profile else None
    engine = TransferEngine.for_config(workspace.store, workspace.sessions, transfer)
    bridge = EngineBridge()
    engine.subscribe(bridge)
    return AppContext(workspace, engine, bridge, settings_store, log_buffer or LogBuffer(), sandbox_info,
                      current_profile=profile.name if profile else "", log_file=log_file)


def run_app(*, smoke: bool = False, home: str | None = None, files: list[str] | None = None) -> int:
    if headless() or (smoke and not os.environ.get("DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if smoke and home is None and not os.environ.get("VODGUI_HOME"):
        import tempfile

        home = tempfile.mkdtemp(prefix="vodgui-smoke-home-")  # never touch the user's queue or profiles
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

    from PySide6.QtWidgets import QApplication, QMessageBox

    from vodgui.sandbox import SandboxServer
    from vodgui.ui.collector import freeze_long_lived
    from vodgui.ui.i18n import install_translators
    from vodgui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("vodgui")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("vodgui")

    workspace = Workspace(home, secrets=SecretStore())
    buffer = LogBuffer()
    log_file = setup_logging(str(workspace.dirs.logs), buffer)
    route_qt_messages()
    log.info("vodgui %s starting; home %s", __version__, workspace.dirs.data.parent)
    _log_hashing()
    install_translators(app, SettingsStore(workspace.dirs.config).load().language)
    from vodgui.ui.style import apply_theme

    apply_theme(app, SettingsStore(workspace.dirs.config).load().theme)
    from vodgui.ui.single_instance import InstanceServer, hand_over, server_name

    instance_name = server_name(workspace.dirs.data)
    try:
        workspace.lock.acquire()
    except Exception as exc:  # QueueBusy
        if not smoke and hand_over(instance_name, files or []):
            log.info("vodgui is already running on this queue: handed %d file(s) over to it", len(files or []))
            return 0
        from vodgui.ui.errors import describe_exception

        QMessageBox.critical(None, "vodgui", describe_exception(exc))
        return 1
    sandbox = SandboxServer(data_dir=workspace.dirs.data / "sandbox").start()
    ctx = build_context(workspace, sandbox.info, log_buffer=buffer, log_file=log_file)
    window = MainWindow(ctx)
    instance = InstanceServer(instance_name, window)
    instance.files_received.connect(window.open_files)

    def shutdown() -> None:
        window.watch_page.stop()
        ctx.bridge.stop()
        ctx.engine.shutdown(pause=True, timeout=20)
        sandbox.stop()
        workspace.close()

    window.show()
    # Everything loaded so far lives as long as the app, the queue's objects as long as their items: out of the
    # collector's walks (a full collection over them would stall the window).
    freeze_long_lived()
    _report_shown(window)
    # Off the GUI thread: 100,000 items take seconds to load, the window paints meanwhile (and says so).
    window.upload_page.load_queue(resume=ctx.settings.auto_resume)
    if files:
        # "Open with vodgui" from a file manager (Exec=vodgui %F): queue them, as if dropped on the window (they wait
        # for the queue to be loaded, to be checked against it).
        window.open_files([os.path.abspath(f) for f in files])
    if smoke:
        from vodgui.smoke import run_smoke

        code = run_smoke(app, window, ctx)
        shutdown()
        return code
    app.aboutToQuit.connect(shutdown)
    return int(app.exec())


def _log_hashing() -> None:
    """Name the checksum backend once per run; warn if any hashing path would run in pure Python."""
    from vodgui.core.integrity import hashing_info

    info = hashing_info()
    log.info("checksums: %s", "; ".join(info.lines()))
    if info.pure_python:
        log.warning("checksums: these paths run in pure Python, tens of times slower: %s "
                    "(crcmod's C extension is built only where a C compiler and the Python headers are installed)",
                    "; ".join(info.pure_python))


def _report_shown(window: Any) -> None:
    """For bench/startup.py and CI: print when the window is first painted (with the Qt platform and whether the
    window is visible), and optionally quit right away."""
    if not os.environ.get("VODGUI_REPORT_SHOWN"):
        return
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def shown() -> None:
        print(f"VODGUI_SHOWN {time.time():.6f} platform={QApplication.platformName()} "
              f"visible={int(window.isVisible())} size={window.width()}x{window.height()}", flush=True)
        if os.environ.get("VODGUI_REPORT_SHOWN") == "quit":
            app = QApplication.instance()
            if app is not None:
                app.quit()

    QTimer.singleShot(0, shown)
