"""Local file checks shared by every kind of job."""

from __future__ import annotations

import os
import stat

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.transfer.uploader import FileIdentity


def check_file(path: str) -> FileIdentity:
    """The local checks, each failure a clear message naming the cause and the fix."""
    name = os.path.basename(path) or path
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise VodError("FileNotFound", f"{name} does not exist any more at {path}. Put it back or remove the "
                       "item.", kind=ErrorKind.FILE) from None
    except OSError as exc:
        raise VodError("FileUnreadable", f"{name} cannot be read: {exc.strerror}.", kind=ErrorKind.FILE) from None
    if stat.S_ISDIR(st.st_mode):
        raise VodError("IsADirectory", f"{name} is a folder. Add the files inside it instead.",
                       kind=ErrorKind.FILE)
    if not stat.S_ISREG(st.st_mode):
        raise VodError("NotAFile", f"{name} is not a regular file.", kind=ErrorKind.FILE)
    if not os.access(path, os.R_OK):
        raise VodError("FileUnreadable", f"{name} cannot be read: permission denied. Check the file's "
                       "permissions.", kind=ErrorKind.FILE)
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError as exc:
        raise VodError("FileUnreadable", f"{name} cannot be read: {exc.strerror}.", kind=ErrorKind.FILE) from None
    if st.st_size == 0:
        raise VodError("EmptyFile", f"{name} is empty (0 bytes); VOD cannot accept it.", kind=ErrorKind.FILE)
    return FileIdentity(path, st.st_size, st.st_mtime_ns)
