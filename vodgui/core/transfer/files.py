"""Local file checks shared by every kind of job."""

from __future__ import annotations

import os
import stat

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message
from vodgui.core.transfer.uploader import FileIdentity


def check_file(path: str) -> FileIdentity:
    """The local checks, each failure a clear message naming the cause and the fix."""
    name = os.path.basename(path) or path
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise VodError("FileNotFound", params={"name": name, "path": path}, kind=ErrorKind.FILE) from None
    except OSError as exc:
        raise VodError("FileUnreadable", params={"name": name, "reason": str(exc.strerror)},
                       kind=ErrorKind.FILE) from None
    if stat.S_ISDIR(st.st_mode):
        raise VodError("IsADirectory", params={"name": name}, kind=ErrorKind.FILE)
    if not stat.S_ISREG(st.st_mode):
        raise VodError("NotAFile", params={"name": name}, kind=ErrorKind.FILE)
    if not os.access(path, os.R_OK):
        raise VodError("FileUnreadable", params={"name": name, "reason": Message("file.permission_denied").to_dict()},
                       kind=ErrorKind.FILE)
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError as exc:
        raise VodError("FileUnreadable", params={"name": name, "reason": str(exc.strerror)},
                       kind=ErrorKind.FILE) from None
    if st.st_size == 0:
        raise VodError("EmptyFile", params={"name": name}, kind=ErrorKind.FILE)
    return FileIdentity(path, st.st_size, st.st_mtime_ns)
