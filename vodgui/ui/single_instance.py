"""One window per queue: a second ``vodgui [FILE...]`` (a file manager's "Open with", the desktop icon clicked
again) hands its files to the running app, which queues them and comes to the front, instead of failing on the
queue lock.

The running app listens on a local socket (a Unix socket only its user may open; a named pipe on Windows) whose
name comes from its data directory, so two homes (``VODGUI_HOME``) are two instances. The message is one line
of JSON: ``{"files": [absolute paths]}``; the answer is ``ok``.

Signals:
    InstanceServer.files_received(list): paths another launch asked to open (maybe none: just come forward).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

TIMEOUT_MS = 3000
MAX_MESSAGE = 1 << 20


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(getattr(os, "getuid", lambda: 0)())
    return f"vodgui-{user}-{digest}"


class InstanceServer(QObject):
    """Listens for later launches on the same data directory.

    Signals:
        files_received(list): absolute paths to queue (an empty list: just raise the window).
    """

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        # A socket file left by a crashed instance would block listen(); the queue lock proves nobody uses it.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("cannot listen for other launches on %s: %s", name, self._server.errorString())

    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                buf += bytes(sock.readAll().data())
                if b"\n" not in buf and len(buf) < MAX_MESSAGE:
                    return
                sock.readyRead.disconnect()
                line = bytes(buf).split(b"\n", 1)[0]
                try:
                    files = json.loads(line.decode("utf-8")).get("files", [])
                    paths = [str(f) for f in files if isinstance(f, str)]
                except (ValueError, AttributeError):
                    log.warning("ignored a malformed message from another launch")
                    sock.disconnectFromServer()
                    return
                sock.write(b"ok\n")
                sock.flush()
                sock.disconnectFromServer()
                log.info("another launch handed over %d file(s)", len(paths))
                self.files_received.emit(paths)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()


def hand_over(name: str, files: list[str]) -> bool:
    """Give ``files`` to the instance listening on ``name``; True if it took them (then this launch may exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode("utf-8") + b"\n"
    socket.write(message)
    if not socket.waitForBytesWritten(TIMEOUT_MS):
        return False
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.startswith(b"ok")
